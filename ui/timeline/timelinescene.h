#pragma once
// What the timeline draws for one layout, computed from the index and kept while the view
// stays the same: per lane either symbols and bars packed into sub-rows or density bars, and
// the overview strip's bars. Also answers what lies under a point.

#include "eventindex.h"
#include "timelinelane.h"
#include "timelinelayout.h"

#include <QRectF>
#include <QUuid>

#include <cstdint>
#include <optional>
#include <vector>

class QPointF;

namespace fa {

/// What lies under a point of a drawn timeline (TimelinePainter::Hit).
struct TimelineHit {
    enum class Kind { None, Event, Density } kind = Kind::None;
    std::uint32_t row = 0; ///< index row (Event), valid until the index changes
    QUuid id;              ///< Event
    int lane = -1;
    std::uint32_t count = 0;         ///< Density: events in the bucket
    qint64 fromSecs = 0, toSecs = 0; ///< Density: the bucket's time range
};

struct TimelineScene {
    enum class Kind : std::uint8_t { Instant, Span, Uncertain };
    struct Item {
        QRectF rect;
        std::uint32_t row = 0;
        QUuid id;
        Family family = Family::Incident;
        Kind kind = Kind::Instant;
        int lane = 0;
    };
    struct Lane {
        bool density = false;
        std::uint32_t total = 0; ///< events drawn (symbols) or counted (density)
        Histogram histogram;     ///< density: the counts behind the bars
        double bucketPx = 3;
        std::vector<QRectF> bars[kFamilyCount]; ///< density: ready to draw
    };

    // What the scene was computed for.
    int generation = -1;
    double from = 0, to = 0, px = 0;
    QRectF lanesRect;
    std::vector<QRectF> laneRects;

    std::vector<Item> items;
    double symbolSize = 10;
    std::vector<Lane> lanes;

    /// A lane turns into density bars when it holds more than one event per densityPx pixels
    /// (at scale 1) across the visible range. index may be nullptr (empty lanes).
    static TimelineScene build(const EventIndex* index, const std::vector<TimelineLane>& lanes,
                               const TimelineLayout& l, double densityPx);
    /// Whether the scene was built for this layout (its time range, scale and lane area).
    bool fits(const TimelineLayout& l) const;

    TimelineHit hitTest(const QPointF& pos) const; ///< events first, then density bars
    bool laneIsDensity(int lane) const;
    std::optional<QRectF> itemRect(const QUuid& id) const;
};

/// The overview strip's bars: the whole extent's histogram under the overview query.
struct TimelineOverview {
    // What the bars were computed for.
    int generation = -1;
    qint64 from = 0, to = 0;
    double px = 0;
    QRectF rect;

    std::vector<QRectF> bars[kFamilyCount];

    /// q's time fields are ignored (the extent is used). index may be nullptr (no bars).
    static TimelineOverview build(const EventIndex* index, const IndexQuery& q,
                                  const TimelineLayout& l, qint64 extentFrom, qint64 extentTo);
    bool fits(const TimelineLayout& l, qint64 extentFrom, qint64 extentTo) const;
};

} // namespace fa
