#include "ConnectorTestSupport.hpp"

#include "nodes/connectors/XlsxFile.hpp"

using namespace taskloom;
using namespace taskloom::engine;
namespace X = taskloom::nodes::connectors::XlsxFile;

namespace {

class Xlsx : public tests::ConnectorFixture {};

} // namespace

TEST_F(Xlsx, WriteThenReadKeepsTypesOrderAndUnicode)
{
    const ItemList items = {Item(Object{{"name", "Ann"}, {"amount", 12.5}, {"count", 3}, {"paid", true}, {"tags", Array{"a"}}}),
                            Item(Object{{"name", QString::fromUtf8("김민수")}, {"amount", -1}, {"note", "extra"}})};
    RunResult r = runOne("connectors.xlsxWrite", {{"path", "out.xlsx"}, {"sheet", "Orders"}}, items);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output[0].json().value(u"rows").toInt(), 2);
    EXPECT_EQ(*X::sheetNames(path("out.xlsx")), QStringList{"Orders"});

    r = runOne("connectors.xlsxRead", {{"path", "out.xlsx"}}, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output),
              QString::fromUtf8(R"([{"name":"Ann","amount":12.5,"count":3,"paid":true,"tags":"[\"a\"]","note":null},)"
                                R"({"name":"김민수","amount":-1,"count":null,"paid":null,"tags":null,"note":"extra"}])"));

    r = runOne("connectors.xlsxRead", {{"path", "out.xlsx"}, {"sheet", "Orders"}, {"header", false}, {"maxRows", 1}}, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"column1":"name","column2":"amount","column3":"count","column4":"paid","column5":"tags","column6":"note"}])");
}

TEST_F(Xlsx, NotAWorkbookMissingSheetAndUnwritablePath)
{
    put("fake.xlsx", "name,amount\nAnn,1\n");
    RunResult r = runOne("connectors.xlsxRead", {{"path", "fake.xlsx"}}, {Item()});
    EXPECT_EQ(r.errorCode, "XLSX_INVALID");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"path\" = \"fake.xlsx\": not an .xlsx workbook"))) << r.error.toStdString();

    r = runOne("connectors.xlsxRead", {{"path", "missing.xlsx"}}, {Item()});
    EXPECT_EQ(r.errorCode, "FILE_NOT_FOUND");

    ASSERT_EQ(runOne("connectors.xlsxWrite", {{"path", "ok.xlsx"}}, {Item(Object{{"a", 1}})}).status, RunStatus::Succeeded);
    r = runOne("connectors.xlsxRead", {{"path", "ok.xlsx"}, {"sheet", "Nope"}}, {Item()});
    EXPECT_EQ(r.errorCode, "XLSX_INVALID");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"sheet\" = \"Nope\": no sheet \"Nope\" (the workbook has: Sheet1)"))) << r.error.toStdString();

    r = runOne("connectors.xlsxWrite", {{"path", "ok.xlsx"}, {"sheet", "bad:name"}}, {Item(Object{{"a", 2}})});
    EXPECT_EQ(r.errorCode, "FILE_WRITE_FAILED");
    r = runOne("connectors.xlsxRead", {{"path", "ok.xlsx"}}, {Item()});
    EXPECT_EQ(json(r.output), R"([{"a":1}])") << "a failed write leaves the old file";

    r = runOne("connectors.xlsxWrite", {{"path", "no/folder/x.xlsx"}}, {Item(Object{{"a", 1}})});
    EXPECT_EQ(r.errorCode, "FILE_WRITE_FAILED");
}

TEST(XlsxFile, SerialDates)
{
    EXPECT_EQ(X::serialToIso(45292, false), "2024-01-01");
    EXPECT_EQ(X::serialToIso(45292.5, false), "2024-01-01T12:00:00");
    EXPECT_EQ(X::serialToIso(45292, true), "2024-01-01T00:00:00");
    EXPECT_EQ(X::serialToIso(0.75, true), "18:00:00");
    EXPECT_EQ(X::serialToIso(61, false), "1900-03-01");
}
