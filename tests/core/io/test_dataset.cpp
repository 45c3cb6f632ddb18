// The bundled dataset and our JSON event format: completeness against the facts table, the
// frontier region, unknown casualties, lossless round trips and precise errors on bad input.
#include "bundleddataset.h"
#include "datasetjson.h"
#include "eventstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUrl>
#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace fa;

namespace {

const std::vector<Event>& bundled()
{
    static const std::vector<Event> events = [] {
        Result<std::vector<Event>> r = loadBundledDataset();
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.toStdString());
        return r.ok() ? std::move(r).value() : std::vector<Event>{};
    }();
    return events;
}

/// The shared facts table, when this checkout sits next to it (or FRONTIER_FACTS_FILE names
/// it, e.g. inside the build root where only the checkout is visible); empty otherwise: the
/// tests that need it are then skipped, the JSON itself is in the repository.
std::map<QString, QJsonObject> facts()
{
    std::map<QString, QJsonObject> out;
    QString path = qEnvironmentVariable("FRONTIER_FACTS_FILE");
    if (path.isEmpty())
        path = QStringLiteral(FRONTIER_SOURCE_DIR "/../shared/facts/frontier-events.jsonl");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        out[o.value(QLatin1StringView("id")).toString()] = o;
    }
    return out;
}

const Event* bySlug(const QString& slug)
{
    for (const Event& e : bundled())
        if (e.origin.sourceId == slug)
            return &e;
    return nullptr;
}

std::optional<int> countOf(const QJsonValue& v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::UTC);
}

Event fullEvent()
{
    Event e;
    e.id = QUuid::fromString(QStringLiteral("0b2ff711-61cf-54b8-92d2-4dc4ee8f6aa0"));
    e.title = QStringLiteral("Clash \"near\" the post — ünïcode, Дарвоз, دروازه");
    e.summary = QStringLiteral("Line one.\nLine two with a tab\tand a backslash \\.");
    e.family = Family::Diplomatic;
    e.eventType = QStringLiteral("meeting");
    e.start = utc(2025, 11, 30, 13, 45, 7, 250);
    e.timePrecision = TimePrecision::Minute;
    e.end = utc(2025, 12, 2);
    e.place = QStringLiteral("Shodak");
    e.district = QStringLiteral("Darvoz");
    e.region = QStringLiteral("GBAO");
    e.country = QStringLiteral("TJ");
    e.latitude = 38.4512345678901;
    e.longitude = 70.7912345678901;
    e.coordPrecision = CoordPrecision::Exact;
    e.killed = 0;
    e.injured = 12;
    e.casualtyNote = QStringLiteral("zero killed is known, not unknown");
    e.actors = {QStringLiteral("Tajik Border Troops (GKNB)"), QStringLiteral("CRBC")};
    Source a;
    a.url = QStringLiteral("https://example.org/a?x=1&y=2");
    a.publisher = QStringLiteral("Example Wire");
    a.title = QStringLiteral("A report");
    a.published = QDate(2025, 12, 1);
    a.reliability = 'B';
    a.credibility = 2;
    Source b;
    b.url = QStringLiteral("http://example.com/b");
    e.sources = {a, b};
    e.confidence = Confidence::Disputed;
    e.tags = {QStringLiteral("chinese workers"), QStringLiteral("gbao")};
    e.notes = QStringLiteral("Some notes.");
    e.created = utc(2026, 1, 1, 8, 0, 0);
    e.updated = utc(2026, 1, 2, 9, 30, 0, 1);
    e.origin = {OriginKind::Imported, QStringLiteral("events.json"), QStringLiteral("slug-1")};
    return e;
}

QJsonObject validEventObject()
{
    return QJsonDocument::fromJson(R"({
        "title": "t", "family": "incident", "start": "2025-11-30T13:45:00Z",
        "latitude": 38.45, "longitude": 70.79,
        "sources": [{"url": "https://example.org/a"}]
    })")
        .object();
}

QByteArray fileWith(const QJsonArray& events)
{
    QJsonObject top;
    top.insert(QLatin1StringView("format"), QLatin1StringView("frontier-atlas-events"));
    top.insert(QLatin1StringView("version"), 1);
    top.insert(QLatin1StringView("events"), events);
    return QJsonDocument(top).toJson();
}

} // namespace

// --- the bundled dataset ---

TEST(BundledDataset, LoadsAllFiftyThreeEventsWithUniqueStableIds)
{
    ASSERT_EQ(bundled().size(), 53u);
    QSet<QUuid> ids;
    QSet<QString> slugs;
    for (const Event& e : bundled()) {
        EXPECT_FALSE(e.id.isNull()) << e.origin.sourceId.toStdString();
        ids.insert(e.id);
        slugs.insert(e.origin.sourceId);
        EXPECT_EQ(e.origin.kind, OriginKind::Bundled);
        EXPECT_FALSE(e.title.trimmed().isEmpty());
        EXPECT_FALSE(e.summary.trimmed().isEmpty());
        EXPECT_TRUE(e.start.isValid());
    }
    EXPECT_EQ(ids.size(), 53);
    EXPECT_EQ(slugs.size(), 53);
}

TEST(BundledDataset, HasExactlyTheFactTableIds)
{
    const auto table = facts();
    if (table.empty())
        GTEST_SKIP() << "facts table not found next to the checkout";
    QSet<QString> expected, got;
    for (const auto& [id, o] : table)
        expected.insert(id);
    for (const Event& e : bundled())
        got.insert(e.origin.sourceId);
    EXPECT_EQ(got, expected);
}

TEST(BundledDataset, KeepsEveryFactAndSourceOfTheTable)
{
    const auto table = facts();
    if (table.empty())
        GTEST_SKIP() << "facts table not found next to the checkout";
    for (const auto& [slug, f] : table) {
        SCOPED_TRACE(slug.toStdString());
        const Event* e = bySlug(slug);
        ASSERT_NE(e, nullptr);
        EXPECT_EQ(toString(e->family), f.value(QLatin1StringView("family")).toString());
        EXPECT_EQ(e->eventType, f.value(QLatin1StringView("event_type")).toString());
        EXPECT_EQ(e->country, f.value(QLatin1StringView("country")).toString());
        EXPECT_EQ(e->latitude, f.value(QLatin1StringView("lat")).toDouble());
        EXPECT_EQ(e->longitude, f.value(QLatin1StringView("lon")).toDouble());
        EXPECT_EQ(toString(e->coordPrecision),
                  f.value(QLatin1StringView("coord_precision")).toString());
        EXPECT_EQ(toString(e->confidence), f.value(QLatin1StringView("confidence")).toString());
        EXPECT_EQ(e->killed, countOf(f.value(QLatin1StringView("killed"))));
        EXPECT_EQ(e->injured, countOf(f.value(QLatin1StringView("injured"))));
        EXPECT_EQ(e->casualtyNote, f.value(QLatin1StringView("casualty_facts")).toString());
        QStringList actors;
        for (const QJsonValue& a : f.value(QLatin1StringView("actors")).toArray())
            actors << a.toString();
        EXPECT_EQ(e->actors, actors);

        const QJsonArray sources = f.value(QLatin1StringView("sources")).toArray();
        ASSERT_EQ(e->sources.size(), sources.size());
        for (qsizetype i = 0; i < sources.size(); ++i) {
            const QJsonObject s = sources.at(i).toObject();
            EXPECT_EQ(e->sources[i].url, s.value(QLatin1StringView("url")).toString());
            EXPECT_EQ(e->sources[i].publisher, s.value(QLatin1StringView("publisher")).toString());
            const QJsonValue published = s.value(QLatin1StringView("published"));
            if (published.isNull())
                EXPECT_FALSE(e->sources[i].published.has_value());
            else
                EXPECT_EQ(e->sources[i].published,
                          QDate::fromString(published.toString(), Qt::ISODate));
        }

        // A bare date stays that calendar date; a local clock time becomes a UTC minute.
        const QDate date =
            QDate::fromString(f.value(QLatin1StringView("date")).toString(), Qt::ISODate);
        if (f.value(QLatin1StringView("time_local")).isNull()) {
            EXPECT_EQ(e->start, date.startOfDay(QTimeZone::UTC));
            EXPECT_EQ(toString(e->timePrecision),
                      f.value(QLatin1StringView("date_precision")).toString());
        } else {
            EXPECT_EQ(e->timePrecision, TimePrecision::Minute);
            EXPECT_LE(std::abs(e->start.toUTC().date().daysTo(date)), 1);
        }
        const QJsonValue endDate = f.value(QLatin1StringView("end_date"));
        if (endDate.isNull())
            EXPECT_FALSE(e->end.has_value());
        else
            EXPECT_EQ(e->end, QDate::fromString(endDate.toString(), Qt::ISODate)
                                  .addDays(1)
                                  .startOfDay(QTimeZone::UTC));

        // The table's notes (caveats, disagreements between sources) are kept as they are.
        const QString factNotes = f.value(QLatin1StringView("notes")).toString().trimmed();
        if (!factNotes.isEmpty()) {
            EXPECT_TRUE(e->notes.startsWith(factNotes)) << e->notes.toStdString();
        }

        // Titles and summaries are our own words: no fact fragment is copied whole.
        for (const QJsonValue& fragment : f.value(QLatin1StringView("facts")).toArray())
            EXPECT_FALSE(e->summary.contains(fragment.toString(), Qt::CaseInsensitive))
                << fragment.toString().toStdString();
    }
}

namespace {

/// A text's words, lower case, each marked when it stands inside quotation marks.
struct Word {
    QString text;
    bool quoted = false;
};
std::vector<Word> wordsOf(const QString& text)
{
    std::vector<Word> out;
    bool quoted = false;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            out.push_back({current.toLower(), quoted});
        current.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool inner = (c == u'\'' || c == u'\u2019' || c == u'-') && !current.isEmpty() &&
                           i + 1 < text.size() && text.at(i + 1).isLetterOrNumber();
        if (c.isLetterOrNumber() || inner) {
            current += c == u'\u2019' ? QChar(u'\'') : c;
            continue;
        }
        flush();
        if (c == u'"' || c == u'\u201C' || c == u'\u201D')
            quoted = !quoted;
    }
    flush();
    return out;
}

/// Every string of a facts-table row (links and ids aside), however deeply nested.
void collectTexts(const QJsonValue& v, QStringList& out)
{
    if (v.isString())
        out << v.toString();
    else if (v.isArray())
        for (const QJsonValue& x : v.toArray())
            collectTexts(x, out);
    else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != QLatin1StringView("url") && it.key() != QLatin1StringView("id"))
                collectTexts(it.value(), out);
        }
    }
}

} // namespace

// Titles and summaries are written in our own words: no run of eight words may repeat the facts
// table's wording, except inside quotation marks (a quoted statement stays word for word).
TEST(BundledDataset, WordingRepeatsNoEightWordRunOfTheFactsOutsideQuotations)
{
    const auto table = facts();
    if (table.empty())
        GTEST_SKIP() << "facts table not found next to the checkout";
    constexpr std::size_t kRun = 8;
    QSet<QString> runs;
    for (const auto& [slug, f] : table) {
        QStringList texts;
        collectTexts(f, texts);
        for (const QString& t : texts) {
            const std::vector<Word> w = wordsOf(t);
            for (std::size_t i = 0; i + kRun <= w.size(); ++i) {
                QStringList run;
                for (std::size_t k = i; k < i + kRun; ++k)
                    run << w[k].text;
                runs.insert(run.join(u' '));
            }
        }
    }
    ASSERT_FALSE(runs.isEmpty());
    for (const Event& e : bundled()) {
        for (const QString& text : {e.title, e.summary}) {
            const std::vector<Word> w = wordsOf(text);
            for (std::size_t i = 0; i + kRun <= w.size(); ++i) {
                QStringList run;
                bool allQuoted = true;
                for (std::size_t k = i; k < i + kRun; ++k) {
                    run << w[k].text;
                    allQuoted = allQuoted && w[k].quoted;
                }
                EXPECT_FALSE(!allQuoted && runs.contains(run.join(u' ')))
                    << e.origin.sourceId.toStdString() << ": \"" << run.join(u' ').toStdString()
                    << "\"";
            }
        }
    }
}

TEST(BundledDataset, LocalTimesBecomeUtcMinutes)
{
    // 00:30 in Tajikistan (UTC+5) on 18 January is 19:30 UTC the day before.
    const Event* khirmanjo = bySlug(QStringLiteral("2026-01-18-khirmanjo-post-clash-four-killed"));
    ASSERT_NE(khirmanjo, nullptr);
    EXPECT_EQ(khirmanjo->start, utc(2026, 1, 17, 19, 30));
    EXPECT_EQ(khirmanjo->timePrecision, TimePrecision::Minute);
    // A multi-day event ends (exclusively) after its last day.
    const Event* hamadoni =
        bySlug(QStringLiteral("2025-11-20-hamadoni-border-guard-drone-strike-smugglers"));
    ASSERT_NE(hamadoni, nullptr);
    EXPECT_EQ(hamadoni->start, utc(2025, 11, 20, 17, 50));
    EXPECT_EQ(hamadoni->end, utc(2025, 11, 22));
}

TEST(BundledDataset, EveryEventHasAnHttpSource)
{
    for (const Event& e : bundled()) {
        SCOPED_TRACE(e.origin.sourceId.toStdString());
        ASSERT_GE(e.sources.size(), 1);
        for (const Source& s : e.sources) {
            const QUrl url(s.url, QUrl::StrictMode);
            EXPECT_TRUE(url.isValid()) << s.url.toStdString();
            EXPECT_TRUE(url.scheme() == QLatin1StringView("https") ||
                        url.scheme() == QLatin1StringView("http"))
                << s.url.toStdString();
            EXPECT_FALSE(url.host().isEmpty()) << s.url.toStdString();
            EXPECT_FALSE(s.publisher.isEmpty());
        }
    }
}

TEST(BundledDataset, EveryIncidentLiesInTheFrontierRegion)
{
    int incidents = 0;
    for (const Event& e : bundled()) {
        if (e.family != Family::Incident)
            continue;
        ++incidents;
        SCOPED_TRACE(e.origin.sourceId.toStdString());
        EXPECT_GE(e.longitude, 64.0);
        EXPECT_LE(e.longitude, 78.0);
        EXPECT_GE(e.latitude, 34.0);
        EXPECT_LE(e.latitude, 42.0);
    }
    EXPECT_EQ(incidents, 16);
}

TEST(BundledDataset, UnknownCasualtiesStayUnknown)
{
    int unknownKilled = 0;
    for (const Event& e : bundled())
        unknownKilled += e.killed.has_value() ? 0 : 1;
    EXPECT_GT(unknownKilled, 30); // most diplomatic events give no count at all
    // Kavo: five dead are known, the wounded are not reported: unknown, not zero.
    const Event* kavo = bySlug(QStringLiteral("2025-12-24-kavo-border-post-clash"));
    ASSERT_NE(kavo, nullptr);
    EXPECT_EQ(kavo->killed, 5);
    EXPECT_FALSE(kavo->injured.has_value());
    // May 2022: no casualties on the Tajik side is a known zero.
    const Event* panj = bySlug(QStringLiteral("2022-05-07-iskp-rocket-claim-panj-district"));
    ASSERT_NE(panj, nullptr);
    EXPECT_EQ(panj->killed, 0);
    EXPECT_FALSE(panj->injured.has_value());
}

TEST(BundledDataset, ResourceMatchesTheFileInTheRepository)
{
    QFile f(QStringLiteral(FRONTIER_SOURCE_DIR "/resources/data/frontier-events.json"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    Result<std::vector<Event>> fromFile = readEventsJson(f.readAll());
    ASSERT_TRUE(fromFile.ok()) << fromFile.error().message.toStdString();
    EXPECT_EQ(*fromFile, bundled());
}

TEST(BundledDataset, CreatesADatabaseAndRefusesToOverwrite)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/folder/atlas.sqlite"));
    const Status made = createDatabaseWithBundledDataset(path);
    ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    {
        Result<std::unique_ptr<EventStore>> store = EventStore::open(path);
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        Result<qint64> n = (*store)->count();
        ASSERT_TRUE(n.ok());
        EXPECT_EQ(*n, 53);
        const Event& first = bundled().front();
        Result<Event> stored = (*store)->get(first.id);
        ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
        EXPECT_EQ(stored->title, first.title);
        EXPECT_EQ(stored->origin, first.origin);
        EXPECT_EQ(stored->killed, first.killed);
        EXPECT_EQ(stored->injured, first.injured);
    }
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const Status again = createDatabaseWithBundledDataset(path);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().message.contains(QLatin1StringView("already exists")));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before);
}

TEST(BundledDataset, UnwritableFolderFailsCleanly)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // A plain file where the parent folder should be: nothing can be created below it.
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    QFile b(blocker);
    ASSERT_TRUE(b.open(QIODevice::WriteOnly));
    b.close();
    const QString path = blocker + QStringLiteral("/atlas.sqlite");
    const Status made = createDatabaseWithBundledDataset(path);
    EXPECT_FALSE(made.ok());
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_TRUE(QFileInfo(blocker).isFile());
}

TEST(BundledDataset, ARefusedEventLeavesNoHalfMadeFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("atlas.sqlite"));
    std::vector<Event> events(bundled().begin(), bundled().begin() + 10);
    Event bad = bundled().back();
    bad.id = QUuid();
    bad.origin.sourceId = QStringLiteral("broken");
    bad.title = QStringLiteral("Off the map");
    bad.latitude = 123.0; // the store refuses it after ten good events were inserted
    events.push_back(bad);

    const Status made = createDatabaseWithEvents(path, events);
    ASSERT_FALSE(made.ok());
    EXPECT_EQ(made.error().field, QStringLiteral("latitude"));
    EXPECT_TRUE(made.error().message.contains(QLatin1StringView("Off the map")))
        << made.error().message.toStdString();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        EXPECT_FALSE(QFile::exists(path + QLatin1StringView(suffix))) << suffix;

    // Without the bad event the same call succeeds: the failure was the event, not the path.
    events.pop_back();
    ASSERT_TRUE(createDatabaseWithEvents(path, events).ok());
    Result<std::unique_ptr<EventStore>> store = EventStore::open(path);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(*(*store)->count(), 10);
}

// --- the JSON format ---

TEST(EventsJson, RoundTripKeepsEveryField)
{
    Event minimal;
    minimal.title = QStringLiteral("minimal");
    minimal.start = utc(2021, 1, 1);
    const std::vector<Event> events{fullEvent(), minimal};
    Result<std::vector<Event>> back = readEventsJson(writeEventsJson(events));
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    ASSERT_EQ(back->size(), 2u);
    EXPECT_EQ((*back)[0], events[0]);
    EXPECT_EQ((*back)[1], events[1]);
    EXPECT_FALSE((*back)[1].killed.has_value());
    EXPECT_EQ((*back)[0].killed, 0);
    EXPECT_EQ((*back)[0].start.timeSpec(), Qt::UTC);
}

TEST(EventsJson, RoundTripOfTheBundledDatasetIsExact)
{
    Result<std::vector<Event>> back =
        readEventsJson(writeEventsJson(bundled(), QStringLiteral("x")));
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(*back, bundled());
}

TEST(EventsJson, RoundTripKeepsEveryDoubleBitForBit)
{
    std::mt19937_64 rng(20251130);
    std::uniform_real_distribution<double> lat(-90, 90), lon(-180, 180);
    std::vector<Event> events(500);
    for (Event& e : events) {
        e.title = QStringLiteral("p");
        e.start = utc(2024, 2, 29, 23, 59, 59, 999);
        e.latitude = lat(rng);
        e.longitude = lon(rng);
    }
    Result<std::vector<Event>> back = readEventsJson(writeEventsJson(events));
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(*back, events);
}

TEST(EventsJson, OffsetsAreConvertedToUtcAndDefaultsApply)
{
    QJsonObject o = validEventObject();
    o.insert(QLatin1StringView("start"), QLatin1StringView("2026-01-18T00:30:00+05:00"));
    Result<std::vector<Event>> r = readEventsJson(fileWith({o}));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    const Event& e = r->front();
    EXPECT_EQ(e.start, utc(2026, 1, 17, 19, 30));
    EXPECT_EQ(e.start.timeSpec(), Qt::UTC);
    EXPECT_TRUE(e.id.isNull());
    EXPECT_EQ(e.timePrecision, TimePrecision::Day);
    EXPECT_EQ(e.coordPrecision, CoordPrecision::Settlement);
    EXPECT_EQ(e.confidence, Confidence::Reported);
    EXPECT_EQ(e.origin.kind, OriginKind::Manual);
    EXPECT_FALSE(e.killed.has_value());
    EXPECT_FALSE(e.injured.has_value());
    EXPECT_FALSE(e.end.has_value());
}

struct BadField {
    const char* name;
    const char* key;  ///< top-level key of the event to set ("" = none)
    const char* json; ///< its new value as JSON text; "<remove>" deletes the key
    const char* field;
};

class EventsJsonBadField : public ::testing::TestWithParam<BadField> {};

TEST_P(EventsJsonBadField, NamesTheEventIndexAndField)
{
    const BadField& c = GetParam();
    QJsonObject bad = validEventObject();
    if (QByteArrayView(c.json) == "<remove>")
        bad.remove(QLatin1StringView(c.key));
    else
        bad.insert(QLatin1StringView(c.key),
                   QJsonDocument::fromJson(QByteArray("[") + c.json + "]").array().at(0));
    // The broken event is the second one, so the index in the message must be 1.
    Result<std::vector<Event>> r = readEventsJson(fileWith({validEventObject(), bad}));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(r.error().field, QString::fromLatin1(c.field));
    EXPECT_TRUE(r.error().message.startsWith(QString::fromLatin1(c.field)))
        << r.error().message.toStdString();
    EXPECT_FALSE(r.error().message.contains(QLatin1Char('\n')));
}

INSTANTIATE_TEST_SUITE_P(
    Table, EventsJsonBadField,
    ::testing::Values(
        BadField{"LatitudeText", "latitude", "\"38.4\"", "events[1].latitude"},
        BadField{"LatitudeRange", "latitude", "90.5", "events[1].latitude"},
        BadField{"LongitudeMissing", "longitude", "<remove>", "events[1].longitude"},
        BadField{"TitleMissing", "title", "<remove>", "events[1].title"},
        BadField{"TitleNumber", "title", "7", "events[1].title"},
        BadField{"FamilyUnknown", "family", "\"battle\"", "events[1].family"},
        BadField{"FamilyCase", "family", "\"Incident\"", "events[1].family"},
        BadField{"StartDateOnly", "start", "\"2025-11-30\"", "events[1].start"},
        BadField{"StartNoZone", "start", "\"2025-11-30T13:45:00\"", "events[1].start"},
        BadField{"StartImpossible", "start", "\"2025-02-30T00:00:00Z\"", "events[1].start"},
        BadField{"EndBeforeStart", "end", "\"2025-11-29T00:00:00Z\"", "events[1].end"},
        BadField{"PrecisionUnknown", "time_precision", "\"week\"", "events[1].time_precision"},
        BadField{"KilledNegative", "killed", "-1", "events[1].killed"},
        BadField{"KilledFraction", "killed", "1.5", "events[1].killed"},
        BadField{"InjuredText", "injured", "\"unknown\"", "events[1].injured"},
        BadField{"CountryLower", "country", "\"tj\"", "events[1].country"},
        BadField{"IdNotUuid", "id", "\"event-7\"", "events[1].id"},
        BadField{"ActorsNotList", "actors", "\"Taliban\"", "events[1].actors"},
        BadField{"TagNotString", "tags", "[1]", "events[1].tags"},
        BadField{"UnknownKey", "lattitude", "38.4", "events[1]"},
        BadField{"SourcesNotList", "sources", "{}", "events[1].sources"},
        BadField{"SourceFtp", "sources", "[{\"url\": \"ftp://example.org/a\"}]",
                 "events[1].sources[0].url"},
        BadField{"SourceNoUrl", "sources", "[{\"url\": \"https://a.org\"}, {\"publisher\": \"x\"}]",
                 "events[1].sources[1].url"},
        BadField{"SourceDate", "sources",
                 "[{\"url\": \"https://a.org\", \"published\": \"1 May 2022\"}]",
                 "events[1].sources[0].published"},
        BadField{"SourceReliability", "sources",
                 "[{\"url\": \"https://a.org\", \"reliability\": \"G\"}]",
                 "events[1].sources[0].reliability"},
        BadField{"SourceCredibility", "sources",
                 "[{\"url\": \"https://a.org\", \"credibility\": 7}]",
                 "events[1].sources[0].credibility"},
        BadField{"OriginKind", "origin", "{\"kind\": \"stolen\"}", "events[1].origin.kind"},
        BadField{"CreatedText", "created", "\"yesterday\"", "events[1].created"}),
    [](const ::testing::TestParamInfo<BadField>& info) { return std::string(info.param.name); });

TEST(EventsJson, SyntaxErrorGivesTheLine)
{
    const QByteArray text = "{\n  \"format\": \"frontier-atlas-events\",\n  \"version\": 1,\n"
                            "  \"events\": [ { \"title\": \"x\" \n  ]\n}\n";
    Result<std::vector<Event>> r = readEventsJson(text);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Parse);
    EXPECT_EQ(r.error().line, 5);
    EXPECT_TRUE(r.error().message.startsWith(QLatin1StringView("line 5,")))
        << r.error().message.toStdString();
}

TEST(EventsJson, RefusesOtherFilesAndNewerVersions)
{
    EXPECT_FALSE(readEventsJson("42").ok());
    for (const char* text : {"[]", "{\"type\": \"FeatureCollection\", \"features\": []}"}) {
        Result<std::vector<Event>> r = readEventsJson(text);
        ASSERT_FALSE(r.ok()) << text;
        EXPECT_EQ(r.error().kind, Error::Kind::Unsupported) << text;
    }
    Result<std::vector<Event>> newer =
        readEventsJson(R"({"format": "frontier-atlas-events", "version": 2, "events": []})");
    ASSERT_FALSE(newer.ok());
    EXPECT_EQ(newer.error().kind, Error::Kind::Unsupported);
    EXPECT_TRUE(newer.error().message.contains(QLatin1StringView("newer")));

    Result<std::vector<Event>> noEvents =
        readEventsJson(R"({"format": "frontier-atlas-events", "version": 1})");
    ASSERT_FALSE(noEvents.ok());
    EXPECT_EQ(noEvents.error().field, QStringLiteral("events"));

    Result<std::vector<Event>> extra = readEventsJson(
        R"({"format": "frontier-atlas-events", "version": 1, "events": [], "evnets": []})");
    ASSERT_FALSE(extra.ok());
    EXPECT_TRUE(extra.error().message.contains(QLatin1StringView("evnets")));

    Result<std::vector<Event>> empty =
        readEventsJson(R"({"format": "frontier-atlas-events", "version": 1, "events": []})");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
}
