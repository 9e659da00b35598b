#pragma once

#include <algorithm>

namespace taskloom::recorder {

struct Point {
    int x = 0;
    int y = 0;

    bool operator==(const Point&) const = default;
};

/// A rectangle in screen pixels; (x, y) is the top-left corner.
struct Rect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool isEmpty() const { return width <= 0 || height <= 0; }
    bool contains(Point p) const { return p.x >= x && p.y >= y && p.x < x + width && p.y < y + height; }
    bool contains(const Rect& r) const
    {
        return r.x >= x && r.y >= y && r.x + r.width <= x + width && r.y + r.height <= y + height;
    }
    Point topLeft() const { return {x, y}; }
    Point center() const { return {x + width / 2, y + height / 2}; }
    Rect intersected(const Rect& r) const
    {
        const int l = std::max(x, r.x), t = std::max(y, r.y);
        const int rr = std::min(x + width, r.x + r.width), b = std::min(y + height, r.y + r.height);
        return rr > l && b > t ? Rect{l, t, rr - l, b - t} : Rect{};
    }
    bool operator==(const Rect&) const = default;
};

} // namespace taskloom::recorder
