#pragma once
// The offline basemap: country fills, lakes, rivers, borders, places and border crossings of the
// frontier, as value types loaded from the GeoJSON files that scripts/make-basemap generates
// (resources/basemap/, embedded in frontier_core under ":/basemap"). QtCore only.
//
// Geometry is kept per level of detail (LOD): each LOD was simplified for a zoom range, so a
// view picks the LOD for its zoom and culls features by their bounding boxes.

#include "geobox.h"
#include "result.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

namespace fa {

enum class CountryRole { Focus, Neighbour }; ///< Tajikistan/Afghanistan vs the others

/// A filled area: a country or a lake. rings[0] is the outer ring, the rest are holes.
/// Points are QPointF(lon, lat); rings are closed (first == last).
struct BasemapPolygon {
    QList<QList<QPointF>> rings;
    GeoBox bounds;
};

struct BasemapCountry {
    QString iso;  ///< ISO 3166-1 alpha-2 ("TJ", "AF", "UZ", ...)
    QString name; ///< English name
    CountryRole role = CountryRole::Neighbour;
    std::vector<BasemapPolygon> polygons;
    GeoBox bounds;
};

struct BasemapLake {
    QString name; ///< empty when the source does not name it
    BasemapPolygon polygon;
};

struct BasemapRiver {
    int importance = 0; ///< 3 permanent major river (GSHHG level 1) ... 0 minor river (level 4)
    int level = 0;      ///< the GSHHG river level it came from
    QString name;       ///< set only where the generator could match it (Panj, Amu Darya, Pamir)
    QList<QPointF> points;
    GeoBox bounds;
};

enum class BorderKind { International, TajikAfghan };

struct BasemapBorder {
    BorderKind kind = BorderKind::International;
    QList<QPointF> points;
    GeoBox bounds;
};

struct BasemapPlace {
    QString name;
    QString country;       ///< ISO alpha-2
    QString featureCode;   ///< GeoNames: PPLC capital, PPLA province seat, PPLA2 district seat, ...
    qint64 population = 0; ///< 0 when GeoNames does not know it
    int importance = 0;    ///< 4 capital ... 0 small town
    QPointF position;      ///< lon, lat
};

struct BasemapCrossing {
    QString id;
    QString name;
    QString kind; ///< "bridge", "crossing"
    QString source;
    QPointF position; ///< lon, lat
};

/// One level of detail: the geometry simplified for zooms minZoom..maxZoom.
struct BasemapLod {
    int minZoom = 0;
    int maxZoom = 0;
    std::vector<BasemapCountry> countries;
    std::vector<BasemapLake> lakes;
    std::vector<BasemapRiver> rivers; ///< most important first
    std::vector<BasemapBorder> borders;
};

class Basemap {
public:
    /// Where the generated files are embedded in frontier_core.
    static QString embeddedPath() { return QStringLiteral(":/basemap"); }

    /// Loads manifest.json and every layer it names from the folder (a path or ":/basemap").
    /// A missing or malformed file gives a Parse/Io error naming the file and the feature line.
    static Result<Basemap> load(const QString& folder);

    GeoBox region() const { return m_region; }
    /// The line naming the data's sources and licences that every view of the basemap shows
    /// (manifest.json's "attribution"; ATTRIBUTION.md has the details). Empty when a manifest
    /// has none.
    QString attribution() const { return m_attribution; }
    int lodCount() const { return static_cast<int>(m_lods.size()); }
    const BasemapLod& lod(int i) const { return m_lods.at(static_cast<size_t>(i)); }
    /// The index of the level of detail drawn at the given (fractional) zoom.
    int lodIndexForZoom(double zoom) const;
    const BasemapLod& lodForZoom(double zoom) const { return lod(lodIndexForZoom(zoom)); }

    const std::vector<BasemapPlace>& places() const { return m_places; } ///< most important first
    const std::vector<BasemapCrossing>& crossings() const { return m_crossings; }

private:
    GeoBox m_region;
    QString m_attribution;
    std::vector<BasemapLod> m_lods;
    std::vector<BasemapPlace> m_places;
    std::vector<BasemapCrossing> m_crossings;
};

/// Distance in kilometres from a point to the nearest segment of a polyline (equirectangular
/// approximation, good to well under 1% over a few hundred kilometres).
double distanceToPolylineKm(const QPointF& lonLat, const QList<QPointF>& line);

} // namespace fa
