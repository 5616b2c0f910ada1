#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The logged model calls of one profile (table `ai_interactions`), newest first. Application-level calls
// (no profile) never appear.
class AiInteractionModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    AiInteractionModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    qint64 userId() const { return m_userId; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    qint64 m_userId;
    int m_typeColumn;
};

} // namespace Moniagent
