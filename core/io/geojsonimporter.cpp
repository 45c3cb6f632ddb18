#include "geojsonimporter.h"

#include "countries.h"
#include "dateformats.h"
#include "fieldvalues.h"
#include "listfields.h"
#include "sourceid.h"

#include <QTimeZone>

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace fa {

namespace eventproperties {

QJsonObject fromEvent(const Event& e)
{
    using namespace importhelpers;
    QJsonObject p;
    p.insert(QStringLiteral("source_id"),
             e.origin.sourceId.isEmpty()
                 ? QStringLiteral("fa:") + e.id.toString(QUuid::WithoutBraces)
                 : e.origin.sourceId);
    p.insert(QStringLiteral("title"), e.title);
    p.insert(QStringLiteral("summary"), e.summary);
    p.insert(QStringLiteral("family"), toString(e.family));
    p.insert(QStringLiteral("event_type"), e.eventType);
    p.insert(QStringLiteral("date"), formatDateExact(e.start, e.timePrecision));
    p.insert(QStringLiteral("date_precision"), toString(e.timePrecision));
    p.insert(QStringLiteral("end_date"),
             e.end ? QJsonValue(formatDate(*e.end, TimePrecision::Minute)) : QJsonValue());
    p.insert(QStringLiteral("place"), e.place);
    p.insert(QStringLiteral("district"), e.district);
    p.insert(QStringLiteral("region"), e.region);
    p.insert(QStringLiteral("country"), e.country);
    p.insert(QStringLiteral("coord_precision"), toString(e.coordPrecision));
    p.insert(QStringLiteral("killed"), e.killed ? QJsonValue(*e.killed) : QJsonValue());
    p.insert(QStringLiteral("injured"), e.injured ? QJsonValue(*e.injured) : QJsonValue());
    p.insert(QStringLiteral("casualty_note"), e.casualtyNote);
    p.insert(QStringLiteral("actors"), QJsonArray::fromStringList(e.actors));
    p.insert(QStringLiteral("sources"),
             QJsonDocument::fromJson(toJsonText(e.sources).toUtf8()).array());
    p.insert(QStringLiteral("confidence"), toString(e.confidence));
    p.insert(QStringLiteral("tags"), QJsonArray::fromStringList(e.tags));
    p.insert(QStringLiteral("notes"), e.notes);
    return p;
}

} // namespace eventproperties

namespace {

QString valueText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

std::optional<int> countValue(const QJsonValue& v, bool& bad)
{
    bad = false;
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    if (v.isString() && v.toString().trimmed().isEmpty())
        return std::nullopt;
    const auto n = importhelpers::parseInt(valueText(v).toUtf8());
    if (!n || *n < 0) {
        bad = true;
        return std::nullopt;
    }
    return n;
}

// A list property: a JSON array, or (KML) text holding one, or "a; b" text.
std::optional<QStringList> listValue(const QJsonValue& v)
{
    if (v.isArray()) {
        QStringList out;
        for (const QJsonValue& x : v.toArray()) {
            if (!x.isString())
                return std::nullopt;
            out << x.toString();
        }
        return out;
    }
    if (v.isString()) {
        const QString t = v.toString().trimmed();
        if (t.startsWith(u'['))
            return importhelpers::stringListFromJsonText(t);
        QStringList out;
        for (const QString& s : t.split(u';', Qt::SkipEmptyParts))
            if (!s.trimmed().isEmpty())
                out << s.trimmed();
        return out;
    }
    if (v.isNull() || v.isUndefined())
        return QStringList{};
    return std::nullopt;
}

std::optional<double> numberValue(const QJsonValue& v)
{
    if (v.isDouble())
        return v.toDouble();
    return std::nullopt;
}

constexpr const char* kDateNames[] = {"date",       "event_date", "start", "start_date",
                                      "date_start", "datetime",   "time",  "timestamp",
                                      "when",       "begin",      "day"};

// A date from a string or a number of seconds (or milliseconds) since 1970.
std::optional<importhelpers::ParsedDate> dateValue(const QJsonValue& v)
{
    if (v.isDouble()) {
        double secs = v.toDouble();
        if (!std::isfinite(secs))
            return std::nullopt;
        if (std::abs(secs) > 1e11)
            secs /= 1000.0;
        if (std::abs(secs) > 1e11)
            return std::nullopt;
        return importhelpers::ParsedDate{
            QDateTime::fromSecsSinceEpoch(qint64(secs), QTimeZone::UTC), TimePrecision::Minute};
    }
    if (v.isString())
        return importhelpers::parseDate(v.toString());
    return std::nullopt;
}

// Streams bytes from a device with a line counter; one JSON value at a time is captured.
class JsonScanner {
public:
    JsonScanner(QIODevice& in, const ImportLimits& limits) : m_in(in), m_limits(limits) {}

    int peek()
    {
        if (m_pos == m_len && !refill())
            return -1;
        return static_cast<unsigned char>(m_buf[m_pos]);
    }
    int get()
    {
        const int c = peek();
        if (c >= 0) {
            ++m_pos;
            ++m_consumed;
            if (c == '\n')
                ++m_line;
        }
        return c;
    }
    void skipWs()
    {
        for (int c = peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek())
            get();
    }
    qint64 line() const { return m_line; }
    qint64 consumed() const { return m_consumed; }
    const std::optional<Error>& error() const { return m_error; }

    bool fail(const QString& what)
    {
        if (!m_error) {
            m_error = Error::make(Error::Kind::Parse,
                                  QStringLiteral("line %1: %2").arg(m_line).arg(what));
            m_error->line = m_line;
        }
        return false;
    }

    /// A JSON string starting at the current '"', raw (escapes kept), into out when non-null.
    bool string(QByteArray* out)
    {
        if (get() != '"')
            return fail(QStringLiteral("expected a string"));
        if (out)
            out->append('"');
        for (;;) {
            const int c = get();
            if (c < 0)
                return fail(QStringLiteral("the file ends inside a string"));
            if (out) {
                out->append(char(c));
                if (out->size() > m_limits.maxRecordBytes)
                    return tooLarge();
            }
            if (c == '\\') {
                const int n = get();
                if (n < 0)
                    return fail(QStringLiteral("the file ends inside a string"));
                if (out)
                    out->append(char(n));
            } else if (c == '"') {
                return true;
            }
        }
    }

    /// Any JSON value; depth is the nesting level it sits at.
    bool value(QByteArray* out, int depth)
    {
        skipWs();
        const int c = peek();
        if (c == '"')
            return string(out);
        if (c == '{' || c == '[') {
            int level = 0;
            for (;;) {
                const int x = peek();
                if (x < 0)
                    return fail(QStringLiteral("the file ends inside an object or array"));
                if (x == '"') {
                    if (!string(out))
                        return false;
                    continue;
                }
                get();
                if (out) {
                    out->append(char(x));
                    if (out->size() > m_limits.maxRecordBytes)
                        return tooLarge();
                }
                if (x == '{' || x == '[') {
                    if (depth + ++level > m_limits.maxNestingDepth)
                        return fail(QStringLiteral("the JSON is nested deeper than %1 levels")
                                        .arg(m_limits.maxNestingDepth));
                } else if (x == '}' || x == ']') {
                    if (--level == 0)
                        return true;
                }
            }
        }
        // A scalar: number, true, false, null.
        bool any = false;
        for (int x = peek(); x >= 0 && x != ',' && x != '}' && x != ']' && x != ' ' && x != '\n' &&
                             x != '\r' && x != '\t';
             x = peek()) {
            get();
            any = true;
            if (out) {
                out->append(char(x));
                if (out->size() > 64)
                    return fail(QStringLiteral("a value is not valid JSON"));
            }
        }
        return any ? true : fail(QStringLiteral("expected a value"));
    }

private:
    bool tooLarge()
    {
        return fail(QStringLiteral("a feature is larger than the limit of %1 bytes")
                        .arg(m_limits.maxRecordBytes));
    }
    bool refill()
    {
        if (m_eof)
            return false;
        m_buf.resize(1 << 16);
        const qint64 n = m_in.read(m_buf.data(), m_buf.size());
        if (n <= 0) {
            if (n < 0)
                m_error = Error::make(
                    Error::Kind::Io,
                    QStringLiteral("could not read the file: %1").arg(m_in.errorString()));
            m_eof = true;
            m_len = m_pos = 0;
            return false;
        }
        m_len = n;
        m_pos = 0;
        return true;
    }

    QIODevice& m_in;
    const ImportLimits& m_limits;
    QByteArray m_buf;
    qint64 m_pos = 0, m_len = 0, m_consumed = 0, m_line = 1;
    bool m_eof = false;
    std::optional<Error> m_error;
};

} // namespace

std::optional<QString> applyEventProperties(const QJsonObject& p, Event& e)
{
    using namespace importhelpers;
    const auto text = [&p](const char* k) { return valueText(p.value(QLatin1StringView(k))); };
    const auto has = [&p](const char* k) {
        const QJsonValue v = p.value(QLatin1StringView(k));
        return !v.isUndefined() && !v.isNull();
    };
    if (has("source_id"))
        e.origin.sourceId = text("source_id");
    e.title = has("title") ? text("title") : text("name");
    e.summary = has("summary") ? text("summary") : text("description");
    if (has("family")) {
        const auto f = familyFromString(text("family"));
        if (!f)
            return QStringLiteral("unknown family \"%1\"").arg(text("family"));
        e.family = *f;
    }
    if (has("event_type"))
        e.eventType = text("event_type");
    if (has("date_precision")) {
        const auto tp = timePrecisionFromString(text("date_precision"));
        if (!tp)
            return QStringLiteral("unknown date precision \"%1\"").arg(text("date_precision"));
        e.timePrecision = *tp;
    }
    if (has("end_date") && !e.end) {
        const auto d = parseDate(text("end_date"));
        if (!d)
            return QStringLiteral("bad date \"%1\" in end_date").arg(text("end_date"));
        e.end = d->start;
    }
    e.place = text("place");
    e.district = text("district");
    e.region = text("region");
    if (has("country")) {
        const QString c = text("country");
        e.country = c.size() == 2 ? c.toUpper() : countryCode(c);
    }
    if (has("coord_precision")) {
        const auto cp = coordPrecisionFromString(text("coord_precision"));
        if (!cp)
            return QStringLiteral("unknown coordinate precision \"%1\"")
                .arg(text("coord_precision"));
        e.coordPrecision = *cp;
    }
    bool bad = false;
    e.killed = countValue(p.value(QLatin1StringView("killed")), bad);
    if (bad)
        return QStringLiteral("killed \"%1\" is not a whole number").arg(text("killed"));
    e.injured = countValue(p.value(QLatin1StringView("injured")), bad);
    if (bad)
        return QStringLiteral("injured \"%1\" is not a whole number").arg(text("injured"));
    e.casualtyNote = text("casualty_note");
    if (const auto a = listValue(p.value(QLatin1StringView("actors"))))
        e.actors = *a;
    else
        return QStringLiteral("actors is not a list of names");
    if (const auto t = listValue(p.value(QLatin1StringView("tags"))))
        e.tags = *t;
    else
        return QStringLiteral("tags is not a list");
    const QJsonValue sv = p.value(QLatin1StringView("sources"));
    if (sv.isArray() || sv.isString()) {
        const QString js =
            sv.isArray()
                ? QString::fromUtf8(QJsonDocument(sv.toArray()).toJson(QJsonDocument::Compact))
                : sv.toString();
        const auto s = sourcesFromJsonText(js);
        if (!s)
            return QStringLiteral("sources is not a list of {url, publisher, published}");
        e.sources = *s;
    }
    if (has("confidence")) {
        const auto c = confidenceFromString(text("confidence"));
        if (!c)
            return QStringLiteral("unknown confidence \"%1\"").arg(text("confidence"));
        e.confidence = *c;
    }
    e.notes = text("notes");
    if (e.eventType.isEmpty())
        e.eventType = QStringLiteral("unspecified");
    return std::nullopt;
}

std::optional<QString> GeoJsonImporter::mapFeature(const QJsonObject& f, QByteArrayView raw,
                                                   Event& e)
{
    using namespace importhelpers;
    if (f.value(QLatin1StringView("type")).toString() != u"Feature")
        return QStringLiteral("not a Feature (\"type\" is not \"Feature\")");
    const QJsonValue g = f.value(QLatin1StringView("geometry"));
    if (!g.isObject())
        return QStringLiteral("missing coordinates (geometry is null)");
    const QJsonObject geom = g.toObject();
    const QString gtype = geom.value(QLatin1StringView("type")).toString();
    if (gtype != u"Point")
        return QStringLiteral("geometry is a %1; only Point is supported")
            .arg(gtype.isEmpty() ? QStringLiteral("value without type") : gtype);
    const QJsonArray coords = geom.value(QLatin1StringView("coordinates")).toArray();
    const auto lon = coords.size() >= 2 ? numberValue(coords[0]) : std::nullopt;
    const auto lat = coords.size() >= 2 ? numberValue(coords[1]) : std::nullopt;
    if (!lon || !lat)
        return QStringLiteral("missing coordinates (a Point needs [longitude, latitude])");
    if (*lat < -90 || *lat > 90)
        return QStringLiteral("latitude %1 is out of range (-90..90)").arg(*lat);
    if (*lon < -180 || *lon > 180)
        return QStringLiteral("longitude %1 is out of range (-180..180)").arg(*lon);
    e.latitude = *lat;
    e.longitude = *lon;

    const QJsonObject props = f.value(QLatin1StringView("properties")).toObject();
    if (!m_dateKeyDecided) {
        m_dateKeyDecided = true;
        if (!m_opt.dateProperty.isEmpty()) {
            m_dateKey = m_opt.dateProperty;
        } else {
            for (const char* n : kDateNames)
                for (auto it = props.begin(); it != props.end() && m_dateKey.isEmpty(); ++it)
                    if (it.key().compare(QLatin1StringView(n), Qt::CaseInsensitive) == 0)
                        m_dateKey = it.key();
            // Otherwise the first property whose text reads as a date.
            for (auto it = props.begin(); it != props.end() && m_dateKey.isEmpty(); ++it)
                if (it.value().isString() && parseDate(it.value().toString()))
                    m_dateKey = it.key();
        }
        if (!m_dateKey.isEmpty())
            m_notes << QStringLiteral("date property: %1").arg(m_dateKey);
    }
    if (m_dateKey.isEmpty())
        return QStringLiteral("missing date (no date property found)");
    const QJsonValue dv = props.value(m_dateKey);
    if (dv.isUndefined() || dv.isNull() || (dv.isString() && dv.toString().trimmed().isEmpty()))
        return QStringLiteral("missing date (property \"%1\" is empty)").arg(m_dateKey);
    const auto d = dateValue(dv);
    if (!d)
        return QStringLiteral("bad date \"%1\" in property \"%2\"").arg(valueText(dv), m_dateKey);
    e.start = d->start;
    e.timePrecision = d->precision;
    const QString endKey = m_opt.endDateProperty.isEmpty() ? QString() : m_opt.endDateProperty;
    if (!endKey.isEmpty()) {
        const QJsonValue ev = props.value(endKey);
        if (!ev.isUndefined() && !ev.isNull() && !valueText(ev).isEmpty()) {
            const auto end = dateValue(ev);
            if (!end)
                return QStringLiteral("bad date \"%1\" in property \"%2\"")
                    .arg(valueText(ev), endKey);
            e.end = end->start;
        }
    }
    for (const char* k : {"date_end", "end"})
        if (!e.end && props.contains(QLatin1StringView(k)) &&
            !valueText(props.value(QLatin1StringView(k))).isEmpty()) {
            const auto end = dateValue(props.value(QLatin1StringView(k)));
            if (!end)
                return QStringLiteral("bad date \"%1\" in property \"%2\"")
                    .arg(valueText(props.value(QLatin1StringView(k))), QLatin1StringView(k));
            e.end = end->start;
        }
    if (auto why = applyEventProperties(props, e))
        return why;
    if (!m_opt.titleProperty.isEmpty())
        e.title = valueText(props.value(m_opt.titleProperty));
    if (e.title.isEmpty())
        e.title =
            e.place.isEmpty() ? e.eventType : QStringLiteral("%1 at %2").arg(e.eventType, e.place);
    if (e.origin.sourceId.isEmpty()) {
        const QJsonValue id = f.value(QLatin1StringView("id"));
        if (!valueText(id).isEmpty())
            e.origin.sourceId = QStringLiteral("geojson:") + valueText(id);
        else
            e.origin.sourceId = contentHashId(QStringLiteral("geojson-sha1:"), raw);
    }
    return std::nullopt;
}

Status GeoJsonImporter::read(QIODevice& in, ImportSink& sink)
{
    JsonScanner s(in, m_opt.limits);
    const qint64 total = in.isSequential() ? 0 : in.size();
    const auto cancelled = [] { return Error::cancelled(); };
    const auto failed = [&s]() -> Status { return *s.error(); };
    // A UTF-8 byte order mark is tolerated.
    if (s.peek() == 0xEF) {
        s.get();
        if (s.get() != 0xBB || s.get() != 0xBF)
            return Error::make(Error::Kind::Parse, QStringLiteral("the file is not JSON"));
    }
    s.skipWs();
    if (s.get() != '{') {
        s.fail(
            QStringLiteral("not a GeoJSON FeatureCollection (the file does not start with '{')"));
        return failed();
    }
    bool sawFeatures = false;
    qint64 index = 0;
    for (bool first = true;; first = false) {
        s.skipWs();
        if (s.peek() == '}') {
            s.get();
            break;
        }
        if (!first) {
            if (s.get() != ',') {
                s.fail(QStringLiteral("expected ',' or '}' between members"));
                return failed();
            }
            s.skipWs();
        }
        QByteArray key;
        if (!s.string(&key))
            return failed();
        s.skipWs();
        if (s.get() != ':') {
            s.fail(QStringLiteral("expected ':' after a member name"));
            return failed();
        }
        if (key == "\"type\"") {
            QByteArray v;
            if (!s.value(&v, 1))
                return failed();
            if (v != "\"FeatureCollection\"") {
                s.fail(QStringLiteral("not a GeoJSON FeatureCollection (type is %1)")
                           .arg(QString::fromUtf8(v.left(40))));
                return failed();
            }
        } else if (key == "\"features\"") {
            sawFeatures = true;
            s.skipWs();
            if (s.get() != '[') {
                s.fail(QStringLiteral("\"features\" is not an array"));
                return failed();
            }
            for (bool firstFeature = true;; firstFeature = false) {
                s.skipWs();
                if (s.peek() == ']') {
                    s.get();
                    break;
                }
                if (!firstFeature) {
                    if (s.get() != ',') {
                        s.fail(QStringLiteral("expected ',' or ']' between features"));
                        return failed();
                    }
                }
                QByteArray raw;
                if (!s.value(&raw, 2))
                    return failed();
                ++index;
                QJsonParseError err;
                const QJsonDocument doc = QJsonDocument::fromJson(raw, &err);
                Event e;
                e.origin.kind = OriginKind::Imported;
                e.origin.name = m_opt.sourceName;
                std::optional<QString> why;
                if (err.error != QJsonParseError::NoError)
                    why = QStringLiteral("not valid JSON (%1)").arg(err.errorString());
                else if (!doc.isObject())
                    why = QStringLiteral("not a Feature (not a JSON object)");
                else
                    why = mapFeature(doc.object(), raw, e);
                if (why) {
                    if (sink.reject && !sink.reject(index, *why))
                        return cancelled();
                } else if (sink.accept && !sink.accept(std::move(e), index)) {
                    return cancelled();
                }
                if ((index & 0x3FF) == 0 && sink.progress && !sink.progress(s.consumed(), total))
                    return cancelled();
            }
        } else if (!s.value(nullptr, 1)) {
            return failed();
        }
    }
    if (s.error())
        return failed();
    s.skipWs();
    if (s.peek() >= 0) {
        s.fail(QStringLiteral("unexpected text after the FeatureCollection"));
        return failed();
    }
    if (!sawFeatures)
        return Error::make(
            Error::Kind::Parse,
            QStringLiteral("not a GeoJSON FeatureCollection (no \"features\" array)"));
    if (sink.progress && !sink.progress(s.consumed(), total))
        return cancelled();
    return {};
}

} // namespace fa
