#pragma once
// The events table and its child tables as the store writes and reads them. One list of
// columns (eventrow.cpp) is the owner of the table's layout: every statement's column list
// (insert, update, select, the bulk INSERT ... SELECT) and the codec between an Event and its
// row are generated from it, so adding a column is one entry there (plus its migration).

#include "event.h"
#include "sqlvalue.h"

#include <QByteArray>
#include <QUuid>

#include <array>
#include <string_view>
#include <utility>
#include <vector>

namespace fa {

class Statement;

namespace eventrow {

/// The child tables of events, each keyed by (event_id, position).
enum class Child { Actors = 0, Sources = 1, Tags = 2 };
inline constexpr std::array<Child, 3> kChildren{Child::Actors, Child::Sources, Child::Tags};

/// An event as the store writes it: the events row after uuid and the child rows without their
/// event id (per row: position, then the table's columns).
struct Encoded {
    QUuid id;
    QString sourceId;
    std::vector<SqlValue> columns; ///< writtenColumnCount() values
    std::array<std::vector<SqlValue>, kChildren.size()> children;
    std::vector<SqlValue>& child(Child c) { return children[std::size_t(c)]; }
    const std::vector<SqlValue>& child(Child c) const { return children[std::size_t(c)]; }
};

/// The number of written columns after uuid (the values of ?2.. in insertSql and updateSql).
int writtenColumnCount();
/// The values of a child row after event_id: position and the table's columns.
int childWidth(Child c);

/// The event as the store writes it; the caller has validated it.
Encoded encode(const Event& e);
/// Binds the written columns to ?2..: ?1 is the uuid (insertSql) or the rowid (updateSql).
void bindColumns(Statement& st, const Event& e);

/// "INSERT INTO events(uuid, ...) VALUES (?1, ...)"; an already stored source id is skipped.
const char* insertSql();
/// "UPDATE events SET ... WHERE id = ?1".
const char* updateSql();
/// The select list "e.id, e.uuid, ..." that readRow() decodes ("events e" in the FROM).
const char* selectList();
/// insertSql() as INSERT ... SELECT from bulk_rows(?1) (bulkrows.h), whose rows are the chunk
/// index, the uuid and the written columns; the rowid is ?2 + the index.
const char* chunkInsertSql();

/// "INSERT INTO <child>(event_id, position, ...) VALUES (?1, ?2, ...)".
const char* childInsertSql(Child c);
/// childInsertSql() from bulk_rows(?1) (rows: chunk index, position, columns; the event id is
/// ?2 + the index). addedOnly: only rows whose event exists (some events were duplicates).
const char* childChunkInsertSql(Child c, bool addedOnly);
/// "SELECT <columns> FROM <child> WHERE event_id = ?1 ORDER BY position" (readChildRow()).
const char* childSelectSql(Child c);
/// "DELETE FROM <child> WHERE event_id = ?1".
const char* childDeleteSql(Child c);

/// The event of a row of "SELECT selectList() ...": column 0 is the rowid, left to the caller.
/// Child lists stay empty (readChildRow()).
Event readRow(const Statement& st);
/// Appends one row of childSelectSql(c) to the event's list.
void readChildRow(Child c, const Statement& st, Event& e);

// Enumerations from a column's raw bytes, without a QString (EventStore::forEachIndexRow reads
// a million rows); an unknown name gives the fallback.
namespace detail {
template <typename E, std::size_t N>
E enumFromUtf8(std::string_view s, const std::array<std::pair<std::string_view, E>, N>& names,
               E fallback)
{
    for (const auto& [name, value] : names)
        if (s == name)
            return value;
    return fallback;
}
} // namespace detail

inline Family familyFromUtf8(std::string_view s)
{
    static constexpr std::array<std::pair<std::string_view, Family>, 3> names{
        {{"incident", Family::Incident},
         {"diplomatic", Family::Diplomatic},
         {"context", Family::Context}}};
    return detail::enumFromUtf8(s, names, Family::Incident);
}
inline TimePrecision timePrecisionFromUtf8(std::string_view s)
{
    static constexpr std::array<std::pair<std::string_view, TimePrecision>, 4> names{
        {{"day", TimePrecision::Day},
         {"minute", TimePrecision::Minute},
         {"month", TimePrecision::Month},
         {"year", TimePrecision::Year}}};
    return detail::enumFromUtf8(s, names, TimePrecision::Day);
}
inline CoordPrecision coordPrecisionFromUtf8(std::string_view s)
{
    static constexpr std::array<std::pair<std::string_view, CoordPrecision>, 4> names{
        {{"settlement", CoordPrecision::Settlement},
         {"exact", CoordPrecision::Exact},
         {"district", CoordPrecision::District},
         {"region", CoordPrecision::Region}}};
    return detail::enumFromUtf8(s, names, CoordPrecision::Settlement);
}

} // namespace eventrow
} // namespace fa
