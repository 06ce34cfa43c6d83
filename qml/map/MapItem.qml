// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtPositioning
import PuddingGabel

// An overlay item pinned to a coordinate of a MapView (like Qt Location's MapQuickItem, but
// its content is its own children): the point `anchorPoint` of the item sits on `coordinate`,
// following every pan and zoom.
//
// Which map: the MapView it is declared in is found through its parents, so
//     MapView { MapItem { coordinate: …; anchorPoint: Qt.point(width / 2, height) } }
// just works; set `map` explicitly for an item that lives elsewhere (e.g. a delegate created
// outside the map). Items in the map's contentItem share its coordinates; elsewhere the
// position is mapped into the parent's coordinates.
Item {
    id: root

    property var coordinate: QtPositioning.coordinate()
    // The point of this item placed on the coordinate (e.g. a pin's tip).
    property point anchorPoint: Qt.point(0, 0)
    property MapView map: findMapView(parent)

    // Where the coordinate is, in the parent's coordinates.
    readonly property point position: {
        if (!map || !coordinate || !coordinate.isValid)
            return Qt.point(0, 0);
        map.center;
        map.zoomLevel;
        map.width;
        map.height;
        const onMap = map.fromCoordinate(coordinate);
        if (!parent || parent === map || parent === map.contentItem)
            return onMap;
        return parent.mapFromItem(map, onMap.x, onMap.y);
    }

    function findMapView(item: Item): MapView {
        for (let p = item; p; p = p.parent) {
            if (p instanceof MapView)
                return p;
        }
        return null;
    }

    x: position.x - anchorPoint.x
    y: position.y - anchorPoint.y
    visible: map !== null && coordinate !== undefined && coordinate.isValid
}
