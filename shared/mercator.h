// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo.h"

#include <QPointF>

/// Web Mercator (EPSG:3857) as slippy-map tiles use it: the world is 256 * 2^zoom pixels wide,
/// x grows eastwards from the antimeridian, y southwards from ~85.0511° N. Fractional zoom
/// levels are allowed.
namespace Pudding::Mercator {

inline constexpr double TileSize = 256.0;
inline constexpr double MaxLatitude = 85.05112877980659;

/// World size in pixels at `zoom`.
[[nodiscard]] double worldSize(double zoom);
/// Coordinate -> world pixel at `zoom`.
[[nodiscard]] QPointF project(GeoPoint point, double zoom);
/// World pixel at `zoom` -> coordinate (x wraps, y is clamped to the projection's range).
[[nodiscard]] GeoPoint unproject(QPointF pixel, double zoom);
/// Normalised [0,1) world coordinates, independent of zoom (what clustering works on).
[[nodiscard]] QPointF toUnit(GeoPoint point);
[[nodiscard]] GeoPoint fromUnit(QPointF unit);

} // namespace Pudding::Mercator
