#include "timelinepainter.h"

#include "symbology.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fa {

namespace {

// Colours of the chrome (the families' colours come from Symbology).
const QColor kInk(0x26, 0x2b, 0x33);
const QColor kMuted(0x6b, 0x72, 0x80);
const QColor kGrid(0xe3, 0xe6, 0xea);
const QColor kLaneA(0xff, 0xff, 0xff);
const QColor kLaneB(0xf6, 0xf7, 0xf9);
const QColor kGutter(0xee, 0xf0, 0xf3);
const QColor kBrush(0x37, 0x47, 0x4f);         // window edges and handles
const QColor kBrushTint(0x54, 0x6e, 0x7a, 34); // inside the window
const QColor kVeil(0xff, 0xff, 0xff, 165);     // outside the effective window

QColor withAlpha(QColor c, int a)
{
    c.setAlpha(a);
    return c;
}

} // namespace

TimelinePainter::TimelinePainter(const EventIndex* index) : m_index(index) {}
TimelinePainter::~TimelinePainter() = default;

void TimelinePainter::setIndex(const EventIndex* index)
{
    m_index = index;
    invalidate();
}

void TimelinePainter::setLanes(std::vector<TimelineLane> lanes)
{
    m_lanes = std::move(lanes);
    invalidate();
}

void TimelinePainter::setOverviewQuery(const IndexQuery& q,
                                       std::shared_ptr<const std::vector<qint64>> allow)
{
    m_overviewQuery = q;
    m_overviewAllow = std::move(allow);
    invalidate();
}

void TimelinePainter::setDensityPixelsPerEvent(double px)
{
    m_densityPx = std::max(0.1, px);
    invalidate();
}

void TimelinePainter::invalidate()
{
    ++m_generation;
}

TimelineLayout TimelinePainter::layout(const QRectF& target, const TimelineView& view,
                                       qreal scale) const
{
    return TimelineLayout::compute(target, view, scale, m_lanes);
}

// ----------------------------------------------------------------------------------------------
// Painting

void TimelinePainter::paint(QPainter* p, const QRectF& target, const TimelineView& view,
                            qreal scale)
{
    const TimelineLayout l = layout(target, view, scale);
    // What to draw, recomputed only when the view, size, lanes or data changed.
    if (!m_scene || m_scene->generation != m_generation || !m_scene->fits(l)) {
        m_scene =
            std::make_unique<TimelineScene>(TimelineScene::build(m_index, m_lanes, l, m_densityPx));
        m_scene->generation = m_generation;
    }
    if (l.overview.isValid() && (!m_overview || m_overview->generation != m_generation ||
                                 !m_overview->fits(l, view.extentFrom, view.extentTo))) {
        IndexQuery q = m_overviewQuery;
        q.allowRowids = m_overviewAllow ? m_overviewAllow.get() : m_overviewQuery.allowRowids;
        m_overview = std::make_unique<TimelineOverview>(
            TimelineOverview::build(m_index, q, l, view.extentFrom, view.extentTo));
        m_overview->generation = m_generation;
    }

    p->save();
    p->setClipRect(target);
    p->fillRect(target, Qt::white);
    p->fillRect(l.gutter, kGutter);

    drawLanes(p, l, view);
    drawWindow(p, l, view);
    drawSelection(p, l, view);
    drawAxis(p, l, view);
    drawOverview(p, l, view);
    drawLegend(p, l, view);
    drawGutter(p, l, view);
    p->restore();
}

void TimelinePainter::drawLanes(QPainter* p, const TimelineLayout& l,
                                const TimelineView& view) const
{
    const double px = l.px;
    p->save();
    p->setClipRect(l.lanes);
    for (std::size_t i = 0; i < l.laneRects.size(); ++i)
        p->fillRect(l.laneRects[i], i % 2 ? kLaneB : kLaneA);

    // Grid lines at the axis's major ticks.
    const TimeScale::Step step = TimeScale::chooseStep(l.scale.secsPerPixel(), 56 * px);
    p->setPen(QPen(kGrid, 1 * px));
    for (const auto& t : l.scale.ticks(step))
        p->drawLine(QPointF(t.x, l.lanes.top()), QPointF(t.x, l.lanes.bottom()));

    // The window's band sits under the events.
    if (view.showWindow) {
        const double x0 = l.scale.xOf(double(view.windowFrom));
        const double x1 = l.scale.xOf(double(view.windowTo));
        p->fillRect(QRectF(QPointF(x0, l.lanes.top()), QPointF(x1, l.lanes.bottom())), kBrushTint);
    }

    p->setRenderHint(QPainter::Antialiasing, false);
    for (std::size_t i = 0; m_scene && i < m_scene->lanes.size(); ++i) {
        const TimelineScene::Lane& lane = m_scene->lanes[i];
        if (!lane.density)
            continue;
        p->setPen(Qt::NoPen);
        for (int f = 0; f < kFamilyCount; ++f) {
            if (lane.bars[f].empty())
                continue;
            p->setBrush(withAlpha(Symbology::familyColor(Family(f)), 210));
            p->drawRects(lane.bars[f].data(), int(lane.bars[f].size()));
        }
    }

    p->setRenderHint(QPainter::Antialiasing, true);
    if (m_scene) {
        const double size = m_scene->symbolSize;
        QPainterPath shapes[kFamilyCount];
        for (int f = 0; f < kFamilyCount; ++f)
            shapes[f] = Symbology::shapePath(Symbology::familyShape(Family(f)), size);
        const QPen outline(QColor(255, 255, 255, 230), 1.0 * px);
        QPen dashed(Qt::black, 1.0 * px, Qt::DashLine);
        // Faint spans first (uncertain dates), then explicit spans, then instants on top.
        for (int pass = 0; pass < 3; ++pass) {
            for (const TimelineScene::Item& it : m_scene->items) {
                const QColor c = Symbology::familyColor(it.family);
                if (pass == 0 && it.kind == TimelineScene::Kind::Uncertain) {
                    dashed.setColor(withAlpha(c, 150));
                    p->setPen(dashed);
                    p->setBrush(withAlpha(c, 48));
                    p->drawRoundedRect(it.rect, 2 * px, 2 * px);
                } else if (pass == 1 && it.kind == TimelineScene::Kind::Span) {
                    p->setPen(Qt::NoPen);
                    p->setBrush(withAlpha(c, 205));
                    p->drawRoundedRect(it.rect, it.rect.height() / 2, it.rect.height() / 2);
                } else if (pass == 2 && it.kind == TimelineScene::Kind::Instant) {
                    p->setPen(outline);
                    p->setBrush(c);
                    p->drawPath(shapes[int(it.family)].translated(it.rect.center()));
                }
            }
        }
    }

    // Lane separators.
    p->setRenderHint(QPainter::Antialiasing, false);
    p->setPen(QPen(kGrid.darker(108), 1 * px));
    for (std::size_t i = 1; i < l.laneRects.size(); ++i)
        p->drawLine(QPointF(l.lanes.left(), l.laneRects[i].top()),
                    QPointF(l.lanes.right(), l.laneRects[i].top()));
    p->restore();
}

void TimelinePainter::drawWindow(QPainter* p, const TimelineLayout& l,
                                 const TimelineView& view) const
{
    if (!view.showWindow)
        return;
    const double px = l.px;
    const qint64 effFrom =
        view.cumulative ? std::min(view.extentFrom, view.windowFrom) : view.windowFrom;
    const double e0 = std::max(l.lanes.left(), l.scale.xOf(double(effFrom)));
    const double x0 = l.scale.xOf(double(view.windowFrom));
    const double x1 = std::min(l.lanes.right(), l.scale.xOf(double(view.windowTo)));
    p->save();
    p->setClipRect(l.lanes.adjusted(-6 * px, 0, 6 * px, 0));
    // Veil what the filter leaves out.
    if (e0 > l.lanes.left())
        p->fillRect(QRectF(QPointF(l.lanes.left(), l.lanes.top()), QPointF(e0, l.lanes.bottom())),
                    kVeil);
    if (x1 < l.lanes.right())
        p->fillRect(
            QRectF(QPointF(std::max(x1, l.lanes.left()), l.lanes.top()), l.lanes.bottomRight()),
            kVeil);
    // Edges with grips (the handles the widget lets the user drag).
    p->setRenderHint(QPainter::Antialiasing, true);
    for (const double x : {x0, l.scale.xOf(double(view.windowTo))}) {
        if (x < l.lanes.left() - 1 || x > l.lanes.right() + 1)
            continue;
        p->setPen(QPen(kBrush, 1.5 * px));
        p->drawLine(QPointF(x, l.lanes.top()), QPointF(x, l.lanes.bottom()));
        const QRectF grip(x - 3.5 * px, l.lanes.top() + 2 * px, 7 * px, 16 * px);
        p->setPen(QPen(Qt::white, 1 * px));
        p->setBrush(kBrush);
        p->drawRoundedRect(grip, 2 * px, 2 * px);
    }
    p->restore();
}

void TimelinePainter::drawSelection(QPainter* p, const TimelineLayout& l,
                                    const TimelineView& view) const
{
    if (view.selected.isNull() || !m_index)
        return;
    const auto row = m_index->rowOf(view.selected);
    if (!row)
        return;
    const double px = l.px;
    const QColor sel = Symbology::selectionColor();
    p->save();
    p->setClipRect(l.lanes);
    p->setRenderHint(QPainter::Antialiasing, true);
    const double x = l.scale.xOf(double(m_index->startAt(*row)));
    // A line through every lane finds the event even where its lane shows density.
    p->setPen(QPen(withAlpha(sel, 200), 1.5 * px, Qt::DashLine));
    p->drawLine(QPointF(x, l.lanes.top()), QPointF(x, l.lanes.bottom()));
    if (const auto rect = itemRect(view.selected)) {
        p->setPen(QPen(sel, 2.5 * px));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(rect->adjusted(-3 * px, -3 * px, 3 * px, 3 * px), 3 * px, 3 * px);
    }
    p->restore();
}

void TimelinePainter::drawAxis(QPainter* p, const TimelineLayout& l, const TimelineView& view) const
{
    const double px = l.px;
    const QRectF a = l.axis;
    const TimeScale& s = l.scale;
    const TimeScale::Step major = TimeScale::chooseStep(s.secsPerPixel(), 56 * px);
    const TimeScale::Step minor = TimeScale::chooseMinorStep(major, s.secsPerPixel(), 7 * px);
    p->save();
    p->setClipRect(QRectF(l.target.left(), a.top(), l.target.width(), a.height()));
    p->setRenderHint(QPainter::Antialiasing, false);
    p->setPen(QPen(kMuted, 1 * px));
    p->drawLine(QPointF(a.left(), a.top()), QPointF(a.right(), a.top()));
    if (!(minor == major)) {
        for (const auto& t : s.ticks(minor)) {
            if (t.x >= a.left() && t.x <= a.right())
                p->drawLine(QPointF(t.x, a.top()), QPointF(t.x, a.top() + 3 * px));
        }
    }
    p->setRenderHint(QPainter::TextAntialiasing, true);
    const QFont f = view.font(px);
    p->setFont(f);
    const QFontMetricsF fm(f);
    double lastRight = -std::numeric_limits<double>::max();
    for (const auto& t : s.ticks(major)) {
        if (t.x < a.left() - 0.5 || t.x > a.right() + 0.5)
            continue;
        p->setPen(QPen(kInk, 1 * px));
        p->drawLine(QPointF(t.x, a.top()), QPointF(t.x, a.top() + 6 * px));
        const double w = fm.horizontalAdvance(t.label) + 2 * px; // slack against rounding
        QRectF r(t.x - w / 2, a.top() + 6 * px, w, fm.height());
        // Keep labels inside the axis and never on top of each other.
        if (r.left() < a.left())
            r.moveLeft(a.left());
        if (r.right() > l.target.right() - 2 * px)
            r.moveRight(l.target.right() - 2 * px);
        if (r.left() < lastRight + 4 * px)
            continue;
        p->drawText(r, Qt::AlignCenter, t.label);
        lastRight = r.right();
    }
    // The context row ("March 2024" under day ticks) with the first label pinned to the left.
    TimeScale::Step ctx;
    if (TimeScale::contextStep(major, ctx)) {
        const QFont bf = view.font(px, 0.95);
        p->setFont(bf);
        const QFontMetricsF bfm(bf);
        const double y = a.top() + 6 * px + fm.height();
        const auto segs = s.ticks(ctx, 400);
        for (std::size_t i = 0; i < segs.size(); ++i) {
            const double sx0 = std::max(a.left(), segs[i].x);
            const double sx1 = i + 1 < segs.size() ? std::min(a.right(), segs[i + 1].x) : a.right();
            if (segs[i].x >= a.left()) {
                p->setPen(QPen(kMuted, 1 * px));
                p->drawLine(QPointF(segs[i].x, y), QPointF(segs[i].x, y + bfm.height()));
            }
            const QString text = TimeScale::contextLabel(segs[i].secs, ctx);
            const double w = bfm.horizontalAdvance(text);
            if (sx1 - sx0 < w + 8 * px)
                continue;
            p->setPen(kMuted);
            p->drawText(QRectF(sx0 + 4 * px, y, w + 2 * px, bfm.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, text);
        }
    }
    p->restore();
}

void TimelinePainter::drawOverview(QPainter* p, const TimelineLayout& l,
                                   const TimelineView& view) const
{
    if (!l.overview.isValid())
        return;
    const double px = l.px;
    const QRectF o = l.overview;
    p->save();
    p->setClipRect(o.adjusted(-1 * px, -1 * px, 1 * px, 1 * px));
    p->fillRect(o, QColor(0xf1, 0xf3, 0xf5));
    p->setRenderHint(QPainter::Antialiasing, false);
    if (m_overview) {
        p->setPen(Qt::NoPen);
        for (int f = 0; f < kFamilyCount; ++f) {
            if (m_overview->bars[f].empty())
                continue;
            p->setBrush(withAlpha(Symbology::familyColor(Family(f)), 190));
            p->drawRects(m_overview->bars[f].data(), int(m_overview->bars[f].size()));
        }
    }
    const TimeScale& os = l.overviewScale;
    // The window (the brush) and the visible range.
    if (view.showWindow) {
        const qint64 effFrom =
            view.cumulative ? std::min(view.extentFrom, view.windowFrom) : view.windowFrom;
        const double e0 = std::max(o.left(), os.xOf(double(effFrom)));
        const double x0 = os.xOf(double(view.windowFrom));
        const double x1 = std::max(x0 + 2 * px, os.xOf(double(view.windowTo)));
        if (e0 < x0)
            p->fillRect(QRectF(QPointF(e0, o.top()), QPointF(x0, o.bottom())),
                        withAlpha(kBrush, 28));
        p->fillRect(QRectF(QPointF(x0, o.top()), QPointF(x1, o.bottom())), withAlpha(kBrush, 60));
        p->setPen(QPen(kBrush, 1.5 * px));
        p->drawLine(QPointF(x0, o.top()), QPointF(x0, o.bottom()));
        p->drawLine(QPointF(x1, o.top()), QPointF(x1, o.bottom()));
    }
    const double v0 = std::max(o.left() - 1 * px, os.xOf(l.scale.fromSecs()));
    const double v1 = std::min(o.right() + 1 * px, os.xOf(l.scale.toSecs()));
    p->setPen(QPen(kInk, 1 * px));
    p->setBrush(Qt::NoBrush);
    p->drawRect(QRectF(QPointF(v0, o.top()), QPointF(std::max(v1, v0 + 2 * px), o.bottom() - 1)));
    // The selected event's place in the whole dataset.
    if (!view.selected.isNull() && m_index) {
        if (const auto row = m_index->rowOf(view.selected)) {
            const double x = os.xOf(double(m_index->startAt(*row)));
            p->setPen(QPen(Symbology::selectionColor(), 2 * px));
            p->drawLine(QPointF(x, o.top()), QPointF(x, o.bottom()));
        }
    }
    // Year labels of the extent's ends.
    const QFont f = view.font(px, 0.85);
    p->setFont(f);
    p->setPen(kMuted);
    const QString first = TimeScale::label(view.extentFrom, {TimeScale::Unit::Year, 1});
    const QString last = TimeScale::label(view.extentTo - 1, {TimeScale::Unit::Year, 1});
    p->drawText(o.adjusted(3 * px, 1 * px, -3 * px, 0), Qt::AlignLeft | Qt::AlignTop, first);
    if (last != first)
        p->drawText(o.adjusted(3 * px, 1 * px, -3 * px, 0), Qt::AlignRight | Qt::AlignTop, last);
    p->restore();
}

void TimelinePainter::drawLegend(QPainter* p, const TimelineLayout& l,
                                 const TimelineView& view) const
{
    if (!l.legend.isValid())
        return;
    const double px = l.px;
    const QFont f = view.font(px, 0.95);
    const QFontMetricsF fm(f);
    p->save();
    p->setFont(f);
    p->setRenderHint(QPainter::Antialiasing, true);
    double x = l.legend.left();
    const double cy = l.legend.center().y();
    const double sw = 9 * px; // swatch size
    auto text = [&](const QString& s) {
        const double w = fm.horizontalAdvance(s);
        if (x + w > l.legend.right())
            return false;
        p->setPen(kInk);
        p->drawText(QRectF(x, l.legend.top(), w + 1 * px, l.legend.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, s);
        x += w + 12 * px;
        return true;
    };
    for (int fi = 0; fi < kFamilyCount; ++fi) {
        const Family fam = Family(fi);
        if (x + sw > l.legend.right())
            break;
        p->setPen(QPen(Qt::white, 1 * px));
        p->setBrush(Symbology::familyColor(fam));
        p->drawPath(Symbology::shapePath(Symbology::familyShape(fam), sw + 1 * px)
                        .translated(x + sw / 2, cy));
        x += sw + 4 * px;
        if (!text(Symbology::familyLabel(fam)))
            break;
    }
    const QColor neutral = kMuted;
    struct Key {
        int kind;
        QString label;
    };
    const Key keys[] = {{0, QObject::tr("span")},
                        {1, QObject::tr("date known to the month/year")},
                        {2, QObject::tr("density (crowded lane)")},
                        {3, QObject::tr("selected")}};
    for (const Key& k : keys) {
        const double w = 18 * px;
        if (x + w + fm.horizontalAdvance(k.label) > l.legend.right())
            break;
        const QRectF r(x, cy - sw / 2, w, sw);
        switch (k.kind) {
        case 0:
            p->setPen(Qt::NoPen);
            p->setBrush(withAlpha(neutral, 205));
            p->drawRoundedRect(r.adjusted(0, sw * 0.2, 0, -sw * 0.2), sw * 0.3, sw * 0.3);
            break;
        case 1:
            p->setPen(QPen(withAlpha(neutral, 150), 1 * px, Qt::DashLine));
            p->setBrush(withAlpha(neutral, 48));
            p->drawRoundedRect(r, 2 * px, 2 * px);
            break;
        case 2:
            p->setPen(Qt::NoPen);
            p->setBrush(withAlpha(neutral, 210));
            for (int b = 0; b < 5; ++b) {
                const double h = sw * (0.3 + 0.7 * ((b * 37) % 5) / 4.0);
                p->drawRect(QRectF(x + b * 3.6 * px, r.bottom() - h, 2.8 * px, h));
            }
            break;
        case 3:
            p->setPen(QPen(Symbology::selectionColor(), 2 * px));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(r.adjusted(3 * px, -1 * px, -3 * px, 1 * px), 2 * px, 2 * px);
            break;
        }
        x += w + 4 * px;
        text(k.label);
    }
    p->restore();
}

void TimelinePainter::drawGutter(QPainter* p, const TimelineLayout& l,
                                 const TimelineView& view) const
{
    const double px = l.px;
    const QFont f = view.font(px);
    const QFont small = view.font(px, 0.82);
    const QFontMetricsF fm(f), sfm(small);
    const QLocale locale;
    p->save();
    p->setPen(QPen(kGrid.darker(115), 1 * px));
    p->drawLine(QPointF(l.gutter.right(), l.gutter.top()),
                QPointF(l.gutter.right(), l.gutter.bottom()));
    for (std::size_t i = 0; i < l.laneRects.size() && i < m_lanes.size(); ++i) {
        const QRectF lr(l.gutter.left() + 6 * px, l.laneRects[i].top(), l.gutter.width() - 10 * px,
                        l.laneRects[i].height());
        QString sub;
        if (m_scene && i < m_scene->lanes.size()) {
            const TimelineScene::Lane& lane = m_scene->lanes[i];
            sub = lane.density      ? QObject::tr("%1 · density").arg(locale.toString(lane.total))
                  : lane.total == 1 ? QObject::tr("1 event")
                                    : QObject::tr("%1 events").arg(locale.toString(lane.total));
        }
        const bool twoLines = !sub.isEmpty() && lr.height() >= fm.height() + sfm.height();
        const double blockH = fm.height() + (twoLines ? sfm.height() : 0);
        const double y = lr.center().y() - blockH / 2;
        p->setFont(f);
        p->setPen(kInk);
        p->drawText(QRectF(lr.left(), y, lr.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(m_lanes[i].label, Qt::ElideRight, lr.width()));
        if (twoLines) {
            p->setFont(small);
            p->setPen(kMuted);
            p->drawText(QRectF(lr.left(), y + fm.height(), lr.width(), sfm.height()),
                        Qt::AlignLeft | Qt::AlignVCenter,
                        sfm.elidedText(sub, Qt::ElideRight, lr.width()));
        }
    }
    if (l.overview.isValid()) {
        p->setFont(small);
        p->setPen(kMuted);
        p->drawText(QRectF(l.target.left() + 6 * px, l.overview.top(), l.gutter.width() - 10 * px,
                           l.overview.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("All events"));
    }
    p->restore();
}

// ----------------------------------------------------------------------------------------------
// Hit testing

TimelinePainter::Hit TimelinePainter::hitTest(const QPointF& pos) const
{
    return m_scene ? m_scene->hitTest(pos) : Hit{};
}

bool TimelinePainter::laneIsDensity(int lane) const
{
    return m_scene && m_scene->laneIsDensity(lane);
}

std::optional<QRectF> TimelinePainter::itemRect(const QUuid& id) const
{
    return m_scene ? m_scene->itemRect(id) : std::nullopt;
}

} // namespace fa
