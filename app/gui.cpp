// The composition root of the window: parse --db, make sure the database exists (first start:
// the bundled dataset in the user's data folder), then ViewState -> DatabaseController (store
// and index) -> MainWindow. Everything is owned here, on the stack, destroyed in reverse.
#include "bundleddataset.h"
#include "commands.h"
#include "databasecontroller.h"
#include "frontier/version.h"
#include "mainwindow.h"
#include "viewstate.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <optional>

// The map's QML module (FrontierAtlas.Map) is linked in statically.
Q_IMPORT_QML_PLUGIN(FrontierAtlas_MapPlugin)

namespace fa::app {

int runGui(int argc, char** argv)
{
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Frontier Atlas"));
    QApplication::setOrganizationName(QStringLiteral("Frontier Atlas"));
    QApplication::setApplicationVersion(QStringLiteral(FRONTIER_ATLAS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Timeline and map of Tajik-Afghan frontier events"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("The database to open (created with the bundled dataset if missing)."),
        QStringLiteral("FILE"));
    parser.addOption(dbOption);
    parser.process(app);

    // --db wins; else the database used last; else the user's own, made on first start.
    QString path = parser.value(dbOption);
    if (path.isEmpty()) {
        path = DatabaseController::lastDatabase();
        if (path.isEmpty() || !QFileInfo::exists(path))
            path = defaultDatabasePath();
    }
    std::optional<Error> startError;
    if (!QFileInfo::exists(path)) {
        const Status st = createDatabaseWithBundledDataset(path);
        if (!st) {
            startError = st.error();
            std::fprintf(stderr, "frontier-atlas: %s\n", qPrintable(st.error().message));
        }
    }

    ViewState state;
    DatabaseController db(&state);
    MainWindow window(&state, &db);
    window.show();
    // Open once the empty window is on screen: the first paint does not wait for the index.
    QTimer::singleShot(0, &window, [&window, path, startError] {
        if (startError)
            window.showError(QObject::tr("Could not create %1").arg(path), *startError);
        else if (!window.openDatabase(path))
            std::fprintf(stderr, "frontier-atlas: could not open %s\n", qPrintable(path));
    });
    return app.exec();
}

} // namespace fa::app
