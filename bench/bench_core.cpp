// EventIndex figures on 1,000,000 synthetic events spread over 2021-2026 along the frontier
// (lon 67-75, lat 36.5-39, fixed seed). Targets: open + build <= 1 s; one-year window +
// viewport query <= 5 ms; 2,000-bucket histogram <= 2 ms; clustering of a 1920x1080 viewport
// at zoom 7 and 9 <= 10 ms; <= 100 bytes per event.
//
// Run: bench_core [--benchmark_filter=...]; FRONTIER_BENCH_EVENTS overrides the count.
#include "eventindex.h"
#include "eventstore.h"
#include "mercatorview.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
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
    return n > 0 ? n : 1'000'000;
}

qint64 utcSecs(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
}

const qint64 kFrom = utcSecs(2021, 1, 1);
const qint64 kTo = utcSecs(2026, 1, 1);

const char* const kTypes[] = {
    "drone attack",   "armed attack", "clash",   "shelling",  "smuggling interdiction",
    "border closure", "visit",        "meeting", "statement", "agreement",
    "advisory",       "protest"};

/// Index rows with a realistic mix: mostly day precision, some minute and month, a few
/// year-precision dates and multi-day or multi-month spans.
std::vector<IndexSourceRow> syntheticRows(int n)
{
    std::mt19937_64 rng(20211);
    std::uniform_real_distribution<double> lon(67.0, 75.0), lat(36.5, 39.0), unit(0.0, 1.0);
    std::uniform_int_distribution<qint64> t(kFrom, kTo - 1);
    std::vector<IndexSourceRow> rows(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        IndexSourceRow& r = rows[std::size_t(i)];
        r.rowid = i + 1;
        r.id = QUuid::createUuid();
        r.startSecs = t(rng);
        const double p = unit(rng);
        r.timePrecision = p < 0.01   ? TimePrecision::Year
                          : p < 0.06 ? TimePrecision::Month
                          : p < 0.85 ? TimePrecision::Day
                                     : TimePrecision::Minute;
        r.endSecs = r.startSecs;
        const double s = unit(rng);
        if (s < 0.01)
            r.endSecs += qint64(unit(rng) * 400 * 86400.0);
        else if (s < 0.05)
            r.endSecs += qint64(unit(rng) * 10 * 86400.0);
        r.longitude = lon(rng);
        r.latitude = lat(rng);
        r.family = Family(rng() % 3);
        r.eventType = QString::fromLatin1(kTypes[rng() % std::size(kTypes)]);
        r.coordPrecision = CoordPrecision(rng() % 4);
        r.casualties = unit(rng) < 0.7 ? 0 : int(rng() % 30);
    }
    return rows;
}

Event eventFromRow(const IndexSourceRow& r, int i)
{
    Event e;
    e.id = r.id;
    e.title = QStringLiteral("Synthetic event %1").arg(i);
    e.family = r.family;
    e.eventType = r.eventType;
    e.start = QDateTime::fromSecsSinceEpoch(r.startSecs, QTimeZone::UTC);
    e.timePrecision = r.timePrecision;
    if (r.endSecs > r.startSecs)
        e.end = QDateTime::fromSecsSinceEpoch(r.endSecs, QTimeZone::UTC);
    e.country = i % 2 ? QStringLiteral("TJ") : QStringLiteral("AF");
    e.longitude = r.longitude;
    e.latitude = r.latitude;
    e.coordPrecision = r.coordPrecision;
    if (r.casualties > 0)
        e.killed = r.casualties;
    Source s;
    s.url = QStringLiteral("https://example.org/report");
    e.sources = {s};
    e.origin.kind = OriginKind::Imported;
    e.origin.name = QStringLiteral("synthetic.csv");
    e.origin.sourceId = QString::number(i);
    return e;
}

/// The synthetic events in memory and their index, made once for all benchmarks.
struct Fixture {
    std::vector<IndexSourceRow> rows;
    EventIndex index;

    Fixture() : rows(syntheticRows(eventCount())), index(EventIndex::fromRows(rows)) {}

    static Fixture& get()
    {
        static Fixture f;
        return f;
    }
};

/// The same events in a database file, written once through a Batch (only the open + build
/// benchmarks need it). FRONTIER_BENCH_DB=PATH keeps the file between runs: an existing file
/// there is reused as is.
struct DatabaseFile {
    QTemporaryDir dir;
    QString path;

    DatabaseFile()
    {
        path = qEnvironmentVariable("FRONTIER_BENCH_DB");
        if (path.isEmpty())
            path = dir.filePath(QStringLiteral("bench-core.sqlite"));
        else if (QFileInfo::exists(path))
            return;
        const auto& rows = Fixture::get().rows;
        QElapsedTimer timer;
        timer.start();
        auto store = EventStore::create(path);
        if (!store)
            fail(store.error());
        auto batch = (*store)->beginBatch();
        if (!batch)
            fail(batch.error());
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (auto added = (*batch)->add(eventFromRow(rows[i], int(i))); !added)
                fail(added.error());
        if (const Status s = (*batch)->commit(); !s.ok())
            fail(s.error());
        std::printf("bench_core: database of %zu events written in %.1f s\n", rows.size(),
                    double(timer.elapsed()) / 1000.0);
    }

    [[noreturn]] static void fail(const Error& e)
    {
        std::fprintf(stderr, "bench_core: %s\n", qPrintable(e.message));
        std::abort();
    }

    static DatabaseFile& get()
    {
        static DatabaseFile f;
        return f;
    }
};

/// A 1920x1080 view centred on the frontier.
MercatorView view(double zoom)
{
    MercatorView v;
    v.centerLon = 71.0;
    v.centerLat = 37.75;
    v.zoom = zoom;
    v.width = 1920;
    v.height = 1080;
    return v;
}

IndexQuery yearInView(double zoom)
{
    IndexQuery q;
    q.fromSecs = utcSecs(2023, 1, 1);
    q.toSecs = utcSecs(2024, 1, 1);
    q.box = view(zoom).bounds();
    return q;
}

void BM_OpenAndBuildIndex(benchmark::State& state)
{
    const QString path = DatabaseFile::get().path;
    std::size_t bytes = 0, n = 0;
    for (auto _ : state) {
        auto store = EventStore::open(path, EventStore::OpenMode::ReadOnly);
        if (!store) {
            state.SkipWithError(store.error().message.toStdString());
            return;
        }
        auto index = EventIndex::build(**store);
        if (!index) {
            state.SkipWithError(index.error().message.toStdString());
            return;
        }
        n = index->size();
        bytes = index->memoryBytes();
    }
    state.counters["events"] = double(n);
    state.counters["bytes_per_event"] = n ? double(bytes) / double(n) : 0.0;
}
BENCHMARK(BM_OpenAndBuildIndex)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// The parts of open + build: opening the file (the store's integrity check included), streaming
// the index rows out of SQLite, and the index's own work on rows already in memory.
void BM_OpenOnly(benchmark::State& state)
{
    const QString path = DatabaseFile::get().path;
    for (auto _ : state) {
        auto store = EventStore::open(path, EventStore::OpenMode::ReadOnly);
        if (!store) {
            state.SkipWithError(store.error().message.toStdString());
            return;
        }
        benchmark::DoNotOptimize(store->get());
    }
}
BENCHMARK(BM_OpenOnly)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_StreamIndexRows(benchmark::State& state)
{
    auto store = EventStore::open(DatabaseFile::get().path, EventStore::OpenMode::ReadOnly);
    if (!store) {
        state.SkipWithError(store.error().message.toStdString());
        return;
    }
    for (auto _ : state) {
        qint64 sum = 0;
        const Status s =
            (*store)->forEachIndexRow([&sum](const IndexSourceRow& r) { sum += r.rowid; });
        if (!s.ok())
            state.SkipWithError(s.error().message.toStdString());
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_StreamIndexRows)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

/// The index's own share of the build, without SQLite (rows already in memory, unsorted).
void BM_BuildFromRows(benchmark::State& state)
{
    const auto& rows = Fixture::get().rows;
    for (auto _ : state) {
        EventIndex index = EventIndex::fromRows(rows);
        benchmark::DoNotOptimize(index.size());
    }
}
BENCHMARK(BM_BuildFromRows)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_BytesPerEvent(benchmark::State& state)
{
    const EventIndex& index = Fixture::get().index;
    for (auto _ : state)
        benchmark::DoNotOptimize(index.memoryBytes());
    state.counters["bytes_per_event"] = double(index.memoryBytes()) / double(index.size());
    state.counters["total_MB"] = double(index.memoryBytes()) / (1024.0 * 1024.0);
}
BENCHMARK(BM_BytesPerEvent)->Iterations(1);

void BM_QueryYearViewport(benchmark::State& state)
{
    const EventIndex& index = Fixture::get().index;
    const IndexQuery q = yearInView(double(state.range(0)));
    std::size_t hits = 0;
    for (auto _ : state) {
        const auto rows = index.query(q);
        hits = rows.size();
        benchmark::DoNotOptimize(rows.data());
    }
    state.counters["hits"] = double(hits);
}
BENCHMARK(BM_QueryYearViewport)->Arg(7)->Arg(9)->Unit(benchmark::kMillisecond);

void BM_CountYearViewport(benchmark::State& state)
{
    const EventIndex& index = Fixture::get().index;
    const IndexQuery q = yearInView(double(state.range(0)));
    std::size_t hits = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(hits = index.count(q));
    state.counters["hits"] = double(hits);
}
BENCHMARK(BM_CountYearViewport)->Arg(7)->Arg(9)->Unit(benchmark::kMillisecond);

/// The timeline's overview: 2,000 buckets over the whole extent. Arg 0: no filter but
/// families; arg 1: restricted to the zoom-9 viewport and a casualty minimum (per-event path).
void BM_Histogram2000(benchmark::State& state)
{
    const EventIndex& index = Fixture::get().index;
    IndexQuery q;
    q.fromSecs = kFrom;
    q.toSecs = kTo;
    q.familyMask = 0b101;
    if (state.range(0) == 1) {
        q.box = view(9).bounds();
        q.minCasualties = 1;
    }
    std::uint32_t maxTotal = 0;
    for (auto _ : state) {
        const Histogram h = index.histogram(q, 2000);
        maxTotal = h.maxTotal;
        benchmark::DoNotOptimize(h.counts[0].data());
    }
    state.counters["max_bucket"] = double(maxTotal);
}
BENCHMARK(BM_Histogram2000)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

/// Clusters of a 1920x1080 view at zoom (arg 0) with 60-pixel cells; arg 1: 0 = every event
/// (the whole 2021-2026 extent), 1 = a one-year window.
void BM_Clusters(benchmark::State& state)
{
    const EventIndex& index = Fixture::get().index;
    const MercatorView v = view(double(state.range(0)));
    IndexQuery q;
    if (state.range(1) == 1) {
        q.fromSecs = utcSecs(2023, 1, 1);
        q.toSecs = utcSecs(2024, 1, 1);
    }
    std::size_t clusters = 0, members = 0;
    for (auto _ : state) {
        const auto c = index.clusters(q, v.zoom, v.left(), v.top(), v.width, v.height, 60);
        clusters = c.size();
        members = 0;
        for (const Cluster& k : c)
            members += k.count;
        benchmark::DoNotOptimize(c.data());
    }
    state.counters["clusters"] = double(clusters);
    state.counters["events"] = double(members);
}
BENCHMARK(BM_Clusters)
    ->Args({7, 0})
    ->Args({9, 0})
    ->Args({7, 1})
    ->Args({9, 1})
    ->Unit(benchmark::kMillisecond);

/// One edit: upsert of a moved event into the full index (vector inserts, O(n)).
void BM_UpsertOne(benchmark::State& state)
{
    EventIndex& index = Fixture::get().index;
    IndexSourceRow r = Fixture::get().rows[12345];
    qint64 shift = 0;
    for (auto _ : state) {
        shift = (shift + 86400 * 7) % (86400 * 700);
        r.startSecs = kFrom + shift;
        r.endSecs = r.startSecs;
        index.upsert(r);
    }
}
BENCHMARK(BM_UpsertOne)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    std::printf("bench_core: %d synthetic events, 2021-2026, lon 67-75, lat 36.5-39\n",
                eventCount());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
