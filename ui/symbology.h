#pragma once
// One place for how events look, so that the map, the timeline, the legend and the briefing
// export draw the same colours and symbols. A map marker's whole look (MarkerLook) is decided
// here: the QML map draws the values the marker model hands it, the briefing paints the same
// values with QPainter, and the map's hit test uses the same shape.

#include "event.h"

#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QString>
#include <QtQmlIntegration/qqmlintegration.h>

class QPainter;

namespace fa {

enum class MarkerShape { Circle, Diamond, Square, Triangle };

/// How one map marker (a single event or a cluster) is drawn. Lengths are in device-independent
/// pixels; a briefing multiplies them by its scale. QML reads it as the value type markerLook.
struct MarkerLook {
    Q_GADGET
    QML_VALUE_TYPE(markerLook)
    Q_PROPERTY(double size MEMBER size)
    Q_PROPERTY(double symbolWidth READ symbolWidth)
    Q_PROPERTY(double cornerRadius READ cornerRadius)
    Q_PROPERTY(double rotation READ rotation)
    Q_PROPERTY(double extent READ extent)
    Q_PROPERTY(QColor fill MEMBER fill)
    Q_PROPERTY(QColor border MEMBER border)
    Q_PROPERTY(double borderWidth MEMBER borderWidth)
    Q_PROPERTY(double haloSize MEMBER haloSize)
    Q_PROPERTY(QColor halo MEMBER halo)
    Q_PROPERTY(double ringSize MEMBER ringSize)
    Q_PROPERTY(double ringWidth MEMBER ringWidth)
    Q_PROPERTY(QColor ringColor MEMBER ringColor)
    Q_PROPERTY(QString label MEMBER label)
    Q_PROPERTY(QColor labelColor MEMBER labelColor)
    Q_PROPERTY(QFont labelFont MEMBER labelFont)
    Q_PROPERTY(QColor precisionFill MEMBER precisionFill)
    Q_PROPERTY(QColor precisionBorder MEMBER precisionBorder)

public:
    /// How far outside its outline a pointer still hits a marker (fingers and shaky hands).
    static constexpr double kPointerSlop = 2.0;
    /// No marker is drawn wider than this (the largest cluster with its halo or ring).
    static constexpr double kMaxExtent = 50.0;

    MarkerShape shape = MarkerShape::Circle; ///< clusters are circles
    double size = 0; ///< the symbol across: diameter, or a diamond's tip to tip
    QColor fill;     ///< the family's colour (a cluster's dominant family)
    QColor border;   ///< outline that sets the symbol off the basemap
    double borderWidth = 0;
    double haloSize = 0; ///< diameter of a translucent disc behind a cluster; 0: none
    QColor halo;
    double ringSize = 0; ///< outer diameter of the selection ring; 0: not selected
    double ringWidth = 0;
    QColor ringColor;
    QString label; ///< a cluster's count ("1.5k"); empty for a single event
    QColor labelColor;
    QFont labelFont;
    QColor precisionFill; ///< the circle around a district- or region-precision location
    QColor precisionBorder;
    int layer = 0; ///< stacking: clusters 0, single events 1, the selection 2

    /// Side of the unrotated square (or diameter) that draws the symbol.
    double symbolWidth() const;
    double cornerRadius() const; ///< half the width for circles, 0 (sharp) otherwise
    double rotation() const;     ///< 45 for a diamond (a rotated square), 0 otherwise
    /// Diameter of everything drawn around the centre (symbol, halo, ring).
    double extent() const;
    /// The symbol's outline centred at (0, 0).
    QPainterPath path() const;
    /// Whether a point, relative to the marker's centre, falls on the marker: on the symbol's
    /// own shape, its halo or its ring, or within kPointerSlop of them.
    bool contains(QPointF offset) const;

    bool operator==(const MarkerLook&) const = default;
};

struct Symbology {
    static QColor familyColor(Family f);  ///< incident red, diplomatic blue, context grey-violet
    static QString familyLabel(Family f); ///< "Incident", "Diplomatic", "Context"
    static QString familyLanePlural(Family f); ///< "Incidents", "Diplomatic", "Context"
    static MarkerShape familyShape(Family f);
    /// The side of a map clustering cell (EventIndex::clusters) in device-independent pixels,
    /// on screen and in the briefing (times its scale): larger than the largest marker, so
    /// that singles never overlap; cluster discs stay about this size.
    static constexpr double kClusterCellPx = 44.0;
    /// The shape centred at (0,0) with the given size (see MarkerLook::size), for QPainter users.
    static QPainterPath shapePath(MarkerShape shape, double size);
    static QColor selectionColor();
    static QColor borderEmphasisColor(); ///< the Tajik-Afghan border line

    /// A map marker of count events (1: a single event) of the given (dominant) family, with
    /// the largest known casualty figure among them. Single events grow with casualties,
    /// clusters with their count, both capped below the clustering cell.
    static MarkerLook markerLook(quint32 count, int casualties, Family family,
                                 bool selected = false);
    /// MarkerLook::layer of such a marker, without building the rest of the look.
    static int markerLayer(quint32 count, bool selected);
    /// Drawing order of a marker (the QML z; higher on top, always >= 1, above the basemap):
    /// its layer, then southern over northern markers, then eastern over western. A function of
    /// the marker alone, so the QML items, the hit test and the briefing stack alike.
    static double stackingOrder(int layer, double latitude, double longitude);
    /// A cluster's count as it reads on a map: "7", "950", "1.5k", "12k", "1.2M".
    static QString countLabel(quint32 count);
    /// Paints a marker centred at `at`; lengths are multiplied by scale. precisionPx: radius of
    /// the location's precision circle in (already scaled) pixels, 0 for none.
    static void paintMarker(QPainter* p, const MarkerLook& look, QPointF at, double scale,
                            double precisionPx = 0);

    /// Precision circles are drawn from this zoom on (below it they would cover the map).
    static constexpr double kPrecisionZoom = 8.0;
    /// How far a location's precision reaches, in metres (district ~15 km, region ~60 km).
    static double precisionRadiusMetres(CoordPrecision p);
};

} // namespace fa
