#include "eventstore.h"

#include "bulkrows.h"
#include "deferredindexes.h"
#include "migrations.h"
#include "sqlite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <variant>

namespace fa {
namespace {

constexpr int kBusyTimeoutMs = 2000;

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QDateTime fromSecs(qint64 s)
{
    return QDateTime::fromSecsSinceEpoch(s, QTimeZone::UTC);
}
QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
}

// Fast enum parsing from the raw column bytes (forEachIndexRow runs a million times).
template <typename E, std::size_t N>
E enumFromUtf8(std::string_view s, const std::array<std::pair<std::string_view, E>, N>& table,
               E fallback)
{
    for (const auto& [name, value] : table)
        if (s == name)
            return value;
    return fallback;
}
constexpr std::array<std::pair<std::string_view, Family>, 3> kFamilyNames{
    {{"incident", Family::Incident},
     {"diplomatic", Family::Diplomatic},
     {"context", Family::Context}}};
constexpr std::array<std::pair<std::string_view, TimePrecision>, 4> kTimePrecisionNames{
    {{"day", TimePrecision::Day},
     {"minute", TimePrecision::Minute},
     {"month", TimePrecision::Month},
     {"year", TimePrecision::Year}}};
constexpr std::array<std::pair<std::string_view, CoordPrecision>, 4> kCoordPrecisionNames{
    {{"settlement", CoordPrecision::Settlement},
     {"exact", CoordPrecision::Exact},
     {"district", CoordPrecision::District},
     {"region", CoordPrecision::Region}}};

Error readOnlyError()
{
    return Error::make(Error::Kind::ReadOnly,
                       QStringLiteral("the database is open read-only; reopen it for editing"));
}

Error batchOpenError()
{
    return Error::make(Error::Kind::Locked,
                       QStringLiteral("a bulk write is in progress on this database"));
}

QByteArray jsonArray(const QStringList& values)
{
    return QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact);
}

template <typename T> QStringList toList(const QSet<T>& set)
{
    QStringList out;
    out.reserve(set.size());
    for (const auto& v : set) {
        if constexpr (std::is_same_v<T, QString>)
            out << v;
        else
            out << toString(v);
    }
    return out;
}

const char* const kEventColumns =
    "e.id, e.uuid, e.title, e.summary, e.family, e.event_type, e.start_secs, e.time_precision, "
    "e.end_secs, e.place, e.district, e.region, e.country, e.latitude, e.longitude, "
    "e.coord_precision, e.killed, e.injured, e.casualty_note, e.confidence, e.notes, "
    "e.created_ms, e.updated_ms, e.origin_kind, e.origin_name, e.source_id";

constexpr const char* kInsertEvent =
    "INSERT INTO events(uuid, title, summary, family, event_type, start_secs, time_precision, "
    "end_secs, cover_from, cover_to, place, district, region, country, latitude, longitude, "
    "coord_precision, killed, injured, casualty_note, confidence, notes, created_ms, updated_ms, "
    "origin_kind, origin_name, source_id, actors_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
    "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
    "?27, ?28) ON CONFLICT(source_id) DO NOTHING";
constexpr const char* kUpdateEvent =
    "UPDATE events SET title = ?2, summary = ?3, family = ?4, event_type = ?5, start_secs = ?6, "
    "time_precision = ?7, end_secs = ?8, cover_from = ?9, cover_to = ?10, place = ?11, "
    "district = ?12, region = ?13, country = ?14, latitude = ?15, longitude = ?16, "
    "coord_precision = ?17, killed = ?18, injured = ?19, casualty_note = ?20, confidence = ?21, "
    "notes = ?22, created_ms = ?23, updated_ms = ?24, origin_kind = ?25, origin_name = ?26, "
    "source_id = ?27, actors_text = ?28 WHERE id = ?1";
constexpr const char* kInsertActor =
    "INSERT INTO actors(event_id, position, name) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertSource =
    "INSERT INTO sources(event_id, position, url, publisher, title, published, reliability, "
    "credibility) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kInsertTag = "INSERT INTO tags(event_id, position, tag) VALUES (?1, ?2, ?3)";

/// The values of the written columns after uuid, in kInsertEvent's order (?2..?28): one list
/// for the single-row statements and the bulk path.
constexpr int kEventValueCount = 27;
std::array<SqlValue, kEventValueCount> eventSqlValues(const Event& e)
{
    const auto text = [](const QString& s) { return SqlValue(s.toUtf8()); };
    const auto optionalInt = [](const std::optional<int>& v) {
        return v ? SqlValue(qint64(*v)) : SqlValue();
    };
    const qint64 start = e.start.toSecsSinceEpoch();
    const std::optional<qint64> end =
        e.end ? std::optional<qint64>(e.end->toSecsSinceEpoch()) : std::nullopt;
    return {text(e.title),
            text(e.summary),
            text(toString(e.family)),
            text(e.eventType),
            start,
            text(toString(e.timePrecision)),
            end ? SqlValue(*end) : SqlValue(),
            start,
            coverageEndSecs(start, end, e.timePrecision),
            text(e.place),
            text(e.district),
            text(e.region),
            text(e.country),
            e.latitude,
            e.longitude,
            text(toString(e.coordPrecision)),
            optionalInt(e.killed),
            optionalInt(e.injured),
            text(e.casualtyNote),
            text(toString(e.confidence)),
            text(e.notes),
            e.created.toMSecsSinceEpoch(),
            e.updated.toMSecsSinceEpoch(),
            text(toString(e.origin.kind)),
            text(e.origin.name),
            e.origin.sourceId.isEmpty() ? SqlValue() : text(e.origin.sourceId),
            text(e.actors.join(QStringLiteral("; ")))};
}

/// Binds the event's columns ?2..?28 (?1 is the uuid for INSERT, the rowid for UPDATE).
void bindEventColumns(Statement& st, const Event& e)
{
    const auto values = eventSqlValues(e);
    for (int i = 0; i < kEventValueCount; ++i)
        st.bind(i + 2, values[std::size_t(i)]);
}

/// An event as the store writes it: the events row after uuid (title .. actors_text) and the
/// child rows without their event id.
struct EncodedEvent {
    QUuid id;
    QString sourceId;
    std::vector<SqlValue> columns;
    std::vector<SqlValue> actors;  ///< per actor: position, name
    std::vector<SqlValue> sources; ///< per source: position, url, publisher, title, published,
                                   ///< reliability, credibility
    std::vector<SqlValue> tags;    ///< per tag: position, tag
};
constexpr std::size_t kActorWidth = 2, kSourceWidth = 7, kTagWidth = 2;

/// The event as the store writes it (EncodedEvent); the caller has validated it.
EncodedEvent encodeValid(const Event& e)
{
    EncodedEvent out;
    out.id = e.id;
    out.sourceId = e.origin.sourceId;
    const auto values = eventSqlValues(e);
    out.columns.assign(values.begin(), values.end());
    const auto text = [](const QString& s) { return SqlValue(s.toUtf8()); };
    for (qsizetype i = 0; i < e.actors.size(); ++i)
        out.actors.insert(out.actors.end(), {qint64(i), text(e.actors[i])});
    for (qsizetype i = 0; i < e.sources.size(); ++i) {
        const Source& src = e.sources[i];
        out.sources.insert(out.sources.end(),
                           {qint64(i), text(src.url), text(src.publisher), text(src.title),
                            src.published ? text(src.published->toString(Qt::ISODate)) : SqlValue(),
                            src.reliability ? SqlValue(QByteArray(1, src.reliability)) : SqlValue(),
                            src.credibility ? SqlValue(qint64(src.credibility)) : SqlValue()});
    }
    for (qsizetype i = 0; i < e.tags.size(); ++i)
        out.tags.insert(out.tags.end(), {qint64(i), text(e.tags[i])});
    return out;
}

/// The prepared statements a write needs, looked up once per write or once per batch.
struct Writer {
    Database* db = nullptr;
    Statement* insertEvent = nullptr;
    Statement* insertActor = nullptr;
    Statement* insertSource = nullptr;
    Statement* insertTag = nullptr;

    static Result<Writer> make(Database& db)
    {
        Writer w;
        w.db = &db;
        const std::pair<Statement**, const char*> all[] = {{&w.insertEvent, kInsertEvent},
                                                           {&w.insertActor, kInsertActor},
                                                           {&w.insertSource, kInsertSource},
                                                           {&w.insertTag, kInsertTag}};
        for (const auto& [slot, sql] : all) {
            auto st = db.cached(sql);
            if (!st)
                return st.error();
            *slot = *st;
        }
        return w;
    }

    /// Inserts the event row and its children. Returns the new rowid, or 0 when an event with
    /// the same origin.sourceId is already stored (nothing written).
    Result<qint64> insert(const EncodedEvent& e)
    {
        Statement& st = *insertEvent;
        st.reset();
        st.bind(1, e.id.toByteArray(QUuid::WithoutBraces));
        for (std::size_t i = 0; i < e.columns.size(); ++i)
            st.bind(int(i) + 2, e.columns[i]);
        if (auto s = st.run(); !s)
            return s.error();
        if (db->changes() == 0)
            return qint64(0);
        const qint64 rowid = db->lastInsertRowid();
        if (auto s = insertChildren(rowid, e); !s)
            return s.error();
        return rowid;
    }

    Status insertChildren(qint64 rowid, const EncodedEvent& e)
    {
        const std::tuple<Statement*, const std::vector<SqlValue>*, std::size_t> all[] = {
            {insertActor, &e.actors, kActorWidth},
            {insertSource, &e.sources, kSourceWidth},
            {insertTag, &e.tags, kTagWidth}};
        for (const auto& [st, values, width] : all) {
            for (std::size_t row = 0; row < values->size(); row += width) {
                st->reset();
                st->bind(1, rowid);
                for (std::size_t i = 0; i < width; ++i)
                    st->bind(int(i) + 2, (*values)[row + i]);
                if (auto s = st->run(); !s)
                    return s;
            }
        }
        return {};
    }
};

/// Fills in what the store owns: a new id, created/updated stamps; times normalised to UTC.
void stampNew(Event& e, const QDateTime& now)
{
    if (e.id.isNull())
        e.id = newEventId();
    if (!e.created.isValid())
        e.created = now;
    if (!e.updated.isValid())
        e.updated = now;
}

/// Stamps, validates and encodes (on any thread: no database involved).
Result<EncodedEvent> encodeEvent(Event e, const QDateTime& now)
{
    stampNew(e, now);
    if (auto s = validateEvent(e); !s)
        return s.error();
    return encodeValid(e);
}

/// The current time at the precision the file keeps (milliseconds, UTC).
QDateTime nowUtc()
{
    return fromMs(QDateTime::currentMSecsSinceEpoch());
}

Event readEventRow(const Statement& st)
{
    Event e;
    e.id = QUuid::fromString(QLatin1StringView(st.columnUtf8(1)));
    e.title = st.columnText(2);
    e.summary = st.columnText(3);
    e.family = enumFromUtf8(st.columnUtf8(4), kFamilyNames, Family::Incident);
    e.eventType = st.columnText(5);
    e.start = fromSecs(st.columnInt64(6));
    e.timePrecision = enumFromUtf8(st.columnUtf8(7), kTimePrecisionNames, TimePrecision::Day);
    if (!st.isNull(8))
        e.end = fromSecs(st.columnInt64(8));
    e.place = st.columnText(9);
    e.district = st.columnText(10);
    e.region = st.columnText(11);
    e.country = st.columnText(12);
    e.latitude = st.columnDouble(13);
    e.longitude = st.columnDouble(14);
    e.coordPrecision =
        enumFromUtf8(st.columnUtf8(15), kCoordPrecisionNames, CoordPrecision::Settlement);
    e.killed = st.columnOptionalInt(16);
    e.injured = st.columnOptionalInt(17);
    e.casualtyNote = st.columnText(18);
    e.confidence = confidenceFromString(st.columnText(19)).value_or(Confidence::Reported);
    e.notes = st.columnText(20);
    e.created = fromMs(st.columnInt64(21));
    e.updated = fromMs(st.columnInt64(22));
    e.origin.kind = originKindFromString(st.columnText(23)).value_or(OriginKind::Manual);
    e.origin.name = st.columnText(24);
    e.origin.sourceId = st.columnText(25);
    return e;
}

/// A value bound to a named parameter of a filter query.
using FilterValue = std::variant<qint64, double, QByteArray>;

/// The FROM and WHERE of a filter query, built from fixed SQL fragments only; every value the
/// user chose is bound to a parameter.
struct FilterSql {
    QByteArray from = "events e";
    QByteArrayList where;
    std::vector<std::pair<const char*, FilterValue>> params;
    bool matchesNothing = false;

    QByteArray sql(const char* select, const char* tail) const
    {
        QByteArray s = QByteArray("SELECT ") + select + " FROM " + from;
        if (!where.isEmpty())
            s += " WHERE " + where.join(" AND ");
        s += tail;
        return s;
    }

    void bindTo(Statement& st) const
    {
        for (const auto& [name, value] : params)
            std::visit([&](const auto& v) { st.bind(name, v); }, value);
    }
};

FilterSql buildFilter(const EventFilter& f)
{
    FilterSql q;
    if (f.box || f.from || f.to) {
        // Drive the query from the R*Tree (CROSS JOIN fixes the join order), then recheck the
        // exact columns: the R*Tree stores rounded 32-bit floats.
        q.from = "events_rtree r CROSS JOIN events e ON e.id = r.id";
        const GeoBox box = f.box.value_or(GeoBox{});
        const qint64 from =
            f.from ? f.from->toSecsSinceEpoch() : std::numeric_limits<qint64>::min() / 2;
        const qint64 to = f.to ? f.to->toSecsSinceEpoch() : std::numeric_limits<qint64>::max() / 2;
        q.where << "r.max_lon >= :west"
                << "r.min_lon <= :east"
                << "r.max_lat >= :south"
                << "r.min_lat <= :north"
                << "r.max_t > :rfrom"
                << "r.min_t < :rto";
        q.params.push_back({":west", box.west});
        q.params.push_back({":east", box.east});
        q.params.push_back({":south", box.south});
        q.params.push_back({":north", box.north});
        q.params.push_back({":rfrom", double(from)});
        q.params.push_back({":rto", double(to)});
        if (f.box) {
            q.where << "e.longitude BETWEEN :west AND :east"
                    << "e.latitude BETWEEN :south AND :north";
        }
        if (f.from) {
            q.where << "e.cover_to > :from";
            q.params.push_back({":from", from});
        }
        if (f.to) {
            q.where << "e.cover_from < :to";
            q.params.push_back({":to", to});
        }
    }
    if (!f.families.isEmpty()) {
        q.where << "e.family IN (SELECT value FROM json_each(:families))";
        q.params.push_back({":families", jsonArray(toList(f.families))});
    }
    if (!f.eventTypes.isEmpty()) {
        q.where << "e.event_type IN (SELECT value FROM json_each(:types))";
        q.params.push_back({":types", jsonArray(toList(f.eventTypes))});
    }
    if (!f.countries.isEmpty()) {
        q.where << "e.country IN (SELECT value FROM json_each(:countries))";
        q.params.push_back({":countries", jsonArray(toList(f.countries))});
    }
    if (!f.actors.isEmpty()) {
        q.where << "e.id IN (SELECT event_id FROM actors WHERE name IN "
                   "(SELECT value FROM json_each(:actors)))";
        q.params.push_back({":actors", jsonArray(toList(f.actors))});
    }
    if (f.minCasualties > 0) {
        q.where << "coalesce(e.killed, 0) + coalesce(e.injured, 0) >= :mincas";
        q.params.push_back({":mincas", qint64(f.minCasualties)});
    }
    if (!f.text.trimmed().isEmpty()) {
        const QString fts = safeFtsQuery(f.text);
        if (fts.isEmpty()) {
            q.matchesNothing = true;
        } else {
            q.where << "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts)";
            q.params.push_back({":fts", fts.toUtf8()});
        }
    }
    return q;
}

Status checkUrl(const QString& url, const QString& field)
{
    const QUrl u(url, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (url.trimmed().isEmpty())
        return Error::invalid(field, QStringLiteral("%1: the source URL is empty").arg(field));
    if (!u.isValid() || u.host().isEmpty() || url.contains(QLatin1Char(' ')))
        return Error::invalid(
            field, QStringLiteral("%1: \"%2\" is not a well-formed URL").arg(field, url.left(200)));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Error::invalid(field, QStringLiteral("%1: only http and https links are allowed, "
                                                    "not \"%2\"")
                                         .arg(field, scheme.left(20)));
    return {};
}

} // namespace

// --- validation ---

Status validateEvent(const Event& e)
{
    auto bad = [](const char* field, const QString& msg) {
        return Error::invalid(QString::fromLatin1(field), msg);
    };
    const auto blank = [](const QString& s) {
        return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); });
    };
    if (blank(e.title))
        return bad("title", QStringLiteral("the title is empty"));
    if (int(e.family) >= kFamilyCount)
        return bad("family", QStringLiteral("unknown event family"));
    if (!e.start.isValid())
        return bad("start", QStringLiteral("the start time is missing or invalid"));
    if (e.end) {
        if (!e.end->isValid())
            return bad("end", QStringLiteral("the end time is invalid"));
        if (*e.end < e.start)
            return bad("end", QStringLiteral("the end (%1) is before the start (%2)")
                                  .arg(e.end->toUTC().toString(Qt::ISODate),
                                       e.start.toUTC().toString(Qt::ISODate)));
    }
    if (!std::isfinite(e.latitude) || e.latitude < -90.0 || e.latitude > 90.0)
        return bad("latitude", QStringLiteral("latitude %1 is outside -90..90").arg(e.latitude));
    if (!std::isfinite(e.longitude) || e.longitude < -180.0 || e.longitude > 180.0)
        return bad("longitude",
                   QStringLiteral("longitude %1 is outside -180..180").arg(e.longitude));
    const auto upperAscii = [](QChar c) { return c >= u'A' && c <= u'Z'; };
    if (e.country.size() != 2 || !upperAscii(e.country[0]) || !upperAscii(e.country[1]))
        return bad("country", QStringLiteral("country \"%1\" is not a two-letter upper-case ISO "
                                             "3166-1 code (such as TJ or AF)")
                                  .arg(e.country.left(20)));
    if (e.killed && *e.killed < 0)
        return bad("killed", QStringLiteral("the number killed is negative"));
    if (e.injured && *e.injured < 0)
        return bad("injured", QStringLiteral("the number injured is negative"));
    for (qsizetype i = 0; i < e.actors.size(); ++i) {
        if (blank(e.actors[i])) {
            const QString field = QStringLiteral("actors[%1]").arg(i);
            return Error::invalid(field,
                                  QStringLiteral("%1: the actor's name is empty").arg(field));
        }
    }
    for (qsizetype i = 0; i < e.sources.size(); ++i) {
        const Source& s = e.sources[i];
        const QString prefix = QStringLiteral("sources[%1]").arg(i);
        if (auto st = checkUrl(s.url, prefix + QStringLiteral(".url")); !st)
            return st;
        if (s.reliability != '\0' && (s.reliability < 'A' || s.reliability > 'F')) {
            const QString field = prefix + QStringLiteral(".reliability");
            return Error::invalid(
                field, QStringLiteral("%1: source reliability must be A to F").arg(field));
        }
        if (s.credibility < 0 || s.credibility > 6) {
            const QString field = prefix + QStringLiteral(".credibility");
            return Error::invalid(
                field, QStringLiteral("%1: information credibility must be 1 to 6").arg(field));
        }
        if (s.published && !s.published->isValid()) {
            const QString field = prefix + QStringLiteral(".published");
            return Error::invalid(field, QStringLiteral("%1: invalid date").arg(field));
        }
    }
    return {};
}

QString safeFtsQuery(const QString& userText)
{
    // Every term becomes an FTS5 string ("..." with quotes doubled), so no user text can be
    // read as FTS5 syntax. Kept: "quoted phrases", a trailing * for a prefix search, and OR
    // between terms; everything else is AND-ed. Terms without a letter or digit are dropped
    // (the tokenizer would ignore them anyway, and an empty phrase is an FTS5 error).
    auto hasWordChar = [](const QString& s) {
        for (QChar c : s)
            if (c.isLetterOrNumber())
                return true;
        return false;
    };
    auto quote = [](QString s) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    };
    QStringList parts;
    bool pendingOr = false;
    const qsizetype n = userText.size();
    qsizetype i = 0;
    while (i < n) {
        if (userText[i].isSpace()) {
            ++i;
            continue;
        }
        QString term;
        bool prefix = false;
        bool phrase = false;
        if (userText[i] == QLatin1Char('"')) {
            const qsizetype close = userText.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype stop = close < 0 ? n : close;
            term = userText.mid(i + 1, stop - i - 1);
            i = close < 0 ? n : close + 1;
            phrase = true;
        } else {
            qsizetype j = i;
            while (j < n && !userText[j].isSpace() && userText[j] != QLatin1Char('"'))
                ++j;
            term = userText.mid(i, j - i);
            i = j;
        }
        if (!phrase && term == QLatin1String("OR")) {
            pendingOr = !parts.isEmpty();
            continue;
        }
        if (!phrase && term == QLatin1String("AND"))
            continue;
        if (!phrase && term.endsWith(QLatin1Char('*'))) {
            while (term.endsWith(QLatin1Char('*')))
                term.chop(1);
            prefix = true;
        }
        if (!hasWordChar(term))
            continue;
        QString piece = quote(term);
        if (prefix)
            piece += QStringLiteral(" *");
        if (pendingOr && !parts.isEmpty())
            parts.last() += QStringLiteral(" OR ") + piece;
        else
            parts << piece;
        pendingOr = false;
    }
    // "a OR b c": (a OR b) AND c, which is what a reader expects; parentheses make FTS5 agree.
    for (QString& p : parts)
        if (p.contains(QLatin1String(" OR ")))
            p = QLatin1Char('(') + p + QLatin1Char(')');
    return parts.join(QLatin1Char(' '));
}

// --- EventStore ---

struct EventStore::Private {
    std::unique_ptr<Database> db;
    QString path;
    bool readOnly = false;
    int schemaVersion = 0;
    bool batchOpen = false;
    std::optional<bool> bulkRows; ///< bulk_rows registered on the connection (asked once)

    Status writable() const
    {
        if (readOnly)
            return readOnlyError();
        if (batchOpen)
            return batchOpenError();
        return {};
    }

    Result<qint64> rowidOf(const QUuid& id) const
    {
        auto st = db->cached("SELECT id FROM events WHERE uuid = ?1");
        if (!st)
            return st.error();
        (*st)->bind(1, id.toByteArray(QUuid::WithoutBraces));
        auto row = (*st)->step();
        if (!row)
            return row.error();
        if (!*row)
            return Error::make(Error::Kind::NotFound,
                               QStringLiteral("no event with id %1").arg(id.toString()));
        const qint64 rowid = (*st)->columnInt64(0);
        (*st)->reset();
        return rowid;
    }

    Status loadChildren(qint64 rowid, Event& e) const
    {
        auto actors = db->cached("SELECT name FROM actors WHERE event_id = ?1 ORDER BY position");
        auto sources = db->cached("SELECT url, publisher, title, published, reliability, "
                                  "credibility FROM sources WHERE event_id = ?1 ORDER BY position");
        auto tags = db->cached("SELECT tag FROM tags WHERE event_id = ?1 ORDER BY position");
        if (!actors)
            return actors.error();
        if (!sources)
            return sources.error();
        if (!tags)
            return tags.error();
        for (Statement* st : {*actors, *sources, *tags}) {
            st->bind(1, rowid);
            for (;;) {
                auto row = st->step();
                if (!row)
                    return row.error();
                if (!*row)
                    break;
                if (st == *actors) {
                    e.actors << st->columnText(0);
                } else if (st == *tags) {
                    e.tags << st->columnText(0);
                } else {
                    Source s;
                    s.url = st->columnText(0);
                    s.publisher = st->columnText(1);
                    s.title = st->columnText(2);
                    if (!st->isNull(3))
                        s.published = QDate::fromString(st->columnText(3), Qt::ISODate);
                    const std::string_view rel = st->columnUtf8(4);
                    s.reliability = rel.empty() ? '\0' : rel.front();
                    s.credibility = st->isNull(5) ? 0 : st->columnInt(5);
                    e.sources << s;
                }
            }
            st->reset();
        }
        return {};
    }

    /// Runs a filter query, calling fn for each row of `select`.
    template <typename Fn>
    Status runFilter(const EventFilter& filter, const char* select, const char* tail, qint64 limit,
                     Fn&& fn) const
    {
        const FilterSql q = buildFilter(filter);
        if (q.matchesNothing)
            return {};
        const QByteArray sql = q.sql(select, tail);
        auto st = db->cached(sql.constData());
        if (!st)
            return st.error();
        Statement& s = **st;
        q.bindTo(s);
        if (limit >= 0)
            s.bind(":limit", limit);
        for (;;) {
            auto row = s.step();
            if (!row) {
                Error e = row.error();
                e.message = QStringLiteral("query failed: ") + e.message;
                return e;
            }
            if (!*row)
                break;
            if (auto r = fn(s); !r) {
                s.reset();
                return r;
            }
        }
        s.reset();
        return {};
    }
};

EventStore::EventStore(std::unique_ptr<Database> db, QString path, bool readOnly)
    : d(std::make_unique<Private>())
{
    d->db = std::move(db);
    d->path = std::move(path);
    d->readOnly = readOnly;
}

EventStore::~EventStore() = default;

int EventStore::currentSchemaVersion()
{
    return schema::currentVersion();
}
int EventStore::schemaVersion() const
{
    return d->schemaVersion;
}
QString EventStore::path() const
{
    return d->path;
}
bool EventStore::isReadOnly() const
{
    return d->readOnly;
}

namespace {

/// Connection settings for every store: foreign keys (cascading deletes), a bounded wait for
/// other writers, a larger page cache for bulk writes.
Status configure(Database& db)
{
    db.setBusyTimeout(kBusyTimeoutMs);
    return db.exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; "
                   "PRAGMA temp_store = MEMORY");
}

/// WAL with synchronous=NORMAL: readers never block the writer, commits are fast and a crash
/// loses at most the last transactions, never consistency. Set once checks have passed, so that
/// opening a file we refuse does not change it.
Status enableWal(Database& db)
{
    auto mode = db.queryText("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    return db.exec("PRAGMA synchronous = NORMAL");
}

/// Re-labels an error met while opening so that the kind and message fit the file.
Error openError(Error e, const QString& path)
{
    const QString file = nativePath(path);
    switch (e.kind) {
    case Error::Kind::NotADatabase:
        e.message =
            QStringLiteral("%1 is not a Frontier Atlas database (not an SQLite file)").arg(file);
        break;
    case Error::Kind::Corrupt:
        e.message = QStringLiteral("%1 is damaged and cannot be read (%2)").arg(file, e.message);
        break;
    case Error::Kind::Locked:
        e.message = QStringLiteral("%1 is locked by another program that is writing to it; close "
                                   "that program or open the file read-only")
                        .arg(file);
        break;
    case Error::Kind::ReadOnly:
        e.message = QStringLiteral("%1 cannot be written (read-only file or folder); open it "
                                   "read-only instead")
                        .arg(file);
        break;
    default:
        e.message = QStringLiteral("%1: %2").arg(file, e.message);
        break;
    }
    return e;
}

} // namespace

Result<std::unique_ptr<EventStore>> EventStore::create(const QString& path)
{
    const QString file = nativePath(path);
    if (QFileInfo::exists(path))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("%1 already exists; choose a new file name").arg(file));
    {
        // Claim the name atomically: an empty file is a valid, empty SQLite database.
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error::make(Error::Kind::Io,
                               QStringLiteral("cannot create %1: %2").arg(file, f.errorString()));
    }
    auto fail = [&](Error e) -> Result<std::unique_ptr<EventStore>> {
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        e.message = QStringLiteral("cannot create %1: %2").arg(file, e.message);
        return e;
    };
    std::unique_ptr<EventStore> store;
    {
        auto db = Database::open(path, Database::Mode::ReadWrite);
        if (!db)
            return fail(db.error());
        if (auto s = configure(**db); !s)
            return fail(s.error());
        // 16 KiB pages (before the first table and WAL): fewer, shallower b-tree pages for a
        // table whose rows are half a kilobyte; a bulk import writes a fifth less.
        if (auto s = (*db)->exec("PRAGMA page_size = 16384"); !s)
            return fail(s.error());
        if (auto s = enableWal(**db); !s)
            return fail(s.error());
        Transaction tx(**db);
        if (auto s = tx.begin(); !s)
            return fail(s.error());
        if (auto s = schema::migrate(**db, 0, schema::currentVersion()); !s)
            return fail(s.error());
        if (auto s = tx.commit(); !s)
            return fail(s.error());
        store.reset(new EventStore(std::move(db).value(), path, false));
    }
    store->d->schemaVersion = schema::currentVersion();
    return store;
}

Result<std::unique_ptr<EventStore>> EventStore::open(const QString& path, OpenMode mode)
{
    return open(path, mode, OpenCheck::Auto);
}

Result<std::unique_ptr<EventStore>> EventStore::open(const QString& path, OpenMode mode,
                                                     OpenCheck check)
{
    const QString file = nativePath(path);
    const bool readOnly = mode == OpenMode::ReadOnly;
    const QFileInfo info(path);
    if (!info.exists())
        return Error::make(Error::Kind::NotFound, QStringLiteral("%1 does not exist").arg(file));
    if (info.isDir())
        return Error::make(Error::Kind::NotADatabase,
                           QStringLiteral("%1 is a folder, not a database").arg(file));
    if (!readOnly && (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable()))
        return openError(Error::make(Error::Kind::ReadOnly, {}), path);
    {
        // SQLite treats an empty file as an empty database and reports a foreign file only at
        // the first read; checking the header first gives one clear message for both.
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Io,
                               QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
        if (f.read(16) != QByteArray("SQLite format 3", 16))
            return openError(Error::make(Error::Kind::NotADatabase, {}), path);
    }

    auto db = Database::open(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
    if (!db)
        return openError(db.error(), path);
    Database& conn = **db;
    if (!readOnly && sqlite3_db_readonly(conn.handle(), "main") == 1)
        return openError(Error::make(Error::Kind::ReadOnly, {}), path);
    if (auto s = configure(conn); !s)
        return openError(s.error(), path);

    auto appId = conn.queryInt("PRAGMA application_id");
    if (!appId)
        return openError(appId.error(), path);
    auto version = conn.queryInt("PRAGMA user_version");
    if (!version)
        return openError(version.error(), path);
    const int fileVersion = int(version->value_or(0));
    if (appId->value_or(0) != schema::kApplicationId || fileVersion <= 0)
        return Error::make(
            Error::Kind::NotADatabase,
            QStringLiteral("%1 is an SQLite file but not a Frontier Atlas database").arg(file));
    if (fileVersion > schema::currentVersion())
        return Error::make(Error::Kind::TooNew,
                           QStringLiteral("%1 was written by a newer Frontier Atlas (schema "
                                          "version %2; this version reads up to %3)")
                               .arg(file)
                               .arg(fileVersion)
                               .arg(schema::currentVersion()));

    const bool full =
        check == OpenCheck::Full || (check == OpenCheck::Auto && info.size() <= kQuickCheckLimit);
    if (full) {
        auto result = conn.queryText("PRAGMA quick_check");
        if (!result)
            return openError(result.error(), path);
        if (*result != QLatin1String("ok")) {
            Error e = Error::make(Error::Kind::Corrupt, result->section(QLatin1Char('\n'), 0, 0));
            e.sqliteCode = SQLITE_CORRUPT;
            return openError(e, path);
        }
    } else {
        // Walks the events table's first and last leaves and the start-time index's ends.
        auto ends = conn.queryInt("SELECT (SELECT min(id) FROM events) + (SELECT max(id) FROM "
                                  "events) + (SELECT min(start_secs) FROM events) + "
                                  "(SELECT max(start_secs) FROM events)");
        if (!ends)
            return openError(ends.error(), path);
    }

    if (readOnly) {
        if (fileVersion < schema::currentVersion())
            return Error::make(Error::Kind::Unsupported,
                               QStringLiteral("%1 uses an older schema (version %2) that must be "
                                              "upgraded; open it once for editing")
                                   .arg(file)
                                   .arg(fileVersion));
    } else {
        // Taking the write lock now tells at once whether another program is writing; the
        // upgrade (if any) runs in the same transaction, so it is all-or-nothing.
        Transaction tx(conn);
        if (auto s = tx.begin(); !s)
            return openError(s.error(), path);
        if (fileVersion < schema::currentVersion()) {
            if (auto s = schema::migrate(conn, fileVersion, schema::currentVersion()); !s)
                return openError(s.error(), path);
        }
        if (auto s = tx.commit(); !s)
            return openError(s.error(), path);
        if (auto s = enableWal(conn); !s)
            return openError(s.error(), path);
    }

    std::unique_ptr<EventStore> store(new EventStore(std::move(db).value(), path, readOnly));
    store->d->schemaVersion = schema::currentVersion();
    return store;
}

Result<QUuid> EventStore::add(Event e)
{
    if (auto s = d->writable(); !s)
        return s.error();
    auto encoded = encodeEvent(std::move(e), nowUtc());
    if (!encoded)
        return encoded.error();
    auto w = Writer::make(*d->db);
    if (!w)
        return w.error();
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s.error();
    auto rowid = w->insert(*encoded);
    if (!rowid)
        return rowid.error();
    if (*rowid == 0)
        return Error::invalid(QStringLiteral("origin.sourceId"),
                              QStringLiteral("an event with source id \"%1\" is already stored")
                                  .arg(encoded->sourceId));
    if (auto s = tx.commit(); !s)
        return s.error();
    emit eventAdded(encoded->id);
    return encoded->id;
}

Status EventStore::update(Event e)
{
    if (auto s = d->writable(); !s)
        return s;
    if (auto s = validateEvent(e); !s)
        return s;
    auto w = Writer::make(*d->db);
    if (!w)
        return w.error();
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s;
    auto rowid = d->rowidOf(e.id);
    if (!rowid)
        return rowid.error();
    // created belongs to the store: keep the stored value whatever the caller sent.
    auto created = d->db->cached("SELECT created_ms FROM events WHERE id = ?1");
    if (!created)
        return created.error();
    (*created)->bind(1, *rowid);
    if (auto row = (*created)->step(); !row)
        return row.error();
    e.created = fromMs((*created)->columnInt64(0));
    (*created)->reset();
    e.updated = nowUtc();

    auto st = d->db->cached(kUpdateEvent);
    if (!st)
        return st.error();
    (*st)->bind(1, *rowid);
    bindEventColumns(**st, e);
    if (auto s = (*st)->run(); !s)
        return s;
    for (const char* sql :
         {"DELETE FROM actors WHERE event_id = ?1", "DELETE FROM sources WHERE event_id = ?1",
          "DELETE FROM tags WHERE event_id = ?1"}) {
        auto del = d->db->cached(sql);
        if (!del)
            return del.error();
        if (auto s = (*del)->bind(1, *rowid).run(); !s)
            return s;
    }
    if (auto s = w->insertChildren(*rowid, encodeValid(e)); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit eventUpdated(e.id);
    return {};
}

Status EventStore::remove(const QUuid& id)
{
    if (auto s = d->writable(); !s)
        return s;
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s;
    auto st = d->db->cached("DELETE FROM events WHERE uuid = ?1");
    if (!st)
        return st.error();
    if (auto s = (*st)->bind(1, id.toByteArray(QUuid::WithoutBraces)).run(); !s)
        return s;
    if (d->db->changes() == 0)
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("no event with id %1").arg(id.toString()));
    if (auto s = tx.commit(); !s)
        return s;
    emit eventRemoved(id);
    return {};
}

// --- EventChunk ---

struct EventChunk::Tables {
    // c0 is the event's index in the chunk; the store adds the rowid base (insertChunk).
    BulkRows events{2 + kEventValueCount};   ///< index, uuid, columns
    BulkRows actors{1 + int(kActorWidth)};   ///< event index, position, name
    BulkRows sources{1 + int(kSourceWidth)}; ///< event index, position, url, ...
    BulkRows tags{1 + int(kTagWidth)};       ///< event index, position, tag
    qint64 count = 0;
};

EventChunk::EventChunk() : m_tables(std::make_unique<Tables>()) {}
EventChunk::~EventChunk() = default;
EventChunk::EventChunk(EventChunk&&) noexcept = default;
EventChunk& EventChunk::operator=(EventChunk&&) noexcept = default;

Status EventChunk::add(Event e, const QDateTime& now)
{
    auto encoded = encodeEvent(std::move(e), now);
    if (!encoded)
        return encoded.error();
    Tables& t = *m_tables;
    const qint64 index = t.count++;
    t.events.push(index);
    t.events.push(encoded->id.toByteArray(QUuid::WithoutBraces));
    for (SqlValue& v : encoded->columns)
        t.events.push(std::move(v));
    const std::tuple<BulkRows*, std::vector<SqlValue>*, std::size_t> children[] = {
        {&t.actors, &encoded->actors, kActorWidth},
        {&t.sources, &encoded->sources, kSourceWidth},
        {&t.tags, &encoded->tags, kTagWidth}};
    for (const auto& [rows, values, width] : children)
        for (std::size_t i = 0; i < values->size(); ++i) {
            if (i % width == 0)
                rows->push(index);
            rows->push(std::move((*values)[i]));
        }
    return {};
}

std::size_t EventChunk::size() const
{
    return std::size_t(m_tables->count);
}

void EventChunk::clear()
{
    for (BulkRows* rows :
         {&m_tables->events, &m_tables->actors, &m_tables->sources, &m_tables->tags})
        rows->clear();
    m_tables->count = 0;
}

namespace {

/// The INSERT ... SELECT statements of Batch::addChunk: ?1 the table's rows, ?2 the first rowid.
/// Child rows have a variant that checks their event was added (some were duplicates).
struct ChunkSql {
    QByteArray insertEvents;
    std::array<QByteArray, 2> insertActors, insertSources, insertTags;
};

/// "?2 + c0, c1, ..., c<width-1>": the chunk's rows with their rowid (or event id) made absolute.
QByteArray chunkColumns(int width)
{
    QByteArray select = "?2 + c0";
    for (int i = 1; i < width; ++i)
        select += ", c" + QByteArray::number(i);
    return select;
}

const ChunkSql& chunkSql()
{
    static const ChunkSql sql = [] {
        ChunkSql q;
        // kInsertEvent's columns with the rowid in front.
        q.insertEvents =
            "INSERT INTO events(id, uuid, title, summary, family, event_type, start_secs, "
            "time_precision, end_secs, cover_from, cover_to, place, district, region, country, "
            "latitude, longitude, coord_precision, killed, injured, casualty_note, confidence, "
            "notes, created_ms, updated_ms, origin_kind, origin_name, source_id, actors_text) "
            "SELECT " +
            chunkColumns(2 + kEventValueCount) +
            " FROM bulk_rows(?1) WHERE true ON CONFLICT(source_id) DO NOTHING";
        const auto child = [](const char* table, const char* columns, int width) {
            const QByteArray all = QByteArray("INSERT INTO ") + table + '(' + columns +
                                   ") SELECT " + chunkColumns(width) + " FROM bulk_rows(?1)";
            return std::array<QByteArray, 2>{
                all, all + " WHERE EXISTS (SELECT 1 FROM events WHERE id = ?2 + c0)"};
        };
        q.insertActors = child("actors", "event_id, position, name", 1 + int(kActorWidth));
        q.insertSources = child("sources",
                                "event_id, position, url, publisher, title, published, "
                                "reliability, credibility",
                                1 + int(kSourceWidth));
        q.insertTags = child("tags", "event_id, position, tag", 1 + int(kTagWidth));
        return q;
    }();
    return sql;
}

} // namespace

// --- Batch ---

namespace {

class StoreBatch final : public EventStore::Batch {
public:
    StoreBatch(EventStore* store, Database* db, bool* batchOpen, Transaction tx, Writer w,
               qint64 rowsBefore, bool bulkRows)
        : m_store(store), m_db(db), m_batchOpen(batchOpen), m_tx(std::move(tx)), m_writer(w),
          m_deferred(*db, rowsBefore), m_bulkRows(bulkRows), m_now(nowUtc())
    {
        *m_batchOpen = true;
        // A bulk write touches the source-id and actor indexes at random places: a bigger page
        // cache while it lasts saves re-reading pages (64 MiB keeps a million-row import under
        // 200 MB of memory; more did not make it faster). The second sorter thread helps
        // rebuilding the start-time index at commit.
        (void)m_db->exec("PRAGMA cache_size = -65536; PRAGMA threads = 2");
    }
    ~StoreBatch() override
    {
        // A store destroyed first has already closed the connection, which rolled back.
        if (m_store) {
            m_tx.rollback();
            *m_batchOpen = false;
            (void)m_db->exec("PRAGMA cache_size = -32768; PRAGMA threads = 0");
        } else {
            m_tx.abandon();
        }
    }

    Result<Outcome> add(Event e) override
    {
        if (auto s = usable(); !s)
            return s.error();
        auto encoded = encodeEvent(std::move(e), m_now);
        if (!encoded)
            return encoded.error(); // nothing written: the batch goes on
        auto rowid = m_writer.insert(*encoded);
        if (!rowid) // the event may be half written (row without its children)
            return fail(rowid.error());
        if (*rowid == 0)
            return Outcome::Duplicate;
        if (auto s = m_deferred.noteAdded(++m_added); !s)
            return fail(s.error());
        return Outcome::Added;
    }

    Result<ChunkOutcome> addChunk(const EventChunk& chunk) override
    {
        if (auto s = usable(); !s)
            return s.error();
        if (!m_bulkRows)
            return Error::make(Error::Kind::Unsupported,
                               QStringLiteral("bulk inserts are not available on this connection"));
        const auto n = qint64(chunk.size());
        if (n == 0)
            return ChunkOutcome{};
        // Before the rows go in, so that triggers dropped now do not fire for them.
        if (auto s = m_deferred.noteAdded(m_added + n); !s)
            return failChunk(s.error());
        auto added = insertChunk(chunk.tables(), n);
        if (!added)
            return failChunk(added.error());
        m_added += *added;
        return ChunkOutcome{*added, n - *added};
    }

    Status commit() override
    {
        if (auto s = usable(); !s)
            return s;
        if (auto s = m_deferred.finish(); !s) {
            m_failed = s.error();
            return s;
        }
        if (auto s = m_tx.commit(); !s) {
            m_failed = s.error();
            *m_batchOpen = false;
            return s;
        }
        m_committed = true;
        *m_batchOpen = false;
        emit m_store->reset();
        return {};
    }

private:
    /// A write failed part-way: the batch refuses to commit.
    Result<Outcome> fail(Error e)
    {
        e.message = QStringLiteral("bulk write abandoned: ") + e.message;
        m_failed = e;
        return e;
    }
    Result<ChunkOutcome> failChunk(Error e) { return fail(std::move(e)).error(); }

    /// The chunk's rows get rowids from the next free one on, in chunk order (c0 is the index);
    /// a duplicate source id leaves its rowid unused, and its child rows are not inserted.
    /// Returns the number of events added.
    Result<qint64> insertChunk(const EventChunk::Tables& t, qint64 n)
    {
        auto next = m_db->queryInt("SELECT coalesce(max(id), 0) + 1 FROM events");
        if (!next)
            return next.error();
        const qint64 base = next->value_or(1);
        if (auto s = runOnRows(chunkSql().insertEvents, t.events, base); !s)
            return s.error();
        const qint64 added = m_db->changes();
        const bool someSkipped = added < n;
        const std::pair<const BulkRows*, const QByteArray*> children[] = {
            {&t.actors, &chunkSql().insertActors[someSkipped]},
            {&t.sources, &chunkSql().insertSources[someSkipped]},
            {&t.tags, &chunkSql().insertTags[someSkipped]}};
        for (const auto& [rows, sql] : children)
            if (!rows->empty())
                if (auto s = runOnRows(*sql, *rows, base); !s)
                    return s.error();
        return added;
    }

    /// Runs one of chunkSql()'s statements: ?1 = the rows, ?2 = the first rowid.
    Status runOnRows(const QByteArray& sql, const BulkRows& rows, qint64 base)
    {
        auto st = m_db->cached(sql.constData());
        if (!st)
            return st.error();
        (*st)->bindPointer(1, const_cast<BulkRows*>(&rows), BulkRows::kPointerType);
        (*st)->bind(2, base);
        const Status s = (*st)->run();
        (*st)->clearBindings(); // the cached statement must not keep a pointer to the chunk
        return s;
    }

    Status usable() const
    {
        if (!m_store)
            return Error::make(Error::Kind::Io, QStringLiteral("the database was closed"));
        if (m_failed)
            return *m_failed;
        if (m_committed)
            return Error::make(Error::Kind::Invalid,
                               QStringLiteral("this bulk write is already committed"));
        return {};
    }

    QPointer<EventStore> m_store;
    Database* m_db;
    bool* m_batchOpen;
    Transaction m_tx;
    Writer m_writer;
    DeferredIndexes m_deferred;
    bool m_bulkRows = false;
    qint64 m_added = 0;
    QDateTime m_now;
    std::optional<Error> m_failed;
    bool m_committed = false;
};

} // namespace

Result<std::unique_ptr<EventStore::Batch>> EventStore::beginBatch()
{
    if (auto s = d->writable(); !s)
        return s.error();
    auto w = Writer::make(*d->db);
    if (!w)
        return w.error();
    Transaction tx(*d->db);
    if (auto s = tx.begin(); !s)
        return s.error();
    auto maxId = d->db->queryInt("SELECT max(id) FROM events");
    if (!maxId)
        return maxId.error();
    if (!d->bulkRows) // without it (out of memory only), addChunk() says so and imports fail
        d->bulkRows = BulkRows::registerOn(*d->db).ok();
    return std::unique_ptr<Batch>(std::make_unique<StoreBatch>(
        this, d->db.get(), &d->batchOpen, std::move(tx), *w, maxId->value_or(0), *d->bulkRows));
}

// --- reads ---

Result<qint64> EventStore::rowidOf(const QUuid& id) const
{
    return d->rowidOf(id);
}

Result<Event> EventStore::get(const QUuid& id) const
{
    const QByteArray sql = QByteArray("SELECT ") + kEventColumns + " FROM events e WHERE uuid = ?1";
    auto st = d->db->cached(sql.constData());
    if (!st)
        return st.error();
    (*st)->bind(1, id.toByteArray(QUuid::WithoutBraces));
    auto row = (*st)->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("no event with id %1").arg(id.toString()));
    Event e = readEventRow(**st);
    const qint64 rowid = (*st)->columnInt64(0);
    (*st)->reset();
    if (auto s = d->loadChildren(rowid, e); !s)
        return s.error();
    return e;
}

Result<std::vector<Event>> EventStore::query(const EventFilter& filter, int limit) const
{
    std::vector<std::pair<qint64, Event>> rows;
    const char* tail =
        limit >= 0 ? " ORDER BY e.start_secs, e.id LIMIT :limit" : " ORDER BY e.start_secs, e.id";
    auto s = d->runFilter(filter, kEventColumns, tail, limit, [&](const Statement& st) -> Status {
        rows.emplace_back(st.columnInt64(0), readEventRow(st));
        return {};
    });
    if (!s)
        return s.error();
    // Children are read after the main statement finished, with their own statements.
    std::vector<Event> out;
    out.reserve(rows.size());
    for (auto& [rowid, e] : rows) {
        if (auto c = d->loadChildren(rowid, e); !c)
            return c.error();
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::vector<QUuid>> EventStore::queryIds(const EventFilter& filter) const
{
    std::vector<QUuid> out;
    auto s = d->runFilter(filter, "e.uuid", " ORDER BY e.start_secs, e.id", -1,
                          [&](const Statement& st) -> Status {
                              out.push_back(QUuid::fromString(QLatin1StringView(st.columnUtf8(0))));
                              return {};
                          });
    if (!s)
        return s.error();
    return out;
}

Result<qint64> EventStore::count(const EventFilter& filter) const
{
    qint64 n = 0;
    auto s = d->runFilter(filter, "count(*)", "", -1, [&](const Statement& st) -> Status {
        n = st.columnInt64(0);
        return {};
    });
    if (!s)
        return s.error();
    return n;
}

namespace {
Result<QStringList> stringColumn(Database& db, const char* sql)
{
    auto st = db.cached(sql);
    if (!st)
        return st.error();
    QStringList out;
    for (;;) {
        auto row = (*st)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out << (*st)->columnText(0);
    }
    (*st)->reset();
    return out;
}
} // namespace

Result<QStringList> EventStore::distinctActors() const
{
    return stringColumn(*d->db, "SELECT DISTINCT name FROM actors ORDER BY name");
}

Result<QStringList> EventStore::distinctEventTypes() const
{
    return stringColumn(*d->db, "SELECT DISTINCT event_type FROM events WHERE event_type <> '' "
                                "ORDER BY event_type");
}

Result<QStringList> EventStore::distinctCountries() const
{
    return stringColumn(*d->db, "SELECT DISTINCT country FROM events ORDER BY country");
}

Result<DatasetExtent> EventStore::extent() const
{
    auto st =
        d->db->cached("SELECT count(*), min(start_secs), max(coalesce(end_secs, start_secs)), "
                      "min(longitude), min(latitude), max(longitude), max(latitude) "
                      "FROM events");
    if (!st)
        return st.error();
    auto row = (*st)->step();
    if (!row)
        return row.error();
    DatasetExtent x;
    const Statement& s = **st;
    if (s.columnInt64(0) > 0) {
        x.first = fromSecs(s.columnInt64(1));
        x.last = fromSecs(s.columnInt64(2));
        x.box = GeoBox{s.columnDouble(3), s.columnDouble(4), s.columnDouble(5), s.columnDouble(6)};
    }
    (*st)->reset();
    return x;
}

Status EventStore::forEachIndexRow(const std::function<void(const IndexSourceRow&)>& fn) const
{
    // Read the table in rowid order (sequential pages) and sort in memory: walking the
    // start-time index instead costs one random table lookup per event, several times slower
    // on a file larger than the page cache.
    auto st = d->db->cached("SELECT id, uuid, start_secs, end_secs, longitude, latitude, family, "
                            "event_type, time_precision, coord_precision, killed, injured "
                            "FROM events");
    if (!st)
        return st.error();
    Statement& s = **st;
    auto n = d->db->queryInt("SELECT max(id) FROM events"); // an upper bound for reserve()
    if (!n)
        return n.error();
    std::vector<IndexSourceRow> rows;
    rows.reserve(std::size_t(std::min<qint64>(n->value_or(0), 50'000'000)));
    // Event types are few: share one QString per distinct type instead of one per row.
    std::vector<std::pair<std::string, QString>> types;
    for (;;) {
        auto row = s.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        IndexSourceRow& r = rows.emplace_back();
        r.rowid = s.columnInt64(0);
        r.id = QUuid::fromString(QLatin1StringView(s.columnUtf8(1)));
        r.startSecs = s.columnInt64(2);
        r.endSecs = s.isNull(3) ? r.startSecs : s.columnInt64(3);
        r.longitude = s.columnDouble(4);
        r.latitude = s.columnDouble(5);
        r.family = enumFromUtf8(s.columnUtf8(6), kFamilyNames, Family::Incident);
        const std::string_view type = s.columnUtf8(7);
        auto it = std::find_if(types.begin(), types.end(),
                               [&](const auto& t) { return t.first == type; });
        if (it == types.end()) {
            types.emplace_back(std::string(type),
                               QString::fromUtf8(type.data(), qsizetype(type.size())));
            it = types.end() - 1;
        }
        r.eventType = it->second;
        r.timePrecision = enumFromUtf8(s.columnUtf8(8), kTimePrecisionNames, TimePrecision::Day);
        r.coordPrecision =
            enumFromUtf8(s.columnUtf8(9), kCoordPrecisionNames, CoordPrecision::Settlement);
        r.casualties = s.columnInt(10) + s.columnInt(11); // NULL reads as 0: unknown counts 0
    }
    s.reset();
    // Sort small keys, not the rows; input already in time order (most imports) sorts fast.
    struct Key {
        qint64 start, rowid;
        std::uint32_t index;
    };
    std::vector<Key> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        keys[i] = {rows[i].startSecs, rows[i].rowid, std::uint32_t(i)};
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.start != b.start ? a.start < b.start : a.rowid < b.rowid;
    });
    for (const Key& k : keys)
        fn(rows[k.index]);
    return {};
}

namespace {

/// Steps a bound statement to its end and collects its first column (rowid lists).
Result<std::vector<qint64>> firstColumnInt64(Statement& st)
{
    std::vector<qint64> out;
    for (;;) {
        auto row = st.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.push_back(st.columnInt64(0));
    }
    st.reset();
    return out;
}

} // namespace

Result<std::vector<qint64>> EventStore::fullTextRowids(const QString& query) const
{
    const QString fts = safeFtsQuery(query);
    if (fts.isEmpty())
        return std::vector<qint64>{};
    auto st =
        d->db->cached("SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 ORDER BY rowid");
    if (!st)
        return st.error();
    (*st)->bind(1, fts);
    return firstColumnInt64(**st);
}

Result<std::vector<qint64>> EventStore::rowidsWithActors(const QStringList& actors) const
{
    auto st = d->db->cached("SELECT DISTINCT event_id FROM actors WHERE name IN "
                            "(SELECT value FROM json_each(?1)) ORDER BY event_id");
    if (!st)
        return st.error();
    (*st)->bind(1, jsonArray(actors));
    return firstColumnInt64(**st);
}

Result<QString> EventStore::integrityCheck() const
{
    auto st = d->db->prepare("PRAGMA integrity_check");
    if (!st)
        return st.error();
    QStringList lines;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        lines << st->columnText(0);
    }
    return lines.join(QLatin1Char('\n'));
}

Status EventStore::backupTo(const QString& path) const
{
    const QString file = nativePath(path);
    if (QFileInfo::exists(path))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("%1 already exists; choose a new file name").arg(file));
    auto dest = Database::open(path, Database::Mode::Create);
    if (!dest)
        return dest.error();
    auto cleanup = [&](Error e) -> Status {
        dest->reset();
        QFile::remove(path);
        e.message = QStringLiteral("backup to %1 failed: %2").arg(file, e.message);
        return e;
    };
    sqlite3_backup* b = sqlite3_backup_init((*dest)->handle(), "main", d->db->handle(), "main");
    if (!b)
        return cleanup((*dest)->lastError(sqlite3_errcode((*dest)->handle()), {}));
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return cleanup(sqliteError(rc, QString::fromUtf8(sqlite3_errstr(rc)), {}));
    return {};
}

} // namespace fa
