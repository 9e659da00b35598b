#include "TextCodec.hpp"

#include "TextDecoder.hpp"

namespace taskloom::nodes::core {

namespace {

bool isAuto(const QString& name)
{
    const QString n = name.trimmed();
    return n.isEmpty() || n.compare(u"auto", Qt::CaseInsensitive) == 0;
}

QByteArray nameBytes(const QString& name)
{
    return name.trimmed().toLatin1();
}

} // namespace

bool TextCodec::isKnown(const QString& name)
{
    return isAuto(name) || QStringDecoder(nameBytes(name).constData()).isValid();
}

std::optional<QStringDecoder> TextCodec::decoder(const QString& name, QByteArrayView head)
{
    if (isAuto(name)) {
        const auto found = QStringConverter::encodingForData(head);
        return QStringDecoder(found.value_or(QStringConverter::Utf8));
    }
    QStringDecoder d(nameBytes(name).constData());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QStringEncoder> TextCodec::encoder(const QString& name)
{
    if (isAuto(name))
        return QStringEncoder(QStringConverter::Utf8);
    QStringEncoder e(nameBytes(name).constData());
    if (!e.isValid())
        return std::nullopt;
    return e;
}

bool TextCodec::wantsBom(const QString& name)
{
    const auto e = QStringConverter::encodingForName(nameBytes(name).constData());
    return e == QStringConverter::Utf16 || e == QStringConverter::Utf32;
}

QString TextCodec::decode(QStringDecoder decoder, QByteArrayView bytes, bool* invalid)
{
    TextDecoder d(std::move(decoder));
    QString text = d.decode(bytes);
    const bool truncated = d.hasPartialInput();
    if (truncated)
        text.append(QChar::ReplacementCharacter);
    if (invalid)
        *invalid = d.hasError() || truncated;
    return text;
}

QString TextCodec::unknownMessage()
{
    return QStringLiteral("unknown text encoding; use a name like utf-8, utf-16, latin1 or windows-1252");
}

} // namespace taskloom::nodes::core
