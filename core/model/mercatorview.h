#pragma once
// A Web Mercator view: centre, zoom and pixel size, with lon/lat <-> pixel maths. A copyable
// value type so that screen, export and tests share one projection (zoom z: the world is
// 256 * 2^z pixels wide, as in QtLocation and slippy-map tiles).

#include "eventfilter.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fa {

struct MercatorView {
    double centerLon = 70.5;
    double centerLat = 37.8;
    double zoom = 7.0;
    double width = 1024; ///< pixels
    double height = 768; ///< pixels

    static constexpr double kMaxLat = 85.05112878;

    static double worldSize(double zoom) { return 256.0 * std::exp2(zoom); }
    static double worldX(double lon, double zoom)
    {
        return (lon + 180.0) / 360.0 * worldSize(zoom);
    }
    static double worldY(double lat, double zoom)
    {
        const double l = std::clamp(lat, -kMaxLat, kMaxLat) * std::numbers::pi / 180.0;
        return (1.0 - std::log(std::tan(l) + 1.0 / std::cos(l)) / std::numbers::pi) / 2.0 *
               worldSize(zoom);
    }
    static double lonFromWorldX(double x, double zoom)
    {
        return x / worldSize(zoom) * 360.0 - 180.0;
    }
    static double latFromWorldY(double y, double zoom)
    {
        const double n = std::numbers::pi * (1.0 - 2.0 * y / worldSize(zoom));
        return std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    }

    /// Top-left corner of the view in world pixels.
    double left() const { return worldX(centerLon, zoom) - width / 2.0; }
    double top() const { return worldY(centerLat, zoom) - height / 2.0; }

    double toX(double lon) const { return worldX(lon, zoom) - left(); }
    double toY(double lat) const { return worldY(lat, zoom) - top(); }
    double toLon(double x) const { return lonFromWorldX(x + left(), zoom); }
    double toLat(double y) const { return latFromWorldY(y + top(), zoom); }

    /// What the view shows.
    GeoBox bounds() const { return GeoBox{toLon(0), toLat(height), toLon(width), toLat(0)}; }

    /// Metres per pixel at the view centre.
    double metresPerPixel() const
    {
        return std::cos(centerLat * std::numbers::pi / 180.0) * 2.0 * std::numbers::pi * 6378137.0 /
               worldSize(zoom);
    }

    /// The view of the given size that shows the whole box, as large as fits (fractional zoom).
    static MercatorView fit(const GeoBox& box, double width, double height, double marginPx = 0)
    {
        MercatorView v;
        v.width = width;
        v.height = height;
        const double w0 = worldX(box.east, 0) - worldX(box.west, 0);
        const double h0 = worldY(box.south, 0) - worldY(box.north, 0);
        const double availW = std::max(1.0, width - 2 * marginPx);
        const double availH = std::max(1.0, height - 2 * marginPx);
        double zx = w0 > 0 ? std::log2(availW / w0) : 20.0;
        double zy = h0 > 0 ? std::log2(availH / h0) : 20.0;
        v.zoom = std::clamp(std::min(zx, zy), 0.0, 20.0);
        const double cx = (worldX(box.west, v.zoom) + worldX(box.east, v.zoom)) / 2.0;
        const double cy = (worldY(box.north, v.zoom) + worldY(box.south, v.zoom)) / 2.0;
        v.centerLon = lonFromWorldX(cx, v.zoom);
        v.centerLat = latFromWorldY(cy, v.zoom);
        return v;
    }
};

} // namespace fa
