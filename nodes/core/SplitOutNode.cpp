#include "SplitOutNode.hpp"

#include "FieldPath.hpp"
#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

namespace {

struct Plan {
    FieldPath source;
    FieldPath destination;
    bool mergeObjects = true;
    bool keepOther = false;
    QString notList; // error | skip | keep | wrap
};

// The item an element becomes: `base` holds the fields that come along (none unless keepOther).
Item elementItem(const Plan& plan, const Item& original, const Object& base, const Value& element)
{
    Item next = plan.keepOther ? original : Item();
    Object json = base;
    if (plan.mergeObjects && element.isObject()) {
        for (const auto& [k, v] : element.objectRef())
            json.insert(k, v);
    } else {
        plan.destination.set(json, element);
    }
    next.setJson(std::move(json));
    return next;
}

QString describeValue(const Value& v)
{
    const QString text = v.toText();
    return QStringLiteral("%1 %2").arg(v.typeName(), text.size() > 60 ? text.left(57) + QStringLiteral("...") : text);
}

QList<ParamOption> notListOptions()
{
    return {{QStringLiteral("error"), QStringLiteral("Fail the item"), {}},
            {QStringLiteral("skip"), QStringLiteral("Drop the item"), {}},
            {QStringLiteral("keep"), QStringLiteral("Pass the item on unchanged"), {}},
            {QStringLiteral("wrap"), QStringLiteral("Treat a single value as a list of one (drop missing ones)"), {}}};
}

} // namespace

SplitOutNode::SplitOutNode()
{
    m_spec.type = QStringLiteral("core.splitOut");
    m_spec.title = QStringLiteral("Split Out");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Turns a list field into one item per element.");
    m_spec.aliases = {QStringLiteral("explode"), QStringLiteral("unwind"), QStringLiteral("flatten"),
                      QStringLiteral("item lists")};
    m_spec.icon = QStringLiteral("split");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("List field"))
                                    .required()
                                    .noExpressions()
                                    .hint(QStringLiteral("lines or order.lines")));
    m_objects = addParam<QString>(
        ParamSpec::choice(QStringLiteral("objects"), QStringLiteral("Object elements"),
                          {{QStringLiteral("merge"), QStringLiteral("Merge their fields into the item"), {}},
                           {QStringLiteral("field"), QStringLiteral("Put them under the element field"), {}}}));
    m_destination = addParam<QString>(
        ParamSpec::string(QStringLiteral("destination"), QStringLiteral("Element field"))
            .noExpressions()
            .describe(QStringLiteral("Where each element goes (text, numbers, and objects when not merged). "
                                     "Empty: the list field's own name.")));
    m_keepOther = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("keepOtherFields"), QStringLiteral("Include the item's other fields"),
                           false));
    m_notList = addParam<QString>(ParamSpec::choice(QStringLiteral("notList"),
                                                    QStringLiteral("When the field is missing or not a list"),
                                                    notListOptions()));
    m_spec.errors = {{QStringLiteral("NOT_A_LIST"),
                      QStringLiteral("The field is missing or holds something other than a list."), false}};
}

Exec SplitOutNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    Plan plan;
    plan.source = FieldPath::parse(ctx.param(m_field));
    if (plan.source.isEmpty())
        throw NodeError::param(m_field.name(), ctx.param(m_field), QStringLiteral("name the list field"));
    const QString destination = ctx.param(m_destination).trimmed();
    plan.destination = destination.isEmpty() ? plan.source : FieldPath::parse(destination);
    plan.mergeObjects = ctx.param(m_objects) == u"merge";
    plan.keepOther = ctx.param(m_keepOther);
    plan.notList = ctx.param(m_notList);
    ItemList& result = out.portRef(0);
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype) {
        const Value list = plan.source.get(item.json());
        Array elements;
        if (list.isArray()) {
            elements = list.arrayRef();
        } else if (plan.notList == u"skip" || (plan.notList == u"wrap" && list.isNull())) {
            return;
        } else if (plan.notList == u"keep") {
            result.append(item);
            return;
        } else if (plan.notList == u"wrap") {
            elements.append(list);
        } else {
            const QString& name = plan.source.text();
            throw NodeError(QStringLiteral("NOT_A_LIST"),
                            list.isNull() ? QStringLiteral("field \"%1\" is missing").arg(name)
                                          : QStringLiteral("field \"%1\" is not a list: found %2")
                                                .arg(name, describeValue(list)));
        }
        // With the other fields: an element that goes back under the list field's own name takes the list's
        // place (keeping the field order); otherwise the list field goes, so it is not copied into every item.
        const Object kept = plan.keepOther ? item.json() : Object();
        Object without = kept;
        if (plan.keepOther)
            plan.source.remove(without);
        const bool sameName = plan.destination.text() == plan.source.text();
        for (const Value& element : elements) {
            const bool merges = plan.mergeObjects && element.isObject();
            result.append(elementItem(plan, item, !merges && sameName ? kept : without, element));
        }
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
