#include "emailextractionrepository.h"

#include "database.h"
#include "sql.h"

#include <QJsonDocument>

namespace Moniagent {

namespace {

constexpr int MaxShortText = 256;

const QString Columns = QStringLiteral(
    "x.id, x.email_id, x.extraction_version, x.status, x.extracted_json, x.model_used, x.prompt_hash, x.error, "
    "x.created_at");

EmailExtraction read(const QSqlQuery& q)
{
    EmailExtraction x;
    int c = 0;
    x.id = q.value(c++).toLongLong();
    x.emailId = q.value(c++).toLongLong();
    x.extractionVersion = q.value(c++).toInt();
    x.status = EmailExtractionEnums::outcomeFromKey(q.value(c++).toString()).value_or(ExtractionOutcome::Failed);
    x.extractedJson = QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).object();
    x.modelUsed = q.value(c++).toString();
    x.promptHash = q.value(c++).toString();
    x.error = q.value(c++).toString();
    x.createdAt = Sql::parseIsoTimestamp(q.value(c++));
    return x;
}

} // namespace

EmailExtractionRepository::EmailExtractionRepository(Database* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

Result<void> EmailExtractionRepository::validate(const EmailExtraction& extraction)
{
    if (extraction.extractionVersion < 0)
        return Error::invalidInput(tr("The extraction version cannot be negative."));
    if (extraction.modelUsed.size() > MaxShortText || extraction.promptHash.size() > MaxShortText)
        return Error::invalidInput(
            tr("The model name or prompt hash is too long (at most %1 characters).").arg(MaxShortText));
    if (extraction.status == ExtractionOutcome::Failed && extraction.error.trimmed().isEmpty())
        return Error::invalidInput(tr("Say why the extraction failed."));
    return {};
}

Result<qint64> EmailExtractionRepository::add(qint64 userId, qint64 emailId, const EmailExtraction& extraction)
{
    auto valid = validate(extraction);
    if (!valid)
        return valid.error();
    // INSERT … SELECT from the user's email: nothing is written unless the email is theirs.
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO email_extractions (email_id, extraction_version, status, extracted_json, "
                       "model_used, prompt_hash, error) SELECT id, ?, ?, ?, ?, ?, ? FROM emails "
                       "WHERE id = ? AND user_id = ?"),
        {extraction.extractionVersion, EmailExtractionEnums::key(extraction.status),
         QString::fromUtf8(QJsonDocument(extraction.extractedJson).toJson(QJsonDocument::Compact)),
         Sql::nullableText(extraction.modelUsed), Sql::nullableText(extraction.promptHash),
         Sql::nullableText(extraction.error), emailId, userId});
    if (!result)
        return result.error();
    if (result->numRowsAffected() == 0)
        return Error::notFound(tr("The email is no longer stored."));
    const qint64 id = result->lastInsertId().toLongLong();
    Q_EMIT changed(userId);
    return id;
}

Result<QList<EmailExtraction>> EmailExtractionRepository::listForEmail(qint64 userId, qint64 emailId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM email_extractions x JOIN emails e ON e.id = x.email_id "
                                          "WHERE x.email_id = ? AND e.user_id = ? ORDER BY x.id")
                               .arg(Columns),
                           {emailId, userId});
    if (!query)
        return query.error();
    QList<EmailExtraction> extractions;
    while (query->next())
        extractions << read(*query);
    return extractions;
}

Result<EmailExtraction> EmailExtractionRepository::latestForEmail(qint64 userId, qint64 emailId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT %1 FROM email_extractions x JOIN emails e ON e.id = x.email_id "
                                          "WHERE x.email_id = ? AND e.user_id = ? "
                                          "ORDER BY x.extraction_version DESC, x.id DESC LIMIT 1")
                               .arg(Columns),
                           {emailId, userId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(tr("The email has not been read yet."));
    return read(*query);
}

} // namespace Moniagent
