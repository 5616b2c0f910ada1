#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace Moniagent {

// The names of one user's categories, loaded in one query when a model selects, so that data() never runs
// a query per cell.
class CategoryNameCache
{
public:
    void load(const QSqlDatabase& db, qint64 userId);
    // Empty for an unknown id.
    QString name(qint64 categoryId) const { return m_names.value(categoryId); }
    bool contains(qint64 categoryId) const { return m_names.contains(categoryId); }

private:
    QHash<qint64, QString> m_names;
};

} // namespace Moniagent
