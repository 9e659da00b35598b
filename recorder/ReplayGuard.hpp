#pragma once

namespace taskloom::recorder {

/// Marks this process as replaying while alive, so its capture ignores the input it injects itself. Injected
/// events reach the capture a moment after injection, so the guard keeps input ignored for a short grace period
/// after the last guard ends.
class ReplayGuard {
public:
    ReplayGuard();
    ~ReplayGuard();
    ReplayGuard(const ReplayGuard&) = delete;
    ReplayGuard& operator=(const ReplayGuard&) = delete;

    /// Whether input arriving now was (probably) injected by this process.
    static bool active();

    static constexpr int graceMs = 250;
};

} // namespace taskloom::recorder
