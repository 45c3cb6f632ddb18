// TimeScale: the pure time <-> pixel maths and calendar ticks of the timeline.
#include "timescale.h"

#include <QDateTime>
#include <QTimeZone>
#include <gtest/gtest.h>

#include <cmath>

using namespace fa;
using Unit = TimeScale::Unit;
using Step = TimeScale::Step;

namespace {

qint64 utc(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::UTC).toSecsSinceEpoch();
}

constexpr double kHour = 3600, kDay = 86400, kYear = 365.2425 * 86400;

} // namespace

TEST(TimeScale, MapsTimesToPixelsAndBack)
{
    const TimeScale s(double(utc(2020, 1, 1)), double(utc(2021, 1, 1)), 100, 732);
    EXPECT_DOUBLE_EQ(s.xOf(double(utc(2020, 1, 1))), 100);
    EXPECT_DOUBLE_EQ(s.xOf(double(utc(2021, 1, 1))), 832);
    EXPECT_NEAR(s.xOf(double(utc(2020, 7, 2))), 100 + 183 * 2, 1e-9); // 2020 is a leap year
    for (double x : {100.0, 250.5, 831.0, -50.0, 2000.0})
        EXPECT_NEAR(s.xOf(s.secsAt(x)), x, 1e-6);
}

TEST(TimeScale, DegenerateInputsNeverDivideByZero)
{
    const TimeScale s(500, 500, 0, 0);
    EXPECT_GE(s.spanSecs(), 1.0);
    EXPECT_GE(s.width(), 1.0);
    EXPECT_TRUE(std::isfinite(s.xOf(1000)));
    const TimeScale swapped(2000, 1000, 0, 100);
    EXPECT_EQ(swapped.fromSecs(), 1000);
    EXPECT_EQ(swapped.toSecs(), 2000);
}

struct ZoomCase {
    double x;
    double factor;
};
class TimeScaleZoom : public ::testing::TestWithParam<ZoomCase> {};

TEST_P(TimeScaleZoom, KeepsTheTimeUnderTheCursor)
{
    const TimeScale s(double(utc(2000, 1, 1)), double(utc(2010, 1, 1)), 40, 1000);
    const double before = s.secsAt(GetParam().x);
    const TimeScale z = s.zoomedAround(GetParam().x, GetParam().factor);
    EXPECT_NEAR(z.secsAt(GetParam().x), before, 1e-3);
    EXPECT_NEAR(z.spanSecs(), s.spanSecs() / GetParam().factor, 1e-3);
    EXPECT_EQ(z.left(), 40);
    EXPECT_EQ(z.width(), 1000);
}
INSTANTIATE_TEST_SUITE_P(Factors, TimeScaleZoom,
                         ::testing::Values(ZoomCase{40, 2}, ZoomCase{540, 1.25},
                                           ZoomCase{1039, 0.8}, ZoomCase{300, 10},
                                           ZoomCase{700, 0.5}));

TEST(TimeScale, ZoomIsClampedBetweenHoursAndCenturies)
{
    TimeScale s(0, 10 * kDay, 0, 1000);
    for (int i = 0; i < 40; ++i)
        s = s.zoomedAround(500, 4);
    EXPECT_NEAR(s.spanSecs(), TimeScale::kMinSpanSecs, 1e-6);
    for (int i = 0; i < 40; ++i)
        s = s.zoomedAround(500, 0.25);
    EXPECT_NEAR(s.spanSecs(), TimeScale::kMaxSpanSecs, 1);
}

TEST(TimeScale, PanMovesContentWithTheMouse)
{
    const TimeScale s(0, 1000, 0, 100); // 10 s per pixel
    const TimeScale p = s.pannedBy(20);
    EXPECT_DOUBLE_EQ(p.fromSecs(), -200);
    EXPECT_DOUBLE_EQ(p.toSecs(), 800);
    EXPECT_DOUBLE_EQ(p.xOf(500), s.xOf(500) + 20);
    const TimeScale c = s.centredOn(5000);
    EXPECT_DOUBLE_EQ(c.fromSecs(), 4500);
    EXPECT_DOUBLE_EQ(c.spanSecs(), 1000);
}

// Which step the axis picks at a given zoom (seconds per pixel) with 48 px between labels.
struct StepCase {
    double secsPerPixel;
    Step expected;
};
class TimeScaleStep : public ::testing::TestWithParam<StepCase> {};

TEST_P(TimeScaleStep, ChoosesTheFinestStepThatFits)
{
    const Step s = TimeScale::chooseStep(GetParam().secsPerPixel, 48);
    EXPECT_EQ(s.unit, GetParam().expected.unit);
    EXPECT_EQ(s.count, GetParam().expected.count);
    if (GetParam().secsPerPixel < kYear * 10) { // beyond that even a century is too narrow
        EXPECT_GE(s.approxSecs() / GetParam().secsPerPixel, 48);
    }
}
INSTANTIATE_TEST_SUITE_P(
    Zooms, TimeScaleStep,
    ::testing::Values(StepCase{kHour / 60, {Unit::Hour, 1}},       // a day over 1440 px
                      StepCase{kHour / 48, {Unit::Hour, 1}},       // exactly 48 px an hour
                      StepCase{kHour / 20, {Unit::Hour, 3}},       // 20 px an hour
                      StepCase{kHour / 10, {Unit::Hour, 6}},       // 10 px an hour
                      StepCase{kHour / 5, {Unit::Hour, 12}},       // 5 px an hour
                      StepCase{kDay / 60, {Unit::Day, 1}},         // 60 px a day
                      StepCase{kDay / 30, {Unit::Day, 2}},         // 30 px a day
                      StepCase{kDay / 12, {Unit::Day, 5}},         // 12 px a day
                      StepCase{kDay / 6, {Unit::Day, 10}},         // 6 px a day
                      StepCase{kDay / 2, {Unit::Month, 1}},        // a year over 730 px
                      StepCase{kDay, {Unit::Month, 3}},            // a year over 365 px
                      StepCase{kDay * 2.5, {Unit::Month, 6}},      // a year over 146 px
                      StepCase{kYear / 60, {Unit::Year, 1}},       // 60 px a year
                      StepCase{kYear / 30, {Unit::Year, 2}},       // 30 px a year
                      StepCase{kYear / 15, {Unit::Year, 5}},       // 15 px a year
                      StepCase{kYear / 6, {Unit::Year, 10}},       // decades
                      StepCase{kYear / 3, {Unit::Year, 20}},       // 3 px a year
                      StepCase{kYear, {Unit::Year, 50}},           // a year per pixel
                      StepCase{kYear * 2, {Unit::Year, 100}},      // two years per pixel
                      StepCase{kYear * 1000, {Unit::Year, 100}})); // beyond: the coarsest

TEST(TimeScale, MinorStepsNestInsideTheMajorOnes)
{
    const Step decade{Unit::Year, 10};
    EXPECT_EQ(TimeScale::chooseMinorStep(decade, kYear / 10, 8), (Step{Unit::Year, 1}));
    // Half-years nest decades too: the finest step that fits wins.
    EXPECT_EQ(TimeScale::chooseMinorStep(decade, kYear / 20, 8), (Step{Unit::Month, 6}));
    EXPECT_EQ(TimeScale::chooseMinorStep(decade, kYear / 3, 8), (Step{Unit::Year, 5}));
    const Step quarter{Unit::Month, 3};
    EXPECT_EQ(TimeScale::chooseMinorStep(quarter, kDay, 8), (Step{Unit::Day, 10}));
    EXPECT_EQ(TimeScale::chooseMinorStep(quarter, kDay * 3, 8), (Step{Unit::Month, 1}));
    // Nothing finer fits: the major step itself.
    EXPECT_EQ(TimeScale::chooseMinorStep(Step{Unit::Hour, 1}, 60, 8), (Step{Unit::Hour, 1}));
    // Five years never nest a two-year step (2015 is not even).
    EXPECT_EQ(TimeScale::chooseMinorStep(Step{Unit::Year, 5}, kYear / 6, 8), (Step{Unit::Year, 5}));
}

// Ticks over a view: the first few labels and their calendar alignment.
struct TickCase {
    qint64 from, to;
    Step step;
    QStringList firstLabels;
    qint64 firstSecs;
};
class TimeScaleTicks : public ::testing::TestWithParam<TickCase> {};

TEST_P(TimeScaleTicks, AreCalendarAlignedAndLabelled)
{
    const TickCase& c = GetParam();
    const TimeScale s(double(c.from), double(c.to), 0, 1000);
    const auto ticks = s.ticks(c.step);
    ASSERT_GE(ticks.size(), size_t(c.firstLabels.size()));
    EXPECT_EQ(ticks.front().secs, c.firstSecs);
    EXPECT_LE(ticks.front().secs, c.from);
    EXPECT_GE(ticks.back().secs, c.to - qint64(c.step.approxSecs() * 1.2));
    for (int i = 0; i < c.firstLabels.size(); ++i)
        EXPECT_EQ(ticks[size_t(i)].label, c.firstLabels[i]) << "tick " << i;
    for (size_t i = 1; i < ticks.size(); ++i) {
        EXPECT_GT(ticks[i].secs, ticks[i - 1].secs);
        EXPECT_NEAR(ticks[i].x, s.xOf(double(ticks[i].secs)), 1e-9);
    }
}
INSTANTIATE_TEST_SUITE_P(
    Views, TimeScaleTicks,
    ::testing::Values(TickCase{utc(1973, 5, 1),
                               utc(2024, 1, 1),
                               {Unit::Year, 10},
                               {"1970", "1980", "1990", "2000", "2010", "2020"},
                               utc(1970, 1, 1)},
                      TickCase{utc(2021, 6, 22),
                               utc(2026, 1, 29),
                               {Unit::Year, 1},
                               {"2021", "2022", "2023", "2024"},
                               utc(2021, 1, 1)},
                      TickCase{utc(2024, 2, 10),
                               utc(2024, 12, 1),
                               {Unit::Month, 3},
                               {"Jan", "Apr", "Jul", "Oct"},
                               utc(2024, 1, 1)},
                      TickCase{utc(2024, 11, 15),
                               utc(2025, 2, 1),
                               {Unit::Month, 1},
                               {"Nov", "Dec", "Jan", "Feb"},
                               utc(2024, 11, 1)},
                      // Ten-day steps: 1, 11, 21 each month (the 31st would crowd the next 1st).
                      TickCase{utc(2024, 1, 25),
                               utc(2024, 3, 5),
                               {Unit::Day, 10},
                               {"21", "1", "11", "21", "1"},
                               utc(2024, 1, 21)},
                      // Two-day steps skip the 31st and restart on the 1st.
                      TickCase{utc(2024, 3, 28),
                               utc(2024, 4, 6),
                               {Unit::Day, 2},
                               {"27", "29", "1", "3", "5"},
                               utc(2024, 3, 27)},
                      // Leap February with five-day steps: 26 then 1 March.
                      TickCase{utc(2024, 2, 20),
                               utc(2024, 3, 8),
                               {Unit::Day, 5},
                               {"16", "21", "26", "1", "6"},
                               utc(2024, 2, 16)},
                      TickCase{utc(2024, 3, 12, 7, 30),
                               utc(2024, 3, 13, 2),
                               {Unit::Hour, 6},
                               {"06:00", "12:00", "18:00", "00:00"},
                               utc(2024, 3, 12, 6)},
                      TickCase{utc(2024, 3, 12, 7, 30),
                               utc(2024, 3, 12, 11),
                               {Unit::Hour, 1},
                               {"07:00", "08:00", "09:00", "10:00", "11:00"},
                               utc(2024, 3, 12, 7)},
                      // Before the epoch: negative seconds floor correctly.
                      TickCase{utc(1955, 6, 1),
                               utc(1969, 12, 31),
                               {Unit::Year, 5},
                               {"1955", "1960", "1965"},
                               utc(1955, 1, 1)}));

TEST(TimeScale, ContextLabelsNameTheCoarserUnit)
{
    Step ctx;
    ASSERT_TRUE(TimeScale::contextStep({Unit::Day, 2}, ctx));
    EXPECT_EQ(ctx, (Step{Unit::Month, 1}));
    EXPECT_EQ(TimeScale::contextLabel(utc(2024, 3, 1), ctx), QStringLiteral("March 2024"));
    ASSERT_TRUE(TimeScale::contextStep({Unit::Hour, 3}, ctx));
    EXPECT_EQ(TimeScale::contextLabel(utc(2024, 3, 12), ctx), QStringLiteral("Tue 12 Mar 2024"));
    ASSERT_TRUE(TimeScale::contextStep({Unit::Month, 6}, ctx));
    EXPECT_EQ(TimeScale::contextLabel(utc(2021, 1, 1), ctx), QStringLiteral("2021"));
    EXPECT_FALSE(TimeScale::contextStep({Unit::Year, 1}, ctx));
}

TEST(TimeScale, TickCountIsBoundedForAbsurdViews)
{
    const TimeScale s(-1e15, 1e15, 0, 100);
    EXPECT_LE(s.ticks({Unit::Hour, 1}, 500).size(), 500u);
}
