#include "edittransactioncommand.h"

#include "db/transactionrepository.h"

namespace Moniagent {

EditTransactionCommand::EditTransactionCommand(TransactionRepository* repository, qint64 userId, Transaction before,
                                               Transaction after, const QString& text, ErrorHandler onError)
    : EditTransactionCommand(repository, userId, QList<Transaction> {std::move(before)},
                             QList<Transaction> {std::move(after)}, text, std::move(onError))
{ }

EditTransactionCommand::EditTransactionCommand(TransactionRepository* repository, qint64 userId,
                                               QList<Transaction> before, QList<Transaction> after, const QString& text,
                                               ErrorHandler onError)
    : TransactionCommand(repository, userId, std::move(onError))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    Q_ASSERT(m_before.size() == m_after.size());
    setText(text);
}

Result<void> EditTransactionCommand::doRedo()
{
    return m_repository->updateMany(m_userId, m_after);
}

Result<void> EditTransactionCommand::doUndo()
{
    return m_repository->updateMany(m_userId, m_before);
}

} // namespace Moniagent
