// Export then import gives the same events, for every export format.
#include "eventstore.h"
#include "exporters.h"
#include "importrunner.h"
#include "importtesthelpers.h"

#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::UTC);
}

std::vector<Event> sampleEvents()
{
    std::vector<Event> v;
    Event a;
    a.id = QUuid::createUuid();
    a.title = QStringLiteral("Clash at the \"Istiqlol\" post, Panj");
    a.summary = QStringLiteral("Two lines,\nwith a comma; a semicolon and <xml> & ampersands");
    a.family = Family::Incident;
    a.eventType = QStringLiteral("clash");
    a.start = utc(2025, 8, 14);
    a.timePrecision = TimePrecision::Day;
    a.place = QStringLiteral("Panj");
    a.district = QStringLiteral("Panj");
    a.region = QStringLiteral("Khatlon");
    a.country = QStringLiteral("TJ");
    a.latitude = 37.2401;
    a.longitude = 69.1;
    a.coordPrecision = CoordPrecision::Settlement;
    a.killed = 3;
    a.casualtyNote = QStringLiteral("2 smugglers, 1 guard");
    a.actors = {QStringLiteral("Border Troops, Tajikistan"),
                QStringLiteral("Smugglers \"from\" Afghanistan")};
    Source s;
    s.url = QStringLiteral("https://example.org/news?id=1&x=2");
    s.publisher = QStringLiteral("Asia-Plus");
    s.title = QStringLiteral("Shots at the border");
    s.published = QDate(2025, 8, 15);
    s.reliability = 'B';
    s.credibility = 2;
    a.sources = {s};
    a.confidence = Confidence::Confirmed;
    a.tags = {QStringLiteral("night"), QStringLiteral("river crossing")};
    a.notes = QStringLiteral("Afghan media give other numbers.");
    a.origin = {OriginKind::Imported, QStringLiteral("x.csv"), QStringLiteral("acled:TJK1")};
    v.push_back(a);

    Event b;
    b.id = QUuid::createUuid();
    b.title = QStringLiteral("CSTO talks");
    b.family = Family::Diplomatic;
    b.eventType = QStringLiteral("meeting");
    b.start = utc(2024, 3, 1);
    b.timePrecision = TimePrecision::Month;
    b.end = utc(2024, 3, 20, 12, 0);
    b.country = QStringLiteral("RU");
    b.latitude = 55.7558;
    b.longitude = 37.6173;
    b.coordPrecision = CoordPrecision::Region;
    b.injured = 0;
    b.confidence = Confidence::Reported;
    b.origin = {OriginKind::Manual, {}, {}};
    v.push_back(b);

    Event c;
    c.id = QUuid::createUuid();
    c.title = QStringLiteral("Кабул: смена власти");
    c.summary = QStringLiteral("Unicode: Пяндж, 喀布尔");
    c.family = Family::Context;
    c.eventType = QStringLiteral("political change");
    c.start = utc(2021, 8, 15, 16, 30);
    c.timePrecision = TimePrecision::Minute;
    c.country = QStringLiteral("AF");
    c.latitude = 34.5553;
    c.longitude = 69.2075;
    c.coordPrecision = CoordPrecision::Exact;
    c.confidence = Confidence::Disputed;
    c.origin = {OriginKind::Bundled, {}, QStringLiteral("2021-08-15-kabul")};
    v.push_back(c);

    Event d = c;
    d.id = QUuid::createUuid();
    d.title = QStringLiteral("A year known, but not normalised to 1 January");
    d.start = utc(2022, 6, 15);
    d.timePrecision = TimePrecision::Year;
    d.origin.sourceId = QStringLiteral("ucdp:7");
    v.push_back(d);
    return v;
}

// What a file cannot be expected to carry: the store's id and stamps, the origin.
Event comparable(Event e)
{
    e.id = QUuid();
    e.created = QDateTime();
    e.updated = QDateTime();
    e.origin = Origin{};
    return e;
}

ImportFormat importFormatFor(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Csv:
        return ImportFormat::Acled;
    case ExportFormat::GeoJson:
        return ImportFormat::GeoJson;
    case ExportFormat::Kml:
        return ImportFormat::Kml;
    case ExportFormat::Json:
        return ImportFormat::Json;
    }
    return ImportFormat::Unknown;
}

class RoundTrip : public ::testing::TestWithParam<ExportFormat> {};

} // namespace

TEST_P(RoundTrip, ExportThenImportGivesTheSameEvents)
{
    const std::vector<Event> events = sampleEvents();
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    ASSERT_TRUE(exportEvents(events, GetParam(), out).ok());
    const QByteArray bytes = out.data();
    // The exported bytes are recognised as what they are.
    EXPECT_EQ(
        detectImportFormat(bytes.left(4096), QStringLiteral("x.") + fileExtension(GetParam())),
        importFormatFor(GetParam()));

    const Collected c = collectBytes(importFormatFor(GetParam()), bytes);
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    ASSERT_TRUE(c.rejected.empty()) << c.rejected[0].second.toStdString();
    ASSERT_EQ(c.events.size(), events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event want = comparable(events[i]);
        const Event got = comparable(c.events[i]);
        EXPECT_EQ(got.title, want.title) << i;
        EXPECT_EQ(got.summary, want.summary) << i;
        EXPECT_EQ(got.start, want.start) << i;
        EXPECT_EQ(got.timePrecision, want.timePrecision) << i;
        EXPECT_EQ(got.end, want.end) << i;
        EXPECT_EQ(got.latitude, want.latitude) << i;
        EXPECT_EQ(got.longitude, want.longitude) << i;
        EXPECT_EQ(got.sources, want.sources) << i;
        EXPECT_EQ(got, want) << "event " << i << " differs after "
                             << toString(GetParam()).toStdString();
        // Source ids survive, so that importing an export again does not duplicate.
        if (!events[i].origin.sourceId.isEmpty())
            EXPECT_EQ(c.events[i].origin.sourceId, events[i].origin.sourceId) << i;
        else
            EXPECT_EQ(c.events[i].origin.sourceId,
                      QStringLiteral("fa:") + events[i].id.toString(QUuid::WithoutBraces))
                << i;
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip,
                         ::testing::Values(ExportFormat::Csv, ExportFormat::GeoJson,
                                           ExportFormat::Kml, ExportFormat::Json),
                         [](const auto& info) { return toString(info.param).toStdString(); });

TEST(RoundTripStore, ExportedFileImportsIntoAFreshStoreAndNotTwice)
{
    QTemporaryDir dir;
    auto store = EventStore::create(dir.filePath(QStringLiteral("a.db")));
    ASSERT_TRUE(store.ok());
    const std::vector<Event> events = sampleEvents();
    for (ExportFormat f :
         {ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::Kml, ExportFormat::Json}) {
        const QString path = dir.filePath(QStringLiteral("out.") + fileExtension(f));
        ASSERT_TRUE(exportEventsToFile(events, f, path).ok());
        auto target = EventStore::create(dir.filePath(QStringLiteral("b-%1.db").arg(toString(f))));
        ASSERT_TRUE(target.ok());
        const ImportReport first = ImportRunner::run(**target, path, {});
        EXPECT_TRUE(first.committed) << first.summaryLine().toStdString();
        EXPECT_EQ(first.added, 4) << first.toText().toStdString();
        const ImportReport again = ImportRunner::run(**target, path, {});
        EXPECT_TRUE(again.committed);
        EXPECT_EQ(again.added, 0);
        EXPECT_EQ(again.duplicates, 4);
        auto stored = (*target)->query({});
        ASSERT_TRUE(stored.ok());
        ASSERT_EQ(stored->size(), 4u);
        for (const Event& e : *stored) {
            const auto it = std::find_if(events.begin(), events.end(),
                                         [&](const Event& x) { return x.title == e.title; });
            ASSERT_NE(it, events.end());
            EXPECT_EQ(comparable(e), comparable(*it)) << toString(f).toStdString();
            EXPECT_EQ(e.origin.kind, OriginKind::Imported);
            EXPECT_EQ(e.origin.name, QStringLiteral("out.") + fileExtension(f));
        }
    }
}
