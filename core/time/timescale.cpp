#include "timescale.h"

#include <QDate>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace fa {

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kJulianEpoch = 2440588; // Julian day of 1970-01-01

// Calendar arithmetic on UTC seconds without QDateTime (ticks are computed on every repaint).
qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}
QDate dateOf(qint64 secs)
{
    return QDate::fromJulianDay(kJulianEpoch + floorDiv(secs, kDay));
}
qint64 secsOf(const QDate& d)
{
    return (d.toJulianDay() - kJulianEpoch) * kDay;
}

// Day steps restart on the 1st of each month; a tick that would fall too close before the next
// 1st is dropped, so that "31" and "1" never crowd each other.
bool dayTickKept(int day, int count, int daysInMonth)
{
    if (count == 1)
        return true;
    return (daysInMonth + 1 - day) >= count * 0.75;
}

constexpr std::array<TimeScale::Step, 18> kSteps{{
    {TimeScale::Unit::Hour, 1},
    {TimeScale::Unit::Hour, 3},
    {TimeScale::Unit::Hour, 6},
    {TimeScale::Unit::Hour, 12},
    {TimeScale::Unit::Day, 1},
    {TimeScale::Unit::Day, 2},
    {TimeScale::Unit::Day, 5},
    {TimeScale::Unit::Day, 10},
    {TimeScale::Unit::Month, 1},
    {TimeScale::Unit::Month, 3},
    {TimeScale::Unit::Month, 6},
    {TimeScale::Unit::Year, 1},
    {TimeScale::Unit::Year, 2},
    {TimeScale::Unit::Year, 5},
    {TimeScale::Unit::Year, 10},
    {TimeScale::Unit::Year, 20},
    {TimeScale::Unit::Year, 50},
    {TimeScale::Unit::Year, 100},
}};

bool nests(TimeScale::Step minor, TimeScale::Step major)
{
    if (minor.unit < major.unit)
        return true; // every unit we use divides the next one (24 h, day 1, 12 months)
    return minor.unit == major.unit && major.count % minor.count == 0;
}

} // namespace

double TimeScale::Step::approxSecs() const
{
    switch (unit) {
    case Unit::Hour:
        return 3600.0 * count;
    case Unit::Day:
        return 86400.0 * count;
    case Unit::Month:
        return 30.436875 * 86400.0 * count;
    case Unit::Year:
        return 365.2425 * 86400.0 * count;
    }
    return 1;
}

TimeScale::TimeScale(double fromSecs, double toSecs, double left, double width)
    : m_from(fromSecs), m_to(toSecs), m_left(left), m_width(width)
{
    if (m_to < m_from)
        std::swap(m_to, m_from);
    if (!(m_to - m_from >= 1.0))
        m_to = m_from + 1.0;
    if (!(m_width >= 1.0))
        m_width = 1.0;
}

TimeScale TimeScale::zoomedAround(double x, double factor) const
{
    if (!(factor > 0))
        return *this;
    const double anchor = secsAt(x);
    const double span = std::clamp(spanSecs() / factor, kMinSpanSecs, kMaxSpanSecs);
    // The anchor keeps its fraction of the width, so it stays under the cursor.
    const double frac = (x - m_left) / m_width;
    const double from = anchor - frac * span;
    return TimeScale(from, from + span, m_left, m_width);
}

TimeScale TimeScale::pannedBy(double dxPixels) const
{
    const double d = dxPixels * secsPerPixel();
    return TimeScale(m_from - d, m_to - d, m_left, m_width);
}

TimeScale TimeScale::centredOn(double secs) const
{
    const double half = spanSecs() / 2;
    return TimeScale(secs - half, secs + half, m_left, m_width);
}

TimeScale TimeScale::withPixels(double left, double width) const
{
    return TimeScale(m_from, m_to, left, width);
}

TimeScale::Step TimeScale::chooseStep(double secsPerPixel, double minSpacingPx)
{
    for (const Step& s : kSteps) {
        if (s.approxSecs() / secsPerPixel >= minSpacingPx)
            return s;
    }
    return kSteps.back();
}

TimeScale::Step TimeScale::chooseMinorStep(Step major, double secsPerPixel, double minSpacingPx)
{
    for (const Step& s : kSteps) {
        if (s == major)
            break;
        if (nests(s, major) && s.approxSecs() / secsPerPixel >= minSpacingPx)
            return s;
    }
    return major;
}

bool TimeScale::contextStep(Step step, Step& context)
{
    switch (step.unit) {
    case Unit::Hour:
        context = {Unit::Day, 1};
        return true;
    case Unit::Day:
        context = {Unit::Month, 1};
        return true;
    case Unit::Month:
        context = {Unit::Year, 1};
        return true;
    case Unit::Year:
        return false;
    }
    return false;
}

qint64 TimeScale::floorTo(qint64 secs, Step step)
{
    const QDate d = dateOf(secs);
    switch (step.unit) {
    case Unit::Hour: {
        const qint64 dayStart = secsOf(d);
        const qint64 hour = (secs - dayStart) / 3600;
        return dayStart + (hour - hour % step.count) * 3600;
    }
    case Unit::Day: {
        int day = 1 + ((d.day() - 1) / step.count) * step.count;
        if (!dayTickKept(day, step.count, d.daysInMonth()))
            day -= step.count;
        return secsOf(QDate(d.year(), d.month(), day));
    }
    case Unit::Month: {
        const int month = 1 + ((d.month() - 1) / step.count) * step.count;
        return secsOf(QDate(d.year(), month, 1));
    }
    case Unit::Year: {
        const int year = int(floorDiv(d.year(), step.count) * step.count);
        // QDate has no year 0: the proleptic calendar jumps from -1 to 1.
        return secsOf(QDate(year == 0 ? 1 : year, 1, 1));
    }
    }
    return secs;
}

qint64 TimeScale::advance(qint64 secs, Step step)
{
    const QDate d = dateOf(secs);
    switch (step.unit) {
    case Unit::Hour:
        return secs + qint64(step.count) * 3600;
    case Unit::Day: {
        const int next = d.day() + step.count;
        if (next > d.daysInMonth() || !dayTickKept(next, step.count, d.daysInMonth()))
            return secsOf(QDate(d.year(), d.month(), 1).addMonths(1));
        return secsOf(QDate(d.year(), d.month(), next));
    }
    case Unit::Month:
        return secsOf(QDate(d.year(), d.month(), 1).addMonths(step.count));
    case Unit::Year:
        return secsOf(QDate(d.year(), 1, 1).addYears(step.count));
    }
    return secs + 1;
}

QString TimeScale::label(qint64 secs, Step step)
{
    const QDate d = dateOf(secs);
    const QLocale c = QLocale::c(); // English month names, independent of the user's locale
    switch (step.unit) {
    case Unit::Hour: {
        const qint64 hour = (secs - secsOf(d)) / 3600;
        return QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
    }
    case Unit::Day:
        return QString::number(d.day());
    case Unit::Month:
        return c.toString(d, QStringLiteral("MMM"));
    case Unit::Year:
        return QString::number(d.year());
    }
    return {};
}

QString TimeScale::contextLabel(qint64 secs, Step context)
{
    const QDate d = dateOf(secs);
    const QLocale c = QLocale::c();
    switch (context.unit) {
    case Unit::Hour:
    case Unit::Day:
        return c.toString(d, QStringLiteral("ddd d MMM yyyy"));
    case Unit::Month:
        return c.toString(d, QStringLiteral("MMMM yyyy"));
    case Unit::Year:
        return QString::number(d.year());
    }
    return {};
}

std::vector<TimeScale::Tick> TimeScale::ticks(Step step, int maxTicks) const
{
    std::vector<Tick> out;
    // Clamp to QDate's comfortable range so that absurd views cannot loop for ever.
    constexpr double kLimit = 1.0e13;
    const qint64 from = qint64(std::floor(std::clamp(m_from, -kLimit, kLimit)));
    const qint64 to = qint64(std::ceil(std::clamp(m_to, -kLimit, kLimit)));
    qint64 t = floorTo(from, step);
    while (t <= to && int(out.size()) < maxTicks) {
        out.push_back({t, xOf(double(t)), label(t, step)});
        const qint64 next = advance(t, step);
        if (next <= t)
            break;
        t = next;
    }
    return out;
}

} // namespace fa
