#pragma once
// One place for how events look, so that the map, the timeline, the legend and the briefing
// export draw the same colours and symbols.

#include "event.h"

#include <QColor>
#include <QPainterPath>
#include <QString>

namespace fa {

enum class MarkerShape { Circle, Diamond, Square, Triangle };

struct Symbology {
    static QColor familyColor(Family f);  ///< incident red, diplomatic blue, context grey-violet
    static QString familyLabel(Family f); ///< "Incident", "Diplomatic", "Context"
    static QString familyLanePlural(Family f); ///< "Incidents", "Diplomatic", "Context"
    static MarkerShape familyShape(Family f);
    /// Marker diameter in device-independent pixels: grows with known casualties, capped.
    static double markerSize(int casualties);
    /// The side of a map clustering cell (EventIndex::clusters) in device-independent pixels,
    /// on screen and in the briefing (times its scale): larger than the largest marker, so
    /// that singles never overlap; cluster discs stay about this size.
    static constexpr double kClusterCellPx = 44.0;
    /// The shape centred at (0,0) with the given size, for QPainter users.
    static QPainterPath shapePath(MarkerShape shape, double size);
    /// The same shape's name for QML ("circle", "diamond", "square", "triangle").
    static QString shapeName(MarkerShape shape);
    static QColor selectionColor();
    static QColor borderEmphasisColor(); ///< the Tajik-Afghan border line
};

} // namespace fa
