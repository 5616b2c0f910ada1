#pragma once

#include "core/result.h"
#include "core/statementimport.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Moniagent {

class Database;

// The import history. Every method is scoped to one user. add() and markUndone() run on the calling thread's
// connection, so they join a transaction the caller has open there (an import writes its rows and its
// history entry in one transaction).
class StatementImportRepository
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::StatementImportRepository)
public:
    explicit StatementImportRepository(Database* database);

    Result<qint64> add(qint64 userId, const StatementImport& record);
    Result<void> markUndone(qint64 userId, qint64 id, const QDateTime& whenUtc);
    Result<void> markRedone(qint64 userId, qint64 id);
    Result<QList<StatementImport>> list(qint64 userId, int limit = 200) const;
    Result<StatementImport> find(qint64 userId, qint64 id) const;
    // The newest import of a file with these bytes that still stands, if any.
    Result<std::optional<StatementImport>> findStanding(qint64 userId, const QString& sha256) const;

private:
    Database* m_database;
};

} // namespace Moniagent
