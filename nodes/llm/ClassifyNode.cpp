#include "ClassifyNode.hpp"


#include <QRegularExpression>

namespace taskloom::nodes::llm {

using namespace engine;

ClassifyNode::ClassifyNode()
{
    declare(QStringLiteral("llm.classify"), QStringLiteral("Classify"),
            QStringLiteral("Sorts each item's text into one of the labels you give, with a chat model; the answer is "
                           "checked against the labels."),
            {QStringLiteral("categorize"), QStringLiteral("label"), QStringLiteral("sentiment"), QStringLiteral("triage"),
             QStringLiteral("ai"), QStringLiteral("llm")});
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Text field")).defaults(QStringLiteral("text")));
    m_binary = addParam<QString>(ParamSpec::string(QStringLiteral("binary"), QStringLiteral("Text attachment"))
                                     .describe(QStringLiteral("Read the text from this attachment (UTF-8) instead of a field.")));
    m_labels = addParam<Value>(ParamSpec::json(QStringLiteral("labels"), QStringLiteral("Labels"), Array())
                                   .required()
                                   .describe(QStringLiteral("A list such as [\"billing\", \"bug\", \"other\"], or the labels "
                                                            "separated by commas.")));
    m_instructions = addParam<QString>(ParamSpec::text(QStringLiteral("instructions"), QStringLiteral("Instructions"))
                                           .describe(QStringLiteral("What each label means.")));
    m_output = addParam<QString>(ParamSpec::string(QStringLiteral("output"), QStringLiteral("Output field")).defaults(QStringLiteral("label")));
    m_repairs = addParam<qint64>(ParamSpec::integer(QStringLiteral("repairAttempts"), QStringLiteral("Repair attempts"), 1).range(0, 5));
    addProviderParams();
    m_spec.requirements = {QStringLiteral("network")};
}

QStringList ClassifyNode::labelsFrom(const Value& value)
{
    QStringList labels;
    if (value.type() == Value::Type::Array) {
        for (const Value& v : value.toArray())
            labels.append(v.toText().trimmed());
    } else {
        labels = value.toText().split(QRegularExpression(QStringLiteral("[,\\n]")));
        for (QString& l : labels)
            l = l.trimmed();
    }
    labels.removeAll(QString());
    labels.removeDuplicates();
    return labels;
}

QList<std::pair<QString, QString>> ClassifyNode::checkParams(const Object& params) const
{
    auto problems = LlmNodeType::checkParams(params);
    const Value& labels = params.value(m_labels.name());
    if (labels.type() != Value::Type::Null && !labels.toText().contains(u"{{") && labelsFrom(labels).size() < 2)
        problems.append({m_labels.name(), QStringLiteral("give at least two labels")});
    return problems;
}

QString ClassifyNode::matchLabel(const QString& reply, const QStringList& labels)
{
    QString answer = reply.trimmed();
    static const QRegularExpression prefix(QStringLiteral("^(label|category|class)\\s*:\\s*"), QRegularExpression::CaseInsensitiveOption);
    answer.remove(prefix);
    static const QString strip = QStringLiteral("\"'`*.!\u201C\u201D\u2018\u2019 \t\n");
    while (!answer.isEmpty() && strip.contains(answer.front()))
        answer.remove(0, 1);
    while (!answer.isEmpty() && strip.contains(answer.back()))
        answer.chop(1);
    for (const QString& l : labels) {
        if (answer.compare(l, Qt::CaseInsensitive) == 0)
            return l;
    }
    QString found;
    for (const QString& l : labels) {
        const QRegularExpression word(QStringLiteral("(^|\\W)%1($|\\W)").arg(QRegularExpression::escape(l)),
                                      QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
        if (word.match(reply).hasMatch()) {
            if (!found.isEmpty())
                return {}; // "not billing but bug": ambiguous
            found = l;
        }
    }
    return found;
}

void ClassifyNode::run(ExecutionContext& ctx, const Inputs& in, Outputs& out, ReplyCache& cache) const
{
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        const Value labelsValue = ctx.param(m_labels, item, index);
        const QStringList labels = labelsFrom(labelsValue);
        if (labels.size() < 2)
            throw NodeError::param(m_labels.name(), labelsValue, QStringLiteral("give at least two labels"));
        const ChatSettings settings = requireProvider(ctx, &item, index);
        const QString text = inputText(ctx, item, index, m_field, m_binary);
        QString instructions = QStringLiteral("Classify the user's text into exactly one of these labels: %1.")
                                   .arg(labels.join(QStringLiteral(", ")));
        if (const QString extra = ctx.param(m_instructions, item, index).trimmed(); !extra.isEmpty())
            instructions += u' ' + extra;
        instructions += QStringLiteral(" Reply with the label only, exactly as written above.");
        QList<ChatMessage> messages = {{QStringLiteral("system"), systemPrompt(ctx, item, index, instructions)},
                                       {QStringLiteral("user"), text}};
        const qint64 repairs = std::clamp<qint64>(ctx.param(m_repairs, item, index), 0, 5);
        QString last;
        for (qint64 attempt = 0; attempt <= repairs; ++attempt) {
            const ChatReply reply = call(ctx, settings, messages, cache);
            const QString label = matchLabel(reply.content, labels);
            if (!label.isEmpty()) {
                Item result = item;
                const QString outputName = ctx.param(m_output, item, index).trimmed();
                if (outputName.isEmpty())
                    throw NodeError::param(m_output.name(), outputName, QStringLiteral("an output field is required"));
                setField(result.json(), outputName, label);
                out.push(0, std::move(result));
                return;
            }
            last = reply.content.trimmed().left(200);
            messages.append({QStringLiteral("assistant"), reply.content});
            messages.append({QStringLiteral("user"), QStringLiteral("\"%1\" is not one of the labels. Reply with exactly one of: %2.")
                                                         .arg(last, labels.join(QStringLiteral(", ")))});
        }
        throw NodeError(QStringLiteral("INVALID_RESPONSE"),
                        QStringLiteral("model \"%1\" answered \"%2\", which is not one of the labels %3")
                            .arg(settings.model, last, labels.join(QStringLiteral(", "))));
    });
}

} // namespace taskloom::nodes::llm
