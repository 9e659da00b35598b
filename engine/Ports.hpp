#pragma once

#include "NodeSpec.hpp"

namespace taskloom::engine {

/// The ports a node has with its current parameters and settings (a Switch's cases, the optional "error"
/// output). NodeType::ports computes them; validator, executor and studio all call that one function.
struct Ports {
    QList<PortSpec> inputs;
    QList<PortSpec> outputs;

    int inputIndex(QStringView name) const;
    int outputIndex(QStringView name) const;
};

} // namespace taskloom::engine
