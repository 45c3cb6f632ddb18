// One libFuzzer entry point, built once per parser (FUZZ_FORMAT): the input must never crash,
// hang or exhaust memory, whatever it holds. Limits are lowered so that the fuzzer reaches them.
#include "csvreader.h"
#include "dateformats.h"
#include "fieldvalues.h"
#include "importer.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

namespace {

void fuzzCsv(const QByteArray& data)
{
    // The first byte picks the read size, so that records straddle buffer boundaries.
    fa::CsvReader::Options opt;
    opt.chunkBytes = data.isEmpty() ? 1 : 1 + (static_cast<unsigned char>(data[0]) % 64);
    opt.maxRecordBytes = 4096;
    QBuffer b;
    b.setData(data.mid(1));
    b.open(QIODevice::ReadOnly);
    fa::CsvReader r(b, opt);
    while (r.next())
        for (int i = 0; i < r.fieldCount(); ++i) {
            (void)fa::importhelpers::parseDate(r.field(i));
            (void)fa::importhelpers::parseDouble(r.fieldBytes(i));
        }
}

void fuzzImporter(fa::ImportFormat format, const QByteArray& data)
{
    fa::ImportOptions opt;
    opt.limits.maxRecordBytes = 8192;
    opt.limits.maxUncompressedBytes = 4 << 20;
    opt.limits.maxNestingDepth = 32;
    auto importer = fa::makeImporter(format, opt);
    QBuffer b;
    b.setData(data);
    b.open(QIODevice::ReadOnly);
    fa::ImportSink sink;
    sink.accept = [](fa::Event&& e, qint64) {
        // What reaches the store must at least be a real date and a real place.
        if (!e.start.isValid() || e.latitude < -90 || e.latitude > 90 || e.longitude < -180 ||
            e.longitude > 180)
            __builtin_trap();
        return true;
    };
    sink.reject = [](qint64, const QString& reason) {
        if (reason.isEmpty())
            __builtin_trap();
        return true;
    };
    (void)importer->read(b, sink);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    switch (FUZZ_FORMAT) {
    case 0:
        fuzzCsv(bytes);
        break;
    case 1:
        fuzzImporter(fa::ImportFormat::Acled, bytes);
        break;
    case 2:
        fuzzImporter(fa::ImportFormat::Ucdp, bytes);
        break;
    case 3:
        fuzzImporter(fa::ImportFormat::GeoJson, bytes);
        break;
    case 4:
        fuzzImporter(fa::ImportFormat::Kml, bytes);
        break;
    case 5:
        fuzzImporter(fa::ImportFormat::Kmz, bytes);
        break;
    case 6:
        fuzzImporter(fa::ImportFormat::Json, bytes);
        break;
    default:
        break;
    }
    return 0;
}
