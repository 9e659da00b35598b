#include "ListEditor.hpp"

#include "StudioTranslation.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace taskloom::studio {

using namespace engine;

ListEditor::ListEditor(const ParamSpec& spec, QWidget* parent)
    : QWidget(parent), m_spec(spec), m_table(new QTableWidget(0, int(spec.fields.size()), this))
{
    QStringList headers;
    for (const ParamSpec& f : spec.fields)
        headers.append(f.title.isEmpty() ? f.name : StudioTranslation::node(f.title));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    auto* add = new QPushButton(tr("+ Add row"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    add->setObjectName(QStringLiteral("addRow"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        Q_EMIT edited();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        fitHeight();
        Q_EMIT edited();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            Q_EMIT edited();
    });
    fitHeight();
}

void ListEditor::addRow()
{
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int c = 0; c < m_spec.fields.size(); ++c)
        setCell(row, c, m_spec.fields[c].defaultValue);
    m_loading = false;
    fitHeight();
}

void ListEditor::setCell(int row, int column, const Value& v)
{
    const ParamSpec& f = m_spec.fields[column];
    if (f.type == ParamType::Options && !(v.isString() && v.stringRef().contains(u"{{"))) {
        auto* combo = new QComboBox(m_table);
        for (const ParamOption& o : f.options)
            combo->addItem(o.title.isEmpty() ? o.value : StudioTranslation::node(o.title), o.value);
        const int i = combo->findData(v.isNull() ? f.defaultValue.toText() : v.toText());
        combo->setCurrentIndex(std::max(0, i));
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_loading)
                Q_EMIT edited();
        });
        m_table->setCellWidget(row, column, combo);
        return;
    }
    m_table->setItem(row, column, new QTableWidgetItem(v.isNull() ? QString() : v.toText()));
}

Value ListEditor::cellValue(int row, int column) const
{
    const ParamSpec& f = m_spec.fields[column];
    if (auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(row, column)))
        return combo->currentData().toString();
    const QTableWidgetItem* item = m_table->item(row, column);
    const QString text = item ? item->text() : QString();
    if (text.isEmpty() || text.contains(u"{{"))
        return text.isEmpty() ? Value() : Value(text);
    bool ok = false;
    switch (f.type) {
    case ParamType::Number: {
        const double d = text.toDouble(&ok);
        return ok ? Value(d) : Value(text);
    }
    case ParamType::Integer: {
        const qint64 i = text.toLongLong(&ok);
        return ok ? Value(i) : Value(text);
    }
    case ParamType::Boolean:
        if (text.compare(u"true", Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(u"false", Qt::CaseInsensitive) == 0)
            return false;
        return text;
    default:
        return text;
    }
}

void ListEditor::setValue(const Value& value)
{
    m_loading = true;
    m_table->setRowCount(0);
    const Array rows = value.toArray();
    for (const Value& r : rows) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        for (int c = 0; c < m_spec.fields.size(); ++c)
            setCell(row, c, r.objectRef().value(m_spec.fields[c].name));
    }
    m_loading = false;
    fitHeight();
}

Value ListEditor::value() const
{
    Array rows;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        Object o;
        for (int c = 0; c < m_spec.fields.size(); ++c) {
            Value v = cellValue(r, c);
            if (!v.isNull())
                o.insert(m_spec.fields[c].name, std::move(v));
        }
        rows.append(std::move(o));
    }
    return rows;
}

void ListEditor::fitHeight()
{
    const int rows = std::clamp(m_table->rowCount(), 1, 8);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + rows * 30 + 4);
}

} // namespace taskloom::studio
