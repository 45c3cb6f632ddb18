// ACLED CSV: both layouts, type and precision mapping, every bad-row reason.
#include "acledimporter.h"
#include "dateformats.h"
#include "fieldvalues.h"
#include "importtesthelpers.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {
QDateTime day(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::UTC);
}
} // namespace

TEST(Acled, CurrentLayoutIsMapped)
{
    const Collected c = collectFile(ImportFormat::Acled, "acled_current.csv");
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    EXPECT_TRUE(c.rejected.empty());
    ASSERT_EQ(c.events.size(), 4u);

    const Event& e = c.events[0];
    EXPECT_EQ(e.origin.kind, OriginKind::Imported);
    EXPECT_EQ(e.origin.name, QStringLiteral("acled_current.csv"));
    EXPECT_EQ(e.origin.sourceId, QStringLiteral("acled:TJK101"));
    EXPECT_EQ(e.start, day(2021, 6, 22));
    EXPECT_EQ(e.timePrecision, TimePrecision::Day);
    EXPECT_EQ(e.family, Family::Incident);
    EXPECT_EQ(e.eventType, QStringLiteral("clash"));
    EXPECT_EQ(e.title, QStringLiteral("Armed clash in Panj"));
    EXPECT_EQ(e.summary, QStringLiteral("On 22 June 2021, border guards clashed with an armed "
                                        "group near Panj, \"a provocation\", officials said."));
    EXPECT_EQ(e.country, QStringLiteral("TJ"));
    EXPECT_EQ(e.region, QStringLiteral("Khatlon"));
    EXPECT_EQ(e.district, QStringLiteral("Panj"));
    EXPECT_EQ(e.place, QStringLiteral("Panj"));
    EXPECT_DOUBLE_EQ(e.latitude, 37.24);
    EXPECT_DOUBLE_EQ(e.longitude, 69.10);
    EXPECT_EQ(e.coordPrecision, CoordPrecision::Settlement);
    EXPECT_EQ(e.killed, 2);
    EXPECT_FALSE(e.injured);
    EXPECT_EQ(e.actors, (QStringList{"Border Guards of Tajikistan (1994-)",
                                     "Unidentified Armed Group (Afghanistan)"}));
    EXPECT_TRUE(e.sources.isEmpty()); // ACLED names publishers without links
    EXPECT_EQ(e.notes, QStringLiteral("ACLED source: Asia-Plus; Radio Ozodi"));
    EXPECT_EQ(c.eventRecords, (std::vector<qint64>{2, 3, 5, 6}));

    const Event& drone = c.events[1];
    EXPECT_EQ(drone.eventType, QStringLiteral("drone attack"));
    EXPECT_EQ(drone.timePrecision, TimePrecision::Month);      // time_precision 3
    EXPECT_EQ(drone.coordPrecision, CoordPrecision::District); // geo_precision 2
    EXPECT_EQ(drone.killed, 0);                                // zero is known, not unknown
    EXPECT_EQ(drone.country, QStringLiteral("AF"));
    EXPECT_EQ(drone.summary, QStringLiteral("A strike hit a village.\nQuote: \"we saw it, too\""));
    EXPECT_EQ(drone.tags, (QStringList{"women targeted: girls", "civilian targeting"}));

    const Event& protest = c.events[2];
    EXPECT_EQ(protest.family, Family::Context);
    EXPECT_EQ(protest.eventType, QStringLiteral("protest"));
    EXPECT_EQ(protest.timePrecision, TimePrecision::Day);      // time_precision 2: within a week
    EXPECT_EQ(protest.coordPrecision, CoordPrecision::Region); // geo_precision 3
    EXPECT_FALSE(protest.killed);                              // empty fatalities: unknown

    const Event& agreement = c.events[3];
    EXPECT_EQ(agreement.family, Family::Diplomatic);
    EXPECT_EQ(agreement.eventType, QStringLiteral("agreement"));
}

TEST(Acled, OlderLayoutWithDataIdAndSpelledDates)
{
    const Collected c = collectFile(ImportFormat::Acled, "acled_old.csv");
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    ASSERT_EQ(c.events.size(), 3u)
        << (c.rejected.empty() ? "" : c.rejected[0].second.toStdString());
    EXPECT_EQ(c.events[0].origin.sourceId, QStringLiteral("acled-data-id:7701"));
    EXPECT_EQ(c.events[0].start, day(2021, 3, 15));
    EXPECT_EQ(c.events[0].eventType, QStringLiteral("armed attack"));
    EXPECT_EQ(c.events[1].start, day(2021, 4, 3));                // "03-April-2021"
    EXPECT_EQ(c.events[1].eventType, QStringLiteral("shelling")); // "Remote violence" of old
    EXPECT_EQ(c.events[1].timePrecision, TimePrecision::Month);
    EXPECT_EQ(c.events[2].start, day(2021, 5, 1));
    EXPECT_EQ(c.events[2].country, QStringLiteral("AF")); // from iso3, country left empty
    EXPECT_EQ(c.events[2].eventType, QStringLiteral("arrest"));
    EXPECT_TRUE(c.notes.contains(QStringLiteral("older ACLED layout: rows identified by data_id")));
}

TEST(Acled, BomCrLfSemicolonsAndDecimalCommas)
{
    const Collected c = collectFile(ImportFormat::Acled, "acled_bom_crlf_semicolon.csv");
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    ASSERT_EQ(c.events.size(), 2u);
    EXPECT_EQ(c.events[0].origin.sourceId, QStringLiteral("acled:TJK501"));
    EXPECT_DOUBLE_EQ(c.events[0].latitude, 37.91);
    EXPECT_EQ(c.events[0].summary,
              QStringLiteral("Semicolons; inside quotes\r\nand a CRLF line break"));
    EXPECT_EQ(c.events[0].eventType, QStringLiteral("mob violence"));
    EXPECT_EQ(c.eventRecords, (std::vector<qint64>{2, 4}));
    EXPECT_TRUE(c.notes.contains(QStringLiteral("fields separated by \";\"")));
}

TEST(Acled, EachBadRowHasItsReason)
{
    const Collected c = collectFile(ImportFormat::Acled, "acled_bad.csv");
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    ASSERT_EQ(c.events.size(), 2u) << c.events[1].origin.sourceId.toStdString();
    EXPECT_EQ(c.events[0].origin.sourceId, QStringLiteral("acled:TJK901"));
    EXPECT_EQ(c.events[1].origin.sourceId, QStringLiteral("acled:TJK912"));
    const std::vector<std::pair<qint64, QString>> expected = {
        {3, "bad date \"32 March 2021\" in event_date"},
        {4, "missing coordinates (latitude is empty)"},
        {5, "latitude 95.5 is out of range (-90..90)"},
        {6, "longitude \"abc\" is not a number"},
        {7, "fatalities \"-3\" is not a whole number"},
        {8, "time_precision \"7\" is not 1, 2 or 3"},
        {9, "expected 31 fields but found 3"},
        {10, "unknown country \"Atlantis\""},
        {11, "missing date (event_date is empty)"},
        {12, "geo_precision \"9\" is not 1, 2 or 3"},
    };
    EXPECT_EQ(c.rejected, expected);
}

TEST(Acled, MissingRequiredColumnRefusesTheFile)
{
    const Collected c = collectFile(ImportFormat::Acled, "acled_missing_column.csv");
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().kind, Error::Kind::Parse);
    EXPECT_EQ(c.status.error().field, QStringLiteral("latitude"));
    EXPECT_EQ(c.status.error().message,
              QStringLiteral("the required column \"latitude\" is missing from the header"));
    EXPECT_TRUE(c.events.empty());
}

TEST(Acled, UnterminatedQuoteRefusesTheFile)
{
    const Collected c = collectFile(ImportFormat::Acled, "acled_unterminated.csv");
    ASSERT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.error().message,
              QStringLiteral("line 3: a quoted field is not closed before the end of the file"));
}

TEST(Acled, RowsWithoutIdsGetAStableContentHash)
{
    const QByteArray csv = "event_date,event_type,sub_event_type,country,latitude,longitude\n"
                           "2021-01-01,Battles,,Tajikistan,37,69\n";
    const Collected a = collectBytes(ImportFormat::Acled, csv);
    const Collected b = collectBytes(ImportFormat::Acled, csv);
    ASSERT_EQ(a.events.size(), 1u);
    EXPECT_TRUE(a.events[0].origin.sourceId.startsWith(QStringLiteral("acled-sha1:")));
    EXPECT_EQ(a.events[0].origin.sourceId, b.events[0].origin.sourceId);
    EXPECT_EQ(a.events[0].eventType, QStringLiteral("clash")); // Battles without a sub-type
}

struct TypeCase {
    const char* event;
    const char* sub;
    Family family;
    const char* ours;
};

class AcledTypes : public ::testing::TestWithParam<TypeCase> {};

TEST_P(AcledTypes, MapsToOurFamilyAndType)
{
    const TypeCase t = GetParam();
    const auto m = acled::mapType(QString::fromLatin1(t.event), QString::fromLatin1(t.sub));
    EXPECT_EQ(m.family, t.family);
    EXPECT_EQ(m.eventType, QString::fromLatin1(t.ours));
}

INSTANTIATE_TEST_SUITE_P(
    Table, AcledTypes,
    ::testing::Values(
        TypeCase{"Battles", "Armed clash", Family::Incident, "clash"},
        TypeCase{"battles", "armed clash", Family::Incident, "clash"},
        TypeCase{"Explosions/Remote violence", "Remote explosive/landmine/IED", Family::Incident,
                 "explosive device"},
        TypeCase{"Violence against civilians", "Abduction/forced disappearance", Family::Incident,
                 "abduction"},
        TypeCase{"Protests", "Excessive force against protesters", Family::Incident,
                 "force against protesters"},
        TypeCase{"Riots", "Violent demonstration", Family::Incident, "violent demonstration"},
        TypeCase{"Strategic developments", "Agreement", Family::Diplomatic, "agreement"},
        TypeCase{"Strategic developments", "Headquarters or base established", Family::Context,
                 "base established"},
        TypeCase{"Battle-No change of territory", "", Family::Incident, "clash"},
        TypeCase{"Riots/Protests", "", Family::Context, "protest"},
        TypeCase{"Strategic developments", "Something new", Family::Context, "something new"}));

TEST(Acled, OurTypesBackToAcled)
{
    using P = std::pair<QString, QString>;
    EXPECT_EQ(acled::acledTypeFor(Family::Incident, QStringLiteral("drone attack")),
              (P{"Explosions/Remote violence", "Air/drone strike"}));
    EXPECT_EQ(acled::acledTypeFor(Family::Incident, QStringLiteral("state-based violence")),
              (P{"Battles", "Armed clash"}));
    EXPECT_EQ(acled::acledTypeFor(Family::Incident, QStringLiteral("one-sided violence")),
              (P{"Violence against civilians", "Attack"}));
    EXPECT_EQ(acled::acledTypeFor(Family::Diplomatic, QStringLiteral("visit")),
              (P{"Strategic developments", "Agreement"}));
    EXPECT_EQ(acled::acledTypeFor(Family::Context, QStringLiteral("political change")),
              (P{"Strategic developments", "Other"}));
}

TEST(Acled, PrecisionCodes)
{
    EXPECT_EQ(acled::timePrecisionFromCode(1), TimePrecision::Day);
    EXPECT_EQ(acled::timePrecisionFromCode(2), TimePrecision::Day);
    EXPECT_EQ(acled::timePrecisionFromCode(3), TimePrecision::Month);
    EXPECT_FALSE(acled::timePrecisionFromCode(0));
    EXPECT_EQ(acled::coordPrecisionFromCode(1), CoordPrecision::Settlement);
    EXPECT_EQ(acled::coordPrecisionFromCode(2), CoordPrecision::District);
    EXPECT_EQ(acled::coordPrecisionFromCode(3), CoordPrecision::Region);
    EXPECT_FALSE(acled::coordPrecisionFromCode(4));
}

// Found by fuzz_acled: a spelled date with a ten-digit year is a valid QDate but no event date;
// it must be rejected as a bad date, never handed on with an invalid start.
TEST(Acled, AHugeYearIsABadDateNotAnInvalidEvent)
{
    const Collected c = collectFile(ImportFormat::Acled, "acled_fuzz_hugeyear.csv");
    ASSERT_TRUE(c.status.ok()) << c.status.error().message.toStdString();
    for (const Event& e : c.events)
        EXPECT_TRUE(e.start.isValid()) << e.title.toStdString();
    ASSERT_EQ(c.events.size(), 1u);
    EXPECT_FALSE(c.reasonFor(3).isEmpty());
    EXPECT_TRUE(c.reasonFor(3).contains(QStringLiteral("date"))) << c.reasonFor(3).toStdString();
    EXPECT_FALSE(importhelpers::parseDate(u"03-April-000000002141291448").has_value());
    EXPECT_TRUE(importhelpers::parseDate(u"15 March 2021").has_value());
}
