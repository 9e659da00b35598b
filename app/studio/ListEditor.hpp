#pragma once

#include "engine/ParamSpec.hpp"

#include <QWidget>

class QTableWidget;

namespace taskloom::studio {

/// Edits a List parameter (rows of `fields`; a key-value list is the two-field case) as a table with add and
/// remove buttons. Cells hold text; numbers and booleans are converted by their field's type, and a cell with
/// an expression stays text.
class ListEditor : public QWidget {
    Q_OBJECT
public:
    ListEditor(const engine::ParamSpec& spec, QWidget* parent = nullptr);

    void setValue(const engine::Value& value);
    engine::Value value() const;
    QTableWidget* table() const { return m_table; }
    void addRow();

Q_SIGNALS:
    void edited();

private:
    void setCell(int row, int column, const engine::Value& v);
    engine::Value cellValue(int row, int column) const;
    void fitHeight();

    engine::ParamSpec m_spec;
    QTableWidget* m_table;
    bool m_loading = false;
};

} // namespace taskloom::studio
