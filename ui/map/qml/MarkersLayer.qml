pragma ComponentBehavior: Bound
import QtQuick
import QtLocation
import QtPositioning

// The event markers: one delegate per row of the C++ MarkerModel (single events and clusters;
// never more than MarkerModel::kMaxItems rows). Each row carries its whole look (a markerLook
// from Symbology: sizes, colours, label, selection ring) and its stacking order, so this file
// only draws what it is given, as the briefing export paints it. Delegates take no input: the
// map's one click and hover handler asks the bridge which marker is under the pointer.
MapItemView {
    id: markerLayer

    required property MapBridge bridge
    // The map's zoom, for the precision circles (metres -> pixels).
    property real zoomLevel: 7

    model: bridge.markers

    delegate: MapQuickItem {
        id: marker
        required property real latitude
        required property real longitude
        required property markerLook look
        required property real stackingOrder
        required property real precisionMetres

        coordinate: QtPositioning.coordinate(latitude, longitude)
        anchorPoint.x: symbolBox.width / 2
        anchorPoint.y: symbolBox.height / 2
        z: stackingOrder

        sourceItem: Item {
            id: symbolBox
            width: marker.look.extent
            height: width

            // Where the event happened is only known to a district or region: say so.
            Rectangle {
                readonly property real radiusPx: marker.precisionMetres > 0
                    ? marker.precisionMetres / markerLayer.bridge.metresPerPixel(marker.latitude,
                                                                                 markerLayer.zoomLevel)
                    : 0
                visible: radiusPx > marker.look.size / 2
                         && markerLayer.zoomLevel >= markerLayer.bridge.precisionZoom
                anchors.centerIn: parent
                width: 2 * radiusPx
                height: width
                radius: width / 2
                color: marker.look.precisionFill
                border.color: marker.look.precisionBorder
                border.width: 1
            }

            // Cluster halo: sets clusters apart from single incident circles.
            Rectangle {
                visible: marker.look.haloSize > 0
                anchors.centerIn: parent
                width: marker.look.haloSize
                height: width
                radius: width / 2
                color: marker.look.halo
            }

            // Selection ring.
            Rectangle {
                visible: marker.look.ringSize > 0
                anchors.centerIn: parent
                width: marker.look.ringSize
                height: width
                radius: width / 2
                color: "transparent"
                border.color: marker.look.ringColor
                border.width: marker.look.ringWidth
            }

            Rectangle {
                anchors.centerIn: parent
                width: marker.look.symbolWidth
                height: width
                radius: marker.look.cornerRadius
                rotation: marker.look.rotation
                antialiasing: true
                color: marker.look.fill
                border.color: marker.look.border
                border.width: marker.look.borderWidth
            }

            Text {
                visible: marker.look.label !== ""
                anchors.centerIn: parent
                text: marker.look.label
                color: marker.look.labelColor
                font: marker.look.labelFont
            }
        }
    }
}
