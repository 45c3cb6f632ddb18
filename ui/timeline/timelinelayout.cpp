#include "timelinelayout.h"

#include <QFontMetricsF>

#include <algorithm>

namespace fa {

TimelineLayout TimelineLayout::compute(const QRectF& target, const TimelineView& view, qreal scale,
                                       const std::vector<TimelineLane>& lanes)
{
    TimelineLayout l;
    const double px = scale > 0 ? scale : 1.0;
    l.px = px;
    l.target = target;

    // The gutter fits the longest lane label (within limits).
    const QFontMetricsF fm(view.font(px));
    double labelW = fm.horizontalAdvance(QStringLiteral("Overview"));
    for (const TimelineLane& lane : lanes)
        labelW = std::max(labelW, fm.horizontalAdvance(lane.label));
    const QFontMetricsF sfm(view.font(px, 0.82));
    labelW = std::max(labelW, sfm.horizontalAdvance(QStringLiteral("888,888 · density")));
    const double gutterW = std::clamp(labelW + 14 * px, 72 * px, 170 * px);
    const double pad = 6 * px;

    // A short target keeps its lanes: the legend goes first, then the overview strip.
    const bool showLegend = view.showLegend && target.height() >= 190 * px;
    const bool showOverview = view.showOverview && target.height() >= 140 * px;
    const double legendH = showLegend ? 20 * px : 0;
    const double axisH = 34 * px;
    const double overviewH = showOverview ? 34 * px : 0;
    const double lanesTop = target.top() + legendH + (showLegend ? 0 : pad / 2);
    const double lanesH = std::max(10 * px, target.height() - legendH - axisH - overviewH -
                                                (showLegend ? 0 : pad / 2));
    const double left = target.left() + gutterW;
    const double width = std::max(10 * px, target.width() - gutterW - pad);

    l.legend = QRectF(left, target.top(), width, legendH);
    l.gutter = QRectF(target.left(), lanesTop, gutterW, lanesH);
    l.lanes = QRectF(left, lanesTop, width, lanesH);
    l.axis = QRectF(left, l.lanes.bottom(), width, axisH);
    l.overview =
        showOverview ? QRectF(left, l.axis.bottom() + 2 * px, width, overviewH - 6 * px) : QRectF();
    l.scale = TimeScale(view.visibleFrom, view.visibleTo, left, width);
    l.overviewScale = TimeScale(double(view.extentFrom), double(view.extentTo), left, width);

    const int n = std::max<int>(1, int(lanes.size()));
    const double laneH = lanesH / n;
    for (int i = 0; i < int(lanes.size()); ++i)
        l.laneRects.emplace_back(left, lanesTop + i * laneH, width, laneH);
    return l;
}

} // namespace fa
