#pragma once

#include "engine/CredentialStore.hpp"
#include "engine/ParamSpec.hpp"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

namespace taskloom::studio {

class CodeEditor;

/// Lists the vault's credentials for the credential picker (names and types, never values).
using CredentialLister = std::function<QList<engine::CredentialStore::Entry>()>;

/// One parameter in the inspector, built from its ParamSpec: the right editor for its type (text, multi-line,
/// number with range, bool, enum, file / folder picker, list, credential picker, Lua code editor), an
/// expression toggle where `{{ }}` is allowed on a non-text field, the description, and the validation error.
class ParamField : public QWidget {
    Q_OBJECT
public:
    ParamField(const engine::ParamSpec& spec, CredentialLister credentials, QWidget* parent = nullptr);

    const engine::ParamSpec& spec() const { return m_spec; }
    /// Shows a value without emitting edited().
    void setValue(const engine::Value& value);
    engine::Value value() const;
    void setError(const QString& message);
    QString error() const;
    /// The expression preview under the field: its value on the last run's data, or why it has none.
    void setPreview(const QString& text, bool error);
    QString preview() const;
    bool previewIsError() const { return m_previewError; }
    /// The typed editor (tests reach into it).
    QWidget* editor() const { return m_editor; }
    bool isExpressionMode() const;
    void setExpressionMode(bool on);
    /// Re-reads the credential list (after the credentials manager changed it).
    void refreshCredentials();

Q_SIGNALS:
    void edited();
    void newCredentialRequested(const QString& credentialType);

private:
    QWidget* createEditor();
    QWidget* createPathEditor();
    engine::Value typedValue() const;
    void setTypedValue(const engine::Value& value);
    void changed();

    engine::ParamSpec m_spec;
    CredentialLister m_credentials;
    QWidget* m_editor = nullptr;
    QLineEdit* m_expression = nullptr;
    QStackedWidget* m_stack = nullptr;
    QToolButton* m_exprToggle = nullptr;
    QLabel* m_error;
    QLabel* m_preview;
    bool m_previewError = false;
    bool m_loading = false;
    QString m_jsonError;
};

} // namespace taskloom::studio
