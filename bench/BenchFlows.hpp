#pragma once

#include "engine/Flow.hpp"

namespace taskloom::bench {

/// Builds flows in code for the benchmarks (no file parsing in the measured part).
class BenchFlows {
public:
    /// Manual trigger followed by `setNodes` Set Fields nodes in a chain, each setting one constant field.
    static engine::Flow setChain(int setNodes);
    /// Manual trigger -> Read CSV (path) -> Filter (status = paid) -> Aggregate by region (count, sum of amount).
    static engine::Flow csvFilterAggregate(const QString& csvPath);
};

} // namespace taskloom::bench
