#pragma once
// Countries as events carry them (ISO 3166-1 alpha-2, Event::country): the one owner of a
// country's name, for display (details, table, filter panel, timeline lanes, exports) and for
// the importers' name -> code lookup. Names come from QLocale's CLDR data.

#include <QString>

namespace fa {

/// The English name for an alpha-2 code ("TJ" -> "Tajikistan", any case); the code itself
/// when unknown.
QString countryName(const QString& alpha2);
/// "Tajikistan (TJ)", or the code alone when its name is unknown: the code stays visible
/// because sources and exports use it.
QString countryNameWithCode(const QString& alpha2);
/// ISO 3166-1 alpha-2 code for an English country name ("Tajikistan" -> "TJ"), as QLocale or
/// the spellings ACLED and UCDP use ("Russian Federation", "Kyrgyz Republic") write it, or
/// for an alpha-2/alpha-3 code; empty when unknown.
QString countryCode(const QString& nameOrCode);
/// ISO 3166-1 numeric code for the countries we know one for (ACLED's "iso"), else 0.
int countryNumeric(const QString& alpha2);

} // namespace fa
