#include "editcommands.h"
#include "eventtablemodel.h"
#include "eventtableview.h"
#include "panelfixture.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace fa;
using fa::test::makeEvent;

namespace {

QStringList column(const EventTableModel& m, int c)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.data(m.index(r, c)).toString();
    return out;
}

class TableTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Event a = makeEvent(QStringLiteral("Bravo clash"), QDate(2022, 5, 1));
        a.killed = 3;
        a.injured = 1;
        Event b = makeEvent(QStringLiteral("Alpha drone attack"), QDate(2025, 11, 26),
                            Family::Incident, QStringLiteral("drone attack"));
        b.killed.reset();
        b.injured = 0;
        Event c = makeEvent(QStringLiteral("Charlie visit"), QDate(2021, 7, 1), Family::Diplomatic,
                            QStringLiteral("visit"));
        c.killed = 0;
        c.country = QStringLiteral("AF");
        ida = fx.add(a);
        idb = fx.add(b);
        idc = fx.add(c);
        fx.open();
    }
    test::PanelFixture fx;
    QUuid ida, idb, idc;
};

} // namespace

TEST_F(TableTest, RowsFollowFilterAndWindowAndSortByEveryColumn)
{
    EventTableModel model(&fx.state);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(column(model, EventTableModel::Date),
              (QStringList{"2021-07-01", "2022-05-01", "2025-11-26"}));
    model.sort(EventTableModel::Title, Qt::AscendingOrder);
    EXPECT_EQ(column(model, EventTableModel::Title),
              (QStringList{"Alpha drone attack", "Bravo clash", "Charlie visit"}));
    model.sort(EventTableModel::Date, Qt::DescendingOrder);
    EXPECT_EQ(column(model, EventTableModel::Date),
              (QStringList{"2025-11-26", "2022-05-01", "2021-07-01"}));
    // Killed: numbers in numeric order, unknown last in both directions.
    model.sort(EventTableModel::Killed, Qt::DescendingOrder);
    EXPECT_EQ(column(model, EventTableModel::Killed), (QStringList{"3", "0", "unknown"}));
    model.sort(EventTableModel::Killed, Qt::AscendingOrder);
    EXPECT_EQ(column(model, EventTableModel::Killed), (QStringList{"0", "3", "unknown"}));
    model.sort(EventTableModel::Country, Qt::AscendingOrder);
    EXPECT_EQ(column(model, EventTableModel::Country).first(), QStringLiteral("AF"));
    EXPECT_TRUE(model.notice().isEmpty());

    EventFilter f;
    f.families = {Family::Incident};
    fx.state.setFilter(f);
    EXPECT_EQ(model.rowCount(), 2);
    const qint64 y2025 =
        QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
    fx.state.navigator()->setWindow(y2025, y2025 + 365 * 86400);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.idAt(0), idb);
}

TEST_F(TableTest, TextFilterUsesFullTextSearch)
{
    EventTableModel model(&fx.state);
    model.setTextFilter(QStringLiteral("drone"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.idAt(0), idb);
    model.setTextFilter(QString());
    EXPECT_EQ(model.rowCount(), 3);
}

TEST_F(TableTest, SelectionSyncsBothWaysAndDoubleClickAsksForTheEditor)
{
    EventTableView view(&fx.state);
    view.resize(900, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    // State -> table
    fx.state.setSelectedEvent(ida);
    const QModelIndex cur = view.table()->selectionModel()->currentIndex();
    ASSERT_TRUE(cur.isValid());
    EXPECT_EQ(view.model()->idAt(cur.row()), ida);
    // Table -> state
    const int rowC = view.model()->rowOf(idc);
    ASSERT_GE(rowC, 0);
    view.table()->selectionModel()->setCurrentIndex(view.model()->index(rowC, 1),
                                                    QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    EXPECT_EQ(fx.state.selectedEvent(), idc);
    // Sorting keeps the selection on the same event.
    view.table()->sortByColumn(EventTableModel::Title, Qt::DescendingOrder);
    EXPECT_EQ(view.model()->idAt(view.table()->selectionModel()->currentIndex().row()), idc);
    EXPECT_EQ(fx.state.selectedEvent(), idc);
    // A filter hiding the selected event clears the table's selection but not the state's.
    EventFilter f;
    f.families = {Family::Incident};
    fx.state.setFilter(f);
    EXPECT_FALSE(view.table()->selectionModel()->hasSelection());
    EXPECT_EQ(fx.state.selectedEvent(), idc);

    QSignalSpy edit(&view, &EventTableView::editRequested);
    const int rowB = view.model()->rowOf(idb);
    const QRect r = view.table()->visualRect(view.model()->index(rowB, 1));
    // A real double-click starts with a press: the view only reacts to a double-click on the
    // item that was pressed.
    QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {}, r.center());
    QTest::mouseDClick(view.table()->viewport(), Qt::LeftButton, {}, r.center());
    ASSERT_EQ(edit.size(), 1);
    EXPECT_EQ(edit[0][0].toUuid(), idb);
}

TEST_F(TableTest, AnEditChangesOnlyItsOwnRow)
{
    EventTableModel model(&fx.state);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    // Rows in date order: c (2021), a (2022), b (2025). A persistent index on c must survive.
    const QPersistentModelIndex onC = model.index(0, EventTableModel::Title);
    ASSERT_EQ(model.idAt(onC.row()), idc);
    auto edit = [&](const QUuid& id, auto change) {
        const Event before = fx.store->get(id).value();
        Event after = before;
        change(after);
        ASSERT_TRUE(pushEventCommand(&fx.state,
                                     std::make_unique<EditEventCommand>(&fx.state, before, after))
                        .ok());
    };

    // A new title: that row's cells change, nothing else.
    edit(ida, [](Event& e) { e.title = QStringLiteral("Bravo clash, revised"); });
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    EXPECT_EQ(changed.at(0).at(1).value<QModelIndex>().row(), 1);
    EXPECT_EQ(model.data(model.index(1, EventTableModel::Title)).toString(),
              QStringLiteral("Bravo clash, revised"));

    // A later date: the row moves to the end.
    edit(ida,
         [](Event& e) { e.start = QDateTime(QDate(2026, 1, 5), QTime(0, 0), QTimeZone::UTC); });
    ASSERT_EQ(moved.size(), 1);
    EXPECT_EQ(column(model, EventTableModel::Date),
              (QStringList{"2021-07-01", "2025-11-26", "2026-01-05"}));

    // An added event is one inserted row; a deleted one, one removed row.
    auto add = std::make_unique<AddEventCommand>(
        &fx.state, makeEvent(QStringLiteral("Delta patrol"), QDate(2023, 2, 2)));
    const QUuid idd = add->eventId();
    ASSERT_TRUE(pushEventCommand(&fx.state, std::move(add)).ok());
    ASSERT_EQ(inserted.size(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 1);
    EXPECT_EQ(model.idAt(1), idd);
    ASSERT_TRUE(pushEventCommand(&fx.state, std::make_unique<DeleteEventCommand>(
                                                &fx.state, fx.store->get(idb).value()))
                    .ok());
    ASSERT_EQ(removed.size(), 1);
    EXPECT_EQ(removed.at(0).at(1).toInt(), 2);

    // Sorted by a column the store holds: a title edit moves the row to its new place.
    model.sort(EventTableModel::Title, Qt::AscendingOrder);
    EXPECT_EQ(column(model, EventTableModel::Title),
              (QStringList{"Bravo clash, revised", "Charlie visit", "Delta patrol"}));
    edit(ida, [](Event& e) { e.title = QStringLiteral("Echo clash"); });
    EXPECT_EQ(moved.size(), 2);
    EXPECT_EQ(column(model, EventTableModel::Title),
              (QStringList{"Charlie visit", "Delta patrol", "Echo clash"}));

    EXPECT_EQ(resets.size(), 0);
    EXPECT_TRUE(onC.isValid());
    EXPECT_EQ(model.idAt(onC.row()), idc);
}

TEST_F(TableTest, DeletingTheSelectedEventSelectsNoOtherOne)
{
    EventTableView view(&fx.state);
    view.resize(900, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    fx.state.setSelectedEvent(ida);
    ASSERT_EQ(view.model()->idAt(view.table()->selectionModel()->currentIndex().row()), ida);
    QSignalSpy selected(&fx.state, &ViewState::selectionChanged);
    ASSERT_TRUE(pushEventCommand(&fx.state, std::make_unique<DeleteEventCommand>(
                                                &fx.state, fx.store->get(ida).value()))
                    .ok());
    EXPECT_EQ(view.model()->rowCount(), 2);
    EXPECT_TRUE(fx.state.selectedEvent().isNull());
    ASSERT_EQ(selected.size(), 1); // only the deletion's own "nothing selected"
    EXPECT_FALSE(view.table()->selectionModel()->hasSelection());
    // Undo brings it back, selected again.
    fx.state.undoStack()->undo();
    EXPECT_EQ(fx.state.selectedEvent(), ida);
    EXPECT_EQ(view.model()->idAt(view.table()->selectionModel()->currentIndex().row()), ida);
}
