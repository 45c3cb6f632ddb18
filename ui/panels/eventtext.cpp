#include "eventtext.h"

#include "countries.h"
#include "solarhijri.h"

#include <QLocale>
#include <QSettings>

namespace fa::eventtext {
namespace {

const QLocale& english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QString shMonthRange(const SolarHijriDate& a, const SolarHijriDate& b)
{
    if (a.year == b.year && a.month == b.month)
        return QStringLiteral("%1 %2").arg(solarhijri::monthName(a.month)).arg(a.year);
    if (a.year == b.year)
        return QStringLiteral("%1–%2 %3")
            .arg(solarhijri::monthName(a.month), solarhijri::monthName(b.month))
            .arg(a.year);
    return QStringLiteral("%1 %2 – %3 %4")
        .arg(solarhijri::monthName(a.month))
        .arg(a.year)
        .arg(solarhijri::monthName(b.month))
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

DisplayZone savedZone()
{
    const int v = QSettings().value(QStringLiteral("details/timeZone"), 0).toInt();
    return v >= 0 && v <= 2 ? DisplayZone(v) : DisplayZone::Utc;
}

void saveZone(DisplayZone z)
{
    QSettings().setValue(QStringLiteral("details/timeZone"), int(z));
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
        const auto a = solarhijri::fromGregorian(QDate(d.year(), 1, 1));
        const auto b = solarhijri::fromGregorian(QDate(d.year(), 12, 31));
        if (!a || !b)
            return {};
        return QStringLiteral("%1–%2").arg(a->year).arg(b->year);
    }
    case TimePrecision::Month: {
        const QDate first(d.year(), d.month(), 1);
        const auto a = solarhijri::fromGregorian(first);
        const auto b = solarhijri::fromGregorian(first.addMonths(1).addDays(-1));
        if (!a || !b)
            return {};
        return shMonthRange(*a, *b);
    }
    case TimePrecision::Day:
    case TimePrecision::Minute:
        break;
    }
    const auto sh = solarhijri::fromGregorian(d);
    return sh ? solarhijri::toString(*sh) : QString();
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
