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

#include "eventindex.h"
#include "timescale.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QPainter;

namespace fa {

class EventStore;
struct ResolvedQuery;

enum class TimelineLaneMode { Family, EventType, Country };

/// One horizontal lane: a label and the index query (the active filter narrowed to the lane).
/// The query's time fields are ignored (the painter sets them per view).
struct TimelineLane {
    QString label;
    IndexQuery query;
    std::shared_ptr<const std::vector<qint64>> allow; ///< keeps query.allowRowids alive
    /// Lanes by type: the type codes the lane holds. When every lane has them, the painter
    /// splits one pass over the window between the lanes instead of querying each lane.
    std::vector<int> typeCodes;
};

/// Each country's events as sorted store rowids (the index does not hold countries): one store
/// query per country, so callers keep it while the data does not change.
using CountryRowids = std::vector<std::pair<QString, std::vector<qint64>>>;
CountryRowids countryRowids(const EventIndex& index, const EventStore& store);

/// The lanes for a mode, narrowing `base` (the filter; see FilterResolver): one per family; one
/// per event type (the rarest merged into "Other types" beyond maxLanes); one per country
/// (from `countries`, else computed from the store; with neither, a single lane). `base`'s
/// allow-list must outlive the lanes (family and type lanes point at it).
std::vector<TimelineLane> makeTimelineLanes(TimelineLaneMode mode, const EventIndex& index,
                                            const EventStore* store, const IndexQuery& base,
                                            int maxLanes = 12,
                                            const CountryRowids* countries = nullptr);

/// What to draw, as plain values: the export edits a copy, never the live widget.
struct TimelineView {
    double visibleFrom = 0, visibleTo = 1; ///< UTC seconds across the lanes
    qint64 windowFrom = 0, windowTo = 1;   ///< the navigator's window (the brush)
    qint64 extentFrom = 0, extentTo = 1;   ///< the dataset's extent (the overview strip's range)
    bool cumulative = false;               ///< shade everything up to windowTo as active
    QUuid selected;                        ///< highlighted when drawn
    bool showLegend = true;
    bool showOverview = true;
    bool showWindow = true;    ///< the brush and the veil outside it
    QString fontFamily;        ///< empty: the application's default family
    double fontPixelSize = 11; ///< at scale 1
};

/// Where things are for a given target (the widget uses it for gestures).
struct TimelineLayout {
    QRectF target, legend, gutter, lanes, axis, overview;
    TimeScale scale;         ///< visible range across lanes.left() .. lanes.right()
    TimeScale overviewScale; ///< extent across overview.left() .. overview.right()
    std::vector<QRectF> laneRects;
    double px = 1; ///< the scale factor (1 = screen pixels)
};

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
    struct Hit {
        enum class Kind { None, Event, Density } kind = Kind::None;
        std::uint32_t row = 0; ///< index row (Event), valid until the index changes
        QUuid id;              ///< Event
        int lane = -1;
        std::uint32_t count = 0;         ///< Density: events in the bucket
        qint64 fromSecs = 0, toSecs = 0; ///< Density: the bucket's time range
    };
    Hit hitTest(const QPointF& pos) const;
    /// True when the lane was drawn as density in the last paint.
    bool laneIsDensity(int lane) const;
    /// The rect of an event's symbol or bar in the last paint (none if not drawn as one).
    std::optional<QRectF> itemRect(const QUuid& id) const;

private:
    struct Scene;
    struct Overview;
    void buildScene(const TimelineLayout& l);
    void buildOverview(const TimelineLayout& l, const TimelineView& view);
    void drawLanes(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawWindow(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawSelection(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawAxis(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawOverview(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawLegend(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    void drawGutter(QPainter* p, const TimelineLayout& l, const TimelineView& view) const;
    QFont font(const TimelineView& view, double px, double sizeFactor = 1.0) const;
    bool isUncertain(std::uint32_t row) const;

    const EventIndex* m_index = nullptr;
    std::vector<TimelineLane> m_lanes;
    std::vector<int> m_laneOfType; ///< type code -> lane, when the lanes are by type
    IndexQuery m_overviewQuery;
    std::shared_ptr<const std::vector<qint64>> m_overviewAllow;
    double m_densityPx = 2.0;
    int m_generation = 0; ///< bumped by invalidate(), setLanes(), setOverviewQuery()
    std::unique_ptr<Scene> m_scene;
    std::unique_ptr<Overview> m_overview;
};

} // namespace fa
