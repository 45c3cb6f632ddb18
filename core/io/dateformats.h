#pragma once
// The date texts that files carry: the forms the importers meet, read leniently with the
// precision the text gives, and the ISO forms our exporters write. (The importers' and
// exporters' shared helpers live in namespace importhelpers.)

#include "event.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace fa::importhelpers {

struct ParsedDate {
    QDateTime start; ///< UTC
    TimePrecision precision = TimePrecision::Day;
};

/// Parses "2021", "2021-03", "2021-03-15", "2021-03-15T10:20[:30][.000][Z|+05:00]",
/// "2021-03-15 10:20:30[.000]", "15 March 2021", "15-March-2021", "15 Mar 2021",
/// "March 15, 2021" and "2021/03/15". Times without a zone are taken as UTC. nullopt when the
/// text is none of these or names an impossible date ("2021-02-30").
std::optional<ParsedDate> parseDate(QStringView text);
/// Fast path for the ISO day "YYYY-MM-DD" straight from bytes (CSV hot loop).
std::optional<QDate> parseIsoDay(QByteArrayView text);

/// The date as written by our exporters, at its precision: "2021", "2021-03", "2021-03-15",
/// "2021-03-15T10:20:00Z".
QString formatDate(const QDateTime& utc, TimePrecision precision);
/// formatDate() when the text reads back as the same instant (a month-precision start on the
/// 1st), else the full "2021-03-15T10:20:00Z": exports stay natural and lossless.
QString formatDateExact(const QDateTime& utc, TimePrecision precision);

} // namespace fa::importhelpers
