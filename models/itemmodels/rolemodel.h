#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The roles table (shared by all profiles: admin and user).
class RoleModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    explicit RoleModel(const QSqlDatabase& db, QObject* parent = nullptr);
};

} // namespace Moniagent
