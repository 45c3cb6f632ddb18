// frontier-atlas info --db FILE: schema version, counts per family, extent, integrity.
#include "commands.h"
#include "dbcommand.h"
#include "eventstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace fa::app {
namespace {

QString isoUtc(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

int runInfo(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontier-atlas"));
    const CommandErrors errors("info");

    const auto parsed = parseDbCommand(
        {"info",
         QStringLiteral("Describe a database: schema version, event counts, extent and integrity."),
         QStringLiteral("The database file."), QStringLiteral("the database to describe")});
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const QString path = std::get<QString>(parsed);
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo file(path);
    if (!file.exists())
        return errors.failure(QStringLiteral("%1 does not exist").arg(shown));
    if (file.isDir())
        return errors.failure(QStringLiteral("%1 is a folder, not a database file").arg(shown));

    // Read-only: describing a file must never migrate or otherwise change it.
    Result<std::unique_ptr<EventStore>> opened =
        EventStore::open(path, EventStore::OpenMode::ReadOnly);
    if (!opened) {
        const QString message = opened.error().message;
        return errors.failure(message.contains(path) || message.contains(shown)
                                  ? message
                                  : QStringLiteral("%1: %2").arg(shown, message));
    }
    const EventStore& store = **opened;

    const Result<qint64> total = store.count();
    if (!total)
        return errors.failure(total.error().message);
    qint64 perFamily[kFamilyCount] = {};
    for (int f = 0; f < kFamilyCount; ++f) {
        EventFilter filter;
        filter.families.insert(static_cast<Family>(f));
        const Result<qint64> n = store.count(filter);
        if (!n)
            return errors.failure(n.error().message);
        perFamily[f] = *n;
    }
    const Result<DatasetExtent> extent = store.extent();
    if (!extent)
        return errors.failure(extent.error().message);
    const Result<QString> integrity = store.integrityCheck();
    if (!integrity)
        return errors.failure(integrity.error().message);

    QString out;
    out += QStringLiteral("database: %1\n").arg(shown);
    out += QStringLiteral("schema version: %1\n").arg(store.schemaVersion());
    out += QStringLiteral("events: %1\n").arg(*total);
    for (int f = 0; f < kFamilyCount; ++f)
        out += QStringLiteral("  %1: %2\n").arg(toString(static_cast<Family>(f))).arg(perFamily[f]);
    if (extent->first && extent->last)
        out += QStringLiteral("time extent: %1 .. %2\n")
                   .arg(isoUtc(*extent->first), isoUtc(*extent->last));
    else
        out += QStringLiteral("time extent: none (no events)\n");
    if (extent->box)
        out += QStringLiteral("space extent: longitude %1 .. %2, latitude %3 .. %4\n")
                   .arg(extent->box->west)
                   .arg(extent->box->east)
                   .arg(extent->box->south)
                   .arg(extent->box->north);
    else
        out += QStringLiteral("space extent: none (no events)\n");
    out += QStringLiteral("integrity check: %1\n").arg(*integrity);
    std::fputs(out.toUtf8().constData(), stdout);

    if (integrity->trimmed() != QLatin1StringView("ok"))
        return errors.failure(QStringLiteral("%1 failed the integrity check").arg(shown));
    return 0;
}

} // namespace fa::app
