#pragma once
// The rows of an EventChunk, one BulkRows per table, as the batch's INSERT ... SELECT
// statements read them (eventrow::chunkInsertSql, childChunkInsertSql).

#include "bulkrows.h"
#include "eventchunk.h"
#include "eventrow.h"

#include <array>

namespace fa {

struct EventChunk::Tables {
    // c0 is the event's index in the chunk; the batch adds the first free rowid to it.
    BulkRows events{2 + eventrow::writtenColumnCount()}; ///< index, uuid, columns
    /// Per child table: event index, position, columns.
    std::array<BulkRows, eventrow::kChildren.size()> children{
        BulkRows(1 + eventrow::childWidth(eventrow::Child::Actors)),
        BulkRows(1 + eventrow::childWidth(eventrow::Child::Sources)),
        BulkRows(1 + eventrow::childWidth(eventrow::Child::Tags))};
    qint64 count = 0;

    BulkRows& child(eventrow::Child c) { return children[std::size_t(c)]; }
    const BulkRows& child(eventrow::Child c) const { return children[std::size_t(c)]; }
};

} // namespace fa
