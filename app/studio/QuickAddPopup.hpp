#pragma once

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::studio {

/// The quick-add search that opens at the cursor (Tab, double-click on the canvas, or a connection dropped on
/// empty canvas): type to filter, Enter or click to add.
class QuickAddPopup : public QFrame {
    Q_OBJECT
public:
    explicit QuickAddPopup(const engine::NodeRegistry& registry, QWidget* parent = nullptr);

    /// Opens at a global position with an empty search.
    void popup(const QPoint& globalPos);
    void setQuery(const QString& text);
    QStringList visibleTypes() const;
    /// Chooses the highlighted entry (Enter).
    void acceptCurrent();

Q_SIGNALS:
    void chosen(const QString& type);
    void dismissed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void refill();

    const engine::NodeRegistry& m_registry;
    QLineEdit* m_search;
    QListWidget* m_list;
    bool m_chosen = false;
};

} // namespace taskloom::studio
