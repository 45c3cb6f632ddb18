#pragma once
// Bulk loading for EventStore::Batch. Maintaining the full-text index, the R*Tree and the
// start-time index row by row costs most of an import's time (each row lands at a random place
// in each of them). Past a threshold the batch hands that work to this class, which drops the
// per-row triggers (and, for a batch larger than the table was, the start-time index) and
// fills them in one pass before commit: FTS5 and the R*Tree by INSERT ... SELECT over the new
// rows, or the whole R*Tree packed anew (rtreebulkload.h) when the batch is most of the table.
// Everything runs inside the batch's transaction: a rollback brings back the triggers and
// indexes exactly as they were, and no reader ever sees the file without them.

#include "result.h"

#include <QByteArray>

#include <vector>

namespace fa {

class Database;

class DeferredIndexes {
public:
    /// Rows a batch adds one by one before the triggers are dropped: small edits stay cheap.
    static constexpr qint64 kTriggerThreshold = 1000;
    /// The start-time index is dropped, and the R*Tree packed anew, only once the batch has
    /// added at least this many rows and more than the table held before it, so that
    /// rebuilding them (which reads the whole table) never costs more than twice the rows added.
    static constexpr qint64 kIndexThreshold = 20000;

    /// `rowsBefore`: an upper bound of the rows the table held when the batch began.
    DeferredIndexes(Database& db, qint64 rowsBefore);

    /// Called after each added row with the batch's running count; may drop triggers/indexes.
    Status noteAdded(qint64 addedInBatch);
    /// Brings the full-text index, the R*Tree and the indexes up to date. Call before commit.
    Status finish();

    bool triggersDeferred() const { return m_firstUnindexed > 0; }
    bool indexesDeferred() const { return !m_droppedIndexes.empty(); }

private:
    Status deferTriggers();
    Status deferIndexes();
    /// Runs one of the fill statements over the rows the triggers did not see.
    Status fillNewRows(const char* sql);
    /// FTS5 over the new rows, with a big term buffer for the fill only.
    Status fillFullText();
    /// Drops the named schema objects, keeping their CREATE statements to run again.
    Status dropSaved(const char* type, const std::vector<const char*>& names,
                     std::vector<QByteArray>& saved);

    Database& m_db;
    qint64 m_rowsBefore = 0;
    qint64 m_firstUnindexed = 0; ///< first rowid not in FTS/R*Tree; 0 while triggers run
    std::vector<QByteArray> m_droppedTriggers;
    std::vector<QByteArray> m_droppedIndexes;
    bool m_finished = false;
};

} // namespace fa
