#pragma once
// The argument handling that `init` and `info` share: `frontier-atlas CMD --db FILE` and --help.

#include "commanderrors.h"

#include <QString>

#include <variant>

namespace fa::app {

struct DbCommandSpec {
    const char* command; ///< "init", "info"
    QString description; ///< for --help
    QString dbHelp;      ///< the --db option's help text
    QString dbPurpose;   ///< "the database to create", for the missing-argument message
};

/// Parses the application's arguments as `CMD --db FILE`. Returns the path, or the exit code
/// to return at once (0 after printing --help, kUsageError after printing the reason).
std::variant<QString, int> parseDbCommand(const DbCommandSpec& spec);

} // namespace fa::app
