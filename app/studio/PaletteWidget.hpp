#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::studio {

/// The node palette, generated from the registry: types grouped by category, search-as-you-type over titles,
/// descriptions and aliases; drag a type onto the canvas, or double-click / Enter to add it at the view's centre.
class PaletteWidget : public QWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(const engine::NodeRegistry& registry, QWidget* parent = nullptr);

    void setFilter(const QString& text);
    /// Type ids currently listed, in display order (tests, and Enter in the search box).
    QStringList visibleTypes() const;
    void focusSearch();
    /// Lists the registry's types again (a Lua node type was added or replaced).
    void refresh() { rebuild(); }

Q_SIGNALS:
    void addRequested(const QString& type);

private:
    void rebuild();

    const engine::NodeRegistry& m_registry;
    QLineEdit* m_search;
    QTreeWidget* m_tree;
};

} // namespace taskloom::studio
