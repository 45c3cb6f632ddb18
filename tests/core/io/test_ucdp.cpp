// UCDP GED CSV: ids, spans, precisions, violence types, estimates, bad rows.
#include "importtesthelpers.h"
#include "ucdpimporter.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {
QDateTime day(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::UTC);
}
} // namespace

TEST(Ucdp, GedRowsAreMapped)
{
    const Collected c = collectFile(ImportFormat::Ucdp, "ucdp_ged.csv");
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    ASSERT_EQ(c.events.size(), 3u);

    const Event& e = c.events[0];
    EXPECT_EQ(e.origin.sourceId, QStringLiteral("ucdp:401001"));
    EXPECT_EQ(e.start, day(2021, 6, 22)); // "2021-06-22 00:00:00.000"
    EXPECT_EQ(e.timePrecision, TimePrecision::Day);
    EXPECT_FALSE(e.end); // same day
    EXPECT_EQ(e.family, Family::Incident);
    EXPECT_EQ(e.eventType, QStringLiteral("state-based violence"));
    EXPECT_EQ(e.title, QStringLiteral("Government of Afghanistan - Taleban at Kunduz town"));
    EXPECT_EQ(e.summary, QStringLiteral("Clashes in Kunduz"));
    EXPECT_EQ(e.actors, (QStringList{"Government of Afghanistan", "Taleban"}));
    EXPECT_EQ(e.killed, 9); // best
    EXPECT_EQ(e.casualtyNote, QStringLiteral("UCDP estimate 9 (low 7, high 12)"));
    EXPECT_EQ(e.coordPrecision, CoordPrecision::Exact); // where_prec 1
    EXPECT_EQ(e.country, QStringLiteral("AF"));
    EXPECT_EQ(e.region, QStringLiteral("Kunduz province"));
    EXPECT_EQ(e.district, QStringLiteral("Kunduz district"));
    EXPECT_DOUBLE_EQ(e.latitude, 36.728);
    EXPECT_EQ(
        e.notes,
        QStringLiteral("UCDP source: Pajhwok;Reuters\nPajhwok,2021-06-22,\"Clashes in Kunduz\""));

    const Event& month = c.events[1];
    EXPECT_EQ(month.eventType, QStringLiteral("non-state violence"));
    EXPECT_EQ(month.timePrecision, TimePrecision::Month); // date_prec 4
    ASSERT_TRUE(month.end);
    EXPECT_EQ(*month.end, day(2022, 5, 31));
    EXPECT_EQ(month.coordPrecision, CoordPrecision::District); // where_prec 3

    const Event& year = c.events[2];
    EXPECT_EQ(year.eventType, QStringLiteral("one-sided violence"));
    EXPECT_EQ(year.timePrecision, TimePrecision::Year);     // date_prec 5
    EXPECT_EQ(year.coordPrecision, CoordPrecision::Region); // where_prec 6: the country
    EXPECT_FALSE(year.killed);                              // empty best: unknown

    const std::vector<std::pair<qint64, QString>> expected = {
        {5, "type_of_violence \"4\" is not 1, 2 or 3"},
        {6, "date_end 2023-02-01 is before date_start 2023-02-05"},
    };
    EXPECT_EQ(c.rejected, expected);
}

TEST(Ucdp, MissingRequiredColumn)
{
    const Collected c =
        collectBytes(ImportFormat::Ucdp, "id,date_start,latitude,longitude\n1,2021-01-01,37,69\n");
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(
        c.status.error().message,
        QStringLiteral("the required column \"type_of_violence\" is missing from the header"));
}

TEST(Ucdp, PrecisionCodes)
{
    EXPECT_EQ(ucdp::timePrecisionFromCode(3), TimePrecision::Day);
    EXPECT_EQ(ucdp::timePrecisionFromCode(4), TimePrecision::Month);
    EXPECT_EQ(ucdp::timePrecisionFromCode(5), TimePrecision::Year);
    EXPECT_FALSE(ucdp::timePrecisionFromCode(6));
    EXPECT_EQ(ucdp::coordPrecisionFromCode(2), CoordPrecision::Settlement);
    EXPECT_EQ(ucdp::coordPrecisionFromCode(4), CoordPrecision::Region);
    EXPECT_EQ(ucdp::coordPrecisionFromCode(7), CoordPrecision::Region);
    EXPECT_FALSE(ucdp::coordPrecisionFromCode(8));
}
