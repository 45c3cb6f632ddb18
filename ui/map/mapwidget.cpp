#include "mapwidget.h"

#include "basemapitem.h"

#include "mapbridge.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>

namespace fa {

MapWidget::MapWidget(MapBridge* bridge, QWidget* parent) : QQuickWidget(parent), m_bridge(bridge)
{
    setResizeMode(QQuickWidget::SizeRootObjectToView);
    setFocusPolicy(Qt::StrongFocus);
    connect(engine(), &QQmlEngine::warnings, this, [this](const QList<QQmlError>& warnings) {
        for (const QQmlError& w : warnings)
            m_messages << w.toString();
    });
    rootContext()->setContextProperty(QStringLiteral("bridge"), bridge);
    registerBasemapQmlTypes(); // BasemapLayer.qml uses the C++ basemap item
    setSource(QUrl(QStringLiteral("qrc:/qml/MapView.qml")));
    for (const QQmlError& e : errors())
        m_messages << e.toString();
}

bool MapWidget::isReady() const
{
    return status() == QQuickWidget::Ready && rootObject() != nullptr;
}

QQuickItem* MapWidget::mapItem() const
{
    return rootObject() ? rootObject()->findChild<QQuickItem*>(QStringLiteral("map")) : nullptr;
}

} // namespace fa
