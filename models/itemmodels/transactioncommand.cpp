#include "transactioncommand.h"

namespace Moniagent {

TransactionCommand::TransactionCommand(TransactionRepository* repository, qint64 userId, ErrorHandler onError)
    : m_repository(repository)
    , m_userId(userId)
    , m_onError(std::move(onError))
{ }

Result<void> TransactionCommand::execute()
{
    auto result = doRedo();
    m_executed = result.ok();
    return result;
}

void TransactionCommand::redo()
{
    if (m_executed) {
        m_executed = false; // the push after execute(): already done
        return;
    }
    auto result = doRedo();
    if (!result) {
        setObsolete(true);
        if (m_onError)
            m_onError(result.error());
    }
}

void TransactionCommand::undo()
{
    m_executed = false;
    auto result = doUndo();
    if (!result) {
        setObsolete(true);
        if (m_onError)
            m_onError(result.error());
    }
}

} // namespace Moniagent
