// The panels at 1,000,000 events (offscreen QApplication): how long the event table takes to
// follow a filter or window change and a sort, to find the selected event, and to show a
// screenful of rows; how long the filter panel takes to recount its families and types.
// The index holds 1,000,000 synthetic events; the store holds one event per type (the panels
// list types from the store) plus 2,000 real events for the row-reading benchmark.
#include "eventindex.h"
#include "eventstore.h"
#include "eventtablemodel.h"
#include "filterpanel.h"
#include "indexsourcerow.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

#include <random>

using namespace fa;

namespace {

constexpr int kEvents = 1'000'000;
constexpr int kTypes = 12;
constexpr qint64 k2021 = 1609459200; // 2021-01-01 UTC
constexpr qint64 k2026 = 1767225600; // 2026-01-01 UTC
constexpr qint64 kYear = 365 * 86400;

Event realEvent(int i)
{
    Event e;
    e.title = QStringLiteral("Event %1 near the border").arg(i);
    e.summary = QStringLiteral("Synthetic summary text for the table benchmark, number %1.").arg(i);
    e.family = Family(i % 3);
    e.eventType = QStringLiteral("type %1").arg(i % kTypes);
    e.start = QDateTime::fromSecsSinceEpoch(k2021 + qint64(i) * 3600, QTimeZone::UTC);
    e.place = QStringLiteral("Place %1").arg(i % 50);
    e.district = QStringLiteral("District %1").arg(i % 20);
    e.country = i % 2 ? QStringLiteral("TJ") : QStringLiteral("AF");
    e.latitude = 37.0 + (i % 100) * 0.01;
    e.longitude = 69.0 + (i % 100) * 0.01;
    e.killed = i % 4;
    e.actors = {QStringLiteral("Actor %1").arg(i % 30)};
    return e;
}

struct World {
    QTemporaryDir dir;
    std::unique_ptr<EventStore> store;
    EventIndex big;   ///< 1,000,000 synthetic rows
    EventIndex small; ///< the store's own events
    std::vector<QUuid> smallIds;

    World()
    {
        store = std::move(EventStore::create(dir.filePath(QStringLiteral("b.sqlite"))).value());
        auto batch = std::move(store->beginBatch().value());
        for (int i = 0; i < 2000; ++i)
            (void)batch->add(realEvent(i));
        (void)batch->commit();
        small = std::move(EventIndex::build(*store).value());

        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> u(0, 1);
        std::vector<IndexSourceRow> rows;
        rows.reserve(kEvents);
        for (int i = 0; i < kEvents; ++i) {
            IndexSourceRow r;
            r.rowid = i + 1;
            r.id = QUuid::createUuidV5(QUuid(), QByteArray::number(i));
            r.startSecs = r.endSecs = k2021 + qint64(u(rng) * double(k2026 - k2021));
            r.latitude = 36.5 + 2.5 * u(rng);
            r.longitude = 67.3 + 7.7 * u(rng);
            r.family = Family(i % 3);
            r.eventType = QStringLiteral("type %1").arg(i % kTypes);
            r.casualties = int(u(rng) * 6);
            rows.push_back(std::move(r));
        }
        big = EventIndex::fromRows(rows);
    }
};

World& world()
{
    static World w;
    return w;
}

void openBig(ViewState& state, qint64 windowSecs)
{
    state.setData(world().store.get(), &world().big);
    state.navigator()->setExtent(k2021, k2026);
    state.navigator()->setWindow(k2026 - windowSecs, k2026);
}

void BM_TableRefresh(benchmark::State& st)
{
    ViewState state;
    openBig(state, st.range(0) * kYear);
    EventTableModel model(&state);
    for (auto _ : st) {
        model.refresh();
        benchmark::DoNotOptimize(model.rowCount());
    }
    st.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_TableRefresh)->Arg(1)->Arg(5)->Unit(benchmark::kMillisecond);

void BM_TableWindowStep(benchmark::State& st)
{
    // What playback or brushing costs the table: the navigator moves, the table follows.
    ViewState state;
    openBig(state, kYear);
    EventTableModel model(&state);
    qint64 shift = 0;
    for (auto _ : st) {
        shift = (shift + 86400) % kYear;
        state.navigator()->setWindow(k2026 - 2 * kYear + shift, k2026 - kYear + shift);
        benchmark::DoNotOptimize(model.rowCount());
    }
    st.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_TableWindowStep)->Unit(benchmark::kMillisecond);

void BM_TableSortDateDescending(benchmark::State& st)
{
    ViewState state;
    openBig(state, 5 * kYear);
    EventTableModel model(&state);
    bool desc = false;
    for (auto _ : st) {
        desc = !desc;
        model.sort(EventTableModel::Date, desc ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    st.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_TableSortDateDescending)->Unit(benchmark::kMillisecond);

void BM_TableRowOfSelection(benchmark::State& st)
{
    ViewState state;
    openBig(state, 5 * kYear);
    EventTableModel model(&state);
    const QUuid last = model.idAt(model.rowCount() - 1);
    for (auto _ : st)
        benchmark::DoNotOptimize(model.rowOf(last));
}
BENCHMARK(BM_TableRowOfSelection)->Unit(benchmark::kMillisecond);

void BM_TableScreenfulFromStore(benchmark::State& st)
{
    // 40 visible rows x 8 columns with a cold cache: what a scroll to a new page costs.
    ViewState state;
    state.setData(world().store.get(), &world().small);
    state.navigator()->setExtent(k2021, k2026);
    state.navigator()->setWindow(k2021, k2026);
    EventTableModel model(&state);
    int page = 0;
    for (auto _ : st) {
        st.PauseTiming();
        state.notifyEventsReloaded(); // as after an import: the row cache starts empty
        st.ResumeTiming();
        page = (page + 40) % (model.rowCount() - 40);
        for (int r = page; r < page + 40; ++r)
            for (int c = 0; c < EventTableModel::ColumnCount; ++c)
                benchmark::DoNotOptimize(model.data(model.index(r, c)));
    }
}
BENCHMARK(BM_TableScreenfulFromStore)->Unit(benchmark::kMillisecond);

void BM_FilterPanelCounts(benchmark::State& st)
{
    ViewState state;
    openBig(state, st.range(0) * kYear);
    FilterPanel panel(&state);
    for (auto _ : st)
        panel.updateCounts();
    st.counters["incidents"] = panel.familyCount(Family::Incident);
}
BENCHMARK(BM_FilterPanelCounts)->Arg(1)->Arg(5)->Unit(benchmark::kMillisecond);

void BM_TextFilterReachesPanels(benchmark::State& st)
{
    // A full-text search typed into the filter panel: the store answers the words once, then
    // the table re-reads its rows and the panel recounts (all five years).
    ViewState state;
    openBig(state, 5 * kYear);
    EventTableModel model(&state);
    FilterPanel panel(&state);
    int i = 0;
    for (auto _ : st) {
        EventFilter f;
        f.text = i++ % 2 ? QStringLiteral("border") : QStringLiteral("summary");
        state.setFilter(f);   // the table refreshes at once
        panel.updateCounts(); // what the panel's 0 ms timer does next
        benchmark::DoNotOptimize(model.rowCount());
    }
    st.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_TextFilterReachesPanels)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::benchmark::Initialize(&argc, argv);
    ::benchmark::RunSpecifiedBenchmarks();
    ::benchmark::Shutdown();
    return 0;
}
