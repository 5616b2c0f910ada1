#pragma once

#include "core/transaction.h"
#include "transactioncommand.h"

namespace Moniagent {

// Changes transactions from `before` to `after` (the same rows in the same order) in one SQLite transaction;
// undo writes `before` back.
class EditTransactionCommand : public TransactionCommand
{
public:
    EditTransactionCommand(TransactionRepository* repository, qint64 userId, Transaction before, Transaction after,
                           const QString& text, ErrorHandler onError = {});
    EditTransactionCommand(TransactionRepository* repository, qint64 userId, QList<Transaction> before,
                           QList<Transaction> after, const QString& text, ErrorHandler onError = {});

protected:
    Result<void> doRedo() override;
    Result<void> doUndo() override;

private:
    QList<Transaction> m_before;
    QList<Transaction> m_after;
};

} // namespace Moniagent
