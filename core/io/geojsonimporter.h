#pragma once
// GeoJSON (RFC 7946) FeatureCollections of points with a date property. The file is scanned
// as a stream: only one feature at a time is held in memory (at most ImportLimits::
// maxRecordBytes), so a 2 GB collection imports in bounded memory, and nesting deeper than
// maxNestingDepth is refused. The date property is chosen (ImportOptions::dateProperty) or
// detected from common names; our own export's property names are read back losslessly.

#include "importer.h"

#include <QJsonObject>

namespace fa {

namespace eventproperties {
/// The properties our GeoJSON and KML exports write for an event (lists as JSON arrays):
/// source_id, title, summary, family, event_type, date, date_precision, end_date, place,
/// district, region, country, coord_precision, killed, injured, casualty_note, actors,
/// sources, confidence, tags, notes.
QJsonObject fromEvent(const Event& e);
} // namespace eventproperties

class GeoJsonImporter : public Importer {
public:
    explicit GeoJsonImporter(ImportOptions options = {}) : m_opt(std::move(options)) {}
    ImportFormat format() const override { return ImportFormat::GeoJson; }
    Status read(QIODevice& in, ImportSink& sink) override;
    QStringList notes() const override { return m_notes; }
    QString recordNoun() const override { return QStringLiteral("feature"); }

    /// Maps one parsed feature (exposed for tests and the KML importer's shared rules).
    std::optional<QString> mapFeature(const QJsonObject& feature, QByteArrayView raw, Event& e);

private:
    ImportOptions m_opt;
    QStringList m_notes;
    QString m_dateKey; // decided on the first feature with properties
    bool m_dateKeyDecided = false;
};

/// Applies the properties shared by GeoJSON and KML (our names, plus common aliases: name,
/// description) to an event whose start and coordinates are already set. Values may be JSON
/// typed or text (KML's ExtendedData is text; lists then hold JSON arrays). Returns a reason
/// when a value is unusable.
std::optional<QString> applyEventProperties(const QJsonObject& props, Event& e);

} // namespace fa
