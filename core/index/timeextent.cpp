#include "timeextent.h"

#include "eventindex.h"

#include <algorithm>

namespace fa {

namespace {

qint64 lastCoverageEnd(const EventIndex& index)
{
    qint64 last = index.coverage(0).second;
    const auto n = std::uint32_t(index.size());
    for (std::uint32_t r = 1; r < n; ++r)
        last = std::max(last, index.coverage(r).second);
    return last;
}

} // namespace

TimeExtent TimeExtent::of(const EventIndex& index)
{
    TimeExtent e;
    if (index.size() > 0)
        e.m_span = Span{index.startAt(0), lastCoverageEnd(index)};
    return e;
}

void TimeExtent::update(const EventIndex& index, std::optional<Span> before,
                        std::optional<Span> after)
{
    if (index.size() == 0) {
        m_span.reset();
        return;
    }
    // The index is sorted by start: its first row is the earliest start whatever changed.
    const qint64 first = index.startAt(0);
    if (!m_span || (before && before->second >= m_span->second)) {
        m_span = Span{first, lastCoverageEnd(index)};
        return;
    }
    m_span->first = first;
    if (after)
        m_span->second = std::max(m_span->second, after->second);
}

} // namespace fa
