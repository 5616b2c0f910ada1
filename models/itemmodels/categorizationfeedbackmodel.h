#pragma once

#include "categorynamecache.h"
#include "scopedsqltablemodel.h"

namespace Moniagent {

// The categorization feedback of one user (table `categorization_feedback`), newest first. The category
// columns show the categories' names, the type its translated name.
class CategorizationFeedbackModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    CategorizationFeedbackModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool select() override;

private:
    qint64 m_userId;
    CategoryNameCache m_categories;
    int m_suggestedColumn = -1;
    int m_confirmedColumn = -1;
    int m_typeColumn = -1;
};

} // namespace Moniagent
