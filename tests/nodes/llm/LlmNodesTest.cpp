#include "nodes/llm/ClassifyNode.hpp"
#include "nodes/llm/LlmPack.hpp"

#include "ChatWire.hpp"

#include "engine/CredentialStore.hpp"
#include "engine/Executor.hpp"
#include "engine/NodeRegistry.hpp"
#include "scripts/LuaExpressionEngine.hpp"

#include <QElapsedTimer>
#include <QFile>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

namespace taskloom::nodes::llm {
namespace {

using namespace engine;
using tests::chat::Server;
namespace chat = tests::chat;

class MemoryCredentials final : public CredentialStore {
public:
    std::expected<Credential, QString> get(const QString& name) const override
    {
        for (const Credential& c : credentials)
            if (c.name == name)
                return c;
        return std::unexpected(QStringLiteral("no such credential"));
    }
    std::expected<QList<Entry>, QString> list() const override { return QList<Entry>(); }
    std::expected<void, QString> put(const Credential& c) override
    {
        credentials.append(c);
        return {};
    }
    std::expected<void, QString> remove(const QString&) override { return {}; }
    QList<Credential> credentials;
};

class Events final : public RunObserver {
public:
    void onEvent(const RunEvent& e) override
    {
        std::lock_guard lock(mutex);
        events.append(e);
    }
    QList<RunEvent> of(RunEvent::Type type) const
    {
        QList<RunEvent> out;
        for (const RunEvent& e : events)
            if (e.type == type)
                out.append(e);
        return out;
    }
    QStringList logs() const
    {
        QStringList out;
        for (const RunEvent& e : of(RunEvent::Type::Log))
            out.append(e.message);
        return out;
    }
    mutable std::mutex mutex;
    QList<RunEvent> events;
};

QString readData(const char* name)
{
    QFile f(QStringLiteral(TASKLOOM_TEST_DATA "/llm/") + QString::fromLatin1(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return QString::fromUtf8(f.readAll());
}

// Emits the run input: the one trigger these tests need (the core pack's Manual Trigger does the same).
class InputTrigger final : public NodeType {
public:
    InputTrigger()
    {
        m_spec.type = QStringLiteral("test.input");
        m_spec.title = QStringLiteral("Input");
        m_spec.trigger = true;
        m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    }
    Exec execute(ExecutionContext& ctx, const Inputs&, Outputs& out) const override
    {
        out.push(0, ctx.runInput());
        return Exec::Done;
    }
};

class LlmNodes : public ::testing::Test {
protected:
    LlmNodes()
    {
        registry.add(std::make_shared<InputTrigger>());
        registerLlmNodes(registry);
    }

    /// trigger -> node, with the node's params; items go in as the run input.
    RunResult run(const QString& type, Object params, ItemList input, std::optional<RetryPolicy> retry = {},
                  OnError onError = OnError::Stop)
    {
        Flow flow;
        flow.id = QStringLiteral("llm-test");
        FlowNode trigger;
        trigger.id = trigger.name = QStringLiteral("start");
        trigger.type = QStringLiteral("test.input");
        FlowNode node;
        node.id = node.name = QStringLiteral("llm");
        node.type = type;
        node.params = std::move(params);
        node.settings.retry = retry;
        node.settings.onError = onError;
        flow.nodes = {trigger, node};
        flow.connections.push_back({QStringLiteral("start"), QStringLiteral("out"), QStringLiteral("llm"), QStringLiteral("in")});
        RunOptions options;
        options.input = std::move(input);
        options.observers = {&events};
        options.credentials = &credentials;
        options.threads = 1;
        return Executor(registry, &expressions).run(flow, options);
    }

    Object serverParams(const Server& server, Object extra = {})
    {
        Object p{{QStringLiteral("baseUrl"), QString::fromUtf8(server.url("/v1"))},
                 {QStringLiteral("model"), QStringLiteral("test-model")},
                 {QStringLiteral("stream"), false}};
        for (const auto& [k, v] : extra)
            p.insert(k, v);
        return p;
    }

    static ItemList items(std::initializer_list<Object> objects)
    {
        ItemList out;
        for (const Object& o : objects)
            out.append(Item(o));
        return out;
    }

    NodeRegistry registry;
    scripts::LuaExpressionEngine expressions;
    MemoryCredentials credentials;
    Events events;
};

Object text(const QString& t) { return Object{{QStringLiteral("text"), t}}; }

TEST_F(LlmNodes, SummarizeOfflineByDefault)
{
    const QString article = readData("harbor-barrier.en.txt");
    auto r = run(QStringLiteral("llm.summarize"), {{QStringLiteral("style"), QStringLiteral("bullets")}, {QStringLiteral("sentences"), 2}},
                 items({{{QStringLiteral("id"), 7}, {QStringLiteral("text"), article}}}));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    const Object out = r.output[0].json();
    EXPECT_EQ(out.keys(), (QStringList{"id", "text", "summary"}));
    const QStringList lines = out.value(u"summary").toText().split(u'\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("- Harbor City will build a $3.5 billion storm-surge barrier")));
    EXPECT_TRUE(lines[1].startsWith(u"- "));

    auto headline = run(QStringLiteral("llm.summarize"), {{QStringLiteral("style"), QStringLiteral("headline")}, {QStringLiteral("output"), QStringLiteral("meta.title")}},
                        items({text(article)}));
    ASSERT_EQ(headline.status, RunStatus::Succeeded) << headline.error.toStdString();
    EXPECT_TRUE(headline.output[0].json().value(u"meta").toObject().value(u"title").toText().startsWith(QStringLiteral("Harbor City will build")));

    auto chars = run(QStringLiteral("llm.summarize"), {{QStringLiteral("lengthUnit"), QStringLiteral("characters")}, {QStringLiteral("characters"), 300}},
                     items({text(readData("bike-sharing.ko.txt"))}));
    ASSERT_EQ(chars.status, RunStatus::Succeeded) << chars.error.toStdString();
    const QString summary = chars.output[0].json().value(u"summary").toText();
    EXPECT_LE(summary.size(), 300);
    EXPECT_TRUE(summary.startsWith(QStringLiteral("서울시가 공공자전거 따릉이를"))) << summary.toStdString();
}

TEST_F(LlmNodes, SummarizeFromATextAttachment)
{
    Item item(Object{{QStringLiteral("name"), QStringLiteral("a.txt")}});
    item.setBinary(QStringLiteral("data"), *Binary::fromBytes(readData("harbor-barrier.en.txt").toUtf8(), QStringLiteral("text/plain"), QStringLiteral("a.txt")));
    auto r = run(QStringLiteral("llm.summarize"), {{QStringLiteral("binary"), QStringLiteral("data")}, {QStringLiteral("sentences"), 1}}, {item});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_TRUE(r.output[0].json().value(u"summary").toText().startsWith(QStringLiteral("Harbor City")));
}

TEST_F(LlmNodes, BadInputIsAClearErrorNamingTheParameter)
{
    auto empty = run(QStringLiteral("llm.summarize"), {}, items({text(QStringLiteral("   \n "))}));
    EXPECT_EQ(empty.status, RunStatus::Failed);
    EXPECT_EQ(empty.errorCode, QStringLiteral("NOT_TEXT"));
    EXPECT_TRUE(empty.error.contains(QStringLiteral("parameter \"field\" = \"text\": the text is empty"))) << empty.error.toStdString();

    QByteArray garbage;
    for (int i = 0; i < 400; ++i)
        garbage.append(char((i * 37) % 256));
    Item binary(Object{});
    binary.setBinary(QStringLiteral("file"), *Binary::fromBytes(garbage, QStringLiteral("application/octet-stream"), QStringLiteral("x.bin")));
    auto bin = run(QStringLiteral("llm.summarize"), {{QStringLiteral("binary"), QStringLiteral("file")}}, {binary});
    EXPECT_EQ(bin.errorCode, QStringLiteral("NOT_TEXT"));
    EXPECT_TRUE(bin.error.contains(QStringLiteral("not text"))) << bin.error.toStdString();

    auto missing = run(QStringLiteral("llm.summarize"), {{QStringLiteral("field"), QStringLiteral("body")}}, items({text(QStringLiteral("x"))}));
    EXPECT_EQ(missing.errorCode, QStringLiteral("TEXT_MISSING"));
    EXPECT_TRUE(missing.error.contains(QStringLiteral("\"body\""))) << missing.error.toStdString();

    auto noProvider = run(QStringLiteral("llm.ask"), {{QStringLiteral("prompt"), QStringLiteral("hi")}}, items({text(QStringLiteral("x"))}));
    EXPECT_EQ(noProvider.errorCode, QStringLiteral("NO_PROVIDER"));

    auto noModel = run(QStringLiteral("llm.ask"), {{QStringLiteral("prompt"), QStringLiteral("hi")}, {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/v1")}},
                       items({text(QStringLiteral("x"))}));
    EXPECT_TRUE(noModel.error.contains(QStringLiteral("parameter \"model\""))) << noModel.error.toStdString();
}

TEST_F(LlmNodes, SummarizeWithAModelMapReducesLongText)
{
    std::atomic<int> calls{0};
    Server server([&calls](const Server::Request& r) {
        const int n = ++calls;
        const QString system = chat::message(r, QStringLiteral("system"));
        if (system.contains(QStringLiteral("one part")))
            return chat::completion(QStringLiteral("Part summary %1.").arg(n));
        return chat::completion(QStringLiteral("- Final point one\n- Final point two"));
    });
    // About 1,500 estimated tokens of text with a 400-token budget: several map calls, then the final one.
    QString longText;
    for (int i = 0; i < 60; ++i)
        longText += QStringLiteral("Sentence number %1 talks about the harbor barrier and its cost to the city. ").arg(i);
    auto r = run(QStringLiteral("llm.summarize"),
                 serverParams(server, {{QStringLiteral("chunkTokens"), 400}, {QStringLiteral("style"), QStringLiteral("bullets")},
                                       {QStringLiteral("systemPrompt"), QStringLiteral("You write for engineers.")}}),
                 items({text(longText)}));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output[0].json().value(u"summary").toText(), QStringLiteral("- Final point one\n- Final point two"));
    const auto requests = server.requests();
    ASSERT_GE(requests.size(), 4);
    int mapCalls = 0;
    for (const auto& req : requests.mid(0, requests.size() - 1)) {
        EXPECT_TRUE(chat::message(req, QStringLiteral("system")).contains(QStringLiteral("one part")));
        EXPECT_LE(chat::message(req, QStringLiteral("user")).size(), 400 * 4 + 8) << "a chunk within the budget";
        ++mapCalls;
    }
    const auto& last = requests.last();
    EXPECT_TRUE(chat::message(last, QStringLiteral("system")).startsWith(QStringLiteral("You write for engineers.")));
    EXPECT_TRUE(chat::message(last, QStringLiteral("system")).contains(QStringLiteral("bulleted list of at most 3 points")));
    EXPECT_TRUE(chat::message(last, QStringLiteral("user")).contains(QStringLiteral("Part summary 1.")));
    // One usage line per call reaches the run log (and so the run store).
    int usageLines = 0;
    for (const QString& line : events.logs())
        usageLines += line.startsWith(QStringLiteral("llm call: model test-model, 12 prompt + 5 completion = 17 tokens")) ? 1 : 0;
    EXPECT_EQ(usageLines, requests.size());
    // ... with a structured record beside each line, which the run store keeps.
    int records = 0;
    for (const RunEvent& e : events.of(RunEvent::Type::Log)) {
        if (e.data.value(u"event").toText() != u"llm-call")
            continue;
        ++records;
        EXPECT_EQ(e.data.value(u"model").toText(), QStringLiteral("test-model"));
        EXPECT_EQ(e.data.value(u"promptTokens").toInt(), 12);
        EXPECT_EQ(e.data.value(u"completionTokens").toInt(), 5);
        EXPECT_EQ(e.data.value(u"totalTokens").toInt(), 17);
        EXPECT_GE(e.data.value(u"latencyMs").toInt(), 0);
        EXPECT_TRUE(e.data.value(u"endpoint").toText().endsWith(QStringLiteral("/v1/chat/completions")));
    }
    EXPECT_EQ(records, requests.size());
    EXPECT_GE(mapCalls, 3);
}

TEST_F(LlmNodes, AskFillsThePromptTemplateFromTheItemAndUsesTheCredential)
{
    credentials.put({QStringLiteral("local-llm"), QStringLiteral("openAiCompatible"),
                     {{QStringLiteral("baseUrl"), QStringLiteral("placeholder")}, {QStringLiteral("key"), QStringLiteral("sk-secret-777")},
                      {QStringLiteral("model"), QStringLiteral("cred-model")}}});
    Server server([](const Server::Request& r) {
        return chat::completion(QStringLiteral("Answer to: ") + chat::message(r, QStringLiteral("user")));
    });
    // The credential supplies the key and model; the base URL comes from the parameter.
    credentials.credentials[0].fields.insert(QStringLiteral("baseUrl"), QString::fromUtf8(server.url("/v1")));
    auto r = run(QStringLiteral("llm.ask"),
                 {{QStringLiteral("credential"), QStringLiteral("local-llm")},
                  {QStringLiteral("prompt"), QStringLiteral("Reply to {{ item.name }} about order {{ item.order.id }}")},
                  {QStringLiteral("output"), QStringLiteral("reply")}},
                 items({{{QStringLiteral("name"), QStringLiteral("Ann")}, {QStringLiteral("order"), Object{{QStringLiteral("id"), 42}}}},
                        {{QStringLiteral("name"), QStringLiteral("Bo")}, {QStringLiteral("order"), Object{{QStringLiteral("id"), 43}}}}}));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 2);
    EXPECT_EQ(r.output[0].json().value(u"reply").toText(), QStringLiteral("Answer to: Reply to Ann about order 42"));
    EXPECT_EQ(r.output[1].json().value(u"reply").toText(), QStringLiteral("Answer to: Reply to Bo about order 43"));
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2);
    EXPECT_EQ(requests[0].header("Authorization"), "Bearer sk-secret-777");
    EXPECT_EQ(chat::body(requests[0]).value(u"model").toText(), QStringLiteral("cred-model"));
    for (const RunEvent& e : events.events)
        EXPECT_FALSE(e.message.contains(QStringLiteral("sk-secret-777")));
}

TEST_F(LlmNodes, RateLimitIsRetriedByTheExecutorAfterRetryAfter)
{
    std::atomic<int> calls{0};
    Server server([&calls](const Server::Request&) {
        if (++calls == 1) {
            auto r = chat::openAiError(429, "Rate limit reached", "requests");
            r.headers.emplaceBack("Retry-After", "1");
            return r;
        }
        return chat::completion(QStringLiteral("fine"));
    });
    QElapsedTimer t;
    t.start();
    auto r = run(QStringLiteral("llm.ask"), serverParams(server, {{QStringLiteral("prompt"), QStringLiteral("hi")}}), items({text(QStringLiteral("x"))}));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(server.requests().size(), 2);
    EXPECT_GE(t.elapsed(), 900) << "waited for Retry-After";
    const auto retries = events.of(RunEvent::Type::NodeRetry);
    ASSERT_EQ(retries.size(), 1);
    EXPECT_EQ(retries[0].errorCode, QStringLiteral("HTTP_429"));
}

TEST_F(LlmNodes, RetryOfABatchDoesNotRepeatFinishedCalls)
{
    std::atomic<int> calls{0};
    Server server([&calls](const Server::Request& r) {
        const QString prompt = chat::message(r, QStringLiteral("user"));
        if (prompt == u"second" && ++calls == 1)
            return Server::Reply::text("overloaded", 503);
        return chat::completion(QStringLiteral("ok ") + prompt);
    });
    auto r = run(QStringLiteral("llm.ask"), serverParams(server, {{QStringLiteral("prompt"), QStringLiteral("{{ item.text }}")}}),
                 items({text(QStringLiteral("first")), text(QStringLiteral("second"))}), RetryPolicy{2, 10, 1, 10});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    QStringList prompts;
    for (const auto& req : server.requests())
        prompts.append(chat::message(req, QStringLiteral("user")));
    EXPECT_EQ(prompts, (QStringList{"first", "second", "second"}));
    EXPECT_EQ(r.output[1].json().value(u"answer").toText(), QStringLiteral("ok second"));
}

TEST_F(LlmNodes, RetryableErrorsAreRetriedEvenWhenTheNodeContinuesOnError)
{
    Server server([](const Server::Request&) { return Server::Reply::text("overloaded", 503); });
    auto r = run(QStringLiteral("llm.ask"), serverParams(server, {{QStringLiteral("prompt"), QStringLiteral("hi")}}),
                 items({text(QStringLiteral("x"))}), RetryPolicy{1, 10, 1, 10}, OnError::Continue);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(server.requests().size(), 2) << "one retry before giving up";
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(r.output[0].json().value(u"error").toObject().value(u"code").toText(), QStringLiteral("HTTP_503"));
}

TEST_F(LlmNodes, NodeTimeoutClosesASlowStreamAtOnce)
{
    Server server([](const Server::Request&) {
        return chat::streamed({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, 4000);
    });
    Object params = serverParams(server, {{QStringLiteral("prompt"), QStringLiteral("hi")}});
    params.insert(QStringLiteral("stream"), true);
    Flow flow;
    flow.id = QStringLiteral("timeout");
    FlowNode trigger;
    trigger.id = trigger.name = QStringLiteral("start");
    trigger.type = QStringLiteral("test.input");
    FlowNode node;
    node.id = node.name = QStringLiteral("llm");
    node.type = QStringLiteral("llm.ask");
    node.params = params;
    node.settings.timeoutMs = 600;
    node.settings.retry = RetryPolicy{0, 10, 1, 10};
    flow.nodes = {trigger, node};
    flow.connections.push_back({QStringLiteral("start"), QStringLiteral("out"), QStringLiteral("llm"), QStringLiteral("in")});
    RunOptions options;
    options.input = items({text(QStringLiteral("x"))});
    QElapsedTimer t;
    t.start();
    const RunResult r = Executor(registry, &expressions).run(flow, options);
    EXPECT_EQ(r.status, RunStatus::TimedOut) << r.error.toStdString();
    EXPECT_LT(t.elapsed(), 3500) << "the 4 s pieces were not waited for";
}

TEST_F(LlmNodes, ErrorsThatCannotSucceedAreNotRetried)
{
    Server server([](const Server::Request&) { return chat::openAiError(401, "Incorrect API key provided: sk-wr***", "invalid_api_key"); });
    auto r = run(QStringLiteral("llm.ask"), serverParams(server, {{QStringLiteral("prompt"), QStringLiteral("hi")}}), items({text(QStringLiteral("x"))}));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("HTTP_401"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("Incorrect API key provided"))) << r.error.toStdString();
    EXPECT_EQ(server.requests().size(), 1);
    EXPECT_TRUE(events.of(RunEvent::Type::NodeRetry).isEmpty());

    server.setHandler([](const Server::Request&) { return chat::openAiError(404, "The model `gpt-9` does not exist", "model_not_found"); });
    auto missingModel = run(QStringLiteral("llm.ask"), serverParams(server, {{QStringLiteral("prompt"), QStringLiteral("hi")}}), items({text(QStringLiteral("x"))}));
    EXPECT_EQ(missingModel.errorCode, QStringLiteral("HTTP_404"));
    EXPECT_TRUE(missingModel.error.contains(QStringLiteral("The model `gpt-9` does not exist"))) << missingModel.error.toStdString();
    EXPECT_EQ(server.requests().size(), 2);
}

TEST_F(LlmNodes, StreamingReportsProgress)
{
    Server server([](const Server::Request&) { return chat::streamed({QStringLiteral("a"), QStringLiteral("bc"), QStringLiteral("def")}, 20); });
    Object params = serverParams(server, {{QStringLiteral("prompt"), QStringLiteral("hi")}, {QStringLiteral("maxTokens"), 10}});
    params.insert(QStringLiteral("stream"), true);
    auto r = run(QStringLiteral("llm.ask"), params, items({text(QStringLiteral("x"))}));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output[0].json().value(u"answer").toText(), QStringLiteral("abcdef"));
    // Progress events are throttled by the executor (a few a second); the first always comes through.
    const auto progress = events.of(RunEvent::Type::Progress);
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress[0].message, QStringLiteral("1 characters received"));
    EXPECT_NEAR(progress[0].progress, 1.0 / 40.0, 1e-9) << "1 of about 10 tokens * 4 characters";
    bool usage = false;
    for (const QString& l : events.logs())
        usage = usage || l.contains(QStringLiteral("30 prompt + 7 completion = 37 tokens"));
    EXPECT_TRUE(usage);
}

const char* invoiceSchema = R"({"type":"object","properties":{"vendor":{"type":"string"},"total":{"type":"number","minimum":0},
  "currency":{"type":"string","enum":["EUR","USD","KRW"]}},"required":["vendor","total","currency"],"additionalProperties":false})";

TEST_F(LlmNodes, ExtractValidatesAndFeedsTheErrorBack)
{
    std::atomic<int> calls{0};
    Server server([&calls](const Server::Request&) {
        if (++calls == 1)
            return chat::completion(QStringLiteral(R"({"vendor":"ACME","total":"12.50 EUR","currency":"EUR"})"));
        return chat::completion(QStringLiteral("```json\n{\"vendor\":\"ACME\",\"total\":12.5,\"currency\":\"EUR\"}\n```"));
    });
    auto r = run(QStringLiteral("llm.extract"), serverParams(server, {{QStringLiteral("schema"), *Json::parse(invoiceSchema)}}),
                 items({{{QStringLiteral("id"), 1}, {QStringLiteral("text"), QStringLiteral("Invoice from ACME, total 12.50 EUR")}}}));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    const Object out = r.output[0].json();
    EXPECT_EQ(out.keys(), (QStringList{"id", "text", "vendor", "total", "currency"}));
    EXPECT_DOUBLE_EQ(out.value(u"total").toDouble(), 12.5);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2);
    EXPECT_TRUE(chat::message(requests[0], QStringLiteral("system")).contains(QStringLiteral("\"required\":[\"vendor\",\"total\",\"currency\"]")));
    EXPECT_EQ(chat::body(requests[0]).value(u"response_format").toObject().value(u"type").toText(), QStringLiteral("json_object"));
    // The second request carries the first reply and what was wrong with it.
    EXPECT_EQ(chat::message(requests[1], QStringLiteral("assistant")), QStringLiteral(R"({"vendor":"ACME","total":"12.50 EUR","currency":"EUR"})"));
    EXPECT_TRUE(chat::message(requests[1], QStringLiteral("user")).contains(QStringLiteral("$.total: expected number, got string \"12.50 EUR\"")))
        << chat::message(requests[1], QStringLiteral("user")).toStdString();
}

TEST_F(LlmNodes, ExtractGivesUpWithTheProblemsAfterItsRepairs)
{
    Server server([](const Server::Request&) { return chat::completion(QStringLiteral(R"({"vendor":"ACME","currency":"GBP"})")); });
    auto r = run(QStringLiteral("llm.extract"),
                 serverParams(server, {{QStringLiteral("schema"), *Json::parse(invoiceSchema)}, {QStringLiteral("repairAttempts"), 1},
                                       {QStringLiteral("output"), QStringLiteral("invoice")}}),
                 items({text(QStringLiteral("Invoice"))}));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("INVALID_RESPONSE"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("the required field \"total\" is missing"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("$.currency: string \"GBP\" is not one of"))) << r.error.toStdString();
    EXPECT_EQ(server.requests().size(), 2);
    EXPECT_TRUE(events.of(RunEvent::Type::NodeRetry).isEmpty()) << "a model that keeps answering wrong is not retried";
}

TEST_F(LlmNodes, ExtractRejectsAnUnusableSchema)
{
    const auto* type = registry.find(u"llm.extract");
    const auto problems = type->checkParams({{QStringLiteral("schema"), *Json::parse(R"({"type":"object","properties":{"a":{"type":"text"}}})")}});
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].second.contains(QStringLiteral("unknown type \"text\""))) << problems[0].second.toStdString();
}

TEST_F(LlmNodes, ClassifyAcceptsOnlyTheGivenLabels)
{
    std::atomic<int> calls{0};
    Server server([&calls](const Server::Request& r) {
        const QString t = chat::message(r, QStringLiteral("user"), 0);
        if (t.contains(QStringLiteral("refund")))
            return chat::completion(QStringLiteral("Label: \"Billing\"."));
        if (t.contains(QStringLiteral("crash")))
            return chat::completion(++calls == 1 ? QStringLiteral("a software defect") : QStringLiteral("bug"));
        return chat::completion(QStringLiteral("spam"));
    });
    auto r = run(QStringLiteral("llm.classify"),
                 serverParams(server, {{QStringLiteral("labels"), Array{QStringLiteral("billing"), QStringLiteral("bug"), QStringLiteral("other")}}}),
                 items({text(QStringLiteral("I want a refund")), text(QStringLiteral("The app crashes on start")), text(QStringLiteral("Buy cheap watches"))}),
                 std::nullopt, OnError::Continue);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 3);
    EXPECT_EQ(r.output[0].json().value(u"label").toText(), QStringLiteral("billing"));
    EXPECT_EQ(r.output[1].json().value(u"label").toText(), QStringLiteral("bug"));
    EXPECT_FALSE(r.output[2].json().contains(u"label"));
    EXPECT_TRUE(r.output[2].json().value(u"error").toObject().value(u"message").toText().contains(QStringLiteral("\"spam\", which is not one of the labels")))
        << Json::serialize(Value(r.output[2].json())).toStdString();
    EXPECT_TRUE(chat::message(server.requests()[0], QStringLiteral("system")).contains(QStringLiteral("billing, bug, other")));
}

TEST(ClassifyLabels, MatchingRules)
{
    const QStringList labels = {QStringLiteral("billing"), QStringLiteral("bug"), QStringLiteral("other")};
    EXPECT_EQ(ClassifyNode::matchLabel(QStringLiteral(" Bug "), labels), QStringLiteral("bug"));
    EXPECT_EQ(ClassifyNode::matchLabel(QStringLiteral("Category: `other`."), labels), QStringLiteral("other"));
    EXPECT_EQ(ClassifyNode::matchLabel(QStringLiteral("This is a billing question."), labels), QStringLiteral("billing"));
    EXPECT_EQ(ClassifyNode::matchLabel(QStringLiteral("not billing but a bug"), labels), QString()) << "ambiguous";
    EXPECT_EQ(ClassifyNode::matchLabel(QStringLiteral("debugging"), labels), QString()) << "whole words only";
    EXPECT_EQ(ClassifyNode::labelsFrom(Value(QStringLiteral("a, b\nc,,a"))), (QStringList{"a", "b", "c"}));
}

} // namespace
} // namespace taskloom::nodes::llm
