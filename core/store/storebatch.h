#pragma once
// EventStore::Batch: one transaction for many events (imports, the bundled dataset), event by
// event (add) or a chunk at a time (addChunk, one INSERT ... SELECT per table), with the
// indexes maintained in bulk past a threshold (deferredindexes.h).

#include "bulkrows.h"
#include "deferredindexes.h"
#include "eventstore.h"
#include "eventwriter.h"
#include "sqlite.h"

#include <QPointer>

#include <optional>

namespace fa {

class StoreBatch final : public EventStore::Batch {
public:
    /// Takes over the open transaction; *batchOpen is true while the batch lives, so that the
    /// store refuses other writes. rowsBefore: an upper bound of the rows stored before.
    /// bulkRows: bulk_rows(?1) is registered on the connection (addChunk needs it).
    StoreBatch(EventStore* store, Database* db, bool* batchOpen, Transaction tx, EventWriter w,
               qint64 rowsBefore, bool bulkRows);
    ~StoreBatch() override;

    Result<Outcome> add(Event e) override;
    Result<ChunkOutcome> addChunk(const EventChunk& chunk) override;
    Status commit() override;

private:
    /// A write failed part-way: the batch refuses to commit.
    Result<Outcome> fail(Error e);
    Result<ChunkOutcome> failChunk(Error e) { return fail(std::move(e)).error(); }

    /// The chunk's rows get rowids from the next free one on, in chunk order (c0 is the index);
    /// a duplicate source id leaves its rowid unused, and its child rows are not inserted.
    /// Returns the number of events added.
    Result<qint64> insertChunk(const EventChunk::Tables& t, qint64 n);
    /// Runs a chunk statement: ?1 = the rows, ?2 = the first rowid.
    Status runOnRows(const char* sql, const BulkRows& rows, qint64 base);
    Status usable() const;

    QPointer<EventStore> m_store;
    Database* m_db;
    bool* m_batchOpen;
    Transaction m_tx;
    EventWriter m_writer;
    DeferredIndexes m_deferred;
    bool m_bulkRows = false;
    qint64 m_added = 0;
    QDateTime m_now;
    std::optional<Error> m_failed;
    bool m_committed = false;
};

} // namespace fa
