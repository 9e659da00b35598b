#pragma once

#include "Value.hpp"

#include <QList>
#include <QString>

#include <optional>

namespace taskloom::engine {

enum class ParamType {
    String,     ///< one line of text
    Text,       ///< multi-line text
    Number,     ///< a double, optionally within [min, max]
    Integer,    ///< a whole number, optionally within [min, max]
    Boolean,
    Options,    ///< one of `options`
    Json,       ///< any JSON value
    File,       ///< a file path (the studio offers a picker)
    Folder,     ///< a folder path
    List,       ///< a list of rows, each an object with `fields`
    Credential, ///< the name of a credential of `credentialType`
    Code,       ///< source code in `codeLanguage`
};

struct ParamOption {
    QString value;
    QString title;
    QString description;
};

/// Show a parameter only when another parameter has one of the given values.
struct VisibilityRule {
    QString param;
    QList<Value> values;
};

/// One typed parameter of a node, as data: the validator, the executor, `taskloom nodes --json` and the studio's
/// inspector all read this one declaration. Built fluently: `ParamSpec::string("url", "URL").required()`.
struct ParamSpec {
    QString name;
    QString title;
    ParamType type = ParamType::String;
    QString description;
    QString placeholder;
    Value defaultValue;
    bool isRequired = false;
    bool expressions = true; ///< may hold `{{ }}` expressions
    std::optional<double> min;
    std::optional<double> max;
    QList<ParamOption> options;
    QList<VisibilityRule> showIf; ///< all must hold
    QString credentialType;
    QString fileFilter;    ///< e.g. "CSV files (*.csv)"
    bool saveFile = false; ///< File: the picker chooses a new file
    QString codeLanguage;  ///< Code: "lua"
    QList<ParamSpec> fields; ///< List: the fields of each row

    static ParamSpec string(QString name, QString title) { return make(std::move(name), std::move(title), ParamType::String, QString()); }
    static ParamSpec text(QString name, QString title) { return make(std::move(name), std::move(title), ParamType::Text, QString()); }
    static ParamSpec number(QString name, QString title, double def) { return make(std::move(name), std::move(title), ParamType::Number, def); }
    static ParamSpec integer(QString name, QString title, qint64 def) { return make(std::move(name), std::move(title), ParamType::Integer, def); }
    static ParamSpec boolean(QString name, QString title, bool def) { return make(std::move(name), std::move(title), ParamType::Boolean, def); }
    static ParamSpec json(QString name, QString title, Value def = {}) { return make(std::move(name), std::move(title), ParamType::Json, std::move(def)); }
    static ParamSpec file(QString name, QString title) { return make(std::move(name), std::move(title), ParamType::File, QString()); }
    static ParamSpec folder(QString name, QString title) { return make(std::move(name), std::move(title), ParamType::Folder, QString()); }
    static ParamSpec code(QString name, QString title, QString language, QString def)
    {
        ParamSpec p = make(std::move(name), std::move(title), ParamType::Code, std::move(def));
        p.codeLanguage = std::move(language);
        p.expressions = false;
        return p;
    }
    static ParamSpec credential(QString name, QString title, QString credentialType)
    {
        ParamSpec p = make(std::move(name), std::move(title), ParamType::Credential, QString());
        p.credentialType = std::move(credentialType);
        p.expressions = false;
        return p;
    }
    /// `options` as {value, title}; the default is the first option unless `def` says otherwise.
    static ParamSpec choice(QString name, QString title, QList<ParamOption> options, QString def = {})
    {
        ParamSpec p = make(std::move(name), std::move(title), ParamType::Options,
                           def.isEmpty() && !options.isEmpty() ? options.first().value : def);
        p.options = std::move(options);
        return p;
    }
    static ParamSpec list(QString name, QString title, QList<ParamSpec> fields)
    {
        ParamSpec p = make(std::move(name), std::move(title), ParamType::List, Array());
        p.fields = std::move(fields);
        return p;
    }

    ParamSpec& required(bool r = true) { isRequired = r; return *this; }
    ParamSpec& describe(QString d) { description = std::move(d); return *this; }
    ParamSpec& hint(QString p) { placeholder = std::move(p); return *this; }
    ParamSpec& defaults(Value v) { defaultValue = std::move(v); return *this; }
    ParamSpec& range(std::optional<double> lo, std::optional<double> hi) { min = lo; max = hi; return *this; }
    ParamSpec& noExpressions() { expressions = false; return *this; }
    ParamSpec& visibleWhen(QString param, QList<Value> values) { showIf.append({std::move(param), std::move(values)}); return *this; }
    ParamSpec& filter(QString f) { fileFilter = std::move(f); return *this; }
    ParamSpec& forSaving() { saveFile = true; return *this; }

    /// Whether the rules in showIf hold for these parameter values (missing values read as their defaults).
    bool isVisible(const Object& params, const QList<ParamSpec>& siblings) const;
    Value toValue() const;
    static QString typeName(ParamType t);

private:
    static ParamSpec make(QString name, QString title, ParamType type, Value def)
    {
        ParamSpec p;
        p.name = std::move(name);
        p.title = std::move(title);
        p.type = type;
        p.defaultValue = std::move(def);
        return p;
    }
};

} // namespace taskloom::engine
