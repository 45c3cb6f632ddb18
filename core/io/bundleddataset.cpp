#include "bundleddataset.h"

#include "datasetjson.h"
#include "eventstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace fa {
namespace {

void removeDatabaseFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1StringView(suffix));
}

Status alreadyExists(const QString& path)
{
    return Error::make(Error::Kind::Io, QStringLiteral("%1 already exists; it is left untouched")
                                            .arg(QDir::toNativeSeparators(path)));
}

Status fillStore(EventStore& store, std::vector<Event> events)
{
    Result<std::unique_ptr<EventStore::Batch>> batch = store.beginBatch();
    if (!batch)
        return batch.error();
    for (Event& e : events) {
        const QString title = e.title;
        Result<EventStore::Batch::Outcome> added = (*batch)->add(std::move(e));
        if (!added) {
            Error err = added.error();
            err.message = QStringLiteral("event \"%1\": %2").arg(title, err.message);
            return err;
        }
    }
    return (*batch)->commit();
}

} // namespace

QString bundledDatasetResourcePath()
{
    return QStringLiteral(":/frontier/data/frontier-events.json");
}

Result<std::vector<Event>> loadBundledDataset()
{
    QFile file(bundledDatasetResourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("the bundled dataset is missing from this build (%1)")
                               .arg(bundledDatasetResourcePath()));
    Result<std::vector<Event>> events = readEventsJson(file.readAll());
    if (!events) {
        Error err = events.error();
        err.message = QStringLiteral("the bundled dataset is damaged: ") + err.message;
        return err;
    }
    return events;
}

Status createDatabaseWithBundledDataset(const QString& path)
{
    if (QFileInfo::exists(path))
        return alreadyExists(path); // before parsing: the cheap, likely refusal first
    Result<std::vector<Event>> events = loadBundledDataset();
    if (!events)
        return events.error();
    return createDatabaseWithEvents(path, std::move(events).value());
}

Status createDatabaseWithEvents(const QString& path, std::vector<Event> events)
{
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return alreadyExists(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("cannot create the folder %1")
                               .arg(QDir::toNativeSeparators(info.absolutePath())));

    Status filled = [&]() -> Status {
        Result<std::unique_ptr<EventStore>> store = EventStore::create(path);
        if (!store)
            return store.error();
        return fillStore(**store, std::move(events));
    }(); // the store is closed here, before any clean-up touches its files
    if (!filled && QFileInfo::exists(path))
        removeDatabaseFiles(path);
    return filled;
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/frontier-atlas.sqlite");
}

} // namespace fa
