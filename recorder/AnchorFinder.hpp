#pragma once

#include "Image.hpp"

#include <QList>

#include <optional>

namespace taskloom::recorder {

struct AnchorMatch {
    Rect rect;         ///< where the anchor is on the screen (scaled size)
    double score = 0;  ///< normalised correlation, 1 is identical
    double scale = 1;  ///< anchor size on screen / recorded size
};

/// Image anchors: finding a recorded patch on the screen (OpenCV template matching, coarse-to-fine, across
/// scales for DPI and zoom changes) and choosing, at record time, a patch that is distinctive on its screen.
class AnchorFinder {
public:
    struct Search {
        double minScore = 0.8;
        QList<double> scales = {1.0};
        Rect region; ///< empty: the whole screen
        /// A match scoring this much (and at least minScore) ends the search at once: the remaining scales are
        /// not tried, so the likeliest scale goes first. Near-perfect by default; a replay that already knows the
        /// scale of this screen (from its last match) accepts less, since the first scale it tries is that one.
        double confident = 0.97;
    };

    /// Scales tried when the screen may have been zoomed since recording: `first` (the scale of the last match in
    /// this replay; 100 % before any), then 100 %, 125 %, 80 %, ... Each appears once.
    static QList<double> defaultScales(double first = 1.0);

    /// The best match scoring at least `minScore` (0.1 more at scales other than 100 %, where both images are
    /// softened to tolerate re-rendering, which also makes look-alikes score higher), or nullopt. Stops early on a
    /// confident match.
    static std::optional<AnchorMatch> find(const Image& screen, const Image& anchor, const Search& search);
    /// The best match at one scale, whatever its score (for reports: "best score 0.62").
    static AnchorMatch best(const Image& screen, const Image& anchor, double scale = 1.0);
    /// The second-best score of `anchor` on `screen` away from its best match: how close the nearest look-alike is.
    static double runnerUpScore(const Image& screen, const Image& anchor);

    struct Patch {
        Rect rect;
        bool unique = false; ///< false: even the largest patch matched more than once
    };
    /// Grows a patch centred on `at` until it matches only once on `screen` (and is not a flat area).
    static Patch distinctivePatch(const Image& screen, Point at, double uniqueBelow = 0.8);
};

} // namespace taskloom::recorder
