#pragma once

#include "recorder/InputCapture.hpp"

#include <QHash>
#include <QList>

#include <atomic>
#include <thread>

struct _XDisplay;

namespace taskloom::recorder::x11 {

/// Captures all device input of an X display with the RECORD extension, which also sees input injected with
/// XTest by other programs. Three connections of its own: control, data and key lookup; one thread.
class X11Capture final : public InputCapture {
public:
    explicit X11Capture(QString display);
    ~X11Capture() override;

    std::expected<void, QString> start(Callback callback) override;
    void stop() override;

    /// Called by the XRecord callback; public only for that C callback.
    void handleWire(const unsigned char* data, int length);
    void handleKeymapChange(const unsigned char* data, int length);
    void markEnded() { m_ended = true; }

private:
    void run();
    void emitMotion();
    void closeAll();

    QString m_display;
    _XDisplay* m_ctrl = nullptr;
    _XDisplay* m_data = nullptr;
    _XDisplay* m_lookup = nullptr;
    unsigned long m_context = 0;
    Callback m_callback;
    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_ended{false};
    bool m_hasPendingMotion = false;
    InputEvent m_pendingMotion;
    qint64 m_lastMotionEmitted = -1000;
    QHash<unsigned, QList<quint32>> m_keymap; ///< keycodes remapped since the capture started
};

} // namespace taskloom::recorder::x11
