#pragma once
// Events per time bucket (EventIndex::histogram) and the one rule that puts a time into a
// bucket: bucket b of [fromSecs, toSecs) covers [EventIndex::bucketStart(b),
// EventIndex::bucketStart(b + 1)), in exact integers. Anything that counts per bucket (the
// timeline's lanes, the overview, the briefing) uses that rule, through the index or through a
// BucketCursor.

#include "event.h"

#include <QtGlobal>

#include <cstdint>
#include <limits>
#include <vector>

namespace fa {

struct Histogram {
    qint64 fromSecs = 0, toSecs = 0;
    int buckets = 0;
    /// counts[family][bucket]
    std::vector<std::uint32_t> counts[kFamilyCount];
    std::uint32_t maxTotal = 0; ///< largest per-bucket total across families
};

/// EventIndex::bucketOf for a run of times, at the cost of one or two comparisons per time
/// while consecutive times fall in the same or the next bucket (rows come in start order).
/// Any order of times gives the exact bucketOf answer; times before fromSecs go to bucket 0
/// and times at or after toSecs to the last bucket, as bucketOf does.
class BucketCursor {
public:
    BucketCursor(qint64 fromSecs, qint64 toSecs, int buckets);

    int bucketOf(qint64 t)
    {
        if (t >= m_start && t < m_next)
            return m_bucket;
        return seek(t);
    }

private:
    int seek(qint64 t);
    void enter(int bucket); ///< sets the bounds of bucket

    qint64 m_from, m_to;
    int m_buckets;
    int m_bucket = 0;
    qint64 m_start = std::numeric_limits<qint64>::min(); ///< first second of m_bucket
    qint64 m_next = std::numeric_limits<qint64>::max();  ///< first second after m_bucket
};

} // namespace fa
