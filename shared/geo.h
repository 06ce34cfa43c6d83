// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>
#include <QtGlobal>
#include <optional>

namespace Pudding {

/// Mean Earth radius (IUGG), metres. Distances are great-circle distances on this sphere.
inline constexpr double kEarthRadiusMetres = 6371008.8;

/// A WGS84 coordinate in decimal degrees.
struct GeoPoint
{
    double lat = 0;
    double lng = 0;

    bool operator==(const GeoPoint &) const = default;
};

/// An axis-aligned box in degrees; west <= east (no antimeridian crossing: Germany is far from it).
struct GeoBox
{
    double west = 0;
    double south = 0;
    double east = 0;
    double north = 0;

    [[nodiscard]] bool contains(GeoPoint p) const
    {
        return p.lat >= south && p.lat <= north && p.lng >= west && p.lng <= east;
    }
    [[nodiscard]] bool isValid() const { return west <= east && south <= north; }
    [[nodiscard]] bool intersects(const GeoBox &o) const
    {
        return !(o.west > east || o.east < west || o.south > north || o.north < south);
    }
};

/// Great-circle distance in metres (haversine, numerically stable for short distances).
[[nodiscard]] double distanceMetres(GeoPoint a, GeoPoint b);

/// The smallest lat/lng box that contains every point within radiusMetres of centre.
/// Used to pick candidates before the exact distance check; never too small.
[[nodiscard]] GeoBox boundingBoxAround(GeoPoint centre, double radiusMetres);

/// Parses "west,south,east,north".
[[nodiscard]] std::optional<GeoBox> parseBbox(QStringView text);

namespace Germany {
/// Germany's bounding box, with a small margin (List Island to the Zugspitze region,
/// Isenbruch to Deschka): a grid and a quick pre-check. Whether a place lies in Germany is
/// Germany::isInGermany() (shared/germany.h), which follows the border.
inline constexpr GeoBox Bounds { 5.86, 47.27, 15.05, 55.06 };
/// Inside the bounding box (not the border: see isInGermany()).
[[nodiscard]] inline bool contains(GeoPoint p)
{
    return Bounds.contains(p);
}
} // namespace Germany

} // namespace Pudding
