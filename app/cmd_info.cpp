#include "commands.h"

#include <cstdio>

namespace fa::app {

// Placeholder until the info command lands; it says so instead of pretending.
int runInfo(int, char**)
{
    std::fprintf(stderr, "frontier-atlas: the 'info' command is not available in this build\n");
    return 2;
}

} // namespace fa::app
