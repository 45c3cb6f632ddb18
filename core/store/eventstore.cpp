#include "eventstore.h"

#include "eventreader.h"
#include "eventrow.h"
#include "eventwriter.h"
#include "migrations.h"
#include "sqlite.h"
#include "storebatch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <sqlite3.h>

namespace fa {
namespace {

constexpr int kBusyTimeoutMs = 2000;

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

Error readOnlyError()
{
    return Error::make(Error::Kind::ReadOnly,
                       QStringLiteral("the database is open read-only; reopen it for editing"));
}

Error batchOpenError()
{
    return Error::make(Error::Kind::Locked,
                       QStringLiteral("a bulk write is in progress on this database"));
}

} // namespace

// --- EventStore ---

struct EventStore::Private {
    std::unique_ptr<Database> db;
    QString path;
    bool readOnly = false;
    int schemaVersion = 0;
    bool batchOpen = false;
    std::optional<bool> bulkRows; ///< bulk_rows registered on the connection (asked once)

    Status writable() const
    {
        if (readOnly)
            return readOnlyError();
        if (batchOpen)
            return batchOpenError();
        return {};
    }

    EventReader reader() const { return EventReader(*db); }
};

EventStore::EventStore(std::unique_ptr<Database> db, QString path, bool readOnly)
    : d(std::make_unique<Private>())
{
    d->db = std::move(db);
    d->path = std::move(path);
    d->readOnly = readOnly;
}

EventStore::~EventStore() = default;

int EventStore::currentSchemaVersion()
{
    return schema::currentVersion();
}
int EventStore::schemaVersion() const
{
    return d->schemaVersion;
}
QString EventStore::path() const
{
    return d->path;
}
bool EventStore::isReadOnly() const
{
    return d->readOnly;
}

namespace {

/// Connection settings for every store: foreign keys (cascading deletes), a bounded wait for
/// other writers, a larger page cache for bulk writes.
Status configure(Database& db)
{
    db.setBusyTimeout(kBusyTimeoutMs);
    return db.exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; "
                   "PRAGMA temp_store = MEMORY");
}

/// WAL with synchronous=NORMAL: readers never block the writer, commits are fast and a crash
/// loses at most the last transactions, never consistency. Set once checks have passed, so that
/// opening a file we refuse does not change it.
Status enableWal(Database& db)
{
    auto mode = db.queryText("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    return db.exec("PRAGMA synchronous = NORMAL");
}

/// Re-labels an error met while opening so that the kind and message fit the file.
Error openError(Error e, const QString& path)
{
    const QString file = nativePath(path);
    switch (e.kind) {
    case Error::Kind::NotADatabase:
        e.message =
            QStringLiteral("%1 is not a Frontier Atlas database (not an SQLite file)").arg(file);
        break;
    case Error::Kind::Corrupt:
        e.message = QStringLiteral("%1 is damaged and cannot be read (%2)").arg(file, e.message);
        break;
    case Error::Kind::Locked:
        e.message = QStringLiteral("%1 is locked by another program that is writing to it; close "
                                   "that program or open the file read-only")
                        .arg(file);
        break;
    case Error::Kind::ReadOnly:
        e.message = QStringLiteral("%1 cannot be written (read-only file or folder); open it "
                                   "read-only instead")
                        .arg(file);
        break;
    default:
        e.message = QStringLiteral("%1: %2").arg(file, e.message);
        break;
    }
    return e;
}

} // namespace

Result<std::unique_ptr<EventStore>> EventStore::create(const QString& path)
{
    const QString file = nativePath(path);
    if (QFileInfo::exists(path))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("%1 already exists; choose a new file name").arg(file));
    {
        // Claim the name atomically: an empty file is a valid, empty SQLite database.
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error::make(Error::Kind::Io,
                               QStringLiteral("cannot create %1: %2").arg(file, f.errorString()));
    }
    auto fail = [&](Error e) -> Result<std::unique_ptr<EventStore>> {
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        e.message = QStringLiteral("cannot create %1: %2").arg(file, e.message);
        return e;
    };
    std::unique_ptr<EventStore> store;
    {
        auto db = Database::open(path, Database::Mode::ReadWrite);
        if (!db)
            return fail(db.error());
        if (auto s = configure(**db); !s)
            return fail(s.error());
        // 16 KiB pages (before the first table and WAL): fewer, shallower b-tree pages for a
        // table whose rows are half a kilobyte; a bulk import writes a fifth less.
        if (auto s = (*db)->exec("PRAGMA page_size = 16384"); !s)
            return fail(s.error());
        if (auto s = enableWal(**db); !s)
            return fail(s.error());
        Transaction tx(**db);
        if (auto s = tx.begin(); !s)
            return fail(s.error());
        if (auto s = schema::migrate(**db, 0, schema::currentVersion()); !s)
            return fail(s.error());
        if (auto s = tx.commit(); !s)
            return fail(s.error());
        store.reset(new EventStore(std::move(db).value(), path, false));
    }
    store->d->schemaVersion = schema::currentVersion();
    return store;
}

Result<std::unique_ptr<EventStore>> EventStore::open(const QString& path, OpenMode mode)
{
    return open(path, mode, OpenCheck::Auto);
}

Result<std::unique_ptr<EventStore>> EventStore::open(const QString& path, OpenMode mode,
                                                     OpenCheck check)
{
    const QString file = nativePath(path);
    const bool readOnly = mode == OpenMode::ReadOnly;
    const QFileInfo info(path);
    if (!info.exists())
        return Error::make(Error::Kind::NotFound, QStringLiteral("%1 does not exist").arg(file));
    if (info.isDir())
        return Error::make(Error::Kind::NotADatabase,
                           QStringLiteral("%1 is a folder, not a database").arg(file));
    if (!readOnly && (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable()))
        return openError(Error::make(Error::Kind::ReadOnly, {}), path);
    {
        // SQLite treats an empty file as an empty database and reports a foreign file only at
        // the first read; checking the header first gives one clear message for both.
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Io,
                               QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
        if (f.read(16) != QByteArray("SQLite format 3", 16))
            return openError(Error::make(Error::Kind::NotADatabase, {}), path);
    }

    auto db = Database::open(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
    if (!db)
        return openError(db.error(), path);
    Database& conn = **db;
    if (!readOnly && sqlite3_db_readonly(conn.handle(), "main") == 1)
        return openError(Error::make(Error::Kind::ReadOnly, {}), path);
    if (auto s = configure(conn); !s)
        return openError(s.error(), path);

    auto appId = conn.queryInt("PRAGMA application_id");
    if (!appId)
        return openError(appId.error(), path);
    auto version = conn.queryInt("PRAGMA user_version");
    if (!version)
        return openError(version.error(), path);
    const int fileVersion = int(version->value_or(0));
    if (appId->value_or(0) != schema::kApplicationId || fileVersion <= 0)
        return Error::make(
            Error::Kind::NotADatabase,
            QStringLiteral("%1 is an SQLite file but not a Frontier Atlas database").arg(file));
    if (fileVersion > schema::currentVersion())
        return Error::make(Error::Kind::TooNew,
                           QStringLiteral("%1 was written by a newer Frontier Atlas (schema "
                                          "version %2; this version reads up to %3)")
                               .arg(file)
                               .arg(fileVersion)
                               .arg(schema::currentVersion()));

    const bool full =
        check == OpenCheck::Full || (check == OpenCheck::Auto && info.size() <= kQuickCheckLimit);
    if (full) {
        auto result = conn.queryText("PRAGMA quick_check");
        if (!result)
            return openError(result.error(), path);
        if (*result != QLatin1String("ok")) {
            Error e = Error::make(Error::Kind::Corrupt, result->section(QLatin1Char('\n'), 0, 0));
            e.sqliteCode = SQLITE_CORRUPT;
            return openError(e, path);
        }
    } else {
        // Walks the events table's first and last leaves and the start-time index's ends.
        auto ends = conn.queryInt("SELECT (SELECT min(id) FROM events) + (SELECT max(id) FROM "
                                  "events) + (SELECT min(start_secs) FROM events) + "
                                  "(SELECT max(start_secs) FROM events)");
        if (!ends)
            return openError(ends.error(), path);
    }

    if (readOnly) {
        if (fileVersion < schema::currentVersion())
            return Error::make(Error::Kind::Unsupported,
                               QStringLiteral("%1 uses an older schema (version %2) that must be "
                                              "upgraded; open it once for editing")
                                   .arg(file)
                                   .arg(fileVersion));
    } else {
        // Taking the write lock now tells at once whether another program is writing; the
        // upgrade (if any) runs in the same transaction, so it is all-or-nothing.
        Transaction tx(conn);
        if (auto s = tx.begin(); !s)
            return openError(s.error(), path);
        if (fileVersion < schema::currentVersion()) {
            if (auto s = schema::migrate(conn, fileVersion, schema::currentVersion()); !s)
                return openError(s.error(), path);
        }
        if (auto s = tx.commit(); !s)
            return openError(s.error(), path);
        if (auto s = enableWal(conn); !s)
            return openError(s.error(), path);
    }

    std::unique_ptr<EventStore> store(new EventStore(std::move(db).value(), path, readOnly));
    store->d->schemaVersion = schema::currentVersion();
    return store;
}

Result<QUuid> EventStore::add(Event e)
{
    if (auto s = d->writable(); !s)
        return s.error();
    auto encoded = encodeNewEvent(std::move(e), nowUtc());
    if (!encoded)
        return encoded.error();
    auto w = EventWriter::make(*d->db);
    if (!w)
        return w.error();
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s.error();
    auto rowid = w->insert(*encoded);
    if (!rowid)
        return rowid.error();
    if (*rowid == 0)
        return Error::invalid(QStringLiteral("origin.sourceId"),
                              QStringLiteral("an event with source id \"%1\" is already stored")
                                  .arg(encoded->sourceId));
    if (auto s = tx.commit(); !s)
        return s.error();
    emit eventAdded(encoded->id);
    return encoded->id;
}

Status EventStore::update(Event e)
{
    if (auto s = d->writable(); !s)
        return s;
    if (auto s = validateEvent(e); !s)
        return s;
    auto w = EventWriter::make(*d->db);
    if (!w)
        return w.error();
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s;
    auto rowid = d->reader().rowidOf(e.id);
    if (!rowid)
        return rowid.error();
    // created belongs to the store: keep the stored value whatever the caller sent.
    auto created = d->db->cached("SELECT created_ms FROM events WHERE id = ?1");
    if (!created)
        return created.error();
    (*created)->bind(1, *rowid);
    if (auto row = (*created)->step(); !row)
        return row.error();
    e.created = QDateTime::fromMSecsSinceEpoch((*created)->columnInt64(0), QTimeZone::UTC);
    (*created)->reset();
    e.updated = nowUtc();

    auto st = d->db->cached(eventrow::updateSql());
    if (!st)
        return st.error();
    (*st)->bind(1, *rowid);
    eventrow::bindColumns(**st, e);
    if (auto s = (*st)->run(); !s)
        return s;
    for (eventrow::Child c : eventrow::kChildren) {
        auto del = d->db->cached(eventrow::childDeleteSql(c));
        if (!del)
            return del.error();
        if (auto s = (*del)->bind(1, *rowid).run(); !s)
            return s;
    }
    if (auto s = w->insertChildren(*rowid, eventrow::encode(e)); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit eventUpdated(e.id);
    return {};
}

Status EventStore::remove(const QUuid& id)
{
    if (auto s = d->writable(); !s)
        return s;
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s;
    auto st = d->db->cached("DELETE FROM events WHERE uuid = ?1");
    if (!st)
        return st.error();
    if (auto s = (*st)->bind(1, id.toByteArray(QUuid::WithoutBraces)).run(); !s)
        return s;
    if (d->db->changes() == 0)
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("no event with id %1").arg(id.toString()));
    if (auto s = tx.commit(); !s)
        return s;
    emit eventRemoved(id);
    return {};
}

// --- bulk writes ---

Result<std::unique_ptr<EventStore::Batch>> EventStore::beginBatch()
{
    if (auto s = d->writable(); !s)
        return s.error();
    auto w = EventWriter::make(*d->db);
    if (!w)
        return w.error();
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s.error();
    auto maxId = d->db->queryInt("SELECT max(id) FROM events");
    if (!maxId)
        return maxId.error();
    if (!d->bulkRows) // without it (out of memory only), addChunk() says so and imports fail
        d->bulkRows = BulkRows::registerOn(*d->db).ok();
    return std::unique_ptr<Batch>(std::make_unique<StoreBatch>(
        this, d->db.get(), &d->batchOpen, std::move(tx), *w, maxId->value_or(0), *d->bulkRows));
}

// --- reads ---

Result<qint64> EventStore::rowidOf(const QUuid& id) const
{
    return d->reader().rowidOf(id);
}
Result<Event> EventStore::get(const QUuid& id) const
{
    return d->reader().get(id);
}
Result<std::vector<Event>> EventStore::query(const EventFilter& filter, int limit) const
{
    return d->reader().query(filter, limit);
}
Result<std::vector<QUuid>> EventStore::queryIds(const EventFilter& filter) const
{
    return d->reader().queryIds(filter);
}
Result<qint64> EventStore::count(const EventFilter& filter) const
{
    return d->reader().count(filter);
}
Result<QStringList> EventStore::distinctActors() const
{
    return d->reader().distinctActors();
}
Result<QStringList> EventStore::distinctEventTypes() const
{
    return d->reader().distinctEventTypes();
}
Result<QStringList> EventStore::distinctCountries() const
{
    return d->reader().distinctCountries();
}
Result<DatasetExtent> EventStore::extent() const
{
    return d->reader().extent();
}
Status EventStore::forEachIndexRow(const std::function<void(const IndexSourceRow&)>& fn) const
{
    return d->reader().forEachIndexRow(fn);
}
Result<std::vector<qint64>> EventStore::fullTextRowids(const QString& query) const
{
    return d->reader().fullTextRowids(query);
}
Result<std::vector<qint64>> EventStore::rowidsWithActors(const QStringList& actors) const
{
    return d->reader().rowidsWithActors(actors);
}

Result<QString> EventStore::integrityCheck() const
{
    auto st = d->db->prepare("PRAGMA integrity_check");
    if (!st)
        return st.error();
    QStringList lines;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        lines << st->columnText(0);
    }
    return lines.join(QLatin1Char('\n'));
}

Status EventStore::backupTo(const QString& path) const
{
    const QString file = nativePath(path);
    if (QFileInfo::exists(path))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("%1 already exists; choose a new file name").arg(file));
    auto dest = Database::open(path, Database::Mode::Create);
    if (!dest)
        return dest.error();
    auto cleanup = [&](Error e) -> Status {
        dest->reset();
        QFile::remove(path);
        e.message = QStringLiteral("backup to %1 failed: %2").arg(file, e.message);
        return e;
    };
    sqlite3_backup* b = sqlite3_backup_init((*dest)->handle(), "main", d->db->handle(), "main");
    if (!b)
        return cleanup((*dest)->lastError(sqlite3_errcode((*dest)->handle()), {}));
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return cleanup(sqliteError(rc, QString::fromUtf8(sqlite3_errstr(rc)), {}));
    return {};
}

} // namespace fa
