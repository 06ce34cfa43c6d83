// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo.h"

/// "Germany means Germany": whether a place lies inside Germany's border, not just its bounding
/// box (Strasbourg, Basel and Salzburg lie inside the box). The server refuses events elsewhere
/// and the desktop app's map form uses the same rule.
///
/// The border is the offline map's (resources/map/de-states.json: Natural Earth 1:10m states,
/// good to about 100 m, simplified by 60 m), loaded once from the resources, plus the exclave
/// Büsingen am Hochrhein, which Natural Earth's states lack. Lake Constance is inside (the
/// states' polygons cover it).
namespace Pudding::Germany {

/// A place this close to the mapped border still counts as in Germany: the data's own error,
/// riverbanks and bridges on the border, harbours and beaches. Foreign city centres (Strasbourg
/// 3.8 km, Basel SBB 2.4 km, Salzburg 5.5 km from the border) stay outside.
inline constexpr double BorderToleranceMetres = 2000;

/// 0 inside the border; otherwise the distance in metres to the nearest point of the border.
/// Falls back to the bounding box (0 or infinity) if the border data is missing (logged).
[[nodiscard]] double distanceOutsideMetres(GeoPoint p);

/// True when p lies inside Germany's border or within BorderToleranceMetres of it.
/// Non-finite coordinates are outside. Thread-safe; the data is loaded on first use.
[[nodiscard]] bool isInGermany(GeoPoint p);

} // namespace Pudding::Germany
