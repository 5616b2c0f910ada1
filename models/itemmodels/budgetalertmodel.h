#pragma once

#include "scopedsqltablemodel.h"

#include <QHash>

namespace Moniagent {

// The budget alerts of one user (table `budget_alerts`, scoped through the alert's budget), newest first.
// The budget column shows what the budget watches (a category name or "All spending"), the level its name.
class BudgetAlertModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    BudgetAlertModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool select() override;

private:
    qint64 m_userId;
    QHash<qint64, QString> m_budgetNames;
    int m_budgetColumn = -1;
    int m_levelColumn = -1;
};

} // namespace Moniagent
