// taskloom ocr text|receipt|invoice|id FILE...: one JSON object (or a readable summary) per document.

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "engine/Json.hpp"
#include "nodes/ocr/DocumentExtractor.hpp"
#include "nodes/ocr/ExtractionJson.hpp"

namespace taskloom::cli {

using namespace engine;
using namespace nodes::ocr;

namespace {

void printSummary(const Object& doc)
{
    out(QStringLiteral("%1 (%2%3)\n").arg(doc.value(QStringLiteral("file")).toString(), doc.value(QStringLiteral("kind")).toString(),
                                          doc.contains(QStringLiteral("documentType"))
                                              ? QStringLiteral(", ") + doc.value(QStringLiteral("documentType")).toString()
                                              : QString()));
    for (const auto& [name, field] : doc.value(QStringLiteral("fields")).objectRef()) {
        if (name == u"text")
            continue;
        const Object& f = field.objectRef();
        out(QStringLiteral("  %1: %2  (%3%)\n").arg(name, f.value(QStringLiteral("value")).toString())
                .arg(qRound(f.value(QStringLiteral("confidence")).toDouble() * 100)));
    }
    for (const Value& line : doc.value(QStringLiteral("mrz")).arrayRef())
        out(QStringLiteral("  mrz: %1\n").arg(line.toString()));
    for (const Value& flag : doc.value(QStringLiteral("flags")).arrayRef())
        out(QStringLiteral("  flag: %1\n").arg(flag.toString()));
    if (doc.contains(QStringLiteral("text")))
        out(doc.value(QStringLiteral("text")).toString());
}

} // namespace

int ocrCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("ocr"),
                   QStringLiteral("Reads documents (JPEG, PNG, TIFF, BMP, WebP, PDF) and prints one result per document: "
                                  "per field its normalised value, the raw text, a confidence and a box, plus flags. "
                                  "Exit code 1 when any document could not be read."));
    cl.addPositional(QStringLiteral("kind"), QStringLiteral("text, receipt, invoice or id."));
    cl.addPositional(QStringLiteral("files"), QStringLiteral("Documents to read."), QStringLiteral("FILE..."));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Tesseract languages (default eng)."), QStringLiteral("LANGS"),
                                  QStringLiteral("eng"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object per line."));
    const QCommandLineOption text(QStringLiteral("text"), QStringLiteral("Include the full text."));
    const QCommandLineOption pre(QStringLiteral("preprocess"),
                                 QStringLiteral("Pre-processing steps on (or off with '-'): %1.").arg(PreprocessOptions::stepNames().join(QStringLiteral(", "))),
                                 QStringLiteral("STEPS"));
    const QCommandLineOption psm(QStringLiteral("psm"), QStringLiteral("Tesseract page segmentation mode (default 3)."), QStringLiteral("N"),
                                 QStringLiteral("3"));
    const QCommandLineOption monthFirst(QStringLiteral("month-first"), QStringLiteral("Read 05/06/2018 as May 6 (default: 5 June)."));
    const QCommandLineOption reveal(QStringLiteral("reveal-ids"), QStringLiteral("Print national id numbers unmasked."));
    const QCommandLineOption tessdata(QStringLiteral("tessdata"), QStringLiteral("Folder with the .traineddata models."), QStringLiteral("DIR"));
    for (const auto& o : {lang, json, text, pre, psm, monthFirst, reveal, tessdata})
        cl.addOption(o);
    if (auto code = cl.parse(args, 2, -1))
        return *code;
    QStringList positional = cl.parser().positionalArguments();
    const QString kindName = positional.takeFirst();
    const auto kind = DocumentExtractor::kindFromName(kindName);
    if (!kind)
        return fail(Usage, QStringLiteral("ocr: unknown kind \"%1\" (text, receipt, invoice or id)").arg(kindName));
    DocumentExtractor::Options options;
    options.ocr.languages = cl.parser().value(lang);
    options.ocr.tessdataDir = cl.parser().value(tessdata);
    QStringList unknown;
    options.ocr.preprocess = PreprocessOptions::parse(cl.parser().value(pre), &unknown);
    if (!unknown.isEmpty())
        return fail(Usage, QStringLiteral("ocr: --preprocess: unknown step \"%1\" (known: %2)")
                               .arg(unknown.first(), PreprocessOptions::stepNames().join(QStringLiteral(", "))));
    bool ok = false;
    options.ocr.pageSegMode = cl.parser().value(psm).toInt(&ok);
    if (!ok || options.ocr.pageSegMode < 0 || options.ocr.pageSegMode > 13)
        return fail(Usage, QStringLiteral("ocr: --psm \"%1\": expected a number from 0 to 13").arg(cl.parser().value(psm)));
    if (auto dir = TesseractEngine::locateTessdata(options.ocr.languages, options.ocr.tessdataDir); !dir)
        return fail(Usage, QStringLiteral("ocr: --lang \"%1\": %2").arg(options.ocr.languages, dir.error()));
    options.dateOrder = cl.parser().isSet(monthFirst) ? DateOrder::MonthFirst : DateOrder::DayFirst;
    options.revealNationalIds = cl.parser().isSet(reveal);
    const DocumentExtractor extractor(options);
    int failures = 0;
    for (const QString& file : positional) {
        auto result = extractor.extractFile(*kind, file);
        if (!result) {
            ++failures;
            err(QStringLiteral("taskloom: ocr: %1").arg(result.error()));
            if (cl.parser().isSet(json))
                out(Json::serialize(Value(Object{{QStringLiteral("file"), file}, {QStringLiteral("error"), result.error()}})) + '\n');
            continue;
        }
        const Object doc = extractionToObject(*result, file, cl.parser().isSet(text));
        if (cl.parser().isSet(json))
            out(Json::serialize(Value(doc)) + '\n');
        else
            printSummary(doc);
    }
    return failures ? NodeFailed : Ok;
}

} // namespace taskloom::cli
