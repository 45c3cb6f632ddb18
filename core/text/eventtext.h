#pragma once
// How an event's values read wherever they are shown (panels, tooltips, the briefing): dates
// with their precision and in a chosen time zone, the Solar Hijri date beside the Gregorian
// one, casualties with "unknown" kept apart from 0, coordinates with what they stand for.
// Plain text; callers escape it for HTML. The one owner of date wording: no view formats a
// date of its own.

#include "displayzone.h"
#include "event.h"

#include <QString>
#include <QTimeZone>

#include <optional>

namespace fa {

namespace eventtext {

QTimeZone timeZone(DisplayZone z);
QString zoneLabel(DisplayZone z); ///< "UTC", "Dushanbe (UTC+5)", "Kabul (UTC+4:30)"

/// The zone for a stored number (0, 1, 2); empty for anything else.
std::optional<DisplayZone> displayZoneFromInt(int v);

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

// Windows and spans of the time axis (the navigator's window, a filter's dates, a timeline bar,
// the briefing's period), in seconds since the epoch. The axis runs in UTC and these read to the
// day, so they are UTC calendar days in every zone, as a day-precision event date is: a window
// that ends at midnight UTC must not read as running into the next day in Dushanbe.

/// One day, short: "26 Nov 2025".
QString dayText(qint64 utcSecs);
/// The last day a half-open span [.., toSecs) includes: an end at midnight reads as the day before.
QString lastDayText(qint64 toSecs);
/// A half-open span [fromSecs, toSecs) by its first and last day: "1 Jan 2024 – 31 Dec 2024";
/// a span within one day reads as that day: "5 Mar 2024".
QString rangeText(qint64 fromSecs, qint64 toSecs);

QString casualtyText(const std::optional<int>& n);  ///< "unknown" or the number ("0" stays "0")
QString coordinateText(double lat, double lon);     ///< "37.8400° N, 70.0400° E"
QString coordinateCopyText(double lat, double lon); ///< "37.840000, 70.040000" (lat, lon)
QString coordPrecisionText(CoordPrecision p);       ///< "district centre: the site is not known"
QString familyText(Family f);                       ///< "Incident"
QString confidenceText(Confidence c);               ///< "Confirmed"
QString placeText(const Event& e); ///< "Place, District district, Region, Tajikistan (TJ)"

} // namespace eventtext
} // namespace fa
