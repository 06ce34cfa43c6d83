// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/geo.h"

#include <cmath>
#include <numbers>

namespace Pudding::Test {

/// The point reached from `from` after `metres` along the great circle with initial bearing
/// `bearingDeg` (spherical destination formula, same sphere as distanceMetres). Kept in the
/// tests as an independent oracle for the geo code under test.
inline GeoPoint destination(GeoPoint from, double bearingDeg, double metres)
{
    constexpr double toRad = std::numbers::pi / 180.0;
    const double delta = metres / kEarthRadiusMetres;
    const double theta = bearingDeg * toRad;
    const double phi1 = from.lat * toRad;
    const double lambda1 = from.lng * toRad;
    const double phi2 = std::asin(
        std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(theta));
    const double lambda2 = lambda1
        + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
            std::cos(delta) - std::sin(phi1) * std::sin(phi2));
    return { phi2 / toRad, lambda2 / toRad };
}

} // namespace Pudding::Test
