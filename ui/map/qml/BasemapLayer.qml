pragma ComponentBehavior: Bound
import QtQuick
import QtLocation
import QtPositioning

// The basemap under the markers, as a child of the Map: the offline vector layers (C++
// BasemapItem, drawn with QPainter for the map's centre and zoom) and, when the user picks
// them, OpenStreetMap tiles from a second Map that follows this one. The vector borders,
// rivers and labels stay on top of any tiles.
Item {
    id: basemapLayer
    objectName: "basemapLayer"
    required property Map map
    anchors.fill: parent

    /// "frontier" (offline vector, the default), "osm" (online tiles) or "folder" (z/x/y tiles)
    property string source: "frontier"
    property string tileFolder: ""
    readonly property bool onlineShown: osmLoader.status === Loader.Ready
    readonly property alias probe: probe
    readonly property alias vector: vector

    TileSourceProbe {
        id: probe
    }

    onSourceChanged: {
        if (source === "osm" && probe.state !== TileSourceProbe.Reachable)
            probe.check("https://tile.openstreetmap.org/0/0/0.png", 4000)
    }

    // Created only once the tile server answered: without a network QtLocation would retry
    // each tile and print a warning for every one.
    Loader {
        id: osmLoader
        anchors.fill: parent
        active: basemapLayer.source === "osm" && probe.state === TileSourceProbe.Reachable
        sourceComponent: Map {
            enabled: false
            color: "transparent"
            plugin: Plugin {
                name: "osm"
                PluginParameter {
                    name: "osm.useragent"
                    value: "FrontierAtlas/0.1 (offline-first map of the Tajik-Afghan frontier)"
                }
                PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
                PluginParameter { name: "osm.mapping.custom.host"; value: "https://tile.openstreetmap.org/" }
            }
            center: basemapLayer.map.center
            zoomLevel: basemapLayer.map.zoomLevel
            // The last map type of the osm plugin is the custom host set above.
            Component.onCompleted: activeMapType = supportedMapTypes[supportedMapTypes.length - 1]
        }
    }

    BasemapItem {
        id: vector
        objectName: "basemapItem"
        anchors.fill: parent
        centerLatitude: basemapLayer.map.center.latitude
        centerLongitude: basemapLayer.map.center.longitude
        zoomLevel: basemapLayer.map.zoomLevel
        // Over tiles only the lines and labels are drawn.
        showFills: !(basemapLayer.onlineShown || (basemapLayer.source === "folder" && basemapLayer.tileFolder !== ""))
        tileFolder: basemapLayer.source === "folder" ? basemapLayer.tileFolder : ""
    }

    // Keep the user near the frontier: the centre stays within a few degrees of the region.
    Connections {
        target: basemapLayer.map
        function onCenterChanged() {
            const m = 3
            const c = basemapLayer.map.center
            const lat = Math.max(vector.regionSouth - m, Math.min(vector.regionNorth + m, c.latitude))
            const lon = Math.max(vector.regionWest - m, Math.min(vector.regionEast + m, c.longitude))
            if (lat !== c.latitude || lon !== c.longitude)
                basemapLayer.map.center = QtPositioning.coordinate(lat, lon)
        }
    }
}
