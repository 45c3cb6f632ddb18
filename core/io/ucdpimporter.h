#pragma once
// UCDP Georeferenced Event Dataset (GED) CSV: one row per event with id, date_start/date_end,
// type_of_violence, side_a/side_b, best/low/high fatality estimates, where_prec/date_prec.

#include "csvimporter.h"

namespace fa {

namespace ucdp {
/// date_prec 1-3 (a day or within a week) -> Day, 4 (month) -> Month, 5 (year) -> Year.
std::optional<TimePrecision> timePrecisionFromCode(int code);
/// where_prec 1 -> Exact, 2 (within 25 km) -> Settlement, 3 (district) -> District, 4-7
/// (province, line, country, waters) -> Region.
std::optional<CoordPrecision> coordPrecisionFromCode(int code);
/// type_of_violence 1/2/3 -> "state-based violence", "non-state violence", "one-sided violence".
QString violenceType(int code);
} // namespace ucdp

class UcdpImporter : public CsvTableImporter {
public:
    explicit UcdpImporter(ImportOptions options = {}) : CsvTableImporter(std::move(options)) {}
    ImportFormat format() const override { return ImportFormat::Ucdp; }

protected:
    Status bindColumns(const QHash<QString, int>& header) override;
    std::optional<QString> mapRecord(const CsvReader& r, Event& e) override;

private:
    struct Columns {
        int id = -1, dateStart = -1, dateEnd = -1, datePrec = -1, violence = -1, sideA = -1;
        int sideB = -1, best = -1, low = -1, high = -1, latitude = -1, longitude = -1;
        int wherePrec = -1, whereCoordinates = -1, adm1 = -1, adm2 = -1, country = -1;
        int dyadName = -1, conflictName = -1, headline = -1, article = -1, office = -1;
    };
    Columns m_c;
};

} // namespace fa
