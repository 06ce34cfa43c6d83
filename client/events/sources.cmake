# events: C++ sources (relative to client/) and QML files (relative to qml/)
list(APPEND PUDDING_CLIENT_SOURCES events/eventfilter.h events/eventfilter.cpp events/eventsmodel.h events/eventsmodel.cpp)
list(APPEND PUDDING_CLIENT_SOURCES events/eventeditor.h events/eventeditor.cpp)
