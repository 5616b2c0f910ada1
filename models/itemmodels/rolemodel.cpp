#include "rolemodel.h"

namespace Moniagent {

RoleModel::RoleModel(const QSqlDatabase& db, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("roles"), QStringLiteral("1 = 1"), parent)
{
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("updated_at"), Format::Timestamp);
    setHeader(QStringLiteral("name"), tr("Role"));
    setHeader(QStringLiteral("description"), tr("Description"));
    setHeader(QStringLiteral("created_at"), tr("Created"));
    setHeader(QStringLiteral("updated_at"), tr("Updated"));
    setSort(0, Qt::AscendingOrder);
}

} // namespace Moniagent
