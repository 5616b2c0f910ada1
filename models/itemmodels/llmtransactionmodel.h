#pragma once

#include "scopedsqltablemodel.h"

namespace Moniagent {

// The language-model usage of one profile (table `llm_transactions`), newest first. The estimated cost,
// stored in micro-units of cost_currency, shows as money with as many digits as it needs ("$0.001234");
// RawValueRole keeps the integer micro-units.
class LlmTransactionModel : public ScopedSqlTableModel
{
    Q_OBJECT
public:
    LlmTransactionModel(const QSqlDatabase& db, qint64 userId, QObject* parent = nullptr);

    qint64 userId() const { return m_userId; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    qint64 m_userId;
    int m_costColumn;
    int m_currencyColumn;
};

} // namespace Moniagent
