#pragma once
// The one door between the QML map and C++ (the QML type MapBridge, handed to the map's root
// item as its required property "bridge"): the marker model, the viewport the QML map reports,
// clicks and hover on the map (one hit test, MarkerModel::markerAt), hover text, the cursor
// position for the status bar, and view requests C++ sends back to the map.

#include "mercatorview.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QObject>
#include <QUuid>
#include <QtQmlIntegration/qqmlintegration.h>

namespace fa {

class MarkerModel;
class ViewState;

class MapBridge : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the main window and handed to the map")
    Q_PROPERTY(QAbstractItemModel* markers READ markers CONSTANT)
    Q_PROPERTY(QColor selectionColor READ selectionColor CONSTANT)
    Q_PROPERTY(double precisionZoom READ precisionZoom CONSTANT)
    Q_PROPERTY(double minimumZoom READ minimumZoom CONSTANT)
    Q_PROPERTY(double maximumZoom READ maximumZoom CONSTANT)
public:
    explicit MapBridge(ViewState* state, QObject* parent = nullptr);

    QAbstractItemModel* markers() const;
    MarkerModel* markerModel() const { return m_markers; }
    QColor selectionColor() const;
    double precisionZoom() const;
    double minimumZoom() const { return 3.0; }
    double maximumZoom() const { return 14.0; }
    /// The map's view as last reported by QML.
    MercatorView viewport() const;

    // --- called from QML ---
    Q_INVOKABLE void setViewport(double centerLat, double centerLon, double zoom, double width,
                                 double height);
    /// A click at (x, y) in map pixels: on a marker it goes to markerClicked, elsewhere it is
    /// reported as mapClickedAt with its coordinate.
    Q_INVOKABLE void clickAt(double x, double y);
    /// The marker drawn at (x, y) in map pixels (the topmost if several), or -1.
    Q_INVOKABLE int markerAt(double x, double y) const;
    /// Plain text (never HTML: titles come from data).
    Q_INVOKABLE QString tooltipText(int row) const;
    Q_INVOKABLE void cursorMoved(double lat, double lon);
    Q_INVOKABLE void cursorLeft();
    /// Metres per map pixel at a latitude and zoom (for precision circles).
    Q_INVOKABLE double metresPerPixel(double latitude, double zoom) const;

    /// A single event selects it; a cluster zooms in on its members (or, when they share one
    /// spot or the map cannot zoom further, selects them one after another).
    void markerClicked(int row);

    // --- called from C++ ---
    void zoomToEvent(const QUuid& id);
    void zoomToFiltered();
    void zoomBy(double delta);

signals:
    /// The map should show this centre and zoom (QML obeys).
    void viewRequested(double centerLat, double centerLon, double zoom);
    void cursorCoordinate(double lat, double lon);
    void cursorLeftMap();
    /// A click on the map outside any marker (the editor picks locations with it).
    void mapClickedAt(double lat, double lon);

private:
    void followSelection(const QUuid& id);
    void requestView(double lat, double lon, double zoom);

    ViewState* m_state;
    MarkerModel* m_markers; // child
};

} // namespace fa
