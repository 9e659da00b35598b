#include "SortNode.hpp"

#include "FieldPath.hpp"
#include "ValueOrder.hpp"

#include "engine/ExecutionContext.hpp"

#include <algorithm>
#include <numeric>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

struct SortField {
    FieldPath path;
    bool descending = false;
};

ValueOrder::Text textMode(const QString& name)
{
    if (name == u"caseInsensitive")
        return ValueOrder::Text::CaseInsensitive;
    if (name == u"natural")
        return ValueOrder::Text::Natural;
    return ValueOrder::Text::CaseSensitive;
}

} // namespace

SortNode::SortNode()
{
    m_spec.type = QStringLiteral("core.sort");
    m_spec.title = QStringLiteral("Sort");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Sorts items by fields. Numbers (also written as text) sort by value, "
                                        "ISO dates by time; items missing a field come last.");
    m_spec.aliases = {QStringLiteral("order"), QStringLiteral("order by"), QStringLiteral("arrange")};
    m_spec.icon = QStringLiteral("view-sort-ascending");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Collect;
    m_fields = addParam<Array>(
        ParamSpec::list(QStringLiteral("fields"), QStringLiteral("Sort by"),
                        {ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field"))
                             .required()
                             .hint(QStringLiteral("total or customer.name")),
                         ParamSpec::choice(QStringLiteral("direction"), QStringLiteral("Direction"),
                                           {{QStringLiteral("asc"), QStringLiteral("Ascending"), {}},
                                            {QStringLiteral("desc"), QStringLiteral("Descending"), {}}})})
            .required()
            .noExpressions()
            .describe(QStringLiteral("The first field decides; later fields break ties.")));
    m_text = addParam<QString>(
        ParamSpec::choice(QStringLiteral("textOrder"), QStringLiteral("Compare text"),
                          {{QStringLiteral("caseSensitive"), QStringLiteral("Exactly (capitals first)"), {}},
                           {QStringLiteral("caseInsensitive"), QStringLiteral("Ignoring case"), {}},
                           {QStringLiteral("natural"), QStringLiteral("Naturally (item2 before item10, ignoring case)"),
                            {}}}));
}

Exec SortNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    QList<SortField> fields;
    for (const Value& row : ctx.param(m_fields)) {
        const Object& o = row.objectRef();
        SortField f{FieldPath::parse(o.value(u"field").toText()), o.value(u"direction").toText() == u"desc"};
        if (!f.path.isEmpty())
            fields.append(std::move(f));
    }
    const ValueOrder::Text text = textMode(ctx.param(m_text));
    const ItemList& items = in.main();
    const size_t width = size_t(fields.size());
    // Keys are read once per item and field; the comparator then only compares numbers and strings.
    std::vector<ValueOrder::Key> keys(size_t(items.size()) * width);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if ((i & 4095) == 0)
            ctx.checkCancelled();
        for (size_t f = 0; f < width; ++f)
            keys[size_t(i) * width + f] = ValueOrder::key(fields[qsizetype(f)].path.get(items[i].json()));
    }
    std::vector<qsizetype> order(size_t(items.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        for (size_t f = 0; f < width; ++f) {
            const ValueOrder::Key& ka = keys[size_t(a) * width + f];
            const ValueOrder::Key& kb = keys[size_t(b) * width + f];
            const bool missingA = ka.kind == ValueOrder::Kind::Missing;
            const bool missingB = kb.kind == ValueOrder::Kind::Missing;
            if (missingA || missingB) {
                if (missingA != missingB)
                    return missingB; // missing last, in either direction
                continue;
            }
            int c = ValueOrder::compare(ka, kb, text);
            if (fields[qsizetype(f)].descending)
                c = -c;
            if (c != 0)
                return c < 0;
        }
        return false;
    });
    ItemList& result = out.portRef(0);
    result.reserve(items.size());
    for (qsizetype i : order)
        result.append(items[i]);
    return Exec::Done;
}

} // namespace taskloom::nodes::core
