#pragma once

#include "FieldPath.hpp"
#include "ValueOrder.hpp"

#include "engine/ParamSpec.hpp"
#include "engine/Value.hpp"

#include <QSet>

#include <optional>

namespace taskloom::nodes::core {

/// One aggregate function over the values of one field in one group, fed a value at a time. Its state is a
/// handful of numbers, except for the functions whose result holds values (concatenate, collect list, collect
/// unique) or must remember them (count distinct). Missing values (absent, null, blank text) are skipped by
/// every function; count without a field counts items.
class Aggregation {
public:
    enum class Function {
        Count, CountDistinct, Sum, Average, Min, Max, First, Last, Concatenate, CollectList, CollectUnique
    };

    /// One row of the node's "aggregations" parameter, read once.
    struct Spec {
        Function function = Function::Count;
        FieldPath field;
        FieldPath output;
        QString separator;
    };

    static QList<engine::ParamOption> functionOptions();
    static std::optional<Function> functionFromName(QStringView name);
    static QString functionName(Function f);
    /// Sum and average need numbers.
    static bool isNumeric(Function f) { return f == Function::Sum || f == Function::Average; }
    /// The output field when the user names none: `sum_total`, `count` (count of items), `average_order_total`.
    static QString defaultOutputName(Function f, const QString& field);

    explicit Aggregation(const Spec* spec) : m_spec(spec) {}

    /// Adds one item's value. For sum and average `number` is the value read as a number (the caller checks it
    /// first, so an item is either counted by every aggregation or by none); ignored otherwise.
    void add(const engine::Value& v, std::optional<double> number = std::nullopt);
    engine::Value result() const;

private:
    void addNumber(const engine::Value& v, double number);
    void addExtreme(const engine::Value& v);

    const Spec* m_spec;
    qint64 m_count = 0;
    double m_sum = 0;
    qint64 m_intSum = 0;
    bool m_exactInts = true; // every value so far was an integer and their sum fits in 64 bits
    engine::Value m_value;   // min, max, first, last
    ValueOrder::Key m_key;   // min, max: m_value classified, so each new value is compared without re-reading it
    QString m_text;          // concatenate
    engine::Array m_list;    // collect list / unique
    QSet<QString> m_seen;    // count distinct / collect unique: ValueKey of each value
};

} // namespace taskloom::nodes::core
