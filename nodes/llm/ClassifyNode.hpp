#pragma once

#include "LlmNodeType.hpp"

namespace taskloom::nodes::llm {

/// Puts each item's text into one of the given labels with a chat model; an answer that is not one of the
/// labels is sent back to the model once more, then fails the item.
class ClassifyNode final : public LlmNodeType {
public:
    ClassifyNode();
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    /// The label a reply names: an exact (case-insensitive) match after trimming quotes and punctuation, or the
    /// one label the reply mentions as a whole word; empty when none or several.
    static QString matchLabel(const QString& reply, const QStringList& labels);
    /// Labels from a JSON list of strings or a comma / newline separated text.
    static QStringList labelsFrom(const engine::Value& value);

protected:
    void run(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out, ReplyCache& cache) const override;

private:
    engine::Param<QString> m_field;
    engine::Param<QString> m_binary;
    engine::Param<engine::Value> m_labels;
    engine::Param<QString> m_instructions;
    engine::Param<QString> m_output;
    engine::Param<qint64> m_repairs;
};

} // namespace taskloom::nodes::llm
