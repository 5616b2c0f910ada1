#include "categorizationfeedbackrepository.h"

#include "database.h"
#include "sql.h"

#include <cmath>

namespace Moniagent {

namespace {

const QString Columns = QStringLiteral("id, user_id, transaction_id, suggested_category_id, confirmed_category_id, "
                                       "confidence_score, feedback_type, created_at");

CategorizationFeedback read(const QSqlQuery& q)
{
    CategorizationFeedback f;
    f.id = q.value(0).toLongLong();
    f.userId = q.value(1).toLongLong();
    f.transactionId = q.value(2).toLongLong();
    f.suggestedCategoryId = Sql::optionalId(q.value(3));
    f.confirmedCategoryId = Sql::optionalId(q.value(4));
    f.confidenceScore = Sql::optionalReal(q.value(5));
    f.type = CategorizationFeedbackEnums::typeFromKey(q.value(6).toString()).value_or(FeedbackType::Confirmation);
    f.createdAt = Sql::parseIsoTimestamp(q.value(7));
    return f;
}

} // namespace

CategorizationFeedbackRepository::CategorizationFeedbackRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> CategorizationFeedbackRepository::validate(const CategorizationFeedback& feedback)
{
    if (CategorizationFeedbackEnums::key(feedback.type).isEmpty())
        return Error::invalidInput(tr("Say whether the category was confirmed or corrected."));
    if (feedback.confidenceScore
        && (!std::isfinite(*feedback.confidenceScore) || *feedback.confidenceScore < 0.0
            || *feedback.confidenceScore > 1.0))
        return Error::invalidInput(tr("The suggestion's confidence must be between 0 and 1."));
    return {};
}

Result<qint64> CategorizationFeedbackRepository::add(qint64 userId, const CategorizationFeedback& feedback)
{
    auto valid = validate(feedback);
    if (!valid)
        return valid.error();
    QSqlDatabase db = m_database->connection();
    auto transaction = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM transactions WHERE id = ? AND user_id = ?"),
                                   {feedback.transactionId, userId});
    if (!transaction)
        return transaction.error();
    if (transaction->toLongLong() == 0)
        return Error::notFound(tr("The transaction no longer exists."));
    // The schema has no trigger for the category columns: check them here.
    for (const auto& categoryId : {feedback.suggestedCategoryId, feedback.confirmedCategoryId}) {
        if (!categoryId)
            continue;
        auto category = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM categories WHERE id = ? AND user_id = ?"),
                                    {*categoryId, userId});
        if (!category)
            return category.error();
        if (category->toLongLong() == 0)
            return Error::invalidInput(tr("The category no longer exists. Choose another category."));
    }
    auto result = Sql::exec(db,
                            QStringLiteral("INSERT INTO categorization_feedback (user_id, transaction_id, "
                                           "suggested_category_id, confirmed_category_id, confidence_score, "
                                           "feedback_type, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                                           "coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"),
                            {userId, feedback.transactionId, Sql::nullable(feedback.suggestedCategoryId),
                             Sql::nullable(feedback.confirmedCategoryId), Sql::nullable(feedback.confidenceScore),
                             CategorizationFeedbackEnums::key(feedback.type),
                             Sql::nullableText(Sql::isoTimestamp(feedback.createdAt))});
    if (!result)
        return result.error();
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<QList<CategorizationFeedback>> CategorizationFeedbackRepository::listForTransaction(qint64 userId,
                                                                                           qint64 transactionId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM categorization_feedback WHERE user_id = ? AND "
                                          "transaction_id = ? ORDER BY created_at, id")
                               .arg(Columns),
                           {userId, transactionId});
    if (!query)
        return query.error();
    QList<CategorizationFeedback> feedback;
    while (query->next())
        feedback << read(*query);
    return feedback;
}

Result<QList<CategorizationFeedback>> CategorizationFeedbackRepository::list(qint64 userId, int limit) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM categorization_feedback WHERE user_id = ? "
                                          "ORDER BY created_at DESC, id DESC LIMIT ?")
                               .arg(Columns),
                           {userId, limit > 0 ? limit : -1});
    if (!query)
        return query.error();
    QList<CategorizationFeedback> feedback;
    while (query->next())
        feedback << read(*query);
    return feedback;
}

Result<qint64> CategorizationFeedbackRepository::countSince(qint64 userId, const QDateTime& sinceUtc) const
{
    if (!sinceUtc.isValid())
        return Error::invalidInput(tr("Choose a valid start time."));
    auto value = Sql::scalar(m_database->connection(),
                             QStringLiteral("SELECT count(*) FROM categorization_feedback WHERE user_id = ? AND "
                                            "created_at >= ?"),
                             {userId, Sql::isoTimestamp(sinceUtc)});
    if (!value)
        return value.error();
    return value->toLongLong();
}

} // namespace Moniagent
