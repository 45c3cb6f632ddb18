#include "deferredindexes.h"

#include "rtreebulkload.h"
#include "sqlite.h"

#include <QString>

#include <sqlite3.h>

namespace fa {
namespace {

// The per-row triggers that fill the derived tables on INSERT (schema v2). Update and delete
// triggers stay: a batch only adds.
const std::vector<const char*> kInsertTriggers = {"events_fts_insert", "events_rtree_insert"};
// Secondary indexes no constraint depends on and whose keys arrive in random order. The uuid
// and source_id indexes stay: they enforce uniqueness and find re-imported rows while the batch
// runs. The actor and tag name indexes stay too: names repeat, so their inserts land on few
// pages, and on a million ACLED rows keeping them cost 1 s where rebuilding cost 2.4 s.
const std::vector<const char*> kSecondaryIndexes = {"events_start"};

// FTS5 gathers new terms in memory and writes them out as a segment when this many bytes
// are waiting (default 1 MiB); every few segments it merges them. For one large fill, a bigger
// buffer means a few large segments and little merging: on a million ACLED rows 2.6 s instead
// of 5.0 s. Set for the fill only (it is stored in the table's config), then put back.
constexpr const char* kFtsBigBuffer =
    "INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', 67108864)";
constexpr const char* kFtsSetBuffer =
    "INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', ?1)";
constexpr qint64 kFtsDefaultBuffer = 1048576;

/// SQLITE_DBCONFIG_DEFENSIVE forbids writing shadow tables: the R*Tree is then filled by SQL.
bool defensive(Database& db)
{
    int on = 0;
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, -1, &on);
    return on != 0;
}
constexpr const char* kFillFts =
    "INSERT INTO events_fts(rowid, title, summary, place, actors_text, notes) "
    "SELECT id, title, summary, place, actors_text, notes FROM events WHERE id >= ?1";
constexpr const char* kFillRtree =
    "INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t) "
    "SELECT id, longitude, longitude, latitude, latitude, cover_from, cover_to FROM events "
    "WHERE id >= ?1";

/// Packs the R*Tree anew from every event (what the insert trigger would have stored).
Status rebuildRtree(Database& db)
{
    auto st = db.prepare("SELECT id, longitude, latitude, cover_from, cover_to FROM events");
    if (!st)
        return st.error();
    std::vector<RtreeBox> boxes;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        RtreeBox b;
        b.id = st->columnInt64(0);
        const double lon = st->columnDouble(1), lat = st->columnDouble(2);
        const auto from = double(st->columnInt64(3)), to = double(st->columnInt64(4));
        b.bounds = {rtreeFloatDown(lon), rtreeFloatUp(lon),    rtreeFloatDown(lat),
                    rtreeFloatUp(lat),   rtreeFloatDown(from), rtreeFloatUp(to)};
        boxes.push_back(b);
    }
    st->reset();
    return bulkLoadRtree(db, "events_rtree", std::move(boxes));
}

} // namespace

DeferredIndexes::DeferredIndexes(Database& db, qint64 rowsBefore)
    : m_db(db), m_rowsBefore(rowsBefore)
{
}

Status DeferredIndexes::noteAdded(qint64 addedInBatch)
{
    if (m_finished)
        return {};
    if (!triggersDeferred() && addedInBatch >= kTriggerThreshold)
        if (auto s = deferTriggers(); !s)
            return s;
    if (!indexesDeferred() && addedInBatch >= kIndexThreshold && addedInBatch > m_rowsBefore)
        if (auto s = deferIndexes(); !s)
            return s;
    return {};
}

Status DeferredIndexes::deferTriggers()
{
    // Rowids grow (INTEGER PRIMARY KEY without AUTOINCREMENT takes max + 1 and a batch never
    // deletes), so every row added from here on has a rowid above the current maximum.
    auto maxId = m_db.queryInt("SELECT max(id) FROM events");
    if (!maxId)
        return maxId.error();
    if (auto s = dropSaved("trigger", kInsertTriggers, m_droppedTriggers); !s)
        return s;
    m_firstUnindexed = maxId->value_or(0) + 1;
    return {};
}

Status DeferredIndexes::deferIndexes()
{
    return dropSaved("index", kSecondaryIndexes, m_droppedIndexes);
}

Status DeferredIndexes::dropSaved(const char* type, const std::vector<const char*>& names,
                                  std::vector<QByteArray>& saved)
{
    auto lookup = m_db.prepare("SELECT sql FROM sqlite_master WHERE type = ?1 AND name = ?2");
    if (!lookup)
        return lookup.error();
    std::vector<QByteArray> found;
    for (const char* name : names) {
        lookup->reset();
        lookup->bind(1, type).bind(2, name);
        auto row = lookup->step();
        if (!row)
            return row.error();
        if (!*row) // a schema without it: nothing to defer
            return Error::make(Error::Kind::Corrupt,
                               QStringLiteral("the schema has no %1 %2")
                                   .arg(QLatin1StringView(type), QLatin1StringView(name)));
        found.emplace_back(lookup->columnUtf8(0).data(), qsizetype(lookup->columnUtf8(0).size()));
    }
    lookup->reset(); // SQLite refuses DROP while a statement is still reading
    for (const char* name : names) {
        // Names are our own constants, never user data.
        const QByteArray drop = "DROP " + QByteArray(type).toUpper() + ' ' + name;
        if (auto s = m_db.exec(drop.constData()); !s)
            return s;
    }
    saved = std::move(found);
    return {};
}

Status DeferredIndexes::fillNewRows(const char* sql)
{
    auto st = m_db.prepare(sql);
    if (!st)
        return st.error();
    st->bind(1, m_firstUnindexed);
    return st->run();
}

Status DeferredIndexes::fillFullText()
{
    auto saved = m_db.queryInt("SELECT v FROM events_fts_config WHERE k = 'hashsize'");
    if (!saved)
        return saved.error();
    if (auto s = m_db.exec(kFtsBigBuffer); !s)
        return s;
    if (auto s = fillNewRows(kFillFts); !s)
        return s;
    // Through FTS5's own command (which also tells other connections), then, if the table had
    // no setting before, without the row that command leaves: the file is as it was.
    auto restore = m_db.prepare(kFtsSetBuffer);
    if (!restore)
        return restore.error();
    restore->bind(1, saved->value_or(kFtsDefaultBuffer));
    if (auto s = restore->run(); !s)
        return s;
    if (!saved->has_value())
        return m_db.exec("DELETE FROM events_fts_config WHERE k = 'hashsize'");
    return {};
}

Status DeferredIndexes::finish()
{
    if (m_finished)
        return {};
    m_finished = true;
    if (triggersDeferred()) {
        // When the batch is most of the table, packing the whole R*Tree is far cheaper than
        // inserting the new rows one by one.
        const auto rtree =
            indexesDeferred() && !defensive(m_db) ? rebuildRtree(m_db) : fillNewRows(kFillRtree);
        if (!rtree)
            return rtree;
        if (auto s = fillFullText(); !s)
            return s;
    }
    for (const auto* list : {&m_droppedTriggers, &m_droppedIndexes})
        for (const QByteArray& sql : *list)
            if (auto s = m_db.exec(sql.constData()); !s)
                return s;
    return {};
}

} // namespace fa
