#include "Aggregation.hpp"

#include "ValueKey.hpp"

#include <QRegularExpression>

namespace taskloom::nodes::core {

using engine::Array;
using engine::ParamOption;
using engine::Value;

namespace {

struct FunctionName {
    Aggregation::Function function;
    const char16_t* name;
    const char* title;
};

const FunctionName functionNames[] = {
    {Aggregation::Function::Count, u"count", "Count"},
    {Aggregation::Function::CountDistinct, u"countDistinct", "Count distinct values"},
    {Aggregation::Function::Sum, u"sum", "Sum"},
    {Aggregation::Function::Average, u"average", "Average"},
    {Aggregation::Function::Min, u"min", "Minimum"},
    {Aggregation::Function::Max, u"max", "Maximum"},
    {Aggregation::Function::First, u"first", "First value"},
    {Aggregation::Function::Last, u"last", "Last value"},
    {Aggregation::Function::Concatenate, u"concatenate", "Concatenate as text"},
    {Aggregation::Function::CollectList, u"collectList", "Collect into a list"},
    {Aggregation::Function::CollectUnique, u"collectUnique", "Collect unique values into a list"},
};

} // namespace

QList<ParamOption> Aggregation::functionOptions()
{
    QList<ParamOption> out;
    for (const FunctionName& f : functionNames)
        out.append({QString::fromUtf16(f.name), QString::fromLatin1(f.title), {}});
    return out;
}

std::optional<Aggregation::Function> Aggregation::functionFromName(QStringView name)
{
    for (const FunctionName& f : functionNames) {
        if (name == QStringView(f.name))
            return f.function;
    }
    return std::nullopt;
}

QString Aggregation::functionName(Function function)
{
    for (const FunctionName& f : functionNames) {
        if (f.function == function)
            return QString::fromUtf16(f.name);
    }
    return {};
}

QString Aggregation::defaultOutputName(Function f, const QString& field)
{
    // "order.total" would make a nested object; an output name is one flat field.
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    QString flat = QString(field).replace(separators, QStringLiteral("_"));
    while (flat.startsWith(u'_'))
        flat.remove(0, 1);
    while (flat.endsWith(u'_'))
        flat.chop(1);
    return flat.isEmpty() ? functionName(f) : functionName(f) + u'_' + flat;
}

void Aggregation::add(const Value& v, std::optional<double> number)
{
    const Function f = m_spec->function;
    if (f == Function::Count && m_spec->field.isEmpty()) {
        ++m_count;
        return;
    }
    if (ValueOrder::isMissing(v))
        return;
    switch (f) {
    case Function::Count: ++m_count; return;
    case Function::Sum:
    case Function::Average:
        if (number)
            addNumber(v, *number);
        return;
    case Function::Min:
    case Function::Max: addExtreme(v); return;
    case Function::First:
        if (m_count++ == 0)
            m_value = v;
        return;
    case Function::Last: m_value = v; return;
    case Function::Concatenate:
        if (m_count++ > 0)
            m_text += m_spec->separator;
        m_text += v.toText();
        return;
    case Function::CollectList: m_list.append(v); return;
    case Function::CountDistinct:
    case Function::CollectUnique: {
        const qsizetype before = m_seen.size();
        m_seen.insert(ValueKey::of(v));
        if (f == Function::CollectUnique && m_seen.size() > before)
            m_list.append(v);
        return;
    }
    }
}

void Aggregation::addNumber(const Value& v, double number)
{
    ++m_count;
    m_sum += number;
    if (!m_exactInts)
        return;
    const auto i = ValueOrder::toInteger(v);
    if (!i || __builtin_add_overflow(m_intSum, *i, &m_intSum))
        m_exactInts = false;
}

void Aggregation::addExtreme(const Value& v)
{
    ValueOrder::Key k = ValueOrder::key(v);
    const bool first = m_count++ == 0;
    const int c = first ? 0 : ValueOrder::compare(k, m_key, ValueOrder::Text::CaseSensitive);
    const bool better = m_spec->function == Function::Min ? c < 0 : c > 0;
    if (first || better) {
        m_key = std::move(k);
        m_value = v;
    }
}

Value Aggregation::result() const
{
    switch (m_spec->function) {
    case Function::Count: return m_count;
    case Function::CountDistinct: return qint64(m_seen.size());
    case Function::Sum: return m_exactInts ? Value(m_intSum) : Value(m_sum);
    case Function::Average:
        if (m_count == 0)
            return Value();
        return m_exactInts ? double(m_intSum) / double(m_count) : m_sum / double(m_count);
    case Function::Min:
    case Function::Max:
        if (m_count > 0 && m_key.kind == ValueOrder::Kind::Number) {
            // Numeric text counts as a number, so the result is one too.
            if (const auto i = ValueOrder::toInteger(m_value))
                return *i;
            return m_key.number;
        }
        return m_value;
    case Function::First:
    case Function::Last: return m_value;
    case Function::Concatenate: return m_text;
    case Function::CollectList:
    case Function::CollectUnique: return m_list;
    }
    return Value();
}

} // namespace taskloom::nodes::core
