#include "nodes/core/CsvReader.hpp"
#include "nodes/core/CsvWriter.hpp"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace taskloom::nodes::core;

namespace {

QByteArray write(const QList<QStringList>& rows, CsvWriter::Quoting quoting = CsvWriter::Quoting::Needed,
                 const QString& lineEnding = QStringLiteral("\r\n"), CsvDialect dialect = {})
{
    CsvWriter writer(dialect, quoting, lineEnding, QStringEncoder(QStringConverter::Utf8));
    for (const QStringList& row : rows) {
        for (const QString& cell : row)
            writer.addCell(cell);
        EXPECT_TRUE(writer.endRow());
    }
    return writer.bytes();
}

QList<QStringList> read(const QByteArray& bytes, CsvDialect dialect = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, dialect, QStringDecoder(QStringConverter::Utf8));
    QList<QStringList> rows;
    QList<QString> fields;
    while (reader.next(fields) == CsvReader::Result::Row)
        rows.append(QStringList(fields));
    EXPECT_TRUE(reader.errorString().isEmpty()) << reader.errorString().toStdString();
    return rows;
}

} // namespace

TEST(CsvWriter, QuotesOnlyWhenNeeded)
{
    EXPECT_EQ(write({{"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", " spaced "}}),
              QByteArray("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\", spaced \r\n"));
}

TEST(CsvWriter, QuotesAlwaysWhenAsked)
{
    EXPECT_EQ(write({{"id", ""}, {"1", "x\"y"}}, CsvWriter::Quoting::Always),
              QByteArray("\"id\",\"\"\r\n\"1\",\"x\"\"y\"\r\n"));
}

TEST(CsvWriter, SingleEmptyValueIsWrittenSoItReadsBack)
{
    const QByteArray bytes = write({{"name"}, {""}, {"x"}}, CsvWriter::Quoting::Needed, QStringLiteral("\n"));
    EXPECT_EQ(bytes, QByteArray("name\n\"\"\nx\n"));
    EXPECT_EQ(read(bytes), (QList<QStringList>{{"name"}, {""}, {"x"}}));
}

TEST(CsvWriter, OtherDelimiterAndQuote)
{
    CsvDialect d;
    d.delimiter = u';';
    d.quote = u'\'';
    EXPECT_EQ(write({{"a;b", "it's", "c,d"}}, CsvWriter::Quoting::Needed, QStringLiteral("\n"), d),
              QByteArray("'a;b';'it''s';c,d\n"));
}

TEST(CsvWriter, RoundTripOfTrickyValues)
{
    const QList<QStringList> rows = {{"id", "text", "empty", "unicode"},
                                     {"1", "comma, inside", "", QStringLiteral("\u00e9\u6771")},
                                     {"2", "\"quoted\" start", "", "tab\there"},
                                     {"3", "multi\r\nline\nmixed\r", "", "\"\""},
                                     {"4", "trailing space ", "", ",,,"}};
    EXPECT_EQ(read(write(rows)), rows);
}

TEST(CsvWriter, Rfc4180FileRoundTripsByteForByte)
{
    const QByteArray file = "id,name,note\r\n"
                            "1,Alice,\"likes \"\"quotes\"\"\"\r\n"
                            "2,\"Bob, Jr.\",\"two\r\nlines\"\r\n"
                            "3,,\r\n";
    EXPECT_EQ(write(read(file)), file);
}

TEST(CsvWriter, UnencodableRowIsDroppedAndReported)
{
    CsvWriter writer({}, CsvWriter::Quoting::Needed, QStringLiteral("\n"), QStringEncoder(QStringConverter::Latin1));
    writer.addCell(QStringLiteral("caf\u00e9"));
    EXPECT_TRUE(writer.endRow());
    writer.addCell(QStringLiteral("price"));
    writer.addCell(QStringLiteral("5\u20ac")); // no euro sign in Latin-1
    EXPECT_FALSE(writer.endRow());
    writer.addCell(QStringLiteral("ok"));
    EXPECT_TRUE(writer.endRow());
    EXPECT_EQ(writer.bytes(), QByteArray("caf\xE9\nok\n"));
}

TEST(CsvWriter, ByteOrderMarks)
{
    CsvWriter utf8({}, CsvWriter::Quoting::Needed, QStringLiteral("\n"), QStringEncoder(QStringConverter::Utf8));
    utf8.writeBom();
    utf8.addCell(QStringLiteral("a"));
    utf8.endRow();
    EXPECT_EQ(utf8.bytes(), QByteArray("\xEF\xBB\xBF" "a\n"));
    CsvWriter utf16({}, CsvWriter::Quoting::Needed, QStringLiteral("\n"), QStringEncoder(QStringConverter::Utf16LE));
    utf16.writeBom();
    utf16.addCell(QStringLiteral("a"));
    utf16.endRow();
    EXPECT_EQ(utf16.bytes(), QByteArray("\xFF\xFE" "a\0\n\0", 6));
}

TEST(CsvWriter, BytesCanBeDrainedBetweenRows)
{
    CsvWriter writer({}, CsvWriter::Quoting::Needed, QStringLiteral("\n"), QStringEncoder(QStringConverter::Utf8));
    writer.addCell(QStringLiteral("a"));
    writer.endRow();
    QByteArray all = writer.bytes();
    writer.clearBytes();
    EXPECT_EQ(writer.pendingBytes(), 0);
    writer.addCell(QStringLiteral("b"));
    writer.endRow();
    all += writer.bytes();
    EXPECT_EQ(all, QByteArray("a\nb\n"));
}
