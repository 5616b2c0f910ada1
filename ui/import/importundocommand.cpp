#include "importundocommand.h"

namespace Moniagent {

ImportUndoCommand::ImportUndoCommand(StatementImporter importer, ImportPreview preview, ImportResult result,
                                     std::function<void(const QString&)> onError)
    : m_importer(std::move(importer))
    , m_preview(std::move(preview))
    , m_result(result)
    , m_onError(std::move(onError))
{
    setText(tr("Import of %1").arg(m_preview.fileName));
}

void ImportUndoCommand::undo()
{
    if (!m_applied)
        return;
    auto undone = m_importer.undo(m_result.importId);
    if (!undone && undone.error().code == Error::Code::Conflict) {
        // Already undone from File › Import History: nothing left to take out.
        m_applied = false;
        return;
    }
    if (!undone) {
        if (m_onError)
            m_onError(undone.error().message);
        return;
    }
    m_applied = false;
}

void ImportUndoCommand::redo()
{
    if (m_applied)
        return; // pushed after the import was applied
    auto applied = m_importer.redo(m_result.importId, m_preview);
    if (!applied) {
        if (m_onError)
            m_onError(applied.error().message);
        return;
    }
    m_result = *applied;
    m_applied = true;
}

} // namespace Moniagent
