// What "search" means: the text of any search box (filter panel, event table, the command
// line's text filters) as an FTS5 query, checked as text and against a real full-text index.
#include "eventstore.h"
#include "searchquery.h"
#include "storefixtures.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace fa;
using namespace fa::test;

namespace {

struct QueryCase {
    const char* name;
    const char* typed;
    const char* query;
};

class SearchQueryText : public ::testing::TestWithParam<QueryCase> {};

TEST_P(SearchQueryText, Translates)
{
    const QueryCase& c = GetParam();
    EXPECT_EQ(searchQuery(QString::fromUtf8(c.typed)), QString::fromUtf8(c.query));
}

INSTANTIATE_TEST_SUITE_P(
    Rules, SearchQueryText,
    ::testing::Values(
        QueryCase{"WordsAreAndedPrefixes", "drone strike", "\"drone\" * AND \"strike\" *"},
        QueryCase{"TrailingStarIsTheSamePrefix", "panj*", "\"panj\" *"},
        QueryCase{"QuotedPhraseIsExact", "  \"border post\"  panj",
                  "\"border post\" AND \"panj\" *"},
        QueryCase{"UnterminatedPhraseEndsInAPrefix", "\"border po", "\"border po\" *"},
        QueryCase{"OrBindsTighterThanAnd", "a OR b c", "(\"a\" * OR \"b\" *) AND \"c\" *"},
        QueryCase{"LeadingOrIsDropped", "OR alpha", "\"alpha\" *"},
        QueryCase{"TrailingOrIsDropped", "alpha OR", "\"alpha\" *"},
        QueryCase{"AndIsKeptAsTheDefault", "alpha AND bravo", "\"alpha\" * AND \"bravo\" *"},
        QueryCase{"PunctuationOnlyIsDropped", "AND ( - ** \"\"", ""},
        QueryCase{"QuoteStartsAPhrase", "x\"y z\"", "\"x\" * AND \"y z\""},
        QueryCase{"ColumnFilterSyntaxIsText", "title:x", "\"title:x\" *"},
        QueryCase{"EmptyPhraseIsDropped", "a\"\"b", "\"a\" * AND \"b\" *"},
        QueryCase{"LowerCaseOrIsAWord", "alpha or", "\"alpha\" * AND \"or\" *"},
        QueryCase{"NonLatinWords", "Хорог Panj", "\"Хорог\" * AND \"Panj\" *"},
        QueryCase{"Empty", "", ""}),
    [](const ::testing::TestParamInfo<QueryCase>& info) { return std::string(info.param.name); });

/// A store holding one event per title, for what the query finds.
class SearchQueryFinds : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto s = EventStore::create(dir.filePath(QStringLiteral("s.sqlite")));
        ASSERT_TRUE(s.ok());
        store = std::move(s).value();
        for (const char* title : {"Drone attack near the border post", "Drones seen over Panj",
                                  "Border guards exchanged fire", "Delegation visit"}) {
            Event e = sampleEvent(QString::fromUtf8(title));
            e.summary.clear(); // only the title holds searchable words
            e.place.clear();
            e.actors.clear();
            e.notes.clear();
            ASSERT_TRUE(store->add(e).ok());
        }
    }
    std::size_t found(const char* typed)
    {
        auto r = store->fullTextRowids(QString::fromUtf8(typed));
        EXPECT_TRUE(r.ok()) << typed;
        return r.ok() ? r->size() : 0;
    }

    QTemporaryDir dir;
    std::unique_ptr<EventStore> store;
};

TEST_F(SearchQueryFinds, TheStartOfAWordFindsIt)
{
    EXPECT_EQ(found("dron"), 2u); // "Drone", "Drones"
    EXPECT_EQ(found("drone"), 2u);
    EXPECT_EQ(found("DRONES"), 1u);
    EXPECT_EQ(found("dron att"), 1u);
    EXPECT_EQ(found("deleg"), 1u);
}

TEST_F(SearchQueryFinds, AQuotedPhraseIsExact)
{
    EXPECT_EQ(found("\"border post\""), 1u);
    EXPECT_EQ(found("\"post border\""), 0u);
    EXPECT_EQ(found("\"dron\""), 0u);    // a quoted word is whole
    EXPECT_EQ(found("\"border po"), 1u); // no closing quote yet: still being typed
}

TEST_F(SearchQueryFinds, WordsAreAndedAndOrIsKept)
{
    EXPECT_EQ(found("border"), 2u);
    EXPECT_EQ(found("border fire"), 1u);
    EXPECT_EQ(found("fire OR visit"), 2u);
    EXPECT_EQ(found("fire OR visit border"), 1u);
}

TEST_F(SearchQueryFinds, NothingSearchableFindsNothing)
{
    EXPECT_EQ(found("( ) - *"), 0u);
    EXPECT_EQ(found(""), 0u);
}

} // namespace
