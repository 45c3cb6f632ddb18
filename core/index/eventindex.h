#pragma once
// In-memory, columnar index of every event, sorted by start time. Answers the questions the
// views ask many times a second (what is in this window and viewport, how many per time
// bucket, which clusters at this zoom) without touching SQLite.

#include "cluster.h"
#include "event.h"
#include "eventfilter.h"
#include "histogram.h"
#include "result.h"

#include <QUuid>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace fa {

class EventStore;
struct IndexColumns;
struct IndexSourceRow;

/// The index's side of an EventFilter: everything it can answer from its columns, plus an
/// optional allow-list of store rowids computed by the store (full text, actors, countries).
struct IndexQuery {
    qint64 fromSecs = std::numeric_limits<qint64>::min(); ///< inclusive (UTC seconds)
    qint64 toSecs = std::numeric_limits<qint64>::max();   ///< exclusive
    GeoBox box;                                           ///< default: whole world
    std::uint8_t familyMask = 0xFF;                       ///< bit i = Family(i) shown
    std::vector<bool> typeMask; ///< by type code; empty = all types; shorter = missing shown
    int minCasualties = 0;
    const std::vector<qint64>* allowRowids = nullptr; ///< sorted; nullptr = no restriction
    /// Span events overlapping the window count as in it (an event with an end, or known only
    /// to the month/year, covers an interval; see EventIndex::coverage).
    bool overlap = true;
};

/// Const member functions keep no caches: several threads may query one index at once (edits
/// need exclusive access). Event types get 16-bit codes: past 65,535 distinct types, the rest
/// share one code named "(other types)".
class EventIndex {
public:
    EventIndex();
    ~EventIndex();
    EventIndex(EventIndex&&) noexcept;
    EventIndex& operator=(EventIndex&&) noexcept;

    static Result<EventIndex> build(const EventStore& store);
    /// Rebuilds from scratch from already-read rows (rows need not be sorted).
    static EventIndex fromRows(const std::vector<IndexSourceRow>& rows);

    // Incremental edits (the store's signals drive these).
    void upsert(const IndexSourceRow& row);
    void remove(const QUuid& id);

    std::size_t size() const;
    std::size_t memoryBytes() const;

    QUuid idAt(std::uint32_t row) const;
    qint64 rowidAt(std::uint32_t row) const;
    qint64 startAt(std::uint32_t row) const;
    double longitudeAt(std::uint32_t row) const;
    double latitudeAt(std::uint32_t row) const;
    Family familyAt(std::uint32_t row) const;
    std::optional<std::uint32_t> rowOf(const QUuid& id) const;
    int typeCodeAt(std::uint32_t row) const;
    int casualtiesAt(std::uint32_t row) const;
    TimePrecision timePrecisionAt(std::uint32_t row) const;
    CoordPrecision coordPrecisionAt(std::uint32_t row) const;

    /// [start, end) that an event covers: its explicit end, or the whole month/year for a
    /// month- or year-precision date, or one second for an instant.
    std::pair<qint64, qint64> coverage(std::uint32_t row) const;

    /// Type codes: dense small integers, one per distinct event type string.
    int typeCode(const QString& eventType) const; ///< -1 if unknown
    QString typeName(int code) const;
    int typeCount() const;

    /// Rows matching, in start-time order.
    std::vector<std::uint32_t> query(const IndexQuery& q) const;
    std::size_t count(const IndexQuery& q) const;
    /// Events per bucket per family between q.fromSecs and q.toSecs (which must be finite).
    /// An event counts once, in the bucket of its start (spans are not spread over buckets, and
    /// q.overlap is ignored): bucket = floor((start - from) * buckets / (to - from)), so bucket b
    /// covers [bucketStart(b), bucketStart(b + 1)). Events starting outside [from, to) are not
    /// counted. buckets <= 0 or to <= from gives an empty histogram; more than 1,048,576
    /// buckets are capped to that (read Histogram::buckets).
    Histogram histogram(const IndexQuery& q, int buckets) const;
    /// First second of bucket b (b == buckets gives toSecs).
    static qint64 bucketStart(qint64 fromSecs, qint64 toSecs, int buckets, int b);
    /// The bucket holding t (which must lie in [fromSecs, toSecs)).
    static int bucketOf(qint64 fromSecs, qint64 toSecs, int buckets, qint64 t);
    /// Grid clusters of the matching events inside viewport (world pixels at zoom), cells of
    /// cellPx pixels aligned to the world grid so that panning does not reshuffle them.
    /// An event is inside when viewLeftPx <= x < viewLeftPx + viewWidthPx (same for y). The
    /// time window follows query() (q.overlap applies). Clusters come ordered by cell, row by
    /// row (cellY, then cellX). Ties for the dominant family go to the lower Family value.
    /// cellPx below 1 counts as 1; a zoom so deep that the world spans 2^31 cells or more gives
    /// no clusters.
    std::vector<Cluster> clusters(const IndexQuery& q, double zoom, double viewLeftPx,
                                  double viewTopPx, double viewWidthPx, double viewHeightPx,
                                  double cellPx) const;
    /// The cell clusters() puts an event at (lon, lat) in, for the same zoom and cellPx (the
    /// coordinates are taken as the index stores them: clamped, single precision). Everyone who
    /// needs a point's cell asks here (the map's selection ring, for one).
    static ClusterCell cellOf(double lon, double lat, double zoom, double cellPx);

    /// Web Mercator: lon/lat to world pixels at zoom (256 * 2^zoom wide) and back.
    static void toWorldPixels(double lon, double lat, double zoom, double& x, double& y);
    static void fromWorldPixels(double x, double y, double zoom, double& lon, double& lat);

private:
    std::unique_ptr<IndexColumns> c; ///< indexcolumns.h
};

} // namespace fa
