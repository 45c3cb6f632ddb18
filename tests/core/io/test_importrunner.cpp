// ImportRunner: policies, one transaction, cancel and failures leave the database as before,
// re-import does not duplicate, the report.
#include "eventstore.h"
#include "importrunner.h"
#include "importtesthelpers.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {

class ImportRunnerTest : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = EventStore::create(m_dir.filePath(QStringLiteral("events.db")));
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        m_store = std::move(s.value());
    }
    ImportRunner::Options options(ImportPolicy policy = ImportPolicy::ValidRows) const
    {
        ImportRunner::Options o;
        o.policy = policy;
        o.parallel = GetParam();
        return o;
    }
    qint64 count() const { return m_store->count().value(); }
    // Every stored event, to compare before/after.
    std::vector<Event> all() const { return m_store->query({}).value(); }

    QTemporaryDir m_dir;
    std::unique_ptr<EventStore> m_store;
};

} // namespace

TEST_P(ImportRunnerTest, ImportsValidRowsAndReportsTheRest)
{
    const ImportReport r = ImportRunner::run(*m_store, importData("acled_bad.csv"), options());
    EXPECT_TRUE(r.committed) << r.summaryLine().toStdString();
    EXPECT_EQ(r.format, ImportFormat::Acled);
    EXPECT_EQ(r.rowsRead, 12);
    EXPECT_EQ(r.added, 2);
    EXPECT_EQ(r.rejectedCount, 10);
    ASSERT_EQ(r.rejected.size(), 10u);
    EXPECT_EQ(r.rejected[0], (ImportReport::Rejected{
                                 3, QStringLiteral("bad date \"32 March 2021\" in event_date")}));
    EXPECT_EQ(count(), 2);
    EXPECT_EQ(r.summaryLine(),
              QStringLiteral("acled_bad.csv: 12 rows read, 2 added, 0 duplicates, 10 rejected"));
    const QString text = r.toText();
    EXPECT_TRUE(text.contains(QStringLiteral("line 5: latitude 95.5 is out of range (-90..90)\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("policy: import the valid rows\n")));

    const QString saved = m_dir.filePath(QStringLiteral("report.txt"));
    ASSERT_TRUE(r.saveText(saved).ok());
    QFile f(saved);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(f.readAll()), text);
}

TEST_P(ImportRunnerTest, AllOrNothingImportsNothingWhenARowIsBad)
{
    ASSERT_TRUE(ImportRunner::run(*m_store, importData("acled_current.csv"), options()).committed);
    const auto before = all();
    const ImportReport r = ImportRunner::run(*m_store, importData("acled_bad.csv"),
                                             options(ImportPolicy::AllOrNothing));
    EXPECT_FALSE(r.committed);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(
        r.error->message,
        QStringLiteral("10 lines rejected (all or nothing); first: line 3: bad date \"32 March "
                       "2021\" in event_date"));
    EXPECT_EQ(r.rejectedCount, 10);
    EXPECT_EQ(r.added, 0);
    EXPECT_EQ(all(), before);
    EXPECT_EQ(r.summaryLine(),
              QStringLiteral(
                  "acled_bad.csv: nothing imported: 10 lines rejected (all or nothing); first: "
                  "line 3: bad date \"32 March 2021\" in event_date"));
}

TEST_P(ImportRunnerTest, AllOrNothingCommitsACleanFile)
{
    const ImportReport r = ImportRunner::run(*m_store, importData("acled_current.csv"),
                                             options(ImportPolicy::AllOrNothing));
    EXPECT_TRUE(r.committed);
    EXPECT_EQ(r.added, 4);
    EXPECT_EQ(count(), 4);
}

TEST_P(ImportRunnerTest, ReimportDoesNotDuplicate)
{
    const ImportReport first =
        ImportRunner::run(*m_store, importData("acled_current.csv"), options());
    ASSERT_TRUE(first.committed);
    const auto before = all();
    const ImportReport second =
        ImportRunner::run(*m_store, importData("acled_current.csv"), options());
    EXPECT_TRUE(second.committed);
    EXPECT_EQ(second.added, 0);
    EXPECT_EQ(second.duplicates, 4);
    EXPECT_EQ(all(), before);
    // Rows without ids are recognised by their content hash too.
    ASSERT_TRUE(ImportRunner::run(*m_store, importData("kml_events.kml"), options()).committed);
    const qint64 n = count();
    const ImportReport kml = ImportRunner::run(*m_store, importData("kml_events.kml"), options());
    EXPECT_EQ(kml.added, 0);
    EXPECT_EQ(count(), n);
}

TEST_P(ImportRunnerTest, CancelLeavesTheDatabaseAsBefore)
{
    ASSERT_TRUE(ImportRunner::run(*m_store, importData("ucdp_ged.csv"), options()).committed);
    const auto before = all();
    ImportRunner::Options o = options();
    int calls = 0;
    o.progress = [&calls](qint64, qint64) {
        ++calls;
        return false;
    };
    const ImportReport r = ImportRunner::run(*m_store, importData("acled_current.csv"), o);
    EXPECT_GT(calls, 0);
    EXPECT_FALSE(r.committed);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.summaryLine(), QStringLiteral("acled_current.csv: cancelled, nothing imported"));
    EXPECT_EQ(all(), before);
    // The store is still usable afterwards.
    EXPECT_TRUE(ImportRunner::run(*m_store, importData("acled_current.csv"), options()).committed);
    EXPECT_EQ(count(), qint64(before.size()) + 4);
}

TEST_P(ImportRunnerTest, FileErrorsImportNothing)
{
    ASSERT_TRUE(ImportRunner::run(*m_store, importData("acled_current.csv"), options()).committed);
    const auto before = all();
    struct Case {
        const char* file;
        QString message;
    };
    const Case cases[] = {
        {"acled_unterminated.csv",
         "line 3: a quoted field is not closed before the end of the file"},
        {"acled_missing_column.csv", "the required column \"latitude\" is missing from the header"},
        {"kml_dtd.kml",
         "line 6: the document declares a DTD; DTDs and entity declarations are refused"},
        {"bomb.kmz", "KMZ: doc.kml has a compression ratio above 200 (zip bomb?)"},
        {"no_such_file.csv", ""},
    };
    for (const Case& c : cases) {
        const ImportReport r = ImportRunner::run(*m_store, importData(c.file), options());
        EXPECT_FALSE(r.committed) << c.file;
        ASSERT_TRUE(r.error) << c.file;
        if (!c.message.isEmpty()) {
            EXPECT_EQ(r.error->message, c.message) << c.file;
        }
        EXPECT_EQ(all(), before) << c.file;
    }
}

TEST_P(ImportRunnerTest, StoreRejectionsAreReportedWithTheirRecord)
{
    // The first placemark has no country: the store's validation names the problem.
    const ImportReport r = ImportRunner::run(*m_store, importData("kml_events.kml"), options());
    EXPECT_TRUE(r.committed);
    EXPECT_EQ(r.recordNoun, QStringLiteral("placemark"));
    EXPECT_EQ(r.added, 3);
    ASSERT_GE(r.rejected.size(), 1u);
    EXPECT_EQ(r.rejected[0].record, 1);
    EXPECT_TRUE(r.rejected[0].reason.startsWith(QStringLiteral("country \"\" is not a two-letter")))
        << r.rejected[0].reason.toStdString();
    EXPECT_EQ(r.rejectedCount, 5);
}

TEST_P(ImportRunnerTest, UnknownFormatIsRefused)
{
    const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("just some words\n");
    f.close();
    const ImportReport r = ImportRunner::run(*m_store, path, options());
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->message, QStringLiteral("cannot tell the format of notes.txt; choose one "
                                               "(acled, ucdp, geojson, kml, kmz, json)"));
}

INSTANTIATE_TEST_SUITE_P(Threads, ImportRunnerTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "parallel" : "sequential"; });

namespace {

// A batch that fails like a full disk when the events are written.
class FailingBatch : public EventStore::Batch {
public:
    Result<Outcome> add(Event) override { return Outcome::Added; }
    Result<ChunkOutcome> addChunk(const EventChunk& chunk) override
    {
        adds += int(chunk.size());
        return Error::make(Error::Kind::Sqlite, QStringLiteral("database or disk is full"));
    }
    Status commit() override
    {
        committed = true;
        return {};
    }
    int adds = 0;
    bool committed = false;
};

} // namespace

TEST(ImportRunnerBatch, StoreFailureStopsAndCommitsNothing)
{
    for (bool parallel : {false, true}) {
        QFile f(importData("acled_current.csv"));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        auto importer = makeImporter(ImportFormat::Acled);
        FailingBatch batch;
        ImportRunner::Options o;
        o.parallel = parallel;
        const ImportReport r = ImportRunner::run(*importer, f, batch, o);
        EXPECT_FALSE(batch.committed);
        EXPECT_FALSE(r.committed);
        ASSERT_TRUE(r.error);
        // The records of the chunk that failed: 2 to 6 (the second record spans lines 3-4).
        EXPECT_EQ(r.error->message, QStringLiteral("lines 2–6: database or disk is full"));
        EXPECT_EQ(batch.adds, 4);
    }
}

TEST(ImportFormatDetection, ContentThenExtension)
{
    EXPECT_EQ(detectImportFormat("event_id_cnty,event_date\n", QStringLiteral("a.txt")),
              ImportFormat::Acled);
    EXPECT_EQ(
        detectImportFormat("\xEF\xBB\xBFid;date_start;type_of_violence\n", QStringLiteral("a.csv")),
        ImportFormat::Ucdp);
    EXPECT_EQ(detectImportFormat("{\"type\": \"FeatureCollection\"", QStringLiteral("a.json")),
              ImportFormat::GeoJson);
    EXPECT_EQ(
        detectImportFormat("{\"format\": \"frontier-atlas-events\"", QStringLiteral("a.json")),
        ImportFormat::Json);
    EXPECT_EQ(detectImportFormat("<?xml version=\"1.0\"?>\n<kml>", QStringLiteral("a.xml")),
              ImportFormat::Kml);
    EXPECT_EQ(detectImportFormat("PK\x03\x04", QStringLiteral("a.zip")), ImportFormat::Kmz);
    EXPECT_EQ(detectImportFormat("a,b\n", QStringLiteral("a.kml")), ImportFormat::Kml);
    EXPECT_EQ(detectImportFormat("a,b\n", QStringLiteral("a.csv")), ImportFormat::Unknown);
    EXPECT_EQ(importFormatFromString(QStringLiteral("KML")), ImportFormat::Kml);
    EXPECT_FALSE(importFormatFromString(QStringLiteral("shapefile")));
}
