// frontier-atlas import / export-data: the analysts' files in and out, without a display.
#include "commanderrors.h"
#include "commands.h"
#include "dateformats.h"
#include "eventstore.h"
#include "exporters.h"
#include "importrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace fa::app {
namespace {

bool printHelp(QCommandLineParser& parser, const QCommandLineOption& help, const char* command)
{
    if (!parser.isSet(help))
        return false;
    std::printf("%s", qPrintable(parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                           QStringLiteral("frontier-atlas ") +
                                                               QLatin1StringView(command))));
    return true;
}

QStringList listValue(const QCommandLineParser& p, const QCommandLineOption& o)
{
    QStringList out;
    for (const QString& v : p.values(o))
        for (const QString& part : v.split(u',', Qt::SkipEmptyParts))
            out << part.trimmed();
    return out;
}

} // namespace

int runImport(int argc, char** argv)
{
    constexpr const char* cmd = "import";
    const CommandErrors errors(cmd);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontier-atlas"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import ACLED or UCDP CSV, GeoJSON, KML/KMZ or Frontier Atlas JSON into a database "
        "(created "
        "when missing), in one transaction. Prints a summary line; rejected rows are listed in the "
        "report."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The database file."),
                                QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("acled, ucdp, geojson, kml, kmz or json "
                                                   "(default: detected from the file)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption allOrNothing(
        QStringLiteral("all-or-nothing"),
        QStringLiteral("Import nothing if any row is rejected (default: import the valid rows)."));
    const QCommandLineOption report(QStringLiteral("report"),
                                    QStringLiteral("Write the full report (every rejected row "
                                                   "with its line and reason) to FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption dateProperty(QStringLiteral("date-property"),
                                          QStringLiteral("GeoJSON: the property holding the date "
                                                         "(default: detected)."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption sequential(QStringLiteral("single-thread"),
                                        QStringLiteral("Parse and insert on one thread."));
    parser.addOptions({db, format, allOrNothing, report, dateProperty, sequential});
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("The file to import."));
    if (!parser.parse(QCoreApplication::arguments()))
        return errors.usage(parser.errorText() + QStringLiteral(" (see import --help)"));
    if (printHelp(parser, help, cmd))
        return 0;
    const QStringList inputs = parser.positionalArguments();
    if (parser.value(db).isEmpty())
        return errors.usage(QStringLiteral("missing --db FILE (the database to import into)"));
    if (inputs.size() != 1)
        return errors.usage(
            QStringLiteral("give exactly one INPUT file; usage: import --db FILE INPUT "
                           "[--format F] [--all-or-nothing] [--report FILE]"));
    ImportRunner::Options options;
    if (parser.isSet(format)) {
        const auto f = importFormatFromString(parser.value(format));
        if (!f)
            return errors.usage(
                QStringLiteral(
                    "unknown --format \"%1\"; use acled, ucdp, geojson, kml, kmz or json")
                    .arg(parser.value(format)));
        options.format = *f;
    }
    options.policy =
        parser.isSet(allOrNothing) ? ImportPolicy::AllOrNothing : ImportPolicy::ValidRows;
    options.importer.dateProperty = parser.value(dateProperty);
    options.parallel = !parser.isSet(sequential);

    const QString input = inputs.constFirst();
    const QFileInfo inputInfo(input);
    if (!inputInfo.exists())
        return errors.failure(
            QStringLiteral("%1 does not exist").arg(QDir::toNativeSeparators(input)));
    if (inputInfo.isDir())
        return errors.failure(
            QStringLiteral("%1 is a folder, not a file").arg(QDir::toNativeSeparators(input)));

    const QString dbPath = parser.value(db);
    auto store = QFileInfo::exists(dbPath) ? EventStore::open(dbPath) : EventStore::create(dbPath);
    if (!store)
        return errors.failure(
            QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(dbPath), store.error().message));

    const ImportReport result = ImportRunner::run(**store, input, options);
    if (parser.isSet(report)) {
        if (Status s = result.saveText(parser.value(report)); !s)
            return errors.failure(s.error().message);
    }
    if (!result.committed)
        return errors.failure(result.summaryLine());
    std::printf("%s\n", qPrintable(result.summaryLine()));
    return 0;
}

int runExportData(int argc, char** argv)
{
    constexpr const char* cmd = "export-data";
    const CommandErrors errors(cmd);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontier-atlas"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export events to CSV (ACLED columns), GeoJSON, KML (with time stamps for Google Earth's "
        "time slider) or Frontier Atlas JSON. All events, or those matching the filter options."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The database file."),
                                QStringLiteral("FILE"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("The file to write: .csv, .geojson, .kml or .json."),
        QStringLiteral("FILE"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("csv, geojson, kml or json (default: from the extension)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Events starting at or after DATE."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Events starting before DATE."),
                                QStringLiteral("DATE"));
    const QCommandLineOption family(
        QStringLiteral("family"),
        QStringLiteral("incident, diplomatic and/or context (comma-separated)."),
        QStringLiteral("LIST"));
    const QCommandLineOption type(QStringLiteral("type"),
                                  QStringLiteral("Event types (comma-separated)."),
                                  QStringLiteral("LIST"));
    const QCommandLineOption country(QStringLiteral("country"),
                                     QStringLiteral("ISO country codes (comma-separated)."),
                                     QStringLiteral("LIST"));
    const QCommandLineOption actor(QStringLiteral("actor"), QStringLiteral("Actors (repeatable)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption text(QStringLiteral("text"), QStringLiteral("Full-text query."),
                                  QStringLiteral("QUERY"));
    const QCommandLineOption minCasualties(QStringLiteral("min-casualties"),
                                           QStringLiteral("Killed + injured at least N."),
                                           QStringLiteral("N"));
    const QCommandLineOption bbox(QStringLiteral("bbox"),
                                  QStringLiteral("West,south,east,north in degrees."),
                                  QStringLiteral("W,S,E,N"));
    parser.addOptions(
        {db, out, format, from, to, family, type, country, actor, text, minCasualties, bbox});
    if (!parser.parse(QCoreApplication::arguments()))
        return errors.usage(parser.errorText() + QStringLiteral(" (see export-data --help)"));
    if (printHelp(parser, help, cmd))
        return 0;
    if (!parser.positionalArguments().isEmpty())
        return errors.usage(QStringLiteral("unexpected argument \"%1\"")
                                .arg(parser.positionalArguments().constFirst()));
    if (parser.value(db).isEmpty())
        return errors.usage(QStringLiteral("missing --db FILE (the database to export from)"));
    if (parser.value(out).isEmpty())
        return errors.usage(QStringLiteral("missing --out FILE (.csv, .geojson, .kml or .json)"));
    const auto f =
        exportFormatFromString(parser.isSet(format) ? parser.value(format) : parser.value(out));
    if (!f)
        return errors.usage(
            QStringLiteral("cannot tell the format of %1; use a .csv, .geojson, .kml or .json "
                           "name or --format")
                .arg(parser.value(out)));

    EventFilter filter;
    for (const auto& [opt, target] : {std::pair{&from, &filter.from}, std::pair{&to, &filter.to}}) {
        if (!parser.isSet(*opt))
            continue;
        const auto d = importhelpers::parseDate(parser.value(*opt));
        if (!d)
            return errors.usage(QStringLiteral("--%1: \"%2\" is not a date (use YYYY-MM-DD)")
                                    .arg(opt->names().constFirst(), parser.value(*opt)));
        *target = d->start;
    }
    for (const QString& name : listValue(parser, family)) {
        const auto fam = familyFromString(name);
        if (!fam)
            return errors.usage(QStringLiteral("--family: unknown family \"%1\"").arg(name));
        filter.families.insert(*fam);
    }
    for (const QString& t : listValue(parser, type))
        filter.eventTypes.insert(t);
    for (const QString& c : listValue(parser, country))
        filter.countries.insert(c.toUpper());
    for (const QString& a : parser.values(actor))
        filter.actors.insert(a);
    filter.text = parser.value(text);
    if (parser.isSet(minCasualties)) {
        bool ok = false;
        filter.minCasualties = parser.value(minCasualties).toInt(&ok);
        if (!ok || filter.minCasualties < 0)
            return errors.usage(QStringLiteral("--min-casualties: not a whole number"));
    }
    if (parser.isSet(bbox)) {
        const QStringList parts = parser.value(bbox).split(u',');
        double v[4] = {0, 0, 0, 0};
        bool ok = parts.size() == 4;
        for (int i = 0; ok && i < 4; ++i)
            v[i] = parts[i].toDouble(&ok);
        if (!ok || v[0] > v[2] || v[1] > v[3])
            return errors.usage(QStringLiteral("--bbox: expected W,S,E,N with W <= E and S <= N"));
        filter.box = GeoBox{v[0], v[1], v[2], v[3]};
    }

    const QString dbPath = parser.value(db);
    if (!QFileInfo::exists(dbPath))
        return errors.failure(
            QStringLiteral("%1 does not exist").arg(QDir::toNativeSeparators(dbPath)));
    auto store = EventStore::open(dbPath, EventStore::OpenMode::ReadOnly);
    if (!store)
        return errors.failure(
            QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(dbPath), store.error().message));
    auto events = (*store)->query(filter);
    if (!events)
        return errors.failure(events.error().message);
    if (Status s = exportEventsToFile(*events, *f, parser.value(out)); !s)
        return errors.failure(s.error().message);
    std::printf("wrote %lld events to %s (%s)\n", static_cast<long long>(events->size()),
                qPrintable(QDir::toNativeSeparators(parser.value(out))), qPrintable(toString(*f)));
    return 0;
}

} // namespace fa::app
