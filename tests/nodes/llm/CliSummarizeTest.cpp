// taskloom summarize end to end (the real binary), offline and against a loopback Chat Completions server; and the
// summarize-folder example flow.

#include "CliTestSupport.hpp"
#include "ChatWire.hpp"

#include "nodes/llm/TextRankSummarizer.hpp"

#include <QDir>
#include <QFile>

#include <atomic>

namespace taskloom::tests {
namespace {

using chat::Server;

const QString data = QStringLiteral(TASKLOOM_TEST_DATA "/llm/");

class CliSummarize : public CliTest {
protected:
    /// Runs taskloom with extra environment variables.
    CliResult runWith(const QStringList& args, const QList<std::pair<QString, QString>>& env, const QByteArray& input = {}) const
    {
        QProcess p;
        QProcessEnvironment e = environment();
        for (const auto& [k, v] : env)
            e.insert(k, v);
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(TASKLOOM_CLI), args);
        EXPECT_TRUE(p.waitForStarted());
        p.write(input);
        p.closeWriteChannel();
        CliResult r;
        r.crashed = !p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
};

TEST_F(CliSummarize, OfflineFromAFile)
{
    const CliResult r = run({QStringLiteral("summarize"), QStringLiteral("--sentences"), QStringLiteral("2"), data + QStringLiteral("harbor-barrier.en.txt")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(r.outText().startsWith(QStringLiteral("Harbor City will build a $3.5 billion storm-surge barrier"))) << r.describe();
    QFile f(data + QStringLiteral("harbor-barrier.en.txt"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const auto expected = nodes::llm::TextRankSummarizer::summarize(QString::fromUtf8(f.readAll()), {.sentences = 2});
    ASSERT_EQ(expected.sentences.size(), 2);
    EXPECT_EQ(r.outText(), expected.text() + u'\n') << "the command gives what the library gives";
    EXPECT_TRUE(r.err.isEmpty()) << r.describe();
}

TEST_F(CliSummarize, OfflineFromStandardInputAsBullets)
{
    QFile f(data + QStringLiteral("bike-sharing.ko.txt"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const CliResult r = run({QStringLiteral("summarize"), QStringLiteral("--style"), QStringLiteral("bullets"), QStringLiteral("-")}, f.readAll());
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    const QStringList lines = r.outText().trimmed().split(u'\n');
    ASSERT_EQ(lines.size(), 3) << r.describe();
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("- 서울시가 공공자전거 따릉이를"))) << r.describe();
}

TEST_F(CliSummarize, WithAServerAndTheKeyFromTheEnvironment)
{
    Server server([](const Server::Request&) { return chat::streamed({QStringLiteral("The harbor "), QStringLiteral("gets a barrier.")}); });
    const CliResult r = runWith({QStringLiteral("summarize"), QStringLiteral("--base-url"), QString::fromUtf8(server.url("/v1")),
                                 QStringLiteral("--model"), QStringLiteral("llama3.1:8b"), QStringLiteral("--sentences"), QStringLiteral("1"),
                                 QStringLiteral("--verbose"), data + QStringLiteral("harbor-barrier.en.txt")},
                                {{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-env-4242")}});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_EQ(r.outText(), QStringLiteral("The harbor gets a barrier.\n"));
    ASSERT_EQ(server.requests().size(), 1);
    const auto req = server.requests()[0];
    EXPECT_EQ(req.path(), "/v1/chat/completions");
    EXPECT_EQ(req.header("Authorization"), "Bearer sk-env-4242");
    EXPECT_EQ(chat::body(req).value(u"model").toText(), QStringLiteral("llama3.1:8b"));
    EXPECT_TRUE(chat::message(req, QStringLiteral("user")).startsWith(QStringLiteral("Harbor City will build")));
    EXPECT_TRUE(chat::message(req, QStringLiteral("system")).contains(QStringLiteral("one paragraph of at most 1 sentence.")));
    EXPECT_TRUE(r.errText().contains(QStringLiteral("llm call: model test-model, 30 prompt + 7 completion = 37 tokens"))) << r.describe();
    EXPECT_FALSE(r.errText().contains(QStringLiteral("sk-env-4242")));
}

TEST_F(CliSummarize, RetriesARateLimitLikeTheNode)
{
    std::atomic<int> calls{0};
    Server server([&calls](const Server::Request&) {
        if (++calls == 1) {
            auto r = chat::openAiError(429, "Rate limit reached", "requests");
            r.headers.emplaceBack("Retry-After", "1");
            return r;
        }
        return chat::completion(QStringLiteral("Short."));
    });
    const CliResult r = run({QStringLiteral("summarize"), QStringLiteral("--base-url"), QString::fromUtf8(server.url("/v1")),
                             QStringLiteral("--model"), QStringLiteral("m"), data + QStringLiteral("harbor-barrier.en.txt")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_EQ(r.outText(), QStringLiteral("Short.\n"));
    EXPECT_EQ(server.requests().size(), 2);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("Rate limit reached; retry 1 of 3 in 1000 ms"))) << r.describe();
}

TEST_F(CliSummarize, AWrongKeyFailsAtOnceWithTheProvidersMessage)
{
    Server server([](const Server::Request&) { return chat::openAiError(401, "Incorrect API key provided", "invalid_api_key"); });
    const CliResult r = runWith({QStringLiteral("summarize"), QStringLiteral("--base-url"), QString::fromUtf8(server.url("/v1")),
                                 QStringLiteral("--model"), QStringLiteral("m"), data + QStringLiteral("harbor-barrier.en.txt")},
                                {{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-wrong-1111")}});
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_EQ(r.errLines().size(), 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("the server answered 401: Incorrect API key provided"))) << r.describe();
    EXPECT_FALSE(r.errText().contains(QStringLiteral("sk-wrong-1111")));
    EXPECT_EQ(server.requests().size(), 1);
}

TEST_F(CliSummarize, BadInputAndUsage)
{
    const QString empty = writeFile(QStringLiteral("empty.txt"), "\n  \n");
    CliResult r = run({QStringLiteral("summarize"), empty});
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(empty + QStringLiteral(": the text is empty"))) << r.describe();

    QByteArray garbage;
    for (int i = 0; i < 1000; ++i)
        garbage.append(char((i * 131) % 256));
    r = run({QStringLiteral("summarize"), writeFile(QStringLiteral("x.bin"), garbage)});
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("not text"))) << r.describe();

    r = run({QStringLiteral("summarize"), path(QStringLiteral("missing.txt"))});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("missing.txt"))) << r.describe();

    r = run({QStringLiteral("summarize"), QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9/v1"), empty});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("--model"))) << r.describe();

    r = run({QStringLiteral("summarize"), QStringLiteral("--sentences"), QStringLiteral("zero"), empty});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
}

TEST_F(CliSummarize, FolderExampleRunsOfflineHeadless)
{
    const QString to = path(QStringLiteral("summarize-folder"));
    ASSERT_TRUE(copyFolder(QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/summarize-folder"), to, {QStringLiteral("out")}));
    const CliResult r = run({QStringLiteral("run"), to + QStringLiteral("/summarize-folder.flow.json"), QStringLiteral("--no-store"),
                             QStringLiteral("--quiet")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    QFile f(to + QStringLiteral("/out/summaries.json"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonArray summaries = parseJson(f.readAll()).array();
    ASSERT_EQ(summaries.size(), 3);
    for (const QJsonValue& v : summaries) {
        const QJsonObject o = v.toObject();
        EXPECT_EQ(o.keys().size(), 2);
        EXPECT_EQ(o.value(u"summary").toString().count(QStringLiteral("\n- ")), 1) << o.value(u"summary").toString().toStdString();
    }
    EXPECT_EQ(summaries[1].toObject().value(u"fileName").toString(), QStringLiteral("harbor-barrier.en.txt"));
    EXPECT_TRUE(summaries[1].toObject().value(u"summary").toString().startsWith(QStringLiteral("- Harbor City will build")));
}

} // namespace
} // namespace taskloom::tests
