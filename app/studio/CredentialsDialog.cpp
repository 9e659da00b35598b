#include "CredentialsDialog.hpp"

#include "engine/CredentialStore.hpp"
#include "engine/NodeRegistry.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace taskloom::studio {

using namespace engine;

CredentialsDialog::CredentialsDialog(CredentialStore& store, const NodeRegistry& registry, QWidget* parent)
    : QDialog(parent), m_store(store), m_registry(registry), m_list(new QListWidget(this)),
      m_edit(new QPushButton(tr("Edit…"), this)), m_delete(new QPushButton(tr("Delete"), this))
{
    setWindowTitle(tr("Credentials"));
    resize(520, 380);
    auto* add = new QPushButton(tr("New…"), this);
    auto* close = new QPushButton(tr("Close"), this);
    auto* hint = new QLabel(tr("Flows refer to credentials by name. Values are encrypted in the vault and "
                               "secret fields are never shown again after saving."),
                            this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("fieldDescription"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(close);
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(row);
    connect(add, &QPushButton::clicked, this, [this] { createCredential(); });
    connect(m_edit, &QPushButton::clicked, this, &CredentialsDialog::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &CredentialsDialog::deleteSelected);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &CredentialsDialog::editSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_edit->setEnabled(row >= 0);
        m_delete->setEnabled(row >= 0);
    });
    refresh();
}

void CredentialsDialog::refresh()
{
    m_list->clear();
    auto entries = m_store.list();
    if (!entries) {
        auto* item = new QListWidgetItem(tr("The vault cannot be read: %1").arg(entries.error()), m_list);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const CredentialStore::Entry& e : *entries) {
        const CredentialTypeSpec* t = m_registry.credentialType(e.type);
        auto* item = new QListWidgetItem(QStringLiteral("%1    —  %2").arg(e.name, t ? t->title : e.type), m_list);
        item->setData(Qt::UserRole, e.name);
        item->setData(Qt::UserRole + 1, e.type);
    }
    m_edit->setEnabled(false);
    m_delete->setEnabled(false);
}

QString CredentialsDialog::createCredential(const QString& type)
{
    return edit({}, type);
}

void CredentialsDialog::editSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (item && !item->data(Qt::UserRole).toString().isEmpty())
        edit(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 1).toString());
}

void CredentialsDialog::deleteSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(Qt::UserRole).toString();
    if (QMessageBox::question(this, tr("Delete credential"),
                              tr("Delete \"%1\"? Flows that use it will fail until it exists again.").arg(name))
        != QMessageBox::Yes)
        return;
    if (auto r = m_store.remove(name); !r)
        QMessageBox::warning(this, tr("Delete credential"), r.error());
    refresh();
    Q_EMIT credentialsChanged();
}

QString CredentialsDialog::edit(const QString& existing, const QString& presetType)
{
    QDialog dialog(this);
    dialog.setWindowTitle(existing.isEmpty() ? tr("New credential") : tr("Edit \"%1\"").arg(existing));
    auto* form = new QFormLayout;
    auto* name = new QLineEdit(existing, &dialog);
    name->setObjectName(QStringLiteral("credentialName"));
    auto* type = new QComboBox(&dialog);
    type->setObjectName(QStringLiteral("credentialType"));
    for (const CredentialTypeSpec& t : m_registry.credentialTypes())
        type->addItem(t.title, t.type);
    type->setCurrentIndex(std::max(0, type->findData(presetType)));
    type->setEnabled(existing.isEmpty());
    form->addRow(tr("Name"), name);
    form->addRow(tr("Type"), type);
    auto* fieldsBox = new QWidget(&dialog);
    auto* fieldsForm = new QFormLayout(fieldsBox);
    fieldsForm->setContentsMargins(0, 0, 0, 0);
    QList<std::pair<CredentialField, QLineEdit*>> edits;
    // Non-secret fields of a stored credential are shown; secret ones never are.
    Credential stored;
    if (!existing.isEmpty()) {
        if (auto c = m_store.get(existing))
            stored = *c;
    }
    const auto buildFields = [&] {
        while (fieldsForm->rowCount())
            fieldsForm->removeRow(0);
        edits.clear();
        const CredentialTypeSpec* spec = m_registry.credentialType(type->currentData().toString());
        if (!spec)
            return;
        for (const CredentialField& f : spec->fields) {
            if (f.managed)
                continue; // tokens Taskloom writes itself (taskloom credentials authorize); kept on save
            auto* e = new QLineEdit(fieldsBox);
            e->setObjectName(QStringLiteral("field_") + f.name);
            if (f.optional)
                e->setPlaceholderText(tr("optional"));
            if (f.secret) {
                e->setEchoMode(QLineEdit::Password);
                e->setPlaceholderText(existing.isEmpty() ? tr("secret") : tr("unchanged (type to replace)"));
            } else {
                e->setText(stored.field(f.name));
            }
            fieldsForm->addRow(f.title.isEmpty() ? f.name : f.title, e);
            edits.append({f, e});
        }
    };
    buildFields();
    connect(type, &QComboBox::currentIndexChanged, &dialog, buildFields);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(fieldsBox);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(box, &QDialogButtonBox::accepted, &dialog, [&] {
        Credential c;
        c.name = name->text().trimmed();
        c.type = type->currentData().toString();
        if (c.type == stored.type)
            if (const CredentialTypeSpec* spec = m_registry.credentialType(c.type))
                for (const CredentialField& f : spec->fields)
                    if (f.managed && stored.fields.contains(f.name))
                        c.fields.insert(f.name, stored.fields.value(f.name));
        for (const auto& [f, e] : edits) {
            if (f.secret && e->text().isEmpty() && !existing.isEmpty())
                c.fields.insert(f.name, stored.fields.value(f.name)); // unchanged
            else
                c.fields.insert(f.name, e->text());
        }
        if (existing.isEmpty()) {
            if (auto taken = m_store.get(c.name); taken) {
                QMessageBox::warning(&dialog, dialog.windowTitle(), tr("A credential called \"%1\" exists already.").arg(c.name));
                return;
            }
        }
        if (auto r = m_store.put(c); !r) {
            QMessageBox::warning(&dialog, dialog.windowTitle(), r.error());
            return;
        }
        if (!existing.isEmpty() && existing != c.name)
            (void)m_store.remove(existing);
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return {};
    refresh();
    Q_EMIT credentialsChanged();
    return name->text().trimmed();
}

} // namespace taskloom::studio
