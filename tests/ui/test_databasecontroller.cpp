// DatabaseController::reload: an import commits through its own connection, then the open
// database reloads — the index and every view show the new events, the window stays.
#include "databasecontroller.h"
#include "eventindex.h"
#include "eventtablemodel.h"
#include "importrunner.h"
#include "timeextent.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace fa;

TEST(DatabaseController, ReloadAfterAnImportShowsTheNewEventsAndKeepsTheWindow)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("import.db"));
    ViewState state;
    DatabaseController db(&state);
    ASSERT_TRUE(db.createNew(path).ok());
    EventTableModel table(&state);
    ASSERT_EQ(db.index()->size(), 0u);
    const qint64 from = 0, to = 4102444800; // 1970..2100: the window hides nothing
    state.navigator()->setWindow(from, to);
    const EventIndex* index = db.index();

    // The import dialog's worker: a connection of its own, one batch.
    {
        auto other = EventStore::open(path);
        ASSERT_TRUE(other.ok());
        const ImportReport report = ImportRunner::run(
            **other, QStringLiteral(FRONTIER_SOURCE_DIR "/tests/data/import/acled_current.csv"),
            {});
        ASSERT_TRUE(report.committed) << report.toText().toStdString();
        ASSERT_EQ(report.added, 4);
    }
    EXPECT_EQ(db.index()->size(), 0u); // nothing told the window yet

    QSignalSpy reloaded(&state, &ViewState::eventsReloaded);
    QSignalSpy reset(&state, &ViewState::dataReset);
    ASSERT_TRUE(db.reload().ok());
    EXPECT_EQ(db.index(), index); // rebuilt in place: the views' pointer stays valid
    EXPECT_EQ(db.index()->size(), 4u);
    EXPECT_EQ(reloaded.size(), 1);
    EXPECT_EQ(reset.size(), 0);
    EXPECT_EQ(table.rowCount(), 4);
    EXPECT_EQ(state.navigator()->windowFrom(), from);
    EXPECT_EQ(state.navigator()->windowTo(), to);
    const TimeExtent extent = TimeExtent::of(*db.index());
    EXPECT_EQ(state.navigator()->extentFrom(), extent.from());
    EXPECT_EQ(state.navigator()->extentTo(), extent.to());
}

TEST(DatabaseController, ReloadWithoutADatabaseSaysSo)
{
    ViewState state;
    DatabaseController db(&state);
    const Status s = db.reload();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::NotFound);
}
