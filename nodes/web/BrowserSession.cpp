#include "BrowserSession.hpp"

#include "BrowserWait.hpp"
#include "PageScript.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/Json.hpp"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QUuid>
#include <QWebEngineDownloadRequest>
#include <QWebEngineLoadingInfo>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineView>

namespace taskloom::nodes::web {

using namespace engine;

struct BrowserSession::LoadState {
    bool loading = false;
    quint64 finished = 0; ///< completed (or failed) loads so far
    QWebEngineLoadingInfo::LoadStatus status = QWebEngineLoadingInfo::LoadSucceededStatus;
    QWebEngineLoadingInfo::ErrorDomain domain = QWebEngineLoadingInfo::NoErrorDomain;
    int code = 0;
    QString error;
    QUrl url;
};

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 4);
}

// Chromium's error pages put HTML into errorString(); keep only the plain "net::ERR_..." kind.
QString plainError(const QString& s, int code)
{
    if (!s.isEmpty() && !s.contains(u'<'))
        return s;
    return QStringLiteral("network error %1").arg(code);
}

} // namespace

BrowserSession::BrowserSession(QString name, QWebEngineProfile* profile, std::unique_ptr<QWebEngineProfile> ownedProfile,
                               const Options& options)
    : m_name(std::move(name)), m_profile(profile), m_ownedProfile(std::move(ownedProfile)),
      m_view(std::make_unique<QWebEngineView>()), m_load(std::make_shared<LoadState>()), m_options(options)
{
    auto* page = new QWebEnginePage(m_profile, m_view.get());
    m_view->setPage(page);
    std::weak_ptr<LoadState> state = m_load;
    QObject::connect(page, &QWebEnginePage::loadingChanged, m_view.get(), [state](const QWebEngineLoadingInfo& info) {
        auto s = state.lock();
        if (!s)
            return;
        if (info.status() == QWebEngineLoadingInfo::LoadStartedStatus) {
            s->loading = true;
            return;
        }
        s->loading = false;
        s->status = info.status();
        s->domain = info.errorDomain();
        s->code = info.errorCode();
        s->error = info.errorString();
        s->url = info.url();
        ++s->finished;
    });
    // On the offscreen platform a shown window is invisible anyway, and only a shown window receives the frames
    // Chromium draws (a never-exposed view stops getting them, and screenshots stay blank). With a real display, a
    // headless session keeps its window off the screen.
    if (!m_options.visible && QGuiApplication::platformName() != u"offscreen")
        m_view->setAttribute(Qt::WA_DontShowOnScreen);
    m_view->resize(m_options.width, m_options.height);
    m_view->setWindowTitle(QStringLiteral("Taskloom browser: %1").arg(m_name));
    m_view->show();
}

BrowserSession::~BrowserSession()
{
    if (m_download && !m_download->isFinished())
        m_download->cancel();
    // The page must go before its profile (QtWebEngine warns and may crash otherwise): the view owns the page.
    m_view.reset();
}

QWebEnginePage* BrowserSession::page() const
{
    return m_view->page();
}

QUrl BrowserSession::url() const
{
    return page()->url();
}

QString BrowserSession::sessionLabel() const
{
    return QStringLiteral("session \"%1\"").arg(m_name);
}

void BrowserSession::describeLoadFailure(const LoadState& s, const QUrl& url) const
{
    const QString shown = url.toDisplayString();
    if (s.status == QWebEngineLoadingInfo::LoadStoppedStatus)
        throw NodeError(QStringLiteral("PAGE_LOAD_FAILED"), QStringLiteral("loading %1 was stopped").arg(shown));
    if (s.domain == QWebEngineLoadingInfo::HttpStatusCodeDomain) {
        const bool retry = s.code >= 500 || s.code == 429 || s.code == 408;
        throw NodeError(QStringLiteral("PAGE_LOAD_FAILED"), QStringLiteral("%1 answered HTTP %2").arg(shown).arg(s.code),
                        retry ? NodeError::Retry::Yes : NodeError::Retry::No);
    }
    // Address problems (-300 invalid URL, -301 disallowed scheme, -312 unsafe port) and certificate errors do
    // not heal by themselves; refused connections, DNS failures and resets may.
    const bool permanent = s.domain == QWebEngineLoadingInfo::CertificateErrorDomain || s.code == -300 || s.code == -301
                           || s.code == -312;
    throw NodeError(QStringLiteral("PAGE_LOAD_FAILED"), QStringLiteral("cannot load %1: %2").arg(shown, plainError(s.error, s.code)),
                    permanent ? NodeError::Retry::No : NodeError::Retry::Yes);
}

int BrowserSession::load(ExecutionContext& ctx, const QUrl& url, qint64 timeoutMs, bool wait)
{
    const quint64 before = m_load->finished;
    m_load->loading = true; // until loadingChanged says otherwise: a load that never starts still times out
    page()->load(url);
    if (!wait)
        return 0;
    auto state = m_load;
    const bool done = waitUntil(ctx, timeoutMs, [state, before] { return !state->loading && state->finished > before; });
    if (!done) {
        page()->triggerAction(QWebEnginePage::Stop);
        throw NodeError(QStringLiteral("TIMEOUT"), QStringLiteral("%1 did not finish loading within %2 s").arg(url.toDisplayString(), seconds(timeoutMs)),
                        NodeError::Retry::Yes);
    }
    if (m_load->status != QWebEngineLoadingInfo::LoadSucceededStatus)
        describeLoadFailure(*m_load, url);
    return m_load->domain == QWebEngineLoadingInfo::HttpStatusCodeDomain ? m_load->code : 0;
}

void BrowserSession::settle(ExecutionContext& ctx, qint64 timeoutMs)
{
    // A click that navigates starts loading a moment later: give it a few frames to begin.
    const quint64 before = m_load->finished;
    pause(ctx, 150);
    if (!m_load->loading && m_load->finished == before)
        return;
    auto state = m_load;
    if (!waitUntil(ctx, timeoutMs, [state] { return !state->loading; }))
        throw NodeError(QStringLiteral("TIMEOUT"), QStringLiteral("the page that %1 navigated to did not finish loading within %2 s")
                                                       .arg(url().toDisplayString(), seconds(timeoutMs)),
                        NodeError::Retry::Yes);
    if (m_load->status != QWebEngineLoadingInfo::LoadSucceededStatus)
        describeLoadFailure(*m_load, m_load->url);
}

Value BrowserSession::evaluate(ExecutionContext& ctx, const QString& body, qint64 timeoutMs, World world)
{
    const quint32 worldId = world == World::Page ? QWebEngineScript::MainWorld : QWebEngineScript::ApplicationWorld;
    const QString key = QStringLiteral("__taskloom_") + QUuid::createUuid().toString(QUuid::Id128);
    struct Answer {
        bool done = false;
        QVariant value;
    };
    auto run = [&](const QString& script) {
        auto answer = std::make_shared<Answer>();
        // The callback may come after we gave up (timeout): it only touches the shared answer.
        page()->runJavaScript(script, worldId, [answer](const QVariant& v) {
            answer->value = v;
            answer->done = true;
        });
        return answer;
    };
    QElapsedTimer clock;
    clock.start();
    auto timedOut = [&] {
        return NodeError(QStringLiteral("TIMEOUT"), QStringLiteral("the script did not finish within %1 s on %2").arg(seconds(timeoutMs), url().toDisplayString()),
                         NodeError::Retry::No);
    };
    auto answer = run(PageScript::wrap(body, key));
    if (!waitUntil(ctx, timeoutMs, [answer] { return answer->done; }))
        throw timedOut();
    QString json = answer->value.toString();
    auto parsed = Json::parse(json.toUtf8());
    if (json.isEmpty() || !parsed || !parsed->isObject())
        throw NodeError(QStringLiteral("SCRIPT_ERROR"), QStringLiteral("the page gave no answer to the script (it navigated away, or blocks scripts) on %1")
                                                            .arg(url().toDisplayString()));
    Object result = parsed->toObject();
    if (result.contains(u"pending")) {
        // A Promise: poll for its outcome.
        for (;;) {
            const qint64 left = timeoutMs < 0 ? -1 : timeoutMs - clock.elapsed();
            if (timeoutMs >= 0 && left <= 0)
                throw timedOut();
            pause(ctx, 15);
            auto probe = run(PageScript::pendingProbe(key));
            if (!waitUntil(ctx, left, [probe] { return probe->done; }))
                throw timedOut();
            if (probe->value.isNull() || !probe->value.isValid())
                continue;
            auto settled = Json::parse(probe->value.toString().toUtf8());
            if (!settled || !settled->isObject())
                throw NodeError(QStringLiteral("SCRIPT_ERROR"), QStringLiteral("the script's promise gave no JSON answer"));
            result = settled->toObject();
            break;
        }
    }
    if (!result.value(u"ok").toBool())
        throw NodeError(QStringLiteral("SCRIPT_ERROR"), result.value(u"error").toText());
    return result.value(u"value");
}

void BrowserSession::resize(int width, int height)
{
    m_options.width = width;
    m_options.height = height;
    m_view->resize(width, height);
}

void BrowserSession::armDownload(const QString& folder)
{
    m_downloadFolder = folder;
    m_downloadArmed = true;
    m_download = nullptr;
}

void BrowserSession::disarmDownload()
{
    m_downloadArmed = false;
    m_download = nullptr;
}

QWebEngineDownloadRequest* BrowserSession::download() const
{
    return m_download.data();
}

bool BrowserSession::offerDownload(QWebEngineDownloadRequest* request)
{
    // A download started with QWebEnginePage::download() may come without its page: the armed session takes it.
    if (!m_downloadArmed || (request->page() && request->page() != page()))
        return false;
    m_downloadArmed = false;
    request->setDownloadDirectory(m_downloadFolder);
    request->accept();
    m_download = request;
    return true;
}

} // namespace taskloom::nodes::web
