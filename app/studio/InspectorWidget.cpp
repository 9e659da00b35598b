#include "InspectorWidget.hpp"

#include "CodeEditor.hpp"
#include "FlowDocument.hpp"
#include "LuaRunPane.hpp"
#include "NodeStyle.hpp"
#include "StudioTranslation.hpp"

#include "engine/NodeRegistry.hpp"
#include "nodes/core/ScheduleTriggerNode.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace taskloom::studio {

using namespace engine;

namespace {

bool isIdentifier(const QString& key)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z_0-9]*$"));
    return re.match(key).hasMatch();
}

void collectFieldPaths(const Object& object, const QString& prefix, int depth, QStringList& out)
{
    for (const auto& [key, value] : object) {
        if (!isIdentifier(key))
            continue; // item["unit price"] cannot follow a dot
        const QString path = prefix.isEmpty() ? key : prefix + u'.' + key;
        if (!out.contains(path))
            out.append(path);
        if (value.isObject() && depth < 3)
            collectFieldPaths(value.objectRef(), path, depth + 1, out);
    }
}

/// The field paths of the first items a node received ("total", "address", "address.city").
QStringList fieldPathsOf(const ItemList& items)
{
    QStringList paths;
    for (qsizetype i = 0; i < std::min<qsizetype>(items.size(), 20); ++i)
        collectFieldPaths(items.at(i).json(), {}, 0, paths);
    return paths;
}

} // namespace

InspectorWidget::InspectorWidget(FlowDocument& doc, QWidget* parent)
    : QWidget(parent), m_doc(doc), m_stack(new QStackedWidget(this)), m_empty(new QLabel(this)),
      m_page(new QWidget(this)), m_name(new QLineEdit(m_page)), m_typeLabel(new QLabel(m_page)),
      m_description(new QLabel(m_page)), m_nodeProblems(new QLabel(m_page)), m_tabs(new QTabWidget(m_page)),
      m_paramsPage(new QWidget), m_paramsLayout(new QVBoxLayout(m_paramsPage))
{
    setObjectName(QStringLiteral("inspector"));
    m_empty->setText(tr("Select a node to edit its parameters.\n\nDouble-click the canvas or press Tab to add one."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("emptyHint"));

    m_name->setObjectName(QStringLiteral("nodeName"));
    m_name->setPlaceholderText(tr("Node name"));
    m_typeLabel->setObjectName(QStringLiteral("nodeType"));
    m_description->setObjectName(QStringLiteral("fieldDescription"));
    m_description->setWordWrap(true);
    m_nodeProblems->setObjectName(QStringLiteral("fieldError"));
    m_nodeProblems->setWordWrap(true);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_paramsPage);
    m_paramsLayout->setContentsMargins(10, 8, 10, 8);
    m_tabs->addTab(scroll, tr("Parameters"));
    buildSettings();

    auto* pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(10, 10, 10, 4);
    pageLayout->setSpacing(6);
    pageLayout->addWidget(m_typeLabel);
    pageLayout->addWidget(m_name);
    pageLayout->addWidget(m_description);
    pageLayout->addWidget(m_nodeProblems);
    pageLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_name, &QLineEdit::editingFinished, this, &InspectorWidget::applyRename);
    connect(&doc, &FlowDocument::nodeChanged, this, [this](const QString& id) {
        if (id == m_nodeId && !m_applying)
            rebuild();
    });
    connect(&doc, &FlowDocument::nodeRemoved, this, [this](const QString& id) {
        if (id == m_nodeId)
            setNode({});
    });
    connect(&doc, &FlowDocument::flowReset, this, [this] { setNode({}); });
    connect(&doc, &FlowDocument::problemsChanged, this, &InspectorWidget::updateProblems);
    setNode({});
}

void InspectorWidget::setNode(const QString& nodeId)
{
    m_nodeId = m_doc.node(nodeId) ? nodeId : QString();
    rebuild();
}

void InspectorWidget::rebuild()
{
    const FlowNode* n = m_doc.node(m_nodeId);
    if (!n) {
        m_stack->setCurrentWidget(m_empty);
        qDeleteAll(m_fields);
        m_fields.clear();
        return;
    }
    m_stack->setCurrentWidget(m_page);
    const NodeType* type = n->placeholder ? nullptr : m_doc.registry().find(n->type);
    const int keepTab = m_tabs->currentIndex();
    if (m_name->text() != n->name)
        m_name->setText(n->name);
    const QColor color = type ? NodeStyle::categoryColor(type->spec().category) : QColor(0x6E, 0x76, 0x81);
    m_typeLabel->setText(QStringLiteral("<span style='color:%1'>■</span> <b>%2</b> <span style='color:#8B939F'>%3</span>")
                             .arg(color.name(), type ? StudioTranslation::node(type->spec().title).toHtmlEscaped() : tr("Unknown type"),
                                  n->type.toHtmlEscaped()));
    m_description->setText(type ? StudioTranslation::node(type->spec().description)
                                : tr("This build has no node type \"%1\". The node is kept as it is and saved back "
                                     "unchanged; the flow cannot run until a pack provides the type.").arg(n->type));

    // Parameters: rebuilt from the spec (cheap: a node has a handful), so undo and visibility always agree.
    QWidget* focused = focusWidget();
    QString focusedParam;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (focused && it.value()->isAncestorOf(focused))
            focusedParam = it.key();
    }
    qDeleteAll(m_fields);
    m_fields.clear();
    m_nextRuns = nullptr; // deleted with the page's other widgets below
    m_luaPane = nullptr;
    while (QLayoutItem* item = m_paramsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (type) {
        for (const ParamSpec& spec : type->spec().params) {
            auto* field = new ParamField(spec, m_credentials, m_paramsPage);
            const Value* v = n->params.find(spec.name);
            field->setValue(v ? *v : spec.defaultValue);
            connect(field, &ParamField::edited, this, [this, field] { applyParam(field); });
            connect(field, &ParamField::newCredentialRequested, this, &InspectorWidget::newCredentialRequested);
            m_paramsLayout->addWidget(field);
            m_fields.insert(spec.name, field);
            if (spec.type == ParamType::Code && !m_luaPane) {
                m_luaPane = new LuaRunPane(m_paramsPage);
                connect(m_luaPane, &LuaRunPane::runRequested, this, [this] { Q_EMIT runNodeRequested(m_nodeId); });
                m_paramsLayout->addWidget(m_luaPane);
            }
        }
        if (type->spec().params.isEmpty()) {
            auto* none = new QLabel(tr("This node has no parameters."), m_paramsPage);
            none->setObjectName(QStringLiteral("fieldDescription"));
            m_paramsLayout->addWidget(none);
        }
    }
    if (dynamic_cast<const nodes::core::ScheduleTriggerNode*>(type)) {
        m_nextRuns = new QLabel(m_paramsPage);
        m_nextRuns->setObjectName(QStringLiteral("nextRuns"));
        m_nextRuns->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_nextRuns->setWordWrap(true);
        m_paramsLayout->addWidget(m_nextRuns);
    }
    m_paramsLayout->addStretch();
    if (ParamField* f = m_fields.value(focusedParam))
        f->editor()->setFocus();
    m_tabs->setTabEnabled(1, !n->placeholder);
    m_tabs->setCurrentIndex(std::max(0, keepTab));
    loadSettings();
    updateVisibility();
    updateProblems();
    updatePreviews();
    updateNextRuns();
}

void InspectorWidget::applyParam(ParamField* field)
{
    const FlowNode* n = m_doc.node(m_nodeId);
    if (!n)
        return;
    Object params = n->params;
    params.insert(field->spec().name, field->value());
    m_applying = true;
    m_doc.setParams(m_nodeId, params, field->spec().title.isEmpty() ? field->spec().name : field->spec().title);
    m_applying = false;
    updateVisibility();
    updatePreviews();
    updateNextRuns();
}

void InspectorWidget::updateNextRuns()
{
    const FlowNode* n = m_doc.node(m_nodeId);
    const auto* trigger = n ? dynamic_cast<const nodes::core::ScheduleTriggerNode*>(m_doc.registry().find(n->type)) : nullptr;
    if (!m_nextRuns || !trigger)
        return;
    const auto schedule = trigger->schedule(n->params);
    if (!schedule) {
        m_nextRuns->setText(tr("Next runs: none — %1").arg(schedule.error()));
        return;
    }
    QStringList lines;
    for (qint64 t : schedule->nextTimes(QDateTime::currentSecsSinceEpoch(), 5))
        lines.append(QStringLiteral("  ") + Schedule::isoInZone(t, schedule->zone()));
    m_nextRuns->setText(lines.isEmpty() ? tr("Next runs: none (the time has passed)")
                                        : tr("Next runs (%1):").arg(schedule->describe()) + u'\n' + lines.join(u'\n'));
}

void InspectorWidget::updatePreviews()
{
    updateLuaRun();
    const FlowNode* n = m_doc.node(m_nodeId);
    if (!n)
        return;
    std::optional<PreviewData> data;
    for (ParamField* f : std::as_const(m_fields)) {
        if (!paramHasExpression(m_doc.registry(), *n, f->spec().name)) {
            f->setPreview({}, false);
            continue;
        }
        if (!data)
            data = m_previewSource ? m_previewSource(m_nodeId) : PreviewData();
        if (!data->hasRun) {
            f->setPreview(tr("Run the flow to see this value on its first input item."), false);
            continue;
        }
        if (data->expectsInput && data->input.isEmpty()) {
            f->setPreview(tr("No preview: this node received no items in the last run."), false);
            continue;
        }
        auto value = previewParam(m_doc.registry(), m_doc.expressions(), *n, f->spec().name, m_doc.flow().variables, *data);
        if (value)
            f->setPreview(QStringLiteral("= ") + previewText(*value), false);
        else
            f->setPreview(value.error(), true);
    }
}

void InspectorWidget::updateLuaRun()
{
    if (!m_luaPane || !m_doc.node(m_nodeId))
        return;
    const PreviewData data = m_previewSource ? m_previewSource(m_nodeId) : PreviewData();
    const QString runError = data.nodeRan ? data.nodeError : QString();
    // ctx.params.<name> completes this node's own parameters.
    QStringList api = CodeEditor::hostApiNames();
    if (const NodeType* type = m_doc.registry().find(m_doc.node(m_nodeId)->type)) {
        for (const ParamSpec& p : type->spec().params)
            api.append(QStringLiteral("ctx.params.") + p.name);
    }
    for (ParamField* f : std::as_const(m_fields)) {
        if (auto* code = qobject_cast<CodeEditor*>(f->editor())) {
            code->setApiNames(api);
            code->setRunError(runError);
            code->setFieldPaths(fieldPathsOf(data.input));
        }
    }
    m_luaPane->setResult({data.nodeRan, !data.nodeError.isEmpty(), data.nodeError, data.nodeLog, data.nodeItemsOut});
}

void InspectorWidget::applyRename()
{
    const FlowNode* n = m_doc.node(m_nodeId);
    if (!n || m_name->text() == n->name)
        return;
    auto renamed = m_doc.renameNode(m_nodeId, m_name->text());
    if (!renamed) {
        Q_EMIT message(renamed.error());
        m_name->setText(n->name);
    }
}

void InspectorWidget::updateVisibility()
{
    const FlowNode* n = m_doc.node(m_nodeId);
    const NodeType* type = n ? m_doc.registry().find(n->type) : nullptr;
    if (!type)
        return;
    for (ParamField* f : std::as_const(m_fields))
        f->setVisible(f->spec().isVisible(n->params, type->spec().params));
}

void InspectorWidget::updateProblems()
{
    for (ParamField* f : std::as_const(m_fields))
        f->setError({});
    QStringList general;
    for (const Problem& p : m_doc.problemsOf(m_nodeId)) {
        // "params.url" or "params.rules[2].field": the first segment after params names the field.
        if (p.path.startsWith(u"params.")) {
            QString name = p.path.mid(7);
            name = name.left(name.indexOf(QRegularExpression(QStringLiteral("[.\\[]"))) < 0
                                 ? name.size()
                                 : name.indexOf(QRegularExpression(QStringLiteral("[.\\[]"))));
            if (ParamField* f = m_fields.value(name)) {
                const QString detail = p.path.mid(7 + name.size());
                f->setError(f->error().isEmpty() ? (detail.isEmpty() ? p.message : detail + QStringLiteral(": ") + p.message)
                                                 : f->error() + u'\n' + p.message);
                continue;
            }
        }
        general.append((p.path.isEmpty() ? QString() : p.path + QStringLiteral(": ")) + p.message);
    }
    m_nodeProblems->setText(general.join(u'\n'));
    m_nodeProblems->setVisible(!general.isEmpty());
}

void InspectorWidget::refreshCredentials()
{
    for (ParamField* f : std::as_const(m_fields))
        f->refreshCredentials();
}

void InspectorWidget::buildSettings()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setContentsMargins(12, 12, 12, 12);
    form->setVerticalSpacing(10);
    m_retryOn = new QCheckBox(tr("Override the node type's retry policy"), page);
    m_retryCount = new QSpinBox(page);
    m_retryCount->setRange(0, 100);
    m_retryBackoff = new QDoubleSpinBox(page);
    m_retryBackoff->setRange(0, 3600);
    m_retryBackoff->setSuffix(tr(" s"));
    m_timeout = new QDoubleSpinBox(page);
    m_timeout->setRange(0, 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("no timeout"));
    m_onError = new QComboBox(page);
    m_onError->addItem(tr("Stop the run"), NodeSettings::onErrorName(OnError::Stop));
    m_onError->addItem(tr("Continue (error in the item)"), NodeSettings::onErrorName(OnError::Continue));
    m_onError->addItem(tr("Route to an \"error\" output"), NodeSettings::onErrorName(OnError::Route));
    m_disabled = new QCheckBox(tr("Disabled (items pass straight through)"), page);
    m_notes = new QPlainTextEdit(page);
    m_notes->setPlaceholderText(tr("Why this node is here"));
    m_notes->setFixedHeight(90);
    form->addRow(m_retryOn);
    form->addRow(tr("Retries"), m_retryCount);
    form->addRow(tr("First backoff"), m_retryBackoff);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("On error"), m_onError);
    form->addRow(m_disabled);
    form->addRow(tr("Notes"), m_notes);
    m_tabs->addTab(page, tr("Settings"));
    connect(m_retryOn, &QCheckBox::toggled, this, &InspectorWidget::applySettings);
    connect(m_retryCount, &QSpinBox::valueChanged, this, &InspectorWidget::applySettings);
    connect(m_retryBackoff, &QDoubleSpinBox::valueChanged, this, &InspectorWidget::applySettings);
    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, &InspectorWidget::applySettings);
    connect(m_onError, &QComboBox::currentIndexChanged, this, &InspectorWidget::applySettings);
    connect(m_disabled, &QCheckBox::toggled, this, &InspectorWidget::applySettings);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &InspectorWidget::applySettings);
}

void InspectorWidget::loadSettings()
{
    const FlowNode* n = m_doc.node(m_nodeId);
    if (!n)
        return;
    const bool was = m_applying;
    m_applying = true;
    const NodeType* type = m_doc.registry().find(n->type);
    const RetryPolicy retry = n->settings.retry.value_or(type ? type->spec().defaultRetry : RetryPolicy{});
    m_retryOn->setChecked(n->settings.retry.has_value());
    m_retryCount->setValue(retry.maxRetries);
    m_retryBackoff->setValue(retry.backoffMs / 1000.0);
    m_retryCount->setEnabled(n->settings.retry.has_value());
    m_retryBackoff->setEnabled(n->settings.retry.has_value());
    m_timeout->setValue(n->settings.timeoutMs / 1000.0);
    m_onError->setCurrentIndex(std::max(0, m_onError->findData(NodeSettings::onErrorName(n->settings.onError))));
    m_disabled->setChecked(n->settings.disabled);
    if (m_notes->toPlainText() != n->settings.notes)
        m_notes->setPlainText(n->settings.notes);
    m_applying = was;
}

void InspectorWidget::applySettings()
{
    const FlowNode* n = m_doc.node(m_nodeId);
    if (!n || m_applying)
        return;
    NodeSettings s = n->settings;
    if (m_retryOn->isChecked()) {
        RetryPolicy r = s.retry.value_or(RetryPolicy{});
        r.maxRetries = m_retryCount->value();
        r.backoffMs = int(std::lround(m_retryBackoff->value() * 1000));
        s.retry = r;
    } else {
        s.retry.reset();
    }
    m_retryCount->setEnabled(m_retryOn->isChecked());
    m_retryBackoff->setEnabled(m_retryOn->isChecked());
    s.timeoutMs = int(std::lround(m_timeout->value() * 1000));
    s.onError = NodeSettings::onErrorFromName(m_onError->currentData().toString()).value_or(OnError::Stop);
    s.disabled = m_disabled->isChecked();
    s.notes = m_notes->toPlainText();
    m_applying = true;
    m_doc.setSettings(m_nodeId, s);
    m_applying = false;
}

} // namespace taskloom::studio
