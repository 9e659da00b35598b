#pragma once

#include <QString>

namespace taskloom::engine {

/// A typed handle to one parameter of a node type. The node's spec declares the parameter once and keeps the
/// handle; execute reads through the same handle (ExecutionContext::param), so a parameter's name is written
/// in exactly one place. T is one of QString, double, qint64, bool, Value, Array, Object.
template <typename T>
class Param {
public:
    Param() = default;
    explicit Param(QString name) : m_name(std::move(name)) {}
    const QString& name() const { return m_name; }

private:
    QString m_name;
};

} // namespace taskloom::engine
