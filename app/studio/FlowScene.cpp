#include "FlowScene.hpp"

#include "ConnectionItem.hpp"
#include "FlowDocument.hpp"
#include "NoteItem.hpp"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QPen>
#include <QRegularExpression>

#include <algorithm>

namespace taskloom::studio {

using namespace engine;

FlowScene::FlowScene(FlowDocument& doc, QObject* parent) : QGraphicsScene(parent), m_doc(doc)
{
    // Nodes come and go one at a time; the BSP index would be rebuilt on each of the thousands of moves that a
    // drag of many nodes makes, so a flat index is faster here.
    setItemIndexMethod(NoIndex);
    connect(&doc, &FlowDocument::flowReset, this, &FlowScene::rebuild);
    connect(&doc, &FlowDocument::nodeAdded, this, &FlowScene::addNodeItem);
    connect(&doc, &FlowDocument::nodeRemoved, this, &FlowScene::removeNodeItem);
    connect(&doc, &FlowDocument::nodeChanged, this, [this](const QString& id) {
        if (NodeItem* item = m_nodes.value(id))
            item->refresh();
    });
    connect(&doc, &FlowDocument::nodeMoved, this, [this](const QString& id) {
        NodeItem* item = m_nodes.value(id);
        const FlowNode* n = m_doc.node(id);
        if (item && n)
            item->setPos(n->position.x, n->position.y);
    });
    connect(&doc, &FlowDocument::connectionAdded, this, &FlowScene::addConnectionItem);
    connect(&doc, &FlowDocument::connectionRemoved, this, &FlowScene::removeConnectionItem);
    connect(&doc, &FlowDocument::noteAdded, this, &FlowScene::addNoteItem);
    connect(&doc, &FlowDocument::noteRemoved, this, [this](const QString& id) { delete m_notes.take(id); });
    connect(&doc, &FlowDocument::noteChanged, this, [this](const QString& id) {
        if (NoteItem* item = m_notes.value(id); item && m_doc.note(id))
            item->setNote(*m_doc.note(id));
    });
    connect(&doc, &FlowDocument::problemsChanged, this, &FlowScene::updateProblems);
    rebuild();
}

FlowScene::~FlowScene()
{
    // Nobody may look at items while the base class deletes them (selection changes fire as they go), and
    // connections unregister from their nodes when deleted: they go first, while the nodes still exist.
    blockSignals(true);
    qDeleteAll(m_connections);
    m_connections.clear();
    m_nodes.clear();
    m_notes.clear();
}

QString FlowScene::key(const Connection& c)
{
    return c.fromNode + u'\x1f' + c.fromPort + u'\x1f' + c.toNode + u'\x1f' + c.toPort;
}

void FlowScene::rebuild()
{
    m_dragFrom.reset();
    m_dragPath = nullptr;
    m_dragLabel = nullptr;
    m_pressPositions.clear();
    qDeleteAll(m_connections);
    m_connections.clear();
    m_nodes.clear();
    m_notes.clear();
    clear();
    for (const FlowNode& n : m_doc.flow().nodes)
        addNodeItem(n.id);
    for (const Connection& c : m_doc.flow().connections)
        addConnectionItem(c);
    for (const StickyNote& n : m_doc.flow().notes)
        addNoteItem(n.id);
    updateProblems();
}

void FlowScene::addNodeItem(const QString& id)
{
    if (m_nodes.contains(id) || !m_doc.node(id))
        return;
    auto* item = new NodeItem(m_doc, id);
    addItem(item);
    m_nodes.insert(id, item);
}

void FlowScene::removeNodeItem(const QString& id)
{
    NodeItem* item = m_nodes.take(id);
    if (!item)
        return;
    for (ConnectionItem* c : QList<ConnectionItem*>(item->connections()))
        delete m_connections.take(key(c->connection()));
    delete item;
}

void FlowScene::addConnectionItem(const Connection& c)
{
    NodeItem* from = m_nodes.value(c.fromNode);
    NodeItem* to = m_nodes.value(c.toNode);
    if (!from || !to || m_connections.contains(key(c)))
        return;
    auto* item = new ConnectionItem(from, to, c);
    addItem(item);
    m_connections.insert(key(c), item);
}

void FlowScene::removeConnectionItem(const Connection& c)
{
    delete m_connections.take(key(c));
}

void FlowScene::addNoteItem(const QString& id)
{
    const StickyNote* n = m_doc.note(id);
    if (!n || m_notes.contains(id))
        return;
    auto* item = new NoteItem(*n);
    addItem(item);
    m_notes.insert(id, item);
}

ConnectionItem* FlowScene::connectionItem(const Connection& c) const
{
    return m_connections.value(key(c));
}

void FlowScene::updateProblems()
{
    struct Count {
        int errors = 0;
        int warnings = 0;
        QStringList lines;
    };
    QHash<qsizetype, Count> counts;
    static const QRegularExpression nodePath(QStringLiteral("^nodes\\[(\\d+)\\]\\.?(.*)$"));
    for (const Problem& p : m_doc.problems()) {
        const auto m = nodePath.match(p.path);
        if (!m.hasMatch())
            continue;
        Count& c = counts[m.captured(1).toLongLong()];
        (p.isError() ? c.errors : c.warnings)++;
        c.lines.append((m.captured(2).isEmpty() ? p.message : m.captured(2) + QStringLiteral(": ") + p.message).toHtmlEscaped());
    }
    const auto& nodes = m_doc.flow().nodes;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (NodeItem* item = m_nodes.value(nodes[i].id)) {
            const Count c = counts.value(qsizetype(i));
            item->setProblems(c.errors, c.warnings, c.lines.join(QStringLiteral("<br>")));
        }
    }
}

QStringList FlowScene::selectedNodeIds() const
{
    // In flow order, so copies and deletes are deterministic.
    QStringList out;
    for (const FlowNode& n : m_doc.flow().nodes) {
        if (NodeItem* item = m_nodes.value(n.id); item && item->isSelected())
            out.append(n.id);
    }
    return out;
}

QStringList FlowScene::selectedNoteIds() const
{
    QStringList out;
    for (const StickyNote& n : m_doc.flow().notes) {
        if (NoteItem* item = m_notes.value(n.id); item && item->isSelected())
            out.append(n.id);
    }
    return out;
}

std::vector<Connection> FlowScene::selectedConnections() const
{
    std::vector<Connection> out;
    for (QGraphicsItem* item : selectedItems()) {
        if (item->type() == ConnectionItem::Type)
            out.push_back(static_cast<ConnectionItem*>(item)->connection());
    }
    return out;
}

void FlowScene::selectOnly(const QStringList& nodeIds, const QStringList& noteIds)
{
    clearSelection();
    for (const QString& id : nodeIds) {
        if (NodeItem* item = m_nodes.value(id))
            item->setSelected(true);
    }
    for (const QString& id : noteIds) {
        if (NoteItem* item = m_notes.value(id))
            item->setSelected(true);
    }
}

QRectF FlowScene::contentRect() const
{
    QRectF r;
    for (NodeItem* item : m_nodes)
        r |= item->sceneBoundingRect();
    for (NoteItem* item : m_notes)
        r |= item->sceneBoundingRect();
    return r.isNull() ? QRectF(-400, -300, 800, 600) : r.adjusted(-60, -60, 60, 60);
}

void FlowScene::setRunState(const QString& nodeId, NodeRunState state, const QString& text)
{
    if (NodeItem* item = m_nodes.value(nodeId))
        item->setRunState(state, text);
}

void FlowScene::clearRunStates()
{
    for (NodeItem* item : m_nodes)
        item->setRunState(NodeRunState::None, {});
    for (ConnectionItem* c : m_connections)
        c->setActive(false);
}

void FlowScene::clearActiveConnections()
{
    for (ConnectionItem* c : m_connections)
        c->setActive(false);
}

void FlowScene::setIncomingActive(const QString& nodeId, bool active)
{
    if (NodeItem* item = m_nodes.value(nodeId)) {
        for (ConnectionItem* c : item->connections()) {
            if (c->connection().toNode == nodeId)
                c->setActive(active);
        }
    }
}

void FlowScene::alignSelection(const QString& how)
{
    QList<NodeItem*> items;
    for (const QString& id : selectedNodeIds())
        items.append(m_nodes.value(id));
    if (items.size() < 2)
        return;
    QRectF box;
    for (NodeItem* i : items)
        box |= QRectF(i->pos(), QSizeF(NodeItem::width, i->boundingRect().height() - 12));
    QHash<QString, Position> moved;
    const auto put = [&](NodeItem* i, double x, double y) { moved.insert(i->nodeId(), Position{x, y}); };
    if (how == u"hdistribute" || how == u"vdistribute") {
        const bool h = how == u"hdistribute";
        std::sort(items.begin(), items.end(),
                  [h](NodeItem* a, NodeItem* b) { return h ? a->x() < b->x() : a->y() < b->y(); });
        const double first = h ? items.first()->x() : items.first()->y();
        const double last = h ? items.last()->x() : items.last()->y();
        const double step = (last - first) / double(items.size() - 1);
        for (int k = 0; k < items.size(); ++k)
            put(items[k], h ? first + step * k : items[k]->x(), h ? items[k]->y() : first + step * k);
    } else {
        for (NodeItem* i : items) {
            const double hgt = i->boundingRect().height() - 12;
            double x = i->x(), y = i->y();
            if (how == u"left") x = box.left();
            else if (how == u"right") x = box.right() - NodeItem::width;
            else if (how == u"hcenter") x = box.center().x() - NodeItem::width / 2;
            else if (how == u"top") y = box.top();
            else if (how == u"bottom") y = box.bottom() - hgt;
            else if (how == u"vcenter") y = box.center().y() - hgt / 2;
            put(i, x, y);
        }
    }
    static const QHash<QString, const char*> names = {
        {QStringLiteral("left"), QT_TR_NOOP("Align left")},       {QStringLiteral("right"), QT_TR_NOOP("Align right")},
        {QStringLiteral("top"), QT_TR_NOOP("Align top")},         {QStringLiteral("bottom"), QT_TR_NOOP("Align bottom")},
        {QStringLiteral("hcenter"), QT_TR_NOOP("Align centres")}, {QStringLiteral("vcenter"), QT_TR_NOOP("Align middles")},
        {QStringLiteral("hdistribute"), QT_TR_NOOP("Distribute horizontally")},
        {QStringLiteral("vdistribute"), QT_TR_NOOP("Distribute vertically")}};
    m_doc.moveItems(moved, {}, tr(names.value(how, QT_TR_NOOP("Align"))));
}

std::optional<PortRef> FlowScene::portAt(const QPointF& scenePos) const
{
    // Items under a small square: ports stick out of their node's body.
    for (QGraphicsItem* item : items(QRectF(scenePos - QPointF(8, 8), QSizeF(16, 16)))) {
        if (item->type() == NodeItem::Type) {
            if (auto port = static_cast<NodeItem*>(item)->portAt(scenePos))
                return port;
        }
    }
    return std::nullopt;
}

void FlowScene::beginConnection(const PortRef& from, const QPointF& scenePos)
{
    m_dragFrom = from;
    m_dragPath = addPath(QPainterPath(), QPen(QColor(0x4C, 0xA3, 0xFF), 2.5, Qt::DashLine));
    m_dragPath->setZValue(5);
    m_dragLabel = addSimpleText(QString());
    m_dragLabel->setZValue(6);
    m_dragLabel->setBrush(QColor(0xF8, 0x51, 0x49));
    updateConnection(scenePos);
}

void FlowScene::updateConnection(const QPointF& scenePos)
{
    if (!m_dragFrom || !m_dragPath)
        return;
    NodeItem* node = m_nodes.value(m_dragFrom->nodeId);
    if (!node)
        return;
    const QPointF start = node->portScenePos(m_dragFrom->port, m_dragFrom->output);
    m_dragPath->setPath(m_dragFrom->output ? ConnectionItem::curve(start, scenePos)
                                           : ConnectionItem::curve(scenePos, start));
    QString reason;
    const auto target = portAt(scenePos);
    const bool ok = !target || ConnectionRules::resolve(m_doc, *m_dragFrom, *target, &reason).has_value();
    m_dragPath->setPen(QPen(ok ? QColor(0x4C, 0xA3, 0xFF) : QColor(0xF8, 0x51, 0x49), 2.5, Qt::DashLine));
    m_dragLabel->setText(ok ? QString() : reason);
    m_dragLabel->setPos(scenePos + QPointF(14, 10));
}

void FlowScene::endConnection(const QPointF& scenePos)
{
    if (!m_dragFrom)
        return;
    const PortRef from = *m_dragFrom;
    m_dragFrom.reset();
    delete m_dragPath;
    delete m_dragLabel;
    m_dragPath = nullptr;
    m_dragLabel = nullptr;
    const auto target = portAt(scenePos);
    if (!target) {
        bool onItem = false;
        for (QGraphicsItem* item : items(scenePos))
            onItem |= item->type() == NodeItem::Type;
        if (!onItem)
            Q_EMIT connectionDroppedOnEmpty(from, scenePos);
        return;
    }
    QString reason;
    const auto c = ConnectionRules::resolve(m_doc, from, *target, &reason);
    if (c) {
        if (auto refused = m_doc.connectPorts(*c))
            reason = *refused;
        else
            return;
    }
    Q_EMIT connectionRefused(reason);
    Q_EMIT message(tr("Not connected: %1").arg(reason));
}

void FlowScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (auto port = portAt(event->scenePos())) {
            beginConnection(*port, event->scenePos());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem* item : selectedItems()) {
            if (item->flags() & QGraphicsItem::ItemIsMovable)
                m_pressPositions.insert(item, item->pos());
        }
    }
}

void FlowScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_dragFrom) {
        updateConnection(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void FlowScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_dragFrom) {
        endConnection(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    QHash<QString, Position> nodes, notes;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it) {
        QGraphicsItem* item = it.key();
        if (item->pos() == it.value())
            continue;
        const Position p{std::round(item->x()), std::round(item->y())};
        if (item->type() == NodeItem::Type)
            nodes.insert(static_cast<NodeItem*>(item)->nodeId(), p);
        else if (item->type() == NoteItem::Type)
            notes.insert(static_cast<NoteItem*>(item)->noteId(), p);
    }
    m_pressPositions.clear();
    const qsizetype count = nodes.size() + notes.size();
    if (count)
        m_doc.moveItems(nodes, notes, count == 1 ? tr("Move") : tr("Move %n items", nullptr, int(count)));
}

void FlowScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    for (QGraphicsItem* item : items(event->scenePos())) {
        if (item->type() == NoteItem::Type) {
            Q_EMIT noteEditRequested(static_cast<NoteItem*>(item)->noteId());
            return;
        }
        if (item->type() == NodeItem::Type) {
            Q_EMIT nodeActivated(static_cast<NodeItem*>(item)->nodeId());
            return;
        }
    }
    if (event->button() == Qt::LeftButton)
        Q_EMIT quickAddRequested(event->scenePos());
}

} // namespace taskloom::studio
