#include "PdfReader.hpp"

#include <poppler-qt6.h>

#include <QImage>
#include <QLoggingCategory>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace taskloom::nodes::ocr {

namespace {

Q_LOGGING_CATEGORY(pdfLog, "taskloom.ocr.pdf", QtWarningMsg)

// Poppler reports what it repairs or gives up on ("Couldn't find trailer dictionary") through qDebug by default:
// noise around the one-line error the caller gets. It goes to a logging category of its own, off by default.
void toPdfLog(const QString& message, const QVariant&)
{
    qCDebug(pdfLog).noquote() << message;
}

} // namespace

PdfReader::PdfReader() = default;
PdfReader::~PdfReader() = default;

std::expected<void, QString> PdfReader::open(const QByteArray& bytes)
{
    static const bool routed = (Poppler::setDebugErrorFunction(&toPdfLog, {}), true);
    Q_UNUSED(routed);
    m_doc = Poppler::Document::loadFromData(bytes);
    if (!m_doc)
        return std::unexpected(QStringLiteral("not a readable PDF (damaged or truncated)"));
    if (m_doc->isLocked())
        return std::unexpected(QStringLiteral("the PDF is password-protected"));
    return {};
}

int PdfReader::pageCount() const
{
    return m_doc ? m_doc->numPages() : 0;
}

OcrPage PdfReader::textPage(int index) const
{
    OcrPage page;
    page.number = index + 1;
    page.source = QStringLiteral("pdf-text");
    std::unique_ptr<Poppler::Page> p = m_doc->page(index);
    if (!p)
        return page;
    const QSizeF size = p->pageSizeF();
    page.width = int(size.width());
    page.height = int(size.height());
    QList<OcrWord> words;
    for (const std::unique_ptr<Poppler::TextBox>& tb : p->textList()) {
        const QString text = tb->text().trimmed();
        if (text.isEmpty())
            continue;
        const QRectF r = tb->boundingBox();
        words.append({text, 1.0, Box{int(r.x()), int(r.y()), std::max(1, int(r.width())), std::max(1, int(r.height()))}});
    }
    page.lines = groupWordsIntoLines(std::move(words));
    return page;
}

std::expected<cv::Mat, QString> PdfReader::renderPage(int index, int dpi, qint64 maxPixels) const
{
    std::unique_ptr<Poppler::Page> p = m_doc->page(index);
    if (!p)
        return std::unexpected(QStringLiteral("cannot open the page"));
    const QSizeF size = p->pageSizeF();
    double scale = dpi / 72.0;
    const double pixels = size.width() * scale * size.height() * scale;
    if (pixels > double(maxPixels))
        scale *= std::sqrt(double(maxPixels) / pixels);
    QImage image = p->renderToImage(72.0 * scale, 72.0 * scale);
    if (image.isNull())
        return std::unexpected(QStringLiteral("cannot render the page"));
    image = image.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat view(image.height(), image.width(), CV_8UC1, image.bits(), size_t(image.bytesPerLine()));
    return view.clone();
}

bool PdfReader::hasUsableText(const OcrPage& page)
{
    qsizetype chars = 0;
    for (const OcrLine& l : page.lines)
        chars += l.text.size();
    return chars >= 20;
}

QList<OcrLine> groupWordsIntoLines(QList<OcrWord> words)
{
    std::stable_sort(words.begin(), words.end(), [](const OcrWord& a, const OcrWord& b) {
        return a.box.centerY() < b.box.centerY();
    });
    QList<OcrLine> lines;
    for (OcrWord& w : words) {
        OcrLine* target = nullptr;
        for (qsizetype i = lines.size() - 1; i >= 0 && i >= lines.size() - 3; --i) {
            const Box& lb = lines[i].box;
            const int overlap = std::min(lb.bottom(), w.box.bottom()) - std::max(lb.y, w.box.y);
            if (overlap * 2 >= std::min(lb.height, w.box.height)) {
                target = &lines[i];
                break;
            }
        }
        if (!target) {
            lines.append(OcrLine{});
            target = &lines.last();
        }
        target->box = target->box.united(w.box);
        target->words.append(std::move(w));
    }
    for (OcrLine& l : lines) {
        std::stable_sort(l.words.begin(), l.words.end(), [](const OcrWord& a, const OcrWord& b) { return a.box.x < b.box.x; });
        double conf = 0;
        QStringList parts;
        for (const OcrWord& w : l.words) {
            parts << w.text;
            conf += w.confidence;
        }
        l.text = parts.join(u' ');
        l.confidence = l.words.isEmpty() ? 0 : conf / double(l.words.size());
    }
    std::stable_sort(lines.begin(), lines.end(), [](const OcrLine& a, const OcrLine& b) { return a.box.y < b.box.y; });
    return lines;
}

} // namespace taskloom::nodes::ocr
