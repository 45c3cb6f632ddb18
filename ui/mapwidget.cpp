#include "mapwidget.h"

#include "basemapitem.h"

#include <QQmlEngine>
#include <QQuickItem>

namespace fa {

MapWidget::MapWidget(QWidget* parent) : QQuickWidget(parent)
{
    setResizeMode(QQuickWidget::SizeRootObjectToView);
    connect(engine(), &QQmlEngine::warnings, this, [this](const QList<QQmlError>& warnings) {
        for (const QQmlError& w : warnings)
            m_messages << w.toString();
    });
    registerBasemapQmlTypes(); // BasemapLayer.qml uses the C++ basemap item
    setSource(QUrl(QStringLiteral("qrc:/qml/MapView.qml")));
    for (const QQmlError& e : errors())
        m_messages << e.toString();
}

bool MapWidget::isReady() const
{
    return status() == QQuickWidget::Ready && rootObject() != nullptr;
}

} // namespace fa
