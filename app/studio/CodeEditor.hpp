#pragma once

#include <QMap>
#include <QPlainTextEdit>
#include <QSet>

class QCompleter;
class QStringListModel;
class QTimer;

namespace taskloom::studio {

/// A code editor for the Lua Code node: monospace, Lua highlighting, line numbers in a gutter, auto-indent,
/// completion of the scripting API and of item fields, and error markers (gutter dot, wavy underline, the
/// message as tooltip) from three sources: the validator, the last run, and a syntax check while typing.
class CodeEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeEditor(QWidget* parent = nullptr);

    /// One indentation level (Lua style: two spaces).
    static constexpr int indentWidth = 2;

    /// Marks the lines an error text names ("code:3: ...", "line 3"): the validator's problems for this field.
    void setProblemText(const QString& text);
    void setErrorLines(const QSet<int>& lines);
    /// Marks the line a run error names for chunk "code" ("... code:7: attempt to ..."); empty clears.
    void setRunError(const QString& message);
    /// Every marked line (1-based) with its message, whatever its source.
    const QMap<int, QString>& markers() const { return m_marks; }
    QSet<int> errorLines() const;
    /// The message of the syntax check while typing (empty: the code compiles).
    const QString& syntaxError() const { return m_syntaxError; }
    /// Runs the debounced syntax check now (tests; the editor does it by itself shortly after typing stops).
    void checkSyntaxNow();
    int gutterWidth() const;

    /// Names completion offers: the scripting API ("json.encode", "ctx.log"), defaulting to what the Lua host
    /// installs (scripts::luaApiNames), and item field paths seen in the last run ("address.city").
    void setApiNames(const QStringList& names);
    /// What the Lua host installs (scripts::luaApiNames), read once.
    static const QStringList& hostApiNames();
    void setFieldPaths(const QStringList& paths);
    const QStringList& fieldPaths() const { return m_fieldPaths; }
    /// Opens completion for the text before the cursor (Ctrl+Space does this; typing "." or ":" too).
    void complete();
    /// What the completion popup offers right now (tests).
    QStringList completions() const;
    QCompleter* completer() const { return m_completer; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    friend class CodeGutter;
    void paintGutter(QPaintEvent* event);
    bool gutterToolTip(const QPoint& gutterPos, const QPoint& globalPos);
    void updateMarks();
    void insertCompletion(const QString& completion);
    QStringList candidates(const QString& beforeWord, const QString& word) const;
    void indentSelection(bool outdent);
    void newLineWithIndent();
    void dedentClosingWord();

    QWidget* m_gutter;
    QMap<int, QString> m_problemMarks;
    QMap<int, QString> m_runMarks;
    QMap<int, QString> m_marks; ///< all of them, merged
    QString m_syntaxError;
    int m_syntaxLine = 0;
    QTimer* m_syntaxTimer;
    QCompleter* m_completer;
    QStringListModel* m_completionModel;
    QStringList m_apiNames;
    QStringList m_fieldPaths;
};

} // namespace taskloom::studio
