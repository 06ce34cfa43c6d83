// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo.h"

#include <QList>
#include <QString>

namespace Pudding {

/// A city of the offline gazetteer of German cities (resources/data/de-cities.csv).
struct GermanCity
{
    QString name;
    QString state;
    GeoPoint location;
    int population = 0;
};

/// Reads the gazetteer (name,state,lat,lng,population; a name with a comma is quoted), biggest
/// city first. One reader for the server's demo data, the app's city search and its map labels.
[[nodiscard]] QList<GermanCity> loadGermanCities(
    const QString &file = QStringLiteral(":/pudding/data/de-cities.csv"));

} // namespace Pudding
