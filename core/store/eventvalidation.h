#pragma once
// The rules an event must meet before the store writes it (EventStore::add/update, batches,
// chunks); the editing dialog shows the same errors next to the field.

#include "event.h"
#include "result.h"

namespace fa {

/// Checks an event as the store would before writing it. The error's field names the culprit:
/// "title", "latitude", "longitude", "end", "country", "sources[2].url", "start", "killed", ...
Status validateEvent(const Event& e);

} // namespace fa
