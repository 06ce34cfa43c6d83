// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QPointF>
#include <QQmlEngine>

namespace Pudding::Client {

/// Web Mercator for QML: the maths of shared/mercator.h (the same the server's clustering
/// uses), so MapView, its overlays and the tile layer agree with C++ to the last bit.
///
/// World pixels: the world is 256 * 2^zoom pixels wide, x eastwards from the antimeridian,
/// y southwards from ~85.05° N. Fractional zoom levels are allowed.
class MapProjection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    /// The process-wide instance; C++ owns it.
    static MapProjection *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// Coordinate -> world pixel at `zoom`.
    Q_INVOKABLE QPointF project(const QGeoCoordinate &coordinate, qreal zoom) const;
    /// World pixel at `zoom` -> coordinate (longitude wraps, latitude is clamped to ±85.05°).
    Q_INVOKABLE QGeoCoordinate unproject(QPointF worldPixel, qreal zoom) const;
    /// Width of the world in pixels at `zoom`.
    Q_INVOKABLE qreal worldSize(qreal zoom) const;
    /// Ground metres per pixel at `latitude` and `zoom` (on the same sphere as the server's
    /// distance search, so a search radius drawn with it matches the results).
    Q_INVOKABLE qreal metresPerPixel(qreal latitude, qreal zoom) const;

private:
    // Not default-constructible from outside: Qt 6.4 would then bypass create().
    explicit MapProjection(QObject *parent = nullptr);
};

} // namespace Pudding::Client
