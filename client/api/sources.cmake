# api: C++ sources (relative to client/) and QML files (relative to qml/)
list(APPEND PUDDING_CLIENT_SOURCES api/apiclient.h api/apiclient.cpp)
