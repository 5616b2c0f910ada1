#include "transactionbulkwriter.h"

#include "database.h"
#include "transactionrepository.h"

namespace Moniagent {

TransactionBulkWriter::TransactionBulkWriter(TransactionRepository* repository, qint64 userId, qint64 expectedRows)
    : m_repository(repository)
    , m_userId(userId)
    , m_expectedRows(expectedRows)
{ }

TransactionBulkWriter::~TransactionBulkWriter()
{
    m_insert.reset(); // its statements go before the rollback
    m_transaction.reset();
}

Result<void> TransactionBulkWriter::start()
{
    QSqlDatabase db = m_repository->database()->connection();
    m_transaction = std::make_unique<SqlTransaction>(db);
    if (!m_transaction->isActive())
        return m_transaction->error();
    m_insert = std::make_unique<BulkInsert>(db, m_userId);
    m_insert->setKeepTimestamps(m_keepTimestamps);
    return m_insert->begin(m_expectedRows);
}

Result<qint64> TransactionBulkWriter::write(const QList<Transaction>& rows, const BulkInsert::Progress& progress)
{
    if (!m_insert)
        return Error::invalidInput(QStringLiteral("TransactionBulkWriter::write before start"));
    for (const Transaction& t : rows) {
        auto valid = TransactionRepository::validate(t);
        if (!valid)
            return valid.error();
    }
    auto written = m_insert->write(rows, progress);
    if (written)
        m_written += *written;
    return written;
}

Result<qint64> TransactionBulkWriter::commit()
{
    if (!m_insert)
        return Error::invalidInput(QStringLiteral("TransactionBulkWriter::commit before start"));
    auto finished = m_insert->finish();
    if (!finished)
        return finished.error();
    m_insert.reset();
    auto committed = m_transaction->commit();
    if (!committed)
        return committed.error();
    m_transaction.reset();
    m_repository->notifyBulkInsert(m_userId);
    return m_written;
}

} // namespace Moniagent
