#include "basemappainter.h"

#include "symbology.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtDebug>

#include <cmath>

namespace fa {

BasemapStyle BasemapStyle::standard()
{
    BasemapStyle s;
    s.water = QColor(0xdf, 0xe8, 0xef);
    s.tajikistan = QColor(0xf4, 0xe9, 0xcf);  // warm sand
    s.afghanistan = QColor(0xe6, 0xec, 0xd3); // pale sage
    s.neighbour = QColor(0xec, 0xeb, 0xe8);   // muted grey
    s.lake = QColor(0xa8, 0xc8, 0xe0);
    s.river = QColor(0x6a, 0x9c, 0xc8);
    s.border = QColor(0x8c, 0x7f, 0x96);
    s.tajikAfghanBorder = Symbology::borderEmphasisColor();
    s.label = QColor(0x33, 0x33, 0x33);
    s.labelHalo = QColor(0xff, 0xff, 0xff, 0xd8);
    return s;
}

namespace {

QPainterPath worldPath(const QList<QPointF>& pts, bool close)
{
    QPainterPath path;
    for (qsizetype i = 0; i < pts.size(); ++i) {
        const QPointF w(MercatorView::worldX(pts[i].x(), 0), MercatorView::worldY(pts[i].y(), 0));
        if (i == 0)
            path.moveTo(w);
        else
            path.lineTo(w);
    }
    if (close)
        path.closeSubpath();
    return path;
}

QPainterPath worldPath(const BasemapPolygon& poly)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill); // holes are enclaves of other countries
    for (const QList<QPointF>& ring : poly.rings)
        path.addPath(worldPath(ring, true));
    return path;
}

GeoBox grow(const GeoBox& b, double deg)
{
    return GeoBox{b.west - deg, b.south - deg, b.east + deg, b.north + deg};
}

} // namespace

BasemapPainter::BasemapPainter(std::shared_ptr<const Basemap> basemap, BasemapStyle style)
    : m_basemap(std::move(basemap)), m_style(std::move(style))
{
    for (int i = 0; i < m_basemap->lodCount(); ++i) {
        const BasemapLod& src = m_basemap->lod(i);
        Lod lod;
        // Neighbours first, so that the focus countries are drawn over any sliver they share.
        for (int pass = 0; pass < 2; ++pass) {
            for (const BasemapCountry& c : src.countries) {
                if ((c.role == CountryRole::Focus) != (pass == 1))
                    continue;
                for (const BasemapPolygon& poly : c.polygons) {
                    Shape s{worldPath(poly), poly.bounds, 0, m_style.neighbour};
                    if (c.iso == QLatin1String("TJ"))
                        s.fill = m_style.tajikistan;
                    else if (c.iso == QLatin1String("AF"))
                        s.fill = m_style.afghanistan;
                    lod.countries.push_back(std::move(s));
                }
            }
        }
        for (const BasemapLake& l : src.lakes)
            lod.lakes.push_back(Shape{worldPath(l.polygon), l.polygon.bounds, 0, m_style.lake});
        // Least important first, so that major rivers are drawn on top.
        for (auto it = src.rivers.rbegin(); it != src.rivers.rend(); ++it)
            lod.rivers.push_back(
                Shape{worldPath(it->points, false), it->bounds, it->importance, {}});
        for (const BasemapBorder& b : src.borders) {
            Shape s{worldPath(b.points, false), b.bounds, 0, {}};
            (b.kind == BorderKind::TajikAfghan ? lod.tjAfBorders : lod.borders).push_back(s);
        }
        m_lods.push_back(std::move(lod));
    }
}

BasemapPainter::~BasemapPainter() = default;

std::shared_ptr<const Basemap> BasemapPainter::embedded()
{
    static const std::shared_ptr<const Basemap> bm = []() -> std::shared_ptr<const Basemap> {
        Result<Basemap> r = Basemap::load(Basemap::embeddedPath());
        if (!r) {
            qWarning("%s", qPrintable(r.error().message));
            return nullptr;
        }
        return std::make_shared<const Basemap>(std::move(r).value());
    }();
    return bm;
}

std::shared_ptr<const BasemapPainter> BasemapPainter::shared()
{
    static const std::shared_ptr<const BasemapPainter> painter =
        []() -> std::shared_ptr<const BasemapPainter> {
        auto bm = embedded();
        return bm ? std::make_shared<const BasemapPainter>(bm) : nullptr;
    }();
    return painter;
}

int BasemapPainter::minImportanceForZoom(double zoom)
{
    if (zoom < 5.5)
        return 4;
    if (zoom < 6.5)
        return 3;
    if (zoom < 7.5)
        return 2;
    if (zoom < 8.5)
        return 1;
    return 0;
}

QFont BasemapPainter::labelFont(int importance, qreal scale) const
{
    QFont f(QStringLiteral("DejaVu Sans"));
    static constexpr double kSize[] = {10.0, 10.5, 11.0, 12.0, 13.5};
    f.setPixelSize(std::max(1, qRound(kSize[std::clamp(importance, 0, 4)] * scale)));
    f.setBold(importance >= 3);
    return f;
}

const BasemapPainter::LabelCache& BasemapPainter::labelCache(double zoom, qreal scale) const
{
    const std::pair<int, int> key(static_cast<int>(std::floor(zoom * 4.0)), qRound(scale * 100.0));
    QMutexLocker lock(&m_cacheMutex);
    auto it = m_labelCache.find(key);
    if (it != m_labelCache.end())
        return *it->second;

    const double zq = key.first / 4.0;
    auto cache = std::make_unique<LabelCache>();
    const int minImportance = minImportanceForZoom(zq);
    const double pad = 3.0 * scale;
    const double dotR = 2.5 * scale;
    std::vector<QRectF> taken; // label boxes and dots already placed
    const auto& places = m_basemap->places();
    for (size_t i = 0; i < places.size(); ++i) {
        const BasemapPlace& pl = places[i];
        if (pl.importance < minImportance)
            continue;
        const QPointF a(MercatorView::worldX(pl.position.x(), zq),
                        MercatorView::worldY(pl.position.y(), zq));
        const QRectF dot(a.x() - dotR, a.y() - dotR, 2 * dotR, 2 * dotR);
        const QFontMetricsF fm(labelFont(pl.importance, scale));
        const QSizeF sz(fm.horizontalAdvance(pl.name) + 4 * scale, fm.height() + 2 * scale);
        // Right of the dot first (the cartographic default), then left, above, below.
        const QRectF candidates[] = {
            QRectF(QPointF(a.x() + dotR + 2 * scale, a.y() - sz.height() / 2), sz),
            QRectF(QPointF(a.x() - dotR - 2 * scale - sz.width(), a.y() - sz.height() / 2), sz),
            QRectF(QPointF(a.x() - sz.width() / 2, a.y() - dotR - sz.height()), sz),
            QRectF(QPointF(a.x() - sz.width() / 2, a.y() + dotR), sz),
        };
        auto free = [&](const QRectF& r) {
            const QRectF padded = r.adjusted(-pad, -pad, pad, pad);
            for (const QRectF& t : taken) {
                if (padded.intersects(t))
                    return false;
            }
            return true;
        };
        if (!free(dot))
            continue; // the dot itself would sit under another label
        for (const QRectF& c : candidates) {
            if (free(c)) {
                taken.push_back(dot);
                taken.push_back(c);
                cache->labels.push_back(PlacedLabel{static_cast<int>(i), a, c});
                break;
            }
        }
    }
    auto& slot = m_labelCache[key];
    slot = std::move(cache);
    return *slot;
}

const QImage& BasemapPainter::labelImage(int place, qreal scale) const
{
    // The same text at every zoom: drawn once per place and scale, when first shown.
    const std::pair<int, int> key(place, qRound(scale * 100.0));
    QMutexLocker lock(&m_cacheMutex);
    auto it = m_labelImages.find(key);
    if (it != m_labelImages.end())
        return it->second;
    const BasemapPlace& pl = m_basemap->places()[static_cast<size_t>(place)];
    const QFont f = labelFont(pl.importance, scale);
    const QFontMetricsF fm(f);
    const double halo = 1.5 * scale;
    const QSizeF sz(fm.horizontalAdvance(pl.name) + 4 * scale, fm.height() + 2 * scale);
    QImage img(sz.toSize() + QSize(2, 2), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter ip(&img);
    ip.setFont(f);
    const QPointF base(2 * scale, 1 * scale + fm.ascent());
    // A halo from eight offset copies: much cheaper than stroking the glyph outlines.
    ip.setPen(m_style.labelHalo);
    for (int dx = -1; dx <= 1; ++dx) {
        for (int dy = -1; dy <= 1; ++dy) {
            if (dx || dy)
                ip.drawText(base + QPointF(dx * halo, dy * halo), pl.name);
        }
    }
    ip.setPen(m_style.label);
    ip.drawText(base, pl.name);
    ip.end();
    return m_labelImages.emplace(key, std::move(img)).first->second;
}

std::vector<PlacedLabel> BasemapPainter::labelsForZoom(double zoom, qreal scale) const
{
    return labelCache(zoom, scale).labels;
}

void BasemapPainter::drawLabels(QPainter* p, const MercatorView& view, qreal scale) const
{
    const LabelCache& cache = labelCache(view.zoom, scale);
    const double zq = std::floor(view.zoom * 4.0) / 4.0;
    const double k = std::exp2(view.zoom - zq); // between zoom steps: positions follow the map
    const QRectF viewRect(0, 0, view.width, view.height);
    const auto& places = m_basemap->places();
    p->setPen(Qt::NoPen);
    for (size_t i = 0; i < cache.labels.size(); ++i) {
        const PlacedLabel& l = cache.labels[i];
        const QPointF a(l.anchor.x() * k - view.left(), l.anchor.y() * k - view.top());
        const QPointF topLeft = a + (l.box.topLeft() - l.anchor);
        const QRectF box(topLeft, l.box.size());
        if (!viewRect.intersects(box.united(QRectF(a, QSizeF(1, 1)))))
            continue;
        const BasemapPlace& pl = places[static_cast<size_t>(l.place)];
        const double r = (pl.importance >= 4 ? 3.5 : 2.5) * scale;
        p->setBrush(m_style.labelHalo);
        p->drawEllipse(a, r + 1.2 * scale, r + 1.2 * scale);
        p->setBrush(m_style.label);
        p->drawEllipse(a, r, r);
        p->drawImage(topLeft, labelImage(l.place, scale));
    }
}

void BasemapPainter::drawCrossings(QPainter* p, const MercatorView& view, qreal scale) const
{
    if (view.zoom < 6.5)
        return;
    const double r = 5.0 * scale;
    QFont f = labelFont(1, scale);
    f.setItalic(true);
    p->setFont(f);
    for (const BasemapCrossing& c : m_basemap->crossings()) {
        const QPointF a(view.toX(c.position.x()), view.toY(c.position.y()));
        if (a.x() < -200 * scale || a.y() < -20 * scale || a.x() > view.width + 200 * scale ||
            a.y() > view.height + 20 * scale)
            continue;
        // A small white diamond outlined in the border colour: a crossing point on the border.
        QPainterPath d;
        d.moveTo(a + QPointF(0, -r));
        d.lineTo(a + QPointF(r, 0));
        d.lineTo(a + QPointF(0, r));
        d.lineTo(a + QPointF(-r, 0));
        d.closeSubpath();
        p->setPen(QPen(m_style.tajikAfghanBorder, 1.5 * scale));
        p->setBrush(Qt::white);
        p->drawPath(d);
        if (view.zoom >= 8.5) {
            QPainterPath text;
            text.addText(a + QPointF(r + 3 * scale, r + 4 * scale), f, c.name);
            p->strokePath(text, QPen(m_style.labelHalo, 3.0 * scale));
            p->fillPath(text, m_style.tajikAfghanBorder.darker(130));
        }
    }
}

void BasemapPainter::paint(QPainter* p, const MercatorView& view, qreal scale,
                           const BasemapLayers& layers) const
{
    if (!p || m_lods.empty() || view.width <= 0 || view.height <= 0)
        return;
    const Lod& lod = m_lods[static_cast<size_t>(m_basemap->lodIndexForZoom(view.zoom))];
    const GeoBox visible = grow(view.bounds(), 0.01);
    const double k = std::exp2(view.zoom);

    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->save();
    // Paths are in zoom-0 world pixels: one transform places them in the view.
    p->setTransform(QTransform(k, 0, 0, k, -view.left(), -view.top()), true);
    auto cosmetic = [](const QColor& c, double w) {
        QPen pen(c, w);
        pen.setCosmetic(true); // widths in device pixels whatever the zoom
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        return pen;
    };
    if (layers.fills) {
        // Fills without antialiasing: about half the cost of a frame otherwise, and the borders
        // and rivers drawn on top (antialiased) hide the stair-steps.
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(Qt::NoPen);
        for (const Shape& s : lod.countries) {
            if (intersects(s.bounds, visible)) {
                p->setBrush(s.fill);
                p->drawPath(s.path);
            }
        }
        p->setBrush(m_style.lake);
        for (const Shape& s : lod.lakes) {
            if (intersects(s.bounds, visible))
                p->drawPath(s.path);
        }
    }
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setBrush(Qt::NoBrush);
    if (layers.rivers) {
        // Width by importance, a little wider as one zooms in.
        const double grow = std::clamp((view.zoom - 7.0) * 0.25, 0.0, 1.0);
        static constexpr double kWidth[] = {0.6, 0.9, 1.3, 2.0};
        int current = -1;
        for (const Shape& s : lod.rivers) {
            if (!intersects(s.bounds, visible))
                continue;
            if (s.importance != current) {
                current = s.importance;
                p->setPen(cosmetic(m_style.river, (kWidth[current] + grow) * scale));
            }
            p->drawPath(s.path);
        }
    }
    if (layers.borders) {
        QPen intl = cosmetic(m_style.border, 1.3 * scale);
        intl.setDashPattern({6, 2, 1.5, 2});
        p->setPen(intl);
        for (const Shape& s : lod.borders) {
            if (intersects(s.bounds, visible))
                p->drawPath(s.path);
        }
        // The Tajik-Afghan border: a pale halo, then the emphasis colour on top.
        QColor halo = Qt::white;
        halo.setAlpha(170);
        for (const QPen& pen :
             {cosmetic(halo, 5.5 * scale), cosmetic(m_style.tajikAfghanBorder, 2.8 * scale)}) {
            p->setPen(pen);
            for (const Shape& s : lod.tjAfBorders) {
                if (intersects(s.bounds, visible))
                    p->drawPath(s.path);
            }
        }
    }
    p->restore();
    if (layers.crossings)
        drawCrossings(p, view, scale);
    if (layers.labels)
        drawLabels(p, view, scale);
    p->restore();
}

std::pair<double, double> BasemapPainter::scaleBar(const MercatorView& view, double maxPixels)
{
    const double mpp = view.metresPerPixel();
    const double maxMetres = mpp * maxPixels;
    if (!(maxMetres > 0))
        return {0.0, 0.0};
    const double p10 = std::pow(10.0, std::floor(std::log10(maxMetres)));
    double nice = p10;
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * p10 <= maxMetres) {
            nice = m * p10;
            break;
        }
    }
    return {nice, nice / mpp};
}

QString BasemapPainter::formatDistance(double metres)
{
    if (metres >= 1000.0)
        return QStringLiteral("%1 km").arg(metres / 1000.0, 0, 'g', 4);
    return QStringLiteral("%1 m").arg(metres, 0, 'f', 0);
}

} // namespace fa
