#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace Moniagent {

// A write transaction on one connection that rolls back unless committed. The outermost one takes the
// write lock up front (BEGIN IMMEDIATE); nested ones become savepoints, so repository methods compose.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    // False when BEGIN failed (e.g. the database is locked); error() says why.
    bool isActive() const { return m_active; }
    const Error& error() const { return m_error; }

    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    QString m_savepoint; // empty for the outermost transaction
    Error m_error;
    bool m_active = false;
};

} // namespace Moniagent
