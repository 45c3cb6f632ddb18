#pragma once
// Rows held in memory that one INSERT ... SELECT can read. SQLite runs a prepared INSERT for
// one row in about twice the time the same row costs inside an INSERT ... SELECT (each run
// reopens the table and index cursors and seeks from their roots), so bulk writes gather rows
// here and move a few thousand at a time with
//     INSERT INTO t(a, b) SELECT c0, c1 FROM bulk_rows(?1)
// where ?1 is bound with Statement::bindPointer(rows). bulk_rows is an eponymous virtual table
// registered on the connection (nothing is written to the file's schema).

#include "result.h"
#include "sqlvalue.h"

#include <QByteArray>

#include <variant>
#include <vector>

namespace fa {

class Database;

class BulkRows {
public:
    using Value = SqlValue;
    static constexpr int kMaxColumns = 32;
    static constexpr const char* kPointerType = "fa::BulkRows";

    /// Makes bulk_rows(?1) available on the connection (idempotent per connection).
    static Status registerOn(Database& db);

    explicit BulkRows(int columns) : m_columns(columns) {}
    int columns() const { return m_columns; }
    std::size_t rowCount() const { return m_values.size() / std::size_t(m_columns); }
    bool empty() const { return m_values.empty(); }
    void clear() { m_values.clear(); }
    /// Appends one value; a row is complete after columns() of them.
    void push(Value v) { m_values.push_back(std::move(v)); }
    const Value& at(std::size_t row, int column) const
    {
        return m_values[row * std::size_t(m_columns) + std::size_t(column)];
    }

private:
    int m_columns;
    std::vector<Value> m_values;
};

} // namespace fa
