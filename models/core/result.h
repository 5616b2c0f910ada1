#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Moniagent {

// An error that can be shown to the user: `message` is translated and complete,
// `detail` is technical (driver text, file names) for logs and "Details…".
struct Error
{
    enum class Code
    {
        InvalidInput, // the caller or the user gave something unusable; nothing changed
        NotFound,
        Conflict, // a unique key or a constraint refused the change
        Database, // SQLite failed
        NewerVersion, // database written by a newer Moniagent
        Corrupt, // not a database, or damaged
        Io, // file system (disk full, permissions)
        Cancelled,
    };

    Code code = Code::Database;
    QString message;
    QString detail;

    static Error invalidInput(QString message, QString detail = {})
    {
        return {Code::InvalidInput, std::move(message), std::move(detail)};
    }
    static Error notFound(QString message, QString detail = {})
    {
        return {Code::NotFound, std::move(message), std::move(detail)};
    }
    static Error conflict(QString message, QString detail = {})
    {
        return {Code::Conflict, std::move(message), std::move(detail)};
    }
    static Error database(QString message, QString detail = {})
    {
        return {Code::Database, std::move(message), std::move(detail)};
    }
    static Error cancelled(QString message = {}) { return {Code::Cancelled, std::move(message), {}}; }

    // "message (detail)" for logs and command-line output.
    QString toString() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')'; }
};

// Either a value or an Error. Functions that can fail for reasons the user should hear about return this.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_data); }
    T& value() & { return std::get<T>(m_data); }
    // By value on temporaries, so `for (const auto& row : *repository.list(…))` owns what it iterates.
    T value() && { return std::get<T>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    T operator*() && { return std::get<T>(std::move(m_data)); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace Moniagent
