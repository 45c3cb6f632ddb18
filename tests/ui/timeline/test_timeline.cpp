// The timeline widget, painter and panel, offscreen with QTest input: brushing, zooming,
// selecting, uncertainty spans, density and cumulative mode, checked on a grabbed image.
#include "eventindex.h"
#include "eventstore.h"
#include "eventtext.h"
#include "indexupdater.h"
#include "symbology.h"
#include "timelinepanel.h"
#include "timelinewidget.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QToolTip>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>

using namespace fa;

namespace {

qint64 utc(int y, int mo, int d, int h = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, 0), QTimeZone::UTC).toSecsSinceEpoch();
}

QUuid idFor(qint64 rowid)
{
    static const QUuid ns(QStringLiteral("{6f1c3a52-2d55-4f43-9a39-6b1f6a0e7c11}"));
    return QUuid::createUuidV5(ns, QString::number(rowid));
}

IndexSourceRow row(qint64 rowid, qint64 start, Family f = Family::Incident,
                   TimePrecision p = TimePrecision::Day, qint64 end = 0,
                   const QString& type = QStringLiteral("clash"))
{
    IndexSourceRow r;
    r.rowid = rowid;
    r.id = idFor(rowid);
    r.startSecs = start;
    r.endSecs = end ? end : start;
    r.longitude = 69.5;
    r.latitude = 37.5;
    r.family = f;
    r.eventType = type;
    r.timePrecision = p;
    return r;
}

bool reddish(QRgb c, int by = 40)
{
    return qRed(c) > qGreen(c) + by && qRed(c) > qBlue(c) + by;
}

/// A widget on a ViewState with an index made from rows, opened as DatabaseController opens a
/// database: the extent from the IndexUpdater, then the data, then the window = the extent.
struct Fixture {
    explicit Fixture(const std::vector<IndexSourceRow>& rows, QSize size = {1000, 300})
        : index(EventIndex::fromRows(rows))
    {
        updater.attach(nullptr, &index);
        state.setData(nullptr, &index);
        state.navigator()->resetWindow();
        widget = std::make_unique<TimelineWidget>(&state);
        widget->resize(size);
        widget->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(widget.get()));
    }
    QImage grab()
    {
        // render() goes through paintEvent: the same path as the screen.
        QImage img(widget->size(), QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::black);
        widget->render(&img);
        return img;
    }
    TimeNavigator* nav() { return state.navigator(); }

    ViewState state;
    IndexUpdater updater{&state};
    EventIndex index;
    std::unique_ptr<TimelineWidget> widget;
};

std::vector<IndexSourceRow> sparseRows()
{
    return {row(1, utc(2020, 3, 10)), row(2, utc(2020, 6, 1), Family::Diplomatic),
            row(3, utc(2020, 9, 20), Family::Context), row(4, utc(2021, 2, 1))};
}

} // namespace

TEST(TimelineWidget, FitsTheDatasetsExtent)
{
    Fixture f(sparseRows());
    ASSERT_EQ(f.nav()->extentFrom(), utc(2020, 3, 10));
    ASSERT_EQ(f.nav()->extentTo(), utc(2021, 2, 1) + 1);
    EXPECT_LT(f.widget->visibleFrom(), double(utc(2020, 3, 10)));
    EXPECT_GT(f.widget->visibleTo(), double(utc(2021, 2, 1)));
    EXPECT_LT(f.widget->visibleTo() - f.widget->visibleFrom(),
              1.2 * double(utc(2021, 2, 1) - utc(2020, 3, 10)));
}

TEST(TimelineWidget, ShiftDragInTheLanesBrushesTheWindow)
{
    Fixture f(sparseRows());
    f.widget->setVisibleRange(double(utc(2020, 1, 1)), double(utc(2021, 1, 1)));
    const TimelineLayout l = f.widget->currentLayout();
    const int y = int(l.lanes.center().y());
    const int x0 = int(l.scale.xOf(double(utc(2020, 4, 1))));
    const int x1 = int(l.scale.xOf(double(utc(2020, 8, 1))));
    QTest::mousePress(f.widget.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(x0, y));
    QTest::mouseMove(f.widget.get(), QPoint((x0 + x1) / 2, y));
    QTest::mouseMove(f.widget.get(), QPoint(x1, y));
    QTest::mouseRelease(f.widget.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(x1, y));
    const double tolerance = l.scale.secsPerPixel() * 1.01;
    EXPECT_NEAR(double(f.nav()->windowFrom()), l.scale.secsAt(x0), tolerance);
    EXPECT_NEAR(double(f.nav()->windowTo()), l.scale.secsAt(x1), tolerance);
    EXPECT_NEAR(double(f.nav()->windowFrom()), double(utc(2020, 4, 1)), tolerance);
    EXPECT_NEAR(double(f.nav()->windowTo()), double(utc(2020, 8, 1)), tolerance);
    // Brushing did not pan the view.
    EXPECT_DOUBLE_EQ(f.widget->visibleFrom(), double(utc(2020, 1, 1)));
}

TEST(TimelineWidget, DragInTheOverviewBrushesAndTheGripsResize)
{
    Fixture f(sparseRows());
    const TimelineLayout l = f.widget->currentLayout();
    ASSERT_TRUE(l.overview.isValid());
    const int y = int(l.overview.center().y());
    const int x0 = int(l.overview.left() + l.overview.width() * 0.2);
    const int x1 = int(l.overview.left() + l.overview.width() * 0.5);
    // The window covers everything at first: start the brush outside it, from right to left.
    f.nav()->setWindow(f.nav()->extentFrom(), f.nav()->extentFrom() + 10);
    QTest::mousePress(f.widget.get(), Qt::LeftButton, {}, QPoint(x1, y));
    QTest::mouseMove(f.widget.get(), QPoint(x0, y));
    QTest::mouseRelease(f.widget.get(), Qt::LeftButton, {}, QPoint(x0, y));
    const double tol = l.overviewScale.secsPerPixel() * 1.01;
    EXPECT_NEAR(double(f.nav()->windowFrom()), l.overviewScale.secsAt(x0), tol);
    EXPECT_NEAR(double(f.nav()->windowTo()), l.overviewScale.secsAt(x1), tol);

    // Grab the right-hand grip in the lanes and drag it.
    const TimelineLayout l2 = f.widget->currentLayout();
    const int gx = int(std::lround(l2.scale.xOf(double(f.nav()->windowTo()))));
    const int gy = int(l2.lanes.top() + 8);
    const qint64 fromBefore = f.nav()->windowFrom();
    QTest::mousePress(f.widget.get(), Qt::LeftButton, {}, QPoint(gx, gy));
    QTest::mouseMove(f.widget.get(), QPoint(gx + 60, gy));
    QTest::mouseRelease(f.widget.get(), Qt::LeftButton, {}, QPoint(gx + 60, gy));
    EXPECT_EQ(f.nav()->windowFrom(), fromBefore);
    EXPECT_NEAR(double(f.nav()->windowTo()), l2.scale.secsAt(gx + 60),
                l2.scale.secsPerPixel() * 1.01);
}

TEST(TimelineWidget, WheelZoomKeepsTheTimeUnderTheCursor)
{
    Fixture f(sparseRows());
    for (const double frac : {0.1, 0.5, 0.83}) {
        const TimelineLayout l = f.widget->currentLayout();
        const QPointF pos(l.lanes.left() + l.lanes.width() * frac, l.lanes.center().y());
        const double before = l.scale.secsAt(pos.x());
        const double spanBefore = l.scale.spanSecs();
        QWheelEvent wheel(pos, f.widget->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(f.widget.get(), &wheel);
        const TimelineLayout after = f.widget->currentLayout();
        EXPECT_NEAR(after.scale.secsAt(pos.x()), before, 1.0) << frac;
        EXPECT_NEAR(after.scale.spanSecs(), spanBefore / 1.25, 1.0);
    }
}

TEST(TimelineWidget, PlainDragPansTheView)
{
    Fixture f(sparseRows());
    const TimelineLayout l = f.widget->currentLayout();
    const double from = f.widget->visibleFrom();
    const QPoint a(int(l.lanes.center().x()), int(l.lanes.center().y()));
    QTest::mousePress(f.widget.get(), Qt::LeftButton, {}, a);
    QTest::mouseMove(f.widget.get(), a + QPoint(50, 0));
    QTest::mouseRelease(f.widget.get(), Qt::LeftButton, {}, a + QPoint(50, 0));
    EXPECT_NEAR(f.widget->visibleFrom(), from - 50 * l.scale.secsPerPixel(), 1.0);
}

TEST(TimelineWidget, ClickOnASymbolSelectsItAndItIsHighlighted)
{
    Fixture f(sparseRows());
    f.grab(); // paint once so that the painter knows where the symbols are
    const auto rect = f.widget->painter().itemRect(idFor(2));
    ASSERT_TRUE(rect.has_value());
    const QPoint c = rect->center().toPoint();
    const QImage before = f.grab();
    auto amber = [](const QImage& img, const QRect& r) {
        int n = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x) {
                const QRgb p = img.pixel(x, y);
                n += qRed(p) > 220 && qGreen(p) > 140 && qGreen(p) < 200 && qBlue(p) < 60;
            }
        return n;
    };
    const QRect ring = rect->toAlignedRect().adjusted(-5, -5, 5, 5);
    EXPECT_EQ(amber(before, ring), 0);

    QTest::mouseClick(f.widget.get(), Qt::LeftButton, {}, c);
    EXPECT_EQ(f.state.selectedEvent(), idFor(2));
    EXPECT_GT(amber(f.grab(), ring), 10);

    // A click on empty ground clears the selection.
    const TimelineLayout l = f.widget->currentLayout();
    QTest::mouseClick(
        f.widget.get(), Qt::LeftButton, {},
        QPoint(int(l.scale.xOf(double(utc(2020, 12, 1)))), int(l.lanes.bottom() - 3)));
    EXPECT_TRUE(f.state.selectedEvent().isNull());
}

TEST(TimelineWidget, MonthPrecisionIsDrawnAsAFaintSpanOverTheMonth)
{
    Fixture f({row(1, utc(2024, 3, 1), Family::Incident, TimePrecision::Month),
               row(2, utc(2024, 5, 15), Family::Incident, TimePrecision::Day)});
    f.widget->setVisibleRange(double(utc(2024, 1, 1)), double(utc(2024, 7, 1)));
    const QImage img = f.grab();
    const TimelineLayout l = f.widget->currentLayout();
    const auto span = f.widget->painter().itemRect(idFor(1));
    ASSERT_TRUE(span.has_value());
    const double m0 = l.scale.xOf(double(utc(2024, 3, 1)));
    const double m1 = l.scale.xOf(double(utc(2024, 4, 1)));
    EXPECT_NEAR(span->left(), m0, 1.0);
    EXPECT_NEAR(span->right(), m1, 1.0);
    // Tinted red all across the month, and nothing red just outside it.
    const int y = int(span->center().y());
    int tinted = 0, total = 0;
    for (int x = int(m0) + 3; x < int(m1) - 3; ++x, ++total)
        tinted += reddish(img.pixel(x, y), 15);
    EXPECT_EQ(tinted, total);
    EXPECT_FALSE(reddish(img.pixel(int(m0) - 6, y), 8));
    EXPECT_FALSE(reddish(img.pixel(int(m1) + 6, y), 8));
    // Faint: lighter than the solid day-precision symbol.
    const QRgb faint = img.pixel(int((m0 + m1) / 2), y);
    const QRgb solid = img.pixel(f.widget->painter().itemRect(idFor(2))->center().toPoint());
    EXPECT_GT(qGreen(faint), qGreen(solid) + 60);
    // The day-precision event is a symbol, not a span.
    EXPECT_LT(f.widget->painter().itemRect(idFor(2))->width(), 14);
}

TEST(TimelineWidget, CrowdedLanesTurnIntoDensityBars)
{
    std::vector<IndexSourceRow> rows;
    for (int i = 0; i < 5000; ++i)
        rows.push_back(row(i + 1, utc(2022, 1, 1) + qint64(i) * 6000));
    rows.push_back(row(90001, utc(2022, 3, 1), Family::Diplomatic));
    rows.push_back(row(90002, utc(2022, 6, 1), Family::Diplomatic));
    Fixture f(rows);
    f.widget->setVisibleRange(double(utc(2022, 1, 1)), double(utc(2022, 12, 31)));
    const QImage img = f.grab();
    EXPECT_TRUE(f.widget->painter().laneIsDensity(0));  // 5000 incidents over ~900 px
    EXPECT_FALSE(f.widget->painter().laneIsDensity(1)); // two diplomatic events
    EXPECT_FALSE(f.widget->painter().itemRect(idFor(10)).has_value());
    EXPECT_TRUE(f.widget->painter().itemRect(idFor(90001)).has_value());
    // The density bars are there: the incident lane is red along the busy months.
    const TimelineLayout l = f.widget->currentLayout();
    const int y = int(l.laneRects[0].bottom() - 4);
    const int x = int(l.scale.xOf(double(utc(2022, 6, 1))));
    EXPECT_TRUE(reddish(img.pixel(x, y)));
    // Hovering a bar reports its count.
    const auto hit = f.widget->painter().hitTest(QPointF(x, y));
    EXPECT_EQ(hit.kind, TimelinePainter::Hit::Kind::Density);
    EXPECT_GT(hit.count, 0u);
    // Its tooltip names the bar's days in the words of every other window and span.
    QTest::mouseMove(f.widget.get(), QPoint(x, y));
    const QString tip = QToolTip::text();
    QToolTip::hideText();
    EXPECT_TRUE(tip.contains(eventtext::rangeText(hit.fromSecs, hit.toSecs))) << tip.toStdString();

    // Zoomed in to a day the same lane shows symbols again.
    f.widget->setVisibleRange(double(utc(2022, 6, 1)), double(utc(2022, 6, 2)));
    f.grab();
    EXPECT_FALSE(f.widget->painter().laneIsDensity(0));
}

TEST(TimelineWidget, CumulativeModeKeepsEarlierEventsBright)
{
    Fixture f({row(1, utc(2020, 2, 1)), row(2, utc(2020, 10, 1))});
    f.widget->setVisibleRange(double(utc(2020, 1, 1)), double(utc(2021, 1, 1)));
    f.nav()->setWindow(utc(2020, 6, 1), utc(2020, 12, 1));
    f.grab();
    const QPoint early = f.widget->painter().itemRect(idFor(1))->center().toPoint();
    const QRgb sliding = f.grab().pixel(early);
    f.nav()->setMode(TimeNavigator::Mode::Cumulative);
    const QRgb cumulative = f.grab().pixel(early);
    // Veiled (pale) outside a sliding window, full colour when everything up to the end counts.
    EXPECT_GT(qGreen(sliding), qGreen(cumulative) + 60);
    EXPECT_EQ(QColor(cumulative).name(), Symbology::familyColor(Family::Incident).name());
}

TEST(TimelineWidget, SelectionElsewhereScrollsTheEventIntoView)
{
    Fixture f(sparseRows());
    f.widget->setVisibleRange(double(utc(2020, 1, 1)), double(utc(2020, 2, 1)));
    f.state.setSelectedEvent(idFor(4)); // 2021-02-01, off screen
    EXPECT_LE(f.widget->visibleFrom(), double(utc(2021, 2, 1)));
    EXPECT_GE(f.widget->visibleTo(), double(utc(2021, 2, 1)));
    EXPECT_NEAR(f.widget->visibleTo() - f.widget->visibleFrom(), 31 * 86400.0, 1.0);
}

TEST(TimelineWidget, KeyboardPansZoomsPlaysAndFits)
{
    Fixture f(sparseRows());
    f.widget->setFocus();
    const double span = f.widget->visibleTo() - f.widget->visibleFrom();
    const double from = f.widget->visibleFrom();
    QTest::keyClick(f.widget.get(), Qt::Key_Right);
    EXPECT_NEAR(f.widget->visibleFrom(), from + span * 0.1, 1.0);
    QTest::keyClick(f.widget.get(), Qt::Key_Plus);
    EXPECT_NEAR(f.widget->visibleTo() - f.widget->visibleFrom(), span / 1.5, 1.0);
    QTest::keyClick(f.widget.get(), Qt::Key_Home);
    EXPECT_NEAR(f.widget->visibleTo() - f.widget->visibleFrom(), span, 1.0);
    EXPECT_FALSE(f.nav()->isPlaying());
    QTest::keyClick(f.widget.get(), Qt::Key_Space);
    EXPECT_TRUE(f.nav()->isPlaying());
    QTest::keyClick(f.widget.get(), Qt::Key_Space);
    EXPECT_FALSE(f.nav()->isPlaying());
}

TEST(TimelineWidget, PlaybackSlidesTheViewWithTheWindow)
{
    Fixture f(sparseRows());
    f.widget->setVisibleRange(double(utc(2020, 3, 1)), double(utc(2020, 6, 1)));
    f.nav()->setWindow(utc(2020, 4, 1), utc(2020, 5, 1));
    f.nav()->setStepSecs(40 * 86400);
    f.nav()->play();
    for (int i = 0; i < 3; ++i)
        f.nav()->stepForward();
    f.nav()->pause();
    EXPECT_LE(f.widget->visibleFrom(), double(f.nav()->windowFrom()));
    EXPECT_GE(f.widget->visibleTo(), double(f.nav()->windowTo()));
}

TEST(TimelineWidget, LanesByTypeAndByCountryWithoutAStore)
{
    Fixture f({row(1, utc(2020, 1, 1), Family::Incident, TimePrecision::Day, 0, "clash"),
               row(2, utc(2020, 2, 1), Family::Incident, TimePrecision::Day, 0, "drone attack"),
               row(3, utc(2020, 3, 1), Family::Diplomatic, TimePrecision::Day, 0, "visit")});
    EXPECT_EQ(f.widget->painter().lanes().size(), 3u);
    f.widget->setLaneMode(TimelineLaneMode::EventType);
    ASSERT_EQ(f.widget->painter().lanes().size(), 3u);
    EXPECT_EQ(f.widget->painter().lanes()[0].label, QStringLiteral("clash"));
    EXPECT_EQ(f.widget->painter().lanes()[1].label, QStringLiteral("drone attack"));
    f.grab();
    EXPECT_TRUE(f.widget->painter().itemRect(idFor(2)).has_value());
    const auto r2 = *f.widget->painter().itemRect(idFor(2));
    EXPECT_TRUE(f.widget->currentLayout().laneRects[1].contains(r2.center()));
    f.widget->setLaneMode(TimelineLaneMode::Country);
    EXPECT_EQ(f.widget->painter().lanes().size(), 1u); // no store: one lane
}

TEST(TimelinePanel, DateFieldsAndControlsDriveTheNavigator)
{
    ViewState state;
    EventIndex index = EventIndex::fromRows(sparseRows());
    state.setData(nullptr, &index);
    TimelinePanel panel(&state);
    panel.resize(1200, 340);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    TimeNavigator* nav = state.navigator();

    panel.fromEdit()->setDateTime(QDateTime::fromSecsSinceEpoch(utc(2020, 5, 1), QTimeZone::UTC));
    panel.toEdit()->setDateTime(QDateTime::fromSecsSinceEpoch(utc(2020, 7, 1), QTimeZone::UTC));
    emit panel.toEdit()->editingFinished();
    EXPECT_EQ(nav->windowFrom(), utc(2020, 5, 1));
    EXPECT_EQ(nav->windowTo(), utc(2020, 7, 1));

    // Window length: one month from the current start.
    panel.lengthBox()->activated(2);
    EXPECT_EQ(nav->windowTo(), utc(2020, 6, 1));
    EXPECT_EQ(panel.toEdit()->dateTime().toSecsSinceEpoch(), utc(2020, 6, 1));

    panel.modeBox()->activated(1);
    EXPECT_EQ(nav->mode(), TimeNavigator::Mode::Cumulative);
    panel.laneBox()->activated(1);
    EXPECT_EQ(panel.timeline()->laneMode(), TimelineLaneMode::EventType);

    panel.goToEdit()->setDate(QDate(2020, 9, 20));
    panel.goToDate();
    EXPECT_LE(nav->windowFrom(), utc(2020, 9, 20, 12));
    EXPECT_GT(nav->windowTo(), utc(2020, 9, 20, 12));
    EXPECT_LE(panel.timeline()->visibleFrom(), double(utc(2020, 9, 20)));
    EXPECT_GE(panel.timeline()->visibleTo(), double(utc(2020, 9, 21)));

    QTest::mouseClick(panel.playButton(), Qt::LeftButton);
    EXPECT_TRUE(nav->isPlaying());
    QTest::mouseClick(panel.playButton(), Qt::LeftButton);
    EXPECT_FALSE(nav->isPlaying());
}

TEST(TimelineWidget, HoverShowsTheTitleFromTheStoreEscaped)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto store = EventStore::create(dir.filePath(QStringLiteral("t.sqlite")));
    ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
    Event e;
    e.title = QStringLiteral("Clash at <b>Panj</b>");
    e.family = Family::Incident;
    e.eventType = QStringLiteral("clash");
    e.start = QDateTime(QDate(2024, 11, 26), QTime(0, 0), QTimeZone::UTC);
    e.timePrecision = TimePrecision::Day;
    e.country = QStringLiteral("TJ");
    e.latitude = 37.8;
    e.longitude = 70.0;
    e.sources.append(
        Source{QStringLiteral("https://example.org/a"), QStringLiteral("Ex"), {}, {}, '\0', 0});
    auto id = (*store)->add(e);
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
    auto index = EventIndex::build(**store);
    ASSERT_TRUE(index.ok());
    ViewState state;
    state.setData(store->get(), &*index);
    TimelineWidget w(&state);
    w.resize(800, 260);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.setVisibleRange(double(utc(2024, 11, 1)), double(utc(2024, 12, 31)));
    QImage img(w.size(), QImage::Format_ARGB32_Premultiplied);
    w.render(&img);
    const auto rect = w.painter().itemRect(*id);
    ASSERT_TRUE(rect.has_value());
    QTest::mouseMove(&w, rect->center().toPoint());
    const QString tip = QToolTip::text();
    EXPECT_TRUE(tip.contains(QStringLiteral("Clash at &lt;b&gt;Panj&lt;/b&gt;")))
        << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("26 November 2024 · Incident"))) << tip.toStdString();

    // Lanes by country come from the store.
    w.setLaneMode(TimelineLaneMode::Country);
    ASSERT_EQ(w.painter().lanes().size(), 1u);
    EXPECT_TRUE(w.painter().lanes()[0].label.contains(QStringLiteral("TJ")));
    QToolTip::hideText();
}

TEST(TimelineWidget, HoverDatesReadInTheChosenZoneWithTheLastDayOfASpan)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto store = EventStore::create(dir.filePath(QStringLiteral("t.sqlite")));
    ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
    Event e;
    e.title = QStringLiteral("Night raid");
    e.family = Family::Incident;
    e.eventType = QStringLiteral("clash");
    e.start = QDateTime(QDate(2025, 11, 30), QTime(20, 15), QTimeZone::UTC);
    e.timePrecision = TimePrecision::Minute;
    e.end = QDateTime(QDate(2025, 12, 3), QTime(0, 0), QTimeZone::UTC); // exclusive: to 2 Dec
    e.country = QStringLiteral("TJ");
    e.latitude = 37.8;
    e.longitude = 70.0;
    e.sources.append(
        Source{QStringLiteral("https://example.org/a"), QStringLiteral("Ex"), {}, {}, '\0', 0});
    auto id = (*store)->add(e);
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
    auto index = EventIndex::build(**store);
    ASSERT_TRUE(index.ok());
    ViewState state;
    state.setData(store->get(), &*index);
    state.setDisplayZone(DisplayZone::Dushanbe);
    TimelineWidget w(&state);
    w.resize(800, 260);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.setVisibleRange(double(utc(2025, 11, 25)), double(utc(2025, 12, 8)));
    QImage img(w.size(), QImage::Format_ARGB32_Premultiplied);
    w.render(&img);
    const auto rect = w.painter().itemRect(*id);
    ASSERT_TRUE(rect.has_value());
    QTest::mouseMove(&w, rect->center().toPoint());
    const QString tip = QToolTip::text();
    QToolTip::hideText();
    state.setDisplayZone(DisplayZone::Utc); // the choice is remembered: leave UTC for others
    // The details panel's wording: the start in Dushanbe time, the exclusive end as its last day.
    EXPECT_TRUE(tip.contains(
        QStringLiteral("1 December 2025, 01:15 Dushanbe (UTC+5) – 2 December 2025 · Incident")))
        << tip.toStdString();
}

TEST(TimelineWidget, LanesByTypeShowDensityOnlyWhereCrowded)
{
    std::vector<IndexSourceRow> rows;
    for (int i = 0; i < 3000; ++i)
        rows.push_back(row(i + 1, utc(2022, 1, 1) + qint64(i) * 9000, Family::Incident,
                           TimePrecision::Day, 0, QStringLiteral("clash")));
    rows.push_back(row(90001, utc(2022, 3, 1), Family::Diplomatic, TimePrecision::Day, 0,
                       QStringLiteral("visit")));
    Fixture f(rows);
    f.widget->setLaneMode(TimelineLaneMode::EventType);
    f.widget->setVisibleRange(double(utc(2022, 1, 1)), double(utc(2022, 12, 31)));
    const QImage img = f.grab();
    ASSERT_EQ(f.widget->painter().lanes().size(), 2u);
    EXPECT_TRUE(f.widget->painter().laneIsDensity(0));  // clash
    EXPECT_FALSE(f.widget->painter().laneIsDensity(1)); // visit
    EXPECT_TRUE(f.widget->painter().itemRect(idFor(90001)).has_value());
    // The bars' counts add up to the events that start in the view.
    const TimelineLayout l = f.widget->currentLayout();
    std::uint32_t sum = 0;
    qint64 lastBucket = std::numeric_limits<qint64>::min();
    for (double x = l.lanes.left(); x < l.lanes.right(); x += 1) {
        const auto hit = f.widget->painter().hitTest(QPointF(x, l.laneRects[0].center().y()));
        if (hit.kind == TimelinePainter::Hit::Kind::Density && hit.fromSecs != lastBucket) {
            sum += hit.count;
            lastBucket = hit.fromSecs;
        }
    }
    EXPECT_GT(sum, 2900u);
    EXPECT_LE(sum, 3000u);
}
