#pragma once
// Events checked and encoded ahead of a bulk write.

#include "event.h"
#include "result.h"

#include <QDateTime>

#include <memory>

namespace fa {

/// Events checked and encoded on an importer's own thread, then written by Batch::addChunk
/// with one INSERT ... SELECT per table: SQLite runs a prepared INSERT per row at about twice
/// the cost of the same row inside one INSERT ... SELECT.
class EventChunk {
public:
    EventChunk();
    ~EventChunk();
    EventChunk(EventChunk&&) noexcept; ///< a moved-from chunk may only be assigned or destroyed
    EventChunk& operator=(EventChunk&&) noexcept;

    /// Stamps (new id, created/updated = now when unset), validates (the error names the field,
    /// as validateEvent) and encodes the event; an invalid event is not added.
    Status add(Event e, const QDateTime& now);
    std::size_t size() const;
    void clear();

    struct Tables; ///< the encoded rows (eventchunktables.h)
    const Tables& tables() const { return *m_tables; }

private:
    std::unique_ptr<Tables> m_tables;
};

} // namespace fa
