#include "dateformats.h"

#include <QTimeZone>

namespace fa::importhelpers {
namespace {

constexpr const char* kMonths[12] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};

// 1..12 for a full or three-letter English month name ("Sept" too), else 0.
int monthFromName(QStringView s)
{
    const QString l = s.toString().toLower();
    if (l.size() < 3)
        return 0;
    for (int m = 0; m < 12; ++m) {
        const QLatin1StringView full(kMonths[m]);
        if (l == full || (l.size() >= 3 && full.startsWith(l)))
            return m + 1;
    }
    return 0;
}

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

int toInt(QStringView s)
{
    return s.toInt();
}

QDateTime utcDay(const QDate& d)
{
    return QDateTime(d, QTime(0, 0), QTimeZone::UTC);
}

// "T10:20[:30][.fff][Z|+hh:mm|-hhmm]" after the date; returns the UTC date-time.
std::optional<QDateTime> withTime(const QDate& d, QStringView rest)
{
    if (rest.isEmpty() || (rest[0] != u'T' && rest[0] != u' '))
        return std::nullopt;
    rest = rest.mid(1);
    int offsetSecs = 0;
    // Split off a zone designator.
    qsizetype zone = -1;
    for (qsizetype i = 0; i < rest.size(); ++i)
        if (rest[i] == u'Z' || rest[i] == u'z' || rest[i] == u'+' || (rest[i] == u'-' && i >= 5)) {
            zone = i;
            break;
        }
    QStringView time = zone >= 0 ? rest.left(zone) : rest;
    if (zone >= 0) {
        const QStringView z = rest.mid(zone);
        if (z.size() == 1 && (z[0] == u'Z' || z[0] == u'z')) {
            offsetSecs = 0;
        } else {
            QString digits = z.mid(1).toString().remove(u':');
            if (digits.size() != 4 && digits.size() != 2)
                return std::nullopt;
            if (!allDigits(digits))
                return std::nullopt;
            const int hh = digits.left(2).toInt();
            const int mm = digits.size() == 4 ? digits.mid(2).toInt() : 0;
            if (hh > 14 || mm > 59)
                return std::nullopt;
            offsetSecs = (hh * 3600 + mm * 60) * (z[0] == u'-' ? -1 : 1);
        }
    }
    const qsizetype dot = time.indexOf(u'.');
    if (dot >= 0) {
        if (!allDigits(time.mid(dot + 1)))
            return std::nullopt;
        time = time.left(dot);
    }
    const auto parts = time.split(u':');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    for (const auto& p : parts)
        if (p.size() != 2 || !allDigits(p))
            return std::nullopt;
    const int h = toInt(parts[0]), m = toInt(parts[1]), s = parts.size() == 3 ? toInt(parts[2]) : 0;
    const QTime t(h, m, s);
    if (!t.isValid())
        return std::nullopt;
    return QDateTime(d, t, QTimeZone::UTC).addSecs(-offsetSecs);
}

} // namespace

std::optional<QDate> parseIsoDay(QByteArrayView s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return std::nullopt;
    int v[3] = {0, 0, 0};
    const int ranges[3][2] = {{0, 4}, {5, 7}, {8, 10}};
    for (int k = 0; k < 3; ++k)
        for (int i = ranges[k][0]; i < ranges[k][1]; ++i) {
            const char c = s[i];
            if (c < '0' || c > '9')
                return std::nullopt;
            v[k] = v[k] * 10 + (c - '0');
        }
    const QDate d(v[0], v[1], v[2]);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<ParsedDate> parseDate(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    // ISO forms: YYYY, YYYY-MM, YYYY-MM-DD[time], YYYY/MM/DD.
    if (s.size() >= 4 && allDigits(s.left(4))) {
        const int y = toInt(s.left(4));
        if (s.size() == 4)
            return ParsedDate{utcDay(QDate(y, 1, 1)), TimePrecision::Year};
        const QChar sep = s[4];
        if ((sep == u'-' || sep == u'/') && s.size() >= 7 && allDigits(s.mid(5, 2))) {
            const int m = toInt(s.mid(5, 2));
            if (s.size() == 7) {
                const QDate d(y, m, 1);
                if (!d.isValid())
                    return std::nullopt;
                return ParsedDate{utcDay(d), TimePrecision::Month};
            }
            if (s.size() >= 10 && s[7] == sep && allDigits(s.mid(8, 2))) {
                const QDate d(y, m, toInt(s.mid(8, 2)));
                if (!d.isValid())
                    return std::nullopt;
                if (s.size() == 10)
                    return ParsedDate{utcDay(d), TimePrecision::Day};
                const QStringView rest = s.mid(10);
                const auto dt = withTime(d, rest);
                if (!dt)
                    return std::nullopt;
                // A midnight time with no zone is how databases write a plain day.
                if (dt->time() == QTime(0, 0) && !rest.contains(u'Z') && !rest.contains(u'+'))
                    return ParsedDate{*dt, TimePrecision::Day};
                return ParsedDate{*dt, TimePrecision::Minute};
            }
        }
        return std::nullopt;
    }
    // "15 March 2021", "15-March-2021", "15 Mar 2021", "March 15, 2021".
    QString norm = s.toString();
    norm.replace(u'-', u' ').replace(u',', u' ');
    const QStringList parts = norm.split(u' ', Qt::SkipEmptyParts);
    if (parts.size() != 3)
        return std::nullopt;
    int day = 0, month = 0, year = 0;
    if (allDigits(parts[0]) && allDigits(parts[2])) {
        day = parts[0].toInt();
        month = monthFromName(parts[1]);
        year = parts[2].toInt();
        if (parts[2].size() == 2)
            year += 2000;
    } else if (allDigits(parts[1]) && allDigits(parts[2])) {
        month = monthFromName(parts[0]);
        day = parts[1].toInt();
        year = parts[2].toInt();
    }
    if (month == 0)
        return std::nullopt;
    // Four-digit years only: "03-April-000000002141291448" is a valid QDate but no event date,
    // and its QDateTime would be invalid.
    const QDate d(year, month, day);
    if (!d.isValid() || year < 1000 || year > 9999)
        return std::nullopt;
    return ParsedDate{utcDay(d), TimePrecision::Day};
}

QString formatDate(const QDateTime& utcIn, TimePrecision precision)
{
    const QDateTime utc = utcIn.toUTC();
    switch (precision) {
    case TimePrecision::Year:
        return QString::number(utc.date().year()).rightJustified(4, u'0');
    case TimePrecision::Month:
        return utc.toString(QStringLiteral("yyyy-MM"));
    case TimePrecision::Day:
        return utc.toString(QStringLiteral("yyyy-MM-dd"));
    case TimePrecision::Minute:
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    }
    return {};
}

QString formatDateExact(const QDateTime& utc, TimePrecision precision)
{
    const QString text = formatDate(utc, precision);
    const auto back = parseDate(text);
    if (back && back->start == utc)
        return text;
    return formatDate(utc, TimePrecision::Minute);
}

} // namespace fa::importhelpers
