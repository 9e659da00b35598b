#include "TextLines.hpp"

namespace taskloom::nodes::ocr::textlines {

Field fieldFrom(const OcrLine& line, QString value, QString raw, int page)
{
    Field f;
    f.value = std::move(value);
    f.raw = std::move(raw);
    f.confidence = line.confidence;
    f.box = line.box;
    f.page = page;
    return f;
}

QString upper(const OcrLine& line)
{
    return line.text.toUpper();
}

bool containsAny(const QString& text, const QRegularExpression& re)
{
    return re.match(text).hasMatch();
}

Box boxOfSpan(const OcrLine& line, qsizetype start, qsizetype length)
{
    Box box;
    qsizetype pos = 0;
    for (const OcrWord& w : line.words) {
        const qsizetype at = line.text.indexOf(w.text, pos);
        if (at < 0)
            break;
        pos = at + w.text.size();
        if (at < start + length && start < pos)
            box = box.united(w.box);
    }
    return box.isEmpty() ? line.box : box;
}

QRegularExpression re(const char* pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

std::optional<AmountMatch> amountFor(const QList<OcrLine>& lines, qsizetype i)
{
    const auto here = normalize::findAmounts(lines[i].text);
    if (!here.isEmpty())
        return here.last();
    if (i + 1 < lines.size()) {
        const auto next = normalize::findAmounts(lines[i + 1].text);
        static const auto label = re("TOTAL|CASH|CHANGE|TAX|GST");
        if (!next.isEmpty() && lines[i + 1].text.simplified().count(u' ') <= 2 && !containsAny(lines[i + 1].text, label))
            return next.first();
    }
    return std::nullopt;
}

} // namespace taskloom::nodes::ocr::textlines
