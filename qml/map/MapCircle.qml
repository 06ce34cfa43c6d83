// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Shapes
import QtPositioning
import PuddingGabel

// A circle of `radius` metres on the ground around `center` (e.g. a search radius), drawn
// in a MapView. The outline is a geodesic circle — 96 points at `radius` metres in every
// direction — so it is right in metres at any latitude and size, including Web Mercator's
// north/south stretch. Like MapItem, it finds the MapView it is declared in (or set `map`).
Shape {
    id: root

    property var center: QtPositioning.coordinate()
    // Metres.
    property real radius: 0
    property color color: Qt.rgba(0.91, 0.12, 0.39, 0.10)
    property color borderColor: Qt.rgba(0.91, 0.12, 0.39, 0.85)
    property real borderWidth: 2
    property MapView map: findMapView(parent)
    // The radius in pixels eastwards from the centre at the current zoom.
    readonly property real pixelRadius: internal.points.length > 0
            ? internal.points[0].x - internal.centre.x : 0

    function findMapView(item: Item): MapView {
        for (let p = item; p; p = p.parent) {
            if (p instanceof MapView)
                return p;
        }
        return null;
    }

    x: 0
    y: 0
    width: map ? map.width : 0
    height: map ? map.height : 0
    visible: map !== null && center !== undefined && center.isValid && radius > 0
    // Smooth edges (the default renderer does not antialias).
    layer.enabled: visible
    layer.samples: 4

    QtObject {
        id: internal

        readonly property int count: 96
        // The outline in world pixels at zoom 0, recomputed only when the circle changes.
        readonly property var unitOutline: {
            const outline = [];
            if (!root.center || !root.center.isValid || root.radius <= 0)
                return outline;
            for (let i = 0; i < count; ++i) {
                const azimuth = 90 + 360 * i / count; // starts due east
                outline.push(MapProjection.project(root.center.atDistanceAndAzimuth(root.radius,
                                                                                    azimuth), 0));
            }
            return outline;
        }
        readonly property point centre: root.map && root.center && root.center.isValid
                                        ? root.map.fromCoordinate(root.center) : Qt.point(0, 0)
        // The outline on screen: the zoom-0 outline scaled around the centre.
        readonly property var points: {
            if (!root.map || unitOutline.length === 0)
                return [];
            const scale = MapProjection.worldSize(root.map.zoomLevel) / 256;
            const origin = MapProjection.project(root.center, 0);
            const result = [];
            for (const p of unitOutline)
                result.push(Qt.point(centre.x + (p.x - origin.x) * scale,
                                     centre.y + (p.y - origin.y) * scale));
            result.push(result[0]);
            return result;
        }
    }

    ShapePath {
        fillColor: root.color
        strokeColor: root.borderColor
        strokeWidth: root.borderWidth
        joinStyle: ShapePath.RoundJoin

        PathPolyline {
            path: internal.points
        }
    }
}
