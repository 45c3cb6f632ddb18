// KML and KMZ: TimeStamp/TimeSpan, placemark reasons, DTDs refused, zip bombs refused.
#include "importtesthelpers.h"
#include "kmlimporter.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {

void expectEventsFile(const Collected& c)
{
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    ASSERT_EQ(c.events.size(), 4u);
    EXPECT_EQ(c.eventRecords, (std::vector<qint64>{1, 2, 3, 4}));

    const Event& a = c.events[0];
    EXPECT_EQ(a.title, QStringLiteral("Clash near Panj"));
    EXPECT_EQ(a.summary, QStringLiteral("<b>Border guards</b> & an armed group"));
    EXPECT_EQ(a.start, QDateTime(QDate(2021, 6, 22), QTime(0, 0), QTimeZone::UTC));
    EXPECT_EQ(a.timePrecision, TimePrecision::Day);
    EXPECT_DOUBLE_EQ(a.longitude, 69.10);
    EXPECT_DOUBLE_EQ(a.latitude, 37.24);
    EXPECT_EQ(a.origin.sourceId, QStringLiteral("kml:pm-1"));

    const Event& talks = c.events[1];
    EXPECT_EQ(talks.family, Family::Diplomatic);
    EXPECT_EQ(talks.eventType, QStringLiteral("meeting"));
    EXPECT_EQ(talks.country, QStringLiteral("TJ"));
    ASSERT_TRUE(talks.end);
    EXPECT_EQ(*talks.end, QDateTime(QDate(2021, 9, 17), QTime(0, 0), QTimeZone::UTC));
    EXPECT_TRUE(talks.origin.sourceId.startsWith(QStringLiteral("kml-sha1:")));

    EXPECT_EQ(c.events[2].timePrecision, TimePrecision::Month);
    EXPECT_EQ(c.events[2].country, QStringLiteral("TJ")); // SchemaData
    EXPECT_DOUBLE_EQ(c.events[2].longitude, 71.55);       // inside MultiGeometry

    EXPECT_EQ(c.events[3].start, QDateTime(QDate(2025, 11, 26), QTime(16, 30), QTimeZone::UTC));
    EXPECT_EQ(c.events[3].timePrecision, TimePrecision::Minute);

    const std::vector<std::pair<qint64, QString>> expected = {
        {5, "missing date (no TimeStamp or TimeSpan)"},
        {6, "geometry is a LineString; only Point is supported"},
        {7, "latitude 137.0 is out of range (-90..90)"},
        {8, "TimeSpan ends (2022-02-01) before it begins (2022-02-10)"},
    };
    EXPECT_EQ(c.rejected, expected);
}

} // namespace

TEST(Kml, PlacemarksWithTimeStampsAndSpans)
{
    expectEventsFile(collectFile(ImportFormat::Kml, "kml_events.kml"));
}

TEST(Kml, KmzReadsDocKml)
{
    expectEventsFile(collectFile(ImportFormat::Kmz, "kml_events.kmz"));
}

TEST(Kml, DtdAndEntitiesAreRefused)
{
    const Collected c = collectFile(ImportFormat::Kml, "kml_dtd.kml");
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message,
              QStringLiteral(
                  "line 6: the document declares a DTD; DTDs and entity declarations are refused"));
    EXPECT_TRUE(c.events.empty());
}

TEST(Kml, NotKml)
{
    const Collected c = collectBytes(ImportFormat::Kml, "<?xml version=\"1.0\"?><gpx></gpx>");
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message,
              QStringLiteral("line 1: not a KML document (the root element is <gpx>)"));
    const Collected broken =
        collectBytes(ImportFormat::Kml, "<kml><Placemark><name>x</Placemark></kml>");
    ASSERT_FALSE(broken.status.ok());
    EXPECT_EQ(broken.status.error().kind, Error::Kind::Parse);
}

TEST(Kml, DeepNestingIsRefused)
{
    QByteArray doc = "<kml>";
    for (int i = 0; i < 200; ++i)
        doc += "<Folder>";
    const Collected c = collectBytes(ImportFormat::Kml, doc);
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message,
              QStringLiteral("line 1: elements are nested deeper than 64 levels"));
}

TEST(Kml, ZipBombIsRefused)
{
    // 64 MB of spaces deflated to 64 KB: a ratio of about 1000.
    const Collected c = collectFile(ImportFormat::Kmz, "bomb.kmz");
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message,
              QStringLiteral("KMZ: doc.kml has a compression ratio above 200 (zip bomb?)"));
    ImportOptions small;
    small.limits.maxUncompressedBytes = 1 << 20;
    const Collected d = collectFile(ImportFormat::Kmz, "bomb.kmz", small);
    ASSERT_FALSE(d.status.ok());
    EXPECT_EQ(
        d.status.error().message,
        QStringLiteral("KMZ: doc.kml inflates beyond the limit of 1048576 bytes (zip bomb?)"));
}

TEST(Kml, KmzWithoutKmlOrNotAZip)
{
    const Collected c = collectFile(ImportFormat::Kmz, "no_kml.kmz");
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message, QStringLiteral("KMZ: the archive holds no .kml document"));
    const Collected d = collectBytes(ImportFormat::Kmz, "PK\x03\x04 not really a zip");
    ASSERT_FALSE(d.status.ok());
    EXPECT_EQ(d.status.error().message,
              QStringLiteral("KMZ: the file is not a readable zip archive"));
}
