#pragma once
// The map view: a QQuickWidget hosting the QML Map (QtLocation). The only door between the QML
// scene and C++ is the bridge object set as a context property before the scene loads.

#include <QQuickWidget>
#include <QStringList>

namespace fa {

class MapWidget : public QQuickWidget {
    Q_OBJECT
public:
    explicit MapWidget(QWidget* parent = nullptr);

    /// QML warnings and errors seen since the scene was loaded (tests fail on any).
    QStringList qmlMessages() const { return m_messages; }
    bool isReady() const;

private:
    QStringList m_messages;
};

} // namespace fa
