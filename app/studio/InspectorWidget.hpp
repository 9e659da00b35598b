#pragma once

#include "ExpressionPreview.hpp"
#include "ParamField.hpp"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QVBoxLayout;

namespace taskloom::studio {

class FlowDocument;
class LuaRunPane;

/// The inspector for the selected node, generated from its type's ParamSpecs: a name field (renaming rewrites
/// references), a Parameters tab with one ParamField per parameter (visibility rules applied as values change,
/// validation problems shown on their field), and a Settings tab (retry, timeout, on-error, disabled, notes).
class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(FlowDocument& doc, QWidget* parent = nullptr);

    void setCredentialLister(CredentialLister lister) { m_credentials = std::move(lister); }
    /// Shows a node (empty: nothing selected).
    void setNode(const QString& nodeId);
    const QString& nodeId() const { return m_nodeId; }
    ParamField* field(const QString& name) const { return m_fields.value(name); }
    QList<ParamField*> fields() const { return m_fields.values(); }
    QLineEdit* nameEdit() const { return m_name; }
    QTabWidget* tabs() const { return m_tabs; }
    void refreshCredentials();
    /// Where expression previews get the last run's data for a node.
    using PreviewSource = std::function<PreviewData(const QString& nodeId)>;
    void setPreviewSource(PreviewSource source) { m_previewSource = std::move(source); }
    QLabel* nextRuns() const { return m_nextRuns; }
    /// Re-evaluates the previews of the fields holding expressions (after a run, or when another run is shown),
    /// and for a Lua code field its run error marker, its item field completion and its output pane.
    void updatePreviews();
    /// Under a Lua code field: "Run this node" and the node's log from the shown run (null for other nodes).
    LuaRunPane* luaRunPane() const { return m_luaPane; }

Q_SIGNALS:
    void newCredentialRequested(const QString& credentialType);
    void message(const QString& text);
    /// "Run this node" under the Lua editor.
    void runNodeRequested(const QString& nodeId);

private:
    void rebuild();
    void buildSettings();
    void loadSettings();
    void applyParam(ParamField* field);
    void applySettings();
    void applyRename();
    void updateVisibility();
    void updateProblems();
    /// For a schedule trigger: its next fire times (what `taskloom schedule next` prints), or why there are none.
    void updateNextRuns();
    void updateLuaRun();

    FlowDocument& m_doc;
    CredentialLister m_credentials;
    PreviewSource m_previewSource;
    QString m_nodeId;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QWidget* m_page;
    QLineEdit* m_name;
    QLabel* m_typeLabel;
    QLabel* m_description;
    QLabel* m_nodeProblems;
    QLabel* m_nextRuns = nullptr; ///< in the parameters page of a schedule trigger, else null
    LuaRunPane* m_luaPane = nullptr; ///< under the first code field, else null
    QTabWidget* m_tabs;
    QWidget* m_paramsPage;
    QVBoxLayout* m_paramsLayout;
    QHash<QString, ParamField*> m_fields;
    bool m_applying = false;

    // settings tab
    QCheckBox* m_retryOn = nullptr;
    QSpinBox* m_retryCount = nullptr;
    QDoubleSpinBox* m_retryBackoff = nullptr;
    QDoubleSpinBox* m_timeout = nullptr;
    QComboBox* m_onError = nullptr;
    QCheckBox* m_disabled = nullptr;
    QPlainTextEdit* m_notes = nullptr;
};

} // namespace taskloom::studio
