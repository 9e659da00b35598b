#include "DocumentLoader.hpp"

#include "PdfReader.hpp"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace taskloom::nodes::ocr {

namespace {

QString describe(const QString& name)
{
    return name.isEmpty() ? QStringLiteral("(unnamed document)") : name;
}

// The Orientation tag (0x0112, 1-8) of a TIFF structure starting at `tiff` (the body of an EXIF block, or a
// TIFF file itself); 1 when absent or malformed.
int tiffOrientation(const QByteArray& b, qsizetype tiff, qsizetype end, qsizetype* valueAt = nullptr)
{
    end = std::min(end, b.size());
    const auto u8 = [&](qsizetype i) { return i >= 0 && i < end ? int(uchar(b[i])) : 0; };
    if (tiff < 0 || tiff + 8 > end)
        return 1;
    const bool little = u8(tiff) == 'I' && u8(tiff + 1) == 'I';
    if (!little && !(u8(tiff) == 'M' && u8(tiff + 1) == 'M'))
        return 1;
    auto r16 = [&](qsizetype i) { return little ? u8(i) | (u8(i + 1) << 8) : (u8(i) << 8) | u8(i + 1); };
    auto r32 = [&](qsizetype i) { return little ? qint64(r16(i)) | (qint64(r16(i + 2)) << 16) : (qint64(r16(i)) << 16) | r16(i + 2); };
    if (r16(tiff + 2) != 42)
        return 1;
    const qint64 ifd = tiff + r32(tiff + 4);
    if (ifd < tiff + 8 || ifd + 2 > end)
        return 1;
    const int entries = r16(ifd);
    for (int e = 0; e < entries && ifd + 2 + e * 12 + 12 <= end; ++e) {
        const qint64 entry = ifd + 2 + e * 12;
        if (r16(entry) == 0x0112) {
            const int v = r16(entry + 8);
            if (valueAt)
                *valueAt = entry + 8;
            return v >= 1 && v <= 8 ? v : 1;
        }
    }
    return 1;
}

// A PNG or JPEG cut short. Found here, before decoding: libpng and libjpeg print their own complaints to stderr,
// and libjpeg decodes what it has (grey below the cut) with only a warning. A PNG ends with its IEND chunk; a JPEG
// has an end-of-image marker after its last start-of-scan (0xFF is escaped inside scan data, so neither marker
// occurs there by chance; an EXIF thumbnail's own markers come before the image's scan).
bool truncatedImage(const QByteArray& b)
{
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return !b.contains("IEND");
    if (b.startsWith("\xFF\xD8"))
        return !b.contains("\xFF\xDA") || b.lastIndexOf("\xFF\xD9") < b.lastIndexOf("\xFF\xDA");
    return false;
}

bool isTiff(const QByteArray& b)
{
    return b.startsWith(QByteArrayView("II*\0", 4)) || b.startsWith(QByteArrayView("MM\0*", 4));
}

// The EXIF orientation of an image file, whatever its container: JPEG (APP1 "Exif"), PNG (eXIf chunk), WebP (EXIF
// chunk of an extended RIFF), TIFF (its own first directory). 1 when there is none. BMP has no such tag.
int exifOrientation(const QByteArray& b)
{
    const auto u8 = [&](qsizetype i) { return i >= 0 && i < b.size() ? int(uchar(b[i])) : 0; };
    auto be32 = [&](qsizetype i) { return (qint64(u8(i)) << 24) | (u8(i + 1) << 16) | (u8(i + 2) << 8) | u8(i + 3); };
    auto le32 = [&](qsizetype i) { return qint64(u8(i)) | (u8(i + 1) << 8) | (u8(i + 2) << 16) | (qint64(u8(i + 3)) << 24); };
    if (u8(0) == 0xFF && u8(1) == 0xD8) { // JPEG: walk the segments up to the image data
        qsizetype pos = 2;
        while (pos + 4 <= b.size() && u8(pos) == 0xFF) {
            const int marker = u8(pos + 1);
            const int length = (u8(pos + 2) << 8) | u8(pos + 3);
            if (marker == 0xE1 && b.mid(pos + 4, 6) == QByteArray("Exif\0\0", 6))
                return tiffOrientation(b, pos + 10, pos + 2 + length);
            if (marker == 0xDA || length < 2)
                break;
            pos += 2 + length;
        }
        return 1;
    }
    if (b.startsWith("\x89PNG\r\n\x1a\n")) { // PNG: chunks up to the image data
        qsizetype pos = 8;
        while (pos + 12 <= b.size()) {
            const qint64 length = be32(pos);
            const QByteArray type = b.mid(pos + 4, 4);
            if (type == "eXIf")
                return tiffOrientation(b, pos + 8, pos + 8 + length);
            if (type == "IDAT" || type == "IEND" || length < 0)
                break;
            pos += 12 + length;
        }
        return 1;
    }
    if (b.startsWith("RIFF") && b.mid(8, 4) == "WEBP") { // WebP: RIFF chunks, EXIF after the image data
        qsizetype pos = 12;
        while (pos + 8 <= b.size()) {
            const qint64 length = le32(pos + 4);
            if (b.mid(pos, 4) == "EXIF") {
                const qsizetype body = pos + 8 + (b.mid(pos + 8, 6) == QByteArray("Exif\0\0", 6) ? 6 : 0);
                return tiffOrientation(b, body, pos + 8 + length);
            }
            pos += 8 + length + (length & 1);
        }
        return 1;
    }
    if (isTiff(b))
        return tiffOrientation(b, 0, b.size());
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
    if (truncatedImage(bytes))
        return std::unexpected(QStringLiteral("%1: truncated image (the file ends before the image does)").arg(describe(name)));
    QByteArray copy = bytes; // QBuffer needs a non-const array; implicitly shared, so no copy is made
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (reader.canRead()) {
        const QSize size = reader.size();
        if (size.isValid() && qint64(size.width()) * size.height() > m_limits.maxPixels)
            return std::unexpected(QStringLiteral("%1: image too large (%2x%3 pixels, limit %4 megapixels)")
                                       .arg(describe(name)).arg(size.width()).arg(size.height())
                                       .arg(m_limits.maxPixels / 1'000'000));
    }
    // OpenCV 4.6 turns JPEG, PNG and WebP images by their EXIF orientation unless IMREAD_IGNORE_ORIENTATION is
    // given, but its TIFF decoder turns them even then. So a TIFF's Orientation tag is set to 1 in a copy before
    // decoding, every format is decoded as stored, and the orientation is applied here exactly once.
    const int orientation = exifOrientation(bytes);
    QByteArray asStored = bytes;
    if (orientation != 1 && isTiff(bytes)) {
        qsizetype at = -1;
        tiffOrientation(bytes, 0, bytes.size(), &at);
        if (at >= 0) {
            const bool little = bytes.startsWith("II");
            asStored[at] = char(little ? 1 : 0);
            asStored[at + 1] = char(little ? 0 : 1);
        }
    }
    const cv::Mat raw(1, int(asStored.size()), CV_8UC1, const_cast<char*>(asStored.constData()));
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
    image = applyExifOrientation(image, orientation);
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
