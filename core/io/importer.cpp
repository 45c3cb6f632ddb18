#include "importer.h"

#include "acledimporter.h"
#include "datasetjson.h"
#include "geojsonimporter.h"
#include "kmlimporter.h"
#include "ucdpimporter.h"

#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fa {

QString toString(ImportFormat f)
{
    switch (f) {
    case ImportFormat::Acled:
        return QStringLiteral("acled");
    case ImportFormat::Ucdp:
        return QStringLiteral("ucdp");
    case ImportFormat::GeoJson:
        return QStringLiteral("geojson");
    case ImportFormat::Kml:
        return QStringLiteral("kml");
    case ImportFormat::Kmz:
        return QStringLiteral("kmz");
    case ImportFormat::Json:
        return QStringLiteral("json");
    case ImportFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<ImportFormat> importFormatFromString(const QString& s)
{
    const QString k = s.trimmed().toLower();
    for (ImportFormat f : {ImportFormat::Acled, ImportFormat::Ucdp, ImportFormat::GeoJson,
                           ImportFormat::Kml, ImportFormat::Kmz, ImportFormat::Json})
        if (k == toString(f))
            return f;
    if (k == u"csv")
        return ImportFormat::Acled;
    return std::nullopt;
}

ImportFormat detectImportFormat(const QByteArray& head, const QString& fileName)
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    if (head.startsWith("PK\x03\x04"))
        return ImportFormat::Kmz;
    QByteArrayView h(head);
    if (h.startsWith("\xEF\xBB\xBF"))
        h = h.mid(3);
    h = h.trimmed();
    if (h.startsWith('<')) {
        if (h.contains("<kml") || ext == u"kml")
            return ImportFormat::Kml;
        return ImportFormat::Unknown;
    }
    if (h.startsWith('{') || h.startsWith('[')) {
        if (ext == u"geojson" || h.contains("\"FeatureCollection\"") || h.contains("\"Feature\"") ||
            h.contains("\"features\""))
            return ImportFormat::GeoJson;
        return ImportFormat::Json;
    }
    if (!h.isEmpty()) {
        qsizetype eol = h.indexOf('\n');
        const QByteArray first = (eol < 0 ? h : h.left(eol)).toByteArray().toLower();
        if (first.contains("event_id_cnty") || first.contains("fa_source_id") ||
            (first.contains("event_date") && first.contains("event_type")))
            return ImportFormat::Acled;
        if (first.contains("type_of_violence") ||
            (first.contains("date_start") && first.contains("side_a")))
            return ImportFormat::Ucdp;
    }
    if (ext == u"kmz")
        return ImportFormat::Kmz;
    if (ext == u"kml")
        return ImportFormat::Kml;
    if (ext == u"geojson")
        return ImportFormat::GeoJson;
    if (ext == u"json")
        return ImportFormat::Json;
    return ImportFormat::Unknown;
}

namespace {

// Our own JSON (datasetjson.h): small files by nature, read whole within a cap; each event is
// checked on its own so that one bad event is a rejected record, not a refused file.
class OwnJsonImporter : public Importer {
public:
    explicit OwnJsonImporter(ImportOptions options) : m_opt(std::move(options)) {}
    ImportFormat format() const override { return ImportFormat::Json; }
    QString recordNoun() const override { return QStringLiteral("event"); }
    static constexpr qint64 kMaxBytes = 256ll << 20;

    Status read(QIODevice& in, ImportSink& sink) override
    {
        const auto cancelled = [] { return Error::cancelled(); };
        const QByteArray all = in.read(kMaxBytes + 1);
        if (all.size() > kMaxBytes)
            return Error::make(Error::Kind::Unsupported,
                               QStringLiteral("JSON event files larger than %1 MB are not "
                                              "supported; use CSV or GeoJSON for large data")
                                   .arg(kMaxBytes >> 20));
        if (sink.progress && !sink.progress(all.size(), all.size()))
            return cancelled();
        QJsonParseError err;
        QJsonDocument doc = QJsonDocument::fromJson(all, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            // The dataset reader words syntax errors with line and column.
            auto r = readEventsJson(all);
            return r ? Error::make(Error::Kind::Parse, QStringLiteral("not a JSON object"))
                     : r.error();
        }
        QJsonObject top = doc.object();
        const QJsonArray events = top.value(QLatin1StringView("events")).toArray();
        // The envelope (format, version, keys) is checked by the dataset reader itself.
        top.insert(QStringLiteral("events"), QJsonArray());
        if (auto r = readEventsJson(QJsonDocument(top).toJson(QJsonDocument::Compact)); !r)
            return r.error();
        for (qsizetype i = 0; i < events.size(); ++i) {
            const qint64 index = i + 1;
            const QString path = QStringLiteral("events[%1]").arg(i);
            auto ev =
                events[i].isObject()
                    ? eventFromJson(events[i].toObject(), path)
                    : Result<Event>(Error::invalid(path, path + QStringLiteral(": not an object")));
            if (!ev) {
                if (sink.reject && !sink.reject(index, ev.error().message))
                    return cancelled();
                continue;
            }
            Event e = std::move(ev.value());
            if (e.origin.sourceId.isEmpty())
                e.origin.sourceId =
                    e.id.isNull() ? QString()
                                  : QStringLiteral("fa:") + e.id.toString(QUuid::WithoutBraces);
            // The store assigns ids: a file's id may already belong to another event here.
            e.id = QUuid();
            e.origin.kind = OriginKind::Imported;
            e.origin.name = m_opt.sourceName;
            if (sink.accept && !sink.accept(std::move(e), index))
                return cancelled();
        }
        return {};
    }

private:
    ImportOptions m_opt;
};

} // namespace

std::unique_ptr<Importer> makeImporter(ImportFormat format, const ImportOptions& options)
{
    switch (format) {
    case ImportFormat::Acled:
        return std::make_unique<AcledImporter>(options);
    case ImportFormat::Ucdp:
        return std::make_unique<UcdpImporter>(options);
    case ImportFormat::GeoJson:
        return std::make_unique<GeoJsonImporter>(options);
    case ImportFormat::Kml:
        return std::make_unique<KmlImporter>(options, false);
    case ImportFormat::Kmz:
        return std::make_unique<KmlImporter>(options, true);
    case ImportFormat::Json:
        return std::make_unique<OwnJsonImporter>(options);
    case ImportFormat::Unknown:
        break;
    }
    return nullptr;
}

} // namespace fa
