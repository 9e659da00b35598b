#include "PaletteWidget.hpp"

#include "FlowView.hpp"
#include "NodeCatalog.hpp"
#include "NodeStyle.hpp"
#include "StudioTranslation.hpp"

#include "engine/NodeRegistry.hpp"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace taskloom::studio {

using namespace engine;

namespace {

constexpr int typeRole = Qt::UserRole + 1;

/// Tree whose node rows drag out as node-type MIME data.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override
    {
        if (items.isEmpty() || items.first()->data(0, typeRole).toString().isEmpty())
            return nullptr;
        auto* data = new QMimeData;
        data->setData(FlowView::nodeMimeType(), items.first()->data(0, typeRole).toString().toUtf8());
        return data;
    }
    QStringList mimeTypes() const override { return {FlowView::nodeMimeType()}; }
};

QIcon glyphIcon(const NodeSpec& spec)
{
    QPixmap pm(40, 40);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(NodeStyle::categoryColor(spec.category));
    p.drawRoundedRect(QRectF(2, 2, 36, 36), 8, 8);
    QFont f = p.font();
    f.setPixelSize(18);
    f.setBold(true);
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(QRectF(2, 2, 36, 36), Qt::AlignCenter, NodeStyle::glyph(spec.icon, spec.title));
    return QIcon(pm);
}

} // namespace

PaletteWidget::PaletteWidget(const NodeRegistry& registry, QWidget* parent)
    : QWidget(parent), m_registry(registry), m_search(new QLineEdit(this)), m_tree(new PaletteTree(this))
{
    setObjectName(QStringLiteral("palette"));
    m_search->setPlaceholderText(tr("Search nodes…"));
    m_search->setClearButtonEnabled(true);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setIconSize(QSize(20, 20));
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(8);
    m_tree->setUniformRowHeights(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    connect(m_search, &QLineEdit::textChanged, this, &PaletteWidget::rebuild);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QStringList types = visibleTypes();
        if (!types.isEmpty())
            Q_EMIT addRequested(types.first());
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString type = item->data(0, typeRole).toString();
        if (!type.isEmpty())
            Q_EMIT addRequested(type);
    });
    rebuild();
}

void PaletteWidget::setFilter(const QString& text)
{
    m_search->setText(text);
}

void PaletteWidget::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

QStringList PaletteWidget::visibleTypes() const
{
    QStringList out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* cat = m_tree->topLevelItem(i);
        for (int k = 0; k < cat->childCount(); ++k)
            out.append(cat->child(k)->data(0, typeRole).toString());
    }
    return out;
}

void PaletteWidget::rebuild()
{
    m_tree->clear();
    const QString query = m_search->text();
    const QList<const NodeType*> types = query.trimmed().isEmpty() ? m_registry.types()
                                                                    : NodeCatalog::search(m_registry, query);
    QHash<QString, QTreeWidgetItem*> categories;
    QFont catFont = font();
    catFont.setBold(true);
    catFont.setPointSizeF(catFont.pointSizeF() * 0.92);
    for (const NodeType* t : types) {
        const NodeSpec& s = t->spec();
        QTreeWidgetItem* cat = categories.value(s.category);
        if (!cat) {
            cat = new QTreeWidgetItem(m_tree, {StudioTranslation::node(s.category).toUpper()});
            cat->setFlags(Qt::ItemIsEnabled);
            cat->setFont(0, catFont);
            cat->setForeground(0, NodeStyle::categoryColor(s.category));
            categories.insert(s.category, cat);
        }
        auto* item = new QTreeWidgetItem(cat, {StudioTranslation::node(s.title)});
        item->setData(0, typeRole, s.type);
        item->setIcon(0, glyphIcon(s));
        item->setToolTip(0, QStringLiteral("<b>%1</b> <small>%2</small><br>%3")
                                .arg(StudioTranslation::node(s.title).toHtmlEscaped(), s.type,
                                     StudioTranslation::node(s.description).toHtmlEscaped()));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_tree->expandAll();
}

} // namespace taskloom::studio
