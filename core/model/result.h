#pragma once
// Errors as values at the core boundary: a small stand-in for C++23 std::expected.

#include <QString>

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace fa {

/// What went wrong, in words a user can read, plus the details a caller can act on.
struct Error {
    enum class Kind {
        Invalid,      ///< a value failed validation (see field)
        NotFound,     ///< no such event / file
        Io,           ///< the file system refused
        Sqlite,       ///< SQLite returned an error (see sqliteCode)
        Corrupt,      ///< the database file is damaged
        NotADatabase, ///< the file is not SQLite at all
        TooNew,       ///< written by a newer Frontier Atlas (schema version higher than ours)
        ReadOnly,     ///< the file or its folder cannot be written
        Locked,       ///< another program holds a write lock
        Parse,        ///< an input file could not be read (see line)
        Cancelled,    ///< the user cancelled; nothing was changed
        Unsupported,  ///< a format or feature we do not handle
    };
    Kind kind = Kind::Invalid;
    QString message;    ///< one line, for the user
    QString field;      ///< for Invalid: the field at fault ("latitude", "title", ...)
    int sqliteCode = 0; ///< for Sqlite and friends: the extended result code
    qint64 line = 0;    ///< for Parse: 1-based line or record number, 0 if unknown

    static Error invalid(QString field, QString message)
    {
        Error e;
        e.kind = Kind::Invalid;
        e.field = std::move(field);
        e.message = std::move(message);
        return e;
    }
    static Error make(Kind kind, QString message)
    {
        Error e;
        e.kind = kind;
        e.message = std::move(message);
        return e;
    }
    /// The user cancelled `what` ("the import"); nothing was changed.
    static Error cancelled(const QString& what = QStringLiteral("the import"))
    {
        return make(Kind::Cancelled, what + QStringLiteral(" was cancelled"));
    }
};

/// Either a value or an Error. Check with ok()/operator bool before value().
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that returns nothing on success.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        assert(!ok());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace fa
