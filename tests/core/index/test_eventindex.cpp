// EventIndex checked against brute force over the source rows: queries, histograms, clusters,
// incremental edits and the Mercator maths. All random data comes from fixed seeds.
#include "eventindex.h"
#include "eventstore.h"
#include "indexsourcerow.h"
#include "mercatorview.h"
#include "storefixtures.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <tuple>

using namespace fa;

namespace {

__extension__ using I128 = __int128;

const QStringList kTypes = {
    "drone attack",   "armed attack", "clash",   "shelling",  "smuggling interdiction",
    "border closure", "visit",        "meeting", "statement", "agreement",
    "advisory",       "protest"};

qint64 secsOf(int y, int m, int d, int hh = 0, int mm = 0)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm), QTimeZone::UTC).toSecsSinceEpoch();
}

QUuid randomId(std::mt19937_64& rng)
{
    const std::uint64_t a = rng(), b = rng();
    return QUuid(uint(a), ushort(a >> 32), ushort(a >> 48), uchar(b), uchar(b >> 8), uchar(b >> 16),
                 uchar(b >> 24), uchar(b >> 32), uchar(b >> 40), uchar(b >> 48), uchar(b >> 56));
}

/// Random events: mostly on the frontier, a few worldwide; mixed precisions, some spans, some
/// equal start times (ties), casualties mostly zero.
std::vector<IndexSourceRow> randomRows(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const qint64 t0 = secsOf(2021, 1, 1), t1 = secsOf(2026, 1, 1);
    std::vector<IndexSourceRow> rows;
    rows.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        IndexSourceRow r;
        r.rowid = qint64(i) + 1;
        r.id = randomId(rng);
        if (i > 0 && unit(rng) < 0.05)
            r.startSecs = rows[rng() % rows.size()].startSecs; // a tie
        else
            r.startSecs = t0 + qint64(unit(rng) * double(t1 - t0));
        const double p = unit(rng);
        r.timePrecision = p < 0.03   ? TimePrecision::Year
                          : p < 0.15 ? TimePrecision::Month
                          : p < 0.8  ? TimePrecision::Day
                                     : TimePrecision::Minute;
        r.endSecs = r.startSecs;
        const double s = unit(rng);
        if (s < 0.05)
            r.endSecs = r.startSecs + qint64(unit(rng) * 3 * 365 * 86400.0); // long span
        else if (s < 0.15)
            r.endSecs = r.startSecs + qint64(unit(rng) * 20 * 86400.0);
        if (unit(rng) < 0.9) {
            r.longitude = 64.0 + unit(rng) * 14.0;
            r.latitude = 34.0 + unit(rng) * 8.0;
        } else {
            r.longitude = -180.0 + unit(rng) * 360.0;
            r.latitude = -85.0 + unit(rng) * 170.0;
        }
        r.family = Family(rng() % 3);
        r.eventType = kTypes[int(rng() % std::uint64_t(kTypes.size()))];
        r.coordPrecision = CoordPrecision(rng() % 4);
        r.casualties = unit(rng) < 0.6 ? 0 : int(rng() % 60);
        rows.push_back(r);
    }
    std::shuffle(rows.begin(), rows.end(), rng); // fromRows must sort them itself
    return rows;
}

/// Coverage end written independently of the index, with QDate arithmetic.
qint64 referenceEnd(const IndexSourceRow& r)
{
    if (r.endSecs > r.startSecs)
        return r.endSecs;
    const QDate d = QDateTime::fromSecsSinceEpoch(r.startSecs, QTimeZone::UTC).date();
    if (r.timePrecision == TimePrecision::Month)
        return QDateTime(QDate(d.year(), d.month(), 1).addMonths(1), QTime(0, 0), QTimeZone::UTC)
            .toSecsSinceEpoch();
    if (r.timePrecision == TimePrecision::Year)
        return QDateTime(QDate(d.year() + 1, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
    return r.startSecs + 1;
}

/// Filters except time, evaluated on a source row the slow, obvious way. Coordinates are
/// compared as the index stores them (single precision).
bool matchesAttributes(const IndexSourceRow& r, const IndexQuery& q, const EventIndex& index)
{
    if (!(q.familyMask & (1u << int(r.family))))
        return false;
    const int code = index.typeCode(r.eventType);
    if (code >= 0 && std::size_t(code) < q.typeMask.size() && !q.typeMask[std::size_t(code)])
        return false;
    if (q.minCasualties > 0 && r.casualties < q.minCasualties)
        return false;
    const double lon = float(r.longitude), lat = float(r.latitude);
    if (!q.box.contains(lon, lat))
        return false;
    if (q.allowRowids &&
        std::find(q.allowRowids->begin(), q.allowRowids->end(), r.rowid) == q.allowRowids->end())
        return false;
    return true;
}

bool matchesTime(const IndexSourceRow& r, const IndexQuery& q)
{
    if (q.overlap)
        return r.startSecs < q.toSecs && referenceEnd(r) > q.fromSecs;
    return r.startSecs >= q.fromSecs && r.startSecs < q.toSecs;
}

bool startOrder(const IndexSourceRow& a, const IndexSourceRow& b)
{
    return std::tie(a.startSecs, a.rowid) < std::tie(b.startSecs, b.rowid);
}

std::vector<QUuid> bruteQuery(std::vector<IndexSourceRow> rows, const IndexQuery& q,
                              const EventIndex& index)
{
    std::sort(rows.begin(), rows.end(), startOrder);
    std::vector<QUuid> ids;
    for (const auto& r : rows)
        if (matchesTime(r, q) && matchesAttributes(r, q, index))
            ids.push_back(r.id);
    return ids;
}

std::vector<QUuid> idsOf(const EventIndex& index, const std::vector<std::uint32_t>& rows)
{
    std::vector<QUuid> ids;
    for (std::uint32_t r : rows)
        ids.push_back(index.idAt(r));
    return ids;
}

/// A random query; `allow` receives the allow-list when the query uses one.
IndexQuery randomQuery(std::mt19937_64& rng, const std::vector<IndexSourceRow>& rows,
                       const EventIndex& index, std::vector<qint64>& allow)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    IndexQuery q;
    const qint64 t0 = secsOf(2020, 6, 1), t1 = secsOf(2026, 6, 1);
    const double kind = unit(rng);
    if (kind < 0.1) {
        // unbounded
    } else if (kind < 0.2) {
        q.toSecs = t0 + qint64(unit(rng) * double(t1 - t0)); // open start
    } else {
        const qint64 from = t0 + qint64(unit(rng) * double(t1 - t0));
        const double len = unit(rng) < 0.5 ? unit(rng) * 40 * 86400.0 : unit(rng) * 800 * 86400.0;
        q.fromSecs = from;
        q.toSecs = from + 1 + qint64(len);
    }
    if (unit(rng) < 0.6) {
        const double w = 60 + unit(rng) * 16, s = 33 + unit(rng) * 8;
        q.box = GeoBox{w, s, w + unit(rng) * 10, s + unit(rng) * 6};
    }
    if (unit(rng) < 0.4)
        q.familyMask = std::uint8_t(rng() % 8);
    if (unit(rng) < 0.4) {
        q.typeMask.resize(rng() % std::uint64_t(index.typeCount() + 3));
        for (std::size_t i = 0; i < q.typeMask.size(); ++i)
            q.typeMask[i] = unit(rng) < 0.6;
    }
    if (unit(rng) < 0.3)
        q.minCasualties = int(rng() % 40) - 5;
    if (unit(rng) < 0.2) {
        allow.clear();
        for (const auto& r : rows)
            if (unit(rng) < 0.3)
                allow.push_back(r.rowid);
        std::sort(allow.begin(), allow.end());
        q.allowRowids = &allow;
    }
    q.overlap = unit(rng) < 0.7;
    return q;
}

class EventIndexRandom : public ::testing::Test {
protected:
    void SetUp() override
    {
        rows = randomRows(10000, 20261128);
        index = EventIndex::fromRows(rows);
    }
    std::vector<IndexSourceRow> rows;
    EventIndex index;
};

} // namespace

TEST_F(EventIndexRandom, ColumnsHoldEveryRowSortedByStart)
{
    ASSERT_EQ(index.size(), rows.size());
    for (std::uint32_t r = 1; r < index.size(); ++r) {
        ASSERT_LE(index.startAt(r - 1), index.startAt(r));
        if (index.startAt(r - 1) == index.startAt(r)) {
            ASSERT_LT(index.rowidAt(r - 1), index.rowidAt(r)); // ties by rowid
        }
    }
    for (const auto& src : rows) {
        const auto row = index.rowOf(src.id);
        ASSERT_TRUE(row.has_value());
        EXPECT_EQ(index.idAt(*row), src.id);
        EXPECT_EQ(index.rowidAt(*row), src.rowid);
        EXPECT_EQ(index.startAt(*row), src.startSecs);
        EXPECT_EQ(index.coverage(*row), std::make_pair(src.startSecs, referenceEnd(src)));
        EXPECT_NEAR(index.longitudeAt(*row), src.longitude, 1e-5);
        EXPECT_NEAR(index.latitudeAt(*row), src.latitude, 1e-5);
        EXPECT_EQ(index.familyAt(*row), src.family);
        EXPECT_EQ(index.typeName(index.typeCodeAt(*row)), src.eventType);
        EXPECT_EQ(index.casualtiesAt(*row), src.casualties);
        EXPECT_EQ(index.timePrecisionAt(*row), src.timePrecision);
        EXPECT_EQ(index.coordPrecisionAt(*row), src.coordPrecision);
    }
    EXPECT_FALSE(index.rowOf(QUuid::createUuid()).has_value());
    EXPECT_FALSE(index.rowOf(QUuid()).has_value());
}

TEST_F(EventIndexRandom, TypeCodesAreDenseAndRoundTrip)
{
    EXPECT_EQ(index.typeCount(), kTypes.size());
    for (const QString& t : kTypes) {
        const int code = index.typeCode(t);
        ASSERT_GE(code, 0);
        ASSERT_LT(code, index.typeCount());
        EXPECT_EQ(index.typeName(code), t);
    }
    EXPECT_EQ(index.typeCode(QStringLiteral("no such type")), -1);
    EXPECT_EQ(index.typeName(-1), QString());
    EXPECT_EQ(index.typeName(index.typeCount()), QString());
}

TEST_F(EventIndexRandom, QueriesMatchBruteForce)
{
    std::mt19937_64 rng(42);
    std::vector<qint64> allow;
    std::size_t nonEmpty = 0;
    for (int i = 0; i < 300; ++i) {
        const IndexQuery q = randomQuery(rng, rows, index, allow);
        const auto expected = bruteQuery(rows, q, index);
        const auto got = index.query(q);
        ASSERT_EQ(idsOf(index, got), expected) << "query " << i;
        ASSERT_EQ(index.count(q), expected.size()) << "query " << i;
        nonEmpty += expected.empty() ? 0 : 1;
    }
    EXPECT_GT(nonEmpty, 150u); // the random queries are not trivially empty
}

TEST_F(EventIndexRandom, UnrestrictedQueryReturnsEverything)
{
    EXPECT_EQ(index.query({}).size(), rows.size());
    EXPECT_EQ(index.count({}), rows.size());
    IndexQuery none;
    none.familyMask = 0;
    EXPECT_TRUE(index.query(none).empty());
    IndexQuery empty;
    empty.fromSecs = empty.toSecs = secsOf(2023, 1, 1);
    EXPECT_EQ(index.count(empty), 0u);
}

TEST(EventIndexCoverage, PrecisionAndSpansWidenTheEvent)
{
    std::vector<IndexSourceRow> rows(5);
    const qint64 march15 = secsOf(2023, 3, 15, 10, 30);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].rowid = qint64(i) + 1;
        rows[i].id = QUuid::createUuid();
        rows[i].startSecs = rows[i].endSecs = march15;
        rows[i].longitude = 69;
        rows[i].latitude = 37;
        rows[i].eventType = QStringLiteral("clash");
    }
    rows[0].timePrecision = TimePrecision::Minute;
    rows[1].timePrecision = TimePrecision::Month;
    rows[2].timePrecision = TimePrecision::Year;
    rows[3].timePrecision = TimePrecision::Day;
    rows[3].endSecs = secsOf(2025, 2, 1); // explicit span of two years
    rows[4].timePrecision = TimePrecision::Month;
    rows[4].startSecs = rows[4].endSecs = secsOf(2023, 12, 3); // month end crosses a year

    const EventIndex index = EventIndex::fromRows(rows);
    const auto cov = [&](std::size_t i) { return index.coverage(*index.rowOf(rows[i].id)); };
    EXPECT_EQ(cov(0), std::make_pair(march15, march15 + 1));
    EXPECT_EQ(cov(1), std::make_pair(march15, secsOf(2023, 4, 1)));
    EXPECT_EQ(cov(2), std::make_pair(march15, secsOf(2024, 1, 1)));
    EXPECT_EQ(cov(3), std::make_pair(march15, secsOf(2025, 2, 1)));
    EXPECT_EQ(cov(4), std::make_pair(secsOf(2023, 12, 3), secsOf(2024, 1, 1)));

    // A window in November 2023 holds the year-precision event and the long span (overlap),
    // but none of them starts in it.
    IndexQuery q;
    q.fromSecs = secsOf(2023, 11, 1);
    q.toSecs = secsOf(2023, 12, 1);
    std::vector<QUuid> ids = idsOf(index, index.query(q));
    std::sort(ids.begin(), ids.end());
    std::vector<QUuid> expected{rows[2].id, rows[3].id};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(ids, expected);
    q.overlap = false;
    EXPECT_TRUE(index.query(q).empty());
    // In 2024 only the explicit span is still running.
    q.overlap = true;
    q.fromSecs = secsOf(2024, 6, 1);
    q.toSecs = secsOf(2024, 6, 2);
    EXPECT_EQ(idsOf(index, index.query(q)), std::vector<QUuid>{rows[3].id});
    // The window's end is exclusive, its start inclusive.
    q.fromSecs = march15 - 10;
    q.toSecs = march15;
    EXPECT_TRUE(index.query(q).empty());
    q.fromSecs = march15 + 1;
    q.toSecs = march15 + 2;
    EXPECT_EQ(index.count(q), 3u); // the minute event ended at march15 + 1
}

TEST_F(EventIndexRandom, HistogramsMatchBruteForce)
{
    std::mt19937_64 rng(7);
    std::vector<qint64> allow;
    const int bucketChoices[] = {1, 3, 7, 100, 365, 2000};
    for (int i = 0; i < 120; ++i) {
        IndexQuery q = randomQuery(rng, rows, index, allow);
        if (i % 2 == 0) { // every other one: only time and families (the fast path)
            const std::uint8_t fam = q.familyMask;
            q = IndexQuery{};
            q.familyMask = fam;
        }
        q.fromSecs = secsOf(2020, 1, 1) + qint64(rng() % (3 * 365 * 86400ULL));
        q.toSecs = q.fromSecs + 1 + qint64(rng() % (4 * 365 * 86400ULL));
        const int buckets = bucketChoices[rng() % 6];
        const Histogram h = index.histogram(q, buckets);
        ASSERT_EQ(h.buckets, buckets);
        ASSERT_EQ(h.fromSecs, q.fromSecs);
        ASSERT_EQ(h.toSecs, q.toSecs);

        std::vector<std::uint32_t> expected[kFamilyCount];
        for (auto& v : expected)
            v.assign(std::size_t(buckets), 0);
        for (const auto& r : rows) {
            if (r.startSecs < q.fromSecs || r.startSecs >= q.toSecs ||
                !matchesAttributes(r, q, index))
                continue;
            const auto b =
                std::size_t(I128(r.startSecs - q.fromSecs) * buckets / I128(q.toSecs - q.fromSecs));
            ++expected[int(r.family)][b];
        }
        std::uint32_t maxTotal = 0;
        for (std::size_t b = 0; b < std::size_t(buckets); ++b)
            maxTotal = std::max(maxTotal, expected[0][b] + expected[1][b] + expected[2][b]);
        for (int f = 0; f < kFamilyCount; ++f)
            ASSERT_EQ(h.counts[f], expected[f]) << "histogram " << i << " family " << f;
        ASSERT_EQ(h.maxTotal, maxTotal) << "histogram " << i;
    }
}

TEST(EventIndexHistogram, BucketBoundariesAgreeWithBucketOf)
{
    const qint64 from = secsOf(2021, 1, 1), to = secsOf(2026, 1, 1) + 17;
    for (int buckets : {1, 2, 3, 7, 2000, 100000}) {
        EXPECT_EQ(EventIndex::bucketStart(from, to, buckets, 0), from);
        EXPECT_EQ(EventIndex::bucketStart(from, to, buckets, buckets), to);
        for (int b = 0; b < buckets; b += std::max(1, buckets / 50)) {
            const qint64 s = EventIndex::bucketStart(from, to, buckets, b);
            const qint64 e = EventIndex::bucketStart(from, to, buckets, b + 1);
            ASSERT_LT(s, e);
            EXPECT_EQ(EventIndex::bucketOf(from, to, buckets, s), b);
            EXPECT_EQ(EventIndex::bucketOf(from, to, buckets, e - 1), b);
        }
    }
    // Extreme but finite spans do not overflow.
    const qint64 lo = std::numeric_limits<qint64>::min() / 2 * 2,
                 hi = std::numeric_limits<qint64>::max();
    EXPECT_EQ(EventIndex::bucketOf(lo, hi, 4, 0), 2);
    EXPECT_EQ(EventIndex::bucketOf(lo, hi, 4, lo), 0);
    EXPECT_EQ(EventIndex::bucketOf(lo, hi, 4, hi - 1), 3);
}

TEST(EventIndexHistogram, EmptyAndDegenerate)
{
    const EventIndex empty;
    IndexQuery q;
    q.fromSecs = 0;
    q.toSecs = 1000;
    const Histogram h = empty.histogram(q, 10);
    ASSERT_EQ(h.buckets, 10);
    for (const auto& v : h.counts)
        EXPECT_EQ(v, std::vector<std::uint32_t>(10, 0));
    EXPECT_EQ(h.maxTotal, 0u);
    EXPECT_EQ(empty.histogram(q, 0).buckets, 0);
    q.toSecs = q.fromSecs;
    EXPECT_EQ(empty.histogram(q, 5).buckets, 0);
}

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

TEST(EventIndexHistogram, HugeBucketCountsAreCapped)
{
    const EventIndex index = EventIndex::fromRows(randomRows(100, 3));
    IndexQuery q;
    q.fromSecs = secsOf(2021, 1, 1);
    q.toSecs = secsOf(2026, 1, 1);
    const Histogram h = index.histogram(q, 1 << 24);
    EXPECT_EQ(h.buckets, 1 << 20);
    EXPECT_EQ(h.counts[0].size(), std::size_t(1) << 20);
}

TEST(EventIndexTypes, BeyondSixteenBitsTheRestShareOneCode)
{
    std::vector<IndexSourceRow> rows(70000);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].rowid = qint64(i) + 1;
        rows[i].id = QUuid::createUuid();
        rows[i].startSecs = rows[i].endSecs = secsOf(2024, 1, 1) + qint64(i);
        rows[i].eventType = QStringLiteral("type %1").arg(i);
    }
    const EventIndex index = EventIndex::fromRows(rows);
    EXPECT_EQ(index.typeCount(), 65536);
    EXPECT_EQ(index.typeName(index.typeCodeAt(100)), QStringLiteral("type 100"));
    EXPECT_EQ(index.typeCodeAt(69999), 65535);
    EXPECT_EQ(index.typeName(65535), QStringLiteral("(other types)"));
    EXPECT_EQ(index.typeCode(QStringLiteral("type 69999")), -1);
}

namespace {

void expectSameIndex(const EventIndex& a, const EventIndex& b)
{
    ASSERT_EQ(a.size(), b.size());
    for (std::uint32_t r = 0; r < a.size(); ++r) {
        ASSERT_EQ(a.idAt(r), b.idAt(r)) << "row " << r;
        ASSERT_EQ(a.rowidAt(r), b.rowidAt(r));
        ASSERT_EQ(a.startAt(r), b.startAt(r));
        ASSERT_EQ(a.coverage(r), b.coverage(r));
        ASSERT_EQ(a.longitudeAt(r), b.longitudeAt(r));
        ASSERT_EQ(a.latitudeAt(r), b.latitudeAt(r));
        ASSERT_EQ(a.familyAt(r), b.familyAt(r));
        ASSERT_EQ(a.typeName(a.typeCodeAt(r)), b.typeName(b.typeCodeAt(r)));
        ASSERT_EQ(a.casualtiesAt(r), b.casualtiesAt(r));
        ASSERT_EQ(a.timePrecisionAt(r), b.timePrecisionAt(r));
        ASSERT_EQ(a.coordPrecisionAt(r), b.coordPrecisionAt(r));
        ASSERT_EQ(a.rowOf(a.idAt(r)), std::optional<std::uint32_t>(r));
        ASSERT_EQ(b.rowOf(b.idAt(r)), std::optional<std::uint32_t>(r));
    }
}

} // namespace

TEST(EventIndexIncremental, UpsertsAndRemovesEqualARebuild)
{
    std::vector<IndexSourceRow> rows = randomRows(10000, 5);
    std::mt19937_64 rng(11);
    // Start from 9,000 rows, then add the rest one by one.
    std::vector<IndexSourceRow> initial(rows.begin(), rows.begin() + 9000);
    EventIndex index = EventIndex::fromRows(initial);
    for (std::size_t i = 9000; i < rows.size(); ++i)
        index.upsert(rows[i]);
    expectSameIndex(index, EventIndex::fromRows(rows));

    // Edit 300 events in place (same id and rowid, new time, place, type, family...).
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 300; ++i) {
        IndexSourceRow& r = rows[rng() % rows.size()];
        r.startSecs = secsOf(2021, 1, 1) + qint64(unit(rng) * 5 * 365 * 86400.0);
        r.endSecs = unit(rng) < 0.3 ? r.startSecs + 400 * 86400 : r.startSecs;
        r.timePrecision = TimePrecision(rng() % 4);
        r.longitude = 64 + unit(rng) * 14;
        r.latitude = 34 + unit(rng) * 8;
        r.family = Family(rng() % 3);
        r.eventType = i % 50 == 0 ? QStringLiteral("new type %1").arg(i) : kTypes[i % 12];
        r.casualties = int(rng() % 10);
        index.upsert(r);
    }
    expectSameIndex(index, EventIndex::fromRows(rows));

    // Remove 500, plus ids that are not there.
    for (int i = 0; i < 500; ++i) {
        const std::size_t k = rng() % rows.size();
        index.remove(rows[k].id);
        rows.erase(rows.begin() + std::ptrdiff_t(k));
    }
    index.remove(QUuid::createUuid());
    index.remove(QUuid());
    const EventIndex rebuilt = EventIndex::fromRows(rows);
    expectSameIndex(index, rebuilt);

    // And every query, histogram and clustering answers the same.
    std::vector<qint64> allow;
    for (int i = 0; i < 50; ++i) {
        // Type masks refer to codes, which differ between the two; use names instead.
        IndexQuery q = randomQuery(rng, rows, rebuilt, allow);
        IndexQuery qi = q;
        if (!q.typeMask.empty()) {
            qi.typeMask.assign(std::size_t(index.typeCount()), true);
            for (int code = 0; code < index.typeCount(); ++code) {
                const int other = rebuilt.typeCode(index.typeName(code));
                if (other >= 0 && std::size_t(other) < q.typeMask.size())
                    qi.typeMask[std::size_t(code)] = q.typeMask[std::size_t(other)];
            }
        }
        ASSERT_EQ(index.query(qi), rebuilt.query(q));
        if (q.fromSecs > std::numeric_limits<qint64>::min()) {
            const Histogram a = index.histogram(qi, 97), b = rebuilt.histogram(q, 97);
            for (int f = 0; f < kFamilyCount; ++f)
                ASSERT_EQ(a.counts[f], b.counts[f]);
        }
        const auto ca = index.clusters(qi, 7, 23000, 12000, 1920, 1080, 60);
        const auto cb = rebuilt.clusters(q, 7, 23000, 12000, 1920, 1080, 60);
        ASSERT_EQ(ca.size(), cb.size());
        for (std::size_t j = 0; j < ca.size(); ++j) {
            EXPECT_EQ(ca[j].count, cb[j].count);
            EXPECT_EQ(ca[j].firstRow, cb[j].firstRow);
            EXPECT_EQ(ca[j].cellX, cb[j].cellX);
        }
    }
}

TEST(EventIndexIncremental, UpsertOfTheSameRowTwiceKeepsOneCopy)
{
    EventIndex index;
    IndexSourceRow r;
    r.rowid = 7;
    r.id = QUuid::createUuid();
    r.startSecs = r.endSecs = secsOf(2024, 5, 5);
    r.eventType = QStringLiteral("visit");
    index.upsert(r);
    index.upsert(r);
    EXPECT_EQ(index.size(), 1u);
    r.startSecs = r.endSecs = secsOf(2022, 5, 5);
    index.upsert(r);
    ASSERT_EQ(index.size(), 1u);
    EXPECT_EQ(index.startAt(0), r.startSecs);
    index.remove(r.id);
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(index.query({}).empty());
}

TEST(EventIndexMove, MovedFromIndexIsEmptyAndUsable)
{
    EventIndex a = EventIndex::fromRows(randomRows(50, 1));
    EventIndex b = std::move(a);
    EXPECT_EQ(b.size(), 50u);
    EXPECT_EQ(a.size(), 0u); // NOLINT(bugprone-use-after-move): documented as empty
    EXPECT_TRUE(a.query({}).empty());
    a = std::move(b);
    EXPECT_EQ(a.size(), 50u);
}

TEST_F(EventIndexRandom, CostsAtMostAHundredBytesPerEvent)
{
    const double perEvent = double(index.memoryBytes()) / double(index.size());
    EXPECT_LE(perEvent, 100.0);
    EXPECT_GE(perEvent, 40.0); // it does count its columns
}

TEST(EventIndexMercator, RoundTripAndKnownPoints)
{
    double x, y, lon, lat;
    EventIndex::toWorldPixels(0, 0, 0, x, y);
    EXPECT_DOUBLE_EQ(x, 128);
    EXPECT_NEAR(y, 128, 1e-9);
    EventIndex::toWorldPixels(-180, MercatorView::kMaxLat, 3, x, y);
    EXPECT_DOUBLE_EQ(x, 0);
    EXPECT_NEAR(y, 0, 1e-4);
    EventIndex::toWorldPixels(180, -MercatorView::kMaxLat, 3, x, y);
    EXPECT_DOUBLE_EQ(x, 2048);
    EXPECT_NEAR(y, 2048, 1e-4);

    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> ulon(-180, 180), ulat(-85, 85), uzoom(0, 20);
    for (int i = 0; i < 10000; ++i) {
        const double lo = ulon(rng), la = ulat(rng),
                     z = i % 3 == 0 ? std::round(uzoom(rng)) : uzoom(rng);
        EventIndex::toWorldPixels(lo, la, z, x, y);
        EventIndex::fromWorldPixels(x, y, z, lon, lat);
        ASSERT_NEAR(lon, lo, 1e-9);
        ASSERT_NEAR(lat, la, 1e-9);
        // Agrees with the view maths (y exactly at integer zooms; x to rounding).
        ASSERT_NEAR(x, MercatorView::worldX(lo, z), 1e-9 * std::max(1.0, x));
        if (z == std::round(z)) {
            ASSERT_EQ(y, MercatorView::worldY(la, z));
        }
    }
}

namespace {

/// Events for a store: a random mix like randomRows(), as full events.
std::vector<Event> randomEvents(int n, std::uint64_t seed)
{
    std::vector<Event> events;
    for (const IndexSourceRow& r : randomRows(std::size_t(n), seed)) {
        Event e = test::sampleEvent(QStringLiteral("Event %1").arg(events.size()));
        e.id = r.id;
        e.family = r.family;
        e.eventType = r.eventType;
        e.start = QDateTime::fromSecsSinceEpoch(r.startSecs, QTimeZone::UTC);
        e.timePrecision = r.timePrecision;
        if (r.endSecs > r.startSecs)
            e.end = QDateTime::fromSecsSinceEpoch(r.endSecs, QTimeZone::UTC);
        e.longitude = r.longitude;
        e.latitude = r.latitude;
        e.coordPrecision = r.coordPrecision;
        e.killed = r.casualties;
        e.injured = std::nullopt;
        events.push_back(e);
    }
    return events;
}

} // namespace

TEST(EventIndexStore, BuildFromTheStoreAndFollowItsEdits)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto created = EventStore::create(dir.filePath(QStringLiteral("index.sqlite")));
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    EventStore& store = **created;

    std::vector<Event> events = randomEvents(2000, 77);
    {
        auto batch = store.beginBatch();
        ASSERT_TRUE(batch.ok()) << batch.error().message.toStdString();
        for (const Event& e : events) {
            auto added = (*batch)->add(e);
            ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
        }
        ASSERT_TRUE((*batch)->commit().ok());
    }

    auto built = EventIndex::build(store);
    ASSERT_TRUE(built.ok()) << built.error().message.toStdString();
    EventIndex& index = *built;
    ASSERT_EQ(index.size(), events.size());
    for (const Event& e : events) {
        const auto row = index.rowOf(e.id);
        ASSERT_TRUE(row.has_value());
        EXPECT_EQ(index.rowidAt(*row), store.rowidOf(e.id).value());
        EXPECT_EQ(index.startAt(*row), e.start.toSecsSinceEpoch());
        EXPECT_EQ(index.familyAt(*row), e.family);
        EXPECT_EQ(index.typeName(index.typeCodeAt(*row)), e.eventType);
        EXPECT_EQ(index.casualtiesAt(*row), knownCasualties(e));
        EXPECT_NEAR(index.latitudeAt(*row), e.latitude, 1e-5);
    }
    // The same as building from the rows directly.
    std::vector<IndexSourceRow> rows;
    ASSERT_TRUE(
        store.forEachIndexRow([&rows](const IndexSourceRow& r) { rows.push_back(r); }).ok());
    expectSameIndex(index, EventIndex::fromRows(rows));

    // Edits through the store, mirrored by upsert/remove as the app does, equal a rebuild.
    Event moved = events[10];
    moved.start = test::utc(2019, 3, 1);
    moved.longitude = 71.5;
    moved.eventType = QStringLiteral("a type not seen before");
    ASSERT_TRUE(store.update(moved).ok());
    index.upsert(toIndexRow(moved, store.rowidOf(moved.id).value()));

    Event fresh = test::sampleEvent(QStringLiteral("New by hand"));
    auto freshId = store.add(fresh);
    ASSERT_TRUE(freshId.ok());
    fresh.id = *freshId;
    index.upsert(toIndexRow(fresh, store.rowidOf(fresh.id).value()));

    ASSERT_TRUE(store.remove(events[20].id).ok());
    index.remove(events[20].id);

    auto rebuilt = EventIndex::build(store);
    ASSERT_TRUE(rebuilt.ok());
    expectSameIndex(index, *rebuilt);
    EXPECT_EQ(index.startAt(0), test::utc(2019, 3, 1).toSecsSinceEpoch());
    EXPECT_FALSE(index.rowOf(events[20].id).has_value());
}
