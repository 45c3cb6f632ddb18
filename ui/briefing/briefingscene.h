#pragma once
// Builds a BriefingScene (what a briefing shows) from the store, the index and a request, for
// the export dialog and the headless export command alike.

#include "briefingrenderer.h"

#include <optional>

namespace fa {

struct BriefingSceneRequest {
    EventFilter filter;
    std::optional<qint64> fromSecs; ///< default: the dataset's first event
    std::optional<qint64> toSecs;   ///< exclusive; default: the dataset's extent's end
    /// default: fit the events shown near the frontier (lon 58-82, lat 30-46), or all of them
    /// when none is near it, or the frontier region when nothing is shown
    std::optional<GeoBox> mapBox;
};

/// The frontier region shown when there is nothing to fit.
GeoBox defaultFrontierBox();

Result<BriefingScene> makeBriefingScene(const EventStore& store, const EventIndex& index,
                                        const BriefingSceneRequest& request);

/// Gives the renderer the ui's basemap and timeline painters, so that exports draw exactly
/// what the screen draws.
void installDefaultPainters(BriefingRenderer& renderer);

} // namespace fa
