// How dates of events read: each precision in each zone, spans with exclusive ends, the Solar
// Hijri line, the windows of the time axis. eventtext is the one owner of this wording.
#include "eventtext.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::eventtext;

namespace {

QDateTime utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::UTC);
}

qint64 secs(int y, int m, int d, int h = 0, int min = 0)
{
    return utc(y, m, d, h, min).toSecsSinceEpoch();
}

Event eventAt(const QDateTime& start, TimePrecision p)
{
    Event e;
    e.start = start;
    e.timePrecision = p;
    return e;
}

// One instant late on New Year's Eve (UTC): past midnight in Dushanbe and Kabul. Only a time
// known to the minute moves with the zone; a day, month or year is a calendar date as recorded.
struct ZoneCase {
    const char* name;
    TimePrecision precision;
    DisplayZone zone;
    const char* longText;
    const char* shortText;
    const char* solarHijri;
};

const ZoneCase kZoneCases[] = {
    {"Year_Utc", TimePrecision::Year, DisplayZone::Utc, "2025", "2025", "1403–1404"},
    {"Year_Dushanbe", TimePrecision::Year, DisplayZone::Dushanbe, "2025", "2025", "1403–1404"},
    {"Year_Kabul", TimePrecision::Year, DisplayZone::Kabul, "2025", "2025", "1403–1404"},
    {"Month_Utc", TimePrecision::Month, DisplayZone::Utc, "December 2025", "2025-12",
     "Azar–Dey 1404"},
    {"Month_Dushanbe", TimePrecision::Month, DisplayZone::Dushanbe, "December 2025", "2025-12",
     "Azar–Dey 1404"},
    {"Month_Kabul", TimePrecision::Month, DisplayZone::Kabul, "December 2025", "2025-12",
     "Azar–Dey 1404"},
    {"Day_Utc", TimePrecision::Day, DisplayZone::Utc, "31 December 2025", "2025-12-31",
     "10 Dey 1404"},
    {"Day_Dushanbe", TimePrecision::Day, DisplayZone::Dushanbe, "31 December 2025", "2025-12-31",
     "10 Dey 1404"},
    {"Day_Kabul", TimePrecision::Day, DisplayZone::Kabul, "31 December 2025", "2025-12-31",
     "10 Dey 1404"},
    {"Minute_Utc", TimePrecision::Minute, DisplayZone::Utc, "31 December 2025, 20:15 UTC",
     "2025-12-31 20:15", "10 Dey 1404"},
    {"Minute_Dushanbe", TimePrecision::Minute, DisplayZone::Dushanbe,
     "1 January 2026, 01:15 Dushanbe (UTC+5)", "2026-01-01 01:15", "11 Dey 1404"},
    {"Minute_Kabul", TimePrecision::Minute, DisplayZone::Kabul,
     "1 January 2026, 00:45 Kabul (UTC+4:30)", "2026-01-01 00:45", "11 Dey 1404"},
};

class DateInZone : public ::testing::TestWithParam<ZoneCase> {};

} // namespace

TEST_P(DateInZone, LongShortAndSolarHijriForms)
{
    const ZoneCase& c = GetParam();
    const QDateTime at = utc(2025, 12, 31, 20, 15);
    EXPECT_EQ(dateText(at, c.precision, c.zone), QString::fromUtf8(c.longText));
    EXPECT_EQ(shortDateText(eventAt(at, c.precision), c.zone), QString::fromUtf8(c.shortText));
    EXPECT_EQ(solarHijriText(at, c.precision, c.zone), QString::fromUtf8(c.solarHijri));
    // The same instant given in another zone reads the same: the text starts from UTC.
    const QDateTime inTokyo = at.toTimeZone(QTimeZone::fromSecondsAheadOfUtc(9 * 3600));
    EXPECT_EQ(dateText(inTokyo, c.precision, c.zone), QString::fromUtf8(c.longText));
    EXPECT_EQ(shortDateText(eventAt(inTokyo, c.precision), c.zone), QString::fromUtf8(c.shortText));
}

INSTANTIATE_TEST_SUITE_P(EachPrecisionAndZone, DateInZone, ::testing::ValuesIn(kZoneCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(EventText, ZonesHaveTheirFixedOffsetsAndLabels)
{
    const QDateTime at = utc(2025, 6, 1, 12);
    EXPECT_EQ(timeZone(DisplayZone::Utc).offsetFromUtc(at), 0);
    EXPECT_EQ(timeZone(DisplayZone::Dushanbe).offsetFromUtc(at), 5 * 3600);
    EXPECT_EQ(timeZone(DisplayZone::Kabul).offsetFromUtc(at), 4 * 3600 + 30 * 60);
    EXPECT_EQ(zoneLabel(DisplayZone::Utc), QStringLiteral("UTC"));
    EXPECT_EQ(zoneLabel(DisplayZone::Dushanbe), QStringLiteral("Dushanbe (UTC+5)"));
    EXPECT_EQ(zoneLabel(DisplayZone::Kabul), QStringLiteral("Kabul (UTC+4:30)"));
    EXPECT_EQ(displayZoneFromInt(2), DisplayZone::Kabul);
    EXPECT_FALSE(displayZoneFromInt(3).has_value());
    EXPECT_FALSE(displayZoneFromInt(-1).has_value());
}

TEST(EventText, AnUnknownDateSaysSo)
{
    EXPECT_EQ(dateText(QDateTime(), TimePrecision::Day, DisplayZone::Utc),
              QStringLiteral("unknown date"));
    EXPECT_TRUE(shortDateText(Event{}, DisplayZone::Utc).isEmpty());
    EXPECT_TRUE(eventSolarHijriText(Event{}, DisplayZone::Utc).isEmpty());
}

TEST(EventText, AnExclusiveMidnightEndReadsAsTheLastDayOfTheEvent)
{
    Event e = eventAt(utc(2025, 11, 20, 17, 50), TimePrecision::Minute);
    e.end = utc(2025, 11, 22);
    EXPECT_EQ(eventDateText(e, DisplayZone::Utc),
              QStringLiteral("20 November 2025, 17:50 UTC – 21 November 2025"));
    EXPECT_EQ(eventSolarHijriText(e, DisplayZone::Utc),
              QStringLiteral("29 Aban 1404 – 30 Aban 1404 SH"));

    // A one-day event stored as [day, next day) reads as that one day.
    Event day = eventAt(utc(2024, 5, 2), TimePrecision::Day);
    day.end = utc(2024, 5, 3);
    EXPECT_EQ(eventDateText(day, DisplayZone::Utc), QStringLiteral("2 May 2024"));
    EXPECT_EQ(eventSolarHijriText(day, DisplayZone::Utc), QStringLiteral("13 Ordibehesht 1403 SH"));

    // An end with a time of day keeps it, in the chosen zone.
    Event timed = e;
    timed.end = utc(2025, 11, 21, 6, 15);
    EXPECT_EQ(eventDateText(timed, DisplayZone::Dushanbe),
              QStringLiteral("20 November 2025, 22:50 Dushanbe (UTC+5) – "
                             "21 November 2025, 11:15 Dushanbe (UTC+5)"));
}

TEST(EventText, SpansOfDaysAndEmptySpans)
{
    Event e = eventAt(utc(2024, 5, 2), TimePrecision::Day);
    e.end = utc(2024, 5, 5);
    EXPECT_EQ(eventDateText(e, DisplayZone::Kabul), QStringLiteral("2 May 2024 – 4 May 2024"));
    EXPECT_EQ(eventSolarHijriText(e, DisplayZone::Kabul),
              QStringLiteral("13 Ordibehesht 1403 – 15 Ordibehesht 1403 SH"));
    // A short table cell gives the start only; the span is in its tooltip (the long form).
    EXPECT_EQ(shortDateText(e, DisplayZone::Kabul), QStringLiteral("2024-05-02"));
    e.end = e.start;
    EXPECT_EQ(eventDateText(e, DisplayZone::Utc), QStringLiteral("2 May 2024"));
}

TEST(EventText, WindowsReadAsUtcCalendarDays)
{
    // A year-long window ends at midnight: its last day is 31 December.
    EXPECT_EQ(rangeText(secs(2024, 1, 1), secs(2025, 1, 1)),
              QStringLiteral("1 Jan 2024 – 31 Dec 2024"));
    EXPECT_EQ(lastDayText(secs(2025, 1, 1)), QStringLiteral("31 Dec 2024"));
    EXPECT_EQ(lastDayText(secs(2025, 1, 1, 12)), QStringLiteral("1 Jan 2025"));
    EXPECT_EQ(dayText(secs(2025, 11, 26, 23, 59)), QStringLiteral("26 Nov 2025"));
    // Within one day, or empty: one day.
    EXPECT_EQ(rangeText(secs(2024, 3, 5), secs(2024, 3, 6)), QStringLiteral("5 Mar 2024"));
    EXPECT_EQ(rangeText(secs(2024, 3, 5, 10), secs(2024, 3, 5, 14)), QStringLiteral("5 Mar 2024"));
    EXPECT_EQ(rangeText(secs(2024, 3, 5, 10), secs(2024, 3, 5, 10)), QStringLiteral("5 Mar 2024"));
    // Before 1970 (negative seconds).
    EXPECT_EQ(rangeText(secs(1969, 7, 20, 20, 17), secs(1969, 7, 22)),
              QStringLiteral("20 Jul 1969 – 21 Jul 1969"));
}

namespace {

struct ShCase {
    const char* name;
    QDate gregorian;
    TimePrecision precision;
    const char* text;
};

// Known pairs from published calendars (the Iranian official calendar; Afghanistan uses the same
// days with Dari month names), and the spans a coarse date covers.
const ShCase kShCases[] = {
    {"Nowruz1400", QDate(2021, 3, 21), TimePrecision::Day, "1 Farvardin 1400"},
    {"ShohinAttack", QDate(2025, 11, 26), TimePrecision::Day, "5 Azar 1404"},
    {"FallOfKabul", QDate(2021, 8, 15), TimePrecision::Day, "24 Mordad 1400"},
    {"Nowruz1403", QDate(2024, 3, 20), TimePrecision::Day, "1 Farvardin 1403"},
    {"LeapDayEsfand1403", QDate(2025, 3, 20), TimePrecision::Day, "30 Esfand 1403"},
    {"Nowruz1404", QDate(2025, 3, 21), TimePrecision::Day, "1 Farvardin 1404"},
    {"Bahman1357", QDate(1979, 2, 11), TimePrecision::Day, "22 Bahman 1357"},
    {"Millennium", QDate(2000, 1, 1), TimePrecision::Day, "11 Dey 1378"},
    {"Bahman1404", QDate(2026, 1, 29), TimePrecision::Day, "9 Bahman 1404"},
    {"MonthInOneYear", QDate(2024, 11, 1), TimePrecision::Month, "Aban–Azar 1403"},
    {"MonthAcrossNowruz", QDate(2025, 3, 1), TimePrecision::Month, "Esfand 1403 – Farvardin 1404"},
    {"Year", QDate(2024, 1, 1), TimePrecision::Year, "1402–1403"},
};

class SolarHijriText : public ::testing::TestWithParam<ShCase> {};

} // namespace

TEST_P(SolarHijriText, MatchesThePublishedCalendar)
{
    const ShCase& c = GetParam();
    const QDateTime utc = c.gregorian.startOfDay(QTimeZone::UTC);
    EXPECT_EQ(eventtext::solarHijriText(utc, c.precision, DisplayZone::Utc),
              QString::fromUtf8(c.text));
}

INSTANTIATE_TEST_SUITE_P(KnownDates, SolarHijriText, ::testing::ValuesIn(kShCases),
                         [](const auto& info) { return std::string(info.param.name); });
