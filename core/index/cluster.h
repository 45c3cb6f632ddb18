#pragma once
// Grid clusters of events on the map (EventIndex::clusters) and the cell a point falls in
// (EventIndex::cellOf): the one rule for both, so that the map, its selection ring and the
// briefing group points alike.

#include "event.h"

#include <cstdint>

namespace fa {

/// A cell of the clustering grid at one zoom: world pixels [x * cellPx, (x + 1) * cellPx)
/// horizontally, and the same with y vertically (Web Mercator, 256 * 2^zoom wide).
struct ClusterCell {
    std::int64_t x = 0, y = 0;
    bool operator==(const ClusterCell&) const = default;
};

/// A group of nearby events at one zoom level (Web Mercator world pixels, 256 * 2^zoom wide).
struct Cluster {
    double longitude = 0, latitude = 0; ///< centroid of the members
    std::uint32_t count = 0;
    Family dominant = Family::Incident; ///< the family with most members
    std::uint32_t familyCounts[kFamilyCount] = {0, 0, 0};
    std::uint32_t firstRow = 0; ///< when count == 1: the member's row (see EventIndex::idAt);
                                ///< otherwise the earliest member's row
    int maxCasualties = 0;
    /// The grid cell (see ClusterCell and EventIndex::cellOf).
    std::int64_t cellX = 0, cellY = 0;

    ClusterCell cell() const { return {cellX, cellY}; }
};

} // namespace fa
