// TimeExtent: the rule (first start to the last end of any coverage) and its incremental form,
// checked against a fresh scan after every edit of a random sequence.
#include "eventindex.h"
#include "eventstore.h"
#include "timeextent.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <random>

using namespace fa;

namespace {

qint64 secsOf(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
}

IndexSourceRow row(qint64 rowid, qint64 start, TimePrecision p = TimePrecision::Day,
                   std::optional<qint64> end = std::nullopt)
{
    IndexSourceRow r;
    r.rowid = rowid;
    r.id = QUuid::createUuidV5(QUuid(), QByteArray::number(rowid));
    r.startSecs = start;
    r.endSecs = end.value_or(start);
    r.timePrecision = p;
    r.eventType = QStringLiteral("clash");
    return r;
}

std::optional<TimeExtent::Span> coverageOf(const EventIndex& index, const QUuid& id)
{
    const auto r = index.rowOf(id);
    return r ? std::optional(index.coverage(*r)) : std::nullopt;
}

} // namespace

TEST(TimeExtent, RunsFromTheFirstStartToTheLastCoverageEnd)
{
    // The last event to start is an instant; an earlier month-precision date and an earlier span
    // both cover later times, and the span reaches furthest.
    const EventIndex index = EventIndex::fromRows({
        row(1, secsOf(2022, 3, 5)),
        row(2, secsOf(2023, 7, 1), TimePrecision::Month),
        row(3, secsOf(2023, 6, 1), TimePrecision::Day, secsOf(2023, 9, 1)),
        row(4, secsOf(2023, 7, 20)),
    });
    const TimeExtent e = TimeExtent::of(index);
    ASSERT_FALSE(e.isEmpty());
    EXPECT_EQ(e.from(), secsOf(2022, 3, 5));
    EXPECT_EQ(e.to(), secsOf(2023, 9, 1));

    // A month-precision date covers the rest of its month; an instant one second.
    EXPECT_EQ(
        TimeExtent::of(EventIndex::fromRows({row(1, secsOf(2024, 2, 1), TimePrecision::Month)}))
            .to(),
        secsOf(2024, 3, 1));
    EXPECT_EQ(TimeExtent::of(EventIndex::fromRows({row(1, secsOf(2024, 2, 1))})).to(),
              secsOf(2024, 2, 1) + 1);
    EXPECT_TRUE(TimeExtent::of(EventIndex()).isEmpty());
}

TEST(TimeExtent, GrowsWithAnEditAndShrinksWhenTheLastEventGoes)
{
    EventIndex index = EventIndex::fromRows(
        {row(1, secsOf(2022, 1, 1)), row(2, secsOf(2023, 1, 1)), row(3, secsOf(2024, 1, 1))});
    TimeExtent e = TimeExtent::of(index);
    ASSERT_EQ(e.to(), secsOf(2024, 1, 1) + 1);

    // A new event later than every other one pushes the end out.
    const IndexSourceRow later = row(4, secsOf(2025, 5, 1), TimePrecision::Year);
    index.upsert(later);
    e.update(index, std::nullopt, coverageOf(index, later.id));
    EXPECT_EQ(e.to(), secsOf(2026, 1, 1));
    EXPECT_EQ(e, TimeExtent::of(index));

    // Removing it brings the end back to the event that is now last.
    const auto before = coverageOf(index, later.id);
    index.remove(later.id);
    e.update(index, before, std::nullopt);
    EXPECT_EQ(e.to(), secsOf(2024, 1, 1) + 1);

    // Removing the first event moves the start.
    const QUuid first = row(1, 0).id;
    const auto firstBefore = coverageOf(index, first);
    index.remove(first);
    e.update(index, firstBefore, std::nullopt);
    EXPECT_EQ(e.from(), secsOf(2023, 1, 1));
    EXPECT_EQ(e, TimeExtent::of(index));

    // Moving the last event earlier shrinks the end too; removing everything empties it.
    IndexSourceRow moved = row(3, secsOf(2022, 6, 1));
    const auto movedBefore = coverageOf(index, moved.id);
    index.upsert(moved);
    e.update(index, movedBefore, coverageOf(index, moved.id));
    EXPECT_EQ(e, TimeExtent::of(index));
    EXPECT_EQ(e.to(), secsOf(2023, 1, 1) + 1);
    for (qint64 id : {2, 3}) {
        const QUuid uuid = row(id, 0).id;
        const auto b = coverageOf(index, uuid);
        index.remove(uuid);
        e.update(index, b, std::nullopt);
    }
    EXPECT_TRUE(e.isEmpty());
}

TEST(TimeExtent, IncrementalUpdatesAgreeWithAFreshScan)
{
    std::mt19937_64 rng(11);
    const qint64 t0 = secsOf(2021, 1, 1), span = secsOf(2026, 1, 1) - t0;
    auto randomRow = [&](qint64 rowid) {
        const qint64 start = t0 + qint64(rng() % std::uint64_t(span));
        switch (rng() % 4) {
        case 0:
            return row(rowid, start, TimePrecision::Month);
        case 1:
            return row(rowid, start, TimePrecision::Day, start + qint64(rng() % (90 * 86400)));
        default:
            return row(rowid, start);
        }
    };
    std::vector<IndexSourceRow> rows;
    for (qint64 i = 1; i <= 40; ++i)
        rows.push_back(randomRow(i));
    EventIndex index = EventIndex::fromRows(rows);
    TimeExtent e = TimeExtent::of(index);
    qint64 next = 41;
    for (int step = 0; step < 400; ++step) {
        const int kind = int(rng() % 3);
        if (kind == 0 || rows.empty()) { // add
            rows.push_back(randomRow(next++));
            index.upsert(rows.back());
            e.update(index, std::nullopt, coverageOf(index, rows.back().id));
        } else if (kind == 1) { // edit
            IndexSourceRow& r = rows[rng() % rows.size()];
            const auto before = coverageOf(index, r.id);
            const QUuid id = r.id;
            r = randomRow(r.rowid);
            r.id = id;
            index.upsert(r);
            e.update(index, before, coverageOf(index, id));
        } else { // remove
            const std::size_t k = rng() % rows.size();
            const auto before = coverageOf(index, rows[k].id);
            index.remove(rows[k].id);
            rows.erase(rows.begin() + std::ptrdiff_t(k));
            e.update(index, before, std::nullopt);
        }
        ASSERT_EQ(e, TimeExtent::of(index)) << "after step " << step;
    }
}
