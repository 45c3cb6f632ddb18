#pragma once
// How every headless command reports why it stops: one line on stderr,
// "frontier-atlas CMD: message", and an exit code that tells bad arguments (2) from work that
// failed (1). Scripts rely on both.

#include <QString>

namespace fa::app {

inline constexpr int kUsageError = 2; ///< the arguments are wrong; nothing was done
inline constexpr int kFailure = 1;    ///< the arguments were fine but the work failed

class CommandErrors {
public:
    explicit CommandErrors(const char* command) : m_command(command) {}

    /// Bad arguments: prints the line, returns kUsageError.
    int usage(const QString& message) const { return report(kUsageError, message); }
    /// The work failed: prints the line, returns kFailure.
    int failure(const QString& message) const { return report(kFailure, message); }

    const char* command() const { return m_command; }

private:
    int report(int code, QString message) const;

    const char* m_command;
};

} // namespace fa::app
