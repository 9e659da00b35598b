#include "MacroStepModel.hpp"

#include "recorder/KeyText.hpp"
#include "recorder/MacroFile.hpp"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QPalette>
#include <QUndoStack>

namespace taskloom::studio {

using recorder::MacroStep;

/// One edit as the rows before and after it: steps share their anchor images, so a snapshot costs little.
class MacroStepModel::Snapshot : public QUndoCommand {
public:
    Snapshot(MacroStepModel& model, QList<Row> before, QList<Row> after, const QString& text)
        : QUndoCommand(text), m_model(model), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void undo() override { m_model.applyRows(m_before); }
    void redo() override { m_model.applyRows(m_after); }

private:
    MacroStepModel& m_model;
    QList<Row> m_before;
    QList<Row> m_after;
};

MacroStepModel::MacroStepModel(QObject* parent) : QAbstractTableModel(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { Q_EMIT dirtyChanged(isDirty()); });
}

MacroStepModel::~MacroStepModel() = default;

int MacroStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int MacroStepModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MacroStepModel::kindText(MacroStep::Kind kind)
{
    switch (kind) {
    case MacroStep::Kind::Click: return tr("Click");
    case MacroStep::Kind::Drag: return tr("Drag");
    case MacroStep::Kind::Scroll: return tr("Scroll");
    case MacroStep::Kind::Type: return tr("Type text");
    case MacroStep::Kind::TypeSecret: return tr("Type secret");
    case MacroStep::Kind::Keys: return tr("Press keys");
    case MacroStep::Kind::Wait: return tr("Wait");
    case MacroStep::Kind::WaitWindow: return tr("Wait for window");
    }
    return {};
}

bool MacroStepModel::hasEditableText(MacroStep::Kind kind)
{
    return kind == MacroStep::Kind::Type || kind == MacroStep::Kind::Keys;
}

bool MacroStepModel::hasDelay(MacroStep::Kind kind)
{
    return kind == MacroStep::Kind::Wait || kind == MacroStep::Kind::WaitWindow;
}

QImage MacroStepModel::makeThumbnail(const MacroStep& step)
{
    const recorder::Locator* l = step.target.find(recorder::Locator::Kind::Image);
    if (!l || l->anchor.isNull())
        return {};
    const recorder::Image& a = l->anchor;
    // B, G, R, X bytes are QImage::Format_RGB32 on a little-endian machine (the only kind X11 recording runs on).
    const QImage full(a.constBits(), a.width(), a.height(), a.stride(), QImage::Format_RGB32);
    const double scale = std::min({0.5, double(thumbnailBox.width()) / a.width(), double(thumbnailBox.height()) / a.height()});
    return full.scaled(std::max(1, int(a.width() * scale)), std::max(1, int(a.height() * scale)), Qt::IgnoreAspectRatio,
                       Qt::SmoothTransformation);
}

QString MacroStepModel::targetText(const MacroStep& s) const
{
    if (s.kind == MacroStep::Kind::WaitWindow) {
        QStringList parts;
        if (!s.windowTitle.isEmpty())
            parts.append(tr("title ~ %1").arg(s.windowTitle));
        if (!s.windowClass.isEmpty())
            parts.append(tr("class ~ %1").arg(s.windowClass));
        return parts.isEmpty() ? tr("any window") : parts.join(QStringLiteral(", "));
    }
    const recorder::WindowInfo& w = s.target.window;
    if (w.title.isEmpty() && w.className.isEmpty()) {
        if (const recorder::Locator* abs = s.target.find(recorder::Locator::Kind::Absolute))
            return tr("screen %1, %2").arg(abs->point.x).arg(abs->point.y);
        return {};
    }
    return w.title.isEmpty() ? w.className : w.title;
}

QString MacroStepModel::inputText(const MacroStep& s) const
{
    switch (s.kind) {
    case MacroStep::Kind::Type:
    case MacroStep::Kind::Keys: return s.text;
    case MacroStep::Kind::TypeSecret: return tr("credential %1 (%2)").arg(s.credential, s.field);
    case MacroStep::Kind::Click: {
        const QString button = s.button == 3 ? tr("right") : s.button == 2 ? tr("middle") : tr("left");
        return s.clicks >= 2 ? tr("%1 button, double").arg(button) : tr("%1 button").arg(button);
    }
    case MacroStep::Kind::Drag: return tr("by %1, %2").arg(s.dragBy.x).arg(s.dragBy.y);
    case MacroStep::Kind::Scroll: return tr("%1 down, %2 right").arg(s.scrollY).arg(s.scrollX);
    case MacroStep::Kind::Wait:
    case MacroStep::Kind::WaitWindow: return {};
    }
    return {};
}

QString MacroStepModel::resultText(int row) const
{
    const auto it = m_results.constFind(row);
    if (it == m_results.constEnd())
        return {};
    const recorder::StepReport& r = *it;
    if (!r.ok)
        return tr("failed: %1").arg(r.error);
    QString how = r.strategy.isEmpty() ? tr("ok") : tr("ok by %1").arg(r.strategy);
    if (r.score >= 0)
        how += tr(" (score %1)").arg(r.score, 0, 'f', 2);
    return how + tr(", %1 ms").arg(r.durationMs);
}

QVariant MacroStepModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_steps.size())
        return {};
    const int row = index.row();
    const MacroStep& s = m_steps.at(row).step;
    if (role == CurrentRole)
        return row == m_current;
    if (role == Qt::BackgroundRole && row == m_current)
        return QBrush(QColor(255, 214, 102, 150));
    if (role == Qt::ForegroundRole && index.column() == ResultColumn && m_results.contains(row))
        return QBrush(m_results.value(row).ok ? QColor(40, 150, 70) : QColor(210, 50, 50));
    switch (index.column()) {
    case StepColumn:
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1  %2").arg(row + 1).arg(kindText(s.kind));
        break;
    case AnchorColumn:
        if (role == Qt::DecorationRole && !m_steps.at(row).thumbnail.isNull())
            return m_steps.at(row).thumbnail;
        if (role == Qt::ToolTipRole && s.target.find(recorder::Locator::Kind::Image))
            return tr("Anchor image: replay looks for it on the screen and clicks at the same place inside it");
        break;
    case TargetColumn:
        if (role == Qt::DisplayRole)
            return targetText(s);
        if (role == Qt::ToolTipRole && !s.target.window.className.isEmpty())
            return tr("Window \"%1\", class %2").arg(s.target.window.title, s.target.window.className);
        break;
    case InputColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return inputText(s);
        if (role == Qt::ToolTipRole && hasEditableText(s.kind))
            return s.kind == MacroStep::Kind::Keys ? tr("Double-click to edit the keys, e.g. ctrl+s")
                                                   : tr("Double-click to edit; {{ }} expressions are allowed");
        break;
    case DelayColumn:
        if (hasDelay(s.kind)) {
            if (role == Qt::DisplayRole)
                return tr("%1 ms").arg(s.ms);
            if (role == Qt::EditRole)
                return s.ms;
        }
        break;
    case ResultColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return resultText(row);
        break;
    default: break;
    }
    return {};
}

QVariant MacroStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StepColumn: return tr("Step");
    case AnchorColumn: return tr("Anchor");
    case TargetColumn: return tr("Target");
    case InputColumn: return tr("Text / keys");
    case DelayColumn: return tr("Delay");
    case ResultColumn: return tr("Result");
    default: return {};
    }
}

Qt::ItemFlags MacroStepModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    const MacroStep::Kind kind = m_steps.at(index.row()).step.kind;
    if ((index.column() == InputColumn && hasEditableText(kind)) || (index.column() == DelayColumn && hasDelay(kind)))
        f |= Qt::ItemIsEditable;
    return f;
}

bool MacroStepModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    if (index.column() == InputColumn)
        return setStepText(index.row(), value.toString());
    if (index.column() == DelayColumn) {
        bool ok = false;
        const int ms = value.toString().remove(QStringLiteral("ms")).trimmed().toInt(&ok);
        return ok && setStepDelay(index.row(), ms);
    }
    return false;
}

recorder::Macro MacroStepModel::macro() const
{
    recorder::Macro m = m_header;
    for (const Row& r : m_steps)
        m.steps.append(r.step);
    return m;
}

void MacroStepModel::reset(const recorder::Macro& macro, const QString& path, bool dirty)
{
    const bool wasDirty = isDirty();
    beginResetModel();
    m_header = macro;
    m_header.steps.clear();
    m_steps.clear();
    for (const MacroStep& s : macro.steps)
        m_steps.append({s, makeThumbnail(s)});
    m_current = -1;
    m_results.clear();
    endResetModel();
    m_undo->clear();
    m_dirtyWithoutUndo = dirty;
    if (m_path != path) {
        m_path = path;
        Q_EMIT pathChanged(m_path);
    }
    if (wasDirty != isDirty())
        Q_EMIT dirtyChanged(isDirty());
}

std::expected<void, QString> MacroStepModel::open(const QString& path)
{
    auto m = recorder::MacroFile::read(path);
    if (!m)
        return std::unexpected(m.error());
    reset(*m, path);
    return {};
}

std::expected<void, QString> MacroStepModel::save(const QString& path)
{
    recorder::Macro m = macro();
    if (auto ok = recorder::MacroFile::write(m, path); !ok)
        return ok;
    // write() filled in each anchor's file name; keep them so the next save knows them too.
    for (int i = 0; i < m_steps.size() && i < m.steps.size(); ++i)
        m_steps[i].step = m.steps.at(i);
    const bool wasDirty = isDirty();
    m_dirtyWithoutUndo = false;
    m_undo->setClean();
    if (m_path != path) {
        m_path = path;
        Q_EMIT pathChanged(m_path);
    }
    if (wasDirty)
        Q_EMIT dirtyChanged(false);
    return {};
}

bool MacroStepModel::isDirty() const
{
    return m_dirtyWithoutUndo || !m_undo->isClean();
}

void MacroStepModel::applyRows(const QList<Row>& rows)
{
    beginResetModel();
    m_steps = rows;
    m_results.clear();
    m_current = -1;
    endResetModel();
}

void MacroStepModel::pushRows(QList<Row> rows, const QString& text)
{
    m_undo->push(new Snapshot(*this, m_steps, std::move(rows), text));
}

bool MacroStepModel::setStepText(int row, const QString& text)
{
    if (row < 0 || row >= m_steps.size() || !hasEditableText(m_steps.at(row).step.kind) || m_steps.at(row).step.text == text)
        return false;
    if (m_steps.at(row).step.kind == MacroStep::Kind::Keys && !recorder::KeyText::parseCombo(text))
        return false;
    QList<Row> rows = m_steps;
    rows[row].step.text = text;
    pushRows(std::move(rows), tr("Edit text of step %1").arg(row + 1));
    return true;
}

bool MacroStepModel::setStepDelay(int row, int ms)
{
    if (row < 0 || row >= m_steps.size() || ms < 0 || !hasDelay(m_steps.at(row).step.kind) || m_steps.at(row).step.ms == ms)
        return false;
    QList<Row> rows = m_steps;
    rows[row].step.ms = ms;
    pushRows(std::move(rows), tr("Change delay of step %1").arg(row + 1));
    return true;
}

bool MacroStepModel::removeSteps(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<Row> after = m_steps;
    int removed = 0;
    for (auto it = rows.crbegin(); it != rows.crend(); ++it)
        if (*it >= 0 && *it < after.size()) {
            after.removeAt(*it);
            ++removed;
        }
    if (removed == 0)
        return false;
    pushRows(std::move(after), tr("Delete %n step(s)", nullptr, removed));
    return true;
}

bool MacroStepModel::moveStep(int row, int delta)
{
    const int to = row + delta;
    if (row < 0 || row >= m_steps.size() || to < 0 || to >= m_steps.size() || delta == 0)
        return false;
    QList<Row> rows = m_steps;
    rows.move(row, to);
    pushRows(std::move(rows), delta < 0 ? tr("Move step %1 up").arg(row + 1) : tr("Move step %1 down").arg(row + 1));
    return true;
}

void MacroStepModel::setCurrentStep(int row)
{
    const int old = m_current;
    m_current = row;
    if (old >= 0 && old < m_steps.size())
        Q_EMIT dataChanged(index(old, 0), index(old, ColumnCount - 1));
    if (row >= 0 && row < m_steps.size())
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MacroStepModel::setResult(const recorder::StepReport& report)
{
    if (report.index < 0 || report.index >= m_steps.size())
        return;
    m_results.insert(report.index, report);
    Q_EMIT dataChanged(index(report.index, ResultColumn), index(report.index, ResultColumn));
}

std::optional<recorder::StepReport> MacroStepModel::result(int row) const
{
    const auto it = m_results.constFind(row);
    return it == m_results.constEnd() ? std::nullopt : std::optional(*it);
}

void MacroStepModel::clearResults()
{
    m_results.clear();
    m_current = -1;
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_steps.size()) - 1, ColumnCount - 1));
}

} // namespace taskloom::studio
