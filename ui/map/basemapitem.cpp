#include "basemapitem.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>

#include <cmath>

namespace fa {

BasemapItem::BasemapItem(QQuickItem* parent)
    : QQuickPaintedItem(parent), m_painter(BasemapPainter::shared())
{
    setOpaquePainting(false);
    setFillColor(Qt::transparent);
    setAntialiasing(true);
    m_tiles.setMaxCost(64 * 1024); // about 64 MB of decoded 256x256 tiles
    auto sizeChanged = [this] {
        m_view.width = width();
        m_view.height = height();
        update();
    };
    connect(this, &QQuickItem::widthChanged, this, sizeChanged);
    connect(this, &QQuickItem::heightChanged, this, sizeChanged);
    connect(this, &BasemapItem::viewChanged, this, [this] { update(); });
    connect(this, &BasemapItem::layersChanged, this, [this] { update(); });
    connect(this, &BasemapItem::tileFolderChanged, this, [this] { update(); });
}

void BasemapItem::setCenterLatitude(double v)
{
    if (v == m_view.centerLat)
        return;
    m_view.centerLat = v;
    emit viewChanged();
}

void BasemapItem::setCenterLongitude(double v)
{
    if (v == m_view.centerLon)
        return;
    m_view.centerLon = v;
    emit viewChanged();
}

void BasemapItem::setZoomLevel(double v)
{
    if (v == m_view.zoom)
        return;
    m_view.zoom = v;
    emit viewChanged();
}

void BasemapItem::setShowFills(bool on)
{
    if (on == m_layers.fills)
        return;
    m_layers.fills = on;
    emit layersChanged();
}

void BasemapItem::setShowLabels(bool on)
{
    if (on == m_layers.labels)
        return;
    m_layers.labels = on;
    emit layersChanged();
}

void BasemapItem::setTileFolder(const QString& folder)
{
    // QML folder dialogs give file: URLs; accept those as well as plain paths.
    const QString path =
        folder.startsWith(QLatin1String("file:")) ? QUrl(folder).toLocalFile() : folder;
    if (path == m_tileFolder)
        return;
    m_tileFolder = path;
    m_tiles.clear();
    emit tileFolderChanged();
}

QString BasemapItem::attribution() const
{
    return m_painter ? m_painter->basemap().attribution() : QString();
}

double BasemapItem::regionWest() const
{
    return m_painter ? m_painter->basemap().region().west : 64;
}
double BasemapItem::regionEast() const
{
    return m_painter ? m_painter->basemap().region().east : 78;
}
double BasemapItem::regionSouth() const
{
    return m_painter ? m_painter->basemap().region().south : 34;
}
double BasemapItem::regionNorth() const
{
    return m_painter ? m_painter->basemap().region().north : 42;
}

MercatorView BasemapItem::view() const
{
    MercatorView v = m_view;
    v.width = width();
    v.height = height();
    return v;
}

QVariantMap BasemapItem::scaleBar(double maxPixels) const
{
    const auto [metres, pixels] = BasemapPainter::scaleBar(view(), maxPixels);
    return {{QStringLiteral("pixels"), pixels},
            {QStringLiteral("metres"), metres},
            {QStringLiteral("label"), BasemapPainter::formatDistance(metres)}};
}

int BasemapItem::tileFolderZoomLevels() const
{
    if (m_tileFolder.isEmpty())
        return 0;
    int n = 0;
    for (int z = 0; z <= 20; ++z) {
        if (QFileInfo(QDir(m_tileFolder).filePath(QString::number(z))).isDir())
            ++n;
    }
    return n;
}

const QImage* BasemapItem::tile(int z, int x, int y)
{
    const QString key = QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y);
    if (QImage* hit = m_tiles.object(key))
        return hit->isNull() ? nullptr : hit;
    auto img = std::make_unique<QImage>();
    for (const char* ext : {".png", ".jpg", ".jpeg"}) {
        const QString file = QDir(m_tileFolder).filePath(key + QLatin1String(ext));
        if (QFileInfo::exists(file) && img->load(file))
            break;
    }
    // A missing tile is remembered too (as a null image), so it is not looked up every frame.
    const int cost = std::max<qsizetype>(1, img->sizeInBytes() / 1024);
    QImage* raw = img.release();
    m_tiles.insert(key, raw, cost);
    return raw->isNull() ? nullptr : raw;
}

void BasemapItem::drawTiles(QPainter* p, const MercatorView& v)
{
    // Tiles of the zoom level just above, scaled down a little: sharp and never blurry.
    const int z = std::clamp(static_cast<int>(std::ceil(v.zoom - 1e-6)), 0, 20);
    const double k = std::exp2(v.zoom - z);
    const double size = 256.0 * k;
    const int n = 1 << z;
    const double left = v.left() / k;
    const double top = v.top() / k;
    const int x0 = std::max(0, static_cast<int>(std::floor(left / 256.0)));
    const int y0 = std::max(0, static_cast<int>(std::floor(top / 256.0)));
    const int x1 = std::min(n - 1, static_cast<int>(std::floor((left + v.width / k) / 256.0)));
    const int y1 = std::min(n - 1, static_cast<int>(std::floor((top + v.height / k) / 256.0)));
    p->setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (int ty = y0; ty <= y1; ++ty) {
        for (int tx = x0; tx <= x1; ++tx) {
            if (const QImage* img = tile(z, tx, ty))
                p->drawImage(QRectF(tx * size - v.left(), ty * size - v.top(), size, size), *img);
        }
    }
}

void BasemapItem::paint(QPainter* painter)
{
    if (!m_painter)
        return;
    const MercatorView v = view();
    BasemapLayers layers = m_layers;
    if (!m_tileFolder.isEmpty()) {
        drawTiles(painter, v);
        layers.fills = false; // the tiles are the base; the vector layers stay as an overlay
    }
    m_painter->paint(painter, v, 1.0, layers);
}

} // namespace fa
