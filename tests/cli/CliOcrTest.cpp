// taskloom ocr: one JSON object per document, a clear error per bad document, and the rest still read.

#include "CliTestSupport.hpp"

#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>

namespace taskloom::tests {

namespace {

class CliOcrTest : public CliTest {
protected:
    // A till receipt drawn with QPainter, as a scan at 300 dpi would show it.
    QString writeReceipt(const QString& name) const
    {
        const QStringList lines = {QStringLiteral("CORNER SHOP SDN BHD"), QStringLiteral("NO 5, JALAN BESAR, 43000 KAJANG"),
                                   QStringLiteral("DATE: 14/03/2024 10:15"), QStringLiteral("TEA 2 X 6.25 12.50"),
                                   QStringLiteral("TOTAL 12.50"), QStringLiteral("CASH 20.00"), QStringLiteral("CHANGE 7.50")};
        QImage image(900, 60 + 50 * int(lines.size()), QImage::Format_Grayscale8);
        image.fill(Qt::white);
        QPainter p(&image);
        QFont font(QStringLiteral("DejaVu Sans Mono"));
        font.setPixelSize(30);
        p.setFont(font);
        p.setPen(Qt::black);
        for (qsizetype i = 0; i < lines.size(); ++i)
            p.drawText(40, 70 + 50 * int(i), lines[i]);
        p.end();
        const QString file = path(name);
        EXPECT_TRUE(image.save(file));
        return file;
    }
};

} // namespace

TEST_F(CliOcrTest, ReceiptFieldsAsJsonAndAnErrorPerBadDocument)
{
    const QString good = writeReceipt(QStringLiteral("receipt.png"));
    QFile source(good);
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    const QString truncated = path(QStringLiteral("truncated.png"));
    QFile cut(truncated);
    ASSERT_TRUE(cut.open(QIODevice::WriteOnly));
    cut.write(source.read(200));
    cut.close();
    const QString notes = path(QStringLiteral("notes.png"));
    QFile text(notes);
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write("not an image\n");
    text.close();
    const QString pdf = path(QStringLiteral("broken.pdf"));
    QFile broken(pdf);
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("%PDF-1.4\nthis is not really a pdf\n");
    broken.close();

    // The bad documents come first: they must not stop the good one. Each gets one line on stderr, nothing else
    // (no decoder's own complaint).
    const CliResult r = run({QStringLiteral("ocr"), QStringLiteral("receipt"), truncated, notes, pdf, good, QStringLiteral("--json")}, {}, 120000);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    const QList<QByteArray> objects = r.out.trimmed().split('\n');
    ASSERT_EQ(objects.size(), 4) << r.describe();
    const QStringList bad = {truncated, notes, pdf};
    const QStringList errors = r.errLines();
    ASSERT_EQ(errors.size(), 3) << r.describe();
    for (int i = 0; i < 3; ++i) {
        const QJsonObject failed = parseJson(objects[i]).object();
        EXPECT_EQ(failed.value(u"file").toString(), bad[i]);
        EXPECT_TRUE(failed.value(u"error").toString().startsWith(bad[i] + u':')) << failed.value(u"error").toString().toStdString();
        EXPECT_TRUE(errors[i].startsWith(QStringLiteral("taskloom: ocr: ") + bad[i] + u':')) << r.describe();
    }
    EXPECT_TRUE(errors[0].contains(QStringLiteral("truncated"))) << r.describe();

    const QJsonObject doc = parseJson(objects[3]).object();
    EXPECT_EQ(doc.value(u"file").toString(), good);
    const QJsonObject fields = doc.value(u"fields").toObject();
    EXPECT_EQ(fields.value(u"total").toObject().value(u"value").toString(), u"12.50") << objects[3].toStdString();
    EXPECT_EQ(fields.value(u"date").toObject().value(u"value").toString(), u"2024-03-14") << objects[3].toStdString();
    EXPECT_EQ(fields.value(u"date").toObject().value(u"raw").toString(), u"14/03/2024") << objects[3].toStdString();
    EXPECT_EQ(fields.value(u"merchantName").toObject().value(u"value").toString(), u"CORNER SHOP SDN BHD") << objects[3].toStdString();
    const QJsonObject total = fields.value(u"total").toObject();
    EXPECT_GT(total.value(u"confidence").toDouble(), 0.5);
    const QJsonObject box = total.value(u"box").toObject();
    EXPECT_GT(box.value(u"width").toInt(), 0) << objects[3].toStdString();
    EXPECT_GT(box.value(u"y").toInt(), 200) << objects[3].toStdString(); // the fifth line
    EXPECT_TRUE(doc.value(u"flags").isArray());
}

TEST_F(CliOcrTest, UnknownKindAndLanguageAreUsageErrors)
{
    const CliResult kind = run({QStringLiteral("ocr"), QStringLiteral("menu"), path(QStringLiteral("x.png"))});
    EXPECT_EQ(kind.exitCode, 2) << kind.describe();
    EXPECT_TRUE(kind.errText().contains(QStringLiteral("unknown kind \"menu\""))) << kind.describe();
    const CliResult lang = run({QStringLiteral("ocr"), QStringLiteral("receipt"), path(QStringLiteral("x.png")), QStringLiteral("--lang"),
                                QStringLiteral("eng+xyz")});
    EXPECT_EQ(lang.exitCode, 2) << lang.describe();
    EXPECT_TRUE(lang.errText().contains(QStringLiteral("\"xyz\" is not installed"))) << lang.describe();
}

} // namespace taskloom::tests
