#include "ExtractionJson.hpp"

#include <cmath>

namespace taskloom::nodes::ocr {

using engine::Array;
using engine::Object;
using engine::Value;

namespace {

Value boxValue(const Box& b);

Object fieldObject(const Field& f)
{
    Object o;
    o.insert(QStringLiteral("value"), f.value);
    o.insert(QStringLiteral("raw"), f.raw);
    o.insert(QStringLiteral("confidence"), std::round(f.confidence * 1000) / 1000);
    o.insert(QStringLiteral("box"), boxValue(f.box));
    o.insert(QStringLiteral("page"), f.page);
    return o;
}

Value boxValue(const Box& b)
{
    if (b.isEmpty())
        return Value();
    Object box;
    box.insert(QStringLiteral("x"), b.x);
    box.insert(QStringLiteral("y"), b.y);
    box.insert(QStringLiteral("width"), b.width);
    box.insert(QStringLiteral("height"), b.height);
    return box;
}

Array linesArray(const QList<OcrPage>& pages)
{
    Array lines;
    for (const OcrPage& p : pages) {
        for (const OcrLine& l : p.lines) {
            Object line;
            line.insert(QStringLiteral("text"), l.text);
            line.insert(QStringLiteral("confidence"), std::round(l.confidence * 1000) / 1000);
            line.insert(QStringLiteral("box"), boxValue(l.box));
            line.insert(QStringLiteral("page"), p.number);
            Array words;
            for (const OcrWord& w : l.words) {
                Object word;
                word.insert(QStringLiteral("text"), w.text);
                word.insert(QStringLiteral("confidence"), std::round(w.confidence * 1000) / 1000);
                word.insert(QStringLiteral("box"), boxValue(w.box));
                words.append(word);
            }
            line.insert(QStringLiteral("words"), words);
            lines.append(line);
        }
    }
    return lines;
}

Object fieldsObject(const FieldList& fields)
{
    Object o;
    for (const auto& [name, f] : fields)
        o.insert(name, fieldObject(f));
    return o;
}

} // namespace

Object extractionToObject(const Extraction& ex, const QString& file, bool includeText)
{
    Object o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("kind"), ex.kind);
    if (!ex.documentType.isEmpty())
        o.insert(QStringLiteral("documentType"), ex.documentType);
    o.insert(QStringLiteral("fields"), fieldsObject(ex.fields));
    if (ex.kind == u"receipt" || ex.kind == u"invoice") {
        Array items;
        for (const FieldList& row : ex.lineItems)
            items.append(fieldsObject(row));
        o.insert(QStringLiteral("lineItems"), items);
    }
    Array flags;
    for (const QString& f : ex.flags)
        flags.append(f);
    o.insert(QStringLiteral("flags"), flags);
    if (ex.kind == u"id") {
        Array mrz;
        for (const QString& l : ex.mrz)
            mrz.append(l);
        o.insert(QStringLiteral("mrz"), mrz);
    }
    if (ex.kind == u"text") {
        Array pages;
        for (const OcrPage& p : ex.pages) {
            Object page;
            page.insert(QStringLiteral("page"), p.number);
            page.insert(QStringLiteral("width"), p.width);
            page.insert(QStringLiteral("height"), p.height);
            page.insert(QStringLiteral("source"), p.source);
            pages.append(page);
        }
        o.insert(QStringLiteral("pages"), pages);
        o.insert(QStringLiteral("lines"), linesArray(ex.pages));
    }
    if (includeText)
        o.insert(QStringLiteral("text"), ex.text);
    return o;
}

} // namespace taskloom::nodes::ocr
