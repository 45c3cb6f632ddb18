// EventStore figures on 1,000,000 synthetic events spread over 2021-2026 along the frontier:
// bulk insert through a Batch (target >= 200,000 events/s), opening the file (quick_check
// included), a one-year window + viewport query through SQLite, and the index-row stream.
//
// Run: bench_store [--benchmark_filter=...]; FRONTIER_BENCH_EVENTS overrides the count.
#include "eventstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
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

const qint64 kFrom = QDateTime(QDate(2021, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
const qint64 kTo = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();

/// A simple event as an importer would produce it: one actor, one source, a source id.
class Generator {
public:
    explicit Generator(unsigned seed) : m_rng(seed)
    {
        for (const char* t :
             {"drone attack", "armed attack", "clash", "shelling", "smuggling interdiction",
              "border closure", "visit", "meeting", "statement", "agreement", "advisory"})
            m_types << QString::fromLatin1(t);
        for (int i = 0; i < 40; ++i)
            m_actors << QStringLiteral("Actor group %1").arg(i);
        for (const char* p : {"Khamyob", "Panj", "Ishkashim", "Khorog", "Darvoz", "Shurobod",
                              "Farkhor", "Kulob", "Rushon", "Vanj"})
            m_places << QString::fromLatin1(p);
    }

    Event next(int i)
    {
        std::uniform_real_distribution<double> lon(67.0, 75.0), lat(36.5, 39.0);
        std::uniform_int_distribution<qint64> t(kFrom, kTo - 1);
        std::uniform_int_distribution<int> small(0, 1000);
        Event e;
        const int k = small(m_rng);
        e.title = QStringLiteral("Synthetic event %1 near %2").arg(i).arg(m_places[k % 10]);
        e.family = Family(k % 3);
        e.eventType = m_types[k % m_types.size()];
        e.start = QDateTime::fromSecsSinceEpoch(t(m_rng), QTimeZone::UTC);
        e.timePrecision = k % 20 == 0 ? TimePrecision::Month : TimePrecision::Day;
        e.place = m_places[k % 10];
        e.country = k % 2 ? QStringLiteral("TJ") : QStringLiteral("AF");
        e.longitude = lon(m_rng);
        e.latitude = lat(m_rng);
        if (k % 4 == 0)
            e.killed = k % 7;
        e.actors = {m_actors[k % m_actors.size()]};
        Source s;
        s.url = QStringLiteral("https://example.org/report");
        s.publisher = QStringLiteral("Example");
        e.sources = {s};
        e.origin.kind = OriginKind::Imported;
        e.origin.name = QStringLiteral("synthetic.csv");
        e.origin.sourceId = QString::number(i);
        return e;
    }

private:
    std::mt19937_64 m_rng;
    QStringList m_types, m_actors, m_places;
};

/// Fills a store with n events in one batch, generating them in chunks outside the timing.
void fill(benchmark::State* state, EventStore& store, int n)
{
    Generator gen(42);
    auto batch = store.beginBatch();
    if (!batch) {
        if (state)
            state->SkipWithError(batch.error().message.toStdString());
        return;
    }
    constexpr int kChunk = 50'000;
    std::vector<Event> chunk;
    chunk.reserve(kChunk);
    for (int done = 0; done < n;) {
        if (state)
            state->PauseTiming();
        chunk.clear();
        for (int i = 0; i < kChunk && done + i < n; ++i)
            chunk.push_back(gen.next(done + i));
        if (state)
            state->ResumeTiming();
        for (Event& e : chunk) {
            auto r = (*batch)->add(std::move(e));
            if (!r) {
                if (state)
                    state->SkipWithError(r.error().message.toStdString());
                return;
            }
        }
        done += int(chunk.size());
    }
    if (auto s = (*batch)->commit(); !s && state)
        state->SkipWithError(s.error().message.toStdString());
}

/// One 1M-event file shared by the read benchmarks: the file BM_BulkInsert wrote when it ran
/// (it runs first), else built on first use.
struct SharedFile {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    bool ready = false;

    static SharedFile& instance()
    {
        static SharedFile f;
        return f;
    }
    static const QString& get()
    {
        SharedFile& f = instance();
        if (!f.ready) {
            auto store = EventStore::create(f.path);
            if (!store) {
                std::fprintf(stderr, "cannot create %s\n", qPrintable(store.error().message));
                std::abort();
            }
            fill(nullptr, **store, eventCount());
            f.ready = true;
        }
        return f.path;
    }
};

void BM_BulkInsert(benchmark::State& state)
{
    const int n = eventCount();
    for (auto _ : state) {
        state.PauseTiming();
        SharedFile& shared = SharedFile::instance();
        QFile::remove(shared.path);
        QFile::remove(shared.path + QStringLiteral("-wal"));
        QFile::remove(shared.path + QStringLiteral("-shm"));
        auto store = EventStore::create(shared.path);
        if (!store) {
            state.SkipWithError(store.error().message.toStdString());
            return;
        }
        state.ResumeTiming();
        fill(&state, **store, n);
        state.PauseTiming();
        store->reset();
        shared.ready = true;
        state.counters["file_MB"] = double(QFileInfo(shared.path).size()) / (1024.0 * 1024.0);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * n);
    state.counters["events_per_s"] =
        benchmark::Counter(double(n) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BulkInsert)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// The import path: events checked and encoded into EventChunks (on the importer's thread in
// a real import, so outside the timing here but reported as encode_s), then written with
// Batch::addChunk and committed (FTS5, R*Tree and indexes included).
void BM_BulkInsertChunks(benchmark::State& state)
{
    const int n = eventCount();
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto store = EventStore::create(dir.filePath(QStringLiteral("chunks.sqlite")));
        if (!store) {
            state.SkipWithError(store.error().message.toStdString());
            return;
        }
        auto batch = (*store)->beginBatch();
        if (!batch) {
            state.SkipWithError(batch.error().message.toStdString());
            return;
        }
        Generator gen(42);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        double encodeSeconds = 0;
        EventChunk chunk;
        for (int done = 0; done < n;) {
            chunk.clear();
            QElapsedTimer encode;
            encode.start();
            for (int i = 0; i < 2048 && done < n; ++i, ++done)
                (void)chunk.add(gen.next(done), now); // generator events are valid
            encodeSeconds += double(encode.nsecsElapsed()) / 1e9;
            state.ResumeTiming();
            auto r = (*batch)->addChunk(chunk);
            state.PauseTiming();
            if (!r) {
                state.SkipWithError(r.error().message.toStdString());
                return;
            }
        }
        state.ResumeTiming();
        if (auto s = (*batch)->commit(); !s)
            state.SkipWithError(s.error().message.toStdString());
        state.PauseTiming();
        batch->reset();
        store->reset();
        state.counters["encode_s"] = encodeSeconds;
        state.ResumeTiming();
    }
    state.counters["events_per_s"] =
        benchmark::Counter(double(n) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BulkInsertChunks)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// The per-event costs outside SQLite, to see what limits the bulk insert.
void BM_ValidateEvent(benchmark::State& state)
{
    Generator gen(1);
    const Event e = gen.next(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(validateEvent(e));
}
BENCHMARK(BM_ValidateEvent);

void BM_CreateUuid(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(newEventId());
}
BENCHMARK(BM_CreateUuid);

void BM_Open(benchmark::State& state)
{
    const QString path = SharedFile::get();
    for (auto _ : state) {
        auto store = EventStore::open(path);
        if (!store) {
            state.SkipWithError(store.error().message.toStdString());
            return;
        }
        benchmark::DoNotOptimize(store);
    }
}
BENCHMARK(BM_Open)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_OpenWithQuickCheck(benchmark::State& state)
{
    const QString path = SharedFile::get();
    for (auto _ : state) {
        auto store =
            EventStore::open(path, EventStore::OpenMode::ReadWrite, EventStore::OpenCheck::Full);
        if (!store) {
            state.SkipWithError(store.error().message.toStdString());
            return;
        }
        benchmark::DoNotOptimize(store);
    }
}
BENCHMARK(BM_OpenWithQuickCheck)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_ForEachIndexRow(benchmark::State& state)
{
    auto store = EventStore::open(SharedFile::get());
    if (!store) {
        state.SkipWithError(store.error().message.toStdString());
        return;
    }
    for (auto _ : state) {
        qint64 n = 0;
        auto s = (*store)->forEachIndexRow([&](const IndexSourceRow& r) { n += r.casualties; });
        if (!s)
            state.SkipWithError(s.error().message.toStdString());
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(state.iterations() * eventCount());
}
BENCHMARK(BM_ForEachIndexRow)->Unit(benchmark::kMillisecond)->UseRealTime();

/// A one-year window and a viewport of about a quarter of the frontier.
EventFilter yearViewport()
{
    EventFilter f;
    f.from = QDateTime(QDate(2023, 1, 1), QTime(0, 0), QTimeZone::UTC);
    f.to = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::UTC);
    f.box = GeoBox{69.0, 37.0, 71.5, 38.2};
    return f;
}

void BM_QueryIdsYearViewport(benchmark::State& state)
{
    auto store = EventStore::open(SharedFile::get());
    if (!store) {
        state.SkipWithError(store.error().message.toStdString());
        return;
    }
    std::size_t hits = 0;
    for (auto _ : state) {
        auto ids = (*store)->queryIds(yearViewport());
        if (!ids) {
            state.SkipWithError(ids.error().message.toStdString());
            return;
        }
        hits = ids->size();
    }
    state.counters["hits"] = double(hits);
}
BENCHMARK(BM_QueryIdsYearViewport)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CountYearViewport(benchmark::State& state)
{
    auto store = EventStore::open(SharedFile::get());
    if (!store) {
        state.SkipWithError(store.error().message.toStdString());
        return;
    }
    qint64 hits = 0;
    for (auto _ : state) {
        auto n = (*store)->count(yearViewport());
        if (!n) {
            state.SkipWithError(n.error().message.toStdString());
            return;
        }
        hits = *n;
    }
    state.counters["hits"] = double(hits);
}
BENCHMARK(BM_CountYearViewport)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FullText(benchmark::State& state)
{
    auto store = EventStore::open(SharedFile::get());
    if (!store) {
        state.SkipWithError(store.error().message.toStdString());
        return;
    }
    std::size_t hits = 0;
    for (auto _ : state) {
        auto r = (*store)->fullTextRowids(QStringLiteral("Khamyob \"Actor group 10\""));
        if (!r) {
            state.SkipWithError(r.error().message.toStdString());
            return;
        }
        hits = r->size();
    }
    state.counters["hits"] = double(hits);
}
BENCHMARK(BM_FullText)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    std::printf("bench_store: %d synthetic events, 2021-2026, lon 67-75, lat 36.5-39\n",
                eventCount());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
