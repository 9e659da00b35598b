#include "DocumentLoader.hpp"

#include "PdfReader.hpp"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace taskloom::nodes::ocr {

namespace {

QString describe(const QString& name)
{
    return name.isEmpty() ? QStringLiteral("(unnamed document)") : name;
}

// EXIF orientation as Qt reports it, applied to an OpenCV image decoded without it (so the result does not depend
// on which OpenCV version honours EXIF on its own).
cv::Mat applyTransformation(const cv::Mat& in, QImageIOHandler::Transformations t)
{
    cv::Mat out = in;
    if (t & QImageIOHandler::TransformationRotate90)
        cv::rotate(out, out, cv::ROTATE_90_CLOCKWISE);
    if (t & QImageIOHandler::TransformationMirror)
        cv::flip(out, out, 1);
    if (t & QImageIOHandler::TransformationFlip)
        cv::flip(out, out, 0);
    return out;
}

// The EXIF orientation (1-8) of a JPEG, 1 when absent: APP1 "Exif", a TIFF header, IFD0 tag 0x0112.
int jpegOrientation(const QByteArray& b)
{
    const auto u8 = [&](qsizetype i) { return i < b.size() ? int(uchar(b[i])) : 0; };
    if (u8(0) != 0xFF || u8(1) != 0xD8)
        return 1;
    qsizetype pos = 2;
    while (pos + 4 < b.size() && u8(pos) == 0xFF) {
        const int marker = u8(pos + 1);
        const int length = (u8(pos + 2) << 8) | u8(pos + 3);
        if (marker == 0xE1 && b.mid(pos + 4, 6) == QByteArray("Exif\0\0", 6)) {
            const qsizetype tiff = pos + 10;
            const bool little = b.mid(tiff, 2) == "II";
            auto r16 = [&](qsizetype i) { return little ? u8(i) | (u8(i + 1) << 8) : (u8(i) << 8) | u8(i + 1); };
            auto r32 = [&](qsizetype i) { return little ? qsizetype(r16(i)) | (qsizetype(r16(i + 2)) << 16) : (qsizetype(r16(i)) << 16) | r16(i + 2); };
            const qsizetype ifd = tiff + r32(tiff + 4);
            const int entries = r16(ifd);
            for (int e = 0; e < entries && ifd + 2 + e * 12 + 12 <= b.size(); ++e) {
                const qsizetype entry = ifd + 2 + e * 12;
                if (r16(entry) == 0x0112) {
                    const int v = r16(entry + 8);
                    return v >= 1 && v <= 8 ? v : 1;
                }
            }
            return 1;
        }
        if (marker == 0xDA || length < 2)
            break;
        pos += 2 + length;
    }
    return 1;
}

cv::Mat applyExifOrientation(const cv::Mat& in, int orientation)
{
    cv::Mat out = in;
    switch (orientation) {
    case 2: cv::flip(in, out, 1); break;
    case 3: cv::rotate(in, out, cv::ROTATE_180); break;
    case 4: cv::flip(in, out, 0); break;
    case 5: cv::transpose(in, out); break;
    case 6: cv::rotate(in, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(in, out); cv::rotate(out, out, cv::ROTATE_180); break;
    case 8: cv::rotate(in, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: break;
    }
    return out;
}

} // namespace

bool DocumentLoader::looksLikePdf(const QByteArray& bytes)
{
    return bytes.left(1024).contains("%PDF-");
}

std::expected<QList<LoadedPage>, QString> DocumentLoader::loadFile(const QString& path) const
{
    QFileInfo info(path);
    if (!info.exists())
        return std::unexpected(QStringLiteral("%1: no such file").arg(path));
    if (!info.isFile())
        return std::unexpected(QStringLiteral("%1: not a file").arg(path));
    if (info.size() > m_limits.maxBytes)
        return std::unexpected(QStringLiteral("%1: file too large (%2 bytes, limit %3)")
                                   .arg(path).arg(info.size()).arg(m_limits.maxBytes));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("%1: cannot read (%2)").arg(path, f.errorString()));
    return loadBytes(f.readAll(), path);
}

std::expected<QList<LoadedPage>, QString> DocumentLoader::loadBytes(const QByteArray& bytes, const QString& name) const
{
    if (bytes.isEmpty())
        return std::unexpected(QStringLiteral("%1: empty file").arg(describe(name)));
    if (bytes.size() > m_limits.maxBytes)
        return std::unexpected(QStringLiteral("%1: too large (%2 bytes, limit %3)")
                                   .arg(describe(name)).arg(bytes.size()).arg(m_limits.maxBytes));
    if (looksLikePdf(bytes))
        return loadPdf(bytes, name);
    return loadImage(bytes, name);
}

std::expected<QList<LoadedPage>, QString> DocumentLoader::loadImage(const QByteArray& bytes, const QString& name) const
{
    QByteArray copy = bytes; // QBuffer needs a non-const array; implicitly shared, so no copy is made
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QImageIOHandler::Transformations transformation = QImageIOHandler::TransformationNone;
    if (reader.canRead()) {
        const QSize size = reader.size();
        if (size.isValid() && qint64(size.width()) * size.height() > m_limits.maxPixels)
            return std::unexpected(QStringLiteral("%1: image too large (%2x%3 pixels, limit %4 megapixels)")
                                       .arg(describe(name)).arg(size.width()).arg(size.height())
                                       .arg(m_limits.maxPixels / 1'000'000));
        transformation = reader.transformation();
    }
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char*>(bytes.constData()));
    cv::Mat image;
    try {
        image = cv::imdecode(raw, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    } catch (const cv::Exception& e) {
        return std::unexpected(QStringLiteral("%1: cannot decode image (%2)").arg(describe(name), QString::fromUtf8(e.what()).simplified()));
    }
    if (image.empty())
        return std::unexpected(QStringLiteral("%1: not a readable image or PDF (unknown format, or truncated)").arg(describe(name)));
    if (qint64(image.cols) * image.rows > m_limits.maxPixels)
        return std::unexpected(QStringLiteral("%1: image too large (%2x%3 pixels, limit %4 megapixels)")
                                   .arg(describe(name)).arg(image.cols).arg(image.rows).arg(m_limits.maxPixels / 1'000'000));
    const int exif = jpegOrientation(bytes);
    image = exif != 1 ? applyExifOrientation(image, exif) : applyTransformation(image, transformation);
    return QList<LoadedPage>{LoadedPage{image, std::nullopt}};
}

std::expected<QList<LoadedPage>, QString> DocumentLoader::loadPdf(const QByteArray& bytes, const QString& name) const
{
    PdfReader pdf;
    if (auto opened = pdf.open(bytes); !opened)
        return std::unexpected(QStringLiteral("%1: %2").arg(describe(name), opened.error()));
    if (pdf.pageCount() > m_limits.maxPages)
        return std::unexpected(QStringLiteral("%1: %2 pages, limit %3").arg(describe(name)).arg(pdf.pageCount()).arg(m_limits.maxPages));
    QList<LoadedPage> pages;
    for (int i = 0; i < pdf.pageCount(); ++i) {
        LoadedPage page;
        OcrPage text = pdf.textPage(i);
        if (PdfReader::hasUsableText(text)) {
            page.text = std::move(text);
        } else {
            auto image = pdf.renderPage(i, m_limits.pdfDpi, m_limits.maxPixels);
            if (!image)
                return std::unexpected(QStringLiteral("%1: page %2: %3").arg(describe(name)).arg(i + 1).arg(image.error()));
            page.image = std::move(*image);
        }
        pages.append(std::move(page));
    }
    if (pages.isEmpty())
        return std::unexpected(QStringLiteral("%1: the PDF has no pages").arg(describe(name)));
    return pages;
}

} // namespace taskloom::nodes::ocr
