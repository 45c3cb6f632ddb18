// frontier-atlas export: a briefing PNG or PDF with no display (offscreen platform).
#include "briefingrenderer.h"
#include "briefingscene.h"
#include "commanderrors.h"
#include "commands.h"
#include "eventindex.h"
#include "eventstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageSize>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>
#include <optional>
#include <variant>

namespace fa::app {
namespace {

struct ExportRequest {
    QString db;
    QString out;
    bool pdf = false;
    QSize size{1920, 1080};
    QPageSize page{QPageSize::A4};
    int dpi = 300;
    std::optional<qint64> from, to; // to: exclusive
    std::optional<GeoBox> bbox;
    EventFilter filter;
    BriefingSettings settings;
};

// A date means the whole day (UTC): "--from 2025-11-01 --to 2025-11-30" includes the 30th.
std::optional<qint64> parseDay(const QString& text, bool endOfDay)
{
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (d.isValid() && text.size() == 10) {
        const QDate day = endOfDay ? d.addDays(1) : d;
        return day.startOfDay(QTimeZone::UTC).toSecsSinceEpoch();
    }
    QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (dt.isValid()) {
        if (dt.timeSpec() == Qt::LocalTime)
            dt.setTimeZone(QTimeZone::UTC);
        return dt.toSecsSinceEpoch();
    }
    return std::nullopt;
}

constexpr const char* kCommand = "export";

/// The request, or the exit code to return at once (0 after --help).
std::variant<ExportRequest, int> parse(const QStringList& args)
{
    const CommandErrors errors(kCommand);
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Export a briefing picture (PNG or PDF) without a display."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")},
        {QStringLiteral("out"), QStringLiteral("Output file (.png or .pdf)."),
         QStringLiteral("FILE")},
        {QStringLiteral("from"), QStringLiteral("First day (YYYY-MM-DD, UTC)."),
         QStringLiteral("DATE")},
        {QStringLiteral("to"), QStringLiteral("Last day, included (YYYY-MM-DD, UTC)."),
         QStringLiteral("DATE")},
        {QStringLiteral("bbox"), QStringLiteral("Map area: west,south,east,north in degrees."),
         QStringLiteral("W,S,E,N")},
        {QStringLiteral("fit"), QStringLiteral("Fit the map to the events shown (default).")},
        {QStringLiteral("size"), QStringLiteral("PNG size in pixels (default 1920x1080)."),
         QStringLiteral("WxH")},
        {QStringLiteral("page"),
         QStringLiteral("PDF page: A4, A3 or Letter, landscape (default A4)."),
         QStringLiteral("NAME")},
        {QStringLiteral("dpi"), QStringLiteral("PDF resolution (default 300)."),
         QStringLiteral("N")},
        {QStringLiteral("title"), QStringLiteral("Title (default: the time window)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("subtitle"), QStringLiteral("Subtitle (default: the filter in words)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("caveat"), QStringLiteral("Handling caveat banner, top and bottom."),
         QStringLiteral("TEXT")},
        {QStringLiteral("content"), QStringLiteral("map, timeline or both (default both)."),
         QStringLiteral("WHAT")},
        {QStringLiteral("filter"),
         QStringLiteral("family=incident|diplomatic|context, type=T, country=CC, actor=A, "
                        "min-casualties=N, text=WORDS; repeatable."),
         QStringLiteral("KEY=VALUE")},
    });
    if (!p.parse(args))
        return errors.usage(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return errors.usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));

    ExportRequest r;
    r.db = p.value(QStringLiteral("db"));
    r.out = p.value(QStringLiteral("out"));
    if (r.db.isEmpty())
        return errors.usage(QStringLiteral("missing --db FILE"));
    if (r.out.isEmpty())
        return errors.usage(QStringLiteral("missing --out FILE.png or FILE.pdf"));
    const QString suffix = QFileInfo(r.out).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        r.pdf = true;
    else if (suffix != QLatin1String("png"))
        return errors.usage(QStringLiteral("--out must end in .png or .pdf, not '%1'").arg(r.out));

    if (p.isSet(QStringLiteral("size"))) {
        static const QRegularExpression re(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
        const auto m = re.match(p.value(QStringLiteral("size")));
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
        const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 200 || h < 200 || w > 16384 || h > 16384)
            return errors.usage(
                QStringLiteral("bad --size '%1': use WxH between 200 and 16384 pixels")
                    .arg(p.value(QStringLiteral("size"))));
        r.size = QSize(w, h);
    }
    if (p.isSet(QStringLiteral("page"))) {
        const QString name = p.value(QStringLiteral("page")).toUpper();
        if (name == QLatin1String("A4"))
            r.page = QPageSize(QPageSize::A4);
        else if (name == QLatin1String("A3"))
            r.page = QPageSize(QPageSize::A3);
        else if (name == QLatin1String("LETTER"))
            r.page = QPageSize(QPageSize::Letter);
        else
            return errors.usage(QStringLiteral("bad --page '%1': use A4, A3 or Letter")
                                    .arg(p.value(QStringLiteral("page"))));
    }
    if (p.isSet(QStringLiteral("dpi"))) {
        bool ok = false;
        r.dpi = p.value(QStringLiteral("dpi")).toInt(&ok);
        if (!ok || r.dpi < 72 || r.dpi > 1200)
            return errors.usage(QStringLiteral("bad --dpi '%1': use 72 to 1200")
                                    .arg(p.value(QStringLiteral("dpi"))));
    }
    if (p.isSet(QStringLiteral("from"))) {
        r.from = parseDay(p.value(QStringLiteral("from")), false);
        if (!r.from)
            return errors.usage(QStringLiteral("bad date for --from: '%1' (use YYYY-MM-DD)")
                                    .arg(p.value(QStringLiteral("from"))));
    }
    if (p.isSet(QStringLiteral("to"))) {
        r.to = parseDay(p.value(QStringLiteral("to")), true);
        if (!r.to)
            return errors.usage(QStringLiteral("bad date for --to: '%1' (use YYYY-MM-DD)")
                                    .arg(p.value(QStringLiteral("to"))));
    }
    if (r.from && r.to && *r.to <= *r.from)
        return errors.usage(
            QStringLiteral("inverted window: --to %1 is before --from %2")
                .arg(p.value(QStringLiteral("to")), p.value(QStringLiteral("from"))));
    if (p.isSet(QStringLiteral("bbox")) && p.isSet(QStringLiteral("fit")))
        return errors.usage(QStringLiteral("use either --bbox or --fit, not both"));
    if (p.isSet(QStringLiteral("bbox"))) {
        const QStringList parts = p.value(QStringLiteral("bbox")).split(QLatin1Char(','));
        double v[4] = {0, 0, 0, 0};
        bool allOk = parts.size() == 4;
        for (int i = 0; allOk && i < 4; ++i)
            v[i] = parts[i].trimmed().toDouble(&allOk);
        if (!allOk)
            return errors.usage(QStringLiteral("bad --bbox '%1': use W,S,E,N in degrees")
                                    .arg(p.value(QStringLiteral("bbox"))));
        const GeoBox b{v[0], v[1], v[2], v[3]};
        if (b.west < -180 || b.east > 180 || b.south < -85 || b.north > 85)
            return errors.usage(
                QStringLiteral("--bbox out of range: longitudes must be within -180..180 and "
                               "latitudes within -85..85"));
        if (b.west >= b.east || b.south >= b.north)
            return errors.usage(QStringLiteral("--bbox must have west < east and south < north"));
        r.bbox = b;
    }
    for (const QString& f : p.values(QStringLiteral("filter"))) {
        const qsizetype eq = f.indexOf(QLatin1Char('='));
        const QString key = f.left(eq).trimmed().toLower();
        const QString value = eq < 0 ? QString() : f.mid(eq + 1).trimmed();
        if (eq < 0 || value.isEmpty())
            return errors.usage(QStringLiteral("bad --filter '%1': use KEY=VALUE").arg(f));
        if (key == QLatin1String("family")) {
            const auto fam = familyFromString(value);
            if (!fam)
                return errors.usage(
                    QStringLiteral("unknown family '%1': use incident, diplomatic or context")
                        .arg(value));
            r.filter.families.insert(*fam);
        } else if (key == QLatin1String("type")) {
            r.filter.eventTypes.insert(value);
        } else if (key == QLatin1String("country")) {
            if (!QRegularExpression(QStringLiteral("^[A-Za-z]{2}$")).match(value).hasMatch())
                return errors.usage(
                    QStringLiteral("bad country '%1': use a two-letter ISO code").arg(value));
            r.filter.countries.insert(value.toUpper());
        } else if (key == QLatin1String("actor")) {
            r.filter.actors.insert(value);
        } else if (key == QLatin1String("min-casualties")) {
            bool ok = false;
            r.filter.minCasualties = value.toInt(&ok);
            if (!ok || r.filter.minCasualties < 0)
                return errors.usage(QStringLiteral("bad min-casualties '%1'").arg(value));
        } else if (key == QLatin1String("text")) {
            r.filter.text = value;
        } else {
            return errors.usage(QStringLiteral("unknown filter key '%1'").arg(key));
        }
    }
    if (p.isSet(QStringLiteral("content"))) {
        const QString c = p.value(QStringLiteral("content")).toLower();
        if (c == QLatin1String("map"))
            r.settings.content = BriefingSettings::Content::Map;
        else if (c == QLatin1String("timeline"))
            r.settings.content = BriefingSettings::Content::Timeline;
        else if (c == QLatin1String("both"))
            r.settings.content = BriefingSettings::Content::MapAndTimeline;
        else
            return errors.usage(
                QStringLiteral("bad --content '%1': use map, timeline or both").arg(c));
    }
    r.settings.title = p.value(QStringLiteral("title"));
    r.settings.subtitle = p.value(QStringLiteral("subtitle"));
    r.settings.caveat = p.value(QStringLiteral("caveat"));

    // Fail before the work, not after it: the folder must exist and be writable.
    const QFileInfo outInfo(r.out);
    const QFileInfo dir(outInfo.absolutePath());
    if (!dir.exists() || !dir.isDir())
        return errors.usage(
            QStringLiteral("cannot write %1: folder %2 does not exist").arg(r.out, dir.filePath()));
    if (!dir.isWritable())
        return errors.usage(QStringLiteral("cannot write %1: folder %2 is not writable")
                                .arg(r.out, dir.filePath()));
    if (outInfo.exists() && !outInfo.isFile())
        return errors.usage(QStringLiteral("cannot write %1: it is not a file").arg(r.out));
    return r;
}

} // namespace

int runExport(int argc, char** argv)
{
    // No display needed: the offscreen platform unless the caller chose one.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const CommandErrors errors(kCommand);
    const auto parsed = parse(app.arguments());
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const ExportRequest& r = std::get<ExportRequest>(parsed);

    if (!QFileInfo::exists(r.db))
        return errors.failure(QStringLiteral("database %1 does not exist").arg(r.db));
    auto store = EventStore::open(r.db, EventStore::OpenMode::ReadOnly);
    if (!store)
        return errors.failure(store.error().message);
    auto index = EventIndex::build(*store.value());
    if (!index)
        return errors.failure(index.error().message);

    BriefingSceneRequest sr;
    sr.filter = r.filter;
    sr.fromSecs = r.from;
    sr.toSecs = r.to;
    sr.mapBox = r.bbox;
    auto scene = makeBriefingScene(*store.value(), index.value(), sr);
    if (!scene)
        return errors.failure(scene.error().message);
    BriefingScene s = scene.value();
    s.datasetName = QFileInfo(r.db).fileName();

    BriefingRenderer renderer(r.settings, s);
    installDefaultPainters(renderer);
    const Status written =
        r.pdf ? renderer.writePdf(r.out, r.page, r.dpi) : renderer.writePng(r.out, r.size);
    if (!written)
        return errors.failure(written.error().message);
    std::printf("wrote %s (snapshot %s)\n", qPrintable(r.out), qPrintable(renderer.snapshotId()));
    return 0;
}

} // namespace fa::app
