// frontier-atlas: dispatches to a headless command or starts the window.
#include "commands.h"
#include "frontier/version.h"

#include <cstdio>
#include <cstring>

namespace {

void printUsage()
{
    std::printf(
        "usage: frontier-atlas [--db FILE]                 start the window\n"
        "       frontier-atlas init --db FILE              new database with the bundled dataset\n"
        "       frontier-atlas info --db FILE              schema, counts, extent, integrity\n"
        "       frontier-atlas import --db FILE INPUT ...   import ACLED/UCDP CSV, GeoJSON, "
        "KML/KMZ, JSON\n"
        "       frontier-atlas export --db FILE --out F    briefing PNG or PDF, no display needed\n"
        "       frontier-atlas export-data --db FILE --out F.csv|geojson|kml|json [filter]\n"
        "       frontier-atlas --version | --help\n");
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1) {
        const char* cmd = argv[1];
        if (std::strcmp(cmd, "--version") == 0 || std::strcmp(cmd, "-v") == 0) {
            std::printf("frontier-atlas %s\n", FRONTIER_ATLAS_VERSION);
            return 0;
        }
        if (std::strcmp(cmd, "--help") == 0 || std::strcmp(cmd, "-h") == 0) {
            printUsage();
            return 0;
        }
        if (std::strcmp(cmd, "init") == 0)
            return fa::app::runInit(argc - 1, argv + 1);
        if (std::strcmp(cmd, "info") == 0)
            return fa::app::runInfo(argc - 1, argv + 1);
        if (std::strcmp(cmd, "import") == 0)
            return fa::app::runImport(argc - 1, argv + 1);
        if (std::strcmp(cmd, "export") == 0)
            return fa::app::runExport(argc - 1, argv + 1);
        if (std::strcmp(cmd, "export-data") == 0)
            return fa::app::runExportData(argc - 1, argv + 1);
    }
    return fa::app::runGui(argc, argv);
}
