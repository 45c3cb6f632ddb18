#include "eventrow.h"

#include "sqlite.h"

#include <QTimeZone>

namespace fa::eventrow {
namespace {

SqlValue text(const QString& s)
{
    return SqlValue(s.toUtf8());
}
SqlValue optionalInt(const std::optional<int>& v)
{
    return v ? SqlValue(qint64(*v)) : SqlValue();
}
qint64 startSecs(const Event& e)
{
    return e.start.toSecsSinceEpoch();
}
std::optional<qint64> endSecs(const Event& e)
{
    return e.end ? std::optional<qint64>(e.end->toSecsSinceEpoch()) : std::nullopt;
}
QDateTime fromSecs(qint64 s)
{
    return QDateTime::fromSecsSinceEpoch(s, QTimeZone::UTC);
}
QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
}

/// One column of a table: its name, how an event fills it, how it reads back.
template <typename T> struct Column {
    const char* name;
    SqlValue (*encode)(const T&);
    /// nullptr for a column derived from others: written for queries, never read back.
    void (*decode)(const Statement&, int column, T&);
};

/// The events table after id and uuid, in the order of every statement generated below.
/// Enumerations are stored by their stable names (event.h); unknown counts as NULL.
const Column<Event> kEventColumns[] = {
    {"title", [](const Event& e) { return text(e.title); },
     [](const Statement& s, int i, Event& e) { e.title = s.columnText(i); }},
    {"summary", [](const Event& e) { return text(e.summary); },
     [](const Statement& s, int i, Event& e) { e.summary = s.columnText(i); }},
    {"family", [](const Event& e) { return text(toString(e.family)); },
     [](const Statement& s, int i, Event& e) { e.family = familyFromUtf8(s.columnUtf8(i)); }},
    {"event_type", [](const Event& e) { return text(e.eventType); },
     [](const Statement& s, int i, Event& e) { e.eventType = s.columnText(i); }},
    {"start_secs", [](const Event& e) { return SqlValue(startSecs(e)); },
     [](const Statement& s, int i, Event& e) { e.start = fromSecs(s.columnInt64(i)); }},
    {"time_precision", [](const Event& e) { return text(toString(e.timePrecision)); },
     [](const Statement& s, int i, Event& e) {
         e.timePrecision = timePrecisionFromUtf8(s.columnUtf8(i));
     }},
    {"end_secs",
     [](const Event& e) {
         const auto end = endSecs(e);
         return end ? SqlValue(*end) : SqlValue();
     },
     [](const Statement& s, int i, Event& e) {
         if (!s.isNull(i))
             e.end = fromSecs(s.columnInt64(i));
     }},
    // The [from, to) seconds the event covers (coverageEndSecs), for the time queries.
    {"cover_from", [](const Event& e) { return SqlValue(startSecs(e)); }, nullptr},
    {"cover_to",
     [](const Event& e) {
         return SqlValue(coverageEndSecs(startSecs(e), endSecs(e), e.timePrecision));
     },
     nullptr},
    {"place", [](const Event& e) { return text(e.place); },
     [](const Statement& s, int i, Event& e) { e.place = s.columnText(i); }},
    {"district", [](const Event& e) { return text(e.district); },
     [](const Statement& s, int i, Event& e) { e.district = s.columnText(i); }},
    {"region", [](const Event& e) { return text(e.region); },
     [](const Statement& s, int i, Event& e) { e.region = s.columnText(i); }},
    {"country", [](const Event& e) { return text(e.country); },
     [](const Statement& s, int i, Event& e) { e.country = s.columnText(i); }},
    {"latitude", [](const Event& e) { return SqlValue(e.latitude); },
     [](const Statement& s, int i, Event& e) { e.latitude = s.columnDouble(i); }},
    {"longitude", [](const Event& e) { return SqlValue(e.longitude); },
     [](const Statement& s, int i, Event& e) { e.longitude = s.columnDouble(i); }},
    {"coord_precision", [](const Event& e) { return text(toString(e.coordPrecision)); },
     [](const Statement& s, int i, Event& e) {
         e.coordPrecision = coordPrecisionFromUtf8(s.columnUtf8(i));
     }},
    {"killed", [](const Event& e) { return optionalInt(e.killed); },
     [](const Statement& s, int i, Event& e) { e.killed = s.columnOptionalInt(i); }},
    {"injured", [](const Event& e) { return optionalInt(e.injured); },
     [](const Statement& s, int i, Event& e) { e.injured = s.columnOptionalInt(i); }},
    {"casualty_note", [](const Event& e) { return text(e.casualtyNote); },
     [](const Statement& s, int i, Event& e) { e.casualtyNote = s.columnText(i); }},
    {"confidence", [](const Event& e) { return text(toString(e.confidence)); },
     [](const Statement& s, int i, Event& e) {
         e.confidence = confidenceFromString(s.columnText(i)).value_or(Confidence::Reported);
     }},
    {"notes", [](const Event& e) { return text(e.notes); },
     [](const Statement& s, int i, Event& e) { e.notes = s.columnText(i); }},
    {"created_ms", [](const Event& e) { return SqlValue(e.created.toMSecsSinceEpoch()); },
     [](const Statement& s, int i, Event& e) { e.created = fromMs(s.columnInt64(i)); }},
    {"updated_ms", [](const Event& e) { return SqlValue(e.updated.toMSecsSinceEpoch()); },
     [](const Statement& s, int i, Event& e) { e.updated = fromMs(s.columnInt64(i)); }},
    {"origin_kind", [](const Event& e) { return text(toString(e.origin.kind)); },
     [](const Statement& s, int i, Event& e) {
         e.origin.kind = originKindFromString(s.columnText(i)).value_or(OriginKind::Manual);
     }},
    {"origin_name", [](const Event& e) { return text(e.origin.name); },
     [](const Statement& s, int i, Event& e) { e.origin.name = s.columnText(i); }},
    // NULL when there is none: the unique index lets any number of NULLs coexist.
    {"source_id",
     [](const Event& e) {
         return e.origin.sourceId.isEmpty() ? SqlValue() : text(e.origin.sourceId);
     },
     [](const Statement& s, int i, Event& e) { e.origin.sourceId = s.columnText(i); }},
    // The actors joined, for the full-text index (which reads one table only).
    {"actors_text", [](const Event& e) { return text(e.actors.join(QStringLiteral("; "))); },
     nullptr},
};
constexpr int kEventColumnCount = int(std::size(kEventColumns));

/// The sources table after event_id and position.
const Column<Source> kSourceColumns[] = {
    {"url", [](const Source& s) { return text(s.url); },
     [](const Statement& st, int i, Source& s) { s.url = st.columnText(i); }},
    {"publisher", [](const Source& s) { return text(s.publisher); },
     [](const Statement& st, int i, Source& s) { s.publisher = st.columnText(i); }},
    {"title", [](const Source& s) { return text(s.title); },
     [](const Statement& st, int i, Source& s) { s.title = st.columnText(i); }},
    {"published",
     [](const Source& s) {
         return s.published ? text(s.published->toString(Qt::ISODate)) : SqlValue();
     },
     [](const Statement& st, int i, Source& s) {
         if (!st.isNull(i))
             s.published = QDate::fromString(st.columnText(i), Qt::ISODate);
     }},
    {"reliability",
     [](const Source& s) {
         return s.reliability ? SqlValue(QByteArray(1, s.reliability)) : SqlValue();
     },
     [](const Statement& st, int i, Source& s) {
         const std::string_view rel = st.columnUtf8(i);
         s.reliability = rel.empty() ? '\0' : rel.front();
     }},
    {"credibility",
     [](const Source& s) { return s.credibility ? SqlValue(qint64(s.credibility)) : SqlValue(); },
     [](const Statement& st, int i, Source& s) {
         s.credibility = st.isNull(i) ? 0 : st.columnInt(i);
     }},
};

/// A child table's name and its columns after event_id and position.
struct ChildTable {
    const char* name;
    QByteArrayList columns;
};

ChildTable childTable(Child c)
{
    switch (c) {
    case Child::Actors:
        return {"actors", {"name"}};
    case Child::Sources: {
        QByteArrayList columns;
        for (const auto& col : kSourceColumns)
            columns << col.name;
        return {"sources", columns};
    }
    case Child::Tags:
        return {"tags", {"tag"}};
    }
    return {};
}

/// "?2 + c0, c1, ..., c<width-1>": bulk_rows' columns with the chunk index made a rowid.
QByteArray chunkColumns(int width)
{
    QByteArray select = "?2 + c0";
    for (int i = 1; i < width; ++i)
        select += ", c" + QByteArray::number(i);
    return select;
}

/// "?<first>, ?<first + 1>, ..." for count parameters.
QByteArray parameters(int first, int count)
{
    QByteArrayList out;
    for (int i = 0; i < count; ++i)
        out << '?' + QByteArray::number(first + i);
    return out.join(", ");
}

struct Statements {
    QByteArray insert, update, select, chunkInsert;
    std::array<QByteArray, kChildren.size()> childInsert, childSelect, childDelete;
    std::array<std::array<QByteArray, 2>, kChildren.size()> childChunkInsert;
    std::array<int, kChildren.size()> childWidth{};
};

Statements makeStatements()
{
    Statements s;
    QByteArrayList written, assignments, read{"e.id", "e.uuid"};
    for (int i = 0; i < kEventColumnCount; ++i) {
        const QByteArray name = kEventColumns[i].name;
        written << name;
        assignments << name + " = ?" + QByteArray::number(i + 2);
        if (kEventColumns[i].decode)
            read << "e." + name;
    }
    const QByteArray columns = written.join(", ");
    const QByteArray skipStored = " ON CONFLICT(source_id) DO NOTHING";
    s.insert = "INSERT INTO events(uuid, " + columns + ") VALUES (" +
               parameters(1, 1 + kEventColumnCount) + ')' + skipStored;
    s.update = "UPDATE events SET " + assignments.join(", ") + " WHERE id = ?1";
    s.select = read.join(", ");
    // WHERE true: SQLite's parser needs it before ON CONFLICT in an INSERT ... SELECT.
    s.chunkInsert = "INSERT INTO events(id, uuid, " + columns + ") SELECT " +
                    chunkColumns(2 + kEventColumnCount) + " FROM bulk_rows(?1) WHERE true" +
                    skipStored;
    for (Child c : kChildren) {
        const ChildTable t = childTable(c);
        const auto i = std::size_t(c);
        const QByteArray table = t.name;
        const QByteArray into =
            "INSERT INTO " + table + "(event_id, position, " + t.columns.join(", ") + ')';
        const int width = 1 + int(t.columns.size());
        s.childWidth[i] = width;
        s.childInsert[i] = into + " VALUES (" + parameters(1, 1 + width) + ')';
        const QByteArray all = into + " SELECT " + chunkColumns(1 + width) + " FROM bulk_rows(?1)";
        s.childChunkInsert[i] = {all,
                                 all + " WHERE EXISTS (SELECT 1 FROM events WHERE id = ?2 + c0)"};
        s.childSelect[i] = "SELECT " + t.columns.join(", ") + " FROM " + table +
                           " WHERE event_id = ?1 ORDER BY position";
        s.childDelete[i] = "DELETE FROM " + table + " WHERE event_id = ?1";
    }
    return s;
}

const Statements& statements()
{
    static const Statements s = makeStatements();
    return s;
}

} // namespace

int writtenColumnCount()
{
    return kEventColumnCount;
}

int childWidth(Child c)
{
    return statements().childWidth[std::size_t(c)];
}

Encoded encode(const Event& e)
{
    Encoded out;
    out.id = e.id;
    out.sourceId = e.origin.sourceId;
    out.columns.reserve(std::size_t(kEventColumnCount));
    for (const auto& col : kEventColumns)
        out.columns.push_back(col.encode(e));
    for (qsizetype i = 0; i < e.actors.size(); ++i)
        out.child(Child::Actors)
            .insert(out.child(Child::Actors).end(), {qint64(i), text(e.actors[i])});
    for (qsizetype i = 0; i < e.sources.size(); ++i) {
        std::vector<SqlValue>& rows = out.child(Child::Sources);
        rows.push_back(qint64(i));
        for (const auto& col : kSourceColumns)
            rows.push_back(col.encode(e.sources[i]));
    }
    for (qsizetype i = 0; i < e.tags.size(); ++i)
        out.child(Child::Tags).insert(out.child(Child::Tags).end(), {qint64(i), text(e.tags[i])});
    return out;
}

void bindColumns(Statement& st, const Event& e)
{
    for (int i = 0; i < kEventColumnCount; ++i)
        st.bind(i + 2, kEventColumns[i].encode(e));
}

const char* insertSql()
{
    return statements().insert.constData();
}
const char* updateSql()
{
    return statements().update.constData();
}
const char* selectList()
{
    return statements().select.constData();
}
const char* chunkInsertSql()
{
    return statements().chunkInsert.constData();
}
const char* childInsertSql(Child c)
{
    return statements().childInsert[std::size_t(c)].constData();
}
const char* childChunkInsertSql(Child c, bool addedOnly)
{
    return statements().childChunkInsert[std::size_t(c)][addedOnly].constData();
}
const char* childSelectSql(Child c)
{
    return statements().childSelect[std::size_t(c)].constData();
}
const char* childDeleteSql(Child c)
{
    return statements().childDelete[std::size_t(c)].constData();
}

Event readRow(const Statement& st)
{
    Event e;
    e.id = QUuid::fromString(QLatin1StringView(st.columnUtf8(1)));
    int i = 2;
    for (const auto& col : kEventColumns)
        if (col.decode)
            col.decode(st, i++, e);
    return e;
}

void readChildRow(Child c, const Statement& st, Event& e)
{
    switch (c) {
    case Child::Actors:
        e.actors << st.columnText(0);
        return;
    case Child::Sources: {
        Source s;
        int i = 0;
        for (const auto& col : kSourceColumns)
            col.decode(st, i++, s);
        e.sources << s;
        return;
    }
    case Child::Tags:
        e.tags << st.columnText(0);
        return;
    }
}

} // namespace fa::eventrow
