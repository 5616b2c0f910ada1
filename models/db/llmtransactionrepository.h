#pragma once

#include "core/llmtransaction.h"
#include "core/result.h"

#include <QMap>
#include <QObject>

namespace Moniagent {

class Database;

// The usage log of language-model calls of a profile: tokens, latency and estimated cost in exact
// micro-units. Date ranges are inclusive local calendar days; an invalid date leaves that side open.
// Nothing here reads the clock: the caller passes the days it means.
class LlmTransactionRepository : public QObject
{
    Q_OBJECT
public:
    explicit LlmTransactionRepository(Database* database, QObject* parent = nullptr);

    static Result<void> validate(const LlmTransaction& transaction);

    // Logs a call for the user. A job or interaction it links to must be the user's.
    // transaction.userId is ignored in favour of `userId`.
    Result<qint64> add(qint64 userId, const LlmTransaction& transaction);
    // Newest first.
    Result<QList<LlmTransaction>> list(qint64 userId, QDate from, QDate to) const;
    // One row per local day and cost currency, oldest day first.
    Result<QList<LlmUsage>> usageByDay(qint64 userId, QDate from, QDate to) const;
    // One row per provider, model and cost currency, the most expensive first.
    Result<QList<LlmUsage>> usageByModel(qint64 userId, QDate from, QDate to) const;
    // One row per feature (the type of the linked ai_interactions row) and cost currency, the most expensive first.
    Result<QList<LlmUsage>> usageByFeature(qint64 userId, QDate from, QDate to) const;
    // Cost per currency (micro-units) from the first of today's month through `today`, for a spending cap.
    Result<QMap<QString, qint64>> monthToDateCost(qint64 userId, QDate today) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    enum class Grouping
    {
        Day,
        Model,
        Feature
    };
    Result<QList<LlmUsage>> usage(qint64 userId, QDate from, QDate to, Grouping grouping) const;

    Database* m_database;
};

} // namespace Moniagent
