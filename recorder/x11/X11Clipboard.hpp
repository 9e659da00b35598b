#pragma once

#include <QString>

#include <atomic>
#include <expected>
#include <memory>
#include <thread>

struct _XDisplay;

namespace taskloom::recorder::x11 {

/// The CLIPBOARD selection as text. X11 has no clipboard store: the owner serves its text on request, so
/// owning runs a small thread with its own connection until another program takes the clipboard over.
class X11Clipboard {
public:
    static std::expected<std::unique_ptr<X11Clipboard>, QString> own(const QString& display, const QString& text);
    static std::expected<QString, QString> read(const QString& display, int timeoutMs);
    ~X11Clipboard();

private:
    X11Clipboard() = default;
    void serve();

    _XDisplay* m_dpy = nullptr;
    unsigned long m_window = 0;
    QByteArray m_utf8;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace taskloom::recorder::x11
