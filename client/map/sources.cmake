# SPDX-License-Identifier: GPL-3.0-or-later
# map: C++ sources (relative to client/) and QML files (relative to qml/)
list(APPEND PUDDING_CLIENT_SOURCES
    # the offline base map: data parsed once off the GUI thread, and the item drawing it
    map/basemapdata.h map/basemapdata.cpp
    map/basemapitem.h map/basemapitem.cpp
    # Web Mercator for QML (shared/mercator.h underneath)
    map/mapprojection.h map/mapprojection.cpp
    # QML's network access, following the OpenStreetMap tile policy
    map/tilenetworkfactory.h map/tilenetworkfactory.cpp
    map/tileimageprovider.h map/tileimageprovider.cpp
)

