#include "ucdpimporter.h"

#include "countries.h"
#include "dateformats.h"
#include "fieldvalues.h"

namespace fa {

namespace ucdp {

std::optional<TimePrecision> timePrecisionFromCode(int code)
{
    switch (code) {
    case 1:
    case 2:
    case 3:
        return TimePrecision::Day;
    case 4:
        return TimePrecision::Month;
    case 5:
        return TimePrecision::Year;
    default:
        return std::nullopt;
    }
}

std::optional<CoordPrecision> coordPrecisionFromCode(int code)
{
    switch (code) {
    case 1:
        return CoordPrecision::Exact;
    case 2:
        return CoordPrecision::Settlement;
    case 3:
        return CoordPrecision::District;
    case 4:
    case 5:
    case 6:
    case 7:
        return CoordPrecision::Region;
    default:
        return std::nullopt;
    }
}

QString violenceType(int code)
{
    switch (code) {
    case 1:
        return QStringLiteral("state-based violence");
    case 2:
        return QStringLiteral("non-state violence");
    case 3:
        return QStringLiteral("one-sided violence");
    default:
        return {};
    }
}

} // namespace ucdp

Status UcdpImporter::bindColumns(const QHash<QString, int>& h)
{
    Columns& c = m_c;
    c.id = column(h, {"id"});
    c.dateStart = column(h, {"date_start"});
    c.dateEnd = column(h, {"date_end"});
    c.datePrec = column(h, {"date_prec"});
    c.violence = column(h, {"type_of_violence"});
    c.sideA = column(h, {"side_a"});
    c.sideB = column(h, {"side_b"});
    c.best = column(h, {"best", "best_est"});
    c.low = column(h, {"low", "low_est"});
    c.high = column(h, {"high", "high_est"});
    c.latitude = column(h, {"latitude"});
    c.longitude = column(h, {"longitude"});
    c.wherePrec = column(h, {"where_prec"});
    c.whereCoordinates = column(h, {"where_coordinates"});
    c.adm1 = column(h, {"adm_1"});
    c.adm2 = column(h, {"adm_2"});
    c.country = column(h, {"country"});
    c.dyadName = column(h, {"dyad_name"});
    c.conflictName = column(h, {"conflict_name"});
    c.headline = column(h, {"source_headline"});
    c.article = column(h, {"source_article"});
    c.office = column(h, {"source_office"});
    if (c.id < 0)
        return missingColumn("id");
    if (c.dateStart < 0)
        return missingColumn("date_start");
    if (c.violence < 0)
        return missingColumn("type_of_violence");
    if (c.latitude < 0)
        return missingColumn("latitude");
    if (c.longitude < 0)
        return missingColumn("longitude");
    return {};
}

std::optional<QString> UcdpImporter::mapRecord(const CsvReader& r, Event& e)
{
    using namespace importhelpers;
    const Columns& c = m_c;
    const QString id = textAt(r, c.id);
    if (id.isEmpty())
        return QStringLiteral("missing id (id is empty)");
    e.origin.sourceId = QStringLiteral("ucdp:") + id;

    const QString ds = textAt(r, c.dateStart);
    if (ds.isEmpty())
        return QStringLiteral("missing date (date_start is empty)");
    const auto start = parseDate(ds);
    if (!start)
        return QStringLiteral("bad date %1 in date_start").arg(quoted(ds.toUtf8()));
    e.start = start->start;
    e.timePrecision = TimePrecision::Day;
    if (const QByteArrayView dp = fieldAt(r, c.datePrec).trimmed(); !dp.isEmpty()) {
        const auto code = parseInt(dp);
        const auto p = code ? ucdp::timePrecisionFromCode(*code) : std::nullopt;
        if (!p)
            return QStringLiteral("date_prec %1 is not 1 to 5").arg(quoted(dp));
        e.timePrecision = *p;
    }
    if (const QString de = textAt(r, c.dateEnd); !de.isEmpty()) {
        const auto end = parseDate(de);
        if (!end)
            return QStringLiteral("bad date %1 in date_end").arg(quoted(de.toUtf8()));
        if (end->start < e.start)
            return QStringLiteral("date_end %1 is before date_start %2").arg(de, ds);
        if (end->start.date() != e.start.date())
            e.end = end->start;
    }

    if (auto why = readCoordinate(fieldAt(r, c.latitude), "latitude", 90, e.latitude))
        return why;
    if (auto why = readCoordinate(fieldAt(r, c.longitude), "longitude", 180, e.longitude))
        return why;
    e.coordPrecision = CoordPrecision::Settlement;
    if (const QByteArrayView wp = fieldAt(r, c.wherePrec).trimmed(); !wp.isEmpty()) {
        const auto code = parseInt(wp);
        const auto p = code ? ucdp::coordPrecisionFromCode(*code) : std::nullopt;
        if (!p)
            return QStringLiteral("where_prec %1 is not 1 to 7").arg(quoted(wp));
        e.coordPrecision = *p;
    }
    e.place = textAt(r, c.whereCoordinates);
    e.district = textAt(r, c.adm2);
    e.region = textAt(r, c.adm1);
    e.country = countryCode(textAt(r, c.country));

    const QByteArrayView tv = fieldAt(r, c.violence).trimmed();
    const auto code = parseInt(tv);
    e.eventType = code ? ucdp::violenceType(*code) : QString();
    if (e.eventType.isEmpty())
        return QStringLiteral("type_of_violence %1 is not 1, 2 or 3").arg(quoted(tv));
    e.family = Family::Incident;
    e.title = textAt(r, c.dyadName);
    if (e.title.isEmpty())
        e.title = textAt(r, c.conflictName);
    if (e.title.isEmpty())
        e.title = e.eventType;
    if (!e.place.isEmpty())
        e.title += QStringLiteral(" at ") + e.place;
    e.summary = textAt(r, c.headline);
    e.notes = textAt(r, c.article);

    for (int col : {c.sideA, c.sideB})
        if (const QString a = textAt(r, col); !a.isEmpty() && !e.actors.contains(a))
            e.actors << a;
    if (const QByteArrayView b = fieldAt(r, c.best).trimmed(); !b.isEmpty()) {
        const auto n = parseInt(b);
        if (!n || *n < 0)
            return QStringLiteral("best %1 is not a whole number").arg(quoted(b));
        e.killed = *n;
    }
    const QString low = textAt(r, c.low), high = textAt(r, c.high);
    if (!low.isEmpty() && !high.isEmpty())
        e.casualtyNote =
            QStringLiteral("UCDP estimate %1 (low %2, high %3)")
                .arg(e.killed ? QString::number(*e.killed) : QStringLiteral("?"), low, high);
    // UCDP cites publishers and articles without links; our sources need a URL: notes keep them.
    if (const QString office = textAt(r, c.office); !office.isEmpty())
        e.notes = QStringLiteral("UCDP source: ") + office +
                  (e.notes.isEmpty() ? QString() : QStringLiteral("\n") + e.notes);
    if (e.country.isEmpty())
        return QStringLiteral("unknown country %1").arg(quoted(fieldAt(r, c.country)));
    return std::nullopt;
}

} // namespace fa
