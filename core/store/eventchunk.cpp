#include "eventchunk.h"

#include "eventchunktables.h"
#include "eventwriter.h"

namespace fa {

EventChunk::EventChunk() : m_tables(std::make_unique<Tables>()) {}
EventChunk::~EventChunk() = default;
EventChunk::EventChunk(EventChunk&&) noexcept = default;
EventChunk& EventChunk::operator=(EventChunk&&) noexcept = default;

Status EventChunk::add(Event e, const QDateTime& now)
{
    auto encoded = encodeNewEvent(std::move(e), now);
    if (!encoded)
        return encoded.error();
    Tables& t = *m_tables;
    const qint64 index = t.count++;
    t.events.push(index);
    t.events.push(encoded->id.toByteArray(QUuid::WithoutBraces));
    for (SqlValue& v : encoded->columns)
        t.events.push(std::move(v));
    for (eventrow::Child c : eventrow::kChildren) {
        BulkRows& rows = t.child(c);
        std::vector<SqlValue>& values = encoded->child(c);
        const auto width = std::size_t(eventrow::childWidth(c));
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i % width == 0)
                rows.push(index);
            rows.push(std::move(values[i]));
        }
    }
    return {};
}

std::size_t EventChunk::size() const
{
    return std::size_t(m_tables->count);
}

void EventChunk::clear()
{
    m_tables->events.clear();
    for (BulkRows& rows : m_tables->children)
        rows.clear();
    m_tables->count = 0;
}

} // namespace fa
