#pragma once

#include <QList>
#include <QString>

namespace taskloom::nodes::ocr {

/// An axis-aligned rectangle in page pixels (PDF text layers: points scaled to 72 dpi pixels).
struct Box {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool isEmpty() const { return width <= 0 || height <= 0; }
    int right() const { return x + width; }
    int bottom() const { return y + height; }
    int centerY() const { return y + height / 2; }
    Box united(const Box& o) const;
};

struct OcrWord {
    QString text;
    double confidence = 0; ///< 0..1
    Box box;
};

struct OcrLine {
    QString text;
    double confidence = 0; ///< 0..1, the mean of its words
    Box box;
    QList<OcrWord> words;
};

struct OcrPage {
    int number = 1;
    int width = 0;
    int height = 0;
    QString source; ///< "ocr" or "pdf-text"
    QList<OcrLine> lines;

    QString text() const;
};

/// What the pipeline read from one document.
struct OcrDocument {
    QString file;
    QList<OcrPage> pages;

    QString text() const;
    /// Every line of every page, in reading order.
    QList<OcrLine> allLines() const;
};

} // namespace taskloom::nodes::ocr
