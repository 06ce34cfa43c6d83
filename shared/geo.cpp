// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo.h"

#include <QList>
#include <QStringView>
#include <cmath>
#include <numbers>

namespace Pudding {

namespace {
constexpr double toRadians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}
constexpr double toDegrees(double radians)
{
    return radians * 180.0 / std::numbers::pi;
}
} // namespace

double distanceMetres(GeoPoint a, GeoPoint b)
{
    const double phi1 = toRadians(a.lat);
    const double phi2 = toRadians(b.lat);
    const double dPhi = phi2 - phi1;
    const double dLambda = toRadians(b.lng - a.lng);
    const double sinPhi = std::sin(dPhi / 2);
    const double sinLambda = std::sin(dLambda / 2);
    const double h = sinPhi * sinPhi + std::cos(phi1) * std::cos(phi2) * sinLambda * sinLambda;
    return 2 * kEarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(h)));
}

GeoBox boundingBoxAround(GeoPoint centre, double radiusMetres)
{
    // Angular radius; the box around a spherical cap (Chamberlain's method).
    const double angular = radiusMetres / kEarthRadiusMetres;
    const double lat = toRadians(centre.lat);
    double south = lat - angular;
    double north = lat + angular;
    double west;
    double east;
    const double halfPi = std::numbers::pi / 2;
    if (south > -halfPi && north < halfPi) {
        const double dLng = std::asin(std::min(1.0, std::sin(angular) / std::cos(lat)));
        west = toRadians(centre.lng) - dLng;
        east = toRadians(centre.lng) + dLng;
    } else {
        south = std::max(south, -halfPi);
        north = std::min(north, halfPi);
        west = -std::numbers::pi;
        east = std::numbers::pi;
    }
    // A hair of slack so that floating-point rounding never excludes a point on the edge.
    constexpr double slack = 1e-9;
    return { toDegrees(west) - slack, toDegrees(south) - slack, toDegrees(east) + slack,
        toDegrees(north) + slack };
}

std::optional<GeoBox> parseBbox(QStringView text)
{
    const auto parts = text.split(u',');
    if (parts.size() != 4)
        return std::nullopt;
    double values[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        values[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(values[i]))
            return std::nullopt;
    }
    GeoBox box { values[0], values[1], values[2], values[3] };
    if (!box.isValid() || box.south < -90 || box.north > 90 || box.west < -180 || box.east > 180)
        return std::nullopt;
    return box;
}

} // namespace Pudding
