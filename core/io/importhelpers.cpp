#include "importhelpers.h"

#include <QCryptographicHash>
#include <QHash>
#include <QLocale>
#include <QTimeZone>

#include <charconv>
#include <cmath>
#include <mutex>

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

struct CountryTables {
    QHash<QString, QString> byName; // lower-case name or code -> alpha-2
};

struct Alpha3 {
    const char* a2;
    const char* a3;
    int numeric;
};
// The countries around the frontier and the ones ACLED/UCDP exports of the region mention.
constexpr Alpha3 kAlpha3[] = {
    {"AF", "AFG", 4},   {"TJ", "TJK", 762}, {"UZ", "UZB", 860}, {"TM", "TKM", 795},
    {"KG", "KGZ", 417}, {"KZ", "KAZ", 398}, {"CN", "CHN", 156}, {"PK", "PAK", 586},
    {"IN", "IND", 356}, {"IR", "IRN", 364}, {"RU", "RUS", 643}, {"US", "USA", 840},
    {"TR", "TUR", 792}, {"AZ", "AZE", 31},  {"AM", "ARM", 51},  {"GE", "GEO", 268},
    {"MN", "MNG", 496}, {"IQ", "IRQ", 368}, {"SY", "SYR", 760}, {"UA", "UKR", 804},
    {"GB", "GBR", 826}, {"DE", "DEU", 276}, {"FR", "FRA", 250}, {"SA", "SAU", 682},
    {"AE", "ARE", 784}, {"QA", "QAT", 634}, {"BD", "BGD", 50},  {"NP", "NPL", 524},
};

const CountryTables& countryTables()
{
    static CountryTables t;
    static std::once_flag once;
    std::call_once(once, [] {
        for (int i = 1; i <= int(QLocale::LastTerritory); ++i) {
            const auto terr = QLocale::Territory(i);
            const QString code = QLocale::territoryToCode(terr);
            if (code.size() != 2)
                continue;
            t.byName.insert(QLocale::territoryToString(terr).toLower(), code);
            t.byName.insert(code.toLower(), code);
        }
        for (const auto& a : kAlpha3)
            t.byName.insert(QString::fromLatin1(a.a3).toLower(), QString::fromLatin1(a.a2));
        const std::pair<const char*, const char*> aliases[] = {
            {"russian federation", "RU"},
            {"united states of america", "US"},
            {"iran (islamic republic of)", "IR"},
            {"kyrgyz republic", "KG"},
            {"democratic republic of congo", "CD"},
            {"republic of congo", "CG"},
            {"cote d'ivoire", "CI"},
            {"ivory coast", "CI"},
            {"myanmar (burma)", "MM"},
            {"north korea", "KP"},
            {"south korea", "KR"},
            {"palestine", "PS"},
            {"syria", "SY"},
            {"laos", "LA"},
            {"vietnam", "VN"},
            {"czech republic", "CZ"},
            {"united kingdom", "GB"},
            {"turkey", "TR"},
            {"eswatini", "SZ"},
        };
        for (const auto& [name, code] : aliases)
            t.byName.insert(QString::fromLatin1(name), QString::fromLatin1(code));
    });
    return t;
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

QString countryCode(const QString& nameOrCode)
{
    const QString key = nameOrCode.trimmed().toLower();
    if (key.isEmpty())
        return {};
    return countryTables().byName.value(key);
}

QString countryName(const QString& alpha2)
{
    const auto terr = QLocale::codeToTerritory(alpha2);
    if (terr == QLocale::AnyTerritory)
        return alpha2;
    return QLocale::territoryToString(terr);
}

int countryNumeric(const QString& alpha2)
{
    for (const auto& a : kAlpha3)
        if (alpha2 == QLatin1StringView(a.a2))
            return a.numeric;
    return 0;
}

std::optional<double> parseDouble(QByteArrayView text)
{
    QByteArrayView s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (s[0] == '+')
        s = s.mid(1);
    double v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<int> parseInt(QByteArrayView text)
{
    QByteArrayView s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (s[0] == '+')
        s = s.mid(1);
    int v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && ptr == s.data() + s.size())
        return v;
    // "3.0" as some tools write integers.
    const auto d = parseDouble(text);
    if (d && *d == std::floor(*d) && std::abs(*d) < 2e9)
        return int(*d);
    return std::nullopt;
}

QString contentHashId(const QString& prefix, QByteArrayView bytes)
{
    return prefix +
           QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

} // namespace fa::importhelpers

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fa::importhelpers {

QString toJsonText(const QStringList& list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

std::optional<QStringList> stringListFromJsonText(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QStringList{};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue& v : doc.array()) {
        if (!v.isString())
            return std::nullopt;
        out << v.toString();
    }
    return out;
}

QString toJsonText(const QList<Source>& sources)
{
    QJsonArray arr;
    for (const Source& s : sources) {
        QJsonObject o;
        o.insert(QStringLiteral("url"), s.url);
        o.insert(QStringLiteral("publisher"), s.publisher);
        if (!s.title.isEmpty())
            o.insert(QStringLiteral("title"), s.title);
        o.insert(QStringLiteral("published"),
                 s.published ? QJsonValue(s.published->toString(Qt::ISODate)) : QJsonValue());
        if (s.reliability != '\0')
            o.insert(QStringLiteral("reliability"), QString(QChar::fromLatin1(s.reliability)));
        if (s.credibility != 0)
            o.insert(QStringLiteral("credibility"), s.credibility);
        arr.append(o);
    }
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

std::optional<QList<Source>> sourcesFromJsonText(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QList<Source>{};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QList<Source> out;
    for (const QJsonValue& v : doc.array()) {
        if (!v.isObject())
            return std::nullopt;
        const QJsonObject o = v.toObject();
        Source s;
        s.url = o.value(QStringLiteral("url")).toString();
        s.publisher = o.value(QStringLiteral("publisher")).toString();
        s.title = o.value(QStringLiteral("title")).toString();
        const QString pub = o.value(QStringLiteral("published")).toString();
        if (!pub.isEmpty()) {
            const QDate d = QDate::fromString(pub, Qt::ISODate);
            if (!d.isValid())
                return std::nullopt;
            s.published = d;
        }
        const QString rel = o.value(QStringLiteral("reliability")).toString();
        if (rel.size() == 1)
            s.reliability = rel[0].toLatin1();
        s.credibility = o.value(QStringLiteral("credibility")).toInt(0);
        out << s;
    }
    return out;
}

} // namespace fa::importhelpers

namespace fa::importhelpers {

QString quoted(QByteArrayView v)
{
    QString s = QString::fromUtf8(v.trimmed());
    if (s.size() > 40)
        s = s.left(40) + QStringLiteral("...");
    return u'"' + s + u'"';
}

std::optional<QString> readCoordinate(QByteArrayView text, const char* name, double limit,
                                      double& out)
{
    if (text.trimmed().isEmpty())
        return QStringLiteral("missing coordinates (%1 is empty)").arg(QLatin1StringView(name));
    auto v = importhelpers::parseDouble(text);
    if (!v && text.count(',') == 1 && !text.contains('.')) {
        // A decimal comma, as semicolon-separated files from European spreadsheets have.
        QByteArray dotted = text.toByteArray();
        dotted.replace(',', '.');
        v = importhelpers::parseDouble(dotted);
    }
    if (!v)
        return QStringLiteral("%1 %2 is not a number").arg(QLatin1StringView(name), quoted(text));
    if (*v < -limit || *v > limit)
        return QStringLiteral("%1 %2 is out of range (-%3..%3)")
            .arg(QLatin1StringView(name), QString::fromUtf8(text.trimmed()))
            .arg(limit);
    out = *v;
    return std::nullopt;
}

} // namespace fa::importhelpers
