#pragma once

#include "connectedaccount.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// Where an email is in the extraction pipeline; stored as 'PENDING', 'COMPLETED', 'FAILED', 'SKIPPED'.
enum class EmailExtractionStatus
{
    Pending,
    Completed,
    Failed,
    Skipped
};

// A message fetched from a connected account (table `emails`). The original is kept as fetched.
struct Email
{
    qint64 id = 0;
    qint64 userId = 0;
    qint64 accountId = 0; // connected_account_id
    MailProvider provider = MailProvider::Gmail; // always the account's provider
    QString providerMessageId; // Gmail/Graph message id, or "<UIDVALIDITY>:<UID>" / Message-ID for IMAP
    QString threadId;
    QString subject;
    QString sender;
    QString bodyText;
    QString bodyHtml;
    QDateTime receivedAt; // UTC; invalid = unknown
    QString checksum;
    QDateTime fetchedAt; // UTC; set by the database when not given
    EmailExtractionStatus extractionStatus = EmailExtractionStatus::Pending;
    int extractionVersion = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

class EmailEnums
{
    Q_DECLARE_TR_FUNCTIONS(EmailEnums)
public:
    static QString key(EmailExtractionStatus status);
    static std::optional<EmailExtractionStatus> statusFromKey(QStringView key);
    static QString displayName(EmailExtractionStatus status);
    static QList<EmailExtractionStatus> allStatuses();
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Email)
