#pragma once
// How an event's values read in the panels: dates with their precision and in a chosen time
// zone, the Solar Hijri date beside the Gregorian one, casualties with "unknown" kept apart
// from 0, coordinates with what they stand for. Plain text; callers escape it for HTML.

#include "event.h"

#include <QString>
#include <QTimeZone>

#include <optional>

namespace fa {

/// The zones an analyst of this frontier reads times in. Both countries keep one offset all
/// year (no daylight saving), so fixed offsets are exact.
enum class DisplayZone { Utc = 0, Dushanbe = 1, Kabul = 2 };

namespace eventtext {

QTimeZone timeZone(DisplayZone z);
QString zoneLabel(DisplayZone z); ///< "UTC", "Dushanbe (UTC+5)", "Kabul (UTC+4:30)"

/// The zone chosen last time (QSettings "details/timeZone"); UTC by default.
DisplayZone savedZone();
void saveZone(DisplayZone z);

/// "2024", "November 2024", "26 November 2025", "26 November 2025, 21:30 (Dushanbe, UTC+5)".
/// Only minute-precision times move with the zone: a day, month or year is a calendar date.
QString dateText(const QDateTime& utc, TimePrecision p, DisplayZone z);
/// dateText of the start, and "– end" for spans.
QString eventDateText(const Event& e, DisplayZone z);
/// The same date in the Solar Hijri calendar: "5 Azar 1404", "Aban–Azar 1403", "1402–1403".
QString solarHijriText(const QDateTime& utc, TimePrecision p, DisplayZone z);
QString eventSolarHijriText(const Event& e, DisplayZone z);
/// Short sortable date for tables: "2025-11-26", "2024-11", "2024", "2025-11-26 21:30".
QString shortDateText(const Event& e, DisplayZone z);

QString casualtyText(const std::optional<int>& n);  ///< "unknown" or the number ("0" stays "0")
QString coordinateText(double lat, double lon);     ///< "37.8400° N, 70.0400° E"
QString coordinateCopyText(double lat, double lon); ///< "37.840000, 70.040000" (lat, lon)
QString coordPrecisionText(CoordPrecision p);       ///< "district centre: the site is not known"
QString familyText(Family f);                       ///< "Incident"
QString confidenceText(Confidence c);               ///< "Confirmed"
QString placeText(const Event& e); ///< "Place, District district, Region, Tajikistan (TJ)"

} // namespace eventtext
} // namespace fa
