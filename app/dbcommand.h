#pragma once
// The argument handling that `init` and `info` share: `frontier-atlas CMD --db FILE`, --help,
// and one-line errors on stderr.

#include <QString>

#include <variant>

namespace fa::app {

inline constexpr int kUsageError = 2;
inline constexpr int kFailure = 1;

/// Prints "frontier-atlas CMD: message" as one line on stderr and returns code.
int failCommand(const char* command, int code, QString message);

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
