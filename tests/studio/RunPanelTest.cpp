// The run panel's output table: how values read in a cell, and how many items it shows.

#include "StudioTestSupport.hpp"

#include "app/studio/RunPanel.hpp"

#include <QTableWidget>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

TEST(RunPanel, NumbersReadWithoutFloatNoise)
{
    EXPECT_EQ(RunPanel::displayText(Value(7762.140000000001)), u"7762.14");
    EXPECT_EQ(RunPanel::displayText(Value(0.1 + 0.2)), u"0.3");
    EXPECT_EQ(RunPanel::displayText(Value(2.5)), u"2.5");
    EXPECT_EQ(RunPanel::displayText(Value(-0.0)), u"0");
    EXPECT_EQ(RunPanel::displayText(Value(qint64(9007199254740993))), u"9007199254740993") << "integers stay exact";
    EXPECT_EQ(RunPanel::displayText(Value(1.0 / 3.0)), u"0.333333333333333");
    EXPECT_EQ(RunPanel::displayText(Value(123456789.125)), u"123456789.125");
    EXPECT_EQ(RunPanel::displayText(Value(std::nan(""))), u"null");
    EXPECT_EQ(RunPanel::displayText(Value(QStringLiteral("7762.140000000001"))), u"7762.140000000001") << "text is text";
}

TEST(RunPanel, TableShowsRoundedCellsAndAtMostTheTableLimit)
{
    test::runtime();
    RunPanel panel;
    RunEvent e;
    e.type = RunEvent::Type::NodeFinished;
    e.nodeId = QStringLiteral("n");
    e.nodeName = QStringLiteral("Sum");
    ItemList items;
    for (int i = 0; i < RunPanel::maxTableItems + 50; ++i)
        items.append(Item(Object{{QStringLiteral("total"), 7762.140000000001}, {QStringLiteral("i"), i}}));
    e.itemsOut = items.size();
    e.outputSample = {items};
    panel.addEvent(e);
    panel.showNode(QStringLiteral("n"));
    QTableWidget* table = panel.outputTable();
    ASSERT_EQ(table->rowCount(), RunPanel::maxTableItems);
    EXPECT_EQ(table->item(0, 0)->text(), u"7762.14");
    EXPECT_TRUE(table->item(0, 0)->toolTip().contains(QStringLiteral("7762.140000000001")));
    EXPECT_EQ(panel.outputOf(QStringLiteral("n")).size(), items.size()) << "the run keeps every sampled item";
    EXPECT_TRUE(panel.hasCompleteOutput(QStringLiteral("n")));
    e.itemsOut = items.size() + 1;
    panel.addEvent(e);
    EXPECT_FALSE(panel.hasCompleteOutput(QStringLiteral("n")));
}
