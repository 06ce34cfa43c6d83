# places: C++ sources (relative to client/) and QML files (relative to qml/)
list(APPEND PUDDING_CLIENT_SOURCES places/gazetteer.h places/gazetteer.cpp)
