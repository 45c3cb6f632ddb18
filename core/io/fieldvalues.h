#pragma once
// One field of an imported record read as a value: numbers parsed strictly, coordinates with
// the reason they cannot be read, and the field's text as a rejection report quotes it.

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fa::importhelpers {

/// Parses a decimal number strictly (whole text, C locale, finite).
std::optional<double> parseDouble(QByteArrayView text);
std::optional<int> parseInt(QByteArrayView text);

/// A field's text for a report, in quotes and cut at 40 characters.
QString quoted(QByteArrayView v);
/// Reads a latitude (limit 90) or longitude (limit 180); returns the reason it cannot:
/// "missing coordinates (latitude is empty)", "latitude \"abc\" is not a number",
/// "latitude 95.5 is out of range (-90..90)".
std::optional<QString> readCoordinate(QByteArrayView text, const char* name, double limit,
                                      double& out);

} // namespace fa::importhelpers
