#include "commands.h"

#include <cstdio>

namespace fa::app {

// Placeholder until the export command lands; it says so instead of pretending.
int runExport(int, char**)
{
    std::fprintf(stderr, "frontier-atlas: the 'export' command is not available in this build\n");
    return 2;
}

} // namespace fa::app
