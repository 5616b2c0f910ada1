#pragma once

#include "categorynamecache.h"
#include "scopedsqltablemodel.h"

namespace Moniagent {

// The categorization rules of one user (table `expense_categorization_rules`), in matching order. The
// category column shows the category's name, type and origin their translated names.
class CategorizationRuleModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    CategorizationRuleModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool select() override;

protected:
    QString orderByClause() const override;

private:
    qint64 m_userId;
    CategoryNameCache m_categories;
    int m_categoryColumn = -1;
    int m_typeColumn = -1;
    int m_originColumn = -1;
};

} // namespace Moniagent
