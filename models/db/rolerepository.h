#pragma once

#include "core/result.h"
#include "core/user.h"

namespace Moniagent {

class Database;

// The two roles seeded by the first migration. Roles are shared by all profiles, not owned by one.
class RoleRepository
{
public:
    explicit RoleRepository(Database* database);

    Result<QList<Role>> list() const;
    Result<Role> findByName(const QString& name) const;

private:
    Database* m_database;
};

} // namespace Moniagent
