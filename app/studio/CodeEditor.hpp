#pragma once

#include <QPlainTextEdit>
#include <QSet>

namespace taskloom::studio {

/// A code editor for the Lua Code node: monospace, Lua highlighting, line numbers in a gutter, and error
/// markers on the lines the validator names.
class CodeEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeEditor(QWidget* parent = nullptr);

    void setErrorLines(const QSet<int>& lines);
    const QSet<int>& errorLines() const { return m_errorLines; }
    int gutterWidth() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    friend class CodeGutter;
    void paintGutter(QPaintEvent* event);

    QWidget* m_gutter;
    QSet<int> m_errorLines;
};

} // namespace taskloom::studio
