#pragma once

#include "categorynamecache.h"
#include "scopedsqltablemodel.h"

namespace Moniagent {

// The budgets of one user (table `budgets`), the overall budget first, then in category display order. The category
// column shows the category's name ("All spending" for the overall budget), the limit its currency, the threshold a
// percentage, the period its name.
class BudgetModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    BudgetModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool select() override;

protected:
    QString orderByClause() const override;

private:
    qint64 m_userId;
    CategoryNameCache m_categories;
    int m_categoryColumn = -1;
    int m_periodColumn = -1;
};

} // namespace Moniagent
