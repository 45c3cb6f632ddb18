#pragma once
// The dataset shipped inside the application (resources/data/frontier-events.json, compiled
// into frontier_core as a Qt resource) and the first-start database made from it.

#include "event.h"
#include "result.h"

#include <QString>

#include <vector>

namespace fa {

/// Qt resource path of the bundled event file.
QString bundledDatasetResourcePath();

/// The bundled events, read with readEventsJson. Every event has origin.kind Bundled and its
/// facts-table slug in origin.sourceId, so loading it twice into one store adds nothing new.
Result<std::vector<Event>> loadBundledDataset();

/// Creates a new database at path holding the bundled dataset, in one batch. Refuses an
/// existing file (Error::Kind::Io naming it). Creates the parent folder when missing. On any
/// failure the half-made file (and its -wal/-shm companions) is removed, so a retry starts
/// clean. The default location for the user's database is defaultDatabasePath().
Status createDatabaseWithBundledDataset(const QString& path);

/// The same for any events: a new database at path holding them, all or nothing (an event the
/// store refuses fails the whole call, names the event and removes the half-made file).
Status createDatabaseWithEvents(const QString& path, std::vector<Event> events);

/// "<AppDataLocation>/frontier-atlas.sqlite": where the window keeps the user's database
/// unless --db names another file. Needs the application and organisation names set first.
QString defaultDatabasePath();

} // namespace fa
