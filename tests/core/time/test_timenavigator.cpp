// TimeNavigator: every call is followed by a count of every signal, so that a setter that
// emits without a real change (or forgets to emit) fails here.
#include "timenavigator.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace fa;

namespace {

/// One spy per signal of the navigator.
struct Spies {
    explicit Spies(TimeNavigator& n)
        : window(&n, &TimeNavigator::windowChanged), extent(&n, &TimeNavigator::extentChanged),
          mode(&n, &TimeNavigator::modeChanged), playing(&n, &TimeNavigator::playingChanged),
          step(&n, &TimeNavigator::stepChanged), speed(&n, &TimeNavigator::speedChanged)
    {
    }
    QSignalSpy window, extent, mode, playing, step, speed;

    /// Counts since the last call, in the order window, extent, mode, playing, step, speed.
    std::vector<qsizetype> take()
    {
        std::vector<qsizetype> n;
        for (QSignalSpy* s : {&window, &extent, &mode, &playing, &step, &speed}) {
            n.push_back(s->count());
            s->clear();
        }
        return n;
    }
};

using Counts = std::vector<qsizetype>;
const Counts kNone{0, 0, 0, 0, 0, 0};
const Counts kWindow{1, 0, 0, 0, 0, 0};
const Counts kExtent{0, 1, 0, 0, 0, 0};
const Counts kPlaying{0, 0, 0, 1, 0, 0};
const Counts kStep{0, 0, 0, 0, 1, 0};
const Counts kSpeed{0, 0, 0, 0, 0, 1};

std::pair<qint64, qint64> windowOf(const TimeNavigator& n)
{
    return {n.windowFrom(), n.windowTo()};
}

} // namespace

TEST(TimeNavigator, DefaultsAreAValidOneSecondWindow)
{
    TimeNavigator n;
    EXPECT_LT(n.windowFrom(), n.windowTo());
    EXPECT_LT(n.extentFrom(), n.extentTo());
    EXPECT_EQ(n.mode(), TimeNavigator::Mode::Sliding);
    EXPECT_FALSE(n.isPlaying());
    EXPECT_GE(n.stepSecs(), 1);
    EXPECT_EQ(n.tickIntervalMs(), 500);
}

TEST(TimeNavigator, SetWindowEmitsOnlyOnRealChange)
{
    TimeNavigator n;
    Spies s(n);
    n.setWindow(100, 200);
    EXPECT_EQ(s.window.count(), 1);
    EXPECT_EQ(s.window.at(0).at(0).toLongLong(), 100);
    EXPECT_EQ(s.window.at(0).at(1).toLongLong(), 200);
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(100), qint64(200)));

    n.setWindow(100, 200); // same window: silence
    EXPECT_EQ(s.take(), kNone);
    n.setWindow(200, 100); // reversed is swapped, which is the same window again
    EXPECT_EQ(s.take(), kNone);
    n.setWindow(100, 201);
    EXPECT_EQ(s.take(), kWindow);
    n.setWindow(300, 250); // swapped
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(250), qint64(300)));
    n.setWindow(400, 400); // empty becomes one second
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(400), qint64(401)));
    n.setWindow(400, 401);
    EXPECT_EQ(s.take(), kNone);
}

TEST(TimeNavigator, SetExtentEmitsOnlyOnRealChangeAndLeavesTheWindow)
{
    TimeNavigator n;
    n.setWindow(10, 20);
    Spies s(n);
    n.setExtent(0, 1000);
    EXPECT_EQ(s.extent.count(), 1);
    EXPECT_EQ(s.extent.at(0).at(0).toLongLong(), 0);
    EXPECT_EQ(s.extent.at(0).at(1).toLongLong(), 1000);
    EXPECT_EQ(s.take(), kExtent);
    n.setExtent(0, 1000);
    EXPECT_EQ(s.take(), kNone);
    n.setExtent(1000, 0);
    EXPECT_EQ(s.take(), kNone);
    n.setExtent(5, 5);
    EXPECT_EQ(s.take(), kExtent);
    EXPECT_EQ(n.extentFrom(), 5);
    EXPECT_EQ(n.extentTo(), 6);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(10), qint64(20)));
}

TEST(TimeNavigator, ResetWindowFitsTheExtent)
{
    TimeNavigator n;
    n.setExtent(1000, 5000);
    n.setWindow(1200, 1300);
    Spies s(n);
    n.resetWindow();
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(1000), qint64(5000)));
    n.resetWindow();
    EXPECT_EQ(s.take(), kNone);
}

TEST(TimeNavigator, CumulativeModeStartsTheEffectiveWindowAtTheExtent)
{
    TimeNavigator n;
    n.setExtent(1000, 5000);
    n.setWindow(3000, 4000);
    Spies s(n);
    EXPECT_EQ(n.effectiveFrom(), 3000);

    n.setMode(TimeNavigator::Mode::Cumulative);
    // The mode changed and, with it, the effective window: both announced once.
    EXPECT_EQ(s.take(), (Counts{1, 0, 1, 0, 0, 0}));
    EXPECT_EQ(n.mode(), TimeNavigator::Mode::Cumulative);
    EXPECT_EQ(n.effectiveFrom(), 1000);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(3000), qint64(4000))); // window itself kept

    n.setMode(TimeNavigator::Mode::Cumulative);
    EXPECT_EQ(s.take(), kNone);

    // A window starting before the extent keeps its own start.
    n.setWindow(500, 800);
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(n.effectiveFrom(), 500);

    n.setMode(TimeNavigator::Mode::Sliding);
    EXPECT_EQ(s.take(), (Counts{1, 0, 1, 0, 0, 0}));
    n.setWindow(3000, 4000);
    s.take();
    EXPECT_EQ(n.effectiveFrom(), 3000);
}

TEST(TimeNavigator, StepAndSpeedSettersEmitOnlyOnRealChange)
{
    TimeNavigator n;
    n.setWindow(0, 1000);
    Spies s(n);
    EXPECT_EQ(n.stepSecs(), 100); // default: a tenth of the window

    n.setStepSecs(250);
    EXPECT_EQ(s.take(), kStep);
    EXPECT_EQ(n.stepSecs(), 250);
    n.setStepSecs(250);
    EXPECT_EQ(s.take(), kNone);
    n.setStepSecs(-5); // negative: back to automatic (0)
    EXPECT_EQ(s.take(), kStep);
    EXPECT_EQ(n.stepSecs(), 100);
    n.setStepSecs(0);
    EXPECT_EQ(s.take(), kNone);

    n.setWindow(0, 5); // automatic step never drops below one second
    s.take();
    EXPECT_EQ(n.stepSecs(), 1);

    n.setTickIntervalMs(100);
    EXPECT_EQ(s.take(), kSpeed);
    EXPECT_EQ(n.tickIntervalMs(), 100);
    n.setTickIntervalMs(100);
    EXPECT_EQ(s.take(), kNone);
    n.setTickIntervalMs(1); // clamped to 16
    EXPECT_EQ(s.take(), kSpeed);
    EXPECT_EQ(n.tickIntervalMs(), 16);
    n.setTickIntervalMs(5); // clamps to the same 16: no change
    EXPECT_EQ(s.take(), kNone);
    n.setTickIntervalMs(1000000);
    EXPECT_EQ(s.take(), kSpeed);
    EXPECT_EQ(n.tickIntervalMs(), 10000);
}

TEST(TimeNavigator, PlayPauseToggleEmitOnlyOnRealChange)
{
    TimeNavigator n;
    Spies s(n);
    n.play();
    EXPECT_TRUE(n.isPlaying());
    EXPECT_EQ(s.playing.count(), 1);
    EXPECT_TRUE(s.playing.at(0).at(0).toBool());
    EXPECT_EQ(s.take(), kPlaying);
    n.play();
    EXPECT_EQ(s.take(), kNone);
    n.pause();
    EXPECT_FALSE(n.isPlaying());
    EXPECT_EQ(s.playing.count(), 1);
    EXPECT_FALSE(s.playing.at(0).at(0).toBool());
    EXPECT_EQ(s.take(), kPlaying);
    n.pause();
    EXPECT_EQ(s.take(), kNone);
    n.togglePlay();
    EXPECT_TRUE(n.isPlaying());
    EXPECT_EQ(s.take(), kPlaying);
    n.togglePlay();
    EXPECT_FALSE(n.isPlaying());
    EXPECT_EQ(s.take(), kPlaying);
}

TEST(TimeNavigator, SteppingSlidesTheWindowAndWrapsAtTheEnd)
{
    TimeNavigator n;
    n.setExtent(0, 100);
    n.setWindow(0, 10);
    n.setStepSecs(30);
    Spies s(n);

    n.stepForward();
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(30), qint64(40)));
    n.stepForward();
    n.stepForward();
    EXPECT_EQ(s.take(), (Counts{2, 0, 0, 0, 0, 0}));
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(90), qint64(100))); // length kept
    n.stepForward(); // 120 is past the end: wraps to the extent's start (looping by default)
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(0), qint64(10)));

    n.stepBackward(); // already at the start: clamped there, so nothing changes
    EXPECT_EQ(s.take(), kNone);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(0), qint64(10)));

    n.setWindow(50, 60);
    s.take();
    n.stepBackward();
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(20), qint64(30)));
    n.stepBackward(); // would end before the extent: clamped to its start
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(0), qint64(10)));
}

TEST(TimeNavigator, WithoutLoopingSteppingPastTheEndStopsPlayback)
{
    TimeNavigator n;
    n.setExtent(0, 100);
    n.setWindow(60, 70);
    n.setStepSecs(30);
    n.setLooping(false);
    n.play();
    Spies s(n);

    n.stepForward();
    EXPECT_EQ(s.take(), kWindow);
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(90), qint64(100)));
    n.stepForward(); // past the end: playback stops, the window stays
    EXPECT_EQ(s.take(), kPlaying);
    EXPECT_FALSE(n.isPlaying());
    EXPECT_EQ(windowOf(n), std::make_pair(qint64(90), qint64(100)));
    n.stepForward(); // again: nothing left to stop, nothing moves
    EXPECT_EQ(s.take(), kNone);
}

TEST(TimeNavigator, PlaybackTicksMoveTheWindowByTheStep)
{
    TimeNavigator n;
    n.setExtent(0, 1000);
    n.setWindow(0, 100);
    n.setStepSecs(400);
    n.setTickIntervalMs(16);
    Spies s(n);
    n.play();
    EXPECT_EQ(s.take(), kPlaying);

    // Three ticks: 400, 800, then past the end and back to the start.
    const std::pair<qint64, qint64> expected[] = {{400, 500}, {800, 900}, {0, 100}};
    for (const auto& w : expected) {
        ASSERT_TRUE(s.window.wait(5000));
        ASSERT_EQ(s.window.count(), 1);
        EXPECT_EQ(s.window.at(0).at(0).toLongLong(), w.first);
        EXPECT_EQ(s.window.at(0).at(1).toLongLong(), w.second);
        s.window.clear();
    }
    n.pause();
    EXPECT_FALSE(n.isPlaying());
    EXPECT_EQ(s.playing.count(), 1);
}
