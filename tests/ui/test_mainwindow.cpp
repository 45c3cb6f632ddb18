#include "mainwindow.h"
#include "mapwidget.h"
#include "messagecollector.h"

#include <QQuickItem>
#include <QTest>
#include <gtest/gtest.h>

using namespace fa;

TEST(MainWindow, BuildsOffscreenAndLoadsTheQmlMapWithoutWarnings)
{
    test::takeQtWarnings();
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        MapWidget* map = w.mapWidget();
        ASSERT_NE(map, nullptr);
        EXPECT_TRUE(map->isReady()) << map->qmlMessages().join('\n').toStdString();
        QQuickItem* mapItem = map->rootObject()->findChild<QQuickItem*>(QStringLiteral("map"));
        ASSERT_NE(mapItem, nullptr);
        QTest::qWait(100);
        EXPECT_TRUE(map->qmlMessages().isEmpty()) << map->qmlMessages().join('\n').toStdString();
        // The itemsoverlay geoservice plugin was found: the map accepted our zoom level.
        EXPECT_NEAR(mapItem->property("zoomLevel").toDouble(), 7.0, 1e-9);
        QObject* plugin = mapItem->property("plugin").value<QObject*>();
        ASSERT_NE(plugin, nullptr);
        EXPECT_TRUE(plugin->property("isAttached").toBool());
    }
    const QStringList warnings = test::takeQtWarnings();
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}
