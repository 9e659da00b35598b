#pragma once

#include <QDeadlineTimer>
#include <QString>

#include <expected>

namespace taskloom::vault {

/// Whether the D-Bus session bus (where Linux keyrings live) answers at all, asked over its socket with a deadline.
///
/// Needed because Qt's own connection attempt waits forever on a bus that accepts connections but never answers
/// (a wedged dbus-daemon, a stale socket a dead process still holds): the keyring thread would block for good, and
/// Qt's D-Bus shutdown would then hang the process at exit. Probing first keeps Qt away from such a bus.
class SessionBusProbe {
public:
    /// Success when the bus answered, or when its address is of a kind not probed here (tcp, ...), which
    /// qtkeychain then tries under the keyring timeout. The error says why there is no usable session bus.
    static std::expected<void, QString> check(QDeadlineTimer deadline);
};

} // namespace taskloom::vault
