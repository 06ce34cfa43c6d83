// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo.h"

#include <QtGlobal>
#include <vector>

/// Marker clustering for the map: a C++ port of the algorithm of the JavaScript library
/// supercluster (https://github.com/mapbox/supercluster, version 9.1.0, ISC licence) and of
/// the static KD-tree it stands on (kdbush 4.1.0).
///
/// Why a port and not something simpler: the map shows up to 100,000 events, and supercluster's
/// hierarchical greedy clustering is the well-understood standard for that: every zoom level is
/// clustered once, up front, from the level below it, and each level gets its own KD-tree, so
/// a viewport query is a plain range search that takes microseconds. The port keeps
/// supercluster's arithmetic (2^30 fixed-point coordinates, the same KD-tree order, the same
/// greedy order, the same cluster ids) so that its results can be compared one to one with
/// the original (tests/tst_cluster.cpp does that when node is installed).
namespace Pudding {

/// An input point: an event id and where it is.
struct ClusterPoint
{
    qint64 id = 0;
    GeoPoint location;
};

/// One marker on the map at some zoom: either a single event or a cluster of several.
struct MapCluster
{
    GeoPoint location; ///< weighted centre (for a single event: exactly its location)
    int count = 1; ///< 1 = a single event
    qint64 id = 0; ///< the event id when count == 1, else a cluster id for ClusterIndex

    [[nodiscard]] bool isCluster() const { return count > 1; }
};

/// Clusters a static set of points at every zoom level from Options::minZoom to
/// Options::maxZoom; at maxZoom + 1 and above every point stands alone.
///
/// Two points are merged at zoom z when they are at most `radius` pixels apart on a tile of
/// `extent` pixels (i.e. radius / (extent * 2^z) in normalised Web Mercator units). Clustering
/// is greedy, in input order, and hierarchical: zoom z clusters the result of zoom z + 1, so a
/// cluster always contains whole clusters of the next zoom.
///
/// Cluster ids encode where a cluster originated (its index at the level it was made from and
/// that level's zoom), offset by size(), exactly as supercluster does; they are only meaningful
/// for the index that returned them, and only in a MapCluster with count > 1 (a cluster id may
/// equal some event id).
///
/// Not thread-safe for load(); all const functions may be called concurrently.
class ClusterIndex
{
public:
    /// supercluster's options, with its defaults.
    struct Options
    {
        int minZoom = 0; ///< lowest zoom that gets clusters (queries below use this level)
        int maxZoom = 16; ///< highest zoom that gets clusters (at most 30)
        double radius = 40; ///< cluster radius in pixels, relative to `extent`
        double extent = 512; ///< tile size in pixels the radius refers to
        int minPoints = 2; ///< fewer points than this never form a cluster
        /// KD-tree leaf size. Mostly speed, but as in supercluster the tree's order is the
        /// order of leaves() and, with minPoints > 2, decides some groupings.
        int nodeSize = 64;
    };

    ClusterIndex();
    explicit ClusterIndex(const Options &options);

    /// At most this many points are loaded (the rest is dropped with a warning): cluster ids
    /// are 32 bits, as in supercluster, whose JavaScript bit operations limit it the same way.
    static constexpr qsizetype MaxPoints = 60'000'000;

    /// Replaces the points and builds all zoom levels. O(n log n) per level.
    void load(std::vector<ClusterPoint> points);

    /// Everything whose location lies inside `bbox` at `zoom` (clamped to minZoom..maxZoom+1),
    /// in KD-tree order. Longitudes wrap as in supercluster: a box 360° wide or more is the
    /// whole world, and a box whose west edge ends up east of its east edge after wrapping
    /// into [-180, 180) is searched as two boxes either side of the antimeridian. Latitudes are
    /// clamped to [-90, 90].
    ///
    /// Unlike supercluster, the returned locations are checked against `bbox` exactly, so
    /// nothing is returned that is a few centimetres outside (or missed just inside) because of
    /// the fixed-point coordinates of the KD-tree.
    [[nodiscard]] std::vector<MapCluster> clusters(const GeoBox &bbox, int zoom) const;

    /// The zoom at which the cluster splits up into more than one marker: at least one more
    /// than the zoom where it was made, at most maxZoom + 1 (where every point is single).
    /// -1 if `clusterId` is not a cluster of this index.
    [[nodiscard]] int expansionZoom(qint64 clusterId) const;

    /// The event ids in the cluster, in the order supercluster lists them (depth first over
    /// children()), skipping `offset` and returning at most `limit`. Empty if `clusterId` is
    /// not a cluster of this index, or if `limit` <= 0 (supercluster would treat 0 as 10).
    [[nodiscard]] std::vector<qint64> leaves(
        qint64 clusterId, int limit = 10, int offset = 0) const;

    /// The markers the cluster splits into one zoom level further in; their counts add up to
    /// the cluster's count. Empty if `clusterId` is not a cluster of this index.
    [[nodiscard]] std::vector<MapCluster> children(qint64 clusterId) const;

    /// The number of points loaded.
    [[nodiscard]] qsizetype size() const;

    /// The options in effect (after clamping to sane values).
    [[nodiscard]] const Options &options() const { return m_options; }

private:
    /// A point or cluster at one level: the fields of supercluster's Int32Array stride.
    struct Node
    {
        qint32 x = 0; ///< (unit x - 0.5) * 2^30, truncated towards zero
        qint32 y = 0; ///< (unit y - 0.5) * 2^30, truncated towards zero
        qint32 zoom = 0; ///< the last zoom this node was processed at (build time only)
        qint32 count = 1; ///< number of points
        qint32 id = 0; ///< point index (count == 1) or cluster id
        qint32 parent = -1; ///< id of the cluster it was merged into at the next zoom out
    };

    /// The middle item of a KD range, which splits the range by x or y (in turn).
    struct KdSplit
    {
        qint32 x;
        qint32 y;
        quint32 node; ///< index into Level::nodes
        qint32 rightSplit; ///< index of the right half's KdSplit (the left half's is the next)
    };

    /// An item of a KD leaf (a range of at most nodeSize + 1 items).
    struct KdLeafItem
    {
        qint32 x;
        qint32 y;
        quint32 node; ///< index into Level::nodes
        quint32 position; ///< position in kdbush's order, to report hits in that order
    };

    /// A KD leaf: its range of positions and the region its ancestors' splits confine it to.
    struct KdLeaf
    {
        int left;
        int right;
        double minX; ///< largest split x with this leaf on its right (or -infinity)
        double maxX; ///< smallest split x with this leaf on its left (or +infinity)
        double minY;
        double maxY;
    };

    /// The nodes of one zoom level and their KD-tree. The tree is kdbush's, item for item
    /// (the same Floyd-Rivest selection, so the same order), stored for speed: the split items
    /// compactly in preorder, so that a search down the tree stays in cache, and each leaf
    /// sorted by x, so that a search finds the few items in its x-window by binary search
    /// instead of testing all of them. Hits are reported in kdbush's order all the same.
    struct Level
    {
        std::vector<Node> nodes;
        std::vector<KdSplit> splits;
        std::vector<KdLeafItem> leafItems; ///< by KD position (split positions unused)
        std::vector<KdLeaf> leaves;
        /// The leaf each node is in (or NoLeaf for split items): a radius search around a
        /// node that stays inside the node's leaf region is answered by that leaf alone, as
        /// kdbush would, without walking down from the root. Most searches at high zooms are.
        std::vector<quint32> leafOfNode;
    };
    static constexpr quint32 NoLeaf = 0xffffffffu;

    void buildTree(Level &level) const;
    /// kdbush's range() and within() in one: calls `visit(nodeIndex)` for every item that is
    /// `accept(x, y)`, in kdbush's order, pruning with the box (minX, minY)-(maxX, maxY)
    /// which must contain every accepted item.
    template <typename Accept, typename Visit>
    void search(const Level &level, double minX, double minY, double maxX, double maxY,
        Accept &&accept, Visit &&visit) const;
    /// Calls `visit(nodeIndex)` for the items of leaf[left..right] that are `accept(x, y)`,
    /// in kdbush's order; `windowMin`/`windowMax` must bound their x.
    template <typename Accept, typename Visit>
    void searchLeaf(const Level &level, int left, int right, double windowMin, double windowMax,
        Accept &&accept, Visit &&visit) const;
    /// kdbush's within(): every node at most r away from the node `centre` of `level`.
    template <typename Visit>
    void within(const Level &level, quint32 centre, double r, Visit &&visit) const;
    /// kdbush's range(): every node in the box, bounds included.
    template <typename Visit>
    void range(const Level &level, double minX, double minY, double maxX, double maxY,
        Visit &&visit) const;
    /// supercluster's _cluster(): clusters `level` (whose nodes' zoom/parent fields are
    /// updated) at `zoom` into `out`; returns the number of nodes written.
    qsizetype clusterLevel(Level &level, int zoom, std::vector<Node> &out) const;
    void appendClusters(const GeoBox &box, int zoom, std::vector<MapCluster> &out) const;
    [[nodiscard]] MapCluster toMapCluster(const Node &node) const;
    /// The level a cluster was made from and the node it originated at, or nullptr.
    [[nodiscard]] const Level *originLevel(
        qint64 clusterId, int *originZoom, const Node **origin) const;
    /// The nodes (at the cluster's origin level) whose parent is `clusterId`.
    [[nodiscard]] std::vector<const Node *> childNodes(qint64 clusterId) const;
    qsizetype appendLeaves(std::vector<qint64> &result, qint64 clusterId, qsizetype limit,
        qsizetype offset, qsizetype skipped) const;
    [[nodiscard]] int limitZoom(int zoom) const;

    Options m_options;
    std::vector<qint64> m_ids; ///< event id per point index
    std::vector<GeoPoint> m_locations; ///< exact input location per point index
    std::vector<Level> m_levels; ///< distinct levels; zooms where nothing merged share one
    std::vector<int> m_levelOfZoom; ///< zoom (0 .. maxZoom + 1) -> index into m_levels or -1
};

} // namespace Pudding
