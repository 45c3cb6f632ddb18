#pragma once
// Writers for the formats analysts take results back in: CSV with ACLED's columns (plus our
// "fa_*" columns, so nothing is lost), GeoJSON (RFC 7946), KML with TimeStamp/TimeSpan so that
// Google Earth's time slider plays the events, and our own JSON. Each writer streams: begin(),
// write() per event, finish(). What a writer produces, the matching importer reads back into
// the same events (origin aside).

#include "event.h"
#include "result.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QIODevice;

namespace fa {

enum class ExportFormat { Csv, GeoJson, Kml, Json };

QString toString(ExportFormat f); ///< "csv", "geojson", "kml", "json"
/// From a name ("csv", "geojson", "kml", "json") or a file name's extension.
std::optional<ExportFormat> exportFormatFromString(const QString& nameOrPath);
/// The file extension for the format, without the dot.
QString fileExtension(ExportFormat f);

class EventWriter {
public:
    virtual ~EventWriter() = default;
    virtual Status begin() = 0;
    virtual Status write(const Event& e) = 0;
    virtual Status finish() = 0;
};

/// A writer onto an open device (not owned).
std::unique_ptr<EventWriter> makeEventWriter(ExportFormat format, QIODevice& out);

/// Writes events to a device in one go.
Status exportEvents(const std::vector<Event>& events, ExportFormat format, QIODevice& out);
/// Writes events to a file atomically (QSaveFile: a failed export leaves no half file).
Status exportEventsToFile(const std::vector<Event>& events, ExportFormat format,
                          const QString& path);

} // namespace fa
