#include "tilesourceprobe.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace fa {

TileSourceProbe::TileSourceProbe(QObject* parent) : QObject(parent) {}

void TileSourceProbe::check(const QUrl& url, int timeoutMs)
{
    if (m_state == State::Checking)
        return;
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        finish(State::Unreachable, tr("Not a web address: %1").arg(url.toString()));
        return;
    }
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    m_state = State::Checking;
    m_message = tr("Checking %1 ...").arg(url.host());
    emit stateChanged();

    QNetworkRequest req(url);
    req.setHeader(
        QNetworkRequest::UserAgentHeader,
        QStringLiteral("FrontierAtlas/0.1 (offline-first map of the Tajik-Afghan frontier)"));
    req.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = m_nam->head(req);
    m_reply = reply;
    // Name resolution is not covered by the transfer timeout everywhere: a timer caps it.
    QTimer::singleShot(timeoutMs + 500, reply, [reply] {
        if (reply->isRunning())
            reply->abort();
    });
    const QString host = url.host();
    connect(reply, &QNetworkReply::finished, this, [this, reply, host] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError || (status >= 200 && status < 500))
            finish(State::Reachable, tr("Online tiles from %1").arg(host));
        else
            finish(State::Unreachable,
                   tr("%1 cannot be reached (%2). No network? The offline Frontier basemap is "
                      "shown instead.")
                       .arg(host, reply->errorString()));
    });
}

void TileSourceProbe::finish(State s, const QString& message)
{
    m_state = s;
    m_message = message;
    emit stateChanged();
}

} // namespace fa
