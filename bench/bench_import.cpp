// Import throughput: ACLED-layout CSV parsing alone (CsvReader, then AcledImporter mapping)
// and the full import into a store (ImportRunner: parse thread + insert thread, FTS and R*Tree
// included). Input: N synthetic rows in the layout of /work/shared/peers/gen_events.py, with
// quoted notes holding commas, quotes and line breaks.
#include "csvreader.h"
#include "eventstore.h"
#include "importer.h"
#include "importrunner.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace fa;

namespace {

QByteArray syntheticCsv(int rows)
{
    QByteArray out = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
                     "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
                     "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
                     "location,latitude,longitude,geo_precision,source,source_scale,notes,"
                     "fatalities,tags,timestamp\n";
    const char* places[] = {"Panj", "Kulob", "Khorugh", "Kunduz", "Taloqan", "Fayzabad"};
    const char* countries[] = {"Tajikistan",  "Tajikistan",  "Tajikistan",
                               "Afghanistan", "Afghanistan", "Afghanistan"};
    for (int i = 0; i < rows; ++i) {
        const int k = i % 6;
        const QDate d = QDate(2021, 1, 1).addDays(i % 2100);
        out += QByteArray(k < 3 ? "TJK" : "AFG") + QByteArray::number(i) + ',' +
               d.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(d.year()) +
               ",1,Political violence,Battles,Armed clash,"
               "Military Forces of Tajikistan (1994-),,1,Unidentified Armed Group "
               "(Afghanistan),,3,13,,762,"
               "Caucasus and Central Asia," +
               countries[k] + ",Khatlon," + places[k] + ",," + places[k] + ',' +
               QByteArray::number(37.0 + (i % 1000) / 1000.0, 'f', 4) + ',' +
               QByteArray::number(68.0 + (i % 3000) / 1000.0, 'f', 4) +
               ",1,Asia-Plus; Radio Ozodi,National,\"On 1 June 2021, guards clashed with a group "
               "near the "
               "river, \"\"a provocation\"\", officials said.\nResidents reported gunfire near the "
               "crossing; "
               "the report could not be independently verified.\"," +
               QByteArray::number(i % 7) + ",," + QByteArray::number(1620000000 + i) + '\n';
    }
    return out;
}

const QByteArray& csv()
{
    static const QByteArray data = syntheticCsv(100000);
    return data;
}

void BM_CsvReaderOnly(benchmark::State& state)
{
    for (auto _ : state) {
        QBuffer b;
        b.setData(csv());
        b.open(QIODevice::ReadOnly);
        CsvReader r(b);
        qint64 fields = 0;
        while (r.next())
            fields += r.fieldCount();
        benchmark::DoNotOptimize(fields);
    }
    state.SetItemsProcessed(state.iterations() * 100000);
    state.SetBytesProcessed(state.iterations() * csv().size());
}
BENCHMARK(BM_CsvReaderOnly)->Unit(benchmark::kMillisecond);

void BM_AcledParseAndMap(benchmark::State& state)
{
    for (auto _ : state) {
        QBuffer b;
        b.setData(csv());
        b.open(QIODevice::ReadOnly);
        auto importer = makeImporter(ImportFormat::Acled);
        qint64 n = 0;
        ImportSink sink;
        sink.accept = [&n](Event&&, qint64) {
            ++n;
            return true;
        };
        sink.reject = [](qint64, const QString&) { return true; };
        (void)importer->read(b, sink);
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(state.iterations() * 100000);
}
BENCHMARK(BM_AcledParseAndMap)->Unit(benchmark::kMillisecond);

void BM_ImportIntoStore(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.csv"));
    QFile f(input);
    f.open(QIODevice::WriteOnly);
    f.write(csv());
    f.close();
    int run = 0;
    for (auto _ : state) {
        auto store = EventStore::create(dir.filePath(QStringLiteral("s%1.db").arg(run++)));
        ImportRunner::Options o;
        o.parallel = state.range(0) != 0;
        const ImportReport r = ImportRunner::run(**store, input, o);
        if (r.added != 100000)
            state.SkipWithError("import failed");
    }
    state.SetItemsProcessed(state.iterations() * 100000);
}
BENCHMARK(BM_ImportIntoStore)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
