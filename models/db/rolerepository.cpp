#include "rolerepository.h"

#include "database.h"
#include "sql.h"

#include <QCoreApplication>

namespace Moniagent {

RoleRepository::RoleRepository(Database* database)
    : m_database(database)
{ }

Result<QList<Role>> RoleRepository::list() const
{
    auto query
        = Sql::exec(m_database->connection(), QStringLiteral("SELECT id, name, description FROM roles ORDER BY id"));
    if (!query)
        return query.error();
    QList<Role> roles;
    while (query->next())
        roles << Role {query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString()};
    return roles;
}

Result<Role> RoleRepository::findByName(const QString& name) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT id, name, description FROM roles WHERE name = ?"), {name});
    if (!query)
        return query.error();
    if (!query->next()) {
        return Error::notFound(
            QCoreApplication::translate("Moniagent::RoleRepository", "The role “%1” does not exist.").arg(name));
    }
    return Role {query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString()};
}

} // namespace Moniagent
