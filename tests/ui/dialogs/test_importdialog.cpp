// ImportDialog and ExportDataDialog, driven without a screen: preview, import on a worker
// thread reported to the caller (which reloads the open database), the report, and export of
// all or the filtered events.
#include "eventstore.h"
#include "exportdatadialog.h"
#include "importdialog.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QFile>
#include <QPixmap>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;

namespace {

QString importData(const char* name)
{
    return QStringLiteral(FRONTIER_SOURCE_DIR "/tests/data/import/") + QLatin1StringView(name);
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<EventStore> store;
    ViewState state;
    Fixture()
    {
        store = std::move(EventStore::create(dir.filePath(QStringLiteral("ui.db"))).value());
        state.setData(store.get(), nullptr);
    }
};

} // namespace

TEST(ImportDialog, PreviewShowsMappedRowsAndReasons)
{
    Fixture f;
    ImportDialog d(&f.state, importData("acled_bad.csv"));
    EXPECT_EQ(d.chosenFormat(), ImportFormat::Acled); // detected from the header
    QTableWidget* t = d.previewTable();
    ASSERT_EQ(t->rowCount(), 12);
    EXPECT_EQ(t->item(0, 0)->text(), QStringLiteral("2"));
    EXPECT_EQ(t->item(0, 1)->text(), QStringLiteral("ok"));
    EXPECT_EQ(t->item(0, 3)->text(), QStringLiteral("Armed clash in Panj"));
    EXPECT_EQ(t->item(1, 1)->text(), QStringLiteral("bad date \"32 March 2021\" in event_date"));
    // FRONTIER_GRAB_DIR=folder saves what the dialog looks like, for a human to check.
    if (const QString dir = qEnvironmentVariable("FRONTIER_GRAB_DIR"); !dir.isEmpty()) {
        d.resize(1100, 620);
        EXPECT_TRUE(d.grab().save(dir + QStringLiteral("/import-dialog.png")));
    }
}

TEST(ImportDialog, PreviewDatesReadAsInTheTableInTheChosenZone)
{
    Fixture f;
    f.state.setDisplayZone(DisplayZone::Dushanbe);
    ImportDialog d(&f.state, importData("kml_events.kml"));
    f.state.setDisplayZone(DisplayZone::Utc); // the choice is remembered: leave UTC for others
    QTableWidget* t = d.previewTable();
    QStringList dates;
    for (int r = 0; r < t->rowCount(); ++r)
        if (QTableWidgetItem* item = t->item(r, 2))
            dates << item->text();
    // 2021-06-22 (a day), 2022-05 (a month) and 21:30 in Dushanbe (16:30 UTC in the file).
    EXPECT_TRUE(dates.contains(QStringLiteral("2021-06-22"))) << dates.join(u' ').toStdString();
    EXPECT_TRUE(dates.contains(QStringLiteral("2022-05"))) << dates.join(u' ').toStdString();
    EXPECT_TRUE(dates.contains(QStringLiteral("2025-11-26 21:30")))
        << dates.join(u' ').toStdString();
}

TEST(ImportDialog, ImportsOnAWorkerThreadAndReportsTheCommit)
{
    Fixture f;
    // The import writes through its own connection: the open store did not write and so does
    // not announce anything; the caller reloads on importFinished(true).
    QSignalSpy reset(f.store.get(), &EventStore::reset);
    ImportDialog d(&f.state, importData("acled_current.csv"));
    QSignalSpy finished(&d, &ImportDialog::importFinished);
    d.startImport();
    EXPECT_TRUE(d.isRunning());
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    ASSERT_TRUE(d.lastReport());
    EXPECT_EQ(d.lastReport()->added, 4);
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(f.store->count().value(), 4); // the window's own connection sees them
    EXPECT_TRUE(d.reportText().contains(QStringLiteral("added: 4")));
}

TEST(ImportDialog, AllOrNothingLeavesTheStoreUnchanged)
{
    Fixture f;
    QSignalSpy reset(f.store.get(), &EventStore::reset);
    ImportDialog d(&f.state, importData("acled_bad.csv"));
    d.setChosenPolicy(ImportPolicy::AllOrNothing);
    QSignalSpy finished(&d, &ImportDialog::importFinished);
    d.startImport();
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(f.store->count().value(), 0);
    EXPECT_TRUE(
        d.reportText().contains(QStringLiteral("line 12: geo_precision \"9\" is not 1, 2 or 3")));
}

TEST(ExportDataDialog, AllOrTheFilteredEvents)
{
    Fixture f;
    ImportDialog d(&f.state, importData("acled_current.csv"));
    QSignalSpy finished(&d, &ImportDialog::importFinished);
    d.startImport();
    ASSERT_TRUE(finished.wait(20000));

    EventFilter filter;
    filter.countries = {QStringLiteral("AF")};
    f.state.setFilter(filter);
    f.state.navigator()->setExtent(0, 4102444800);
    f.state.navigator()->setWindow(0, 4102444800); // 1970..2100: the window hides nothing
    ExportDataDialog e(&f.state);
    e.setChosenFormat(ExportFormat::GeoJson);
    e.setOnlyFiltered(false);
    auto all = e.exportTo(f.dir.filePath(QStringLiteral("all.geojson")));
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(*all, 4);
    e.setOnlyFiltered(true);
    auto some = e.exportTo(f.dir.filePath(QStringLiteral("af.geojson")));
    ASSERT_TRUE(some.ok());
    EXPECT_EQ(*some, 2);
    QFile out(f.dir.filePath(QStringLiteral("af.geojson")));
    ASSERT_TRUE(out.open(QIODevice::ReadOnly));
    EXPECT_TRUE(out.readAll().startsWith("{\"type\":\"FeatureCollection\""));
}
