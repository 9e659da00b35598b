#pragma once

#include "FlowDocument.hpp"

#include <QUndoCommand>

namespace taskloom::studio {

/// Adds or removes a fragment (nodes, connections, notes). Removal remembers where each piece stood, so undo
/// puts it back in the same place and the saved file comes out byte for byte as before.
class FragmentCommand : public QUndoCommand {
public:
    enum Mode { Add, Remove };
    FragmentCommand(FlowDocument& doc, FlowFragment fragment, Mode mode, const QString& text);

    void redo() override;
    void undo() override;

private:
    void insert();
    void erase();

    FlowDocument& m_doc;
    Mode m_mode;
    std::vector<std::pair<qsizetype, engine::FlowNode>> m_nodes;
    std::vector<std::pair<qsizetype, engine::Connection>> m_connections;
    std::vector<std::pair<qsizetype, engine::StickyNote>> m_notes;
    engine::Object m_pins; ///< removed nodes' pinned data, which goes and comes back with them
};

class MoveCommand : public QUndoCommand {
public:
    using Positions = QHash<QString, engine::Position>;
    MoveCommand(FlowDocument& doc, Positions oldNodes, Positions newNodes, Positions oldNotes, Positions newNotes,
                const QString& text);
    void redo() override;
    void undo() override;

private:
    FlowDocument& m_doc;
    Positions m_oldNodes, m_newNodes, m_oldNotes, m_newNotes;
};

/// Replaces whole nodes (parameters, settings, name); a rename changes the renamed node and every node whose
/// expressions named it. Consecutive edits of the same parameter merge into one step (typing a word is one undo).
class NodeChangeCommand : public QUndoCommand {
public:
    NodeChangeCommand(FlowDocument& doc, std::vector<engine::FlowNode> before, std::vector<engine::FlowNode> after,
                      const QString& text, QString mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    FlowDocument& m_doc;
    std::vector<engine::FlowNode> m_before, m_after;
    QString m_mergeKey;
};

class NoteChangeCommand : public QUndoCommand {
public:
    NoteChangeCommand(FlowDocument& doc, engine::StickyNote before, engine::StickyNote after, const QString& text);
    void redo() override { m_doc.replaceNote(m_after); }
    void undo() override { m_doc.replaceNote(m_before); }
    int id() const override { return 2; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    FlowDocument& m_doc;
    engine::StickyNote m_before, m_after;
};

} // namespace taskloom::studio

namespace taskloom::studio {

/// Pins, re-pins or unpins a node's output (the flow's pinData for that node).
class PinDataCommand : public QUndoCommand {
public:
    PinDataCommand(FlowDocument& doc, QString nodeId, std::optional<engine::Value> before,
                   std::optional<engine::Value> after, const QString& text)
        : QUndoCommand(text), m_doc(doc), m_nodeId(std::move(nodeId)), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { m_doc.setPinData(m_nodeId, m_after); }
    void undo() override { m_doc.setPinData(m_nodeId, m_before); }

private:
    FlowDocument& m_doc;
    QString m_nodeId;
    std::optional<engine::Value> m_before, m_after;
};

} // namespace taskloom::studio
