pragma ComponentBehavior: Bound
import QtQuick
import QtLocation
import QtPositioning

// The event markers: one delegate per row of the C++ MarkerModel (single events and clusters;
// never more than MarkerModel::kMaxItems rows). Colours, shapes and sizes come from the model,
// so the map draws exactly what Symbology says.
MapItemView {
    id: markerLayer

    required property MapBridge bridge
    // The map's zoom, for the precision circles (metres -> pixels).
    property real zoomLevel: 7

    model: bridge.markers

    delegate: MapQuickItem {
        id: marker
        required property int index
        required property real latitude
        required property real longitude
        required property int markerCount
        required property color markerColor
        required property string markerShape
        required property real markerSize
        required property bool isSelected
        required property real precisionMetres

        readonly property bool isCluster: markerCount > 1
        // Web Mercator metres per pixel at this latitude and zoom (256-pixel tiles).
        readonly property real metresPerPixel: Math.cos(latitude * Math.PI / 180) * 40075016.686
                                                / (256 * Math.pow(2, markerLayer.zoomLevel))

        coordinate: QtPositioning.coordinate(latitude, longitude)
        anchorPoint.x: symbolBox.width / 2
        anchorPoint.y: symbolBox.height / 2
        z: isSelected ? 3 : (isCluster ? 1 : 2)

        sourceItem: Item {
            id: symbolBox
            width: marker.markerSize + (marker.isSelected ? 8 : 0)
            height: width

            // Where the event happened is only known to a district or region: say so.
            Rectangle {
                readonly property real radiusPx: marker.precisionMetres / marker.metresPerPixel
                visible: marker.precisionMetres > 0 && markerLayer.zoomLevel >= markerLayer.bridge.precisionZoom
                         && radiusPx > marker.markerSize / 2
                anchors.centerIn: parent
                width: 2 * radiusPx
                height: width
                radius: width / 2
                color: Qt.rgba(marker.markerColor.r, marker.markerColor.g, marker.markerColor.b, 0.12)
                border.color: Qt.rgba(marker.markerColor.r, marker.markerColor.g, marker.markerColor.b, 0.55)
                border.width: 1
            }

            // Cluster halo: sets clusters apart from single incident circles.
            Rectangle {
                visible: marker.isCluster
                anchors.centerIn: parent
                width: marker.markerSize + 8
                height: width
                radius: width / 2
                color: Qt.rgba(marker.markerColor.r, marker.markerColor.g, marker.markerColor.b, 0.28)
            }

            // Selection ring.
            Rectangle {
                visible: marker.isSelected
                anchors.centerIn: parent
                width: marker.markerSize + 8
                height: width
                radius: width / 2
                color: "transparent"
                border.color: markerLayer.bridge.selectionColor
                border.width: 3
            }

            Rectangle {
                id: symbol
                anchors.centerIn: parent
                readonly property bool diamond: marker.markerShape === "diamond"
                readonly property bool square: marker.markerShape === "square"
                width: diamond ? marker.markerSize * 0.72 : (square ? marker.markerSize * 0.82
                                                                    : marker.markerSize)
                height: width
                radius: (diamond || square) ? 1 : width / 2
                rotation: diamond ? 45 : 0
                antialiasing: true
                color: marker.markerColor
                border.color: "white"
                border.width: marker.isCluster ? 2 : 1.5
            }

            Text {
                visible: marker.isCluster
                anchors.centerIn: parent
                text: marker.markerCount >= 10000 ? Math.round(marker.markerCount / 1000) + "k"
                    : marker.markerCount >= 1000 ? (marker.markerCount / 1000).toFixed(1) + "k"
                    : marker.markerCount
                color: "white"
                font.pixelSize: 11
                font.bold: true
            }

            // Hover text comes from MapView's root HoverHandler (bridge.markerAt).
            MouseArea {
                anchors.fill: parent
                anchors.margins: -2
                cursorShape: Qt.PointingHandCursor
                onClicked: markerLayer.bridge.markerClicked(marker.index)
            }
        }
    }
}
