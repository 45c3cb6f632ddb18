// MarkerModel without a screen: rows come from the index's clustering for the viewport, stay
// bounded at any dataset size, follow the filter, window and selection, and keep unchanged
// markers in their rows across a pan or an edit.
#include "editcommands.h"
#include "eventindex.h"
#include "eventstore.h"
#include "filterresolver.h"
#include "markermodel.h"
#include "panelfixture.h"
#include "symbology.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <set>

using namespace fa;

namespace {

IndexSourceRow row(qint64 rowid, double lat, double lon, qint64 start, Family f = Family::Incident,
                   int casualties = 0, CoordPrecision cp = CoordPrecision::Settlement)
{
    IndexSourceRow r;
    r.rowid = rowid;
    r.id = QUuid::createUuid();
    r.startSecs = r.endSecs = start;
    r.latitude = lat;
    r.longitude = lon;
    r.family = f;
    r.eventType = f == Family::Incident ? QStringLiteral("clash") : QStringLiteral("visit");
    r.casualties = casualties;
    r.coordPrecision = cp;
    return r;
}

constexpr qint64 kDay = 86400;
constexpr qint64 k2022 = 1640995200; // 2022-01-01 UTC

struct Fixture {
    explicit Fixture(const std::vector<IndexSourceRow>& rows)
        : index(EventIndex::fromRows(rows)), model(&state),
          tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        state.setData(nullptr, &index);
        state.navigator()->setExtent(k2022, k2022 + 1000 * kDay);
        state.navigator()->resetWindow();
    }
    void view(double lat, double lon, double zoom, double w = 1200, double h = 800)
    {
        MercatorView v;
        v.centerLat = lat;
        v.centerLon = lon;
        v.zoom = zoom;
        v.width = w;
        v.height = h;
        model.setViewport(v);
        model.refreshNow();
    }
    ViewState state;
    EventIndex index;
    MarkerModel model;
    QAbstractItemModelTester tester;
};

std::vector<IndexSourceRow> randomRows(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lat(34.5, 41.5), lon(64.5, 77.5);
    std::uniform_int_distribution<qint64> t(0, 999 * kDay);
    std::uniform_int_distribution<int> fam(0, 2), cas(0, 12);
    std::vector<IndexSourceRow> rows;
    rows.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        rows.push_back(row(i + 1, lat(rng), lon(rng), k2022 + t(rng), Family(fam(rng)), cas(rng)));
    return rows;
}

} // namespace

TEST(MarkerModel, SingleEventsCarryTheirSymbology)
{
    const auto rows = std::vector<IndexSourceRow>{
        row(1, 37.49, 71.55, k2022 + kDay, Family::Incident, 9),
        row(2, 38.56, 68.77, k2022 + 2 * kDay, Family::Diplomatic, 0),
    };
    Fixture fx(rows);
    fx.view(37.8, 70.5, 7);
    ASSERT_EQ(fx.model.rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        const QModelIndex ix = fx.model.index(r);
        const QUuid id = QUuid(ix.data(MarkerModel::EventIdRole).toString());
        const auto& src = id == rows[0].id ? rows[0] : rows[1];
        ASSERT_EQ(id, src.id);
        EXPECT_EQ(ix.data(MarkerModel::CountRole).toInt(), 1);
        EXPECT_NEAR(ix.data(MarkerModel::LatitudeRole).toDouble(), src.latitude, 1e-5);
        // The whole look comes from Symbology, for QML to draw as it is.
        const MarkerLook look = ix.data(MarkerModel::LookRole).value<MarkerLook>();
        EXPECT_EQ(look, Symbology::markerLook(1, src.casualties, src.family));
        EXPECT_EQ(look.fill, Symbology::familyColor(src.family));
        EXPECT_EQ(look.shape, Symbology::familyShape(src.family));
        EXPECT_TRUE(look.label.isEmpty());
        EXPECT_FALSE(ix.data(MarkerModel::SelectedRole).toBool());
    }
    EXPECT_EQ(fx.model.matchingCount(), 2u);
}

TEST(MarkerModel, NearbyEventsClusterAndExpandWhenZoomingIn)
{
    // Four events within ~2 km of each other and one far away.
    std::vector<IndexSourceRow> rows;
    for (int i = 0; i < 4; ++i)
        rows.push_back(row(i + 1, 37.50 + 0.005 * i, 71.55 + 0.005 * i, k2022 + i * kDay,
                           i == 3 ? Family::Diplomatic : Family::Incident, i));
    rows.push_back(row(9, 36.7, 68.9, k2022, Family::Context));
    Fixture fx(rows);
    fx.view(37.5, 70.0, 6);
    ASSERT_EQ(fx.model.rowCount(), 2);
    int clusterRow = fx.model.marker(0).count == 4 ? 0 : 1;
    const auto& c = fx.model.marker(clusterRow);
    EXPECT_EQ(c.count, 4u);
    EXPECT_EQ(c.family, Family::Incident); // dominant
    EXPECT_EQ(c.familyCounts[int(Family::Diplomatic)], 1u);
    const MarkerLook look =
        fx.model.index(clusterRow).data(MarkerModel::LookRole).value<MarkerLook>();
    EXPECT_EQ(look, Symbology::markerLook(4, 3, Family::Incident)); // largest member: 3
    EXPECT_EQ(look.label, QStringLiteral("4"));
    EXPECT_TRUE(fx.model.index(clusterRow).data(MarkerModel::EventIdRole).toString().isEmpty());
    fx.view(37.51, 71.56, 14);
    EXPECT_EQ(fx.model.rowCount(), 4); // the far one is out of view; the four are apart
    for (int r = 0; r < fx.model.rowCount(); ++r)
        EXPECT_EQ(fx.model.marker(r).count, 1u);
}

TEST(MarkerModel, RowsStayBoundedAndCountEveryEventOnceAtAnySize)
{
    const auto rows = randomRows(100000, 7);
    Fixture fx(rows);
    struct View {
        double zoom, w, h;
    };
    for (const View& v : {View{5, 1920, 1080}, View{7, 1920, 1080}, View{9, 1920, 1080},
                          View{7, 7680, 4320}, View{3, 400, 300}}) {
        fx.view(38, 71, v.zoom, v.w, v.h);
        EXPECT_LE(fx.model.rowCount(), MarkerModel::kMaxItems) << v.zoom << " " << v.w;
        EXPECT_GT(fx.model.rowCount(), 0);
        // Every matching event inside the clustered area (the view plus one cell) counts once.
        const MercatorView mv = fx.model.viewport();
        const double m = fx.model.cellPx();
        std::size_t inside = 0;
        for (const auto& r : rows) {
            const double x = MercatorView::worldX(r.longitude, v.zoom) - mv.left();
            const double y = MercatorView::worldY(r.latitude, v.zoom) - mv.top();
            inside += (x >= -m && x < v.w + m && y >= -m && y < v.h + m);
        }
        std::size_t sum = 0;
        for (int r = 0; r < fx.model.rowCount(); ++r)
            sum += fx.model.marker(r).count;
        EXPECT_EQ(sum, inside) << "zoom " << v.zoom;
    }
}

TEST(MarkerModel, FollowsTheWindowAndTheFilter)
{
    std::vector<IndexSourceRow> rows = {
        row(1, 37.49, 71.55, k2022 + 10 * kDay, Family::Incident, 5),
        row(2, 38.56, 68.77, k2022 + 400 * kDay, Family::Diplomatic),
        row(3, 36.73, 68.86, k2022 + 800 * kDay, Family::Context),
    };
    Fixture fx(rows);
    fx.view(37.8, 70.5, 7);
    ASSERT_EQ(fx.model.rowCount(), 3);
    QSignalSpy refreshed(&fx.model, &MarkerModel::refreshed);
    fx.state.navigator()->setWindow(k2022 + 300 * kDay, k2022 + 500 * kDay);
    ASSERT_TRUE(refreshed.wait(1000));
    ASSERT_EQ(fx.model.rowCount(), 1);
    EXPECT_EQ(fx.model.marker(0).id, rows[1].id);
    EXPECT_EQ(fx.model.matchingCount(), 1u);

    fx.state.navigator()->resetWindow();
    EventFilter f;
    f.families = {Family::Incident, Family::Context};
    fx.state.setFilter(f);
    ASSERT_TRUE(refreshed.wait(1000));
    EXPECT_EQ(fx.model.rowCount(), 2);
    f.minCasualties = 1;
    fx.state.setFilter(f);
    ASSERT_TRUE(refreshed.wait(1000));
    ASSERT_EQ(fx.model.rowCount(), 1);
    EXPECT_EQ(fx.model.marker(0).id, rows[0].id);
    f = {};
    f.eventTypes = {QStringLiteral("visit")};
    fx.state.setFilter(f);
    ASSERT_TRUE(refreshed.wait(1000));
    EXPECT_EQ(fx.model.matchingCount(), 2u);
}

TEST(MarkerModel, TheSelectedEventStandsOutEvenInsideACluster)
{
    std::vector<IndexSourceRow> rows;
    for (int i = 0; i < 5; ++i)
        rows.push_back(row(i + 1, 37.50 + 0.002 * i, 71.55, k2022 + i * kDay));
    Fixture fx(rows);
    fx.view(37.5, 71.5, 6);
    ASSERT_EQ(fx.model.rowCount(), 1);
    fx.state.setSelectedEvent(rows[2].id);
    fx.model.refreshNow();
    // The cluster holding it is ringed; its count stays.
    ASSERT_EQ(fx.model.rowCount(), 1);
    EXPECT_TRUE(fx.model.marker(0).selected);
    EXPECT_EQ(fx.model.marker(0).count, 5u);
    EXPECT_TRUE(fx.model.index(0).data(MarkerModel::SelectedRole).toBool());
    // Zoomed in, it is a marker of its own, and only that one is selected.
    fx.view(37.504, 71.55, 14);
    int selectedRows = 0;
    for (int r = 0; r < fx.model.rowCount(); ++r) {
        selectedRows += fx.model.marker(r).selected;
        if (fx.model.marker(r).selected && fx.model.marker(r).count == 1) {
            EXPECT_EQ(fx.model.marker(r).id, rows[2].id);
        }
    }
    EXPECT_EQ(selectedRows, 1);
    fx.view(37.5, 71.5, 6);
    // Outside the window: not drawn.
    fx.state.navigator()->setWindow(k2022 + 3 * kDay, k2022 + 10 * kDay);
    fx.model.refreshNow();
    ASSERT_EQ(fx.model.rowCount(), 1);
    EXPECT_EQ(fx.model.marker(0).count, 2u);
    EXPECT_FALSE(fx.model.marker(0).selected);
}

namespace {

/// A point (longitude as the index stores it) and a zoom at which the plain projection,
/// floor(MercatorView::worldX / cell), and the index's clustering disagree about the point's
/// cell: x lies on a cell boundary by one arithmetic and a hair short of it by the other.
/// Such points are rare, so they are searched for, zoom step by zoom step near a boundary.
struct BoundaryPoint {
    double lon = 0, lat = 37.5, zoom = 0;
};

std::optional<BoundaryPoint> boundaryPoint(double cell)
{
    BoundaryPoint p;
    for (int i = 0; i < 4000; ++i) {
        p.lon = double(float(69.5 + 0.0007 * i));
        const double k = std::round(MercatorView::worldX(p.lon, 9) / cell);
        const double z0 = std::log2(k * cell / ((p.lon + 180.0) / 360.0) / 256.0);
        double up = z0, down = z0;
        for (int j = 0; j < 400; ++j) {
            for (const double z : {up, down}) {
                const auto plain = std::int64_t(std::floor(MercatorView::worldX(p.lon, z) / cell));
                if (plain != EventIndex::cellOf(p.lon, p.lat, z, cell).x) {
                    p.zoom = z;
                    return p;
                }
            }
            up = std::nextafter(up, 30.0);
            down = std::nextafter(down, 0.0);
        }
    }
    return std::nullopt;
}

} // namespace

TEST(MarkerModel, TheSelectionRingFindsTheClusterOfAPointOnACellBoundary)
{
    const double cell = Symbology::kClusterCellPx;
    const std::optional<BoundaryPoint> p = boundaryPoint(cell);
    ASSERT_TRUE(p.has_value()) << "no point found where the two projections disagree";
    const ClusterCell at = EventIndex::cellOf(p->lon, p->lat, p->zoom, cell);
    // A second event in the middle of the same cell makes a cluster of two.
    const double lon2 = MercatorView::lonFromWorldX((double(at.x) + 0.5) * cell, p->zoom);
    ASSERT_EQ(EventIndex::cellOf(lon2, p->lat, p->zoom, cell), at);
    const std::vector<IndexSourceRow> rows = {row(1, p->lat, p->lon, k2022 + kDay),
                                              row(2, p->lat, lon2, k2022 + 2 * kDay)};
    Fixture fx(rows);
    fx.state.setSelectedEvent(rows[0].id);
    fx.view(p->lat, p->lon, p->zoom, 600, 400);
    ASSERT_EQ(fx.model.cellPx(), cell); // a small view: the base cell, not an enlarged one
    ASSERT_EQ(fx.model.rowCount(), 1);
    const MarkerModel::Marker& m = fx.model.marker(0);
    EXPECT_EQ(m.count, 2u);
    EXPECT_EQ(m.cellX, at.x);
    EXPECT_EQ(m.cellY, at.y);
    EXPECT_TRUE(m.selected); // the ring is where the index put the point
}

TEST(MarkerModel, ImpreciseLocationsGetAPrecisionRadiusWhenZoomedIn)
{
    Fixture fx({row(1, 37.49, 71.55, k2022, Family::Incident, 0, CoordPrecision::District),
                row(2, 37.99, 72.55, k2022, Family::Incident, 0, CoordPrecision::Region),
                row(3, 37.20, 70.55, k2022, Family::Incident, 0, CoordPrecision::Exact)});
    fx.view(37.6, 71.5, 6);
    for (int r = 0; r < fx.model.rowCount(); ++r)
        EXPECT_EQ(fx.model.marker(r).precisionMetres, 0.0) << "not zoomed in yet";
    fx.view(37.6, 71.5, 8);
    ASSERT_EQ(fx.model.rowCount(), 3);
    std::map<int, double> byLat; // latitude in hundredths (the index keeps floats)
    for (int r = 0; r < fx.model.rowCount(); ++r)
        byLat[int(std::lround(fx.model.marker(r).latitude * 100))] =
            fx.model.index(r).data(MarkerModel::PrecisionRole).toDouble();
    EXPECT_EQ(byLat[3749], 15000.0);
    EXPECT_EQ(byLat[3799], 60000.0);
    EXPECT_EQ(byLat[3720], 0.0);
}

TEST(MarkerModel, APanKeepsUnchangedMarkersInTheirRows)
{
    const auto rows = randomRows(3000, 11);
    Fixture fx(rows);
    fx.view(38, 71, 8);
    const int n = fx.model.rowCount();
    ASSERT_GT(n, 20);
    QSignalSpy changed(&fx.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&fx.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&fx.model, &QAbstractItemModel::rowsRemoved);
    fx.view(38, 71, 8); // same view: nothing at all
    EXPECT_EQ(changed.count() + inserted.count() + removed.count(), 0);
    // A small pan: most markers are the same, so far fewer rows change than exist.
    MercatorView v = fx.model.viewport();
    fx.view(v.latFromWorldY(MercatorView::worldY(38, 8) + 30, 8),
            v.lonFromWorldX(MercatorView::worldX(71, 8) + 30, 8), 8);
    int touched = 0;
    for (const auto& args : changed)
        touched += args[1].toModelIndex().row() - args[0].toModelIndex().row() + 1;
    EXPECT_LT(touched, n / 2) << touched << " of " << n;
}

namespace {

/// Longitudes a few pixels either side of a clustering cell's edge at this zoom, so that the
/// two events stay separate markers yet overlap on screen.
std::pair<double, double> acrossACellEdge(double lon, double zoom, double cellPx, double apartPx)
{
    const double edge = std::ceil(MercatorView::worldX(lon, zoom) / cellPx) * cellPx;
    return {MercatorView::lonFromWorldX(edge - apartPx / 2, zoom),
            MercatorView::lonFromWorldX(edge + apartPx / 2, zoom)};
}

double cellAt(double w, double h)
{
    Fixture probe({row(1, 37.5, 71.5, k2022)});
    probe.view(37.5, 71.5, 10, w, h);
    return probe.model.cellPx();
}

} // namespace

TEST(MarkerModel, TheHitTestAnswersWithTheTopmostDrawnShape)
{
    const double zoom = 10, cell = cellAt(1200, 800);
    // Two single events 8 px apart across a cell edge (overlapping 12 px circles), and a
    // cluster of three beside a single event 14 px away across the next edge.
    const auto [a, b] = acrossACellEdge(71.5, zoom, cell, 8);
    const double east =
        MercatorView::lonFromWorldX(MercatorView::worldX(71.5, zoom) + 3 * cell, zoom);
    const auto [c, d] = acrossACellEdge(east, zoom, cell, 14);
    Fixture fx({row(1, 37.5, a, k2022), row(2, 37.5, b, k2022), row(3, 37.5, c, k2022),
                row(4, 37.5, c, k2022 + kDay), row(5, 37.5, c, k2022 + 2 * kDay),
                row(6, 37.5, d, k2022)});
    fx.view(37.5, 71.5 + (east - 71.5) / 2, zoom);
    ASSERT_EQ(fx.model.rowCount(), 4);
    const MercatorView v = fx.model.viewport();
    const double y = v.toY(37.5);
    auto rowAt = [&](double lon) {
        for (int r = 0; r < fx.model.rowCount(); ++r)
            if (std::abs(v.toX(fx.model.marker(r).longitude) - v.toX(lon)) < 0.5)
                return r;
        return -1;
    };
    const int ra = rowAt(a), rb = rowAt(b), rc = rowAt(c), rd = rowAt(d);
    ASSERT_TRUE(ra >= 0 && rb >= 0 && rc >= 0 && rd >= 0);
    ASSERT_EQ(fx.model.marker(rc).count, 3u);

    // Between the two singles both shapes cover the point: the one drawn on top wins.
    const double mid = (v.toX(a) + v.toX(b)) / 2;
    const int top = fx.model.stackingOrder(ra) > fx.model.stackingOrder(rb) ? ra : rb;
    EXPECT_EQ(fx.model.markerAt(mid, y), top);
    // Each alone on its outer side.
    EXPECT_EQ(fx.model.markerAt(v.toX(a) - 5, y), ra);
    EXPECT_EQ(fx.model.markerAt(v.toX(b) + 5, y), rb);
    // Just outside a circle's reach (radius + slop): nothing.
    const double reach = fx.model.look(ra).size / 2 + MarkerLook::kPointerSlop;
    EXPECT_EQ(fx.model.markerAt(v.toX(a) - reach - 0.5, y), -1);
    EXPECT_EQ(fx.model.markerAt(v.toX(a), y - reach + 0.5), ra);
    EXPECT_EQ(fx.model.markerAt(v.toX(a), y - reach - 0.5), -1);
    // A single event is drawn over a cluster: between them the single wins, beyond the
    // single only the cluster's halo is left.
    const double between = (v.toX(c) + v.toX(d)) / 2;
    EXPECT_EQ(fx.model.markerAt(between, y), rd);
    EXPECT_EQ(fx.model.markerAt(v.toX(c) - 12, y), rc);

    // The selection is drawn above everything: selecting the lower single puts it on top.
    const int lower = top == ra ? rb : ra;
    fx.state.setSelectedEvent(fx.model.marker(lower).id);
    fx.model.refreshNow();
    const int lowerNow = rowAt(top == ra ? b : a);
    ASSERT_TRUE(fx.model.marker(lowerNow).selected);
    EXPECT_EQ(fx.model.markerAt(mid, y), lowerNow);
    EXPECT_GT(fx.model.stackingOrder(lowerNow), fx.model.stackingOrder(rowAt(top == ra ? a : b)));
}

TEST(MarkerModel, StackingOrdersAreDistinctLayeredAndFollowTheMarkerNotItsRow)
{
    const auto rows = randomRows(3000, 5);
    Fixture fx(rows);
    fx.view(38, 71, 7);
    ASSERT_GT(fx.model.rowCount(), 10);
    std::map<QString, double> byMarker; // position -> z
    std::set<double> seen;
    for (int r = 0; r < fx.model.rowCount(); ++r) {
        const double z = fx.model.stackingOrder(r);
        EXPECT_TRUE(seen.insert(z).second) << "row " << r;
        EXPECT_EQ(std::floor(z) - 1, fx.model.look(r).layer) << "row " << r;
        EXPECT_EQ(fx.model.index(r).data(MarkerModel::StackingRole).toDouble(), z);
        const auto& m = fx.model.marker(r);
        byMarker[QStringLiteral("%1 %2 %3").arg(m.latitude).arg(m.longitude).arg(m.count)] = z;
    }
    // After a pan rows are reused and moved: a marker that stays keeps its z, which the QML
    // item read when it was made (no row change notifies it).
    MercatorView v = fx.model.viewport();
    fx.view(v.latFromWorldY(MercatorView::worldY(38, 7) + 200, 7),
            v.lonFromWorldX(MercatorView::worldX(71, 7) + 300, 7), 7);
    int kept = 0;
    for (int r = 0; r < fx.model.rowCount(); ++r) {
        const auto& m = fx.model.marker(r);
        const auto it =
            byMarker.find(QStringLiteral("%1 %2 %3").arg(m.latitude).arg(m.longitude).arg(m.count));
        if (it == byMarker.end())
            continue;
        ++kept;
        EXPECT_EQ(fx.model.stackingOrder(r), it->second);
    }
    EXPECT_GT(kept, 5);
}

TEST(MarkerModel, AnEditTouchesOnlyTheMarkerItChanges)
{
    test::PanelFixture fx;
    const double lats[3] = {37.49, 38.56, 36.73}, lons[3] = {71.55, 68.77, 68.86};
    QUuid ids[3];
    for (int i = 0; i < 3; ++i) {
        Event e = test::makeEvent(QStringLiteral("Event %1").arg(i), QDate(2022 + i, 5, 1));
        e.latitude = lats[i];
        e.longitude = lons[i];
        e.coordPrecision = CoordPrecision::Settlement;
        ids[i] = fx.add(e);
    }
    fx.open();
    MarkerModel model(&fx.state);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MercatorView v;
    v.centerLat = 37.5;
    v.centerLon = 70.0;
    v.zoom = 7;
    v.width = 1200;
    v.height = 800;
    model.setViewport(v);
    model.refreshNow();
    ASSERT_EQ(model.rowCount(), 3);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    auto edit = [&](const QUuid& id, auto change) {
        const Event before = fx.store->get(id).value();
        Event after = before;
        change(after);
        ASSERT_TRUE(pushEventCommand(&fx.state,
                                     std::make_unique<EditEventCommand>(&fx.state, before, after))
                        .ok());
        EXPECT_TRUE(model.isRefreshPending());
        model.refreshNow();
    };

    edit(ids[1], [](Event& e) { e.title = QStringLiteral("Renamed"); }); // not drawn on the map
    EXPECT_EQ(changed.size() + inserted.size() + removed.size(), 0);
    edit(ids[1], [](Event& e) { e.latitude = 38.0; }); // one marker moves
    EXPECT_EQ(changed.size() + inserted.size() + removed.size(), 1);
    EXPECT_EQ(resets.size(), 0);
    EXPECT_EQ(model.rowCount(), 3);
}
