// The map's marker pipeline at 1,000,000 events (offscreen QApplication): how long the marker
// model takes to follow a pan or a zoom, how long a brush or filter change takes to reach the
// marker model and the counts the status bar shows, how many marker items exist at most, what
// the QML delegates' reads of every row's look cost, and one hover hit test.
#include "eventindex.h"
#include "eventstore.h"
#include "filterresolver.h"
#include "markermodel.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QApplication>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace fa;

namespace {

constexpr int kEvents = 1'000'000;
constexpr qint64 k2021 = 1609459200; // 2021-01-01 UTC
constexpr qint64 k2026 = 1767225600; // 2026-01-01 UTC
constexpr qint64 kYear = 365 * 86400;

/// Events along the frontier, denser near a few hot spots (as real data is), 2021-2026.
EventIndex& sharedIndex()
{
    static EventIndex index = [] {
        std::mt19937_64 rng(42);
        std::uniform_real_distribution<double> u(0, 1);
        std::normal_distribution<double> spread(0, 0.25);
        const double hot[][2] = {{37.1, 68.9}, {37.5, 71.5}, {36.7, 70.9}, {38.0, 70.3}};
        std::vector<IndexSourceRow> rows;
        rows.reserve(kEvents);
        for (int i = 0; i < kEvents; ++i) {
            IndexSourceRow r;
            r.rowid = i + 1;
            r.id = QUuid::createUuidV5(QUuid(), QByteArray::number(i));
            r.startSecs = r.endSecs = k2021 + qint64(u(rng) * double(k2026 - k2021));
            if (u(rng) < 0.6) {
                const auto& h = hot[i % 4];
                r.latitude = std::clamp(h[0] + spread(rng), 34.0, 42.0);
                r.longitude = std::clamp(h[1] + spread(rng), 64.0, 78.0);
            } else {
                r.latitude = 34.0 + 8.0 * u(rng);
                r.longitude = 64.0 + 14.0 * u(rng);
            }
            r.family = Family(i % 3);
            r.eventType = QStringLiteral("type %1").arg(i % 12);
            r.casualties = int(u(rng) * 6);
            rows.push_back(std::move(r));
        }
        return EventIndex::fromRows(rows);
    }();
    return index;
}

struct Pipeline {
    Pipeline() : model(&state)
    {
        state.setData(nullptr, &sharedIndex());
        state.navigator()->setExtent(k2021, k2026);
        state.navigator()->setWindow(k2026 - kYear, k2026);
        view(37.3, 70.0, 7);
    }
    void view(double lat, double lon, double zoom)
    {
        MercatorView v;
        v.centerLat = lat;
        v.centerLon = lon;
        v.zoom = zoom;
        v.width = 1920;
        v.height = 1080;
        model.setViewport(v);
        model.refreshNow();
        maxItems = std::max(maxItems, model.rowCount());
    }
    ViewState state;
    MarkerModel model;
    int maxItems = 0;
};

void report(benchmark::State& st, const Pipeline& p)
{
    st.counters["marker_items_max"] = p.maxItems;
    st.counters["marker_items_last"] = p.model.rowCount();
    st.counters["shown"] = double(p.model.matchingCount());
}

void BM_MarkerPan(benchmark::State& st)
{
    Pipeline p;
    const double zoom = double(st.range(0));
    int i = 0;
    for (auto _ : st) {
        // 150 px steps to the east and back: new cells enter, old ones leave.
        const double dx = (i++ % 8 < 4 ? i % 4 : 4 - i % 4) * 150.0;
        const double lon = MercatorView::lonFromWorldX(MercatorView::worldX(70.0, zoom) + dx, zoom);
        p.view(37.3, lon, zoom);
    }
    report(st, p);
}
BENCHMARK(BM_MarkerPan)->Arg(5)->Arg(7)->Arg(9)->Arg(11)->Unit(benchmark::kMillisecond);

void BM_MarkerZoom(benchmark::State& st)
{
    Pipeline p;
    int i = 0;
    for (auto _ : st)
        p.view(37.3, 70.0, 6.0 + (i++ % 6) * 0.75); // wheel steps in and out
    report(st, p);
}
BENCHMARK(BM_MarkerZoom)->Unit(benchmark::kMillisecond);

void BM_BrushReachesMarkersAndCounts(benchmark::State& st)
{
    Pipeline p;
    const qint64 len = st.range(0) * 86400;
    int i = 0;
    for (auto _ : st) {
        // A brush drag: the window slides a week per step.
        const qint64 from = k2021 + (i++ % 200) * 7 * 86400;
        p.state.navigator()->setWindow(from, from + len);
        p.model.refreshNow(); // what the 0 ms timer does on the next event loop pass
        benchmark::DoNotOptimize(p.model.matchingCount());
    }
    report(st, p);
}
BENCHMARK(BM_BrushReachesMarkersAndCounts)
    ->Arg(30)
    ->Arg(365)
    ->Arg(5 * 365)
    ->Unit(benchmark::kMillisecond);

void BM_FilterReachesMarkersAndCounts(benchmark::State& st)
{
    Pipeline p;
    p.state.navigator()->resetWindow(); // the whole five years
    int i = 0;
    for (auto _ : st) {
        EventFilter f;
        if (i % 3 == 1)
            f.families = {Family::Incident};
        else if (i % 3 == 2)
            f.minCasualties = 3;
        ++i;
        p.state.setFilter(f);
        p.model.refreshNow();
        benchmark::DoNotOptimize(p.model.matchingCount());
    }
    report(st, p);
}
BENCHMARK(BM_FilterReachesMarkersAndCounts)->Unit(benchmark::kMillisecond);

void BM_MarkerLooksRead(benchmark::State& st)
{
    // After an update, every delegate reads its row's look and stacking order once.
    Pipeline p;
    p.view(37.3, 70.0, 9);
    for (auto _ : st) {
        for (int r = 0; r < p.model.rowCount(); ++r) {
            const QModelIndex ix = p.model.index(r);
            benchmark::DoNotOptimize(ix.data(MarkerModel::LookRole));
            benchmark::DoNotOptimize(ix.data(MarkerModel::StackingRole));
        }
    }
    report(st, p);
}
BENCHMARK(BM_MarkerLooksRead)->Unit(benchmark::kMillisecond);

void BM_MarkerHitTest(benchmark::State& st)
{
    // A pointer moving over the map: one hit test per mouse move, over every row.
    Pipeline p;
    p.view(37.3, 70.0, 9);
    int i = 0;
    for (auto _ : st) {
        benchmark::DoNotOptimize(p.model.markerAt(37.0 * (i % 50), 19.0 * (i % 55)));
        ++i;
    }
    report(st, p);
}
BENCHMARK(BM_MarkerHitTest)->Unit(benchmark::kMicrosecond);

void BM_MarkerItemsWorstCase(benchmark::State& st)
{
    // A 4K-wide map over the densest zoom levels: the bound must hold whatever the view.
    Pipeline p;
    p.state.navigator()->resetWindow();
    for (auto _ : st) {
        for (double z = 3; z <= 14; z += 0.5) {
            MercatorView v;
            v.centerLat = 37.3;
            v.centerLon = 70.0;
            v.zoom = z;
            v.width = 3840;
            v.height = 2160;
            p.model.setViewport(v);
            p.model.refreshNow();
            p.maxItems = std::max(p.maxItems, p.model.rowCount());
        }
    }
    report(st, p);
    st.counters["limit"] = MarkerModel::kMaxItems;
}
BENCHMARK(BM_MarkerItemsWorstCase)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("building the index of %d events...\n", kEvents);
    sharedIndex();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
