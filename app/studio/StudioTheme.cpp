#include "StudioTheme.hpp"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace taskloom::studio {

void StudioTheme::apply(QApplication& app, Mode mode)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const bool dark = mode == Mode::Dark;
    const QColor window = dark ? QColor(0x23, 0x27, 0x2E) : QColor(0xF3, 0xF4, 0xF6);
    const QColor base = dark ? QColor(0x1B, 0x1E, 0x24) : QColor(0xFF, 0xFF, 0xFF);
    const QColor alt = dark ? QColor(0x26, 0x2A, 0x31) : QColor(0xF6, 0xF7, 0xF9);
    const QColor text = dark ? QColor(0xE6, 0xE8, 0xEB) : QColor(0x1F, 0x23, 0x28);
    const QColor muted = dark ? QColor(0x8B, 0x93, 0x9F) : QColor(0x6A, 0x73, 0x7D);
    const QColor button = dark ? QColor(0x2D, 0x32, 0x3B) : QColor(0xE9, 0xEB, 0xEE);
    const QColor accent(0x3D, 0x8B, 0xE8);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alt);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, dark ? QColor(0x30, 0x35, 0x3F) : QColor(0xFF, 0xFF, 0xF0));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::Mid, dark ? QColor(0x3A, 0x40, 0x4A) : QColor(0xC8, 0xCC, 0xD2));
    p.setColor(QPalette::Dark, dark ? QColor(0x15, 0x18, 0x1D) : QColor(0xA0, 0xA6, 0xAE));
    p.setColor(QPalette::Light, dark ? QColor(0x3A, 0x40, 0x4A) : QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::Disabled, QPalette::Text, muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    app.setPalette(p);
    QFont f = app.font();
    if (f.pointSizeF() < 10)
        f.setPointSizeF(10);
    app.setFont(f);
    const QString border = dark ? QStringLiteral("#3A404A") : QStringLiteral("#C8CCD2");
    app.setStyleSheet(QStringLiteral(R"(
QMainWindow::separator { background: %1; width: 1px; height: 1px; }
QDockWidget { titlebar-close-icon: none; }
QDockWidget::title { padding: 6px 8px; background: %2; font-weight: bold; }
QToolBar { border: none; spacing: 4px; padding: 4px; }
QToolBar QToolButton { padding: 4px 10px; border-radius: 5px; }
QToolBar QToolButton:hover { background: %3; }
QToolButton#runButton { background: #2EA043; color: white; font-weight: bold; }
QToolButton#runButton:disabled { background: %3; color: %4; }
QLineEdit, QPlainTextEdit, QComboBox, QDoubleSpinBox, QSpinBox { border: 1px solid %1; border-radius: 5px; padding: 4px 6px; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDoubleSpinBox:focus { border-color: #3D8BE8; }
*[invalid="true"] { border-color: #F85149; }
QLabel#fieldTitle { font-weight: bold; }
QLabel#fieldDescription { color: %4; font-size: 9pt; }
QLabel#fieldError { color: #F85149; font-size: 9pt; }
QLabel#emptyHint { color: %4; padding: 24px; }
QLabel#nodeType { font-size: 9pt; }
QLineEdit#nodeName { font-size: 12pt; font-weight: bold; }
QTabWidget::pane { border: none; border-top: 1px solid %1; }
QTabBar::tab { padding: 6px 14px; border: none; }
QTabBar::tab:selected { border-bottom: 2px solid #3D8BE8; font-weight: bold; }
QTreeWidget, QListWidget, QTableWidget { border: none; }
QFrame#quickAdd { border: 1px solid %1; border-radius: 8px; background: %2; }
QStatusBar { border-top: 1px solid %1; }
)")
                          .arg(border, window.name(), button.lighter(dark ? 130 : 95).name(), muted.name()));
}

} // namespace taskloom::studio
