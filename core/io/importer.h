#pragma once
// One interface for every file format analysts bring in (ACLED and UCDP CSV, GeoJSON, KML/KMZ,
// our JSON). An importer streams a device and hands each event or rejected record to callbacks;
// it never touches the store or a dialog, so the same code serves the CLI, the GUI and the
// fuzz targets. ImportRunner (importrunner.h) connects an importer to a store batch.

#include "event.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace fa {

enum class ImportFormat { Unknown, Acled, Ucdp, GeoJson, Kml, Kmz, Json };

QString toString(ImportFormat f); ///< "acled", "ucdp", "geojson", "kml", "kmz", "json"
/// Accepts the names above ("kml" and "kmz" both); nullopt for anything else.
std::optional<ImportFormat> importFormatFromString(const QString& s);

/// Guesses the format from the first bytes of the file (content wins when it is conclusive)
/// and the file name's extension (the fallback). Unknown when neither says.
ImportFormat detectImportFormat(const QByteArray& head, const QString& fileName);

/// Ceilings that keep hostile input from exhausting memory. A file that breaks one is
/// refused with a message naming the limit.
struct ImportLimits {
    qint64 maxRecordBytes = 1 << 20;           ///< one CSV record / GeoJSON feature / KML text
    qint64 maxUncompressedBytes = 256ll << 20; ///< the KML inside a KMZ (held in memory)
    double maxCompressionRatio = 200.0;        ///< KMZ entry uncompressed / compressed size
    int maxNestingDepth = 64;                  ///< JSON / XML nesting
};

struct ImportOptions {
    QString sourceName; ///< file name recorded in Event::origin.name
    ImportLimits limits;
    /// GeoJSON: the property holding the date (and the end date, the title). Empty: detected
    /// from common names (date, event_date, start, datetime, time, timestamp, when...).
    QString dateProperty;
    QString endDateProperty;
    QString titleProperty;
};

/// What an importer hands over. Each callback returns false to stop reading (cancel, or a
/// preview that has seen enough); read() then returns Error::Kind::Cancelled.
struct ImportSink {
    /// A mapped event (origin kind/name/sourceId already set). record = 1-based line of a CSV
    /// record, feature index of GeoJSON, placemark index of KML.
    std::function<bool(Event&& event, qint64 record)> accept;
    /// A record that could not be mapped: its line/index and the reason in one sentence.
    std::function<bool(qint64 record, const QString& reason)> reject;
    /// bytes read so far and the total (0 when unknown).
    std::function<bool(qint64 done, qint64 total)> progress;
};

class Importer {
public:
    virtual ~Importer() = default;
    virtual ImportFormat format() const = 0;
    /// Reads the whole device, calling the sink per record. An error means the file as a whole
    /// could not be read (not this format, a missing required column, a limit exceeded,
    /// malformed structure, cancelled); rows already handed to the sink then must not be kept.
    virtual Status read(QIODevice& in, ImportSink& sink) = 0;
    /// Facts the importer decided while reading, for the report ("date property: event_date").
    virtual QStringList notes() const { return {}; }
    /// "line" for CSV, "feature" for GeoJSON, "placemark" for KML: how records are numbered.
    virtual QString recordNoun() const { return QStringLiteral("line"); }
};

/// A new importer for the format (nullptr for Unknown).
std::unique_ptr<Importer> makeImporter(ImportFormat format, const ImportOptions& options = {});

} // namespace fa
