import QtQuick
import QtLocation
import QtPositioning

// The map: the QtLocation Map with the offline basemap and the event markers, its controls,
// and the one pointer handling for markers. Which marker is under the pointer is always the
// C++ bridge's answer (MarkerModel::markerAt, the drawn shapes), for clicks and hover alike.
Item {
    id: root

    // The C++ side, made by the main window: it follows the view and answers for the markers.
    required property MapBridge bridge

    function reportViewport() {
        root.bridge.setViewport(map.center.latitude, map.center.longitude, map.zoomLevel,
                           map.width, map.height)
    }

    Connections {
        target: root.bridge
        function onViewRequested(lat, lon, zoom) {
            map.zoomLevel = Math.max(map.minimumZoomLevel, Math.min(map.maximumZoomLevel, zoom))
            map.center = QtPositioning.coordinate(lat, lon)
        }
    }

    // The cursor's coordinates for the status bar, and the marker under it for the hover
    // text and the pointing-hand cursor. On the root, so that overlays above the map (the
    // basemap controls) do not hide it.
    HoverHandler {
        id: hover
        property bool overMarker: false
        cursorShape: overMarker ? Qt.PointingHandCursor : Qt.ArrowCursor
        onPointChanged: {
            const p = map.mapFromItem(root, hover.point.position)
            const c = map.toCoordinate(p, false)
            if (c.isValid)
                root.bridge.cursorMoved(c.latitude, c.longitude)
            const row = root.bridge.markerAt(p.x, p.y)
            overMarker = row >= 0
            if (row < 0)
                tip.visible = false
            else if (row !== tip.row || !tip.visible)
                tip.show(row, map.mapToItem(root, p.x, p.y))
        }
        onHoveredChanged: if (!hovered) { root.bridge.cursorLeft(); tip.visible = false; overMarker = false }
    }

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
        minimumZoomLevel: root.bridge.minimumZoom
        maximumZoomLevel: root.bridge.maximumZoom
        focus: true

        onCenterChanged: root.reportViewport()
        onZoomLevelChanged: root.reportViewport()
        onWidthChanged: root.reportViewport()
        onHeightChanged: root.reportViewport()
        Component.onCompleted: root.reportViewport()

        // Qt 6 maps come without input handling: pan by dragging, zoom around the cursor
        // with the wheel or a pinch, double-click zooms in.
        DragHandler {
            id: drag
            target: null
            onTranslationChanged: (delta) => map.pan(-delta.x, -delta.y)
        }
        WheelHandler {
            id: wheel
            target: null
            acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
            onWheel: (event) => {
                const p = wheel.point.position
                const c = map.toCoordinate(p, false)
                map.zoomLevel = Math.max(map.minimumZoomLevel, Math.min(map.maximumZoomLevel,
                                         map.zoomLevel + event.angleDelta.y / 240))
                map.alignCoordinateToPoint(c, p)
            }
        }
        PinchHandler {
            id: pinch
            target: null
            property var startCentroid
            onActiveChanged: if (active) startCentroid = map.toCoordinate(pinch.centroid.position, false)
            onScaleChanged: (delta) => {
                map.zoomLevel += Math.log2(delta)
                map.alignCoordinateToPoint(pinch.startCentroid, pinch.centroid.position)
            }
        }
        // Clicks on markers and on the empty map alike: the bridge hit-tests the markers.
        // Right clicks are left to the widget's context menu.
        TapHandler {
            onTapped: (eventPoint) => root.bridge.clickAt(eventPoint.position.x, eventPoint.position.y)
            onDoubleTapped: (eventPoint) => {
                // A double click on a marker is two clicks on it, not a zoom.
                if (root.bridge.markerAt(eventPoint.position.x, eventPoint.position.y) >= 0)
                    return
                const c = map.toCoordinate(eventPoint.position, false)
                map.zoomLevel = Math.min(map.maximumZoomLevel, map.zoomLevel + 1)
                map.alignCoordinateToPoint(c, eventPoint.position)
            }
        }
        Keys.onPressed: (event) => {
            const step = 80
            if (event.key === Qt.Key_Left) map.pan(-step, 0)
            else if (event.key === Qt.Key_Right) map.pan(step, 0)
            else if (event.key === Qt.Key_Up) map.pan(0, -step)
            else if (event.key === Qt.Key_Down) map.pan(0, step)
            else if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal)
                map.zoomLevel = Math.min(map.maximumZoomLevel, map.zoomLevel + 1)
            else if (event.key === Qt.Key_Minus)
                map.zoomLevel = Math.max(map.minimumZoomLevel, map.zoomLevel - 1)
            else return
            event.accepted = true
        }

        // The offline vector basemap (and optional tiles) under everything else.
        BasemapLayer { id: basemapLayer; map: map }

        // The event markers, drawn as the marker model describes them.
        MarkersLayer {
            id: markers
            objectName: "markers"
            bridge: root.bridge
            zoomLevel: map.zoomLevel
        }
    }

    // Basemap choice, zoom buttons, scale bar, cursor read-out.
    BasemapSwitcher { anchors.fill: map; map: map; basemap: basemapLayer; bridge: root.bridge }

    // Hover text for a marker: plain text (titles come from data and are never markup).
    Rectangle {
        id: tip
        objectName: "markerTooltip"
        visible: false
        z: 10
        width: Math.min(tipText.implicitWidth, 360) + 12
        height: tipText.implicitHeight + 8
        radius: 3
        color: "#f9f9f6"
        border.color: "#8a8a8a"
        property int row: -1
        function show(markerRow, p) {
            row = markerRow
            tipText.text = root.bridge.tooltipText(markerRow)
            x = Math.max(2, Math.min(root.width - width - 2, p.x - width / 2))
            y = p.y - height - 24 < 2 ? p.y + 24 : p.y - height - 24
            visible = tipText.text.length > 0
        }
        Text {
            id: tipText
            x: 6
            y: 4
            width: Math.min(implicitWidth, 360)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: "#1d1d1d"
            font.pixelSize: 12
        }
    }
}
