# The map component's QML files (relative to qml/) and data resources (relative to the repo root).
