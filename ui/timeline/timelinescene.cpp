#include "timelinescene.h"

#include "timelinelanehistogram.h"

#include <QPointF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fa {

namespace {

qint64 clampToQint64(double v)
{
    constexpr double lim = 9.0e18;
    return qint64(std::clamp(v, -lim, lim));
}

bool isUncertain(const EventIndex& index, std::uint32_t row)
{
    // A date known only to the month or year covers that month or year (EventIndex::coverage):
    // drawn faint, not as a precise tick or a solid span.
    const TimePrecision p = index.timePrecisionAt(row);
    return p == TimePrecision::Month || p == TimePrecision::Year;
}

/// Bars stacked by family, linear in the count, at least 1.5 px tall when non-zero.
void buildDensityBars(TimelineScene::Lane& lane, const QRectF& r, const TimelineLayout& l)
{
    const double px = l.px;
    const Histogram& h = lane.histogram;
    const double usable = r.height() - 6 * px;
    const double bw = lane.bucketPx;
    const double barW = bw > 2.5 * px ? bw - 1 * px : bw; // a gap between wide bars
    const double maxTotal = std::max<std::uint32_t>(1, h.maxTotal);
    for (int b = 0; b < h.buckets; ++b) {
        double y = r.bottom() - 2 * px;
        std::uint32_t bucketTotal = 0;
        for (int f = 0; f < kFamilyCount; ++f)
            bucketTotal += h.counts[f][std::size_t(b)];
        if (bucketTotal == 0)
            continue;
        const double height = std::max(1.5 * px, usable * double(bucketTotal) / maxTotal);
        for (int f = 0; f < kFamilyCount; ++f) {
            const std::uint32_t c = h.counts[f][std::size_t(b)];
            if (c == 0)
                continue;
            const double hf = height * double(c) / bucketTotal;
            lane.bars[f].emplace_back(std::round(l.lanes.left()) + b * bw, y - hf, barW, hf);
            y -= hf;
        }
    }
}

/// Symbols and span bars of a lane's rows, packed into sub-rows so that they do not hide each
/// other.
void buildItems(TimelineScene& s, const EventIndex& index, const std::vector<std::uint32_t>& rows,
                int laneIndex, const QRectF& r, const TimelineLayout& l)
{
    using Kind = TimelineScene::Kind;
    const double px = l.px;
    const double size = std::clamp(r.height() * 0.62, 5 * px, 11 * px);
    s.symbolSize = size;
    const double gap = 1.5 * px;
    const int subRows = std::max(1, int((r.height() - 4 * px) / (size + gap)));
    const double usedH = subRows * (size + gap) - gap;
    const double top = r.center().y() - usedH / 2;
    std::vector<double> lastRight(std::size_t(subRows), -std::numeric_limits<double>::max());
    std::vector<int> order;
    for (int j = 0; j < subRows; ++j)
        order.push_back(j);
    const double mid = (subRows - 1) / 2.0;
    std::stable_sort(order.begin(), order.end(),
                     [mid](int a, int b) { return std::abs(a - mid) < std::abs(b - mid); });
    for (const std::uint32_t row : rows) {
        const auto [c0, c1] = index.coverage(row);
        TimelineScene::Item it;
        it.row = row;
        it.id = index.idAt(row);
        it.family = index.familyAt(row);
        it.lane = laneIndex;
        const double x0 = l.scale.xOf(double(c0));
        double x1 = l.scale.xOf(double(c1));
        double left, right;
        if (c1 - c0 <= 1) {
            it.kind = Kind::Instant;
            left = x0 - size / 2;
            right = x0 + size / 2;
        } else {
            it.kind = isUncertain(index, row) ? Kind::Uncertain : Kind::Span;
            x1 = std::max(x1, x0 + 3 * px);
            // Clip to the visible range (a decade-long span must not make a huge rect).
            left = std::max(x0, l.lanes.left() - 10 * px);
            right = std::min(x1, l.lanes.right() + 10 * px);
            if (right <= left)
                continue;
        }
        // Sub-rows are tried from the lane's middle outwards, so that a quiet lane shows
        // its events on its centre line.
        int k = -1;
        for (int j = 0; j < subRows && k < 0; ++j) {
            const int cand = order[std::size_t(j)];
            if (lastRight[std::size_t(cand)] + gap <= left)
                k = cand;
        }
        if (k < 0) // no free sub-row: overlap where it overlaps least
            k = int(std::min_element(lastRight.begin(), lastRight.end()) - lastRight.begin());
        lastRight[std::size_t(k)] = std::max(lastRight[std::size_t(k)], right);
        const double cy = top + k * (size + gap) + size / 2;
        switch (it.kind) {
        case Kind::Instant:
            it.rect = QRectF(left, cy - size / 2, size, size);
            break;
        case Kind::Span:
            it.rect = QRectF(left, cy - size * 0.3, right - left, size * 0.6);
            break;
        case Kind::Uncertain:
            it.rect = QRectF(left, cy - size / 2, right - left, size);
            break;
        }
        s.items.push_back(std::move(it));
    }
}

} // namespace

TimelineScene TimelineScene::build(const EventIndex* index, const std::vector<TimelineLane>& lanes,
                                   const TimelineLayout& l, double densityPx)
{
    TimelineScene s;
    s.from = l.scale.fromSecs();
    s.to = l.scale.toSecs();
    s.px = l.px;
    s.lanesRect = l.lanes;
    s.laneRects = l.laneRects;
    s.lanes.resize(lanes.size());
    if (!index)
        return s;

    const qint64 vFrom = clampToQint64(std::floor(l.scale.fromSecs()));
    const qint64 vTo = clampToQint64(std::ceil(l.scale.toSecs()));
    const double px = l.px;
    // Buckets of a whole number of pixels, so that the bars do not beat against the pixel grid;
    // the histogram covers exactly buckets * bucketPx (the few pixels left at the right edge
    // belong to no bucket).
    const double bucketPx = std::max(2.0, std::round(3 * px));
    const int buckets = std::max(1, int(l.lanes.width() / bucketPx));
    const qint64 hTo =
        std::max(vFrom + buckets,
                 clampToQint64(std::ceil(l.scale.secsAt(l.lanes.left() + buckets * bucketPx))));
    const double threshold = l.lanes.width() / (densityPx * px);

    TimelineLaneRange range;
    range.fromSecs = vFrom;
    range.toSecs = hTo;
    range.buckets = buckets;
    range.rowsToSecs = vTo;
    range.rowCap = std::size_t(threshold * 4) + 1000;
    std::vector<TimelineLaneHistogram> inputs = timelineLaneHistograms(*index, lanes, range);

    for (std::size_t i = 0; i < lanes.size(); ++i) {
        Lane& lane = s.lanes[i];
        const QRectF& r = l.laneRects[i];
        TimelineLaneHistogram& in = inputs[i];
        lane.total = in.total;

        if (double(in.total) > threshold) {
            lane.density = true;
            lane.bucketPx = bucketPx;
            lane.histogram = std::move(in.histogram);
            buildDensityBars(lane, r, l);
            continue;
        }

        if (!in.haveRows) {
            IndexQuery q = lanes[i].query;
            q.fromSecs = vFrom;
            q.toSecs = vTo;
            q.overlap = true;
            in.rows = index->query(q);
        }
        lane.total = std::uint32_t(in.rows.size());
        buildItems(s, *index, in.rows, int(i), r, l);
    }
    return s;
}

bool TimelineScene::fits(const TimelineLayout& l) const
{
    return from == l.scale.fromSecs() && to == l.scale.toSecs() && px == l.px &&
           lanesRect == l.lanes;
}

TimelineHit TimelineScene::hitTest(const QPointF& pos) const
{
    TimelineHit hit;
    // Topmost first: instants are drawn last.
    const double slop = 2 * px;
    double best = std::numeric_limits<double>::max();
    const Item* found = nullptr;
    for (const Item& it : items) {
        if (!it.rect.adjusted(-slop, -slop, slop, slop).contains(pos))
            continue;
        const double rank = (it.kind == Kind::Instant ? 0 : 1e6) +
                            std::abs(it.rect.center().x() - pos.x()) +
                            (it.kind == Kind::Uncertain ? 1e6 : 0);
        if (rank < best) {
            best = rank;
            found = &it;
        }
    }
    if (found) {
        hit.kind = TimelineHit::Kind::Event;
        hit.row = found->row;
        hit.id = found->id;
        hit.lane = found->lane;
        return hit;
    }
    for (std::size_t i = 0; i < laneRects.size() && i < lanes.size(); ++i) {
        const Lane& lane = lanes[i];
        const Histogram& h = lane.histogram;
        if (!lane.density || h.buckets <= 0 || !laneRects[i].contains(pos))
            continue;
        const int b = std::clamp(int((pos.x() - std::round(lanesRect.left())) / lane.bucketPx), 0,
                                 h.buckets - 1);
        hit.kind = TimelineHit::Kind::Density;
        hit.lane = int(i);
        for (const auto& v : h.counts)
            hit.count += v.empty() ? 0 : v[std::size_t(b)];
        // The bucket's range by the rule that counted it.
        hit.fromSecs = EventIndex::bucketStart(h.fromSecs, h.toSecs, h.buckets, b);
        hit.toSecs = EventIndex::bucketStart(h.fromSecs, h.toSecs, h.buckets, b + 1);
        return hit;
    }
    return hit;
}

bool TimelineScene::laneIsDensity(int lane) const
{
    return lane >= 0 && lane < int(lanes.size()) && lanes[std::size_t(lane)].density;
}

std::optional<QRectF> TimelineScene::itemRect(const QUuid& id) const
{
    if (id.isNull())
        return std::nullopt;
    for (const Item& it : items) {
        if (it.id == id)
            return it.rect;
    }
    return std::nullopt;
}

TimelineOverview TimelineOverview::build(const EventIndex* index, const IndexQuery& query,
                                         const TimelineLayout& l, qint64 extentFrom,
                                         qint64 extentTo)
{
    TimelineOverview o;
    o.from = extentFrom;
    o.to = extentTo;
    o.rect = l.overview;
    o.px = l.px;
    if (!index || extentTo <= extentFrom || !l.overview.isValid())
        return o;
    const int buckets = std::max(1, int(l.overview.width() / (2 * l.px)));
    IndexQuery q = query;
    q.fromSecs = extentFrom;
    q.toSecs = extentTo;
    const Histogram h = index->histogram(q, buckets);
    const double bw = l.overview.width() / buckets;
    const double usable = l.overview.height() - 3 * l.px;
    const double maxTotal = std::max<std::uint32_t>(1, h.maxTotal);
    for (int b = 0; b < h.buckets; ++b) {
        double y = l.overview.bottom();
        for (int f = 0; f < kFamilyCount; ++f) {
            const std::uint32_t c = h.counts[f].empty() ? 0 : h.counts[f][std::size_t(b)];
            if (c == 0)
                continue;
            // Linear like the lanes' bars, at least a pixel so that one event shows.
            const double hf = std::max(1.0 * l.px, usable * (c / maxTotal));
            o.bars[f].emplace_back(l.overview.left() + b * bw, y - hf, bw, hf);
            y -= hf;
        }
    }
    return o;
}

bool TimelineOverview::fits(const TimelineLayout& l, qint64 extentFrom, qint64 extentTo) const
{
    return from == extentFrom && to == extentTo && rect == l.overview && px == l.px;
}

} // namespace fa
