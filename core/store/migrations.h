#pragma once
// The database schema and the steps that bring a file from any older version to the current
// one. The version lives in PRAGMA user_version; each step is SQL run in the caller's
// transaction, so an upgrade is all-or-nothing.

#include "result.h"

#include <cstdint>

namespace fa {

class Database;

namespace schema {

/// PRAGMA application_id of every Frontier Atlas database ("FAtl").
inline constexpr std::int32_t kApplicationId = 0x4641746c;

/// The version this build writes. Version history:
///   1: events, actors, sources, tags; unique source_id; start-time index.
///   2: events.actors_text; FTS5 over title/summary/place/actors/notes; R*Tree over
///      longitude/latitude/time coverage; both kept in sync by triggers.
int currentVersion();

/// Runs every step from `from` to `to` (0 = empty file) and sets user_version to `to`. Must be
/// called inside a write transaction; leaves the transaction to the caller.
Status migrate(Database& db, int from, int to);

} // namespace schema
} // namespace fa
