// EventStore queries checked against brute force over 10,000 random events (fixed seed): time
// windows with span/month/year coverage, bounding boxes through the R*Tree, families, types,
// countries, actors, minimum casualties and full text; and hostile full-text input.
#include "eventstore.h"
#include "storefixtures.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace fa;
using namespace fa::test;

namespace {

const QStringList kWords = {QStringLiteral("alpha"),   QStringLiteral("bravo"),
                            QStringLiteral("charlie"), QStringLiteral("delta"),
                            QStringLiteral("echo"),    QStringLiteral("foxtrot"),
                            QStringLiteral("golf"),    QStringLiteral("hotel")};
const QStringList kTypes = {QStringLiteral("clash"), QStringLiteral("shelling"),
                            QStringLiteral("visit"), QStringLiteral("statement"),
                            QStringLiteral("drone attack")};
const QStringList kCountries = {QStringLiteral("TJ"), QStringLiteral("AF"), QStringLiteral("UZ")};
const QStringList kActors = {QStringLiteral("Group one"),   QStringLiteral("Group two"),
                             QStringLiteral("Group three"), QStringLiteral("Group four"),
                             QStringLiteral("Group five"),  QStringLiteral("Group six")};

const qint64 kT0 = utc(2021, 1, 1).toSecsSinceEpoch();
const qint64 kT1 = utc(2026, 1, 1).toSecsSinceEpoch();

/// Independent statement of the coverage rule: explicit end, else the calendar month/year of
/// a month/year-precision date, else one second.
std::pair<qint64, qint64> coverage(const Event& e)
{
    const qint64 s = e.start.toSecsSinceEpoch();
    if (e.end && e.end->toSecsSinceEpoch() > s)
        return {s, e.end->toSecsSinceEpoch()};
    const QDate d = e.start.toUTC().date();
    if (e.timePrecision == TimePrecision::Month)
        return {s,
                QDateTime(QDate(d.year(), d.month(), 1).addMonths(1), QTime(0, 0), QTimeZone::UTC)
                    .toSecsSinceEpoch()};
    if (e.timePrecision == TimePrecision::Year)
        return {
            s,
            QDateTime(QDate(d.year() + 1, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch()};
    return {s, s + 1};
}

bool titleHasWordStarting(const Event& e, const QString& start)
{
    static const QRegularExpression split(QStringLiteral("[^a-z0-9]+"));
    for (const QString& w : e.title.toLower().split(split, Qt::SkipEmptyParts))
        if (w.startsWith(start))
            return true;
    return false;
}

class StoreQuery : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir = new QTemporaryDir;
        auto s = EventStore::create(dir->filePath(QStringLiteral("q.sqlite")));
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        store = std::move(s).value().release();
        events = new std::vector<Event>;

        std::mt19937 rng(20260101);
        auto pick = [&](int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
        std::uniform_real_distribution<double> lon(64.0, 78.0), lat(34.0, 42.0);
        std::uniform_int_distribution<qint64> t(kT0, kT1);
        auto b = store->beginBatch();
        ASSERT_TRUE(b.ok());
        for (int i = 0; i < 10'000; ++i) {
            Event e;
            e.id = QUuid::createUuid();
            // Two or three vocabulary words: the only FTS-searchable words of the event that
            // brute force needs to know about (other text uses words outside the vocabulary).
            e.title = kWords[pick(8)] + QLatin1Char(' ') + kWords[pick(8)];
            if (pick(3) == 0)
                e.title += QStringLiteral(" ") + kWords[pick(8)] + QStringLiteral("s");
            e.family = Family(pick(3));
            e.eventType = kTypes[pick(kTypes.size())];
            e.start = QDateTime::fromSecsSinceEpoch(t(rng), QTimeZone::UTC);
            switch (pick(10)) {
            case 0:
                e.timePrecision = TimePrecision::Month;
                e.start = QDateTime(QDate(e.start.date().year(), e.start.date().month(), 1),
                                    QTime(0, 0), QTimeZone::UTC);
                break;
            case 1:
                e.timePrecision = TimePrecision::Year;
                e.start =
                    QDateTime(QDate(e.start.date().year(), 1, 1), QTime(0, 0), QTimeZone::UTC);
                break;
            case 2:
                e.end = e.start.addSecs(std::uniform_int_distribution<qint64>(0, 90 * 86400)(rng));
                break;
            default:
                e.timePrecision = pick(2) ? TimePrecision::Day : TimePrecision::Minute;
            }
            e.country = kCountries[pick(3)];
            e.longitude = lon(rng);
            e.latitude = lat(rng);
            if (pick(3))
                e.killed = pick(5);
            if (pick(3))
                e.injured = pick(8);
            for (int a = pick(3); a > 0; --a)
                e.actors << kActors[pick(kActors.size())];
            e.actors.removeDuplicates();
            auto r = (*b)->add(e);
            ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
            events->push_back(e);
        }
        ASSERT_TRUE((*b)->commit().ok());
    }
    static void TearDownTestSuite()
    {
        delete store;
        delete events;
        delete dir;
    }

    /// Ids the filter must return, in the store's order (start time, then insertion order).
    static std::vector<QUuid> bruteForce(const EventFilter& f)
    {
        std::vector<std::pair<qint64, int>> hits;
        for (int i = 0; i < int(events->size()); ++i) {
            const Event& e = (*events)[std::size_t(i)];
            const auto [from, to] = coverage(e);
            if (f.from && !(to > f.from->toSecsSinceEpoch()))
                continue;
            if (f.to && !(from < f.to->toSecsSinceEpoch()))
                continue;
            if (f.box && !f.box->contains(e.longitude, e.latitude))
                continue;
            if (!f.families.isEmpty() && !f.families.contains(e.family))
                continue;
            if (!f.eventTypes.isEmpty() && !f.eventTypes.contains(e.eventType))
                continue;
            if (!f.countries.isEmpty() && !f.countries.contains(e.country))
                continue;
            if (!f.actors.isEmpty() &&
                std::none_of(e.actors.begin(), e.actors.end(),
                             [&](const QString& a) { return f.actors.contains(a); }))
                continue;
            if (knownCasualties(e) < f.minCasualties)
                continue;
            if (!f.text.isEmpty()) {
                bool all = true;
                // Every word is a prefix (searchquery.h), with or without a trailing *.
                for (QString w : f.text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    if (w.endsWith(QLatin1Char('*')))
                        w.chop(1);
                    all = all && titleHasWordStarting(e, w.toLower());
                }
                if (!all)
                    continue;
            }
            hits.emplace_back(e.start.toSecsSinceEpoch(), i);
        }
        std::sort(hits.begin(), hits.end());
        std::vector<QUuid> ids;
        for (const auto& [t, i] : hits)
            ids.push_back((*events)[std::size_t(i)].id);
        return ids;
    }

    static inline QTemporaryDir* dir = nullptr;
    static inline EventStore* store = nullptr;
    static inline std::vector<Event>* events = nullptr;
};

} // namespace

TEST_F(StoreQuery, RandomFiltersMatchBruteForce)
{
    std::mt19937 rng(7);
    auto pick = [&](int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
    std::uniform_int_distribution<qint64> t(kT0 - 86400 * 30, kT1 + 86400 * 30);
    int nonEmpty = 0;
    for (int round = 0; round < 300; ++round) {
        EventFilter f;
        const int shape = round % 6; // cycle through combinations
        if (shape != 5 || pick(2)) {
            qint64 a = t(rng), b = a + std::uniform_int_distribution<qint64>(1, 400 * 86400)(rng);
            if (pick(5))
                f.from = QDateTime::fromSecsSinceEpoch(a, QTimeZone::UTC);
            if (pick(5))
                f.to = QDateTime::fromSecsSinceEpoch(b, QTimeZone::UTC);
        }
        if (shape == 1 || shape == 3 || pick(3) == 0) {
            const double w = 64 + 12 * std::uniform_real_distribution<double>()(rng);
            const double s = 34 + 6 * std::uniform_real_distribution<double>()(rng);
            f.box = GeoBox{w, s, w + 0.5 + pick(40) / 10.0, s + 0.5 + pick(30) / 10.0};
        }
        if (shape == 2)
            f.families = {Family(pick(3)), Family(pick(3))};
        if (shape == 3)
            f.eventTypes = {kTypes[pick(kTypes.size())]};
        if (shape == 4) {
            f.countries = {kCountries[pick(3)]};
            f.actors = {kActors[pick(kActors.size())], kActors[pick(kActors.size())]};
        }
        if (shape == 5) {
            f.minCasualties = pick(12);
            f.text = kWords[pick(8)];
            if (pick(2))
                f.text += QStringLiteral(" ") + kWords[pick(8)].left(3) +
                          (pick(2) ? QStringLiteral("*") : QString());
        }
        const std::vector<QUuid> expected = bruteForce(f);
        auto got = store->queryIds(f);
        ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
        ASSERT_EQ(*got, expected) << "round " << round;
        EXPECT_EQ(*store->count(f), qint64(expected.size())) << "round " << round;
        nonEmpty += expected.empty() ? 0 : 1;
    }
    EXPECT_GT(nonEmpty, 150); // the filters are not trivially empty
}

TEST_F(StoreQuery, WindowCoverageEdges)
{
    // Exclusive end of the window, inclusive start, and month/year spans.
    for (const Event& e : *events) {
        const auto [from, to] = coverage(e);
        EventFilter hit;
        hit.from = QDateTime::fromSecsSinceEpoch(to - 1, QTimeZone::UTC);
        hit.to = QDateTime::fromSecsSinceEpoch(to, QTimeZone::UTC);
        hit.box = GeoBox{e.longitude, e.latitude, e.longitude, e.latitude};
        auto ids = store->queryIds(hit);
        ASSERT_TRUE(ids.ok());
        EXPECT_NE(std::find(ids->begin(), ids->end(), e.id), ids->end());
        EventFilter after = hit;
        after.from = QDateTime::fromSecsSinceEpoch(to, QTimeZone::UTC);
        after.to = QDateTime::fromSecsSinceEpoch(to + 10, QTimeZone::UTC);
        ids = store->queryIds(after);
        EXPECT_EQ(std::find(ids->begin(), ids->end(), e.id), ids->end());
        EventFilter before = hit;
        before.from = QDateTime::fromSecsSinceEpoch(from - 10, QTimeZone::UTC);
        before.to = QDateTime::fromSecsSinceEpoch(from, QTimeZone::UTC);
        ids = store->queryIds(before);
        EXPECT_EQ(std::find(ids->begin(), ids->end(), e.id), ids->end());
        if (&e - events->data() > 300)
            break;
    }
}

TEST_F(StoreQuery, QueryReturnsFullEventsInOrderWithLimit)
{
    EventFilter f;
    f.from = utc(2023, 1, 1);
    f.to = utc(2023, 2, 1);
    auto all = store->query(f);
    ASSERT_TRUE(all.ok());
    const auto ids = bruteForce(f);
    ASSERT_EQ(all->size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        EXPECT_EQ((*all)[i].id, ids[i]);
    // Same as get(), children included.
    const auto one = store->get(all->front().id);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(*one, all->front());
    auto five = store->query(f, 5);
    ASSERT_TRUE(five.ok());
    ASSERT_EQ(five->size(), 5u);
    EXPECT_EQ((*five)[4], (*all)[4]);
    EXPECT_TRUE(store->query(f, 0)->empty());
}

TEST_F(StoreQuery, IndexRowsCoverEveryEventInStartOrder)
{
    std::vector<IndexSourceRow> rows;
    ASSERT_TRUE(store->forEachIndexRow([&](const IndexSourceRow& r) { rows.push_back(r); }).ok());
    ASSERT_EQ(rows.size(), events->size());
    EXPECT_EQ(bruteForce({}).front(), rows.front().id);
    EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::pair(a.startSecs, a.rowid) < std::pair(b.startSecs, b.rowid);
    }));
    std::vector<QUuid> order;
    for (const auto& r : rows)
        order.push_back(r.id);
    EXPECT_EQ(order, bruteForce({}));
}

TEST_F(StoreQuery, AllowListsAreSortedRowids)
{
    auto text = store->fullTextRowids(QStringLiteral("alpha bravo"));
    ASSERT_TRUE(text.ok());
    EventFilter f;
    f.text = QStringLiteral("alpha bravo");
    EXPECT_EQ(text->size(), bruteForce(f).size());
    EXPECT_TRUE(std::is_sorted(text->begin(), text->end()));

    auto actors = store->rowidsWithActors({QStringLiteral("Group one"), QStringLiteral("Nobody")});
    ASSERT_TRUE(actors.ok());
    EventFilter byActor;
    byActor.actors = {QStringLiteral("Group one")};
    EXPECT_EQ(actors->size(), bruteForce(byActor).size());
    EXPECT_TRUE(std::is_sorted(actors->begin(), actors->end()));
    EXPECT_TRUE(std::adjacent_find(actors->begin(), actors->end()) == actors->end());
    EXPECT_TRUE(store->rowidsWithActors({})->empty());
}

TEST_F(StoreQuery, HostileFullTextNeverFails)
{
    const QStringList hostile = {QStringLiteral("\"alpha"),
                                 QStringLiteral("AND ("),
                                 QStringLiteral("("),
                                 QStringLiteral(")"),
                                 QStringLiteral("\""),
                                 QStringLiteral("\"\""),
                                 QStringLiteral("*"),
                                 QStringLiteral("NEAR(alpha"),
                                 QStringLiteral("title:alpha"),
                                 QStringLiteral("-alpha"),
                                 QStringLiteral("^alpha"),
                                 QStringLiteral("OR"),
                                 QStringLiteral("alpha OR"),
                                 QStringLiteral("NOT alpha"),
                                 QStringLiteral("alpha AND"),
                                 QStringLiteral("'; DROP TABLE events; --"),
                                 QStringLiteral("{alpha bravo}:x"),
                                 QStringLiteral("alpha\"bravo"),
                                 QStringLiteral("\\"),
                                 QStringLiteral("%_"),
                                 QString(5000, QLatin1Char('(')),
                                 QStringLiteral("Хорог ") + QChar(0) + QStringLiteral(" x"),
                                 QStringLiteral("alpha + bravo"),
                                 QStringLiteral("a:b:c"),
                                 QStringLiteral("**alpha")};
    for (const QString& q : hostile) {
        auto ids = store->fullTextRowids(q);
        EXPECT_TRUE(ids.ok()) << q.toStdString() << ": " << ids.error().message.toStdString();
        EventFilter f;
        f.text = q;
        auto r = store->queryIds(f);
        EXPECT_TRUE(r.ok()) << q.toStdString();
        EXPECT_TRUE(store->count(f).ok()) << q.toStdString();
    }
    EXPECT_EQ(*store->count(), 10'000); // nothing was dropped

    // An unterminated quote still searches for its words.
    EventFilter quote;
    quote.text = QStringLiteral("\"alpha");
    EventFilter plain;
    plain.text = QStringLiteral("alpha");
    EXPECT_EQ(*store->queryIds(quote), bruteForce(plain));
    EXPECT_FALSE(bruteForce(plain).empty());
    // Punctuation-only input matches nothing rather than everything.
    EventFilter parens;
    parens.text = QStringLiteral("AND (");
    EXPECT_EQ(*store->count(parens), 0);
}

TEST(StoreFts, FindsWordsInEveryIndexedField)
{
    QTemporaryDir dir;
    auto s = EventStore::create(dir.filePath(QStringLiteral("f.sqlite")));
    ASSERT_TRUE(s.ok());
    EventStore& store = **s;
    Event e = sampleEvent();
    e.title = QStringLiteral("Clash at the crossing");
    e.summary = QStringLiteral("Smugglers exchanged fire");
    e.place = QStringLiteral("Ishkoshim");
    e.actors = {QStringLiteral("Ansarullah")};
    e.notes = QStringLiteral("Unverified footage");
    e.district = QStringLiteral("Wakhan"); // not indexed
    ASSERT_TRUE(store.add(e).ok());
    ASSERT_TRUE(store.add(sampleEvent()).ok());
    for (const char* word : {"clash", "SMUGGLERS", "ishkoshim", "ansarullah", "footage",
                             "crossing fire", "ansar*", "\"exchanged fire\""}) {
        auto r = store.fullTextRowids(QString::fromUtf8(word));
        ASSERT_TRUE(r.ok()) << word;
        EXPECT_EQ(r->size(), 1u) << word;
    }
    EXPECT_TRUE(store.fullTextRowids(QStringLiteral("wakhan"))->empty());
    EXPECT_TRUE(store.fullTextRowids(QStringLiteral("\"fire exchanged\""))->empty());
    EXPECT_EQ(store.fullTextRowids(QStringLiteral("clash OR drone"))->size(), 2u);
}
