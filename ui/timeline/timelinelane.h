#pragma once
// The timeline's lanes: which lanes a mode shows (one per family, event type or country) and
// the index query behind each.

#include "eventindex.h"

#include <QString>

#include <memory>
#include <utility>
#include <vector>

namespace fa {

class EventStore;

enum class TimelineLaneMode { Family, EventType, Country };

/// One horizontal lane: a label and the index query (the active filter narrowed to the lane).
/// The query's time fields are ignored (the painter sets them per view).
struct TimelineLane {
    QString label;
    IndexQuery query;
    std::shared_ptr<const std::vector<qint64>> allow; ///< keeps query.allowRowids alive
    /// Lanes by type: the type codes the lane holds. When every lane has them, the painter
    /// splits one pass over the window between the lanes instead of querying each lane.
    std::vector<int> typeCodes;
};

/// Each country's events as sorted store rowids (the index does not hold countries): one store
/// query per country, so callers keep it while the data does not change.
using CountryRowids = std::vector<std::pair<QString, std::vector<qint64>>>;
CountryRowids countryRowids(const EventIndex& index, const EventStore& store);

/// The lanes for a mode, narrowing `base` (the filter; see FilterResolver): one per family; one
/// per event type (the rarest merged into "Other types" beyond maxLanes); one per country
/// (from `countries`, else computed from the store; with neither, a single lane). `base`'s
/// allow-list must outlive the lanes (family and type lanes point at it).
std::vector<TimelineLane> makeTimelineLanes(TimelineLaneMode mode, const EventIndex& index,
                                            const EventStore* store, const IndexQuery& base,
                                            int maxLanes = 12,
                                            const CountryRowids* countries = nullptr);

} // namespace fa
