#pragma once

#include "recorder/Image.hpp"

#include <QList>
#include <QString>

#include <expected>
#include <functional>
#include <optional>

namespace taskloom::nodes::rpa {

/// Text on the screen, read by OCR (Tesseract through taskloom_ocr): for "click the text", "wait for text" and
/// "read text in a region". Screen text is small (about 12 px high at 96 dpi), so the region is enlarged before
/// Tesseract reads it in sparse-text mode; boxes come back in screen coordinates.
struct ScreenWord {
    QString text;
    recorder::Rect box;
    double confidence = 0; ///< 0..1
};

struct ScreenLine {
    QString text;
    recorder::Rect box;
    QList<ScreenWord> words;
};

struct ScreenText {
    QList<ScreenLine> lines;

    QString text() const;
    /// The box of the first run of consecutive words on one line that spells `needle` (case, spacing and
    /// trailing punctuation ignored); nullopt when it is not there.
    std::optional<recorder::Rect> find(const QString& needle) const;
};

struct ScreenTextOptions {
    QString languages = QStringLiteral("eng");
    double minConfidence = 0.3;   ///< words read with less confidence are left out
    std::function<bool()> cancelled;
};

/// Reads `region` of `screen` (empty: all of it). Errors name the missing OCR language or the OCR failure.
std::expected<ScreenText, QString> readScreenText(const recorder::Image& screen, const recorder::Rect& region,
                                                  const ScreenTextOptions& options = {});

/// Where `text` is in `region` of `screen` (nullopt: not there): a replay's text locator
/// (recorder::ReplayOptions::findText) for `taskloom replay`, the studio's recorder panel and the RPA nodes.
std::expected<std::optional<recorder::Rect>, QString> findScreenText(const recorder::Image& screen, const QString& text,
                                                                     const recorder::Rect& region,
                                                                     const ScreenTextOptions& options = {});

} // namespace taskloom::nodes::rpa
