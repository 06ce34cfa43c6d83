# places: C++ sources (relative to client/) and QML files (relative to qml/)
