#include "AggregateNode.hpp"

#include "Aggregation.hpp"
#include "ItemLoop.hpp"
#include "ValueKey.hpp"

#include <QHash>

#include <deque>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

// Reads the aggregation rows (validated by checkParams; a bad function here means an unvalidated flow).
std::vector<Aggregation::Spec> readSpecs(const QString& paramName, const Array& rows)
{
    std::vector<Aggregation::Spec> specs;
    for (const Value& row : rows) {
        const Object& o = row.objectRef();
        const QString fn = o.value(u"function").isNull() ? QStringLiteral("count") : o.value(u"function").toText();
        const auto function = Aggregation::functionFromName(fn);
        if (!function)
            throw NodeError::param(paramName, fn, QStringLiteral("unknown function"));
        Aggregation::Spec s;
        s.function = *function;
        s.field = FieldPath::parse(o.value(u"field").toText());
        const QString output = o.value(u"output").toText().trimmed();
        s.output = FieldPath::parse(output.isEmpty() ? Aggregation::defaultOutputName(s.function, s.field.text())
                                                     : output);
        s.separator = o.value(u"separator").isNull() ? QStringLiteral(", ") : o.value(u"separator").toText();
        specs.push_back(std::move(s));
    }
    return specs;
}

} // namespace

class AggregateInstance final : public NodeInstance {
public:
    explicit AggregateInstance(const AggregateNode& type) : m_type(type) {}

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) override
    {
        if (!m_ready)
            prepare(ctx);
        forEachItem(ctx, in, out, [&](const Item& item, qsizetype) { add(item.json()); });
        return Exec::Done;
    }

    void finish(ExecutionContext&, Outputs& out) override
    {
        for (const Group& g : m_groups) {
            Object json = g.fields;
            for (size_t i = 0; i < m_specs.size(); ++i)
                m_specs[i].output.set(json, g.aggregations[i].result());
            out.push(0, Item(std::move(json)));
        }
        m_groups.clear();
        m_index.clear();
    }

private:
    struct Group {
        Object fields; // the group-by fields, with the first item's values
        std::vector<Aggregation> aggregations;
    };

    void prepare(ExecutionContext& ctx)
    {
        for (const Value& row : ctx.param(m_type.m_groupBy)) {
            FieldPath p = FieldPath::parse(row.objectRef().value(u"field").toText());
            if (!p.isEmpty())
                m_groupFields.append(std::move(p));
        }
        m_specs = readSpecs(m_type.m_aggregations.name(), ctx.param(m_type.m_aggregations));
        m_skipNonNumeric = ctx.param(m_type.m_skipNonNumeric);
        m_values.resize(m_specs.size());
        m_numbers.resize(m_specs.size());
        if (m_groupFields.isEmpty())
            newGroup(Object()); // one group of everything, emitted even when every item failed
        m_ready = true;
    }

    void add(const Object& json)
    {
        // Every value is read and checked before any is added, so a failing item counts nowhere.
        for (size_t i = 0; i < m_specs.size(); ++i) {
            const Aggregation::Spec& s = m_specs[i];
            m_values[i] = s.field.isEmpty() ? Value() : s.field.get(json);
            m_numbers[i].reset();
            if (!Aggregation::isNumeric(s.function) || ValueOrder::isMissing(m_values[i]))
                continue;
            m_numbers[i] = ValueOrder::toNumber(m_values[i]);
            if (!m_numbers[i] && !m_skipNonNumeric)
                throw NodeError(QStringLiteral("NOT_A_NUMBER"),
                                QStringLiteral("%1 of field \"%2\": %3 is not a number")
                                    .arg(Aggregation::functionName(s.function), s.field.text(), quoted(m_values[i])));
        }
        Group& g = groupOf(json);
        for (size_t i = 0; i < m_specs.size(); ++i)
            g.aggregations[i].add(m_values[i], m_numbers[i]);
    }

    Group& groupOf(const Object& json)
    {
        if (m_groupFields.isEmpty())
            return m_groups.front();
        QString key;
        for (const FieldPath& f : m_groupFields)
            ValueKey::appendPart(key, f.get(json));
        const auto it = m_index.constFind(key);
        if (it != m_index.cend())
            return m_groups[size_t(it.value())];
        Object fields;
        for (const FieldPath& f : m_groupFields)
            f.set(fields, f.get(json));
        m_index.insert(key, qsizetype(m_groups.size()));
        return newGroup(std::move(fields));
    }

    Group& newGroup(Object fields)
    {
        Group g{std::move(fields), {}};
        g.aggregations.reserve(m_specs.size());
        for (const Aggregation::Spec& s : m_specs)
            g.aggregations.emplace_back(&s);
        m_groups.push_back(std::move(g));
        return m_groups.back();
    }

    static QString quoted(const Value& v)
    {
        const QString t = v.isString() ? QStringLiteral("\"%1\"").arg(v.stringRef()) : v.toText();
        return t.size() > 60 ? t.left(57) + QStringLiteral("...") : t;
    }

    const AggregateNode& m_type;
    bool m_ready = false;
    QList<FieldPath> m_groupFields;
    std::vector<Aggregation::Spec> m_specs; // never resized after prepare: aggregations point into it
    bool m_skipNonNumeric = false;
    std::deque<Group> m_groups;             // in first-seen order
    QHash<QString, qsizetype> m_index;      // group key -> position in m_groups
    std::vector<Value> m_values;            // per-item scratch, reused
    std::vector<std::optional<double>> m_numbers;
};

AggregateNode::AggregateNode()
{
    m_spec.type = QStringLiteral("core.aggregate");
    m_spec.title = QStringLiteral("Aggregate");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Groups items by fields and computes counts, sums, averages, minimums, "
                                        "maximums and lists per group: one item per group. Without group fields, "
                                        "one item for all.");
    m_spec.aliases = {QStringLiteral("group by"), QStringLiteral("summarize"), QStringLiteral("pivot"),
                      QStringLiteral("totals"), QStringLiteral("count"), QStringLiteral("sum")};
    m_spec.icon = QStringLiteral("view-statistics");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_groupBy = addParam<Array>(ParamSpec::list(QStringLiteral("groupBy"), QStringLiteral("Group by"),
                                                {ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field"))
                                                     .required()})
                                    .noExpressions()
                                    .describe(QStringLiteral("Items with equal values in these fields form a group. "
                                                             "None: all items form one group.")));
    m_aggregations = addParam<Array>(
        ParamSpec::list(QStringLiteral("aggregations"), QStringLiteral("Aggregations"),
                        {ParamSpec::choice(QStringLiteral("function"), QStringLiteral("Function"),
                                           Aggregation::functionOptions()),
                         ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field"))
                             .hint(QStringLiteral("total (count: empty counts items)")),
                         ParamSpec::string(QStringLiteral("separator"), QStringLiteral("Separator"))
                             .defaults(QStringLiteral(", "))
                             .visibleWhen(QStringLiteral("function"), {QStringLiteral("concatenate")}),
                         ParamSpec::string(QStringLiteral("output"), QStringLiteral("Output field"))
                             .hint(QStringLiteral("sum_total"))})
            .required()
            .noExpressions()
            .describe(QStringLiteral("Missing values (absent, null or empty) are skipped. "
                                     "Numbers written as text count as numbers.")));
    m_skipNonNumeric = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("skipNonNumeric"), QStringLiteral("Skip values that are not numbers"), false)
            .describe(QStringLiteral("Sum and average ignore such values instead of failing the item.")));
    m_spec.errors = {
        {QStringLiteral("NOT_A_NUMBER"), QStringLiteral("A value to sum or average is not a number."), false}};
}

std::unique_ptr<NodeInstance> AggregateNode::instantiate() const
{
    return std::make_unique<AggregateInstance>(*this);
}

QList<std::pair<QString, QString>> AggregateNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> out;
    QHash<QString, QString> writers; // output field -> who writes it
    for (const Value& row : params.value(m_groupBy.name()).arrayRef())
        writers.insert(row.objectRef().value(u"field").toText().trimmed(), QStringLiteral("a group-by field"));
    const Array rows = params.value(m_aggregations.name()).toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Object& o = rows.at(i).objectRef();
        const QString path = QStringLiteral("%1[%2]").arg(m_aggregations.name()).arg(i);
        const Value& name = o.value(u"function");
        const auto function = Aggregation::functionFromName(name.isNull() ? QStringLiteral("count") : name.toText());
        if (!function)
            continue; // the spec's options check reports it
        const QString field = o.value(u"field").toText().trimmed();
        if (field.isEmpty() && *function != Aggregation::Function::Count)
            out.append({path + QStringLiteral(".field"),
                        QStringLiteral("%1 needs a field").arg(Aggregation::functionName(*function))});
        QString output = o.value(u"output").toText().trimmed();
        if (output.isEmpty())
            output = Aggregation::defaultOutputName(*function, field);
        if (writers.contains(output))
            out.append({path + QStringLiteral(".output"),
                        QStringLiteral("output field \"%1\" is also %2; name this one differently")
                            .arg(output, writers.value(output))});
        writers.insert(output, QStringLiteral("written by %1").arg(path));
    }
    return out;
}

} // namespace taskloom::nodes::core
