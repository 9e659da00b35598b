#include "OcrNodeBase.hpp"

#include "ExtractionJson.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::ocr {

using namespace engine;

namespace {

const QString readFailed = QStringLiteral("OCR_READ_FAILED");
const QString noDocument = QStringLiteral("OCR_NO_DOCUMENT");
const QString notInstalled = QStringLiteral("OCR_LANGUAGE_MISSING");

} // namespace

OcrNodeBase::OcrNodeBase(DocumentKind kind, QString type, QString title, QString description, QStringList aliases)
    : m_kind(kind)
{
    m_spec.type = std::move(type);
    m_spec.title = std::move(title);
    m_spec.category = QStringLiteral("Documents");
    m_spec.description = std::move(description);
    m_spec.aliases = std::move(aliases) << QStringLiteral("ocr") << QStringLiteral("scan") << QStringLiteral("tesseract");
    m_spec.icon = QStringLiteral("scanner");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("Each item carries one document")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_source = addParam<QString>(ParamSpec::choice(QStringLiteral("source"), QStringLiteral("Document from"),
                                                   {{QStringLiteral("binary"), QStringLiteral("Binary attachment"),
                                                     QStringLiteral("An image or PDF attached to the item (Read Files, HTTP)")},
                                                    {QStringLiteral("path"), QStringLiteral("File path"), {}}}));
    m_binaryProperty = addParam<QString>(ParamSpec::string(QStringLiteral("binaryProperty"), QStringLiteral("Attachment name"))
                                             .defaults(QStringLiteral("data"))
                                             .visibleWhen(QStringLiteral("source"), {QStringLiteral("binary")}));
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File"))
                                   .filter(QStringLiteral("Documents (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.pdf)"))
                                   .hint(QStringLiteral("{{ item.path }}"))
                                   .visibleWhen(QStringLiteral("source"), {QStringLiteral("path")}));
    m_languages = addParam<QString>(ParamSpec::string(QStringLiteral("languages"), QStringLiteral("Languages"))
                                        .defaults(QStringLiteral("eng"))
                                        .describe(QStringLiteral("Tesseract languages joined by '+', e.g. eng+kor.")));
    m_preprocess = addParam<QString>(
        ParamSpec::string(QStringLiteral("preprocess"), QStringLiteral("Pre-processing"))
            .hint(QStringLiteral("documentBoundary,removeShadows,-deskew"))
            .describe(QStringLiteral("Steps to switch on (or off with '-'): %1. Empty: the defaults (upscale, deskew).")
                          .arg(PreprocessOptions::stepNames().join(QStringLiteral(", ")))));
    m_outputField = addParam<QString>(ParamSpec::string(QStringLiteral("outputField"), QStringLiteral("Put the result in field"))
                                          .defaults(QStringLiteral("document"))
                                          .noExpressions());
    m_includeText = addParam<bool>(ParamSpec::boolean(QStringLiteral("includeText"), QStringLiteral("Include the full text"),
                                                      kind == DocumentKind::Text));
    m_spec.errors = {{readFailed, QStringLiteral("The document cannot be read: missing, empty, truncated, not an image or PDF, "
                                                 "password-protected, or too large."), false},
                     {noDocument, QStringLiteral("The item has no attachment of that name, or the path is empty."), false},
                     {notInstalled, QStringLiteral("A Tesseract language is not installed."), false}};
}

QList<std::pair<QString, QString>> OcrNodeBase::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    const Value pre = params.value(m_preprocess.name());
    if (pre.isString() && !pre.stringRef().contains(QStringLiteral("{{"))) {
        QStringList unknown;
        PreprocessOptions::parse(pre.stringRef(), &unknown);
        if (!unknown.isEmpty())
            problems.append({m_preprocess.name(), QStringLiteral("unknown step \"%1\" (known: %2)")
                                                      .arg(unknown.first(), PreprocessOptions::stepNames().join(QStringLiteral(", ")))});
    }
    return problems;
}

void OcrNodeBase::configure(ExecutionContext&, const Item&, qsizetype, DocumentExtractor::Options&) const {}

void OcrNodeBase::addDateOrderParam()
{
    m_dateOrder = addParam<QString>(ParamSpec::choice(QStringLiteral("dateOrder"), QStringLiteral("Dates like 05/06/2018 are"),
                                                      {{QStringLiteral("dayFirst"), QStringLiteral("Day first (5 June)"), {}},
                                                       {QStringLiteral("monthFirst"), QStringLiteral("Month first (May 6)"), {}}}));
}

Exec OcrNodeBase::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    const QString outputField = ctx.param(m_outputField);
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        ctx.progress(items.size() ? double(i) / double(items.size()) : -1);
        const Item& item = items[i];
        try {
            DocumentExtractor::Options options;
            options.ocr.languages = ctx.param(m_languages, item, i).trimmed();
            QStringList unknown;
            const QString pre = ctx.param(m_preprocess, item, i);
            options.ocr.preprocess = PreprocessOptions::parse(pre, &unknown);
            if (!unknown.isEmpty())
                throw NodeError::param(m_preprocess.name(), pre, QStringLiteral("unknown step \"%1\"").arg(unknown.first()));
            if (auto dir = TesseractEngine::locateTessdata(options.ocr.languages); !dir)
                throw NodeError(notInstalled, QStringLiteral("parameter \"%1\" = \"%2\": %3").arg(m_languages.name(), options.ocr.languages, dir.error()));
            options.ocr.cancelled = [&ctx] { return ctx.isCancelled(); };
            if (m_dateOrder)
                options.dateOrder = ctx.param(*m_dateOrder, item, i) == u"monthFirst" ? DateOrder::MonthFirst : DateOrder::DayFirst;
            configure(ctx, item, i, options);
            const DocumentExtractor extractor(options);
            std::expected<Extraction, QString> result;
            QString file;
            if (ctx.param(m_source, item, i) == u"path") {
                const QString path = ctx.param(m_path, item, i);
                if (path.trimmed().isEmpty())
                    throw NodeError::param(m_path.name(), path, QStringLiteral("needs a file path"), noDocument);
                file = ctx.resolvePath(path);
                result = extractor.extractFile(m_kind, file);
            } else {
                const QString name = ctx.param(m_binaryProperty, item, i);
                const BinaryRef binary = item.binary(name);
                if (!binary)
                    throw NodeError(noDocument, QStringLiteral("parameter \"%1\" = \"%2\": the item has no such attachment")
                                                    .arg(m_binaryProperty.name(), name));
                auto bytes = binary->bytes();
                if (!bytes)
                    throw NodeError(readFailed, QStringLiteral("attachment \"%1\": %2").arg(name, bytes.error()));
                file = binary->fileName().isEmpty() ? name : binary->fileName();
                result = extractor.extractBytes(m_kind, *bytes, file);
            }
            ctx.checkCancelled();
            if (!result)
                throw NodeError(readFailed, result.error());
            Item next = item;
            next.json().insert(outputField, extractionToObject(*result, file, ctx.param(m_includeText, item, i)));
            out.push(0, std::move(next));
        } catch (const NodeError& e) {
            ctx.failItem(item, e, out);
        }
    }
    return Exec::Done;
}

} // namespace taskloom::nodes::ocr
