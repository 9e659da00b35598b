#include "OcrTypes.hpp"

#include <algorithm>

namespace taskloom::nodes::ocr {

Box Box::united(const Box& o) const
{
    if (isEmpty())
        return o;
    if (o.isEmpty())
        return *this;
    const int l = std::min(x, o.x);
    const int t = std::min(y, o.y);
    return {l, t, std::max(right(), o.right()) - l, std::max(bottom(), o.bottom()) - t};
}

QString OcrPage::text() const
{
    QString out;
    for (const OcrLine& l : lines) {
        out += l.text;
        out += u'\n';
    }
    return out;
}

QString OcrDocument::text() const
{
    QString out;
    for (const OcrPage& p : pages) {
        if (!out.isEmpty())
            out += u'\f';
        out += p.text();
    }
    return out;
}

QList<OcrLine> OcrDocument::allLines() const
{
    QList<OcrLine> out;
    for (const OcrPage& p : pages)
        out += p.lines;
    return out;
}

} // namespace taskloom::nodes::ocr
