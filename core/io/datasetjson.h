#pragma once
// Frontier Atlas's own JSON event format ("frontier-atlas-events", documented in
// resources/data/SCHEMA.md): the bundled dataset and the "Frontier Atlas JSON" import/export.

#include "event.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace fa {

/// The value of the top-level "format" key.
inline constexpr char kEventsJsonFormat[] = "frontier-atlas-events";
/// The newest format version this build reads and the one it writes.
inline constexpr int kEventsJsonVersion = 1;

/// Reads a whole event file. Strict: a JSON syntax error is Error::Kind::Parse with the line
/// (message "line 12, column 5: ..."); a wrong type, enum value, date, range or an unknown key is
/// Error::Kind::Invalid whose field is the path, e.g. "events[3].latitude" or
/// "events[0].sources[1].url", and whose message starts with that path. A newer version is
/// Error::Kind::Unsupported. Checks the shape of each value, not the store's rules (an empty
/// title is read; EventStore rejects it when adding).
Result<std::vector<Event>> readEventsJson(const QByteArray& json);

/// Writes events as an indented event file (UTF-8, UTC times). Every field is written, empty
/// ones included, so readEventsJson(writeEventsJson(v)) == v for any events read from a file.
QByteArray writeEventsJson(const std::vector<Event>& events, const QString& description = {});

/// One event as a JSON object, as it appears in the "events" array.
QJsonObject eventToJson(const Event& e);
/// One event from a JSON object. path names the object in errors ("events[3]").
Result<Event> eventFromJson(const QJsonObject& obj, const QString& path);

} // namespace fa
