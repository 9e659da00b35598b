#pragma once

#include "engine/Flow.hpp"

#include <QDateTime>
#include <QObject>

#include <expected>
#include <optional>

class QTimer;

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::studio {

class FlowDocument;

/// Keeps a recovery copy of the open flow while it has unsaved changes, so a crash loses at most a few seconds
/// of work. The copy goes to `<folder>/<key>.recovery.json` (atomic write): every `intervalMs` while the
/// document is dirty and has changed since the last copy, and at once after a burst of `burstEdits` edits.
/// It is removed when the document is saved, closed, or replaced. The key is derived from the flow's file
/// path (a flow never saved: from its id), so each flow has one recovery file.
class Autosave : public QObject {
    Q_OBJECT
public:
    Autosave(FlowDocument& doc, QString folder, QObject* parent = nullptr);
    ~Autosave() override;

    static constexpr int defaultIntervalMs = 15000;
    static constexpr int defaultBurstEdits = 25;

    void setInterval(int ms);
    void setBurstEdits(int edits) { m_burstEdits = edits; }
    const QString& folder() const { return m_folder; }

    /// The recovery file of a flow file (or, with an empty path, of an untitled flow with this id).
    QString recoveryPathFor(const QString& flowPath, const QString& flowId) const;
    /// The current document's recovery file.
    QString currentRecoveryPath() const;
    /// Writes the recovery copy now (if there are unsaved changes); errors are also reported by failed().
    std::expected<void, QString> saveNow();
    /// Removes the current document's recovery file (after a save, on close, or when the user declines it).
    void discard();
    /// Takes over a recovery file restored into the document: it is removed when the document is saved.
    void adopt(const QString& recoveryPath);

    struct Recovery {
        QString recoveryPath;
        QString flowPath; ///< the file it is a copy of; empty: an untitled flow
        QDateTime savedAt;
        engine::Flow flow;
    };
    /// Reads a recovery file; a corrupt one is an error naming the file.
    static std::expected<Recovery, QString> read(const QString& recoveryPath, const engine::NodeRegistry& registry);
    /// The recovery of `flowPath` if one exists and is newer than the file (the file's last save); else none.
    std::optional<QString> pendingFor(const QString& flowPath) const;
    /// Recovery files of untitled flows, newest first.
    QStringList pendingUntitled() const;

Q_SIGNALS:
    void saved(const QString& recoveryPath);
    void failed(const QString& message);

private:
    void onEdit();
    void onDirtyChanged(bool dirty);
    void onReset();

    FlowDocument& m_doc;
    QString m_folder;
    QTimer* m_timer;
    int m_burstEdits = defaultBurstEdits;
    int m_editsSinceSave = 0;
    bool m_changed = false;
    QString m_lastRecoveryPath; ///< where the copy of the current document was last written
};

} // namespace taskloom::studio
