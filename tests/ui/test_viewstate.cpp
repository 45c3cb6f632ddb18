// ViewState, the window's change hub: the one display zone every view reads (remembered across
// sessions), and the one filter resolver every view asks, so that a filter change costs the
// store one allow-list query (full text here), however many views follow the filter.
#include "eventtablemodel.h"
#include "filterpanel.h"
#include "filterresolver.h"
#include "markermodel.h"
#include "panelfixture.h"
#include "timelinewidget.h"
#include "viewstate.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace fa;
using fa::test::makeEvent;

namespace {
const QString kZoneKey = QStringLiteral("details/timeZone");
}

TEST(ViewState, TheDisplayZoneIsAnnouncedOncePerChangeAndRemembered)
{
    QSettings().remove(kZoneKey);
    {
        ViewState state;
        EXPECT_EQ(state.displayZone(), DisplayZone::Utc);
        QSignalSpy changed(&state, &ViewState::displayZoneChanged);
        state.setDisplayZone(DisplayZone::Kabul);
        state.setDisplayZone(DisplayZone::Kabul);
        ASSERT_EQ(changed.size(), 1);
        EXPECT_EQ(changed[0][0].value<DisplayZone>(), DisplayZone::Kabul);
    }
    // The next session starts in the zone chosen last.
    ViewState next;
    EXPECT_EQ(next.displayZone(), DisplayZone::Kabul);
    QSettings().remove(kZoneKey);
}

TEST(ViewState, AnUnknownStoredZoneFallsBackToUtc)
{
    QSettings().setValue(kZoneKey, 7);
    ViewState state;
    EXPECT_EQ(state.displayZone(), DisplayZone::Utc);
    QSettings().remove(kZoneKey);
}

TEST(ViewState, AFilterChangeAsksTheStoreOnceForEveryView)
{
    test::PanelFixture fx;
    Event zebra = makeEvent(QStringLiteral("Zebra crossing clash"), QDate(2023, 4, 1));
    fx.add(zebra);
    fx.add(makeEvent(QStringLiteral("Other clash"), QDate(2023, 5, 1)));
    fx.add(makeEvent(QStringLiteral("Zebra meeting"), QDate(2024, 1, 1), Family::Diplomatic,
                     QStringLiteral("meeting")));
    fx.open();
    // The four views that follow the filter.
    EventTableModel table(&fx.state);
    FilterPanel panel(&fx.state);
    TimelineWidget timeline(&fx.state);
    MarkerModel markers(&fx.state);
    MercatorView v;
    v.centerLat = 37.3;
    v.centerLon = 69.1;
    v.zoom = 7;
    v.width = 800;
    v.height = 600;
    markers.setViewport(v);
    markers.refreshNow();
    QCoreApplication::processEvents();
    const FilterResolver* resolver = fx.state.resolver();
    const int before = resolver->storeQueries();

    EventFilter f;
    f.text = QStringLiteral("zebra");
    fx.state.setFilter(f);
    // Let the scheduled refreshes (markers, panel counts) run.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !markers.isRefreshPending(); }));
    QTest::qWait(10);
    EXPECT_EQ(resolver->storeQueries(), before + 1);
    // ...and every view did follow it.
    EXPECT_EQ(table.rowCount(), 2);
    EXPECT_EQ(markers.matchingCount(), 2u);
    EXPECT_EQ(panel.familyCount(Family::Incident), 1);
    EXPECT_EQ(panel.familyCount(Family::Diplomatic), 1);

    // Narrowing by family only reuses the text's allow-list: no query at all.
    f.families = {Family::Incident};
    fx.state.setFilter(f);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !markers.isRefreshPending(); }));
    QTest::qWait(10);
    EXPECT_EQ(resolver->storeQueries(), before + 1);
    EXPECT_EQ(table.rowCount(), 1);
    EXPECT_EQ(markers.matchingCount(), 1u);
}
