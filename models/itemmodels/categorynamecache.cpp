#include "categorynamecache.h"

#include "core/logging.h"
#include "db/sql.h"

namespace Moniagent {

void CategoryNameCache::load(const QSqlDatabase& db, qint64 userId)
{
    m_names.clear();
    auto query = Sql::exec(db, QStringLiteral("SELECT id, name FROM categories WHERE user_id = ?"), {userId});
    if (!query) {
        qCWarning(lcModels) << "cannot load category names:" << query.error().toString();
        return;
    }
    while (query->next())
        m_names.insert(query->value(0).toLongLong(), query->value(1).toString());
}

} // namespace Moniagent
