#include "addtransactioncommand.h"

#include "db/transactionrepository.h"

#include <QCoreApplication>

namespace Moniagent {

AddTransactionCommand::AddTransactionCommand(TransactionRepository* repository, qint64 userId, Transaction transaction,
                                             ErrorHandler onError)
    : TransactionCommand(repository, userId, std::move(onError))
    , m_transaction(std::move(transaction))
{
    const QString name = m_transaction.merchant.isEmpty() ? m_transaction.description : m_transaction.merchant;
    setText(QCoreApplication::translate("Moniagent::AddTransactionCommand", "Add “%1”").arg(name));
}

Result<void> AddTransactionCommand::doRedo()
{
    if (m_stored)
        return m_repository->restore(m_userId, {m_transaction});
    auto id = m_repository->add(m_userId, m_transaction);
    if (!id)
        return id.error();
    // Keep the stored row (uuid, timestamps) so redo after undo restores it exactly.
    auto stored = m_repository->find(m_userId, *id);
    if (!stored)
        return stored.error();
    m_transaction = *stored;
    m_stored = true;
    return {};
}

Result<void> AddTransactionCommand::doUndo()
{
    return m_repository->remove(m_userId, {m_transaction.id});
}

} // namespace Moniagent
