#pragma once
// Shared by the import tests: the test data folder, and a sink that keeps what an importer
// hands over.

#include "importer.h"

#include <QBuffer>
#include <QFile>
#include <QString>

#include <ostream>
#include <vector>

// Readable QStrings in GoogleTest failure messages.
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace fa::test {

inline QString importData(const char* name)
{
    return QStringLiteral(FRONTIER_SOURCE_DIR "/tests/data/import/") + QLatin1StringView(name);
}

struct Collected {
    std::vector<Event> events;
    std::vector<qint64> eventRecords;
    std::vector<std::pair<qint64, QString>> rejected;
    Status status;
    QStringList notes;

    QString reasonFor(qint64 record) const
    {
        for (const auto& [r, why] : rejected)
            if (r == record)
                return why;
        return {};
    }
};

inline Collected collect(Importer& importer, QIODevice& in)
{
    Collected c;
    ImportSink sink;
    sink.accept = [&c](Event&& e, qint64 record) {
        c.events.push_back(std::move(e));
        c.eventRecords.push_back(record);
        return true;
    };
    sink.reject = [&c](qint64 record, const QString& why) {
        c.rejected.emplace_back(record, why);
        return true;
    };
    c.status = importer.read(in, sink);
    c.notes = importer.notes();
    return c;
}

inline Collected collectFile(ImportFormat format, const char* name, ImportOptions options = {})
{
    QFile f(importData(name));
    if (!f.open(QIODevice::ReadOnly)) {
        Collected c;
        c.status = Error::make(Error::Kind::NotFound, f.fileName());
        return c;
    }
    if (options.sourceName.isEmpty())
        options.sourceName = QString::fromLatin1(name);
    auto importer = makeImporter(format, options);
    return collect(*importer, f);
}

inline Collected collectBytes(ImportFormat format, const QByteArray& bytes,
                              ImportOptions options = {})
{
    QBuffer b;
    b.setData(bytes);
    b.open(QIODevice::ReadOnly);
    auto importer = makeImporter(format, options);
    return collect(*importer, b);
}

} // namespace fa::test
