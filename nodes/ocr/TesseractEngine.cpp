#include "TesseractEngine.hpp"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <opencv2/imgproc.hpp>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <map>
#include <memory>

namespace taskloom::nodes::ocr {

namespace {

struct EngineCache {
    std::map<std::pair<QString, QString>, std::unique_ptr<tesseract::TessBaseAPI>> engines;
};

EngineCache& threadCache()
{
    thread_local EngineCache cache;
    return cache;
}

QStringList candidateDirs(const QString& preferred)
{
    QStringList dirs;
    if (!preferred.isEmpty())
        dirs << preferred;
    if (const QByteArray env = qgetenv("TASKLOOM_TESSDATA"); !env.isEmpty())
        dirs << QString::fromLocal8Bit(env);
    QString xdg = QString::fromLocal8Bit(qgetenv("XDG_DATA_HOME"));
    if (xdg.isEmpty())
        xdg = QDir::homePath() + QStringLiteral("/.local/share");
    dirs << xdg + QStringLiteral("/taskloom/tessdata");
    // The models Taskloom ships (the receipt model) lie beside its programs: <prefix>/share/taskloom/tessdata.
    if (QCoreApplication::instance())
        dirs << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/taskloom/tessdata");
    if (const QByteArray env = qgetenv("TESSDATA_PREFIX"); !env.isEmpty())
        dirs << QString::fromLocal8Bit(env);
    for (const QString& v : {QStringLiteral("5"), QStringLiteral("4.00"), QStringLiteral("4")})
        dirs << QStringLiteral("/usr/share/tesseract-ocr/%1/tessdata").arg(v);
    dirs << QStringLiteral("/usr/share/tessdata") << QStringLiteral("/usr/local/share/tessdata");
    return dirs;
}

bool cancelCallback(void* self, int /*words*/)
{
    const auto* request = static_cast<const RecognizeRequest*>(self);
    return request->cancelled && request->cancelled();
}

Box boxOf(tesseract::ResultIterator* it, tesseract::PageIteratorLevel level)
{
    int l = 0, t = 0, r = 0, b = 0;
    if (!it->BoundingBox(level, &l, &t, &r, &b))
        return {};
    return {l, t, r - l, b - t};
}

QString takeText(char* text)
{
    QString s = QString::fromUtf8(text).trimmed();
    delete[] text;
    return s;
}

} // namespace

std::expected<QString, QString> TesseractEngine::locateTessdata(const QString& languages, const QString& preferred)
{
    const QStringList langs = languages.split(u'+', Qt::SkipEmptyParts);
    if (langs.isEmpty())
        return std::unexpected(QStringLiteral("no OCR language given"));
    for (const QString& dir : candidateDirs(preferred)) {
        bool all = true;
        for (const QString& lang : langs)
            all = all && QFileInfo::exists(dir + u'/' + lang + QStringLiteral(".traineddata"));
        if (all)
            return dir;
    }
    // The languages lie in different folders (the receipt model beside the programs, Korean in the system's):
    // Tesseract reads from one folder, so a folder of links to them is made in the cache.
    QStringList files;
    for (const QString& lang : langs) {
        QString file;
        for (const QString& dir : candidateDirs(preferred))
            if (file.isEmpty() && QFileInfo::exists(dir + u'/' + lang + QStringLiteral(".traineddata")))
                file = QFileInfo(dir + u'/' + lang + QStringLiteral(".traineddata")).absoluteFilePath();
        if (file.isEmpty())
            return std::unexpected(QStringLiteral("OCR language \"%1\" is not installed (apt-get install tesseract-ocr-%1)").arg(lang));
        files << file;
    }
    const QString linked = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                           QStringLiteral("/taskloom/tessdata-") +
                           QString::fromLatin1(QCryptographicHash::hash(files.join(u'\n').toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    if (!QDir().mkpath(linked))
        return std::unexpected(QStringLiteral("cannot create the model folder %1").arg(linked));
    for (qsizetype i = 0; i < langs.size(); ++i) {
        const QString link = linked + u'/' + langs[i] + QStringLiteral(".traineddata");
        const QFileInfo current(link);
        if (current.symLinkTarget() == files[i])
            continue;
        if (current.isSymLink() || current.exists())
            QFile::remove(link); // a model that has moved since
        // Another thread or process may make the same link in between.
        if (!QFile::link(files[i], link) && QFileInfo(link).symLinkTarget() != files[i])
            return std::unexpected(QStringLiteral("cannot link %1 into %2").arg(files[i], linked));
    }
    return linked;
}

int TesseractEngine::threadEngineCount()
{
    return int(threadCache().engines.size());
}

std::expected<OcrPage, QString> TesseractEngine::recognize(const cv::Mat& image, const RecognizeRequest& request)
{
    if (image.empty())
        return std::unexpected(QStringLiteral("empty image"));
    auto dir = locateTessdata(request.languages, request.tessdataDir);
    if (!dir)
        return std::unexpected(dir.error());
    auto& slot = threadCache().engines[{*dir, request.languages}];
    if (!slot) {
        setMsgSeverity(L_SEVERITY_NONE); // Leptonica would print routine clipping notices to stderr
        auto api = std::make_unique<tesseract::TessBaseAPI>();
        if (api->Init(dir->toLocal8Bit().constData(), request.languages.toLatin1().constData(), tesseract::OEM_LSTM_ONLY) != 0) {
            threadCache().engines.erase({*dir, request.languages});
            return std::unexpected(QStringLiteral("Tesseract cannot load \"%1\" from %2").arg(request.languages, *dir));
        }
        api->SetVariable("debug_file", "/dev/null");
        slot = std::move(api);
    }
    tesseract::TessBaseAPI& api = *slot;

    cv::Mat gray;
    if (image.channels() == 1)
        gray = image;
    else
        cv::cvtColor(image, gray, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    if (!gray.isContinuous())
        gray = gray.clone();

    api.SetPageSegMode(tesseract::PageSegMode(request.pageSegMode));
    api.SetVariable("tessedit_char_whitelist", request.whitelist.toUtf8().constData());
    api.SetVariable("preserve_interword_spaces", request.preserveSpaces ? "1" : "0");
    api.SetVariable("user_defined_dpi", QByteArray::number(request.dpi).constData());
    api.SetImage(gray.data, gray.cols, gray.rows, 1, int(gray.step));

    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &cancelCallback;
    monitor.cancel_this = const_cast<RecognizeRequest*>(&request);
    if (request.timeoutMs > 0)
        monitor.set_deadline_msecs(request.timeoutMs);
    const int rc = api.Recognize(&monitor);
    if (request.cancelled && request.cancelled()) {
        api.Clear();
        return std::unexpected(QStringLiteral("cancelled"));
    }
    if (rc != 0) {
        api.Clear();
        return std::unexpected(request.timeoutMs > 0 ? QStringLiteral("OCR timed out or failed") : QStringLiteral("OCR failed"));
    }

    OcrPage page;
    page.width = gray.cols;
    page.height = gray.rows;
    page.source = QStringLiteral("ocr");
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (it) {
        do {
            if (it->Empty(tesseract::RIL_WORD))
                continue;
            if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || page.lines.isEmpty()) {
                OcrLine line;
                line.box = boxOf(it.get(), tesseract::RIL_TEXTLINE);
                page.lines.append(line);
            }
            OcrWord word;
            word.text = takeText(it->GetUTF8Text(tesseract::RIL_WORD));
            word.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
            word.box = boxOf(it.get(), tesseract::RIL_WORD);
            if (!word.text.isEmpty())
                page.lines.last().words.append(word);
        } while (it->Next(tesseract::RIL_WORD));
    }
    api.Clear();
    QList<OcrLine> lines;
    for (OcrLine& l : page.lines) {
        if (l.words.isEmpty())
            continue;
        QStringList parts;
        double conf = 0;
        for (const OcrWord& w : l.words) {
            parts << w.text;
            conf += w.confidence;
        }
        l.text = parts.join(u' ');
        l.confidence = conf / double(l.words.size());
        lines.append(std::move(l));
    }
    page.lines = std::move(lines);
    return page;
}

} // namespace taskloom::nodes::ocr
