#pragma once
// Checks, once and with a short timeout, whether an online tile server answers, before the QML
// map is given an online tile plugin: without a network QtLocation would retry every tile and
// print a warning for each, and the user would see a blank map with no explanation.

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

class QNetworkAccessManager;
class QNetworkReply;

namespace fa {

class TileSourceProbe : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
public:
    enum class State { Idle, Checking, Reachable, Unreachable };
    Q_ENUM(State)

    explicit TileSourceProbe(QObject* parent = nullptr);

    State state() const { return m_state; }
    QString message() const { return m_message; }

    /// Sends one HEAD request; the answer comes through stateChanged within timeoutMs.
    /// A second call while checking does nothing.
    Q_INVOKABLE void check(const QUrl& url, int timeoutMs = 4000);

signals:
    void stateChanged();

private:
    void finish(State s, const QString& message);

    QNetworkAccessManager* m_nam = nullptr; // child, made on first use
    QPointer<QNetworkReply> m_reply;
    State m_state = State::Idle;
    QString m_message;
};

} // namespace fa
