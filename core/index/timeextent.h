#pragma once
// The dataset's extent in time as every view shows it: from the earliest start to the latest
// end of any event's coverage (EventIndex::coverage: an explicit end, or the rest of the month
// or year of a month- or year-precision date). One rule, computed from the index, kept current
// through single edits without rescanning the index for each one.

#include <QtGlobal>

#include <optional>
#include <utility>

namespace fa {

class EventIndex;

class TimeExtent {
public:
    using Span = std::pair<qint64, qint64>; ///< [start, end) of one event's coverage

    /// A scan of the whole index (an empty index gives an empty extent).
    static TimeExtent of(const EventIndex& index);

    bool isEmpty() const { return !m_span; }
    qint64 from() const { return m_span ? m_span->first : 0; } ///< inclusive, UTC seconds
    qint64 to() const { return m_span ? m_span->second : 0; }  ///< exclusive
    bool operator==(const TimeExtent&) const = default;

    /// One event changed, and the index already holds the change: its coverage was `before`
    /// (nullopt: it is new) and is `after` (nullopt: it was removed). The start comes from the
    /// index's first row; the end only grows, unless the event reached the end before the
    /// edit: only then is the index scanned again.
    void update(const EventIndex& index, std::optional<Span> before, std::optional<Span> after);

private:
    std::optional<Span> m_span;
};

} // namespace fa
