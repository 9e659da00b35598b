#include "ParamField.hpp"

#include "CodeEditor.hpp"
#include "ListEditor.hpp"
#include "StudioTranslation.hpp"

#include "engine/Json.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace taskloom::studio {

using namespace engine;

namespace {

constexpr int newCredentialIndexMarker = -2;

bool isExpression(const Value& v)
{
    return v.isString() && v.stringRef().contains(u"{{");
}

/// Types whose editor cannot hold `{{ }}` text themselves, so they get a toggle to an expression line.
bool needsToggle(const ParamSpec& s)
{
    return s.expressions
        && (s.type == ParamType::Number || s.type == ParamType::Integer || s.type == ParamType::Boolean
            || s.type == ParamType::Options);
}

} // namespace

ParamField::ParamField(const ParamSpec& spec, CredentialLister credentials, QWidget* parent)
    : QWidget(parent), m_spec(spec), m_credentials(std::move(credentials)), m_error(new QLabel(this)), m_preview(new QLabel(this))
{
    setObjectName(QStringLiteral("param_") + spec.name);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 6);
    layout->setSpacing(3);

    auto* titleRow = new QHBoxLayout;
    auto* title = new QLabel(spec.title.isEmpty() ? spec.name : StudioTranslation::node(spec.title), this);
    title->setObjectName(QStringLiteral("fieldTitle"));
    if (spec.isRequired)
        title->setText(title->text() + QStringLiteral(" <span style='color:#F85149'>*</span>"));
    titleRow->addWidget(title);
    titleRow->addStretch();
    if (needsToggle(spec)) {
        m_exprToggle = new QToolButton(this);
        m_exprToggle->setText(QStringLiteral("{{ }}"));
        m_exprToggle->setCheckable(true);
        m_exprToggle->setObjectName(QStringLiteral("exprToggle"));
        m_exprToggle->setToolTip(tr("Use an expression instead of a fixed value"));
        titleRow->addWidget(m_exprToggle);
    }
    layout->addLayout(titleRow);

    m_editor = createEditor();
    if (m_exprToggle) {
        m_stack = new QStackedWidget(this);
        m_expression = new QLineEdit(this);
        m_expression->setPlaceholderText(QStringLiteral("{{ item.field }}"));
        m_stack->addWidget(m_editor);
        m_stack->addWidget(m_expression);
        m_stack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
        layout->addWidget(m_stack);
        connect(m_expression, &QLineEdit::textEdited, this, &ParamField::changed);
        connect(m_exprToggle, &QToolButton::toggled, this, [this](bool on) {
            if (m_loading)
                return;
            if (on && m_expression->text().isEmpty())
                m_expression->setText(QStringLiteral("{{  }}"));
            m_stack->setCurrentIndex(on ? 1 : 0);
            changed();
        });
    } else {
        layout->addWidget(m_editor);
    }
    if (!spec.description.isEmpty()) {
        auto* desc = new QLabel(StudioTranslation::node(spec.description), this);
        desc->setObjectName(QStringLiteral("fieldDescription"));
        desc->setWordWrap(true);
        layout->addWidget(desc);
    }
    m_preview->setObjectName(QStringLiteral("fieldPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setVisible(false);
    layout->addWidget(m_preview);
    m_error->setObjectName(QStringLiteral("fieldError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    setValue(spec.defaultValue);
}

QWidget* ParamField::createEditor()
{
    switch (m_spec.type) {
    case ParamType::String: {
        auto* e = new QLineEdit(this);
        e->setPlaceholderText(m_spec.placeholder);
        connect(e, &QLineEdit::textEdited, this, &ParamField::changed);
        return e;
    }
    case ParamType::Text:
    case ParamType::Json: {
        auto* e = new QPlainTextEdit(this);
        e->setPlaceholderText(m_spec.placeholder);
        e->setTabChangesFocus(true);
        e->setFixedHeight(m_spec.type == ParamType::Json ? 120 : 90);
        connect(e, &QPlainTextEdit::textChanged, this, &ParamField::changed);
        return e;
    }
    case ParamType::Number:
    case ParamType::Integer: {
        auto* e = new QDoubleSpinBox(this);
        e->setDecimals(m_spec.type == ParamType::Integer ? 0 : 4);
        const double big = m_spec.type == ParamType::Integer ? 9e15 : std::numeric_limits<double>::max();
        e->setRange(m_spec.min.value_or(-big), m_spec.max.value_or(big));
        e->setKeyboardTracking(false);
        if (m_spec.min || m_spec.max)
            e->setToolTip(tr("From %1 to %2").arg(m_spec.min ? QString::number(*m_spec.min) : tr("any"),
                                                 m_spec.max ? QString::number(*m_spec.max) : tr("any")));
        connect(e, &QDoubleSpinBox::valueChanged, this, &ParamField::changed);
        return e;
    }
    case ParamType::Boolean: {
        auto* e = new QCheckBox(m_spec.placeholder, this);
        connect(e, &QCheckBox::toggled, this, &ParamField::changed);
        return e;
    }
    case ParamType::Options: {
        auto* e = new QComboBox(this);
        for (const ParamOption& o : m_spec.options) {
            e->addItem(o.title.isEmpty() ? o.value : StudioTranslation::node(o.title), o.value);
            e->setItemData(e->count() - 1, StudioTranslation::node(o.description), Qt::ToolTipRole);
        }
        connect(e, &QComboBox::currentIndexChanged, this, &ParamField::changed);
        return e;
    }
    case ParamType::File:
    case ParamType::Folder:
        return createPathEditor();
    case ParamType::List: {
        auto* e = new ListEditor(m_spec, this);
        connect(e, &ListEditor::edited, this, &ParamField::changed);
        return e;
    }
    case ParamType::Credential: {
        auto* e = new QComboBox(this);
        connect(e, &QComboBox::activated, this, [this, e](int index) {
            if (e->itemData(index).toInt() == newCredentialIndexMarker && e->itemData(index).typeId() == QMetaType::Int) {
                Q_EMIT newCredentialRequested(m_spec.credentialType);
                return;
            }
            changed();
        });
        m_editor = e;
        refreshCredentials();
        return e;
    }
    case ParamType::Code: {
        auto* e = new CodeEditor(this);
        e->setMinimumHeight(260);
        connect(e, &QPlainTextEdit::textChanged, this, &ParamField::changed);
        return e;
    }
    }
    return new QWidget(this);
}

QWidget* ParamField::createPathEditor()
{
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    auto* line = new QLineEdit(box);
    line->setObjectName(QStringLiteral("path"));
    line->setPlaceholderText(m_spec.placeholder);
    auto* browse = new QToolButton(box);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(m_spec.type == ParamType::Folder ? tr("Choose a folder") : tr("Choose a file"));
    row->addWidget(line);
    row->addWidget(browse);
    connect(line, &QLineEdit::textEdited, this, &ParamField::changed);
    connect(browse, &QToolButton::clicked, this, [this, line] {
        QString path;
        if (m_spec.type == ParamType::Folder)
            path = QFileDialog::getExistingDirectory(this, m_spec.title, line->text());
        else if (m_spec.saveFile)
            path = QFileDialog::getSaveFileName(this, m_spec.title, line->text(), m_spec.fileFilter);
        else
            path = QFileDialog::getOpenFileName(this, m_spec.title, line->text(), m_spec.fileFilter);
        if (!path.isEmpty()) {
            line->setText(path);
            changed();
        }
    });
    return box;
}

void ParamField::refreshCredentials()
{
    auto* e = qobject_cast<QComboBox*>(m_editor);
    if (!e || m_spec.type != ParamType::Credential)
        return;
    const QString current = e->currentData().toString();
    const bool wasLoading = m_loading;
    m_loading = true;
    e->clear();
    e->addItem(tr("(none)"), QString());
    if (m_credentials) {
        for (const CredentialStore::Entry& c : m_credentials()) {
            if (m_spec.credentialType.isEmpty() || c.type == m_spec.credentialType)
                e->addItem(QStringLiteral("%1  (%2)").arg(c.name, c.type), c.name);
        }
    }
    e->addItem(tr("New credential…"), newCredentialIndexMarker);
    const int i = e->findData(current);
    e->setCurrentIndex(std::max(0, i));
    m_loading = wasLoading;
}

void ParamField::changed()
{
    if (m_loading)
        return;
    if (m_spec.type == ParamType::Json && !isExpressionMode()) {
        const QString text = static_cast<QPlainTextEdit*>(m_editor)->toPlainText();
        auto parsed = Json::parse(text.toUtf8());
        if (!text.trimmed().isEmpty() && !parsed) {
            m_jsonError = tr("Not valid JSON: %1").arg(parsed.error().toString());
            setError(m_jsonError);
            return; // keep the last good value in the flow until the JSON parses
        }
        m_jsonError.clear();
    }
    Q_EMIT edited();
}

bool ParamField::isExpressionMode() const
{
    return m_stack && m_stack->currentIndex() == 1;
}

void ParamField::setExpressionMode(bool on)
{
    if (m_exprToggle)
        m_exprToggle->setChecked(on);
}

void ParamField::setValue(const Value& v)
{
    m_loading = true;
    if (m_stack) {
        const bool expr = isExpression(v);
        m_exprToggle->setChecked(expr);
        m_stack->setCurrentIndex(expr ? 1 : 0);
        m_expression->setText(expr ? v.stringRef() : QString());
        if (!expr)
            setTypedValue(v.isNull() ? m_spec.defaultValue : v);
    } else {
        setTypedValue(v);
    }
    m_loading = false;
}

void ParamField::setTypedValue(const Value& v)
{
    switch (m_spec.type) {
    case ParamType::String:
        static_cast<QLineEdit*>(m_editor)->setText(v.toText());
        break;
    case ParamType::Text:
    case ParamType::Code: {
        auto* e = static_cast<QPlainTextEdit*>(m_editor);
        if (e->toPlainText() != v.toText())
            e->setPlainText(v.toText());
        break;
    }
    case ParamType::Json: {
        auto* e = static_cast<QPlainTextEdit*>(m_editor);
        const QString text = v.isNull() ? QString()
                                        : QString::fromUtf8(Json::serialize(v, {.indent = true, .inlineWidth = 60}));
        if (e->toPlainText() != text)
            e->setPlainText(text);
        break;
    }
    case ParamType::Number:
    case ParamType::Integer:
        static_cast<QDoubleSpinBox*>(m_editor)->setValue(v.toDouble(m_spec.defaultValue.toDouble()));
        break;
    case ParamType::Boolean:
        static_cast<QCheckBox*>(m_editor)->setChecked(v.toBool(m_spec.defaultValue.toBool()));
        break;
    case ParamType::Options: {
        auto* e = static_cast<QComboBox*>(m_editor);
        e->setCurrentIndex(std::max(0, e->findData(v.isNull() ? m_spec.defaultValue.toText() : v.toText())));
        break;
    }
    case ParamType::File:
    case ParamType::Folder:
        m_editor->findChild<QLineEdit*>(QStringLiteral("path"))->setText(v.toText());
        break;
    case ParamType::List:
        static_cast<ListEditor*>(m_editor)->setValue(v);
        break;
    case ParamType::Credential: {
        auto* e = static_cast<QComboBox*>(m_editor);
        int i = e->findData(v.toText());
        if (i < 0 && !v.toText().isEmpty()) {
            // A credential the vault does not hold (yet): keep showing the name the flow uses.
            e->insertItem(1, tr("%1  (not in the vault)").arg(v.toText()), v.toText());
            i = 1;
        }
        e->setCurrentIndex(std::max(0, i));
        break;
    }
    }
}

Value ParamField::typedValue() const
{
    switch (m_spec.type) {
    case ParamType::String:
        return static_cast<QLineEdit*>(m_editor)->text();
    case ParamType::Text:
    case ParamType::Code:
        return static_cast<QPlainTextEdit*>(m_editor)->toPlainText();
    case ParamType::Json: {
        const QString text = static_cast<QPlainTextEdit*>(m_editor)->toPlainText();
        if (text.trimmed().isEmpty())
            return Value();
        auto parsed = Json::parse(text.toUtf8());
        return parsed ? *parsed : Value(text);
    }
    case ParamType::Number:
        return static_cast<QDoubleSpinBox*>(m_editor)->value();
    case ParamType::Integer:
        return qint64(std::llround(static_cast<QDoubleSpinBox*>(m_editor)->value()));
    case ParamType::Boolean:
        return static_cast<QCheckBox*>(m_editor)->isChecked();
    case ParamType::Options:
        return static_cast<QComboBox*>(m_editor)->currentData().toString();
    case ParamType::File:
    case ParamType::Folder:
        return m_editor->findChild<QLineEdit*>(QStringLiteral("path"))->text();
    case ParamType::List:
        return static_cast<ListEditor*>(m_editor)->value();
    case ParamType::Credential: {
        const QVariant d = static_cast<QComboBox*>(m_editor)->currentData();
        return d.typeId() == QMetaType::QString ? d.toString() : QString();
    }
    }
    return {};
}

Value ParamField::value() const
{
    if (isExpressionMode())
        return m_expression->text();
    return typedValue();
}

void ParamField::setPreview(const QString& text, bool error)
{
    m_previewError = error;
    m_preview->setText(text);
    m_preview->setVisible(!text.isEmpty());
    m_preview->setStyleSheet(error ? QStringLiteral("color:#F85149") : QStringLiteral("color:#8B939F"));
    m_preview->setToolTip(error ? tr("Evaluating this expression on the last run's first input item failed")
                                : tr("This expression's value on the last run's first input item"));
}

QString ParamField::preview() const
{
    return m_preview->text();
}

void ParamField::setError(const QString& message)
{
    const QString shown = message.isEmpty() ? m_jsonError : message;
    m_error->setText(shown);
    m_error->setVisible(!shown.isEmpty());
    m_editor->setProperty("invalid", !shown.isEmpty());
    if (auto* code = qobject_cast<CodeEditor*>(m_editor))
        code->setProblemText(shown);
}

QString ParamField::error() const
{
    return m_error->text();
}

} // namespace taskloom::studio
