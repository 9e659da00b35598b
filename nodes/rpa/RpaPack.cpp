#include "RpaPack.hpp"

#include "ClickNode.hpp"
#include "ClipboardNode.hpp"
#include "DialogNode.hpp"
#include "DragNode.hpp"
#include "ImageSearchNode.hpp"
#include "InputDialogNode.hpp"
#include "LaunchAppNode.hpp"
#include "MessageDialogNode.hpp"
#include "PressKeysNode.hpp"
#include "RunMacroNode.hpp"
#include "ScreenshotNode.hpp"
#include "ScreenTextNode.hpp"
#include "ScrollNode.hpp"
#include "TypeSecretNode.hpp"
#include "TypeTextNode.hpp"
#include "WaitForWindowNode.hpp"
#include "WindowActionNode.hpp"

#include "engine/NodeRegistry.hpp"

#include <QApplication>

namespace taskloom::nodes::rpa {

void registerRpaNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<ClickNode>());
    registry.add(std::make_shared<DragNode>());
    registry.add(std::make_shared<ScrollNode>());
    registry.add(std::make_shared<TypeTextNode>());
    registry.add(std::make_shared<TypeSecretNode>());
    registry.add(std::make_shared<PressKeysNode>());
    registry.add(std::make_shared<ImageSearchNode>(ImageSearchNode::Mode::Find));
    registry.add(std::make_shared<ImageSearchNode>(ImageSearchNode::Mode::Wait));
    registry.add(std::make_shared<WaitForWindowNode>());
    registry.add(std::make_shared<WindowActionNode>(WindowActionNode::Action::Activate));
    registry.add(std::make_shared<WindowActionNode>(WindowActionNode::Action::Close));
    registry.add(std::make_shared<LaunchAppNode>());
    registry.add(std::make_shared<ClipboardNode>(ClipboardNode::Mode::Get));
    registry.add(std::make_shared<ClipboardNode>(ClipboardNode::Mode::Set));
    registry.add(std::make_shared<ScreenshotNode>());
    registry.add(std::make_shared<ScreenTextNode>(ScreenTextNode::Mode::Read));
    registry.add(std::make_shared<ScreenTextNode>(ScreenTextNode::Mode::Wait));
    registry.add(std::make_shared<RunMacroNode>());
    registry.add(std::make_shared<MessageDialogNode>());
    registry.add(std::make_shared<InputDialogNode>());
}

std::unique_ptr<QCoreApplication> createDialogApplication(int& argc, char** argv)
{
    // Without a display Qt cannot start on xcb; offscreen it starts, and the dialog nodes report NO_DISPLAY.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

void markNoDisplay(QCoreApplication& app, bool noDisplay)
{
    DialogNode::markNoDisplay(app, noDisplay);
}

} // namespace taskloom::nodes::rpa
