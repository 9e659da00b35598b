#include "OcrTestSupport.hpp"

#include "../core/FileNodesTestSupport.hpp"

#include "engine/Binary.hpp"
#include "nodes/ocr/OcrPack.hpp"

#include <opencv2/imgcodecs.hpp>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

class OcrNodes : public tests::FlowFixture {
protected:
    OcrNodes() { nodes::ocr::registerOcrNodes(m_registry); }

    static QByteArray png(const QStringList& lines)
    {
        const cv::Mat image = tests::toMat(tests::renderLines(lines));
        std::vector<uchar> buf;
        cv::imencode(".png", image, buf);
        return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
    }

    static Item withAttachment(const QByteArray& bytes, const QString& fileName)
    {
        Item item(Object{{QStringLiteral("name"), fileName}});
        item.setBinary(QStringLiteral("data"), *Binary::fromBytes(bytes, QStringLiteral("image/png"), fileName));
        return item;
    }
};

} // namespace

TEST_F(OcrNodes, AllFourAreRegisteredWithTheirSpecs)
{
    for (const char* type : {"ocr.text", "ocr.receipt", "ocr.invoice", "ocr.idDocument"}) {
        const NodeType* t = m_registry.find(QString::fromLatin1(type));
        ASSERT_NE(t, nullptr) << type;
        EXPECT_NE(t->spec().param(u"languages"), nullptr);
        EXPECT_EQ(t->spec().errors.size(), 3);
    }
}

TEST_F(OcrNodes, TextNodeReadsTheAttachedImage)
{
    add("Start", "core.manualTrigger");
    add("Read", "ocr.text");
    chain({"Start", "Read"});
    const RunResult r = run(10, {withAttachment(png({QStringLiteral("HELLO TASKLOOM 2024")}), QStringLiteral("hello.png"))});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    const Object doc = r.output[0].json().value(u"document").objectRef();
    EXPECT_EQ(doc.value(u"file").toString(), u"hello.png");
    EXPECT_EQ(doc.value(u"kind").toString(), u"text");
    EXPECT_EQ(doc.value(u"text").toString().trimmed(), u"HELLO TASKLOOM 2024");
    const Array lines = doc.value(u"lines").arrayRef();
    ASSERT_EQ(lines.size(), 1);
    EXPECT_EQ(lines.at(0).objectRef().value(u"words").arrayRef().size(), 3);
    EXPECT_TRUE(lines.at(0).objectRef().value(u"box").isObject());
    EXPECT_EQ(r.output[0].json().value(u"name").toString(), u"hello.png"); // the item's own fields stay
}

TEST_F(OcrNodes, BadDocumentFailsOnlyItsItem)
{
    add("Start", "core.manualTrigger");
    add("Invoice", "ocr.invoice", {}, OnError::Continue);
    chain({"Start", "Invoice"});
    const RunResult r = run(10, {withAttachment("not an image", QStringLiteral("junk.png")),
                                 withAttachment(png({QStringLiteral("INVOICE NO: 4711"), QStringLiteral("DATE: 01/02/2024"),
                                                     QStringLiteral("TOTAL: 99.50 EUR")}),
                                                QStringLiteral("good.png")),
                                 Item(Object{{QStringLiteral("name"), QStringLiteral("no attachment")}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 3);
    const Object error = r.output[0].json().value(u"error").objectRef();
    EXPECT_EQ(error.value(u"code").toString(), u"OCR_READ_FAILED");
    EXPECT_TRUE(error.value(u"message").toString().contains(u"junk.png")) << error.value(u"message").toString().toStdString();
    const Object fields = r.output[1].json().value(u"document").objectRef().value(u"fields").objectRef();
    EXPECT_EQ(fields.value(u"invoiceNumber").objectRef().value(u"value").toString(), u"4711");
    EXPECT_EQ(fields.value(u"issueDate").objectRef().value(u"value").toString(), u"2024-02-01");
    EXPECT_EQ(fields.value(u"total").objectRef().value(u"value").toString(), u"99.50");
    EXPECT_EQ(fields.value(u"currency").objectRef().value(u"value").toString(), u"EUR");
    EXPECT_EQ(r.output[2].json().value(u"error").objectRef().value(u"code").toString(), u"OCR_NO_DOCUMENT");
}

TEST_F(OcrNodes, PathSourceAndUnknownPreprocessingStep)
{
    put("scan.png", png({QStringLiteral("PATH SOURCE WORKS")}));
    add("Start", "core.manualTrigger");
    add("Read", "ocr.text", {{"source", "path"}, {"path", "scan.png"}, {"preprocess", "binarize"}});
    chain({"Start", "Read"});
    const RunResult r = run();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output[0].json().value(u"document").objectRef().value(u"text").toString().trimmed(), u"PATH SOURCE WORKS");
    const NodeType* t = m_registry.find(u"ocr.text");
    const auto problems = t->checkParams(Object{{QStringLiteral("preprocess"), QStringLiteral("deskew,sharpen")}});
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].second.contains(u"unknown step \"sharpen\""));
}
