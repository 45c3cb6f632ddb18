#pragma once
// ACLED CSV exports, current layout (event_id_cnty, ISO event_date, disorder_type...) and the
// older one (data_id, iso, dates such as "15 March 2021"). ACLED's event and sub-event types
// map to our families and types; geo_precision and time_precision to our precisions;
// fatalities to killed. Our own CSV export adds "fa_*" columns carrying what ACLED's layout
// cannot (family, exact precisions, end, injured, sources...); when present they win, so an
// export imports back unchanged.

#include "csvimporter.h"

#include <utility>

namespace fa {

namespace acled {

struct OurType {
    Family family = Family::Incident;
    QString eventType;
};
/// Our family and type for an ACLED event_type / sub_event_type pair (case-insensitive).
/// Unknown pairs keep the sub-event type (or event type) in lower case, as an Incident.
OurType mapType(const QString& eventType, const QString& subEventType);
/// The ACLED event_type and sub_event_type we write for one of our events.
std::pair<QString, QString> acledTypeFor(Family family, const QString& eventType);
/// ACLED's disorder_type for one of its event types.
QString disorderTypeFor(const QString& acledEventType);

/// ACLED time_precision: 1 = day, 2 = within a week (kept as Day), 3 = month.
std::optional<TimePrecision> timePrecisionFromCode(int code);
int codeFor(TimePrecision p);
/// ACLED geo_precision: 1 = the named place, 2 = near it / its district, 3 = its region.
std::optional<CoordPrecision> coordPrecisionFromCode(int code);
int codeFor(CoordPrecision p);

/// The ACLED columns our CSV export writes, in ACLED's order, then our "fa_*" extension.
const QStringList& exportColumns();

} // namespace acled

class AcledImporter : public CsvTableImporter {
public:
    explicit AcledImporter(ImportOptions options = {}) : CsvTableImporter(std::move(options)) {}
    ImportFormat format() const override { return ImportFormat::Acled; }

protected:
    Status bindColumns(const QHash<QString, int>& header) override;
    std::optional<QString> mapRecord(const CsvReader& r, Event& e) override;

private:
    struct Columns {
        int id = -1, dataId = -1, date = -1, timePrecision = -1, eventType = -1, subEventType = -1;
        int actor1 = -1, assoc1 = -1, actor2 = -1, assoc2 = -1, civilianTargeting = -1;
        int iso = -1, iso3 = -1, country = -1, admin1 = -1, admin2 = -1, admin3 = -1;
        int location = -1, latitude = -1, longitude = -1, geoPrecision = -1, source = -1;
        int notes = -1, fatalities = -1, tags = -1;
        // our extension
        int faSourceId = -1, faTitle = -1, faFamily = -1, faEventType = -1, faStart = -1;
        int faTimePrecision = -1, faEnd = -1, faCoordPrecision = -1, faCountry = -1;
        int faKilled = -1, faInjured = -1, faCasualtyNote = -1, faActors = -1, faSources = -1;
        int faConfidence = -1, faTags = -1, faNotes = -1;
    };
    Columns m_c;
    // Most rows repeat a few types and countries: their mappings are looked up once.
    QHash<QString, acled::OurType> m_typeCache;
    QHash<QString, QString> m_countryCache;
};

} // namespace fa
