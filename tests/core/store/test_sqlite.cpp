// The SQLite wrapper (Database, Statement, Transaction) and the store's handling of files it
// cannot use: missing, not SQLite, damaged, too new, read-only, locked by another writer.
#include "eventstore.h"
#include "migrations.h"
#include "sqlite.h"
#include "storefixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

using namespace fa;
using namespace fa::test;

namespace {

std::unique_ptr<Database> memoryDb()
{
    auto db = Database::open(QStringLiteral(":memory:"), Database::Mode::Create);
    EXPECT_TRUE(db.ok());
    return std::move(db).value();
}

} // namespace

TEST(Sqlite, BindsByIndexAndNameAndReadsColumns)
{
    auto db = memoryDb();
    ASSERT_TRUE(db->exec("CREATE TABLE t(a INTEGER, b REAL, c TEXT, d TEXT)").ok());
    auto ins = db->prepare("INSERT INTO t VALUES (?1, :b, :c, ?4)");
    ASSERT_TRUE(ins.ok());
    ASSERT_TRUE(ins->bind(1, qint64(1) << 40)
                    .bind(":b", 2.5)
                    .bind(":c", QStringLiteral("Хорог \"quoted\" '); DROP TABLE t; --"))
                    .bindNull(4)
                    .run()
                    .ok());
    ins->reset();
    ASSERT_TRUE(ins->bind(1, 7)
                    .bind(":b", 0.0)
                    .bind(":c", QString())
                    .bind(4, std::optional<int>())
                    .run()
                    .ok());
    auto sel = db->prepare("SELECT a, b, c, d FROM t ORDER BY a DESC");
    ASSERT_TRUE(sel.ok());
    ASSERT_TRUE(*sel->step());
    EXPECT_EQ(sel->columnInt64(0), qint64(1) << 40);
    EXPECT_DOUBLE_EQ(sel->columnDouble(1), 2.5);
    EXPECT_EQ(sel->columnText(2), QStringLiteral("Хорог \"quoted\" '); DROP TABLE t; --"));
    EXPECT_TRUE(sel->isNull(3));
    EXPECT_FALSE(sel->columnOptionalInt(3).has_value());
    ASSERT_TRUE(*sel->step());
    EXPECT_EQ(sel->columnInt(0), 7);
    EXPECT_FALSE(sel->isNull(2)); // a null QString binds '' (NOT NULL text columns)
    EXPECT_EQ(sel->columnText(2), QString());
    EXPECT_FALSE(*sel->step());
    EXPECT_EQ(*db->queryInt("SELECT count(*) FROM t"), std::optional<qint64>(2));
}

TEST(Sqlite, ErrorsCarryTheExtendedCodeAndMessage)
{
    auto db = memoryDb();
    auto bad = db->prepare("SELEKT 1");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, Error::Kind::Sqlite);
    EXPECT_EQ(bad.error().sqliteCode, SQLITE_ERROR);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("syntax error")));

    ASSERT_TRUE(db->exec("CREATE TABLE u(x TEXT UNIQUE NOT NULL)").ok());
    auto ins = db->prepare("INSERT INTO u VALUES (?1)");
    ASSERT_TRUE(ins.ok());
    ASSERT_TRUE(ins->bind(1, QStringLiteral("a")).run().ok());
    auto dup = ins->bind(1, QStringLiteral("a")).run();
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().sqliteCode, SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_TRUE(dup.error().message.contains(QStringLiteral("UNIQUE")));
    ins->reset();
    auto null = ins->bindNull(1).run();
    ASSERT_FALSE(null.ok());
    EXPECT_EQ(null.error().sqliteCode, SQLITE_CONSTRAINT_NOTNULL);
}

TEST(Sqlite, BindErrorsSurfaceAtStep)
{
    auto db = memoryDb();
    auto st = db->prepare("SELECT ?1");
    ASSERT_TRUE(st.ok());
    st->bind(5, 1); // out of range
    auto r = st->step();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().sqliteCode, SQLITE_RANGE);
    st->bind(":nope", 1);
    EXPECT_FALSE(st->step().ok());
    // The statement is usable again afterwards.
    st->bind(1, 3);
    auto ok = st->step();
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(*ok);
    EXPECT_EQ(st->columnInt(0), 3);
}

TEST(Sqlite, TransactionRollsBackUnlessCommitted)
{
    auto db = memoryDb();
    ASSERT_TRUE(db->exec("CREATE TABLE t(x)").ok());
    {
        Transaction tx(*db);
        ASSERT_TRUE(tx.begin().ok());
        EXPECT_TRUE(db->inTransaction());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").ok());
    }
    EXPECT_FALSE(db->inTransaction());
    EXPECT_EQ(**db->queryInt("SELECT count(*) FROM t"), 0);
    {
        Transaction tx(*db);
        ASSERT_TRUE(tx.begin().ok());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").ok());
        ASSERT_TRUE(tx.commit().ok());
        EXPECT_FALSE(tx.isActive());
    }
    EXPECT_EQ(**db->queryInt("SELECT count(*) FROM t"), 1);
    // A second BEGIN inside a transaction is an SQLite error, not a crash.
    Transaction outer(*db);
    ASSERT_TRUE(outer.begin().ok());
    Transaction inner(*db);
    EXPECT_FALSE(inner.begin().ok());
}

TEST(Sqlite, CachedStatementsAreReusedAndReset)
{
    auto db = memoryDb();
    auto a = db->cached("SELECT 1 UNION ALL SELECT 2");
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(*(*a)->step());
    auto b = db->cached("SELECT 1 UNION ALL SELECT 2");
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(*a, *b);
    ASSERT_TRUE(*(*b)->step()); // reset on hand-out: starts at the first row again
    EXPECT_EQ((*b)->columnInt(0), 1);
}

TEST(Sqlite, ErrorKindsFollowThePrimaryCode)
{
    EXPECT_EQ(sqliteError(SQLITE_BUSY, {}, {}).kind, Error::Kind::Locked);
    EXPECT_EQ(sqliteError(SQLITE_CORRUPT_INDEX, {}, {}).kind, Error::Kind::Corrupt);
    EXPECT_EQ(sqliteError(SQLITE_NOTADB, {}, {}).kind, Error::Kind::NotADatabase);
    EXPECT_EQ(sqliteError(SQLITE_READONLY_DBMOVED, {}, {}).kind, Error::Kind::ReadOnly);
    EXPECT_EQ(sqliteError(SQLITE_IOERR_WRITE, {}, {}).kind, Error::Kind::Io);
    const Error e = sqliteError(SQLITE_CONSTRAINT_CHECK, QStringLiteral("m"), QStringLiteral("c"));
    EXPECT_EQ(e.kind, Error::Kind::Sqlite);
    EXPECT_EQ(e.sqliteCode, SQLITE_CONSTRAINT_CHECK);
    EXPECT_EQ(e.message, QStringLiteral("c: m"));
}

// --- opening files the store cannot use ---

namespace {

class StoreOpen : public ::testing::Test {
protected:
    QString file(const QString& name = QStringLiteral("atlas.sqlite")) const
    {
        return dir.filePath(name);
    }
    /// A closed store file holding n events.
    QString makeStore(int n, const QString& name = QStringLiteral("atlas.sqlite"))
    {
        const QString path = file(name);
        auto s = EventStore::create(path);
        EXPECT_TRUE(s.ok());
        auto b = (*s)->beginBatch();
        for (int i = 0; i < n; ++i) {
            Event e = sampleEvent(QStringLiteral("Event number %1").arg(i));
            e.summary = QString(300, QLatin1Char('x')); // fill some pages
            EXPECT_TRUE((*b)->add(e).ok());
        }
        EXPECT_TRUE((*b)->commit().ok());
        return path;
    }
    static void writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    static void expectOneLine(const Error& e)
    {
        EXPECT_FALSE(e.message.isEmpty());
        EXPECT_FALSE(e.message.contains(QLatin1Char('\n'))) << e.message.toStdString();
    }

    QTemporaryDir dir;
};

} // namespace

TEST_F(StoreOpen, MissingFileIsNotFound)
{
    auto s = EventStore::open(file(QStringLiteral("nope.sqlite")));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::NotFound);
    expectOneLine(s.error());
    EXPECT_FALSE(QFile::exists(file(QStringLiteral("nope.sqlite")))); // not created either
}

TEST_F(StoreOpen, TextFileIsNotADatabase)
{
    writeFile(file(), "id,title\n1,not a database\n");
    auto s = EventStore::open(file());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::NotADatabase);
    expectOneLine(s.error());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("not a Frontier Atlas database")));
    // Nor read-only.
    EXPECT_EQ(EventStore::open(file(), EventStore::OpenMode::ReadOnly).error().kind,
              Error::Kind::NotADatabase);
}

TEST_F(StoreOpen, EmptyFileAndForeignSqliteFileAreNotADatabase)
{
    writeFile(file(), {});
    EXPECT_EQ(EventStore::open(file()).error().kind, Error::Kind::NotADatabase);

    const QString other = file(QStringLiteral("other.sqlite"));
    {
        auto db = Database::open(other, Database::Mode::Create);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("CREATE TABLE photos(x); INSERT INTO photos VALUES (1)").ok());
    }
    auto s = EventStore::open(other);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::NotADatabase);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("SQLite file but not")));
}

TEST_F(StoreOpen, OverwrittenPagesAreCorrupt)
{
    const QString path = makeStore(400);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    ASSERT_GT(size, 40 * 4096);
    // Keep the 100-byte header and page 1 (the schema); trash pages in the middle.
    ASSERT_TRUE(f.seek(size / 2 - 8192));
    QByteArray garbage(16384, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 131 + 17) & 0xff);
    f.write(garbage);
    f.close();

    auto s = EventStore::open(path);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::Corrupt);
    EXPECT_NE(s.error().sqliteCode, 0);
    expectOneLine(s.error());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("damaged")));
    EXPECT_EQ(EventStore::open(path, EventStore::OpenMode::ReadOnly).error().kind,
              Error::Kind::Corrupt);
    EXPECT_EQ(EventStore::open(path, EventStore::OpenMode::ReadWrite, EventStore::OpenCheck::Full)
                  .error()
                  .kind,
              Error::Kind::Corrupt);

    // The light check (for big files) may miss damage in the middle; the full check finds it.
    auto light =
        EventStore::open(path, EventStore::OpenMode::ReadWrite, EventStore::OpenCheck::Light);
    if (light.ok()) {
        auto check = (*light)->integrityCheck();
        EXPECT_TRUE(!check.ok() || *check != QStringLiteral("ok"));
    } else {
        EXPECT_EQ(light.error().kind, Error::Kind::Corrupt);
    }
}

TEST_F(StoreOpen, NewerSchemaIsTooNew)
{
    const QString path = makeStore(1);
    {
        auto db = Database::open(path, Database::Mode::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("PRAGMA user_version = 99").ok());
    }
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    for (auto mode : {EventStore::OpenMode::ReadWrite, EventStore::OpenMode::ReadOnly}) {
        auto s = EventStore::open(path, mode);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().kind, Error::Kind::TooNew);
        EXPECT_TRUE(s.error().message.contains(QStringLiteral("newer")));
        expectOneLine(s.error());
    }
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before); // untouched
}

TEST_F(StoreOpen, ReadOnlyModeReadsButRefusesWrites)
{
    const QString path = makeStore(3);
    auto s = EventStore::open(path, EventStore::OpenMode::ReadOnly);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EventStore& store = **s;
    EXPECT_TRUE(store.isReadOnly());
    EXPECT_EQ(*store.count(), 3);
    const auto all = store.query({});
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 3u);

    auto add = store.add(sampleEvent());
    ASSERT_FALSE(add.ok());
    EXPECT_EQ(add.error().kind, Error::Kind::ReadOnly);
    EXPECT_TRUE(add.error().message.contains(QStringLiteral("read-only")));
    EXPECT_EQ(store.update(all->front()).error().kind, Error::Kind::ReadOnly);
    EXPECT_EQ(store.remove(all->front().id).error().kind, Error::Kind::ReadOnly);
    EXPECT_EQ(store.beginBatch().error().kind, Error::Kind::ReadOnly);
    EXPECT_EQ(*store.count(), 3);
}

TEST_F(StoreOpen, ReadOnlyFileOffersReadOnlyOpening)
{
    const QString path = makeStore(2);
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    if (geteuid() == 0)
        GTEST_SKIP() << "root can write any file; read-only files cannot be simulated";
    auto s = EventStore::open(path);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::ReadOnly);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("read-only")));
    expectOneLine(s.error());
    auto ro = EventStore::open(path, EventStore::OpenMode::ReadOnly);
    ASSERT_TRUE(ro.ok()) << ro.error().message.toStdString();
    EXPECT_EQ(*(*ro)->count(), 2);
}

TEST_F(StoreOpen, FileLockedByAnotherWriterIsLocked)
{
    const QString path = makeStore(2);
    auto other = Database::open(path, Database::Mode::ReadWrite);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->exec("BEGIN EXCLUSIVE").ok());

    QElapsedTimer t;
    t.start();
    auto s = EventStore::open(path);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::Locked);
    EXPECT_EQ(s.error().sqliteCode & 0xff, SQLITE_BUSY);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("locked")));
    expectOneLine(s.error());
    EXPECT_LT(t.elapsed(), 30'000); // a bounded wait, not forever

    // Reading still works while the other program writes (WAL).
    auto ro = EventStore::open(path, EventStore::OpenMode::ReadOnly);
    ASSERT_TRUE(ro.ok()) << ro.error().message.toStdString();
    EXPECT_EQ(*(*ro)->count(), 2);

    ASSERT_TRUE((*other)->exec("COMMIT").ok());
    EXPECT_TRUE(EventStore::open(path).ok());
}

TEST_F(StoreOpen, WriteWhileAnotherWriterHoldsTheLockIsLocked)
{
    const QString path = makeStore(1);
    auto s = EventStore::open(path);
    ASSERT_TRUE(s.ok());
    auto other = Database::open(path, Database::Mode::ReadWrite);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->exec("BEGIN IMMEDIATE").ok());
    auto add = (*s)->add(sampleEvent());
    ASSERT_FALSE(add.ok());
    EXPECT_EQ(add.error().kind, Error::Kind::Locked);
    ASSERT_TRUE((*other)->exec("ROLLBACK").ok());
    EXPECT_TRUE((*s)->add(sampleEvent()).ok());
    EXPECT_EQ(*(*s)->count(), 2);
}

TEST_F(StoreOpen, FolderIsNotADatabase)
{
    auto s = EventStore::open(dir.path());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::NotADatabase);
}
