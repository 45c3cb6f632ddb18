#pragma once
// Draws the timeline with a bare QPainter: lanes of events (symbols, span bars, faint spans for
// dates known only to the month or year, or density bars when a lane is crowded), the time
// axis, the overview strip with the whole dataset's histogram, the brushed window and a legend.
// One path for the screen (TimelineWidget::paintEvent) and for the briefing export (PNG, PDF):
//
//     fa::TimelinePainter painter(&index);                    // index outlives the painter
//     painter.setLanes(fa::makeTimelineLanes(fa::TimelineLaneMode::Family, index, store, query));
//     fa::TimelineView view;                                  // plain values, copy and edit
//     view.visibleFrom = ...; view.visibleTo = ...;           // the time range across the lanes
//     view.windowFrom = nav->windowFrom(); view.windowTo = nav->windowTo();
//     view.extentFrom = nav->extentFrom(); view.extentTo = nav->extentTo();
//     view.cumulative = nav->mode() == fa::TimeNavigator::Mode::Cumulative;
//     QPainter p(&pdfWriterOrImage);
//     painter.paint(&p, QRectF(0, 0, 1600, 400), view, 1.0);
//
// `target` is in the painter's logical coordinates; `scale` multiplies every font size, line
// width and margin (1.0 = screen pixels at 96 dpi; for a 300 dpi PNG of the same layout use a
// target 3.125 times larger and scale 3.125). Everything drawn is vector (no cached pixmaps),
// so a QPdfWriter gets a vector timeline. Fonts are set in pixels (QFont::setPixelSize).
//
// The painter caches what it computed for the last view (lane contents, overview histogram)
// and reuses it while the view, size, lanes and data stay the same; call invalidate() when the
// index changed.
//
// The parts: TimelineLane (which lanes a mode shows), TimelineLaneHistogram (what each lane
// holds in the visible range), TimelineLayout (where things go), TimelineScene (what to draw,
// and what lies under a point); this class keeps them cached and draws.

#include "eventindex.h"
#include "timelinelane.h"
#include "timelinelayout.h"
#include "timelinescene.h"
#include "timelineview.h"

#include <QRectF>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace fa {

class TimelinePainter {
public:
    /// index may be nullptr (draws empty lanes and the axis).
    explicit TimelinePainter(const EventIndex* index = nullptr);
    ~TimelinePainter();

    void setIndex(const EventIndex* index);
    void setLanes(std::vector<TimelineLane> lanes);
    const std::vector<TimelineLane>& lanes() const { return m_lanes; }
    /// The filter for the overview strip (time fields ignored); default: everything.
    void setOverviewQuery(const IndexQuery& q, std::shared_ptr<const std::vector<qint64>> allow);
    /// A lane turns into density bars when it holds more than one event per this many pixels
    /// (at scale 1) across the visible range. Default 2.
    void setDensityPixelsPerEvent(double px);
    void invalidate(); ///< the index's contents changed: recompute everything next time

    TimelineLayout layout(const QRectF& target, const TimelineView& view, qreal scale) const;
    void paint(QPainter* p, const QRectF& target, const TimelineView& view, qreal scale = 1.0);

    /// What lies under a point of the last painted target (events first, then density bars).
    using Hit = TimelineHit;
    Hit hitTest(const QPointF& pos) const;
    /// True when the lane was drawn as density in the last paint.
    bool laneIsDensity(int lane) const;
    /// The rect of an event's symbol or bar in the last paint (none if not drawn as one).
    std::optional<QRectF> itemRect(const QUuid& id) const;

private:
    void drawLanes(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawWindow(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawSelection(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawAxis(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawOverview(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawLegend(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawGutter(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;

    const EventIndex* m_index = nullptr;
    std::vector<TimelineLane> m_lanes;
    IndexQuery m_overviewQuery;
    std::shared_ptr<const std::vector<qint64>> m_overviewAllow;
    double m_densityPx = 2.0;
    int m_generation = 0; ///< bumped by invalidate(), setLanes(), setOverviewQuery()
    std::unique_ptr<TimelineScene> m_scene;
    std::unique_ptr<TimelineOverview> m_overview;
};

} // namespace fa
