#pragma once
// Draws the offline basemap (fills, lakes, rivers, borders, place labels, crossings) with
// QPainter for a Web Mercator view. One drawing path for the screen (BasemapItem in the QML map)
// and for PNG/PDF exports (BriefingRenderer::setBasemapPainter takes paint() as it is).
//
// Geometry is turned into QPainterPaths once, in zoom-0 world pixels; a frame only picks the
// level of detail, culls features by their bounding boxes and scales the paths. Labels are
// placed per zoom over the whole region (not per viewport), so they do not jump while panning.

#include "basemap.h"
#include "mercatorview.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QMutex>
#include <QPainterPath>
#include <QRectF>

#include <map>
#include <memory>
#include <vector>

class QPainter;

namespace fa {

struct BasemapStyle {
    QColor water;       ///< behind everything (the map's own background colour)
    QColor tajikistan;  ///< focus country fill
    QColor afghanistan; ///< focus country fill
    QColor neighbour;   ///< muted fill for the other countries
    QColor lake;
    QColor river;
    QColor border;            ///< international borders
    QColor tajikAfghanBorder; ///< Symbology::borderEmphasisColor()
    QColor label;
    QColor labelHalo;
    static BasemapStyle standard();
};

/// What to draw: over a tile basemap the fills are left out, the rest stays as an overlay.
struct BasemapLayers {
    bool fills = true;
    bool rivers = true;
    bool borders = true;
    bool labels = true;
    bool crossings = true;
};

/// A place label placed for one zoom: where the text goes, in world pixels at that zoom.
struct PlacedLabel {
    int place = -1; ///< index into Basemap::places()
    QPointF anchor; ///< the place's dot, world pixels
    QRectF box;     ///< the text's box, world pixels
};

class BasemapPainter {
public:
    explicit BasemapPainter(std::shared_ptr<const Basemap> basemap,
                            BasemapStyle style = BasemapStyle::standard());
    ~BasemapPainter();

    /// The embedded basemap (":/basemap"), loaded once per process; null (with a qWarning
    /// giving the loader's message) if it cannot be read.
    static std::shared_ptr<const Basemap> embedded();
    /// A painter over the embedded basemap, shared process-wide (it is immutable apart from
    /// its caches); null when the embedded basemap cannot be read.
    static std::shared_ptr<const BasemapPainter> shared();

    const Basemap& basemap() const { return *m_basemap; }
    const BasemapStyle& style() const { return m_style; }

    /// Draws the view into the painter's current coordinates: (0,0) is the view's top-left.
    /// scale multiplies line widths and text sizes (1.0 on screen, larger for big exports).
    void paint(QPainter* painter, const MercatorView& view, qreal scale = 1.0,
               const BasemapLayers& layers = {}) const;

    /// The labels shown at this zoom (collision-free among themselves), world pixels.
    std::vector<PlacedLabel> labelsForZoom(double zoom, qreal scale = 1.0) const;
    /// Lowest place importance labelled at a zoom: 4 (capitals only) far out ... 0 close in.
    static int minImportanceForZoom(double zoom);

    /// A scale bar for the view: a round length in metres and its length in pixels, at most
    /// maxPixels long.
    static std::pair<double, double> scaleBar(const MercatorView& view, double maxPixels);
    static QString formatDistance(double metres);

private:
    struct Shape {
        QPainterPath path; ///< zoom-0 world pixels
        GeoBox bounds;
        int importance = 0;
        QColor fill;
    };
    struct Lod {
        std::vector<Shape> countries, lakes, rivers, borders, tjAfBorders;
    };
    struct LabelCache {
        std::vector<PlacedLabel> labels;
    };

    const LabelCache& labelCache(double zoom, qreal scale) const;
    QFont labelFont(int importance, qreal scale) const;
    const QImage& labelImage(int place, qreal scale) const;
    void drawLabels(QPainter* p, const MercatorView& view, qreal scale) const;
    void drawCrossings(QPainter* p, const MercatorView& view, qreal scale) const;

    std::shared_ptr<const Basemap> m_basemap;
    BasemapStyle m_style;
    std::vector<Lod> m_lods;
    mutable QMutex m_cacheMutex;
    mutable std::map<std::pair<int, int>, std::unique_ptr<LabelCache>> m_labelCache;
    mutable std::map<std::pair<int, int>, QImage> m_labelImages; ///< by (place, scale)
};

} // namespace fa
