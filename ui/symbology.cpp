#include "symbology.h"

#include <QObject>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fa {

namespace {

/// A square's side as a share of MarkerLook::size: a square that wide looks as heavy as a
/// circle or diamond of that size.
constexpr double kSquareSide = 0.85;

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

/// Made once: a cluster's look is built for every row the map reads.
const QFont& clusterLabelFont()
{
    static const QFont font = [] {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(11);
        f.setBold(true);
        return f;
    }();
    return font;
}

} // namespace

double MarkerLook::symbolWidth() const
{
    switch (shape) {
    case MarkerShape::Square:
        return size * kSquareSide;
    case MarkerShape::Diamond:
        return size / std::numbers::sqrt2; // rotated by 45 degrees: tip to tip = size
    case MarkerShape::Circle:
    case MarkerShape::Triangle:
        break;
    }
    return size;
}

double MarkerLook::cornerRadius() const
{
    return shape == MarkerShape::Circle ? size / 2.0 : 0.0;
}

double MarkerLook::rotation() const
{
    return shape == MarkerShape::Diamond ? 45.0 : 0.0;
}

double MarkerLook::extent() const
{
    return std::max({size, haloSize, ringSize});
}

QPainterPath MarkerLook::path() const
{
    return Symbology::shapePath(shape, size);
}

bool MarkerLook::contains(QPointF offset) const
{
    const double ax = std::abs(offset.x()), ay = std::abs(offset.y());
    const double dist = std::hypot(ax, ay);
    // The halo and the selection ring are round and drawn under or around the symbol.
    const double around = std::max(haloSize, ringSize) / 2.0;
    if (around > 0 && dist <= around + kPointerSlop)
        return true;
    const double r = size / 2.0;
    switch (shape) {
    case MarkerShape::Circle:
        return dist <= r + kPointerSlop;
    case MarkerShape::Square:
        return std::max(ax, ay) <= r * kSquareSide + kPointerSlop;
    case MarkerShape::Diamond:
        // Each edge pushed out by the slop: |x| + |y| <= r + slop * sqrt(2).
        return ax + ay <= r + kPointerSlop * std::numbers::sqrt2;
    case MarkerShape::Triangle:
        return path().contains(offset);
    }
    return false;
}

QColor Symbology::familyColor(Family f)
{
    switch (f) {
    case Family::Incident:
        return QColor(0xd7, 0x30, 0x27);
    case Family::Diplomatic:
        return QColor(0x21, 0x66, 0xac);
    case Family::Context:
        return QColor(0x7b, 0x5e, 0x9e);
    }
    return Qt::black;
}

QString Symbology::familyLabel(Family f)
{
    switch (f) {
    case Family::Incident:
        return QObject::tr("Incident");
    case Family::Diplomatic:
        return QObject::tr("Diplomatic");
    case Family::Context:
        return QObject::tr("Context");
    }
    return {};
}

QString Symbology::familyLanePlural(Family f)
{
    switch (f) {
    case Family::Incident:
        return QObject::tr("Incidents");
    case Family::Diplomatic:
        return QObject::tr("Diplomatic");
    case Family::Context:
        return QObject::tr("Context");
    }
    return {};
}

MarkerShape Symbology::familyShape(Family f)
{
    switch (f) {
    case Family::Incident:
        return MarkerShape::Circle;
    case Family::Diplomatic:
        return MarkerShape::Diamond;
    case Family::Context:
        return MarkerShape::Square;
    }
    return MarkerShape::Circle;
}

QPainterPath Symbology::shapePath(MarkerShape shape, double size)
{
    const double r = size / 2.0;
    QPainterPath p;
    switch (shape) {
    case MarkerShape::Circle:
        p.addEllipse(QPointF(0, 0), r, r);
        break;
    case MarkerShape::Square:
        p.addRect(
            QRectF(-r * kSquareSide, -r * kSquareSide, size * kSquareSide, size * kSquareSide));
        break;
    case MarkerShape::Diamond:
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closeSubpath();
        break;
    case MarkerShape::Triangle:
        p.moveTo(0, -r);
        p.lineTo(r, r * 0.8);
        p.lineTo(-r, r * 0.8);
        p.closeSubpath();
        break;
    }
    return p;
}

QColor Symbology::selectionColor()
{
    return QColor(0xff, 0xb0, 0x00);
}
QColor Symbology::borderEmphasisColor()
{
    return QColor(0xb2, 0x18, 0x2b);
}

MarkerLook Symbology::markerLook(quint32 count, int casualties, Family family, bool selected)
{
    MarkerLook l;
    l.fill = familyColor(family);
    l.border = Qt::white;
    l.precisionFill = withAlpha(l.fill, 0.12);
    l.precisionBorder = withAlpha(l.fill, 0.55);
    if (count > 1) {
        // Grows with the order of magnitude, capped a little below the clustering cell.
        l.shape = MarkerShape::Circle;
        l.size = std::min(22.0 + 6.0 * std::log10(double(count)), 42.0);
        l.borderWidth = 2.0;
        l.haloSize = l.size + 8.0;
        l.halo = withAlpha(l.fill, 0.28);
        l.label = countLabel(count);
        l.labelColor = Qt::white;
        l.labelFont = clusterLabelFont();
    } else {
        // Area, not diameter, follows the casualties, so that 20 do not look 20 times one.
        l.shape = familyShape(family);
        l.size = std::min(12.0 + 4.0 * std::sqrt(double(std::max(0, casualties))), 32.0);
        l.borderWidth = 1.5;
    }
    if (selected) {
        l.ringSize = l.size + 8.0;
        l.ringWidth = 3.0;
        l.ringColor = selectionColor();
    }
    l.layer = markerLayer(count, selected);
    return l;
}

int Symbology::markerLayer(quint32 count, bool selected)
{
    return selected ? 2 : (count > 1 ? 0 : 1);
}

double Symbology::stackingOrder(int layer, double latitude, double longitude)
{
    // On a north-up map a southern marker sits nearer the viewer. Both terms stay below 1, so
    // layers never mix.
    const double south = (90.0 - std::clamp(latitude, -90.0, 90.0)) / 180.0;
    const double east = (std::clamp(longitude, -180.0, 180.0) + 180.0) / 360.0;
    return 1.0 + layer + 0.98 * south + 1e-6 * east;
}

QString Symbology::countLabel(quint32 count)
{
    // One decimal while it still says something (1.5k), whole thousands from 10k on.
    if (count < 1000)
        return QString::number(count);
    if (count < 9950)
        return QString::number(std::round(count / 100.0) / 10.0) + QLatin1Char('k');
    if (count < 999500)
        return QString::number(std::lround(count / 1000.0)) + QLatin1Char('k');
    return QString::number(std::round(count / 100000.0) / 10.0) + QLatin1Char('M');
}

void Symbology::paintMarker(QPainter* p, const MarkerLook& look, QPointF at, double s,
                            double precisionPx)
{
    p->save();
    if (precisionPx > look.size * s / 2.0) {
        p->setPen(QPen(look.precisionBorder, 1.0 * s));
        p->setBrush(look.precisionFill);
        p->drawEllipse(at, precisionPx, precisionPx);
    }
    if (look.haloSize > 0) {
        p->setPen(Qt::NoPen);
        p->setBrush(look.halo);
        p->drawEllipse(at, look.haloSize * s / 2.0, look.haloSize * s / 2.0);
    }
    if (look.ringSize > 0) {
        // The ring's outer edge at ringSize, as QML draws a border inside its rectangle.
        const double r = (look.ringSize - look.ringWidth) * s / 2.0;
        p->setPen(QPen(look.ringColor, look.ringWidth * s));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(at, r, r);
    }
    // QML draws a border inside the item's outline; a pen is centred on the path: shrink the
    // path by half the pen so that the outer edge lies where the screen's does.
    p->setPen(QPen(look.border, look.borderWidth * s));
    p->setBrush(look.fill);
    p->drawPath(
        Symbology::shapePath(look.shape, (look.size - look.borderWidth) * s).translated(at));
    if (!look.label.isEmpty()) {
        QFont f = look.labelFont;
        f.setPixelSize(std::max(1, qRound(look.labelFont.pixelSize() * s)));
        p->setFont(f);
        p->setPen(look.labelColor);
        const double r = look.size * s / 2.0;
        p->drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, look.label);
    }
    p->restore();
}

double Symbology::precisionRadiusMetres(CoordPrecision p)
{
    switch (p) {
    case CoordPrecision::Exact:
    case CoordPrecision::Settlement:
        return 0;
    case CoordPrecision::District:
        return 15000;
    case CoordPrecision::Region:
        return 60000;
    }
    return 0;
}

} // namespace fa
