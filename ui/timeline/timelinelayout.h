#pragma once
// Where the parts of the timeline go in a target rectangle: legend, label gutter, lanes, time
// axis and overview strip, with the time scales across them.

#include "timelinelane.h"
#include "timelineview.h"
#include "timescale.h"

#include <QRectF>

#include <vector>

namespace fa {

struct TimelineLayout {
    QRectF target, legend, gutter, lanes, axis, overview;
    TimeScale scale;         ///< visible range across lanes.left() .. lanes.right()
    TimeScale overviewScale; ///< extent across overview.left() .. overview.right()
    std::vector<QRectF> laneRects;
    double px = 1; ///< the scale factor (1 = screen pixels)

    /// The layout for a target (the painter's logical coordinates) at scale (see
    /// TimelinePainter); the gutter fits the lanes' labels.
    static TimelineLayout compute(const QRectF& target, const TimelineView& view, qreal scale,
                                  const std::vector<TimelineLane>& lanes);
};

} // namespace fa
