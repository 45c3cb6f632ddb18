#include "indexsourcerow.h"

namespace fa {

IndexSourceRow toIndexRow(const Event& e, qint64 rowid)
{
    IndexSourceRow r;
    r.rowid = rowid;
    r.id = e.id;
    r.startSecs = e.start.toSecsSinceEpoch();
    r.endSecs = e.end ? e.end->toSecsSinceEpoch() : r.startSecs;
    r.longitude = e.longitude;
    r.latitude = e.latitude;
    r.family = e.family;
    r.eventType = e.eventType;
    r.timePrecision = e.timePrecision;
    r.coordPrecision = e.coordPrecision;
    r.casualties = knownCasualties(e);
    return r;
}

} // namespace fa
