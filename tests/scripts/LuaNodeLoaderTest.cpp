// Lua node files: the spec they declare, and every way a file can be wrong, each a one-line error naming the
// file and the line.

#include "LuaNodeTestSupport.hpp"

#include "engine/FlowValidator.hpp"

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

const char* fullNode = R"lua(-- a comment first, so lines are not all 1
local rates = { EUR = 1.0, USD = 1.1 }

return {
  type = "acme.convert",
  version = 2,
  title = "Convert",
  category = "Money",
  description = "Converts amounts.",
  aliases = { "currency", "fx" },
  outputs = { "out", { name = "unknown", title = "Unknown currency" } },
  credentials = { "apiKey" },
  params = {
    { name = "field", type = "string", title = "Amount field", required = true, default = "amount" },
    { name = "to", type = "options", options = { "EUR", { value = "USD", title = "US dollar" } }, default = "USD" },
    { name = "digits", type = "integer", min = 0, max = 6, default = 2 },
    { name = "round", type = "boolean", default = true, showIf = { to = "USD" } },
    { name = "key", type = "credential", credentialType = "apiKey" },
  },
  capabilities = { files = "read", http = true },
  limits = { instructions = 5e7, memory = 32, timeout = 5 },
  execute = function(ctx, items) return { out = items } end,
}
)lua";

class LuaNodeLoading : public LuaNodeFixture {};

} // namespace

TEST_F(LuaNodeLoading, ReadsEveryPartOfTheSpec)
{
    auto loaded = LuaNodeLoader::load(fullNode, QStringLiteral("/x/convert.lua"));
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toStdString();
    const NodeSpec& s = (*loaded)->spec();
    EXPECT_EQ(s.type, u"acme.convert");
    EXPECT_EQ(s.version, 2);
    EXPECT_EQ(s.title, u"Convert");
    EXPECT_EQ(s.category, u"Money");
    EXPECT_EQ(s.aliases, QStringList({QStringLiteral("currency"), QStringLiteral("fx")}));
    ASSERT_EQ(s.inputs.size(), 1);
    EXPECT_EQ(s.inputs[0].name, u"in");
    EXPECT_EQ(s.inputMode, InputMode::Stream);
    ASSERT_EQ(s.outputs.size(), 2);
    EXPECT_EQ(s.outputs[1].name, u"unknown");
    EXPECT_EQ(s.outputs[1].title, u"Unknown currency");
    EXPECT_EQ(s.credentialTypes, QStringList{QStringLiteral("apiKey")});
    EXPECT_TRUE(s.requirements.contains(u"network"));
    ASSERT_EQ(s.params.size(), 5);
    EXPECT_TRUE(s.params[0].isRequired);
    EXPECT_EQ(s.params[0].defaultValue.toText(), u"amount");
    EXPECT_EQ(s.params[1].type, ParamType::Options);
    EXPECT_EQ(s.params[1].options[1].title, u"US dollar");
    EXPECT_EQ(s.params[1].defaultValue.toText(), u"USD");
    EXPECT_EQ(s.params[2].type, ParamType::Integer);
    EXPECT_EQ(*s.params[2].max, 6.0);
    EXPECT_EQ(s.params[3].showIf.size(), 1);
    EXPECT_EQ(s.params[4].credentialType, u"apiKey");
    const LuaScript& script = (*loaded)->declaration();
    EXPECT_TRUE(script.declared.readFiles);
    EXPECT_FALSE(script.declared.writeFiles);
    EXPECT_TRUE(script.declared.http);
    EXPECT_EQ(script.limits.instructionBudget, 50'000'000);
    EXPECT_EQ(script.limits.memoryLimit, std::size_t(32) << 20);
    EXPECT_EQ(script.limits.timeLimit.count(), 5000);
    EXPECT_EQ(script.outputs, QStringList({QStringLiteral("out"), QStringLiteral("unknown")}));
    // The spec serializes like a built-in's (taskloom nodes --json).
    const QString json = QString::fromUtf8(Json::serialize(s.toValue()));
    EXPECT_TRUE(json.contains(u"\"type\":\"acme.convert\"")) << json.toStdString();
}

TEST_F(LuaNodeLoading, MinimalNodeGetsDefaults)
{
    auto loaded = LuaNodeLoader::load("return { type = 'a.b', title = 'B', execute = function(ctx, items) return items end }",
                                      QStringLiteral("b.lua"));
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toStdString();
    const NodeSpec& s = (*loaded)->spec();
    EXPECT_EQ(s.category, u"Custom");
    EXPECT_EQ(s.inputs.size(), 1);
    EXPECT_EQ(s.outputs.size(), 1);
    EXPECT_EQ(s.outputs[0].name, u"out");
    EXPECT_FALSE((*loaded)->declaration().declared.readFiles);
}

// Each case: the file, and what the one-line error must contain (file name and line included).
TEST_F(LuaNodeLoading, BadFilesGiveOneLineErrorsWithFileAndLine)
{
    const QString head = QStringLiteral("return {\n  type = \"acme.x\",\n  title = \"X\",\n");
    const QString exec = QStringLiteral("  execute = function(ctx, items) return items end,\n}\n");
    const std::vector<std::pair<QString, QString>> cases = {
        {QStringLiteral("return {\n  type = \"acme.x\"\n  title = \"X\"\n}\n"), QStringLiteral("bad.lua:3: '}' expected (to close '{' at line 1) near 'title'")},
        {QStringLiteral("local x = nil\nreturn x.y\n"), QStringLiteral("bad.lua:2: attempt to index a nil value")},
        {QStringLiteral("return 42\n"), QStringLiteral("bad.lua: the file must return the node's table")},
        {QStringLiteral("return {\n  title = \"X\",\n") + exec, QStringLiteral("bad.lua:1: type: missing")},
        {QStringLiteral("return {\n  type = \"nodot\",\n  title = \"X\",\n") + exec, QStringLiteral("bad.lua:2: type: \"nodot\" is not a type id")},
        {QStringLiteral("return {\n  type = \"acme.x\",\n  tittle = \"X\",\n") + exec, QStringLiteral("bad.lua:3: tittle: unknown field (did you mean \"title\"?)")},
        {QStringLiteral("return {\n  type = \"acme.x\",\n  title = 7,\n") + exec, QStringLiteral("bad.lua:3: title: expected a string, found a number")},
        {head + QStringLiteral("  params = {\n    { name = \"a\" },\n    { name = \"b\", type = \"strng\" },\n  },\n") + exec,
         QStringLiteral("bad.lua:6: params[2] (\"b\").type: unknown type \"strng\" (string, text, number")},
        {head + QStringLiteral("  params = {\n    { name = \"mode\", type = \"options\",\n      options = { \"a\", \"b\" },\n      default = \"c\" },\n  },\n") + exec,
         QStringLiteral("bad.lua:7: params[1] (\"mode\").default: \"c\" is not one of the options")},
        {head + QStringLiteral("  params = {\n    { name = \"n\", type = \"number\", default = \"ten\" },\n  },\n") + exec,
         QStringLiteral("bad.lua:5: params[1] (\"n\").default: expected a number for a number parameter, found string")},
        {head + QStringLiteral("  params = {\n    { name = \"n\", type = \"options\" },\n  },\n") + exec,
         QStringLiteral("bad.lua:5: params[1] (\"n\").options: missing")},
        {head + QStringLiteral("  params = {\n    { name = \"a\" },\n    { name = \"a\" },\n  },\n") + exec,
         QStringLiteral("params[2].name: parameter \"a\" is declared twice")},
        {head + QStringLiteral("  params = {\n    { name = \"a\", requird = true },\n  },\n") + exec,
         QStringLiteral("bad.lua:5: params[1] (\"a\").requird: unknown field (did you mean \"required\"?)")},
        {head + QStringLiteral("  inputs = { \"a\", \"b\" },\n") + exec, QStringLiteral("bad.lua:4: inputs: a Lua node has one input or none")},
        {head + QStringLiteral("  outputs = { \"error\" },\n") + exec, QStringLiteral("bad.lua:4: outputs[1]: \"error\" is reserved")},
        {head + QStringLiteral("  mode = \"every\",\n") + exec, QStringLiteral("bad.lua:4: mode: \"every\" is not \"all\" or \"each\"")},
        {head + QStringLiteral("  capabilities = {\n    files = \"everything\" },\n") + exec,
         QStringLiteral("bad.lua:5: capabilities.files: \"everything\" is not one of \"read\", \"write\", \"read-write\"")},
        {head + QStringLiteral("  limits = { memory = 100000 },\n") + exec, QStringLiteral("bad.lua:4: limits.memory: 100000 is outside 1..4096 MiB")},
        {head + QStringLiteral("}\n"), QStringLiteral("bad.lua:1: execute: missing: the node needs execute = function(ctx, items) ... end")},
        {head + QStringLiteral("  execute = \"run\",\n}\n"), QStringLiteral("bad.lua:4: execute: expected a function, found a string")},
        {QStringLiteral("while true do end\n"), QStringLiteral("bad.lua:1: instruction budget of")},
        {QStringLiteral("local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end\n"), QStringLiteral("memory limit of 32 MiB exceeded")},
    };
    for (const auto& [source, expected] : cases) {
        const QString error = loadError(source, QStringLiteral("bad.lua"));
        ASSERT_FALSE(error.isEmpty()) << "loaded: " << source.toStdString();
        EXPECT_TRUE(error.contains(expected)) << "error:    " << error.toStdString() << "\nexpected: " << expected.toStdString();
        EXPECT_TRUE(error.startsWith(folder.path())) << "names the file: " << error.toStdString();
        EXPECT_FALSE(error.contains(u'\n')) << error.toStdString();
    }
}

TEST_F(LuaNodeLoading, FolderLoadsGoodFilesAndReportsBadOnes)
{
    write(QStringLiteral("a.lua"), QStringLiteral("return { type = 'x.a', title = 'A', execute = function(c, i) return i end }"));
    write(QStringLiteral("b.lua"), QStringLiteral("return { type = 'x.b', title = 'B' "));
    write(QStringLiteral("c.lua"), QStringLiteral("return { type = 'x.a', title = 'A again', execute = function(c, i) return i end }"));
    write(QStringLiteral("notes.txt"), QStringLiteral("not a node"));
    const LuaNodeLoader::Result r = LuaNodeLoader::loadFolder(folder.path());
    ASSERT_EQ(r.nodes.size(), 1);
    EXPECT_EQ(r.nodes[0]->spec().type, u"x.a");
    ASSERT_EQ(r.errors.size(), 2) << r.errors.join(u'\n').toStdString();
    EXPECT_TRUE(r.errors[0].contains(u"b.lua:1:")) << r.errors[0].toStdString();
    EXPECT_TRUE(r.errors[1].contains(u"type x.a is already declared by")) << r.errors[1].toStdString();
    EXPECT_TRUE(LuaNodeLoader::loadFolder(QDir(folder.path()).filePath(QStringLiteral("missing"))).errors.isEmpty());
}

TEST_F(LuaNodeLoading, BuiltInTypesCannotBeReplacedButBundledLuaOnesCan)
{
    write(QStringLiteral("code.lua"), QStringLiteral("return { type = 'code.lua', title = 'Mine', execute = function(c, i) return i end }"));
    write(QStringLiteral("regex.lua"), QStringLiteral("return { type = 'text.regexExtract', title = 'My regex', execute = function(c, i) return i end }"));
    const QStringList problems = loadLuaNodes(registry, {folder.path(), {}});
    ASSERT_EQ(problems.size(), 1) << problems.join(u'\n').toStdString();
    EXPECT_TRUE(problems[0].contains(u"type code.lua is a built-in node type")) << problems[0].toStdString();
    EXPECT_EQ(registry.find(u"code.lua")->spec().title, u"Lua Code");
    EXPECT_EQ(registry.find(u"text.regexExtract")->spec().title, u"My regex");
}

TEST_F(LuaNodeLoading, BundledNodesLoadWithoutProblems)
{
    const LuaNodeLoader::Result r = LuaNodeLoader::loadBundled();
    EXPECT_TRUE(r.errors.isEmpty()) << r.errors.join(u'\n').toStdString();
    ASSERT_FALSE(r.nodes.isEmpty());
    for (const auto& n : r.nodes) {
        EXPECT_TRUE(n->isBundled());
        EXPECT_NE(registry.find(n->spec().type), nullptr) << n->spec().type.toStdString();
    }
}

TEST_F(LuaNodeLoading, FlowValidatorChecksLuaNodeParamsLikeBuiltIns)
{
    add(QString::fromUtf8(fullNode));
    Flow f = flow({node(QStringLiteral("src"), QStringLiteral("test.source")),
                   node(QStringLiteral("c"), QStringLiteral("acme.convert"), Object{{"to", "GBP"}, {"digits", 9}})},
                  {wire(QStringLiteral("src"), QStringLiteral("c"))});
    QStringList problems;
    for (const Problem& p : FlowValidator(registry, &expressions).validate(f))
        problems.append(p.toString());
    const QString all = problems.join(u'\n');
    EXPECT_TRUE(all.contains(u"params.to")) << all.toStdString();
    EXPECT_TRUE(all.contains(u"params.digits")) << all.toStdString();
}
