#pragma once

#include "engine/Value.hpp"

#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QWebEngineProfile;
class QWebEnginePage;
class QWebEngineView;
class QWebEngineDownloadRequest;

namespace taskloom::engine {
class ExecutionContext;
}

namespace taskloom::nodes::web {

/// Which JavaScript world a script runs in: the page's own (sees its variables) or an isolated one that shares
/// only the DOM (Taskloom's helpers run there, so a page cannot break them by redefining globals).
enum class World { Page, Isolated };

/// One named browser tab of a run: a QWebEngineView (rendered offscreen unless shown) holding the page, kept
/// between nodes so later nodes continue where earlier ones left off. Lives on the main thread; every call
/// that waits runs the event loop with a timeout and honours cancellation.
class BrowserSession {
public:
    struct Options {
        int width = 1280;
        int height = 800;
        bool visible = false; ///< a real window the user can watch (needs a display)
    };

    /// `ownedProfile` is set for a private (off-the-record) session: it dies with the session.
    BrowserSession(QString name, QWebEngineProfile* profile, std::unique_ptr<QWebEngineProfile> ownedProfile, const Options& options);
    ~BrowserSession();
    BrowserSession(const BrowserSession&) = delete;
    BrowserSession& operator=(const BrowserSession&) = delete;

    const QString& name() const { return m_name; }
    QWebEnginePage* page() const;
    QWebEngineView* view() const { return m_view.get(); }
    QWebEngineProfile* profile() const { return m_profile; }
    QUrl url() const;

    /// Navigates and, with `wait`, waits for the page to finish loading. Returns the main document's HTTP status
    /// (0 when unknown). Throws NodeError PAGE_LOAD_FAILED (retryable for network errors and 5xx) or TIMEOUT.
    int load(engine::ExecutionContext& ctx, const QUrl& url, qint64 timeoutMs, bool wait);
    /// After an action that may navigate (a click): waits for a load that started to finish; errors as load().
    void settle(engine::ExecutionContext& ctx, qint64 timeoutMs);

    /// Runs `body` (a JavaScript function body; `return` gives the result, a Promise is awaited) and returns its
    /// result as JSON. Throws NodeError SCRIPT_ERROR with the exception's message, or TIMEOUT.
    engine::Value evaluate(engine::ExecutionContext& ctx, const QString& body, qint64 timeoutMs, World world);

    /// Sets the window (viewport) size the page is laid out in.
    void resize(int width, int height);
    const Options& options() const { return m_options; }

    /// Download hand-off: while armed, the next download this page starts is accepted into `folder`.
    void armDownload(const QString& folder);
    void disarmDownload();
    /// Called by the host for every download the profile sees; returns true when this session took it.
    bool offerDownload(QWebEngineDownloadRequest* request);
    QWebEngineDownloadRequest* download() const;

private:
    struct LoadState;

    void describeLoadFailure(const LoadState& s, const QUrl& url) const;
    QString sessionLabel() const;

    QString m_name;
    QWebEngineProfile* m_profile;
    std::unique_ptr<QWebEngineProfile> m_ownedProfile;
    std::unique_ptr<QWebEngineView> m_view;
    std::shared_ptr<LoadState> m_load;
    Options m_options;
    QString m_downloadFolder;
    bool m_downloadArmed = false;
    QPointer<QWebEngineDownloadRequest> m_download;
};

} // namespace taskloom::nodes::web
