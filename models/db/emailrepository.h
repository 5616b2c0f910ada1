#pragma once

#include "core/email.h"
#include "core/result.h"

#include <QMap>
#include <QObject>
#include <QSet>

#include <optional>

namespace Moniagent {

class Database;

// The emails fetched for a profile's connected accounts. A message is stored once per account: adding it
// again (a re-fetch) returns the stored row instead of failing.
class EmailRepository : public QObject
{
    Q_OBJECT
public:
    struct Added
    {
        qint64 id = 0;
        bool inserted = false; // false: the message was already stored under this id
    };

    explicit EmailRepository(Database* database, QObject* parent = nullptr);

    static Result<void> validate(const Email& email);

    // Stores a message of one of the user's accounts; the provider is taken from the account.
    Result<Added> add(qint64 userId, const Email& email);
    Result<Email> find(qint64 userId, qint64 id) const;
    // Newest first (unknown dates last); `limit` < 0 means all.
    Result<QList<Email>> list(qint64 userId, std::optional<qint64> accountId = std::nullopt,
                              std::optional<EmailExtractionStatus> status = std::nullopt, int limit = 100,
                              qint64 offset = 0) const;
    // The messages still waiting for extraction, oldest first.
    Result<QList<Email>> pending(qint64 userId, int limit) const;
    Result<void> setExtractionStatus(qint64 userId, qint64 id, EmailExtractionStatus status, int version);
    // Puts every message read by an extractor older than `version` back to PENDING (reprocessing after an
    // upgrade, without fetching again). Returns how many.
    Result<qint64> markForReprocessing(qint64 userId, int version);
    // The checksums of the messages stored for one account (to recognise messages fetched again under new ids,
    // e.g. after the IMAP server renumbered a mailbox).
    Result<QSet<QString>> checksums(qint64 userId, qint64 accountId) const;
    // The provider message ids stored for one account (the Gmail and Graph fetch skip them without fetching).
    Result<QSet<QString>> providerMessageIds(qint64 userId, qint64 accountId) const;
    // How many messages one account has, by status.
    Result<QMap<EmailExtractionStatus, qint64>> countByStatus(qint64 userId, std::optional<qint64> accountId) const;
    // Every status, with 0 for the ones no message has.
    Result<QMap<EmailExtractionStatus, qint64>> countByStatus(qint64 userId) const;
    // Deletes a message with its extractions; transactions made from it stay, unlinked.
    Result<void> remove(qint64 userId, qint64 id);

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Result<QList<Email>> select(const QString& where, const QVariantList& params, const QString& order, int limit,
                                qint64 offset) const;

    Database* m_database;
};

} // namespace Moniagent
