#include "FileNodesTestSupport.hpp"

using namespace taskloom;
using namespace taskloom::engine;

namespace {

class CsvNodes : public tests::FlowFixture {};

QByteArray numberedRows(int count)
{
    QByteArray text = "id,name\n";
    for (int i = 1; i <= count; ++i)
        text += QByteArray::number(i) + ",name " + QByteArray::number(i) + "\n";
    return text;
}

} // namespace

TEST_F(CsvNodes, ReadStreamsEveryRowInOrderAcrossBatches)
{
    put("in.csv", numberedRows(10));
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "in.csv"}});
    chain({"Start", "Read"});
    const RunResult r = run(3);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 10);
    EXPECT_EQ(json(r.output.mid(0, 2)), R"([{"id":"1","name":"name 1"},{"id":"2","name":"name 2"}])");
    EXPECT_EQ(r.output.last().json().value(u"id").toText(), "10");
}

TEST_F(CsvNodes, ReadsEveryInputItemsFile)
{
    put("a.csv", "x\n1\n2\n");
    put("b.csv", "x\n3\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "a.csv"}});
    chain({"Start", "Read"});
    const RunResult r = run(2, {Item(), Item()}); // two input items: the file is read twice
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"x":"1"},{"x":"2"},{"x":"1"},{"x":"2"}])");
}

TEST_F(CsvNodes, RaggedRowsAndHeaderNames)
{
    put("in.csv", "a,,a\n1,2\n1,2,3,4,5\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "in.csv"}});
    chain({"Start", "Read"});
    const RunResult r = run();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"a":"1","column2":"2","a_2":""},)"
                              R"({"a":"1","column2":"2","a_2":"3","column4":"4","column5":"5"}])");
}

TEST_F(CsvNodes, StrictColumnCountNamesFileAndLine)
{
    put("in.csv", "a,b\n1,2\n\"x\ny\",3\n4\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "in.csv"}, {"strict", true}});
    chain({"Start", "Read"});
    const RunResult r = run();
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "CSV_COLUMN_COUNT");
    EXPECT_TRUE(r.error.contains(QStringLiteral("file \"%1\", line 5: 1 values where the header has 2 columns")
                                     .arg(QDir::toNativeSeparators(path("in.csv")))))
        << r.error.toStdString();
}

TEST_F(CsvNodes, MissingFileNamesParameterValueAndPath)
{
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "orders.csv"}});
    chain({"Start", "Read"});
    const RunResult r = run();
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "FILE_NOT_FOUND");
    EXPECT_TRUE(r.error.contains(QStringLiteral("parameter \"path\" = \"orders.csv\": no such file (%1)")
                                     .arg(QDir::toNativeSeparators(path("orders.csv")))))
        << r.error.toStdString();
}

TEST_F(CsvNodes, ContinueOnErrorPassesTheFailedItemOn)
{
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "gone.csv"}}, OnError::Continue);
    chain({"Start", "Read"});
    const RunResult r = run(1024, {Item(Object{{"id", 7}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(r.output[0].json().value(u"id").toInt(), 7);
    EXPECT_EQ(r.output[0].json().value(u"error").objectRef().value(u"code").toText(), "FILE_NOT_FOUND");
}

TEST_F(CsvNodes, MalformedCsvMidStreamLeavesNoOutputFile)
{
    // Rows reach Write CSV in batches of two before the reader meets the broken line: the run fails and the
    // half-written output must vanish with its temporary file.
    put("in.csv", numberedRows(20) + "21,\"broken\"quote\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "in.csv"}});
    add("Write", "core.csvWrite", {{"path", "out/result.csv"}});
    chain({"Start", "Read", "Write"});
    const RunResult r = run(2);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "CSV_MALFORMED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("in.csv\", line 22: unexpected \"q\" after a closing quote"))) << r.error.toStdString();
    EXPECT_FALSE(QFile::exists(path("out/result.csv")));
    EXPECT_TRUE(QDir(path("out")).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

TEST_F(CsvNodes, Rfc4180FileRoundTripsByteForByte)
{
    const QByteArray file = "zeta,alpha,\"mid, dle\"\r\n"
                            "1,\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
                            "2,,plain\r\n"
                            "3,,\"a,b\"\r\n"; // "" would come back as nothing: only needed quotes round-trip
    put("in.csv", file);
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "in.csv"}});
    add("Write", "core.csvWrite", {{"path", "out.csv"}});
    chain({"Start", "Read", "Write"});
    const RunResult r = run(2);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(contents("out.csv"), file);
    EXPECT_EQ(json(r.output), QStringLiteral(R"([{"path":"%1","rows":3,"columns":["zeta","alpha","mid, dle"]}])")
                                  .arg(QDir::toNativeSeparators(path("out.csv"))));
}

TEST_F(CsvNodes, AppendKeepsTheFilesColumnsAndWritesNoSecondHeader)
{
    put("log.csv", "b,a\r\n1,2\r\n");
    put("in.csv", "a,b\n3,4\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "in.csv"}});
    add("Write", "core.csvWrite", {{"path", "log.csv"}, {"mode", "append"}});
    chain({"Start", "Read", "Write"});
    const RunResult r = run();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(contents("log.csv"), "b,a\r\n1,2\r\n4,3\r\n");
}

TEST_F(CsvNodes, WriteTakesColumnsFromTheFirstItemAndWarnsOnceAboutNewFields)
{
    add("Start", "core.manualTrigger");
    add("Write", "core.csvWrite", {{"path", "out.csv"}, {"lineEnding", "lf"}});
    chain({"Start", "Write"});
    const ItemList input = {Item(Object{{"id", 1}, {"tags", Array{"a", "b"}}, {"ok", true}}),
                            Item(Object{{"ok", false}, {"id", 2}, {"extra", "x"}}),
                            Item(Object{{"id", 3}, {"more", Value()}, {"other", 1.5}})};
    const RunResult r = run(1024, input);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(contents("out.csv"), "id,tags,ok\n1,\"[\"\"a\"\",\"\"b\"\"]\",true\n2,,false\n3,,\n");
    ASSERT_EQ(m_warnings.messages.size(), 1);
    EXPECT_TRUE(m_warnings.messages[0].contains("row 2 has fields that are not columns of the CSV (extra)"))
        << m_warnings.messages[0].toStdString();
}

TEST_F(CsvNodes, FixedColumnsSemicolonAndAlwaysQuoted)
{
    add("Start", "core.manualTrigger");
    add("Write", "core.csvWrite",
        {{"path", "out.csv"}, {"columns", "b, a"}, {"delimiter", "semicolon"}, {"quoting", "always"}, {"lineEnding", "lf"}});
    chain({"Start", "Write"});
    const RunResult r = run(1024, {Item(Object{{"a", 1}, {"b", "x;y"}, {"c", 3}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(contents("out.csv"), "\"b\";\"a\"\n\"x;y\";\"1\"\n");
    EXPECT_TRUE(m_warnings.messages.isEmpty());
}

TEST_F(CsvNodes, Utf16AndLatin1WriteAndReadBack)
{
    const ItemList input = {Item(Object{{"name", QStringLiteral("Jos\u00e9")}, {"city", QStringLiteral("S\u00e3o Paulo")}})};
    for (const char* encoding : {"utf-16", "latin1", "windows-1252"}) {
        m_flow = {};
        add("Start", "core.manualTrigger");
        add("Write", "core.csvWrite", {{"path", "enc.csv"}, {"encoding", encoding}});
        add("Read", "core.csvRead", {{"path", "enc.csv"}, {"encoding", QString::fromLatin1(encoding) == "utf-16" ? "auto" : encoding}});
        chain({"Start", "Write"});
        connect("Write", "Read");
        const RunResult r = run(1024, input);
        ASSERT_EQ(r.status, RunStatus::Succeeded) << encoding << ": " << r.error.toStdString();
        EXPECT_EQ(json(r.output), json(input)) << encoding;
    }
    EXPECT_TRUE(contents("enc.csv").contains("Jos\xE9")); // the last one: windows-1252
}

TEST_F(CsvNodes, UnencodableValueFailsTheWriteAndLeavesNoFile)
{
    add("Start", "core.manualTrigger");
    add("Write", "core.csvWrite", {{"path", "out.csv"}, {"encoding", "latin1"}});
    chain({"Start", "Write"});
    const RunResult r = run(1, {Item(Object{{"p", "1 EUR"}}), Item(Object{{"p", QStringLiteral("1 \u20ac")}})});
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "ENCODING_ERROR");
    EXPECT_TRUE(r.error.contains("row 2")) << r.error.toStdString();
    EXPECT_TRUE(files().isEmpty()) << files().join(u' ').toStdString();
}

TEST_F(CsvNodes, TypeInferenceHeaderOffAndMaxRows)
{
    put("in.tsv", "007\t1.5\ttrue\t-3\n1\t2\t3\t4\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead",
        {{"path", "in.tsv"}, {"delimiter", "tab"}, {"header", false}, {"inferTypes", true}, {"maxRows", 1}});
    chain({"Start", "Read"});
    const RunResult r = run();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"column1":"007","column2":1.5,"column3":true,"column4":-3}])");
}

TEST_F(CsvNodes, UnknownEncodingIsAnInvalidParameter)
{
    put("in.csv", "a\n1\n");
    add("Start", "core.manualTrigger");
    add("Read", "core.csvRead", {{"path", "in.csv"}, {"encoding", "klingon"}});
    chain({"Start", "Read"});
    const NodeType* type = m_registry.find(u"core.csvRead");
    EXPECT_EQ(type->checkParams(m_flow.nodes[1].params).size(), 1);
    const RunResult r = run();
    EXPECT_EQ(r.errorCode, "INVALID_PARAMETER");
    EXPECT_TRUE(r.error.contains("parameter \"encoding\" = \"klingon\": unknown text encoding")) << r.error.toStdString();
}
