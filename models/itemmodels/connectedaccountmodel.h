#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The mail accounts of one profile (table `connected_accounts`), by provider and address.
// Provider, sign-in method, security and status show their translated names.
class ConnectedAccountModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    ConnectedAccountModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    qint64 userId() const { return m_userId; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    qint64 m_userId;
    int m_providerColumn;
    int m_authMethodColumn;
    int m_securityColumn;
    int m_statusColumn;
};

} // namespace Moniagent
