#include "nodes/core/FileGlob.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace taskloom::nodes::core;

namespace {

class FileGlobTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const char* path : {"a.csv", "b.csv", "c.txt", ".hidden.csv", "data/x.csv", "data/y.txt",
                                 "data/deep/z.csv", "data/.secret/s.csv", "other/x.csv", "scan[1].pdf"}) {
            const QString full = m_dir.filePath(QString::fromLatin1(path));
            QDir().mkpath(QFileInfo(full).absolutePath());
            QFile f(full);
            ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        }
    }

    QStringList expand(const QString& pattern) const
    {
        QStringList relative;
        for (const QString& p : FileGlob::expand(m_dir.path() + u'/' + pattern))
            relative.append(QDir(m_dir.path()).relativeFilePath(p));
        return relative;
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(FileGlobTest, StarMatchesWithinOneFolderAndSkipsHiddenFiles)
{
    EXPECT_EQ(expand("*.csv"), (QStringList{"a.csv", "b.csv"}));
    EXPECT_EQ(expand(".*.csv"), (QStringList{".hidden.csv"}));
    EXPECT_EQ(expand("?.txt"), (QStringList{"c.txt"}));
}

TEST_F(FileGlobTest, DoubleStarMatchesAnyDepthSorted)
{
    EXPECT_EQ(expand("**/*.csv"), (QStringList{"a.csv", "b.csv", "data/deep/z.csv", "data/x.csv", "other/x.csv"}));
    EXPECT_EQ(expand("data/**"), (QStringList{"data/deep/z.csv", "data/x.csv", "data/y.txt"}));
}

TEST_F(FileGlobTest, WildcardFoldersSetsAndAlternatives)
{
    EXPECT_EQ(expand("*/x.csv"), (QStringList{"data/x.csv", "other/x.csv"}));
    EXPECT_EQ(expand("[ab].csv"), (QStringList{"a.csv", "b.csv"}));
    EXPECT_EQ(expand("[!a].csv"), (QStringList{"b.csv"}));
    EXPECT_EQ(expand("*.{csv,txt}"), (QStringList{"a.csv", "b.csv", "c.txt"}));
}

TEST_F(FileGlobTest, NoMatchIsEmpty)
{
    EXPECT_TRUE(expand("*.xlsx").isEmpty());
    EXPECT_TRUE(expand("missing/*.csv").isEmpty());
}

TEST(FileGlob, RecognisesPatterns)
{
    EXPECT_TRUE(FileGlob::isPattern(u"data/*.csv"));
    EXPECT_TRUE(FileGlob::isPattern(u"scan[1].pdf"));
    EXPECT_FALSE(FileGlob::isPattern(u"data/orders.csv"));
}
