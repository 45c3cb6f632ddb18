// frontier-atlas init --db FILE: a new database holding the bundled dataset.
#include "bundleddataset.h"
#include "commands.h"
#include "dbcommand.h"
#include "eventstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace fa::app {

int runInit(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontier-atlas"));
    const CommandErrors errors("init");

    const auto parsed = parseDbCommand(
        {"init", QStringLiteral("Create a new database holding the bundled frontier dataset."),
         QStringLiteral("The database file to create (must not exist)."),
         QStringLiteral("the database to create")});
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const QString path = std::get<QString>(parsed);
    if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
        return errors.failure(QStringLiteral("%1 already exists; init never overwrites a file")
                                  .arg(QDir::toNativeSeparators(path)));

    const Status made = createDatabaseWithBundledDataset(path);
    if (!made)
        return errors.failure(made.error().message);

    // Read back what was written, so the success line reports the file, not our intention.
    Result<std::unique_ptr<EventStore>> store = EventStore::open(path);
    if (!store)
        return errors.failure(QStringLiteral("created %1 but cannot reopen it: %2")
                                  .arg(QDir::toNativeSeparators(path), store.error().message));
    const Result<qint64> count = (*store)->count();
    if (!count)
        return errors.failure(count.error().message);
    std::printf("created %s with %lld bundled events\n", qPrintable(QDir::toNativeSeparators(path)),
                static_cast<long long>(*count));
    return 0;
}

} // namespace fa::app
