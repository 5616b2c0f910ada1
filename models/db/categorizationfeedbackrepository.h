#pragma once

#include "core/categorizationfeedback.h"
#include "core/result.h"

#include <QObject>

namespace Moniagent {

class Database;

// The categorization feedback of one user: what the categorizer learns from. Rows are only added (and go
// with their transaction, ON DELETE CASCADE). Every method takes the id of the user it acts for and never
// reads another user's rows.
class CategorizationFeedbackRepository : public QObject
{
    Q_OBJECT
public:
    explicit CategorizationFeedbackRepository(Database* database, QObject* parent = nullptr);

    static Result<void> validate(const CategorizationFeedback& feedback);

    // The transaction and the categories must be the user's.
    Result<qint64> add(qint64 userId, const CategorizationFeedback& feedback);

    // Oldest first.
    Result<QList<CategorizationFeedback>> listForTransaction(qint64 userId, qint64 transactionId) const;
    // The `limit` newest (all when limit <= 0), newest first.
    Result<QList<CategorizationFeedback>> list(qint64 userId, int limit = 100) const;
    // How many were given at or after `sinceUtc`.
    Result<qint64> countSince(qint64 userId, const QDateTime& sinceUtc) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
