#include "exportoutput.h"

#include "db/categoryrepository.h"

namespace Moniagent {

ExportOutput::ExportOutput(QIODevice& device)
    : m_device(device)
{ }

Result<void> ExportOutput::flush()
{
    if (m_error)
        return *m_error;
    if (m_bytes.isEmpty())
        return {};
    const qint64 size = m_bytes.size();
    const qint64 written = m_device.write(m_bytes);
    m_bytes.clear();
    if (written != size) {
        m_error = Error {Error::Code::Io, tr("The file could not be written."), m_device.errorString()};
        return *m_error;
    }
    m_written += size;
    return {};
}

Result<QHash<qint64, QString>> ExportOutput::categoryNames(const CategoryRepository* categories, qint64 userId)
{
    QHash<qint64, QString> names;
    if (!categories)
        return names;
    auto list = categories->list(userId);
    if (!list)
        return list.error();
    for (const Category& c : std::as_const(*list))
        names.insert(c.id, c.name);
    return names;
}

Error ExportOutput::cancelled()
{
    return Error::cancelled(tr("The export was cancelled."));
}

} // namespace Moniagent
