#pragma once
// The index's columns of one event, for the incremental index updates after an edit (the bulk
// path streams the same columns straight from SQLite with EventStore::forEachIndexRow).

#include "eventstore.h"

namespace fa {

/// rowid: the event's SQLite rowid (EventStore::rowidOf), which the allow-lists refer to.
IndexSourceRow toIndexRow(const Event& e, qint64 rowid);

} // namespace fa
