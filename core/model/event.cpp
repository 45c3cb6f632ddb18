#include "event.h"

#include <QDate>
#include <QDateTime>
#include <QRandomGenerator>

#include <array>
#include <limits>
#include <mutex>
#include <utility>

namespace fa {
namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char*>, N>& table, E value)
{
    for (const auto& [e, name] : table)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char*>, N>& table, const QString& s)
{
    const QString key = s.trimmed().toLower();
    for (const auto& [e, name] : table)
        if (key == QLatin1String(name))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<Family, const char*>, 3> kFamilies{
    {{Family::Incident, "incident"},
     {Family::Diplomatic, "diplomatic"},
     {Family::Context, "context"}}};
constexpr std::array<std::pair<TimePrecision, const char*>, 4> kTimePrecisions{
    {{TimePrecision::Year, "year"},
     {TimePrecision::Month, "month"},
     {TimePrecision::Day, "day"},
     {TimePrecision::Minute, "minute"}}};
constexpr std::array<std::pair<CoordPrecision, const char*>, 4> kCoordPrecisions{
    {{CoordPrecision::Exact, "exact"},
     {CoordPrecision::Settlement, "settlement"},
     {CoordPrecision::District, "district"},
     {CoordPrecision::Region, "region"}}};
constexpr std::array<std::pair<Confidence, const char*>, 3> kConfidences{
    {{Confidence::Confirmed, "confirmed"},
     {Confidence::Reported, "reported"},
     {Confidence::Disputed, "disputed"}}};
constexpr std::array<std::pair<OriginKind, const char*>, 3> kOrigins{
    {{OriginKind::Bundled, "bundled"},
     {OriginKind::Imported, "imported"},
     {OriginKind::Manual, "manual"}}};

} // namespace

QString toString(Family f)
{
    return nameOf(kFamilies, f);
}
QString toString(TimePrecision p)
{
    return nameOf(kTimePrecisions, p);
}
QString toString(CoordPrecision p)
{
    return nameOf(kCoordPrecisions, p);
}
QString toString(Confidence c)
{
    return nameOf(kConfidences, c);
}
QString toString(OriginKind k)
{
    return nameOf(kOrigins, k);
}
std::optional<Family> familyFromString(const QString& s)
{
    return valueOf(kFamilies, s);
}
std::optional<TimePrecision> timePrecisionFromString(const QString& s)
{
    return valueOf(kTimePrecisions, s);
}
std::optional<CoordPrecision> coordPrecisionFromString(const QString& s)
{
    return valueOf(kCoordPrecisions, s);
}
std::optional<Confidence> confidenceFromString(const QString& s)
{
    return valueOf(kConfidences, s);
}
std::optional<OriginKind> originKindFromString(const QString& s)
{
    return valueOf(kOrigins, s);
}

qint64 coverageEndSecs(qint64 start, std::optional<qint64> explicitEnd, TimePrecision p)
{
    constexpr qint64 kSecsPerDay = 86400;
    if (explicitEnd && *explicitEnd > start)
        return *explicitEnd;
    if (p == TimePrecision::Month || p == TimePrecision::Year) {
        // Floor division: dates before 1970 have negative seconds.
        qint64 days = start / kSecsPerDay;
        if (start % kSecsPerDay < 0)
            --days;
        const QDate d = QDate(1970, 1, 1).addDays(days);
        const QDate next = p == TimePrecision::Month ? QDate(d.year(), d.month(), 1).addMonths(1)
                                                     : QDate(d.year() + 1, 1, 1);
        if (next.isValid()) {
            const qint64 end = QDate(1970, 1, 1).daysTo(next) * kSecsPerDay;
            if (end > start)
                return end;
        }
    }
    return start == std::numeric_limits<qint64>::max() ? start : start + 1;
}

QUuid newEventId()
{
    static std::mutex mutex;
    static qint64 lastMs = 0;
    static quint32 counter = 0;
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    quint32 seq = 0;
    {
        std::lock_guard lock(mutex);
        if (ms <= lastMs) {
            // Same millisecond (or the clock went back): count on; when the 12 bits run out,
            // borrow the next millisecond, as RFC 9562 6.2 allows.
            ms = lastMs;
            if (++counter > 0xFFF) {
                ++ms;
                counter = 0;
            }
        } else {
            counter = QRandomGenerator::global()->bounded(0x400u); // leaves room to count
        }
        lastMs = ms;
        seq = counter;
    }
    const quint64 random = QRandomGenerator::global()->generate64();
    std::array<char, 16> b{};
    for (int i = 0; i < 6; ++i)
        b[i] = char(quint64(ms) >> (8 * (5 - i)));
    b[6] = char(0x70 | (seq >> 8));
    b[7] = char(seq & 0xFF);
    b[8] = char(0x80 | (random & 0x3F));
    for (int i = 9; i < 16; ++i)
        b[i] = char(random >> (8 * (i - 8)));
    return QUuid::fromRfc4122(QByteArrayView(b.data(), qsizetype(b.size())));
}

} // namespace fa
