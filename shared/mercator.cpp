// SPDX-License-Identifier: GPL-3.0-or-later
#include "mercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Pudding::Mercator {

double worldSize(double zoom)
{
    return TileSize * std::exp2(zoom);
}

QPointF toUnit(GeoPoint point)
{
    const double lat = std::clamp(point.lat, -MaxLatitude, MaxLatitude);
    const double x = (point.lng + 180.0) / 360.0;
    const double sinLat = std::sin(lat * std::numbers::pi / 180.0);
    const double y = 0.5 - std::log((1 + sinLat) / (1 - sinLat)) / (4 * std::numbers::pi);
    return { x, y };
}

GeoPoint fromUnit(QPointF unit)
{
    double x = unit.x() - std::floor(unit.x()); // wrap around the antimeridian
    const double y = std::clamp(unit.y(), 0.0, 1.0);
    const double lng = x * 360.0 - 180.0;
    const double n = std::numbers::pi - 2.0 * std::numbers::pi * y;
    const double lat = 180.0 / std::numbers::pi * std::atan(std::sinh(n));
    return { lat, lng };
}

QPointF project(GeoPoint point, double zoom)
{
    return toUnit(point) * worldSize(zoom);
}

GeoPoint unproject(QPointF pixel, double zoom)
{
    return fromUnit(pixel / worldSize(zoom));
}

} // namespace Pudding::Mercator
