#include "XvfbSession.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

namespace taskloom::tests {

XvfbSession::XvfbSession(Options options)
{
    if (QStandardPaths::findExecutable(QStringLiteral("Xvfb")).isEmpty()) {
        m_error = QStringLiteral("Xvfb is not installed");
        return;
    }
    m_xvfb = std::make_unique<QProcess>();
    // -displayfd 1: Xvfb picks a free display itself and writes its number to stdout when ready.
    m_xvfb->start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                                          QStringLiteral("0"), QStringLiteral("%1x%2x24").arg(options.width).arg(options.height),
                                          QStringLiteral("-nolisten"), QStringLiteral("tcp"), QStringLiteral("-noreset")});
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (!out.contains('\n') && t.elapsed() < 30000 && m_xvfb->state() != QProcess::NotRunning) {
        m_xvfb->waitForReadyRead(200);
        out += m_xvfb->readAllStandardOutput();
    }
    if (!out.contains('\n')) {
        m_error = QStringLiteral("Xvfb did not start: %1").arg(QString::fromLocal8Bit(m_xvfb->readAllStandardError()));
        return;
    }
    m_display = u':' + QString::fromLatin1(out.trimmed());
    if (!options.windowManager)
        return;
    if (QStandardPaths::findExecutable(QStringLiteral("openbox")).isEmpty()) {
        m_error = QStringLiteral("openbox is not installed");
        return;
    }
    m_wm = std::make_unique<QProcess>();
    m_wm->setProcessEnvironment(environment());
    m_wm->start(QStringLiteral("openbox"), {QStringLiteral("--sm-disable")});
    // Ready once it announces itself on the root window.
    t.restart();
    while (t.elapsed() < 20000) {
        QProcess prop;
        prop.setProcessEnvironment(environment());
        prop.start(QStringLiteral("xprop"), {QStringLiteral("-root"), QStringLiteral("_NET_SUPPORTING_WM_CHECK")});
        prop.waitForFinished(5000);
        if (prop.readAllStandardOutput().contains("window id"))
            return;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("openbox did not start");
}

XvfbSession::~XvfbSession()
{
    for (auto* p : {m_wm.get(), m_xvfb.get()})
        if (p && p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(5000)) {
                p->kill();
                p->waitForFinished(2000);
            }
        }
}

QProcessEnvironment XvfbSession::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

QString targetAppPath()
{
    return QStringLiteral(TASKLOOM_BINARY_DIR "/bin/taskloom-target-app");
}

TargetApp::TargetApp(const XvfbSession& x, const QString& logPath, const QStringList& extraArgs, const QProcessEnvironment& extraEnv)
    : m_log(logPath)
{
    QFile::remove(logPath);
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = x.environment();
    for (const QString& k : extraEnv.keys())
        env.insert(k, extraEnv.value(k));
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(targetAppPath(), QStringList{QStringLiteral("--log"), logPath} + extraArgs);
}

TargetApp::~TargetApp()
{
    stop();
}

void TargetApp::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

QStringList TargetApp::lines() const
{
    QFile f(m_log);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

bool TargetApp::waitReady(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    qsizetype seen = -1;
    QElapsedTimer stable;
    while (t.elapsed() < timeoutMs) {
        const QStringList all = lines();
        if (all.contains(QStringLiteral("ready"))) {
            // Ready once the window has stopped moving (a window manager frames and places it after it shows).
            if (all.size() != seen) {
                seen = all.size();
                stable.start();
            } else if (stable.elapsed() >= 700) {
                m_widgets.clear();
                for (const QString& l : all) {
                    const QStringList p = l.split(u' ');
                    if (p.size() == 6 && p[0] == u"widget")
                        m_widgets.insert(p[1], Widget{p[2].toInt(), p[3].toInt(), p[4].toInt(), p[5].toInt()});
                }
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            return false;
        QThread::msleep(50);
    }
    return false;
}

QStringList TargetApp::actions() const
{
    QStringList out;
    for (const QString& l : lines())
        if (!l.startsWith(QStringLiteral("widget ")) && l != u"ready" && !l.startsWith(QStringLiteral("focus ")))
            out.append(l);
    return out;
}

bool TargetApp::hasFocus(const QString& field) const
{
    QString last;
    for (const QString& l : lines())
        if (l.startsWith(QStringLiteral("focus ")))
            last = l.mid(6);
    return last == field;
}

QString TargetApp::text(const QString& field) const
{
    QString value;
    const QString prefix = QStringLiteral("text %1 ").arg(field);
    for (const QString& l : lines()) {
        if (l.startsWith(prefix))
            value = l.mid(prefix.size());
        else if (l == prefix.trimmed())
            value.clear();
    }
    return value;
}

bool TargetApp::waitFor(const std::function<bool(const QStringList&)>& pred, int timeoutMs) const
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (pred(actions()))
            return true;
        QThread::msleep(50);
    }
    return pred(actions());
}

} // namespace taskloom::tests
