#include "OcrTestSupport.hpp"

#include "nodes/ocr/DocumentExtractor.hpp"
#include "nodes/ocr/DocumentLoader.hpp"
#include "nodes/ocr/MrzReader.hpp"
#include "nodes/ocr/NumberVote.hpp"
#include "nodes/ocr/PunctuationVote.hpp"
#include "nodes/ocr/Preprocessor.hpp"

#include <QBuffer>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <thread>

using namespace taskloom::nodes::ocr;
using namespace taskloom::tests;

namespace {

QByteArray encode(const cv::Mat& image, const char* ext)
{
    std::vector<uchar> buf;
    cv::imencode(ext, image, buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

cv::Mat rotated(const cv::Mat& gray, double degrees)
{
    return Preprocessor::rotate(gray, degrees);
}

cv::Mat noisy(const cv::Mat& gray, double sigma)
{
    cv::Mat noise(gray.size(), CV_16SC1);
    cv::randn(noise, 0, sigma);
    cv::Mat out;
    gray.convertTo(out, CV_16SC1);
    out += noise;
    out.convertTo(out, CV_8UC1);
    cv::GaussianBlur(out, out, {3, 3}, 0.6);
    return out;
}

QString ocrText(const cv::Mat& image, PreprocessOptions pre = {})
{
    OcrOptions o;
    o.preprocess = pre;
    auto page = OcrPipeline(o).recognizeImage(image);
    EXPECT_TRUE(page.has_value()) << (page ? std::string() : page.error().toStdString());
    return page ? page->text() : QString();
}

const QStringList invoiceLines = {QStringLiteral("INVOICE NUMBER 48213"), QStringLiteral("Date 14/03/2024"),
                                  QStringLiteral("Total due 238.00 EUR")};

} // namespace

TEST(DocumentLoader, ReadsEveryImageFormat)
{
    const cv::Mat image = toMat(renderLines(invoiceLines));
    for (const char* ext : {".png", ".jpg", ".tif", ".bmp", ".webp"}) {
        auto pages = DocumentLoader().loadBytes(encode(image, ext), QStringLiteral("doc") + QLatin1String(ext));
        ASSERT_TRUE(pages.has_value()) << ext << ": " << pages.error().toStdString();
        ASSERT_EQ(pages->size(), 1);
        EXPECT_EQ(pages->first().image.cols, image.cols) << ext;
        EXPECT_EQ(pages->first().image.rows, image.rows) << ext;
    }
}

namespace exif {

void put16(QByteArray& b, int v, bool little)
{
    b.append(char(little ? v & 0xFF : (v >> 8) & 0xFF)).append(char(little ? (v >> 8) & 0xFF : v & 0xFF));
}

void put32(QByteArray& b, quint32 v, bool little)
{
    for (int i = 0; i < 4; ++i)
        b.append(char((v >> (little ? 8 * i : 8 * (3 - i))) & 0xFF));
}

// A TIFF structure with one directory entry: Orientation = `orientation`.
QByteArray tiffBlock(int orientation, bool little)
{
    QByteArray b = little ? QByteArray("II") : QByteArray("MM");
    put16(b, 42, little);
    put32(b, 8, little);
    put16(b, 1, little);
    put16(b, 0x0112, little);
    put16(b, 3, little);
    put32(b, 1, little);
    put16(b, orientation, little);
    put16(b, 0, little);
    put32(b, 0, little);
    return b;
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : data) {
        crc ^= uchar(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray jpeg(const cv::Mat& image, int orientation)
{
    QByteArray b = encode(image, ".jpg");
    const QByteArray body = QByteArray("Exif\0\0", 6) + tiffBlock(orientation, false);
    QByteArray app1("\xFF\xE1", 2);
    put16(app1, int(body.size()) + 2, false);
    return b.left(2) + app1 + body + b.mid(2);
}

QByteArray png(const cv::Mat& image, int orientation)
{
    QByteArray b = encode(image, ".png");
    const QByteArray data = QByteArray("eXIf") + tiffBlock(orientation, true);
    QByteArray chunk;
    put32(chunk, quint32(data.size() - 4), false);
    chunk += data;
    put32(chunk, crc32(data), false);
    return b.left(33) + chunk + b.mid(33); // after the signature and IHDR
}

QByteArray webp(const cv::Mat& image, int orientation)
{
    const QByteArray b = encode(image, ".webp");
    const QByteArray tiff = tiffBlock(orientation, true);
    QByteArray vp8x("VP8X");
    put32(vp8x, 10, true);
    vp8x.append(char(0x08)).append(3, '\0'); // EXIF present
    for (int v : {image.cols - 1, image.rows - 1})
        vp8x.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF)).append(char((v >> 16) & 0xFF));
    QByteArray exifChunk("EXIF");
    put32(exifChunk, quint32(tiff.size()), true);
    exifChunk += tiff;
    if (tiff.size() & 1)
        exifChunk.append('\0');
    QByteArray body = QByteArray("WEBP") + vp8x + b.mid(12) + exifChunk;
    QByteArray out("RIFF");
    put32(out, quint32(body.size()), true);
    return out + body;
}

// An uncompressed 8-bit grey TIFF written by hand, with its Orientation tag.
QByteArray tiff(const cv::Mat& gray, int orientation)
{
    const bool little = true;
    QByteArray b("II");
    put16(b, 42, little);
    const quint32 pixels = quint32(gray.cols * gray.rows);
    put32(b, 8 + pixels, little);
    for (int y = 0; y < gray.rows; ++y)
        b.append(reinterpret_cast<const char*>(gray.ptr(y)), gray.cols);
    const std::vector<std::array<quint32, 3>> entries = {
        {256, 4, quint32(gray.cols)}, {257, 4, quint32(gray.rows)}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
        {273, 4, 8}, {274, 3, quint32(orientation)}, {277, 3, 1}, {278, 4, quint32(gray.rows)}, {279, 4, pixels}};
    put16(b, int(entries.size()), little);
    for (const auto& [tag, type, value] : entries) {
        put16(b, int(tag), little);
        put16(b, int(type), little);
        put32(b, 1, little);
        if (type == 3) {
            put16(b, int(value), little);
            put16(b, 0, little);
        } else {
            put32(b, value, little);
        }
    }
    put32(b, 0, little);
    return b;
}

} // namespace exif

TEST(DocumentLoader, HonoursExifOrientationOnceInEveryFormat)
{
    // A wide page with a dark block in its top-left corner as stored, tagged with each EXIF orientation in each
    // format that can carry one. Ignoring the tag leaves the block top-left; applying it twice (OpenCV already
    // turns some formats by themselves) puts it in the wrong corner.
    cv::Mat gray(120, 200, CV_8UC1, cv::Scalar(255));
    gray(cv::Rect(0, 0, 40, 30)).setTo(0);
    cv::Mat color;
    cv::cvtColor(gray, color, cv::COLOR_GRAY2BGR);
    auto dark = [](const cv::Mat& m, int x, int y) {
        cv::Mat g;
        cv::cvtColor(m, g, cv::COLOR_BGR2GRAY);
        return g.at<uchar>(y, x) < 100;
    };
    using Writer = std::function<QByteArray(int)>;
    const std::vector<std::pair<const char*, Writer>> formats = {
        {"jpeg", [&](int o) { return exif::jpeg(color, o); }},
        {"png", [&](int o) { return exif::png(color, o); }},
        {"webp", [&](int o) { return exif::webp(color, o); }},
        {"tiff", [&](int o) { return exif::tiff(gray, o); }},
    };
    for (const auto& [name, write] : formats) {
        SCOPED_TRACE(name);
        auto load = [&](int orientation) {
            auto pages = DocumentLoader().loadBytes(write(orientation), QStringLiteral("page.") + QLatin1String(name));
            EXPECT_TRUE(pages.has_value()) << (pages ? std::string() : pages.error().toStdString());
            return pages ? pages->first().image : cv::Mat();
        };
        // Where the stored top-left block must end up for each of the eight orientations (0 tl, 1 tr, 2 br,
        // 3 bl); 5-8 also swap width and height.
        const int corner[9] = {0, 0, 1, 2, 3, 0, 1, 2, 3};
        for (int o = 1; o <= 8; ++o) {
            SCOPED_TRACE(o);
            const cv::Mat m = load(o);
            ASSERT_EQ(m.cols, o >= 5 ? 120 : 200);
            ASSERT_EQ(m.rows, o >= 5 ? 200 : 120);
            const bool at[4] = {dark(m, 5, 5), dark(m, m.cols - 5, 5), dark(m, m.cols - 5, m.rows - 5), dark(m, 5, m.rows - 5)};
            for (int c = 0; c < 4; ++c)
                EXPECT_EQ(at[c], c == corner[o]) << "corner " << c;
        }
    }
}

TEST(DocumentLoader, BadInputsGiveOneLineErrorsNamingTheFile)
{
    QTemporaryDir dir;
    const DocumentLoader loader;
    auto expectError = [&](const QByteArray& bytes, const QString& name, const QString& part) {
        auto r = loader.loadBytes(bytes, name);
        ASSERT_FALSE(r.has_value()) << name.toStdString();
        EXPECT_TRUE(r.error().startsWith(name)) << r.error().toStdString();
        EXPECT_TRUE(r.error().contains(part)) << r.error().toStdString();
        EXPECT_FALSE(r.error().contains(u'\n'));
    };
    const QByteArray jpeg = encode(toMat(renderLines(invoiceLines)), ".jpg");
    expectError({}, QStringLiteral("empty.jpg"), QStringLiteral("empty file"));
    expectError(jpeg.left(300), QStringLiteral("truncated.jpg"), QStringLiteral("truncated image"));
    expectError(jpeg.left(jpeg.size() - 500), QStringLiteral("cut.jpg"), QStringLiteral("truncated image"));
    const QByteArray png = encode(toMat(renderLines(invoiceLines)), ".png");
    expectError(png.left(png.size() / 2), QStringLiteral("cut.png"), QStringLiteral("truncated image"));
    expectError("just some text\n", QStringLiteral("notes.txt"), QStringLiteral("not a readable image"));
    expectError("%PDF-1.4\nthis is not really a pdf", QStringLiteral("broken.pdf"), QStringLiteral("not a readable PDF"));
    const cv::Mat huge(6300, 8000, CV_8UC1, cv::Scalar(255)); // 50.4 megapixels
    expectError(encode(huge, ".png"), QStringLiteral("huge.png"), QStringLiteral("too large"));
    auto missing = loader.loadFile(dir.filePath(QStringLiteral("missing.png")));
    ASSERT_FALSE(missing.has_value());
    EXPECT_TRUE(missing.error().endsWith(QStringLiteral("missing.png: no such file")));
    auto folder = loader.loadFile(dir.path());
    ASSERT_FALSE(folder.has_value());
    EXPECT_TRUE(folder.error().contains(QStringLiteral("not a file")));
}

TEST(DocumentLoader, PdfTextLayerWithPositionsAndScannedPagesRasterised)
{
    ensureGuiApp();
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(14);
        p.setFont(font);
        p.drawText(40, 60, QStringLiteral("Invoice Number: INV-77"));
        p.drawText(40, 90, QStringLiteral("Total 12.50 EUR"));
        writer.newPage();
        p.drawImage(QRect(40, 40, 400, 120), renderLines({QStringLiteral("SCANNED PAGE 2")}, 40)); // no text layer
        p.end();
    }
    auto pages = DocumentLoader().loadBytes(pdf, QStringLiteral("two.pdf"));
    ASSERT_TRUE(pages.has_value()) << pages.error().toStdString();
    ASSERT_EQ(pages->size(), 2);
    ASSERT_TRUE(pages->at(0).text.has_value());
    const OcrPage& text = *pages->at(0).text;
    ASSERT_EQ(text.lines.size(), 2);
    EXPECT_EQ(text.lines[0].text, u"Invoice Number: INV-77");
    EXPECT_EQ(text.lines[1].text, u"Total 12.50 EUR");
    EXPECT_LT(text.lines[0].box.y, text.lines[1].box.y);
    EXPECT_NEAR(text.lines[0].box.x, 40, 3);
    EXPECT_FALSE(pages->at(1).text.has_value());
    EXPECT_FALSE(pages->at(1).image.empty());
    auto doc = OcrPipeline().read(*pages, QStringLiteral("two.pdf"));
    ASSERT_TRUE(doc.has_value()) << doc.error().toStdString();
    EXPECT_EQ(doc->pages[1].source, u"ocr");
    EXPECT_TRUE(doc->pages[1].text().contains(QStringLiteral("SCANNED PAGE 2"))) << doc->pages[1].text().toStdString();
}

TEST(OcrPipeline, ReadsRenderedTextWithBoxesAndConfidences)
{
    const cv::Mat image = toMat(renderLines(invoiceLines));
    OcrOptions o;
    auto page = OcrPipeline(o).recognizeImage(image);
    ASSERT_TRUE(page.has_value()) << page.error().toStdString();
    ASSERT_EQ(page->lines.size(), 3) << page->text().toStdString();
    EXPECT_EQ(page->lines[0].text, u"INVOICE NUMBER 48213");
    EXPECT_EQ(page->lines[2].text, u"Total due 238.00 EUR");
    EXPECT_GT(page->lines[0].confidence, 0.8);
    EXPECT_LT(page->lines[0].box.y, page->lines[1].box.y);
    ASSERT_EQ(page->lines[0].words.size(), 3);
    EXPECT_LT(page->lines[0].words[0].box.right(), page->lines[0].words[1].box.x + 2);
}

TEST(NumberVote, CropsOutvoteAMisreadNumberAndLeaveTheRestAlone)
{
    const cv::Mat image = toMat(renderLines({QStringLiteral("CASH 20.00"), QStringLiteral("TOTAL 8.60"), QStringLiteral("DATE 01/02/2018"),
                                             QStringLiteral("DATE 01/02/2099"), QStringLiteral("Items 3.60"),
                                             QStringLiteral("PAID 18-11-18 10:22")}));
    const OcrPipeline pipeline;
    PreparedPage prepared;
    auto page = pipeline.recognizeImage(image, &prepared);
    ASSERT_TRUE(page.has_value()) << page.error().toStdString();
    ASSERT_EQ(page->lines.size(), 6) << page->text().toStdString();
    ASSERT_FALSE(prepared.image.empty());

    // A line read again on its own from its box.
    auto again = pipeline.rereadLine(prepared, page->lines[1].box, 32);
    ASSERT_TRUE(again.has_value()) << again.error().toStdString();
    EXPECT_EQ(again->text, u"TOTAL 8.60");
    EXPECT_NEAR(again->words.last().box.x, page->lines[1].words.last().box.x, 6);

    // As if the page had misread them: the crops win where they agree, an impossible future date gets no vote, a
    // line not worth a second reading is left as it is.
    page->lines[1].text = QStringLiteral("TOTAL 3.60");
    page->lines[2].text = QStringLiteral("DATE 01/02/2016");
    page->lines[3].text = QStringLiteral("DATE 01/02/2019");
    page->lines[4].text = QStringLiteral("Items 9.99");
    page->lines[5].text = QStringLiteral("PAID 16-11- 18 10:22"); // spaces OCR put around a separator
    const int changed = voteOnNumbers(pipeline, *page, prepared, {24, 32, 40},
                                      [](const QList<OcrLine>&, qsizetype i) { return i != 4; });
    EXPECT_EQ(changed, 3);
    EXPECT_EQ(page->lines[0].text, u"CASH 20.00");
    EXPECT_EQ(page->lines[1].text, u"TOTAL 8.60");
    EXPECT_EQ(page->lines[2].text, u"DATE 01/02/2018");
    EXPECT_EQ(page->lines[3].text, u"DATE 01/02/2019");
    EXPECT_EQ(page->lines[4].text, u"Items 9.99");
    EXPECT_EQ(page->lines[5].text, u"PAID 18-11-18 10:22");

    // Nothing to crop from (a PDF's text layer): nothing changes.
    EXPECT_EQ(voteOnNumbers(pipeline, *page, PreparedPage{}, {24}, [](const QList<OcrLine>&, qsizetype) { return true; }), 0);
}

TEST(NumberVote, AmountsThePageDroppedAreReadToTheRightEdge)
{
    const cv::Mat image = toMat(renderLines({QStringLiteral("Total After Rounding     48.95"), QStringLiteral("CASH     50.00"),
                                             QStringLiteral("Thank You")}));
    const OcrPipeline pipeline;
    PreparedPage prepared;
    auto page = pipeline.recognizeImage(image, &prepared);
    ASSERT_TRUE(page.has_value()) << page.error().toStdString();
    ASSERT_EQ(page->lines.size(), 3) << page->text().toStdString();

    // As if the page's segmentation had lost the amount column of the first line: the label's words only.
    OcrLine& total = page->lines[0];
    ASSERT_GE(total.words.size(), 4);
    total.words.resize(3);
    total.text = QStringLiteral("Total After Rounding");
    total.box = total.words[0].box.united(total.words[2].box);
    const int changed = readDroppedAmounts(pipeline, *page, prepared, {24, 28, 36}, [](const QList<OcrLine>&, qsizetype) { return true; });
    EXPECT_EQ(changed, 1);
    EXPECT_EQ(page->lines[0].text, u"Total After Rounding 48.95");
    EXPECT_GT(page->lines[0].words.last().box.x, page->lines[0].words[2].box.right()); // where the amount stands
    EXPECT_EQ(page->lines[1].text, u"CASH 50.00"); // it holds its amount
    EXPECT_EQ(page->lines[2].text, u"Thank You");  // nothing to its right

    EXPECT_EQ(readDroppedAmounts(pipeline, *page, PreparedPage{}, {24}, [](const QList<OcrLine>&, qsizetype) { return true; }), 0);
}

TEST(PunctuationVote, CropsRestoreCommasAndFullStopsButNeverLetters)
{
    const cv::Mat image = toMat(renderLines({QStringLiteral("NO 290, JALAN AIR PANAS,"), QStringLiteral("NO. 42, JALAN PBS 14/11, TAMAN"),
                                             QStringLiteral("SETAPAK, 53200 KUALA LUMPUR."), QStringLiteral("LOT 3, JALAN BESAR.")}));
    const OcrPipeline pipeline;
    PreparedPage prepared;
    auto page = pipeline.recognizeImage(image, &prepared);
    ASSERT_TRUE(page.has_value()) << page.error().toStdString();
    ASSERT_EQ(page->lines.size(), 4) << page->text().toStdString();

    // As if the page had read a comma as a full stop, lost a comma, misread a letter, and read a line not
    // chosen for a second reading wrongly.
    page->lines[0].text = QStringLiteral("NO 290. JALAN AIR PANAS,");
    page->lines[1].text = QStringLiteral("NO. 42, JALAN PBS 14/11 TAMAN");
    page->lines[2].text = QStringLiteral("SETAPAK. 53200 KUALA LUMPOR.");
    page->lines[3].text = QStringLiteral("LOT 3. JALAN BESAR.");
    const int changed = votePunctuation(pipeline, *page, prepared, {20, 26}, [](const QList<OcrLine>&, qsizetype i) { return i != 3; });
    EXPECT_EQ(changed, 2);
    EXPECT_EQ(page->lines[0].text, u"NO 290, JALAN AIR PANAS,");
    EXPECT_EQ(page->lines[1].text, u"NO. 42, JALAN PBS 14/11, TAMAN");
    EXPECT_EQ(page->lines[2].text, u"SETAPAK. 53200 KUALA LUMPOR."); // the crops' letters differ: no vote
    EXPECT_EQ(page->lines[3].text, u"LOT 3. JALAN BESAR.");

    EXPECT_EQ(votePunctuation(pipeline, *page, PreparedPage{}, {24}, [](const QList<OcrLine>&, qsizetype) { return true; }), 0);
}

TEST(OcrPipeline, SkewedNoisyScanIsStraightenedAndRead)
{
    const cv::Mat image = noisy(rotated(toMat(renderLines(invoiceLines)), 4.0), 18);
    EXPECT_NEAR(Preprocessor::estimateSkew(image), 4.0, 1.0);
    const QString text = ocrText(image);
    EXPECT_TRUE(text.contains(QStringLiteral("48213"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("238.00"))) << text.toStdString();
}

TEST(OcrPipeline, PerspectiveAndShadowStepsKeepTextReadable)
{
    cv::Mat page = toMat(renderLines(invoiceLines, 30));
    // A photo: the page on a dark desk, seen at an angle, with a shadow across it.
    cv::Mat desk(page.rows + 300, page.cols + 300, CV_8UC1, cv::Scalar(40));
    const std::vector<cv::Point2f> src = {{0, 0}, {float(page.cols), 0}, {float(page.cols), float(page.rows)}, {0, float(page.rows)}};
    const std::vector<cv::Point2f> dst = {{170, 140}, {float(page.cols) + 120, 160}, {float(page.cols) + 140, float(page.rows) + 150}, {150, float(page.rows) + 170}};
    cv::warpPerspective(page, desk, cv::getPerspectiveTransform(src, dst), desk.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    for (int x = 0; x < desk.cols; ++x)
        desk.col(x) *= 1.0 - 0.35 * x / desk.cols;
    bool corrected = false;
    const cv::Mat flat = Preprocessor::correctPerspective(desk, &corrected);
    EXPECT_TRUE(corrected);
    EXPECT_NEAR(flat.cols, page.cols, page.cols * 0.1);
    PreprocessOptions pre = PreprocessOptions::parse(QStringLiteral("documentBoundary,removeShadows"));
    const QString text = ocrText(desk, pre);
    EXPECT_TRUE(text.contains(QStringLiteral("48213"))) << text.toStdString();
}

TEST(OcrPipeline, FaintPrintBesideADarkEdgeIsReadWithItsInkStretched)
{
    // Worn thermal print (ink a light gray) on a scan with the scanner's dark edge along the top and two specks:
    // Tesseract keeps the edge and the specks, loses the text and reports an empty page.
    cv::Mat page = toMat(renderLines(invoiceLines));
    page.convertTo(page, CV_8U, 70.0 / 255.0, 180);
    page.rowRange(0, 9).setTo(40);
    cv::circle(page, {30, 40}, 4, cv::Scalar(0), cv::FILLED);
    cv::circle(page, {page.cols - 40, 45}, 4, cv::Scalar(0), cv::FILLED);
    auto raw = TesseractEngine::recognize(page, RecognizeRequest{});
    ASSERT_TRUE(raw.has_value());
    EXPECT_LT(raw->lines.size(), 3) << "the fixture no longer shows the failure: " << raw->text().toStdString();

    const QString text = ocrText(page);
    EXPECT_TRUE(text.contains(QStringLiteral("48213"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("238.00"))) << text.toStdString();

    // The stretch on its own: the ink inside the edges to black, the paper to white; a clean page as it is.
    const cv::Mat stretched = Preprocessor::stretchContrast(page);
    EXPECT_EQ(stretched.at<uchar>(page.rows / 2, 2), 255);
    double darkest = 0;
    cv::minMaxLoc(stretched(cv::Rect(0, 20, page.cols, page.rows - 20)), &darkest);
    EXPECT_EQ(darkest, 0);
    const cv::Mat clean = toMat(renderLines(invoiceLines));
    EXPECT_EQ(Preprocessor::stretchContrast(clean).data, clean.data);
}

TEST(DocumentExtractor, ReceiptsUseTheReceiptModelWhereItIsInstalled)
{
    QTemporaryDir dir;
    QFile model(dir.filePath(QStringLiteral("eng_receipt.traineddata")));
    ASSERT_TRUE(model.open(QIODevice::WriteOnly));
    model.close();
    // Korean comes from the system's folder: Tesseract gets one folder of links to both.
    EXPECT_EQ(DocumentExtractor::receiptLanguages(QStringLiteral("eng+kor"), dir.path()), u"eng_receipt+kor");
    auto both = TesseractEngine::locateTessdata(QStringLiteral("eng_receipt+kor"), dir.path());
    ASSERT_TRUE(both.has_value()) << both.error().toStdString();
    EXPECT_EQ(QFileInfo(*both + QStringLiteral("/eng_receipt.traineddata")).symLinkTarget(), QFileInfo(model).absoluteFilePath());
    EXPECT_TRUE(QFileInfo::exists(*both + QStringLiteral("/kor.traineddata")));
    EXPECT_EQ(DocumentExtractor::receiptLanguages(QStringLiteral("kor"), dir.path()), u"kor");
    // A language installed nowhere: plain English.
    EXPECT_EQ(DocumentExtractor::receiptLanguages(QStringLiteral("eng+xyz"), dir.path()), u"eng+xyz");
    // A model folder of the user's own without the receipt model: their English model.
    QTemporaryDir own;
    EXPECT_EQ(DocumentExtractor::receiptLanguages(QStringLiteral("eng"), own.path()), u"eng");
}

TEST(OcrPipeline, OrientationStepTurnsUpsideDownPages)
{
    const cv::Mat upsideDown = Preprocessor::rotateQuarter(toMat(renderLines(invoiceLines)), 2);
    const QString text = ocrText(upsideDown, PreprocessOptions::parse(QStringLiteral("orientation")));
    EXPECT_TRUE(text.contains(QStringLiteral("INVOICE NUMBER 48213"))) << text.toStdString();
}

TEST(PreprocessOptions, ParsesStepSwitches)
{
    QStringList unknown;
    const PreprocessOptions o = PreprocessOptions::parse(QStringLiteral("binarize, -deskew,denoise,bogus"), &unknown);
    EXPECT_TRUE(o.binarize);
    EXPECT_FALSE(o.deskew);
    EXPECT_TRUE(o.denoise);
    EXPECT_TRUE(o.upscale); // default kept
    EXPECT_EQ(unknown, QStringList{QStringLiteral("bogus")});
    EXPECT_FALSE(PreprocessOptions::parse(QStringLiteral("none")).upscale);
}

TEST(TesseractEngine, CancelStopsRecognition)
{
    const cv::Mat image = toMat(renderLines(invoiceLines));
    RecognizeRequest r;
    r.cancelled = [] { return true; };
    auto page = TesseractEngine::recognize(image, r);
    ASSERT_FALSE(page.has_value());
    EXPECT_EQ(page.error(), u"cancelled");
}

TEST(TesseractEngine, OneEnginePerThreadReused)
{
    const cv::Mat image = toMat(renderLines({QStringLiteral("hello")}));
    ASSERT_TRUE(TesseractEngine::recognize(image, {}).has_value());
    const int before = TesseractEngine::threadEngineCount();
    ASSERT_TRUE(TesseractEngine::recognize(image, {}).has_value());
    EXPECT_EQ(TesseractEngine::threadEngineCount(), before);
    EXPECT_GE(before, 1);
    int other = -1;
    std::thread t([&] {
        other = TesseractEngine::threadEngineCount();
        (void)TesseractEngine::recognize(image, {});
    });
    t.join();
    EXPECT_EQ(other, 0);
}

TEST(TesseractEngine, MissingLanguageIsAClearError)
{
    auto dir = TesseractEngine::locateTessdata(QStringLiteral("eng+xyz"));
    ASSERT_FALSE(dir.has_value());
    EXPECT_TRUE(dir.error().contains(QStringLiteral("\"xyz\" is not installed"))) << dir.error().toStdString();
}

TEST(DocumentExtractor, ReceiptFromARenderedPhoto)
{
    const QImage image = renderLines({QStringLiteral("CORNER MART SDN BHD"), QStringLiteral("NO 5, JALAN BESAR, 43000 KAJANG"),
                                      QStringLiteral("DATE: 24/01/2018"), QStringLiteral("BREAD 3.50"), QStringLiteral("MILK 4.20"),
                                      QStringLiteral("TOTAL RM 7.70"), QStringLiteral("CASH 10.00"), QStringLiteral("CHANGE 2.30")},
                                     26);
    const cv::Mat photo = noisy(rotated(toMat(image), -3.0), 12);
    const DocumentExtractor extractor({});
    auto ex = extractor.extractBytes(DocumentKind::Receipt, encode(photo, ".jpg"), QStringLiteral("receipt.jpg"));
    ASSERT_TRUE(ex.has_value()) << ex.error().toStdString();
    EXPECT_EQ(ex->get(QStringLiteral("merchantName")).value, u"CORNER MART SDN BHD") << ex->text.toStdString();
    EXPECT_EQ(ex->get(QStringLiteral("date")).value, u"2018-01-24");
    EXPECT_EQ(ex->get(QStringLiteral("total")).value, u"7.70");
    EXPECT_TRUE(ex->flags.isEmpty()) << ex->flags.join(u';').toStdString();
}

TEST(DocumentExtractor, MrzFromARenderedPassportPage)
{
    const QStringList zone = {QStringLiteral("P<UTOMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<"),
                              QStringLiteral("C4X7R29K59UTO8503172M3109214<<<<<<<<<<<<<<06")};
    const QImage top = renderLines({QStringLiteral("PASSPORT"), QStringLiteral("Surname MUSTERMANN"), QStringLiteral("Given names ERIKA")}, 30);
    const QImage mrzImage = renderLines(zone, 36, QStringLiteral("DejaVu Sans Mono"));
    QImage page(std::max(top.width(), mrzImage.width()), top.height() + 200 + mrzImage.height(), QImage::Format_Grayscale8);
    page.fill(Qt::white);
    {
        QPainter p(&page);
        p.drawImage(0, 0, top);
        p.drawImage(0, top.height() + 200, mrzImage);
    }
    const cv::Mat photo = noisy(rotated(toMat(page), 1.5), 10);
    auto ex = DocumentExtractor({}).extractBytes(DocumentKind::Id, encode(photo, ".png"), QStringLiteral("passport.png"));
    ASSERT_TRUE(ex.has_value()) << ex.error().toStdString();
    EXPECT_EQ(ex->documentType, u"passport");
    EXPECT_EQ(ex->mrz, zone);
    EXPECT_EQ(ex->get(QStringLiteral("documentNumber")).value, u"C4X7R29K5");
    EXPECT_EQ(ex->get(QStringLiteral("birthDate")).value, u"1985-03-17");
    EXPECT_EQ(ex->get(QStringLiteral("checkDigitsValid")).value, u"true");
    EXPECT_TRUE(ex->flags.isEmpty()) << ex->flags.join(u';').toStdString();
}

TEST(MrzReader, VotePrefersAReadingThatNeedsNoRepairOverAMoreFrequentRepairedOne)
{
    // Line 2 read three ways: once exactly, twice with T read as I and O as 0 — those two repair (via the check
    // digit) to JF7IJC3DY, a different number that also passes every check. The exact reading wins.
    const QString line1 = QStringLiteral("P<UTOMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<");
    const QString line2 = QStringLiteral("JF7TJC3OY4UTO8503172F3109214<<<<<<<<<<<<<<06");
    const QString misread = QStringLiteral("JF7IJC30Y") + line2.mid(9);
    auto r = MrzReader::vote({{line1, line1 + u'K', line1}, {misread, line2, misread}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->data.lines, (QStringList{line1, line2}));
    EXPECT_EQ(r->edits, 0);
    // Among readings that are equally close, the one more variants agree on wins.
    r = MrzReader::vote({{line1, line1, line1}, {line2, line2, misread}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->data.lines[1], line2);
}

TEST(MrzReader, VoteRestoresDroppedFillersAndPrefersAPlausibleNameLine)
{
    // Four readings of the name line: three garbled (wrong document code, lone letters between fillers), one
    // right but with its trailing fillers dropped. The plausible one wins and is stretched to 44 characters.
    const QString line2 = QStringLiteral("JF7TJC3OY4UTO8503172F3109214<<<<<<<<<<<<<<06");
    const auto r = MrzReader::vote({{QStringLiteral("E<UTOMUSTERMANN<<ERIKS<<S<<"), QStringLiteral("B<UTOMUSTERMANN<<EVKA<<IEME<<"),
                                     QStringLiteral("P<UTOMUSTERMANN<<ERIKA<"), QStringLiteral("P<UTOMUSTERMANN<<ERIKS<<S<<<<")},
                                    {line2, line2, line2, line2}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->data.lines[0], QStringLiteral("P<UTOMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<"));
}
