#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QVariant>

#include <memory>

struct sqlite3_stmt;

namespace Moniagent {

// A read-only statement run through SQLite's C API on a Qt connection's own handle, for the few queries that read
// tens of thousands of rows and add them up in C++: QSqlQuery turns every value into a QVariant (text into a
// UTF-16 QString, converted by SQLite), which costs several times the query itself. Here text is read as the
// stored UTF-8 bytes, without copies. Same connection, so the same transaction, pragmas and busy timeout.
// Not thread-safe: use it on the thread that owns the connection, and drop it before the connection closes.
class RawQuery
{
public:
    // Prepares `sql` and binds `params` positionally (integers, text and NULL).
    static Result<RawQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& params = {});

    RawQuery(RawQuery&&) noexcept;
    RawQuery& operator=(RawQuery&&) noexcept;
    ~RawQuery();

    // Steps to the next row: true on a row, false at the end or on an error (see error()).
    bool next();
    // Whether stepping failed, and how.
    bool failed() const { return m_failed; }
    Error error() const;

    // Values of the current row. Text is UTF-8 and valid until next().
    QByteArrayView text(int column) const;
    qint64 integer(int column) const;

private:
    struct Finalizer
    {
        void operator()(sqlite3_stmt* statement) const;
    };
    explicit RawQuery(sqlite3_stmt* statement);

    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
    bool m_failed = false;
    QString m_errorText;
};

} // namespace Moniagent
