#pragma once

#include "core/transaction.h"
#include "transactioncommand.h"

namespace Moniagent {

// Adds one transaction; undo removes it, redo puts the very same row (id, uuid) back.
class AddTransactionCommand : public TransactionCommand
{
public:
    AddTransactionCommand(TransactionRepository* repository, qint64 userId, Transaction transaction,
                          ErrorHandler onError = {});

    qint64 transactionId() const { return m_transaction.id; }

protected:
    Result<void> doRedo() override;
    Result<void> doUndo() override;

private:
    Transaction m_transaction;
    bool m_stored = false;
};

} // namespace Moniagent
