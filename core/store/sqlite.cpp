#include "sqlite.h"

#include <sqlite3.h>

namespace fa {

Error sqliteError(int extendedCode, const QString& sqliteMessage, const QString& context)
{
    Error::Kind kind = Error::Kind::Sqlite;
    switch (extendedCode & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        kind = Error::Kind::Locked;
        break;
    case SQLITE_CORRUPT:
        kind = Error::Kind::Corrupt;
        break;
    case SQLITE_NOTADB:
        kind = Error::Kind::NotADatabase;
        break;
    case SQLITE_READONLY:
        kind = Error::Kind::ReadOnly;
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
        kind = Error::Kind::Io;
        break;
    default:
        break;
    }
    Error e = Error::make(kind, context.isEmpty() ? sqliteMessage
                                                  : context + QStringLiteral(": ") + sqliteMessage);
    e.sqliteCode = extendedCode;
    return e;
}

// --- Statement ---

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_bindError(std::move(other.m_bindError))
{
    other.m_stmt = nullptr;
    other.m_bindError.reset();
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_bindError = std::move(other.m_bindError);
        other.m_stmt = nullptr;
        other.m_bindError.reset();
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::noteBindResult(int rc, int index)
{
    if (rc != SQLITE_OK && !m_bindError)
        m_bindError = m_db->lastError(rc, QStringLiteral("binding parameter %1").arg(index));
}

void Statement::noteBindError(const char* name)
{
    if (!m_bindError) {
        m_bindError =
            Error::make(Error::Kind::Sqlite,
                        QStringLiteral("no SQL parameter named %1").arg(QLatin1String(name)));
        m_bindError->sqliteCode = SQLITE_RANGE;
    }
}

int Statement::parameterIndex(const char* name) const
{
    return sqlite3_bind_parameter_index(m_stmt, name);
}

Statement& Statement::bindNull(int index)
{
    noteBindResult(sqlite3_bind_null(m_stmt, index), index);
    return *this;
}

Statement& Statement::bind(int index, qint64 value)
{
    noteBindResult(sqlite3_bind_int64(m_stmt, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    noteBindResult(sqlite3_bind_double(m_stmt, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    return bind(index, value.toUtf8());
}

Statement& Statement::bind(int index, const std::optional<QString>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bind(int index, const QByteArray& utf8)
{
    // SQLITE_TRANSIENT: SQLite copies, so temporaries are safe.
    const char* data = utf8.isNull() ? "" : utf8.constData(); // never NULL: that binds NULL
    noteBindResult(sqlite3_bind_text(m_stmt, index, data, int(utf8.size()), SQLITE_TRANSIENT),
                   index);
    return *this;
}

Statement& Statement::bindBlob(int index, const QByteArray& bytes)
{
    noteBindResult(
        sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT),
        index);
    return *this;
}

Statement& Statement::bind(int index, const SqlValue& value)
{
    if (const auto* i = std::get_if<qint64>(&value))
        return bind(index, *i);
    if (const auto* d = std::get_if<double>(&value))
        return bind(index, *d);
    if (const auto* t = std::get_if<QByteArray>(&value))
        return bind(index, *t);
    return bindNull(index);
}

Statement& Statement::bindPointer(int index, void* p, const char* type)
{
    noteBindResult(sqlite3_bind_pointer(m_stmt, index, p, type, nullptr), index);
    return *this;
}

Statement& Statement::bind(int index, std::optional<qint64> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bind(int index, std::optional<int> value)
{
    return value ? bind(index, static_cast<qint64>(*value)) : bindNull(index);
}

Result<bool> Statement::step()
{
    if (m_bindError) {
        Error e = *m_bindError;
        m_bindError.reset();
        sqlite3_reset(m_stmt);
        return e;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_reset returns the same error; the connection holds the message.
    Error e = m_db->lastError(rc, QString());
    sqlite3_reset(m_stmt);
    return e;
}

Status Statement::run()
{
    for (;;) {
        auto r = step();
        if (!r) {
            return r.error();
        }
        if (!*r)
            break;
    }
    sqlite3_reset(m_stmt);
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    m_bindError.reset();
}

void Statement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}
bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
qint64 Statement::columnInt64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}
int Statement::columnInt(int col) const
{
    return sqlite3_column_int(m_stmt, col);
}
double Statement::columnDouble(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

QString Statement::columnText(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col));
}

std::string_view Statement::columnUtf8(int col) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))};
}

std::optional<int> Statement::columnOptionalInt(int col) const
{
    if (isNull(col))
        return std::nullopt;
    return columnInt(col);
}

// --- Database ---

Result<std::unique_ptr<Database>> Database::open(const QString& path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3* db = nullptr;
    const QByteArray file = path.toUtf8();
    const int rc = sqlite3_open_v2(file.constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg =
            db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        const int code = db ? sqlite3_extended_errcode(db) : rc;
        sqlite3_close_v2(db);
        return sqliteError(code, msg, QStringLiteral("cannot open %1").arg(path));
    }
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<Database>(new Database(db, path));
}

Database::~Database()
{
    m_cache.clear(); // statements first: close_v2 would otherwise defer the close
    sqlite3_close_v2(m_db);
}

Error Database::lastError(int rc, const QString& context) const
{
    int code = sqlite3_extended_errcode(m_db);
    if ((code & 0xff) != (rc & 0xff))
        code = rc; // the connection's state is about another call
    QString msg = QString::fromUtf8(sqlite3_errmsg(m_db));
    if (code != sqlite3_extended_errcode(m_db))
        msg = QString::fromUtf8(sqlite3_errstr(code));
    return sqliteError(code, msg, context);
}

Status Database::exec(const char* sql)
{
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        return sqliteError(sqlite3_extended_errcode(m_db), msg, QString());
    }
    return {};
}

Result<Statement> Database::prepare(const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(rc, QString());
    return Statement(this, stmt);
}

Result<Statement*> Database::cached(const char* sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto st = prepare(sql);
        if (!st)
            return st.error();
        it = m_cache.emplace(sql, std::make_unique<Statement>(std::move(st).value())).first;
    }
    it->second->reset();
    return it->second.get();
}

Result<std::optional<qint64>> Database::queryInt(const char* sql)
{
    auto st = prepare(sql);
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row || st->isNull(0))
        return std::optional<qint64>();
    return std::optional<qint64>(st->columnInt64(0));
}

Result<QString> Database::queryText(const char* sql)
{
    auto st = prepare(sql);
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return QString();
    return st->columnText(0);
}

qint64 Database::lastInsertRowid() const
{
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const
{
    return sqlite3_changes(m_db);
}
bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}
void Database::setBusyTimeout(int ms)
{
    sqlite3_busy_timeout(m_db, ms);
}

// --- Transaction ---

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db), m_active(other.m_active)
{
    other.m_active = false;
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::begin()
{
    if (auto s = m_db->exec("BEGIN IMMEDIATE"); !s)
        return s;
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return Error::make(Error::Kind::Sqlite, QStringLiteral("no transaction to commit"));
    if (auto s = m_db->exec("COMMIT"); !s) {
        rollback();
        return s;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // A failed COMMIT or an IO error may already have ended the transaction.
    if (m_db->inTransaction())
        (void)m_db->exec("ROLLBACK");
}

} // namespace fa
