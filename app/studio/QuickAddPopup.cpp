#include "QuickAddPopup.hpp"

#include "NodeCatalog.hpp"
#include "NodeStyle.hpp"
#include "StudioTranslation.hpp"

#include "engine/NodeRegistry.hpp"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace taskloom::studio {

using namespace engine;

QuickAddPopup::QuickAddPopup(const NodeRegistry& registry, QWidget* parent)
    : QFrame(parent, Qt::Popup), m_registry(registry), m_search(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickAdd"));
    setFrameShape(QFrame::StyledPanel);
    m_search->setPlaceholderText(tr("Add a node…"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(320, 360);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &QuickAddPopup::refill);
    connect(m_search, &QLineEdit::returnPressed, this, &QuickAddPopup::acceptCurrent);
    connect(m_list, &QListWidget::itemActivated, this, [this] { acceptCurrent(); });
    connect(m_list, &QListWidget::itemClicked, this, [this] { acceptCurrent(); });
    refill();
}

void QuickAddPopup::popup(const QPoint& globalPos)
{
    m_chosen = false;
    m_search->clear();
    refill();
    move(globalPos);
    show();
    m_search->setFocus();
}

void QuickAddPopup::setQuery(const QString& text)
{
    m_search->setText(text);
}

QStringList QuickAddPopup::visibleTypes() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_list->item(i)->data(Qt::UserRole).toString());
    return out;
}

void QuickAddPopup::acceptCurrent()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    m_chosen = true;
    const QString type = item->data(Qt::UserRole).toString();
    hide();
    Q_EMIT chosen(type);
}

void QuickAddPopup::refill()
{
    m_list->clear();
    for (const NodeType* t : NodeCatalog::search(m_registry, m_search->text())) {
        const NodeSpec& s = t->spec();
        auto* item = new QListWidgetItem(
            QStringLiteral("%1   ·   %2").arg(StudioTranslation::node(s.title), StudioTranslation::node(s.category)), m_list);
        item->setData(Qt::UserRole, s.type);
        item->setToolTip(StudioTranslation::node(s.description));
        item->setForeground(QColor(0xE8, 0xEA, 0xED));
        item->setData(Qt::DecorationRole, NodeStyle::categoryColor(s.category));
    }
    m_list->setCurrentRow(0);
}

bool QuickAddPopup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int row = m_list->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1);
            m_list->setCurrentRow(std::clamp(row, 0, m_list->count() - 1));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void QuickAddPopup::hideEvent(QHideEvent* event)
{
    QFrame::hideEvent(event);
    if (!m_chosen)
        Q_EMIT dismissed();
}

} // namespace taskloom::studio
