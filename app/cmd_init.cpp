// frontier-atlas init --db FILE: a new database holding the bundled dataset.
#include "bundleddataset.h"
#include "commands.h"
#include "eventstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace fa::app {
namespace {

constexpr int kUsageError = 2;
constexpr int kFailure = 1;

int fail(int code, QString message)
{
    // One line on stderr, whatever the message carries (SQLite texts may hold newlines).
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "frontier-atlas init: %s\n", qPrintable(message));
    return code;
}

} // namespace

int runInit(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontier-atlas"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create a new database holding the bundled frontier dataset."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The database file to create (must not exist)."),
                                QStringLiteral("FILE"));
    parser.addOption(db);
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(kUsageError, parser.errorText() + QStringLiteral(" (see init --help)"));
    if (parser.isSet(help)) {
        // Qt's usage line would name the sub-command alone ("Usage: init [options]").
        const QString usage =
            QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst();
        std::printf("%s", qPrintable(parser.helpText().replace(
                              usage, QStringLiteral("Usage: frontier-atlas init --db FILE"))));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(kUsageError, QStringLiteral("unexpected argument \"%1\"; usage: init --db FILE")
                                     .arg(parser.positionalArguments().constFirst()));
    const QString path = parser.value(db);
    if (path.isEmpty())
        return fail(kUsageError, QStringLiteral("missing --db FILE (the database to create)"));
    if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
        return fail(kFailure, QStringLiteral("%1 already exists; init never overwrites a file")
                                  .arg(QDir::toNativeSeparators(path)));

    const Status made = createDatabaseWithBundledDataset(path);
    if (!made)
        return fail(kFailure, made.error().message);

    // Read back what was written, so the success line reports the file, not our intention.
    Result<std::unique_ptr<EventStore>> store = EventStore::open(path);
    if (!store)
        return fail(kFailure, QStringLiteral("created %1 but cannot reopen it: %2")
                                  .arg(QDir::toNativeSeparators(path), store.error().message));
    const Result<qint64> count = (*store)->count();
    if (!count)
        return fail(kFailure, count.error().message);
    std::printf("created %s with %lld bundled events\n", qPrintable(QDir::toNativeSeparators(path)),
                static_cast<long long>(*count));
    return 0;
}

} // namespace fa::app
