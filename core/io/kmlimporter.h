#pragma once
// KML placemarks with a Point and a TimeStamp or TimeSpan (Google Earth's time slider), and
// KMZ archives holding one. XML is read with QXmlStreamReader: a document declaring a DTD is
// refused (no entity expansion at all), nesting is capped. A KMZ entry is inflated through
// minizip with caps on its uncompressed size and its compression ratio (zip bombs).

#include "importer.h"

namespace fa {

class KmlImporter : public Importer {
public:
    explicit KmlImporter(ImportOptions options = {}, bool kmz = false)
        : m_opt(std::move(options)), m_kmz(kmz)
    {
    }
    ImportFormat format() const override { return m_kmz ? ImportFormat::Kmz : ImportFormat::Kml; }
    Status read(QIODevice& in, ImportSink& sink) override;
    QStringList notes() const override { return m_notes; }
    QString recordNoun() const override { return QStringLiteral("placemark"); }

    /// The main KML document of a KMZ (doc.kml, else the first .kml entry), inflated within the
    /// limits. Exposed for tests and the fuzz target.
    static Result<QByteArray> extractKml(QIODevice& kmz, const ImportLimits& limits);

private:
    Status readKml(QIODevice& in, ImportSink& sink, qint64 total);

    ImportOptions m_opt;
    bool m_kmz = false;
    QStringList m_notes;
};

} // namespace fa
