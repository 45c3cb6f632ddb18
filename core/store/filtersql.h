#pragma once
// An EventFilter as SQL over the events table: the FROM and WHERE of the store's filter
// queries (EventStore::query, queryIds, count), built from fixed SQL fragments only; every
// value the user chose is bound to a named parameter.

#include "eventfilter.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QStringList>

#include <utility>
#include <variant>
#include <vector>

namespace fa {

class Statement;

struct FilterSql {
    /// A value bound to a named parameter.
    using Value = std::variant<qint64, double, QByteArray>;

    QByteArray from = "events e";
    QByteArrayList where;
    std::vector<std::pair<const char*, Value>> params;
    /// The filter cannot match (its text has nothing searchable): run no query.
    bool matchesNothing = false;

    static FilterSql build(const EventFilter& f);

    /// "SELECT <select> FROM ... WHERE ...<tail>".
    QByteArray sql(const char* select, const char* tail) const;
    void bindTo(Statement& st) const;
};

/// The values as a JSON array, for "x IN (SELECT value FROM json_each(?))".
QByteArray jsonArray(const QStringList& values);

} // namespace fa
