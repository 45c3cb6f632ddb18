// Schema migrations: the checked-in version-1 file (tests/data/schema-v1.sqlite, written by
// tests/data/make-schema-v1.sh) is upgraded to the current version with its data intact, and a
// failed upgrade leaves the file exactly as it was.
#include "eventstore.h"
#include "migrations.h"
#include "sqlite.h"
#include "storefixtures.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {

const QString kFixture = QStringLiteral(FRONTIER_SOURCE_DIR "/tests/data/schema-v1.sqlite");
const QUuid kPanj = QUuid::fromString(QStringLiteral("0b6f0a52-3c1e-4c5e-9d62-8f1f3a1e7c01"));
const QUuid kKhorog = QUuid::fromString(QStringLiteral("0b6f0a52-3c1e-4c5e-9d62-8f1f3a1e7c02"));
const QUuid kIshkashim = QUuid::fromString(QStringLiteral("0b6f0a52-3c1e-4c5e-9d62-8f1f3a1e7c03"));

class Migrations : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(QFile::exists(kFixture)) << "missing fixture; run tests/data/make-schema-v1.sh";
        path = dir.filePath(QStringLiteral("v1.sqlite"));
        // Tests never touch the checked-in file.
        ASSERT_TRUE(QFile::copy(kFixture, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    int fileVersion() const
    {
        auto db = Database::open(path, Database::Mode::ReadOnly);
        return db ? int((*db)->queryInt("PRAGMA user_version")->value_or(-1)) : -1;
    }

    QTemporaryDir dir;
    QString path;
};

} // namespace

TEST_F(Migrations, FixtureIsVersionOne)
{
    EXPECT_EQ(fileVersion(), 1);
    EXPECT_GE(schema::currentVersion(), 2);
}

TEST_F(Migrations, UpgradesVersionOneAndKeepsEveryField)
{
    auto s = EventStore::open(path);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EventStore& store = **s;
    EXPECT_EQ(store.schemaVersion(), schema::currentVersion());
    EXPECT_EQ(fileVersion(), schema::currentVersion());
    EXPECT_EQ(*store.count(), 3);
    EXPECT_EQ(*store.integrityCheck(), QStringLiteral("ok"));

    auto panj = store.get(kPanj);
    ASSERT_TRUE(panj.ok()) << panj.error().message.toStdString();
    EXPECT_EQ(panj->title, QStringLiteral("Border post shelled near Panj"));
    EXPECT_EQ(panj->family, Family::Incident);
    EXPECT_EQ(panj->eventType, QStringLiteral("shelling"));
    EXPECT_EQ(panj->start, utc(2022, 2, 10, 5, 0));
    EXPECT_EQ(panj->timePrecision, TimePrecision::Minute);
    EXPECT_FALSE(panj->end.has_value());
    EXPECT_EQ(panj->country, QStringLiteral("TJ"));
    EXPECT_DOUBLE_EQ(panj->latitude, 37.2367);
    EXPECT_DOUBLE_EQ(panj->longitude, 69.0958);
    EXPECT_EQ(panj->killed, std::optional<int>(1));
    EXPECT_EQ(panj->injured, std::optional<int>(0));
    EXPECT_EQ(panj->confidence, Confidence::Confirmed);
    EXPECT_EQ(panj->actors, (QStringList{QStringLiteral("Tajik Border Troops"),
                                         QStringLiteral("Unidentified armed group")}));
    ASSERT_EQ(panj->sources.size(), 1);
    EXPECT_EQ(panj->sources[0].url, QStringLiteral("https://example.org/panj"));
    EXPECT_EQ(panj->sources[0].published, QDate(2022, 2, 10));
    EXPECT_EQ(panj->sources[0].reliability, 'B');
    EXPECT_EQ(panj->sources[0].credibility, 2);
    EXPECT_EQ(panj->tags, QStringList{QStringLiteral("mortar")});
    EXPECT_EQ(panj->created, QDateTime::fromMSecsSinceEpoch(1700000000000, QTimeZone::UTC));

    auto khorog = store.get(kKhorog);
    ASSERT_TRUE(khorog.ok());
    EXPECT_EQ(khorog->family, Family::Diplomatic);
    EXPECT_EQ(khorog->timePrecision, TimePrecision::Month);
    EXPECT_FALSE(khorog->killed.has_value()); // unknown stays unknown
    EXPECT_EQ(khorog->origin, (Origin{OriginKind::Imported, QStringLiteral("facts.jsonl"),
                                      QStringLiteral("visit-khorog-2022-05")}));
    EXPECT_EQ(khorog->sources[0].reliability, '\0');

    auto ishkashim = store.get(kIshkashim);
    ASSERT_TRUE(ishkashim.ok());
    EXPECT_EQ(ishkashim->end, utc(2023, 2, 1));
    EXPECT_EQ(ishkashim->casualtyNote, QStringLiteral("no casualties reported"));
    EXPECT_EQ(ishkashim->confidence, Confidence::Disputed);
}

TEST_F(Migrations, UpgradedFileHasFullTextAndSpatialSearchOverOldData)
{
    auto s = EventStore::open(path);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EventStore& store = **s;

    // Actors of old rows are searchable (actors_text was filled by the upgrade).
    EventFilter byActor;
    byActor.text = QStringLiteral("ministry");
    EXPECT_EQ(*store.queryIds(byActor), std::vector<QUuid>{kKhorog});
    EventFilter byTitle;
    byTitle.text = QStringLiteral("shelled");
    EXPECT_EQ(*store.queryIds(byTitle), std::vector<QUuid>{kPanj});

    EventFilter box;
    box.box = GeoBox{71.0, 36.0, 72.0, 37.0};
    EXPECT_EQ(*store.queryIds(box), std::vector<QUuid>{kIshkashim});

    // The month-precision visit covers all of May 2022.
    EventFilter may;
    may.from = utc(2022, 5, 20);
    may.to = utc(2022, 5, 21);
    EXPECT_EQ(*store.queryIds(may), std::vector<QUuid>{kKhorog});

    // New writes keep the new structures in sync.
    Event e = sampleEvent(QStringLiteral("After the upgrade"));
    ASSERT_TRUE(store.add(e).ok());
    EventFilter after;
    after.text = QStringLiteral("upgrade");
    EXPECT_EQ(store.queryIds(after)->size(), 1u);
    // And import dedup still sees the old source ids.
    auto b = store.beginBatch();
    ASSERT_TRUE(b.ok());
    Event dup = sampleEvent();
    dup.origin.sourceId = QStringLiteral("closure-ishkashim-2023");
    EXPECT_EQ(*(*b)->add(dup), EventStore::Batch::Outcome::Duplicate);
}

TEST_F(Migrations, ReopeningAnUpgradedFileIsANoOp)
{
    {
        auto s = EventStore::open(path);
        ASSERT_TRUE(s.ok());
    }
    const QString before = dumpDatabase(path);
    auto s = EventStore::open(path);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(*(*s)->count(), 3);
    s.value().reset();
    EXPECT_EQ(dumpDatabase(path), before);
}

TEST_F(Migrations, ReadOnlyOpeningOfAnOldFileAsksForAnUpgrade)
{
    auto s = EventStore::open(path, EventStore::OpenMode::ReadOnly);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::Unsupported);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("upgraded")));
    EXPECT_EQ(fileVersion(), 1);
}

TEST_F(Migrations, FailedUpgradeLeavesTheFileAsItWas)
{
    // A table in the way of version 2's R*Tree makes the upgrade fail half-way through.
    {
        auto db = Database::open(path, Database::Mode::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("CREATE TABLE events_rtree(x)").ok());
    }
    const QString before = dumpDatabase(path);
    auto s = EventStore::open(path);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("version 2")))
        << s.error().message.toStdString();
    EXPECT_EQ(fileVersion(), 1);
    EXPECT_EQ(dumpDatabase(path), before);
    // No actors_text column was left behind either.
    auto db = Database::open(path, Database::Mode::ReadOnly);
    ASSERT_TRUE(db.ok());
    EXPECT_FALSE((*db)->prepare("SELECT actors_text FROM events").ok());
}

TEST(MigrationSteps, FreshDatabaseMatchesAnUpgradedOne)
{
    // create() runs the same steps from version 0: both paths end in the same schema.
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.sqlite"));
    const QString upgraded = dir.filePath(QStringLiteral("upgraded.sqlite"));
    ASSERT_TRUE(EventStore::create(fresh).ok());
    ASSERT_TRUE(QFile::copy(kFixture, upgraded));
    QFile::setPermissions(upgraded, QFile::ReadOwner | QFile::WriteOwner);
    ASSERT_TRUE(EventStore::open(upgraded).ok());
    auto schemaOf = [](const QString& p) {
        auto db = Database::open(p, Database::Mode::ReadOnly);
        QStringList out;
        auto st = (*db)->prepare("SELECT type, name, tbl_name FROM sqlite_schema ORDER BY name");
        while (auto row = st->step()) {
            if (!*row)
                break;
            out << st->columnText(0) + QLatin1Char(' ') + st->columnText(1);
        }
        return out;
    };
    EXPECT_EQ(schemaOf(fresh), schemaOf(upgraded));
}
