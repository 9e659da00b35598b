#include "CodeEditor.hpp"

#include "LuaHighlighter.hpp"

#include "scripts/LuaApiNames.hpp"
#include "scripts/LuaSandbox.hpp"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

namespace taskloom::studio {

namespace {

const QColor errorColor(0xF8, 0x51, 0x49);

/// The code of one line without string contents and comments, so keywords inside them do not count.
QString codeOf(const QString& line)
{
    QString out;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'-' && i + 1 < line.size() && line.at(i + 1) == u'-')
            break;
        if (c == u'"' || c == u'\'') {
            quote = c;
            out += u' ';
            continue;
        }
        out += c;
    }
    return out;
}

QStringList tokensOf(const QString& line)
{
    static const QRegularExpression tokenRe(QStringLiteral("[A-Za-z_][A-Za-z_0-9]*|[{}]"));
    QStringList tokens;
    for (auto it = tokenRe.globalMatch(codeOf(line)); it.hasNext();)
        tokens.append(it.next().captured());
    return tokens;
}

bool isCloser(const QString& token)
{
    return token == u"end" || token == u"until" || token == u"}" || token == u"else" || token == u"elseif";
}

/// Whether the line leaves a block open, so the next line goes one level deeper: `if x then`, `for ... do`,
/// `function f()`, `repeat`, `t = {`, `else`. A closer at the start was already dedented when it was typed.
bool opensBlock(const QString& line)
{
    QStringList tokens = tokensOf(line);
    if (!tokens.isEmpty() && tokens.first() == u"else")
        return true;
    if (!tokens.isEmpty() && isCloser(tokens.first()))
        tokens.removeFirst();
    int net = 0;
    for (const QString& t : std::as_const(tokens)) {
        if (t == u"function" || t == u"do" || t == u"then" || t == u"repeat" || t == u"{")
            ++net;
        else if (t == u"end" || t == u"until" || t == u"}")
            --net;
    }
    return net > 0;
}

QString leadingSpace(const QString& line)
{
    qsizetype n = 0;
    while (n < line.size() && (line.at(n) == u' ' || line.at(n) == u'\t'))
        ++n;
    return line.left(n);
}

int indentColumns(const QString& space)
{
    int columns = 0;
    for (QChar c : space)
        columns += c == u'\t' ? CodeEditor::indentWidth : 1;
    return columns;
}

/// Lines a message names for the chunk "code" ("code:7: attempt to index a nil value").
QList<int> codeLines(const QString& message)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[^\\w.])code:(\\d+):"));
    QList<int> lines;
    for (auto it = re.globalMatch(message); it.hasNext();)
        lines.append(it.next().captured(1).toInt());
    return lines;
}

} // namespace

const QStringList& CodeEditor::hostApiNames()
{
    static const QStringList names = scripts::luaApiNames();
    return names;
}

class CodeGutter : public QWidget {
public:
    explicit CodeGutter(CodeEditor* editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { m_editor->paintGutter(event); }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            if (!m_editor->gutterToolTip(help->pos(), help->globalPos()))
                QToolTip::hideText();
            return true;
        }
        return QWidget::event(event);
    }

private:
    CodeEditor* m_editor;
};

CodeEditor::CodeEditor(QWidget* parent)
    : QPlainTextEdit(parent), m_gutter(new CodeGutter(this)), m_syntaxTimer(new QTimer(this)),
      m_completer(new QCompleter(this)), m_completionModel(new QStringListModel(this)), m_apiNames(hostApiNames())
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(9.5, mono.pointSizeF()));
    setFont(mono);
    setLineWrapMode(NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * indentWidth);
    new LuaHighlighter(document());
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);

    m_completer->setModel(m_completionModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    m_completer->popup()->setObjectName(QStringLiteral("codeCompletion"));
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &CodeEditor::insertCompletion);

    // The syntax check while typing: a bare Lua state compiles the text (nothing runs) shortly after typing stops.
    m_syntaxTimer->setSingleShot(true);
    m_syntaxTimer->setInterval(450);
    connect(m_syntaxTimer, &QTimer::timeout, this, &CodeEditor::checkSyntaxNow);
    connect(this, &QPlainTextEdit::textChanged, m_syntaxTimer, qOverload<>(&QTimer::start));
}

int CodeEditor::gutterWidth() const
{
    int digits = 1;
    for (int n = std::max(1, blockCount()); n >= 10; n /= 10)
        ++digits;
    return 14 + fontMetrics().horizontalAdvance(u'9') * std::max(2, digits);
}

// ---- error markers ----

void CodeEditor::setProblemText(const QString& text)
{
    m_problemMarks.clear();
    static const QRegularExpression lineRe(QStringLiteral("(?:line |:)(\\d+)"));
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
        for (auto it = lineRe.globalMatch(line); it.hasNext();)
            m_problemMarks.insert(it.next().captured(1).toInt(), line);
    }
    updateMarks();
}

void CodeEditor::setErrorLines(const QSet<int>& lines)
{
    m_problemMarks.clear();
    for (int line : lines)
        m_problemMarks.insert(line, tr("Error on this line"));
    updateMarks();
}

void CodeEditor::setRunError(const QString& message)
{
    m_runMarks.clear();
    for (int line : codeLines(message))
        m_runMarks.insert(line, tr("Last run: %1").arg(message));
    updateMarks();
}

QSet<int> CodeEditor::errorLines() const
{
    QSet<int> lines;
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it)
        lines.insert(it.key());
    return lines;
}

void CodeEditor::checkSyntaxNow()
{
    m_syntaxTimer->stop();
    m_syntaxError = scripts::LuaSandbox::checkSyntax(toPlainText().toUtf8(), QStringLiteral("code"));
    const QList<int> lines = codeLines(m_syntaxError);
    m_syntaxLine = lines.isEmpty() ? (m_syntaxError.isEmpty() ? 0 : 1) : lines.first();
    updateMarks();
}

void CodeEditor::updateMarks()
{
    m_marks = m_problemMarks;
    const auto merge = [this](int line, const QString& message) {
        QString& text = m_marks[line];
        if (!text.contains(message))
            text = text.isEmpty() ? message : text + u'\n' + message;
    };
    for (auto it = m_runMarks.cbegin(); it != m_runMarks.cend(); ++it)
        merge(it.key(), it.value());
    if (m_syntaxLine > 0)
        merge(m_syntaxLine, m_syntaxError);

    QList<QTextEdit::ExtraSelection> marks;
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(errorColor.red(), errorColor.green(), errorColor.blue(), 45));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        marks.append(line);
        // The wavy underline under the line's code (not its indentation).
        const QString text = block.text();
        const qsizetype start = leadingSpace(text).size();
        if (start < text.size()) {
            QTextEdit::ExtraSelection under;
            under.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            under.format.setUnderlineColor(errorColor);
            under.format.setToolTip(it.value());
            under.cursor = QTextCursor(block);
            under.cursor.setPosition(block.position() + int(start));
            under.cursor.setPosition(block.position() + int(text.size()), QTextCursor::KeepAnchor);
            marks.append(under);
        }
    }
    setExtraSelections(marks);
    m_gutter->update();
}

bool CodeEditor::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int line = cursorForPosition(help->pos()).blockNumber() + 1;
        if (m_marks.contains(line)) {
            QToolTip::showText(help->globalPos(), m_marks.value(line), viewport());
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

bool CodeEditor::gutterToolTip(const QPoint& gutterPos, const QPoint& globalPos)
{
    const int line = cursorForPosition(QPoint(0, gutterPos.y())).blockNumber() + 1;
    if (!m_marks.contains(line))
        return false;
    QToolTip::showText(globalPos, m_marks.value(line), m_gutter);
    return true;
}

// ---- completion ----

void CodeEditor::setApiNames(const QStringList& names)
{
    m_apiNames = names;
}

void CodeEditor::setFieldPaths(const QStringList& paths)
{
    m_fieldPaths = paths;
}

QStringList CodeEditor::candidates(const QString& beforeWord, const QString& word) const
{
    Q_UNUSED(word);
    QStringList out;
    const auto membersOf = [this, &out](const QString& table) {
        const QString prefix = table + u'.';
        for (const QString& name : m_apiNames) {
            if (name.startsWith(prefix))
                out.append(name.mid(prefix.size()));
        }
    };
    if (beforeWord.endsWith(u'.') || beforeWord.endsWith(u':')) {
        // The chain before the separator: item.address. -> {item, address}; items[1]. -> {items}.
        static const QRegularExpression chainRe(
            QStringLiteral("([A-Za-z_]\\w*(?:\\[[^\\]]*\\])*(?:[.:][A-Za-z_]\\w*(?:\\[[^\\]]*\\])*)*)$"));
        const QRegularExpressionMatch m = chainRe.match(beforeWord.chopped(1));
        if (!m.hasMatch())
            return {};
        static const QRegularExpression indexRe(QStringLiteral("\\[[^\\]]*\\]"));
        QString chain = m.captured(1);
        chain.remove(indexRe);
        const QStringList segments = chain.split(QRegularExpression(QStringLiteral("[.:]")));
        const QString root = segments.first();
        const QString joined = segments.join(u'.');
        const auto isTable = [this](const QString& table) {
            return std::any_of(m_apiNames.cbegin(), m_apiNames.cend(),
                               [&](const QString& n) { return n.startsWith(table + u'.'); });
        };
        if (isTable(root)) {
            // json. -> encode, ...; ctx.params. -> this node's parameters (names of members stay one level deep)
            const QString prefix = joined + u'.';
            for (const QString& name : m_apiNames) {
                if (name.startsWith(prefix) && !name.mid(prefix.size()).contains(u'.'))
                    out.append(name.mid(prefix.size()));
            }
        } else if (beforeWord.endsWith(u':')) {
            membersOf(QStringLiteral("string")); // s:upper(), s:find(...)
        } else {
            // An item (or a table read from one): the field paths seen in the last run below this path.
            const QString path = segments.mid(1).join(u'.');
            for (const QString& field : m_fieldPaths) {
                QString rest;
                if (path.isEmpty())
                    rest = field;
                else if (field.startsWith(path + u'.'))
                    rest = field.mid(path.size() + 1);
                else
                    continue;
                if (!rest.isEmpty() && !rest.contains(u'.'))
                    out.append(rest);
            }
        }
    } else {
        out = scripts::luaKeywords();
        for (const QString& name : m_apiNames) {
            if (!name.contains(u'.'))
                out.append(name);
        }
    }
    out.sort(Qt::CaseInsensitive);
    out.removeDuplicates();
    return out;
}

void CodeEditor::complete()
{
    const QTextCursor c = textCursor();
    const QString before = c.block().text().left(c.positionInBlock());
    static const QRegularExpression wordRe(QStringLiteral("[A-Za-z_0-9]*$"));
    const QString word = wordRe.match(before).captured();
    const QStringList list = candidates(before.chopped(word.size()), word);
    m_completionModel->setStringList(list);
    m_completer->setCompletionPrefix(word);
    QAbstractItemView* popup = m_completer->popup();
    if (list.isEmpty() || m_completer->completionCount() == 0) {
        popup->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.moveLeft(rect.left() + viewportMargins().left());
    rect.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width() + 16);
    m_completer->complete(rect);
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

QStringList CodeEditor::completions() const
{
    QStringList out;
    const QAbstractItemModel* model = m_completer->completionModel();
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, 0).data().toString());
    return out;
}

void CodeEditor::insertCompletion(const QString& completion)
{
    if (m_completer->widget() != this)
        return;
    QTextCursor c = textCursor();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(m_completer->completionPrefix().size()));
    c.insertText(completion);
    setTextCursor(c);
}

// ---- indentation ----

void CodeEditor::newLineWithIndent()
{
    QTextCursor c = textCursor();
    const QString line = c.block().text();
    const QString before = line.left(c.positionInBlock());
    QString indent = leadingSpace(line);
    indent.truncate(std::min(indent.size(), before.size()));
    if (opensBlock(before))
        indent += QString(indentWidth, u' ');
    c.insertText(QStringLiteral("\n") + indent);
    setTextCursor(c);
    ensureCursorVisible();
}

// After `end`, `else`, `elseif`, `until` (when the key after the word is typed) or `}` at the start of a line:
// one level less than the line got from Enter, matching the line that opened the block.
void CodeEditor::dedentClosingWord()
{
    QTextCursor c = textCursor();
    const QTextBlock block = c.block();
    const QString before = block.text().left(c.positionInBlock()).trimmed();
    if (!isCloser(before))
        return;
    QTextBlock prev = block.previous();
    while (prev.isValid() && prev.text().trimmed().isEmpty())
        prev = prev.previous();
    if (!prev.isValid())
        return;
    const int expected = indentColumns(leadingSpace(prev.text())) + (opensBlock(prev.text()) ? indentWidth : 0);
    const QString current = leadingSpace(block.text());
    if (indentColumns(current) != expected || expected < indentWidth)
        return;
    QTextCursor edit(block);
    edit.beginEditBlock();
    edit.setPosition(block.position());
    edit.setPosition(block.position() + int(current.size()), QTextCursor::KeepAnchor);
    edit.insertText(QString(expected - indentWidth, u' '));
    edit.endEditBlock();
}

void CodeEditor::indentSelection(bool outdent)
{
    QTextCursor c = textCursor();
    QTextBlock first = document()->findBlock(c.selectionStart());
    QTextBlock last = document()->findBlock(c.selectionEnd());
    // A selection that ends at the very start of a line does not include that line.
    if (c.hasSelection() && last != first && c.selectionEnd() == last.position())
        last = last.previous();
    c.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        QTextCursor line(b);
        if (outdent) {
            const QString space = leadingSpace(b.text());
            int remove = 0;
            while (remove < space.size() && indentColumns(space.left(remove)) < indentWidth)
                ++remove;
            line.setPosition(b.position() + remove, QTextCursor::KeepAnchor);
            line.removeSelectedText();
        } else if (!b.text().trimmed().isEmpty() || first == last) {
            line.insertText(QString(indentWidth, u' '));
        }
        if (b == last)
            break;
    }
    c.endEditBlock();
}

void CodeEditor::keyPressEvent(QKeyEvent* event)
{
    const bool popupShown = m_completer->popup()->isVisible();
    if (popupShown) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer takes these
            return;
        default:
            break;
        }
    }
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (event->key() == Qt::Key_Space && mods == Qt::ControlModifier) {
        complete();
        return;
    }
    if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier) {
        if (textCursor().hasSelection())
            indentSelection(false);
        else
            insertPlainText(QString(indentWidth, u' ')); // instead of moving focus out of the editor
        return;
    }
    if (event->key() == Qt::Key_Backtab) {
        indentSelection(true);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (mods == Qt::NoModifier)) {
        dedentClosingWord();
        newLineWithIndent();
        return;
    }
    const QString text = event->text();
    if (text == u" " || text == u"(" || text == u";")
        dedentClosingWord();
    QPlainTextEdit::keyPressEvent(event);
    if (text == u"}")
        dedentClosingWord();
    static const QRegularExpression identRe(QStringLiteral("^[A-Za-z_0-9]$"));
    static const QRegularExpression memberRe(QStringLiteral("[.:][A-Za-z_0-9]+$"));
    const bool identifierKey = identRe.match(text).hasMatch();
    if (text == u"." || text == u":") {
        complete();
    } else if (popupShown) {
        if (identifierKey || event->key() == Qt::Key_Backspace)
            complete();
        else
            m_completer->popup()->hide();
    } else if (identifierKey) {
        // Typing on after "item." once the popup was closed (Esc, a click) opens it again.
        const QTextCursor c = textCursor();
        if (memberRe.match(c.block().text().left(c.positionInBlock())).hasMatch())
            complete();
    }
}

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(cr.left(), cr.top(), gutterWidth(), cr.height());
}

void CodeEditor::paintGutter(QPaintEvent* event)
{
    QPainter p(m_gutter);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        const int line = block.blockNumber() + 1;
        const bool marked = m_marks.contains(line);
        if (block.isVisible() && bottom >= event->rect().top()) {
            if (marked) {
                p.setPen(Qt::NoPen);
                p.setBrush(errorColor);
                p.drawEllipse(QPointF(6, (top + bottom) / 2.0), 3.5, 3.5);
            }
            p.setPen(marked ? errorColor : palette().color(QPalette::PlaceholderText));
            p.drawText(0, top, m_gutter->width() - 6, bottom - top, Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(line));
        }
        block = block.next();
        top = bottom;
    }
}

} // namespace taskloom::studio
