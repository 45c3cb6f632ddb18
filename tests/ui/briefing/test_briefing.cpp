// The briefing renderer: layout, marker placement, PNG/PDF output, snapshot ids, and the one
// set of events (window, map box, filter) that the count, id, legend and sources describe.
#include "briefingrenderer.h"
#include "briefingscene.h"
#include "eventstore.h"
#include "filterresolver.h"
#include "markermodel.h"
#include "symbology.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <random>

using namespace fa;

namespace {

IndexSourceRow row(int n, double lon, double lat, Family f, const QString& type, qint64 start,
                   int casualties = 0)
{
    IndexSourceRow r;
    r.rowid = n;
    r.id = QUuid::createUuidV5(QUuid(), QByteArray::number(n));
    r.startSecs = start;
    r.endSecs = start;
    r.longitude = lon;
    r.latitude = lat;
    r.family = f;
    r.eventType = type;
    r.casualties = casualties;
    return r;
}

qint64 day(int y, int m, int d)
{
    return QDate(y, m, d).startOfDay(QTimeZone::UTC).toSecsSinceEpoch();
}

struct Fixture {
    EventIndex index;
    BriefingScene scene;
    Fixture()
    {
        std::vector<IndexSourceRow> rows{
            row(1, 69.10, 37.23, Family::Incident, QStringLiteral("clash"), day(2025, 11, 26), 3),
            row(2, 68.78, 38.56, Family::Diplomatic, QStringLiteral("statement"),
                day(2025, 11, 27)),
            row(3, 71.55, 37.49, Family::Diplomatic, QStringLiteral("meeting"), day(2024, 5, 2)),
        };
        index = EventIndex::fromRows(rows);
        scene.index = &index;
        scene.windowFrom = day(2024, 1, 1);
        scene.windowTo = day(2026, 1, 1);
        scene.query.fromSecs = scene.windowFrom;
        scene.query.toSecs = scene.windowTo;
        scene.mapBox = GeoBox{66, 35.5, 76, 40.5};
        scene.generatedAt = QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone::UTC);
    }
};

bool near(QColor a, QColor b, int tol = 40)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue()) <=
           tol;
}

} // namespace

TEST(Briefing, PngHasTheRequestedSizeAndAMarkerWhereTheEventProjects)
{
    Fixture fx;
    BriefingSettings settings;
    settings.content = BriefingSettings::Content::Map;
    settings.legend = false;
    for (QSize size : {QSize(1920, 1080), QSize(3840, 2160)}) {
        BriefingRenderer renderer(settings, fx.scene);
        const QImage img = renderer.renderImage(size);
        ASSERT_EQ(img.size(), size);
        const qreal s = BriefingRenderer::scaleFor(QSizeF(size));
        const QRectF mapRect = renderer.mapRectFor(QRectF(QPointF(0, 0), QSizeF(size)), s);
        const MercatorView view = renderer.mapViewFor(mapRect);
        const QPoint incident(qRound(mapRect.left() + view.toX(69.10)),
                              qRound(mapRect.top() + view.toY(37.23)));
        EXPECT_TRUE(near(img.pixelColor(incident), Symbology::familyColor(Family::Incident)))
            << "at " << size.width() << ": " << img.pixelColor(incident).name().toStdString();
        const QPoint diplomatic(qRound(mapRect.left() + view.toX(71.55)),
                                qRound(mapRect.top() + view.toY(37.49)));
        EXPECT_TRUE(near(img.pixelColor(diplomatic), Symbology::familyColor(Family::Diplomatic)));
        // Far from any event the map shows its background, not a marker colour.
        const QPoint empty(qRound(mapRect.left() + view.toX(75.0)),
                           qRound(mapRect.top() + view.toY(35.8)));
        EXPECT_FALSE(near(img.pixelColor(empty), Symbology::familyColor(Family::Incident)));
    }
}

TEST(Briefing, CaveatBannersAreDrawnTopAndBottomOnlyWhenSet)
{
    Fixture fx;
    BriefingSettings settings;
    const QImage plain = BriefingRenderer(settings, fx.scene).renderImage(QSize(1920, 1080));
    settings.caveat = QStringLiteral("UNCLASSIFIED // FOR OFFICIAL USE ONLY");
    const QImage banner = BriefingRenderer(settings, fx.scene).renderImage(QSize(1920, 1080));
    // The band colour fills the corners of the first and last rows.
    EXPECT_EQ(plain.pixelColor(2, 2), QColor(Qt::white));
    EXPECT_NE(banner.pixelColor(2, 2), QColor(Qt::white));
    EXPECT_NE(banner.pixelColor(2, 1077), QColor(Qt::white));
    EXPECT_EQ(banner.pixelColor(2, 2), banner.pixelColor(2, 1077));
}

TEST(Briefing, SnapshotIdTracesTheEventsShownAndTheFilter)
{
    Fixture fx;
    const QString all = BriefingRenderer({}, fx.scene).snapshotId();
    EXPECT_EQ(all.size(), 10);
    EXPECT_EQ(all, BriefingRenderer({}, fx.scene).snapshotId()); // repeatable
    BriefingScene narrower = fx.scene;
    narrower.query.familyMask = 1u << int(Family::Incident);
    narrower.filter.families = {Family::Incident};
    EXPECT_NE(all, BriefingRenderer({}, narrower).snapshotId());
    BriefingScene earlier = fx.scene;
    earlier.query.toSecs = earlier.windowTo = day(2025, 1, 1);
    EXPECT_NE(all, BriefingRenderer({}, earlier).snapshotId());
}

TEST(Briefing, DefaultTitleAndSubtitleSayTheWindowAndTheFilterInWords)
{
    Fixture fx;
    fx.scene.filter.families = {Family::Incident};
    fx.scene.filter.minCasualties = 2;
    BriefingRenderer r({}, fx.scene);
    EXPECT_EQ(r.effectiveTitle().toStdString(), "Frontier events, 1 Jan 2024 – 31 Dec 2025");
    EXPECT_TRUE(r.effectiveSubtitle().contains(QStringLiteral("Incident events")))
        << r.effectiveSubtitle().toStdString();
    EXPECT_TRUE(r.effectiveSubtitle().contains(QStringLiteral("at least 2 killed or injured")));
    EXPECT_EQ(BriefingRenderer::describeFilter({}), QStringLiteral("All events"));
}

TEST(Briefing, PdfIsOnePageLandscapeA4WithExtractableTitleAndCaveat)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (pdftotext.isEmpty() || pdfinfo.isEmpty())
        GTEST_SKIP() << "poppler-utils not installed";
    Fixture fx;
    BriefingSettings settings;
    settings.title = QStringLiteral("Panj sector weekly");
    settings.caveat = QStringLiteral("FOR OFFICIAL USE ONLY");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.pdf"));
    const Status st =
        BriefingRenderer(settings, fx.scene).writePdf(path, QPageSize(QPageSize::A4), 300);
    ASSERT_TRUE(st.ok()) << st.error().message.toStdString();

    QProcess info;
    info.start(pdfinfo, {path});
    ASSERT_TRUE(info.waitForFinished(20000));
    const QString meta = QString::fromUtf8(info.readAllStandardOutput());
    EXPECT_TRUE(meta.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))))
        << meta.toStdString();
    // A4 landscape: 842 x 595 points.
    EXPECT_TRUE(meta.contains(QRegularExpression(
        QStringLiteral("Page size:\\s+841\\.\\d+ x 595\\.\\d+|Page size:\\s+842 x 595"))))
        << meta.toStdString();

    QProcess text;
    text.start(pdftotext, {path, QStringLiteral("-")});
    ASSERT_TRUE(text.waitForFinished(20000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    EXPECT_TRUE(body.contains(QStringLiteral("Panj sector weekly"))) << body.toStdString();
    EXPECT_EQ(body.count(QStringLiteral("FOR OFFICIAL USE ONLY")), 2) << body.toStdString();
}

TEST(Briefing, WritingToAMissingFolderFailsWithAClearErrorAndNoFile)
{
    Fixture fx;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/b.png"));
    const Status st = BriefingRenderer({}, fx.scene).writePng(path, QSize(800, 600));
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(st.error().message.contains(QStringLiteral("cannot write")));
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Briefing, MapClustersAsTheScreenDoesWithTheSameCellSize)
{
    // Many events around the frontier, so that how they group depends on the cell size.
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> lon(67.0, 75.0), lat(36.0, 40.0);
    std::vector<IndexSourceRow> rows;
    for (int i = 0; i < 3000; ++i)
        rows.push_back(row(i + 1, lon(rng), lat(rng), Family(i % 3), QStringLiteral("clash"),
                           day(2025, 1, 1) + i * 600));
    EventIndex index = EventIndex::fromRows(rows);
    Fixture fx;
    fx.scene.index = &index;
    BriefingSettings settings;
    settings.content = BriefingSettings::Content::Map;
    const BriefingRenderer renderer(settings, fx.scene);
    const MercatorView view = renderer.mapViewFor(renderer.mapRectFor(QRectF(0, 0, 1920, 1080), 1));
    const std::vector<Cluster> briefing = renderer.clustersFor(view, 1);

    // The screen's marker model over the same view, window and filter.
    ViewState state;
    state.setData(nullptr, &index);
    state.navigator()->setExtent(fx.scene.windowFrom, fx.scene.windowTo);
    state.navigator()->resetWindow();
    MarkerModel model(&state);
    model.setViewport(view);
    model.refreshNow();
    ASSERT_EQ(model.cellPx(), Symbology::kClusterCellPx); // not enlarged for this view
    std::map<std::pair<std::int64_t, std::int64_t>, quint32> screen;
    for (int r = 0; r < model.rowCount(); ++r)
        screen[{model.marker(r).cellX, model.marker(r).cellY}] = model.marker(r).count;

    // Every cell wholly inside the view holds the same events in both (the screen also
    // clusters a margin around the view, so the cells on the edge may differ).
    const double cell = Symbology::kClusterCellPx;
    std::size_t compared = 0, grouped = 0;
    for (const Cluster& c : briefing) {
        if (double(c.cellX) * cell < view.left() ||
            double(c.cellX + 1) * cell > view.left() + view.width ||
            double(c.cellY) * cell < view.top() ||
            double(c.cellY + 1) * cell > view.top() + view.height)
            continue;
        const auto it = screen.find({c.cellX, c.cellY});
        ASSERT_NE(it, screen.end()) << "cell " << c.cellX << "," << c.cellY;
        EXPECT_EQ(it->second, c.count);
        ++compared;
        grouped += c.count > 1;
    }
    EXPECT_GT(compared, 100u);
    EXPECT_GT(grouped, 50u);
}

namespace {

Event storedEvent(const QString& title, double lat, double lon, Family f, QDate d,
                  const QString& publisher)
{
    Event e;
    e.id = QUuid::createUuidV5(QUuid(), title); // the same event has the same id in every file
    e.title = title;
    e.summary = QStringLiteral("Test event.");
    e.family = f;
    e.eventType = QStringLiteral("clash");
    e.start = d.startOfDay(QTimeZone::UTC);
    e.country = QStringLiteral("TJ");
    e.latitude = lat;
    e.longitude = lon;
    Source s;
    s.url = QStringLiteral("https://example.org/") + title.toLower().replace(QLatin1Char(' '), '-');
    s.publisher = publisher;
    e.sources = {s};
    return e;
}

/// A briefing of a database holding events over the frontier map box {66, 35.5, 76, 40.5},
/// 2025, all events.
struct StoredBriefing {
    QTemporaryDir dir;
    std::unique_ptr<EventStore> store;
    EventIndex index;
    std::optional<BriefingRenderer> renderer;

    explicit StoredBriefing(const std::vector<Event>& events)
    {
        auto made = EventStore::create(dir.filePath(QStringLiteral("b.db")));
        EXPECT_TRUE(made.ok());
        store = std::move(made.value());
        for (const Event& e : events)
            EXPECT_TRUE(store->add(e).ok());
        index = std::move(EventIndex::build(*store).value());
        BriefingSceneRequest req;
        req.fromSecs = day(2025, 1, 1);
        req.toSecs = day(2026, 1, 1);
        req.mapBox = GeoBox{66, 35.5, 76, 40.5};
        auto scene = makeBriefingScene(*store, index, req);
        EXPECT_TRUE(scene.ok());
        BriefingScene s = scene.value();
        s.generatedAt = QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone::UTC);
        renderer.emplace(BriefingSettings{}, s);
    }
};

} // namespace

TEST(Briefing, CountSnapshotLegendAndSourcesDescribeOnlyTheEventsInsideTheMapBox)
{
    const std::vector<Event> inside = {
        storedEvent(QStringLiteral("Clash near Panj"), 37.23, 69.10, Family::Incident,
                    QDate(2025, 3, 2), QStringLiteral("Frontier Wire")),
        storedEvent(QStringLiteral("Talks in Dushanbe"), 38.56, 68.78, Family::Diplomatic,
                    QDate(2025, 6, 9), QStringLiteral("Frontier Wire")),
    };
    // In the window and the filter, but far outside the map box (Moscow).
    std::vector<Event> withOutside = inside;
    withOutside.push_back(storedEvent(QStringLiteral("Meeting in Moscow"), 55.75, 37.62,
                                      Family::Context, QDate(2025, 7, 1),
                                      QStringLiteral("Outside Post")));
    StoredBriefing without(inside);
    StoredBriefing with(withOutside);
    const BriefingRenderer& r = *with.renderer;

    EXPECT_TRUE(r.effectiveSubtitle().endsWith(QStringLiteral("· 2 events shown")))
        << r.effectiveSubtitle().toStdString();
    EXPECT_EQ(r.snapshotId(), without.renderer->snapshotId());
    EXPECT_EQ(r.legendFamilies(), (std::vector<Family>{Family::Incident, Family::Diplomatic}));
    EXPECT_TRUE(r.sourcesText().contains(QStringLiteral("Frontier Wire")))
        << r.sourcesText().toStdString();
    EXPECT_FALSE(r.sourcesText().contains(QStringLiteral("Outside Post")))
        << r.sourcesText().toStdString();

    // The same event inside the box is counted, named and changes the id.
    std::vector<Event> withInside = inside;
    withInside.push_back(storedEvent(QStringLiteral("Meeting in Khorog"), 37.49, 71.55,
                                     Family::Context, QDate(2025, 7, 1),
                                     QStringLiteral("Outside Post")));
    StoredBriefing third(withInside);
    EXPECT_TRUE(third.renderer->effectiveSubtitle().endsWith(QStringLiteral("· 3 events shown")));
    EXPECT_NE(third.renderer->snapshotId(), without.renderer->snapshotId());
    EXPECT_EQ(third.renderer->legendFamilies().size(), 3u);
    EXPECT_TRUE(third.renderer->sourcesText().contains(QStringLiteral("Outside Post")));
}
