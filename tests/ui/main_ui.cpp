// UI tests run with a QApplication on the offscreen platform and the software Quick backend.
#include "messagecollector.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <gtest/gtest.h>

#include <cstdio>

// The map's QML module (FrontierAtlas.Map), linked in statically.
Q_IMPORT_QML_PLUGIN(FrontierAtlas_MapPlugin)

namespace fa::test {
namespace {
QMutex g_mutex;
QStringList g_messages;

void collect(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    std::fprintf(stderr, "%s\n", qPrintable(msg));
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    // Printed by QtLocation 6.8 itself at teardown; not ours and not a QML warning.
    if (msg.contains(QLatin1String("QObject::disconnect: Unexpected nullptr parameter")))
        return;
    // The offscreen platform's own notice; not about our code.
    if (msg.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    QMutexLocker lock(&g_mutex);
    g_messages << msg;
}
} // namespace

QStringList takeQtWarnings()
{
    QMutexLocker lock(&g_mutex);
    return std::exchange(g_messages, {});
}

void installQtWarningCollector()
{
    qInstallMessageHandler(collect);
}

} // namespace fa::test

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_BACKEND", "software");
    fa::test::installQtWarningCollector();
    // Settings and data of the tests stay in a throw-away folder, never the user's.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       home.filePath(QStringLiteral("config")));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FrontierAtlasTests"));
    QApplication::setApplicationName(QStringLiteral("ui_tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
