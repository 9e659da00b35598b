#pragma once

#include "Geometry.hpp"

#include <QByteArray>
#include <QString>

#include <expected>

namespace taskloom::recorder {

/// A 32-bit image in B, G, R, X byte order (what an X11 ZPixmap of depth 24 holds), rows without padding.
/// Implicitly shared: copies are cheap until written. Kept free of Qt GUI and OpenCV types so that the recorder's
/// public headers stay light; PNG coding and matching convert inside their .cpp files.
class Image {
public:
    Image() = default;
    Image(int width, int height);

    bool isNull() const { return m_width <= 0 || m_height <= 0; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    int stride() const { return m_width * 4; }
    Rect rect() const { return {0, 0, m_width, m_height}; }
    const uchar* constBits() const { return reinterpret_cast<const uchar*>(m_data.constData()); }
    uchar* bits() { return reinterpret_cast<uchar*>(m_data.data()); }

    /// The part of the image inside `r` (clipped to the image).
    Image copy(const Rect& r) const;
    /// Copies `source` into this image with its top-left corner at `at` (clipped).
    void paste(const Image& source, Point at);
    /// Draws a rectangle outline `thickness` pixels wide (for failure screenshots).
    void drawRect(const Rect& r, quint32 rgb, int thickness = 3);

    std::expected<QByteArray, QString> toPng() const;
    static std::expected<Image, QString> fromPng(QByteArrayView png);
    /// Writes a PNG all-or-nothing.
    std::expected<void, QString> save(const QString& path) const;
    static std::expected<Image, QString> load(const QString& path);

    bool operator==(const Image& other) const
    {
        return m_width == other.m_width && m_height == other.m_height && m_data == other.m_data;
    }

private:
    int m_width = 0;
    int m_height = 0;
    QByteArray m_data;
};

} // namespace taskloom::recorder
