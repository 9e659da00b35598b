#pragma once

#include "Desktop.hpp"
#include "ReplayOptions.hpp"
#include "ReplayReport.hpp"

namespace taskloom::recorder {

/// Performs one macro step on a desktop: finds its target (image anchor, then window-relative, then absolute),
/// injects the input, and reports how. Shared by the Replayer and the RPA nodes, so a recording converted into a
/// flow behaves exactly like the recording.
class StepRunner {
public:
    StepRunner(Desktop& desktop, const ReplayOptions& options);

    StepReport run(int index, const MacroStep& step);

    struct Located {
        Point point;
        QString strategy;
        double score = -1;
        double scale = 1;
    };
    /// Finds a target, waiting up to the find timeout for its anchor to appear. The error says what was tried.
    std::expected<Located, QString> locate(const Target& target, Rect* searched = nullptr, double* bestScore = nullptr);
    /// Waits (divided by speed) in small slices; false when cancelled.
    bool sleep(int ms);

private:
    std::expected<void, QString> perform(const MacroStep& step, StepReport& report);
    std::expected<void, QString> moveTo(Point p);
    std::expected<void, QString> holdModifiers(unsigned modifiers, bool down);
    std::expected<void, QString> pressCombo(const QString& combo);
    std::expected<void, QString> typeText(const QString& text, bool paste);
    std::expected<void, QString> waitWindow(const MacroStep& step);
    std::optional<WindowInfo> findWindow(const Locator& l);
    QString failureScreenshot(int index, const Rect& searched, const Rect& expected);
    bool cancelled() const { return m_options.cancelled && m_options.cancelled(); }

    Desktop& m_desktop;
    const ReplayOptions& m_options;
    std::optional<Point> m_lastPointer;
    std::optional<double> m_lastScale; ///< of the last anchor match in this replay: tried first for the next anchor
};

} // namespace taskloom::recorder
