// File watching with real files: new files fire once they stop growing, changes and deletions, patterns, and
// the files already there when watching starts.

#include "DaemonTestSupport.hpp"

#include "app/daemon/FileWatcher.hpp"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

using namespace taskloom;
using namespace taskloom::tests;
using daemon::FileWatcher;

namespace {

class Watch : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("old.csv")), "already here");
    }
    void watch(int debounceMs)
    {
        watcher = std::make_unique<FileWatcher>(dir.path(), QStringList{QStringLiteral("*.csv")}, debounceMs,
                                                [this](const FileWatcher::Event& e) { events.append(e); });
        QString error;
        ASSERT_TRUE(watcher->start(&error)) << error.toStdString();
    }
    QStringList kinds() const
    {
        QStringList out;
        for (const auto& e : events)
            out.append(e.kind + u' ' + QFileInfo(e.path).fileName());
        return out;
    }

    QTemporaryDir dir;
    std::unique_ptr<FileWatcher> watcher;
    QList<FileWatcher::Event> events;
};

} // namespace

TEST_F(Watch, AGrowingFileFiresOnceAfterItStopsGrowing)
{
    watch(1500); // generous: the machine may be loaded, and a stall longer than this would look like a pause
    QFile f(dir.filePath(QStringLiteral("new.csv")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    QElapsedTimer t;
    t.start();
    // Keep appending for ~2 s, far more often than the quiet time: nothing may fire meanwhile.
    for (int i = 0; i < 20; ++i) {
        f.write("row\n");
        f.flush();
        waitFor([] { return false; }, 100);
        EXPECT_TRUE(events.isEmpty()) << "fired while the file was still growing, after " << t.elapsed() << " ms";
    }
    f.close();
    ASSERT_TRUE(waitFor([&] { return !events.isEmpty(); }, 10000));
    EXPECT_GE(t.elapsed(), 2000 + 1500 - 100) << "fired before the quiet time had passed";
    waitFor([] { return false; }, 1000);
    ASSERT_EQ(kinds(), QStringList{QStringLiteral("new new.csv")});
    EXPECT_EQ(events[0].size, 80);
}

TEST_F(Watch, ChangesDeletionsAndPatterns)
{
    watch(100);
    writeFile(dir.filePath(QStringLiteral("skip.txt")), "not a csv");
    writeFile(dir.filePath(QStringLiteral("a.csv")), "1");
    ASSERT_TRUE(waitFor([&] { return events.size() == 1; }, 10000));
    writeFile(dir.filePath(QStringLiteral("a.csv")), "1,2,3");
    ASSERT_TRUE(waitFor([&] { return events.size() == 2; }, 10000));
    QFile::remove(dir.filePath(QStringLiteral("old.csv")));
    ASSERT_TRUE(waitFor([&] { return events.size() == 3; }, 10000));
    waitFor([] { return false; }, 300);
    EXPECT_EQ(kinds(), (QStringList{QStringLiteral("new a.csv"), QStringLiteral("changed a.csv"), QStringLiteral("deleted old.csv")}));
}

TEST(WatchFolder, AMissingFolderIsAClearError)
{
    FileWatcher w(QStringLiteral("/nonexistent/inbox"), {QStringLiteral("*")}, 100, [](const FileWatcher::Event&) {});
    QString error;
    EXPECT_FALSE(w.start(&error));
    EXPECT_EQ(error, QStringLiteral("the folder /nonexistent/inbox does not exist"));
}

TEST_F(Watch, ASavedBaselineReportsWhatHappenedWhileNobodyWatched)
{
    writeFile(dir.filePath(QStringLiteral("kept.csv")), "same");
    writeFile(dir.filePath(QStringLiteral("edited.csv")), "before");
    FileWatcher::Snapshot saved;
    {
        FileWatcher first(dir.path(), {QStringLiteral("*.csv")}, 100, [](const FileWatcher::Event&) {});
        first.setSnapshotCallback([&](const FileWatcher::Snapshot& s) { saved = s; });
        QString error;
        ASSERT_TRUE(first.start(&error)) << error.toStdString();
    }
    ASSERT_EQ(saved.size(), 3); // old.csv, kept.csv, edited.csv
    saved.insert(QStringLiteral("/elsewhere/ignored.csv"), {1, QDateTime::currentDateTimeUtc()});
    // While nobody watches: one file arrives, one changes, one goes.
    writeFile(dir.filePath(QStringLiteral("arrived.csv")), "new");
    writeFile(dir.filePath(QStringLiteral("edited.csv")), "after, longer");
    QFile::remove(dir.filePath(QStringLiteral("old.csv")));

    FileWatcher::Snapshot latest;
    watcher = std::make_unique<FileWatcher>(dir.path(), QStringList{QStringLiteral("*.csv")}, 100,
                                            [this](const FileWatcher::Event& e) { events.append(e); });
    watcher->setBaseline(saved);
    watcher->setSnapshotCallback([&](const FileWatcher::Snapshot& s) { latest = s; });
    QString error;
    ASSERT_TRUE(watcher->start(&error)) << error.toStdString();
    ASSERT_TRUE(waitFor([&] { return events.size() == 3; }, 10000)) << kinds().join(u',').toStdString();
    waitFor([] { return false; }, 300);
    QStringList k = kinds();
    k.sort();
    EXPECT_EQ(k, (QStringList{QStringLiteral("changed edited.csv"), QStringLiteral("deleted old.csv"), QStringLiteral("new arrived.csv")}));
    EXPECT_EQ(latest.size(), 3);
    EXPECT_TRUE(latest.contains(dir.filePath(QStringLiteral("arrived.csv"))));
    EXPECT_FALSE(latest.contains(dir.filePath(QStringLiteral("old.csv"))));
}
