// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QGeoCoordinate>
#include <QQmlEngine>
#include <QQuickPaintedItem>

#include <memory>

namespace Pudding::Client {

class BaseMapData;

/// The offline map under MapView's tiles: Germany's states (subtle fills, borders, a stronger
/// national outline) and city labels from the gazetteer — more of them as the zoom grows,
/// largest and capitals first, never overlapping. It is what the app shows with no network.
///
/// The data is parsed once per process on the thread pool and shared by every instance; until
/// it arrives the item paints its background only. Each frame scales pre-projected paths of
/// the nearest integer zoom (see BaseMapData), so it keeps up with animated views.
class BaseMapItem : public QQuickPaintedItem
{
    Q_OBJECT
    QML_NAMED_ELEMENT(BaseMap)
    /// The coordinate shown at the item's centre.
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY centerChanged)
    /// Web Mercator zoom level (fractional allowed), as for slippy-map tiles.
    Q_PROPERTY(qreal zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY zoomLevelChanged)
    /// Whether to draw city and state names.
    Q_PROPERTY(bool showLabels READ showLabels WRITE setShowLabels NOTIFY showLabelsChanged)
    /// True once the data has been loaded and is drawn.
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
public:
    explicit BaseMapItem(QQuickItem *parent = nullptr);
    ~BaseMapItem() override;

    [[nodiscard]] QGeoCoordinate center() const { return m_center; }
    void setCenter(const QGeoCoordinate &center);
    [[nodiscard]] qreal zoomLevel() const { return m_zoomLevel; }
    void setZoomLevel(qreal zoomLevel);
    [[nodiscard]] bool showLabels() const { return m_showLabels; }
    void setShowLabels(bool showLabels);
    [[nodiscard]] bool isReady() const;

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void centerChanged();
    void zoomLevelChanged();
    void showLabelsChanged();
    void readyChanged();

private:
    void paintShapes(QPainter *painter, QPointF centreUnit) const;
    void paintLabels(QPainter *painter, QPointF centreUnit) const;

    std::shared_ptr<const BaseMapData> m_data;
    QGeoCoordinate m_center { 51.16, 10.45 };
    qreal m_zoomLevel = 6;
    bool m_showLabels = true;
    QFont m_font; // the application font, read on the GUI thread
};

} // namespace Pudding::Client
