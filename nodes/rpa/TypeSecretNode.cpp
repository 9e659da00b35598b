#include "TypeSecretNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

TypeSecretNode::TypeSecretNode()
    : RpaNode(QStringLiteral("rpa.typeSecret"), QStringLiteral("Type secret"),
              QStringLiteral("Types a password from the credentials vault into the focused field. The secret never appears "
                             "in the flow, the logs or the run history."))
{
    m_spec.aliases = {QStringLiteral("password"), QStringLiteral("login"), QStringLiteral("keyboard")};
    m_spec.icon = QStringLiteral("dialog-password");
    m_spec.credentialTypes = {QStringLiteral("usernamePassword")};
    m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Credential"),
                                                           QStringLiteral("usernamePassword")).required());
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field"))
                                    .defaults(QStringLiteral("password"))
                                    .describe(QStringLiteral("Which field of the credential to type: password or username.")));
    m_spec.errors.append({QStringLiteral("CREDENTIAL_MISSING"), QStringLiteral("The credential or its field does not exist."), false});
}

Exec TypeSecretNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        recorder::MacroStep step;
        step.kind = recorder::MacroStep::Kind::TypeSecret;
        step.credential = ctx.param(m_credential);
        step.field = ctx.param(m_field, item, i);
        const Credential c = ctx.credential(step.credential);
        if (!c.fields.contains(step.field))
            throw NodeError(QStringLiteral("CREDENTIAL_MISSING"),
                            QStringLiteral("parameter \"field\" = \"%1\": credential \"%2\" has no such field").arg(step.field, step.credential));
        runStep(ctx, *desktop, step, item, i);
    });
}

} // namespace taskloom::nodes::rpa
