#include "llmtransactionmodel.h"

#include "core/llmtransaction.h"

namespace Moniagent {

LlmTransactionModel::LlmTransactionModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("llm_transactions"), QStringLiteral("user_id = %1").arg(userId), parent)
    , m_userId(userId)
    , m_costColumn(fieldIndex(QStringLiteral("estimated_cost")))
    , m_currencyColumn(fieldIndex(QStringLiteral("cost_currency")))
{
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    for (const char* field : {"input_tokens", "output_tokens", "total_tokens", "latency_ms"})
        setColumnFormat(QString::fromLatin1(field), Format::Integer);
    // Integer for the right alignment; data() formats it as money.
    setColumnFormat(QStringLiteral("estimated_cost"), Format::Integer);

    setHeader(QStringLiteral("id"), tr("ID"));
    setHeader(QStringLiteral("user_id"), tr("Profile"));
    setHeader(QStringLiteral("job_id"), tr("Job"));
    setHeader(QStringLiteral("interaction_id"), tr("Model call"));
    setHeader(QStringLiteral("provider"), tr("Provider"));
    setHeader(QStringLiteral("model_name"), tr("Model"));
    setHeader(QStringLiteral("prompt_version"), tr("Prompt version"));
    setHeader(QStringLiteral("prompt_hash"), tr("Prompt"));
    setHeader(QStringLiteral("input_tokens"), tr("Input tokens"));
    setHeader(QStringLiteral("output_tokens"), tr("Output tokens"));
    setHeader(QStringLiteral("total_tokens"), tr("Total tokens"));
    setHeader(QStringLiteral("estimated_cost"), tr("Estimated cost"));
    setHeader(QStringLiteral("cost_currency"), tr("Currency"));
    setHeader(QStringLiteral("latency_ms"), tr("Latency (ms)"));
    setHeader(QStringLiteral("created_at"), tr("Time"));
    setSort(fieldIndex(QStringLiteral("created_at")), Qt::DescendingOrder);
}

QVariant LlmTransactionModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid() && index.column() == m_costColumn) {
        const QVariant micros = ScopedSqlTableModel::data(index, RawValueRole);
        if (micros.isNull())
            return micros;
        const QString currency
            = ScopedSqlTableModel::data(this->index(index.row(), m_currencyColumn), RawValueRole).toString();
        return LlmTransaction::formatCost(micros.toLongLong(), currency, locale());
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
