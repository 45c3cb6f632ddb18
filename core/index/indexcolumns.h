#pragma once
// EventIndex's storage (private to core/index): one column per event attribute, all sorted by
// (start, rowid, id), and the auxiliary structures kept in step with them. The hot helpers
// (time bounds, family counts, the walk over a time window) are inline here so that the
// histogram and clustering loops inline them.

#include "event.h"
#include "eventindex.h"
#include "mercatorview.h"

#include <QHash>
#include <QString>
#include <QUuid>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace fa {

struct IndexSourceRow;

struct IndexColumns {
    /// Spans up to this long are found by scanning back from the window's start; longer ones
    /// (year-precision dates, long explicit spans) are kept in a side list so that a window
    /// query never scans the whole history. 32 days covers month precision.
    static constexpr qint64 kShortSpanSecs = 32LL * 86400;
    /// Rows per block of the per-family prefix counts used by the unfiltered histogram.
    static constexpr std::uint32_t kBlock = 64;

    /// Web Mercator, normalised to a world of width 1 (multiply by 256 * 2^zoom for pixels). x
    /// multiplies by 1/360 instead of dividing (clustering runs this a million times per
    /// call); y is MercatorView's, divided by 256 (exact), so it agrees bit for bit at integer
    /// zooms.
    static double normX(double lon) { return (lon + 180.0) * (1.0 / 360.0); }
    static double normY(double lat) { return MercatorView::worldY(lat, 0) / 256.0; }
    /// The coordinates as the columns store them (clamped, single precision).
    static float storedLon(double lon) { return float(std::clamp(lon, -180.0, 180.0)); }
    static float storedLat(double lat) { return float(std::clamp(lat, -90.0, 90.0)); }

    // One entry per event, all in the same order: by (start, rowid, id).
    std::vector<QUuid> id;
    std::vector<qint64> rowid;
    std::vector<qint64> start;
    std::vector<qint64> end; ///< coverage end (exclusive), see EventIndex::coverage
    std::vector<float> lon, lat;
    /// Normalised Web Mercator y of lat (0 = north edge, 1 = south edge): clustering would
    /// otherwise need a log and a tan per event and per call.
    std::vector<double> mercY;
    std::vector<std::uint8_t> family;
    std::vector<std::uint16_t> type;
    std::vector<std::uint8_t> timePrecision;
    std::vector<std::uint8_t> coordPrecision;
    std::vector<std::int32_t> casualties;

    // Auxiliary structures, kept in step with the columns.
    std::vector<std::uint32_t> byId;     ///< rows ordered by id (for find)
    std::vector<std::uint32_t> longRows; ///< ascending rows whose coverage > kShortSpanSecs
    /// familyPrefix[k * kFamilyCount + f]: rows of family f among rows [0, k * kBlock).
    std::vector<std::uint32_t> familyPrefix = std::vector<std::uint32_t>(kFamilyCount, 0);

    std::vector<QString> typeNames;
    QHash<QString, int> typeCodes;

    std::size_t size() const { return start.size(); }

    // Bulk building: reserve, append every row in any order, then finishBulk().
    void reserve(std::size_t n);
    void append(const IndexSourceRow& r) { insertAt(size(), r); }
    void finishBulk(); ///< sorts the rows and rebuilds the auxiliary structures

    // Edits: one row at a time, auxiliary structures kept up to date.
    void insertRow(const IndexSourceRow& r);
    bool removeRow(const QUuid& id); ///< false if absent

    std::optional<std::uint32_t> find(const QUuid& key) const;
    std::size_t memoryBytes() const;

    /// The first row at or after `from` whose start is >= t.
    std::size_t lowerBound(qint64 t, std::size_t from = 0) const
    {
        return std::size_t(std::lower_bound(start.begin() + std::ptrdiff_t(from), start.end(), t) -
                           start.begin());
    }

    /// Rows of family f among rows [0, row).
    std::uint32_t familyCountBefore(int f, std::size_t row) const
    {
        const std::size_t block = row / kBlock;
        std::uint32_t n = familyPrefix[block * kFamilyCount + std::size_t(f)];
        for (std::size_t r = block * kBlock; r < row; ++r)
            n += family[r] == f ? 1 : 0;
        return n;
    }

    /// Calls fn(row) for every row whose time matches q, in row (start-time) order. With
    /// overlap, a row matches when its coverage [start, end) meets [from, to); without, when
    /// from <= start < to.
    template <typename Fn> void forEachInTime(const IndexQuery& q, Fn&& fn) const;

private:
    int internType(const QString& name);
    /// Inserts into the columns only (auxiliary structures are the caller's job).
    void insertAt(std::size_t pos, const IndexSourceRow& r);
    void eraseAt(std::size_t pos);
    bool isSorted() const;
    void sortRows();
    void rebuildById();
    void rebuildLongRows();
    void rebuildFamilyPrefix();

    static qint64 saturatingSub(qint64 a, qint64 b)
    {
        if (b > 0 && a < std::numeric_limits<qint64>::min() + b)
            return std::numeric_limits<qint64>::min();
        return a - b;
    }
};

template <typename Fn> void IndexColumns::forEachInTime(const IndexQuery& q, Fn&& fn) const
{
    if (q.fromSecs >= q.toSecs)
        return;
    const std::size_t lo = lowerBound(q.fromSecs);
    const std::size_t hi = lowerBound(q.toSecs, lo);
    if (!q.overlap) {
        for (std::size_t r = lo; r < hi; ++r)
            fn(r);
        return;
    }
    // Rows starting before the window overlap it when they end after its start. Short spans
    // can only start within kShortSpanSecs before it; long ones are in the side list.
    const std::size_t scanFrom = lowerBound(saturatingSub(q.fromSecs, kShortSpanSecs));
    for (std::uint32_t r : longRows) {
        if (r >= scanFrom)
            break;
        if (end[r] > q.fromSecs)
            fn(std::size_t(r));
    }
    for (std::size_t r = scanFrom; r < lo; ++r)
        if (end[r] > q.fromSecs)
            fn(r);
    for (std::size_t r = lo; r < hi; ++r)
        fn(r);
}

} // namespace fa
