// The box around a set of points: one function for the map's zoom to filtered, a cluster's
// extent, the briefing's fitted map and the basemap's feature bounds.
#include "geobox.h"

#include <gtest/gtest.h>

#include <vector>

using namespace fa;

TEST(GeoBoxBounds, NoPointsNoBox)
{
    EXPECT_FALSE(boundingBox(QList<QPointF>{}).has_value());
    const std::vector<int> none;
    EXPECT_FALSE(boundingBox(none, [](int) { return QPointF(); }).has_value());
}

TEST(GeoBoxBounds, OnePointIsADegenerateBox)
{
    const auto b = boundingBox(QList<QPointF>{QPointF(70.1, 37.6)});
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(*b, (GeoBox{70.1, 37.6, 70.1, 37.6}));
    EXPECT_TRUE(b->contains(70.1, 37.6));
}

TEST(GeoBoxBounds, HoldsEveryPointAndNoMore)
{
    // West and south of zero too: the box must not start from (0, 0).
    const QList<QPointF> points{QPointF(71.0, 38.5), QPointF(-3.5, -12.0), QPointF(69.2, 41.3),
                                QPointF(12.0, 2.0)};
    const auto b = boundingBox(points);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(*b, (GeoBox{-3.5, -12.0, 71.0, 41.3}));
    for (const QPointF& p : points)
        EXPECT_TRUE(b->contains(p.x(), p.y()));
}

TEST(GeoBoxBounds, ReadsPointsThroughTheProjection)
{
    struct Row {
        double lat, lon;
    };
    const std::vector<Row> rows{{37.0, 68.0}, {39.5, 72.5}, {36.2, 70.0}};
    const auto b = boundingBox(rows, [](const Row& r) { return QPointF(r.lon, r.lat); });
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(*b, (GeoBox{68.0, 36.2, 72.5, 39.5}));
}

TEST(GeoBoxBounds, IntersectsSharesAnyPoint)
{
    const GeoBox a{0, 0, 10, 10};
    EXPECT_TRUE(intersects(a, GeoBox{10, 10, 20, 20})); // a corner
    EXPECT_TRUE(intersects(a, GeoBox{2, 2, 3, 3}));     // inside
    EXPECT_FALSE(intersects(a, GeoBox{10.5, 0, 20, 10}));
}
