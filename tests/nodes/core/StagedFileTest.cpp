#include "nodes/core/StagedFile.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace taskloom::nodes::core;

namespace {

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void put(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

TEST(StagedFile, ReplaceAppearsOnlyOnCommit)
{
    QTemporaryDir dir;
    const QString target = dir.filePath("out.csv");
    StagedFile file;
    ASSERT_TRUE(file.open(target, StagedFile::Mode::Replace).has_value());
    ASSERT_TRUE(file.write("a,b\n").has_value());
    EXPECT_FALSE(QFile::exists(target));
    ASSERT_TRUE(file.commit().has_value());
    EXPECT_EQ(contents(target), "a,b\n");
    EXPECT_EQ(entries(dir), QStringList{"out.csv"});
}

TEST(StagedFile, DestroyedUncommittedLeavesTheTargetAsItWas)
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath("fresh.csv");
    const QString old = dir.filePath("old.csv");
    put(old, "old\n");
    {
        StagedFile a;
        ASSERT_TRUE(a.open(fresh, StagedFile::Mode::Replace).has_value());
        ASSERT_TRUE(a.write("half").has_value());
        StagedFile b;
        ASSERT_TRUE(b.open(old, StagedFile::Mode::Replace).has_value());
        ASSERT_TRUE(b.write("half").has_value());
        StagedFile c;
        ASSERT_TRUE(c.open(old, StagedFile::Mode::Append).has_value());
        ASSERT_TRUE(c.write("half").has_value());
        // (On Linux the temporary files may have no name at all until committed: O_TMPFILE.)
    }
    EXPECT_FALSE(QFile::exists(fresh));
    EXPECT_EQ(contents(old), "old\n");
    EXPECT_EQ(entries(dir), QStringList{"old.csv"});
}

TEST(StagedFile, AppendAddsToTheEndOnCommit)
{
    QTemporaryDir dir;
    const QString target = dir.filePath("log.csv");
    put(target, "h\n1\n");
    StagedFile file;
    ASSERT_TRUE(file.open(target, StagedFile::Mode::Append).has_value());
    EXPECT_EQ(file.originalSize(), 4);
    ASSERT_TRUE(file.write("2\n").has_value());
    EXPECT_EQ(contents(target), "h\n1\n");
    ASSERT_TRUE(file.commit().has_value());
    EXPECT_EQ(contents(target), "h\n1\n2\n");
    EXPECT_EQ(entries(dir), QStringList{"log.csv"});
}

TEST(StagedFile, AppendToMissingFileCreatesIt)
{
    QTemporaryDir dir;
    const QString target = dir.filePath("new.csv");
    StagedFile file;
    ASSERT_TRUE(file.open(target, StagedFile::Mode::Append).has_value());
    EXPECT_EQ(file.originalSize(), 0);
    ASSERT_TRUE(file.write("x\n").has_value());
    ASSERT_TRUE(file.commit().has_value());
    EXPECT_EQ(contents(target), "x\n");
}

TEST(StagedFile, UnwritableTargetsFailToOpen)
{
    QTemporaryDir dir;
    put(dir.filePath("blocker"), "a file, not a folder");
    StagedFile file;
    EXPECT_FALSE(file.open(dir.filePath("blocker/out.csv"), StagedFile::Mode::Replace).has_value());
    EXPECT_FALSE(file.open(dir.filePath("missing/out.csv"), StagedFile::Mode::Replace).has_value());
    const auto folder = file.open(dir.path(), StagedFile::Mode::Replace);
    ASSERT_FALSE(folder.has_value());
    EXPECT_EQ(folder.error(), "is a folder");
    EXPECT_FALSE(file.isOpen());
}
