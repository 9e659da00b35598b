#include "nodes/core/CsvReader.hpp"

#include <QBuffer>
#include <QStringEncoder>

#include <gtest/gtest.h>

using namespace taskloom::nodes::core;

namespace {

struct Parsed {
    QList<QStringList> rows;
    QList<qint64> lines; // the line each row starts on
    QString error;
    qint64 errorLine = 0;
};

Parsed parse(const QByteArray& bytes, CsvDialect dialect = {}, qsizetype chunk = 1 << 18,
             QStringDecoder decoder = QStringDecoder(QStringConverter::Utf8))
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, dialect, std::move(decoder));
    reader.setChunkSize(chunk);
    Parsed p;
    QList<QString> fields;
    for (;;) {
        const auto r = reader.next(fields);
        if (r == CsvReader::Result::End)
            break;
        if (r == CsvReader::Result::Error) {
            p.error = reader.errorString();
            p.errorLine = reader.lineNumber();
            break;
        }
        p.rows.append(QStringList(fields));
        p.lines.append(reader.lineNumber());
    }
    return p;
}

QList<QStringList> rows(const QByteArray& bytes, CsvDialect dialect = {})
{
    const Parsed p = parse(bytes, dialect);
    EXPECT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    return p.rows;
}

} // namespace

TEST(CsvReader, SimpleRowsWithCrlfLfAndCr)
{
    const QList<QStringList> expected = {{"a", "b", "c"}, {"1", "2", "3"}};
    EXPECT_EQ(rows("a,b,c\r\n1,2,3\r\n"), expected);
    EXPECT_EQ(rows("a,b,c\n1,2,3\n"), expected);
    EXPECT_EQ(rows("a,b,c\r1,2,3\r"), expected);
    EXPECT_EQ(rows("a,b,c\n1,2,3"), expected); // no line break after the last record
}

TEST(CsvReader, QuotedValuesWithDoubledQuotesDelimitersAndLineBreaks)
{
    const auto r = rows("\"a,b\",\"say \"\"hi\"\"\",\"line1\r\nline2\",\"x\ny\"\r\nlast,\"\",\"\"\"\"\r\n");
    ASSERT_EQ(r.size(), 2);
    EXPECT_EQ(r[0], (QStringList{"a,b", "say \"hi\"", "line1\r\nline2", "x\ny"}));
    EXPECT_EQ(r[1], (QStringList{"last", "", "\""}));
}

TEST(CsvReader, EmptyValuesAndTrailingDelimiter)
{
    EXPECT_EQ(rows("a,,c,\n,,\n"), (QList<QStringList>{{"a", "", "c", ""}, {"", "", ""}}));
}

TEST(CsvReader, EmptyLinesAreSkippedOrKept)
{
    EXPECT_EQ(rows("a\n\n\r\nb\n"), (QList<QStringList>{{"a"}, {"b"}}));
    CsvDialect keep;
    keep.skipEmptyLines = false;
    EXPECT_EQ(rows("a\n\nb\n", keep), (QList<QStringList>{{"a"}, {""}, {"b"}}));
    // A quoted empty value is a row even when empty lines are skipped: it is how a single empty cell is written.
    EXPECT_EQ(rows("a\n\"\"\nb\n"), (QList<QStringList>{{"a"}, {""}, {"b"}}));
    EXPECT_TRUE(rows("").isEmpty());
    EXPECT_TRUE(rows("\n\n").isEmpty());
}

TEST(CsvReader, BareQuoteInsideUnquotedValueIsText)
{
    EXPECT_EQ(rows("size,5\" screen\n"), (QList<QStringList>{{"size", "5\" screen"}}));
}

TEST(CsvReader, OtherDelimitersAndQuotes)
{
    CsvDialect semicolon;
    semicolon.delimiter = u';';
    EXPECT_EQ(rows("a;\"b;c\";d,e\n", semicolon), (QList<QStringList>{{"a", "b;c", "d,e"}}));
    CsvDialect tab;
    tab.delimiter = u'\t';
    EXPECT_EQ(rows("a\tb c\t\n", tab), (QList<QStringList>{{"a", "b c", ""}}));
    CsvDialect custom;
    custom.delimiter = QChar(0x00A7); // §, not ASCII
    custom.quote = u'\'';
    EXPECT_EQ(rows("a\xC2\xA7'b\xC2\xA7''c'\n", custom), (QList<QStringList>{{"a", "b\xC2\xA7'c"}}));
}

TEST(CsvReader, TrimRemovesSpacesOutsideQuotesOnly)
{
    CsvDialect trim;
    trim.trim = true;
    EXPECT_EQ(rows("  a  , \" b \" ,\t\n   \nc\n", trim), (QList<QStringList>{{"a", " b ", ""}, {"c"}}));
    CsvDialect tabTrim = trim; // a tab delimiter is never trimmed away
    tabTrim.delimiter = u'\t';
    EXPECT_EQ(rows(" a \t b \n", tabTrim), (QList<QStringList>{{"a", "b"}}));
}

TEST(CsvReader, RecordsSpanningChunksParseTheSame)
{
    const QByteArray text = "id,\"note\",x\r\n1,\"multi\r\nline, with \"\"quotes\"\"\",\r\n2,plain,\"\"\r\n\r\n3,\"end\"\r";
    const Parsed whole = parse(text);
    ASSERT_TRUE(whole.error.isEmpty());
    ASSERT_EQ(whole.rows.size(), 4);
    for (qsizetype chunk = 1; chunk < 12; ++chunk) {
        const Parsed p = parse(text, {}, chunk);
        EXPECT_EQ(p.rows, whole.rows) << "chunk " << chunk;
        EXPECT_EQ(p.lines, whole.lines) << "chunk " << chunk;
    }
}

TEST(CsvReader, LongQuotedValueAcrossManyChunks)
{
    const QByteArray big(200000, 'x');
    const Parsed p = parse("a,\"" + big + "\"\"" + big + "\",b\n", {}, 64);
    ASSERT_TRUE(p.error.isEmpty());
    ASSERT_EQ(p.rows.size(), 1);
    EXPECT_EQ(p.rows[0][1].size(), 2 * big.size() + 1);
    EXPECT_EQ(p.rows[0][2], "b");
}

TEST(CsvReader, LineNumbersCountLineBreaksInsideQuotes)
{
    const Parsed p = parse("h\n\"a\nb\nc\"\nnext\n\nlast\n");
    ASSERT_EQ(p.rows.size(), 4);
    EXPECT_EQ(p.lines, (QList<qint64>{1, 2, 5, 7}));
}

TEST(CsvReader, UnclosedQuoteNamesTheLineWhereItStarts)
{
    const Parsed p = parse("a,b\n1,2\n3,\"open\nstill open\n");
    EXPECT_EQ(p.rows.size(), 2);
    EXPECT_EQ(p.errorLine, 3);
    EXPECT_TRUE(p.error.contains("closing quote is missing")) << p.error.toStdString();
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError)
{
    const Parsed p = parse("a,b\n\"x\ny\"z,1\n");
    EXPECT_EQ(p.rows.size(), 1);
    EXPECT_EQ(p.errorLine, 3); // the quoted value started on line 2 and closed on line 3
    EXPECT_TRUE(p.error.contains("after a closing quote")) << p.error.toStdString();
    // The error sticks: the reader does not resume in the middle of a broken record.
    QBuffer buffer;
    buffer.setData("\"x\"y\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, {}, QStringDecoder(QStringConverter::Utf8));
    QList<QString> fields;
    EXPECT_EQ(reader.next(fields), CsvReader::Result::Error);
    EXPECT_EQ(reader.next(fields), CsvReader::Result::Error);
}

TEST(CsvReader, ByteOrderMarkIsSkipped)
{
    EXPECT_EQ(rows("\xEF\xBB\xBFid,name\n1,x\n"), (QList<QStringList>{{"id", "name"}, {"1", "x"}}));
}

TEST(CsvReader, DecodesUtf16AndLatin1)
{
    const QString text = QStringLiteral("name,city\r\nJos\u00e9,\"S\u00e3o Paulo\"\r\n\u6771\u4eac,\u00c5re\r\n");
    QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    const QByteArray utf16Bytes = utf16.encode(text);
    for (qsizetype chunk : {qsizetype(1), qsizetype(3), qsizetype(1 << 18)}) { // odd chunks split code units
        const Parsed p = parse(utf16Bytes, {}, chunk, QStringDecoder(QStringConverter::Utf16));
        ASSERT_TRUE(p.error.isEmpty());
        ASSERT_EQ(p.rows.size(), 3) << "chunk " << chunk;
        EXPECT_EQ(p.rows[0][0], "name"); // the byte order mark is not part of the first name
        EXPECT_EQ(p.rows[1], (QStringList{QStringLiteral("Jos\u00e9"), QStringLiteral("S\u00e3o Paulo")}));
        EXPECT_EQ(p.rows[2][0], QStringLiteral("\u6771\u4eac"));
    }
    const Parsed latin1 = parse("name\nJos\xE9\n", {}, 1 << 18, QStringDecoder(QStringConverter::Latin1));
    EXPECT_EQ(latin1.rows[1][0], QStringLiteral("Jos\u00e9"));
}

TEST(CsvReader, InvalidBytesAreReportedNotFatal)
{
    QBuffer buffer;
    buffer.setData("a\nJos\xE9\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, {}, QStringDecoder(QStringConverter::Utf8));
    QList<QString> fields;
    while (reader.next(fields) == CsvReader::Result::Row) {
    }
    EXPECT_TRUE(reader.hadDecodingErrors());
    EXPECT_TRUE(reader.errorString().isEmpty());
}

TEST(CsvReader, TruncatedCharacterAtTheEndIsReported)
{
    QBuffer buffer;
    buffer.setData("a\nJos\xC3"); // the file ends in the middle of "é"
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, {}, QStringDecoder(QStringConverter::Utf8));
    QList<QString> fields;
    ASSERT_EQ(reader.next(fields), CsvReader::Result::Row);
    ASSERT_EQ(reader.next(fields), CsvReader::Result::Row);
    EXPECT_EQ(fields.first(), QStringLiteral("Jos\uFFFD"));
    EXPECT_EQ(reader.next(fields), CsvReader::Result::End);
    EXPECT_TRUE(reader.hadDecodingErrors());
}
