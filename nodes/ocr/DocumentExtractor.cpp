#include "DocumentExtractor.hpp"

#include "IdCardExtractor.hpp"
#include "InvoiceExtractor.hpp"
#include "MrzReader.hpp"
#include "NumberVote.hpp"
#include "PunctuationVote.hpp"
#include "ReceiptExtractor.hpp"

#include <QFileInfo>

namespace taskloom::nodes::ocr {

namespace {

Field mrzField(const QString& value, const MrzReading& r)
{
    return Field{value, value, r.data.allChecksValid() ? std::max(0.9, r.confidence) : r.confidence * 0.5, r.box, 1};
}

Extraction fromMrz(const MrzReading& r)
{
    const mrz::MrzData& d = r.data;
    Extraction ex;
    ex.kind = QStringLiteral("id");
    ex.documentType = d.format == mrz::Format::TD3 ? QStringLiteral("passport") : mrz::formatName(d.format).toLower();
    ex.mrz = d.lines;
    ex.set(QStringLiteral("mrzFormat"), mrzField(mrz::formatName(d.format), r));
    ex.set(QStringLiteral("documentType"), mrzField(d.documentType, r));
    ex.set(QStringLiteral("issuingCountry"), mrzField(d.issuingCountry, r));
    ex.set(QStringLiteral("surname"), mrzField(d.surname, r));
    ex.set(QStringLiteral("givenNames"), mrzField(d.givenNames, r));
    ex.set(QStringLiteral("documentNumber"), mrzField(d.documentNumber, r));
    ex.set(QStringLiteral("nationality"), mrzField(d.nationality, r));
    ex.set(QStringLiteral("birthDate"), mrzField(d.birthDate, r));
    ex.set(QStringLiteral("sex"), mrzField(d.sex, r));
    ex.set(QStringLiteral("expiryDate"), mrzField(d.expiryDate, r));
    ex.set(QStringLiteral("optionalData"), mrzField(d.optionalData, r));
    if (d.format == mrz::Format::TD1)
        ex.set(QStringLiteral("optionalData2"), mrzField(d.optionalData2, r));
    ex.set(QStringLiteral("checkDigitsValid"), mrzField(d.allChecksValid() ? QStringLiteral("true") : QStringLiteral("false"), r));
    ex.flags = d.flags;
    return ex;
}

} // namespace

QString DocumentExtractor::receiptLanguages(const QString& languages, const QString& tessdataDir)
{
    QStringList langs = languages.split(u'+', Qt::SkipEmptyParts);
    const qsizetype eng = langs.indexOf(QStringLiteral("eng"));
    if (eng < 0)
        return languages;
    langs[eng] = QStringLiteral("eng_receipt");
    const QString receipt = langs.join(u'+');
    // A model folder given explicitly is the user's choice of English model: the receipt model only from there.
    if (!tessdataDir.isEmpty() && !QFileInfo::exists(tessdataDir + QStringLiteral("/eng_receipt.traineddata")))
        return languages;
    return TesseractEngine::locateTessdata(receipt, tessdataDir) ? receipt : languages;
}

DocumentExtractor::DocumentExtractor(Options options) : m_options(std::move(options)) {}

std::optional<DocumentKind> DocumentExtractor::kindFromName(const QString& name)
{
    const QString n = name.toLower();
    if (n == u"text")
        return DocumentKind::Text;
    if (n == u"receipt")
        return DocumentKind::Receipt;
    if (n == u"invoice")
        return DocumentKind::Invoice;
    if (n == u"id" || n == u"iddocument" || n == u"id-document")
        return DocumentKind::Id;
    return std::nullopt;
}

std::expected<Extraction, QString> DocumentExtractor::extractFile(DocumentKind kind, const QString& path) const
{
    auto pages = OcrPipeline(m_options.ocr).load(path);
    if (!pages)
        return std::unexpected(pages.error());
    return extract(kind, *pages, path);
}

std::expected<Extraction, QString> DocumentExtractor::extractBytes(DocumentKind kind, const QByteArray& bytes, const QString& name) const
{
    auto pages = OcrPipeline(m_options.ocr).loadBytes(bytes, name);
    if (!pages)
        return std::unexpected(pages.error());
    return extract(kind, *pages, name);
}

std::expected<Extraction, QString> DocumentExtractor::extract(DocumentKind kind, const QList<LoadedPage>& pages, const QString& name) const
{
    if (kind == DocumentKind::Id)
        return extractId(pages, name);
    OcrOptions ocr = m_options.ocr;
    if (kind == DocumentKind::Receipt && ocr.pageSegMode == 3)
        ocr.pageSegMode = 4; // a receipt is one column of variable-size lines
    if (kind == DocumentKind::Receipt)
        ocr.languages = receiptLanguages(ocr.languages, ocr.tessdataDir);
    // Till receipts are narrow and often scanned at low resolution (characters 10-14 px high): enlarging those
    // under 1000 px wide (at most 2x) lets Tesseract keep the thin strokes of '/' and the right-hand amount column.
    if (kind == DocumentKind::Receipt && ocr.preprocess.minShortSide < 1000)
        ocr.preprocess.minShortSide = 1000;
    const OcrPipeline pipeline(ocr);
    QList<PreparedPage> prepared;
    auto doc = pipeline.read(pages, name, kind == DocumentKind::Receipt ? &prepared : nullptr);
    if (!doc)
        return std::unexpected(doc.error());
    // Second readings of a receipt's lines, from crops:
    // - the address lines' commas and full stops, at two sizes with the receipt model;
    // - total lines whose amounts the page's segmentation dropped, read again to the page's right edge;
    // - the dates and totals, at two sizes with the languages as asked (plain English, not the receipt model that
    //   read the page: a second model's misreads are less often the same as the first's). Four sizes read the
    //   development receipts no better and cost a quarter of a second more per receipt.
    if (kind == DocumentKind::Receipt) {
        const OcrPipeline asAsked(m_options.ocr);
        for (qsizetype i = 0; i < doc->pages.size() && i < prepared.size(); ++i) {
            votePunctuation(pipeline, doc->pages[i], prepared[i], {20, 26}, &ReceiptExtractor::mayHoldAddress);
            readDroppedAmounts(pipeline, doc->pages[i], prepared[i], {24, 28, 36}, &ReceiptExtractor::lacksItsAmount);
            voteOnNumbers(asAsked, doc->pages[i], prepared[i], {24, 40}, &ReceiptExtractor::carriesKeyNumber, m_options.dateOrder);
        }
    }
    switch (kind) {
    case DocumentKind::Receipt: {
        Extraction ex = ReceiptExtractor({m_options.dateOrder, {}}).extract(*doc);
        // Tesseract's column segmentation (mode 4) now and then drops a right-hand column or a faint date line
        // that block mode (6) keeps. Only when the date or the total is missing is the receipt read again that
        // way, and only the missing fields are taken from it (the time goes with its date).
        if (ocr.pageSegMode == 4 && (ex.get(QStringLiteral("date")).isEmpty() || ex.get(QStringLiteral("total")).isEmpty())) {
            OcrOptions block = ocr;
            block.pageSegMode = 6;
            if (auto again = OcrPipeline(block).read(pages, name)) {
                const Extraction second = ReceiptExtractor({m_options.dateOrder, {}}).extract(*again);
                QStringList missing;
                if (ex.get(QStringLiteral("date")).isEmpty())
                    missing << QStringLiteral("date") << QStringLiteral("time");
                if (ex.get(QStringLiteral("total")).isEmpty())
                    missing << QStringLiteral("total");
                for (const QString& field : missing)
                    if (const Field f = second.get(field); !f.isEmpty() && ex.get(field).isEmpty())
                        ex.set(field, f);
            }
        }
        return ex;
    }
    case DocumentKind::Invoice:
        return InvoiceExtractor({m_options.dateOrder}).extract(*doc);
    default: {
        Extraction ex;
        ex.kind = QStringLiteral("text");
        ex.text = doc->text();
        double conf = 0;
        qsizetype n = 0;
        for (const OcrPage& p : doc->pages)
            for (const OcrLine& l : p.lines) {
                conf += l.confidence;
                ++n;
            }
        ex.set(QStringLiteral("text"), Field{ex.text, ex.text, n ? conf / double(n) : 0, {}, 1});
        ex.pages = doc->pages;
        return ex;
    }
    }
}

std::expected<Extraction, QString> DocumentExtractor::extractId(const QList<LoadedPage>& pages, const QString& name) const
{
    OcrPipeline pipeline(m_options.ocr);
    std::optional<MrzReading> best;
    for (const LoadedPage& page : pages) {
        if (page.image.empty())
            continue;
        auto reading = MrzReader(pipeline.request()).read(page.image);
        if (!reading)
            return std::unexpected(QStringLiteral("%1: %2").arg(name, reading.error()));
        if (*reading && (!best || (*reading)->data.allChecksValid()))
            best = std::move(*reading);
        if (best && best->data.allChecksValid())
            break;
    }
    if (best && best->data.allChecksValid())
        return fromMrz(*best);
    // No valid MRZ: read the card's printed text (Korean cards, label: value layouts).
    OcrOptions ocr = m_options.ocr;
    if (!ocr.languages.contains(QStringLiteral("kor")) && TesseractEngine::locateTessdata(ocr.languages + QStringLiteral("+kor")))
        ocr.languages += QStringLiteral("+kor");
    auto doc = OcrPipeline(ocr).read(pages, name);
    if (!doc)
        return std::unexpected(doc.error());
    Extraction card = IdCardExtractor({m_options.revealNationalIds}).extract(*doc);
    if (best && card.documentType == u"label-value" && card.fields.size() < 2) {
        Extraction ex = fromMrz(*best);
        ex.flags.prepend(QStringLiteral("machine-readable zone read with failing check digits"));
        return ex;
    }
    return card;
}

} // namespace taskloom::nodes::ocr
