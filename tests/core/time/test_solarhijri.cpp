#include "indexsourcerow.h"
#include "solarhijri.h"

#include <QCalendar>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;

namespace {

struct Pair {
    int gy, gm, gd;
    int sy, sm, sd;
};

// Known pairs from published calendars (the Iranian official calendar; Afghanistan uses the same
// days with Dari month names).
const Pair kKnownPairs[] = {
    {2021, 3, 21, 1400, 1, 1},   // Nowruz 1400
    {2025, 11, 26, 1404, 9, 5},  // 5 Azar 1404
    {2021, 8, 15, 1400, 5, 24},  // fall of Kabul: 24 Asad (Mordad) 1400
    {2024, 3, 20, 1403, 1, 1},   // Nowruz 1403 (1402 was not leap, the equinox came before noon)
    {2025, 3, 20, 1403, 12, 30}, // 1403 was a leap year: 30 Esfand
    {2025, 3, 21, 1404, 1, 1},   {2020, 3, 20, 1399, 1, 1}, {2017, 3, 21, 1396, 1, 1},
    {1979, 2, 11, 1357, 11, 22}, // 22 Bahman 1357
    {2000, 1, 1, 1378, 10, 11},  {2023, 3, 21, 1402, 1, 1}, {2026, 1, 29, 1404, 11, 9},
};

} // namespace

TEST(SolarHijri, KnownPairsBothWays)
{
    for (const Pair& p : kKnownPairs) {
        const QDate g(p.gy, p.gm, p.gd);
        const auto sh = solarhijri::fromGregorian(g);
        ASSERT_TRUE(sh.has_value()) << g.toString(Qt::ISODate).toStdString();
        EXPECT_EQ(*sh, (SolarHijriDate{p.sy, p.sm, p.sd}))
            << g.toString(Qt::ISODate).toStdString() << " gave " << sh->year << "-" << sh->month
            << "-" << sh->day;
        EXPECT_EQ(solarhijri::toGregorian(p.sy, p.sm, p.sd), g);
    }
}

TEST(SolarHijri, NamesAndText)
{
    EXPECT_EQ(solarhijri::toString({1404, 9, 5}), QStringLiteral("5 Azar 1404"));
    EXPECT_EQ(solarhijri::monthName(1), QStringLiteral("Farvardin"));
    EXPECT_EQ(solarhijri::afghanMonthName(9), QStringLiteral("Qaws"));
    EXPECT_TRUE(solarhijri::monthName(13).isEmpty());
}

TEST(SolarHijri, LeapYearsAndInvalidDates)
{
    EXPECT_TRUE(solarhijri::isLeapYear(1399));
    EXPECT_TRUE(solarhijri::isLeapYear(1403));
    EXPECT_FALSE(solarhijri::isLeapYear(1402));
    EXPECT_FALSE(solarhijri::isLeapYear(1404));
    EXPECT_EQ(solarhijri::daysInMonth(1403, 12), 30);
    EXPECT_EQ(solarhijri::daysInMonth(1404, 12), 29);
    EXPECT_EQ(solarhijri::daysInMonth(1404, 7), 30);
    EXPECT_EQ(solarhijri::daysInMonth(1404, 6), 31);
    EXPECT_FALSE(solarhijri::toGregorian(1404, 12, 30).isValid());
    EXPECT_FALSE(solarhijri::toGregorian(1404, 13, 1).isValid());
    EXPECT_FALSE(solarhijri::toGregorian(1404, 7, 31).isValid());
    EXPECT_FALSE(solarhijri::fromGregorian(QDate()).has_value());
    EXPECT_FALSE(solarhijri::fromGregorian(QDate(500, 1, 1)).has_value());
}

// Every day of 1925-2075 round-trips and the days run on without gaps. Up to 2058 the result
// agrees with Qt's Jalali calendar, an independent arithmetic (33-year cycle) implementation.
// From 1437 the arithmetic cycle drifts from the astronomical rule: the 2058 equinox falls at
// 09:05 UT (12:35 in Tehran, after noon), so 1 Farvardin 1437 is 21 March, not 20 March.
TEST(SolarHijri, ContinuousAndAgreesWithQtJalali)
{
    const QCalendar jalali(QCalendar::System::Jalali);
    ASSERT_TRUE(jalali.isValid());
    SolarHijriDate previous{};
    int disagreements = 0;
    QString firstDisagreement;
    for (QDate g(1925, 3, 21); g <= QDate(2075, 12, 31); g = g.addDays(1)) {
        const auto sh = solarhijri::fromGregorian(g);
        ASSERT_TRUE(sh.has_value());
        ASSERT_EQ(solarhijri::toGregorian(sh->year, sh->month, sh->day), g);
        if (previous.year != 0) {
            const bool nextDay = sh->year == previous.year && sh->month == previous.month &&
                                 sh->day == previous.day + 1;
            const bool nextMonth =
                sh->year == previous.year && sh->month == previous.month + 1 && sh->day == 1;
            const bool nextYear = sh->year == previous.year + 1 && sh->month == 1 && sh->day == 1;
            ASSERT_TRUE(nextDay || nextMonth || nextYear) << g.toString(Qt::ISODate).toStdString();
        }
        previous = *sh;
        const QCalendar::YearMonthDay q = jalali.partsFromDate(g);
        const bool differs = q.year != sh->year || q.month != sh->month || q.day != sh->day;
        if (g < QDate(2058, 3, 20) && differs) {
            if (disagreements++ == 0)
                firstDisagreement = g.toString(Qt::ISODate);
        }
    }
    EXPECT_EQ(disagreements, 0) << "first at " << firstDisagreement.toStdString();
    EXPECT_EQ(solarhijri::nowruz(1437), QDate(2058, 3, 21));
}

TEST(IndexSourceRow, MadeFromAnEvent)
{
    Event e;
    e.id = QUuid::createUuid();
    e.start = QDateTime(QDate(2025, 11, 26), QTime(21, 0), QTimeZone::UTC);
    e.longitude = 70.04;
    e.latitude = 37.84;
    e.family = Family::Diplomatic;
    e.eventType = QStringLiteral("drone attack");
    e.timePrecision = TimePrecision::Month;
    e.coordPrecision = CoordPrecision::District;
    e.killed = 3;
    const IndexSourceRow r = toIndexRow(e, 42);
    EXPECT_EQ(r.rowid, 42);
    EXPECT_EQ(r.id, e.id);
    EXPECT_EQ(r.startSecs, e.start.toSecsSinceEpoch());
    EXPECT_EQ(r.endSecs, r.startSecs);
    EXPECT_EQ(r.family, Family::Diplomatic);
    EXPECT_EQ(r.eventType, e.eventType);
    EXPECT_EQ(r.timePrecision, TimePrecision::Month);
    EXPECT_EQ(r.coordPrecision, CoordPrecision::District);
    EXPECT_EQ(r.casualties, 3);
    EXPECT_DOUBLE_EQ(r.longitude, 70.04);
    e.end = e.start.addDays(2);
    EXPECT_EQ(toIndexRow(e, 1).endSecs, e.start.addDays(2).toSecsSinceEpoch());
}
