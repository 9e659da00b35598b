#pragma once
// Builds OCR results and document images for the OCR tests: text lines as if Tesseract had read them, and
// images rendered with QPainter (then rotated, blurred or noised) so no real scan is needed.

#include "nodes/ocr/OcrTypes.hpp"

#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>

#include <opencv2/core.hpp>

#include <ostream>

#include "../../support/QtPrinters.hpp"

namespace taskloom::tests {

inline nodes::ocr::OcrDocument documentOf(const QStringList& lines)
{
    nodes::ocr::OcrPage page;
    page.width = 800;
    page.height = int(lines.size()) * 30 + 20;
    page.source = QStringLiteral("ocr");
    int y = 10;
    for (const QString& text : lines) {
        nodes::ocr::OcrLine line;
        line.text = text;
        line.confidence = 0.9;
        line.box = {10, y, 10 * int(text.size()), 24};
        int x = 10;
        for (const QString& w : text.split(u' ', Qt::SkipEmptyParts)) {
            line.words.append({w, 0.9, {x, y, 10 * int(w.size()), 24}});
            x += 10 * int(w.size() + 1);
        }
        page.lines.append(line);
        y += 30;
    }
    nodes::ocr::OcrDocument doc;
    doc.pages = {page};
    return doc;
}

/// A QGuiApplication for QPainter text (offscreen: the test launcher sets QT_QPA_PLATFORM).
inline void ensureGuiApp()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "ocr-test";
    static char* argv[] = {name, nullptr};
    new QGuiApplication(argc, argv);
}

/// Black text lines on white paper, `pixelSize` high, left-aligned.
inline QImage renderLines(const QStringList& lines, int pixelSize = 28, const QString& family = QStringLiteral("DejaVu Sans"),
                          int width = 0)
{
    ensureGuiApp();
    QFont font(family);
    font.setPixelSize(pixelSize);
    font.setStyleHint(family.contains(u"Mono") ? QFont::Monospace : QFont::SansSerif);
    const int lineHeight = pixelSize * 16 / 10;
    int w = width;
    if (w == 0) {
        QFontMetrics fm(font);
        for (const QString& l : lines)
            w = std::max(w, fm.horizontalAdvance(l));
        w += 2 * pixelSize * 2;
    }
    QImage image(w, lineHeight * int(lines.size()) + pixelSize * 4, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(font);
    p.setPen(Qt::black);
    int y = pixelSize * 2 + pixelSize;
    for (const QString& l : lines) {
        p.drawText(pixelSize * 2, y, l);
        y += lineHeight;
    }
    p.end();
    return image;
}

inline cv::Mat toMat(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    return cv::Mat(gray.height(), gray.width(), CV_8UC1, const_cast<uchar*>(gray.bits()), size_t(gray.bytesPerLine())).clone();
}

} // namespace taskloom::tests
