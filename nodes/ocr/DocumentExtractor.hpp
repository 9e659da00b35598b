#pragma once

#include "Extraction.hpp"
#include "Normalize.hpp"
#include "OcrPipeline.hpp"

namespace taskloom::nodes::ocr {

enum class DocumentKind { Text, Receipt, Invoice, Id };

/// The one entry point the CLI, the nodes and the benchmark share: a document in, an Extraction out, with the
/// OCR passes each kind needs (receipts: one-column segmentation; IDs: the MRZ reader, then the card layouts).
class DocumentExtractor {
public:
    struct Options {
        OcrOptions ocr;
        DateOrder dateOrder = DateOrder::DayFirst;
        bool revealNationalIds = false; ///< Korean resident registration numbers are masked unless this is set
    };

    explicit DocumentExtractor(Options options);

    std::expected<Extraction, QString> extractFile(DocumentKind kind, const QString& path) const;
    std::expected<Extraction, QString> extractBytes(DocumentKind kind, const QByteArray& bytes, const QString& name) const;

    static std::optional<DocumentKind> kindFromName(const QString& name);
    /// The languages a receipt is read in: `eng` becomes `eng_receipt` (English fine-tuned on till-receipt print,
    /// shipped with Taskloom) where that model is installed; with a model folder given, only from that folder.
    static QString receiptLanguages(const QString& languages, const QString& tessdataDir = {});

private:
    std::expected<Extraction, QString> extract(DocumentKind kind, const QList<LoadedPage>& pages, const QString& name) const;
    std::expected<Extraction, QString> extractId(const QList<LoadedPage>& pages, const QString& name) const;

    Options m_options;
};

} // namespace taskloom::nodes::ocr
