// EventIndex's histograms checked against brute force over the source rows, and the bucket
// rule (bucketStart, bucketOf, BucketCursor) that every per-bucket count uses.
#include "eventindex.h"
#include "indexfixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using namespace fa;
using namespace fa::test;

namespace {

__extension__ using I128 = __int128;

} // namespace

TEST_F(EventIndexRandom, HistogramsMatchBruteForce)
{
    std::mt19937_64 rng(7);
    std::vector<qint64> allow;
    const int bucketChoices[] = {1, 3, 7, 100, 365, 2000};
    for (int i = 0; i < 120; ++i) {
        IndexQuery q = randomQuery(rng, rows, index, allow);
        if (i % 2 == 0) { // every other one: only time and families (the fast path)
            const std::uint8_t fam = q.familyMask;
            q = IndexQuery{};
            q.familyMask = fam;
        }
        q.fromSecs = secsOf(2020, 1, 1) + qint64(rng() % (3 * 365 * 86400ULL));
        q.toSecs = q.fromSecs + 1 + qint64(rng() % (4 * 365 * 86400ULL));
        const int buckets = bucketChoices[rng() % 6];
        const Histogram h = index.histogram(q, buckets);
        ASSERT_EQ(h.buckets, buckets);
        ASSERT_EQ(h.fromSecs, q.fromSecs);
        ASSERT_EQ(h.toSecs, q.toSecs);

        std::vector<std::uint32_t> expected[kFamilyCount];
        for (auto& v : expected)
            v.assign(std::size_t(buckets), 0);
        for (const auto& r : rows) {
            if (r.startSecs < q.fromSecs || r.startSecs >= q.toSecs ||
                !matchesAttributes(r, q, index))
                continue;
            const auto b =
                std::size_t(I128(r.startSecs - q.fromSecs) * buckets / I128(q.toSecs - q.fromSecs));
            ++expected[int(r.family)][b];
        }
        std::uint32_t maxTotal = 0;
        for (std::size_t b = 0; b < std::size_t(buckets); ++b)
            maxTotal = std::max(maxTotal, expected[0][b] + expected[1][b] + expected[2][b]);
        for (int f = 0; f < kFamilyCount; ++f)
            ASSERT_EQ(h.counts[f], expected[f]) << "histogram " << i << " family " << f;
        ASSERT_EQ(h.maxTotal, maxTotal) << "histogram " << i;
    }
}

TEST(EventIndexHistogram, BucketBoundariesAgreeWithBucketOf)
{
    const qint64 from = secsOf(2021, 1, 1), to = secsOf(2026, 1, 1) + 17;
    for (int buckets : {1, 2, 3, 7, 2000, 100000}) {
        EXPECT_EQ(EventIndex::bucketStart(from, to, buckets, 0), from);
        EXPECT_EQ(EventIndex::bucketStart(from, to, buckets, buckets), to);
        for (int b = 0; b < buckets; b += std::max(1, buckets / 50)) {
            const qint64 s = EventIndex::bucketStart(from, to, buckets, b);
            const qint64 e = EventIndex::bucketStart(from, to, buckets, b + 1);
            ASSERT_LT(s, e);
            EXPECT_EQ(EventIndex::bucketOf(from, to, buckets, s), b);
            EXPECT_EQ(EventIndex::bucketOf(from, to, buckets, e - 1), b);
        }
    }
    // Extreme but finite spans do not overflow.
    const qint64 lo = std::numeric_limits<qint64>::min() / 2 * 2,
                 hi = std::numeric_limits<qint64>::max();
    EXPECT_EQ(EventIndex::bucketOf(lo, hi, 4, 0), 2);
    EXPECT_EQ(EventIndex::bucketOf(lo, hi, 4, lo), 0);
    EXPECT_EQ(EventIndex::bucketOf(lo, hi, 4, hi - 1), 3);
}

TEST(EventIndexHistogram, EmptyAndDegenerate)
{
    const EventIndex empty;
    IndexQuery q;
    q.fromSecs = 0;
    q.toSecs = 1000;
    const Histogram h = empty.histogram(q, 10);
    ASSERT_EQ(h.buckets, 10);
    for (const auto& v : h.counts)
        EXPECT_EQ(v, std::vector<std::uint32_t>(10, 0));
    EXPECT_EQ(h.maxTotal, 0u);
    EXPECT_EQ(empty.histogram(q, 0).buckets, 0);
    q.toSecs = q.fromSecs;
    EXPECT_EQ(empty.histogram(q, 5).buckets, 0);
}
TEST(EventIndexHistogram, HugeBucketCountsAreCapped)
{
    const EventIndex index = EventIndex::fromRows(randomRows(100, 3));
    IndexQuery q;
    q.fromSecs = secsOf(2021, 1, 1);
    q.toSecs = secsOf(2026, 1, 1);
    const Histogram h = index.histogram(q, 1 << 24);
    EXPECT_EQ(h.buckets, 1 << 20);
    EXPECT_EQ(h.counts[0].size(), std::size_t(1) << 20);
}

TEST(EventIndexHistogram, AnEventOnABucketBoundaryCountsInTheBucketItStarts)
{
    // One year and 21 seconds in 300 buckets: bucket 100 starts exactly on 1651507207, where a
    // floating-point rule (start - from) * (buckets / span) gives 99.999... and bucket 99.
    const qint64 from = secsOf(2022, 1, 1), to = from + 365 * 86400 + 21;
    const int buckets = 300;
    const qint64 boundary = EventIndex::bucketStart(from, to, buckets, 100);
    ASSERT_EQ(boundary, 1651507207);
    ASSERT_EQ(int(double(boundary - from) * (double(buckets) / double(to - from))), 99);
    EXPECT_EQ(EventIndex::bucketOf(from, to, buckets, boundary), 100);
    EXPECT_EQ(EventIndex::bucketOf(from, to, buckets, boundary - 1), 99);

    std::vector<IndexSourceRow> rows = randomRows(200, 17);
    for (std::size_t i = 0; i < rows.size(); ++i) // the others within the first three weeks
        rows[i].startSecs = rows[i].endSecs = i == 0 ? boundary : from + qint64(i) * 7919;
    rows[0].family = Family::Diplomatic;
    rows[0].casualties = 5;
    const EventIndex index = EventIndex::fromRows(rows);
    IndexQuery families; // the family-only path (prefix counts between bucket starts)
    families.fromSecs = from;
    families.toSecs = to;
    families.familyMask = 1u << int(Family::Diplomatic);
    IndexQuery walked = families; // the per-event path (a casualty minimum)
    walked.minCasualties = 5;
    for (const IndexQuery& q : {families, walked}) {
        const Histogram h = index.histogram(q, buckets);
        const auto& diplomatic = h.counts[int(Family::Diplomatic)];
        EXPECT_EQ(diplomatic[100], 1u); // the others all start weeks earlier
        EXPECT_EQ(diplomatic[99], 0u);
    }
}

TEST(EventIndexHistogram, BucketCursorAnswersAsBucketOfInAnyOrder)
{
    std::mt19937_64 rng(3);
    const qint64 from = secsOf(2021, 1, 1);
    for (const auto& [span, buckets] : std::vector<std::pair<qint64, int>>{
             {365 * 86400 + 21, 300}, {1000, 7}, {7, 1000}, {86400, 1}, {5 * 365 * 86400, 2000}}) {
        const qint64 to = from + span;
        // Every bucket start and the second before it, in time order, then the same shuffled,
        // then times outside the range.
        std::vector<qint64> times;
        for (int b = 0; b <= buckets; ++b) {
            const qint64 s = EventIndex::bucketStart(from, to, buckets, b);
            times.push_back(s - 1);
            times.push_back(s);
        }
        std::sort(times.begin(), times.end());
        std::vector<qint64> shuffled = times;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        times.insert(times.end(), shuffled.begin(), shuffled.end());
        times.insert(times.end(), {std::numeric_limits<qint64>::min(), from - 86400, to + 86400,
                                   std::numeric_limits<qint64>::max(), from});
        BucketCursor cursor(from, to, buckets);
        for (const qint64 t : times)
            ASSERT_EQ(cursor.bucketOf(t), EventIndex::bucketOf(from, to, buckets, t))
                << "span " << span << " buckets " << buckets << " t - from " << (t - from);
    }
}
