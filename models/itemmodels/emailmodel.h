#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The fetched emails of one profile (table `emails`), newest first. Provider and extraction status show
// their translated names.
class EmailModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    EmailModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    qint64 userId() const { return m_userId; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    qint64 m_userId;
    int m_providerColumn;
    int m_statusColumn;
};

} // namespace Moniagent
