#include "briefingrenderer.h"

#include "eventstore.h"
#include "eventtext.h"
#include "filterpanel.h"
#include "symbology.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QLocale>
#include <QMap>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace fa {
namespace {

const QColor kWater(0xd4, 0xe4, 0xee);
const QColor kInk(0x1d, 0x24, 0x2b);
const QColor kMutedInk(0x55, 0x5f, 0x69);
const QColor kFrame(0x9a, 0xa5, 0xb1);
const QColor kCaveatBand(0x1f, 0x5f, 0x3a);

QFont fontPx(qreal px, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, qRound(px)));
    f.setBold(bold);
    return f;
}

// A length for the scale bar: 1, 2 or 5 times a power of ten, not longer than maxMetres.
double niceLength(double maxMetres)
{
    const double p = std::pow(10.0, std::floor(std::log10(std::max(maxMetres, 1.0))));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= maxMetres)
            return m * p;
    return p;
}

} // namespace

void BriefingScene::selectEvents()
{
    // The filter may carry a box of its own: the map shows where both hold.
    query.box =
        GeoBox{std::max(query.box.west, mapBox.west), std::max(query.box.south, mapBox.south),
               std::min(query.box.east, mapBox.east), std::min(query.box.north, mapBox.north)};
    shown = std::make_shared<const std::vector<std::uint32_t>>(
        index ? index->query(query) : std::vector<std::uint32_t>{});
}

struct BriefingRenderer::Layout {
    QRectF topBanner, header, map, timeline, footer, bottomBanner;
};

BriefingRenderer::BriefingRenderer(BriefingSettings settings, BriefingScene scene)
    : m_settings(std::move(settings)), m_scene(std::move(scene)),
      m_basemapAttribution(QObject::tr("Plain background (no basemap)"))
{
    if (!m_scene.generatedAt.isValid())
        m_scene.generatedAt = QDateTime::currentDateTimeUtc();
    if (!m_scene.shown)
        m_scene.selectEvents();
}

qreal BriefingRenderer::scaleFor(const QSizeF& size)
{
    return std::max(0.25, std::min(size.width() / 1920.0, size.height() / 1080.0));
}

QString BriefingRenderer::describeFilter(const EventFilter& f)
{
    // The same words as the filter panel's summary line, without its time window (the title
    // carries the window): the slide says what the analyst saw on screen.
    return FilterPanel::describe(f, 0, 0, false);
}

QString BriefingRenderer::effectiveTitle() const
{
    if (!m_settings.title.isEmpty())
        return m_settings.title;
    return QObject::tr("Frontier events, %1")
        .arg(eventtext::rangeText(m_scene.windowFrom, m_scene.windowTo));
}

QString BriefingRenderer::effectiveSubtitle() const
{
    if (!m_settings.subtitle.isEmpty())
        return m_settings.subtitle;
    return QObject::tr("%1 · %2 events shown")
        .arg(describeFilter(m_scene.filter),
             QLocale(QLocale::English).toString(qulonglong(m_scene.shown->size())));
}

QString BriefingRenderer::snapshotId() const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (m_scene.index) {
        for (std::uint32_t row : *m_scene.shown)
            h.addData(m_scene.index->idAt(row).toRfc4122());
    }
    h.addData(describeFilter(m_scene.filter).toUtf8());
    h.addData(QByteArray::number(m_scene.windowFrom) + ':' + QByteArray::number(m_scene.windowTo));
    return QString::fromLatin1(h.result().toHex().left(10));
}

BriefingRenderer::Layout BriefingRenderer::layoutFor(const QRectF& target, qreal s) const
{
    Layout l;
    const qreal margin = 24 * s;
    qreal y = target.top();
    const qreal bannerH = m_settings.caveat.isEmpty() ? 0 : 40 * s;
    l.topBanner = QRectF(target.left(), y, target.width(), bannerH);
    y += bannerH;
    const qreal headerH = 104 * s;
    l.header =
        QRectF(target.left() + margin, y + 10 * s, target.width() - 2 * margin, headerH - 10 * s);
    y += headerH;
    const qreal footerH = 58 * s;
    const qreal bottom = target.bottom() - bannerH;
    l.bottomBanner = QRectF(target.left(), bottom, target.width(), bannerH);
    l.footer =
        QRectF(target.left() + margin, bottom - footerH, target.width() - 2 * margin, footerH);
    const QRectF content(target.left() + margin, y, target.width() - 2 * margin,
                         std::max(10.0, l.footer.top() - y - 8 * s));
    switch (m_settings.content) {
    case BriefingSettings::Content::Map:
        l.map = content;
        break;
    case BriefingSettings::Content::Timeline:
        l.timeline = content;
        break;
    case BriefingSettings::Content::MapAndTimeline: {
        const qreal tlH = std::round(content.height() * 0.28);
        l.map =
            QRectF(content.left(), content.top(), content.width(), content.height() - tlH - 12 * s);
        l.timeline = QRectF(content.left(), l.map.bottom() + 12 * s, content.width(), tlH);
        break;
    }
    }
    return l;
}

QRectF BriefingRenderer::mapRectFor(const QRectF& target, qreal scale) const
{
    return layoutFor(target, scale).map;
}

MercatorView BriefingRenderer::mapViewFor(const QRectF& mapRect) const
{
    return MercatorView::fit(m_scene.mapBox, mapRect.width(), mapRect.height(),
                             0.04 * std::min(mapRect.width(), mapRect.height()));
}

void BriefingRenderer::render(QPainter* p, const QRectF& target, qreal s) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::TextAntialiasing, true);
    p->fillRect(target, Qt::white);
    const Layout l = layoutFor(target, s);

    // Handling caveat: a band at the top and at the bottom, as briefing templates do.
    if (!m_settings.caveat.isEmpty()) {
        for (const QRectF& band : {l.topBanner, l.bottomBanner}) {
            p->fillRect(band, kCaveatBand);
            p->setPen(Qt::white);
            p->setFont(fontPx(20 * s, true));
            p->drawText(band, Qt::AlignCenter, m_settings.caveat);
        }
    }

    // Title and subtitle, elided rather than clipped mid-glyph.
    p->setPen(kInk);
    QFont titleFont = fontPx(38 * s, true);
    p->setFont(titleFont);
    const QRectF titleRect(l.header.left(), l.header.top(), l.header.width(), 50 * s);
    p->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(titleFont, p->device())
                    .elidedText(effectiveTitle(), Qt::ElideRight, titleRect.width()));
    QFont subFont = fontPx(21 * s);
    p->setFont(subFont);
    p->setPen(kMutedInk);
    const QRectF subRect(l.header.left(), titleRect.bottom() + 4 * s, l.header.width(), 34 * s);
    p->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(subFont, p->device())
                    .elidedText(effectiveSubtitle(), Qt::ElideRight, subRect.width()));

    if (!l.map.isEmpty())
        drawMap(p, l.map, s);
    if (!l.timeline.isEmpty()) {
        p->save();
        p->setClipRect(l.timeline);
        if (m_timeline)
            m_timeline(p, l.timeline, m_scene, s);
        else
            drawFallbackTimeline(p, l.timeline, s);
        p->restore();
        p->setPen(QPen(kFrame, 1.0 * s));
        p->setBrush(Qt::NoBrush);
        p->drawRect(l.timeline);
    }

    // Footer: attribution and sources on the left, time stamp and snapshot id on the right.
    QFont footFont = fontPx(15 * s);
    p->setFont(footFont);
    p->setPen(kMutedInk);
    const QFontMetricsF fm(footFont, p->device());
    const QString stamp =
        QObject::tr("Generated %1 UTC · snapshot %2")
            .arg(m_scene.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 snapshotId());
    const qreal stampW = fm.horizontalAdvance(stamp) + 8 * s;
    const QRectF left(l.footer.left(), l.footer.top(), l.footer.width() - stampW - 16 * s,
                      l.footer.height());
    QStringList leftLines;
    if (m_settings.attribution)
        leftLines << m_basemapAttribution;
    if (m_settings.sourcesLine)
        leftLines << sourcesText();
    qreal ly = left.top() + 4 * s;
    for (const QString& line : leftLines) {
        p->drawText(QRectF(left.left(), ly, left.width(), fm.height()),
                    Qt::AlignLeft | Qt::AlignTop,
                    fm.elidedText(line, Qt::ElideRight, left.width()));
        ly += fm.height() + 4 * s;
    }
    if (m_settings.timestamp)
        p->drawText(QRectF(l.footer.right() - stampW, l.footer.top() + 4 * s, stampW, fm.height()),
                    Qt::AlignRight | Qt::AlignTop, stamp);
    p->restore();
}

std::vector<Cluster> BriefingRenderer::clustersFor(const MercatorView& view, qreal s) const
{
    if (!m_scene.index)
        return {};
    // The same cell size as on screen (in reference pixels), so the picture groups markers
    // as the analyst saw them; larger exports only get crisper.
    return m_scene.index->clusters(m_scene.query, view.zoom, view.left(), view.top(), view.width,
                                   view.height, Symbology::kClusterCellPx * s);
}

void BriefingRenderer::drawMap(QPainter* p, const QRectF& rect, qreal s) const
{
    const MercatorView view = mapViewFor(rect);
    p->save();
    p->setClipRect(rect);
    p->translate(rect.topLeft());
    p->fillRect(QRectF(0, 0, rect.width(), rect.height()), kWater);
    if (m_basemap)
        m_basemap(p, view, s);

    // The screen's markers (Symbology::markerLook), stacked as the map stacks them, with
    // precision circles where the map would show them at this zoom.
    const std::vector<Cluster> clusters = clustersFor(view, s);
    std::vector<std::pair<double, std::size_t>> order;
    order.reserve(clusters.size());
    for (std::size_t i = 0; i < clusters.size(); ++i)
        order.emplace_back(
            Symbology::stackingOrder(Symbology::markerLayer(clusters[i].count, false),
                                     clusters[i].latitude, clusters[i].longitude),
            i);
    std::sort(order.begin(), order.end());
    const bool precisionShown = view.zoom >= Symbology::kPrecisionZoom;
    for (const auto& [z, i] : order) {
        const Cluster& c = clusters[i];
        const MarkerLook look = Symbology::markerLook(c.count, c.maxCasualties, c.dominant);
        double precisionPx = 0;
        if (precisionShown && c.count == 1) {
            MercatorView at = view;
            at.centerLat = c.latitude;
            precisionPx =
                Symbology::precisionRadiusMetres(m_scene.index->coordPrecisionAt(c.firstRow)) /
                at.metresPerPixel();
        }
        Symbology::paintMarker(p, look, QPointF(view.toX(c.longitude), view.toY(c.latitude)), s,
                               precisionPx);
    }
    p->restore();

    p->save();
    p->translate(rect.topLeft());
    const QRectF local(0, 0, rect.width(), rect.height());
    if (m_settings.legend)
        drawLegend(p, local, s, clusters);
    if (m_settings.scaleBar)
        drawScaleBar(p, local, view, s);
    if (m_settings.northArrow)
        drawNorthArrow(p, local, s);
    p->restore();
    p->setPen(QPen(kFrame, 1.0 * s));
    p->setBrush(Qt::NoBrush);
    p->drawRect(rect);
}

void BriefingRenderer::drawLegend(QPainter* p, const QRectF& mapRect, qreal s,
                                  const std::vector<Cluster>& clusters) const
{
    // Only the families of the events shown, and the group symbol only when one is drawn.
    const bool anyCluster =
        std::any_of(clusters.begin(), clusters.end(), [](const Cluster& c) { return c.count > 1; });
    struct Row {
        QString label;
        std::function<void(QPointF)> draw;
    };
    std::vector<Row> rows;
    for (Family f : legendFamilies()) {
        // The map's own symbol of one event with one casualty (16 px, a little above the least).
        rows.push_back({Symbology::familyLanePlural(f), [p, f, s](QPointF at) {
                            Symbology::paintMarker(p, Symbology::markerLook(1, 1, f), at, s);
                        }});
    }
    if (anyCluster)
        rows.push_back({QObject::tr("Group of events (count)"), [p, s](QPointF at) {
                            // A cluster's symbol in neutral grey, without count or halo.
                            MarkerLook look = Symbology::markerLook(2, 0, Family::Incident);
                            look.fill = QColor(0x70, 0x70, 0x70);
                            look.haloSize = 0;
                            look.label.clear();
                            Symbology::paintMarker(p, look, at, s);
                        }});
    rows.push_back({QObject::tr("Larger symbol: more casualties"), [p, s](QPointF at) {
                        p->setPen(QPen(kMutedInk, 1.2 * s));
                        p->setBrush(Qt::NoBrush);
                        p->drawEllipse(at, 5 * s, 5 * s);
                        p->drawEllipse(at + QPointF(0, 0), 10 * s, 10 * s);
                    }});
    const QFont font = fontPx(16 * s);
    const QFontMetricsF fm(font, p->device());
    qreal textW = fm.horizontalAdvance(QObject::tr("Legend"));
    for (const Row& r : rows)
        textW = std::max(textW, fm.horizontalAdvance(r.label));
    const qreal rowH = 28 * s;
    const QRectF box(mapRect.right() - textW - 68 * s, mapRect.top() + 14 * s, textW + 54 * s,
                     rowH * (rows.size() + 1) + 10 * s);
    p->setPen(QPen(kFrame, 1 * s));
    p->setBrush(QColor(255, 255, 255, 235));
    p->drawRoundedRect(box, 6 * s, 6 * s);
    p->setFont(fontPx(16 * s, true));
    p->setPen(kInk);
    p->drawText(QRectF(box.left() + 12 * s, box.top() + 4 * s, box.width(), rowH),
                Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("Legend"));
    p->setFont(font);
    qreal y = box.top() + 4 * s + rowH;
    for (const Row& r : rows) {
        p->save();
        r.draw(QPointF(box.left() + 24 * s, y + rowH / 2));
        p->restore();
        p->setPen(kInk);
        p->drawText(QRectF(box.left() + 42 * s, y, textW + 8 * s, rowH),
                    Qt::AlignLeft | Qt::AlignVCenter, r.label);
        y += rowH;
    }
}

void BriefingRenderer::drawScaleBar(QPainter* p, const QRectF& mapRect, const MercatorView& view,
                                    qreal s) const
{
    const double mpp = view.metresPerPixel();
    const double metres = niceLength(mpp * 220 * s);
    const double px = metres / mpp;
    const QPointF origin(mapRect.left() + 20 * s, mapRect.bottom() - 26 * s);
    const QString label = metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000.0)
                                         : QStringLiteral("%1 m").arg(metres);
    const QFont font = fontPx(15 * s, true);
    const QFontMetricsF fm(font, p->device());
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 255, 255, 215));
    p->drawRoundedRect(QRectF(origin.x() - 8 * s, origin.y() - fm.height() - 12 * s,
                              std::max(px, fm.horizontalAdvance(label)) + 16 * s,
                              fm.height() + 22 * s),
                       4 * s, 4 * s);
    p->setPen(QPen(kInk, 2.5 * s, Qt::SolidLine, Qt::FlatCap));
    p->drawLine(origin, origin + QPointF(px, 0));
    p->drawLine(origin, origin + QPointF(0, -7 * s));
    p->drawLine(origin + QPointF(px, 0), origin + QPointF(px, -7 * s));
    p->setFont(font);
    p->drawText(QRectF(origin.x(), origin.y() - fm.height() - 8 * s, px + 100 * s, fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter, label);
}

void BriefingRenderer::drawNorthArrow(QPainter* p, const QRectF& mapRect, qreal s) const
{
    // Web Mercator keeps north up everywhere, so the arrow is always vertical.
    const QPointF c(mapRect.left() + 34 * s, mapRect.top() + 44 * s);
    // A light backing, as behind the scale bar, so that place labels never run through it.
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 255, 255, 215));
    p->drawRoundedRect(QRectF(c.x() - 20 * s, c.y() - 48 * s, 40 * s, 68 * s), 4 * s, 4 * s);
    QPainterPath arrow;
    arrow.moveTo(c + QPointF(0, -22 * s));
    arrow.lineTo(c + QPointF(11 * s, 14 * s));
    arrow.lineTo(c + QPointF(0, 7 * s));
    arrow.lineTo(c + QPointF(-11 * s, 14 * s));
    arrow.closeSubpath();
    p->setPen(QPen(Qt::white, 2 * s));
    p->setBrush(kInk);
    p->drawPath(arrow);
    p->setFont(fontPx(16 * s, true));
    p->setPen(kInk);
    p->drawText(QRectF(c.x() - 15 * s, c.y() - 46 * s, 30 * s, 20 * s), Qt::AlignCenter,
                QStringLiteral("N"));
}

void BriefingRenderer::drawFallbackTimeline(QPainter* p, const QRectF& rect, qreal s) const
{
    if (!m_scene.index || m_scene.windowTo <= m_scene.windowFrom)
        return;
    IndexQuery q = m_scene.query;
    q.fromSecs = m_scene.windowFrom;
    q.toSecs = m_scene.windowTo;
    const int buckets = std::max(10, int(rect.width() / (6 * s)));
    const Histogram h = m_scene.index->histogram(q, buckets);
    const qreal bw = rect.width() / buckets;
    const qreal maxH = rect.height() - 30 * s;
    for (int b = 0; b < buckets; ++b) {
        qreal y = rect.bottom() - 24 * s;
        for (int f = 0; f < kFamilyCount; ++f) {
            const std::uint32_t n = h.counts[f].empty() ? 0 : h.counts[f][b];
            if (n == 0 || h.maxTotal == 0)
                continue;
            const qreal hh = maxH * n / h.maxTotal;
            p->fillRect(QRectF(rect.left() + b * bw, y - hh, std::max(1.0, bw - 1 * s), hh),
                        Symbology::familyColor(Family(f)));
            y -= hh;
        }
    }
    p->setPen(kMutedInk);
    p->setFont(fontPx(14 * s));
    p->drawText(rect.adjusted(6 * s, 0, -6 * s, -4 * s), Qt::AlignLeft | Qt::AlignBottom,
                eventtext::dayText(m_scene.windowFrom));
    p->drawText(rect.adjusted(6 * s, 0, -6 * s, -4 * s), Qt::AlignRight | Qt::AlignBottom,
                eventtext::lastDayText(m_scene.windowTo));
}

std::vector<Family> BriefingRenderer::legendFamilies() const
{
    bool present[kFamilyCount] = {false, false, false};
    if (m_scene.index) {
        for (std::uint32_t row : *m_scene.shown)
            present[int(m_scene.index->familyAt(row))] = true;
    }
    std::vector<Family> families;
    for (int f = 0; f < kFamilyCount; ++f)
        if (present[f])
            families.push_back(Family(f));
    return families;
}

QString BriefingRenderer::sourcesText() const
{
    // Name the publishers behind what is shown when that is a readable list.
    QString data = QObject::tr("Data: %1")
                       .arg(m_scene.datasetName.isEmpty() ? QObject::tr("Frontier Atlas database")
                                                          : m_scene.datasetName);
    if (!m_scene.store || !m_scene.index)
        return data;
    if (m_scene.shown->size() > 2000)
        return data;
    QMap<QString, int> counts;
    for (std::uint32_t row : *m_scene.shown) {
        auto e = m_scene.store->get(m_scene.index->idAt(row));
        if (!e)
            return data;
        for (const Source& src : e->sources)
            if (!src.publisher.isEmpty())
                ++counts[src.publisher];
    }
    if (counts.isEmpty())
        return data;
    std::vector<std::pair<int, QString>> ranked;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        ranked.emplace_back(-it.value(), it.key());
    std::sort(ranked.begin(), ranked.end());
    QStringList names;
    for (std::size_t i = 0; i < ranked.size() && i < 6; ++i)
        names << ranked[i].second;
    QString line = data + QObject::tr(" · sources: %1").arg(names.join(QStringLiteral(", ")));
    if (ranked.size() > 6)
        line += QObject::tr(" and %n more", nullptr, int(ranked.size() - 6));
    return line;
}

QImage BriefingRenderer::renderImage(const QSize& size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    render(&p, QRectF(QPointF(0, 0), QSizeF(size)), scaleFor(QSizeF(size)));
    p.end();
    return image;
}

Status BriefingRenderer::writePng(const QString& path, const QSize& size) const
{
    const QImage image = renderImage(size);
    if (image.isNull())
        return Error::make(
            Error::Kind::Io,
            QObject::tr("could not allocate a %1x%2 picture").arg(size.width()).arg(size.height()));
    // Written beside the target and renamed: a failed export never leaves half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io,
                           QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return Error::make(Error::Kind::Io,
                           QObject::tr("cannot write %1: %2").arg(path, writer.errorString()));
    if (!file.commit())
        return Error::make(Error::Kind::Io,
                           QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Status BriefingRenderer::writePdf(const QString& path, const QPageSize& page, int dpi) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io,
                           QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(dpi);
        pdf.setPageSize(page);
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(effectiveTitle());
        pdf.setCreator(QStringLiteral("Frontier Atlas"));
        QPainter p;
        if (!p.begin(&pdf))
            return Error::make(Error::Kind::Io, QObject::tr("cannot start a PDF in %1").arg(path));
        const QRectF target(0, 0, pdf.width(), pdf.height());
        render(&p, target, scaleFor(target.size()));
        p.end();
    }
    if (!file.commit())
        return Error::make(Error::Kind::Io,
                           QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace fa
