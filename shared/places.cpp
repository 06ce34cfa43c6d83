// SPDX-License-Identifier: GPL-3.0-or-later
#include "places.h"

#include <QFile>
#include <QStringList>
#include <algorithm>

namespace Pudding {

QList<GermanCity> loadGermanCities(const QString &file)
{
    QList<GermanCity> cities;
    QFile csv(file);
    if (!csv.open(QIODevice::ReadOnly | QIODevice::Text))
        return cities;
    csv.readLine(); // header
    while (!csv.atEnd()) {
        const QString line = QString::fromUtf8(csv.readLine()).trimmed();
        QStringList fields;
        QString current;
        bool quoted = false;
        for (const QChar c : line) {
            if (c == u'"') {
                quoted = !quoted;
            } else if (c == u',' && !quoted) {
                fields.append(current);
                current.clear();
            } else {
                current.append(c);
            }
        }
        fields.append(current);
        if (fields.size() != 5)
            continue;
        cities.append({ fields[0], fields[1], { fields[2].toDouble(), fields[3].toDouble() },
            fields[4].toInt() });
    }
    std::stable_sort(cities.begin(), cities.end(),
        [](const GermanCity &a, const GermanCity &b) { return a.population > b.population; });
    return cities;
}

} // namespace Pudding
