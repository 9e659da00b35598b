#include "CsvParams.hpp"

#include "engine/NodeError.hpp"
#include "engine/Template.hpp"

#include <optional>

namespace taskloom::nodes::core::CsvParams {

using namespace engine;

namespace {

const QString delimiterName = QStringLiteral("delimiter");
const QString customName = QStringLiteral("customDelimiter");
const QString quoteName = QStringLiteral("quote");

// One character; "\t" typed as two characters means a tab, since a tab is hard to type into a text box.
std::optional<QChar> singleChar(const QString& text)
{
    if (text == u"\\t")
        return QChar(u'\t');
    if (text.size() != 1 || text[0] == u'\n' || text[0] == u'\r')
        return std::nullopt;
    return text[0];
}

QChar namedDelimiter(const QString& choice)
{
    if (choice == u"semicolon")
        return u';';
    if (choice == u"tab")
        return u'\t';
    if (choice == u"pipe")
        return u'|';
    return u',';
}

} // namespace

ParamSpec delimiterParam()
{
    return ParamSpec::choice(delimiterName, QStringLiteral("Delimiter"),
                             {{QStringLiteral("comma"), QStringLiteral("Comma ,"), {}},
                              {QStringLiteral("semicolon"), QStringLiteral("Semicolon ;"),
                               QStringLiteral("Common in countries that write decimals with a comma")},
                              {QStringLiteral("tab"), QStringLiteral("Tab"), {}},
                              {QStringLiteral("pipe"), QStringLiteral("Pipe |"), {}},
                              {QStringLiteral("custom"), QStringLiteral("Other..."), {}}});
}

ParamSpec customDelimiterParam()
{
    return ParamSpec::string(customName, QStringLiteral("Other delimiter"))
        .hint(QStringLiteral("one character, or \\t for a tab"))
        .visibleWhen(delimiterName, {QStringLiteral("custom")})
        .required();
}

ParamSpec quoteParam()
{
    return ParamSpec::string(quoteName, QStringLiteral("Quote character"))
        .defaults(QStringLiteral("\""))
        .describe(QStringLiteral("Encloses values that hold the delimiter, quotes or line breaks."));
}

void apply(CsvDialect& dialect, const QString& delimiterChoice, const QString& customDelimiter, const QString& quote)
{
    if (delimiterChoice == u"custom") {
        const auto c = singleChar(customDelimiter);
        if (!c)
            throw NodeError::param(customName, customDelimiter, QStringLiteral("must be one character"));
        dialect.delimiter = *c;
    } else {
        dialect.delimiter = namedDelimiter(delimiterChoice);
    }
    const auto q = singleChar(quote);
    if (!q)
        throw NodeError::param(quoteName, quote, QStringLiteral("must be one character"));
    if (*q == dialect.delimiter)
        throw NodeError::param(quoteName, quote, QStringLiteral("is also the delimiter"));
    dialect.quote = *q;
}

void check(const Object& params, QList<std::pair<QString, QString>>& problems)
{
    auto literal = [&](const QString& name) -> std::optional<QString> {
        const Value* v = params.find(name);
        if (!v || !v->isString() || Template::containsExpression(v->stringRef()))
            return std::nullopt;
        return v->stringRef();
    };
    if (params.value(delimiterName).toText() == u"custom") {
        if (auto custom = literal(customName); custom && !custom->isEmpty() && !singleChar(*custom))
            problems.append({customName, QStringLiteral("\"%1\" is not one character").arg(*custom)});
    }
    if (auto quote = literal(quoteName); quote && !singleChar(*quote))
        problems.append({quoteName, QStringLiteral("\"%1\" is not one character").arg(*quote)});
}

} // namespace taskloom::nodes::core::CsvParams
