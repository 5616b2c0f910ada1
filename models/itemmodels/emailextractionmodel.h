#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The extraction attempts of one profile's emails (table `email_extractions`, scoped through emails),
// newest first. setFilter(QStringLiteral("email_id = 7")) narrows it to one email.
class EmailExtractionModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    EmailExtractionModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    qint64 userId() const { return m_userId; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    qint64 m_userId;
    int m_statusColumn;
};

} // namespace Moniagent
