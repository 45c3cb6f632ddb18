#pragma once
// Small pieces every importer and exporter shares: lenient date parsing with the precision the
// text carries, country names to ISO codes, content hashes for records without an id.

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

/// ISO 3166-1 alpha-2 code for an English country name ("Tajikistan" -> "TJ"), or for an
/// alpha-2/alpha-3 code; empty when unknown.
QString countryCode(const QString& nameOrCode);
/// English name for an alpha-2 code ("TJ" -> "Tajikistan"); the code itself when unknown.
QString countryName(const QString& alpha2);
/// ISO 3166-1 numeric code for the countries we know one for (ACLED's "iso"), else 0.
int countryNumeric(const QString& alpha2);

/// Parses a decimal number strictly (whole text, C locale, finite).
std::optional<double> parseDouble(QByteArrayView text);
std::optional<int> parseInt(QByteArrayView text);

/// A stable id for a record that has none: a hex SHA-1 of its bytes, with a prefix.
QString contentHashId(const QString& prefix, QByteArrayView bytes);

} // namespace fa::importhelpers

namespace fa::importhelpers {

/// Lossless text encodings of the list fields, used by our CSV, GeoJSON and KML extensions.
QString toJsonText(const QStringList& list);
std::optional<QStringList> stringListFromJsonText(const QString& text);
QString toJsonText(const QList<Source>& sources);
std::optional<QList<Source>> sourcesFromJsonText(const QString& text);

} // namespace fa::importhelpers

namespace fa::importhelpers {

/// A field's text for a report, in quotes and cut at 40 characters.
QString quoted(QByteArrayView v);
/// Reads a latitude (limit 90) or longitude (limit 180); returns the reason it cannot:
/// "missing coordinates (latitude is empty)", "latitude \"abc\" is not a number",
/// "latitude 95.5 is out of range (-90..90)".
std::optional<QString> readCoordinate(QByteArrayView text, const char* name, double limit,
                                      double& out);

} // namespace fa::importhelpers
