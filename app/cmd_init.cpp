#include "commands.h"

#include <cstdio>

namespace fa::app {

// Placeholder until the init command lands; it says so instead of pretending.
int runInit(int, char**)
{
    std::fprintf(stderr, "frontier-atlas: the 'init' command is not available in this build\n");
    return 2;
}

} // namespace fa::app
