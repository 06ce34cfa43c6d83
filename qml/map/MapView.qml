// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtPositioning
import PuddingGabel

// A slippy map of Germany, shaped like Qt Location's Map (which Debian's Qt 6.4 lacks):
// the offline BaseMap always underneath, optional online tiles (tileUrlTemplate) over it,
// and the children you declare inside it on top, positioned with fromCoordinate() (or
// MapItem / MapCircle, which do that themselves). Pans with drag, arrow keys and flicks;
// zooms with the wheel (around the cursor), pinch, double-click, +/- and ZoomControls.
// Every change of view is smooth; viewportChanged() tells users when to refetch.
Item {
    id: root

    // The coordinate at the centre of the view.
    property var center: QtPositioning.coordinate(51.16, 10.45)
    // Web Mercator zoom level; fractional values are allowed (and animated through).
    property real zoomLevel: 6
    property real minimumZoomLevel: 4
    property real maximumZoomLevel: 18
    // Online tiles, "{z}/{x}/{y}" replaced; an empty string shows the offline map only.
    // The default is OpenStreetMap's: see TileNetworkFactory for the usage policy.
    property string tileUrlTemplate: "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    // Length of animated view changes in ms; 0 makes every change immediate.
    property int animationDuration: 250
    // Whether a quick drag keeps gliding after the release.
    property bool kineticPanning: true
    // Zoom levels per wheel notch.
    property real wheelZoomStep: 0.5
    property bool showZoomControls: true
    // City and state names of the offline map.
    property bool showBaseMapLabels: true

    // What is on screen, as a geoRectangle (updated with every frame of a change).
    readonly property var visibleRegion: {
        const topLeft = toCoordinate(Qt.point(0, 0));
        const bottomRight = toCoordinate(Qt.point(width, height));
        return QtPositioning.rectangle(topLeft, bottomRight);
    }
    // Credits for what is shown, as plain text; the corner shows it with links.
    readonly property string attribution: tileUrlTemplate !== ""
            ? internal.osmCredit + " · " + internal.naturalEarthCredit : internal.naturalEarthCredit
    readonly property bool baseMapReady: baseMap.ready
    // The item holding the children declared inside the map (same geometry as the map).
    readonly property Item contentItem: overlay
    // Where an animated change is heading (the current view when none runs).
    readonly property real targetZoomLevel: animation.running ? internal.toZoom : zoomLevel

    default property alias content: overlay.data

    // The view moved or zoomed: at most once per frame, coalesced.
    signal viewportChanged()

    // Coordinate -> position in the map's (and its children's) coordinates. Not clipped:
    // points off screen get positions outside the map's rectangle.
    function fromCoordinate(coordinate: var): point {
        const p = MapProjection.project(coordinate, zoomLevel);
        return Qt.point(p.x - internal.centerWorld.x + width / 2,
                        p.y - internal.centerWorld.y + height / 2);
    }

    // Position in the map -> coordinate.
    function toCoordinate(position: point): var {
        return MapProjection.unproject(Qt.point(position.x - width / 2 + internal.centerWorld.x,
                                                position.y - height / 2 + internal.centerWorld.y),
                                       zoomLevel);
    }

    // Shows all of `shape` (a geoShape, e.g. a geoRectangle) at the largest zoom that fits,
    // keeping `margins` pixels free at the edges. Immediate. Called before the map has its
    // size (e.g. from Component.onCompleted), it applies as soon as the size is known, and it
    // is reapplied on resizes until the view is changed by other means.
    function fitViewportToGeoShape(shape: var, margins: var): void {
        const margin = typeof margins === "number" ? margins : 0;
        internal.fitShape = shape;
        internal.fitMargins = margin;
        internal.applyFit();
    }

    // Flies to `coordinate` at `zoom` (the current zoom when omitted), animated.
    function animateTo(coordinate: var, zoom: var): void {
        const target = internal.clampZoom(typeof zoom === "number" ? zoom : zoomLevel);
        internal.startFly(coordinate, target, animationDuration);
    }

    // Zooms to `newZoom` keeping the coordinate under `position` where it is (animated).
    function zoomAround(position: point, newZoom: real): void {
        internal.fitShape = null;
        const target = internal.clampZoom(newZoom);
        const anchor = toCoordinate(position);
        if (animationDuration <= 0) {
            animation.stop();
            internal.setView(target, anchor, position);
            return;
        }
        internal.mode = internal.zoomingAround;
        internal.anchorPoint = position;
        internal.anchorCoordinate = anchor;
        internal.fromZoom = zoomLevel;
        internal.toZoom = target;
        animation.duration = animationDuration;
        animation.restart();
    }

    // One whole level in or out around the centre (from 6.4: to 7, or to 6).
    function zoomIn(): void {
        zoomAround(Qt.point(width / 2, height / 2), internal.nextLevelUp());
    }

    function zoomOut(): void {
        zoomAround(Qt.point(width / 2, height / 2), internal.nextLevelDown());
    }

    // Moves the view by (dx, dy) pixels, immediately (as Qt Location's Map.pan).
    function pan(dx: real, dy: real): void {
        internal.fitShape = null;
        animation.stop();
        center = toCoordinate(Qt.point(width / 2 + dx, height / 2 + dy));
    }

    clip: true
    activeFocusOnTab: true
    implicitWidth: 640
    implicitHeight: 480

    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Map")
    Accessible.description: qsTr("Arrow keys move the map; plus and minus zoom in and out.")

    onCenterChanged: internal.viewChanged()
    onZoomLevelChanged: {
        const clamped = internal.clampZoom(zoomLevel);
        if (clamped !== zoomLevel)
            zoomLevel = clamped;
        else
            internal.viewChanged();
    }
    onActiveFocusChanged: {
        if (!activeFocus)
            internal.pointerFocus = false;
    }
    onWidthChanged: internal.sizeChanged()
    onHeightChanged: internal.sizeChanged()

    Keys.onPressed: (event) => {
        const step = Math.round(Math.min(width, height) / 4);
        switch (event.key) {
        case Qt.Key_Left:
            internal.panAnimated(-step, 0);
            break;
        case Qt.Key_Right:
            internal.panAnimated(step, 0);
            break;
        case Qt.Key_Up:
            internal.panAnimated(0, -step);
            break;
        case Qt.Key_Down:
            internal.panAnimated(0, step);
            break;
        case Qt.Key_Plus:
        case Qt.Key_Equal:
            zoomIn();
            break;
        case Qt.Key_Minus:
        case Qt.Key_Underscore:
            zoomOut();
            break;
        default:
            return;
        }
        event.accepted = true;
    }

    QtObject {
        id: internal

        readonly property int flying: 1
        readonly property int zoomingAround: 2

        // World pixel of the centre at the current zoom: all screen maths derive from it.
        readonly property point centerWorld: MapProjection.project(root.center, root.zoomLevel)
        readonly property string osmCredit: qsTr("© OpenStreetMap contributors")
        readonly property string naturalEarthCredit: qsTr("Made with Natural Earth")

        // The running animation: t goes 0 -> 1, the view is interpolated from it.
        property real t: 0
        property int mode: flying
        property real fromZoom: 0
        property real toZoom: 0
        property point fromUnit
        property point toUnit
        property point anchorPoint
        property var anchorCoordinate
        // A fit to keep while the user has not moved the view.
        property var fitShape: null
        property real fitMargins: 0
        property bool applyingView: false
        // Kinetic panning: the drag's last velocity (px/s).
        property point lastVelocity
        // Focus taken by a click shows no focus frame (that is for keyboard users).
        property bool pointerFocus: false

        function focusByPointer(): void {
            if (!root.activeFocus) {
                root.forceActiveFocus(Qt.MouseFocusReason);
                pointerFocus = true;
            }
        }

        function nextLevelUp(): real {
            return Math.floor(root.targetZoomLevel + 1e-6) + 1;
        }

        function nextLevelDown(): real {
            return Math.ceil(root.targetZoomLevel - 1e-6) - 1;
        }

        function clampZoom(zoom: real): real {
            return Math.max(root.minimumZoomLevel, Math.min(root.maximumZoomLevel, zoom));
        }

        // Sets zoom, then the centre so that `coordinate` shows at `position`.
        function setView(zoom: real, coordinate: var, position: point): void {
            applyingView = true;
            root.zoomLevel = zoom;
            const world = MapProjection.project(coordinate, zoom);
            root.center = MapProjection.unproject(
                        Qt.point(world.x - position.x + root.width / 2,
                                 world.y - position.y + root.height / 2), zoom);
            applyingView = false;
        }

        // Web Mercator unit coordinates: the world is [0, 1) at every zoom.
        function unitOf(coordinate: var): point {
            const p = MapProjection.project(coordinate, 0);
            return Qt.point(p.x / 256, p.y / 256);
        }

        function coordinateOfUnit(unit: point): var {
            return MapProjection.unproject(Qt.point(unit.x * 256, unit.y * 256), 0);
        }

        function startFly(coordinate: var, zoom: real, duration: int): void {
            fitShape = null;
            if (duration <= 0) {
                animation.stop();
                setView(zoom, coordinate, Qt.point(root.width / 2, root.height / 2));
                return;
            }
            mode = flying;
            fromZoom = root.zoomLevel;
            toZoom = zoom;
            fromUnit = unitOf(root.center);
            toUnit = unitOf(coordinate);
            animation.duration = duration;
            animation.restart();
        }

        function panAnimated(dx: real, dy: real): void {
            // Key repeats add up: pan from where the running pan is heading.
            const from = animation.running && mode === flying
                    ? coordinateOfUnit(toUnit) : root.center;
            const fromWorld = MapProjection.project(from, root.zoomLevel);
            const to = MapProjection.unproject(Qt.point(fromWorld.x + dx, fromWorld.y + dy),
                                               root.zoomLevel);
            startFly(to, targetZoom(), root.animationDuration);
        }

        function targetZoom(): real {
            return root.targetZoomLevel;
        }

        function applyAnimation(): void {
            if (mode === flying) {
                const zoom = fromZoom + (toZoom - fromZoom) * t;
                const unit = Qt.point(fromUnit.x + (toUnit.x - fromUnit.x) * t,
                                      fromUnit.y + (toUnit.y - fromUnit.y) * t);
                applyingView = true;
                root.zoomLevel = zoom;
                root.center = coordinateOfUnit(unit);
                applyingView = false;
            } else if (mode === zoomingAround) {
                setView(fromZoom + (toZoom - fromZoom) * t, anchorCoordinate, anchorPoint);
            }
        }

        function applyFit(): void {
            if (!fitShape)
                return;
            const margin = fitMargins;
            const width = root.width - 2 * margin;
            const height = root.height - 2 * margin;
            if (width <= 0 || height <= 0)
                return; // no size yet: sizeChanged() comes back here
            const box = fitShape.boundingGeoRectangle();
            const topLeft = unitOf(box.topLeft);
            const bottomRight = unitOf(box.bottomRight);
            const dx = Math.max(bottomRight.x - topLeft.x, 1e-12) * 256;
            const dy = Math.max(bottomRight.y - topLeft.y, 1e-12) * 256;
            const zoom = clampZoom(Math.min(Math.log2(width / dx), Math.log2(height / dy)));
            animation.stop();
            applyingView = true;
            root.zoomLevel = zoom;
            root.center = coordinateOfUnit(Qt.point((topLeft.x + bottomRight.x) / 2,
                                                    (topLeft.y + bottomRight.y) / 2));
            applyingView = false;
        }

        function viewChanged(): void {
            if (!applyingView && !animation.running)
                fitShape = null; // moved by someone else: the fit no longer applies
            Qt.callLater(emitViewportChanged);
        }

        function sizeChanged(): void {
            applyFit();
            Qt.callLater(emitViewportChanged);
        }

        function emitViewportChanged(): void {
            root.viewportChanged();
        }

        onTChanged: applyAnimation()
    }

    NumberAnimation {
        id: animation

        target: internal
        property: "t"
        from: 0
        to: 1
        easing.type: Easing.OutCubic
    }

    SystemPalette {
        id: systemPalette
    }

    BaseMap {
        id: baseMap

        anchors.fill: parent
        center: root.center
        zoomLevel: root.zoomLevel
        showLabels: root.showBaseMapLabels
    }

    Loader {
        anchors.fill: parent
        active: root.tileUrlTemplate !== ""
        sourceComponent: TileLayer {
            center: root.center
            zoomLevel: root.zoomLevel
            urlTemplate: root.tileUrlTemplate
        }
    }

    Item {
        id: overlay

        anchors.fill: parent
    }

    // Drag to pan; a quick release keeps gliding.
    DragHandler {
        id: dragHandler

        // The centre when the drag began; the translation is applied to it.
        property point startUnit
        property bool tracking: false

        function begin(): void {
            tracking = true;
            internal.focusByPointer();
            internal.fitShape = null;
            animation.stop();
            startUnit = internal.unitOf(root.center);
            internal.lastVelocity = Qt.point(0, 0);
        }

        target: null
        acceptedButtons: Qt.LeftButton
        onActiveChanged: {
            if (active) {
                if (!tracking)
                    begin();
                return;
            }
            tracking = false;
            const v = internal.lastVelocity;
            const speed = Math.sqrt(v.x * v.x + v.y * v.y);
            if (!root.kineticPanning || speed < 300 || root.animationDuration <= 0)
                return;
            // Glide a quarter of a second's worth of the release speed, easing out.
            const glide = Math.min(speed, 4000) / speed * 0.25;
            const world = internal.centerWorld;
            internal.startFly(MapProjection.unproject(Qt.point(world.x - v.x * glide,
                                                               world.y - v.y * glide),
                                                      root.zoomLevel),
                              root.zoomLevel, 600);
        }
        onActiveTranslationChanged: {
            if (!active)
                return;
            if (!tracking)
                begin();
            const size = MapProjection.worldSize(root.zoomLevel);
            internal.applyingView = true;
            root.center = MapProjection.unproject(Qt.point(startUnit.x * size - activeTranslation.x,
                                                           startUnit.y * size - activeTranslation.y),
                                                  root.zoomLevel);
            internal.applyingView = false;
            internal.lastVelocity = Qt.point(centroid.velocity.x, centroid.velocity.y);
        }
    }

    // Pinch (touch screens, touchpads) zooms around the fingers and follows them.
    PinchHandler {
        id: pinchHandler

        property real startZoom
        property var startCoordinate

        target: null
        onActiveChanged: {
            if (!active)
                return;
            internal.fitShape = null;
            animation.stop();
            startZoom = root.zoomLevel;
            startCoordinate = root.toCoordinate(centroid.position);
        }
        onUpdated: {
            if (active)
                internal.setView(internal.clampZoom(startZoom + Math.log2(activeScale)),
                                 startCoordinate, centroid.position);
        }
    }

    // The wheel zooms around the cursor; notches in quick succession add up.
    WheelHandler {
        target: null
        acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
        onWheel: (event) => {
            const notches = event.angleDelta.y / 120;
            if (notches !== 0)
                root.zoomAround(Qt.point(event.x, event.y),
                                root.targetZoomLevel + notches * root.wheelZoomStep);
        }
    }

    // A click gives the map keyboard focus; double-click zooms in there, with Shift out.
    TapHandler {
        acceptedButtons: Qt.LeftButton
        onTapped: internal.focusByPointer()
        onDoubleTapped: (eventPoint, button) => {
            const out = (point.modifiers & Qt.ShiftModifier) !== 0;
            root.zoomAround(eventPoint.position,
                            out ? internal.nextLevelDown() : internal.nextLevelUp());
        }
    }

    ZoomControls {
        anchors.right: parent.right
        anchors.bottom: attributionBox.top
        anchors.margins: 10
        visible: root.showZoomControls
        canZoomIn: root.targetZoomLevel < root.maximumZoomLevel - 0.01
        canZoomOut: root.targetZoomLevel > root.minimumZoomLevel + 0.01
        onZoomInRequested: root.zoomIn()
        onZoomOutRequested: root.zoomOut()
    }

    Rectangle {
        id: attributionBox

        anchors.right: parent.right
        anchors.bottom: parent.bottom
        width: attributionText.implicitWidth + 10
        height: attributionText.implicitHeight + 4
        color: Qt.rgba(1, 1, 1, 0.78)

        Text {
            id: attributionText

            anchors.centerIn: parent
            font.pixelSize: 11
            color: "#37474f"
            linkColor: "#1565c0"
            textFormat: Text.StyledText
            text: root.tileUrlTemplate !== ""
                  ? internal.osmCredit.replace("OpenStreetMap",
                        "<a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>")
                    + " · " + internal.naturalEarthCredit.replace("Natural Earth",
                        "<a href=\"https://www.naturalearthdata.com\">Natural Earth</a>")
                  : internal.naturalEarthCredit.replace("Natural Earth",
                        "<a href=\"https://www.naturalearthdata.com\">Natural Earth</a>")
            Accessible.name: root.attribution
            onLinkActivated: (link) => Qt.openUrlExternally(link)

            HoverHandler {
                cursorShape: attributionText.hoveredLink !== "" ? Qt.PointingHandCursor
                                                                : Qt.ArrowCursor
            }
        }
    }

    // Keyboard focus is visible.
    Rectangle {
        anchors.fill: parent
        visible: root.activeFocus && !internal.pointerFocus
        color: "transparent"
        border.width: 2
        border.color: systemPalette.highlight
    }
}
