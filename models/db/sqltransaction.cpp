#include "sqltransaction.h"

#include "core/logging.h"
#include "sql.h"

#include <QHash>

namespace Moniagent {

namespace {
// Nesting depth per connection; connections belong to one thread, so thread-local is enough.
thread_local QHash<QString, int> t_depth;
} // namespace

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    int& depth = t_depth[m_db.connectionName()];
    QString statement;
    if (depth == 0) {
        statement = QStringLiteral("BEGIN IMMEDIATE");
    } else {
        m_savepoint = QStringLiteral("sp%1").arg(depth);
        statement = QStringLiteral("SAVEPOINT ") + m_savepoint;
    }
    auto result = Sql::exec(m_db, statement);
    if (!result) {
        m_error = result.error();
        qCWarning(lcDb) << "could not begin a transaction:" << m_error.toString();
        return;
    }
    ++depth;
    m_active = true;
}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        rollback();
}

Result<void> SqlTransaction::commit()
{
    if (!m_active)
        return m_error;
    const QString statement
        = m_savepoint.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_savepoint;
    auto result = Sql::exec(m_db, statement);
    if (!result) {
        rollback();
        return result.error();
    }
    m_active = false;
    --t_depth[m_db.connectionName()];
    return {};
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    if (m_savepoint.isEmpty()) {
        (void)Sql::exec(m_db, QStringLiteral("ROLLBACK"));
    } else {
        (void)Sql::exec(m_db, QStringLiteral("ROLLBACK TO ") + m_savepoint);
        (void)Sql::exec(m_db, QStringLiteral("RELEASE ") + m_savepoint);
    }
    m_active = false;
    --t_depth[m_db.connectionName()];
}

} // namespace Moniagent
