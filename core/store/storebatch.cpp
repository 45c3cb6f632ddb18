#include "storebatch.h"

#include "eventchunktables.h"

namespace fa {

StoreBatch::StoreBatch(EventStore* store, Database* db, bool* batchOpen, Transaction tx,
                       EventWriter w, qint64 rowsBefore, bool bulkRows)
    : m_store(store), m_db(db), m_batchOpen(batchOpen), m_tx(std::move(tx)), m_writer(w),
      m_deferred(*db, rowsBefore), m_bulkRows(bulkRows), m_now(nowUtc())
{
    *m_batchOpen = true;
    // A bulk write touches the source-id and actor indexes at random places: a bigger page
    // cache while it lasts saves re-reading pages (64 MiB keeps a million-row import under
    // 200 MB of memory; more did not make it faster). The second sorter thread helps
    // rebuilding the start-time index at commit.
    (void)m_db->exec("PRAGMA cache_size = -65536; PRAGMA threads = 2");
}

StoreBatch::~StoreBatch()
{
    // A store destroyed first has already closed the connection, which rolled back.
    if (m_store) {
        m_tx.rollback();
        *m_batchOpen = false;
        (void)m_db->exec("PRAGMA cache_size = -32768; PRAGMA threads = 0");
    } else {
        m_tx.abandon();
    }
}

Result<StoreBatch::Outcome> StoreBatch::add(Event e)
{
    if (auto s = usable(); !s)
        return s.error();
    auto encoded = encodeNewEvent(std::move(e), m_now);
    if (!encoded)
        return encoded.error(); // nothing written: the batch goes on
    auto rowid = m_writer.insert(*encoded);
    if (!rowid) // the event may be half written (row without its children)
        return fail(rowid.error());
    if (*rowid == 0)
        return Outcome::Duplicate;
    if (auto s = m_deferred.noteAdded(++m_added); !s)
        return fail(s.error());
    return Outcome::Added;
}

Result<StoreBatch::ChunkOutcome> StoreBatch::addChunk(const EventChunk& chunk)
{
    if (auto s = usable(); !s)
        return s.error();
    if (!m_bulkRows)
        return Error::make(Error::Kind::Unsupported,
                           QStringLiteral("bulk inserts are not available on this connection"));
    const auto n = qint64(chunk.size());
    if (n == 0)
        return ChunkOutcome{};
    // Before the rows go in, so that triggers dropped now do not fire for them.
    if (auto s = m_deferred.noteAdded(m_added + n); !s)
        return failChunk(s.error());
    auto added = insertChunk(chunk.tables(), n);
    if (!added)
        return failChunk(added.error());
    m_added += *added;
    return ChunkOutcome{*added, n - *added};
}

Status StoreBatch::commit()
{
    if (auto s = usable(); !s)
        return s;
    if (auto s = m_deferred.finish(); !s) {
        m_failed = s.error();
        return s;
    }
    if (auto s = m_tx.commit(); !s) {
        m_failed = s.error();
        *m_batchOpen = false;
        return s;
    }
    m_committed = true;
    *m_batchOpen = false;
    emit m_store->reset();
    return {};
}

Result<StoreBatch::Outcome> StoreBatch::fail(Error e)
{
    e.message = QStringLiteral("bulk write abandoned: ") + e.message;
    m_failed = e;
    return e;
}

Result<qint64> StoreBatch::insertChunk(const EventChunk::Tables& t, qint64 n)
{
    auto next = m_db->queryInt("SELECT coalesce(max(id), 0) + 1 FROM events");
    if (!next)
        return next.error();
    const qint64 base = next->value_or(1);
    if (auto s = runOnRows(eventrow::chunkInsertSql(), t.events, base); !s)
        return s.error();
    const qint64 added = m_db->changes();
    const bool someSkipped = added < n;
    for (eventrow::Child c : eventrow::kChildren) {
        const BulkRows& rows = t.child(c);
        if (!rows.empty())
            if (auto s = runOnRows(eventrow::childChunkInsertSql(c, someSkipped), rows, base); !s)
                return s.error();
    }
    return added;
}

Status StoreBatch::runOnRows(const char* sql, const BulkRows& rows, qint64 base)
{
    auto st = m_db->cached(sql);
    if (!st)
        return st.error();
    (*st)->bindPointer(1, const_cast<BulkRows*>(&rows), BulkRows::kPointerType);
    (*st)->bind(2, base);
    const Status s = (*st)->run();
    (*st)->clearBindings(); // the cached statement must not keep a pointer to the chunk
    return s;
}

Status StoreBatch::usable() const
{
    if (!m_store)
        return Error::make(Error::Kind::Io, QStringLiteral("the database was closed"));
    if (m_failed)
        return *m_failed;
    if (m_committed)
        return Error::make(Error::Kind::Invalid,
                           QStringLiteral("this bulk write is already committed"));
    return {};
}

} // namespace fa
