#include "emailrepository.h"

#include "database.h"
#include "sql.h"
#include "sqltransaction.h"

namespace Moniagent {

namespace {

constexpr int MaxIdLength = 1024;

const QString Columns = QStringLiteral(
    "id, user_id, connected_account_id, provider, provider_message_id, thread_id, subject, sender, body_text, "
    "body_html, received_at, checksum, fetched_at, extraction_status, extraction_version, created_at, updated_at");

Email read(const QSqlQuery& q)
{
    Email e;
    int c = 0;
    e.id = q.value(c++).toLongLong();
    e.userId = q.value(c++).toLongLong();
    e.accountId = q.value(c++).toLongLong();
    e.provider = ConnectedAccountEnums::providerFromKey(q.value(c++).toString()).value_or(MailProvider::Other);
    e.providerMessageId = q.value(c++).toString();
    e.threadId = q.value(c++).toString();
    e.subject = q.value(c++).toString();
    e.sender = q.value(c++).toString();
    e.bodyText = q.value(c++).toString();
    e.bodyHtml = q.value(c++).toString();
    e.receivedAt = Sql::parseIsoTimestamp(q.value(c++));
    e.checksum = q.value(c++).toString();
    e.fetchedAt = Sql::parseIsoTimestamp(q.value(c++));
    e.extractionStatus = EmailEnums::statusFromKey(q.value(c++).toString()).value_or(EmailExtractionStatus::Pending);
    e.extractionVersion = q.value(c++).toInt();
    e.createdAt = Sql::parseIsoTimestamp(q.value(c++));
    e.updatedAt = Sql::parseIsoTimestamp(q.value(c++));
    return e;
}

QVariant nullableTimestamp(const QDateTime& time)
{
    return time.isValid() ? QVariant(Sql::isoTimestamp(time)) : QVariant();
}

Error notFound()
{
    return Error::notFound(EmailRepository::tr("The email is no longer stored."));
}

} // namespace

EmailRepository::EmailRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> EmailRepository::validate(const Email& email)
{
    if (email.accountId <= 0)
        return Error::invalidInput(tr("Choose the mail account the email belongs to."));
    if (email.providerMessageId.trimmed().isEmpty())
        return Error::invalidInput(tr("The email has no message id, so it cannot be stored. Fetch it again."));
    if (email.providerMessageId.size() > MaxIdLength || email.threadId.size() > MaxIdLength)
        return Error::invalidInput(
            tr("The message id of the email is too long (at most %1 characters).").arg(MaxIdLength));
    if (email.extractionVersion < 0)
        return Error::invalidInput(tr("The extraction version cannot be negative."));
    return {};
}

Result<EmailRepository::Added> EmailRepository::add(qint64 userId, const Email& email)
{
    auto valid = validate(email);
    if (!valid)
        return valid.error();
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();

    auto provider
        = Sql::scalar(db, QStringLiteral("SELECT provider FROM connected_accounts WHERE id = ? AND user_id = ?"),
                      {email.accountId, userId});
    if (!provider)
        return provider.error();
    if (provider->isNull())
        return Error::notFound(tr("The mail account is no longer connected to this profile."));

    auto inserted = Sql::exec(
        db,
        QStringLiteral("INSERT INTO emails (user_id, connected_account_id, provider, provider_message_id, thread_id, "
                       "subject, sender, body_text, body_html, received_at, checksum, fetched_at, extraction_status, "
                       "extraction_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?, ?) "
                       "ON CONFLICT (connected_account_id, provider_message_id) DO NOTHING"),
        {userId, email.accountId, provider->toString(), email.providerMessageId.trimmed(),
         Sql::nullableText(email.threadId), email.subject, email.sender, email.bodyText, email.bodyHtml,
         nullableTimestamp(email.receivedAt), Sql::nullableText(email.checksum), nullableTimestamp(email.fetchedAt),
         EmailEnums::key(email.extractionStatus), email.extractionVersion});
    if (!inserted)
        return inserted.error();

    Added added;
    added.inserted = inserted->numRowsAffected() > 0;
    if (added.inserted) {
        added.id = inserted->lastInsertId().toLongLong();
    } else {
        auto existing = Sql::scalar(
            db,
            QStringLiteral("SELECT id FROM emails WHERE connected_account_id = ? AND provider_message_id = ? AND "
                           "user_id = ?"),
            {email.accountId, email.providerMessageId.trimmed(), userId});
        if (!existing)
            return existing.error();
        if (existing->isNull())
            return notFound();
        added.id = existing->toLongLong();
    }
    auto committed = transaction.commit();
    if (!committed)
        return committed.error();
    if (added.inserted)
        Q_EMIT changed(userId);
    return added;
}

Result<Email> EmailRepository::find(qint64 userId, qint64 id) const
{
    auto rows = select(QStringLiteral("user_id = ? AND id = ?"), {userId, id}, QStringLiteral("id"), 1, 0);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound();
    return rows->first();
}

Result<QList<Email>> EmailRepository::list(qint64 userId, std::optional<qint64> accountId,
                                           std::optional<EmailExtractionStatus> status, int limit, qint64 offset) const
{
    QString where = QStringLiteral("user_id = ?");
    QVariantList params {userId};
    if (accountId) {
        where += QStringLiteral(" AND connected_account_id = ?");
        params << *accountId;
    }
    if (status) {
        where += QStringLiteral(" AND extraction_status = ?");
        params << EmailEnums::key(*status);
    }
    return select(where, params, QStringLiteral("received_at DESC, id DESC"), limit, offset);
}

Result<QList<Email>> EmailRepository::pending(qint64 userId, int limit) const
{
    return select(QStringLiteral("user_id = ? AND extraction_status = 'PENDING'"), {userId},
                  QStringLiteral("received_at IS NULL, received_at, id"), limit, 0);
}

Result<qint64> EmailRepository::markForReprocessing(qint64 userId, int version)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE emails SET extraction_status = 'PENDING', "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                           "WHERE user_id = ? AND extraction_version < ? "
                                           "AND extraction_status <> 'PENDING'"),
                            {userId, version});
    if (!result)
        return result.error();
    const qint64 count = result->numRowsAffected();
    if (count > 0)
        Q_EMIT changed(userId);
    return count;
}

Result<void> EmailRepository::setExtractionStatus(qint64 userId, qint64 id, EmailExtractionStatus status, int version)
{
    if (version < 0)
        return Error::invalidInput(tr("The extraction version cannot be negative."));
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("UPDATE emails SET extraction_status = ?, extraction_version = ?, "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                           "WHERE id = ? AND user_id = ?"),
                            {EmailEnums::key(status), version, id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return notFound();
    Q_EMIT changed(userId);
    return {};
}

Result<QSet<QString>> EmailRepository::checksums(qint64 userId, qint64 accountId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT checksum FROM emails WHERE user_id = ? AND connected_account_id = ? "
                                          "AND checksum IS NOT NULL"),
                           {userId, accountId});
    if (!query)
        return query.error();
    QSet<QString> sums;
    while (query->next())
        sums.insert(query->value(0).toString());
    return sums;
}

Result<QSet<QString>> EmailRepository::providerMessageIds(qint64 userId, qint64 accountId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT provider_message_id FROM emails WHERE user_id = ? "
                                          "AND connected_account_id = ?"),
                           {userId, accountId});
    if (!query)
        return query.error();
    QSet<QString> ids;
    while (query->next())
        ids.insert(query->value(0).toString());
    return ids;
}

Result<QMap<EmailExtractionStatus, qint64>> EmailRepository::countByStatus(qint64 userId) const
{
    return countByStatus(userId, std::nullopt);
}

Result<QMap<EmailExtractionStatus, qint64>> EmailRepository::countByStatus(qint64 userId,
                                                                           std::optional<qint64> accountId) const
{
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT extraction_status, count(*) FROM emails WHERE user_id = ? "
                       "AND (? IS NULL OR connected_account_id = ?) GROUP BY extraction_status"),
        {userId, accountId ? QVariant(*accountId) : QVariant(), accountId ? QVariant(*accountId) : QVariant()});
    if (!query)
        return query.error();
    QMap<EmailExtractionStatus, qint64> counts;
    for (EmailExtractionStatus status : EmailEnums::allStatuses())
        counts.insert(status, 0);
    while (query->next()) {
        if (const auto status = EmailEnums::statusFromKey(query->value(0).toString()))
            counts[*status] = query->value(1).toLongLong();
    }
    return counts;
}

Result<void> EmailRepository::remove(qint64 userId, qint64 id)
{
    auto result = Sql::exec(m_database->connection(), QStringLiteral("DELETE FROM emails WHERE id = ? AND user_id = ?"),
                            {id, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return notFound();
    Q_EMIT changed(userId);
    return {};
}

Result<QList<Email>> EmailRepository::select(const QString& where, const QVariantList& params, const QString& order,
                                             int limit, qint64 offset) const
{
    QVariantList all = params;
    all << limit << offset;
    auto query = Sql::exec(
        m_database->connection(),
        QStringLiteral("SELECT %1 FROM emails WHERE %2 ORDER BY %3 LIMIT ? OFFSET ?").arg(Columns, where, order), all);
    if (!query)
        return query.error();
    QList<Email> emails;
    while (query->next())
        emails << read(*query);
    return emails;
}

} // namespace Moniagent
