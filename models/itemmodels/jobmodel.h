#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The background jobs of one user (table `jobs`; system jobs are not shown), newest first. Type, status and
// trigger show their translated names, the error payload its message.
class JobModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    JobModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    int m_typeColumn = -1;
    int m_statusColumn = -1;
    int m_triggerColumn = -1;
    int m_errorColumn = -1;
};

} // namespace Moniagent
