#include "removetransactionscommand.h"

#include "db/transactionrepository.h"

#include <QCoreApplication>

namespace Moniagent {

RemoveTransactionsCommand::RemoveTransactionsCommand(TransactionRepository* repository, qint64 userId,
                                                     QList<Transaction> transactions, ErrorHandler onError)
    : TransactionCommand(repository, userId, std::move(onError))
    , m_transactions(std::move(transactions))
{
    if (m_transactions.size() == 1) {
        const Transaction& t = m_transactions.first();
        setText(QCoreApplication::translate("Moniagent::RemoveTransactionsCommand", "Delete “%1”")
                    .arg(t.merchant.isEmpty() ? t.description : t.merchant));
    } else {
        setText(QCoreApplication::translate("Moniagent::RemoveTransactionsCommand", "Delete %Ln transaction(s)",
                                            nullptr, int(m_transactions.size())));
    }
}

Result<void> RemoveTransactionsCommand::doRedo()
{
    QList<qint64> ids;
    ids.reserve(m_transactions.size());
    for (const Transaction& t : std::as_const(m_transactions))
        ids << t.id;
    return m_repository->remove(m_userId, ids);
}

Result<void> RemoveTransactionsCommand::doUndo()
{
    return m_repository->restore(m_userId, m_transactions);
}

} // namespace Moniagent
