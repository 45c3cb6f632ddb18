#include "indexsourcerow.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;

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
