#include "DownloadNode.hpp"

#include "BrowserWait.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/ExecutionContext.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QWebEngineDownloadRequest>
#include <QWebEnginePage>

namespace taskloom::nodes::web {

using namespace engine;

DownloadNode::DownloadNode()
    : WebNode(QStringLiteral("web.download"), QStringLiteral("Download file"),
              QStringLiteral("Downloads a file in the browser, with the session's cookies (behind a login): from a URL, or by "
                             "clicking the link or button a selector finds. The file becomes a binary attachment."))
{
    m_spec.aliases = {QStringLiteral("file"), QStringLiteral("save"), QStringLiteral("fetch")};
    m_url = addParam<QString>(ParamSpec::string(QStringLiteral("url"), QStringLiteral("URL"))
                                  .describe(QStringLiteral("Relative URLs are taken from the current page. Empty: click the selector.")));
    m_selector = addParam<QString>(ParamSpec::string(QStringLiteral("selector"), QStringLiteral("Or click"))
                                       .hint(QStringLiteral("a.download")));
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("Save to")).forSaving());
    m_binary = addParam<QString>(ParamSpec::string(QStringLiteral("binaryName"), QStringLiteral("Attachment name"))
                                     .defaults(QStringLiteral("file")).noExpressions());
    m_spec.errors.append(selectorNotFoundError());
    m_spec.errors.append({QStringLiteral("DOWNLOAD_FAILED"), QStringLiteral("The server or the network ended the download."), true});
    m_spec.errors.append({QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("The file could not be saved."), false});
}

Exec DownloadNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        const QString urlText = ctx.param(m_url, item, i).trimmed();
        const QString selector = ctx.param(m_selector, item, i).trimmed();
        if (urlText.isEmpty() && selector.isEmpty())
            throw NodeError::param(m_url.name(), urlText, QStringLiteral("give a URL or a selector to click"));
        QTemporaryDir folder(QDir(QDir::tempPath()).filePath(QStringLiteral("taskloom-download-XXXXXX")));
        if (!folder.isValid())
            throw NodeError(QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("cannot create a temporary folder: %1").arg(folder.errorString()));
        struct Disarm {
            BrowserSession& s;
            ~Disarm() { s.disarmDownload(); }
        } disarm{s};
        s.armDownload(folder.path());
        QString shown = urlText;
        if (!urlText.isEmpty()) {
            const QUrl url = s.url().resolved(QUrl(urlText));
            if (!url.isValid())
                throw NodeError::param(m_url.name(), urlText, QStringLiteral("not a URL"));
            shown = url.toDisplayString();
            s.page()->download(url);
        } else {
            waitForMatch(ctx, s, m_selector.name(), selector, timeout);
            const Object r = call(ctx, s, QStringLiteral("click"), {{QStringLiteral("selector"), selector}, {QStringLiteral("index"), 0}},
                                  timeout, m_selector.name()).toObject();
            if (r.value(u"nomatch").toBool())
                throwNoMatch(s, selector, 0);
            shown = QStringLiteral("the link '%1' on %2").arg(selector, s.url().toDisplayString());
        }
        auto finished = [&s] { return s.download() && s.download()->isFinished(); };
        if (!waitUntil(ctx, timeout, finished)) {
            if (s.download())
                s.download()->cancel();
            throw NodeError(QStringLiteral("TIMEOUT"),
                            s.download() ? QStringLiteral("downloading %1 took longer than %2 s").arg(shown).arg(double(timeout) / 1000.0)
                                         : QStringLiteral("%1 started no download within %2 s").arg(shown).arg(double(timeout) / 1000.0),
                            NodeError::Retry::Yes);
        }
        QWebEngineDownloadRequest* d = s.download();
        if (d->state() != QWebEngineDownloadRequest::DownloadCompleted)
            throw NodeError(QStringLiteral("DOWNLOAD_FAILED"), QStringLiteral("downloading %1 failed: %2").arg(d->url().toDisplayString(), d->interruptReasonString()),
                            d->interruptReason() == QWebEngineDownloadRequest::ServerBadContent
                                    || d->interruptReason() == QWebEngineDownloadRequest::ServerForbidden
                                    || d->interruptReason() == QWebEngineDownloadRequest::ServerUnauthorized
                                ? NodeError::Retry::No
                                : NodeError::Retry::Yes);
        QFile f(QDir(d->downloadDirectory()).filePath(d->downloadFileName()));
        if (!f.open(QIODevice::ReadOnly))
            throw NodeError(QStringLiteral("DOWNLOAD_FAILED"), QStringLiteral("the downloaded file %1 cannot be read: %2").arg(f.fileName(), f.errorString()));
        const QByteArray bytes = f.readAll();
        saveFile(ctx, m_path, ctx.param(m_path, item, i), bytes);
        const QString mime = d->mimeType().isEmpty() ? QStringLiteral("application/octet-stream") : d->mimeType();
        item.json().insert(QStringLiteral("download"), Object{{QStringLiteral("fileName"), d->downloadFileName()},
                                                              {QStringLiteral("mimeType"), mime},
                                                              {QStringLiteral("size"), qint64(bytes.size())},
                                                              {QStringLiteral("url"), d->url().toString()}});
        item.setBinary(ctx.param(m_binary), ctx.makeBinary(bytes, mime, d->downloadFileName()));
    });
}

} // namespace taskloom::nodes::web
