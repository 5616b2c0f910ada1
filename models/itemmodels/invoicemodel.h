#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The receipts and invoices of one user (table `invoices`), newest first. Amounts are shown with the
// invoice's currency, the status by its translated name.
class InvoiceModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    InvoiceModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    int m_statusColumn = -1;
};

} // namespace Moniagent
