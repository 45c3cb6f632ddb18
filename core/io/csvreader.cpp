#include "csvreader.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace fa {

CsvReader::CsvReader(QIODevice& in) : CsvReader(in, Options{}) {}

CsvReader::CsvReader(QIODevice& in, Options options) : m_in(in), m_opt(options)
{
    m_opt.chunkBytes = std::max<qint64>(m_opt.chunkBytes, 1);
    m_opt.maxRecordBytes = std::max<qint64>(m_opt.maxRecordBytes, 16);
    if (m_opt.delimiter != 0)
        m_delim = m_opt.delimiter;
}

QByteArrayView CsvReader::fieldBytes(int i) const
{
    if (i < 0 || i >= fieldCount())
        return {};
    const qsizetype begin = i == 0 ? 0 : m_ends[i - 1];
    return QByteArrayView(m_fields.constData() + begin, m_ends[i] - begin);
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    // Keep the unread tail at the front, then read one chunk after it.
    const qint64 tail = m_len - m_pos;
    if (m_pos > 0 && tail > 0)
        std::memmove(m_buf.data(), m_buf.constData() + m_pos, size_t(tail));
    m_pos = 0;
    m_len = tail;
    if (m_buf.size() < m_len + m_opt.chunkBytes)
        m_buf.resize(m_len + m_opt.chunkBytes);
    const qint64 n = m_in.read(m_buf.data() + m_len, m_opt.chunkBytes);
    if (n < 0) {
        m_error = Error::make(
            Error::Kind::Io, QStringLiteral("could not read the file: %1").arg(m_in.errorString()));
        m_eof = true;
        return false;
    }
    if (n == 0) {
        m_eof = true;
        return true; // the caller re-parses knowing this is the end
    }
    m_len += n;
    return true;
}

void CsvReader::detectDelimiter()
{
    // Count candidate separators on the first line, outside quotes; comma wins ties.
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (qint64 i = m_pos; i < m_len; ++i) {
        const char c = m_buf[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        m_delim = ';';
    else if (tabs > commas && tabs > semicolons)
        m_delim = '\t';
    else
        m_delim = ',';
}

CsvReader::Parse CsvReader::parseRecord()
{
    const char* b = m_buf.constData();
    qint64 i = m_pos;
    qint64 line = m_line;
    // Blank lines between records are skipped.
    while (i < m_len && (b[i] == '\n' || b[i] == '\r')) {
        if (b[i] == '\r') {
            if (i + 1 == m_len && !m_eof)
                return Parse::NeedMore;
            if (i + 1 < m_len && b[i + 1] == '\n')
                ++i;
        }
        ++i;
        ++line;
    }
    if (i == m_len) {
        if (!m_eof)
            return Parse::NeedMore;
        m_consumed += i - m_pos;
        m_pos = i;
        m_line = line;
        return Parse::End;
    }
    const qint64 start = i;
    const qint64 startLine = line;
    m_fields.resize(0);
    m_ends.clear();
    const char d = m_delim;
    for (;;) {
        if (i - start > m_opt.maxRecordBytes)
            return Parse::NeedMore; // next() turns this into the size error
        if (i < m_len && b[i] == '"') {
            ++i;
            for (;;) {
                const void* q = i < m_len ? std::memchr(b + i, '"', size_t(m_len - i)) : nullptr;
                if (!q) {
                    if (!m_eof)
                        return Parse::NeedMore;
                    m_error = Error::make(Error::Kind::Parse,
                                          QStringLiteral("line %1: a quoted field is not closed "
                                                         "before the end of the file")
                                              .arg(startLine));
                    m_error->line = startLine;
                    return Parse::End;
                }
                const qint64 qi = static_cast<const char*>(q) - b;
                m_fields.append(b + i, qi - i);
                line += std::count(b + i, b + qi, '\n');
                if (qi + 1 == m_len && !m_eof)
                    return Parse::NeedMore;
                if (qi + 1 < m_len && b[qi + 1] == '"') {
                    m_fields.append('"');
                    i = qi + 2;
                    continue;
                }
                i = qi + 1;
                break;
            }
        }
        // Unquoted field, or whatever follows a closing quote (kept, leniently).
        const qint64 from = i;
        while (i < m_len) {
            const char c = b[i];
            if (c == d || c == '\n' || c == '\r')
                break;
            ++i;
        }
        m_fields.append(b + from, i - from);
        if (i == m_len) {
            if (!m_eof)
                return Parse::NeedMore;
            m_ends.push_back(m_fields.size());
            break;
        }
        m_ends.push_back(m_fields.size());
        if (b[i] == d) {
            ++i;
            if (i == m_len && !m_eof)
                return Parse::NeedMore;
            if (i == m_len) { // trailing delimiter at the very end: one more empty field
                m_ends.push_back(m_fields.size());
                break;
            }
            continue;
        }
        // End of line: \n, \r\n or a lone \r.
        if (b[i] == '\r') {
            if (i + 1 == m_len && !m_eof)
                return Parse::NeedMore;
            if (i + 1 < m_len && b[i + 1] == '\n')
                ++i;
        }
        ++i;
        ++line;
        break;
    }
    if (i - start > m_opt.maxRecordBytes)
        return Parse::NeedMore;
    m_recordLine = startLine;
    m_consumed += i - m_pos;
    m_pos = i;
    m_line = line;
    return Parse::Record;
}

bool CsvReader::next()
{
    if (m_error)
        return false;
    if (!m_started) {
        m_started = true;
        while (m_len < 3 && !m_eof)
            if (!fill())
                break;
        if (m_error)
            return false;
        if (m_len >= 3 && std::memcmp(m_buf.constData(), "\xEF\xBB\xBF", 3) == 0) {
            m_pos = 3;
            m_consumed = 3;
        }
        if (m_opt.delimiter == 0) {
            // Look at a whole first line when it fits in the first chunks.
            while (!m_eof && !std::memchr(m_buf.constData() + m_pos, '\n', size_t(m_len - m_pos)) &&
                   m_len - m_pos < m_opt.maxRecordBytes)
                if (!fill())
                    break;
            if (m_error)
                return false;
            detectDelimiter();
        }
    }
    for (;;) {
        const Parse p = parseRecord();
        if (p == Parse::Record)
            return true;
        if (p == Parse::End)
            return false;
        if (m_len - m_pos > m_opt.maxRecordBytes) {
            m_error = Error::make(Error::Kind::Parse,
                                  QStringLiteral("line %1: the record is longer than the limit "
                                                 "of %2 bytes")
                                      .arg(m_line)
                                      .arg(m_opt.maxRecordBytes));
            m_error->line = m_line;
            return false;
        }
        if (!fill())
            return false;
    }
}

} // namespace fa
