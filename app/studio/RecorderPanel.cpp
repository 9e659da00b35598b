#include "RecorderPanel.hpp"

#include "MacroStepModel.hpp"
#include "RecorderController.hpp"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace taskloom::studio {

namespace {

/// The record button's red dot (no theme icon says "record" on every desktop).
QIcon recordIcon()
{
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(150, 20, 20), 2));
    p.setBrush(QColor(220, 45, 45));
    p.drawEllipse(QRectF(5, 5, 22, 22));
    return QIcon(pm);
}

} // namespace

RecorderPanel::RecorderPanel(QWidget* parent)
    : QWidget(parent), m_model(new MacroStepModel(this)), m_controller(new RecorderController(*m_model, this)),
      m_fileBar(new QToolBar(this)), m_recordBar(new QToolBar(this)), m_editBar(new QToolBar(this)),
      m_speed(new QComboBox(this)), m_stepByStep(new QCheckBox(tr("Step by step"), this)), m_status(new QLabel(this)),
      m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("recorderPanel"));
    for (const double s : {0.5, 1.0, 2.0, 4.0})
        m_speed->addItem(tr("%1× speed").arg(s), s);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Replay speed: waits and pauses are divided by it"));
    m_stepByStep->setToolTip(tr("Stop before each step; Next step runs it"));
    createActions();

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setIconSize(MacroStepModel::thumbnailBox);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(MacroStepModel::thumbnailBox.height() + 8);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    QHeaderView* h = m_view->horizontalHeader();
    h->setSectionResizeMode(MacroStepModel::StepColumn, QHeaderView::ResizeToContents);
    h->resizeSection(MacroStepModel::AnchorColumn, MacroStepModel::thumbnailBox.width() + 16);
    h->resizeSection(MacroStepModel::TargetColumn, 140);
    h->resizeSection(MacroStepModel::InputColumn, 150);
    h->resizeSection(MacroStepModel::DelayColumn, 70);
    h->setStretchLastSection(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Record what you do on the desktop (F9 starts, F10 stops), or open a saved macro."));

    for (QToolBar* bar : {m_fileBar, m_recordBar, m_editBar}) {
        bar->setIconSize(QSize(18, 18));
        bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }
    // Icons alone where the icon says it all (files, editing); words where it matters (record, replay, insert).
    for (const char* name : {"macroNew", "macroOpen", "macroSave", "macroSaveAs", "nextStep", "macroUndo", "macroRedo",
                             "stepUp", "stepDown", "stepDelete"}) {
        QAction* a = action(QString::fromLatin1(name));
        for (QToolBar* bar : {m_fileBar, m_recordBar, m_editBar})
            if (auto* b = qobject_cast<QToolButton*>(bar->widgetForAction(a)))
                b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    auto* top = new QHBoxLayout;
    top->setSpacing(2);
    top->addWidget(m_fileBar);
    top->addWidget(m_recordBar);
    top->addStretch(1);
    auto* second = new QHBoxLayout;
    second->setSpacing(8);
    second->addWidget(m_editBar);
    second->addWidget(m_status, 1);
    layout->addLayout(top);
    layout->addLayout(second);
    layout->addWidget(m_view, 1);

    connect(m_controller, &RecorderController::message, this, &RecorderPanel::showMessage);
    connect(m_controller, &RecorderController::stateChanged, this, &RecorderPanel::updateActions);
    connect(m_controller, &RecorderController::recordingStarting, this, &RecorderPanel::minimizeRequested);
    connect(m_controller, &RecorderController::recordingStopped, this, &RecorderPanel::restoreRequested);
    connect(m_controller, &RecorderController::waitingForStep, this, &RecorderPanel::updateActions);
    connect(m_controller, &RecorderController::currentStepChanged, this, [this](int row) {
        if (row >= 0)
            m_view->scrollTo(m_model->index(row, 0));
    });
    connect(m_model, &MacroStepModel::dirtyChanged, this, &RecorderPanel::updateActions);
    connect(m_model, &MacroStepModel::pathChanged, this, &RecorderPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecorderPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RecorderPanel::updateActions);
    updateActions();
}

RecorderPanel::~RecorderPanel() = default;

void RecorderPanel::createActions()
{
    const auto add = [this](QToolBar* bar, const QString& name, const QIcon& icon, const QString& text, const QString& tip,
                            auto slot) {
        QAction* a = bar->addAction(icon, text);
        a->setObjectName(name);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QStyle* s = style();
    add(m_fileBar, QStringLiteral("macroNew"), s->standardIcon(QStyle::SP_FileIcon), tr("New"), tr("Start an empty macro"),
        [this] { if (maybeSave()) newMacro(); });
    add(m_fileBar, QStringLiteral("macroOpen"), s->standardIcon(QStyle::SP_DialogOpenButton), tr("Open…"),
        tr("Open a macro (*.macro.json)"), [this] { openDialog(); });
    add(m_fileBar, QStringLiteral("macroSave"), s->standardIcon(QStyle::SP_DialogSaveButton), tr("Save"),
        tr("Save the macro, anchors beside it"), [this] {
            if (m_model->path().isEmpty())
                saveDialog();
            else
                saveMacro(m_model->path());
        });
    add(m_fileBar, QStringLiteral("macroSaveAs"), s->standardIcon(QStyle::SP_DriveHDIcon), tr("Save as…"),
        tr("Save the macro under another name"), [this] { saveDialog(); });
    add(m_recordBar, QStringLiteral("record"), recordIcon(), tr("Record"),
        tr("Record mouse and keyboard (F9). The studio minimizes while recording; F10 stops."), [this] {
            if (maybeSave())
                m_controller->startRecording();
        });
    QAction* pause = add(m_recordBar, QStringLiteral("pause"), s->standardIcon(QStyle::SP_MediaPause), tr("Pause"),
                         tr("Pause or resume the recording (Pause key)"),
                         [this] { m_controller->setPaused(m_controller->state() == RecorderController::State::Recording); });
    pause->setCheckable(true);
    add(m_recordBar, QStringLiteral("stop"), s->standardIcon(QStyle::SP_MediaStop), tr("Stop"),
        tr("Stop the recording or the replay (F10)"), [this] { m_controller->stop(); });
    m_recordBar->addSeparator();
    add(m_recordBar, QStringLiteral("replay"), s->standardIcon(QStyle::SP_MediaPlay), tr("Replay"),
        tr("Replay the macro; each click finds its target again by its anchor image"), [this] { startReplay(); });
    m_recordBar->addWidget(m_speed);
    m_recordBar->addWidget(m_stepByStep);
    add(m_recordBar, QStringLiteral("nextStep"), s->standardIcon(QStyle::SP_MediaSeekForward), tr("Next step"),
        tr("Run the highlighted step"), [this] {
            m_controller->nextStep();
            updateActions();
        });
    QAction* undo = m_model->undoStack()->createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("macroUndo"));
    undo->setIcon(s->standardIcon(QStyle::SP_ArrowBack));
    QAction* redo = m_model->undoStack()->createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("macroRedo"));
    redo->setIcon(s->standardIcon(QStyle::SP_ArrowForward));
    m_editBar->addAction(undo);
    m_editBar->addAction(redo);
    add(m_editBar, QStringLiteral("stepUp"), s->standardIcon(QStyle::SP_ArrowUp), tr("Up"), tr("Move the step up"),
        [this] { moveSelected(-1); });
    add(m_editBar, QStringLiteral("stepDown"), s->standardIcon(QStyle::SP_ArrowDown), tr("Down"), tr("Move the step down"),
        [this] { moveSelected(1); });
    QAction* del = add(m_editBar, QStringLiteral("stepDelete"), s->standardIcon(QStyle::SP_TrashIcon), tr("Delete"),
                       tr("Delete the selected steps (Del)"), [this] { removeSelected(); });
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(del);
    m_editBar->addSeparator();
    add(m_editBar, QStringLiteral("insertAsFlow"), s->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Insert as flow"),
        tr("Turn the steps into RPA nodes and paste them into the open flow (one undo step)"),
        [this] { Q_EMIT insertAsFlowRequested(); });
}

QAction* RecorderPanel::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

QString RecorderPanel::statusText() const
{
    return m_status->text();
}

void RecorderPanel::showMessage(const QString& text)
{
    m_status->setText(text);
}

void RecorderPanel::updateActions()
{
    using State = RecorderController::State;
    const State st = m_controller->state();
    const bool idle = st == State::Idle;
    const bool recording = st == State::Recording || st == State::Paused || st == State::Starting;
    const bool hasSteps = m_model->rowCount() > 0;
    const bool selected = !selectedRows().isEmpty();
    const auto enable = [this](const char* name, bool on) {
        if (QAction* a = action(QString::fromLatin1(name)))
            a->setEnabled(on);
    };
    enable("macroNew", idle);
    enable("macroOpen", idle);
    enable("macroSave", idle && hasSteps);
    enable("macroSaveAs", idle && hasSteps);
    enable("record", idle);
    enable("pause", st == State::Recording || st == State::Paused);
    action(QStringLiteral("pause"))->setChecked(st == State::Paused);
    enable("stop", !idle);
    enable("replay", idle && hasSteps);
    enable("nextStep", st == State::Replaying && m_controller->isWaitingForNextStep());
    enable("stepUp", idle && selected);
    enable("stepDown", idle && selected);
    enable("stepDelete", idle && selected);
    enable("insertAsFlow", idle && hasSteps);
    m_view->setEditTriggers(idle ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                 : QAbstractItemView::NoEditTriggers);
    m_speed->setEnabled(idle);
    m_stepByStep->setEnabled(idle);
    if (recording)
        m_view->scrollToBottom();
    QString title = m_model->path().isEmpty() ? tr("Untitled macro") : QFileInfo(m_model->path()).fileName();
    if (m_model->isDirty())
        title += u'*';
    setWindowTitle(title);
}

QList<int> RecorderPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void RecorderPanel::removeSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty() || m_controller->state() != RecorderController::State::Idle)
        return;
    m_model->removeSteps(rows);
    const int next = std::min(rows.first(), m_model->rowCount() - 1);
    if (next >= 0)
        m_view->selectRow(next);
}

void RecorderPanel::moveSelected(int delta)
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 1 || m_controller->state() != RecorderController::State::Idle)
        return;
    if (m_model->moveStep(rows.first(), delta))
        m_view->selectRow(rows.first() + delta);
}

void RecorderPanel::newMacro()
{
    m_model->reset({});
    showMessage(tr("New macro: press Record to fill it."));
}

bool RecorderPanel::openMacro(const QString& path)
{
    if (auto ok = m_model->open(path); !ok) {
        showMessage(tr("Cannot open the macro: %1").arg(ok.error()));
        return false;
    }
    showMessage(tr("%1: %n step(s).", nullptr, m_model->rowCount()).arg(QFileInfo(path).fileName()));
    return true;
}

bool RecorderPanel::saveMacro(const QString& path)
{
    if (auto ok = m_model->save(path); !ok) {
        showMessage(tr("Cannot save the macro: %1").arg(ok.error()));
        return false;
    }
    showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void RecorderPanel::openDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open macro"), QFileInfo(m_model->path()).absolutePath(),
                                                      tr("Macros (*.macro.json);;All files (*)"));
    if (!path.isEmpty())
        openMacro(path);
}

bool RecorderPanel::saveDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save macro"),
                                                m_model->path().isEmpty() ? tr("recording.macro.json") : m_model->path(),
                                                tr("Macros (*.macro.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".json")))
        path += QStringLiteral(".macro.json");
    return saveMacro(path);
}

bool RecorderPanel::maybeSave()
{
    if (!m_model->isDirty() || m_model->rowCount() == 0)
        return true;
    const auto choice = QMessageBox::question(this, tr("Unsaved macro"), tr("The macro has unsaved changes. Save them first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (choice == QMessageBox::Save)
        return m_model->path().isEmpty() ? saveDialog() : saveMacro(m_model->path());
    return choice == QMessageBox::Discard;
}

double RecorderPanel::speed() const
{
    return m_speed->currentData().toDouble();
}

void RecorderPanel::setSpeed(double speed)
{
    const int i = m_speed->findData(speed);
    if (i >= 0)
        m_speed->setCurrentIndex(i);
}

bool RecorderPanel::stepByStep() const
{
    return m_stepByStep->isChecked();
}

void RecorderPanel::startReplay()
{
    RecorderController::ReplaySettings settings;
    settings.speed = speed();
    settings.stepByStep = stepByStep();
    if (!m_model->path().isEmpty())
        settings.failureDir = QFileInfo(m_model->path()).absolutePath();
    m_controller->startReplay(settings);
}

void RecorderPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Global hotkeys only on a real X11 session: offscreen (tests) there is no desktop to take F9 from.
    if (QGuiApplication::platformName() == u"xcb")
        m_controller->setHotkeysEnabled(true);
}

void RecorderPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    // A minimized window (while recording) keeps its hotkeys; a closed dock lets go of F9.
    if (!window()->isMinimized())
        m_controller->setHotkeysEnabled(false);
}

} // namespace taskloom::studio
