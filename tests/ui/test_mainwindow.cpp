// The main window as a whole: the QML map loads without warnings, a click on a marker selects
// its event for every view, a brushed window and a filter change reach the map's markers and
// the status bar, and a bad database file leaves the window on the previous database.
#include "databasecontroller.h"
#include "detailspanel.h"
#include "eventtablemodel.h"
#include "eventtableview.h"
#include "mainwindow.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "markermodel.h"
#include "messagecollector.h"
#include "timenavigator.h"
#include "viewstate.h"
#include "windowfixture.h"

#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QQuickItem>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {

/// Three events far apart (so never clustered at zoom 7), one per year 2022..2024.
class WindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        takeQtWarnings();
        ASSERT_TRUE(dir.isValid());
        path = dir.filePath(QStringLiteral("events.db"));
        QString error;
        ids = makeDatabase(path,
                           {makeEvent(QStringLiteral("Khorog clash"), 37.49, 71.55,
                                      utcDate(2022, 5, 1), Family::Incident, 3),
                            makeEvent(QStringLiteral("Dushanbe meeting"), 38.56, 68.77,
                                      utcDate(2023, 6, 1), Family::Diplomatic),
                            makeEvent(QStringLiteral("Kunduz clash"), 36.73, 68.86,
                                      utcDate(2024, 7, 1), Family::Incident, 1)},
                           &error);
        ASSERT_EQ(ids.size(), 3u) << error.toStdString();
        ASSERT_TRUE(db.open(path)) << "cannot open the test database";
        window = std::make_unique<MainWindow>(&state, &db);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        ASSERT_TRUE(window->mapWidget()->isReady());
        markers = window->mapBridge()->markerModel();
        ASSERT_TRUE(QTest::qWaitFor([&] { return markers->rowCount() == 3; }))
            << "markers: " << markers->rowCount();
        ASSERT_TRUE(QTest::qWaitFor([&] { return markerItemCount(window->mapWidget()) == 3; }));
        QTest::qWait(20); // one frame: the items are placed on the map
    }
    void TearDown() override
    {
        window.reset();
        const QStringList warnings = takeQtWarnings();
        EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
    }

    QTemporaryDir dir;
    QString path;
    std::vector<QUuid> ids;
    ViewState state;
    DatabaseController db{&state};
    std::unique_ptr<MainWindow> window;
    MarkerModel* markers = nullptr;
};

} // namespace

TEST(MainWindow, BuildsOffscreenAndLoadsTheQmlMapWithoutWarnings)
{
    takeQtWarnings();
    {
        ViewState state;
        DatabaseController db(&state);
        MainWindow w(&state, &db);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        MapWidget* map = w.mapWidget();
        ASSERT_NE(map, nullptr);
        EXPECT_TRUE(map->isReady()) << map->qmlMessages().join('\n').toStdString();
        QQuickItem* mapItem = map->mapItem();
        ASSERT_NE(mapItem, nullptr);
        QTest::qWait(100);
        EXPECT_TRUE(map->qmlMessages().isEmpty()) << map->qmlMessages().join('\n').toStdString();
        // The itemsoverlay geoservice plugin was found: the map accepted our zoom level.
        EXPECT_NEAR(mapItem->property("zoomLevel").toDouble(), 7.0, 1e-9);
        QObject* plugin = mapItem->property("plugin").value<QObject*>();
        ASSERT_NE(plugin, nullptr);
        EXPECT_TRUE(plugin->property("isAttached").toBool());
        EXPECT_EQ(w.countText(), QStringLiteral("No database open"));
        // Menus named in the brief.
        QStringList menus;
        for (QAction* a : w.menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        EXPECT_EQ(menus, (QStringList{"File", "Edit", "View", "Go", "Help"}));
    }
    const QStringList warnings = takeQtWarnings();
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}

TEST_F(WindowTest, TheMapsProjectionMatchesTheMarkerModelsViewport)
{
    // The bridge computes clusters from the viewport QML reports: both must agree on where a
    // coordinate is drawn, or clicks and clusters would be off.
    const MercatorView v = window->mapBridge()->viewport();
    const QPointF p = mapPoint(window->mapWidget(), 37.49, 71.55);
    EXPECT_NEAR(p.x(), v.toX(71.55), 0.5);
    EXPECT_NEAR(p.y(), v.toY(37.49), 0.5);
    EXPECT_EQ(v.width, window->mapWidget()->width());
}

TEST_F(WindowTest, ClickingAMarkerSelectsItsEvent)
{
    QSignalSpy selected(&state, &ViewState::selectionChanged);
    const QPointF p = mapPoint(window->mapWidget(), 38.56, 68.77);
    ASSERT_TRUE(window->mapWidget()->rect().contains(p.toPoint())) << p.x() << "," << p.y();
    QTest::mouseClick(window->mapWidget(), Qt::LeftButton, {}, p.toPoint());
    EXPECT_EQ(state.selectedEvent(), ids[1]);
    ASSERT_EQ(selected.count(), 1);
    // The details panel and the table follow.
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const auto e = window->detailsPanel()->currentEvent();
        return e && e->id == ids[1];
    }));
    EXPECT_TRUE(window->detailsPanel()->plainText().contains(QStringLiteral("Dushanbe meeting")));
    QTableView* table = window->eventTable()->table();
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        return rows.size() == 1 && rows[0].data(EventTableModel::IdRole).toUuid() == ids[1];
    }));
    // The marker stands out.
    ASSERT_TRUE(QTest::qWaitFor([&] {
        for (int r = 0; r < markers->rowCount(); ++r)
            if (markers->marker(r).selected)
                return markers->marker(r).id == ids[1];
        return false;
    }));
    // A click on empty map does not select anything else.
    const QPointF empty = mapPoint(window->mapWidget(), 37.0, 66.0);
    QTest::mouseClick(window->mapWidget(), Qt::LeftButton, {}, empty.toPoint());
    EXPECT_EQ(state.selectedEvent(), ids[1]);
}

TEST_F(WindowTest, BrushingTheWindowChangesTheMarkersAndTheCounts)
{
    EXPECT_EQ(window->countText(), QStringLiteral("3 of 3 events shown"));
    TimeNavigator* nav = state.navigator();
    nav->setWindow(utcDate(2023, 1, 1).toSecsSinceEpoch(), utcDate(2024, 1, 1).toSecsSinceEpoch());
    ASSERT_TRUE(QTest::qWaitFor([&] { return markers->rowCount() == 1; }));
    EXPECT_EQ(markers->marker(0).id, ids[1]);
    EXPECT_EQ(window->countText(), QStringLiteral("1 of 3 events shown"));
    // The table shows the same window.
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->eventTable()->model()->rowCount() == 1; }));
    EXPECT_EQ(window->eventTable()->model()->idAt(0), ids[1]);
    // The status bar names the window's first and last included day (the window runs from noon
    // to noon here), in the words of the filter summary.
    EXPECT_EQ(window->windowText(), QStringLiteral("1 Jan 2023 – 1 Jan 2024"));
    // Cumulative: everything up to the window's end.
    nav->setMode(TimeNavigator::Mode::Cumulative);
    ASSERT_TRUE(QTest::qWaitFor([&] { return markers->rowCount() == 2; }));
    EXPECT_EQ(window->countText(), QStringLiteral("2 of 3 events shown"));
    EXPECT_EQ(window->windowText(), QStringLiteral("Up to 1 Jan 2024"));
}

TEST_F(WindowTest, AFilterChangeUpdatesTheCountsInTheStatusBar)
{
    EventFilter f;
    f.families = {Family::Diplomatic};
    state.setFilter(f);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return window->countText() == QStringLiteral("1 of 3 events shown");
    })) << window->countText().toStdString();
    EXPECT_EQ(markers->rowCount(), 1);
    f = {};
    f.minCasualties = 1;
    state.setFilter(f);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return window->countText() == QStringLiteral("2 of 3 events shown");
    })) << window->countText().toStdString();
    f = {};
    f.text = QStringLiteral("Kunduz");
    state.setFilter(f);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return window->countText() == QStringLiteral("1 of 3 events shown");
    })) << window->countText().toStdString();
    ASSERT_EQ(markers->rowCount(), 1);
    EXPECT_EQ(markers->marker(0).id, ids[2]);
}

TEST_F(WindowTest, ABadDatabaseFileKeepsThePreviousDatabaseOpen)
{
    const QString bad = dir.filePath(QStringLiteral("bad.db"));
    {
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not an SQLite file at all, just text\n").repeated(100));
    }
    EventStore* before = state.store();
    EXPECT_FALSE(window->openDatabase(bad));
    EXPECT_EQ(state.store(), before);
    EXPECT_EQ(db.currentPath(), path);
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_FALSE(box->informativeText().isEmpty());
    box->accept();
    // Still usable: the markers and counts are those of the previous database.
    QTest::qWait(50);
    EXPECT_EQ(markers->rowCount(), 3);
    EXPECT_EQ(window->countText(), QStringLiteral("3 of 3 events shown"));
    // A missing file too.
    EXPECT_FALSE(window->openDatabase(dir.filePath(QStringLiteral("missing.db"))));
    EXPECT_EQ(state.store(), before);
    if (auto* b = window->findChild<QMessageBox*>(QStringLiteral("errorMessage")))
        b->accept();
    takeQtWarnings(); // the core may log the rejected files; not a QML warning
}

TEST_F(WindowTest, OpeningAnotherDatabaseReplacesTheDataAndIsRemembered)
{
    const QString other = dir.filePath(QStringLiteral("other.db"));
    ASSERT_EQ(makeDatabase(other, {makeEvent(QStringLiteral("Termez visit"), 37.22, 67.28,
                                             utcDate(2021, 3, 3), Family::Diplomatic)})
                  .size(),
              1u);
    ASSERT_TRUE(window->openDatabase(other));
    ASSERT_TRUE(QTest::qWaitFor([&] { return markers->rowCount() == 1; }));
    EXPECT_EQ(window->countText(), QStringLiteral("1 of 1 events shown"));
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("other.db")));
    EXPECT_EQ(DatabaseController::lastDatabase(), QFileInfo(other).absoluteFilePath());
    EXPECT_EQ(db.recentFiles().value(1), QFileInfo(path).absoluteFilePath());
    // Save a copy: a real database with the same event.
    const QString copy = dir.filePath(QStringLiteral("copy.db"));
    ASSERT_TRUE(window->saveCopyAs(copy));
    auto reopened = EventStore::open(copy);
    ASSERT_TRUE(reopened);
    EXPECT_EQ((*reopened)->count().value(), 1);
}

TEST_F(WindowTest, TheSplitterAndDocksAreRemembered)
{
    // A timeline taller than the map: far from the default (map about three quarters).
    window->centreSplitter()->setSizes({250, 450});
    const QList<int> sizes = window->centreSplitter()->sizes();
    ASSERT_LT(double(sizes[0]) / (sizes[0] + sizes[1]), 0.55);
    window->tableDock()->hide();
    window->close();
    window = std::make_unique<MainWindow>(&state, &db);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    // Restored as proportions (the new window lays out to its own size and minimums).
    const QList<int> now = window->centreSplitter()->sizes();
    ASSERT_EQ(now.size(), 2);
    EXPECT_LT(double(now[0]) / (now[0] + now[1]), 0.55) << now[0] << " " << now[1];
    EXPECT_FALSE(window->tableDock()->isVisible());
    QSettings().clear();
}
