// SPDX-License-Identifier: GPL-3.0-or-later
#include "markersmodel.h"
#include "shared/futures.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "eventfilter.h"
#include "eventupdates.h"
#include "shared/event.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
/// The viewport grown by half its size on every side: small pans need no new request.
QGeoRectangle expanded(const QGeoRectangle &r)
{
    const double dLat = r.height() / 2;
    const double dLng = r.width() / 2;
    const QGeoCoordinate tl(std::min(90.0, r.topLeft().latitude() + dLat),
        std::max(-180.0, r.topLeft().longitude() - dLng));
    const QGeoCoordinate br(std::max(-90.0, r.bottomRight().latitude() - dLat),
        std::min(180.0, r.bottomRight().longitude() + dLng));
    return QGeoRectangle(tl, br);
}

GeoBox toBox(const QGeoRectangle &r)
{
    return { r.topLeft().longitude(), r.bottomRight().latitude(), r.bottomRight().longitude(),
        r.topLeft().latitude() };
}

struct BuiltIndex
{
    std::shared_ptr<const ClusterIndex> index;
    std::shared_ptr<const std::vector<GeoPoint>> places;
};

BuiltIndex buildIndex(const QByteArray &json)
{
    std::vector<ClusterPoint> points;
    const auto list = QJsonDocument::fromJson(json).object().value("points"_L1).toArray();
    points.reserve(size_t(list.size()));
    for (const auto &v : list) {
        const auto p = v.toArray();
        points.push_back({ p.at(0).toInteger(), { p.at(1).toDouble(), p.at(2).toDouble() } });
    }
    auto places = std::make_shared<std::vector<GeoPoint>>();
    places->reserve(points.size());
    for (const ClusterPoint &p : points)
        places->push_back(p.location);
    auto index = std::make_shared<ClusterIndex>();
    index->load(std::move(points));
    return { std::move(index), std::move(places) };
}
} // namespace

MarkersModel::MarkersModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &MarkersModel::fetch);
    if (auto *api = ApiClient::instance()) {
        connect(api, &ApiClient::reachableChanged, this, [this, api] {
            if (api->isReachable())
                m_debounce.start();
        });
    }
    // A meetup that was cancelled (or filled up under "only free places") leaves the map; one
    // that qualifies again comes back.
    if (auto *updates = EventUpdates::instance()) {
        connect(
            updates, &EventUpdates::eventChanged, this, [this](qint64, const QJsonObject &json) {
                if (!m_filter)
                    return;
                const Event event = Event::fromJson(json);
                const bool admitted = m_filter->admitsChanged(event);
                if (!admitted || m_filter->onlyFreePlaces())
                    m_debounce.start();
            });
    }
}

MarkersModel::~MarkersModel() = default;

int MarkersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MarkersModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const MapCluster &m = m_rows[size_t(index.row())];
    switch (role) {
    case MarkerIdRole:
        return m.id;
    case LatitudeRole:
        return m.location.lat;
    case LongitudeRole:
        return m.location.lng;
    case CountRole:
        return m.count;
    case IsClusterRole:
        return m.isCluster();
    default:
        return {};
    }
}

QHash<int, QByteArray> MarkersModel::roleNames() const
{
    return { { MarkerIdRole, "markerId" }, { LatitudeRole, "latitude" },
        { LongitudeRole, "longitude" }, { CountRole, "count" }, { IsClusterRole, "isCluster" } };
}

void MarkersModel::setFilter(EventFilter *filter)
{
    if (m_filter == filter)
        return;
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = filter;
    if (m_filter) {
        // The filter's own region follows the map too; a region-only change is handled by
        // setViewport, so any change here just refetches once (debounced).
        connect(m_filter, &EventFilter::changed, this, [this] {
            // Panning changes only the filter's region, which the viewport handles; refetch
            // only when what is asked for changed.
            const QString signature = filterSignature();
            if (signature == m_signature)
                return;
            m_signature = signature;
            m_fetchedArea = {};
            m_debounce.start();
        });
        m_signature = filterSignature();
    }
    Q_EMIT filterChanged();
    m_debounce.start();
}

void MarkersModel::setViewport(const QGeoRectangle &viewport)
{
    if (m_viewport == viewport)
        return;
    m_viewport = viewport;
    Q_EMIT viewportChanged();
    if (fetchedAreaCovers(viewport))
        recluster();
    else
        m_debounce.start();
}

void MarkersModel::setZoomLevel(qreal zoom)
{
    if (qFuzzyCompare(m_zoom, zoom))
        return;
    const bool levelChanged = int(std::floor(m_zoom)) != int(std::floor(zoom));
    m_zoom = zoom;
    Q_EMIT zoomLevelChanged();
    if (levelChanged)
        recluster();
}

bool MarkersModel::fetchedAreaCovers(const QGeoRectangle &viewport) const
{
    return m_index && m_fetchedArea.isValid() && viewport.isValid()
        && m_fetchedArea.contains(viewport.topLeft())
        && m_fetchedArea.contains(viewport.bottomRight());
}

QString MarkersModel::filterSignature() const
{
    static const QGeoRectangle world(QGeoCoordinate(85, -180), QGeoCoordinate(-85, 180));
    return m_filter ? m_filter->toQuery(world).toString() : QString();
}

int MarkersModel::pointCount() const
{
    return m_index ? int(m_index->size()) : 0;
}

void MarkersModel::refresh()
{
    m_debounce.stop();
    fetch();
}

void MarkersModel::fetch()
{
    auto *api = ApiClient::instance();
    if (!api || !m_filter)
        return;
    if (m_call)
        m_call->abort();
    const QGeoRectangle area = m_viewport.isValid() ? expanded(m_viewport) : QGeoRectangle();
    // The list's region must not shrink what the markers fetch: drop it, use our area.
    QUrlQuery query = m_filter->toQuery(area.isValid()
            ? area
            : QGeoRectangle(QGeoCoordinate(55.06, 5.86), QGeoCoordinate(47.27, 15.05)));
    ApiCall *call = api->get(Endpoints::eventPoints(), query);
    m_call = call;
    Q_EMIT loadingChanged();
    const quint64 generation = ++m_generation;
    connect(call, &ApiCall::finished, this, [this, call, area, generation] {
        if (m_call != call)
            return;
        m_call = nullptr;
        if (!call->ok()) {
            Q_EMIT loadingChanged();
            return;
        }
        // Parsing 100,000 points and building the cluster levels takes tens of ms: not here.
        m_building = true;
        onFinished(QtConcurrent::run(&buildIndex, call->rawBody()), this,
            [this, area, generation](const BuiltIndex &built) {
                m_building = false;
                Q_EMIT loadingChanged();
                if (generation != m_generation)
                    return; // a newer fetch is on its way
                m_index = built.index;
                m_points = built.places;
                m_fetchedArea = area;
                recluster();
            });
    });
}

void MarkersModel::recluster()
{
    if (!m_index)
        return;
    const GeoBox box = m_viewport.isValid() ? toBox(m_viewport) : GeoBox { -180, -85, 180, 85 };
    auto rows = m_index->clusters(box, int(std::floor(m_zoom)));
    // Clusters at the edge hold points outside the view: count the points themselves.
    m_inView = 0;
    if (m_points) {
        m_inView = int(std::count_if(m_points->cbegin(), m_points->cend(),
            [&box](const GeoPoint &p) { return box.contains(p); }));
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT clustered();
}

int MarkersModel::expansionZoom(qint64 clusterId) const
{
    return m_index ? m_index->expansionZoom(clusterId) : int(m_zoom) + 1;
}

QVariantList MarkersModel::leaves(qint64 clusterId, int limit) const
{
    QVariantList out;
    if (!m_index)
        return out;
    for (qint64 id : m_index->leaves(clusterId, limit))
        out.append(id);
    return out;
}

} // namespace Pudding::Client
