#include "NodeItem.hpp"

#include "ConnectionItem.hpp"
#include "FlowDocument.hpp"
#include "NodeStyle.hpp"
#include "StudioTranslation.hpp"

#include "engine/NodeRegistry.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace taskloom::studio {

using namespace engine;

namespace {

const QColor bodyColor(0x2B, 0x2F, 0x37);
const QColor borderColor(0x45, 0x4B, 0x56);
const QColor textColor(0xE8, 0xEA, 0xED);
const QColor mutedText(0x9A, 0xA1, 0xAC);
const QColor accent(0x4C, 0xA3, 0xFF);

QColor stateColor(NodeRunState s)
{
    switch (s) {
    case NodeRunState::Queued: return QColor(0x9A, 0xA1, 0xAC);
    case NodeRunState::Running: return QColor(0x4C, 0xA3, 0xFF);
    case NodeRunState::Succeeded: return QColor(0x3F, 0xB9, 0x50);
    case NodeRunState::Failed: return QColor(0xF8, 0x51, 0x49);
    case NodeRunState::Skipped: return QColor(0x6E, 0x76, 0x81);
    case NodeRunState::None: break;
    }
    return {};
}

} // namespace

NodeItem::NodeItem(const FlowDocument& doc, const QString& id) : m_doc(doc), m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setAcceptHoverEvents(false);
    setZValue(1);
    refresh();
}

void NodeItem::refresh()
{
    const FlowNode* n = m_doc.node(m_id);
    if (!n)
        return;
    prepareGeometryChange();
    m_name = n->name;
    m_disabled = n->settings.disabled;
    m_placeholder = n->placeholder;
    m_pinned = m_doc.flow().pinData.contains(m_id);
    m_ports = m_doc.ports(*n);
    const NodeType* type = n->placeholder ? nullptr : m_doc.registry().find(n->type);
    if (type) {
        m_subtitle = StudioTranslation::node(type->spec().title);
        m_color = NodeStyle::categoryColor(type->spec().category);
        m_glyph = NodeStyle::glyph(type->spec().icon, type->spec().title);
    } else {
        m_subtitle = QObject::tr("Unknown type %1").arg(n->type);
        m_color = QColor(0x6E, 0x76, 0x81);
        m_glyph = QStringLiteral("?");
    }
    QString tip = QStringLiteral("<b>%1</b><br>%2").arg(m_name.toHtmlEscaped(), m_subtitle.toHtmlEscaped());
    if (m_pinned)
        tip += QStringLiteral("<br>") + QObject::tr("Output pinned: runs reuse the pinned items instead of executing this node.").toHtmlEscaped();
    if (!n->settings.notes.isEmpty())
        tip += QStringLiteral("<br><i>%1</i>").arg(n->settings.notes.toHtmlEscaped());
    m_tip = tip;
    setToolTip(m_problemTip.isEmpty() ? m_tip : m_tip + QStringLiteral("<hr>") + m_problemTip);
    setPos(n->position.x, n->position.y);
    for (ConnectionItem* c : m_connections)
        c->updatePath();
    update();
}

void NodeItem::setProblems(int errors, int warnings, const QString& tooltip)
{
    if (errors == m_errors && warnings == m_warnings && tooltip == m_problemTip)
        return;
    m_errors = errors;
    m_warnings = warnings;
    m_problemTip = tooltip;
    setToolTip(m_problemTip.isEmpty() ? m_tip : m_tip + QStringLiteral("<hr>") + m_problemTip);
    update();
}

void NodeItem::setRunState(NodeRunState state, const QString& text)
{
    m_runState = state;
    m_runText = text;
    update();
}

double NodeItem::height() const
{
    const qsizetype rows = std::max<qsizetype>(1, std::max(m_ports.inputs.size(), m_ports.outputs.size()));
    return headerHeight + 8 + double(rows) * portSpacing + statusHeight;
}

QRectF NodeItem::boundingRect() const
{
    // Room for the ports' circles sticking out and the problem badge above the corner.
    return QRectF(-portRadius - 2, -10, width + 2 * portRadius + 4, height() + 12);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath p;
    p.addRoundedRect(QRectF(-portRadius - 2, 0, width + 2 * portRadius + 4, height()), 8, 8);
    return p;
}

QPointF NodeItem::portScenePos(const QString& port, bool output) const
{
    const int i = output ? m_ports.outputIndex(port) : m_ports.inputIndex(port);
    const double y = headerHeight + 4 + portSpacing * (std::max(i, 0) + 0.5);
    return mapToScene(QPointF(output ? width : 0, y));
}

std::optional<PortRef> NodeItem::portAt(const QPointF& scenePos) const
{
    const QPointF p = mapFromScene(scenePos);
    const auto hit = [&](const QList<PortSpec>& list, bool output) -> std::optional<PortRef> {
        for (int i = 0; i < list.size(); ++i) {
            const QPointF c(output ? width : 0, headerHeight + 4 + portSpacing * (i + 0.5));
            if (std::abs(p.x() - c.x()) <= 12 && std::abs(p.y() - c.y()) <= portSpacing / 2)
                return PortRef{m_id, list[i].name, output};
        }
        return std::nullopt;
    };
    if (auto in = hit(m_ports.inputs, false))
        return in;
    return hit(m_ports.outputs, true);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged) {
        for (ConnectionItem* c : m_connections)
            c->updatePath();
    } else if (change == ItemSelectedHasChanged) {
        setZValue(value.toBool() ? 2 : 1);
    }
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    const QRectF body(0, 0, width, height());
    const QColor ring = isSelected() ? accent : (m_runState != NodeRunState::None ? stateColor(m_runState) : borderColor);
    if (lod < 0.3) {
        // Far away: a coloured block is all anyone can see, and it costs two fills.
        p->fillRect(body, bodyColor);
        p->fillRect(QRectF(0, 0, width, headerHeight), m_color);
        if (isSelected() || m_errors)
            p->fillRect(QRectF(0, body.height() - 12, width, 12), isSelected() ? accent : QColor(0xF8, 0x51, 0x49));
        return;
    }
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(ring, isSelected() || m_runState == NodeRunState::Running ? 2.5 : 1.2));
    p->setBrush(bodyColor);
    p->drawRoundedRect(body, 8, 8);

    // Header: a rounded top in the category colour, flat at the bottom. Every node has the same header shape, and
    // simplifying a path is a polygon union: build it once, not on every frame of every node.
    static const QPainterPath header = [] {
        QPainterPath path;
        path.addRoundedRect(QRectF(0, 0, width, headerHeight), 8, 8);
        path.addRect(QRectF(0, headerHeight - 8, width, 8));
        return path.simplified();
    }();
    QColor headerColor = m_color;
    if (m_disabled || m_placeholder)
        headerColor = QColor(0x55, 0x5B, 0x66);
    p->setPen(Qt::NoPen);
    p->setBrush(headerColor.darker(135));
    p->drawPath(header);
    p->setBrush(headerColor);
    p->drawRect(QRectF(0, 8, 4, headerHeight - 8));

    const QRectF glyphBox(8, 7, 24, 24);
    p->setBrush(QColor(255, 255, 255, 40));
    p->drawRoundedRect(glyphBox, 5, 5);
    QFont f = p->font();
    f.setPixelSize(13);
    f.setBold(true);
    p->setFont(f);
    p->setPen(Qt::white);
    p->drawText(glyphBox, Qt::AlignCenter, m_glyph);

    if (lod >= 0.5) {
        f.setPixelSize(12);
        p->setFont(f);
        const QRectF nameRect(38, 4, width - 44, 17);
        p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                    p->fontMetrics().elidedText(m_name, Qt::ElideRight, int(nameRect.width())));
        f.setBold(false);
        f.setPixelSize(10);
        p->setFont(f);
        p->setPen(QColor(255, 255, 255, 170));
        QString sub = m_subtitle;
        if (m_disabled)
            sub = QObject::tr("%1 · disabled").arg(sub);
        p->drawText(QRectF(38, 20, width - 44, 14), Qt::AlignLeft | Qt::AlignVCenter,
                    p->fontMetrics().elidedText(sub, Qt::ElideRight, int(width - 44)));
    }
    paintPorts(p, lod >= 0.5);
    if (lod >= 0.5)
        paintStatus(p);

    if (m_pinned) {
        f.setPixelSize(10);
        f.setBold(true);
        p->setFont(f);
        const QString text = QObject::tr("pinned");
        const QRectF tag(10, -8, p->fontMetrics().horizontalAdvance(text) + 14, 16);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xA3, 0x71, 0xF7));
        p->drawRoundedRect(tag, 8, 8);
        p->setPen(Qt::white);
        p->drawText(tag, Qt::AlignCenter, text);
    }
    if (m_errors || m_warnings) {
        const QRectF badge(width - 22, -8, 26, 18);
        p->setPen(Qt::NoPen);
        p->setBrush(m_errors ? QColor(0xF8, 0x51, 0x49) : QColor(0xE6, 0x9F, 0x1E));
        p->drawRoundedRect(badge, 9, 9);
        f.setPixelSize(11);
        f.setBold(true);
        p->setFont(f);
        p->setPen(Qt::white);
        p->drawText(badge, Qt::AlignCenter, QString::number(m_errors ? m_errors : m_warnings));
    }
}

void NodeItem::paintPorts(QPainter* p, bool labels) const
{
    QFont f = p->font();
    f.setBold(false);
    f.setPixelSize(10);
    p->setFont(f);
    const auto draw = [&](const QList<PortSpec>& list, bool output) {
        for (int i = 0; i < list.size(); ++i) {
            const QPointF c(output ? width : 0, headerHeight + 4 + portSpacing * (i + 0.5));
            const bool error = list[i].name == u"error";
            p->setPen(QPen(bodyColor, 2));
            p->setBrush(error ? QColor(0xF8, 0x51, 0x49) : QColor(0xC9, 0xCE, 0xD6));
            p->drawEllipse(c, portRadius, portRadius);
            if (!labels)
                continue;
            // A lone "in"/"out" port says nothing a reader needs; named ports (true/false, cases) do.
            const bool obvious = list.size() == 1 && (list[i].name == u"in" || list[i].name == u"out");
            if (obvious)
                continue;
            p->setPen(mutedText);
            const QRectF r = output ? QRectF(width / 2, c.y() - 8, width / 2 - 10, 16)
                                    : QRectF(10, c.y() - 8, width / 2 - 10, 16);
            p->drawText(r, (output ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                        list[i].title.isEmpty() ? list[i].name : StudioTranslation::node(list[i].title));
        }
    };
    draw(m_ports.inputs, false);
    draw(m_ports.outputs, true);
}

void NodeItem::paintStatus(QPainter* p) const
{
    if (m_runState == NodeRunState::None)
        return;
    const QRectF r(10, height() - statusHeight - 2, width - 20, statusHeight);
    const QColor c = stateColor(m_runState);
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    p->drawEllipse(QPointF(r.left() + 4, r.center().y()), 4, 4);
    QFont f = p->font();
    f.setPixelSize(10);
    p->setFont(f);
    p->setPen(m_runState == NodeRunState::Failed ? c : textColor);
    p->drawText(r.adjusted(12, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(m_runText, Qt::ElideRight, int(r.width() - 12)));
}

} // namespace taskloom::studio
