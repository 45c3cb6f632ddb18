#include "commanderrors.h"

#include <cstdio>

namespace fa::app {

int CommandErrors::report(int code, QString message) const
{
    // One line on stderr, whatever the message carries (SQLite texts may hold newlines).
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "frontier-atlas %s: %s\n", m_command, qPrintable(message));
    std::fflush(stderr);
    return code;
}

} // namespace fa::app
