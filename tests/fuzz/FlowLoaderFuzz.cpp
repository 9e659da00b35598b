// The flow loader's fuzz target: any bytes go through FlowReader::parse; when a flow comes out it is validated and
// saved, and what was saved must load again and save to the same bytes (saving is deterministic and settles after
// one round). Built as a libFuzzer binary with TASKLOOM_FUZZ, and replayed over the seed corpus and mutations of
// it by fuzz_replay in every build.

#include "engine/ExpressionEngine.hpp"
#include "engine/FlowReader.hpp"
#include "engine/FlowValidator.hpp"
#include "engine/FlowWriter.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/core/CorePack.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

// Expression syntax without a language: "((" is the one syntax error. The validator's paths through expressions are
// what is exercised here, not Lua.
class FuzzExpressions final : public ExpressionEngine {
public:
    QString checkSyntax(const QString& expression) const override
    {
        return expression.contains(u"((") ? QStringLiteral("unbalanced parentheses") : QString();
    }
    std::unique_ptr<ExpressionEvaluator> createEvaluator() const override { return nullptr; }
};

const NodeRegistry& registry()
{
    static const NodeRegistry r = [] {
        NodeRegistry reg;
        nodes::core::registerCoreNodes(reg);
        return reg;
    }();
    return r;
}

[[noreturn]] void fail(const char* what, const QByteArray& first, const QByteArray& second)
{
    std::fprintf(stderr, "flow loader fuzz: %s\n--- first ---\n%s\n--- second ---\n%s\n", what, first.constData(),
                 second.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const FuzzExpressions expressions;
    const FlowReader::Result read = FlowReader::parse(QByteArrayView(data, qsizetype(size)), registry());
    for (const Problem& p : read.problems)
        (void)p.toString();
    if (!read.flow)
        return 0;
    const QList<Problem> problems = FlowValidator(registry(), &expressions).validate(*read.flow);
    for (const Problem& p : problems)
        (void)p.toString();

    const QByteArray saved = FlowWriter::serialize(*read.flow);
    const FlowReader::Result reread = FlowReader::parse(saved, registry());
    if (!reread.flow)
        fail("a saved flow does not load again", saved, QByteArray());
    const QByteArray again = FlowWriter::serialize(*reread.flow);
    if (again != saved)
        fail("saving a loaded flow again changes it", saved, again);
    return 0;
}
