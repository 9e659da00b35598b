#include "Image.hpp"

#include "engine/AtomicFile.hpp"

#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>

namespace taskloom::recorder {

Image::Image(int width, int height)
    : m_width(std::max(0, width)), m_height(std::max(0, height)), m_data(qsizetype(m_width) * m_height * 4, '\0')
{
}

Image Image::copy(const Rect& r) const
{
    const Rect c = r.intersected(rect());
    Image out(c.width, c.height);
    for (int y = 0; y < c.height; ++y)
        std::memcpy(out.bits() + qsizetype(y) * out.stride(), constBits() + qsizetype(c.y + y) * stride() + c.x * 4,
                    size_t(c.width) * 4);
    return out;
}

void Image::paste(const Image& source, Point at)
{
    const Rect target = Rect{at.x, at.y, source.width(), source.height()}.intersected(rect());
    for (int y = 0; y < target.height; ++y) {
        const int sy = target.y - at.y + y;
        std::memcpy(bits() + qsizetype(target.y + y) * stride() + target.x * 4,
                    source.constBits() + qsizetype(sy) * source.stride() + (target.x - at.x) * 4, size_t(target.width) * 4);
    }
}

void Image::drawRect(const Rect& r, quint32 rgb, int thickness)
{
    auto plot = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= m_width || y >= m_height)
            return;
        uchar* p = bits() + qsizetype(y) * stride() + x * 4;
        p[0] = uchar(rgb & 0xff);
        p[1] = uchar((rgb >> 8) & 0xff);
        p[2] = uchar((rgb >> 16) & 0xff);
        p[3] = 0xff;
    };
    for (int t = 0; t < thickness; ++t) {
        const int l = r.x - t, top = r.y - t, w = r.width + 2 * t, h = r.height + 2 * t;
        for (int x = l; x < l + w; ++x) {
            plot(x, top);
            plot(x, top + h - 1);
        }
        for (int y = top; y < top + h; ++y) {
            plot(l, y);
            plot(l + w - 1, y);
        }
    }
}

std::expected<QByteArray, QString> Image::toPng() const
{
    if (isNull())
        return std::unexpected(QStringLiteral("cannot encode an empty image"));
    const cv::Mat bgra(m_height, m_width, CV_8UC4, const_cast<uchar*>(constBits()), size_t(stride()));
    cv::Mat bgr;
    cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
    std::vector<uchar> buffer;
    try {
        if (!cv::imencode(".png", bgr, buffer))
            return std::unexpected(QStringLiteral("PNG encoding failed"));
    } catch (const cv::Exception& e) {
        return std::unexpected(QStringLiteral("PNG encoding failed: %1").arg(QString::fromStdString(e.what())));
    }
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

std::expected<Image, QString> Image::fromPng(QByteArrayView png)
{
    if (png.isEmpty())
        return std::unexpected(QStringLiteral("empty image data"));
    const cv::Mat raw(1, int(png.size()), CV_8UC1, const_cast<char*>(png.data()));
    cv::Mat decoded;
    try {
        decoded = cv::imdecode(raw, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
        decoded = cv::Mat();
    }
    if (decoded.empty())
        return std::unexpected(QStringLiteral("not a readable image (PNG, JPEG or BMP expected)"));
    Image out(decoded.cols, decoded.rows);
    cv::Mat target(out.height(), out.width(), CV_8UC4, out.bits(), size_t(out.stride()));
    cv::cvtColor(decoded, target, cv::COLOR_BGR2BGRA);
    return out;
}

std::expected<void, QString> Image::save(const QString& path) const
{
    auto png = toPng();
    if (!png)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, png.error()));
    return engine::AtomicFile::write(path, *png);
}

std::expected<Image, QString> Image::load(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    auto img = fromPng(f.readAll());
    if (!img)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, img.error()));
    return img;
}

} // namespace taskloom::recorder
