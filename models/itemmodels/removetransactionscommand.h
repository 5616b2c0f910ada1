#pragma once

#include "core/transaction.h"
#include "transactioncommand.h"

namespace Moniagent {

// Deletes transactions; undo restores them with their ids, uuids and timestamps.
class RemoveTransactionsCommand : public TransactionCommand
{
public:
    RemoveTransactionsCommand(TransactionRepository* repository, qint64 userId, QList<Transaction> transactions,
                              ErrorHandler onError = {});

protected:
    Result<void> doRedo() override;
    Result<void> doUndo() override;

private:
    QList<Transaction> m_transactions;
};

} // namespace Moniagent
