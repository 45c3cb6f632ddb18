import QtQuick
import QtLocation
import QtPositioning

Item {
    id: root

    Plugin {
        id: overlayPlugin
        name: "itemsoverlay"
    }

    Map {
        id: map
        objectName: "map"
        anchors.fill: parent
        plugin: overlayPlugin
        color: "#dfe8ef"
        center: QtPositioning.coordinate(37.8, 70.5)
        zoomLevel: 7
        minimumZoomLevel: 4
        maximumZoomLevel: 14

        // --- basemap layers (owned by the basemap work: BasemapLayer.qml) ---
        BasemapLayer { id: basemapLayer; map: map }

        // --- event markers (owned by the main-window work) ---
    }

    // Basemap choice, zoom buttons, scale bar, cursor read-out (owned by the basemap work).
    BasemapSwitcher { anchors.fill: map; map: map; basemap: basemapLayer }
}
