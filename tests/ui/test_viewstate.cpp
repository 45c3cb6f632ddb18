// ViewState's one filter resolver: every view asks it, so a filter change costs the store one
// allow-list query (full text here), however many views follow the filter.
#include "eventtablemodel.h"
#include "filterpanel.h"
#include "filterresolver.h"
#include "markermodel.h"
#include "panelfixture.h"
#include "timelinewidget.h"

#include <QTest>

using namespace fa;
using fa::test::makeEvent;

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
