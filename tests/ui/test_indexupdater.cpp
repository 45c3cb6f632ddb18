// IndexUpdater: the store's signals are the one source of change. An edit through the undo
// stack reaches the index once and the views with its id; undo/redo keep the index equal to a
// fresh build; the navigator's extent follows one rule after opening and after every edit.
#include "databasecontroller.h"
#include "editcommands.h"
#include "indexupdater.h"
#include "panelfixture.h"
#include "timeextent.h"
#include "timelinewidget.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace fa;
using fa::test::makeEvent;

namespace {

qint64 secsOf(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
}

/// The incremental index holds exactly what a fresh build from the store holds, in the same
/// order and with the same rowids.
void expectSameAsFreshBuild(const EventIndex& index, const EventStore& store)
{
    auto fresh = EventIndex::build(store);
    ASSERT_TRUE(fresh.ok());
    ASSERT_EQ(index.size(), fresh->size());
    for (std::uint32_t r = 0; r < index.size(); ++r) {
        EXPECT_EQ(index.idAt(r), fresh->idAt(r)) << "row " << r;
        EXPECT_EQ(index.rowidAt(r), fresh->rowidAt(r)) << "row " << r;
        EXPECT_EQ(index.startAt(r), fresh->startAt(r)) << "row " << r;
        EXPECT_EQ(index.coverage(r), fresh->coverage(r)) << "row " << r;
    }
}

QList<QUuid> idsOf(const QSignalSpy& spy, int i)
{
    return spy.at(i).at(0).value<QList<QUuid>>();
}

} // namespace

TEST(IndexUpdater, AnEditThroughTheUndoStackUpdatesTheIndexOnceAndNamesTheEvent)
{
    test::PanelFixture fx;
    fx.add(makeEvent(QStringLiteral("First"), QDate(2022, 1, 1)));
    const QUuid id = fx.add(makeEvent(QStringLiteral("Second"), QDate(2023, 1, 1)));
    fx.add(makeEvent(QStringLiteral("Third"), QDate(2024, 1, 1)));
    fx.open();
    QSignalSpy about(&fx.state, &ViewState::eventsAboutToChange);
    QSignalSpy changed(&fx.state, &ViewState::eventsChanged);
    QSignalSpy reloaded(&fx.state, &ViewState::eventsReloaded);
    QSignalSpy reset(&fx.state, &ViewState::dataReset);
    // What the index holds when each signal arrives: the old row, then the new one.
    std::vector<qint64> startSeen;
    auto seeStart = [&] { startSeen.push_back(fx.index.startAt(*fx.index.rowOf(id))); };
    QObject::connect(&fx.state, &ViewState::eventsAboutToChange, seeStart);
    QObject::connect(&fx.state, &ViewState::eventsChanged, seeStart);

    const Event before = fx.store->get(id).value();
    Event after = before;
    after.title = QStringLiteral("Second, corrected");
    after.start = QDateTime(QDate(2025, 2, 1), QTime(0, 0), QTimeZone::UTC);
    ASSERT_TRUE(
        pushEventCommand(&fx.state, std::make_unique<EditEventCommand>(&fx.state, before, after))
            .ok());

    ASSERT_EQ(about.size(), 1);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(idsOf(about, 0), QList<QUuid>{id});
    EXPECT_EQ(idsOf(changed, 0), QList<QUuid>{id});
    EXPECT_EQ(reloaded.size(), 0);
    EXPECT_EQ(reset.size(), 0);
    EXPECT_EQ(startSeen, (std::vector<qint64>{secsOf(2023, 1, 1), secsOf(2025, 2, 1)}));
    EXPECT_EQ(fx.index.size(), 3u);
    expectSameAsFreshBuild(fx.index, *fx.store);
}

TEST(IndexUpdater, UndoAndRedoKeepTheIndexEqualToAFreshBuild)
{
    test::PanelFixture fx;
    fx.add(makeEvent(QStringLiteral("Existing"), QDate(2022, 1, 1)));
    const QUuid kept = fx.add(makeEvent(QStringLiteral("Kept"), QDate(2023, 3, 1)));
    fx.open();
    QSignalSpy changed(&fx.state, &ViewState::eventsChanged);
    QUndoStack* undo = fx.state.undoStack();

    auto add = std::make_unique<AddEventCommand>(
        &fx.state, makeEvent(QStringLiteral("Added"), QDate(2022, 6, 1)));
    const QUuid added = add->eventId();
    ASSERT_TRUE(pushEventCommand(&fx.state, std::move(add)).ok());
    const Event keptEvent = fx.store->get(kept).value();
    ASSERT_TRUE(
        pushEventCommand(&fx.state, std::make_unique<DeleteEventCommand>(&fx.state, keptEvent))
            .ok());
    expectSameAsFreshBuild(fx.index, *fx.store);
    EXPECT_FALSE(fx.index.rowOf(kept));
    EXPECT_TRUE(fx.index.rowOf(added));

    undo->undo(); // the deleted event comes back
    EXPECT_TRUE(fx.index.rowOf(kept));
    expectSameAsFreshBuild(fx.index, *fx.store);
    undo->undo(); // the added one goes
    EXPECT_FALSE(fx.index.rowOf(added));
    expectSameAsFreshBuild(fx.index, *fx.store);
    undo->redo();
    undo->redo();
    EXPECT_TRUE(fx.index.rowOf(added));
    EXPECT_FALSE(fx.index.rowOf(kept));
    expectSameAsFreshBuild(fx.index, *fx.store);

    // One notification per step, each naming the one event the step touched.
    const QList<QList<QUuid>> expected{{added}, {kept}, {kept}, {added}, {added}, {kept}};
    ASSERT_EQ(changed.size(), expected.size());
    for (int i = 0; i < changed.size(); ++i)
        EXPECT_EQ(idsOf(changed, i), expected[i]) << "step " << i;
}

TEST(IndexUpdater, TheExtentFollowsOneRuleAfterOpeningAndAfterEdits)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("extent.db"));
    {
        auto store = EventStore::create(path);
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE((*store)->add(makeEvent(QStringLiteral("First"), QDate(2022, 3, 5))).ok());
        // Known to the month only: it covers the whole of July, beyond its start.
        Event month = makeEvent(QStringLiteral("Month"), QDate(2024, 7, 1));
        month.timePrecision = TimePrecision::Month;
        ASSERT_TRUE((*store)->add(month).ok());
        ASSERT_TRUE((*store)->add(makeEvent(QStringLiteral("Late day"), QDate(2024, 7, 20))).ok());
    }
    ViewState state;
    TimelineWidget timeline(&state); // a view that once computed the extent itself
    DatabaseController db(&state);
    ASSERT_TRUE(db.open(path).ok());
    const TimeNavigator* nav = state.navigator();
    auto expectRule = [&](qint64 from, qint64 to) {
        const TimeExtent rule = TimeExtent::of(*db.index());
        EXPECT_EQ(nav->extentFrom(), rule.from());
        EXPECT_EQ(nav->extentTo(), rule.to());
        EXPECT_EQ(nav->extentFrom(), from);
        EXPECT_EQ(nav->extentTo(), to);
    };
    expectRule(secsOf(2022, 3, 5), secsOf(2024, 8, 1));
    EXPECT_EQ(nav->windowFrom(), nav->extentFrom()); // opening shows everything
    EXPECT_EQ(nav->windowTo(), nav->extentTo());

    // An event spanning past the end pushes it out; the window stays where it was.
    Event span = makeEvent(QStringLiteral("Span"), QDate(2024, 9, 1));
    span.end = QDateTime(QDate(2024, 12, 1), QTime(0, 0), QTimeZone::UTC);
    auto add = std::make_unique<AddEventCommand>(&state, span);
    const QUuid spanId = add->eventId();
    ASSERT_TRUE(pushEventCommand(&state, std::move(add)).ok());
    expectRule(secsOf(2022, 3, 5), secsOf(2024, 12, 1));
    EXPECT_EQ(nav->windowTo(), secsOf(2024, 8, 1));

    // Removing the last event shrinks the end back; removing the first moves the start.
    state.undoStack()->undo();
    ASSERT_FALSE(db.index()->rowOf(spanId));
    expectRule(secsOf(2022, 3, 5), secsOf(2024, 8, 1));
    const QUuid first = db.index()->idAt(0);
    ASSERT_TRUE(pushEventCommand(&state, std::make_unique<DeleteEventCommand>(
                                             &state, db.store()->get(first).value()))
                    .ok());
    expectRule(secsOf(2024, 7, 1), secsOf(2024, 8, 1));
}
