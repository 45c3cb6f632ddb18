#pragma once
// The SQLite-backed event store: the only owner of the database connection. All writes go
// through it, each in one transaction, and it announces changes with fine-grained signals.

#include "event.h"
#include "eventchunk.h"
#include "eventfilter.h"
#include "eventvalidation.h"
#include "result.h"

#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

namespace fa {

class Database; // sqlite wrapper (sqlite.h)

/// The dataset's extent in time and space (empty store: both nullopt).
struct DatasetExtent {
    std::optional<QDateTime> first; ///< earliest start
    std::optional<QDateTime> last;  ///< latest start or end
    std::optional<GeoBox> box;
};

/// The columns the in-memory index needs, streamed straight from SQLite (no Event built).
struct IndexSourceRow {
    qint64 rowid = 0;
    QUuid id;
    qint64 startSecs = 0; ///< UTC seconds since epoch
    qint64 endSecs = 0;   ///< == startSecs when the event has no end
    double longitude = 0, latitude = 0;
    Family family = Family::Incident;
    QString eventType;
    TimePrecision timePrecision = TimePrecision::Day;
    CoordPrecision coordPrecision = CoordPrecision::Settlement;
    int casualties = 0; ///< knownCasualties()
};

class EventStore : public QObject {
    Q_OBJECT
public:
    enum class OpenMode { ReadWrite, ReadOnly };

    /// Creates a new, empty database. Fails if the file exists.
    static Result<std::unique_ptr<EventStore>> create(const QString& path);
    /// Opens an existing database: quick_check, migrations to the current schema (not in
    /// ReadOnly mode), WAL, foreign keys. Each failure has its own Error::Kind: NotADatabase,
    /// Corrupt, TooNew, ReadOnly (offer OpenMode::ReadOnly), Locked, NotFound.
    static Result<std::unique_ptr<EventStore>> open(const QString& path,
                                                    OpenMode mode = OpenMode::ReadWrite);
    /// How much of the file open() reads to detect damage. PRAGMA quick_check reads every
    /// page (seconds for a million events), so Auto runs it on files up to kQuickCheckLimit and
    /// otherwise only reads the header, the schema and the ends of the events table; damage
    /// elsewhere then surfaces as Error::Kind::Corrupt on first use, and integrityCheck() (the
    /// `info` command) checks everything.
    enum class OpenCheck { Auto, Full, Light };
    static constexpr qint64 kQuickCheckLimit = 64LL * 1024 * 1024;
    static Result<std::unique_ptr<EventStore>> open(const QString& path, OpenMode mode,
                                                    OpenCheck check);
    ~EventStore() override;

    static int currentSchemaVersion();
    int schemaVersion() const;
    QString path() const;
    bool isReadOnly() const;

    // --- single edits (validated, one transaction each, signals emitted) ---
    /// Adds an event. A null id gets a new UUID; created/updated are set. Returns the id.
    Result<QUuid> add(Event e);
    Status update(Event e); ///< replaces the stored event with the same id; sets updated
    Status remove(const QUuid& id);

    // --- bulk writes (imports, the bundled dataset) ---
    /// One transaction for many events; nothing is written unless commit() succeeds. Destroying
    /// an uncommitted batch rolls it back, leaving the file exactly as before.
    class Batch {
    public:
        virtual ~Batch() = default;
        enum class Outcome { Added, Duplicate };
        /// Validates and inserts. An event whose origin.sourceId is already stored is skipped
        /// and reported as Duplicate (re-importing a file does not duplicate events).
        virtual Result<Outcome> add(Event e) = 0;
        struct ChunkOutcome {
            qint64 added = 0;
            qint64 duplicates = 0; ///< source id already stored, or earlier in the chunk
        };
        /// Inserts a chunk's events in one go, skipping re-imported source ids as add() does.
        virtual Result<ChunkOutcome> addChunk(const EventChunk& chunk) = 0;
        virtual Status commit() = 0; ///< emits EventStore::reset() on success
    };
    Result<std::unique_ptr<Batch>> beginBatch();

    // --- reads ---
    Result<Event> get(const QUuid& id) const;
    /// Events matching the filter, ordered by start time. limit < 0: no limit.
    Result<std::vector<Event>> query(const EventFilter& filter, int limit = -1) const;
    /// Ids only, ordered by start time (cheaper than query()).
    Result<std::vector<QUuid>> queryIds(const EventFilter& filter) const;
    Result<qint64> count(const EventFilter& filter = {}) const;
    Result<QStringList> distinctActors() const;
    Result<QStringList> distinctEventTypes() const;
    Result<QStringList> distinctCountries() const;
    Result<DatasetExtent> extent() const;
    /// Streams the index columns of every event, ordered by start time.
    Status forEachIndexRow(const std::function<void(const IndexSourceRow&)>& fn) const;
    /// Rowids of the events a search box's text finds (searchquery.h says what it means).
    Result<std::vector<qint64>> fullTextRowids(const QString& query) const;
    /// Rowids of events with any of these actors / in any of these countries.
    Result<std::vector<qint64>> rowidsWithActors(const QStringList& actors) const;
    /// The SQLite rowid of one event (NotFound if absent). The window's index updater needs it
    /// to upsert an edited event into the EventIndex with the rowid the allow-lists (FTS,
    /// actors) will use.
    Result<qint64> rowidOf(const QUuid& id) const;

    /// "ok" or SQLite's description of the damage (PRAGMA integrity_check).
    Result<QString> integrityCheck() const;
    /// Consistent copy through SQLite's online backup API.
    Status backupTo(const QString& path) const;

signals:
    // Emitted by the store alone, once the change is committed: the one source of change
    // notifications (the window's index and views follow them).
    void eventAdded(const QUuid& id);
    void eventUpdated(const QUuid& id);
    void eventRemoved(const QUuid& id);
    void reset(); ///< many events changed at once (batch commit)

private:
    explicit EventStore(std::unique_ptr<Database> db, QString path, bool readOnly);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace fa
