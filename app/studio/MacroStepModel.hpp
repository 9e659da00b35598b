#pragma once

#include "recorder/Macro.hpp"
#include "recorder/ReplayReport.hpp"

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>

#include <expected>

class QUndoStack;

namespace taskloom::studio {

/// The recorder panel's document: one macro's steps as rows (kind, anchor thumbnail, target window, typed text or
/// keys, delay, replay result), with undoable edits and the file it came from. Reading and writing go through
/// recorder::MacroFile, so the panel saves exactly what `taskloom record` writes.
class MacroStepModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StepColumn, AnchorColumn, TargetColumn, InputColumn, DelayColumn, ResultColumn, ColumnCount };
    /// Data role: true on the row being replayed.
    static constexpr int CurrentRole = Qt::UserRole + 1;
    /// Thumbnails are at most half the anchor's size, so replay's multi-scale search (down to 67 %) never finds
    /// a thumbnail shown in the studio instead of the real target.
    static constexpr QSize thumbnailBox{88, 48};

    explicit MacroStepModel(QObject* parent = nullptr);
    ~MacroStepModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

    /// The macro as edited (header from the file or the recording, steps in list order).
    recorder::Macro macro() const;
    const recorder::MacroStep& step(int row) const { return m_steps.at(row).step; }
    QImage thumbnail(int row) const { return m_steps.at(row).thumbnail; }

    /// Replaces the whole macro (a new recording, New): clears undo history; `path` empty for an unsaved macro.
    void reset(const recorder::Macro& macro, const QString& path = {}, bool dirty = false);
    std::expected<void, QString> open(const QString& path);
    /// Writes `path` (anchors beside it in NAME.anchors/), each file all-or-nothing; becomes the macro's path.
    std::expected<void, QString> save(const QString& path);
    const QString& path() const { return m_path; }
    bool isDirty() const;
    QUndoStack* undoStack() const { return m_undo; }

    // Undoable edits; each returns false when it does not apply (a row out of range, a value the step cannot take).
    bool setStepText(int row, const QString& text);
    bool setStepDelay(int row, int ms);
    bool removeSteps(QList<int> rows);
    /// Moves a step up (delta -1) or down (+1).
    bool moveStep(int row, int delta);

    /// Replay display: the step being replayed (-1: none) and each step's outcome.
    void setCurrentStep(int row);
    int currentStep() const { return m_current; }
    void setResult(const recorder::StepReport& report);
    std::optional<recorder::StepReport> result(int row) const;
    void clearResults();

    /// Whether a step's text (typed text, keys) can be edited, and its delay (waits).
    static bool hasEditableText(recorder::MacroStep::Kind kind);
    static bool hasDelay(recorder::MacroStep::Kind kind);
    static QString kindText(recorder::MacroStep::Kind kind);
    /// The anchor image as a thumbnail (null when the step has none).
    static QImage makeThumbnail(const recorder::MacroStep& step);

Q_SIGNALS:
    void dirtyChanged(bool dirty);
    void pathChanged(const QString& path);

private:
    struct Row {
        recorder::MacroStep step;
        QImage thumbnail;
    };
    class Snapshot;

    void applyRows(const QList<Row>& rows);
    void pushRows(QList<Row> rows, const QString& text);
    QString inputText(const recorder::MacroStep& s) const;
    QString targetText(const recorder::MacroStep& s) const;
    QString resultText(int row) const;

    recorder::Macro m_header; ///< everything but the steps
    QList<Row> m_steps;
    QString m_path;
    QUndoStack* m_undo;
    bool m_dirtyWithoutUndo = false; ///< a fresh recording not saved yet
    int m_current = -1;
    QHash<int, recorder::StepReport> m_results;
};

} // namespace taskloom::studio
