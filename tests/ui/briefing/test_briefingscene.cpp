// makeBriefingScene: without a window of its own, a briefing shows the dataset's extent by the
// same rule as the window's timeline (TimeExtent).
#include "briefingscene.h"
#include "eventindex.h"
#include "eventstore.h"
#include "panelfixture.h"
#include "timeextent.h"

using namespace fa;
using fa::test::makeEvent;

TEST(BriefingScene, TheDefaultWindowIsTheDatasetsExtent)
{
    test::PanelFixture fx;
    fx.add(makeEvent(QStringLiteral("First"), QDate(2023, 2, 10)));
    // Known to the month only: the extent runs to the end of that month.
    Event month = makeEvent(QStringLiteral("Month"), QDate(2024, 7, 1));
    month.timePrecision = TimePrecision::Month;
    fx.add(month);
    fx.open();
    auto scene = makeBriefingScene(*fx.store, fx.index, BriefingSceneRequest{});
    ASSERT_TRUE(scene.ok()) << scene.error().message.toStdString();
    const TimeExtent extent = TimeExtent::of(fx.index);
    EXPECT_EQ(scene->windowFrom, extent.from());
    EXPECT_EQ(scene->windowTo, extent.to());
    EXPECT_EQ(scene->windowTo,
              QDateTime(QDate(2024, 8, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch());
    EXPECT_EQ(scene->index->count(scene->query), 2u);
}
