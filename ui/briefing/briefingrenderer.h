#pragma once
// Draws a briefing picture (title, caveat banners, map, timeline, legend, scale bar, north
// arrow, attribution, sources, time stamp, snapshot id) with QPainter into any target: a
// QImage for PNG/clipboard, a QPdfWriter for vector PDF, a widget for the live preview. One
// plot path for all of them; the view parameters are a copy, never the live window's state.

#include "eventfilter.h"
#include "eventindex.h"
#include "mercatorview.h"
#include "result.h"

#include <QDateTime>
#include <QPageSize>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QPainter;
class QImage;

namespace fa {

class EventStore;

/// What to put on the picture: plain values, edited by the export dialog and the CLI and
/// remembered in QSettings by the dialog.
struct BriefingSettings {
    enum class Content { Map, Timeline, MapAndTimeline };
    Content content = Content::MapAndTimeline;
    QString title;    ///< empty: "Frontier events, <window>"
    QString subtitle; ///< empty: the active filter in words
    QString caveat;   ///< handling caveat printed as a banner top and bottom; empty: none
    bool legend = true;
    bool scaleBar = true;
    bool northArrow = true;
    bool attribution = true;
    bool sourcesLine = true;
    bool timestamp = true;
};

/// The data side of a briefing: what is shown, as a copy of the view parameters.
struct BriefingScene {
    const EventStore* store = nullptr; ///< for the sources line (may be null)
    const EventIndex* index = nullptr;
    EventFilter filter; ///< the active filter (for words and the snapshot id)
    /// The same filter resolved for the index, window included; selectEvents() adds the map box
    IndexQuery query;
    qint64 windowFrom = 0; ///< UTC seconds
    qint64 windowTo = 0;
    qint64 extentFrom = 0; ///< the dataset's time extent (the timeline's overview strip)
    qint64 extentTo = 0;
    GeoBox mapBox;         ///< the area the map must show (the view fits it)
    QString datasetName;   ///< e.g. the database file's name
    QDateTime generatedAt; ///< UTC; set by the caller so that tests are repeatable
    std::shared_ptr<const std::vector<qint64>> allowKeepAlive; ///< owns query.allowRowids
    /// The events the briefing shows: the index rows matching query within mapBox (window ∩
    /// map box ∩ filter), in time order. The subtitle's count, the snapshot id, the legend and
    /// the sources line all describe this one set; the map and the timeline draw it.
    std::shared_ptr<const std::vector<std::uint32_t>> shown;

    /// Narrows query to mapBox and fixes `shown` from the index. makeBriefingScene calls it;
    /// the renderer calls it for a scene that was not through it.
    void selectEvents();
};

class BriefingRenderer {
public:
    /// Optional painters supplied by the ui: the basemap (vector layers under the markers) and
    /// the timeline strip. Without them the map shows plain land/water and the timeline a
    /// density histogram per family.
    using BasemapPainter = std::function<void(QPainter*, const MercatorView&, qreal scale)>;
    using TimelinePainter =
        std::function<void(QPainter*, const QRectF&, const BriefingScene&, qreal scale)>;

    BriefingRenderer(BriefingSettings settings, BriefingScene scene);

    void setBasemapPainter(BasemapPainter p) { m_basemap = std::move(p); }
    void setTimelinePainter(TimelinePainter p) { m_timeline = std::move(p); }
    void setBasemapAttribution(QString text) { m_basemapAttribution = std::move(text); }

    /// Draws the whole briefing into target. scale: 1.0 for a 1920x1080 picture; text, lines
    /// and markers grow with it so that 3840x2160 and 300 dpi pages look the same, only crisper.
    void render(QPainter* painter, const QRectF& target, qreal scale) const;

    /// Scale that makes a target of this size look like the 1920x1080 reference.
    static qreal scaleFor(const QSizeF& size);

    QImage renderImage(const QSize& size) const;
    Status writePng(const QString& path, const QSize& size) const;
    Status writePdf(const QString& path, const QPageSize& page, int dpi) const;

    /// Short hash of the events shown and the filter: lets a slide be traced back to its data.
    QString snapshotId() const;
    /// The families the legend names: those of the events shown, in Family order.
    std::vector<Family> legendFamilies() const;
    /// The footer's data line: the dataset and, when at most 2,000 events are shown, the
    /// publishers most cited by them.
    QString sourcesText() const;
    QString effectiveTitle() const;
    QString effectiveSubtitle() const;
    /// The map view used for a map area of this size.
    MercatorView mapViewFor(const QRectF& mapRect) const;
    /// Where the map area lies inside a target (for tests that look at pixels).
    QRectF mapRectFor(const QRectF& target, qreal scale) const;
    /// The markers the map shows for a view: the index's clusters with the screen's cell size
    /// (Symbology::kClusterCellPx) times scale.
    std::vector<Cluster> clustersFor(const MercatorView& view, qreal scale) const;

    /// The filter in words, as the filter panel's summary says it (without the time window).
    static QString describeFilter(const EventFilter& f);

private:
    struct Layout;
    Layout layoutFor(const QRectF& target, qreal scale) const;
    void drawMap(QPainter* p, const QRectF& rect, qreal scale) const;
    void drawLegend(QPainter* p, const QRectF& mapRect, qreal scale,
                    const std::vector<Cluster>& clusters) const;
    void drawScaleBar(QPainter* p, const QRectF& mapRect, const MercatorView& view,
                      qreal scale) const;
    void drawNorthArrow(QPainter* p, const QRectF& mapRect, qreal scale) const;
    void drawFallbackTimeline(QPainter* p, const QRectF& rect, qreal scale) const;

    BriefingSettings m_settings;
    BriefingScene m_scene;
    BasemapPainter m_basemap;
    TimelinePainter m_timeline;
    QString m_basemapAttribution;
};

} // namespace fa
