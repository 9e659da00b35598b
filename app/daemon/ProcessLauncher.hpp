#pragma once

#include "Launcher.hpp"

#include <QHash>
#include <QObject>

class QProcess;

namespace taskloom::daemon {

/// Runs each job as `<program> run --run-id ID --trigger FILE --data-dir DIR --quiet FLOW`, with
/// TASKLOOM_DIE_WITH_PARENT=1 so the child dies with the daemon (PR_SET_PDEATHSIG). At its timeout a child gets
/// SIGTERM (it cancels and records itself), then SIGKILL after a grace period.
class ProcessLauncher final : public QObject, public Launcher {
public:
    explicit ProcessLauncher(QString program, QObject* parent = nullptr);
    ~ProcessLauncher() override;

    std::expected<void, QString> start(const Job& job, Finished finished) override;
    int running() const override { return int(m_children.size()); }
    /// Kills every child and waits for it, without calling their Finished callbacks (the daemon is stopping).
    void stopAll();

    static constexpr int killGraceMs = 5000;

private:
    struct Child;
    QString m_program;
    QHash<QProcess*, Child*> m_children;
};

} // namespace taskloom::daemon
