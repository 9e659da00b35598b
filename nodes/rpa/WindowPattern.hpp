#pragma once

#include "engine/ParamSpec.hpp"
#include "engine/Value.hpp"
#include "recorder/Desktop.hpp"

#include <QRegularExpression>

namespace taskloom::nodes::rpa {

/// A window chosen by regular expressions on its title and class (the window nodes share it).
class WindowPattern {
public:
    static engine::ParamSpec titleParam();
    static engine::ParamSpec classParam();

    /// Throws naming the parameter when a pattern does not compile.
    WindowPattern(const QString& title, const QString& cls, const QString& titleParam, const QString& classParam);
    QList<recorder::WindowInfo> matching(recorder::Desktop& desktop) const;
    QString describe() const;
    static engine::Object toObject(const recorder::WindowInfo& w);

private:
    QRegularExpression m_title;
    QRegularExpression m_class;
};

} // namespace taskloom::nodes::rpa
