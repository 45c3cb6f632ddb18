// EventStore: create/open, round trips, edits with signals, validation, batches, the
// all-or-nothing writes, backup and integrity check.
#include "eventstore.h"
#include "storefixtures.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <limits>

using namespace fa;
using namespace fa::test;

namespace {

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        auto s = EventStore::create(file());
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        store = std::move(s).value();
    }
    QString file(const QString& name = QStringLiteral("atlas.sqlite")) const
    {
        return dir.filePath(name);
    }

    QTemporaryDir dir;
    std::unique_ptr<EventStore> store;
};

} // namespace

TEST(StoreBasics, OpensAndClosesATemporaryDatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    {
        auto s = EventStore::create(path);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        EXPECT_EQ((*s)->schemaVersion(), EventStore::currentSchemaVersion());
        EXPECT_FALSE((*s)->isReadOnly());
        EXPECT_EQ((*s)->path(), path);
        EXPECT_EQ(*(*s)->count(), 0);
    }
    auto s = EventStore::open(path);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(*(*s)->integrityCheck(), QStringLiteral("ok"));
    auto ext = (*s)->extent();
    ASSERT_TRUE(ext.ok());
    EXPECT_FALSE(ext->first.has_value());
    EXPECT_FALSE(ext->box.has_value());
}

TEST(StoreBasics, CreateRefusesToOverwrite)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("precious");
    f.close();
    auto s = EventStore::create(path);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::Io);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("already exists")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("precious"));
}

TEST_F(StoreTest, AddThenGetRoundTripsEveryField)
{
    Event e = sampleEvent();
    e.end = utc(2024, 8, 12, 5, 0);
    e.killed = 0; // known zero, distinct from unknown
    e.casualtyNote = QStringLiteral("two guards wounded");
    e.origin = {OriginKind::Imported, QStringLiteral("acled.csv"), QStringLiteral("TJK123")};
    Source s2;
    s2.url = QStringLiteral("http://example.com/b");
    e.sources << s2; // ungraded, no date
    auto id = store->add(e);
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
    EXPECT_FALSE(id->isNull());

    auto got = store->get(*id);
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    EXPECT_TRUE(got->created.isValid());
    EXPECT_TRUE(got->updated.isValid());
    Event expected = e;
    expected.id = *id;
    expected.created = got->created;
    expected.updated = got->updated;
    EXPECT_EQ(*got, expected);
    EXPECT_EQ(got->killed, std::optional<int>(0));
    EXPECT_EQ(got->sources.at(1).reliability, '\0');
    EXPECT_EQ(got->sources.at(1).credibility, 0);
    EXPECT_FALSE(got->sources.at(1).published.has_value());
}

TEST_F(StoreTest, UnknownCasualtiesStayUnknown)
{
    Event e = sampleEvent();
    e.killed.reset();
    e.injured.reset();
    auto id = store->add(e);
    ASSERT_TRUE(id.ok());
    auto got = store->get(*id);
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->killed.has_value());
    EXPECT_FALSE(got->injured.has_value());
}

TEST_F(StoreTest, KeepsAGivenIdAndRejectsItTwice)
{
    Event e = sampleEvent();
    e.id = QUuid::createUuid();
    auto id = store->add(e);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(*id, e.id);
    const QString before = dumpDatabase(file());
    auto again = store->add(e);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, Error::Kind::Sqlite);
    EXPECT_NE(again.error().sqliteCode, 0);
    EXPECT_EQ(dumpDatabase(file()), before);
}

TEST_F(StoreTest, EditsEmitSignals)
{
    QSignalSpy added(store.get(), &EventStore::eventAdded);
    QSignalSpy updated(store.get(), &EventStore::eventUpdated);
    QSignalSpy removed(store.get(), &EventStore::eventRemoved);

    auto id = store->add(sampleEvent());
    ASSERT_TRUE(id.ok());
    ASSERT_EQ(added.count(), 1);
    EXPECT_EQ(added.at(0).at(0).value<QUuid>(), *id);

    Event e = *store->get(*id);
    const QDateTime created = e.created;
    e.title = QStringLiteral("Drone strike near Khamyob (corrected)");
    e.actors = {QStringLiteral("Taliban")};
    e.sources.clear();
    e.tags.clear();
    e.created = utc(2000, 1, 1); // the store keeps its own
    ASSERT_TRUE(store->update(e).ok());
    ASSERT_EQ(updated.count(), 1);
    auto got = store->get(*id);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->title, e.title);
    EXPECT_EQ(got->actors, QStringList{QStringLiteral("Taliban")});
    EXPECT_TRUE(got->sources.isEmpty());
    EXPECT_EQ(got->created, created);
    EXPECT_GE(got->updated, created);
    // Full text follows the edit: the new actor is found, the old title word no longer.
    EXPECT_EQ(store->fullTextRowids(QStringLiteral("Taliban"))->size(), 1u);
    EXPECT_EQ(store->fullTextRowids(QStringLiteral("corrected"))->size(), 1u);
    EXPECT_EQ(store->fullTextRowids(QStringLiteral("Unidentified"))->size(), 0u);

    ASSERT_TRUE(store->remove(*id).ok());
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(store->get(*id).error().kind, Error::Kind::NotFound);
    EXPECT_EQ(*store->count(), 0);
    EXPECT_TRUE(store->fullTextRowids(QStringLiteral("Taliban"))->empty());
    EXPECT_TRUE(store->distinctActors()->isEmpty()); // children cascaded
    EXPECT_EQ(added.count(), 1);
    EXPECT_EQ(updated.count(), 1);
}

TEST_F(StoreTest, UpdateAndRemoveOfAnUnknownIdAreNotFound)
{
    Event e = sampleEvent();
    e.id = QUuid::createUuid();
    QSignalSpy updated(store.get(), &EventStore::eventUpdated);
    EXPECT_EQ(store->update(e).error().kind, Error::Kind::NotFound);
    EXPECT_EQ(store->remove(e.id).error().kind, Error::Kind::NotFound);
    EXPECT_EQ(updated.count(), 0);
}

TEST_F(StoreTest, InvalidEventsAreRefusedAndNothingIsWritten)
{
    QSignalSpy added(store.get(), &EventStore::eventAdded);
    Event bad = sampleEvent();
    bad.latitude = 95;
    auto r = store->add(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(r.error().field, QStringLiteral("latitude"));
    EXPECT_EQ(*store->count(), 0);
    EXPECT_EQ(added.count(), 0);

    auto id = store->add(sampleEvent());
    ASSERT_TRUE(id.ok());
    Event e = *store->get(*id);
    e.sources[0].url = QStringLiteral("javascript:alert(1)");
    auto u = store->update(e);
    ASSERT_FALSE(u.ok());
    EXPECT_EQ(u.error().field, QStringLiteral("sources[0].url"));
    EXPECT_EQ(store->get(*id)->sources[0].url, QStringLiteral("https://example.org/news/1"));
}

TEST_F(StoreTest, DuplicateSourceIdOnSingleAddIsAnError)
{
    Event e = sampleEvent();
    e.origin = {OriginKind::Imported, QStringLiteral("f.csv"), QStringLiteral("X1")};
    ASSERT_TRUE(store->add(e).ok());
    auto again = store->add(e);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().field, QStringLiteral("origin.sourceId"));
    EXPECT_EQ(*store->count(), 1);
}

// --- validation table ---

struct BadInput {
    const char* name;
    void (*mutate)(Event&);
    const char* field;
};

class ValidationTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(ValidationTest, NamesTheField)
{
    Event e = sampleEvent();
    ASSERT_TRUE(validateEvent(e).ok());
    GetParam().mutate(e);
    const Status s = validateEvent(e);
    ASSERT_FALSE(s.ok()) << GetParam().name;
    EXPECT_EQ(s.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(s.error().field, QString::fromLatin1(GetParam().field));
    EXPECT_FALSE(s.error().message.isEmpty());
    EXPECT_FALSE(s.error().message.contains(QLatin1Char('\n')));
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

INSTANTIATE_TEST_SUITE_P(
    Store, ValidationTest,
    ::testing::Values(
        BadInput{"EmptyTitle", [](Event& e) { e.title.clear(); }, "title"},
        BadInput{"BlankTitle", [](Event& e) { e.title = QStringLiteral("  \t"); }, "title"},
        BadInput{"LatitudeHigh", [](Event& e) { e.latitude = 90.0001; }, "latitude"},
        BadInput{"LatitudeLow", [](Event& e) { e.latitude = -91; }, "latitude"},
        BadInput{"LatitudeNaN", [](Event& e) { e.latitude = kNaN; }, "latitude"},
        BadInput{"LongitudeHigh", [](Event& e) { e.longitude = 180.5; }, "longitude"},
        BadInput{"LongitudeLow", [](Event& e) { e.longitude = -200; }, "longitude"},
        BadInput{"LongitudeInf", [](Event& e) { e.longitude = kInf; }, "longitude"},
        BadInput{"NoStart", [](Event& e) { e.start = QDateTime(); }, "start"},
        BadInput{"EndBeforeStart", [](Event& e) { e.end = e.start.addSecs(-60); }, "end"},
        BadInput{"InvalidEnd", [](Event& e) { e.end = QDateTime(); }, "end"},
        BadInput{"CountryLower", [](Event& e) { e.country = QStringLiteral("tj"); }, "country"},
        BadInput{"CountryLong", [](Event& e) { e.country = QStringLiteral("TJK"); }, "country"},
        BadInput{"CountryEmpty", [](Event& e) { e.country.clear(); }, "country"},
        BadInput{"CountryDigits", [](Event& e) { e.country = QStringLiteral("T1"); }, "country"},
        BadInput{"KilledNegative", [](Event& e) { e.killed = -1; }, "killed"},
        BadInput{"InjuredNegative", [](Event& e) { e.injured = -3; }, "injured"},
        BadInput{"EmptyActor", [](Event& e) { e.actors << QString(); }, "actors[2]"},
        BadInput{"FtpUrl",
                 [](Event& e) { e.sources[0].url = QStringLiteral("ftp://example.org/x"); },
                 "sources[0].url"},
        BadInput{"FileUrl",
                 [](Event& e) {
                     e.sources << e.sources[0];
                     e.sources[1].url = QStringLiteral("file:///etc/passwd");
                 },
                 "sources[1].url"},
        BadInput{"NoHost", [](Event& e) { e.sources[0].url = QStringLiteral("https://"); },
                 "sources[0].url"},
        BadInput{"NotAUrl", [](Event& e) { e.sources[0].url = QStringLiteral("example dot org"); },
                 "sources[0].url"},
        BadInput{"EmptyUrl", [](Event& e) { e.sources[0].url.clear(); }, "sources[0].url"},
        BadInput{"Reliability", [](Event& e) { e.sources[0].reliability = 'G'; },
                 "sources[0].reliability"},
        BadInput{"ReliabilityLower", [](Event& e) { e.sources[0].reliability = 'a'; },
                 "sources[0].reliability"},
        BadInput{"CredibilityHigh", [](Event& e) { e.sources[0].credibility = 7; },
                 "sources[0].credibility"},
        BadInput{"CredibilityNegative", [](Event& e) { e.sources[0].credibility = -1; },
                 "sources[0].credibility"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return info.param.name; });

TEST(StoreValidation, AcceptsTheEdges)
{
    Event e = sampleEvent();
    e.latitude = -90;
    e.longitude = 180;
    e.end = e.start; // an end equal to the start is not before it
    e.sources[0].reliability = 'F';
    e.sources[0].credibility = 6;
    e.sources[0].url = QStringLiteral("HTTP://Example.org/a?b=c#d");
    e.killed = 0;
    EXPECT_TRUE(validateEvent(e).ok());
    e.sources.clear(); // sources are optional for hand-entered events
    EXPECT_TRUE(validateEvent(e).ok());
}

// --- batches ---

TEST_F(StoreTest, BatchCommitsOnceAndEmitsReset)
{
    QSignalSpy reset(store.get(), &EventStore::reset);
    QSignalSpy added(store.get(), &EventStore::eventAdded);
    auto b = store->beginBatch();
    ASSERT_TRUE(b.ok()) << b.error().message.toStdString();
    for (int i = 0; i < 100; ++i) {
        Event e = sampleEvent(QStringLiteral("Event %1").arg(i));
        e.origin = {OriginKind::Imported, QStringLiteral("f.csv"), QStringLiteral("id-%1").arg(i)};
        auto r = (*b)->add(e);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        EXPECT_EQ(*r, EventStore::Batch::Outcome::Added);
    }
    // A single edit while the batch is open would interleave with it: refused.
    EXPECT_FALSE(store->add(sampleEvent()).ok());
    ASSERT_TRUE((*b)->commit().ok());
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(added.count(), 0);
    EXPECT_EQ(*store->count(), 100);
    EXPECT_FALSE((*b)->commit().ok()); // committed once
    b->reset();
    EXPECT_TRUE(store->add(sampleEvent()).ok());
}

TEST_F(StoreTest, BatchReportsDuplicatesBySourceId)
{
    auto make = [](int i) {
        Event e = sampleEvent(QStringLiteral("Event %1").arg(i));
        e.origin = {OriginKind::Imported, QStringLiteral("f.csv"), QStringLiteral("id-%1").arg(i)};
        return e;
    };
    {
        auto b = store->beginBatch();
        ASSERT_TRUE(b.ok());
        for (int i = 0; i < 10; ++i)
            ASSERT_EQ(*(*b)->add(make(i)), EventStore::Batch::Outcome::Added);
        // Within the same batch too.
        EXPECT_EQ(*(*b)->add(make(3)), EventStore::Batch::Outcome::Duplicate);
        ASSERT_TRUE((*b)->commit().ok());
    }
    auto b = store->beginBatch();
    ASSERT_TRUE(b.ok());
    int added = 0, dup = 0;
    for (int i = 5; i < 15; ++i) {
        auto r = (*b)->add(make(i));
        ASSERT_TRUE(r.ok());
        (*r == EventStore::Batch::Outcome::Added ? added : dup)++;
    }
    // Events without a source id never count as duplicates of each other.
    Event manual = sampleEvent();
    EXPECT_EQ(*(*b)->add(manual), EventStore::Batch::Outcome::Added);
    EXPECT_EQ(*(*b)->add(manual), EventStore::Batch::Outcome::Added);
    ASSERT_TRUE((*b)->commit().ok());
    EXPECT_EQ(added, 5);
    EXPECT_EQ(dup, 5);
    EXPECT_EQ(*store->count(), 17);
}

TEST_F(StoreTest, BatchSkipsInvalidEventsAndGoesOn)
{
    auto b = store->beginBatch();
    ASSERT_TRUE(b.ok());
    Event bad = sampleEvent();
    bad.country = QStringLiteral("Tajikistan");
    auto r = (*b)->add(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("country"));
    EXPECT_TRUE((*b)->add(sampleEvent()).ok());
    ASSERT_TRUE((*b)->commit().ok());
    EXPECT_EQ(*store->count(), 1);
}

TEST_F(StoreTest, BatchFailingAtSqliteLevelLeavesTheFileExactlyAsBefore)
{
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(store->add(sampleEvent(QStringLiteral("Existing %1").arg(i))).ok());
    const QString before = dumpDatabase(file());
    ASSERT_FALSE(before.isEmpty());

    QSignalSpy reset(store.get(), &EventStore::reset);
    const QUuid clash = QUuid::createUuid();
    {
        auto b = store->beginBatch();
        ASSERT_TRUE(b.ok());
        for (int i = 0; i < 499; ++i) {
            Event e = sampleEvent(QStringLiteral("New %1").arg(i));
            if (i == 7)
                e.id = clash;
            ASSERT_TRUE((*b)->add(e).ok());
        }
        // The 500th event passes validation but violates the UNIQUE uuid in SQLite.
        Event e = sampleEvent(QStringLiteral("New 499"));
        e.id = clash;
        auto r = (*b)->add(e);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().kind, Error::Kind::Sqlite);
        EXPECT_EQ(r.error().sqliteCode, SQLITE_CONSTRAINT_UNIQUE);
        // The batch is poisoned: it will not commit a half-written event.
        EXPECT_FALSE((*b)->add(sampleEvent()).ok());
        EXPECT_FALSE((*b)->commit().ok());
    }
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(dumpDatabase(file()), before);
    EXPECT_EQ(*store->count(), 20);
    EXPECT_EQ(*store->integrityCheck(), QStringLiteral("ok"));
    EXPECT_TRUE(store->add(sampleEvent()).ok()); // the store is usable again
}

TEST_F(StoreTest, UncommittedBatchRollsBackOnDestruction)
{
    ASSERT_TRUE(store->add(sampleEvent()).ok());
    const QString before = dumpDatabase(file());
    {
        auto b = store->beginBatch();
        ASSERT_TRUE(b.ok());
        for (int i = 0; i < 1000; ++i)
            ASSERT_TRUE((*b)->add(sampleEvent(QStringLiteral("Lost %1").arg(i))).ok());
    }
    EXPECT_EQ(dumpDatabase(file()), before);
    // Reopened from disk, too.
    store.reset();
    auto s = EventStore::open(file());
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(*(*s)->count(), 1);
}

TEST_F(StoreTest, BackupIsAConsistentCopy)
{
    for (int i = 0; i < 50; ++i)
        ASSERT_TRUE(store->add(sampleEvent(QStringLiteral("Event %1").arg(i))).ok());
    const QString copy = file(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(store->backupTo(copy).ok());
    EXPECT_FALSE(store->backupTo(copy).ok()); // never overwrites
    auto c = EventStore::open(copy, EventStore::OpenMode::ReadOnly);
    ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
    EXPECT_EQ(*(*c)->count(), 50);
    EXPECT_EQ(*(*c)->integrityCheck(), QStringLiteral("ok"));
    EXPECT_EQ(*(*c)->query({}), *store->query({}));
}

TEST_F(StoreTest, DistinctValuesAndExtent)
{
    Event a = sampleEvent();
    Event b = sampleEvent();
    b.country = QStringLiteral("AF");
    b.eventType = QStringLiteral("clash");
    b.actors = {QStringLiteral("Taliban")};
    b.start = utc(2021, 3, 1);
    b.timePrecision = TimePrecision::Day;
    b.end = utc(2025, 1, 2);
    b.longitude = 67.5;
    b.latitude = 36.9;
    ASSERT_TRUE(store->add(a).ok());
    ASSERT_TRUE(store->add(b).ok());
    EXPECT_EQ(*store->distinctCountries(),
              (QStringList{QStringLiteral("AF"), QStringLiteral("TJ")}));
    EXPECT_EQ(*store->distinctEventTypes(),
              (QStringList{QStringLiteral("clash"), QStringLiteral("drone attack")}));
    EXPECT_EQ(*store->distinctActors(),
              (QStringList{QStringLiteral("Tajik Border Troops"), QStringLiteral("Taliban"),
                           QStringLiteral("Unidentified armed group")}));
    auto x = store->extent();
    ASSERT_TRUE(x.ok());
    EXPECT_EQ(x->first, utc(2021, 3, 1));
    EXPECT_EQ(x->last, utc(2025, 1, 2));
    ASSERT_TRUE(x->box.has_value());
    EXPECT_EQ(*x->box, (GeoBox{67.5, 36.9, 70.11, 37.62}));
}

TEST_F(StoreTest, IndexRowsStreamInStartOrder)
{
    Event a = sampleEvent();
    a.start = utc(2023, 5, 1);
    a.killed = 3;
    a.injured.reset();
    Event b = sampleEvent();
    b.start = utc(2022, 5, 1);
    b.end = utc(2022, 6, 1);
    b.family = Family::Diplomatic;
    b.eventType = QStringLiteral("visit");
    b.timePrecision = TimePrecision::Month;
    b.coordPrecision = CoordPrecision::Region;
    auto ida = store->add(a);
    auto idb = store->add(b);
    ASSERT_TRUE(ida.ok() && idb.ok());
    std::vector<IndexSourceRow> rows;
    ASSERT_TRUE(store->forEachIndexRow([&](const IndexSourceRow& r) { rows.push_back(r); }).ok());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, *idb);
    EXPECT_EQ(rows[0].rowid, *store->rowidOf(*idb));
    EXPECT_EQ(rows[0].startSecs, b.start.toSecsSinceEpoch());
    EXPECT_EQ(rows[0].endSecs, b.end->toSecsSinceEpoch());
    EXPECT_EQ(rows[0].family, Family::Diplomatic);
    EXPECT_EQ(rows[0].eventType, QStringLiteral("visit"));
    EXPECT_EQ(rows[0].timePrecision, TimePrecision::Month);
    EXPECT_EQ(rows[0].coordPrecision, CoordPrecision::Region);
    EXPECT_EQ(rows[0].casualties, 2);
    EXPECT_EQ(rows[1].id, *ida);
    EXPECT_EQ(rows[1].endSecs, rows[1].startSecs); // no end
    EXPECT_EQ(rows[1].casualties, 3);              // unknown injured counts 0
    EXPECT_DOUBLE_EQ(rows[1].longitude, a.longitude);
    EXPECT_DOUBLE_EQ(rows[1].latitude, a.latitude);
    EXPECT_EQ(store->rowidOf(QUuid::createUuid()).error().kind, Error::Kind::NotFound);
}

TEST_F(StoreTest, FailedUpdateLeavesTheFileExactlyAsBefore)
{
    Event a = sampleEvent(QStringLiteral("First"));
    a.origin = {OriginKind::Imported, QStringLiteral("f.csv"), QStringLiteral("A")};
    Event b = sampleEvent(QStringLiteral("Second"));
    b.origin = {OriginKind::Imported, QStringLiteral("f.csv"), QStringLiteral("B")};
    ASSERT_TRUE(store->add(a).ok());
    auto idb = store->add(b);
    ASSERT_TRUE(idb.ok());
    const QString before = dumpDatabase(file());
    QSignalSpy updated(store.get(), &EventStore::eventUpdated);

    Event edit = *store->get(*idb);
    edit.title = QStringLiteral("Second, edited");
    edit.origin.sourceId = QStringLiteral("A"); // collides with the first event in SQLite
    auto s = store->update(edit);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().sqliteCode, SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_EQ(updated.count(), 0);
    EXPECT_EQ(dumpDatabase(file()), before);
    EXPECT_TRUE(store->fullTextRowids(QStringLiteral("edited"))->empty());
}

TEST(StoreBasics, CreateInAMissingFolderIsAnIoError)
{
    QTemporaryDir dir;
    auto s = EventStore::create(dir.filePath(QStringLiteral("no/such/folder/a.sqlite")));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::Io);
    EXPECT_FALSE(s.error().message.contains(QLatin1Char('\n')));
}

TEST(StoreBasics, BatchOutlivingItsStoreDoesNotCrash)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    auto s = EventStore::create(path);
    ASSERT_TRUE(s.ok());
    auto b = (*s)->beginBatch();
    ASSERT_TRUE(b.ok());
    ASSERT_TRUE((*b)->add(sampleEvent()).ok());
    s.value().reset(); // closing the connection rolls the batch back
    EXPECT_FALSE((*b)->add(sampleEvent()).ok());
    EXPECT_FALSE((*b)->commit().ok());
    b.value().reset();
    auto again = EventStore::open(path);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*(*again)->count(), 0);
}
