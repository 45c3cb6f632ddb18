// How dates of events read: exclusive ends shown as the last day the event ran.
#include "eventtext.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;
using fa::eventtext::eventDateText;

TEST(EventText, AnExclusiveMidnightEndReadsAsTheLastDayOfTheEvent)
{
    Event e;
    e.start = QDateTime(QDate(2025, 11, 20), QTime(17, 50), QTimeZone::UTC);
    e.timePrecision = TimePrecision::Minute;
    e.end = QDateTime(QDate(2025, 11, 22), QTime(0, 0), QTimeZone::UTC);
    const QString text = eventDateText(e, DisplayZone::Utc);
    EXPECT_TRUE(text.contains(QStringLiteral("21 November 2025"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("22 November"))) << text.toStdString();

    // A one-day event stored as [day, next day) reads as that one day.
    Event day;
    day.start = QDateTime(QDate(2024, 5, 2), QTime(0, 0), QTimeZone::UTC);
    day.end = QDateTime(QDate(2024, 5, 3), QTime(0, 0), QTimeZone::UTC);
    EXPECT_EQ(eventDateText(day, DisplayZone::Utc), QStringLiteral("2 May 2024"));

    // An end with a time of day keeps it.
    Event timed = e;
    timed.end = QDateTime(QDate(2025, 11, 21), QTime(6, 15), QTimeZone::UTC);
    EXPECT_TRUE(
        eventDateText(timed, DisplayZone::Utc).contains(QStringLiteral("21 November 2025, 06:15")));
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
