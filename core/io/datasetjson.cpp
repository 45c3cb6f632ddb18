#include "datasetjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>

namespace fa {
namespace {

// JSON keys, in one place so that the reader and the writer cannot drift apart.
namespace key {
constexpr QLatin1StringView format("format"), version("version"), description("description"),
    events("events");
constexpr QLatin1StringView id("id"), title("title"), summary("summary"), family("family"),
    eventType("event_type"), start("start"), timePrecision("time_precision"), end("end"),
    place("place"), district("district"), region("region"), country("country"),
    latitude("latitude"), longitude("longitude"), coordPrecision("coord_precision"),
    killed("killed"), injured("injured"), casualtyNote("casualty_note"), actors("actors"),
    sources("sources"), confidence("confidence"), tags("tags"), notes("notes"), created("created"),
    updated("updated"), origin("origin");
constexpr QLatin1StringView url("url"), publisher("publisher"), published("published"),
    reliability("reliability"), credibility("credibility");
constexpr QLatin1StringView kind("kind"), name("name"), sourceId("source_id");
} // namespace key

enum class Need { Required, Optional };

QString describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: {
        QString s = v.toString();
        if (s.size() > 40)
            s = s.left(37) + QStringLiteral("...");
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

/// A timestamp with an explicit zone; a bare local time would be read differently on each
/// machine, so it is refused.
std::optional<QDateTime> parseUtc(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$)"));
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

QJsonValue utcText(const QDateTime& t)
{
    if (!t.isValid())
        return QJsonValue::Null;
    const QDateTime utc = t.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

QJsonValue utcText(const std::optional<QDateTime>& t)
{
    return t ? utcText(*t) : QJsonValue(QJsonValue::Null);
}

QJsonArray stringArray(const QStringList& list)
{
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

QJsonValue countValue(const std::optional<int>& n)
{
    return n ? QJsonValue(*n) : QJsonValue(QJsonValue::Null);
}

/// Reads the fields of one JSON object. The first problem is remembered with its path and
/// every later read returns a default, so the mapping code reads straight through and checks
/// once at the end.
class FieldReader {
public:
    FieldReader(const QJsonObject& obj, QString path) : m_obj(obj), m_path(std::move(path)) {}

    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }
    void adoptError(const Error& e)
    {
        if (!m_error)
            m_error = e;
    }
    QString pathOf(QLatin1StringView k) const { return m_path + QLatin1Char('.') + k; }
    QJsonValue raw(QLatin1StringView k) const { return m_obj.value(k); }

    void fail(QLatin1StringView k, const QString& message)
    {
        if (m_error)
            return;
        const QString field = k.isEmpty() ? m_path : pathOf(k);
        m_error = Error::invalid(field, field + QStringLiteral(": ") + message);
    }

    /// Refuses keys the format does not define: a misspelt key would otherwise be dropped.
    void rejectUnknownKeys(std::initializer_list<QLatin1StringView> known)
    {
        for (auto it = m_obj.begin(); it != m_obj.end() && !m_error; ++it) {
            bool ok = false;
            for (QLatin1StringView k : known)
                ok = ok || it.key() == k;
            if (!ok)
                fail({}, QStringLiteral("unknown key \"%1\"").arg(it.key()));
        }
    }

    /// Present and not null?
    bool has(QLatin1StringView k) const
    {
        const QJsonValue v = m_obj.value(k);
        return !v.isUndefined() && !v.isNull();
    }

    QString string(QLatin1StringView k, Need need)
    {
        const QJsonValue v = m_obj.value(k);
        if (v.isUndefined() && need == Need::Optional)
            return {};
        if (!v.isString()) {
            fail(k, v.isUndefined() ? QStringLiteral("is missing (a string is required)")
                                    : QStringLiteral("must be a string, not %1").arg(describe(v)));
            return {};
        }
        return v.toString();
    }

    QStringList stringList(QLatin1StringView k)
    {
        const QJsonValue v = m_obj.value(k);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(k, QStringLiteral("must be an array of strings, not %1").arg(describe(v)));
            return {};
        }
        QStringList out;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                fail(k, QStringLiteral("item %1 must be a string, not %2")
                            .arg(i)
                            .arg(describe(a.at(i))));
                return {};
            }
            out << a.at(i).toString();
        }
        return out;
    }

    double number(QLatin1StringView k, double lo, double hi)
    {
        const QJsonValue v = m_obj.value(k);
        const QString range = QStringLiteral("a number between %1 and %2").arg(lo).arg(hi);
        if (!v.isDouble()) {
            fail(k, v.isUndefined() ? QStringLiteral("is missing (%1 is required)").arg(range)
                                    : QStringLiteral("must be %1, not %2").arg(range, describe(v)));
            return 0.0;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < lo || d > hi) {
            fail(k, QStringLiteral("must be %1, not %2").arg(range, describe(v)));
            return 0.0;
        }
        return d;
    }

    /// An integer in [lo, hi], or null / absent (nullopt).
    std::optional<int> nullableInt(QLatin1StringView k, int lo, int hi, const QString& nullMeans)
    {
        const QJsonValue v = m_obj.value(k);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi) {
            fail(k, QStringLiteral("must be a whole number from %1 to %2, or null for %3; not %4")
                        .arg(lo)
                        .arg(hi)
                        .arg(nullMeans, describe(v)));
            return std::nullopt;
        }
        return static_cast<int>(d);
    }

    QDateTime dateTime(QLatin1StringView k, Need need)
    {
        const QJsonValue v = m_obj.value(k);
        if ((v.isUndefined() || v.isNull()) && need == Need::Optional)
            return {};
        const std::optional<QDateTime> t = v.isString() ? parseUtc(v.toString()) : std::nullopt;
        if (!t) {
            fail(k, QStringLiteral("must be an ISO 8601 date-time with a zone, like "
                                   "\"2025-11-30T13:45:00Z\"; not %1")
                        .arg(describe(v)));
            return {};
        }
        return *t;
    }

    std::optional<QDate> nullableDate(QLatin1StringView k)
    {
        const QJsonValue v = m_obj.value(k);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        static const QRegularExpression shape(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
        const QDate d = v.isString() && shape.match(v.toString()).hasMatch()
                            ? QDate::fromString(v.toString(), Qt::ISODate)
                            : QDate();
        if (!d.isValid()) {
            fail(k,
                 QStringLiteral("must be a date \"YYYY-MM-DD\" or null, not %1").arg(describe(v)));
            return std::nullopt;
        }
        return d;
    }

    /// A named value of one of our enums; names lists the accepted spellings for the message.
    template <typename E>
    E enumValue(QLatin1StringView k, std::optional<E> (*parse)(const QString&), Need need,
                E fallback, const char* names)
    {
        const QJsonValue v = m_obj.value(k);
        if (v.isUndefined() && need == Need::Optional)
            return fallback;
        // Our files use the exact lower-case names; the lenient parser would also take " Clash".
        std::optional<E> e = v.isString() ? parse(v.toString()) : std::nullopt;
        if (e && toString(*e) != v.toString())
            e.reset();
        if (!e) {
            fail(k, QStringLiteral("must be one of %1; not %2")
                        .arg(QLatin1StringView(names),
                             v.isUndefined() ? QStringLiteral("missing") : describe(v)));
            return fallback;
        }
        return *e;
    }

private:
    QJsonObject m_obj;
    QString m_path;
    std::optional<Error> m_error;
};

Result<Source> sourceFromJson(const QJsonValue& value, const QString& path)
{
    if (!value.isObject())
        return Error::invalid(path,
                              path + QStringLiteral(": must be an object, not ") + describe(value));
    FieldReader r(value.toObject(), path);
    r.rejectUnknownKeys(
        {key::url, key::publisher, key::title, key::published, key::reliability, key::credibility});
    Source s;
    s.url = r.string(key::url, Need::Required);
    if (!r.failed() && !s.url.startsWith(QLatin1StringView("http://")) &&
        !s.url.startsWith(QLatin1StringView("https://")))
        r.fail(key::url, QStringLiteral("must be an http:// or https:// address, not %1")
                             .arg(describe(QJsonValue(s.url))));
    s.publisher = r.string(key::publisher, Need::Optional);
    s.title = r.string(key::title, Need::Optional);
    s.published = r.nullableDate(key::published);
    if (r.has(key::reliability)) {
        const QJsonValue v = r.raw(key::reliability);
        const QString grade = v.toString();
        if (!v.isString() || grade.size() != 1 || grade.at(0) < QLatin1Char('A') ||
            grade.at(0) > QLatin1Char('F'))
            r.fail(key::reliability,
                   QStringLiteral("must be a letter from \"A\" to \"F\", or null when not graded; "
                                  "not %1")
                       .arg(describe(v)));
        else
            s.reliability = static_cast<char>(grade.at(0).unicode());
    }
    s.credibility = r.nullableInt(key::credibility, 1, 6, QStringLiteral("not graded")).value_or(0);
    if (r.failed())
        return r.error();
    return s;
}

Result<Origin> originFromJson(const QJsonValue& value, const QString& path)
{
    if (value.isUndefined() || value.isNull())
        return Origin{};
    if (!value.isObject())
        return Error::invalid(path,
                              path + QStringLiteral(": must be an object, not ") + describe(value));
    FieldReader r(value.toObject(), path);
    r.rejectUnknownKeys({key::kind, key::name, key::sourceId});
    Origin o;
    o.kind = r.enumValue(key::kind, &originKindFromString, Need::Required, OriginKind::Manual,
                         "\"bundled\", \"imported\", \"manual\"");
    o.name = r.string(key::name, Need::Optional);
    o.sourceId = r.string(key::sourceId, Need::Optional);
    if (r.failed())
        return r.error();
    return o;
}

QJsonObject sourceToJson(const Source& s)
{
    QJsonObject o;
    o.insert(key::url, s.url);
    o.insert(key::publisher, s.publisher);
    o.insert(key::title, s.title);
    o.insert(key::published, s.published ? QJsonValue(s.published->toString(Qt::ISODate))
                                         : QJsonValue(QJsonValue::Null));
    o.insert(key::reliability, s.reliability != '\0'
                                   ? QJsonValue(QString(QLatin1Char(s.reliability)))
                                   : QJsonValue(QJsonValue::Null));
    o.insert(key::credibility,
             s.credibility != 0 ? QJsonValue(s.credibility) : QJsonValue(QJsonValue::Null));
    return o;
}

/// 1-based line and column of a byte offset, for syntax errors.
std::pair<qint64, qint64> lineAndColumn(const QByteArray& text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    qint64 line = 1, column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

QJsonObject eventToJson(const Event& e)
{
    QJsonObject o;
    o.insert(key::id, e.id.isNull() ? QJsonValue(QJsonValue::Null)
                                    : QJsonValue(e.id.toString(QUuid::WithoutBraces)));
    o.insert(key::title, e.title);
    o.insert(key::summary, e.summary);
    o.insert(key::family, toString(e.family));
    o.insert(key::eventType, e.eventType);
    o.insert(key::start, utcText(e.start));
    o.insert(key::timePrecision, toString(e.timePrecision));
    o.insert(key::end, utcText(e.end));
    o.insert(key::place, e.place);
    o.insert(key::district, e.district);
    o.insert(key::region, e.region);
    o.insert(key::country, e.country);
    o.insert(key::latitude, e.latitude);
    o.insert(key::longitude, e.longitude);
    o.insert(key::coordPrecision, toString(e.coordPrecision));
    o.insert(key::killed, countValue(e.killed));
    o.insert(key::injured, countValue(e.injured));
    o.insert(key::casualtyNote, e.casualtyNote);
    o.insert(key::actors, stringArray(e.actors));
    QJsonArray sources;
    for (const Source& s : e.sources)
        sources.append(sourceToJson(s));
    o.insert(key::sources, sources);
    o.insert(key::confidence, toString(e.confidence));
    o.insert(key::tags, stringArray(e.tags));
    o.insert(key::notes, e.notes);
    o.insert(key::created, utcText(e.created));
    o.insert(key::updated, utcText(e.updated));
    QJsonObject origin;
    origin.insert(key::kind, toString(e.origin.kind));
    origin.insert(key::name, e.origin.name);
    origin.insert(key::sourceId, e.origin.sourceId);
    o.insert(key::origin, origin);
    return o;
}

Result<Event> eventFromJson(const QJsonObject& obj, const QString& path)
{
    FieldReader r(obj, path);
    r.rejectUnknownKeys({key::id,         key::title,        key::summary,        key::family,
                         key::eventType,  key::start,        key::timePrecision,  key::end,
                         key::place,      key::district,     key::region,         key::country,
                         key::latitude,   key::longitude,    key::coordPrecision, key::killed,
                         key::injured,    key::casualtyNote, key::actors,         key::sources,
                         key::confidence, key::tags,         key::notes,          key::created,
                         key::updated,    key::origin});
    Event e;
    if (r.has(key::id)) {
        const QJsonValue v = r.raw(key::id);
        e.id = QUuid::fromString(v.toString());
        if (!v.isString() || e.id.isNull())
            r.fail(key::id, QStringLiteral("must be a UUID like "
                                           "\"0b2ff711-61cf-54b8-92d2-4dc4ee8f6aa0\", or null; "
                                           "not %1")
                                .arg(describe(v)));
    }
    e.title = r.string(key::title, Need::Required);
    e.summary = r.string(key::summary, Need::Optional);
    e.family = r.enumValue(key::family, &familyFromString, Need::Required, Family::Incident,
                           "\"incident\", \"diplomatic\", \"context\"");
    e.eventType = r.string(key::eventType, Need::Optional);
    e.start = r.dateTime(key::start, Need::Required);
    e.timePrecision = r.enumValue(key::timePrecision, &timePrecisionFromString, Need::Optional,
                                  TimePrecision::Day, "\"year\", \"month\", \"day\", \"minute\"");
    if (r.has(key::end)) {
        e.end = r.dateTime(key::end, Need::Required);
        if (!r.failed() && *e.end < e.start)
            r.fail(key::end, QStringLiteral("must not be before start"));
    }
    e.place = r.string(key::place, Need::Optional);
    e.district = r.string(key::district, Need::Optional);
    e.region = r.string(key::region, Need::Optional);
    e.country = r.string(key::country, Need::Optional);
    static const QRegularExpression alpha2(QStringLiteral("^[A-Z]{2}$"));
    if (!r.failed() && !e.country.isEmpty() && !alpha2.match(e.country).hasMatch())
        r.fail(key::country, QStringLiteral("must be an ISO 3166-1 alpha-2 code in upper case "
                                            "(\"TJ\"), or empty; not %1")
                                 .arg(describe(QJsonValue(e.country))));
    e.latitude = r.number(key::latitude, -90.0, 90.0);
    e.longitude = r.number(key::longitude, -180.0, 180.0);
    e.coordPrecision = r.enumValue(key::coordPrecision, &coordPrecisionFromString, Need::Optional,
                                   CoordPrecision::Settlement,
                                   "\"exact\", \"settlement\", \"district\", \"region\"");
    const int maxCount = std::numeric_limits<int>::max();
    e.killed = r.nullableInt(key::killed, 0, maxCount, QStringLiteral("unknown"));
    e.injured = r.nullableInt(key::injured, 0, maxCount, QStringLiteral("unknown"));
    e.casualtyNote = r.string(key::casualtyNote, Need::Optional);
    e.actors = r.stringList(key::actors);

    const QJsonValue sources = r.raw(key::sources);
    if (!sources.isUndefined() && !sources.isArray()) {
        r.fail(key::sources,
               QStringLiteral("must be an array of source objects, not %1").arg(describe(sources)));
    } else {
        const QJsonArray list = sources.toArray();
        for (qsizetype i = 0; i < list.size() && !r.failed(); ++i) {
            Result<Source> s =
                sourceFromJson(list.at(i), r.pathOf(key::sources) + QStringLiteral("[%1]").arg(i));
            if (s)
                e.sources << std::move(s).value();
            else
                r.adoptError(s.error());
        }
    }

    e.confidence = r.enumValue(key::confidence, &confidenceFromString, Need::Optional,
                               Confidence::Reported, "\"confirmed\", \"reported\", \"disputed\"");
    e.tags = r.stringList(key::tags);
    e.notes = r.string(key::notes, Need::Optional);
    e.created = r.dateTime(key::created, Need::Optional);
    e.updated = r.dateTime(key::updated, Need::Optional);
    if (!r.failed()) {
        Result<Origin> origin = originFromJson(r.raw(key::origin), r.pathOf(key::origin));
        if (origin)
            e.origin = std::move(origin).value();
        else
            r.adoptError(origin.error());
    }
    if (r.failed())
        return r.error();
    return e;
}

Result<std::vector<Event>> readEventsJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        Error e = Error::make(Error::Kind::Parse,
                              QStringLiteral("line %1, column %2: JSON syntax error: %3")
                                  .arg(line)
                                  .arg(column)
                                  .arg(parseError.errorString()));
        e.line = line;
        return e;
    }
    const QString notOurs =
        QStringLiteral("this is not a Frontier Atlas event file (expected a JSON object with "
                       "\"format\": \"%1\")")
            .arg(QLatin1StringView(kEventsJsonFormat));
    if (!doc.isObject())
        return Error::make(Error::Kind::Unsupported, notOurs);
    const QJsonObject top = doc.object();
    if (top.value(key::format).toString() != QLatin1StringView(kEventsJsonFormat))
        return Error::make(Error::Kind::Unsupported, notOurs);

    const QJsonValue version = top.value(key::version);
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) ||
        version.toDouble() < 1)
        return Error::invalid(key::version,
                              QStringLiteral("version: must be a whole number from 1, not %1")
                                  .arg(describe(version)));
    if (version.toDouble() > kEventsJsonVersion)
        return Error::make(Error::Kind::Unsupported,
                           QStringLiteral("the event file has format version %1, written by a "
                                          "newer Frontier Atlas; this one reads up to version %2")
                               .arg(version.toInteger())
                               .arg(kEventsJsonVersion));

    for (auto it = top.begin(); it != top.end(); ++it) {
        if (it.key() != key::format && it.key() != key::version && it.key() != key::description &&
            it.key() != key::events)
            return Error::invalid(it.key(),
                                  QStringLiteral("unknown top-level key \"%1\"").arg(it.key()));
    }
    const QJsonValue description = top.value(key::description);
    if (!description.isUndefined() && !description.isString())
        return Error::invalid(
            key::description,
            QStringLiteral("description: must be a string, not %1").arg(describe(description)));
    const QJsonValue events = top.value(key::events);
    if (!events.isArray())
        return Error::invalid(key::events, QStringLiteral("events: must be an array of events, "
                                                          "not %1")
                                               .arg(describe(events)));

    const QJsonArray list = events.toArray();
    std::vector<Event> out;
    out.reserve(static_cast<std::size_t>(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("events[%1]").arg(i);
        if (!list.at(i).isObject())
            return Error::invalid(path, path + QStringLiteral(": must be an object, not ") +
                                            describe(list.at(i)));
        Result<Event> e = eventFromJson(list.at(i).toObject(), path);
        if (!e)
            return e.error();
        out.push_back(std::move(e).value());
    }
    return out;
}

QByteArray writeEventsJson(const std::vector<Event>& events, const QString& description)
{
    QJsonArray list;
    for (const Event& e : events)
        list.append(eventToJson(e));
    QJsonObject top;
    top.insert(key::format, QLatin1StringView(kEventsJsonFormat));
    top.insert(key::version, kEventsJsonVersion);
    if (!description.isEmpty())
        top.insert(key::description, description);
    top.insert(key::events, list);
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

} // namespace fa
