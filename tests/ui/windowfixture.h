#pragma once
// Helpers for the window and map tests: small databases of known events, and the map's own
// projection (Map.fromCoordinate) to find where a marker is drawn.

#include "eventstore.h"
#include "mapwidget.h"

#include <QDateTime>
#include <QGeoCoordinate>
#include <QPointF>
#include <QQuickItem>
#include <QTimeZone>

#include <vector>

namespace fa::test {

inline QDateTime utcDate(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0), QTimeZone::UTC);
}

inline Event makeEvent(const QString& title, double lat, double lon, const QDateTime& start,
                       Family family = Family::Incident, int killed = 0)
{
    Event e;
    e.title = title;
    e.summary = QStringLiteral("Test event.");
    e.family = family;
    e.eventType = family == Family::Incident ? QStringLiteral("clash") : QStringLiteral("meeting");
    e.start = start;
    e.timePrecision = TimePrecision::Day;
    e.place = title;
    e.country = QStringLiteral("TJ");
    e.latitude = lat;
    e.longitude = lon;
    e.killed = killed;
    Source s;
    s.url = QStringLiteral("https://example.org/") + QString::number(qHash(title));
    s.publisher = QStringLiteral("Example");
    e.sources = {s};
    return e;
}

/// Creates a database at path holding events; returns their ids in the same order (empty on
/// failure, with the reason in *error).
inline std::vector<QUuid> makeDatabase(const QString& path, const std::vector<Event>& events,
                                       QString* error = nullptr)
{
    auto store = EventStore::create(path);
    if (!store) {
        if (error)
            *error = store.error().message;
        return {};
    }
    std::vector<QUuid> ids;
    for (const Event& e : events) {
        auto id = (*store)->add(e);
        if (!id) {
            if (error)
                *error = id.error().message;
            return {};
        }
        ids.push_back(*id);
    }
    return ids;
}

/// Where the QML map draws a coordinate, in the widget's pixels (the map fills the widget).
inline QPointF mapPoint(MapWidget* map, double lat, double lon)
{
    QPointF p(-1, -1);
    QMetaObject::invokeMethod(map->mapItem(), "fromCoordinate", Q_RETURN_ARG(QPointF, p),
                              Q_ARG(QGeoCoordinate, QGeoCoordinate(lat, lon)), Q_ARG(bool, false));
    return p;
}

/// Marker delegates the QML map has made so far (MapItemView creates them asynchronously).
inline int markerItemCount(QQuickItem* item)
{
    int n = QByteArray(item->metaObject()->className()).contains("MapQuickItem") ? 1 : 0;
    const QList<QQuickItem*> children = item->childItems();
    for (QQuickItem* c : children)
        n += markerItemCount(c);
    return n;
}
inline int markerItemCount(MapWidget* map)
{
    return markerItemCount(map->mapItem());
}

/// The QML map's zoom level and centre.
inline double mapZoom(MapWidget* map)
{
    return map->mapItem()->property("zoomLevel").toDouble();
}
inline QGeoCoordinate mapCenter(MapWidget* map)
{
    return map->mapItem()->property("center").value<QGeoCoordinate>();
}

} // namespace fa::test
