#include "briefingscene.h"

#include "basemappainter.h"
#include "eventstore.h"
#include "filterresolver.h"
#include "timeextent.h"
#include "timelinepainter.h"

#include <QPainter>

#include <QDateTime>

#include <algorithm>

namespace fa {

GeoBox defaultFrontierBox()
{
    return GeoBox{66.0, 35.5, 76.0, 40.5};
}

Result<BriefingScene> makeBriefingScene(const EventStore& store, const EventIndex& index,
                                        const BriefingSceneRequest& request)
{
    BriefingScene scene;
    scene.store = &store;
    scene.index = &index;
    scene.filter = request.filter;
    scene.generatedAt = QDateTime::currentDateTimeUtc();

    // The dataset's extent by the rule the window's timeline uses (TimeExtent).
    const TimeExtent extent = TimeExtent::of(index);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 first = extent.isEmpty() ? now - 365 * 86400 : extent.from();
    const qint64 last = extent.isEmpty() ? now : extent.to();
    const qint64 from = request.fromSecs.value_or(first);
    const qint64 to = request.toSecs.value_or(last);
    scene.extentFrom = std::min(first, from);
    scene.extentTo = std::max(last, to);
    if (to <= from)
        return Error::make(Error::Kind::Invalid,
                           QObject::tr("the time window ends before it starts"));
    scene.windowFrom = from;
    scene.windowTo = to;

    ResolvedQuery resolved = FilterResolver::resolve(&store, &index, request.filter, from, to);
    if (!resolved.ok())
        return Error::invalid(QStringLiteral("text"), resolved.error);
    scene.query = resolved.query;
    // The allow-list must outlive the scene's query: keep it alive with the scene.
    scene.allowKeepAlive = resolved.allow;

    if (request.mapBox) {
        scene.mapBox = *request.mapBox;
    } else {
        // Fit the events shown, with a margin, never tighter than about 100 km. Events far from
        // the frontier (a meeting in Moscow or Beijing) would shrink the frontier to a dot, so
        // when some events lie near it, only those are fitted.
        const std::vector<std::uint32_t> all = index.query(scene.query);
        const GeoBox nearFrontier{58.0, 30.0, 82.0, 46.0};
        std::vector<std::uint32_t> rows;
        for (std::uint32_t r : all)
            if (nearFrontier.contains(index.longitudeAt(r), index.latitudeAt(r)))
                rows.push_back(r);
        if (rows.empty())
            rows = all;
        const auto box = boundingBox(rows, [&index](std::uint32_t r) {
            return QPointF(index.longitudeAt(r), index.latitudeAt(r));
        });
        if (!box) {
            scene.mapBox = defaultFrontierBox();
        } else {
            const GeoBox b = *box;
            const double padLon = std::max(0.5, (b.east - b.west) * 0.08);
            const double padLat = std::max(0.4, (b.north - b.south) * 0.08);
            scene.mapBox =
                GeoBox{std::max(-180.0, b.west - padLon), std::max(-85.0, b.south - padLat),
                       std::min(180.0, b.east + padLon), std::min(85.0, b.north + padLat)};
        }
    }
    scene.selectEvents();
    return scene;
}

void installDefaultPainters(BriefingRenderer& renderer)
{
    if (std::shared_ptr<const BasemapPainter> basemap = BasemapPainter::shared()) {
        renderer.setBasemapPainter([basemap](QPainter* p, const MercatorView& view, qreal scale) {
            basemap->paint(p, view, scale);
        });
        renderer.setBasemapAttribution(basemap->basemap().attribution());
    }
    renderer.setTimelinePainter(
        [](QPainter* p, const QRectF& rect, const BriefingScene& scene, qreal scale) {
            if (!scene.index)
                return;
            // The screen's timeline painter over the exported window, with family lanes. The
            // briefing's reference picture is 1920 px wide, the screen's text is for a closer
            // look: text and symbols are drawn a little larger than on screen.
            TimelinePainter painter(scene.index);
            painter.setLanes(makeTimelineLanes(TimelineLaneMode::Family, *scene.index, scene.store,
                                               scene.query));
            painter.setOverviewQuery(scene.query, scene.allowKeepAlive);
            TimelineView view;
            view.visibleFrom = double(scene.windowFrom);
            view.visibleTo = double(scene.windowTo);
            view.windowFrom = scene.windowFrom;
            view.windowTo = scene.windowTo;
            view.extentFrom = std::min(scene.extentFrom, scene.windowFrom);
            view.extentTo = std::max(scene.extentTo, scene.windowTo);
            view.showWindow = false;
            view.fontFamily = QStringLiteral("DejaVu Sans");
            const qreal s = 1.35 * scale;
            const QRectF logical(rect.topLeft() / s, rect.size() / s);
            p->save();
            p->scale(s, s);
            painter.paint(p, logical, view, 1.0);
            p->restore();
        });
}

} // namespace fa
