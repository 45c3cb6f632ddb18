// EventIndex checked against brute force over the source rows: its columns, queries,
// incremental edits, the store and the Mercator maths (histograms: test_histogram.cpp, clusters:
// test_cluster.cpp). All random data comes from fixed seeds.
#include "eventindex.h"
#include "eventstore.h"
#include "indexfixtures.h"
#include "indexsourcerow.h"
#include "mercatorview.h"
#include "storefixtures.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace fa;
using namespace fa::test;

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
