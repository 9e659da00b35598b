#include "WindowPattern.hpp"

#include "engine/NodeError.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

ParamSpec WindowPattern::titleParam()
{
    return ParamSpec::string(QStringLiteral("title"), QStringLiteral("Title matches"))
        .hint(QStringLiteral("^Invoice .* - Editor$"))
        .describe(QStringLiteral("A regular expression the window title must contain a match for; empty: any title."));
}

ParamSpec WindowPattern::classParam()
{
    return ParamSpec::string(QStringLiteral("class"), QStringLiteral("Class matches"))
        .hint(QStringLiteral("^firefox$"))
        .describe(QStringLiteral("A regular expression for the window class (the program); empty: any."));
}

WindowPattern::WindowPattern(const QString& title, const QString& cls, const QString& titleParam, const QString& classParam)
    : m_title(title), m_class(cls)
{
    if (!m_title.isValid())
        throw NodeError::param(titleParam, title, QStringLiteral("not a regular expression: %1").arg(m_title.errorString()));
    if (!m_class.isValid())
        throw NodeError::param(classParam, cls, QStringLiteral("not a regular expression: %1").arg(m_class.errorString()));
}

QList<recorder::WindowInfo> WindowPattern::matching(recorder::Desktop& desktop) const
{
    QList<recorder::WindowInfo> out;
    for (const recorder::WindowInfo& w : desktop.windows())
        if (m_title.match(w.title).hasMatch() && m_class.match(w.className).hasMatch())
            out.append(w);
    return out;
}

QString WindowPattern::describe() const
{
    return QStringLiteral("title /%1/, class /%2/").arg(m_title.pattern(), m_class.pattern());
}

Object WindowPattern::toObject(const recorder::WindowInfo& w)
{
    return Object{{QStringLiteral("id"), qint64(w.id)},
                  {QStringLiteral("title"), w.title},
                  {QStringLiteral("class"), w.className},
                  {QStringLiteral("x"), w.geometry.x},
                  {QStringLiteral("y"), w.geometry.y},
                  {QStringLiteral("width"), w.geometry.width},
                  {QStringLiteral("height"), w.geometry.height},
                  {QStringLiteral("pid"), w.pid}};
}

} // namespace taskloom::nodes::rpa
