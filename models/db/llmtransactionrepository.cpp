#include "llmtransactionrepository.h"

#include "core/currency.h"
#include "database.h"
#include "sql.h"

namespace Moniagent {

namespace {

constexpr int MaxNameLength = 256;

const QString Columns = QStringLiteral(
    "id, user_id, job_id, interaction_id, provider, model_name, prompt_version, prompt_hash, input_tokens, "
    "output_tokens, total_tokens, estimated_cost, cost_currency, latency_ms, created_at");

LlmTransaction read(const QSqlQuery& q)
{
    LlmTransaction t;
    int c = 0;
    t.id = q.value(c++).toLongLong();
    t.userId = Sql::optionalId(q.value(c++));
    t.jobId = Sql::optionalId(q.value(c++));
    t.interactionId = Sql::optionalId(q.value(c++));
    t.provider = q.value(c++).toString();
    t.modelName = q.value(c++).toString();
    t.promptVersion = q.value(c++).toString();
    t.promptHash = q.value(c++).toString();
    t.inputTokens = q.value(c++).toLongLong();
    t.outputTokens = q.value(c++).toLongLong();
    t.totalTokens = q.value(c++).toLongLong();
    t.estimatedCostMicros = q.value(c++).toLongLong();
    t.costCurrency = q.value(c++).toString();
    t.latencyMs = q.value(c++).toLongLong();
    t.createdAt = Sql::parseIsoTimestamp(q.value(c++));
    return t;
}

// "created_at >= ? AND created_at < ?" for the inclusive local days [from, to]; open sides are left out.
// Stored times are UTC text of one fixed format, so comparing text compares times and uses the index.
QString rangeCondition(QDate from, QDate to, QVariantList& params)
{
    QString condition;
    if (from.isValid()) {
        condition += QStringLiteral(" AND created_at >= ?");
        params << Sql::isoTimestamp(from.startOfDay());
    }
    if (to.isValid()) {
        condition += QStringLiteral(" AND created_at < ?");
        params << Sql::isoTimestamp(to.addDays(1).startOfDay());
    }
    return condition;
}

Result<void> validateRange(QDate from, QDate to)
{
    if (from.isValid() && to.isValid() && from > to)
        return Error::invalidInput(LlmTransactionRepository::tr("The start date must not be after the end date."));
    return {};
}

} // namespace

LlmTransactionRepository::LlmTransactionRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> LlmTransactionRepository::validate(const LlmTransaction& t)
{
    if (t.provider.trimmed().isEmpty())
        return Error::invalidInput(tr("Name the model provider of the call."));
    if (t.modelName.trimmed().isEmpty())
        return Error::invalidInput(tr("Name the model of the call."));
    if (t.provider.size() > MaxNameLength || t.modelName.size() > MaxNameLength
        || t.promptVersion.size() > MaxNameLength || t.promptHash.size() > MaxNameLength)
        return Error::invalidInput(tr("A name of the call is too long (at most %1 characters).").arg(MaxNameLength));
    for (const auto& tokens : {t.inputTokens, t.outputTokens, t.totalTokens}) {
        if (tokens && *tokens < 0)
            return Error::invalidInput(tr("Token counts cannot be negative."));
    }
    if (t.totalTokens) {
        if (t.inputTokens && t.outputTokens) {
            qint64 sum = 0;
            if (qAddOverflow(*t.inputTokens, *t.outputTokens, &sum) || sum != *t.totalTokens) {
                return Error::invalidInput(
                    tr("The total of %1 tokens is not the %2 input tokens plus the %3 output tokens.")
                        .arg(*t.totalTokens)
                        .arg(*t.inputTokens)
                        .arg(*t.outputTokens));
            }
        } else if (*t.totalTokens < t.inputTokens.value_or(0) || *t.totalTokens < t.outputTokens.value_or(0)) {
            return Error::invalidInput(
                tr("The total number of tokens cannot be less than the input or output tokens."));
        }
    } else if (t.inputTokens && t.outputTokens) {
        qint64 sum = 0;
        if (qAddOverflow(*t.inputTokens, *t.outputTokens, &sum))
            return Error::invalidInput(tr("The token counts are too large."));
    }
    if (t.estimatedCostMicros < 0)
        return Error::invalidInput(tr("The estimated cost cannot be negative."));
    const Currency currency = Currency::fromCode(t.costCurrency);
    if (!currency.isValid() || currency.code() != t.costCurrency)
        return Error::invalidInput(
            tr("“%1” is not a currency code. Use three capital letters, such as USD.").arg(t.costCurrency));
    if (t.latencyMs < 0)
        return Error::invalidInput(tr("The latency cannot be negative."));
    return {};
}

Result<qint64> LlmTransactionRepository::add(qint64 userId, const LlmTransaction& t)
{
    auto valid = validate(t);
    if (!valid)
        return valid.error();
    const qint64 input = t.inputTokens.value_or(0);
    const qint64 output = t.outputTokens.value_or(0);
    const qint64 total = t.totalTokens.value_or(input + output);
    // INSERT … SELECT: nothing is written when a linked job or interaction is not the user's.
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral(
            "INSERT INTO llm_transactions (user_id, job_id, interaction_id, provider, model_name, prompt_version, "
            "prompt_hash, input_tokens, output_tokens, total_tokens, estimated_cost, cost_currency, latency_ms, "
            "created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', "
            "'now')) WHERE (? IS NULL OR EXISTS (SELECT 1 FROM jobs WHERE id = ? AND user_id = ?)) "
            "AND (? IS NULL OR EXISTS (SELECT 1 FROM ai_interactions WHERE id = ? AND user_id = ?))"),
        {userId,
         Sql::nullable(t.jobId),
         Sql::nullable(t.interactionId),
         t.provider.trimmed(),
         t.modelName.trimmed(),
         t.promptVersion,
         t.promptHash,
         input,
         output,
         total,
         t.estimatedCostMicros,
         t.costCurrency,
         t.latencyMs,
         t.createdAt.isValid() ? QVariant(Sql::isoTimestamp(t.createdAt)) : QVariant(),
         Sql::nullable(t.jobId),
         Sql::nullable(t.jobId),
         userId,
         Sql::nullable(t.interactionId),
         Sql::nullable(t.interactionId),
         userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The job or model call this usage belongs to no longer exists."));
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<QList<LlmTransaction>> LlmTransactionRepository::list(qint64 userId, QDate from, QDate to) const
{
    auto valid = validateRange(from, to);
    if (!valid)
        return valid.error();
    QVariantList params {userId};
    const QString range = rangeCondition(from, to, params);
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM llm_transactions WHERE user_id = ?%2 "
                                          "ORDER BY created_at DESC, id DESC")
                               .arg(Columns, range),
                           params);
    if (!query)
        return query.error();
    QList<LlmTransaction> rows;
    while (query->next())
        rows << read(*query);
    return rows;
}

Result<QList<LlmUsage>> LlmTransactionRepository::usageByDay(qint64 userId, QDate from, QDate to) const
{
    return usage(userId, from, to, Grouping::Day);
}

Result<QList<LlmUsage>> LlmTransactionRepository::usageByModel(qint64 userId, QDate from, QDate to) const
{
    return usage(userId, from, to, Grouping::Model);
}

Result<QList<LlmUsage>> LlmTransactionRepository::usageByFeature(qint64 userId, QDate from, QDate to) const
{
    return usage(userId, from, to, Grouping::Feature);
}

Result<QList<LlmUsage>> LlmTransactionRepository::usage(qint64 userId, QDate from, QDate to, Grouping grouping) const
{
    auto valid = validateRange(from, to);
    if (!valid)
        return valid.error();
    QVariantList params {userId};
    const QString range = rangeCondition(from, to, params);
    // Days are local calendar days, like the range; SQLite's 'localtime' and Qt use the same system zone.
    QString keys;
    QString group;
    QString order;
    switch (grouping) {
    case Grouping::Day:
        keys = QStringLiteral("date(created_at, 'localtime'), '', '', ''");
        group = QStringLiteral("1, cost_currency");
        order = QStringLiteral("1, cost_currency");
        break;
    case Grouping::Model:
        keys = QStringLiteral("NULL, provider, model_name, ''");
        group = QStringLiteral("2, 3, cost_currency");
        order = QStringLiteral("10 DESC, 2, 3, cost_currency");
        break;
    case Grouping::Feature:
        keys = QStringLiteral("NULL, '', '', feature");
        group = QStringLiteral("4, cost_currency");
        order = QStringLiteral("10 DESC, 4, cost_currency");
        break;
    }
    // The feature is the type of the interaction a call belongs to.
    const QString source = grouping == Grouping::Feature
        ? QStringLiteral("(SELECT t.*, coalesce(i.interaction_type, '') AS feature FROM llm_transactions t "
                         "LEFT JOIN ai_interactions i ON i.id = t.interaction_id)")
        : QStringLiteral("llm_transactions");
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1, cost_currency, count(*), sum(input_tokens), sum(output_tokens), sum(total_tokens), "
                       "sum(estimated_cost), (sum(latency_ms) + count(*) / 2) / count(*) "
                       "FROM %5 WHERE user_id = ?%2 GROUP BY %3 ORDER BY %4")
            .arg(keys, range, group, order, source),
        params);
    if (!query)
        return query.error();
    QList<LlmUsage> rows;
    while (query->next()) {
        LlmUsage u;
        u.day = Sql::parseIsoDate(query->value(0));
        u.provider = query->value(1).toString();
        u.modelName = query->value(2).toString();
        u.feature = query->value(3).toString();
        u.costCurrency = query->value(4).toString();
        u.calls = query->value(5).toLongLong();
        u.inputTokens = query->value(6).toLongLong();
        u.outputTokens = query->value(7).toLongLong();
        u.totalTokens = query->value(8).toLongLong();
        u.estimatedCostMicros = query->value(9).toLongLong();
        u.averageLatencyMs = query->value(10).toLongLong();
        rows << u;
    }
    return rows;
}

Result<QMap<QString, qint64>> LlmTransactionRepository::monthToDateCost(qint64 userId, QDate today) const
{
    if (!today.isValid())
        return Error::invalidInput(tr("The date of today is missing."));
    QVariantList params {userId};
    const QString range = rangeCondition(QDate(today.year(), today.month(), 1), today, params);
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT cost_currency, sum(estimated_cost) FROM llm_transactions "
                                          "WHERE user_id = ?%1 GROUP BY cost_currency")
                               .arg(range),
                           params);
    if (!query)
        return query.error();
    QMap<QString, qint64> costs;
    while (query->next())
        costs.insert(query->value(0).toString(), query->value(1).toLongLong());
    return costs;
}

} // namespace Moniagent
