#include "TestNodes.hpp"

#include "engine/FlowReader.hpp"
#include "engine/FlowWriter.hpp"
#include "engine/Json.hpp"
#include "nodes/core/CorePack.hpp"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Flow sampleFlow()
{
    FlowNode trigger = node(QStringLiteral("t"), QStringLiteral("core.manualTrigger"));
    trigger.name = QStringLiteral("Start");
    trigger.position = {10, 20};
    FlowNode flaky = node(QStringLiteral("f"), QStringLiteral("test.flaky"), Object{{"failures", 2}, {"retryable", true}});
    flaky.position = {250.5, -40};
    flaky.settings.retry = RetryPolicy{3, 500, 2, 10000};
    flaky.settings.timeoutMs = 1500;
    flaky.settings.onError = OnError::Route;
    flaky.settings.notes = QStringLiteral("talks to the flaky server");
    FlowNode done = node(QStringLiteral("d"), QStringLiteral("core.noop"));
    done.settings.disabled = true;
    FlowNode errors = node(QStringLiteral("e"), QStringLiteral("core.noop"));
    Flow f = makeFlow({trigger, flaky, done, errors},
                      {wire("f", "e", "error"), wire("f", "d"), wire("t", "f")});
    f.description = QStringLiteral("All the fields");
    f.variables = Object{{"zeta", 1}, {"alpha", "a"}};
    f.settings.storeItemData = StoreItemData::None;
    f.settings.timeoutMs = 90000;
    f.settings.extra = Object{{"owner", "ops"}};
    f.pinData = Object{{"t", Array{Object{{"x", 1}}}}};
    f.notes.push_back(StickyNote{QStringLiteral("n1"), QStringLiteral("Read me"), {5, 6}, 300, 80, QStringLiteral("yellow")});
    f.meta = Object{{"createdWith", "tests"}};
    f.extra = Object{{"zzz", 1}, {"aaa", Array{true}}};
    return f;
}

// The file format, checked by hand once: any change to it shows here. Containers that fit in 100 columns stay
// on one line.
const char* const sampleText = R"({
  "format": "taskloom-flow",
  "version": 1,
  "id": "5f1c3a2e-0000-4000-8000-000000000001",
  "name": "test flow",
  "description": "All the fields",
  "nodes": [
    {
      "id": "t",
      "type": "core.manualTrigger",
      "typeVersion": 1,
      "name": "Start",
      "position": [10, 20],
      "params": {}
    },
    {
      "id": "f",
      "type": "test.flaky",
      "typeVersion": 1,
      "name": "f",
      "position": [250.5, -40],
      "params": {"failures": 2, "retryable": true},
      "settings": {
        "retry": {"count": 3, "backoff": 0.5, "factor": 2, "maxBackoff": 10},
        "timeout": 1.5,
        "onError": "route",
        "notes": "talks to the flaky server"
      }
    },
    {
      "id": "d",
      "type": "core.noop",
      "typeVersion": 1,
      "name": "d",
      "position": [0, 0],
      "params": {},
      "settings": {"disabled": true}
    },
    {
      "id": "e",
      "type": "core.noop",
      "typeVersion": 1,
      "name": "e",
      "position": [0, 0],
      "params": {}
    }
  ],
  "connections": [
    {"from": "t", "output": "out", "to": "f", "input": "in"},
    {"from": "f", "output": "error", "to": "e", "input": "in"},
    {"from": "f", "output": "out", "to": "d", "input": "in"}
  ],
  "variables": {"zeta": 1, "alpha": "a"},
  "settings": {"storeItemData": "none", "timeout": 90, "owner": "ops"},
  "pinData": {"t": [{"x": 1}]},
  "notes": [
    {
      "id": "n1",
      "text": "Read me",
      "position": [5, 6],
      "width": 300,
      "height": 80,
      "color": "yellow"
    }
  ],
  "meta": {"createdWith": "tests"},
  "aaa": [true],
  "zzz": 1
}
)";

TEST(FlowWriter, WritesEveryFieldInAFixedOrder)
{
    EXPECT_EQ(QString::fromUtf8(FlowWriter::serialize(sampleFlow())), QString::fromUtf8(sampleText));
}

TEST(FlowWriter, DefaultsAreOmitted)
{
    const Flow f = makeFlow({node(QStringLiteral("a"), QStringLiteral("core.noop"))}, {});
    const Object o = FlowWriter::toObject(f);
    EXPECT_EQ(o.keys(), (QStringList{"format", "version", "id", "name", "nodes", "connections"}));
    EXPECT_EQ(o.value(u"nodes").arrayRef().at(0).objectRef().keys(),
              (QStringList{"id", "type", "typeVersion", "name", "position", "params"}));
}

TEST(FlowWriter, LoadSaveLoadSaveGivesIdenticalBytes)
{
    auto registry = makeRegistry();
    const QByteArray first = FlowWriter::serialize(sampleFlow());
    const FlowReader::Result r1 = FlowReader::parse(first, *registry);
    ASSERT_TRUE(r1.ok());
    const QByteArray second = FlowWriter::serialize(*r1.flow);
    const FlowReader::Result r2 = FlowReader::parse(second, *registry);
    ASSERT_TRUE(r2.ok());
    const QByteArray third = FlowWriter::serialize(*r2.flow);
    EXPECT_EQ(first, second);
    EXPECT_EQ(second, third);
    EXPECT_EQ(FlowWriter::toObject(*r1.flow), FlowWriter::toObject(sampleFlow()));
}

TEST(FlowWriter, HandWrittenFlowsSettleAfterOneSave)
{
    auto registry = makeRegistry();
    const QByteArray messy = R"({"id":"x","version":1,"format":"taskloom-flow","name":"n","nodes":[
        {"name":"B","type":"core.noop","id":"b","position":{"x":1,"y":2}},
        {"id":"a","type":"core.manualTrigger","name":"A","settings":{"onError":"stop","disabled":false,"timeout":0}}],
        "connections":[{"to":"b","from":"a"}],"settings":{},"variables":{}})";
    const FlowReader::Result r1 = FlowReader::parse(messy, *registry);
    ASSERT_TRUE(r1.ok());
    const QByteArray once = FlowWriter::serialize(*r1.flow);
    const QByteArray twice = FlowWriter::serialize(*FlowReader::parse(once, *registry).flow);
    EXPECT_EQ(once, twice);
    EXPECT_FALSE(once.contains("\"settings\"")); // all defaults
    EXPECT_TRUE(once.contains(R"({"from": "a", "output": "out", "to": "b", "input": "in"})"));
}

TEST(FlowWriter, UnknownNodeTypesSaveBackByteIdentical)
{
    // Saved where a pack provides test.flaky, opened and saved where it does not.
    auto full = makeRegistry();
    NodeRegistry coreOnly;
    taskloom::nodes::core::registerCoreNodes(coreOnly);
    const QByteArray original = FlowWriter::serialize(sampleFlow());
    const FlowReader::Result r = FlowReader::parse(original, coreOnly);
    ASSERT_TRUE(r.flow.has_value());
    ASSERT_TRUE(r.flow->nodes[1].placeholder);
    EXPECT_EQ(FlowWriter::serialize(*r.flow), original);

    // A placeholder moved or renamed in the studio keeps everything else.
    Flow moved = *r.flow;
    moved.nodes[1].position = {1, 2};
    moved.nodes[1].name = QStringLiteral("Renamed");
    const Object saved = FlowWriter::toObject(moved).value(u"nodes").arrayRef().at(1).objectRef();
    EXPECT_EQ(toJson(Value(saved)),
              R"({"id":"f","type":"test.flaky","typeVersion":1,"name":"Renamed","position":[1,2],)"
              R"("params":{"failures":2,"retryable":true},"settings":{"retry":{"count":3,"backoff":0.5,"factor":2,)"
              R"("maxBackoff":10},"timeout":1.5,"onError":"route","notes":"talks to the flaky server"}})");
}

TEST(FlowWriter, SaveLeavesNoTemporaryFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders.flow.json"));
    ASSERT_TRUE(FlowWriter::save(sampleFlow(), path).has_value());
    EXPECT_EQ(readAll(path), FlowWriter::serialize(sampleFlow()));
    Flow changed = sampleFlow();
    changed.name = QStringLiteral("renamed");
    ASSERT_TRUE(FlowWriter::save(changed, path).has_value());
    EXPECT_EQ(readAll(path), FlowWriter::serialize(changed));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{"orders.flow.json"});
}

// Makes a folder unwritable for the life of the guard; root ignores permission bits, so it uses chattr +i then.
class ReadOnlyFolder {
public:
    explicit ReadOnlyFolder(QString path) : m_path(std::move(path))
    {
        if (geteuid() == 0)
            m_ok = QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), m_path}) == 0;
        else
            m_ok = QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ExeOwner);
    }
    ~ReadOnlyFolder()
    {
        if (geteuid() == 0)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), m_path});
        else
            QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    bool ok() const { return m_ok; }

private:
    QString m_path;
    bool m_ok = false;
};

TEST(FlowWriter, FailedSaveLeavesTheOldFileUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders.flow.json"));
    ASSERT_TRUE(FlowWriter::save(sampleFlow(), path).has_value());
    const QByteArray before = readAll(path);
    Flow changed = sampleFlow();
    changed.name = QStringLiteral("never saved");
    {
        ReadOnlyFolder guard(dir.path());
        if (!guard.ok())
            GTEST_SKIP() << "cannot make a folder read-only here";
        const auto saved = FlowWriter::save(changed, path);
        ASSERT_FALSE(saved.has_value());
        EXPECT_TRUE(saved.error().contains(path)) << saved.error().toStdString();
    }
    EXPECT_EQ(readAll(path), before);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{"orders.flow.json"});
}

TEST(FlowWriter, SaveIntoAMissingFolderFails)
{
    QTemporaryDir dir;
    const auto saved = FlowWriter::save(sampleFlow(), dir.filePath(QStringLiteral("no/such/folder/a.flow.json")));
    EXPECT_FALSE(saved.has_value());
}

} // namespace
