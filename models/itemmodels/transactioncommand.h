#pragma once

#include "core/result.h"

#include <QUndoCommand>

#include <functional>

namespace Moniagent {

class TransactionRepository;

// Base of the ledger's undoable commands. The first redo() happens in execute(), before the command is
// pushed, so the caller sees a failure and nothing lands on the undo stack; QUndoStack's own first call
// to redo() is then skipped. A later undo or redo that fails reports through the error handler and marks
// the command obsolete, so the stack does not pretend it happened.
class TransactionCommand : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const Error&)>;

    TransactionCommand(TransactionRepository* repository, qint64 userId, ErrorHandler onError);

    Result<void> execute();
    void redo() final;
    void undo() final;

protected:
    virtual Result<void> doRedo() = 0;
    virtual Result<void> doUndo() = 0;

    TransactionRepository* m_repository;
    qint64 m_userId;

private:
    ErrorHandler m_onError;
    bool m_executed = false;
};

} // namespace Moniagent
