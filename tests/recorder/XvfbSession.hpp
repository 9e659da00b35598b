#pragma once

#include <QHash>
#include <QProcess>
#include <QString>

#include <functional>
#include <memory>

namespace taskloom::tests {

/// A private X server for one test: Xvfb on a free display (found with -displayfd), optionally with openbox as
/// window manager, stopped when the session goes away.
class XvfbSession {
public:
    struct Options {
        int width = 1280;
        int height = 800;
        bool windowManager = false; ///< start openbox
    };

    explicit XvfbSession(Options options);
    ~XvfbSession();

    bool ok() const { return !m_display.isEmpty() && m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    /// ":42"
    const QString& display() const { return m_display; }
    /// The environment for a program that should show on this display (Qt on xcb, not offscreen).
    QProcessEnvironment environment() const;

private:
    std::unique_ptr<QProcess> m_xvfb;
    std::unique_ptr<QProcess> m_wm;
    QString m_display;
    QString m_error;
};

/// The target application (taskloom-target-app) on a display, and what it logged.
class TargetApp {
public:
    struct Widget {
        int x = 0, y = 0, width = 0, height = 0;
        int centerX() const { return x + width / 2; }
        int centerY() const { return y + height / 2; }
    };

    TargetApp(const XvfbSession& x, const QString& logPath, const QStringList& extraArgs = {},
              const QProcessEnvironment& extraEnv = {});
    ~TargetApp();

    /// Waits until the window is shown and reported its widgets.
    bool waitReady(int timeoutMs = 20000);
    Widget widget(const QString& name) const { return m_widgets.value(name); }
    bool has(const QString& name) const { return m_widgets.contains(name); }
    /// The log lines other than the start-up report: "click beta", "text name Hello".
    QStringList actions() const;
    /// Whether `field` was the last widget to get the keyboard focus.
    bool hasFocus(const QString& field) const;
    /// The last text logged for a field.
    QString text(const QString& field) const;
    /// Polls until `pred(actions())` holds or the time runs out.
    bool waitFor(const std::function<bool(const QStringList&)>& pred, int timeoutMs = 10000) const;
    void stop();

private:
    QStringList lines() const;

    QString m_log;
    std::unique_ptr<QProcess> m_process;
    QHash<QString, Widget> m_widgets;
};

/// The target app's binary (built next to the tests).
QString targetAppPath();

} // namespace taskloom::tests
