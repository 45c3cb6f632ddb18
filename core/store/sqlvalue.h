#pragma once
// One value as SQLite stores it: NULL, integer, real or UTF-8 text.

#include <QByteArray>

#include <variant>

namespace fa {

using SqlValue = std::variant<std::monostate, qint64, double, QByteArray>;

} // namespace fa
