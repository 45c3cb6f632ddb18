#include "eventindex.h"

#include "eventstore.h"
#include "indexcolumns.h"
#include "indexmatcher.h"
#include "mercatorview.h"

namespace fa {

EventIndex::EventIndex() : c(std::make_unique<IndexColumns>()) {}
EventIndex::~EventIndex() = default;
EventIndex::EventIndex(EventIndex&& other) noexcept : c(std::move(other.c))
{
    other.c = std::make_unique<IndexColumns>();
}
EventIndex& EventIndex::operator=(EventIndex&& other) noexcept
{
    if (this != &other) {
        c = std::move(other.c);
        other.c = std::make_unique<IndexColumns>();
    }
    return *this;
}

Result<EventIndex> EventIndex::build(const EventStore& store)
{
    EventIndex index;
    // Reserving up front keeps the columns at their exact size (memoryBytes counts capacity).
    if (const auto n = store.count(); n.ok() && n.value() > 0)
        index.c->reserve(std::size_t(n.value()));
    const Status st =
        store.forEachIndexRow([&index](const IndexSourceRow& r) { index.c->append(r); });
    if (!st.ok())
        return st.error();
    index.c->finishBulk();
    return index;
}

EventIndex EventIndex::fromRows(const std::vector<IndexSourceRow>& rows)
{
    EventIndex index;
    index.c->reserve(rows.size());
    for (const IndexSourceRow& r : rows)
        index.c->append(r);
    index.c->finishBulk();
    return index;
}

void EventIndex::upsert(const IndexSourceRow& row)
{
    c->removeRow(row.id);
    c->insertRow(row);
}

void EventIndex::remove(const QUuid& id)
{
    c->removeRow(id);
}

std::size_t EventIndex::size() const
{
    return c->size();
}

std::size_t EventIndex::memoryBytes() const
{
    return c->memoryBytes();
}

QUuid EventIndex::idAt(std::uint32_t row) const
{
    return c->id[row];
}
qint64 EventIndex::rowidAt(std::uint32_t row) const
{
    return c->rowid[row];
}
qint64 EventIndex::startAt(std::uint32_t row) const
{
    return c->start[row];
}
double EventIndex::longitudeAt(std::uint32_t row) const
{
    return c->lon[row];
}
double EventIndex::latitudeAt(std::uint32_t row) const
{
    return c->lat[row];
}
Family EventIndex::familyAt(std::uint32_t row) const
{
    return Family(c->family[row]);
}
int EventIndex::typeCodeAt(std::uint32_t row) const
{
    return c->type[row];
}
int EventIndex::casualtiesAt(std::uint32_t row) const
{
    return c->casualties[row];
}
TimePrecision EventIndex::timePrecisionAt(std::uint32_t row) const
{
    return TimePrecision(c->timePrecision[row]);
}
CoordPrecision EventIndex::coordPrecisionAt(std::uint32_t row) const
{
    return CoordPrecision(c->coordPrecision[row]);
}

std::optional<std::uint32_t> EventIndex::rowOf(const QUuid& id) const
{
    return c->find(id);
}

std::pair<qint64, qint64> EventIndex::coverage(std::uint32_t row) const
{
    return {c->start[row], c->end[row]};
}

int EventIndex::typeCode(const QString& eventType) const
{
    return c->typeCodes.value(eventType, -1);
}

QString EventIndex::typeName(int code) const
{
    if (code < 0 || std::size_t(code) >= c->typeNames.size())
        return {};
    return c->typeNames[std::size_t(code)];
}

int EventIndex::typeCount() const
{
    return int(c->typeNames.size());
}

std::vector<std::uint32_t> EventIndex::query(const IndexQuery& q) const
{
    std::vector<std::uint32_t> rows;
    const IndexMatcher match(*c, q);
    // Every candidate is written to a small buffer and kept by advancing the count by the
    // match result: no unpredictable branch per row.
    constexpr std::size_t kChunk = 1024;
    std::uint32_t buffer[kChunk];
    std::size_t n = 0;
    c->forEachInTime(q, [&](std::size_t r) __attribute__((always_inline)) {
        buffer[n] = std::uint32_t(r);
        n += std::size_t(match(r));
        if (n == kChunk) {
            rows.insert(rows.end(), buffer, buffer + n);
            n = 0;
        }
    });
    rows.insert(rows.end(), buffer, buffer + n);
    return rows;
}

std::size_t EventIndex::count(const IndexQuery& q) const
{
    const IndexMatcher match(*c, q);
    if (!q.overlap && match.onlyFamilies() && q.fromSecs < q.toSecs) {
        const std::size_t lo = c->lowerBound(q.fromSecs);
        const std::size_t hi = c->lowerBound(q.toSecs, lo);
        std::size_t n = 0;
        for (int f = 0; f < kFamilyCount; ++f)
            if (match.familyShown(f))
                n += c->familyCountBefore(f, hi) - c->familyCountBefore(f, lo);
        return n;
    }
    std::size_t n = 0;
    c->forEachInTime(q, [&](std::size_t r)
                            __attribute__((always_inline)) { n += std::size_t(match(r)); });
    return n;
}

void EventIndex::toWorldPixels(double lon, double lat, double zoom, double& x, double& y)
{
    const double world = MercatorView::worldSize(zoom);
    x = IndexColumns::normX(lon) * world;
    y = IndexColumns::normY(lat) * world;
}

void EventIndex::fromWorldPixels(double x, double y, double zoom, double& lon, double& lat)
{
    lon = MercatorView::lonFromWorldX(x, zoom);
    lat = MercatorView::latFromWorldY(y, zoom);
}

} // namespace fa
