#include "event.h"

#include <array>
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

constexpr std::array<std::pair<Family, const char*>, 3> kFamilies{{
    {Family::Incident, "incident"}, {Family::Diplomatic, "diplomatic"}, {Family::Context, "context"}}};
constexpr std::array<std::pair<TimePrecision, const char*>, 4> kTimePrecisions{{
    {TimePrecision::Year, "year"}, {TimePrecision::Month, "month"}, {TimePrecision::Day, "day"},
    {TimePrecision::Minute, "minute"}}};
constexpr std::array<std::pair<CoordPrecision, const char*>, 4> kCoordPrecisions{{
    {CoordPrecision::Exact, "exact"}, {CoordPrecision::Settlement, "settlement"},
    {CoordPrecision::District, "district"}, {CoordPrecision::Region, "region"}}};
constexpr std::array<std::pair<Confidence, const char*>, 3> kConfidences{{
    {Confidence::Confirmed, "confirmed"}, {Confidence::Reported, "reported"},
    {Confidence::Disputed, "disputed"}}};
constexpr std::array<std::pair<OriginKind, const char*>, 3> kOrigins{{
    {OriginKind::Bundled, "bundled"}, {OriginKind::Imported, "imported"}, {OriginKind::Manual, "manual"}}};

} // namespace

QString toString(Family f) { return nameOf(kFamilies, f); }
QString toString(TimePrecision p) { return nameOf(kTimePrecisions, p); }
QString toString(CoordPrecision p) { return nameOf(kCoordPrecisions, p); }
QString toString(Confidence c) { return nameOf(kConfidences, c); }
QString toString(OriginKind k) { return nameOf(kOrigins, k); }
std::optional<Family> familyFromString(const QString& s) { return valueOf(kFamilies, s); }
std::optional<TimePrecision> timePrecisionFromString(const QString& s)
{
    return valueOf(kTimePrecisions, s);
}
std::optional<CoordPrecision> coordPrecisionFromString(const QString& s)
{
    return valueOf(kCoordPrecisions, s);
}
std::optional<Confidence> confidenceFromString(const QString& s) { return valueOf(kConfidences, s); }
std::optional<OriginKind> originKindFromString(const QString& s) { return valueOf(kOrigins, s); }

} // namespace fa
