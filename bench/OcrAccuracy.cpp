// ocr_accuracy: runs the OCR extractors over folders of documents with ground truth and prints per-field
// precision / recall / F1 and seconds per document (scoring as in ../shared/data/README.md). Not part of ctest.
//
//   ocr_accuracy [--receipts DIR] [--invoices DIR] [--mrz DIR] [--limit N] [--only NAME] [--verbose] [--show-text]
//                [--from-boxes] [--preprocess STEPS]
//
// receipts: DIR/img/NAME.jpg with DIR/key/NAME.json {company, date, address, total} (SROIE task 3 protocol)
// invoices: DIR/NAME.pdf with DIR/NAME.json [{invoice_number, date, amount, currency}]
// mrz:      DIR/NAME.jpg with DIR/NAME.txt holding the MRZ lines

#include "nodes/ocr/DocumentExtractor.hpp"
#include "nodes/ocr/ReceiptExtractor.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

using namespace taskloom::nodes::ocr;

namespace {

QString onlyName; // --only: run just the documents whose base name contains this
bool showText = false; // --show-text: print each document's OCR text (with --verbose)
bool fromBoxes = false; // --from-boxes: extract from the data set's own text lines (box/NAME.csv) instead of our OCR

// The data set's transcription of a receipt (x1,y1,...,x4,y4,text per line) as an OCR document, to tell the
// extractor's misses from the OCR's.
std::expected<OcrDocument, QString> documentFromBoxes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::unexpected(QStringLiteral("%1: cannot read").arg(path));
    OcrDocument doc;
    doc.file = path;
    doc.pages.append(OcrPage{});
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QString row = QString::fromUtf8(raw).trimmed();
        QStringList parts = row.split(u',');
        if (parts.size() < 9)
            continue;
        int c[8];
        for (int i = 0; i < 8; ++i)
            c[i] = parts[i].toInt();
        OcrLine line;
        line.text = QStringList(parts.mid(8)).join(u',').simplified();
        line.confidence = 1;
        line.box = {c[0], c[1], c[4] - c[0], c[5] - c[1]};
        for (const QString& w : line.text.split(u' ', Qt::SkipEmptyParts))
            line.words.append({w, 1, line.box});
        doc.pages.first().lines.append(line);
    }
    return doc;
}

struct Score {
    int tp = 0, fp = 0, fn = 0;
    void add(bool predicted, bool expected, bool equal)
    {
        if (predicted && equal)
            ++tp;
        else {
            if (predicted)
                ++fp;
            if (expected)
                ++fn;
        }
    }
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
    double f1() const { const double p = precision(), r = recall(); return p + r > 0 ? 2 * p * r / (p + r) : 0; }
};

void print(const char* what, const std::map<QString, Score>& scores, int docs, double seconds)
{
    Score all;
    std::printf("\n%s: %d documents, %.2f s per document\n", what, docs, docs ? seconds / docs : 0.0);
    std::printf("  %-16s %9s %9s %9s   tp/fp/fn\n", "field", "precision", "recall", "F1");
    for (const auto& [name, s] : scores) {
        std::printf("  %-16s %9.3f %9.3f %9.3f   %d/%d/%d\n", qPrintable(name), s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn);
        all.tp += s.tp;
        all.fp += s.fp;
        all.fn += s.fn;
    }
    std::printf("  %-16s %9.3f %9.3f %9.3f   %d/%d/%d\n", "micro", all.precision(), all.recall(), all.f1(), all.tp, all.fp, all.fn);
}

QString sroieNorm(QString s, bool total)
{
    s = s.simplified().toUpper();
    if (total) {
        s.remove(QRegularExpression(QStringLiteral("^(RM|\\$)\\s*")));
    }
    return s;
}

QJsonValue readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument d = QJsonDocument::fromJson(f.readAll());
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}

QStringList files(const QString& dir, const QStringList& filters, int limit)
{
    QStringList out = QDir(dir).entryList(filters, QDir::Files, QDir::Name);
    if (!onlyName.isEmpty())
        out = out.filter(onlyName);
    if (limit > 0)
        out = out.mid(0, limit);
    return out;
}

QString preprocessSpec; // --preprocess: pre-processing steps on or off, as `taskloom ocr --preprocess` takes them

DocumentExtractor::Options options()
{
    DocumentExtractor::Options o;
    o.ocr.preprocess = PreprocessOptions::parse(preprocessSpec);
    return o;
}

void receipts(const QString& dir, int limit, bool verbose)
{
    std::map<QString, Score> scores;
    QElapsedTimer timer;
    double seconds = 0;
    int docs = 0, itemsAddUp = 0;
    const DocumentExtractor extractor(options());
    for (const QString& img : files(dir + QStringLiteral("/img"), {QStringLiteral("*.jpg"), QStringLiteral("*.png")}, limit)) {
        const QString base = QFileInfo(img).completeBaseName();
        const QJsonObject truth = readJson(dir + QStringLiteral("/key/") + base + QStringLiteral(".json")).toObject();
        timer.start();
        std::expected<Extraction, QString> ex;
        if (!fromBoxes)
            ex = extractor.extractFile(DocumentKind::Receipt, dir + QStringLiteral("/img/") + img);
        else if (auto doc = documentFromBoxes(dir + QStringLiteral("/box/") + base + QStringLiteral(".csv")))
            ex = ReceiptExtractor().extract(*doc);
        else
            ex = std::unexpected(doc.error());
        seconds += timer.nsecsElapsed() / 1e9;
        ++docs;
        const std::pair<const char*, QString> fields[] = {
            {"company", ex ? ex->get(QStringLiteral("merchantName")).value : QString()},
            {"address", ex ? ex->get(QStringLiteral("merchantAddress")).value : QString()},
            {"date", ex ? ex->get(QStringLiteral("date")).raw : QString()},
            {"total", ex ? ex->get(QStringLiteral("total")).value : QString()},
        };
        for (const auto& [name, got] : fields) {
            const bool isTotal = QLatin1String(name) == QLatin1String("total");
            const QString want = sroieNorm(truth.value(QLatin1String(name)).toString(), isTotal);
            const QString have = sroieNorm(got, isTotal);
            scores[QString::fromLatin1(name)].add(!have.isEmpty(), !want.isEmpty(), have == want);
            if (verbose && have != want)
                std::printf("%s %-8s want [%s] got [%s]\n", qPrintable(base), name, qPrintable(want), qPrintable(have));
        }
        // No key for line items: whether they add up to the receipt's subtotal or total is the check.
        if (ex && !ex->lineItems.isEmpty() &&
            std::none_of(ex->flags.begin(), ex->flags.end(), [](const QString& f) { return f.startsWith(u"line items"); }))
            ++itemsAddUp;
        if (!ex)
            std::printf("%s: %s\n", qPrintable(img), qPrintable(ex.error()));
        else if (showText)
            std::printf("---- %s text\n%s\n----\n", qPrintable(base), qPrintable(ex->text));
    }
    print("receipts (SROIE task 3)", scores, docs, seconds);
    std::printf("  line items that add up to the subtotal or total: %d/%d\n", itemsAddUp, docs);
}

void invoices(const QString& dir, int limit, bool verbose)
{
    std::map<QString, Score> scores;
    QElapsedTimer timer;
    double seconds = 0;
    int docs = 0;
    const DocumentExtractor extractor(options());
    for (const QString& pdf : files(dir, {QStringLiteral("*.pdf")}, limit)) {
        const QString base = QFileInfo(pdf).completeBaseName();
        const QJsonObject truth = readJson(dir + u'/' + base + QStringLiteral(".json")).toArray().at(0).toObject();
        timer.start();
        auto ex = extractor.extractFile(DocumentKind::Invoice, dir + u'/' + pdf);
        seconds += timer.nsecsElapsed() / 1e9;
        ++docs;
        if (!ex) {
            std::printf("%s: %s\n", qPrintable(pdf), qPrintable(ex.error()));
        }
        auto got = [&](const char* n) { return ex ? ex->get(QString::fromLatin1(n)).value : QString(); };
        const QString number = got("invoiceNumber"), date = got("issueDate"), total = got("total"), currency = got("currency");
        const QString wantNumber = truth.value(QStringLiteral("invoice_number")).toString();
        const QString wantDate = truth.value(QStringLiteral("date")).toString();
        const double wantAmount = truth.value(QStringLiteral("amount")).toDouble();
        const QString wantCurrency = truth.value(QStringLiteral("currency")).toString();
        scores[QStringLiteral("invoice_number")].add(!number.isEmpty(), !wantNumber.isEmpty(), number == wantNumber);
        scores[QStringLiteral("date")].add(!date.isEmpty(), !wantDate.isEmpty(), date == wantDate);
        scores[QStringLiteral("amount")].add(!total.isEmpty(), true, !total.isEmpty() && std::abs(total.toDouble() - wantAmount) <= 0.01);
        scores[QStringLiteral("currency")].add(!currency.isEmpty(), !wantCurrency.isEmpty(), currency == wantCurrency);
        if (ex && showText)
            std::printf("---- %s text\n%s\n----\n", qPrintable(base), qPrintable(ex->text));
        if (verbose)
            std::printf("%s: number [%s/%s] date [%s/%s] amount [%s/%.2f] currency [%s/%s]\n", qPrintable(base), qPrintable(number),
                        qPrintable(wantNumber), qPrintable(date), qPrintable(wantDate), qPrintable(total), wantAmount,
                        qPrintable(currency), qPrintable(wantCurrency));
    }
    print("invoices", scores, docs, seconds);
}

void mrzSet(const QString& dir, int limit, bool verbose)
{
    QElapsedTimer timer;
    double seconds = 0;
    int docs = 0, exact = 0, line1 = 0, line2 = 0, valid = 0;
    const DocumentExtractor extractor(options());
    for (const QString& img : files(dir, {QStringLiteral("*.jpg"), QStringLiteral("*.png")}, limit)) {
        const QString base = QFileInfo(img).completeBaseName();
        QFile f(dir + u'/' + base + QStringLiteral(".txt"));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QStringList want = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        timer.start();
        auto ex = extractor.extractFile(DocumentKind::Id, dir + u'/' + img);
        seconds += timer.nsecsElapsed() / 1e9;
        ++docs;
        const QStringList got = ex ? ex->mrz : QStringList();
        const bool checks = ex && ex->get(QStringLiteral("checkDigitsValid")).value == u"true";
        const bool l1 = got.size() >= 1 && want.size() >= 1 && got[0] == want[0].trimmed();
        const bool l2 = got.size() >= 2 && want.size() >= 2 && got[1] == want[1].trimmed();
        line1 += l1;
        line2 += l2;
        valid += checks;
        exact += (l1 && l2 && checks && got.size() == want.size());
        if (verbose && !(l1 && l2 && checks))
            std::printf("%s checks=%d\n  want %s\n  got  %s\n", qPrintable(base), checks, qPrintable(want.join(QStringLiteral(" | "))),
                        qPrintable(got.join(QStringLiteral(" | "))));
    }
    std::printf("\nmrz: %d documents, %.2f s per document\n  both lines exact and all check digits valid: %d/%d (%.1f%%)\n"
                "  line 1 exact: %d, line 2 exact: %d, check digits valid: %d\n",
                docs, docs ? seconds / docs : 0.0, exact, docs, docs ? 100.0 * exact / docs : 0.0, line1, line2, valid);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString receiptDir, invoiceDir, mrzDir;
    int limit = 0;
    bool verbose = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == u"--receipts") { receiptDir = next; ++i; }
        else if (a == u"--invoices") { invoiceDir = next; ++i; }
        else if (a == u"--mrz") { mrzDir = next; ++i; }
        else if (a == u"--limit") { limit = next.toInt(); ++i; }
        else if (a == u"--verbose") verbose = true;
        else if (a == u"--only") { onlyName = next; ++i; }
        else if (a == u"--show-text") showText = true;
        else if (a == u"--from-boxes") fromBoxes = true;
        else if (a == u"--preprocess") { preprocessSpec = next; ++i; }
        else {
            std::fprintf(stderr, "usage: ocr_accuracy [--receipts DIR] [--invoices DIR] [--mrz DIR] [--limit N] [--only NAME] [--verbose] [--show-text] [--from-boxes] [--preprocess STEPS]\n");
            return 2;
        }
    }
    if (qgetenv("OMP_THREAD_LIMIT") != "1")
        std::fprintf(stderr, "ocr_accuracy: warning: OMP_THREAD_LIMIT=1 is not set; Tesseract will be much slower\n");
    if (!mrzDir.isEmpty())
        mrzSet(mrzDir, limit, verbose);
    if (!invoiceDir.isEmpty())
        invoices(invoiceDir, limit, verbose);
    if (!receiptDir.isEmpty())
        receipts(receiptDir, limit, verbose);
    return 0;
}
