#include "event.h"

#include <gtest/gtest.h>

using namespace fa;

TEST(EventNames, RoundTripEveryEnumValue)
{
    for (Family f : {Family::Incident, Family::Diplomatic, Family::Context})
        EXPECT_EQ(familyFromString(toString(f)), f);
    for (TimePrecision p :
         {TimePrecision::Year, TimePrecision::Month, TimePrecision::Day, TimePrecision::Minute})
        EXPECT_EQ(timePrecisionFromString(toString(p)), p);
    for (CoordPrecision p : {CoordPrecision::Exact, CoordPrecision::Settlement,
                             CoordPrecision::District, CoordPrecision::Region})
        EXPECT_EQ(coordPrecisionFromString(toString(p)), p);
    for (Confidence c : {Confidence::Confirmed, Confidence::Reported, Confidence::Disputed})
        EXPECT_EQ(confidenceFromString(toString(c)), c);
    EXPECT_EQ(familyFromString(QStringLiteral(" Diplomatic ")), Family::Diplomatic);
    EXPECT_FALSE(familyFromString(QStringLiteral("battle")).has_value());
}

TEST(EventCasualties, UnknownIsNotZeroButCountsAsZeroForSizing)
{
    Event e;
    EXPECT_FALSE(e.killed.has_value());
    e.injured = 4;
    EXPECT_EQ(knownCasualties(e), 4);
    e.killed = 0;
    EXPECT_TRUE(e.killed.has_value());
}
