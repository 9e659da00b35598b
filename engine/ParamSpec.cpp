#include "ParamSpec.hpp"

namespace taskloom::engine {

bool ParamSpec::isVisible(const Object& params, const QList<ParamSpec>& siblings) const
{
    for (const VisibilityRule& rule : showIf) {
        const Value* v = params.find(rule.param);
        Value current;
        if (v) {
            current = *v;
        } else {
            for (const ParamSpec& s : siblings) {
                if (s.name == rule.param)
                    current = s.defaultValue;
            }
        }
        bool matched = false;
        for (const Value& allowed : rule.values)
            matched = matched || allowed == current;
        if (!matched)
            return false;
    }
    return true;
}

QString ParamSpec::typeName(ParamType t)
{
    switch (t) {
    case ParamType::String: return QStringLiteral("string");
    case ParamType::Text: return QStringLiteral("text");
    case ParamType::Number: return QStringLiteral("number");
    case ParamType::Integer: return QStringLiteral("integer");
    case ParamType::Boolean: return QStringLiteral("boolean");
    case ParamType::Options: return QStringLiteral("options");
    case ParamType::Json: return QStringLiteral("json");
    case ParamType::File: return QStringLiteral("file");
    case ParamType::Folder: return QStringLiteral("folder");
    case ParamType::List: return QStringLiteral("list");
    case ParamType::Credential: return QStringLiteral("credential");
    case ParamType::Code: return QStringLiteral("code");
    }
    return {};
}

Value ParamSpec::toValue() const
{
    Object o{{QStringLiteral("name"), name}, {QStringLiteral("title"), title}, {QStringLiteral("type"), typeName(type)}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (!placeholder.isEmpty())
        o.insert(QStringLiteral("placeholder"), placeholder);
    o.insert(QStringLiteral("default"), defaultValue);
    o.insert(QStringLiteral("required"), isRequired);
    o.insert(QStringLiteral("expressions"), expressions);
    if (min)
        o.insert(QStringLiteral("min"), *min);
    if (max)
        o.insert(QStringLiteral("max"), *max);
    if (!options.isEmpty()) {
        Array opts;
        for (const ParamOption& opt : options) {
            Object oo{{QStringLiteral("value"), opt.value}, {QStringLiteral("title"), opt.title}};
            if (!opt.description.isEmpty())
                oo.insert(QStringLiteral("description"), opt.description);
            opts.append(oo);
        }
        o.insert(QStringLiteral("options"), opts);
    }
    if (!showIf.isEmpty()) {
        Object show;
        for (const VisibilityRule& r : showIf) {
            Array vals;
            for (const Value& v : r.values)
                vals.append(v);
            show.insert(r.param, vals);
        }
        o.insert(QStringLiteral("showIf"), show);
    }
    if (!credentialType.isEmpty())
        o.insert(QStringLiteral("credentialType"), credentialType);
    if (!fileFilter.isEmpty())
        o.insert(QStringLiteral("fileFilter"), fileFilter);
    if (saveFile)
        o.insert(QStringLiteral("saveFile"), true);
    if (!codeLanguage.isEmpty())
        o.insert(QStringLiteral("language"), codeLanguage);
    if (!fields.isEmpty()) {
        Array fs;
        for (const ParamSpec& f : fields)
            fs.append(f.toValue());
        o.insert(QStringLiteral("fields"), fs);
    }
    return o;
}

} // namespace taskloom::engine
