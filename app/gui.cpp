#include "commands.h"
#include "frontier/version.h"
#include "mainwindow.h"

#include <QApplication>

namespace fa::app {

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Frontier Atlas"));
    QApplication::setOrganizationName(QStringLiteral("Frontier Atlas"));
    QApplication::setApplicationVersion(QStringLiteral(FRONTIER_ATLAS_VERSION));
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace fa::app
