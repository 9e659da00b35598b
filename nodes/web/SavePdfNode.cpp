#include "SavePdfNode.hpp"

#include "BrowserWait.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/ExecutionContext.hpp"

#include <QPageLayout>
#include <QPageSize>
#include <QWebEnginePage>

namespace taskloom::nodes::web {

using namespace engine;

SavePdfNode::SavePdfNode()
    : WebNode(QStringLiteral("web.savePdf"), QStringLiteral("Save page as PDF"),
              QStringLiteral("Prints the page to PDF as the browser prints it (print styles apply). Attached to the item; saved to "
                             "a file when a path is set."))
{
    m_spec.aliases = {QStringLiteral("print"), QStringLiteral("pdf"), QStringLiteral("export")};
    m_spec.icon = QStringLiteral("document-print");
    m_pageSize = addParam<QString>(ParamSpec::choice(QStringLiteral("pageSize"), QStringLiteral("Paper"),
                                                     {{QStringLiteral("A4"), QStringLiteral("A4"), {}},
                                                      {QStringLiteral("Letter"), QStringLiteral("Letter"), {}},
                                                      {QStringLiteral("Legal"), QStringLiteral("Legal"), {}},
                                                      {QStringLiteral("A3"), QStringLiteral("A3"), {}}}));
    m_landscape = addParam<bool>(ParamSpec::boolean(QStringLiteral("landscape"), QStringLiteral("Landscape"), false));
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("Save to")).forSaving()
                                   .filter(QStringLiteral("PDF documents (*.pdf)")));
    m_binary = addParam<QString>(ParamSpec::string(QStringLiteral("binaryName"), QStringLiteral("Attachment name"))
                                     .defaults(QStringLiteral("pdf")).noExpressions());
    m_spec.errors.append({QStringLiteral("FILE_WRITE_ERROR"), QStringLiteral("The PDF could not be saved."), false});
}

Exec SavePdfNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        const QString sizeName = ctx.param(m_pageSize, item, i);
        const QPageSize::PageSizeId id = sizeName == u"Letter" ? QPageSize::Letter
                                         : sizeName == u"Legal" ? QPageSize::Legal
                                         : sizeName == u"A3"    ? QPageSize::A3
                                                                : QPageSize::A4;
        const QPageLayout layout(QPageSize(id), ctx.param(m_landscape, item, i) ? QPageLayout::Landscape : QPageLayout::Portrait,
                                 QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
        struct Result {
            bool done = false;
            QByteArray pdf;
        };
        auto result = std::make_shared<Result>();
        s.page()->printToPdf([result](const QByteArray& pdf) {
            result->pdf = pdf;
            result->done = true;
        }, layout);
        if (!waitUntil(ctx, timeout, [result] { return result->done; }))
            throw NodeError(QStringLiteral("TIMEOUT"), QStringLiteral("printing %1 to PDF took longer than %2 s")
                                                           .arg(s.url().toDisplayString()).arg(double(timeout) / 1000.0),
                            NodeError::Retry::Yes);
        if (result->pdf.isEmpty())
            throw NodeError(QStringLiteral("SCRIPT_ERROR"), QStringLiteral("the browser could not print %1 to PDF").arg(s.url().toDisplayString()));
        saveFile(ctx, m_path, ctx.param(m_path, item, i), result->pdf);
        item.json().insert(QStringLiteral("pdf"), Object{{QStringLiteral("size"), qint64(result->pdf.size())}, {QStringLiteral("url"), s.url().toString()}});
        item.setBinary(ctx.param(m_binary), ctx.makeBinary(result->pdf, QStringLiteral("application/pdf"), QStringLiteral("page.pdf")));
    });
}

} // namespace taskloom::nodes::web
