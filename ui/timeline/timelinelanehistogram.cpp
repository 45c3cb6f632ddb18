#include "timelinelanehistogram.h"

#include <algorithm>

namespace fa {

namespace {

/// Type code -> lane when every lane is a set of event types (lanes by type); empty otherwise.
std::vector<int> laneOfType(const std::vector<TimelineLane>& lanes)
{
    std::vector<int> out;
    const bool byType =
        !lanes.empty() && std::all_of(lanes.begin(), lanes.end(), [](const TimelineLane& lane) {
            return !lane.typeCodes.empty();
        });
    for (std::size_t i = 0; byType && i < lanes.size(); ++i) {
        for (const int code : lanes[i].typeCodes) {
            if (code >= int(out.size()))
                out.resize(std::size_t(code) + 1, -1);
            out[std::size_t(code)] = int(i);
        }
    }
    return out;
}

void sumUp(TimelineLaneHistogram& lane)
{
    Histogram& h = lane.histogram;
    lane.total = 0;
    h.maxTotal = 0;
    for (std::size_t b = 0; b < std::size_t(h.buckets); ++b) {
        std::uint32_t t = 0;
        for (const auto& v : h.counts)
            t += v[b];
        lane.total += t;
        h.maxTotal = std::max(h.maxTotal, t);
    }
}

} // namespace

std::vector<TimelineLaneHistogram> timelineLaneHistograms(const EventIndex& index,
                                                          const std::vector<TimelineLane>& lanes,
                                                          const TimelineLaneRange& range)
{
    std::vector<TimelineLaneHistogram> out(lanes.size());
    const std::vector<int> byType = laneOfType(lanes);
    if (byType.empty()) {
        for (std::size_t i = 0; i < lanes.size(); ++i) {
            IndexQuery q = lanes[i].query;
            q.fromSecs = range.fromSecs;
            q.toSecs = range.toSecs;
            out[i].histogram = index.histogram(q, range.buckets);
            sumUp(out[i]);
        }
        return out;
    }

    // Lanes by type: one pass over the window instead of one index walk per lane. The rows
    // come in start order, so a BucketCursor gives each its bucket by the index's rule at the
    // cost of a comparison.
    for (TimelineLaneHistogram& lane : out) {
        Histogram& h = lane.histogram;
        h.fromSecs = range.fromSecs;
        h.toSecs = range.toSecs;
        h.buckets = std::max(1, range.buckets);
        for (auto& v : h.counts)
            v.assign(std::size_t(h.buckets), 0);
        lane.haveRows = true;
    }
    IndexQuery q = lanes.front().query;
    q.typeMask.clear();
    q.fromSecs = range.fromSecs;
    q.toSecs = std::max(range.toSecs, range.rowsToSecs);
    q.overlap = true;
    BucketCursor bucket(range.fromSecs, range.toSecs, std::max(1, range.buckets));
    for (const std::uint32_t row : index.query(q)) {
        const int code = index.typeCodeAt(row);
        if (code < 0 || code >= int(byType.size()) || byType[std::size_t(code)] < 0)
            continue;
        TimelineLaneHistogram& lane = out[std::size_t(byType[std::size_t(code)])];
        const qint64 start = index.startAt(row);
        if (start >= range.fromSecs && start < range.toSecs)
            ++lane.histogram.counts[int(index.familyAt(row))][std::size_t(bucket.bucketOf(start))];
        if (lane.haveRows && start < range.rowsToSecs) {
            lane.rows.push_back(row);
            if (lane.rows.size() > range.rowCap) { // crowded: density for sure, rows not needed
                lane.haveRows = false;
                lane.rows = {};
            }
        }
    }
    for (TimelineLaneHistogram& lane : out)
        sumUp(lane);
    return out;
}

} // namespace fa
