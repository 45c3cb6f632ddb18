#include "commands.h"

#include <cstdio>

namespace fa::app {

// Placeholder until the import command lands; it says so instead of pretending.
int runImport(int, char**)
{
    std::fprintf(stderr, "frontier-atlas: the 'import' command is not available in this build\n");
    return 2;
}

} // namespace fa::app
