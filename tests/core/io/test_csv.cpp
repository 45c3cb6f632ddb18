// CsvReader: RFC 4180 quoting, line ends, BOM, separators, limits, and buffer boundaries.
#include "csvreader.h"

#include <QBuffer>
#include <gtest/gtest.h>

#include <vector>

using namespace fa;

namespace {

struct Parsed {
    std::vector<std::vector<QString>> rows;
    std::vector<qint64> lines;
    std::optional<Error> error;
    char delimiter = 0;
};

Parsed parse(const QByteArray& data, CsvReader::Options opt = {})
{
    QBuffer b;
    b.setData(data);
    b.open(QIODevice::ReadOnly);
    CsvReader r(b, opt);
    Parsed p;
    while (r.next()) {
        std::vector<QString> row;
        for (int i = 0; i < r.fieldCount(); ++i)
            row.push_back(r.field(i));
        p.rows.push_back(row);
        p.lines.push_back(r.line());
    }
    p.error = r.error();
    p.delimiter = r.delimiter();
    return p;
}

using Row = std::vector<QString>;

// A device producing a very long line without ever holding it: 'a' bytes, then "\n".
class LongLineDevice : public QIODevice {
public:
    explicit LongLineDevice(qint64 length) : m_length(length) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 produced() const { return m_pos; }

protected:
    qint64 readData(char* data, qint64 max) override
    {
        qint64 n = 0;
        while (n < max && m_pos <= m_length) {
            data[n++] = m_pos == m_length ? '\n' : 'a';
            ++m_pos;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    qint64 m_length;
    qint64 m_pos = 0;
};

} // namespace

TEST(Csv, PlainFieldsAndLastLineWithoutNewline)
{
    const Parsed p = parse("a,b,c\n1,2,3");
    ASSERT_FALSE(p.error);
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.rows[0], (Row{"a", "b", "c"}));
    EXPECT_EQ(p.rows[1], (Row{"1", "2", "3"}));
    EXPECT_EQ(p.lines, (std::vector<qint64>{1, 2}));
}

TEST(Csv, QuotedFieldsWithSeparatorsQuotesAndLineBreaks)
{
    const Parsed p = parse("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n");
    ASSERT_FALSE(p.error);
    ASSERT_EQ(p.rows.size(), 5u);
    EXPECT_EQ(p.rows[1], (Row{"1", "a, b"}));
    EXPECT_EQ(p.rows[2], (Row{"2", "say \"hi\""}));
    EXPECT_EQ(p.rows[3], (Row{"3", "two\nlines"}));
    // The record after an embedded line break starts on physical line 6.
    EXPECT_EQ(p.lines, (std::vector<qint64>{1, 2, 3, 4, 6}));
}

TEST(Csv, EmptyFieldsAndTrailingSeparator)
{
    const Parsed p = parse("a,b,c\n,,\n1,,\"\"\nx,y,\n");
    ASSERT_FALSE(p.error);
    ASSERT_EQ(p.rows.size(), 4u);
    EXPECT_EQ(p.rows[1], (Row{"", "", ""}));
    EXPECT_EQ(p.rows[2], (Row{"1", "", ""}));
    EXPECT_EQ(p.rows[3], (Row{"x", "y", ""}));
}

TEST(Csv, CrLfLoneCrAndBlankLines)
{
    const Parsed p = parse("a,b\r\n1,2\r\n\r\n\n3,4\r5,6\r\n");
    ASSERT_FALSE(p.error);
    ASSERT_EQ(p.rows.size(), 4u);
    EXPECT_EQ(p.rows[1], (Row{"1", "2"}));
    EXPECT_EQ(p.rows[2], (Row{"3", "4"}));
    EXPECT_EQ(p.rows[3], (Row{"5", "6"}));
    EXPECT_EQ(p.lines, (std::vector<qint64>{1, 2, 5, 6}));
}

TEST(Csv, ByteOrderMarkIsSkipped)
{
    const Parsed p = parse("\xEF\xBB\xBFid,name\n1,\xD0\x9F\xD0\xB0\xD0\xBD\xD0\xB4\xD0\xB6\n");
    ASSERT_FALSE(p.error);
    EXPECT_EQ(p.rows[0][0], QStringLiteral("id"));
    EXPECT_EQ(p.rows[1][1], QStringLiteral("Пандж"));
}

TEST(Csv, SemicolonAndTabSeparatorsAreDetected)
{
    Parsed p = parse("a;b;c\n1;\"x;y\";3\n");
    EXPECT_EQ(p.delimiter, ';');
    EXPECT_EQ(p.rows[1], (Row{"1", "x;y", "3"}));
    // Commas inside a semicolon file are data (decimal commas).
    p = parse("lat;lon\n37,5;69,1\n");
    EXPECT_EQ(p.delimiter, ';');
    EXPECT_EQ(p.rows[1], (Row{"37,5", "69,1"}));
    p = parse("a\tb\n1\t2\n");
    EXPECT_EQ(p.delimiter, '\t');
    EXPECT_EQ(p.rows[1], (Row{"1", "2"}));
    // A comma-separated header with a quoted semicolon stays comma-separated.
    p = parse("a,\"b;c\"\n1,2\n");
    EXPECT_EQ(p.delimiter, ',');
    CsvReader::Options forced;
    forced.delimiter = ';';
    p = parse("a,b;c\n", forced);
    EXPECT_EQ(p.rows[0], (Row{"a,b", "c"}));
}

TEST(Csv, UnterminatedQuoteIsAnErrorWithItsLine)
{
    const Parsed p = parse("a,b\n1,2\n3,\"never closed\n4,5\n");
    ASSERT_TRUE(p.error);
    EXPECT_EQ(p.error->kind, Error::Kind::Parse);
    EXPECT_EQ(p.error->line, 3);
    EXPECT_EQ(p.error->message,
              QStringLiteral("line 3: a quoted field is not closed before the end of the file"));
    EXPECT_EQ(p.rows.size(), 2u);
}

TEST(Csv, LenientAboutStrayQuotes)
{
    const Parsed p = parse("a,b\n5\"6,\"x\"y\n");
    ASSERT_FALSE(p.error);
    EXPECT_EQ(p.rows[1], (Row{"5\"6", "xy"}));
}

TEST(Csv, RecordLongerThanTheLimitIsRefused)
{
    CsvReader::Options opt;
    opt.maxRecordBytes = 1000;
    QByteArray data = "a,b\n1,2\n" + QByteArray(5000, 'x') + ",y\n3,4\n";
    const Parsed p = parse(data, opt);
    ASSERT_TRUE(p.error);
    EXPECT_EQ(p.error->message,
              QStringLiteral("line 3: the record is longer than the limit of 1000 bytes"));
    EXPECT_EQ(p.rows.size(), 2u);
}

TEST(Csv, HundredMegabyteLineIsRefusedWithoutReadingItAll)
{
    LongLineDevice dev(100ll << 20);
    CsvReader::Options opt; // 1 MiB records, 1 MiB chunks
    CsvReader r(dev, opt);
    EXPECT_FALSE(r.next());
    ASSERT_TRUE(r.error());
    EXPECT_EQ(r.error()->message,
              QStringLiteral("line 1: the record is longer than the limit of 1048576 bytes"));
    // It stopped after about one record's worth, not 100 MB.
    EXPECT_LT(dev.produced(), 4ll << 20);
}

TEST(Csv, SameRecordsWhateverTheChunkSize)
{
    const QByteArray data =
        "\xEF\xBB\xBFid,note,x\r\n1,\"a,\"\"b\"\"\r\nc\",\r\n\r\n2,plain,\"\"\r3,\"\",z\n"
        "4,\"ends with quote\"\"\",w";
    const Parsed whole = parse(data);
    ASSERT_FALSE(whole.error);
    ASSERT_EQ(whole.rows.size(), 5u);
    EXPECT_EQ(whole.rows[1], (Row{"1", "a,\"b\"\r\nc", ""}));
    EXPECT_EQ(whole.rows[4], (Row{"4", "ends with quote\"", "w"}));
    for (qint64 chunk = 1; chunk <= 40; ++chunk) {
        CsvReader::Options opt;
        opt.chunkBytes = chunk;
        const Parsed p = parse(data, opt);
        EXPECT_FALSE(p.error) << "chunk " << chunk;
        EXPECT_EQ(p.rows, whole.rows) << "chunk " << chunk;
        EXPECT_EQ(p.lines, whole.lines) << "chunk " << chunk;
    }
}

TEST(Csv, EmptyInput)
{
    const Parsed p = parse("");
    EXPECT_FALSE(p.error);
    EXPECT_TRUE(p.rows.empty());
}
