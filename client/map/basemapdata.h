// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/geo.h"

#include <QFuture>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>

namespace Pudding::Client {

/// The offline base map: Germany's states (resources/map/de-states.json) and the gazetteer's
/// cities (resources/data/de-cities.csv), parsed once per process off the GUI thread and
/// shared read-only by every BaseMap item.
///
/// Geometry is kept in Web Mercator "unit" coordinates (Mercator::toUnit, [0,1) world) and
/// pre-projected into painter paths for each integer zoom level 0..MaxPathLevel, simplified
/// to a fraction of a pixel at that level, so painting a frame never re-projects or
/// simplifies anything: it only scales the nearest level's paths by 2^(zoom - level).
class BaseMapData
{
public:
    /// Paths at one integer zoom level, in world pixels of that level.
    struct Level
    {
        QList<QPainterPath> stateFills; ///< one per state, same order as states
        QList<QRectF> stateBounds; ///< each fill's bounding box, for culling
        QPainterPath borders; ///< borders between states (each drawn once)
        QPainterPath outline; ///< Germany's border and coast
    };

    struct State
    {
        QString name;
        QString code; ///< ISO 3166-2 suffix, e.g. "BY"
        int colour = 0; ///< index into a palette; neighbours never share one
        QPointF labelUnit; ///< where the name goes (pole of inaccessibility)
    };

    struct City
    {
        QString name;
        QString state;
        GeoPoint point;
        QPointF unit;
        int population = 0;
        bool capital = false; ///< Germany's or a state's capital
    };

    /// Highest level with its own paths; beyond it the data's own resolution (~60 m) is finer
    /// than anything simplification could remove, so deeper zooms scale this level.
    static constexpr int MaxPathLevel = 11;

    QList<State> states;
    QList<City> cities; ///< by population, largest first
    QList<Level> levels; ///< index = zoom level 0..MaxPathLevel
    QRectF boundsUnit; ///< Germany's extent
    QString attribution;
    QString error; ///< why loading failed, empty when it did not

    [[nodiscard]] bool isValid() const { return error.isEmpty() && !states.isEmpty(); }
    /// The paths to draw at `zoom`: the level at or just above it (clamped).
    [[nodiscard]] int levelFor(double zoom) const;

    /// Starts loading on the thread pool on first use; later calls return the same future.
    /// Call from the GUI thread.
    [[nodiscard]] static QFuture<std::shared_ptr<const BaseMapData>> load();

    /// Parses the given files synchronously (what load() runs on the pool; for tools/tests).
    [[nodiscard]] static std::shared_ptr<const BaseMapData> parse(
        const QString &statesFile, const QString &citiesFile);
};

} // namespace Pudding::Client
