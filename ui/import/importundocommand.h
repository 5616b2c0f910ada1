#pragma once

#include "importers/statementimporter.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace Moniagent {

// "Import of statement.ofx" on the undo stack. Created after the import was applied (the first redo() does
// nothing); undo takes the import out again, redo applies the same preview once more. Errors are reported
// through the callback (undo commands cannot fail).
class ImportUndoCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ImportUndoCommand)
public:
    ImportUndoCommand(StatementImporter importer, ImportPreview preview, ImportResult result,
                      std::function<void(const QString&)> onError);

    void undo() override;
    void redo() override;

    qint64 importId() const { return m_result.importId; }

private:
    StatementImporter m_importer;
    ImportPreview m_preview; // keeps the staging file alive for redo
    ImportResult m_result;
    std::function<void(const QString&)> m_onError;
    bool m_applied = true;
};

} // namespace Moniagent
