// The map under the mouse: one hit test (the bridge's, on the drawn shapes) decides what a
// click or a hover is on. A click selects a single event, clusters zoom in, co-located events
// are stepped through, hover text is plain text and follows the shapes (not their boxes), the
// right button opens the map's menu, the cursor position reaches the status bar, "zoom to"
// requests move the map, and a click on empty map reports its coordinate.
#include "databasecontroller.h"
#include "mainwindow.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "markermodel.h"
#include "messagecollector.h"
#include "viewstate.h"
#include "windowfixture.h"

#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {

class MapInteraction : public ::testing::Test {
protected:
    void open(const std::vector<Event>& events)
    {
        takeQtWarnings();
        ASSERT_TRUE(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("map.db"));
        QString error;
        ids = makeDatabase(path, events, &error);
        ASSERT_EQ(ids.size(), events.size()) << error.toStdString();
        ASSERT_TRUE(db.open(path));
        window = std::make_unique<MainWindow>(&state, &db);
        window->resize(1200, 800);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        map = window->mapWidget();
        bridge = window->mapBridge();
        markers = bridge->markerModel();
        ASSERT_TRUE(QTest::qWaitFor([&] { return markers->rowCount() > 0; }));
        settle();
    }
    /// Waits until every marker row has its QML item and no refresh is pending, so that what
    /// the test clicks is what is drawn.
    void settle()
    {
        ASSERT_TRUE(QTest::qWaitFor([&] {
            return !markers->isRefreshPending() && markerItemCount(map) == markers->rowCount();
        }));
        QTest::qWait(20);
    }
    void TearDown() override
    {
        window.reset();
        const QStringList warnings = takeQtWarnings();
        EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
    }
    int rowWithCount(quint32 count) const
    {
        for (int r = 0; r < markers->rowCount(); ++r)
            if (markers->marker(r).count == count)
                return r;
        return -1;
    }
    QPoint markerPoint(int row) const
    {
        return mapPoint(map, markers->marker(row).latitude, markers->marker(row).longitude)
            .toPoint();
    }

    QTemporaryDir dir;
    std::vector<QUuid> ids;
    ViewState state;
    DatabaseController db{&state};
    std::unique_ptr<MainWindow> window;
    MapWidget* map = nullptr;
    MapBridge* bridge = nullptr;
    MarkerModel* markers = nullptr;
};

std::vector<Event> clusterOfFour(double dx)
{
    std::vector<Event> events;
    for (int i = 0; i < 4; ++i)
        events.push_back(makeEvent(QStringLiteral("Event %1").arg(i), 37.50 + dx * i,
                                   71.55 + dx * i, utcDate(2023, 1 + i, 1)));
    events.push_back(makeEvent(QStringLiteral("Far away"), 36.7, 68.9, utcDate(2023, 9, 1)));
    return events;
}

} // namespace

TEST_F(MapInteraction, ClickingAClusterZoomsInOnIt)
{
    open(clusterOfFour(0.01));
    const int row = rowWithCount(4);
    ASSERT_GE(row, 0);
    const double zoomBefore = mapZoom(map);
    QTest::mouseClick(map, Qt::LeftButton, {}, markerPoint(row));
    ASSERT_TRUE(QTest::qWaitFor([&] { return mapZoom(map) > zoomBefore + 0.9; }));
    // The cluster's members are in view and apart now.
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowWithCount(1) >= 0 && rowWithCount(4) < 0; }));
    for (int i = 0; i < 4; ++i) {
        const QPointF p = mapPoint(map, 37.50 + 0.01 * i, 71.55 + 0.01 * i);
        EXPECT_TRUE(map->rect().contains(p.toPoint())) << i;
    }
    EXPECT_TRUE(state.selectedEvent().isNull()) << "a cluster click does not select";
}

TEST_F(MapInteraction, ClickingACoLocatedClusterStepsThroughItsEvents)
{
    open(clusterOfFour(0.0));
    const int row = rowWithCount(4);
    ASSERT_GE(row, 0);
    QTest::mouseClick(map, Qt::LeftButton, {}, markerPoint(row));
    // Nothing to expand: the click selects the first member, the next click the second.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !state.selectedEvent().isNull(); }));
    const QUuid first = state.selectedEvent();
    EXPECT_TRUE(std::find(ids.begin(), ids.begin() + 4, first) != ids.begin() + 4);
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowWithCount(4) >= 0; }));
    settle();
    QTest::mouseClick(map, Qt::LeftButton, {}, markerPoint(rowWithCount(4)));
    ASSERT_TRUE(QTest::qWaitFor([&] { return state.selectedEvent() != first; }));
}

TEST_F(MapInteraction, HoverTextIsPlainTitleAndDate)
{
    std::vector<Event> events = {makeEvent(QStringLiteral("<b>Raid</b> & <script>x()</script>"),
                                           37.5, 71.5, utcDate(2024, 11, 5))};
    open(events);
    ASSERT_EQ(markers->rowCount(), 1);
    const QString tip = bridge->tooltipText(0);
    EXPECT_EQ(tip.section(QLatin1Char('\n'), 0, 0), events[0].title);
    // The date reads as everywhere else (eventtext's long form).
    EXPECT_EQ(tip.section(QLatin1Char('\n'), 1), QStringLiteral("5 November 2024 · clash"));
    // The QML tooltip shows it as plain text.
    QTest::mouseMove(map, markerPoint(0));
    QObject* tipItem = map->rootObject()->findChild<QObject*>(QStringLiteral("markerTooltip"));
    ASSERT_NE(tipItem, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tipItem->property("visible").toBool(); }));
}

TEST_F(MapInteraction, TheCursorPositionReachesTheStatusBar)
{
    open(clusterOfFour(0.2));
    const QPointF p = mapPoint(map, 37.25, 70.75);
    QTest::mouseMove(map, p.toPoint());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->cursorText().isEmpty(); }));
    const QString text = window->cursorText();
    EXPECT_TRUE(text.contains(QStringLiteral("37.2"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("70.7"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1Char('N')) && text.contains(QLatin1Char('E')));
}

TEST_F(MapInteraction, ZoomToRequestsMoveTheMap)
{
    open(clusterOfFour(0.2));
    // Zoom to one event: centred on it, zoomed in.
    emit state.zoomToEventRequested(ids[4]);
    ASSERT_TRUE(QTest::qWaitFor([&] { return std::abs(mapCenter(map).latitude() - 36.7) < 1e-3; }));
    EXPECT_NEAR(mapCenter(map).longitude(), 68.9, 1e-3);
    EXPECT_GE(mapZoom(map), 10.0);
    // Zoom to the filtered set: every event in view.
    emit state.zoomToFilteredRequested();
    ASSERT_TRUE(QTest::qWaitFor([&] { return mapZoom(map) < 10.0; }));
    for (const Event& e : clusterOfFour(0.2)) {
        const QPointF p = mapPoint(map, e.latitude, e.longitude);
        EXPECT_TRUE(map->rect().contains(p.toPoint())) << e.title.toStdString();
    }
    // A selection made elsewhere brings an off-screen marker into view.
    emit state.zoomToEventRequested(ids[0]);
    ASSERT_TRUE(QTest::qWaitFor([&] { return mapZoom(map) >= 10.0; }));
    state.setSelectedEvent(ids[4]);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return map->rect().contains(mapPoint(map, 36.7, 68.9).toPoint()); }));
}

TEST_F(MapInteraction, ClickingEmptyMapReportsTheCoordinate)
{
    open(clusterOfFour(0.2));
    QSignalSpy clicked(bridge, &MapBridge::mapClickedAt);
    const QPoint p(40, map->height() - 60); // bottom left: no marker there
    ASSERT_LT(bridge->markerAt(p.x(), p.y()), 0);
    QTest::mouseClick(map, Qt::LeftButton, {}, p);
    ASSERT_TRUE(clicked.count() == 1 || clicked.wait(1000));
    const MercatorView v = bridge->viewport();
    EXPECT_NEAR(clicked[0][0].toDouble(), v.toLat(p.y()), 0.01);
    EXPECT_NEAR(clicked[0][1].toDouble(), v.toLon(p.x()), 0.01);
    EXPECT_TRUE(state.selectedEvent().isNull());
}

TEST_F(MapInteraction, HoverTimesFollowTheChosenZone)
{
    Event e = makeEvent(QStringLiteral("Night raid"), 37.5, 71.5,
                        QDateTime(QDate(2025, 11, 30), QTime(20, 15), QTimeZone::UTC));
    e.timePrecision = TimePrecision::Minute;
    open({e});
    ASSERT_EQ(markers->rowCount(), 1);
    EXPECT_TRUE(bridge->tooltipText(0).contains(QStringLiteral("30 November 2025, 20:15 UTC")))
        << bridge->tooltipText(0).toStdString();
    state.setDisplayZone(DisplayZone::Kabul);
    const QString tip = bridge->tooltipText(0);
    state.setDisplayZone(DisplayZone::Utc); // the choice is remembered: leave UTC for others
    EXPECT_TRUE(tip.contains(QStringLiteral("1 December 2025, 00:45 Kabul (UTC+4:30)")))
        << tip.toStdString();
}

TEST_F(MapInteraction, DraggingPansAndTheMarkersFollowTheViewport)
{
    open(clusterOfFour(0.2));
    const double lonBefore = mapCenter(map).longitude();
    const QPoint from(600, 300);
    QTest::mousePress(map, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(map, from + QPoint(-20 * i, 0), 10);
    QTest::mouseRelease(map, Qt::LeftButton, {}, from + QPoint(-200, 0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return mapCenter(map).longitude() > lonBefore + 0.5; }))
        << mapCenter(map).longitude() << " vs " << lonBefore;
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return std::abs(bridge->viewport().centerLon - mapCenter(map).longitude()) < 1e-9;
    }));
}

TEST_F(MapInteraction, ClickingASingleEventSelectsItAndDraggingFromItPans)
{
    open(clusterOfFour(0.2));
    const int row = rowWithCount(1);
    ASSERT_GE(row, 0);
    const QUuid id = markers->marker(row).id;
    QTest::mouseClick(map, Qt::LeftButton, {}, markerPoint(row));
    ASSERT_TRUE(QTest::qWaitFor([&] { return state.selectedEvent() == id; }));
    // The selected marker is drawn with its ring and on top of everything.
    settle();
    int selected = -1;
    for (int r = 0; r < markers->rowCount(); ++r)
        if (markers->marker(r).selected)
            selected = r;
    ASSERT_GE(selected, 0);
    EXPECT_GT(markers->look(selected).ringSize, 0.0);
    EXPECT_EQ(bridge->markerAt(markerPoint(selected).x(), markerPoint(selected).y()), selected);
}

TEST_F(MapInteraction, HoverFollowsTheDrawnShapeNotItsBox)
{
    // One diplomatic event: a diamond. The corner of its square box is not on it.
    open({makeEvent(QStringLiteral("Talks"), 37.5, 71.5, utcDate(2024, 5, 1), Family::Diplomatic,
                    9)});
    ASSERT_EQ(markers->rowCount(), 1);
    QObject* tipItem = map->rootObject()->findChild<QObject*>(QStringLiteral("markerTooltip"));
    ASSERT_NE(tipItem, nullptr);
    const QPoint centre = markerPoint(0);
    const int r = int(markers->look(0).size / 2);
    const QPoint corner = centre + QPoint(r - 1, r - 1);
    ASSERT_EQ(bridge->markerAt(corner.x(), corner.y()), -1);
    QTest::mouseMove(map, corner);
    QTest::qWait(50);
    EXPECT_FALSE(tipItem->property("visible").toBool());
    QTest::mouseMove(map, centre + QPoint(r / 2, 0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return tipItem->property("visible").toBool(); }));
    // Clicking the corner is a click on the map, not on the marker.
    QSignalSpy clicked(bridge, &MapBridge::mapClickedAt);
    QTest::mouseClick(map, Qt::LeftButton, {}, corner);
    ASSERT_TRUE(clicked.count() == 1 || clicked.wait(1000));
    EXPECT_TRUE(state.selectedEvent().isNull());
}

TEST_F(MapInteraction, RightClickOnAMarkerOpensTheMapMenuAndDoesNotSelect)
{
    open(clusterOfFour(0.2));
    const int row = rowWithCount(1);
    ASSERT_GE(row, 0);
    QStringList shown;
    // The menu runs its own event loop: read and close it from inside.
    QTimer::singleShot(0, [&] {
        ASSERT_TRUE(QTest::qWaitFor([&] { return QApplication::activePopupWidget() != nullptr; }));
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr);
        for (QAction* a : menu->actions())
            shown << a->text();
        menu->close();
    });
    // Through the window, as a real right click arrives (the context menu comes from there).
    QWindow* w = window->windowHandle();
    const QPoint at = map->mapTo(window.get(), markerPoint(row));
    QTest::mousePress(w, Qt::RightButton, {}, at);
    QTest::mouseRelease(w, Qt::RightButton, {}, at);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shown.isEmpty(); }));
    EXPECT_TRUE(shown.join(QLatin1Char('|')).contains(QStringLiteral("Export View as Briefing")))
        << shown.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(state.selectedEvent().isNull());
    // The offscreen platform cannot raise a popup or grab the keyboard for it, and says so.
    for (const QString& w : takeQtWarnings())
        EXPECT_TRUE(w.startsWith(QStringLiteral("This plugin does not support")))
            << w.toStdString();
}
