#include "SetFieldsNode.hpp"

#include "FieldPath.hpp"
#include "ItemLoop.hpp"

#include "engine/Json.hpp"
#include "engine/Template.hpp"

namespace taskloom::nodes::core {

using namespace engine;

namespace {

enum class Kind { Auto, String, Number, Boolean, Json, Null };

struct Row {
    FieldPath path;
    QString valueText;
    bool dynamic = false;
    Kind kind = Kind::Auto;
    Value constant; // converted once when not dynamic
};

Kind kindFromName(const QString& s)
{
    if (s == u"string")
        return Kind::String;
    if (s == u"number")
        return Kind::Number;
    if (s == u"boolean")
        return Kind::Boolean;
    if (s == u"json")
        return Kind::Json;
    if (s == u"null")
        return Kind::Null;
    return Kind::Auto;
}

Value convert(const QString& name, const Value& v, Kind kind)
{
    switch (kind) {
    case Kind::Auto: return v;
    case Kind::String: return v.toText();
    case Kind::Number: {
        if (v.isNumber())
            return v;
        bool ok = false;
        const QString t = v.toText().trimmed();
        const qint64 i = t.toLongLong(&ok);
        if (ok)
            return i;
        const double d = t.toDouble(&ok);
        if (!ok)
            throw NodeError::param(QStringLiteral("fields"), v, QStringLiteral("field \"%1\" expects a number").arg(name));
        return d;
    }
    case Kind::Boolean: return convertParam<bool>(QStringLiteral("fields"), v);
    case Kind::Json: {
        if (!v.isString())
            return v;
        auto parsed = Json::parse(v.stringRef().toUtf8());
        if (!parsed)
            throw NodeError::param(QStringLiteral("fields"), v,
                                   QStringLiteral("field \"%1\" expects JSON: %2").arg(name, parsed.error().toString()));
        return *parsed;
    }
    case Kind::Null: return Value();
    }
    return v;
}

} // namespace

SetFieldsNode::SetFieldsNode()
{
    m_spec.type = QStringLiteral("core.set");
    m_spec.title = QStringLiteral("Set Fields");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Adds or changes fields on every item, with fixed values or {{ expressions }}.");
    m_spec.aliases = {QStringLiteral("edit"), QStringLiteral("assign"), QStringLiteral("field"), QStringLiteral("map")};
    m_spec.icon = QStringLiteral("document-edit");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_fields = addParam<Array>(
        ParamSpec::list(QStringLiteral("fields"), QStringLiteral("Fields"),
                        {ParamSpec::string(QStringLiteral("name"), QStringLiteral("Name")).required().noExpressions()
                             .hint(QStringLiteral("total or customer.name")),
                         ParamSpec::string(QStringLiteral("value"), QStringLiteral("Value"))
                             .hint(QStringLiteral("text or {{ item.price * item.quantity }}")),
                         ParamSpec::choice(QStringLiteral("type"), QStringLiteral("Type"),
                                           {{QStringLiteral("auto"), QStringLiteral("As written"), {}},
                                            {QStringLiteral("string"), QStringLiteral("Text"), {}},
                                            {QStringLiteral("number"), QStringLiteral("Number"), {}},
                                            {QStringLiteral("boolean"), QStringLiteral("Boolean"), {}},
                                            {QStringLiteral("json"), QStringLiteral("JSON"), {}},
                                            {QStringLiteral("null"), QStringLiteral("Null"), {}}})})
            .required());
    m_keepOnlySet = addParam<bool>(ParamSpec::boolean(QStringLiteral("keepOnlySet"), QStringLiteral("Keep only these fields"), false)
                                       .describe(QStringLiteral("Drop every field of the item that is not set here.")));
    m_spec.errors = {{QStringLiteral("INVALID_PARAMETER"), QStringLiteral("A value does not convert to the field's type."), false},
                     {QStringLiteral("EXPRESSION_ERROR"), QStringLiteral("A value's expression failed."), false}};
}

Exec SetFieldsNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const bool keepOnly = ctx.param(m_keepOnlySet);
    QList<Row> rows;
    for (const Value& rv : ctx.rawParamValue(m_fields.name()).arrayRef()) {
        Row r;
        const QString name = rv.objectRef().value(u"name").toText();
        r.path = FieldPath::parse(name);
        if (r.path.isEmpty())
            continue;
        r.valueText = rv.objectRef().value(u"value").toText();
        r.dynamic = Template::containsExpression(r.valueText);
        r.kind = kindFromName(rv.objectRef().value(u"type").toText());
        if (!r.dynamic) {
            const Value& raw = rv.objectRef().value(u"value");
            r.constant = convert(name, raw.isNull() ? Value(QString()) : raw, r.kind);
        }
        rows.append(std::move(r));
    }
    bool dynamic = false;
    for (const Row& r : rows)
        dynamic = dynamic || r.dynamic;
    ItemList& result = out.portRef(0);
    if (!dynamic && !keepOnly) {
        // Constant values cannot fail: change the items we own in place (no per-item copy).
        ItemList items = in.take(0);
        for (Item& item : items) {
            for (const Row& r : rows)
                r.path.set(item.json(), r.constant);
        }
        result.append(std::move(items));
        return Exec::Done;
    }
    result.reserve(result.size() + in.main().size());
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        // Evaluate every value before changing anything, so a failing item goes on unchanged.
        QList<Value> values;
        values.reserve(rows.size());
        for (const Row& r : rows) {
            values.append(r.dynamic ? convert(r.path.text(), ctx.evaluateText(m_fields.name(), r.valueText, &item, index), r.kind)
                                    : r.constant);
        }
        Item next = item;
        Object json = keepOnly ? Object() : item.json();
        for (qsizetype i = 0; i < rows.size(); ++i)
            rows[i].path.set(json, values[i]);
        next.setJson(std::move(json));
        result.append(std::move(next));
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
