#pragma once

#include "core/transaction.h"
#include "transactioncommand.h"

namespace Moniagent {

// Changes one transaction from `before` to `after`; undo writes `before` back.
class EditTransactionCommand : public TransactionCommand
{
public:
    EditTransactionCommand(TransactionRepository* repository, qint64 userId, Transaction before, Transaction after,
                           const QString& text, ErrorHandler onError = {});

protected:
    Result<void> doRedo() override;
    Result<void> doUndo() override;

private:
    Transaction m_before;
    Transaction m_after;
};

} // namespace Moniagent
