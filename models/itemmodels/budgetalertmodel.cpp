#include "budgetalertmodel.h"

#include "core/budgetalert.h"
#include "core/logging.h"
#include "db/sql.h"

#include <QSqlRecord>

namespace Moniagent {

BudgetAlertModel::BudgetAlertModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("budget_alerts"),
                          QStringLiteral("budget_id IN (SELECT id FROM budgets WHERE user_id = %1)").arg(userId),
                          parent)
    , m_userId(userId)
{
    setColumnFormat(QStringLiteral("period_start"), Format::Date);
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("seen_at"), Format::Timestamp);
    setHeader(QStringLiteral("budget_id"), tr("Budget"));
    setHeader(QStringLiteral("period_start"), tr("Period from"));
    setHeader(QStringLiteral("level"), tr("Alert"));
    setHeader(QStringLiteral("created_at"), tr("Raised"));
    setHeader(QStringLiteral("seen_at"), tr("Seen"));
    m_budgetColumn = record().indexOf(QStringLiteral("budget_id"));
    m_levelColumn = record().indexOf(QStringLiteral("level"));
    setSort(record().indexOf(QStringLiteral("created_at")), Qt::DescendingOrder);
}

bool BudgetAlertModel::select()
{
    m_budgetNames.clear();
    auto query = Sql::exec(database(),
                           QStringLiteral("SELECT b.id, c.name FROM budgets b LEFT JOIN categories c "
                                          "ON c.id = b.category_id WHERE b.user_id = ?"),
                           {m_userId});
    if (query) {
        while (query->next())
            m_budgetNames.insert(query->value(0).toLongLong(),
                                 query->value(1).isNull() ? tr("All spending") : query->value(1).toString());
    } else {
        qCWarning(lcModels) << "cannot load budget names:" << query.error().toString();
    }
    return ScopedSqlTableModel::select();
}

QVariant BudgetAlertModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid()) {
        if (index.column() == m_budgetColumn)
            return m_budgetNames.value(ScopedSqlTableModel::data(index, RawValueRole).toLongLong());
        if (index.column() == m_levelColumn) {
            const QString key = ScopedSqlTableModel::data(index, RawValueRole).toString();
            const auto level = BudgetAlertEnums::levelFromKey(key);
            return level ? BudgetAlertEnums::displayName(*level) : key;
        }
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
