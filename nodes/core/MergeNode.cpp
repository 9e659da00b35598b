#include "MergeNode.hpp"

#include "ItemJoin.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::core {

using namespace engine;

namespace {

const QString modeAppend = QStringLiteral("append");
const QString modeFields = QStringLiteral("matchFields");
const QString modePosition = QStringLiteral("position");
const QString modeWait = QStringLiteral("wait");

QList<ParamOption> modeOptions()
{
    return {{modeAppend, QStringLiteral("Append"), QStringLiteral("Input 1's items, then input 2's, ...")},
            {modeFields, QStringLiteral("Combine by matching fields"),
             QStringLiteral("Join input 1 and input 2 on key fields")},
            {modePosition, QStringLiteral("Combine by position"),
             QStringLiteral("The first items together, the second items together, ...")},
            {modeWait, QStringLiteral("Wait for all inputs"),
             QStringLiteral("Pass input 1 on once every input has finished")}};
}

QList<ParamOption> joinOptions()
{
    return {{QStringLiteral("inner"), QStringLiteral("Matches only (inner join)"), {}},
            {QStringLiteral("left"), QStringLiteral("All of input 1, with matches where found (left join)"), {}},
            {QStringLiteral("outer"), QStringLiteral("Everything, matched where possible (outer join)"), {}},
            {QStringLiteral("nonMatches"), QStringLiteral("Only the items without a match"), {}}};
}

QList<ParamOption> clashOptions()
{
    return {{QStringLiteral("preferInput1"), QStringLiteral("Keep input 1's value (earlier inputs win)"), {}},
            {QStringLiteral("preferInput2"), QStringLiteral("Take input 2's value (later inputs win)"), {}},
            {QStringLiteral("prefix"), QStringLiteral("Keep both, prefixed: in1_name, in2_name"), {}}};
}

ItemCombiner::Clash clashFromName(const QString& name)
{
    if (name == u"preferInput2")
        return ItemCombiner::Clash::PreferLast;
    if (name == u"prefix")
        return ItemCombiner::Clash::Prefix;
    return ItemCombiner::Clash::PreferFirst;
}

ItemJoin::Kind joinFromName(const QString& name)
{
    if (name == u"left")
        return ItemJoin::Kind::Left;
    if (name == u"outer")
        return ItemJoin::Kind::Outer;
    if (name == u"nonMatches")
        return ItemJoin::Kind::NonMatches;
    return ItemJoin::Kind::Inner;
}

} // namespace

MergeNode::MergeNode()
{
    m_spec.type = QStringLiteral("core.merge");
    m_spec.title = QStringLiteral("Merge");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Brings branches together: appends their items, joins two inputs on matching "
                                        "fields, pairs items up by position, or waits for every input and passes "
                                        "input 1 on.");
    m_spec.aliases = {QStringLiteral("join"), QStringLiteral("combine"), QStringLiteral("zip"),
                      QStringLiteral("concat"), QStringLiteral("wait for all"), QStringLiteral("lookup")};
    m_spec.icon = QStringLiteral("merge");
    m_spec.inputs = {{QStringLiteral("in1"), QStringLiteral("Input 1"), {}},
                     {QStringLiteral("in2"), QStringLiteral("Input 2"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Collect;
    const QString mode = QStringLiteral("mode");
    m_mode = addParam<QString>(ParamSpec::choice(mode, QStringLiteral("Mode"), modeOptions()).noExpressions());
    m_inputs = addParam<qint64>(ParamSpec::integer(QStringLiteral("inputs"), QStringLiteral("Number of inputs"), 2)
                                    .range(2, maxInputs)
                                    .noExpressions()
                                    .visibleWhen(mode, {modeAppend, modePosition, modeWait}));
    m_fields = addParam<Array>(
        ParamSpec::list(QStringLiteral("fields"), QStringLiteral("Fields to match"),
                        {ParamSpec::string(QStringLiteral("field1"), QStringLiteral("Field in input 1")).required(),
                         ParamSpec::string(QStringLiteral("field2"), QStringLiteral("Field in input 2"))
                             .hint(QStringLiteral("empty: the same name"))})
            .required()
            .noExpressions()
            .visibleWhen(mode, {modeFields}));
    m_join = addParam<QString>(
        ParamSpec::choice(QStringLiteral("join"), QStringLiteral("Output"), joinOptions())
            .visibleWhen(mode, {modeFields}));
    m_nonMatchesFrom = addParam<QString>(
        ParamSpec::choice(QStringLiteral("nonMatchesFrom"), QStringLiteral("Non-matches from"),
                          {{QStringLiteral("both"), QStringLiteral("Both inputs"), {}},
                           {QStringLiteral("in1"), QStringLiteral("Input 1"), {}},
                           {QStringLiteral("in2"), QStringLiteral("Input 2"), {}}})
            .visibleWhen(mode, {modeFields})
            .visibleWhen(QStringLiteral("join"), {QStringLiteral("nonMatches")}));
    m_looseMatch = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("looseMatch"), QStringLiteral("Match numbers and numeric text"), true)
            .describe(QStringLiteral("7 matches \"7\" (CSV cells are text); \"007\" still matches only \"007\"."))
            .visibleWhen(mode, {modeFields}));
    m_clash = addParam<QString>(
        ParamSpec::choice(QStringLiteral("clash"), QStringLiteral("When both have a field"), clashOptions())
            .visibleWhen(mode, {modeFields, modePosition}));
    m_unpaired = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("unpaired"), QStringLiteral("Keep unpaired items"), false)
            .describe(QStringLiteral("When the inputs differ in length, the longer ones' extra items come out too; "
                                     "otherwise pairing stops at the shortest input."))
            .visibleWhen(mode, {modePosition}));
    m_waitOutput = addParam<QString>(
        ParamSpec::choice(QStringLiteral("waitOutput"), QStringLiteral("Then pass on"),
                          {{QStringLiteral("in1"), QStringLiteral("Input 1's items"), {}},
                           {QStringLiteral("all"), QStringLiteral("Every input's items, appended"), {}}})
            .visibleWhen(mode, {modeWait}));
}

Ports MergeNode::ports(const Object& params, const NodeSettings& settings) const
{
    Ports p = NodeType::ports(params, settings);
    const QString mode = params.value(m_mode.name()).isNull() ? modeAppend : params.value(m_mode.name()).toText();
    const Value& count = params.value(m_inputs.name());
    // An out-of-range count is the validator's to report; the ports stay usable meanwhile.
    const qint64 n = mode == modeFields ? 2 : std::clamp<qint64>(count.isNull() ? 2 : count.toInt(2), 2, maxInputs);
    p.inputs.clear();
    for (qint64 i = 1; i <= n; ++i)
        p.inputs.append({QStringLiteral("in%1").arg(i), QStringLiteral("Input %1").arg(i), {}});
    return p;
}

Exec MergeNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const QString mode = ctx.param(m_mode);
    ItemList& result = out.portRef(0);
    if (mode == modeFields) {
        result = combineByFields(ctx, in);
    } else if (mode == modePosition) {
        result = combineByPosition(ctx, in);
    } else if (mode == modeWait && ctx.param(m_waitOutput) == u"in1") {
        // The executor calls a collecting node only once every input has finished: the waiting is done.
        result = in.port(0);
    } else {
        for (int p = 0; p < in.portCount(); ++p)
            result.append(in.port(p));
    }
    return Exec::Done;
}

ItemList MergeNode::combineByFields(ExecutionContext& ctx, const Inputs& in) const
{
    ItemJoin::Options options;
    QSet<QString> shared;
    for (const Value& row : ctx.param(m_fields)) {
        const QString first = row.objectRef().value(u"field1").toText().trimmed();
        const QString second = row.objectRef().value(u"field2").toText().trimmed();
        ItemJoin::KeyPair pair{FieldPath::parse(first), FieldPath::parse(second.isEmpty() ? first : second)};
        if (pair.first.isEmpty())
            continue;
        if (pair.first.text() == pair.second.text())
            shared.insert(pair.first.text());
        options.keys.append(std::move(pair));
    }
    if (options.keys.isEmpty())
        throw NodeError::param(m_fields.name(), ctx.param(m_fields),
                               QStringLiteral("name at least one field to match"));
    options.kind = joinFromName(ctx.param(m_join));
    const QString from = ctx.param(m_nonMatchesFrom);
    options.nonMatchesFrom = from == u"in1"   ? ItemJoin::Side::First
                             : from == u"in2" ? ItemJoin::Side::Second
                                              : ItemJoin::Side::Both;
    options.match = ctx.param(m_looseMatch) ? ValueKey::Match::Loose : ValueKey::Match::Strict;
    const ItemCombiner combiner(clashFromName(ctx.param(m_clash)), shared);
    return ItemJoin::join(in.port(0), in.portCount() > 1 ? in.port(1) : ItemList(), options, combiner);
}

ItemList MergeNode::combineByPosition(ExecutionContext& ctx, const Inputs& in) const
{
    const ItemCombiner combiner(clashFromName(ctx.param(m_clash)));
    const bool unpaired = ctx.param(m_unpaired);
    qsizetype rows = unpaired ? 0 : std::numeric_limits<qsizetype>::max();
    for (int p = 0; p < in.portCount(); ++p)
        rows = unpaired ? std::max(rows, in.port(p).size()) : std::min(rows, in.port(p).size());
    ItemList out;
    out.reserve(rows);
    for (qsizetype i = 0; i < rows; ++i) {
        if ((i & 1023) == 0)
            ctx.checkCancelled();
        QList<const Item*> parts;
        QList<int> inputs;
        for (int p = 0; p < in.portCount(); ++p) {
            if (i < in.port(p).size()) {
                parts.append(&in.port(p)[i]);
                inputs.append(p + 1);
            }
        }
        out.append(combiner.combine(parts, inputs));
    }
    return out;
}

} // namespace taskloom::nodes::core
