#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace taskloom::engine {
class CredentialStore;
class NodeRegistry;
} // namespace taskloom::engine

namespace taskloom::studio {

/// The credentials manager over the vault: list (names and types only), create, edit and delete. Secret
/// fields are write-only: editing shows them empty ("unchanged") and never reads a stored secret back.
class CredentialsDialog : public QDialog {
    Q_OBJECT
public:
    CredentialsDialog(engine::CredentialStore& store, const engine::NodeRegistry& registry, QWidget* parent = nullptr);

    /// Opens the editor for a new credential, optionally of a given type (the picker's "New credential…").
    /// Returns the new credential's name, or empty when cancelled.
    QString createCredential(const QString& type = {});
    void refresh();
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void credentialsChanged();

private:
    void editSelected();
    void deleteSelected();
    /// Shows the editor; `existing` empty for a new credential.
    QString edit(const QString& existing, const QString& type);

    engine::CredentialStore& m_store;
    const engine::NodeRegistry& m_registry;
    QListWidget* m_list;
    QPushButton* m_edit;
    QPushButton* m_delete;
};

} // namespace taskloom::studio
