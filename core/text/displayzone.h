#pragma once
// The zones an analyst of this frontier reads times in; eventtext turns them into QTimeZones and
// labels. Its own header so that ViewState, which holds the chosen one, does not pull in (and
// rebuild with) all of eventtext.

namespace fa {

/// Both countries keep one offset all year (no daylight saving), so fixed offsets are exact.
enum class DisplayZone { Utc = 0, Dushanbe = 1, Kabul = 2 };

} // namespace fa
