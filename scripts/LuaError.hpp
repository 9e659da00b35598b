#pragma once

#include <QString>

namespace taskloom::scripts {

/// Why a Lua call failed, as one line ("code:3: attempt to index a nil value (global 'x')"). The kind lets
/// callers map failures: Cancelled / TimedOut become engine::Cancelled, the rest node or expression errors.
struct LuaError {
    enum class Kind { Syntax, Runtime, Memory, Budget, Cancelled, TimedOut };

    Kind kind = Kind::Runtime;
    QString message;

    bool isCancellation() const { return kind == Kind::Cancelled || kind == Kind::TimedOut; }
};

} // namespace taskloom::scripts
