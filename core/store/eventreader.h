#pragma once
// The store's read queries on its connection: single events, filtered lists and counts, the
// filter panel's value lists, the extent, the index's column stream and the allow-lists.
// EventStore's read members hand over to it; it never writes.

#include "eventstore.h"

namespace fa {

class Database;
class Statement;
struct FilterSql;

class EventReader {
public:
    explicit EventReader(Database& db) : m_db(db) {}

    Result<qint64> rowidOf(const QUuid& id) const;
    Result<Event> get(const QUuid& id) const;
    Result<std::vector<Event>> query(const EventFilter& filter, int limit) const;
    Result<std::vector<QUuid>> queryIds(const EventFilter& filter) const;
    Result<qint64> count(const EventFilter& filter) const;
    Result<QStringList> distinctActors() const;
    Result<QStringList> distinctEventTypes() const;
    Result<QStringList> distinctCountries() const;
    Result<DatasetExtent> extent() const;
    Status forEachIndexRow(const std::function<void(const IndexSourceRow&)>& fn) const;
    Result<std::vector<qint64>> fullTextRowids(const QString& userText) const;
    Result<std::vector<qint64>> rowidsWithActors(const QStringList& actors) const;

private:
    /// Reads the actors, sources and tags of the event stored under rowid.
    Status loadChildren(qint64 rowid, Event& e) const;
    /// Runs a filter query, calling fn(const Statement&) -> Status for each row of `select`.
    template <typename Fn>
    Status runFilter(const EventFilter& filter, const char* select, const char* tail, qint64 limit,
                     Fn&& fn) const;
    Result<QStringList> stringColumn(const char* sql) const;

    Database& m_db;
};

} // namespace fa
