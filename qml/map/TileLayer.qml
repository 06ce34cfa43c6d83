// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import PuddingGabel

// Online slippy-map tiles over a MapView's base map (MapView creates it; its size is the
// view's). Only the tiles intersecting the view plus one ring around it exist (no prefetching
// beyond that: OpenStreetMap's tile policy), loaded asynchronously and faded in. Fractional
// zoom levels scale the nearest integer level. When the zoom level changes, the previous
// level stays underneath until the new one has finished (loaded or failed), then goes. Tiles
// that fail are transparent and leave the base map visible, which is how the app looks
// without a network.
Item {
    id: root

    // The view to cover (the layer's own size is the view's): MapView binds these.
    required property var center
    required property real zoomLevel
    // "{z}", "{x}", "{y}" are replaced by the tile's zoom, column and row.
    property string urlTemplate
    property int maximumTileZoom: 19
    readonly property int tileZoom: Math.max(0, Math.min(maximumTileZoom, Math.round(zoomLevel)))
    // Tiles currently in the scene (all levels), for tests and diagnostics.
    readonly property int tileCount: internal.tileCount

    onUrlTemplateChanged: {
        internal.clear();
        internal.update();
    }
    onCenterChanged: internal.update()
    onZoomLevelChanged: internal.update()
    onWidthChanged: internal.update()
    onHeightChanged: internal.update()
    Component.onCompleted: internal.update()
    Component.onDestruction: internal.clear()

    QtObject {
        id: internal

        // zoom -> { item: Level, tiles: { "x/y": Tile } }
        property var levels: ({})
        property int tileCount: 0

        function clear(): void {
            for (const zoom in levels)
                destroyLevel(zoom);
        }

        function destroyLevel(zoom: var): void {
            const level = levels[zoom];
            for (const key in level.tiles)
                level.tiles[key].destroy();
            tileCount -= Object.keys(level.tiles).length;
            level.item.destroy();
            delete levels[zoom];
        }

        function update(): void {
            if (root.urlTemplate === "" || root.width <= 0 || root.height <= 0)
                return;
            const zoom = root.tileZoom;
            const n = Math.pow(2, zoom);
            const centre = MapProjection.project(root.center, zoom);
            const factor = Math.pow(2, root.zoomLevel - zoom);
            const halfWidth = root.width / 2 / factor;
            const halfHeight = root.height / 2 / factor;
            // The visible tiles and one ring around them.
            const x0 = Math.floor((centre.x - halfWidth) / 256) - 1;
            const x1 = Math.floor((centre.x + halfWidth) / 256) + 1;
            const y0 = Math.max(0, Math.floor((centre.y - halfHeight) / 256) - 1);
            const y1 = Math.min(n - 1, Math.floor((centre.y + halfHeight) / 256) + 1);

            let level = levels[zoom];
            if (!level) {
                level = {
                    item: levelComponent.createObject(root, { zoom: zoom, originX: x0, originY: y0 }),
                    tiles: {}
                };
                levels[zoom] = level;
            }
            for (const other in levels)
                levels[other].item.z = Number(other) === zoom ? 1 : 0;

            const wanted = {};
            for (let x = x0; x <= x1; ++x) {
                for (let y = y0; y <= y1; ++y) {
                    const key = x + "/" + y;
                    wanted[key] = true;
                    if (level.tiles[key])
                        continue;
                    level.tiles[key] = tileComponent.createObject(level.item, {
                        x: (x - level.item.originX) * 256,
                        y: (y - level.item.originY) * 256,
                        source: MapTiles.url(root.urlTemplate, zoom, x, y)
                    });
                    ++tileCount;
                }
            }
            for (const key in level.tiles) {
                if (!wanted[key]) {
                    level.tiles[key].destroy();
                    delete level.tiles[key];
                    --tileCount;
                }
            }
            prune();
        }

        // Drops other levels once the current one is complete (every tile loaded or failed);
        // until then they stay underneath, minus their tiles that never loaded.
        function prune(): void {
            const zoom = root.tileZoom;
            const current = levels[zoom];
            if (!current)
                return;
            let complete = true;
            for (const key in current.tiles) {
                const status = current.tiles[key].status;
                if (status !== Image.Ready && status !== Image.Error) {
                    complete = false;
                    break;
                }
            }
            for (const other in levels) {
                if (Number(other) === zoom)
                    continue;
                if (complete || Math.abs(Number(other) - zoom) > 2) {
                    destroyLevel(other);
                    continue;
                }
                const level = levels[other];
                for (const key in level.tiles) {
                    if (level.tiles[key].status !== Image.Ready) {
                        level.tiles[key].destroy(); // still loading: no longer worth it
                        delete level.tiles[key];
                        --tileCount;
                    }
                }
            }
        }
    }

    // A zoom level's tiles: positioned in tile units relative to an origin tile, so that the
    // numbers the scene graph sees stay small whatever the zoom; the level item itself is
    // moved and scaled with the view.
    Component {
        id: levelComponent

        Item {
            required property int zoom
            required property int originX
            required property int originY
            readonly property point centerAtZoom: MapProjection.project(root.center, zoom)
            readonly property real factor: Math.pow(2, root.zoomLevel - zoom)

            x: root.width / 2 + (originX * 256 - centerAtZoom.x) * factor
            y: root.height / 2 + (originY * 256 - centerAtZoom.y) * factor
            scale: factor
            transformOrigin: Item.TopLeft
        }
    }

    // Loaded through MapTiles' image provider: a tile that fails is transparent (no warning);
    // not kept in QML's image cache, so a failed tile is retried when it is needed again
    // (successes come back from the HTTP disk cache).
    Component {
        id: tileComponent

        Image {
            width: 256
            height: 256
            asynchronous: true
            cache: false
            smooth: true
            opacity: status === Image.Ready ? 1 : 0
            onStatusChanged: Qt.callLater(internal.prune)

            Behavior on opacity {
                NumberAnimation {
                    duration: 200
                }
            }
        }
    }
}
