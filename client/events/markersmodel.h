// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/cluster.h"

#include <QAbstractListModel>
#include <QGeoRectangle>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <memory>

namespace Pudding::Client {

class ApiCall;
class EventFilter;

/// The map's markers: every event matching the filter around the viewport is fetched as a
/// point (GET /api/events/points, debounced, stale requests cancelled), clustered off the GUI
/// thread (ClusterIndex, a supercluster port), and only the clusters and single events in
/// view become rows, so only those become items in the scene.
class MarkersModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(EventFilter *filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(QGeoRectangle viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(qreal zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY zoomLevelChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// Every matching meetup fetched around the view (more than the view shows).
    Q_PROPERTY(int pointCount READ pointCount NOTIFY clustered)
    /// The matching meetups inside the view: what "N meetups around here" counts.
    Q_PROPERTY(int inViewCount READ inViewCount NOTIFY clustered)
    Q_PROPERTY(int count READ rowCount NOTIFY clustered)
public:
    enum Roles {
        MarkerIdRole = Qt::UserRole + 1, ///< the event id, or a cluster id
        LatitudeRole,
        LongitudeRole,
        CountRole,
        IsClusterRole,
    };
    Q_ENUM(Roles)

    explicit MarkersModel(QObject *parent = nullptr);
    ~MarkersModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] EventFilter *filter() const { return m_filter; }
    void setFilter(EventFilter *filter);
    [[nodiscard]] QGeoRectangle viewport() const { return m_viewport; }
    void setViewport(const QGeoRectangle &viewport);
    [[nodiscard]] qreal zoomLevel() const { return m_zoom; }
    void setZoomLevel(qreal zoom);
    [[nodiscard]] bool isLoading() const { return m_call != nullptr || m_building; }
    [[nodiscard]] int pointCount() const;
    [[nodiscard]] int inViewCount() const { return m_inView; }
    [[nodiscard]] const std::vector<MapCluster> &markers() const { return m_rows; }

    /// The zoom level at which a cluster falls apart (for "click zooms in").
    Q_INVOKABLE int expansionZoom(qint64 clusterId) const;
    /// Up to `limit` event ids inside a cluster.
    Q_INVOKABLE QVariantList leaves(qint64 clusterId, int limit = 20) const;
    /// Fetches now.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void filterChanged();
    void viewportChanged();
    void zoomLevelChanged();
    void loadingChanged();
    /// The rows now reflect the current viewport and zoom.
    void clustered();

private:
    void fetch();
    void recluster();
    [[nodiscard]] bool fetchedAreaCovers(const QGeoRectangle &viewport) const;
    [[nodiscard]] QString filterSignature() const;

    QPointer<EventFilter> m_filter;
    QPointer<ApiCall> m_call;
    QGeoRectangle m_viewport;
    QGeoRectangle m_fetchedArea;
    QString m_signature;
    qreal m_zoom = 5;
    bool m_building = false;
    quint64 m_generation = 0;
    std::shared_ptr<const ClusterIndex> m_index;
    /// The fetched points' places, for counting those in view.
    std::shared_ptr<const std::vector<GeoPoint>> m_points;
    int m_inView = 0;
    std::vector<MapCluster> m_rows;
    QTimer m_debounce;
};

} // namespace Pudding::Client
