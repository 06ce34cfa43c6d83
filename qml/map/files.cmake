# SPDX-License-Identifier: GPL-3.0-or-later
# The map component's QML files (relative to qml/) and data resources (relative to the repo root).
list(APPEND PUDDING_QML_FILES
    map/MapView.qml
    map/TileLayer.qml
    map/MapItem.qml
    map/MapCircle.qml
    map/ZoomControls.qml
)
list(APPEND PUDDING_QML_RESOURCES
    resources/map/de-states.json
)
