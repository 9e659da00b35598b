#include "FileNodesTestSupport.hpp"

#include "engine/Binary.hpp"

using namespace taskloom;
using namespace taskloom::engine;

namespace {

class FileNodes : public tests::FlowFixture {};

} // namespace

TEST_F(FileNodes, ReadFilesExpandsAPatternLazilyInSortedOrder)
{
    for (const char* name : {"in/c.txt", "in/a.txt", "in/sub/b.txt", "in/e.csv", "in/d.txt"})
        put(QString::fromLatin1(name), QByteArray("text of ") + name);
    add("Start", "core.manualTrigger");
    add("Read", "core.readFiles", {{"path", "in/**/*.txt"}, {"mode", "text"}});
    chain({"Start", "Read"});
    const RunResult r = run(2);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    QStringList names;
    for (const Item& i : r.output)
        names.append(i.json().value(u"fileName").toText());
    EXPECT_EQ(names, (QStringList{"a.txt", "c.txt", "d.txt", "b.txt"})); // sorted by path: in/sub/b.txt last
    const Object& first = r.output[0].json();
    EXPECT_EQ(first.keys(), (QStringList{"path", "fileName", "size", "modified", "text"}));
    EXPECT_EQ(first.value(u"path").toText(), QDir::toNativeSeparators(path("in/a.txt")));
    EXPECT_EQ(first.value(u"size").toInt(), 16);
    EXPECT_EQ(first.value(u"text").toText(), "text of in/a.txt");
    EXPECT_TRUE(QDateTime::fromString(first.value(u"modified").toText(), Qt::ISODateWithMs).isValid());
}

TEST_F(FileNodes, PatternWithoutMatchWarnsButMissingPathFails)
{
    add("Start", "core.manualTrigger");
    add("Read", "core.readFiles", {{"path", "nothing/*.pdf"}});
    chain({"Start", "Read"});
    const RunResult none = run();
    EXPECT_EQ(none.status, RunStatus::Succeeded) << none.error.toStdString();
    EXPECT_TRUE(none.output.isEmpty());
    ASSERT_EQ(m_warnings.messages.size(), 1);
    EXPECT_TRUE(m_warnings.messages[0].startsWith("parameter \"path\" = \"nothing/*.pdf\": no file matches"));

    m_flow.nodes[1].params.insert(QStringLiteral("path"), QStringLiteral("scan.pdf"));
    const RunResult missing = run();
    EXPECT_EQ(missing.status, RunStatus::Failed);
    EXPECT_EQ(missing.errorCode, "FILE_NOT_FOUND");
    EXPECT_TRUE(missing.error.contains(QStringLiteral("parameter \"path\" = \"scan.pdf\": no such file (%1)")
                                           .arg(QDir::toNativeSeparators(path("scan.pdf")))))
        << missing.error.toStdString();
}

TEST_F(FileNodes, BinaryReadAndWriteKeepEveryByte)
{
    QByteArray bytes;
    for (int i = 0; i < 5000; ++i)
        bytes.append(char(i * 7));
    put("scan[1].png", bytes); // a name that looks like a pattern is still read as the file it names
    add("Start", "core.manualTrigger");
    add("Read", "core.readFiles", {{"path", "scan[1].png"}});
    add("Write", "core.writeFile", {{"path", "copy/out.png"}, {"source", "binary"}});
    chain({"Start", "Read", "Write"});
    const RunResult r = run();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    const BinaryRef binary = r.output[0].binary(QStringLiteral("data"));
    ASSERT_TRUE(binary);
    EXPECT_EQ(binary->mimeType(), "image/png");
    EXPECT_EQ(contents("copy/out.png"), bytes);
    EXPECT_EQ(r.output[0].json().value(u"path").toText(), QDir::toNativeSeparators(path("copy/out.png")));
    EXPECT_EQ(r.output[0].json().value(u"size").toInt(), 5000);
}

TEST_F(FileNodes, WriteFileReplacesAppendsOrRefuses)
{
    put("note.txt", "old");
    add("Start", "core.manualTrigger");
    add("Write", "core.writeFile", {{"path", "note.txt"}, {"text", "new"}});
    chain({"Start", "Write"});
    ASSERT_EQ(run().status, RunStatus::Succeeded);
    EXPECT_EQ(contents("note.txt"), "new");

    m_flow.nodes[1].params.insert(QStringLiteral("mode"), QStringLiteral("append"));
    ASSERT_EQ(run(1024, {Item(), Item()}).status, RunStatus::Succeeded);
    EXPECT_EQ(contents("note.txt"), "newnewnew");

    m_flow.nodes[1].params.insert(QStringLiteral("mode"), QStringLiteral("failIfExists"));
    const RunResult refused = run();
    EXPECT_EQ(refused.errorCode, "FILE_EXISTS");
    EXPECT_EQ(contents("note.txt"), "newnewnew");
    EXPECT_EQ(files(), QStringList{"note.txt"});
}

TEST_F(FileNodes, WriteFileEncodesText)
{
    add("Start", "core.manualTrigger");
    add("Write", "core.writeFile", {{"path", "u16.txt"}, {"text", QStringLiteral("h\u00e9")}, {"encoding", "utf-16"}});
    chain({"Start", "Write"});
    ASSERT_EQ(run().status, RunStatus::Succeeded);
    EXPECT_EQ(contents("u16.txt"), QByteArray("\xFF\xFEh\0\xE9\0", 6));
    m_flow.nodes[1].params.insert(QStringLiteral("encoding"), QStringLiteral("latin1"));
    m_flow.nodes[1].params.insert(QStringLiteral("text"), QStringLiteral("\u6771"));
    const RunResult r = run();
    EXPECT_EQ(r.errorCode, "ENCODING_ERROR");
    EXPECT_EQ(contents("u16.txt"), QByteArray("\xFF\xFEh\0\xE9\0", 6)); // the failed write changed nothing
}

TEST_F(FileNodes, UnwritablePathIsAClearError)
{
    put("blocker", "a file where a folder should be");
    add("Start", "core.manualTrigger");
    add("Write", "core.writeFile", {{"path", "blocker/out.txt"}, {"text", "x"}});
    chain({"Start", "Write"});
    const RunResult r = run();
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "FILE_WRITE_FAILED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("parameter \"path\" = \"blocker/out.txt\": cannot create the folder")))
        << r.error.toStdString();

    m_flow.nodes[1].params.insert(QStringLiteral("createFolders"), false);
    m_flow.nodes[1].params.insert(QStringLiteral("path"), QStringLiteral("missing/out.txt"));
    const RunResult noFolder = run();
    EXPECT_TRUE(noFolder.error.contains("the folder does not exist")) << noFolder.error.toStdString();
}

TEST_F(FileNodes, MissingAttachmentNamesWhatTheItemHas)
{
    put("a.bin", "x");
    add("Start", "core.manualTrigger");
    add("Read", "core.readFiles", {{"path", "a.bin"}, {"binaryField", "file"}});
    add("Write", "core.writeFile", {{"path", "b.bin"}, {"source", "binary"}});
    chain({"Start", "Read", "Write"});
    const RunResult r = run();
    EXPECT_EQ(r.errorCode, "BINARY_MISSING");
    EXPECT_TRUE(r.error.contains("parameter \"binaryField\" = \"data\": the item has no attachment of that name (it has: file)"))
        << r.error.toStdString();
}
