#pragma once
// What the user narrowed the view to. Empty members mean "no restriction".

#include "event.h"
#include "geobox.h"

#include <QDateTime>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace fa {

struct EventFilter {
    std::optional<QDateTime> from; ///< inclusive, UTC
    std::optional<QDateTime> to;   ///< exclusive, UTC
    std::optional<GeoBox> box;
    QSet<Family> families;    ///< empty = all
    QSet<QString> eventTypes; ///< empty = all
    QSet<QString> actors;     ///< empty = all; an event matches if any actor is listed
    QSet<QString> countries;  ///< empty = all
    int minCasualties = 0;    ///< killed + injured (unknown counts as 0)
    QString text; ///< what the user typed in a search box (searchquery.h says what it finds)

    bool isEmpty() const
    {
        return !from && !to && !box && families.isEmpty() && eventTypes.isEmpty() &&
               actors.isEmpty() && countries.isEmpty() && minCasualties <= 0 && text.isEmpty();
    }
    bool operator==(const EventFilter&) const = default;
};

} // namespace fa
