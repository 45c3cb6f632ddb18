#include "histogram.h"

#include "eventindex.h"
#include "indexcolumns.h"
#include "indexmatcher.h"

#include <algorithm>

namespace fa {
namespace {

__extension__ using U128 = unsigned __int128;

/// Histograms beyond this many buckets are capped (a screen has far fewer pixels; this keeps a
/// wrong argument from allocating gigabytes).
constexpr int kMaxBuckets = 1 << 20;

} // namespace

qint64 EventIndex::bucketStart(qint64 fromSecs, qint64 toSecs, int buckets, int b)
{
    if (buckets <= 0 || b <= 0)
        return fromSecs;
    if (b >= buckets)
        return toSecs;
    // Unsigned arithmetic: the span of two finite qint64 always fits in 64 unsigned bits.
    const std::uint64_t span = std::uint64_t(toSecs) - std::uint64_t(fromSecs);
    const U128 num = U128(span) * U128(std::uint64_t(b));
    const auto offset =
        std::uint64_t((num + U128(std::uint64_t(buckets)) - 1) / U128(std::uint64_t(buckets)));
    return qint64(std::uint64_t(fromSecs) + offset);
}

int EventIndex::bucketOf(qint64 fromSecs, qint64 toSecs, int buckets, qint64 t)
{
    if (buckets <= 0 || t < fromSecs)
        return 0;
    if (t >= toSecs)
        return buckets - 1;
    const std::uint64_t span = std::uint64_t(toSecs) - std::uint64_t(fromSecs);
    const std::uint64_t off = std::uint64_t(t) - std::uint64_t(fromSecs);
    return int(U128(off) * U128(std::uint64_t(buckets)) / U128(span));
}

BucketCursor::BucketCursor(qint64 fromSecs, qint64 toSecs, int buckets)
    : m_from(fromSecs), m_to(toSecs), m_buckets(std::max(0, buckets))
{
    enter(0);
}

void BucketCursor::enter(int bucket)
{
    m_bucket = bucket;
    // The first and last buckets reach out to every time before and after the range, as
    // bucketOf answers for those.
    m_start = bucket <= 0 ? std::numeric_limits<qint64>::min()
                          : EventIndex::bucketStart(m_from, m_to, m_buckets, bucket);
    m_next = bucket + 1 >= m_buckets ? std::numeric_limits<qint64>::max()
                                     : EventIndex::bucketStart(m_from, m_to, m_buckets, bucket + 1);
}

int BucketCursor::seek(qint64 t)
{
    // Forward by a few buckets step by step (a time-ordered walk through sparse buckets);
    // anything else by the formula.
    for (int i = 0; i < 4 && t >= m_next && m_bucket + 1 < m_buckets; ++i)
        enter(m_bucket + 1);
    if (!(t >= m_start && t < m_next))
        enter(EventIndex::bucketOf(m_from, m_to, m_buckets, t));
    return m_bucket;
}

Histogram EventIndex::histogram(const IndexQuery& q, int buckets) const
{
    Histogram h;
    h.fromSecs = q.fromSecs;
    h.toSecs = q.toSecs;
    if (buckets <= 0 || q.fromSecs >= q.toSecs)
        return h;
    buckets = std::min(buckets, kMaxBuckets);
    h.buckets = buckets;
    for (auto& v : h.counts)
        v.assign(std::size_t(buckets), 0);

    const IndexColumns& k = *c;
    const IndexMatcher match(k, q);
    const std::size_t lo = k.lowerBound(q.fromSecs);
    const std::size_t hi = k.lowerBound(q.toSecs, lo);

    if (match.onlyFamilies()) {
        // No per-event test needed: count rows between consecutive bucket starts with binary
        // searches and the per-family block prefix counts (cost grows with buckets, not events).
        std::size_t prevRow = lo;
        std::uint32_t prevCount[kFamilyCount];
        for (int f = 0; f < kFamilyCount; ++f)
            prevCount[f] = k.familyCountBefore(f, lo);
        for (int b = 0; b < buckets; ++b) {
            const std::size_t row =
                b + 1 == buckets
                    ? hi
                    : k.lowerBound(bucketStart(q.fromSecs, q.toSecs, buckets, b + 1), prevRow);
            if (row == prevRow)
                continue;
            for (int f = 0; f < kFamilyCount; ++f) {
                const std::uint32_t n = k.familyCountBefore(f, row);
                if (match.familyShown(f))
                    h.counts[f][std::size_t(b)] = n - prevCount[f];
                prevCount[f] = n;
            }
            prevRow = row;
        }
    } else {
        // Walk the rows in time order, the cursor moving to the next bucket when its start is
        // passed, adding the match result (0 or 1) rather than branching on it.
        std::vector<std::uint32_t> flat(std::size_t(buckets) * kFamilyCount, 0);
        BucketCursor cursor(q.fromSecs, q.toSecs, buckets);
        for (std::size_t r = lo; r < hi; ++r) {
            const auto b = std::size_t(cursor.bucketOf(k.start[r]));
            flat[b * kFamilyCount + k.family[r]] += std::uint32_t(match(r));
        }
        for (std::size_t i = 0; i < flat.size(); ++i)
            h.counts[i % kFamilyCount][i / kFamilyCount] = flat[i];
    }

    for (std::size_t b = 0; b < std::size_t(buckets); ++b) {
        std::uint32_t total = 0;
        for (const auto& v : h.counts)
            total += v[b];
        h.maxTotal = std::max(h.maxTotal, total);
    }
    return h;
}

} // namespace fa
