#pragma once

#include "FieldPath.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/ParamSpec.hpp"

#include <QRegularExpression>

namespace taskloom::nodes::core {

/// The "field operator value" rules shared by If, Filter and Switch. A rule's field is a field path
/// (`customer.country`) or, when it contains {{ }}, an expression whose value is tested. Comparisons are
/// numeric when both sides read as numbers (CSV cells are text), textual otherwise.
class Conditions {
public:
    enum class Op {
        Equals, NotEquals, Contains, NotContains, StartsWith, EndsWith, Greater, GreaterOrEqual, Less, LessOrEqual,
        IsEmpty, IsNotEmpty, Exists, NotExists, IsTrue, IsFalse, Matches, NotMatches
    };

    struct Rule {
        QString fieldText;
        FieldPath field;
        bool fieldIsExpression = false;
        Op op = Op::Equals;
        QString valueText;
        bool valueIsExpression = false;
        QRegularExpression regex; // Matches / NotMatches with a constant value
    };

    /// The operator choices, for specs.
    static QList<engine::ParamOption> operatorOptions();
    static std::optional<Op> opFromName(QStringView name);
    /// The list parameter holding the rules ({field, operator, value} rows).
    static engine::ParamSpec rulesParam(const QString& name, const QString& title);
    static engine::ParamSpec combineParam();
    /// Validator hook: problems in rule rows (unknown operators, bad regular expressions).
    static QList<std::pair<QString, QString>> check(const QString& paramName, const engine::Value& rows);

    /// Reads rule rows (throws NodeError naming the parameter on a bad row).
    static QList<Rule> parseRules(const QString& paramName, const engine::Array& rows);
    /// Whether an item satisfies the rules (all of them, or any when `any`). No rules: true.
    static bool matches(engine::ExecutionContext& ctx, const QString& paramName, const QList<Rule>& rules, bool any,
                        const engine::Item& item, qsizetype index);
    static bool test(const engine::Value& left, Op op, const engine::Value& right, const QRegularExpression* regex);
};

} // namespace taskloom::nodes::core
