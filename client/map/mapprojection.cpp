// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapprojection.h"

#include "shared/geo.h"
#include "shared/mercator.h"

#include <cmath>
#include <numbers>

namespace Pudding::Client {

MapProjection::MapProjection(QObject *parent)
    : QObject(parent)
{ }

MapProjection *MapProjection::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    static MapProjection instance;
    QJSEngine::setObjectOwnership(&instance, QJSEngine::CppOwnership);
    Q_UNUSED(jsEngine)
    return &instance;
}

QPointF MapProjection::project(const QGeoCoordinate &coordinate, qreal zoom) const
{
    return Mercator::project(GeoPoint { coordinate.latitude(), coordinate.longitude() }, zoom);
}

QGeoCoordinate MapProjection::unproject(QPointF worldPixel, qreal zoom) const
{
    const GeoPoint p = Mercator::unproject(worldPixel, zoom);
    return QGeoCoordinate(p.lat, p.lng);
}

qreal MapProjection::worldSize(qreal zoom) const
{
    return Mercator::worldSize(zoom);
}

qreal MapProjection::metresPerPixel(qreal latitude, qreal zoom) const
{
    const double circumference = 2 * std::numbers::pi * kEarthRadiusMetres;
    return std::cos(latitude * std::numbers::pi / 180) * circumference / Mercator::worldSize(zoom);
}

} // namespace Pudding::Client
