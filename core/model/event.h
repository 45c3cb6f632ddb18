#pragma once
// The event: one dated, located, sourced happening on the frontier. A plain value type.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <cstdint>
#include <optional>

namespace fa {

enum class Family : std::uint8_t { Incident = 0, Diplomatic = 1, Context = 2 };
inline constexpr int kFamilyCount = 3;

/// How precisely the start time is known. An event known to the month is drawn as a month-long
/// faint span, not as a precise tick.
enum class TimePrecision : std::uint8_t { Year = 0, Month = 1, Day = 2, Minute = 3 };

/// What the coordinate stands for: a surveyed point, a settlement centre, a district or
/// region centre standing in for an unknown site.
enum class CoordPrecision : std::uint8_t { Exact = 0, Settlement = 1, District = 2, Region = 3 };

enum class Confidence : std::uint8_t { Confirmed = 0, Reported = 1, Disputed = 2 };

enum class OriginKind : std::uint8_t { Bundled = 0, Imported = 1, Manual = 2 };

struct Origin {
    OriginKind kind = OriginKind::Manual;
    QString name;     ///< for Imported: the file's name; else empty
    QString sourceId; ///< an id from the source (ACLED event_id_cnty, UCDP id, facts slug) or a
                      ///< content hash; re-importing the same file does not duplicate events
    bool operator==(const Origin&) const = default;
};

/// A source document. Admiralty grades are optional: reliability 'A'..'F' (or '\0' when not
/// graded) and credibility 1..6 (0 when not graded).
struct Source {
    QString url; ///< http or https only
    QString publisher;
    QString title;
    std::optional<QDate> published;
    char reliability = '\0';
    int credibility = 0;
    bool operator==(const Source&) const = default;
};

struct Event {
    QUuid id; ///< stable; assigned by the store when null
    QString title;
    QString summary;
    Family family = Family::Incident;
    QString eventType; ///< open list: "drone attack", "clash", "visit", "statement", ...

    QDateTime start; ///< UTC
    TimePrecision timePrecision = TimePrecision::Day;
    std::optional<QDateTime> end; ///< UTC, for spans; never before start

    QString place;
    QString district;
    QString region;
    QString country; ///< ISO 3166-1 alpha-2, upper case

    double latitude = 0.0;  ///< WGS84 degrees, -90..90
    double longitude = 0.0; ///< WGS84 degrees, -180..180
    CoordPrecision coordPrecision = CoordPrecision::Settlement;

    std::optional<int> killed;  ///< nullopt = unknown (not zero)
    std::optional<int> injured; ///< nullopt = unknown (not zero)
    QString casualtyNote;

    QStringList actors;
    QList<Source> sources;
    Confidence confidence = Confidence::Reported;
    QStringList tags;
    QString notes;

    QDateTime created; ///< UTC, set by the store
    QDateTime updated; ///< UTC, set by the store
    Origin origin;

    bool operator==(const Event&) const = default;
};

// Names used in files, the database and the UI (stable; do not translate these).
QString toString(Family f);
QString toString(TimePrecision p);
QString toString(CoordPrecision p);
QString toString(Confidence c);
QString toString(OriginKind k);
std::optional<Family> familyFromString(const QString& s);
std::optional<TimePrecision> timePrecisionFromString(const QString& s);
std::optional<CoordPrecision> coordPrecisionFromString(const QString& s);
std::optional<Confidence> confidenceFromString(const QString& s);
std::optional<OriginKind> originKindFromString(const QString& s);

/// The end of the interval [start, end) an event covers, in UTC seconds: its explicit end when
/// after the start, else the rest of the calendar month or year for a month- or year-precision
/// date, else one second. The store's time queries and the in-memory index both use this rule,
/// so that they always agree on what lies in a window.
qint64 coverageEndSecs(qint64 startSecs, std::optional<qint64> explicitEndSecs, TimePrecision p);

/// A new event id: a version 7 UUID (RFC 9562), 48 bits of Unix milliseconds, then a 12-bit
/// counter and 62 random bits. Ids made later sort after earlier ones (also within one
/// millisecond, in one process), so a bulk insert appends to the uuid index instead of
/// touching random pages of it.
QUuid newEventId();

/// Casualties used for sizing and the minimum-casualty filter: killed + injured, unknown as 0.
inline int knownCasualties(const Event& e)
{
    return e.killed.value_or(0) + e.injured.value_or(0);
}

} // namespace fa
