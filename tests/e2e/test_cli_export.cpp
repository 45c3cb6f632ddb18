// End-to-end: the headless `frontier-atlas export` command, run as a separate process.
#include "briefingrenderer.h"
#include "eventstore.h"
#include "symbology.h"

#include <QCoreApplication>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace fa;

namespace {

struct ProcessResult {
    int code = -1;
    QString out, err;
};

ProcessResult runApp(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FRONTIER_APP_PATH), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Event event(const QString& title, double lat, double lon, Family f, QDate d)
{
    Event e;
    e.title = title;
    e.family = f;
    e.eventType = f == Family::Incident ? QStringLiteral("clash") : QStringLiteral("meeting");
    e.start = d.startOfDay(QTimeZone::UTC);
    e.country = QStringLiteral("TJ");
    e.latitude = lat;
    e.longitude = lon;
    Source s;
    s.url = QStringLiteral("https://example.org/report");
    s.publisher = QStringLiteral("Example Wire");
    e.sources << s;
    return e;
}

class ExportCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        db = dir.filePath(QStringLiteral("events.db"));
        auto store = EventStore::create(db);
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        ASSERT_TRUE(store.value()
                        ->add(event(QStringLiteral("Clash near Panj"), 37.23, 69.10,
                                    Family::Incident, QDate(2025, 11, 26)))
                        .ok());
        ASSERT_TRUE(store.value()
                        ->add(event(QStringLiteral("Talks in Dushanbe"), 38.56, 68.78,
                                    Family::Diplomatic, QDate(2025, 11, 27)))
                        .ok());
    }
    QTemporaryDir dir;
    QString db;
};

} // namespace

TEST_F(ExportCli, WritesAPngOfTheRequestedSizeWithTheMarkerWhereTheEventProjects)
{
    const QString out = dir.filePath(QStringLiteral("b.png"));
    const ProcessResult r = runApp(
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--out"), out,
         QStringLiteral("--size"), QStringLiteral("1600x900"), QStringLiteral("--bbox"),
         QStringLiteral("66,35.5,76,40.5"), QStringLiteral("--content"), QStringLiteral("map")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QImage img(out);
    ASSERT_EQ(img.size(), QSize(1600, 900));

    // The same layout maths as the command: where does 37.23 N, 69.10 E land?
    BriefingSettings settings;
    settings.content = BriefingSettings::Content::Map;
    BriefingScene scene;
    scene.mapBox = GeoBox{66, 35.5, 76, 40.5};
    BriefingRenderer layout(settings, scene);
    const qreal s = BriefingRenderer::scaleFor(QSizeF(1600, 900));
    const QRectF mapRect = layout.mapRectFor(QRectF(0, 0, 1600, 900), s);
    const MercatorView view = layout.mapViewFor(mapRect);
    const QPoint at(qRound(mapRect.left() + view.toX(69.10)),
                    qRound(mapRect.top() + view.toY(37.23)));
    const QColor c = img.pixelColor(at);
    const QColor want = Symbology::familyColor(Family::Incident);
    EXPECT_LE(std::abs(c.red() - want.red()) + std::abs(c.green() - want.green()) +
                  std::abs(c.blue() - want.blue()),
              40)
        << c.name().toStdString();
}

TEST_F(ExportCli, WritesAOnePagePdfWithTheTitleAndCaveatAsText)
{
    const QString out = dir.filePath(QStringLiteral("b.pdf"));
    const ProcessResult r = runApp(
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--out"), out,
         QStringLiteral("--page"), QStringLiteral("A4"), QStringLiteral("--dpi"),
         QStringLiteral("150"), QStringLiteral("--title"), QStringLiteral("Weekly frontier brief"),
         QStringLiteral("--caveat"), QStringLiteral("FOR OFFICIAL USE ONLY")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(5) == "%PDF-");
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        GTEST_SKIP() << "pdftotext not installed";
    QProcess text;
    text.start(pdftotext, {out, QStringLiteral("-")});
    ASSERT_TRUE(text.waitForFinished(20000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    EXPECT_TRUE(body.contains(QStringLiteral("Weekly frontier brief")));
    EXPECT_TRUE(body.contains(QStringLiteral("FOR OFFICIAL USE ONLY")));
}

struct BadArgs {
    const char* name;
    QStringList args; // after "export --db DB"
    const char* message;
};

TEST_F(ExportCli, BadArgumentsGiveOneLineReasonsAndExitCode2)
{
    const QString out = dir.filePath(QStringLiteral("x.png"));
    const std::vector<BadArgs> cases{
        {"unknown option",
         {QStringLiteral("--out"), out, QStringLiteral("--colour"), QStringLiteral("red")},
         "Unknown option 'colour'"},
        {"bad date",
         {QStringLiteral("--out"), out, QStringLiteral("--from"), QStringLiteral("2025-13-01")},
         "bad date for --from"},
        {"inverted window",
         {QStringLiteral("--out"), out, QStringLiteral("--from"), QStringLiteral("2025-06-01"),
          QStringLiteral("--to"), QStringLiteral("2025-01-01")},
         "inverted window"},
        {"bbox out of range",
         {QStringLiteral("--out"), out, QStringLiteral("--bbox"), QStringLiteral("60,30,200,45")},
         "--bbox out of range"},
        {"bbox malformed",
         {QStringLiteral("--out"), out, QStringLiteral("--bbox"), QStringLiteral("60,30")},
         "bad --bbox"},
        {"unwritable path",
         {QStringLiteral("--out"), dir.filePath(QStringLiteral("no/such/dir/x.png"))},
         "does not exist"},
        {"bad extension",
         {QStringLiteral("--out"), dir.filePath(QStringLiteral("x.jpg"))},
         "must end in .png or .pdf"},
        {"bad size",
         {QStringLiteral("--out"), out, QStringLiteral("--size"), QStringLiteral("huge")},
         "bad --size"},
        {"bad filter",
         {QStringLiteral("--out"), out, QStringLiteral("--filter"),
          QStringLiteral("family=battle")},
         "unknown family"},
        {"missing out", {}, "missing --out"},
    };
    for (const BadArgs& c : cases) {
        QStringList args{QStringLiteral("export"), QStringLiteral("--db"), db};
        args << c.args;
        const ProcessResult r = runApp(args);
        EXPECT_EQ(r.code, 2) << c.name << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(c.message)))
            << c.name << ": " << r.err.toStdString();
        EXPECT_EQ(r.err.trimmed().count(QLatin1Char('\n')), 0) << c.name << ": not one line";
        EXPECT_FALSE(QFile::exists(out)) << c.name;
    }
    const ProcessResult missingDb =
        runApp({QStringLiteral("export"), QStringLiteral("--db"),
                dir.filePath(QStringLiteral("nope.db")), QStringLiteral("--out"), out});
    EXPECT_EQ(missingDb.code, 1);
    EXPECT_TRUE(missingDb.err.contains(QStringLiteral("does not exist")));
}
