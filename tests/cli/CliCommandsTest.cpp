// taskloom nodes, --help, --version and usage errors.

#include "CliTestSupport.hpp"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace taskloom::tests {

namespace {

class CliCommandsTest : public CliTest {};

} // namespace

TEST_F(CliCommandsTest, NodesJsonHasEveryListedType)
{
    const CliResult text = run({QStringLiteral("nodes")});
    EXPECT_EQ(text.exitCode, 0) << text.describe();
    // "  core.csvRead           Read CSV" under each category heading.
    static const QRegularExpression row(QStringLiteral("^  ([a-z][A-Za-z0-9]*\\.[A-Za-z0-9.]+) +\\S"));
    QSet<QString> listed;
    for (const QString& line : text.outText().split(u'\n')) {
        const auto m = row.match(line);
        if (m.hasMatch())
            listed.insert(m.captured(1));
    }
    EXPECT_TRUE(listed.contains(QStringLiteral("core.csvRead"))) << text.describe();
    EXPECT_TRUE(listed.contains(QStringLiteral("code.lua"))) << text.describe();

    const CliResult json = run({QStringLiteral("nodes"), QStringLiteral("--json")});
    EXPECT_EQ(json.exitCode, 0) << json.describe();
    const QJsonObject root = parseJson(json.out).object();
    QSet<QString> specified;
    for (const QJsonValue& n : root.value(u"nodes").toArray()) {
        const QJsonObject spec = n.toObject();
        specified.insert(spec.value(u"type").toString());
        EXPECT_FALSE(spec.value(u"title").toString().isEmpty()) << spec.value(u"type").toString().toStdString();
        EXPECT_TRUE(spec.value(u"params").isArray()) << spec.value(u"type").toString().toStdString();
    }
    EXPECT_EQ(listed, specified);

    // The generic credential types, with which fields are secret.
    QHash<QString, QJsonObject> credentialTypes;
    for (const QJsonValue& c : root.value(u"credentialTypes").toArray())
        credentialTypes.insert(c.toObject().value(u"type").toString(), c.toObject());
    for (const QString& type : {QStringLiteral("token"), QStringLiteral("usernamePassword"), QStringLiteral("apiKey")}) {
        ASSERT_TRUE(credentialTypes.contains(type)) << type.toStdString() << "\n" << json.describe();
        EXPECT_FALSE(credentialTypes[type].value(u"title").toString().isEmpty());
        EXPECT_FALSE(credentialTypes[type].value(u"description").toString().isEmpty());
    }
    QHash<QString, bool> secret;
    for (const QJsonValue& f : credentialTypes[QStringLiteral("usernamePassword")].value(u"fields").toArray())
        secret.insert(f.toObject().value(u"name").toString(), f.toObject().value(u"secret").toBool());
    EXPECT_EQ(secret, (QHash<QString, bool>{{QStringLiteral("username"), false}, {QStringLiteral("password"), true}}));
}

TEST_F(CliCommandsTest, NodesDescribesOneType)
{
    const CliResult r = run({QStringLiteral("nodes"), QStringLiteral("core.set")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    const QString text = r.outText();
    EXPECT_TRUE(text.startsWith(QStringLiteral("Set Fields (core.set, version 1)"))) << r.describe();
    EXPECT_TRUE(text.contains(QStringLiteral("fields (list, required)"))) << r.describe();
    EXPECT_TRUE(text.contains(QStringLiteral("name (string, required)"))) << r.describe();
    EXPECT_TRUE(text.contains(QStringLiteral("keepOnlySet (boolean) = false"))) << r.describe();

    const CliResult json = run({QStringLiteral("nodes"), QStringLiteral("core.set"), QStringLiteral("--json")});
    const QJsonArray nodes = parseJson(json.out).object().value(u"nodes").toArray();
    ASSERT_EQ(nodes.size(), 1) << json.describe();
    EXPECT_EQ(nodes[0].toObject().value(u"type").toString(), QStringLiteral("core.set"));

    const CliResult unknown = run({QStringLiteral("nodes"), QStringLiteral("core.nosuch")});
    EXPECT_EQ(unknown.exitCode, 2) << unknown.describe();
    ASSERT_EQ(unknown.errLines().size(), 1) << unknown.describe();
    EXPECT_TRUE(unknown.errText().contains(QStringLiteral("\"core.nosuch\""))) << unknown.describe();
}

TEST_F(CliCommandsTest, HelpOnEveryCommand)
{
    const QList<QStringList> commands{
        {QStringLiteral("--help")},
        {QStringLiteral("help")},
        {QStringLiteral("run"), QStringLiteral("--help")},
        {QStringLiteral("validate"), QStringLiteral("--help")},
        {QStringLiteral("nodes"), QStringLiteral("--help")},
        {QStringLiteral("runs"), QStringLiteral("--help")},
        {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--help")},
        {QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("--help")},
        {QStringLiteral("runs"), QStringLiteral("prune"), QStringLiteral("--help")},
        {QStringLiteral("credentials"), QStringLiteral("--help")},
        {QStringLiteral("credentials"), QStringLiteral("add"), QStringLiteral("--help")},
        {QStringLiteral("credentials"), QStringLiteral("authorize"), QStringLiteral("--help")},
        {QStringLiteral("credentials"), QStringLiteral("list"), QStringLiteral("--help")},
        {QStringLiteral("credentials"), QStringLiteral("remove"), QStringLiteral("--help")},
    };
    for (const QStringList& args : commands) {
        SCOPED_TRACE(args.join(u' ').toStdString());
        const CliResult r = run(args);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        EXPECT_FALSE(r.out.isEmpty()) << r.describe();
        EXPECT_TRUE(r.err.isEmpty()) << r.describe();
        // Sub-command help names the command as typed, not the binary's path.
        if (args.size() > 1 && args.first() != u"runs" && args.first() != u"credentials") {
            const QString command = QStringList(args.mid(0, args.size() - 1)).join(u' ');
            EXPECT_TRUE(r.outText().startsWith(QStringLiteral("Usage: taskloom ") + command + u' ')) << r.describe();
        }
        if (args.size() > 2) {
            const QString command = QStringList(args.mid(0, 2)).join(u' ');
            EXPECT_TRUE(r.outText().startsWith(QStringLiteral("Usage: taskloom ") + command + u' ')) << r.describe();
        }
    }
    // Help opens nothing: no data folder, no run store, no vault, no key.
    EXPECT_FALSE(QFileInfo::exists(dataDir()));
    EXPECT_FALSE(QFileInfo::exists(keyFile()));
}

TEST_F(CliCommandsTest, UnknownCommandsAndOptionsAreUsageErrors)
{
    const QList<QStringList> commands{
        {},
        {QStringLiteral("frobnicate")},
        {QStringLiteral("run")},
        {QStringLiteral("run"), QStringLiteral("a.flow.json"), QStringLiteral("--bogus")},
        {QStringLiteral("run"), QStringLiteral("a.flow.json"), QStringLiteral("b.flow.json")},
        {QStringLiteral("validate"), QStringLiteral("--bogus"), QStringLiteral("a.flow.json")},
        {QStringLiteral("nodes"), QStringLiteral("--bogus")},
        {QStringLiteral("runs")},
        {QStringLiteral("runs"), QStringLiteral("frob")},
        {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("lots")},
        {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("sleepy")},
        {QStringLiteral("runs"), QStringLiteral("show")},
        {QStringLiteral("credentials")},
        {QStringLiteral("credentials"), QStringLiteral("frob")},
        {QStringLiteral("credentials"), QStringLiteral("add"), QStringLiteral("name-only")},
        {QStringLiteral("credentials"), QStringLiteral("remove")},
        {QStringLiteral("credentials"), QStringLiteral("list"), QStringLiteral("--bogus")},
    };
    for (const QStringList& args : commands) {
        SCOPED_TRACE(args.join(u' ').toStdString());
        const CliResult r = run(args);
        EXPECT_EQ(r.exitCode, 2) << r.describe();
        EXPECT_TRUE(r.out.isEmpty()) << r.describe();
        if (!args.isEmpty()) { // bare `taskloom` prints the usage text
            EXPECT_EQ(r.errLines().size(), 1) << r.describe();
        }
    }
    EXPECT_FALSE(QFileInfo::exists(keyFile())) << "a usage error never creates a vault key";
}

TEST_F(CliCommandsTest, Version)
{
    const CliResult r = run({QStringLiteral("--version")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^taskloom \\d+\\.\\d+\\.\\d+\\n$")).match(r.outText()).hasMatch()) << r.describe();
}

} // namespace taskloom::tests
