#pragma once
// The offline basemap in the QML map: a QQuickPaintedItem that fills the Map and draws the
// vector layers with BasemapPainter for the map's centre and zoom (Web Mercator, as the Map).
//
// Why not MapPolygon/MapPolyline: with the software renderer, a few thousand vertices of map
// items cost about 31 ms a frame (see the QtLocation trials note); one QPainter pass over
// pre-built, culled, per-zoom simplified paths stays well under 16 ms, and the same painter
// draws exports. Optionally it draws a user's z/x/y tile folder underneath (fully offline).

#include "basemappainter.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QQuickPaintedItem>
#include <QVariantMap>
#include <QtQmlIntegration/qqmlintegration.h>

namespace fa {

class BasemapItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(double centerLatitude READ centerLatitude WRITE setCenterLatitude NOTIFY viewChanged)
    Q_PROPERTY(
        double centerLongitude READ centerLongitude WRITE setCenterLongitude NOTIFY viewChanged)
    Q_PROPERTY(double zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY viewChanged)
    Q_PROPERTY(bool showFills READ showFills WRITE setShowFills NOTIFY layersChanged)
    Q_PROPERTY(bool showLabels READ showLabels WRITE setShowLabels NOTIFY layersChanged)
    /// A folder of z/x/y.png (or .jpg) tiles drawn under the vector layers; empty for none.
    Q_PROPERTY(QString tileFolder READ tileFolder WRITE setTileFolder NOTIFY tileFolderChanged)
    Q_PROPERTY(bool valid READ isValid CONSTANT)
    Q_PROPERTY(QString attribution READ attribution CONSTANT)
    Q_PROPERTY(double regionWest READ regionWest CONSTANT)
    Q_PROPERTY(double regionEast READ regionEast CONSTANT)
    Q_PROPERTY(double regionSouth READ regionSouth CONSTANT)
    Q_PROPERTY(double regionNorth READ regionNorth CONSTANT)
public:
    explicit BasemapItem(QQuickItem* parent = nullptr);

    double centerLatitude() const { return m_view.centerLat; }
    double centerLongitude() const { return m_view.centerLon; }
    double zoomLevel() const { return m_view.zoom; }
    void setCenterLatitude(double v);
    void setCenterLongitude(double v);
    void setZoomLevel(double v);
    bool showFills() const { return m_layers.fills; }
    void setShowFills(bool on);
    bool showLabels() const { return m_layers.labels; }
    void setShowLabels(bool on);
    QString tileFolder() const { return m_tileFolder; }
    void setTileFolder(const QString& folder);
    bool isValid() const { return m_painter != nullptr; }
    QString attribution() const;
    double regionWest() const;
    double regionEast() const;
    double regionSouth() const;
    double regionNorth() const;

    /// The view as drawn: the map's centre and zoom with this item's size.
    MercatorView view() const;

    /// {"pixels": bar length, "label": "50 km"} for a bar at most maxPixels long.
    Q_INVOKABLE QVariantMap scaleBar(double maxPixels) const;
    /// Tiles found in the folder at zoom levels 0..20 (0 if the folder is empty or missing).
    Q_INVOKABLE int tileFolderZoomLevels() const;

    void paint(QPainter* painter) override;

signals:
    void viewChanged();
    void layersChanged();
    void tileFolderChanged();

private:
    void drawTiles(QPainter* p, const MercatorView& view);
    const QImage* tile(int z, int x, int y);

    std::shared_ptr<const BasemapPainter> m_painter;
    MercatorView m_view;
    BasemapLayers m_layers;
    QString m_tileFolder;
    QCache<QString, QImage> m_tiles; ///< decoded tiles, by "z/x/y"; costs in kilobytes
};

} // namespace fa
