#include "exporters.h"

#include "acledimporter.h"
#include "countries.h"
#include "datasetjson.h"
#include "dateformats.h"
#include "geojsonimporter.h"
#include "listfields.h"

#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace fa {

QString toString(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::GeoJson:
        return QStringLiteral("geojson");
    case ExportFormat::Kml:
        return QStringLiteral("kml");
    case ExportFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

QString fileExtension(ExportFormat f)
{
    return toString(f);
}

std::optional<ExportFormat> exportFormatFromString(const QString& nameOrPath)
{
    QString k = nameOrPath.trimmed().toLower();
    if (k.contains(u'.') || k.contains(u'/'))
        k = QFileInfo(k).suffix();
    for (ExportFormat f :
         {ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::Kml, ExportFormat::Json})
        if (k == toString(f))
            return f;
    return std::nullopt;
}

namespace {

QString number(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString sourceIdOf(const Event& e)
{
    return e.origin.sourceId.isEmpty() ? QStringLiteral("fa:") + e.id.toString(QUuid::WithoutBraces)
                                       : e.origin.sourceId;
}

Status ioError(QIODevice& out)
{
    return Error::make(Error::Kind::Io, QStringLiteral("cannot write: %1").arg(out.errorString()));
}

// Buffers output and writes it in large blocks.
class Sink {
public:
    explicit Sink(QIODevice& out) : m_out(out) { m_buf.reserve(1 << 20); }
    void append(const QByteArray& b) { m_buf += b; }
    void append(QByteArrayView b) { m_buf.append(b); }
    bool flushIfFull() { return m_buf.size() < (1 << 20) || flush(); }
    bool flush()
    {
        if (!m_buf.isEmpty() && m_out.write(m_buf) != m_buf.size())
            return false;
        m_buf.clear();
        return true;
    }

private:
    QIODevice& m_out;
    QByteArray m_buf;
};

class CsvWriter : public EventWriter {
public:
    explicit CsvWriter(QIODevice& out) : m_out(out), m_sink(out) {}

    Status begin() override
    {
        writeRow(acled::exportColumns());
        return m_sink.flushIfFull() ? Status{} : ioError(m_out);
    }
    Status write(const Event& e) override
    {
        using namespace importhelpers;
        const auto [acledType, acledSub] = acled::acledTypeFor(e.family, e.eventType);
        const QString sid = sourceIdOf(e);
        const QString acledId = sid.startsWith(u"acled:") ? sid.mid(6) : sid;
        QStringList publishers;
        for (const Source& s : e.sources)
            if (!s.publisher.isEmpty())
                publishers << s.publisher;
        const int iso = countryNumeric(e.country);
        const QStringList row = {
            acledId,
            e.start.toUTC().date().toString(Qt::ISODate),
            QString::number(e.start.toUTC().date().year()),
            QString::number(acled::codeFor(e.timePrecision)),
            acled::disorderTypeFor(acledType),
            acledType,
            acledSub,
            e.actors.value(0),
            {},
            {},
            e.actors.value(1),
            {},
            {},
            {},
            e.tags.contains(u"civilian targeting") ? QStringLiteral("Civilian targeting")
                                                   : QString(),
            iso ? QString::number(iso) : QString(),
            {},
            countryName(e.country),
            e.region,
            e.district,
            {},
            e.place,
            number(e.latitude),
            number(e.longitude),
            QString::number(acled::codeFor(e.coordPrecision)),
            publishers.join(QStringLiteral("; ")),
            {},
            e.summary,
            e.killed ? QString::number(*e.killed) : QString(),
            e.tags.join(QStringLiteral("; ")),
            e.updated.isValid() ? QString::number(e.updated.toSecsSinceEpoch()) : QString(),
            // fa_* extension
            sid,
            e.title,
            toString(e.family),
            e.eventType,
            formatDate(e.start, TimePrecision::Minute),
            toString(e.timePrecision),
            e.end ? formatDate(*e.end, TimePrecision::Minute) : QString(),
            toString(e.coordPrecision),
            e.country,
            e.killed ? QString::number(*e.killed) : QString(),
            e.injured ? QString::number(*e.injured) : QString(),
            e.casualtyNote,
            toJsonText(e.actors),
            toJsonText(e.sources),
            toString(e.confidence),
            toJsonText(e.tags),
            e.notes,
        };
        writeRow(row);
        return m_sink.flushIfFull() ? Status{} : ioError(m_out);
    }
    Status finish() override { return m_sink.flush() ? Status{} : ioError(m_out); }

private:
    void writeRow(const QStringList& fields)
    {
        QByteArray line;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i)
                line += ',';
            const QByteArray f = fields[i].toUtf8();
            // RFC 4180: quote fields holding the separator, quotes or line breaks.
            if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r')) {
                line += '"';
                line += QByteArray(f).replace("\"", "\"\"");
                line += '"';
            } else {
                line += f;
            }
        }
        line += "\r\n";
        m_sink.append(line);
    }

    QIODevice& m_out;
    Sink m_sink;
};

class GeoJsonWriter : public EventWriter {
public:
    explicit GeoJsonWriter(QIODevice& out) : m_out(out), m_sink(out) {}
    Status begin() override
    {
        m_sink.append(QByteArrayView("{\"type\":\"FeatureCollection\",\"features\":[\n"));
        return Status{};
    }
    Status write(const Event& e) override
    {
        QJsonObject f;
        f.insert(QStringLiteral("type"), QStringLiteral("Feature"));
        f.insert(QStringLiteral("id"), sourceIdOf(e));
        QJsonObject g;
        g.insert(QStringLiteral("type"), QStringLiteral("Point"));
        g.insert(QStringLiteral("coordinates"), QJsonArray{e.longitude, e.latitude});
        f.insert(QStringLiteral("geometry"), g);
        QJsonObject props = eventproperties::fromEvent(e);
        props.insert(QStringLiteral("source_id"), sourceIdOf(e));
        f.insert(QStringLiteral("properties"), props);
        if (m_count++ > 0)
            m_sink.append(QByteArrayView(",\n"));
        m_sink.append(QJsonDocument(f).toJson(QJsonDocument::Compact));
        return m_sink.flushIfFull() ? Status{} : ioError(m_out);
    }
    Status finish() override
    {
        m_sink.append(QByteArrayView("\n]}\n"));
        return m_sink.flush() ? Status{} : ioError(m_out);
    }

private:
    QIODevice& m_out;
    Sink m_sink;
    qint64 m_count = 0;
};

class KmlWriter : public EventWriter {
public:
    explicit KmlWriter(QIODevice& out) : m_out(out), m_xml(&out) {}
    Status begin() override
    {
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(1);
        m_xml.writeStartDocument();
        m_xml.writeStartElement(QStringLiteral("kml"));
        m_xml.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
        m_xml.writeStartElement(QStringLiteral("Document"));
        m_xml.writeTextElement(QStringLiteral("name"), QStringLiteral("Frontier Atlas events"));
        // One icon colour per family (KML colours are aabbggrr).
        const std::pair<Family, const char*> styles[] = {{Family::Incident, "ff2f2fd6"},
                                                         {Family::Diplomatic, "ffc07a1f"},
                                                         {Family::Context, "ff8a8a8a"}};
        for (const auto& [family, colour] : styles) {
            m_xml.writeStartElement(QStringLiteral("Style"));
            m_xml.writeAttribute(QStringLiteral("id"), toString(family));
            m_xml.writeStartElement(QStringLiteral("IconStyle"));
            m_xml.writeTextElement(QStringLiteral("color"), QString::fromLatin1(colour));
            m_xml.writeEndElement();
            m_xml.writeEndElement();
        }
        return m_xml.hasError() ? ioError(m_out) : Status{};
    }
    Status write(const Event& e) override
    {
        using namespace importhelpers;
        m_xml.writeStartElement(QStringLiteral("Placemark"));
        m_xml.writeTextElement(QStringLiteral("name"), e.title);
        if (!e.summary.isEmpty())
            m_xml.writeTextElement(QStringLiteral("description"), e.summary);
        if (e.end) {
            m_xml.writeStartElement(QStringLiteral("TimeSpan"));
            m_xml.writeTextElement(QStringLiteral("begin"),
                                   formatDateExact(e.start, e.timePrecision));
            m_xml.writeTextElement(QStringLiteral("end"),
                                   formatDate(*e.end, TimePrecision::Minute));
            m_xml.writeEndElement();
        } else {
            m_xml.writeStartElement(QStringLiteral("TimeStamp"));
            m_xml.writeTextElement(QStringLiteral("when"),
                                   formatDateExact(e.start, e.timePrecision));
            m_xml.writeEndElement();
        }
        m_xml.writeTextElement(QStringLiteral("styleUrl"), u'#' + toString(e.family));
        m_xml.writeStartElement(QStringLiteral("ExtendedData"));
        QJsonObject props = eventproperties::fromEvent(e);
        props.remove(QStringLiteral("title"));
        props.remove(QStringLiteral("summary"));
        for (auto it = props.begin(); it != props.end(); ++it) {
            QString value;
            if (it.value().isNull())
                continue; // absent = unknown (killed, injured, end_date)
            if (it.value().isArray())
                value = QString::fromUtf8(
                    QJsonDocument(it.value().toArray()).toJson(QJsonDocument::Compact));
            else if (it.value().isDouble())
                value = QString::number(it.value().toInteger());
            else
                value = it.value().toString();
            m_xml.writeStartElement(QStringLiteral("Data"));
            m_xml.writeAttribute(QStringLiteral("name"), it.key());
            m_xml.writeTextElement(QStringLiteral("value"), value);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement(); // ExtendedData
        m_xml.writeStartElement(QStringLiteral("Point"));
        m_xml.writeTextElement(QStringLiteral("coordinates"),
                               number(e.longitude) + u',' + number(e.latitude));
        m_xml.writeEndElement();
        m_xml.writeEndElement(); // Placemark
        return m_xml.hasError() ? ioError(m_out) : Status{};
    }
    Status finish() override
    {
        m_xml.writeEndElement(); // Document
        m_xml.writeEndElement(); // kml
        m_xml.writeEndDocument();
        return m_xml.hasError() ? ioError(m_out) : Status{};
    }

private:
    QIODevice& m_out;
    QXmlStreamWriter m_xml;
};

// Our JSON is one document: the events are gathered and written at the end.
class JsonWriter : public EventWriter {
public:
    explicit JsonWriter(QIODevice& out) : m_out(out) {}
    Status begin() override { return {}; }
    Status write(const Event& e) override
    {
        m_events.push_back(e);
        return {};
    }
    Status finish() override
    {
        const QByteArray doc =
            writeEventsJson(m_events, QStringLiteral("Exported by Frontier Atlas"));
        return m_out.write(doc) == doc.size() ? Status{} : ioError(m_out);
    }

private:
    QIODevice& m_out;
    std::vector<Event> m_events;
};

} // namespace

std::unique_ptr<EventWriter> makeEventWriter(ExportFormat format, QIODevice& out)
{
    switch (format) {
    case ExportFormat::Csv:
        return std::make_unique<CsvWriter>(out);
    case ExportFormat::GeoJson:
        return std::make_unique<GeoJsonWriter>(out);
    case ExportFormat::Kml:
        return std::make_unique<KmlWriter>(out);
    case ExportFormat::Json:
        return std::make_unique<JsonWriter>(out);
    }
    return nullptr;
}

Status exportEvents(const std::vector<Event>& events, ExportFormat format, QIODevice& out)
{
    auto w = makeEventWriter(format, out);
    if (Status s = w->begin(); !s)
        return s;
    for (const Event& e : events)
        if (Status s = w->write(e); !s)
            return s;
    return w->finish();
}

Status exportEventsToFile(const std::vector<Event>& events, ExportFormat format,
                          const QString& path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    if (Status s = exportEvents(events, format, f); !s) {
        f.cancelWriting();
        return s;
    }
    if (!f.commit())
        return Error::make(Error::Kind::Io,
                           QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

} // namespace fa
