// The browser needs a QApplication on the main thread, created the way `taskloom run` creates it.

#include "nodes/web/WebPack.hpp"

#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    const auto app = taskloom::nodes::web::createBrowserApplication(argc, argv);
    return RUN_ALL_TESTS();
}
