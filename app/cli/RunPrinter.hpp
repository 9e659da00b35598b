#pragma once

#include "engine/RunEvent.hpp"

namespace taskloom::cli {

/// Prints run events as they happen: a line per finished node, log lines and retries on stderr for people,
/// or every event as one JSON line on stdout (`--json-events`) for programs.
class RunPrinter final : public engine::RunObserver {
public:
    enum class Mode { Human, JsonLines, Quiet };
    explicit RunPrinter(Mode mode) : m_mode(mode) {}
    void onEvent(const engine::RunEvent& event) override;

private:
    void human(const engine::RunEvent& event);
    Mode m_mode;
};

} // namespace taskloom::cli
