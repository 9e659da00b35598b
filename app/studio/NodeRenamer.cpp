#include "NodeRenamer.hpp"

#include <QRegularExpression>

namespace taskloom::studio {

using namespace engine;

namespace {

/// The name as a Lua string literal body for the given quote.
QString escaped(const QString& name, QChar quote)
{
    QString out;
    for (QChar ch : name) {
        if (ch == u'\\' || ch == quote)
            out += u'\\';
        out += ch;
    }
    return out;
}

QString rewriteExpression(const QString& expr, const QString& oldName, const QString& newName)
{
    QString out = expr;
    for (QChar quote : {QChar(u'"'), QChar(u'\'')}) {
        const QString q = QRegularExpression::escape(QString(quote));
        const QRegularExpression re(QStringLiteral("(node\\s*\\[\\s*)%1%2%1(\\s*\\])")
                                        .arg(q, QRegularExpression::escape(escaped(oldName, quote))));
        out.replace(re, QStringLiteral("\\1%1%2%1\\2").arg(QString(quote), escaped(newName, quote)));
    }
    return out;
}

} // namespace

QString NodeRenamer::rewriteText(const QString& text, const QString& oldName, const QString& newName)
{
    if (!text.contains(u"{{"))
        return text;
    QString out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u"{{", pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        out += text.mid(pos, open + 2 - pos);
        out += rewriteExpression(text.mid(open + 2, close - open - 2), oldName, newName);
        out += u"}}";
        pos = close + 2;
    }
    out += text.mid(pos);
    return out;
}

bool NodeRenamer::rewrite(Value& value, const QString& oldName, const QString& newName)
{
    switch (value.type()) {
    case Value::Type::String: {
        const QString after = rewriteText(value.stringRef(), oldName, newName);
        if (after == value.stringRef())
            return false;
        value = after;
        return true;
    }
    case Value::Type::Array: {
        Array a = value.toArray();
        bool changed = false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            Value v = a.at(i);
            if (rewrite(v, oldName, newName)) {
                a[i] = std::move(v);
                changed = true;
            }
        }
        if (changed)
            value = std::move(a);
        return changed;
    }
    case Value::Type::Object: {
        Object o = value.toObject();
        const bool changed = rewrite(o, oldName, newName);
        if (changed)
            value = std::move(o);
        return changed;
    }
    default:
        return false;
    }
}

bool NodeRenamer::rewrite(Object& params, const QString& oldName, const QString& newName)
{
    bool changed = false;
    for (const QString& key : params.keys()) {
        Value v = params.value(key);
        if (rewrite(v, oldName, newName)) {
            params.insert(key, std::move(v));
            changed = true;
        }
    }
    return changed;
}

} // namespace taskloom::studio
