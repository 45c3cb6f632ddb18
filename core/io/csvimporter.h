#pragma once
// The part every CSV-based importer shares: the header row, required columns, one record at a
// time with its line number, field-count checks, progress and cancel. Subclasses bind their
// columns and map one record to an Event.

#include "csvreader.h"
#include "importer.h"

#include <QHash>

#include <initializer_list>

namespace fa {

class CsvTableImporter : public Importer {
public:
    Status read(QIODevice& in, ImportSink& sink) final;
    QStringList notes() const override { return m_notes; }

protected:
    explicit CsvTableImporter(ImportOptions options) : m_opt(std::move(options)) {}

    /// Finds the columns; an error (Error::Kind::Parse, field = column) for a missing required
    /// column. header maps lower-case trimmed names to indexes.
    virtual Status bindColumns(const QHash<QString, int>& header) = 0;
    /// Maps the current record; returns the reason when it cannot be imported.
    virtual std::optional<QString> mapRecord(const CsvReader& r, Event& e) = 0;

    /// Index of the first of these column names present, or -1.
    static int column(const QHash<QString, int>& header, std::initializer_list<const char*> names);
    static Status missingColumn(const char* name);

    ImportOptions m_opt;
    QStringList m_notes;
};

/// The field at index i (empty for -1).
inline QByteArrayView fieldAt(const CsvReader& r, int i)
{
    return i < 0 ? QByteArrayView() : r.fieldBytes(i);
}
inline QString textAt(const CsvReader& r, int i)
{
    return i < 0 ? QString() : QString::fromUtf8(r.fieldBytes(i)).trimmed();
}

} // namespace fa
