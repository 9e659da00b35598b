#pragma once

#include "BrowserSession.hpp"

#include "engine/NodeType.hpp"

#include <functional>

namespace taskloom::nodes::web {

/// What every browser node shares: GUI affinity (QtWebEngine lives on the main thread), the "browser" and
/// "network" requirements, the session and timeout parameters, the errors, and running once per item (once when
/// no items arrive) with the item passed on.
class WebNode : public engine::NodeType {
protected:
    WebNode(const QString& type, const QString& title, const QString& description);

    /// The run's open session named by the session parameter; throws NO_SESSION when there is none.
    BrowserSession& session(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;
    qint64 timeoutMs(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

    /// Calls a helper of PageScript in the page's isolated world. A selector the browser rejects becomes
    /// INVALID_SELECTOR naming `selectorParam`.
    engine::Value call(engine::ExecutionContext& ctx, BrowserSession& s, const QString& function, const engine::Object& args,
                       qint64 timeoutMs, const QString& selectorParam = {}) const;
    /// Waits until `selector` matches (and, with `visible`, a match is visible); returns how many match.
    /// Throws SELECTOR_NOT_FOUND naming the selector, the page and the wait.
    qint64 waitForMatch(engine::ExecutionContext& ctx, BrowserSession& s, const QString& selectorParam, const QString& selector,
                        qint64 timeoutMs, bool visible = false) const;
    [[noreturn]] static void throwNoMatch(const BrowserSession& s, const QString& selector, qint64 waitedMs);

    /// Runs `perItem` for every input item (or once without items) and passes the items on; `out` is the
    /// main output's list for nodes that emit other items.
    engine::Exec forEachItem(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out,
                             const std::function<void(engine::Item& item, qsizetype index)>& perItem) const;
    /// Writes `bytes` to the file a path parameter names (relative to the flow, folders created) all or nothing;
    /// does nothing for an empty path. Throws FILE_WRITE_ERROR naming the parameter.
    static void saveFile(engine::ExecutionContext& ctx, const engine::Param<QString>& param, const QString& value, const QByteArray& bytes);
    /// Throws BROWSER_UNAVAILABLE unless this is the main thread of a widgets application.
    static void requireBrowser();

    static engine::ErrorSpec selectorNotFoundError();

    engine::Param<QString> m_session;
    engine::Param<double> m_timeout;
};

} // namespace taskloom::nodes::web
