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

} // namespace taskloom::nodes::ocr::textlines
