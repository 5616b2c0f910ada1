#pragma once

#include "core/connectedaccount.h"
#include "core/result.h"

#include <QObject>

namespace Moniagent {

class Database;

// The mail accounts connected to a profile. A row names the keychain entry that holds the account's token
// or password ("mail:<provider>:<email>") and never the secret itself: nothing here accepts one.
// An address can be connected once per provider in the whole installation (UNIQUE(provider, email)).
class ConnectedAccountRepository : public QObject
{
    Q_OBJECT
public:
    explicit ConnectedAccountRepository(Database* database, QObject* parent = nullptr);

    // Checks what add() and update() write; the message says what to fix.
    static Result<void> validate(const ConnectedAccount& account);
    static Result<void> validate(const MailSyncState& state);

    Result<qint64> add(qint64 userId, const ConnectedAccount& account);
    // Writes the display name, sign-in method, server settings, scopes and token expiry.
    Result<void> update(qint64 userId, const ConnectedAccount& account);
    Result<ConnectedAccount> find(qint64 userId, qint64 id) const;
    // Case-insensitive on the address.
    Result<ConnectedAccount> findByEmail(qint64 userId, MailProvider provider, const QString& email) const;
    // By provider, then address.
    Result<QList<ConnectedAccount>> list(qint64 userId) const;

    // Records where the last fetch stopped and how it went (all fields of `state`, as given).
    Result<void> setSyncState(qint64 userId, qint64 id, const MailSyncState& state);
    // The provider refused the token: the account stays, inactive, until the user signs in again.
    Result<void> markRevoked(qint64 userId, qint64 id, const QDateTime& revokedAt);
    // After a new sign-in: active again, not revoked, status "connected", with the new token's expiry.
    Result<void> markSignedIn(qint64 userId, qint64 id, const QDateTime& tokenExpiry);
    // Deletes the account with its emails and their extractions (transactions keep their data, unlinked).
    // The keychain entry is the caller's to delete.
    Result<void> remove(qint64 userId, qint64 id);

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Result<void> expectOneRow(qint64 userId, const QString& sql, const QVariantList& params);

    Database* m_database;
};

} // namespace Moniagent
