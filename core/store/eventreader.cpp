#include "eventreader.h"

#include "eventrow.h"
#include "filtersql.h"
#include "searchquery.h"
#include "sqlite.h"

#include <QTimeZone>

#include <algorithm>

namespace fa {
namespace {

QDateTime fromSecs(qint64 s)
{
    return QDateTime::fromSecsSinceEpoch(s, QTimeZone::UTC);
}

Error notFound(const QUuid& id)
{
    return Error::make(Error::Kind::NotFound,
                       QStringLiteral("no event with id %1").arg(id.toString()));
}

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

Result<qint64> EventReader::rowidOf(const QUuid& id) const
{
    auto st = m_db.cached("SELECT id FROM events WHERE uuid = ?1");
    if (!st)
        return st.error();
    (*st)->bind(1, id.toByteArray(QUuid::WithoutBraces));
    auto row = (*st)->step();
    if (!row)
        return row.error();
    if (!*row)
        return notFound(id);
    const qint64 rowid = (*st)->columnInt64(0);
    (*st)->reset();
    return rowid;
}

Status EventReader::loadChildren(qint64 rowid, Event& e) const
{
    for (eventrow::Child c : eventrow::kChildren) {
        auto st = m_db.cached(eventrow::childSelectSql(c));
        if (!st)
            return st.error();
        (*st)->bind(1, rowid);
        for (;;) {
            auto row = (*st)->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            eventrow::readChildRow(c, **st, e);
        }
        (*st)->reset();
    }
    return {};
}

template <typename Fn>
Status EventReader::runFilter(const EventFilter& filter, const char* select, const char* tail,
                              qint64 limit, Fn&& fn) const
{
    const FilterSql q = FilterSql::build(filter);
    if (q.matchesNothing)
        return {};
    const QByteArray sql = q.sql(select, tail);
    auto st = m_db.cached(sql.constData());
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

Result<Event> EventReader::get(const QUuid& id) const
{
    const QByteArray sql =
        QByteArray("SELECT ") + eventrow::selectList() + " FROM events e WHERE uuid = ?1";
    auto st = m_db.cached(sql.constData());
    if (!st)
        return st.error();
    (*st)->bind(1, id.toByteArray(QUuid::WithoutBraces));
    auto row = (*st)->step();
    if (!row)
        return row.error();
    if (!*row)
        return notFound(id);
    Event e = eventrow::readRow(**st);
    const qint64 rowid = (*st)->columnInt64(0);
    (*st)->reset();
    if (auto s = loadChildren(rowid, e); !s)
        return s.error();
    return e;
}

Result<std::vector<Event>> EventReader::query(const EventFilter& filter, int limit) const
{
    std::vector<std::pair<qint64, Event>> rows;
    const char* tail =
        limit >= 0 ? " ORDER BY e.start_secs, e.id LIMIT :limit" : " ORDER BY e.start_secs, e.id";
    auto s =
        runFilter(filter, eventrow::selectList(), tail, limit, [&](const Statement& st) -> Status {
            rows.emplace_back(st.columnInt64(0), eventrow::readRow(st));
            return {};
        });
    if (!s)
        return s.error();
    // Children are read after the main statement finished, with their own statements.
    std::vector<Event> out;
    out.reserve(rows.size());
    for (auto& [rowid, e] : rows) {
        if (auto c = loadChildren(rowid, e); !c)
            return c.error();
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::vector<QUuid>> EventReader::queryIds(const EventFilter& filter) const
{
    std::vector<QUuid> out;
    auto s = runFilter(filter, "e.uuid", " ORDER BY e.start_secs, e.id", -1,
                       [&](const Statement& st) -> Status {
                           out.push_back(QUuid::fromString(QLatin1StringView(st.columnUtf8(0))));
                           return {};
                       });
    if (!s)
        return s.error();
    return out;
}

Result<qint64> EventReader::count(const EventFilter& filter) const
{
    qint64 n = 0;
    auto s = runFilter(filter, "count(*)", "", -1, [&](const Statement& st) -> Status {
        n = st.columnInt64(0);
        return {};
    });
    if (!s)
        return s.error();
    return n;
}

Result<QStringList> EventReader::stringColumn(const char* sql) const
{
    auto st = m_db.cached(sql);
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

Result<QStringList> EventReader::distinctActors() const
{
    return stringColumn("SELECT DISTINCT name FROM actors ORDER BY name");
}

Result<QStringList> EventReader::distinctEventTypes() const
{
    return stringColumn("SELECT DISTINCT event_type FROM events WHERE event_type <> '' "
                        "ORDER BY event_type");
}

Result<QStringList> EventReader::distinctCountries() const
{
    return stringColumn("SELECT DISTINCT country FROM events ORDER BY country");
}

Result<DatasetExtent> EventReader::extent() const
{
    auto st = m_db.cached("SELECT count(*), min(start_secs), max(coalesce(end_secs, start_secs)), "
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

Status EventReader::forEachIndexRow(const std::function<void(const IndexSourceRow&)>& fn) const
{
    // Read the table in rowid order (sequential pages) and sort in memory: walking the
    // start-time index instead costs one random table lookup per event, several times slower
    // on a file larger than the page cache.
    auto st = m_db.cached("SELECT id, uuid, start_secs, end_secs, longitude, latitude, family, "
                          "event_type, time_precision, coord_precision, killed, injured "
                          "FROM events");
    if (!st)
        return st.error();
    Statement& s = **st;
    auto n = m_db.queryInt("SELECT max(id) FROM events"); // an upper bound for reserve()
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
        r.family = eventrow::familyFromUtf8(s.columnUtf8(6));
        const std::string_view type = s.columnUtf8(7);
        auto it = std::find_if(types.begin(), types.end(),
                               [&](const auto& t) { return t.first == type; });
        if (it == types.end()) {
            types.emplace_back(std::string(type),
                               QString::fromUtf8(type.data(), qsizetype(type.size())));
            it = types.end() - 1;
        }
        r.eventType = it->second;
        r.timePrecision = eventrow::timePrecisionFromUtf8(s.columnUtf8(8));
        r.coordPrecision = eventrow::coordPrecisionFromUtf8(s.columnUtf8(9));
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

Result<std::vector<qint64>> EventReader::fullTextRowids(const QString& userText) const
{
    const QString fts = searchQuery(userText);
    if (fts.isEmpty())
        return std::vector<qint64>{};
    auto st = m_db.cached("SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 ORDER BY rowid");
    if (!st)
        return st.error();
    (*st)->bind(1, fts);
    return firstColumnInt64(**st);
}

Result<std::vector<qint64>> EventReader::rowidsWithActors(const QStringList& actors) const
{
    auto st = m_db.cached("SELECT DISTINCT event_id FROM actors WHERE name IN "
                          "(SELECT value FROM json_each(?1)) ORDER BY event_id");
    if (!st)
        return st.error();
    (*st)->bind(1, jsonArray(actors));
    return firstColumnInt64(**st);
}

} // namespace fa
