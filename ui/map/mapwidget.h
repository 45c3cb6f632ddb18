#pragma once
// The map view: a QQuickWidget hosting the QML Map (QtLocation), loaded from the QML module
// FrontierAtlas.Map. The only door between the QML scene and C++ is the bridge object, handed
// to the scene's root as its required property "bridge" when the scene is created.

#include <QQuickWidget>
#include <QStringList>

namespace fa {

class MapBridge;

class MapWidget : public QQuickWidget {
    Q_OBJECT
public:
    /// bridge: not owned; it must outlive the widget (the window owns both).
    explicit MapWidget(MapBridge* bridge, QWidget* parent = nullptr);

    MapBridge* bridge() const { return m_bridge; }
    /// QML warnings and errors seen since the scene was loaded (tests fail on any).
    QStringList qmlMessages() const { return m_messages; }
    bool isReady() const;
    /// The QML Map item (for tests: Map.fromCoordinate and friends).
    QQuickItem* mapItem() const;

private:
    MapBridge* m_bridge;
    QStringList m_messages;
};

} // namespace fa
