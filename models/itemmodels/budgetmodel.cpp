#include "budgetmodel.h"

#include "core/budget.h"

#include <QSqlRecord>

namespace Moniagent {

BudgetModel::BudgetModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("budgets"), QStringLiteral("user_id = %1").arg(userId), parent)
    , m_userId(userId)
{
    setColumnFormat(QStringLiteral("limit_minor"), Format::Money, QStringLiteral("currency"));
    setColumnFormat(QStringLiteral("alert_threshold"), Format::Percent);
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("updated_at"), Format::Timestamp);
    setHeader(QStringLiteral("category_id"), tr("Category"));
    setHeader(QStringLiteral("limit_minor"), tr("Limit"));
    setHeader(QStringLiteral("currency"), tr("Currency"));
    setHeader(QStringLiteral("period"), tr("Period"));
    setHeader(QStringLiteral("alert_threshold"), tr("Warn at"));
    setHeader(QStringLiteral("created_at"), tr("Created"));
    setHeader(QStringLiteral("updated_at"), tr("Updated"));
    m_categoryColumn = record().indexOf(QStringLiteral("category_id"));
    m_periodColumn = record().indexOf(QStringLiteral("period"));
}

bool BudgetModel::select()
{
    m_categories.load(database(), m_userId);
    return ScopedSqlTableModel::select();
}

QString BudgetModel::orderByClause() const
{
    // Until a view sorts by a column: as BudgetRepository::list() orders them.
    if (const QString clause = ScopedSqlTableModel::orderByClause(); !clause.isEmpty())
        return clause;
    return QStringLiteral("ORDER BY category_id IS NOT NULL, (SELECT c.display_order FROM categories c "
                          "WHERE c.id = budgets.category_id), id");
}

QVariant BudgetModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid()) {
        if (index.column() == m_categoryColumn) {
            const QVariant id = ScopedSqlTableModel::data(index, RawValueRole);
            return id.isNull() ? tr("All spending") : m_categories.name(id.toLongLong());
        }
        if (index.column() == m_periodColumn) {
            const QString key = ScopedSqlTableModel::data(index, RawValueRole).toString();
            const auto period = BudgetEnums::periodFromKey(key);
            return period ? BudgetEnums::displayName(*period) : key;
        }
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
