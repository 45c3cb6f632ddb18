#include "dbcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace fa::app {

int failCommand(const char* command, int code, QString message)
{
    // One line on stderr, whatever the message carries (SQLite texts may hold newlines).
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "frontier-atlas %s: %s\n", command, qPrintable(message));
    return code;
}

std::variant<QString, int> parseDbCommand(const DbCommandSpec& spec)
{
    const QString cmd = QString::fromLatin1(spec.command);
    QCommandLineParser parser;
    parser.setApplicationDescription(spec.description);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), spec.dbHelp, QStringLiteral("FILE"));
    parser.addOption(db);
    if (!parser.parse(QCoreApplication::arguments()))
        return failCommand(spec.command, kUsageError,
                           parser.errorText() + QStringLiteral(" (see %1 --help)").arg(cmd));
    if (parser.isSet(help)) {
        // Qt's usage line would name the sub-command alone ("Usage: info [options]").
        const QString usage =
            QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst();
        std::printf("%s",
                    qPrintable(parser.helpText().replace(
                        usage, QStringLiteral("Usage: frontier-atlas %1 --db FILE").arg(cmd))));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return failCommand(spec.command, kUsageError,
                           QStringLiteral("unexpected argument \"%1\"; usage: %2 --db FILE")
                               .arg(parser.positionalArguments().constFirst(), cmd));
    const QString path = parser.value(db);
    if (path.isEmpty())
        return failCommand(spec.command, kUsageError,
                           QStringLiteral("missing --db FILE (%1)").arg(spec.dbPurpose));
    return path;
}

} // namespace fa::app
