// Bundled dataset and our JSON format: what the first start costs (parse the embedded file,
// create the user's database from it) and how fast the "Frontier Atlas JSON" import/export
// reads and writes large files (100,000 full events by default).
//
// Run: bench_dataset [--benchmark_filter=...]; FRONTIER_BENCH_EVENTS overrides the count.
#include "bundleddataset.h"
#include "datasetjson.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTimeZone>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>

using namespace fa;

namespace {

int eventCount()
{
    const int n = qEnvironmentVariableIntValue("FRONTIER_BENCH_EVENTS");
    return n > 0 ? n : 100'000;
}

/// Events shaped like the bundled ones: a summary of three sentences, actors, two sources.
std::vector<Event> syntheticEvents(int n)
{
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(67.0, 75.0), lat(36.5, 39.0);
    std::uniform_int_distribution<qint64> secs(1'609'459'200, 1'767'225'600);
    std::vector<Event> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Event& e = out[static_cast<std::size_t>(i)];
        e.id = QUuid::createUuid();
        e.title = QStringLiteral("Synthetic clash %1 near the border post").arg(i);
        e.summary = QStringLiteral("Border guards met an armed group that had crossed the river. "
                                   "Both sides fired for about an hour. Officials gave no "
                                   "details of losses.");
        e.family = Family(i % 3);
        e.eventType = QStringLiteral("clash");
        e.start = QDateTime::fromSecsSinceEpoch(secs(rng), QTimeZone::UTC);
        e.place = QStringLiteral("Panj");
        e.region = QStringLiteral("Khatlon");
        e.country = QStringLiteral("TJ");
        e.latitude = lat(rng);
        e.longitude = lon(rng);
        if (i % 2)
            e.killed = i % 7;
        e.actors = {QStringLiteral("Tajik Border Troops (GKNB)"), QStringLiteral("Taliban")};
        Source s;
        s.url = QStringLiteral("https://example.org/news/%1").arg(i);
        s.publisher = QStringLiteral("Example Wire");
        s.published = e.start.date();
        e.sources = {s, s};
        e.origin = {OriginKind::Imported, QStringLiteral("bench.json"), QString::number(i)};
    }
    return out;
}

void BM_LoadBundledDataset(benchmark::State& state)
{
    for (auto _ : state) {
        Result<std::vector<Event>> events = loadBundledDataset();
        if (!events)
            state.SkipWithError(events.error().message.toStdString());
        benchmark::DoNotOptimize(events);
    }
}
BENCHMARK(BM_LoadBundledDataset)->Unit(benchmark::kMillisecond);

/// The first start of the window: a new database in the user's folder with the 53 events.
void BM_CreateDatabaseWithBundledDataset(benchmark::State& state)
{
    QTemporaryDir dir;
    int i = 0;
    for (auto _ : state) {
        const Status made =
            createDatabaseWithBundledDataset(dir.filePath(QStringLiteral("db%1.sqlite").arg(i++)));
        if (!made)
            state.SkipWithError(made.error().message.toStdString());
    }
}
BENCHMARK(BM_CreateDatabaseWithBundledDataset)->Unit(benchmark::kMillisecond);

void BM_WriteEventsJson(benchmark::State& state)
{
    const std::vector<Event> events = syntheticEvents(eventCount());
    qint64 bytes = 0;
    for (auto _ : state) {
        const QByteArray json = writeEventsJson(events);
        bytes = json.size();
        benchmark::DoNotOptimize(json.constData());
    }
    state.counters["events/s"] =
        benchmark::Counter(double(events.size()) * state.iterations(), benchmark::Counter::kIsRate);
    state.counters["bytes/event"] = double(bytes) / double(events.size());
}
BENCHMARK(BM_WriteEventsJson)->Unit(benchmark::kMillisecond);

void BM_ReadEventsJson(benchmark::State& state)
{
    const std::vector<Event> events = syntheticEvents(eventCount());
    const QByteArray json = writeEventsJson(events);
    for (auto _ : state) {
        Result<std::vector<Event>> back = readEventsJson(json);
        if (!back || back->size() != events.size())
            state.SkipWithError("read failed");
        benchmark::DoNotOptimize(back);
    }
    state.counters["events/s"] =
        benchmark::Counter(double(events.size()) * state.iterations(), benchmark::Counter::kIsRate);
    state.counters["MB/s"] = benchmark::Counter(double(json.size()) / 1e6 * state.iterations(),
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadEventsJson)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::printf("bench_dataset: %d synthetic events for the JSON read/write figures\n",
                eventCount());
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
