#include "engine/Binary.hpp"
#include "engine/Item.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

using namespace taskloom::engine;

namespace {

TEST(Binary, SmallPayloadsStayInMemory)
{
    QTemporaryDir dir;
    auto b = Binary::fromBytes(QByteArray("hello"), {}, QStringLiteral("note.txt"), dir.path(), 10);
    ASSERT_TRUE(b.has_value());
    EXPECT_TRUE((*b)->isInMemory());
    EXPECT_EQ((*b)->size(), 5);
    EXPECT_EQ((*b)->mimeType(), "text/plain");
    EXPECT_EQ((*b)->bytes().value(), "hello");
    EXPECT_TRUE(QDir(dir.path()).isEmpty());
}

TEST(Binary, LargePayloadsSpillToDiskAndAreRemovedWithTheLastHandle)
{
    QTemporaryDir dir;
    const QByteArray data(1000, 'x');
    auto b = Binary::fromBytes(data, QStringLiteral("application/pdf"), QStringLiteral("scan.pdf"), dir.path(), 100);
    ASSERT_TRUE(b.has_value());
    BinaryRef ref = *b;
    EXPECT_FALSE(ref->isInMemory());
    const QString path = ref->filePath();
    EXPECT_TRUE(path.startsWith(dir.path()));
    EXPECT_TRUE(QFile::exists(path));
    EXPECT_EQ(ref->bytes().value(), data);
    EXPECT_EQ(ref->size(), 1000);

    BinaryRef copy = ref; // an item copy holds another handle
    ref.reset();
    b = std::unexpected(QString());
    EXPECT_TRUE(QFile::exists(path));
    copy.reset();
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Binary, NoSpillDirectoryMeansMemory)
{
    auto b = Binary::fromBytes(QByteArray(100, 'y'), {}, QStringLiteral("a.bin"), {}, 10);
    ASSERT_TRUE(b.has_value());
    EXPECT_TRUE((*b)->isInMemory());
    EXPECT_EQ((*b)->mimeType(), "application/octet-stream");
}

TEST(Binary, SpillFailureIsAnError)
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile f(blocker);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    auto b = Binary::fromBytes(QByteArray(100, 'z'), {}, QStringLiteral("a.bin"), blocker + QStringLiteral("/sub"), 10);
    ASSERT_FALSE(b.has_value());
    EXPECT_TRUE(b.error().contains(blocker)) << b.error().toStdString();
}

TEST(Binary, FromFileReadsLazilyAndKeepsTheFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("photo.PNG"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("first");
    }
    auto b = Binary::fromFile(path);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ((*b)->fileName(), "photo.PNG");
    EXPECT_EQ((*b)->mimeType(), "image/png");
    EXPECT_EQ((*b)->size(), 5);
    EXPECT_FALSE((*b)->isInMemory());
    b = std::unexpected(QString()); // dropping the handle leaves a file it did not create
    EXPECT_TRUE(QFile::exists(path));

    auto missing = Binary::fromFile(dir.filePath(QStringLiteral("nope.png")));
    ASSERT_FALSE(missing.has_value());
    EXPECT_TRUE(missing.error().contains(u"no such file"));
}

TEST(Binary, BytesOfAVanishedFileIsAnError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone.txt"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("x");
    }
    auto b = Binary::fromFile(path);
    ASSERT_TRUE(b.has_value());
    QFile::remove(path);
    EXPECT_FALSE((*b)->bytes().has_value());
}

TEST(Binary, MetadataAndExternalJson)
{
    auto b = Binary::fromBytes(QByteArray("abc"), {}, QStringLiteral("r.csv"));
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ((*b)->metadata(), (Object{{"mimeType", "text/csv"}, {"fileName", "r.csv"}, {"size", 3}}));
    Item item(Object{{"id", 1}});
    item.setBinary(QStringLiteral("data"), *b);
    EXPECT_EQ(item.toExternalJson(),
              (Object{{"id", 1}, {"$binary", Object{{"data", Object{{"mimeType", "text/csv"}, {"fileName", "r.csv"}, {"size", 3}}}}}}));
    EXPECT_EQ(Item(Object{{"id", 1}}).toExternalJson(), (Object{{"id", 1}}));
}

TEST(Binary, ItemsWithEqualBytesAreEqual)
{
    Item a(Object{{"id", 1}});
    Item b(Object{{"id", 1}});
    a.setBinary(QStringLiteral("f"), *Binary::fromBytes(QByteArray("same"), {}, QStringLiteral("x.txt")));
    b.setBinary(QStringLiteral("f"), *Binary::fromBytes(QByteArray("same"), {}, QStringLiteral("x.txt")));
    EXPECT_EQ(a, b);
    b.setBinary(QStringLiteral("f"), *Binary::fromBytes(QByteArray("diff"), {}, QStringLiteral("x.txt")));
    EXPECT_FALSE(a == b);
    b.removeBinary(QStringLiteral("f"));
    EXPECT_FALSE(a == b);
}

TEST(Binary, MimeTypes)
{
    EXPECT_EQ(Binary::mimeTypeForFileName(QStringLiteral("a.JPG")), "image/jpeg");
    EXPECT_EQ(Binary::mimeTypeForFileName(QStringLiteral("dir.v2/report.pdf")), "application/pdf");
    EXPECT_EQ(Binary::mimeTypeForFileName(QStringLiteral("noext")), "application/octet-stream");
}

} // namespace
