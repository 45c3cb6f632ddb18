// What the timeline's lanes count per time bucket: every lane mode (family, event type,
// country) with the index's bucket rule, so that an event on a bucket boundary lands in the
// same bucket whichever way the lanes are cut.
#include "eventindex.h"
#include "eventstore.h"
#include "timelinelane.h"
#include "timelinelanehistogram.h"

#include <QDateTime>
#include <QTimeZone>
#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

using namespace fa;

namespace {

qint64 utc(int y, int mo, int d)
{
    return QDateTime(QDate(y, mo, d), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
}

IndexSourceRow row(qint64 rowid, qint64 start, Family f, const QString& type)
{
    IndexSourceRow r;
    r.rowid = rowid;
    r.id = QUuid::createUuidV5(QUuid(), QString::number(rowid));
    r.startSecs = r.endSecs = start;
    r.longitude = 69.5;
    r.latitude = 37.5;
    r.family = f;
    r.eventType = type;
    return r;
}

/// Events per bucket over every lane and family.
std::vector<std::uint32_t> bucketTotals(const std::vector<TimelineLaneHistogram>& lanes,
                                        int buckets)
{
    std::vector<std::uint32_t> out(std::size_t(buckets), 0);
    for (const TimelineLaneHistogram& lane : lanes) {
        EXPECT_EQ(lane.histogram.buckets, buckets);
        for (const auto& counts : lane.histogram.counts)
            for (std::size_t b = 0; b < counts.size(); ++b)
                out[b] += counts[b];
    }
    return out;
}

class TimelineLaneHistogramModes : public ::testing::TestWithParam<TimelineLaneMode> {};

std::string modeName(const ::testing::TestParamInfo<TimelineLaneMode>& info)
{
    switch (info.param) {
    case TimelineLaneMode::Family:
        return "Family";
    case TimelineLaneMode::EventType:
        return "EventType";
    case TimelineLaneMode::Country:
        return "Country";
    }
    return "Unknown";
}

} // namespace

TEST_P(TimelineLaneHistogramModes, AnEventOnABucketBoundaryLandsInTheIndexsBucket)
{
    // One year and 21 seconds in 300 buckets: bucket 100 starts on 1651507207 exactly, where
    // the floating-point rule (start - from) * (buckets / span) gives 99.999... (bucket 99).
    const qint64 from = utc(2022, 1, 1), to = from + 365 * 86400 + 21;
    const int buckets = 300;
    const qint64 boundary = EventIndex::bucketStart(from, to, buckets, 100);
    ASSERT_EQ(int(double(boundary - from) * (double(buckets) / double(to - from))), 99);
    ASSERT_EQ(EventIndex::bucketOf(from, to, buckets, boundary), 100);

    // The boundary event, and others of several families and types well away from it.
    std::vector<IndexSourceRow> rows = {row(1, boundary, Family::Incident, "clash")};
    const char* types[] = {"clash", "visit", "statement", "drone attack"};
    for (int i = 0; i < 40; ++i)
        rows.push_back(row(i + 2, from + qint64(i) * 86400, Family(i % 3), types[i % 4]));
    const EventIndex index = EventIndex::fromRows(rows);
    std::vector<qint64> allRowids(rows.size());
    std::iota(allRowids.begin(), allRowids.end(), 1);
    const CountryRowids countries = {{QStringLiteral("TJ"), allRowids}};

    const std::vector<TimelineLane> lanes =
        makeTimelineLanes(GetParam(), index, nullptr, IndexQuery{}, 12, &countries);
    ASSERT_FALSE(lanes.empty());
    TimelineLaneRange range;
    range.fromSecs = from;
    range.toSecs = to;
    range.buckets = buckets;
    range.rowsToSecs = to;
    range.rowCap = 1000;
    const std::vector<TimelineLaneHistogram> got = timelineLaneHistograms(index, lanes, range);
    ASSERT_EQ(got.size(), lanes.size());

    const std::vector<std::uint32_t> totals = bucketTotals(got, buckets);
    EXPECT_EQ(totals[100], 1u);
    EXPECT_EQ(totals[99], 0u);
    // And every event is counted once, in the bucket the index gives it.
    std::vector<std::uint32_t> expected(std::size_t(buckets), 0);
    for (const IndexSourceRow& r : rows)
        ++expected[std::size_t(EventIndex::bucketOf(from, to, buckets, r.startSecs))];
    EXPECT_EQ(totals, expected);
    std::uint32_t sum = 0;
    for (const TimelineLaneHistogram& lane : got)
        sum += lane.total;
    EXPECT_EQ(sum, rows.size());
}

INSTANTIATE_TEST_SUITE_P(EveryMode, TimelineLaneHistogramModes,
                         ::testing::Values(TimelineLaneMode::Family, TimelineLaneMode::EventType,
                                           TimelineLaneMode::Country),
                         modeName);

TEST(TimelineLaneHistogram, LanesByTypeGatherTheirRowsUntilCrowded)
{
    const qint64 from = utc(2022, 1, 1), to = utc(2023, 1, 1);
    std::vector<IndexSourceRow> rows;
    for (int i = 0; i < 50; ++i) // 50 clashes, 3 visits
        rows.push_back(row(i + 1, from + qint64(i) * 86400, Family::Incident, "clash"));
    for (int i = 0; i < 3; ++i)
        rows.push_back(row(100 + i, from + qint64(i) * 86400 * 30, Family::Diplomatic, "visit"));
    rows.push_back(row(200, to + 86400, Family::Diplomatic, "visit")); // after the range
    const EventIndex index = EventIndex::fromRows(rows);
    const std::vector<TimelineLane> lanes =
        makeTimelineLanes(TimelineLaneMode::EventType, index, nullptr, IndexQuery{});
    ASSERT_EQ(lanes.size(), 2u); // clash, visit
    TimelineLaneRange range;
    range.fromSecs = from;
    range.toSecs = to;
    range.buckets = 12;
    range.rowsToSecs = to;
    range.rowCap = 10;
    const auto got = timelineLaneHistograms(index, lanes, range);
    EXPECT_FALSE(got[0].haveRows); // 50 clashes are more than 10: crowded
    EXPECT_TRUE(got[0].rows.empty());
    EXPECT_EQ(got[0].total, 50u);
    ASSERT_TRUE(got[1].haveRows);
    EXPECT_EQ(got[1].rows.size(), 3u);
    EXPECT_EQ(got[1].total, 3u);
}
