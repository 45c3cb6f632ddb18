pragma ComponentBehavior: Bound
import QtQuick
import QtLocation

// Map controls drawn over the map (a sibling of the Map): the basemap choice, zoom buttons,
// a scale bar, the cursor's coordinates and the basemap attribution. Only the small controls
// take input; the rest of the area lets events through to the map.
Item {
    id: controls
    objectName: "basemapSwitcher"
    required property Map map
    required property BasemapLayer basemap
    // The map's bridge, for the cursor read-out; null where the controls stand alone.
    property MapBridge bridge: null

    readonly property var choices: [
        { key: "frontier", label: qsTr("Frontier (offline)") },
        { key: "osm", label: qsTr("OpenStreetMap (online)") },
        { key: "folder", label: qsTr("Tile folder (offline)") }
    ]

    component Chip: Rectangle {
        id: chip
        property string text
        property bool selected: false
        signal clicked()
        implicitWidth: chipText.implicitWidth + 16
        implicitHeight: 24
        radius: 3
        color: selected ? "#37474f" : (tap.pressed ? "#dfe3e6" : "#f7f7f5")
        border.color: "#9aa4aa"
        opacity: 0.95
        Text {
            id: chipText
            anchors.centerIn: parent
            text: chip.text
            font.pixelSize: 12
            color: chip.selected ? "white" : "#263238"
        }
        TapHandler {
            id: tap
            onTapped: chip.clicked()
        }
    }

    // Basemap choice, top right.
    Column {
        id: choice
        objectName: "basemapChoice"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 8
        spacing: 4
        Repeater {
            model: controls.choices
            delegate: Chip {
                required property var modelData
                anchors.right: parent ? parent.right : undefined
                objectName: "basemapChoice_" + modelData.key
                text: modelData.label
                selected: controls.basemap.source === modelData.key
                onClicked: controls.basemap.source = modelData.key
            }
        }
        Rectangle {
            visible: controls.basemap.source === "folder"
            anchors.right: parent.right
            width: 260
            height: 26
            color: "white"
            border.color: "#9aa4aa"
            radius: 3
            TextInput {
                id: folderInput
                objectName: "tileFolderInput"
                anchors.fill: parent
                anchors.margins: 5
                clip: true
                font.pixelSize: 12
                text: controls.basemap.tileFolder
                onAccepted: controls.basemap.tileFolder = text
                Text {
                    anchors.fill: parent
                    visible: !folderInput.text && !folderInput.activeFocus
                    text: qsTr("Folder of z/x/y.png tiles, then Enter")
                    color: "#8a8a8a"
                    font.pixelSize: 12
                }
            }
        }
    }

    // Why the chosen basemap is not shown, or what is being checked.
    Rectangle {
        id: notice
        objectName: "basemapNotice"
        readonly property string text: {
            if (controls.basemap.source === "osm" && controls.basemap.probe.state !== TileSourceProbe.Reachable)
                return controls.basemap.probe.message
            if (controls.basemap.source === "folder" && controls.basemap.tileFolder !== ""
                    && controls.basemap.vector.tileFolderZoomLevels() === 0)
                return qsTr("No z/x/y tiles in %1: only the vector layers are shown.").arg(controls.basemap.tileFolder)
            return ""
        }
        visible: text !== ""
        anchors.top: choice.bottom
        anchors.right: parent.right
        anchors.margins: 8
        width: Math.min(noticeText.implicitWidth + 16, 340)
        height: noticeText.implicitHeight + 10
        radius: 3
        color: "#fff4e0"
        border.color: "#d9a441"
        Text {
            id: noticeText
            x: 8
            y: 5
            width: Math.min(implicitWidth, 324)
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            text: notice.text
            font.pixelSize: 12
            color: "#5d4300"
        }
    }

    // Zoom buttons, top left.
    Column {
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: 8
        spacing: 4
        Chip {
            objectName: "zoomInButton"
            width: 28
            text: "+"
            onClicked: controls.map.zoomLevel = Math.min(controls.map.maximumZoomLevel,
                                                         Math.round(controls.map.zoomLevel) + 1)
        }
        Chip {
            objectName: "zoomOutButton"
            width: 28
            text: "\u2212"
            onClicked: controls.map.zoomLevel = Math.max(controls.map.minimumZoomLevel,
                                                         Math.round(controls.map.zoomLevel) - 1)
        }
    }

    // Scale bar, bottom left.
    Item {
        id: scaleBar
        objectName: "scaleBar"
        property var bar: ({ pixels: 0, label: "" })
        function refresh() { bar = controls.basemap.vector.scaleBar(120) }
        Connections {
            target: controls.basemap.vector
            function onViewChanged() { scaleBar.refresh() }
            function onWidthChanged() { scaleBar.refresh() }
        }
        Component.onCompleted: refresh()
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 10
        width: bar.pixels
        height: 22
        Rectangle {
            // A pale backing so that place labels underneath do not garble the bar.
            x: -4; y: -5
            width: Math.max(scaleBar.width, 48) + 8
            height: scaleBar.height + 6
            radius: 3
            color: "#c8ffffff"
        }
        Rectangle { x: 0; y: 14; width: scaleBar.width; height: 3; color: "#37474f" }
        Rectangle { x: 0; y: 8; width: 2; height: 9; color: "#37474f" }
        Rectangle { x: scaleBar.width - 2; y: 8; width: 2; height: 9; color: "#37474f" }
        Text {
            objectName: "scaleBarLabel"
            x: 0
            y: -4
            text: scaleBar.bar.label
            font.pixelSize: 11
            color: "#263238"
            style: Text.Outline
            styleColor: "white"
        }
    }

    // Cursor coordinates and attribution, bottom right. The cursor position comes from the
    // map's own hover handling through the bridge.
    Connections {
        target: controls.bridge
        function onCursorCoordinate(lat: real, lon: real) { readout.show(lat, lon) }
        function onCursorLeftMap() { readout.text = "" }
    }
    Column {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 6
        spacing: 1
        Text {
            id: readout
            objectName: "cursorReadout"
            anchors.right: parent.right
            function show(lat, lon) {
                text = Math.abs(lat).toFixed(4) + "\u00b0" + (lat >= 0 ? "N" : "S") + "  "
                        + Math.abs(lon).toFixed(4) + "\u00b0" + (lon >= 0 ? "E" : "W")
            }
            font.pixelSize: 12
            font.family: "DejaVu Sans Mono"
            color: "#263238"
            style: Text.Outline
            styleColor: "white"
        }
        Text {
            anchors.right: parent.right
            text: controls.basemap.onlineShown ? qsTr("Tiles \u00a9 OpenStreetMap contributors") + " \u00b7 " + controls.basemap.vector.attribution
                                              : controls.basemap.vector.attribution
            font.pixelSize: 10
            color: "#455a64"
            style: Text.Outline
            styleColor: "white"
        }
    }
}
