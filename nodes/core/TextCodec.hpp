#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>
#include <QStringEncoder>

#include <optional>

namespace taskloom::nodes::core {

/// Text encodings by the names users type: Qt's own (utf-8, utf-16, utf-16le/be, utf-32, latin1) and, through
/// ICU, any other Qt knows (windows-1252, shift_jis, gb18030, ...). "auto" (or empty) reads a byte order mark
/// and falls back to UTF-8.
class TextCodec {
public:
    static bool isKnown(const QString& name);
    /// A decoder for `name`; for "auto", chosen by the byte order mark at the start of `head`. A byte order
    /// mark of the chosen encoding is skipped. Empty when the name is unknown.
    static std::optional<QStringDecoder> decoder(const QString& name, QByteArrayView head = {});
    /// An encoder that never writes a byte order mark by itself ("auto" means UTF-8).
    static std::optional<QStringEncoder> encoder(const QString& name);
    /// Whether files in this encoding usually start with a byte order mark: UTF-16 and UTF-32 without a stated
    /// byte order, whose readers cannot tell the order otherwise.
    static bool wantsBom(const QString& name);
    /// Decodes a whole text; invalid bytes (a truncated last character too) become U+FFFD and set `invalid`.
    static QString decode(QStringDecoder decoder, QByteArrayView bytes, bool* invalid = nullptr);
    /// The problem text for an unknown name, for error messages.
    static QString unknownMessage();
};

} // namespace taskloom::nodes::core
