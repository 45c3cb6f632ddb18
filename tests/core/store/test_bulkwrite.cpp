// Bulk writes: the R*Tree packer on its own, time-ordered event ids, and EventStore batches
// large enough to defer the FTS/R*Tree triggers and the start-time index. After every batch
// the derived structures must hold exactly the events (SQLite's own rtreecheck, FTS docsize
// rows, queries), the schema must be back as it was, and a rolled-back batch must leave the
// file unchanged.
#include "deferredindexes.h"
#include "eventstore.h"
#include "rtreebulkload.h"
#include "sqlite.h"
#include "storefixtures.h"

#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <random>
#include <set>

using namespace fa;
using namespace fa::test;

namespace {

std::vector<RtreeBox> randomBoxes(int n, std::mt19937& rng)
{
    std::uniform_real_distribution<double> lon(67.0, 75.0), lat(36.5, 39.0);
    std::uniform_real_distribution<double> t(1.6e9, 1.8e9), span(0, 86400.0 * 60);
    std::vector<RtreeBox> boxes;
    for (int i = 0; i < n; ++i) {
        const double x = lon(rng), y = lat(rng), from = t(rng), to = from + span(rng);
        boxes.push_back({i + 1,
                         {rtreeFloatDown(x), rtreeFloatUp(x), rtreeFloatDown(y), rtreeFloatUp(y),
                          rtreeFloatDown(from), rtreeFloatUp(to)}});
    }
    return boxes;
}

bool contains(const RtreeBox& outer, const RtreeBox& inner)
{
    for (int i = 0; i < 6; i += 2)
        if (inner.bounds[i] < outer.bounds[i] || inner.bounds[i + 1] > outer.bounds[i + 1])
            return false;
    return true;
}

QString queryText(Database& db, const char* sql)
{
    auto r = db.queryText(sql);
    return r ? *r : QStringLiteral("<error: %1>").arg(r.error().message);
}

qint64 queryCount(Database& db, const char* sql)
{
    auto r = db.queryInt(sql);
    return r && r->has_value() ? **r : -1;
}

} // namespace

TEST(RtreePacking, EveryBoxLandsInExactlyOneFullLeafUnderBoxesThatContainIt)
{
    std::mt19937 rng(11);
    const auto boxes = randomBoxes(10'000, rng);
    const PackedRtree tree = packRtree(boxes, 51);
    ASSERT_GE(tree.levels.size(), 3u);
    ASSERT_EQ(tree.levels.back().size(), 1u);

    std::set<qint64> seen;
    std::size_t partlyFilled = 0;
    for (const auto& leaf : tree.levels.front()) {
        ASSERT_LE(leaf.cells.size(), 51u);
        partlyFilled += leaf.cells.size() < 51 ? 1 : 0;
        for (const RtreeBox& c : leaf.cells)
            EXPECT_TRUE(seen.insert(c.id).second) << "id " << c.id << " twice";
    }
    EXPECT_EQ(seen.size(), boxes.size());
    EXPECT_EQ(tree.levels.front().size(), (boxes.size() + 50) / 51); // packed full
    EXPECT_LE(partlyFilled, 1u);
    // Each cell of an upper level names a node of the level below and contains all its cells.
    for (std::size_t l = 1; l < tree.levels.size(); ++l) {
        std::set<qint64> children;
        for (const auto& node : tree.levels[l])
            for (const RtreeBox& c : node.cells) {
                ASSERT_LT(std::size_t(c.id), tree.levels[l - 1].size());
                children.insert(c.id);
                for (const RtreeBox& grandChild : tree.levels[l - 1][std::size_t(c.id)].cells)
                    EXPECT_TRUE(contains(c, grandChild));
            }
        EXPECT_EQ(children.size(), tree.levels[l - 1].size()) << "level " << l;
    }
}

TEST(RtreePacking, EmptyInputIsOneEmptyRoot)
{
    const PackedRtree tree = packRtree({}, 51);
    ASSERT_EQ(tree.levels.size(), 1u);
    ASSERT_EQ(tree.levels[0].size(), 1u);
    EXPECT_TRUE(tree.levels[0][0].cells.empty());
}

TEST(RtreePacking, FloatsRoundOutwards)
{
    for (double v : {69.5679, -0.1, 37.123456789, 1727740801.0, 0.0, -179.999999})
        EXPECT_TRUE(double(rtreeFloatDown(v)) <= v && v <= double(rtreeFloatUp(v))) << v;
    EXPECT_EQ(rtreeFloatDown(0.5), 0.5f); // exact values stay exact
    EXPECT_EQ(rtreeFloatUp(0.5), 0.5f);
}

TEST(RtreeBulkLoad, SqliteAcceptsTheTreeAndAnswersQueriesLikeBruteForce)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("r.sqlite")), Database::Mode::Create);
    ASSERT_TRUE(db.ok());
    Database& d = **db;
    ASSERT_TRUE(d.exec("CREATE VIRTUAL TABLE t USING rtree(id, x0, x1, y0, y1, z0, z1)").ok());
    // A few rows inserted the ordinary way first: the bulk load replaces them.
    ASSERT_TRUE(d.exec("INSERT INTO t VALUES (999999, 1, 2, 1, 2, 1, 2)").ok());

    std::mt19937 rng(5);
    const auto boxes = randomBoxes(20'000, rng);
    ASSERT_TRUE(d.exec("BEGIN").ok());
    auto s = bulkLoadRtree(d, "t", boxes);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    ASSERT_TRUE(d.exec("COMMIT").ok());

    EXPECT_EQ(queryText(d, "SELECT rtreecheck('t')"), QStringLiteral("ok"));
    EXPECT_EQ(queryCount(d, "SELECT count(*) FROM t_rowid"), 20'000);
    EXPECT_EQ(queryCount(d, "SELECT count(*) FROM t WHERE id = 999999"), 0);

    std::uniform_real_distribution<double> lon(67.0, 75.0), lat(36.5, 39.0), t(1.6e9, 1.8e9);
    auto q = d.prepare("SELECT id FROM t WHERE x1 >= ?1 AND x0 <= ?2 AND y1 >= ?3 AND y0 <= ?4 "
                       "AND z1 >= ?5 AND z0 <= ?6 ORDER BY id");
    ASSERT_TRUE(q.ok());
    for (int round = 0; round < 50; ++round) {
        const double x = lon(rng), y = lat(rng), z = t(rng);
        const std::array<float, 6> w{float(x),       float(x + 0.8), float(y),
                                     float(y + 0.4), float(z),       float(z + 86400.0 * 90)};
        std::vector<qint64> expected;
        for (const RtreeBox& b : boxes)
            if (b.bounds[1] >= w[0] && b.bounds[0] <= w[1] && b.bounds[3] >= w[2] &&
                b.bounds[2] <= w[3] && b.bounds[5] >= w[4] && b.bounds[4] <= w[5])
                expected.push_back(b.id);
        q->reset();
        for (int i = 0; i < 6; ++i)
            q->bind(i + 1, double(w[std::size_t(i)]));
        std::vector<qint64> got;
        while (auto row = q->step()) {
            if (!*row)
                break;
            got.push_back(q->columnInt64(0));
        }
        ASSERT_EQ(got, expected) << "round " << round;
    }
    // SQLite keeps maintaining the packed tree: inserts split full nodes, deletes shrink them.
    ASSERT_TRUE(d.exec("INSERT INTO t VALUES (30001, 70, 70, 37, 37, 1.7e9, 1.7e9)").ok());
    ASSERT_TRUE(d.exec("DELETE FROM t WHERE id BETWEEN 1 AND 5000").ok());
    EXPECT_EQ(queryText(d, "SELECT rtreecheck('t')"), QStringLiteral("ok"));
    EXPECT_EQ(queryCount(d, "SELECT count(*) FROM t WHERE x0 <= 70 AND x1 >= 70 AND y0 <= 37 "
                            "AND y1 >= 37 AND id = 30001"),
              1);
}

TEST(EventIds, AreVersion7AndSortInCreationOrder)
{
    QSet<QUuid> seen;
    QByteArray previous;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 20'000; ++i) {
        const QUuid id = newEventId();
        const QByteArray bytes = id.toRfc4122();
        EXPECT_EQ(uchar(bytes[6]) >> 4, 7);      // version 7
        EXPECT_EQ(uchar(bytes[8]) & 0xC0, 0x80); // RFC 9562 variant
        const QByteArray text = id.toByteArray(QUuid::WithoutBraces);
        ASSERT_LT(previous, text) << i; // the store's uuid index receives them in order
        previous = text;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 20'000);
    const QByteArray raw = QUuid::fromString(QLatin1StringView(previous)).toRfc4122();
    qint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | uchar(raw[i]);
    // 20,000 ids may borrow a few milliseconds ahead, never minutes.
    EXPECT_GE(ms, before);
    EXPECT_LT(ms, QDateTime::currentMSecsSinceEpoch() + 60'000);
}

class BulkStore : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = EventStore::create(path());
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        m_store = std::move(s).value();
        auto db = Database::open(path(), Database::Mode::ReadOnly);
        ASSERT_TRUE(db.ok());
        m_check = std::move(db).value();
        m_schema = schema();
    }
    QString path() const { return m_dir.filePath(QStringLiteral("bulk.sqlite")); }

    /// Every CREATE statement, so that dropped-and-restored triggers/indexes can be compared.
    QString schema()
    {
        QString out;
        auto st = m_check->prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name");
        while (auto row = st->step()) {
            if (!*row)
                break;
            out += st->columnText(0) + u' ' + st->columnText(1) + u' ' + st->columnText(2) + u'\n';
        }
        return out;
    }

    /// Events at (lon, lat) = (68 + i/1000, 37 + i/2000), day i from 2022; the title carries a
    /// word unique to the batch.
    static Event numbered(int i, const QString& word)
    {
        Event e = sampleEvent(QStringLiteral("Patrol %1 %2").arg(word).arg(i));
        e.longitude = 68.0 + (i % 5000) / 1000.0;
        e.latitude = 37.0 + (i % 4000) / 2000.0;
        e.start = utc(2022, 1, 1).addDays(i % 1500);
        e.timePrecision = TimePrecision::Day;
        e.origin.kind = OriginKind::Imported;
        e.origin.sourceId = QStringLiteral("test:%1:%2").arg(word).arg(i);
        return e;
    }

    void addBatch(int from, int count, const QString& word, bool commit = true)
    {
        auto b = m_store->beginBatch();
        ASSERT_TRUE(b.ok());
        for (int i = from; i < from + count; ++i) {
            auto r = (*b)->add(numbered(i, word));
            ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        }
        if (commit) {
            auto s = (*b)->commit();
            ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        }
    }

    /// The derived tables hold exactly the events, and the schema is the one we started with.
    void expectInSync()
    {
        const qint64 events = queryCount(*m_check, "SELECT count(*) FROM events");
        EXPECT_EQ(queryText(*m_check, "SELECT rtreecheck('events_rtree')"), QStringLiteral("ok"));
        EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events_rtree_rowid"), events);
        EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events_rtree_rowid r LEFT JOIN "
                                       "events e ON e.id = r.rowid WHERE e.id IS NULL"),
                  0);
        EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events_fts_docsize"), events);
        EXPECT_EQ(queryText(*m_check, "PRAGMA integrity_check"), QStringLiteral("ok"));
        // The bulk fill's larger FTS5 buffer is not left behind in the table's config.
        EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events_fts_config WHERE k = "
                                       "'hashsize'"),
                  0);
        // FTS5's own check of the index against the events (needs a writable connection).
        auto rw = Database::open(path(), Database::Mode::ReadWrite);
        ASSERT_TRUE(rw.ok());
        auto fts =
            (*rw)->exec("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)");
        EXPECT_TRUE(fts.ok()) << fts.error().message.toStdString();
        EXPECT_EQ(schema(), m_schema);
    }

    qint64 countIn(const GeoBox& box, const QString& text = {})
    {
        EventFilter f;
        f.box = box;
        f.text = text;
        auto n = m_store->count(f);
        return n ? *n : -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<Database> m_check;
    QString m_schema;
};

TEST_F(BulkStore, ABatchLargerThanTheTablePacksTheIndexesAndRestoresTheSchema)
{
    constexpr int kCount = int(DeferredIndexes::kIndexThreshold) + 5000;
    addBatch(0, kCount, QStringLiteral("alpha"));
    expectInSync();
    EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events"), kCount);
    // Start-time order comes from the rebuilt index, R*Tree and FTS answer with every event.
    auto ids = m_store->queryIds({});
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(qsizetype(ids->size()), kCount);
    EXPECT_EQ(countIn(GeoBox{67.9, 36.9, 73.1, 39.1}, QStringLiteral("alpha")), kCount);
    // Event 7777 sits alone at (70.777, 38.8885); positions repeat every 20,000 events.
    EXPECT_EQ(countIn(GeoBox{70.7765, 38.888, 70.7775, 38.889}), 1);
    EXPECT_EQ(countIn(GeoBox{69.2335, 37.6165, 69.2345, 37.6175}), 2); // events 1234 and 21234

    // Re-importing the same rows adds nothing (the source-id index stayed on throughout).
    auto b = m_store->beginBatch();
    ASSERT_TRUE(b.ok());
    int duplicates = 0;
    for (int i = 0; i < kCount; ++i)
        duplicates += *(*b)->add(numbered(i, QStringLiteral("alpha"))) ==
                      EventStore::Batch::Outcome::Duplicate;
    ASSERT_TRUE((*b)->commit().ok());
    EXPECT_EQ(duplicates, kCount);
    expectInSync();
}

TEST_F(BulkStore, ASmallerBatchIntoABigTableFillsOnlyTheNewRows)
{
    addBatch(0, int(DeferredIndexes::kIndexThreshold) + 100, QStringLiteral("alpha"));
    // Above the trigger threshold, below the table's size: triggers deferred, tree kept.
    addBatch(100'000, int(DeferredIndexes::kTriggerThreshold) + 500, QStringLiteral("bravo"));
    expectInSync();
    EXPECT_EQ(countIn(GeoBox{60, 30, 80, 45}, QStringLiteral("bravo")),
              DeferredIndexes::kTriggerThreshold + 500);
    EXPECT_EQ(countIn(GeoBox{60, 30, 80, 45}, QStringLiteral("alpha")),
              DeferredIndexes::kIndexThreshold + 100);
}

TEST_F(BulkStore, SingleEditsAfterABulkLoadKeepTheIndexesInSync)
{
    addBatch(0, int(DeferredIndexes::kIndexThreshold) + 10, QStringLiteral("alpha"));
    auto added = m_store->add(sampleEvent(QStringLiteral("Charlie crossing")));
    ASSERT_TRUE(added.ok());
    auto moved = m_store->get(*added);
    ASSERT_TRUE(moved.ok());
    moved->longitude = 74.5;
    moved->latitude = 38.9;
    moved->title = QStringLiteral("Delta crossing");
    ASSERT_TRUE(m_store->update(*moved).ok());
    EXPECT_EQ(countIn(GeoBox{74.4, 38.8, 74.6, 39.0}, QStringLiteral("delta")), 1);
    EXPECT_EQ(countIn(GeoBox{60, 30, 80, 45}, QStringLiteral("charlie")), 0);

    auto all = m_store->queryIds({});
    ASSERT_TRUE(all.ok());
    for (std::size_t i = 0; i < 300; ++i)
        ASSERT_TRUE(m_store->remove((*all)[i * 7]).ok());
    expectInSync();
}

TEST_F(BulkStore, ARolledBackBulkBatchLeavesTheFileAsItWas)
{
    addBatch(0, 3000, QStringLiteral("alpha"));
    const QString before = dumpDatabase(path());
    // Destroying the batch uncommitted, after triggers and the start index were dropped.
    addBatch(10'000, int(DeferredIndexes::kIndexThreshold) + 100, QStringLiteral("bravo"),
             /*commit=*/false);
    EXPECT_EQ(dumpDatabase(path()), before);
    expectInSync();
    EXPECT_EQ(countIn(GeoBox{60, 30, 80, 45}, QStringLiteral("bravo")), 0);
    // The store still writes normally afterwards.
    addBatch(50'000, 1500, QStringLiteral("charlie"));
    expectInSync();
    EXPECT_EQ(countIn(GeoBox{60, 30, 80, 45}, QStringLiteral("charlie")), 1500);
}

namespace {

/// Events built from sampleEvent with every optional part varied by index, so a round trip
/// through a chunk shows each column and child row landing on the right event.
Event variedEvent(int i)
{
    Event e = sampleEvent(QStringLiteral("Chunked event %1").arg(i));
    e.longitude = 67.5 + (i % 700) / 100.0;
    e.latitude = 36.6 + (i % 230) / 100.0;
    e.start = utc(2021, 3, 1).addSecs(qint64(i) * 3607);
    e.timePrecision = i % 3 ? TimePrecision::Minute : TimePrecision::Day;
    if (i % 5 == 0)
        e.end = e.start.addDays(2);
    e.killed = i % 4 ? std::optional<int>(i % 7) : std::nullopt;
    e.injured = i % 6 ? std::nullopt : std::optional<int>(i % 3);
    e.actors = {QStringLiteral("Actor %1").arg(i % 13)};
    if (i % 2)
        e.actors << QStringLiteral("Second actor %1").arg(i);
    if (i % 3 == 0)
        e.sources.clear();
    e.tags = i % 4 == 0 ? QStringList{} : QStringList{QStringLiteral("tag%1").arg(i % 9)};
    e.notes = i % 2 ? QString() : QStringLiteral("Note for %1").arg(i);
    e.origin.kind = OriginKind::Imported;
    e.origin.name = QStringLiteral("chunks.csv");
    e.origin.sourceId = QStringLiteral("chunk:%1").arg(i);
    return e;
}

} // namespace

TEST_F(BulkStore, ChunksRoundTripEveryFieldAndChildRow)
{
    const QDateTime now = utc(2026, 11, 28, 12, 0);
    std::vector<Event> originals;
    EventChunk chunk;
    for (int i = 0; i < 3000; ++i) {
        Event e = variedEvent(i);
        e.id = newEventId();
        originals.push_back(e);
        ASSERT_TRUE(chunk.add(e, now).ok());
    }
    Event invalid = variedEvent(99999);
    invalid.latitude = 123;
    auto bad = chunk.add(invalid, now);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().field, QStringLiteral("latitude"));
    EXPECT_EQ(chunk.size(), 3000u);

    auto b = m_store->beginBatch();
    ASSERT_TRUE(b.ok());
    auto outcome = (*b)->addChunk(chunk);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_EQ(outcome->added, 3000);
    EXPECT_EQ(outcome->duplicates, 0);
    ASSERT_TRUE((*b)->commit().ok());
    expectInSync();

    for (const Event& original : originals) {
        auto stored = m_store->get(original.id);
        ASSERT_TRUE(stored.ok()) << original.title.toStdString();
        Event expected = original;
        expected.created = now;
        expected.updated = now;
        EXPECT_EQ(*stored, expected) << original.title.toStdString();
    }
}

TEST_F(BulkStore, ChunksSkipDuplicatesAndTheirChildRows)
{
    const QDateTime now = utc(2026, 11, 28, 12, 0);
    EventChunk first;
    for (int i = 0; i < 100; ++i)
        ASSERT_TRUE(first.add(variedEvent(i), now).ok());
    auto b = m_store->beginBatch();
    ASSERT_TRUE(b.ok());
    ASSERT_TRUE((*b)->addChunk(first).ok());

    // Events 50..149, with 120 twice in the same chunk: 50 stored already, 1 repeated.
    EventChunk second;
    for (int i = 50; i < 150; ++i)
        ASSERT_TRUE(second.add(variedEvent(i), now).ok());
    Event again = variedEvent(120);
    again.title = QStringLiteral("Repeated in the chunk");
    ASSERT_TRUE(second.add(again, now).ok());
    auto outcome = (*b)->addChunk(second);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_EQ(outcome->added, 50);
    EXPECT_EQ(outcome->duplicates, 51);
    auto empty = (*b)->addChunk(EventChunk{});
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->added, 0);
    ASSERT_TRUE((*b)->commit().ok());
    expectInSync();

    EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events"), 150);
    // Child rows belong to stored events only, and each event kept its own.
    EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM actors a LEFT JOIN events e ON "
                                   "e.id = a.event_id WHERE e.id IS NULL"),
              0);
    EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM actors"), 150 + 75);
    EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events WHERE title = 'Repeated in the "
                                   "chunk'"),
              0);
    auto ids = m_store->queryIds({});
    ASSERT_TRUE(ids.ok());
    for (const QUuid& id : *ids) {
        auto e = m_store->get(id);
        ASSERT_TRUE(e.ok());
        const int i = e->origin.sourceId.section(u':', 1).toInt();
        EXPECT_EQ(e->title, QStringLiteral("Chunked event %1").arg(i));
        EXPECT_EQ(e->actors, variedEvent(i).actors) << i;
        EXPECT_EQ(e->tags, variedEvent(i).tags) << i;
        EXPECT_EQ(e->sources.size(), variedEvent(i).sources.size()) << i;
    }
}

TEST_F(BulkStore, ManyChunksDeferAndRestoreTheIndexes)
{
    const QDateTime now = utc(2026, 11, 28, 12, 0);
    auto b = m_store->beginBatch();
    ASSERT_TRUE(b.ok());
    qint64 added = 0;
    for (int c = 0; c < 12; ++c) {
        EventChunk chunk;
        for (int i = c * 2048; i < (c + 1) * 2048; ++i)
            ASSERT_TRUE(chunk.add(numbered(i, QStringLiteral("echo")), now).ok());
        auto outcome = (*b)->addChunk(chunk);
        ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
        added += outcome->added;
    }
    ASSERT_TRUE((*b)->commit().ok());
    EXPECT_EQ(added, 12 * 2048);
    static_assert(12 * 2048 > DeferredIndexes::kIndexThreshold);
    expectInSync();
    EXPECT_EQ(countIn(GeoBox{60, 30, 80, 45}, QStringLiteral("echo")), 12 * 2048);
    EXPECT_EQ(countIn(GeoBox{70.7765, 38.888, 70.7775, 38.889}), 1);
}

TEST_F(BulkStore, LargeChunksIntoAStoreWithEventsMixDuplicatesNewRowsAndSingleAdds)
{
    const QDateTime now = utc(2026, 11, 28, 12, 0);
    {
        auto b = m_store->beginBatch();
        ASSERT_TRUE(b.ok());
        EventChunk chunk;
        for (int i = 0; i < 3000; ++i)
            ASSERT_TRUE(chunk.add(variedEvent(i), now).ok());
        ASSERT_EQ((*b)->addChunk(chunk)->added, 3000);
        ASSERT_TRUE((*b)->commit().ok());
    }
    // Into 3,000 stored events: 2,000 rows alternating stored and new (triggers deferred, the
    // R*Tree filled row by row, child rows through the EXISTS filter), one row without a
    // source id three times, a single add() in between, and a chunk of one.
    auto b = m_store->beginBatch();
    ASSERT_TRUE(b.ok());
    EventChunk mixed;
    for (int i = 0; i < 2000; ++i)
        ASSERT_TRUE(mixed.add(variedEvent(i % 2 ? i : 10'000 + i), now).ok());
    for (int k = 0; k < 3; ++k) {
        Event noSource = variedEvent(20'000 + k);
        noSource.origin.sourceId.clear();
        ASSERT_TRUE(mixed.add(noSource, now).ok());
    }
    auto outcome = (*b)->addChunk(mixed);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_EQ(outcome->added, 1000 + 3);
    EXPECT_EQ(outcome->duplicates, 1000);
    ASSERT_EQ(*(*b)->add(variedEvent(30'000)), EventStore::Batch::Outcome::Added);
    EventChunk one;
    ASSERT_TRUE(one.add(variedEvent(40'000), now).ok());
    ASSERT_EQ((*b)->addChunk(one)->added, 1);
    ASSERT_TRUE((*b)->commit().ok());
    expectInSync();

    EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM events"), 3000 + 1003 + 2);
    EXPECT_EQ(queryCount(*m_check, "SELECT count(*) FROM actors a LEFT JOIN events e ON "
                                   "e.id = a.event_id WHERE e.id IS NULL"),
              0);
    // Every event kept its own child rows (title and source id say which input it was).
    auto ids = m_store->queryIds({});
    ASSERT_TRUE(ids.ok());
    int checked = 0;
    for (const QUuid& id : *ids) {
        auto e = m_store->get(id);
        ASSERT_TRUE(e.ok());
        const int i = e->title.section(u' ', 2).toInt();
        ASSERT_EQ(e->title, QStringLiteral("Chunked event %1").arg(i));
        EXPECT_EQ(e->actors, variedEvent(i).actors) << i;
        EXPECT_EQ(e->tags, variedEvent(i).tags) << i;
        EXPECT_EQ(e->sources.size(), variedEvent(i).sources.size()) << i;
        ++checked;
    }
    EXPECT_EQ(checked, 4005);
    EXPECT_EQ(countIn(GeoBox{60, 30, 80, 45}, QStringLiteral("chunked")), 4005);
}
