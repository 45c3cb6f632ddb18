// GeoJSON: detected date property, points only, reasons per feature, hostile input.
#include "geojsonimporter.h"
#include "importtesthelpers.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

TEST(GeoJson, PointsWithADetectedDateProperty)
{
    const Collected c = collectFile(ImportFormat::GeoJson, "geojson_points.geojson");
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    EXPECT_TRUE(c.notes.contains(QStringLiteral("date property: event_date")));
    ASSERT_EQ(c.events.size(), 3u);
    EXPECT_EQ(c.eventRecords, (std::vector<qint64>{1, 2, 7}));

    const Event& a = c.events[0];
    EXPECT_EQ(a.title, QStringLiteral("Shots at the Panj post"));
    EXPECT_EQ(a.start, QDateTime(QDate(2025, 8, 14), QTime(0, 0), QTimeZone::UTC));
    EXPECT_EQ(a.timePrecision, TimePrecision::Day);
    EXPECT_DOUBLE_EQ(a.longitude, 69.10);
    EXPECT_DOUBLE_EQ(a.latitude, 37.24);
    EXPECT_EQ(a.country, QStringLiteral("TJ")); // from the name
    EXPECT_EQ(a.killed, 2);
    EXPECT_EQ(a.origin.sourceId, QStringLiteral("geojson:p1"));
    EXPECT_EQ(a.eventType, QStringLiteral("unspecified"));

    const Event& b = c.events[1];
    EXPECT_EQ(b.start, QDateTime(QDate(2025, 11, 26), QTime(16, 30), QTimeZone::UTC));
    EXPECT_EQ(b.timePrecision, TimePrecision::Minute);
    EXPECT_EQ(b.eventType, QStringLiteral("drone attack"));
    EXPECT_EQ(b.actors, (QStringList{"A \"quoted\" group", "Border troops"}));
    EXPECT_EQ(b.origin.sourceId, QStringLiteral("geojson:2"));

    EXPECT_EQ(c.events[2].timePrecision, TimePrecision::Month);

    const std::vector<std::pair<qint64, QString>> expected = {
        {3, "geometry is a Polygon; only Point is supported"},
        {4, "missing coordinates (geometry is null)"},
        {5, "latitude 95 is out of range (-90..90)"},
        {6, "bad date \"yesterday\" in property \"event_date\""},
    };
    EXPECT_EQ(c.rejected, expected);
}

TEST(GeoJson, ChosenDatePropertyWins)
{
    ImportOptions o;
    o.dateProperty = QStringLiteral("reported");
    o.titleProperty = QStringLiteral("label");
    const QByteArray doc = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[69,37]},
         "properties":{"date":"2020-01-01","reported":"2021-02-03","label":"L","country":"TJ"}}]})";
    const Collected c = collectBytes(ImportFormat::GeoJson, doc, o);
    ASSERT_TRUE(c.status.ok());
    ASSERT_EQ(c.events.size(), 1u);
    EXPECT_EQ(c.events[0].start.date(), QDate(2021, 2, 3));
    EXPECT_EQ(c.events[0].title, QStringLiteral("L"));
    // Without an id, a hash of the feature identifies it (the same on every import).
    EXPECT_TRUE(c.events[0].origin.sourceId.startsWith(QStringLiteral("geojson-sha1:")));
}

TEST(GeoJson, StructuralErrorsRefuseTheFile)
{
    struct Case {
        QByteArray doc;
        QString message;
    };
    const Case cases[] = {
        {"[1,2]", "line 1: not a GeoJSON FeatureCollection (the file does not start with '{')"},
        {R"({"type":"Feature","geometry":null})",
         "line 1: not a GeoJSON FeatureCollection (type is \"Feature\")"},
        {R"({"type":"FeatureCollection"})",
         "not a GeoJSON FeatureCollection (no \"features\" array)"},
        {"{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\"",
         "line 2: the file ends inside an object or array"},
        {R"({"features":[] "x":1})", "line 1: expected ',' or '}' between members"},
        {R"({"features":[]} trailing)", "line 1: unexpected text after the FeatureCollection"},
    };
    for (const Case& k : cases) {
        const Collected c = collectBytes(ImportFormat::GeoJson, k.doc);
        ASSERT_FALSE(c.status.ok()) << k.doc.toStdString();
        EXPECT_EQ(c.status.error().message, k.message) << k.doc.toStdString();
    }
}

TEST(GeoJson, DeepNestingIsRefused)
{
    QByteArray doc =
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"x":)";
    doc += QByteArray(100000, '[');
    doc += QByteArray(100000, ']');
    doc += "}}]}";
    const Collected c = collectBytes(ImportFormat::GeoJson, doc);
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message,
              QStringLiteral("line 1: the JSON is nested deeper than 64 levels"));
}

TEST(GeoJson, OversizedFeatureIsRefused)
{
    ImportOptions o;
    o.limits.maxRecordBytes = 4096;
    QByteArray doc =
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"x":")";
    doc += QByteArray(10000, 'a');
    doc += "\"}}]}";
    const Collected c = collectBytes(ImportFormat::GeoJson, doc, o);
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message,
              QStringLiteral("line 1: a feature is larger than the limit of 4096 bytes"));
}

TEST(GeoJson, InvalidFeatureJsonIsARejectedFeature)
{
    const QByteArray doc = R"({"type":"FeatureCollection","features":[{"type":"Feature",,}]})";
    const Collected c = collectBytes(ImportFormat::GeoJson, doc);
    ASSERT_TRUE(c.status.ok());
    ASSERT_EQ(c.rejected.size(), 1u);
    EXPECT_TRUE(c.rejected[0].second.startsWith(QStringLiteral("not valid JSON")))
        << c.rejected[0].second.toStdString();
}
