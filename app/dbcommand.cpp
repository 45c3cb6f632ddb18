#include "dbcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace fa::app {

std::variant<QString, int> parseDbCommand(const DbCommandSpec& spec)
{
    const QString cmd = QString::fromLatin1(spec.command);
    const CommandErrors errors(spec.command);
    QCommandLineParser parser;
    parser.setApplicationDescription(spec.description);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), spec.dbHelp, QStringLiteral("FILE"));
    parser.addOption(db);
    if (!parser.parse(QCoreApplication::arguments()))
        return errors.usage(parser.errorText() + QStringLiteral(" (see %1 --help)").arg(cmd));
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
        return errors.usage(QStringLiteral("unexpected argument \"%1\"; usage: %2 --db FILE")
                                .arg(parser.positionalArguments().constFirst(), cmd));
    const QString path = parser.value(db);
    if (path.isEmpty())
        return errors.usage(QStringLiteral("missing --db FILE (%1)").arg(spec.dbPurpose));
    return path;
}

} // namespace fa::app
