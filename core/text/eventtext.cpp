#include "eventtext.h"

#include "countries.h"

#include <QCalendar>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace fa::eventtext {
namespace {

const QLocale& english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

// Qt's Jalali calendar is the Solar Hijri calendar of Iran and Afghanistan (33-year arithmetic
// cycle; it matches the astronomical rule for every year up to 1436 SH, 2057 CE). Its English
// month names are the romanised Iranian ones: "Farvardin" .. "Esfand".
const QCalendar& solarHijri()
{
    static const QCalendar calendar(QCalendar::System::Jalali);
    return calendar;
}

QString shMonthName(const QCalendar::YearMonthDay& d)
{
    return solarHijri().monthName(english(), d.month, d.year);
}

QString shMonthRange(const QCalendar::YearMonthDay& a, const QCalendar::YearMonthDay& b)
{
    if (a.year == b.year && a.month == b.month)
        return QStringLiteral("%1 %2").arg(shMonthName(a)).arg(a.year);
    if (a.year == b.year)
        return QStringLiteral("%1–%2 %3").arg(shMonthName(a), shMonthName(b)).arg(a.year);
    return QStringLiteral("%1 %2 – %3 %4")
        .arg(shMonthName(a))
        .arg(a.year)
        .arg(shMonthName(b))
        .arg(b.year);
}

} // namespace

QTimeZone timeZone(DisplayZone z)
{
    switch (z) {
    case DisplayZone::Dushanbe:
        return QTimeZone::fromSecondsAheadOfUtc(5 * 3600);
    case DisplayZone::Kabul:
        return QTimeZone::fromSecondsAheadOfUtc(4 * 3600 + 30 * 60);
    case DisplayZone::Utc:
        break;
    }
    return QTimeZone::UTC;
}

QString zoneLabel(DisplayZone z)
{
    switch (z) {
    case DisplayZone::Dushanbe:
        return QStringLiteral("Dushanbe (UTC+5)");
    case DisplayZone::Kabul:
        return QStringLiteral("Kabul (UTC+4:30)");
    case DisplayZone::Utc:
        break;
    }
    return QStringLiteral("UTC");
}

std::optional<DisplayZone> displayZoneFromInt(int v)
{
    switch (v) {
    case int(DisplayZone::Utc):
    case int(DisplayZone::Dushanbe):
    case int(DisplayZone::Kabul):
        return DisplayZone(v);
    default:
        return std::nullopt;
    }
}

QString dateText(const QDateTime& utc, TimePrecision p, DisplayZone z)
{
    if (!utc.isValid())
        return QStringLiteral("unknown date");
    const QDate d = utc.toUTC().date();
    switch (p) {
    case TimePrecision::Year:
        return QString::number(d.year());
    case TimePrecision::Month:
        return english().toString(d, QStringLiteral("MMMM yyyy"));
    case TimePrecision::Day:
        return english().toString(d, QStringLiteral("d MMMM yyyy"));
    case TimePrecision::Minute:
        break;
    }
    const QDateTime local = utc.toTimeZone(timeZone(z));
    return QStringLiteral("%1, %2 %3")
        .arg(english().toString(local.date(), QStringLiteral("d MMMM yyyy")),
             local.time().toString(QStringLiteral("HH:mm")), zoneLabel(z));
}

namespace {

// Ends are exclusive ([start, end)): an end at midnight UTC closes the day before, which is the
// last day the event ran and what a reader expects to see ("20 – 21 November", not "– 22").
// Otherwise the end is as precise as the start, but never coarser than a day.
std::pair<QDateTime, TimePrecision> displayedEnd(const Event& e)
{
    const QDateTime end = e.end->toUTC();
    if (end.time() == QTime(0, 0) && end.addDays(-1) >= e.start.toUTC())
        return {end.addDays(-1), TimePrecision::Day};
    return {end,
            e.timePrecision == TimePrecision::Minute ? TimePrecision::Minute : TimePrecision::Day};
}

} // namespace

QString eventDateText(const Event& e, DisplayZone z)
{
    QString s = dateText(e.start, e.timePrecision, z);
    if (e.end && *e.end != e.start) {
        const auto [end, endP] = displayedEnd(e);
        const QString endText = dateText(end, endP, z);
        if (endText != s)
            s += QStringLiteral(" – ") + endText;
    }
    return s;
}

QString solarHijriText(const QDateTime& utc, TimePrecision p, DisplayZone z)
{
    if (!utc.isValid())
        return {};
    const QDate d =
        p == TimePrecision::Minute ? utc.toTimeZone(timeZone(z)).date() : utc.toUTC().date();
    switch (p) {
    case TimePrecision::Year: {
        const auto a = solarHijri().partsFromDate(QDate(d.year(), 1, 1));
        const auto b = solarHijri().partsFromDate(QDate(d.year(), 12, 31));
        if (!a.isValid() || !b.isValid())
            return {};
        return QStringLiteral("%1–%2").arg(a.year).arg(b.year);
    }
    case TimePrecision::Month: {
        const QDate first(d.year(), d.month(), 1);
        const auto a = solarHijri().partsFromDate(first);
        const auto b = solarHijri().partsFromDate(first.addMonths(1).addDays(-1));
        if (!a.isValid() || !b.isValid())
            return {};
        return shMonthRange(a, b);
    }
    case TimePrecision::Day:
    case TimePrecision::Minute:
        break;
    }
    return english().toString(d, QStringLiteral("d MMMM yyyy"), solarHijri());
}

QString eventSolarHijriText(const Event& e, DisplayZone z)
{
    QString s = solarHijriText(e.start, e.timePrecision, z);
    if (!s.isEmpty() && e.end && *e.end != e.start) {
        const auto [endAt, endP] = displayedEnd(e);
        const QString end = solarHijriText(endAt, endP, z);
        if (!end.isEmpty() && end != s)
            s += QStringLiteral(" – ") + end;
    }
    return s.isEmpty() ? s : s + QStringLiteral(" SH");
}

QString shortDateText(const Event& e, DisplayZone z)
{
    if (!e.start.isValid())
        return {};
    switch (e.timePrecision) {
    case TimePrecision::Year:
        return e.start.toUTC().toString(QStringLiteral("yyyy"));
    case TimePrecision::Month:
        return e.start.toUTC().toString(QStringLiteral("yyyy-MM"));
    case TimePrecision::Day:
        return e.start.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
    case TimePrecision::Minute:
        break;
    }
    return e.start.toTimeZone(timeZone(z)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString dayText(qint64 utcSecs)
{
    return english().toString(QDateTime::fromSecsSinceEpoch(utcSecs, QTimeZone::UTC).date(),
                              QStringLiteral("d MMM yyyy"));
}

QString lastDayText(qint64 toSecs)
{
    return dayText(toSecs - 1);
}

QString rangeText(qint64 fromSecs, qint64 toSecs)
{
    const QString first = dayText(fromSecs);
    const QString last = lastDayText(std::max(fromSecs + 1, toSecs));
    return first == last ? first : first + QStringLiteral(" – ") + last;
}

QString casualtyText(const std::optional<int>& n)
{
    return n ? QString::number(*n) : QStringLiteral("unknown");
}

QString coordinateText(double lat, double lon)
{
    return QStringLiteral("%1° %2, %3° %4")
        .arg(std::abs(lat), 0, 'f', 4)
        .arg(lat >= 0 ? QLatin1Char('N') : QLatin1Char('S'))
        .arg(std::abs(lon), 0, 'f', 4)
        .arg(lon >= 0 ? QLatin1Char('E') : QLatin1Char('W'));
}

QString coordinateCopyText(double lat, double lon)
{
    return QStringLiteral("%1, %2").arg(lat, 0, 'f', 6).arg(lon, 0, 'f', 6);
}

QString coordPrecisionText(CoordPrecision p)
{
    switch (p) {
    case CoordPrecision::Exact:
        return QStringLiteral("exact site");
    case CoordPrecision::Settlement:
        return QStringLiteral("settlement centre");
    case CoordPrecision::District:
        return QStringLiteral("district centre: the site itself is not known");
    case CoordPrecision::Region:
        return QStringLiteral("rough regional point: the site itself is not known");
    }
    return {};
}

QString familyText(Family f)
{
    switch (f) {
    case Family::Incident:
        return QStringLiteral("Incident");
    case Family::Diplomatic:
        return QStringLiteral("Diplomatic");
    case Family::Context:
        return QStringLiteral("Context");
    }
    return {};
}

QString confidenceText(Confidence c)
{
    switch (c) {
    case Confidence::Confirmed:
        return QStringLiteral("Confirmed");
    case Confidence::Reported:
        return QStringLiteral("Reported");
    case Confidence::Disputed:
        return QStringLiteral("Disputed");
    }
    return {};
}

QString placeText(const Event& e)
{
    QStringList parts;
    if (!e.place.isEmpty())
        parts << e.place;
    if (!e.district.isEmpty())
        parts << QStringLiteral("%1 district").arg(e.district);
    if (!e.region.isEmpty())
        parts << e.region;
    if (!e.country.isEmpty())
        parts << countryNameWithCode(e.country);
    return parts.join(QStringLiteral(", "));
}

} // namespace fa::eventtext
