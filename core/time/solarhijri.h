#pragma once
// The Solar Hijri calendar of Iran and Afghanistan, computed from its definition: the year starts
// on the day (Iran Standard Time, UTC+3:30) whose noon follows the March equinox. The equinox
// comes from Meeus's series (Astronomical Algorithms, ch. 27), accurate to about a minute for
// 1000-3000 CE, so only a year whose equinox falls within a minute of noon could come out wrong.

#include <QDate>
#include <QString>

#include <optional>

namespace fa {

struct SolarHijriDate {
    int year = 0;
    int month = 0; ///< 1 = Farvardin (Hamal) .. 12 = Esfand (Hut)
    int day = 0;
    bool operator==(const SolarHijriDate&) const = default;
};

namespace solarhijri {

/// Valid for Gregorian years 1000..2999 (empty outside or for an invalid date).
std::optional<SolarHijriDate> fromGregorian(const QDate& date);
/// The Gregorian day of a Solar Hijri date; an invalid QDate when the date does not exist.
QDate toGregorian(int year, int month, int day);
/// The Gregorian day of 1 Farvardin of a Solar Hijri year.
QDate nowruz(int year);
bool isLeapYear(int year); ///< Esfand has 30 days
int daysInMonth(int year, int month);

QString monthName(int month);       ///< Iranian names, romanised: "Farvardin" .. "Esfand"
QString afghanMonthName(int month); ///< Dari names used in Afghanistan: "Hamal" .. "Hut"
/// "5 Azar 1404"
QString toString(const SolarHijriDate& d);

} // namespace solarhijri
} // namespace fa
