#include "mainwindow.h"
#include "frontier/version.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0) {
            std::printf("frontier-atlas %s\n", FRONTIER_ATLAS_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Frontier Atlas"));
    QApplication::setOrganizationName(QStringLiteral("Frontier Atlas"));
    QApplication::setApplicationVersion(QStringLiteral(FRONTIER_ATLAS_VERSION));
    fa::MainWindow window;
    window.show();
    return app.exec();
}
