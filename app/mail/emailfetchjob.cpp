#include "emailfetchjob.h"

#include "core/clock.h"
#include "core/email.h"
#include "db/connectedaccountrepository.h"
#include "db/database.h"
#include "db/emailrepository.h"
#include "db/sqltransaction.h"
#include "imapconnection.h"
#include "imapmailbox.h"
#include "maillogging.h"
#include "mimeparser.h"
#include "parsedemail.h"

#include <QJsonObject>

namespace Moniagent {

namespace {

JobOutcome outcomeFor(ImapConnection::Failure failure, const Error& error)
{
    switch (failure) {
    case ImapConnection::Failure::Network:
        return JobOutcome::transient(error.message, std::nullopt, {{QStringLiteral("detail"), error.detail}});
    case ImapConnection::Failure::Cancelled:
        return JobOutcome::cancelled();
    default:
        return JobOutcome::permanent(error.message, {{QStringLiteral("detail"), error.detail}});
    }
}

} // namespace

EmailFetchJob::EmailFetchJob(const MailServices& services)
    : m_services(services)
{ }

Email EmailFetchJob::toEmail(const ConnectedAccount& account, const QString& providerMessageId, const QByteArray& raw,
                             const ParsedEmail& parsed)
{
    Email email;
    email.userId = account.userId;
    email.accountId = account.id;
    email.provider = account.provider;
    email.providerMessageId = providerMessageId;
    email.threadId = parsed.messageId;
    email.subject = parsed.subject;
    email.sender = parsed.fromName.isEmpty() ? parsed.fromAddress
                                             : QStringLiteral("%1 <%2>").arg(parsed.fromName, parsed.fromAddress);
    email.bodyText = parsed.textBody;
    email.bodyHtml = parsed.htmlBody;
    email.receivedAt = parsed.date;
    email.checksum = MailArchive::checksum(raw);
    return email;
}

JobOutcome EmailFetchJob::run(JobContext& context)
{
    const qint64 userId = context.userId();
    const qint64 accountId = context.job().input.value(QStringLiteral("accountId")).toInteger();
    auto account = m_services.accounts->find(userId, accountId);
    if (!account)
        return JobOutcome::permanent(tr("The mail account is no longer connected."));
    if (!account->isActive || account->isRevoked())
        return JobOutcome::permanent(
            tr("%1 needs you to sign in again. Open Accounts to reconnect it.").arg(account->email));
    switch (account->provider) {
    case MailProvider::Imap:
    case MailProvider::Other:
        return fetchImap(context, *account);
    case MailProvider::Gmail:
        return fetchGmail(context, *account);
    case MailProvider::Outlook:
        return fetchGraph(context, *account);
    }
    return JobOutcome::permanent(tr("Fetching from %1 is not available in this version.")
                                     .arg(ConnectedAccountEnums::displayName(account->provider)));
}

void EmailFetchJob::markSyncing(const ConnectedAccount& account)
{
    MailSyncState syncing = account.sync;
    syncing.status = MailSyncStatus::Syncing;
    (void)m_services.accounts->setSyncState(account.userId, account.id, syncing);
}

std::optional<JobOutcome> EmailFetchJob::storeBatch(const ConnectedAccount& account,
                                                    const QList<FetchedMessage>& messages, const MailSyncState& state,
                                                    QSet<QString>* knownChecksums, BatchCounts& counts)
{
    const qint64 userId = account.userId;
    SqlTransaction transaction(m_services.database->connection());
    if (!transaction.isActive())
        return JobOutcome::transient(transaction.error().message);
    BatchCounts batch;
    for (const FetchedMessage& message : messages) {
        const QString sum = MailArchive::checksum(message.raw);
        if (knownChecksums && knownChecksums->contains(sum)) {
            ++batch.duplicates;
            continue;
        }
        auto stored = m_services.archive.store(userId, message.raw);
        if (!stored)
            return JobOutcome::permanent(stored.error().message);
        // A message that cannot be parsed is still kept (nothing is lost); extraction reports it.
        const auto parsed
            = message.readable ? MimeParser::parse(message.raw) : Result<ParsedEmail>(Error::invalidInput(QString()));
        Email email = toEmail(account, message.providerMessageId, message.raw, parsed ? *parsed : ParsedEmail {});
        if (!parsed && email.subject.isEmpty())
            email.subject = tr("(unreadable message)");
        if (!email.receivedAt.isValid())
            email.receivedAt = message.receivedAt;
        auto row = m_services.emails->add(userId, email);
        if (!row)
            return JobOutcome::transient(row.error().message);
        if (knownChecksums)
            knownChecksums->insert(sum);
        if (row->inserted)
            ++batch.added;
        else
            ++batch.duplicates;
    }
    if (auto saved = m_services.accounts->setSyncState(userId, account.id, state); !saved)
        return JobOutcome::transient(saved.error().message);
    if (auto committed = transaction.commit(); !committed)
        return JobOutcome::transient(committed.error().message);
    counts.added += batch.added;
    counts.duplicates += batch.duplicates;
    m_added += batch.added;
    return std::nullopt;
}

JobOutcome EmailFetchJob::finishWith(JobContext& context, const ConnectedAccount& account, const JobOutcome& outcome)
{
    if (m_added > 0) {
        (void)context.enqueue(JobTypes::EmailExtraction, {{QStringLiteral("accountId"), account.id}});
        m_added = 0;
    }
    // Read again: the fetch moved the last UID on.
    auto current = m_services.accounts->find(account.userId, account.id);
    if (!current)
        return outcome;
    MailSyncState state = current->sync;
    switch (outcome.kind) {
    case JobOutcome::Kind::Success:
        state.status = MailSyncStatus::Connected;
        state.lastError.clear();
        state.lastSyncAt = context.clock().nowUtc();
        break;
    case JobOutcome::Kind::Cancelled:
        state.status = MailSyncStatus::Connected;
        break;
    case JobOutcome::Kind::TransientFailure:
    case JobOutcome::Kind::PermanentFailure:
        state.status = outcome.payload.value(QStringLiteral("signIn")).toBool() ? MailSyncStatus::NeedsSignIn
                                                                                : MailSyncStatus::Error;
        state.lastError = outcome.message;
        break;
    }
    if (auto saved = m_services.accounts->setSyncState(account.userId, account.id, state); !saved)
        qCWarning(lcMail) << "The sync state of account" << account.id << "was not saved:" << saved.error().toString();
    return outcome;
}

JobOutcome EmailFetchJob::fetchImap(JobContext& context, const ConnectedAccount& account)
{
    const qint64 userId = account.userId;
    markSyncing(account);
    context.reportProgress(0, 0, tr("Connecting to %1…").arg(account.server.host));
    auto secret = m_services.readSecret ? m_services.readSecret(account.keychainKey)
                                        : Result<QString>(Error::notFound(QString()));
    if (!secret || secret->isEmpty()) {
        JobOutcome outcome = JobOutcome::permanent(
            tr("The password for %1 is not in the keychain. Open Accounts and enter it again.").arg(account.email),
            {{QStringLiteral("signIn"), true}});
        return finishWith(context, account, outcome);
    }

    ImapEndpoint endpoint;
    endpoint.host = account.server.host;
    endpoint.security = account.server.security.value_or(MailServerSecurity::Tls);
    endpoint.port = account.server.port.value_or(endpoint.security == MailServerSecurity::Tls ? 993 : 143);
    endpoint.username = account.server.username.isEmpty() ? account.email : account.server.username;
    endpoint.secret = *secret;
    endpoint.xoauth2 = account.authMethod == MailAuthMethod::XOAuth2;
    endpoint.pinnedPublicKeySha256 = account.server.acceptedCertificateSha256;
    endpoint.timeoutMs = m_services.imapTimeoutMs;

    ImapConnection connection;
    connection.setCancelCheck([&context] { return context.isCancelled(); });
    if (auto opened = connection.open(endpoint); !opened) {
        JobOutcome outcome = outcomeFor(connection.failure(), opened.error());
        if (connection.failure() == ImapConnection::Failure::Authentication)
            outcome.payload.insert(QStringLiteral("signIn"), true);
        return finishWith(context, account, outcome);
    }
    ImapMailbox mailbox(connection);
    auto status = mailbox.examine();
    if (!status)
        return finishWith(context, account, outcomeFor(connection.failure(), status.error()));

    const bool renumbered = account.sync.uidValidity && *account.sync.uidValidity != status->uidValidity;
    const std::optional<qint64> afterUid
        = (account.sync.uidValidity && !renumbered) ? account.sync.lastUid : std::optional<qint64>();
    const QDate since = afterUid ? QDate() : context.clock().today().addDays(-m_services.firstSyncDays);
    auto uids = mailbox.searchUids(afterUid, since);
    if (!uids)
        return finishWith(context, account, outcomeFor(connection.failure(), uids.error()));
    QSet<QString> known;
    if (renumbered) {
        qCInfo(lcMail) << "UIDVALIDITY of account" << account.id << "changed; matching messages by checksum";
        if (auto sums = m_services.emails->checksums(userId, account.id))
            known = *sums;
    }

    qint64 fetched = 0;
    BatchCounts counts;
    const qint64 total = uids->size();
    const int batchSize = qMax(1, m_services.fetchBatch);
    for (qsizetype start = 0; start < uids->size(); start += batchSize) {
        if (context.isCancelled())
            return finishWith(context, account, JobOutcome::cancelled());
        const QList<qint64> batch = uids->mid(start, batchSize);
        QList<FetchedMessage> messages;
        qint64 lastUid = afterUid.value_or(0);
        auto done = mailbox.fetch(batch, [&](ImapMailbox::Message&& message) {
            lastUid = qMax(lastUid, message.uid);
            const QString id = QStringLiteral("%1:%2").arg(status->uidValidity).arg(message.uid);
            messages.append({id, std::move(message.raw), true, {}});
        });
        if (!done)
            return finishWith(context, account, outcomeFor(connection.failure(), done.error()));

        // The batch and the new position in one transaction: all of it is stored, or none and it is fetched again.
        // Messages the server listed but did not send (deleted meanwhile) are passed over, not waited for.
        MailSyncState state = account.sync;
        state.status = MailSyncStatus::Syncing;
        state.uidValidity = status->uidValidity;
        state.lastUid = qMax(lastUid, batch.last());
        if (auto failed = storeBatch(account, messages, state, &known, counts))
            return finishWith(context, account, *failed);
        fetched += messages.size();
        if (m_services.batchStored)
            m_services.batchStored(fetched);
        context.reportProgress(start + batch.size(), total,
                               tr("Fetched %1 of %2 messages").arg(start + batch.size()).arg(total));
    }
    if (uids->isEmpty()) {
        // Nothing new, but remember the mailbox's numbering for the next time.
        MailSyncState state = account.sync;
        state.uidValidity = status->uidValidity;
        if (!afterUid)
            state.lastUid = qMax<qint64>(0, status->uidNext - 1);
        (void)m_services.accounts->setSyncState(userId, account.id, state);
    }
    return finishWith(context, account,
                      JobOutcome::success({{QStringLiteral("fetched"), fetched},
                                           {QStringLiteral("new"), counts.added},
                                           {QStringLiteral("duplicates"), counts.duplicates}}));
}

} // namespace Moniagent
