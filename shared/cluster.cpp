// SPDX-License-Identifier: GPL-3.0-or-later
// A port of supercluster 9.1.0 (index.js) and kdbush 4.1.0, both ISC licence,
// Copyright (c) 2016 Mapbox / Vladimir Agafonkin. Comments name the JavaScript
// functions each piece corresponds to, so that the two can be read side by side.
#include "cluster.h"

#include "mercator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <utility>

namespace Pudding {

namespace {

// supercluster keeps coordinates as Int32: (unit - 0.5) * 2^30, i.e. [-2^29, 2^29].
constexpr double Scale = 1073741824.0; // 2^30
constexpr double InvScale = 1.0 / Scale;

/// supercluster's encode(), as a double (what range/within queries compare with).
[[nodiscard]] double encodeExact(double unit)
{
    return (unit - 0.5) * Scale;
}

/// supercluster's encode() stored into an Int32Array: truncated towards zero. Out-of-range
/// input (a longitude beyond ±180°, NaN) is clamped so that the conversion is defined.
[[nodiscard]] qint32 encode(double unit)
{
    const double clamped = unit >= 0.0 ? (unit <= 1.0 ? unit : 1.0) : 0.0; // NaN -> 0
    return static_cast<qint32>(encodeExact(clamped));
}

[[nodiscard]] double decode(qint32 value)
{
    return value * InvScale + 0.5;
}

/// JavaScript's ((x + 180) % 360 + 360) % 360 - 180, but leaving longitudes that are already
/// in [-180, 180) alone: the formula would round them (x + 180 - 180 != x), and bbox edges
/// are meant to be exact.
[[nodiscard]] double wrapLongitude(double lng)
{
    if (lng >= -180.0 && lng < 180.0)
        return lng;
    return std::fmod(std::fmod(lng + 180.0, 360.0) + 360.0, 360.0) - 180.0;
}

// ---- kdbush: sort() and select() --------------------------------------------------------

/// One KD-tree entry: coordinates and the index of the node they belong to. Kept together
/// (kdbush has two parallel arrays) so that a swap moves one 12-byte record.
struct KdItem
{
    qint32 x;
    qint32 y;
    quint32 index;
};

template <int Axis> [[nodiscard]] inline qint32 coord(const KdItem &item)
{
    if constexpr (Axis == 0)
        return item.x;
    else
        return item.y;
}

/// kdbush's select(): Floyd-Rivest selection, so that [left, k) <= item k <= (k, right] on
/// `Axis`. The same swaps as the original, so that the tree order (and with it the order in
/// which neighbours are found) is the same.
template <int Axis> void select(KdItem *items, int k, int left, int right)
{
    while (right > left) {
        if (right - left > 600) {
            const double n = right - left + 1;
            const double m = k - left + 1;
            const double z = std::log(n);
            const double s = 0.5 * std::exp(2 * z / 3);
            const double sd = 0.5 * std::sqrt(z * s * (n - s) / n) * (m - n / 2 < 0 ? -1 : 1);
            const int newLeft = std::max(left, static_cast<int>(std::floor(k - m * s / n + sd)));
            const int newRight
                = std::min(right, static_cast<int>(std::floor(k + (n - m) * s / n + sd)));
            select<Axis>(items, k, newLeft, newRight);
        }

        const qint32 t = coord<Axis>(items[k]);
        int i = left;
        int j = right;

        std::swap(items[left], items[k]);
        if (coord<Axis>(items[right]) > t)
            std::swap(items[left], items[right]);

        while (i < j) {
            std::swap(items[i], items[j]);
            ++i;
            --j;
            while (coord<Axis>(items[i]) < t)
                ++i;
            while (coord<Axis>(items[j]) > t)
                --j;
        }

        if (coord<Axis>(items[left]) == t) {
            std::swap(items[left], items[j]);
        } else {
            ++j;
            std::swap(items[j], items[right]);
        }

        if (j <= k)
            left = j + 1;
        if (k <= j)
            right = j - 1;
    }
}

/// kdbush's sort(): kd-sorts items[left..right] starting with `axis`.
void kdSort(KdItem *items, int nodeSize, int left, int right, int axis)
{
    if (right - left <= nodeSize)
        return;
    const int m = (left + right) >> 1;
    if (axis == 0)
        select<0>(items, m, left, right);
    else
        select<1>(items, m, left, right);
    kdSort(items, nodeSize, left, m - 1, 1 - axis);
    kdSort(items, nodeSize, m + 1, right, 1 - axis);
}

/// How many nodes ahead clusterLevel() prefetches the leaf of the next radius search.
constexpr std::size_t PrefetchDistance = 4;

inline void prefetch(const void *address)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    Q_UNUSED(address);
#endif
}

/// Hits in leaves smaller than this are collected on the stack (always, unless nodeSize > 255).
constexpr int MaxSortedLeaf = 256;

} // namespace

ClusterIndex::ClusterIndex()
    : ClusterIndex(Options {})
{ }

ClusterIndex::ClusterIndex(const Options &options)
    : m_options(options)
{
    // supercluster: maxZoom <= 30 (so that zoom + 1 fits the 5 bits of a cluster id) and
    // minZoom <= maxZoom; kdbush: 2 <= nodeSize <= 65535. Negative zooms make no sense here.
    m_options.maxZoom = std::clamp(m_options.maxZoom, 0, 30);
    m_options.minZoom = std::clamp(m_options.minZoom, 0, m_options.maxZoom);
    m_options.nodeSize = std::clamp(m_options.nodeSize, 2, 65535);
}

qsizetype ClusterIndex::size() const
{
    return static_cast<qsizetype>(m_ids.size());
}

int ClusterIndex::limitZoom(int zoom) const
{
    return std::max(m_options.minZoom, std::min(zoom, m_options.maxZoom + 1));
}

// ---- kdbush: constructor + add() + finish(), range(), within() -----------------------------

void ClusterIndex::buildTree(Level &level) const
{
    const auto n = level.nodes.size();
    std::vector<KdItem> items(n);
    for (std::size_t i = 0; i < n; ++i)
        items[i] = { level.nodes[i].x, level.nodes[i].y, static_cast<quint32>(i) };
    const int nodeSize = m_options.nodeSize;
    if (n > 0)
        kdSort(items.data(), nodeSize, 0, static_cast<int>(n) - 1, 0);

    level.splits.clear();
    level.splits.reserve(2 * n / static_cast<std::size_t>(nodeSize) + 1);
    level.leafItems.assign(n, KdLeafItem {});
    level.leaves.clear();
    level.leafOfNode.assign(n, NoLeaf);
    constexpr double inf = std::numeric_limits<double>::infinity();
    // the same recursion as kdSort(): its ranges are the tree's nodes
    const auto build = [&](auto &self, int left, int right, int axis, double minX, double maxX,
                           double minY, double maxY) -> void {
        if (right - left <= nodeSize) {
            const auto leaf = static_cast<quint32>(level.leaves.size());
            level.leaves.push_back({ left, right, minX, maxX, minY, maxY });
            for (int i = left; i <= right; ++i) {
                const KdItem &item = items[static_cast<std::size_t>(i)];
                level.leafItems[static_cast<std::size_t>(i)]
                    = { item.x, item.y, item.index, static_cast<quint32>(i) };
                level.leafOfNode[item.index] = leaf;
            }
            std::sort(level.leafItems.begin() + left, level.leafItems.begin() + right + 1,
                [](const KdLeafItem &a, const KdLeafItem &b) { return a.x < b.x; });
            return;
        }
        const int m = (left + right) >> 1;
        const KdItem &middle = items[static_cast<std::size_t>(m)];
        const std::size_t split = level.splits.size();
        level.splits.push_back({ middle.x, middle.y, middle.index, -1 });
        if (axis == 0) {
            self(self, left, m - 1, 1, minX, middle.x, minY, maxY);
            level.splits[split].rightSplit = static_cast<qint32>(level.splits.size());
            self(self, m + 1, right, 1, middle.x, maxX, minY, maxY);
        } else {
            self(self, left, m - 1, 0, minX, maxX, minY, middle.y);
            level.splits[split].rightSplit = static_cast<qint32>(level.splits.size());
            self(self, m + 1, right, 0, minX, maxX, middle.y, maxY);
        }
    };
    if (n > 0)
        build(build, 0, static_cast<int>(n) - 1, 0, -inf, inf, -inf, inf);
}

template <typename Accept, typename Visit>
void ClusterIndex::searchLeaf(const Level &level, int left, int right, double windowMin,
    double windowMax, Accept &&accept, Visit &&visit) const
{
    // the items in the x-window, then the accepted ones in kdbush's order (by position)
    const KdLeafItem *leafItems = level.leafItems.data();
    const KdLeafItem *end = leafItems + right + 1;
    const KdLeafItem *it = std::lower_bound(leafItems + left, end, windowMin,
        [](const KdLeafItem &item, double x) { return item.x < x; });
    if (right - left < MaxSortedLeaf) {
        quint64 hits[MaxSortedLeaf]; // position << 32 | node
        int hitCount = 0;
        for (; it != end && it->x <= windowMax; ++it) {
            if (accept(it->x, it->y))
                hits[hitCount++] = static_cast<quint64>(it->position) << 32 | it->node;
        }
        for (int h = 1; h < hitCount; ++h) { // insertion sort: usually 0 to 3 hits
            const quint64 value = hits[h];
            int g = h;
            for (; g > 0 && hits[g - 1] > value; --g)
                hits[g] = hits[g - 1];
            hits[g] = value;
        }
        for (int h = 0; h < hitCount; ++h)
            visit(static_cast<quint32>(hits[h]));
    } else {
        std::vector<quint64> hits;
        for (; it != end && it->x <= windowMax; ++it) {
            if (accept(it->x, it->y))
                hits.push_back(static_cast<quint64>(it->position) << 32 | it->node);
        }
        std::sort(hits.begin(), hits.end());
        for (const quint64 hit : hits)
            visit(static_cast<quint32>(hit));
    }
}

template <typename Accept, typename Visit>
void ClusterIndex::search(const Level &level, double minX, double minY, double maxX, double maxY,
    Accept &&accept, Visit &&visit) const
{
    if (level.leafItems.empty())
        return;
    const KdSplit *splits = level.splits.data();
    const int nodeSize = m_options.nodeSize;
    // A leaf's x-window: one unit wider than the box, as it only preselects (accept() is
    // the exact test), so that rounding can never lose an item.
    const double windowMin = minX - 1;
    const double windowMax = maxX + 1;

    struct Frame
    {
        int left;
        int right;
        int axis;
        int split;
    };
    // at most depth + 1 pending frames; the depth is < 32 for up to 2^32 items
    Frame stack[64];
    int sp = 0;
    stack[sp++] = { 0, static_cast<int>(level.leafItems.size()) - 1, 0, 0 };

    while (sp > 0) {
        const Frame frame = stack[--sp];

        if (frame.right - frame.left <= nodeSize) {
            searchLeaf(level, frame.left, frame.right, windowMin, windowMax, accept, visit);
            continue;
        }

        // include the middle item if accepted, then search the halves that can hold more
        const KdSplit &split = splits[frame.split];
        const double x = split.x;
        const double y = split.y;
        if (accept(x, y))
            visit(split.node);
        const int m = (frame.left + frame.right) >> 1;
        if (frame.axis == 0 ? minX <= x : minY <= y)
            stack[sp++] = { frame.left, m - 1, 1 - frame.axis, frame.split + 1 };
        if (frame.axis == 0 ? maxX >= x : maxY >= y)
            stack[sp++] = { m + 1, frame.right, 1 - frame.axis, split.rightSplit };
    }
}

template <typename Visit>
void ClusterIndex::within(const Level &level, quint32 centre, double r, Visit &&visit) const
{
    const Node &node = level.nodes[centre];
    const double qx = node.x;
    const double qy = node.y;
    const double r2 = r * r;
    // kdbush: sqDist(x, y, qx, qy) <= r * r, pruning with qx - r <= x etc.
    const auto accept = [&](double x, double y) {
        const double dx = x - qx;
        const double dy = y - qy;
        return dx * dx + dy * dy <= r2;
    };
    const double minX = qx - r;
    const double minY = qy - r;
    const double maxX = qx + r;
    const double maxY = qy + r;

    // Shortcut: the box around the circle lies inside the region of the centre's leaf, more
    // than a unit from every side. Then kdbush would go straight down to this leaf (every
    // split on the way is passed on one side only) and find nothing on the way (a split item
    // lies on the region's border, more than r away), so the leaf alone has the answer.
    const quint32 leafIndex = level.leafOfNode[centre];
    if (leafIndex != NoLeaf) {
        const KdLeaf &leaf = level.leaves[leafIndex];
        if (minX - 1 > leaf.minX && maxX + 1 < leaf.maxX && minY - 1 > leaf.minY
            && maxY + 1 < leaf.maxY) {
            searchLeaf(level, leaf.left, leaf.right, minX - 1, maxX + 1, accept, visit);
            return;
        }
    }
    search(level, minX, minY, maxX, maxY, accept, std::forward<Visit>(visit));
}

template <typename Visit>
void ClusterIndex::range(
    const Level &level, double minX, double minY, double maxX, double maxY, Visit &&visit) const
{
    search(
        level, minX, minY, maxX, maxY,
        [&](double x, double y) { return x >= minX && x <= maxX && y >= minY && y <= maxY; },
        std::forward<Visit>(visit));
}

// ---- supercluster: load() and _cluster() ----------------------------------------------------

void ClusterIndex::load(std::vector<ClusterPoint> points)
{
    const int minZoom = m_options.minZoom;
    const int maxZoom = m_options.maxZoom;
    const qint32 notProcessed = maxZoom + 1;
    if (static_cast<qsizetype>(points.size()) > MaxPoints) {
        qWarning("ClusterIndex: %lld points, only the first %lld are clustered",
            static_cast<long long>(points.size()), static_cast<long long>(MaxPoints));
        points.resize(static_cast<std::size_t>(MaxPoints));
    }
    const auto n = points.size();

    m_levels.clear();
    m_levelOfZoom.assign(static_cast<std::size_t>(maxZoom) + 2, -1);
    m_ids.resize(n);
    m_locations.resize(n);

    Level top;
    top.nodes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_ids[i] = points[i].id;
        m_locations[i] = points[i].location;
        const QPointF unit = Mercator::toUnit(points[i].location);
        Node &node = top.nodes[i];
        node.x = encode(unit.x());
        node.y = encode(unit.y());
        node.zoom = notProcessed;
        node.count = 1;
        node.id = static_cast<qint32>(i);
        node.parent = -1;
    }
    points = {};
    buildTree(top);
    m_levels.push_back(std::move(top));
    m_levelOfZoom[static_cast<std::size_t>(maxZoom) + 1] = 0;

    // Cluster the points at maxZoom, then the result at maxZoom - 1, and so on.
    int previous = 0;
    for (int z = maxZoom; z >= minZoom; --z) {
        std::vector<Node> out;
        const qsizetype written
            = clusterLevel(m_levels[static_cast<std::size_t>(previous)], z, out);
        if (written
            == static_cast<qsizetype>(m_levels[static_cast<std::size_t>(previous)].nodes.size())) {
            // Nothing merged: the same nodes in the same order; share the level (supercluster
            // shares the tree too).
            m_levelOfZoom[static_cast<std::size_t>(z)] = previous;
            continue;
        }
        Level level;
        level.nodes = std::move(out);
        buildTree(level);
        m_levels.push_back(std::move(level));
        previous = static_cast<int>(m_levels.size()) - 1;
        m_levelOfZoom[static_cast<std::size_t>(z)] = previous;
    }
}

qsizetype ClusterIndex::clusterLevel(Level &level, int zoom, std::vector<Node> &out) const
{
    const double r = m_options.radius / (m_options.extent * static_cast<double>(1 << zoom)) * Scale;
    const qint32 notProcessed = m_options.maxZoom + 1;
    const qint64 numPoints = size();
    std::vector<Node> &nodes = level.nodes;
    const auto numItems = nodes.size();
    out.reserve(numItems);
    const auto neighbours = std::make_unique_for_overwrite<quint32[]>(numItems);

    for (std::size_t i = 0; i < numItems; ++i) {
        // The searches jump around the map (nodes are in input order), so each one's leaf is
        // a cache miss: ask for an upcoming one's now (the lines binary search looks at first).
        if (i + PrefetchDistance < numItems) {
            const quint32 leafIndex = level.leafOfNode[i + PrefetchDistance];
            if (leafIndex != NoLeaf) {
                const KdLeaf &leaf = level.leaves[leafIndex];
                const KdLeafItem *items = level.leafItems.data();
                const int middle = (leaf.left + leaf.right) >> 1;
                prefetch(items + middle);
                prefetch(items + ((leaf.left + middle) >> 1));
                prefetch(items + ((middle + leaf.right) >> 1));
            }
        }

        Node &origin = nodes[i];
        // already merged into a cluster at this zoom?
        if (origin.zoom <= zoom)
            continue;
        origin.zoom = zoom;

        qsizetype neighbourCount = 0;
        within(level, static_cast<quint32>(i), r,
            [&](quint32 index) { neighbours[neighbourCount++] = index; });

        const qint32 originCount = origin.count;
        qint32 count = originCount;
        for (qsizetype k = 0; k < neighbourCount; ++k) {
            const Node &neighbour = nodes[neighbours[k]];
            if (neighbour.zoom > zoom)
                count += neighbour.count;
        }

        if (count > originCount && count >= m_options.minPoints) {
            // The cluster id encodes the origin's index and zoom + 1, offset by the number of
            // points (supercluster: ((i / stride | 0) << 5) + (zoom + 1) + this.numPoints).
            // (< 2^31 as size() <= MaxPoints)
            const auto id
                = static_cast<qint32>((static_cast<qint64>(i) << 5) + (zoom + 1) + numPoints);
            // Exact integer sums (|x| <= 2^29, count <= 2^31): the same as JavaScript's doubles.
            qint64 wx = static_cast<qint64>(origin.x) * originCount;
            qint64 wy = static_cast<qint64>(origin.y) * originCount;
            for (qsizetype k = 0; k < neighbourCount; ++k) {
                Node &neighbour = nodes[neighbours[k]];
                if (neighbour.zoom <= zoom)
                    continue;
                neighbour.zoom = zoom;
                wx += static_cast<qint64>(neighbour.x) * neighbour.count;
                wy += static_cast<qint64>(neighbour.y) * neighbour.count;
                neighbour.parent = id;
            }
            origin.parent = id;

            Node cluster;
            // Int32Array stores truncate towards zero, as static_cast does.
            cluster.x = static_cast<qint32>(static_cast<double>(wx) / count);
            cluster.y = static_cast<qint32>(static_cast<double>(wy) / count);
            cluster.zoom = notProcessed;
            cluster.count = count;
            cluster.id = id;
            cluster.parent = -1;
            out.push_back(cluster);
        } else {
            // Left unclustered (alone, or too few for minPoints: then the neighbours too).
            out.push_back(origin);
            if (count > 1) {
                for (qsizetype k = 0; k < neighbourCount; ++k) {
                    Node &neighbour = nodes[neighbours[k]];
                    if (neighbour.zoom <= zoom)
                        continue;
                    neighbour.zoom = zoom;
                    out.push_back(neighbour);
                }
            }
        }
    }
    return static_cast<qsizetype>(out.size());
}

// ---- supercluster: getClusters(), getChildren(), getLeaves(), getClusterExpansionZoom() --

MapCluster ClusterIndex::toMapCluster(const Node &node) const
{
    MapCluster result;
    result.count = node.count;
    if (node.count > 1) {
        result.location = Mercator::fromUnit(QPointF(decode(node.x), decode(node.y)));
        result.id = node.id;
    } else {
        // single points: the exact input, not the fixed-point approximation (as supercluster)
        const auto index = static_cast<std::size_t>(node.id);
        result.location = m_locations[index];
        result.id = m_ids[index];
    }
    return result;
}

std::vector<MapCluster> ClusterIndex::clusters(const GeoBox &bbox, int zoom) const
{
    std::vector<MapCluster> result;
    if (m_levels.empty() || std::isnan(bbox.west) || std::isnan(bbox.east) || std::isnan(bbox.south)
        || std::isnan(bbox.north))
        return result;

    double minLng = wrapLongitude(bbox.west);
    const double minLat = std::clamp(bbox.south, -90.0, 90.0);
    double maxLng = bbox.east == 180.0 ? 180.0 : wrapLongitude(bbox.east);
    const double maxLat = std::clamp(bbox.north, -90.0, 90.0);

    if (bbox.east - bbox.west >= 360.0) {
        minLng = -180.0;
        maxLng = 180.0;
    } else if (minLng > maxLng) {
        // crosses the antimeridian: the eastern and then the western hemisphere
        appendClusters(GeoBox { minLng, minLat, 180.0, maxLat }, zoom, result);
        appendClusters(GeoBox { -180.0, minLat, maxLng, maxLat }, zoom, result);
        return result;
    }
    appendClusters(GeoBox { minLng, minLat, maxLng, maxLat }, zoom, result);
    return result;
}

void ClusterIndex::appendClusters(const GeoBox &box, int zoom, std::vector<MapCluster> &out) const
{
    const int levelIndex = m_levelOfZoom[static_cast<std::size_t>(limitZoom(zoom))];
    const Level &level = m_levels[static_cast<std::size_t>(levelIndex)];
    const QPointF northWest = Mercator::toUnit(GeoPoint { box.north, box.west });
    const QPointF southEast = Mercator::toUnit(GeoPoint { box.south, box.east });
    // One fixed-point unit of slack: stored coordinates are truncated, so anything whose
    // returned location is inside the box is found; the exact test below drops the rest.
    const double minX = encodeExact(northWest.x()) - 1;
    const double minY = encodeExact(northWest.y()) - 1;
    const double maxX = encodeExact(southEast.x()) + 1;
    const double maxY = encodeExact(southEast.y()) + 1;
    range(level, minX, minY, maxX, maxY, [&](quint32 index) {
        const MapCluster cluster = toMapCluster(level.nodes[index]);
        if (box.contains(cluster.location))
            out.push_back(cluster);
    });
}

const ClusterIndex::Level *ClusterIndex::originLevel(
    qint64 clusterId, int *originZoom, const Node **origin) const
{
    const qint64 relative = clusterId - size();
    if (m_levels.empty() || relative < 0)
        return nullptr;
    const int zoom = static_cast<int>(relative % 32);
    const qint64 index = relative >> 5;
    if (zoom > m_options.maxZoom + 1)
        return nullptr;
    const int levelIndex = m_levelOfZoom[static_cast<std::size_t>(zoom)];
    if (levelIndex < 0)
        return nullptr;
    const Level &level = m_levels[static_cast<std::size_t>(levelIndex)];
    if (index >= static_cast<qint64>(level.nodes.size()))
        return nullptr;
    *originZoom = zoom;
    *origin = &level.nodes[static_cast<std::size_t>(index)];
    return &level;
}

std::vector<const ClusterIndex::Node *> ClusterIndex::childNodes(qint64 clusterId) const
{
    std::vector<const Node *> result;
    int originZoom = 0;
    const Node *origin = nullptr;
    const Level *level = originLevel(clusterId, &originZoom, &origin);
    if (!level)
        return result;
    // the radius the cluster was made with, at zoom originZoom - 1
    const double r
        = m_options.radius / (m_options.extent * std::ldexp(1.0, originZoom - 1)) * Scale;
    const auto originIndex = static_cast<quint32>(origin - level->nodes.data());
    within(*level, originIndex, r, [&](quint32 index) {
        const Node &node = level->nodes[index];
        if (node.parent == clusterId)
            result.push_back(&node);
    });
    return result;
}

std::vector<MapCluster> ClusterIndex::children(qint64 clusterId) const
{
    std::vector<MapCluster> result;
    const std::vector<const Node *> nodes = childNodes(clusterId);
    result.reserve(nodes.size());
    for (const Node *node : nodes)
        result.push_back(toMapCluster(*node));
    return result;
}

int ClusterIndex::expansionZoom(qint64 clusterId) const
{
    int originZoom = 0;
    const Node *origin = nullptr;
    if (!originLevel(clusterId, &originZoom, &origin))
        return -1;
    int zoom = originZoom - 1;
    while (zoom <= m_options.maxZoom) {
        const std::vector<const Node *> nodes = childNodes(clusterId);
        if (nodes.empty())
            return -1; // not a cluster id (only possible on the first round)
        ++zoom;
        if (nodes.size() != 1)
            break;
        clusterId = nodes.front()->id;
    }
    return zoom;
}

std::vector<qint64> ClusterIndex::leaves(qint64 clusterId, int limit, int offset) const
{
    std::vector<qint64> result;
    if (limit <= 0)
        return result;
    appendLeaves(result, clusterId, limit, std::max(offset, 0), 0);
    return result;
}

qsizetype ClusterIndex::appendLeaves(std::vector<qint64> &result, qint64 clusterId, qsizetype limit,
    qsizetype offset, qsizetype skipped) const
{
    for (const Node *child : childNodes(clusterId)) {
        if (child->count > 1) {
            if (skipped + child->count <= offset)
                skipped += child->count; // skip the whole cluster
            else
                skipped = appendLeaves(result, child->id, limit, offset, skipped);
        } else if (skipped < offset) {
            ++skipped; // skip a single point
        } else {
            result.push_back(m_ids[static_cast<std::size_t>(child->id)]);
        }
        if (static_cast<qsizetype>(result.size()) == limit)
            break;
    }
    return skipped;
}

} // namespace Pudding
