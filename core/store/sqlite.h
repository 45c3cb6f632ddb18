#pragma once
// The one wrapper around SQLite's C API: RAII ownership of the connection and of prepared
// statements, and a transaction guard that rolls back unless committed. Every failure becomes an
// fa::Error carrying SQLite's extended result code and message. Values always go in through
// bind*(): no SQL is ever built from user data.

#include "result.h"
#include "sqlvalue.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace fa {

/// Maps an SQLite result code to an Error: BUSY/LOCKED -> Locked, CORRUPT -> Corrupt,
/// NOTADB -> NotADatabase, READONLY -> ReadOnly, IOERR/FULL/CANTOPEN -> Io, else Sqlite.
/// sqliteCode is the extended code; message is "<context>: <SQLite's message>".
Error sqliteError(int extendedCode, const QString& sqliteMessage, const QString& context);

class Database;

/// A prepared statement. Bind errors are remembered and reported by the next step(), so a
/// chain of binds needs no checks in between. Parameters are 1-based, as in SQLite.
class Statement {
public:
    Statement() = default;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    Statement& bindNull(int index);
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);   ///< always text: a null QString binds ''
    Statement& bind(int index, const QByteArray& utf8); ///< text, already UTF-8
    Statement& bind(int index, const char* utf8) { return bind(index, QByteArray(utf8)); }
    Statement& bind(int index, const std::optional<QString>& value); ///< nullopt binds NULL
    Statement& bind(int index, std::optional<qint64> value);
    Statement& bind(int index, std::optional<int> value);
    Statement& bindBlob(int index, const QByteArray& bytes); ///< a BLOB, copied by SQLite
    Statement& bind(int index, const SqlValue& value);       ///< NULL, integer, real or text
    /// sqlite3_bind_pointer: hands `p` to a virtual table that asks for `type` (bulkrows.h).
    Statement& bindPointer(int index, void* p, const char* type);
    /// Binds by name (":name", "@name" or "$name", prefix included). Unknown names are errors.
    template <typename T> Statement& bind(const char* name, T&& value)
    {
        const int i = parameterIndex(name);
        if (i <= 0) {
            noteBindError(name);
            return *this;
        }
        return bind(i, std::forward<T>(value));
    }
    int parameterIndex(const char* name) const;

    /// Advances: true when a row is ready, false when done.
    Result<bool> step();
    /// Steps to completion (for INSERT/UPDATE/DELETE), then resets the statement.
    Status run();
    /// Makes the statement ready to run again; bindings are kept (clearBindings() drops them).
    void reset();
    void clearBindings();

    int columnCount() const;
    bool isNull(int col) const;
    qint64 columnInt64(int col) const;
    int columnInt(int col) const;
    double columnDouble(int col) const;
    QString columnText(int col) const;
    /// The column's UTF-8 bytes, valid until the next step/reset (no copy).
    std::string_view columnUtf8(int col) const;
    std::optional<int> columnOptionalInt(int col) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    friend class Database;
    Statement(Database* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    void noteBindResult(int rc, int index);
    void noteBindError(const char* name);

    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::optional<Error> m_bindError;
};

/// One SQLite connection.
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly, Create };

    /// Opens the file; Create makes it (and fails if SQLite cannot). No existence checks here:
    /// the caller decides what a missing file means.
    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return m_db; }
    QString path() const { return m_path; }

    /// Runs SQL text with no parameters (schema, pragmas). Never pass user data here.
    Status exec(const char* sql);
    Result<Statement> prepare(const char* sql);
    /// A statement prepared once and kept for the connection's lifetime, reset before return.
    /// The SQL text is the cache key; the pointer stays valid until the Database is destroyed.
    Result<Statement*> cached(const char* sql);
    /// Runs a query returning one integer (first column of the first row; nullopt if no row or
    /// NULL).
    Result<std::optional<qint64>> queryInt(const char* sql);
    Result<QString> queryText(const char* sql);

    qint64 lastInsertRowid() const;
    int changes() const;
    bool inTransaction() const;
    void setBusyTimeout(int ms);

    /// An Error from the connection's current error state.
    Error lastError(int rc, const QString& context) const;

private:
    explicit Database(sqlite3* db, QString path) : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db = nullptr;
    QString m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

/// BEGIN IMMEDIATE on construction via begin(); ROLLBACK in the destructor unless committed.
class Transaction {
public:
    explicit Transaction(Database& db) : m_db(&db) {}
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    /// Takes the write lock now (BEGIN IMMEDIATE), so a busy file fails here and not halfway.
    Status begin();
    Status commit();
    void rollback();
    /// Forgets the transaction without touching the connection (which was closed: closing
    /// rolls back an open transaction by itself).
    void abandon() { m_active = false; }
    bool isActive() const { return m_active; }

private:
    Database* m_db;
    bool m_active = false;
};

} // namespace fa
