#pragma once
// Writing new events: stamping and encoding them (on any thread) and inserting the encoded
// rows with the prepared statements of a connection (EventStore::add, Batch::add).

#include "eventrow.h"
#include "result.h"

#include <QDateTime>

#include <array>

namespace fa {

class Database;
class Statement;

/// The current time at the precision the file keeps (milliseconds, UTC).
QDateTime nowUtc();

/// Fills in what the store owns (a new id, created/updated = now when unset), validates
/// (validateEvent) and encodes. No database involved: importers run it on their own threads.
Result<eventrow::Encoded> encodeNewEvent(Event e, const QDateTime& now);

/// The prepared statements a write needs, looked up once per write or once per batch.
class EventWriter {
public:
    static Result<EventWriter> make(Database& db);

    /// Inserts the event row and its children. Returns the new rowid, or 0 when an event with
    /// the same origin.sourceId is already stored (nothing written).
    Result<qint64> insert(const eventrow::Encoded& e);
    /// Inserts the child rows (actors, sources, tags) of the event stored under rowid.
    Status insertChildren(qint64 rowid, const eventrow::Encoded& e);

private:
    EventWriter() = default;
    Database* m_db = nullptr;
    Statement* m_insertEvent = nullptr;
    std::array<Statement*, eventrow::kChildren.size()> m_insertChild{};
};

} // namespace fa
