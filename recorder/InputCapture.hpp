#pragma once

#include "InputEvent.hpp"

#include <QString>

#include <expected>
#include <functional>

namespace taskloom::recorder {

/// A running capture of the whole desktop's mouse and keyboard input (X11: XRecord on its own connections).
/// Events reach the callback on the capture's own thread, in order, with pointer motion coalesced. Input that
/// this process injects while a ReplayGuard is alive is dropped; input injected by other programs is kept.
class InputCapture {
public:
    using Callback = std::function<void(const InputEvent&)>;

    virtual ~InputCapture() = default;
    /// Starts delivering events; fails when the display offers no way to capture (no RECORD extension).
    virtual std::expected<void, QString> start(Callback callback) = 0;
    /// Stops and joins the capture thread; every event captured before the call has been delivered.
    virtual void stop() = 0;
};

} // namespace taskloom::recorder
