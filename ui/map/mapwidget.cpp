#include "mapwidget.h"

#include "mapbridge.h"

#include <QQmlComponent>
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
    // QQuickWidget takes no initial properties before Qt 6.9: make the root ourselves, with
    // the bridge set before any binding runs, and hand both to the widget.
    auto* component = new QQmlComponent(engine(), this);
    component->loadFromModule(QStringLiteral("FrontierAtlas.Map"), QStringLiteral("MapView"));
    QObject* root = component->isReady()
                        ? component->createWithInitialProperties(
                              {{QStringLiteral("bridge"), QVariant::fromValue(bridge)}})
                        : nullptr;
    for (const QQmlError& e : component->errors())
        m_messages << e.toString();
    setContent(component->url(), component, root);
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
