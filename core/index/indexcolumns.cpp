#include "indexcolumns.h"

#include "eventstore.h"

namespace fa {
namespace {

/// An id as two integers in the usual UUID order, for a cheap strict total order.
struct IdKey {
    std::uint64_t hi = 0, lo = 0;
    bool operator<(const IdKey& o) const { return hi < o.hi || (hi == o.hi && lo < o.lo); }
};

IdKey idKey(const QUuid& u)
{
    IdKey k;
    k.hi = (std::uint64_t(u.data1) << 32) | (std::uint64_t(u.data2) << 16) | u.data3;
    for (uchar b : u.data4)
        k.lo = (k.lo << 8) | b;
    return k;
}

bool idLess(const QUuid& a, const QUuid& b)
{
    return idKey(a) < idKey(b);
}

template <typename T> void permute(std::vector<T>& v, const std::vector<std::uint32_t>& p)
{
    std::vector<T> out;
    out.reserve(p.size());
    for (std::uint32_t i : p)
        out.push_back(v[i]);
    v = std::move(out);
}

} // namespace

int IndexColumns::internType(const QString& name)
{
    const auto it = typeCodes.constFind(name);
    if (it != typeCodes.constEnd())
        return *it;
    // Codes are 16-bit: past 65,535 distinct types (far beyond any real dataset) the new
    // ones share the last code, named "(other types)".
    constexpr int kLastCode = 0xFFFF;
    if (typeNames.size() >= std::size_t(kLastCode)) {
        if (typeNames.size() == std::size_t(kLastCode)) {
            typeNames.push_back(QStringLiteral("(other types)"));
            typeCodes.insert(typeNames.back(), kLastCode);
        }
        return kLastCode;
    }
    const int code = int(typeNames.size());
    typeNames.push_back(name);
    typeCodes.insert(name, code);
    return code;
}

void IndexColumns::reserve(std::size_t n)
{
    id.reserve(n);
    rowid.reserve(n);
    start.reserve(n);
    end.reserve(n);
    lon.reserve(n);
    lat.reserve(n);
    mercY.reserve(n);
    family.reserve(n);
    type.reserve(n);
    timePrecision.reserve(n);
    coordPrecision.reserve(n);
    casualties.reserve(n);
}

void IndexColumns::insertAt(std::size_t pos, const IndexSourceRow& r)
{
    const auto at = [pos](auto& v) { return v.begin() + std::ptrdiff_t(pos); };
    const float lo = storedLon(r.longitude);
    const float la = storedLat(r.latitude);
    id.insert(at(id), r.id);
    rowid.insert(at(rowid), r.rowid);
    start.insert(at(start), r.startSecs);
    end.insert(at(end), coverageEndSecs(r.startSecs, r.endSecs, r.timePrecision));
    lon.insert(at(lon), lo);
    lat.insert(at(lat), la);
    mercY.insert(at(mercY), normY(la));
    family.insert(at(family), std::uint8_t(std::min<int>(int(r.family), kFamilyCount - 1)));
    type.insert(at(type), std::uint16_t(internType(r.eventType)));
    timePrecision.insert(at(timePrecision), std::uint8_t(r.timePrecision));
    coordPrecision.insert(at(coordPrecision), std::uint8_t(r.coordPrecision));
    casualties.insert(at(casualties), std::int32_t(r.casualties));
}

void IndexColumns::eraseAt(std::size_t pos)
{
    const auto at = [pos](auto& v) { return v.begin() + std::ptrdiff_t(pos); };
    id.erase(at(id));
    rowid.erase(at(rowid));
    start.erase(at(start));
    end.erase(at(end));
    lon.erase(at(lon));
    lat.erase(at(lat));
    mercY.erase(at(mercY));
    family.erase(at(family));
    type.erase(at(type));
    timePrecision.erase(at(timePrecision));
    coordPrecision.erase(at(coordPrecision));
    casualties.erase(at(casualties));
}

bool IndexColumns::isSorted() const
{
    const auto rowLess = [this](std::size_t a, std::size_t b) {
        if (start[a] != start[b])
            return start[a] < start[b];
        if (rowid[a] != rowid[b])
            return rowid[a] < rowid[b];
        return idLess(id[a], id[b]);
    };
    for (std::size_t i = 1; i < size(); ++i)
        if (rowLess(i, i - 1))
            return false;
    return true;
}

void IndexColumns::sortRows()
{
    if (isSorted())
        return;
    // Sort keys by value (not through the columns) for memory locality.
    struct Key {
        qint64 start, rowid;
        std::uint32_t row;
    };
    std::vector<Key> keys(size());
    for (std::uint32_t r = 0; r < size(); ++r)
        keys[r] = {start[r], rowid[r], r};
    std::sort(keys.begin(), keys.end(), [this](const Key& a, const Key& b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.rowid != b.rowid)
            return a.rowid < b.rowid;
        return idLess(id[a.row], id[b.row]);
    });
    std::vector<std::uint32_t> perm(size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        perm[i] = keys[i].row;
    keys = {};
    permute(id, perm);
    permute(rowid, perm);
    permute(start, perm);
    permute(end, perm);
    permute(lon, perm);
    permute(lat, perm);
    permute(mercY, perm);
    permute(family, perm);
    permute(type, perm);
    permute(timePrecision, perm);
    permute(coordPrecision, perm);
    permute(casualties, perm);
}

void IndexColumns::rebuildById()
{
    // Counting sort on the top 16 bits of the id, then a small sort per bucket: ids are
    // mostly random, so the buckets hold a handful each (any distribution stays correct).
    struct Entry {
        IdKey key;
        std::uint32_t row;
    };
    constexpr int kShift = 48;
    std::vector<std::uint32_t> bucketStart((1u << 16) + 1, 0);
    std::vector<IdKey> keys(size());
    for (std::uint32_t r = 0; r < size(); ++r) {
        keys[r] = idKey(id[r]);
        ++bucketStart[(keys[r].hi >> kShift) + 1];
    }
    for (std::size_t b = 1; b < bucketStart.size(); ++b)
        bucketStart[b] += bucketStart[b - 1];
    std::vector<Entry> sorted(size());
    std::vector<std::uint32_t> fill(bucketStart.begin(), bucketStart.end() - 1);
    for (std::uint32_t r = 0; r < size(); ++r)
        sorted[fill[keys[r].hi >> kShift]++] = {keys[r], r};
    for (std::size_t b = 0; b + 1 < bucketStart.size(); ++b)
        if (bucketStart[b + 1] - bucketStart[b] > 1)
            std::sort(sorted.begin() + bucketStart[b], sorted.begin() + bucketStart[b + 1],
                      [](const Entry& x, const Entry& y) { return x.key < y.key; });
    byId.resize(size());
    byId.shrink_to_fit();
    for (std::size_t i = 0; i < sorted.size(); ++i)
        byId[i] = sorted[i].row;
}

void IndexColumns::rebuildLongRows()
{
    longRows.clear();
    for (std::uint32_t r = 0; r < size(); ++r)
        if (end[r] - start[r] > kShortSpanSecs)
            longRows.push_back(r);
    longRows.shrink_to_fit();
}

void IndexColumns::rebuildFamilyPrefix()
{
    const std::size_t blocks = size() / kBlock + 1;
    familyPrefix.assign(blocks * kFamilyCount, 0);
    std::uint32_t running[kFamilyCount] = {0, 0, 0};
    for (std::size_t r = 0; r < size(); ++r) {
        if (r % kBlock == 0)
            std::copy(running, running + kFamilyCount,
                      familyPrefix.begin() + std::ptrdiff_t(r / kBlock * kFamilyCount));
        ++running[family[r]];
    }
    if (size() % kBlock == 0)
        std::copy(running, running + kFamilyCount,
                  familyPrefix.begin() + std::ptrdiff_t(size() / kBlock * kFamilyCount));
}

void IndexColumns::finishBulk()
{
    sortRows();
    rebuildById();
    rebuildLongRows();
    rebuildFamilyPrefix();
}

void IndexColumns::insertRow(const IndexSourceRow& row)
{
    // Position: after every row ordered before (start, rowid, id).
    std::size_t pos = lowerBound(row.startSecs);
    while (pos < size() && start[pos] == row.startSecs &&
           (rowid[pos] < row.rowid || (rowid[pos] == row.rowid && idLess(id[pos], row.id))))
        ++pos;
    insertAt(pos, row);

    const auto p32 = std::uint32_t(pos);
    for (std::uint32_t& r : byId)
        if (r >= p32)
            ++r;
    const auto idIt =
        std::lower_bound(byId.begin(), byId.end(), row.id,
                         [this](std::uint32_t r, const QUuid& key) { return idLess(id[r], key); });
    byId.insert(idIt, p32);

    auto longIt = std::lower_bound(longRows.begin(), longRows.end(), p32);
    for (auto it = longIt; it != longRows.end(); ++it)
        ++*it;
    if (end[pos] - start[pos] > kShortSpanSecs)
        longRows.insert(longIt, p32);

    rebuildFamilyPrefix();
}

bool IndexColumns::removeRow(const QUuid& key)
{
    const auto found = find(key);
    if (!found)
        return false;
    const std::uint32_t pos = *found;
    eraseAt(pos);

    byId.erase(std::remove(byId.begin(), byId.end(), pos), byId.end());
    for (std::uint32_t& r : byId)
        if (r > pos)
            --r;

    auto longIt = std::lower_bound(longRows.begin(), longRows.end(), pos);
    if (longIt != longRows.end() && *longIt == pos)
        longIt = longRows.erase(longIt);
    for (auto it = longIt; it != longRows.end(); ++it)
        --*it;

    rebuildFamilyPrefix();
    return true;
}

std::optional<std::uint32_t> IndexColumns::find(const QUuid& key) const
{
    const auto it =
        std::lower_bound(byId.begin(), byId.end(), key,
                         [this](std::uint32_t row, const QUuid& k) { return idLess(id[row], k); });
    if (it == byId.end() || id[*it] != key)
        return std::nullopt;
    return *it;
}

std::size_t IndexColumns::memoryBytes() const
{
    const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    std::size_t n = sizeof(IndexColumns) + bytes(id) + bytes(rowid) + bytes(start) + bytes(end) +
                    bytes(lon) + bytes(lat) + bytes(mercY) + bytes(family) + bytes(type) +
                    bytes(timePrecision) + bytes(coordPrecision) + bytes(casualties) + bytes(byId) +
                    bytes(longRows) + bytes(familyPrefix) + bytes(typeNames);
    // Type names: their characters plus a rough QString/QHash overhead per entry.
    for (const QString& s : typeNames)
        n += std::size_t(s.capacity()) * sizeof(QChar) + 64;
    return n;
}

} // namespace fa
