#pragma once

// Runs small flows of browser nodes through the real executor on the main thread of a real QApplication
// (offscreen), against pages served by a loopback HTTP server. Each test closes its run's sessions the way the
// runtime does (nodes::web::endRun).

#include "LoopbackHttpServer.hpp"

#include "engine/Executor.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/core/CorePack.hpp"
#include "nodes/web/WebPack.hpp"

#include <QHash>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <mutex>

inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace taskloom::tests {

/// Serves fixed pages by path (text/html unless the page says otherwise); everything else is 404.
class PageServer {
public:
    struct Page {
        QByteArray body;
        QByteArray type = "text/html; charset=utf-8";
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };

    PageServer()
        : m_server([this](const LoopbackHttpServer::Request& r) {
              std::lock_guard lock(m_mutex);
              const QByteArray path = r.path();
              if (m_hook) {
                  if (auto reply = m_hook(r))
                      return *reply;
              }
              const auto it = m_pages.constFind(path);
              if (it == m_pages.cend())
                  return LoopbackHttpServer::Reply::text("<h1>Not found</h1>", 404);
              LoopbackHttpServer::Reply reply;
              reply.status = it->status;
              reply.body = it->body;
              reply.headers = it->headers;
              reply.headers.append({"Content-Type", it->type});
              return reply;
          })
    {
    }

    void add(const QByteArray& path, Page page)
    {
        std::lock_guard lock(m_mutex);
        m_pages.insert(path, std::move(page));
    }
    void add(const QByteArray& path, const QByteArray& html) { add(path, Page{html}); }
    void setHook(std::function<std::optional<LoopbackHttpServer::Reply>(const LoopbackHttpServer::Request&)> hook)
    {
        std::lock_guard lock(m_mutex);
        m_hook = std::move(hook);
    }
    QString url(const QByteArray& path) const { return QString::fromUtf8(m_server.url(path)); }
    QList<LoopbackHttpServer::Request> requests() const { return m_server.requests(); }

private:
    std::mutex m_mutex;
    QHash<QByteArray, Page> m_pages;
    std::function<std::optional<LoopbackHttpServer::Reply>(const LoopbackHttpServer::Request&)> m_hook;
    LoopbackHttpServer m_server;
};

class WebFixture : public ::testing::Test {
protected:
    WebFixture()
    {
        nodes::core::registerCoreNodes(m_registry);
        nodes::web::registerWebNodes(m_registry);
        nodes::web::setDataDir(m_dir.filePath(QStringLiteral("data")));
        if (qEnvironmentVariableIsSet("TASKLOOM_KEEP_TEST_DIR"))
            m_dir.setAutoRemove(false);
    }

    engine::FlowNode& add(const QString& name, const QString& type, engine::Object params = {})
    {
        engine::FlowNode n;
        n.id = name;
        n.name = name;
        n.type = type;
        n.params = std::move(params);
        m_flow.nodes.push_back(std::move(n));
        return m_flow.nodes.back();
    }
    /// Start -> each of `steps` in order; each step is (type, params). Nodes are named S1, S2, ...
    engine::RunResult runChain(const QList<std::pair<QString, engine::Object>>& steps)
    {
        m_flow = {};
        add(QStringLiteral("Start"), QStringLiteral("core.manualTrigger"));
        QString previous = QStringLiteral("Start");
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QString name = QStringLiteral("S%1").arg(i + 1);
            add(name, steps[i].first, steps[i].second);
            m_flow.connections.push_back({previous, QStringLiteral("out"), name, QStringLiteral("in")});
            previous = name;
        }
        return run();
    }
    engine::RunResult run()
    {
        m_flow.id = QStringLiteral("web-test-flow");
        engine::Executor executor(m_registry, nullptr);
        engine::RunOptions options;
        options.flowPath = m_dir.filePath(QStringLiteral("flow.json"));
        engine::RunResult r = executor.run(m_flow, options);
        nodes::web::endRun(r.runId);
        return r;
    }
    static engine::Object open(const QString& url, engine::Object extra = {})
    {
        engine::Object o{{QStringLiteral("url"), url}, {QStringLiteral("timeout"), 20}};
        for (const auto& [k, v] : extra)
            o.insert(k, v);
        return o;
    }
    static QString json(const engine::ItemList& items)
    {
        engine::Array a;
        for (const engine::Item& i : items)
            a.append(i.json());
        return QString::fromUtf8(engine::Json::serialize(engine::Value(a)));
    }
    static std::string describe(const engine::RunResult& r)
    {
        return QStringLiteral("status %1, %2: %3; output %4")
            .arg(engine::runStatusName(r.status), r.errorCode, r.error, json(r.output))
            .toStdString();
    }

    engine::NodeRegistry m_registry;
    engine::Flow m_flow;
    QTemporaryDir m_dir;
    PageServer m_pages;
};

} // namespace taskloom::tests
