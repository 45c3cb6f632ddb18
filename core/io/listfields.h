#pragma once
// The list fields of an event (actors, tags, sources) as one text field: the lossless JSON
// encoding our CSV, GeoJSON and KML extensions use.

#include "event.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fa::importhelpers {

QString toJsonText(const QStringList& list);
std::optional<QStringList> stringListFromJsonText(const QString& text);
QString toJsonText(const QList<Source>& sources);
std::optional<QList<Source>> sourcesFromJsonText(const QString& text);

} // namespace fa::importhelpers
