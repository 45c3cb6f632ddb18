#include "filtersql.h"

#include "searchquery.h"
#include "sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <limits>

namespace fa {
namespace {

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

} // namespace

QByteArray jsonArray(const QStringList& values)
{
    return QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact);
}

QByteArray FilterSql::sql(const char* select, const char* tail) const
{
    QByteArray s = QByteArray("SELECT ") + select + " FROM " + from;
    if (!where.isEmpty())
        s += " WHERE " + where.join(" AND ");
    s += tail;
    return s;
}

void FilterSql::bindTo(Statement& st) const
{
    for (const auto& [name, value] : params)
        std::visit([&](const auto& v) { st.bind(name, v); }, value);
}

FilterSql FilterSql::build(const EventFilter& f)
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
        const QString fts = searchQuery(f.text);
        if (fts.isEmpty()) {
            q.matchesNothing = true;
        } else {
            q.where << "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts)";
            q.params.push_back({":fts", fts.toUtf8()});
        }
    }
    return q;
}

} // namespace fa
