#pragma once
// A longitude/latitude rectangle and the one way of finding the box around a set of points
// (the map's "zoom to filtered", a cluster's extent, the briefing's fitted map, the basemap's
// feature bounds).

#include <QList>
#include <QPointF>

#include <algorithm>
#include <optional>

namespace fa {

/// Longitude/latitude rectangle (degrees). west <= east; no antimeridian crossing (the frontier
/// is far from it).
struct GeoBox {
    double west = -180, south = -90, east = 180, north = 90;
    bool contains(double lon, double lat) const
    {
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }
    bool operator==(const GeoBox&) const = default;
};

/// True when the two boxes share any point.
inline bool intersects(const GeoBox& a, const GeoBox& b)
{
    return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

/// The smallest box holding every item's point; nullopt when there are no items. lonLat(item)
/// gives the point as QPointF(longitude, latitude).
template <typename Range, typename LonLat>
std::optional<GeoBox> boundingBox(const Range& items, LonLat&& lonLat)
{
    std::optional<GeoBox> box;
    for (const auto& item : items) {
        const QPointF p = lonLat(item);
        if (!box) {
            box = GeoBox{p.x(), p.y(), p.x(), p.y()};
            continue;
        }
        box->west = std::min(box->west, p.x());
        box->east = std::max(box->east, p.x());
        box->south = std::min(box->south, p.y());
        box->north = std::max(box->north, p.y());
    }
    return box;
}

/// The box around points given as QPointF(longitude, latitude).
inline std::optional<GeoBox> boundingBox(const QList<QPointF>& lonLat)
{
    return boundingBox(lonLat, [](const QPointF& p) { return p; });
}

} // namespace fa
