#pragma once
// The headless commands of frontier-atlas. Each creates the Qt application object it needs,
// returns the process exit code, and prints one clear line to stderr on failure.

namespace fa::app {

int runInit(int argc, char** argv);   ///< init --db FILE
int runInfo(int argc, char** argv);   ///< info --db FILE
int runImport(int argc, char** argv); ///< import --db FILE INPUT [--format F] [--all-or-nothing]
int runExport(int argc, char** argv); ///< export --db FILE --out FILE.png|pdf ...
int runExportData(int argc, char** argv); ///< export-data --db FILE --out FILE.csv|geojson|kml|json
int runGui(int argc, char** argv);        ///< the window (default)

} // namespace fa::app
