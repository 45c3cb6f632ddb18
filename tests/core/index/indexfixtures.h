#pragma once
// Shared helpers for the index tests: random events and queries from fixed seeds, and the
// slow, obvious answers (brute force over the source rows) that the index is checked against.

#include "eventindex.h"
#include "eventstore.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>
#include <vector>

namespace fa::test {

inline const QStringList kTypes = {
    "drone attack",   "armed attack", "clash",   "shelling",  "smuggling interdiction",
    "border closure", "visit",        "meeting", "statement", "agreement",
    "advisory",       "protest"};

inline qint64 secsOf(int y, int m, int d, int hh = 0, int mm = 0)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm), QTimeZone::UTC).toSecsSinceEpoch();
}

inline QUuid randomId(std::mt19937_64& rng)
{
    const std::uint64_t a = rng(), b = rng();
    return QUuid(uint(a), ushort(a >> 32), ushort(a >> 48), uchar(b), uchar(b >> 8), uchar(b >> 16),
                 uchar(b >> 24), uchar(b >> 32), uchar(b >> 40), uchar(b >> 48), uchar(b >> 56));
}

/// Random events: mostly on the frontier, a few worldwide; mixed precisions, some spans, some
/// equal start times (ties), casualties mostly zero.
inline std::vector<IndexSourceRow> randomRows(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const qint64 t0 = secsOf(2021, 1, 1), t1 = secsOf(2026, 1, 1);
    std::vector<IndexSourceRow> rows;
    rows.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        IndexSourceRow r;
        r.rowid = qint64(i) + 1;
        r.id = randomId(rng);
        if (i > 0 && unit(rng) < 0.05)
            r.startSecs = rows[rng() % rows.size()].startSecs; // a tie
        else
            r.startSecs = t0 + qint64(unit(rng) * double(t1 - t0));
        const double p = unit(rng);
        r.timePrecision = p < 0.03   ? TimePrecision::Year
                          : p < 0.15 ? TimePrecision::Month
                          : p < 0.8  ? TimePrecision::Day
                                     : TimePrecision::Minute;
        r.endSecs = r.startSecs;
        const double s = unit(rng);
        if (s < 0.05)
            r.endSecs = r.startSecs + qint64(unit(rng) * 3 * 365 * 86400.0); // long span
        else if (s < 0.15)
            r.endSecs = r.startSecs + qint64(unit(rng) * 20 * 86400.0);
        if (unit(rng) < 0.9) {
            r.longitude = 64.0 + unit(rng) * 14.0;
            r.latitude = 34.0 + unit(rng) * 8.0;
        } else {
            r.longitude = -180.0 + unit(rng) * 360.0;
            r.latitude = -85.0 + unit(rng) * 170.0;
        }
        r.family = Family(rng() % 3);
        r.eventType = kTypes[int(rng() % std::uint64_t(kTypes.size()))];
        r.coordPrecision = CoordPrecision(rng() % 4);
        r.casualties = unit(rng) < 0.6 ? 0 : int(rng() % 60);
        rows.push_back(r);
    }
    std::shuffle(rows.begin(), rows.end(), rng); // fromRows must sort them itself
    return rows;
}

/// Coverage end written independently of the index, with QDate arithmetic.
inline qint64 referenceEnd(const IndexSourceRow& r)
{
    if (r.endSecs > r.startSecs)
        return r.endSecs;
    const QDate d = QDateTime::fromSecsSinceEpoch(r.startSecs, QTimeZone::UTC).date();
    if (r.timePrecision == TimePrecision::Month)
        return QDateTime(QDate(d.year(), d.month(), 1).addMonths(1), QTime(0, 0), QTimeZone::UTC)
            .toSecsSinceEpoch();
    if (r.timePrecision == TimePrecision::Year)
        return QDateTime(QDate(d.year() + 1, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
    return r.startSecs + 1;
}

/// Filters except time, evaluated on a source row the slow, obvious way. Coordinates are
/// compared as the index stores them (single precision).
inline bool matchesAttributes(const IndexSourceRow& r, const IndexQuery& q, const EventIndex& index)
{
    if (!(q.familyMask & (1u << int(r.family))))
        return false;
    const int code = index.typeCode(r.eventType);
    if (code >= 0 && std::size_t(code) < q.typeMask.size() && !q.typeMask[std::size_t(code)])
        return false;
    if (q.minCasualties > 0 && r.casualties < q.minCasualties)
        return false;
    const double lon = float(r.longitude), lat = float(r.latitude);
    if (!q.box.contains(lon, lat))
        return false;
    if (q.allowRowids &&
        std::find(q.allowRowids->begin(), q.allowRowids->end(), r.rowid) == q.allowRowids->end())
        return false;
    return true;
}

inline bool matchesTime(const IndexSourceRow& r, const IndexQuery& q)
{
    if (q.overlap)
        return r.startSecs < q.toSecs && referenceEnd(r) > q.fromSecs;
    return r.startSecs >= q.fromSecs && r.startSecs < q.toSecs;
}

inline bool startOrder(const IndexSourceRow& a, const IndexSourceRow& b)
{
    return std::tie(a.startSecs, a.rowid) < std::tie(b.startSecs, b.rowid);
}

inline std::vector<QUuid> bruteQuery(std::vector<IndexSourceRow> rows, const IndexQuery& q,
                                     const EventIndex& index)
{
    std::sort(rows.begin(), rows.end(), startOrder);
    std::vector<QUuid> ids;
    for (const auto& r : rows)
        if (matchesTime(r, q) && matchesAttributes(r, q, index))
            ids.push_back(r.id);
    return ids;
}

inline std::vector<QUuid> idsOf(const EventIndex& index, const std::vector<std::uint32_t>& rows)
{
    std::vector<QUuid> ids;
    for (std::uint32_t r : rows)
        ids.push_back(index.idAt(r));
    return ids;
}

/// A random query; `allow` receives the allow-list when the query uses one.
inline IndexQuery randomQuery(std::mt19937_64& rng, const std::vector<IndexSourceRow>& rows,
                              const EventIndex& index, std::vector<qint64>& allow)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    IndexQuery q;
    const qint64 t0 = secsOf(2020, 6, 1), t1 = secsOf(2026, 6, 1);
    const double kind = unit(rng);
    if (kind < 0.1) {
        // unbounded
    } else if (kind < 0.2) {
        q.toSecs = t0 + qint64(unit(rng) * double(t1 - t0)); // open start
    } else {
        const qint64 from = t0 + qint64(unit(rng) * double(t1 - t0));
        const double len = unit(rng) < 0.5 ? unit(rng) * 40 * 86400.0 : unit(rng) * 800 * 86400.0;
        q.fromSecs = from;
        q.toSecs = from + 1 + qint64(len);
    }
    if (unit(rng) < 0.6) {
        const double w = 60 + unit(rng) * 16, s = 33 + unit(rng) * 8;
        q.box = GeoBox{w, s, w + unit(rng) * 10, s + unit(rng) * 6};
    }
    if (unit(rng) < 0.4)
        q.familyMask = std::uint8_t(rng() % 8);
    if (unit(rng) < 0.4) {
        q.typeMask.resize(rng() % std::uint64_t(index.typeCount() + 3));
        for (std::size_t i = 0; i < q.typeMask.size(); ++i)
            q.typeMask[i] = unit(rng) < 0.6;
    }
    if (unit(rng) < 0.3)
        q.minCasualties = int(rng() % 40) - 5;
    if (unit(rng) < 0.2) {
        allow.clear();
        for (const auto& r : rows)
            if (unit(rng) < 0.3)
                allow.push_back(r.rowid);
        std::sort(allow.begin(), allow.end());
        q.allowRowids = &allow;
    }
    q.overlap = unit(rng) < 0.7;
    return q;
}

class EventIndexRandom : public ::testing::Test {
protected:
    void SetUp() override
    {
        rows = randomRows(10000, 20261128);
        index = EventIndex::fromRows(rows);
    }
    std::vector<IndexSourceRow> rows;
    EventIndex index;
};

} // namespace fa::test
