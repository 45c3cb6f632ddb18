#pragma once
// What each timeline lane holds over a time range: events per time bucket and family, and,
// while the lane is not crowded, the rows to draw as symbols. Every lane mode counts with the
// index's bucket rule (EventIndex::bucketOf), so an event on a bucket boundary lands in the
// same bucket whether the lanes are by family, event type or country.

#include "eventindex.h"
#include "timelinelane.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace fa {

/// The range the lanes are counted over.
struct TimelineLaneRange {
    qint64 fromSecs = 0; ///< the histogram's start (inclusive)
    qint64 toSecs = 1;   ///< the histogram's end (exclusive)
    int buckets = 1;
    /// Rows (see TimelineLaneHistogram::rows) are the lane's events whose coverage meets
    /// [fromSecs, rowsToSecs): what is visible, where the histogram may stop a little short.
    qint64 rowsToSecs = 1;
    /// A lane with more rows than this is crowded: its rows are dropped, not kept.
    std::size_t rowCap = 0;
};

struct TimelineLaneHistogram {
    /// Events starting in [fromSecs, toSecs), per family and bucket.
    Histogram histogram;
    std::uint32_t total = 0; ///< events counted in the histogram
    /// When haveRows: the lane's rows (start order; the overlapping ones that start earlier
    /// first). Gathered only when it costs nothing extra (lanes by type, one pass for all);
    /// otherwise ask the index with the lane's query.
    std::vector<std::uint32_t> rows;
    bool haveRows = false;
};

/// One entry per lane.
std::vector<TimelineLaneHistogram> timelineLaneHistograms(const EventIndex& index,
                                                          const std::vector<TimelineLane>& lanes,
                                                          const TimelineLaneRange& range);

} // namespace fa
