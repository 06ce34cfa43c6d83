# auth: C++ sources (relative to client/) and QML files (relative to qml/)
list(APPEND PUDDING_CLIENT_SOURCES auth/accountmanager.h auth/accountmanager.cpp)
