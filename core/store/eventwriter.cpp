#include "eventwriter.h"

#include "eventvalidation.h"
#include "sqlite.h"

#include <QTimeZone>

namespace fa {

QDateTime nowUtc()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), QTimeZone::UTC);
}

Result<eventrow::Encoded> encodeNewEvent(Event e, const QDateTime& now)
{
    if (e.id.isNull())
        e.id = newEventId();
    if (!e.created.isValid())
        e.created = now;
    if (!e.updated.isValid())
        e.updated = now;
    if (auto s = validateEvent(e); !s)
        return s.error();
    return eventrow::encode(e);
}

Result<EventWriter> EventWriter::make(Database& db)
{
    EventWriter w;
    w.m_db = &db;
    auto event = db.cached(eventrow::insertSql());
    if (!event)
        return event.error();
    w.m_insertEvent = *event;
    for (eventrow::Child c : eventrow::kChildren) {
        auto st = db.cached(eventrow::childInsertSql(c));
        if (!st)
            return st.error();
        w.m_insertChild[std::size_t(c)] = *st;
    }
    return w;
}

Result<qint64> EventWriter::insert(const eventrow::Encoded& e)
{
    Statement& st = *m_insertEvent;
    st.reset();
    st.bind(1, e.id.toByteArray(QUuid::WithoutBraces));
    for (std::size_t i = 0; i < e.columns.size(); ++i)
        st.bind(int(i) + 2, e.columns[i]);
    if (auto s = st.run(); !s)
        return s.error();
    if (m_db->changes() == 0)
        return qint64(0);
    const qint64 rowid = m_db->lastInsertRowid();
    if (auto s = insertChildren(rowid, e); !s)
        return s.error();
    return rowid;
}

Status EventWriter::insertChildren(qint64 rowid, const eventrow::Encoded& e)
{
    for (eventrow::Child c : eventrow::kChildren) {
        Statement* st = m_insertChild[std::size_t(c)];
        const std::vector<SqlValue>& values = e.child(c);
        const auto width = std::size_t(eventrow::childWidth(c));
        for (std::size_t row = 0; row < values.size(); row += width) {
            st->reset();
            st->bind(1, rowid);
            for (std::size_t i = 0; i < width; ++i)
                st->bind(int(i) + 2, values[row + i]);
            if (auto s = st->run(); !s)
                return s;
        }
    }
    return {};
}

} // namespace fa
