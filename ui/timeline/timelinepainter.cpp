#include "timelinepainter.h"

#include "countries.h"
#include "eventstore.h"
#include "symbology.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

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

qint64 clampToQint64(double v)
{
    constexpr double lim = 9.0e18;
    return qint64(std::clamp(v, -lim, lim));
}

QColor withAlpha(QColor c, int a)
{
    c.setAlpha(a);
    return c;
}

std::vector<qint64> intersectSorted(const std::vector<qint64>& a, const std::vector<qint64>& b)
{
    std::vector<qint64> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

} // namespace

// ----------------------------------------------------------------------------------------------
// Lanes

CountryRowids countryRowids(const EventIndex& index, const EventStore& store)
{
    CountryRowids out;
    auto countries = store.distinctCountries();
    if (!countries)
        return out;
    for (const QString& code : countries.value()) {
        EventFilter f;
        f.countries = {code};
        auto ids = store.queryIds(f);
        if (!ids)
            continue;
        std::vector<qint64> rowids;
        rowids.reserve(ids->size());
        for (const QUuid& id : *ids) {
            if (auto row = index.rowOf(id))
                rowids.push_back(index.rowidAt(*row));
        }
        std::sort(rowids.begin(), rowids.end());
        out.emplace_back(code, std::move(rowids));
    }
    return out;
}

std::vector<TimelineLane> makeTimelineLanes(TimelineLaneMode mode, const EventIndex& index,
                                            const EventStore* store, const IndexQuery& base,
                                            int maxLanes, const CountryRowids* countries)
{
    maxLanes = std::max(2, maxLanes);
    std::vector<TimelineLane> lanes;
    IndexQuery all = base;
    all.fromSecs = std::numeric_limits<qint64>::min();
    all.toSecs = std::numeric_limits<qint64>::max();

    switch (mode) {
    case TimelineLaneMode::Family: {
        for (int f = 0; f < kFamilyCount; ++f) {
            TimelineLane lane;
            lane.label = Symbology::familyLanePlural(Family(f));
            lane.query = base;
            lane.query.familyMask = std::uint8_t(base.familyMask & (1u << f));
            lanes.push_back(std::move(lane));
        }
        return lanes;
    }
    case TimelineLaneMode::EventType: {
        const int n = index.typeCount();
        struct Candidate {
            int code;
            std::size_t count;
        };
        std::vector<Candidate> candidates;
        for (int code = 0; code < n; ++code) {
            if (!base.typeMask.empty() && code < int(base.typeMask.size()) &&
                !base.typeMask[std::size_t(code)])
                continue; // filtered out by the user
            IndexQuery q = all;
            q.typeMask.assign(std::size_t(n), false);
            q.typeMask[std::size_t(code)] = true;
            candidates.push_back({code, index.count(q)});
        }
        // Keep the busiest types; the rest share one lane.
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) { return a.count > b.count; });
        std::vector<Candidate> kept = candidates;
        std::vector<Candidate> rest;
        if (int(candidates.size()) > maxLanes) {
            kept.assign(candidates.begin(), candidates.begin() + (maxLanes - 1));
            rest.assign(candidates.begin() + (maxLanes - 1), candidates.end());
        }
        // Shown alphabetically so that a filter change does not reshuffle the lanes.
        std::sort(kept.begin(), kept.end(), [&](const Candidate& a, const Candidate& b) {
            return index.typeName(a.code).compare(index.typeName(b.code), Qt::CaseInsensitive) < 0;
        });
        for (const Candidate& c : kept) {
            TimelineLane lane;
            lane.label = index.typeName(c.code);
            if (lane.label.isEmpty())
                lane.label = QObject::tr("(no type)");
            lane.query = base;
            lane.query.typeMask.assign(std::size_t(n), false);
            lane.query.typeMask[std::size_t(c.code)] = true;
            lane.typeCodes = {c.code};
            lanes.push_back(std::move(lane));
        }
        if (!rest.empty()) {
            TimelineLane lane;
            lane.label = QObject::tr("Other types");
            lane.query = base;
            lane.query.typeMask.assign(std::size_t(n), false);
            for (const Candidate& c : rest) {
                lane.query.typeMask[std::size_t(c.code)] = true;
                lane.typeCodes.push_back(c.code);
            }
            lanes.push_back(std::move(lane));
        }
        return lanes;
    }
    case TimelineLaneMode::Country: {
        CountryRowids computed;
        if (!countries && store) {
            computed = countryRowids(index, *store);
            countries = &computed;
        }
        if (!countries || countries->empty()) {
            // Without the store nobody knows the countries: one lane with everything.
            TimelineLane lane;
            lane.label = QObject::tr("All countries");
            lane.query = base;
            lanes.push_back(std::move(lane));
            return lanes;
        }
        struct Candidate {
            QString code;
            std::vector<qint64> rowids;
        };
        std::vector<Candidate> candidates;
        for (const auto& [code, rowids] : *countries) {
            candidates.push_back(
                {code, base.allowRowids ? intersectSorted(rowids, *base.allowRowids) : rowids});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) {
                             return a.rowids.size() > b.rowids.size();
                         });
        std::vector<qint64> restRowids;
        QStringList restCodes;
        if (int(candidates.size()) > maxLanes) {
            for (auto it = candidates.begin() + (maxLanes - 1); it != candidates.end(); ++it) {
                restRowids.insert(restRowids.end(), it->rowids.begin(), it->rowids.end());
                restCodes << it->code;
            }
            candidates.resize(std::size_t(maxLanes - 1));
            std::sort(restRowids.begin(), restRowids.end());
        }
        for (Candidate& c : candidates) {
            TimelineLane lane;
            lane.label = countryNameWithCode(c.code);
            lane.query = base;
            lane.allow = std::make_shared<const std::vector<qint64>>(std::move(c.rowids));
            lane.query.allowRowids = lane.allow.get();
            lanes.push_back(std::move(lane));
        }
        if (!restCodes.isEmpty()) {
            TimelineLane lane;
            lane.label = QObject::tr("Other (%1)").arg(restCodes.join(QLatin1String(", ")));
            lane.query = base;
            lane.allow = std::make_shared<const std::vector<qint64>>(std::move(restRowids));
            lane.query.allowRowids = lane.allow.get();
            lanes.push_back(std::move(lane));
        }
        return lanes;
    }
    }
    return lanes;
}

// ----------------------------------------------------------------------------------------------
// Caches

struct TimelinePainter::Scene {
    // What the scene was computed for.
    int generation = -1;
    double from = 0, to = 0, px = 0;
    QRectF lanesRect;
    std::vector<QRectF> laneRects;

    enum class Kind : std::uint8_t { Instant, Span, Uncertain };
    struct Item {
        QRectF rect;
        std::uint32_t row = 0;
        QUuid id;
        Family family = Family::Incident;
        Kind kind = Kind::Instant;
        int lane = 0;
    };
    std::vector<Item> items;
    double symbolSize = 10;

    struct Lane {
        bool density = false;
        std::uint32_t total = 0; ///< events drawn (symbols) or counted (density)
        int buckets = 0;
        qint64 from = 0, to = 0;
        std::vector<std::uint32_t> counts[kFamilyCount];
        std::uint32_t maxTotal = 0;
        double bucketPx = 3;
        std::vector<QRectF> bars[kFamilyCount]; ///< ready to draw
    };
    std::vector<Lane> lanes;
};

struct TimelinePainter::Overview {
    int generation = -1;
    qint64 from = 0, to = 0;
    double width = 0, px = 0;
    QRectF rect;
    std::vector<QRectF> bars[kFamilyCount];
};

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
    m_laneOfType.clear();
    const bool byType = !m_lanes.empty() &&
                        std::all_of(m_lanes.begin(), m_lanes.end(), [](const TimelineLane& lane) {
                            return !lane.typeCodes.empty();
                        });
    for (std::size_t i = 0; byType && i < m_lanes.size(); ++i) {
        for (const int code : m_lanes[i].typeCodes) {
            if (code >= int(m_laneOfType.size()))
                m_laneOfType.resize(std::size_t(code) + 1, -1);
            m_laneOfType[std::size_t(code)] = int(i);
        }
    }
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

QFont TimelinePainter::font(const TimelineView& view, double px, double sizeFactor) const
{
    QFont f;
    if (!view.fontFamily.isEmpty())
        f.setFamily(view.fontFamily);
    f.setPixelSize(std::max(1, int(std::lround(view.fontPixelSize * sizeFactor * px))));
    return f;
}

// ----------------------------------------------------------------------------------------------
// Layout

TimelineLayout TimelinePainter::layout(const QRectF& target, const TimelineView& view,
                                       qreal scale) const
{
    TimelineLayout l;
    const double px = scale > 0 ? scale : 1.0;
    l.px = px;
    l.target = target;

    // The gutter fits the longest lane label (within limits).
    const QFontMetricsF fm(font(view, px));
    double labelW = fm.horizontalAdvance(QStringLiteral("Overview"));
    for (const TimelineLane& lane : m_lanes)
        labelW = std::max(labelW, fm.horizontalAdvance(lane.label));
    const QFontMetricsF sfm(font(view, px, 0.82));
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

    const int n = std::max<int>(1, int(m_lanes.size()));
    const double laneH = lanesH / n;
    for (int i = 0; i < int(m_lanes.size()); ++i)
        l.laneRects.emplace_back(left, lanesTop + i * laneH, width, laneH);
    return l;
}

// ----------------------------------------------------------------------------------------------
// Scene building

bool TimelinePainter::isUncertain(std::uint32_t row) const
{
    // A date known only to the month or year covers that month or year (EventIndex::coverage):
    // drawn faint, not as a precise tick or a solid span.
    const TimePrecision p = m_index->timePrecisionAt(row);
    return p == TimePrecision::Month || p == TimePrecision::Year;
}

void TimelinePainter::buildScene(const TimelineLayout& l)
{
    if (m_scene && m_scene->generation == m_generation && m_scene->from == l.scale.fromSecs() &&
        m_scene->to == l.scale.toSecs() && m_scene->px == l.px && m_scene->lanesRect == l.lanes)
        return;
    auto s = std::make_unique<Scene>();
    s->generation = m_generation;
    s->from = l.scale.fromSecs();
    s->to = l.scale.toSecs();
    s->px = l.px;
    s->lanesRect = l.lanes;
    s->laneRects = l.laneRects;
    s->lanes.resize(m_lanes.size());
    if (!m_index) {
        m_scene = std::move(s);
        return;
    }

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
    const double threshold = l.lanes.width() / (m_densityPx * px);

    // Per lane: events per bucket per family (starting in [vFrom, hTo)), and the rows when the
    // lane will show symbols.
    struct LaneInput {
        std::vector<std::uint32_t> counts[kFamilyCount];
        std::uint32_t total = 0, maxTotal = 0;
        std::vector<std::uint32_t> rows;
        bool haveRows = false;
    };
    std::vector<LaneInput> inputs(m_lanes.size());
    if (!m_laneOfType.empty()) {
        // Lanes by type: one pass over the window instead of one index walk per lane.
        IndexQuery q = m_lanes.front().query;
        q.typeMask.clear();
        q.fromSecs = vFrom;
        q.toSecs = vTo;
        q.overlap = true;
        const std::size_t rowCap = std::size_t(threshold * 4) + 1000;
        for (LaneInput& in : inputs) {
            for (auto& v : in.counts)
                v.assign(std::size_t(buckets), 0);
            in.haveRows = true;
        }
        const double perSec = double(buckets) / double(hTo - vFrom);
        for (const std::uint32_t row : m_index->query(q)) {
            const int code = m_index->typeCodeAt(row);
            if (code < 0 || code >= int(m_laneOfType.size()) || m_laneOfType[std::size_t(code)] < 0)
                continue;
            LaneInput& in = inputs[std::size_t(m_laneOfType[std::size_t(code)])];
            const qint64 start = m_index->startAt(row);
            if (start >= vFrom && start < hTo) {
                const int b = std::min(buckets - 1, int(double(start - vFrom) * perSec));
                ++in.counts[int(m_index->familyAt(row))][std::size_t(b)];
                ++in.total;
            }
            if (in.haveRows) {
                in.rows.push_back(row);
                if (in.rows.size() > rowCap) { // crowded: density for sure, rows not needed
                    in.haveRows = false;
                    in.rows = {};
                }
            }
        }
        for (LaneInput& in : inputs) {
            for (int b = 0; b < buckets; ++b) {
                std::uint32_t t = 0;
                for (const auto& v : in.counts)
                    t += v[std::size_t(b)];
                in.maxTotal = std::max(in.maxTotal, t);
            }
        }
    } else {
        for (std::size_t i = 0; i < m_lanes.size(); ++i) {
            IndexQuery q = m_lanes[i].query;
            q.fromSecs = vFrom;
            q.toSecs = hTo;
            Histogram h = m_index->histogram(q, buckets);
            LaneInput& in = inputs[i];
            for (int f = 0; f < kFamilyCount; ++f) {
                in.counts[f] = std::move(h.counts[f]);
                in.counts[f].resize(std::size_t(buckets), 0);
                in.total = std::accumulate(in.counts[f].begin(), in.counts[f].end(), in.total);
            }
            in.maxTotal = h.maxTotal;
        }
    }

    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        Scene::Lane& lane = s->lanes[i];
        const QRectF& r = l.laneRects[i];
        LaneInput& in = inputs[i];
        lane.total = in.total;

        if (double(in.total) > threshold) {
            lane.density = true;
            lane.buckets = buckets;
            lane.from = vFrom;
            lane.to = hTo;
            lane.bucketPx = bucketPx;
            lane.maxTotal = std::max<std::uint32_t>(1, in.maxTotal);
            // Bars stacked by family, linear in the count, at least 1.5 px tall when non-zero.
            const double usable = r.height() - 6 * px;
            const double bw = bucketPx;
            const double barW = bw > 2.5 * px ? bw - 1 * px : bw; // a gap between wide bars
            for (int b = 0; b < buckets; ++b) {
                double y = r.bottom() - 2 * px;
                std::uint32_t bucketTotal = 0;
                for (int f = 0; f < kFamilyCount; ++f)
                    bucketTotal += in.counts[f][std::size_t(b)];
                if (bucketTotal == 0)
                    continue;
                const double height =
                    std::max(1.5 * px, usable * double(bucketTotal) / lane.maxTotal);
                for (int f = 0; f < kFamilyCount; ++f) {
                    const std::uint32_t c = in.counts[f][std::size_t(b)];
                    if (c == 0)
                        continue;
                    const double hf = height * double(c) / bucketTotal;
                    lane.bars[f].emplace_back(std::round(l.lanes.left()) + b * bw, y - hf, barW,
                                              hf);
                    y -= hf;
                }
            }
            for (int f = 0; f < kFamilyCount; ++f)
                lane.counts[f] = std::move(in.counts[f]);
            continue;
        }

        // Symbols: pack the events into sub-rows so that they do not hide each other.
        if (!in.haveRows) {
            IndexQuery q = m_lanes[i].query;
            q.fromSecs = vFrom;
            q.toSecs = vTo;
            q.overlap = true;
            in.rows = m_index->query(q);
        }
        const std::vector<std::uint32_t>& rows = in.rows;
        lane.total = std::uint32_t(rows.size());
        const double size = std::clamp(r.height() * 0.62, 5 * px, 11 * px);
        s->symbolSize = size;
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
            const auto [c0, c1] = m_index->coverage(row);
            Scene::Item it;
            it.row = row;
            it.id = m_index->idAt(row);
            it.family = m_index->familyAt(row);
            it.lane = int(i);
            const double x0 = l.scale.xOf(double(c0));
            double x1 = l.scale.xOf(double(c1));
            double left, right;
            if (c1 - c0 <= 1) {
                it.kind = Scene::Kind::Instant;
                left = x0 - size / 2;
                right = x0 + size / 2;
            } else {
                it.kind = isUncertain(row) ? Scene::Kind::Uncertain : Scene::Kind::Span;
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
            case Scene::Kind::Instant:
                it.rect = QRectF(left, cy - size / 2, size, size);
                break;
            case Scene::Kind::Span:
                it.rect = QRectF(left, cy - size * 0.3, right - left, size * 0.6);
                break;
            case Scene::Kind::Uncertain:
                it.rect = QRectF(left, cy - size / 2, right - left, size);
                break;
            }
            s->items.push_back(std::move(it));
        }
    }
    m_scene = std::move(s);
}

void TimelinePainter::buildOverview(const TimelineLayout& l, const TimelineView& view)
{
    if (!l.overview.isValid())
        return;
    if (m_overview && m_overview->generation == m_generation &&
        m_overview->from == view.extentFrom && m_overview->to == view.extentTo &&
        m_overview->rect == l.overview && m_overview->px == l.px)
        return;
    auto o = std::make_unique<Overview>();
    o->generation = m_generation;
    o->from = view.extentFrom;
    o->to = view.extentTo;
    o->rect = l.overview;
    o->px = l.px;
    if (m_index && view.extentTo > view.extentFrom) {
        const int buckets = std::max(1, int(l.overview.width() / (2 * l.px)));
        IndexQuery q = m_overviewQuery;
        q.allowRowids = m_overviewAllow ? m_overviewAllow.get() : m_overviewQuery.allowRowids;
        q.fromSecs = view.extentFrom;
        q.toSecs = view.extentTo;
        const Histogram h = m_index->histogram(q, buckets);
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
                o->bars[f].emplace_back(l.overview.left() + b * bw, y - hf, bw, hf);
                y -= hf;
            }
        }
    }
    m_overview = std::move(o);
}

// ----------------------------------------------------------------------------------------------
// Painting

void TimelinePainter::paint(QPainter* p, const QRectF& target, const TimelineView& view,
                            qreal scale)
{
    const TimelineLayout l = layout(target, view, scale);
    buildScene(l);
    buildOverview(l, view);

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
        const Scene::Lane& lane = m_scene->lanes[i];
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
            for (const Scene::Item& it : m_scene->items) {
                const QColor c = Symbology::familyColor(it.family);
                if (pass == 0 && it.kind == Scene::Kind::Uncertain) {
                    dashed.setColor(withAlpha(c, 150));
                    p->setPen(dashed);
                    p->setBrush(withAlpha(c, 48));
                    p->drawRoundedRect(it.rect, 2 * px, 2 * px);
                } else if (pass == 1 && it.kind == Scene::Kind::Span) {
                    p->setPen(Qt::NoPen);
                    p->setBrush(withAlpha(c, 205));
                    p->drawRoundedRect(it.rect, it.rect.height() / 2, it.rect.height() / 2);
                } else if (pass == 2 && it.kind == Scene::Kind::Instant) {
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
    const QFont f = font(view, px);
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
        const QFont bf = font(view, px, 0.95);
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
    const QFont f = font(view, px, 0.85);
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
    const QFont f = font(view, px, 0.95);
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
    const QFont f = font(view, px);
    const QFont small = font(view, px, 0.82);
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
            const Scene::Lane& lane = m_scene->lanes[i];
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
    Hit hit;
    if (!m_scene)
        return hit;
    // Topmost first: instants are drawn last.
    const double slop = 2 * m_scene->px;
    double best = std::numeric_limits<double>::max();
    const Scene::Item* found = nullptr;
    for (const Scene::Item& it : m_scene->items) {
        if (!it.rect.adjusted(-slop, -slop, slop, slop).contains(pos))
            continue;
        const double rank = (it.kind == Scene::Kind::Instant ? 0 : 1e6) +
                            std::abs(it.rect.center().x() - pos.x()) +
                            (it.kind == Scene::Kind::Uncertain ? 1e6 : 0);
        if (rank < best) {
            best = rank;
            found = &it;
        }
    }
    if (found) {
        hit.kind = Hit::Kind::Event;
        hit.row = found->row;
        hit.id = found->id;
        hit.lane = found->lane;
        return hit;
    }
    for (std::size_t i = 0; i < m_scene->laneRects.size() && i < m_scene->lanes.size(); ++i) {
        const Scene::Lane& lane = m_scene->lanes[i];
        if (!lane.density || !m_scene->laneRects[i].contains(pos))
            continue;
        const double bw = lane.bucketPx;
        const int b = std::clamp(int((pos.x() - std::round(m_scene->lanesRect.left())) / bw), 0,
                                 lane.buckets - 1);
        hit.kind = Hit::Kind::Density;
        hit.lane = int(i);
        for (const auto& v : lane.counts)
            hit.count += v.empty() ? 0 : v[std::size_t(b)];
        const double span = double(lane.to - lane.from);
        hit.fromSecs = lane.from + qint64(span * b / lane.buckets);
        hit.toSecs = lane.from + qint64(span * (b + 1) / lane.buckets);
        return hit;
    }
    return hit;
}

bool TimelinePainter::laneIsDensity(int lane) const
{
    return m_scene && lane >= 0 && lane < int(m_scene->lanes.size()) &&
           m_scene->lanes[std::size_t(lane)].density;
}

std::optional<QRectF> TimelinePainter::itemRect(const QUuid& id) const
{
    if (!m_scene || id.isNull())
        return std::nullopt;
    for (const Scene::Item& it : m_scene->items) {
        if (it.id == id)
            return it.rect;
    }
    return std::nullopt;
}

} // namespace fa
