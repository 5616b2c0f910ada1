#pragma once

#include "core/currency.h"
#include "core/result.h"
#include "mailarchive.h"

#include <QString>
#include <QUrl>

#include <functional>

namespace Moniagent {

struct ConnectedAccount;
class ConnectedAccountRepository;
class Database;
class EmailExtractionRepository;
class EmailRepository;
class JobRunner;
class ReceiptService;
class SecretStore;
class Session;
class TransactionRepository;

// What the mail jobs work with (DESIGN.md §4, email ingestion), composed once per database by the window or
// the command line. The repositories are thread-safe (each thread uses its own connection), so the jobs use
// the same objects the views listen to.
struct MailServices
{
    Database* database = nullptr;
    ConnectedAccountRepository* accounts = nullptr;
    EmailRepository* emails = nullptr;
    EmailExtractionRepository* extractions = nullptr;
    TransactionRepository* transactions = nullptr;
    ReceiptService* receipts = nullptr; // receipt attachments become invoices; null: attachments are ignored
    // Reads a secret from the keychain by its key ("mail:imap:sam@example.com"). Called on the job's worker
    // thread; blocks that thread until the keychain answered.
    std::function<Result<QString>(const QString& keychainKey)> readSecret;
    // The currency of amounts that do not name one (the profile's base currency).
    std::function<Currency(qint64 userId)> defaultCurrency;
    MailArchive archive {QString()};
    int firstSyncDays = 90; // how far back the first fetch of an account looks
    int fetchBatch = 100; // messages per UID FETCH (IMAP) or per batch of gets (Gmail, Graph), per database transaction
    int imapTimeoutMs = 30'000;
    // OAuth accounts (Gmail, Outlook): a valid access token for `account`, refreshed first when it is about to
    // expire or when `forceRefresh` (the API refused the previous token with 401). Called on the job's worker
    // thread. An Error with Code::InvalidInput means the provider refused the grant (invalid_grant, revoked): the
    // user must sign in again (permanent failure, payload signIn=true). Any other Error is transient (network,
    // 5xx): retry later. Empty: Gmail and Outlook accounts cannot be fetched (a permanent failure).
    std::function<Result<QString>(const ConnectedAccount& account, bool forceRefresh)> accessToken;
    QUrl gmailApiUrl {QStringLiteral("https://gmail.googleapis.com")};
    QUrl graphApiUrl {QStringLiteral("https://graph.microsoft.com/v1.0")};
    // Gmail search that picks the receipt-like messages (Settings).
    QString gmailQuery = QStringLiteral("category:purchases OR subject:(receipt OR invoice OR order OR payment)");
    // When set, asked at every Gmail fetch (the user may change the search in Mail Accounts while the app runs);
    // an empty answer means gmailQuery.
    std::function<QString()> gmailQuerySource;
    int httpTimeoutMs = 30'000; // Gmail and Graph: to connect, and the longest silence while answering
    // Called on the worker thread after each fetched batch was stored (messages stored so far in this run).
    std::function<void(qint64 stored)> batchStored;

    // The Settings key of the user's Gmail search (empty or missing: gmailQuery's default).
    static constexpr QLatin1String GmailQueryKey {"mail/gmail/query"};

    // The services of an open profile: its repositories, receipts and base currency, the mail archive beside its
    // database, secrets from `secrets` (which must live on the thread that runs the event loop).
    static MailServices forSession(Session& session, SecretStore& secrets);
};

// Registers the EMAIL_FETCH, EMAIL_EXTRACTION and EMAIL_REPROCESS handlers. `services` must outlive the runner.
void registerMailJobs(JobRunner& runner, const MailServices& services);

} // namespace Moniagent
