// Symbology: a marker's look (size, shape, colours, label, ring) is one definition for the
// screen and the briefing, and its shape is what the map's hit test answers with.
#include "symbology.h"

#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace fa;

namespace {

constexpr double kSlop = MarkerLook::kPointerSlop;

} // namespace

TEST(Symbology, SingleEventsGrowWithCasualtiesUpToACap)
{
    double last = 0;
    for (int casualties : {0, 1, 4, 9, 25}) {
        const double size = Symbology::markerLook(1, casualties, Family::Incident).size;
        EXPECT_GT(size, last) << casualties;
        last = size;
    }
    const double cap = Symbology::markerLook(1, 1000, Family::Incident).size;
    EXPECT_EQ(cap, Symbology::markerLook(1, 100000, Family::Incident).size);
    EXPECT_GE(cap, last);
    // Unknown casualties (negative) look like none.
    EXPECT_EQ(Symbology::markerLook(1, -1, Family::Incident).size,
              Symbology::markerLook(1, 0, Family::Incident).size);
}

TEST(Symbology, ClustersGrowWithTheirCountUpToACapAndNeverOutgrowTheMaximum)
{
    double last = 0;
    for (quint32 count : {2u, 10u, 100u, 900u}) {
        const MarkerLook look = Symbology::markerLook(count, 0, Family::Diplomatic);
        EXPECT_GT(look.size, last) << count;
        EXPECT_GT(look.size, Symbology::markerLook(1, 0, Family::Diplomatic).size);
        last = look.size;
    }
    const MarkerLook huge = Symbology::markerLook(5'000'000, 40, Family::Incident, true);
    EXPECT_EQ(huge.size, Symbology::markerLook(50'000, 0, Family::Incident).size) << "capped";
    EXPECT_LE(huge.extent(), MarkerLook::kMaxExtent);
    EXPECT_LE(Symbology::markerLook(1, 1000, Family::Context, true).extent(),
              MarkerLook::kMaxExtent);
}

TEST(Symbology, ClustersAreLabelledCirclesWithAHaloAndSinglesTakeTheirFamilyShape)
{
    const MarkerLook cluster = Symbology::markerLook(1500, 0, Family::Diplomatic);
    EXPECT_EQ(cluster.shape, MarkerShape::Circle);
    EXPECT_EQ(cluster.label, QStringLiteral("1.5k"));
    EXPECT_GT(cluster.haloSize, cluster.size);
    EXPECT_EQ(cluster.fill, Symbology::familyColor(Family::Diplomatic));
    EXPECT_EQ(cluster.layer, 0);
    for (Family f : {Family::Incident, Family::Diplomatic, Family::Context}) {
        const MarkerLook single = Symbology::markerLook(1, 0, f);
        EXPECT_EQ(single.shape, Symbology::familyShape(f));
        EXPECT_EQ(single.fill, Symbology::familyColor(f));
        EXPECT_TRUE(single.label.isEmpty());
        EXPECT_EQ(single.haloSize, 0.0);
        EXPECT_EQ(single.layer, 1);
    }
    const MarkerLook selected = Symbology::markerLook(1, 0, Family::Incident, true);
    EXPECT_GT(selected.ringSize, selected.size);
    EXPECT_EQ(selected.ringColor, Symbology::selectionColor());
    EXPECT_EQ(selected.layer, 2);
    EXPECT_EQ(selected.layer, Symbology::markerLayer(1, true));
    EXPECT_EQ(cluster.layer, Symbology::markerLayer(1500, false));
}

TEST(Symbology, StackingPutsLayersFirstThenSouthOverNorthThenEastOverWest)
{
    // A northern selected marker is above any southern single, which is above any cluster.
    EXPECT_GT(Symbology::stackingOrder(2, 41.9, 64.0), Symbology::stackingOrder(1, 34.0, 78.0));
    EXPECT_GT(Symbology::stackingOrder(1, 41.9, 64.0), Symbology::stackingOrder(0, -89.0, 179.0));
    EXPECT_GT(Symbology::stackingOrder(1, 37.0, 70.0), Symbology::stackingOrder(1, 37.1, 70.0));
    EXPECT_GT(Symbology::stackingOrder(1, 37.0, 70.001), Symbology::stackingOrder(1, 37.0, 70.0));
    EXPECT_GE(Symbology::stackingOrder(0, 90.0, -180.0), 1.0) << "above the basemap (z 0)";
}

TEST(Symbology, TheDiamondIsARotatedSquareTipToTipAsWideAsItsSize)
{
    const MarkerLook d = Symbology::markerLook(1, 4, Family::Diplomatic);
    EXPECT_EQ(d.rotation(), 45.0);
    EXPECT_NEAR(d.symbolWidth() * std::numbers::sqrt2, d.size, 1e-9);
    EXPECT_NEAR(d.path().boundingRect().width(), d.size, 1e-9);
    const MarkerLook c = Symbology::markerLook(1, 4, Family::Incident);
    EXPECT_EQ(c.cornerRadius(), c.symbolWidth() / 2);
    EXPECT_NEAR(c.path().boundingRect().width(), c.size, 1e-9);
}

struct LabelCase {
    const char* name;
    quint32 count;
    const char* label;
};

class CountLabel : public ::testing::TestWithParam<LabelCase> {};

TEST_P(CountLabel, ReadsShortOnAMap)
{
    EXPECT_EQ(Symbology::countLabel(GetParam().count).toStdString(), GetParam().label);
}

INSTANTIATE_TEST_SUITE_P(Symbology, CountLabel,
                         ::testing::Values(LabelCase{"Two", 2, "2"},
                                           LabelCase{"NineHundredNinetyNine", 999, "999"},
                                           LabelCase{"OneThousand", 1000, "1k"},
                                           LabelCase{"FifteenHundred", 1500, "1.5k"},
                                           LabelCase{"RoundsToTheNearestHundred", 1549, "1.5k"},
                                           LabelCase{"JustBelowTenThousand", 9949, "9.9k"},
                                           LabelCase{"RoundsUpToTenThousand", 9950, "10k"},
                                           LabelCase{"WholeThousands", 12345, "12k"},
                                           LabelCase{"JustBelowAMillion", 999499, "999k"},
                                           LabelCase{"RoundsUpToAMillion", 999500, "1M"},
                                           LabelCase{"Millions", 1234567, "1.2M"}),
                         [](const ::testing::TestParamInfo<LabelCase>& info) {
                             return std::string(info.param.name);
                         });

TEST(Symbology, APointerHitsACircleJustInsideItsReachAndMissesJustOutside)
{
    const MarkerLook c = Symbology::markerLook(1, 0, Family::Incident);
    const double reach = c.size / 2 + kSlop;
    EXPECT_TRUE(c.contains(QPointF(0, 0)));
    EXPECT_TRUE(c.contains(QPointF(reach - 0.1, 0)));
    EXPECT_FALSE(c.contains(QPointF(reach + 0.1, 0)));
    const double d = (reach - 0.1) / std::numbers::sqrt2;
    EXPECT_TRUE(c.contains(QPointF(-d, d)));
    const double e = (reach + 0.1) / std::numbers::sqrt2;
    EXPECT_FALSE(c.contains(QPointF(-e, e)));
}

TEST(Symbology, ADiamondsBoundingBoxCornerIsNotTheDiamond)
{
    const MarkerLook d = Symbology::markerLook(1, 9, Family::Diplomatic);
    const double r = d.size / 2;
    // The corner of the square the diamond sits in: well outside the diamond's edges.
    EXPECT_FALSE(d.contains(QPointF(r - 1, r - 1)));
    EXPECT_FALSE(d.contains(QPointF(-(r - 1), r - 1)));
    // Along the axes the tips reach the full half size.
    EXPECT_TRUE(d.contains(QPointF(r, 0)));
    EXPECT_TRUE(d.contains(QPointF(0, -r)));
    // Half way to a corner is on the diamond.
    EXPECT_TRUE(d.contains(QPointF(r / 2, r / 2)));
    // The same corner is on a circle of that size.
    const MarkerLook c = Symbology::markerLook(1, 9, Family::Incident);
    EXPECT_TRUE(c.contains(QPointF(r * 0.7, r * 0.7)));
}

TEST(Symbology, ASquareIsHitToItsCornersAndTheRingAndHaloCount)
{
    const MarkerLook s = Symbology::markerLook(1, 0, Family::Context);
    const double half = s.symbolWidth() / 2;
    EXPECT_TRUE(s.contains(QPointF(half + kSlop - 0.1, half + kSlop - 0.1)));
    EXPECT_FALSE(s.contains(QPointF(half + kSlop + 0.1, 0)));
    // Selected, the ring around it is part of the marker.
    const MarkerLook sel = Symbology::markerLook(1, 0, Family::Context, true);
    const QPointF onRing(sel.ringSize / 2 - 1, 0);
    EXPECT_FALSE(s.contains(onRing));
    EXPECT_TRUE(sel.contains(onRing));
    // A cluster's halo too.
    const MarkerLook cl = Symbology::markerLook(20, 0, Family::Context);
    EXPECT_TRUE(cl.contains(QPointF(0, cl.haloSize / 2 + kSlop - 0.1)));
    EXPECT_FALSE(cl.contains(QPointF(0, cl.haloSize / 2 + kSlop + 0.1)));
}

TEST(Symbology, PaintMarkerFillsTheShapeItHitTests)
{
    // Painted at twice the size (a 4K briefing), the fill is where contains() says, scaled.
    const MarkerLook d = Symbology::markerLook(1, 16, Family::Diplomatic);
    const double scale = 2.0;
    QImage img(100, 100, QImage::Format_ARGB32);
    img.fill(Qt::white);
    {
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        Symbology::paintMarker(&p, d, QPointF(50, 50), scale);
    }
    const auto isFill = [&](QPointF offset) {
        return img.pixelColor((QPointF(50, 50) + offset * scale).toPoint()) == d.fill;
    };
    EXPECT_TRUE(isFill(QPointF(0, 0)));
    EXPECT_TRUE(isFill(QPointF(d.size / 4 - 2, d.size / 4 - 2)));
    const double r = d.size / 2;
    EXPECT_FALSE(isFill(QPointF(r - 1, r - 1))) << "the box corner stays background";
    EXPECT_FALSE(d.contains(QPointF(r - 1, r - 1)));
}
