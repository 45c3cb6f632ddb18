// Country names and codes: one owner for what the details, the table, the filter panel, the
// timeline's lanes and the exports show, and for the importers' name -> code lookup.
#include "countries.h"

#include <gtest/gtest.h>

using namespace fa;

TEST(Countries, NamesComeFromTheCode)
{
    EXPECT_EQ(countryName(QStringLiteral("TJ")), QStringLiteral("Tajikistan"));
    EXPECT_EQ(countryName(QStringLiteral("AF")), QStringLiteral("Afghanistan"));
    EXPECT_EQ(countryName(QStringLiteral("IR")), QStringLiteral("Iran"));
    EXPECT_EQ(countryName(QStringLiteral("RU")), QStringLiteral("Russia"));
    EXPECT_EQ(countryName(QStringLiteral("US")), QStringLiteral("United States"));
    EXPECT_EQ(countryName(QStringLiteral("kg")), QStringLiteral("Kyrgyzstan")); // any case
}

TEST(Countries, AnUnknownCodeStaysTheCode)
{
    EXPECT_EQ(countryName(QStringLiteral("ZZ")), QStringLiteral("ZZ"));
    EXPECT_EQ(countryName(QStringLiteral("TJK")), QStringLiteral("TJK"));
    EXPECT_EQ(countryName(QString()), QString());
    EXPECT_EQ(countryNameWithCode(QStringLiteral("ZZ")), QStringLiteral("ZZ"));
}

TEST(Countries, NameWithCodeKeepsTheCodeVisible)
{
    EXPECT_EQ(countryNameWithCode(QStringLiteral("TJ")), QStringLiteral("Tajikistan (TJ)"));
    EXPECT_EQ(countryNameWithCode(QStringLiteral("UZ")), QStringLiteral("Uzbekistan (UZ)"));
}

TEST(Countries, CodesFromNamesCodesAndSourceSpellings)
{
    // The names countryName() gives read back to their code, for every country.
    for (const char* code : {"TJ", "AF", "UZ", "KG", "KZ", "TM", "CN", "PK", "IR", "RU", "US"})
        EXPECT_EQ(countryCode(countryName(QString::fromLatin1(code))), QString::fromLatin1(code))
            << code;
    EXPECT_EQ(countryCode(QStringLiteral("  tajikistan ")), QStringLiteral("TJ"));
    EXPECT_EQ(countryCode(QStringLiteral("tj")), QStringLiteral("TJ"));
    EXPECT_EQ(countryCode(QStringLiteral("AFG")), QStringLiteral("AF"));
    // ACLED's and UCDP's spellings.
    EXPECT_EQ(countryCode(QStringLiteral("Russian Federation")), QStringLiteral("RU"));
    EXPECT_EQ(countryCode(QStringLiteral("Kyrgyz Republic")), QStringLiteral("KG"));
    EXPECT_EQ(countryCode(QStringLiteral("Iran (Islamic Republic of)")), QStringLiteral("IR"));
    EXPECT_EQ(countryCode(QStringLiteral("Atlantis")), QString());
    EXPECT_EQ(countryCode(QString()), QString());
}

TEST(Countries, NumericCodesForTheRegion)
{
    EXPECT_EQ(countryNumeric(QStringLiteral("TJ")), 762);
    EXPECT_EQ(countryNumeric(QStringLiteral("AF")), 4);
    EXPECT_EQ(countryNumeric(QStringLiteral("ZZ")), 0);
}
