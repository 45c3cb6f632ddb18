// EventIndex's clusters checked against a brute-force grouping of query()'s rows, and the cell
// rule (EventIndex::cellOf) that every caller asking for a point's cell uses.
#include "eventindex.h"
#include "indexfixtures.h"
#include "mercatorview.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>

using namespace fa;
using namespace fa::test;

namespace {

struct RefCluster {
    std::uint32_t count = 0;
    double sumLon = 0, sumLat = 0;
    std::uint32_t fam[kFamilyCount] = {0, 0, 0};
    std::uint32_t first = 0;
    int maxCas = std::numeric_limits<int>::min();
};

struct ClusterCase {
    double zoom, left, top, width, height, cell;
};

/// Checks every invariant of clusters() against a brute-force grouping of query()'s rows.
void checkClusters(const EventIndex& index, const IndexQuery& q, const ClusterCase& k)
{
    SCOPED_TRACE(testing::Message() << "zoom " << k.zoom << " view " << k.left << "," << k.top
                                    << " " << k.width << "x" << k.height << " cell " << k.cell);
    std::map<std::pair<std::int64_t, std::int64_t>, RefCluster> ref; // (cellY, cellX)
    std::size_t visible = 0;
    for (std::uint32_t r : index.query(q)) {
        double x, y;
        EventIndex::toWorldPixels(index.longitudeAt(r), index.latitudeAt(r), k.zoom, x, y);
        if (x < k.left || x >= k.left + k.width || y < k.top || y >= k.top + k.height)
            continue;
        ++visible;
        RefCluster& c =
            ref[{std::int64_t(std::floor(y / k.cell)), std::int64_t(std::floor(x / k.cell))}];
        if (c.count == 0)
            c.first = r;
        ++c.count;
        c.sumLon += index.longitudeAt(r);
        c.sumLat += index.latitudeAt(r);
        ++c.fam[int(index.familyAt(r))];
        c.maxCas = std::max(c.maxCas, index.casualtiesAt(r));
    }

    const auto clusters = index.clusters(q, k.zoom, k.left, k.top, k.width, k.height, k.cell);
    ASSERT_EQ(clusters.size(), ref.size());
    std::size_t total = 0;
    auto it = ref.begin();
    for (const Cluster& c : clusters) {
        const auto& [cell, e] = *it++;
        // Same cell, in row-major order (ref is ordered by (cellY, cellX)).
        ASSERT_EQ(c.cellY, cell.first);
        ASSERT_EQ(c.cellX, cell.second);
        ASSERT_EQ(c.count, e.count);
        total += c.count;
        std::uint32_t famSum = 0;
        for (int f = 0; f < kFamilyCount; ++f) {
            EXPECT_EQ(c.familyCounts[f], e.fam[f]);
            famSum += c.familyCounts[f];
            EXPECT_GE(c.familyCounts[int(c.dominant)], c.familyCounts[f]); // dominant is max
        }
        EXPECT_EQ(famSum, c.count);
        for (int f = 0; f < int(c.dominant); ++f) // ties go to the lower family
            EXPECT_LT(c.familyCounts[f], c.familyCounts[int(c.dominant)]);
        EXPECT_EQ(c.firstRow, e.first);
        EXPECT_EQ(c.maxCasualties, e.maxCas);
        EXPECT_NEAR(c.longitude, e.sumLon / e.count, 1e-9);
        EXPECT_NEAR(c.latitude, e.sumLat / e.count, 1e-9);
        // The centroid lies inside its cell (up to rounding of the mean).
        double x, y;
        EventIndex::toWorldPixels(c.longitude, c.latitude, k.zoom, x, y);
        const double eps = 1e-6;
        EXPECT_GE(x, double(c.cellX) * k.cell - eps);
        EXPECT_LT(x, double(c.cellX + 1) * k.cell + eps);
        EXPECT_GE(y, double(c.cellY) * k.cell - eps);
        EXPECT_LT(y, double(c.cellY + 1) * k.cell + eps);
        if (c.count == 1) {
            EXPECT_EQ(index.longitudeAt(c.firstRow), c.longitude);
            EXPECT_EQ(index.latitudeAt(c.firstRow), c.latitude);
        }
    }
    EXPECT_EQ(total, visible); // every visible event in exactly one cluster
}

} // namespace

TEST_F(EventIndexRandom, ClustersMatchBruteForceAndKeepInvariants)
{
    // Views around the frontier at several zooms (integer and fractional), cell sizes (the
    // last one small enough to use the sparse grid), and one reaching past the world's edge.
    std::vector<ClusterCase> cases;
    for (double zoom : {2.0, 5.0, 7.0, 7.5, 9.0}) {
        double cx, cy;
        EventIndex::toWorldPixels(70.0, 37.5, zoom, cx, cy);
        for (double cell : {60.0, 37.3, 3.0})
            cases.push_back({zoom, cx - 960.3, cy - 540.7, 1920, 1080, cell});
    }
    cases.push_back({1.0, -300, -200, 1920, 1080, 50});
    cases.push_back({0.0, 0, 0, 256, 256, 256}); // the whole world in one cell

    std::mt19937_64 rng(99);
    std::vector<qint64> allow;
    for (const ClusterCase& k : cases) {
        checkClusters(index, IndexQuery{}, k);
        checkClusters(index, randomQuery(rng, rows, index, allow), k);
    }
}

TEST(EventIndexClusters, DegenerateViewportsGiveNoClusters)
{
    const EventIndex index = EventIndex::fromRows(randomRows(100, 3));
    EXPECT_TRUE(index.clusters({}, 7, 0, 0, 0, 100, 60).empty());
    EXPECT_TRUE(index.clusters({}, 7, 0, 0, 100, -1, 60).empty());
    EXPECT_TRUE(index.clusters({}, 7, 0, 0, 100, 100, 0).empty());
    EXPECT_TRUE(index.clusters({}, std::nan(""), 0, 0, 100, 100, 60).empty());
    EXPECT_TRUE(index.clusters({}, 40, 0, 0, 100, 100, 1).empty()); // 2^48 cells across

    // A view far larger than the world gives the same clusters as the world itself.
    const auto world = index.clusters({}, 2, 0, 0, 1024, 1024, 1);
    const auto huge = index.clusters({}, 2, -1e15, -1e15, 1e16, 1e16, 1);
    ASSERT_EQ(world.size(), huge.size());
    std::size_t total = 0;
    for (std::size_t i = 0; i < world.size(); ++i) {
        EXPECT_EQ(world[i].cellX, huge[i].cellX);
        EXPECT_EQ(world[i].cellY, huge[i].cellY);
        EXPECT_EQ(world[i].count, huge[i].count);
        total += world[i].count;
    }
    EXPECT_EQ(total, index.size());
}

TEST(EventIndexClusters, CellOfNamesTheCellClustersPutsAPointInEvenOnABoundary)
{
    // Points on (and one float step either side of) cell boundaries, both ways, at integer
    // and fractional zooms and several cell sizes (the map's, enlarged ones, odd ones).
    struct Grid {
        double zoom, cell;
    };
    const Grid grids[] = {{5, 44},     {7, 44},  {9.37, 44}, {7, 44 * 1.1 * 1.1},
                          {8.5, 37.3}, {11, 60}, {3.25, 3}};
    for (const Grid& g : grids) {
        SCOPED_TRACE(testing::Message() << "zoom " << g.zoom << " cell " << g.cell);
        std::vector<IndexSourceRow> rows;
        const auto add = [&rows](double lon, double lat) {
            IndexSourceRow r;
            r.rowid = qint64(rows.size()) + 1;
            r.id = QUuid::createUuidV5(QUuid(), QString::number(r.rowid));
            r.startSecs = r.endSecs = secsOf(2024, 1, 1);
            r.longitude = lon;
            r.latitude = lat;
            rows.push_back(r);
        };
        double x0, y0;
        EventIndex::toWorldPixels(64, 42, g.zoom, x0, y0);
        const auto kx = std::int64_t(std::ceil(x0 / g.cell)),
                   ky = std::int64_t(std::ceil(y0 / g.cell));
        for (std::int64_t i = 0; i < 12; ++i) {
            const double lon = MercatorView::lonFromWorldX(double(kx + i * 3) * g.cell, g.zoom);
            const double lat = MercatorView::latFromWorldY(double(ky + i * 2) * g.cell, g.zoom);
            const float flon = float(lon), flat = float(lat);
            for (const float dlon : {std::nextafter(flon, -1e9f), flon, std::nextafter(flon, 1e9f)})
                for (const float dlat :
                     {std::nextafter(flat, -1e9f), flat, std::nextafter(flat, 1e9f)})
                    add(dlon, dlat);
        }
        const EventIndex index = EventIndex::fromRows(rows);

        // The partition by cellOf, from each stored point.
        std::map<std::pair<std::int64_t, std::int64_t>, std::uint32_t> byCellOf; // (y, x)
        for (std::uint32_t r = 0; r < index.size(); ++r) {
            const ClusterCell c =
                EventIndex::cellOf(index.longitudeAt(r), index.latitudeAt(r), g.zoom, g.cell);
            ++byCellOf[{c.y, c.x}];
        }
        ASSERT_GT(byCellOf.size(), 12u); // the steps either side do split across cells

        double left, top;
        EventIndex::toWorldPixels(60, 45, g.zoom, left, top);
        const auto clusters = index.clusters({}, g.zoom, left, top, 1e7, 1e7, g.cell);
        ASSERT_EQ(clusters.size(), byCellOf.size());
        auto it = byCellOf.begin();
        for (const Cluster& c : clusters) {
            const auto& [cell, count] = *it++;
            EXPECT_EQ(c.cellY, cell.first);
            EXPECT_EQ(c.cellX, cell.second);
            EXPECT_EQ(c.count, count);
            if (c.count == 1) { // a single names its own cell
                EXPECT_EQ(EventIndex::cellOf(index.longitudeAt(c.firstRow),
                                             index.latitudeAt(c.firstRow), g.zoom, g.cell),
                          c.cell());
            }
        }
    }
    // Coordinates are taken as stored: clamped and in single precision.
    EXPECT_EQ(EventIndex::cellOf(-200, 100, 3, 44), EventIndex::cellOf(-180, 90, 3, 44));
    EXPECT_EQ(EventIndex::cellOf(70.1234567891, 37.1, 9, 44),
              EventIndex::cellOf(double(float(70.1234567891)), double(float(37.1)), 9, 44));
}
