#include "MacroFlow.hpp"

#include "recorder/KeyText.hpp"
#include "recorder/MacroFile.hpp"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

namespace taskloom::nodes::rpa {

using namespace engine;
using recorder::Locator;
using recorder::MacroStep;

namespace {

QString modifierText(unsigned m)
{
    QString s = recorder::KeyText::formatCombo({m, QString()});
    s.chop(1);
    return s;
}

std::expected<void, QString> putTarget(Object& p, const recorder::Target& t, int index, const QString& flowPath)
{
    for (const Locator& l : t.locators) {
        switch (l.kind) {
        case Locator::Kind::Image: {
            const QString folder = recorder::MacroFile::anchorFolder(flowPath);
            if (!QDir().mkpath(folder))
                return std::unexpected(QStringLiteral("%1: cannot create the folder").arg(folder));
            const QString name = QStringLiteral("step-%1.png").arg(index + 1, 3, 10, QLatin1Char('0'));
            if (auto ok = l.anchor.save(QDir(folder).filePath(name)); !ok)
                return std::unexpected(ok.error());
            p.insert(QStringLiteral("image"), QFileInfo(folder).fileName() + u'/' + name);
            p.insert(QStringLiteral("offsetX"), l.offset.x);
            p.insert(QStringLiteral("offsetY"), l.offset.y);
            p.insert(QStringLiteral("minScore"), l.minScore);
            break;
        }
        case Locator::Kind::Window:
            if (!l.title.isEmpty())
                p.insert(QStringLiteral("windowTitle"), l.title);
            if (!l.className.isEmpty())
                p.insert(QStringLiteral("windowClass"), l.className);
            p.insert(QStringLiteral("windowX"), l.offset.x);
            p.insert(QStringLiteral("windowY"), l.offset.y);
            break;
        case Locator::Kind::Absolute:
            p.insert(QStringLiteral("x"), l.point.x);
            p.insert(QStringLiteral("y"), l.point.y);
            break;
        case Locator::Kind::Text:
            p.insert(QStringLiteral("text"), l.text); // the node acts at the words' centre
            break;
        }
    }
    return {};
}

QString nodeName(int index, const MacroStep& s)
{
    QString what;
    switch (s.kind) {
    case MacroStep::Kind::Click: {
        const QString& title = s.target.window.title;
        what = (s.clicks == 2 ? QStringLiteral("Double click") : QStringLiteral("Click"))
            + (title.isEmpty() ? QString() : QStringLiteral(" in ") + title.left(30));
        break;
    }
    case MacroStep::Kind::Drag: what = QStringLiteral("Drag"); break;
    case MacroStep::Kind::Scroll: what = QStringLiteral("Scroll"); break;
    case MacroStep::Kind::Type: what = QStringLiteral("Type ") + (s.text.size() > 24 ? s.text.left(24) + u'…' : s.text); break;
    case MacroStep::Kind::TypeSecret: what = QStringLiteral("Type secret"); break;
    case MacroStep::Kind::Keys: what = QStringLiteral("Press ") + s.text; break;
    case MacroStep::Kind::Wait: what = QStringLiteral("Wait %1 s").arg(s.ms / 1000.0); break;
    case MacroStep::Kind::WaitWindow: what = QStringLiteral("Wait for window"); break;
    }
    return QStringLiteral("%1. %2").arg(index + 1).arg(what);
}

} // namespace

QString MacroFlow::nodeType(MacroStep::Kind kind)
{
    switch (kind) {
    case MacroStep::Kind::Click: return QStringLiteral("rpa.click");
    case MacroStep::Kind::Drag: return QStringLiteral("rpa.drag");
    case MacroStep::Kind::Scroll: return QStringLiteral("rpa.scroll");
    case MacroStep::Kind::Type: return QStringLiteral("rpa.typeText");
    case MacroStep::Kind::TypeSecret: return QStringLiteral("rpa.typeSecret");
    case MacroStep::Kind::Keys: return QStringLiteral("rpa.pressKeys");
    case MacroStep::Kind::Wait: return QStringLiteral("core.wait");
    case MacroStep::Kind::WaitWindow: return QStringLiteral("rpa.waitForWindow");
    }
    return {};
}

std::expected<Flow, QString> MacroFlow::convert(const recorder::Macro& macro, const QString& flowPath)
{
    Flow flow;
    flow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString base = QFileInfo(flowPath).fileName();
    base.chop(base.endsWith(QStringLiteral(".flow.json")) ? 10 : 0);
    flow.name = base;
    flow.description = QStringLiteral("Recorded with taskloom record on display %1 (%2x%3).")
                           .arg(macro.display).arg(macro.screen.width).arg(macro.screen.height);
    FlowNode trigger;
    trigger.id = QStringLiteral("start");
    trigger.type = QStringLiteral("core.manualTrigger");
    trigger.name = QStringLiteral("Start");
    flow.nodes.push_back(trigger);
    for (int i = 0; i < macro.steps.size(); ++i) {
        const MacroStep& s = macro.steps[i];
        FlowNode n;
        n.id = QStringLiteral("step-%1").arg(i + 1);
        n.type = nodeType(s.kind);
        n.name = nodeName(i, s);
        n.position = {double(i + 1) * 240, 0};
        Object& p = n.params;
        switch (s.kind) {
        case MacroStep::Kind::Click:
        case MacroStep::Kind::Drag:
        case MacroStep::Kind::Scroll:
            if (auto ok = putTarget(p, s.target, i, flowPath); !ok)
                return std::unexpected(ok.error());
            if (s.kind == MacroStep::Kind::Scroll) {
                p.insert(QStringLiteral("down"), s.scrollY);
                p.insert(QStringLiteral("right"), s.scrollX);
            } else {
                p.insert(QStringLiteral("button"), recorder::MacroFile::buttonName(s.button));
            }
            if (s.kind == MacroStep::Kind::Click && s.clicks != 1)
                p.insert(QStringLiteral("clicks"), s.clicks);
            if (s.kind == MacroStep::Kind::Drag) {
                p.insert(QStringLiteral("byX"), s.dragBy.x);
                p.insert(QStringLiteral("byY"), s.dragBy.y);
            }
            if (s.modifiers)
                p.insert(QStringLiteral("modifiers"), modifierText(s.modifiers));
            break;
        case MacroStep::Kind::Type:
            p.insert(QStringLiteral("text"), s.text);
            if (s.paste)
                p.insert(QStringLiteral("paste"), true);
            break;
        case MacroStep::Kind::TypeSecret:
            p.insert(QStringLiteral("credential"), s.credential);
            p.insert(QStringLiteral("field"), s.field);
            break;
        case MacroStep::Kind::Keys:
            p.insert(QStringLiteral("keys"), s.text);
            break;
        case MacroStep::Kind::Wait:
            p.insert(QStringLiteral("seconds"), s.ms / 1000.0);
            break;
        case MacroStep::Kind::WaitWindow:
            if (!s.windowTitle.isEmpty())
                p.insert(QStringLiteral("title"), s.windowTitle);
            if (!s.windowClass.isEmpty())
                p.insert(QStringLiteral("class"), s.windowClass);
            p.insert(QStringLiteral("timeout"), s.ms / 1000.0);
            break;
        }
        flow.connections.push_back({flow.nodes.back().id, QStringLiteral("out"), n.id, QStringLiteral("in")});
        flow.nodes.push_back(n);
    }
    return flow;
}

} // namespace taskloom::nodes::rpa
