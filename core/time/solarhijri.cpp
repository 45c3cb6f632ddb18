#include "solarhijri.h"

#include <array>
#include <cmath>
#include <numbers>

namespace fa::solarhijri {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// Periodic terms of the equinox correction (Meeus, table 27.C): amplitude, phase, rate.
struct Term {
    double a, b, c;
};
constexpr std::array<Term, 24> kTerms{{
    {485, 324.96, 1934.136},  {203, 337.23, 32964.467}, {199, 342.08, 20.186},
    {182, 27.85, 445267.112}, {156, 73.14, 45036.886},  {136, 171.52, 22518.443},
    {77, 222.54, 65928.934},  {74, 296.72, 3034.906},   {70, 243.58, 9037.513},
    {58, 119.81, 33718.147},  {52, 297.17, 150.678},    {50, 21.02, 2281.226},
    {45, 247.54, 29929.562},  {44, 325.15, 31555.956},  {29, 60.93, 4443.417},
    {18, 155.12, 67555.328},  {17, 288.79, 4562.452},   {16, 198.04, 62894.029},
    {14, 199.76, 31436.921},  {12, 95.39, 14577.848},   {12, 287.11, 31931.756},
    {12, 320.81, 34777.259},  {9, 227.73, 1222.114},    {8, 15.45, 16859.074},
}};

/// Julian Ephemeris Day of the March equinox of a Gregorian year (Meeus 27.1 and 27.2).
double marchEquinoxJde(int year)
{
    double jde0 = 0;
    if (year < 1000) {
        const double y = year / 1000.0;
        jde0 = 1721139.29189 + 365242.13740 * y + 0.06134 * y * y + 0.00111 * y * y * y -
               0.00071 * y * y * y * y;
    } else {
        const double y = (year - 2000) / 1000.0;
        jde0 = 2451623.80984 + 365242.37404 * y + 0.05169 * y * y - 0.00411 * y * y * y -
               0.00057 * y * y * y * y;
    }
    const double t = (jde0 - 2451545.0) / 36525.0;
    const double w = (35999.373 * t - 2.47) * kDeg;
    const double dl = 1 + 0.0334 * std::cos(w) + 0.0007 * std::cos(2 * w);
    double s = 0;
    for (const Term& term : kTerms)
        s += term.a * std::cos((term.b + term.c * t) * kDeg);
    return jde0 + 0.00001 * s / dl;
}

/// TT - UT in seconds (Espenak and Meeus's polynomials); a minute of error here is harmless.
double deltaTSeconds(int year)
{
    const double y = year;
    if (year >= 1900 && year < 1920) {
        const double t = y - 1900;
        return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
               0.000197 * t * t * t * t;
    }
    if (year >= 1920 && year < 1941) {
        const double t = y - 1920;
        return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    }
    if (year >= 1941 && year < 1961) {
        const double t = y - 1950;
        return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
    }
    if (year >= 1961 && year < 1986) {
        const double t = y - 1975;
        return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
    }
    if (year >= 1986 && year < 2005) {
        const double t = y - 2000;
        return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
               0.000651814 * std::pow(t, 4) + 0.00002373599 * std::pow(t, 5);
    }
    if (year >= 2005 && year < 2050) {
        const double t = y - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    const double u = (y - 1820) / 100;
    if (year >= 2050 && year < 2150)
        return -20 + 32 * u * u - 0.5628 * (2150 - y);
    return -20 + 32 * u * u;
}

constexpr int kFirstGregorianYear = 1000;
constexpr int kLastGregorianYear = 2999;
constexpr int kMonthDays[12] = {31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29};

} // namespace

QDate nowruz(int year)
{
    const int gYear = year + 621;
    if (gYear < kFirstGregorianYear || gYear > kLastGregorianYear + 1)
        return {};
    const double jdUt = marchEquinoxJde(gYear) - deltaTSeconds(gYear) / 86400.0;
    // Julian days start at noon UT; shift to Iran Standard Time (UTC+3:30) and split the day.
    const double jdLocal = jdUt + 0.5 + 3.5 / 24.0;
    const double dayNumber = std::floor(jdLocal);
    const double fraction = jdLocal - dayNumber;
    QDate equinoxDay = QDate::fromJulianDay(static_cast<qint64>(dayNumber));
    // The year begins on the equinox's day if it falls before noon, else on the next day.
    return fraction < 0.5 ? equinoxDay : equinoxDay.addDays(1);
}

bool isLeapYear(int year)
{
    const QDate a = nowruz(year), b = nowruz(year + 1);
    return a.isValid() && b.isValid() && a.daysTo(b) == 366;
}

int daysInMonth(int year, int month)
{
    if (month < 1 || month > 12)
        return 0;
    if (month == 12 && isLeapYear(year))
        return 30;
    return kMonthDays[month - 1];
}

std::optional<SolarHijriDate> fromGregorian(const QDate& date)
{
    if (!date.isValid() || date.year() < kFirstGregorianYear || date.year() > kLastGregorianYear)
        return std::nullopt;
    int year = date.year() - 621;
    QDate start = nowruz(year);
    if (date < start) {
        --year;
        start = nowruz(year);
    }
    const qint64 days = start.daysTo(date);
    SolarHijriDate d;
    d.year = year;
    if (days < 186) {
        d.month = static_cast<int>(days / 31) + 1;
        d.day = static_cast<int>(days % 31) + 1;
    } else {
        d.month = static_cast<int>((days - 186) / 30) + 7;
        d.day = static_cast<int>((days - 186) % 30) + 1;
    }
    return d;
}

QDate toGregorian(int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return {};
    const QDate start = nowruz(year);
    if (!start.isValid())
        return {};
    const int offset = month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30;
    return start.addDays(offset + day - 1);
}

QString monthName(int month)
{
    static const char* const names[12] = {"Farvardin", "Ordibehesht", "Khordad", "Tir",
                                          "Mordad",    "Shahrivar",   "Mehr",    "Aban",
                                          "Azar",      "Dey",         "Bahman",  "Esfand"};
    return month >= 1 && month <= 12 ? QString::fromLatin1(names[month - 1]) : QString();
}

QString afghanMonthName(int month)
{
    static const char* const names[12] = {"Hamal", "Sawr",  "Jawza", "Saratan", "Asad", "Sunbula",
                                          "Mizan", "Aqrab", "Qaws",  "Jadi",    "Dalw", "Hut"};
    return month >= 1 && month <= 12 ? QString::fromLatin1(names[month - 1]) : QString();
}

QString toString(const SolarHijriDate& d)
{
    return QStringLiteral("%1 %2 %3").arg(d.day).arg(monthName(d.month)).arg(d.year);
}

} // namespace fa::solarhijri
