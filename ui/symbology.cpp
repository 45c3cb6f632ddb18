#include "symbology.h"

#include <QtMath>
#include <algorithm>

namespace fa {

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

double Symbology::markerSize(int casualties)
{
    // Area grows with the count so that 20 casualties do not look 20 times bigger than one.
    const double extra = 4.0 * std::sqrt(std::max(0, casualties));
    return std::min(12.0 + extra, 32.0);
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
        p.addRect(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7));
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

QString Symbology::shapeName(MarkerShape shape)
{
    switch (shape) {
    case MarkerShape::Circle:
        return QStringLiteral("circle");
    case MarkerShape::Diamond:
        return QStringLiteral("diamond");
    case MarkerShape::Square:
        return QStringLiteral("square");
    case MarkerShape::Triangle:
        return QStringLiteral("triangle");
    }
    return {};
}

QColor Symbology::selectionColor()
{
    return QColor(0xff, 0xb0, 0x00);
}
QColor Symbology::borderEmphasisColor()
{
    return QColor(0xb2, 0x18, 0x2b);
}

} // namespace fa
