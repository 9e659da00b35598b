#include "JsonSchema.hpp"

#include "engine/Json.hpp"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace taskloom::nodes::llm {

using engine::Array;
using engine::Json;
using engine::Object;
using engine::Value;

namespace {

const QStringList& typeNames()
{
    static const QStringList names = {QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("integer"),
                                      QStringLiteral("boolean"), QStringLiteral("object"), QStringLiteral("array"),
                                      QStringLiteral("null")};
    return names;
}

bool hasType(const Value& v, const QString& type)
{
    using T = Value::Type;
    if (type == u"string") return v.type() == T::String;
    if (type == u"integer") return v.type() == T::Int || (v.type() == T::Double && v.toDouble() == std::floor(v.toDouble()));
    if (type == u"number") return v.type() == T::Int || v.type() == T::Double;
    if (type == u"boolean") return v.type() == T::Bool;
    if (type == u"object") return v.type() == T::Object;
    if (type == u"array") return v.type() == T::Array;
    if (type == u"null") return v.type() == T::Null;
    return false;
}

QString describe(const Value& v)
{
    QString text = QString::fromUtf8(Json::serialize(v));
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return QStringLiteral("%1 %2").arg(Value::typeName(v.type()), text);
}

QStringList typesOf(const Value& schema)
{
    const Value& t = schema.toObject().value(u"type");
    QStringList out;
    if (t.type() == Value::Type::String)
        out.append(t.toString());
    else if (t.type() == Value::Type::Array)
        for (const Value& x : t.toArray())
            out.append(x.toString());
    return out;
}

void check(const Value& v, const Value& schemaValue, const QString& path, QStringList& problems)
{
    const Object schema = schemaValue.toObject();
    const QStringList types = typesOf(schemaValue);
    if (!types.isEmpty() && std::none_of(types.begin(), types.end(), [&v](const QString& t) { return hasType(v, t); })) {
        problems.append(QStringLiteral("%1: expected %2, got %3").arg(path, types.join(QStringLiteral(" or ")), describe(v)));
        return;
    }
    if (const Value* e = schema.find(u"enum"); e && !e->toArray().values().empty()) {
        const Array options = e->toArray();
        if (std::find(options.begin(), options.end(), v) == options.end())
            problems.append(QStringLiteral("%1: %2 is not one of %3").arg(path, describe(v), QString::fromUtf8(Json::serialize(*e))));
    }
    if (const Value* c = schema.find(u"const"); c && !(*c == v))
        problems.append(QStringLiteral("%1: must be %2").arg(path, QString::fromUtf8(Json::serialize(*c))));
    if (v.type() == Value::Type::String) {
        const qsizetype len = v.toString().size();
        if (const Value* m = schema.find(u"minLength"); m && len < m->toInt())
            problems.append(QStringLiteral("%1: shorter than %2 characters").arg(path).arg(m->toInt()));
        if (const Value* m = schema.find(u"maxLength"); m && len > m->toInt())
            problems.append(QStringLiteral("%1: longer than %2 characters").arg(path).arg(m->toInt()));
        if (const Value* p = schema.find(u"pattern")) {
            const QRegularExpression re(p->toString());
            if (re.isValid() && !re.match(v.toString()).hasMatch())
                problems.append(QStringLiteral("%1: %2 does not match the pattern %3").arg(path, describe(v), p->toString()));
        }
    }
    if (v.type() == Value::Type::Int || v.type() == Value::Type::Double) {
        const double d = v.toDouble();
        if (const Value* m = schema.find(u"minimum"); m && d < m->toDouble())
            problems.append(QStringLiteral("%1: %2 is below the minimum %3").arg(path, describe(v), Json::formatDouble(m->toDouble())));
        if (const Value* m = schema.find(u"maximum"); m && d > m->toDouble())
            problems.append(QStringLiteral("%1: %2 is above the maximum %3").arg(path, describe(v), Json::formatDouble(m->toDouble())));
    }
    if (v.type() == Value::Type::Array) {
        const Array a = v.toArray();
        if (const Value* m = schema.find(u"minItems"); m && a.size() < m->toInt())
            problems.append(QStringLiteral("%1: fewer than %2 items").arg(path).arg(m->toInt()));
        if (const Value* m = schema.find(u"maxItems"); m && a.size() > m->toInt())
            problems.append(QStringLiteral("%1: more than %2 items").arg(path).arg(m->toInt()));
        if (const Value* items = schema.find(u"items"); items && items->type() == Value::Type::Object) {
            for (qsizetype i = 0; i < a.size(); ++i)
                check(a.at(i), *items, QStringLiteral("%1[%2]").arg(path).arg(i), problems);
        }
    }
    if (v.type() == Value::Type::Object) {
        const Object o = v.toObject();
        const Object properties = schema.value(u"properties").toObject();
        for (const Value& r : schema.value(u"required").toArray()) {
            if (!o.contains(r.toString()))
                problems.append(QStringLiteral("%1: the required field \"%2\" is missing").arg(path, r.toString()));
        }
        const bool closed = schema.value(u"additionalProperties").type() == Value::Type::Bool
            && !schema.value(u"additionalProperties").toBool();
        for (const auto& [key, value] : o) {
            if (const Value* sub = properties.find(key))
                check(value, *sub, path + u'.' + key, problems);
            else if (closed)
                problems.append(QStringLiteral("%1: unexpected field \"%2\"").arg(path, key));
        }
    }
}

std::expected<void, QString> checkNode(const Value& schemaValue, const QString& path)
{
    if (schemaValue.type() != Value::Type::Object)
        return std::unexpected(QStringLiteral("%1: a schema must be a JSON object").arg(path));
    const Object schema = schemaValue.toObject();
    if (const Value* t = schema.find(u"type")) {
        const QStringList types = typesOf(schemaValue);
        if (types.isEmpty())
            return std::unexpected(QStringLiteral("%1.type: must be a type name or a list of them").arg(path));
        for (const QString& type : types) {
            if (!typeNames().contains(type))
                return std::unexpected(QStringLiteral("%1.type: unknown type \"%2\" (known: %3)")
                                           .arg(path, type, typeNames().join(QStringLiteral(", "))));
        }
        (void)t;
    }
    if (const Value* p = schema.find(u"properties")) {
        if (p->type() != Value::Type::Object)
            return std::unexpected(QStringLiteral("%1.properties: must be an object").arg(path));
        for (const auto& [key, sub] : p->toObject()) {
            if (auto r = checkNode(sub, QStringLiteral("%1.properties.%2").arg(path, key)); !r)
                return r;
        }
    }
    if (const Value* r = schema.find(u"required")) {
        if (r->type() != Value::Type::Array)
            return std::unexpected(QStringLiteral("%1.required: must be a list of field names").arg(path));
    }
    if (const Value* e = schema.find(u"enum"); e && e->type() != Value::Type::Array)
        return std::unexpected(QStringLiteral("%1.enum: must be a list").arg(path));
    if (const Value* p = schema.find(u"pattern")) {
        const QRegularExpression re(p->toString());
        if (!re.isValid())
            return std::unexpected(QStringLiteral("%1.pattern: %2").arg(path, re.errorString()));
    }
    if (const Value* items = schema.find(u"items"))
        return checkNode(*items, path + QStringLiteral(".items"));
    return {};
}

} // namespace

std::expected<void, QString> JsonSchema::checkSchema(const Value& schema)
{
    return checkNode(schema, QStringLiteral("schema"));
}

QStringList JsonSchema::validate(const Value& value, const Value& schema)
{
    QStringList problems;
    check(value, schema, QStringLiteral("$"), problems);
    return problems;
}

std::expected<Value, QString> JsonSchema::parseReply(const QString& reply)
{
    QString text = reply.trimmed();
    if (const qsizetype fence = text.indexOf(QStringLiteral("```")); fence >= 0) {
        const qsizetype bodyStart = text.indexOf(u'\n', fence);
        const qsizetype close = bodyStart < 0 ? -1 : text.indexOf(QStringLiteral("```"), bodyStart);
        if (close > bodyStart)
            text = text.mid(bodyStart + 1, close - bodyStart - 1).trimmed();
    }
    auto parsed = Json::parse(text.toUtf8());
    if (parsed)
        return *parsed;
    const qsizetype open = text.indexOf(u'{');
    const qsizetype close = text.lastIndexOf(u'}');
    if (open >= 0 && close > open) {
        if (auto inner = Json::parse(text.mid(open, close - open + 1).toUtf8()))
            return *inner;
    }
    return std::unexpected(QStringLiteral("the reply is not JSON (%1)").arg(parsed.error().toString()));
}

} // namespace taskloom::nodes::llm
