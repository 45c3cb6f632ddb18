#pragma once
// What the timeline shows, as plain values (see TimelinePainter): the export edits a copy,
// never the live widget.

#include <QFont>
#include <QString>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace fa {

struct TimelineView {
    double visibleFrom = 0, visibleTo = 1; ///< UTC seconds across the lanes
    qint64 windowFrom = 0, windowTo = 1;   ///< the navigator's window (the brush)
    qint64 extentFrom = 0, extentTo = 1;   ///< the dataset's extent (the overview strip's range)
    bool cumulative = false;               ///< shade everything up to windowTo as active
    QUuid selected;                        ///< highlighted when drawn
    bool showLegend = true;
    bool showOverview = true;
    bool showWindow = true;    ///< the brush and the veil outside it
    QString fontFamily;        ///< empty: the application's default family
    double fontPixelSize = 11; ///< at scale 1

    /// The view's font at scale px, sizeFactor times the base size (set in pixels).
    QFont font(double px, double sizeFactor = 1.0) const
    {
        QFont f;
        if (!fontFamily.isEmpty())
            f.setFamily(fontFamily);
        f.setPixelSize(std::max(1, int(std::lround(fontPixelSize * sizeFactor * px))));
        return f;
    }
};

} // namespace fa
