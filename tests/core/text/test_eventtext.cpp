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
