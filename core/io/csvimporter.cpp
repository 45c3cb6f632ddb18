#include "csvimporter.h"

#include <QIODevice>

namespace fa {

int CsvTableImporter::column(const QHash<QString, int>& header,
                             std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        const auto it = header.constFind(QString::fromLatin1(n));
        if (it != header.constEnd())
            return it.value();
    }
    return -1;
}

Status CsvTableImporter::missingColumn(const char* name)
{
    Error e = Error::make(Error::Kind::Parse,
                          QStringLiteral("the required column \"%1\" is missing from the header")
                              .arg(QLatin1StringView(name)));
    e.field = QString::fromLatin1(name);
    e.line = 1;
    return e;
}

Status CsvTableImporter::read(QIODevice& in, ImportSink& sink)
{
    CsvReader::Options ro;
    ro.maxRecordBytes = m_opt.limits.maxRecordBytes;
    CsvReader reader(in, ro);
    const qint64 total = in.isSequential() ? 0 : in.size();
    if (!reader.next()) {
        if (reader.error())
            return *reader.error();
        return Error::make(Error::Kind::Parse, QStringLiteral("the file is empty"));
    }
    QHash<QString, int> header;
    for (int i = 0; i < reader.fieldCount(); ++i) {
        const QString name = reader.field(i).trimmed().toLower();
        if (!name.isEmpty() && !header.contains(name))
            header.insert(name, i);
    }
    const int columns = reader.fieldCount();
    if (Status s = bindColumns(header); !s)
        return s;
    if (reader.delimiter() != ',')
        m_notes << QStringLiteral("fields separated by \"%1\"")
                       .arg(reader.delimiter() == '\t'
                                ? QStringLiteral("tab")
                                : QString(QChar::fromLatin1(reader.delimiter())));
    const auto cancelled = [] { return Error::cancelled(); };
    qint64 records = 0;
    while (reader.next()) {
        ++records;
        if ((records & 0xFFF) == 0 && sink.progress && !sink.progress(reader.bytesRead(), total))
            return cancelled();
        if (reader.fieldCount() != columns) {
            // A lone empty field is a line holding only spaces: skip it like a blank line.
            if (reader.fieldCount() == 1 && reader.fieldBytes(0).trimmed().isEmpty())
                continue;
            if (sink.reject &&
                !sink.reject(reader.line(), QStringLiteral("expected %1 fields but found %2")
                                                .arg(columns)
                                                .arg(reader.fieldCount())))
                return cancelled();
            continue;
        }
        Event e;
        e.origin.kind = OriginKind::Imported;
        e.origin.name = m_opt.sourceName;
        if (const auto reason = mapRecord(reader, e)) {
            if (sink.reject && !sink.reject(reader.line(), *reason))
                return cancelled();
            continue;
        }
        if (sink.accept && !sink.accept(std::move(e), reader.line()))
            return cancelled();
    }
    if (reader.error())
        return *reader.error();
    if (sink.progress && !sink.progress(reader.bytesRead(), total))
        return cancelled();
    return {};
}

} // namespace fa
