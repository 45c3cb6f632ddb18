#pragma once
// A streaming RFC 4180 reader: quoted fields with embedded delimiters, quotes ("") and line
// breaks, CRLF/LF/CR line ends, a UTF-8 byte order mark, and comma- or semicolon-separated
// files (detected from the first line). Memory stays bounded by the largest record allowed:
// a longer record (a 100 MB line) is refused, not buffered.

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

class QIODevice;

namespace fa {

class CsvReader {
public:
    struct Options {
        char delimiter = 0; ///< 0: detect ',' or ';' (or tab) from the first line
        qint64 maxRecordBytes = 1 << 20;
        qint64 chunkBytes = 1 << 20; ///< read size
    };

    explicit CsvReader(QIODevice& in);
    CsvReader(QIODevice& in, Options options);

    /// Reads the next record. False at the end of the input or on an error (see error()).
    /// Blank lines are skipped.
    bool next();

    /// The fields of the current record, valid until the next call to next().
    int fieldCount() const { return int(m_ends.size()); }
    QByteArrayView fieldBytes(int i) const;
    QString field(int i) const { return QString::fromUtf8(fieldBytes(i)); }
    /// 1-based line on which the current record starts (embedded line breaks count).
    qint64 line() const { return m_recordLine; }
    /// Bytes consumed from the device so far (for progress).
    qint64 bytesRead() const { return m_consumed; }
    char delimiter() const { return m_delim; }

    /// Why next() returned false before the end of the input.
    const std::optional<Error>& error() const { return m_error; }

private:
    enum class Parse { Record, NeedMore, End };
    Parse parseRecord();
    bool fill();
    void detectDelimiter();

    QIODevice& m_in;
    Options m_opt;
    QByteArray m_buf; // unread input is m_buf[m_pos, m_len)
    qint64 m_pos = 0;
    qint64 m_len = 0;
    bool m_eof = false;
    bool m_started = false;
    char m_delim = ',';
    qint64 m_consumed = 0; // bytes of input before m_buf[m_pos]
    qint64 m_line = 1;     // line at m_buf[m_pos]
    qint64 m_recordLine = 0;
    QByteArray m_fields;           // unescaped bytes of the current record, field after field
    std::vector<qsizetype> m_ends; // end offset of each field in m_fields
    std::optional<Error> m_error;
};

} // namespace fa
