// Timeline repaint with 1,000,000 synthetic events (issue 5: <= 8 ms at 1920 px wide).
// A TimelineWidget of 1920x300 on the offscreen platform, drawn with QWidget::render into an
// image (the paintEvent path), over the full extent and over a one-year window:
//  - Repaint:   the view did not change (hover, selection, window brush): cached lane contents.
//  - PanRepaint: the view moved by one pixel, so every lane is recomputed from the index.
//  - Uncached:  everything recomputed, the overview histogram of the whole dataset included.
#include "eventindex.h"
#include "eventstore.h"
#include "timelinewidget.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QApplication>
#include <QImage>
#include <QTimeZone>
#include <benchmark/benchmark.h>

#include <memory>
#include <random>

using namespace fa;

namespace {

constexpr int kEvents = 1'000'000;

qint64 utc(int y, int mo, int d)
{
    return QDateTime(QDate(y, mo, d), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
}

/// 1,000,000 events over 1996..2026: 70 % incidents, 20 % diplomatic, 10 % context; twelve
/// types; 4 % spans of up to a month; 4 % known only to the month, 1 % to the year.
const EventIndex& bigIndex()
{
    static const EventIndex index = [] {
        std::mt19937_64 rng(42);
        const qint64 from = utc(1996, 1, 1), to = utc(2026, 1, 1);
        std::uniform_int_distribution<qint64> when(from, to - 1);
        std::uniform_real_distribution<double> u(0, 1);
        const char* types[] = {
            "clash",     "drone attack", "armed attack", "smuggling interdiction",
            "closure",   "visit",        "meeting",      "phone call",
            "statement", "agreement",    "exercise",     "political change"};
        std::vector<IndexSourceRow> rows;
        rows.reserve(kEvents);
        for (int i = 0; i < kEvents; ++i) {
            IndexSourceRow r;
            r.rowid = i + 1;
            r.id = QUuid::createUuidV5(QUuid(), QString::number(i));
            r.startSecs = when(rng);
            r.endSecs = r.startSecs;
            const double f = u(rng);
            r.family = f < 0.7 ? Family::Incident : f < 0.9 ? Family::Diplomatic : Family::Context;
            const int typeBase = r.family == Family::Incident     ? 0
                                 : r.family == Family::Diplomatic ? 5
                                                                  : 9;
            r.eventType = QString::fromLatin1(types[typeBase + int(u(rng) * 3)]);
            const double p = u(rng);
            if (p < 0.04) {
                r.endSecs = r.startSecs + qint64(u(rng) * 30 * 86400);
            } else if (p < 0.08) {
                const QDate d = QDateTime::fromSecsSinceEpoch(r.startSecs, QTimeZone::UTC).date();
                r.startSecs = QDateTime(QDate(d.year(), d.month(), 1), QTime(0, 0), QTimeZone::UTC)
                                  .toSecsSinceEpoch();
                r.endSecs = r.startSecs;
                r.timePrecision = TimePrecision::Month;
            } else if (p < 0.09) {
                const QDate d = QDateTime::fromSecsSinceEpoch(r.startSecs, QTimeZone::UTC).date();
                r.startSecs = QDateTime(QDate(d.year(), 1, 1), QTime(0, 0), QTimeZone::UTC)
                                  .toSecsSinceEpoch();
                r.endSecs = r.startSecs;
                r.timePrecision = TimePrecision::Year;
            }
            r.longitude = 67 + u(rng) * 8;
            r.latitude = 35 + u(rng) * 4;
            r.casualties = int(u(rng) * 5);
            rows.push_back(std::move(r));
        }
        return EventIndex::fromRows(rows);
    }();
    return index;
}

struct Timeline {
    Timeline()
    {
        state.setData(nullptr, const_cast<EventIndex*>(&bigIndex()));
        widget = std::make_unique<TimelineWidget>(&state);
        widget->resize(1920, 300);
        image = QImage(widget->size(), QImage::Format_ARGB32_Premultiplied);
    }
    void render() { widget->render(&image); }
    ViewState state;
    std::unique_ptr<TimelineWidget> widget;
    QImage image;
};

void setView(Timeline& t, bool oneYear)
{
    if (oneYear) {
        t.widget->setVisibleRange(double(utc(2015, 1, 1)), double(utc(2016, 1, 1)));
        t.state.navigator()->setWindow(utc(2015, 3, 1), utc(2015, 6, 1));
    } else {
        t.widget->fitAll();
        t.state.navigator()->setWindow(utc(2010, 1, 1), utc(2012, 1, 1));
    }
}

void BM_TimelineRepaint(benchmark::State& st)
{
    Timeline t;
    setView(t, st.range(0) != 0);
    t.render();
    for (auto _ : st) {
        t.render();
        benchmark::DoNotOptimize(t.image.constBits());
    }
    st.SetLabel(st.range(0) ? "one-year window" : "full extent");
}

void BM_TimelinePanRepaint(benchmark::State& st)
{
    Timeline t;
    setView(t, st.range(0) != 0);
    t.render();
    double dx = 1;
    for (auto _ : st) {
        const double d = dx * (t.widget->visibleTo() - t.widget->visibleFrom()) / 1920;
        t.widget->setVisibleRange(t.widget->visibleFrom() + d, t.widget->visibleTo() + d);
        dx = -dx;
        t.render();
        benchmark::DoNotOptimize(t.image.constBits());
    }
    st.SetLabel(st.range(0) ? "one-year window" : "full extent");
}

void BM_TimelineUncachedRepaint(benchmark::State& st)
{
    Timeline t;
    setView(t, st.range(0) != 0);
    for (auto _ : st) {
        t.widget->painter().invalidate();
        t.render();
        benchmark::DoNotOptimize(t.image.constBits());
    }
    st.SetLabel(st.range(0) ? "one-year window" : "full extent");
}

/// Lanes by event type (twelve lanes, each a type-masked index query): after a pan.
void BM_TimelinePanRepaintByType(benchmark::State& st)
{
    Timeline t;
    t.widget->setLaneMode(TimelineLaneMode::EventType);
    setView(t, st.range(0) != 0);
    t.render();
    double dx = 1;
    for (auto _ : st) {
        const double d = dx * (t.widget->visibleTo() - t.widget->visibleFrom()) / 1920;
        t.widget->setVisibleRange(t.widget->visibleFrom() + d, t.widget->visibleTo() + d);
        dx = -dx;
        t.render();
        benchmark::DoNotOptimize(t.image.constBits());
    }
    st.SetLabel(st.range(0) ? "one-year window, lanes by type" : "full extent, lanes by type");
}

BENCHMARK(BM_TimelineRepaint)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimelinePanRepaint)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimelineUncachedRepaint)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimelinePanRepaintByType)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
