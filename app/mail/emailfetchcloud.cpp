// EmailFetchJob for the providers with a REST API: Gmail and Microsoft Graph (Outlook, Microsoft 365).
#include "core/clock.h"
#include "db/connectedaccountrepository.h"
#include "db/emailrepository.h"
#include "emailfetchjob.h"
#include "gmailmailbox.h"
#include "graphmailbox.h"
#include "maillogging.h"

#include <QJsonObject>

namespace Moniagent {

namespace {

// How a failed API call ends the run.
JobOutcome outcomeFor(const MailApiSession& session, const Error& error)
{
    const QJsonObject details {{QStringLiteral("detail"), error.detail}};
    switch (session.failure()) {
    case MailApiSession::Failure::Cancelled:
        return JobOutcome::cancelled();
    case MailApiSession::Failure::SignIn: {
        QJsonObject signIn = details;
        signIn.insert(QStringLiteral("signIn"), true);
        return JobOutcome::permanent(error.message, signIn);
    }
    case MailApiSession::Failure::Refused:
    case MailApiSession::Failure::TooLarge:
        return JobOutcome::permanent(error.message, details);
    case MailApiSession::Failure::None: // an unreadable answer: the server's trouble, probably passing
    case MailApiSession::Failure::Transient:
    case MailApiSession::Failure::Gone:
    case MailApiSession::Failure::NotFound:
        break;
    }
    return JobOutcome::transient(error.message, session.retryAfterSeconds(), details);
}

} // namespace

JobOutcome EmailFetchJob::fetchGmail(JobContext& context, const ConnectedAccount& account)
{
    const qint64 userId = account.userId;
    markSyncing(account);
    if (!m_services.accessToken)
        return finishWith(context, account,
                          JobOutcome::permanent(tr("Signing in to %1 is not available in this version.")
                                                    .arg(ConnectedAccountEnums::displayName(account.provider))));
    MailApiSession session(
        account, m_services.accessToken, [&context] { return context.isCancelled(); }, m_services.httpTimeoutMs);
    GmailMailbox mailbox(session, m_services.gmailApiUrl);
    context.reportProgress(0, 0, tr("Connecting to Gmail…"));

    // The history id before listing: whatever arrives later is in the next sync's window.
    auto profile = mailbox.profile();
    if (!profile)
        return finishWith(context, account, outcomeFor(session, profile.error()));
    MailSyncState state = account.sync;
    state.status = MailSyncStatus::Syncing;
    state.historyId = profile->historyId;

    // The window: since the last successful sync with a day of overlap (Gmail's dates are coarse and mail can
    // arrive late), or firstSyncDays. lastSyncAt moves only on success, so an interrupted run lists the same again.
    const QDateTime after = account.sync.lastSyncAt.isValid()
        ? account.sync.lastSyncAt.addDays(-1)
        : context.clock().nowUtc().addDays(-m_services.firstSyncDays);
    const QString chosen = m_services.gmailQuerySource ? m_services.gmailQuerySource().trimmed() : QString();
    const QString query = GmailMailbox::query(chosen.isEmpty() ? m_services.gmailQuery : chosen, after);
    auto stored = m_services.emails->providerMessageIds(userId, account.id);
    if (!stored)
        return finishWith(context, account, JobOutcome::transient(stored.error().message));

    QStringList ids;
    QSet<QString> listed;
    qint64 known = 0;
    QString pageToken;
    do {
        if (context.isCancelled())
            return finishWith(context, account, JobOutcome::cancelled());
        auto page = mailbox.list(query, pageToken, 100);
        if (!page)
            return finishWith(context, account, outcomeFor(session, page.error()));
        for (const QString& id : std::as_const(page->ids)) {
            if (stored->contains(id))
                ++known;
            else if (!listed.contains(id)) {
                listed.insert(id);
                ids.append(id);
            }
        }
        context.reportProgress(0, 0, tr("Found %1 new messages…").arg(ids.size()));
        pageToken = page->nextPageToken;
    } while (!pageToken.isEmpty());

    qint64 fetched = 0;
    qint64 skipped = 0;
    BatchCounts counts;
    const qint64 total = ids.size();
    const int batchSize = qMax(1, m_services.fetchBatch);
    for (qsizetype start = 0; start < ids.size(); start += batchSize) {
        QList<FetchedMessage> messages;
        for (const QString& id : ids.mid(start, batchSize)) {
            if (context.isCancelled())
                return finishWith(context, account, JobOutcome::cancelled());
            auto message = mailbox.message(id);
            if (!message) {
                if (session.failure() == MailApiSession::Failure::NotFound) {
                    ++skipped; // deleted since it was listed
                    continue;
                }
                if (session.failure() == MailApiSession::Failure::TooLarge) {
                    qCWarning(lcMail) << "Gmail message" << id << "of account" << account.id
                                      << "is too large to fetch; passed over";
                    ++skipped;
                    continue;
                }
                return finishWith(context, account, outcomeFor(session, message.error()));
            }
            if (!message->readable)
                qCInfo(lcMail) << "Gmail message" << id << "has no readable raw content; stored as unreadable";
            messages.append({id, std::move(message->raw), message->readable, message->internalDate});
        }
        if (auto failed = storeBatch(account, messages, state, nullptr, counts))
            return finishWith(context, account, *failed);
        fetched += messages.size();
        if (m_services.batchStored)
            m_services.batchStored(fetched);
        const qint64 done = qMin<qint64>(start + batchSize, total);
        context.reportProgress(done, total, tr("Fetched %1 of %2 messages").arg(done).arg(total));
    }
    if (ids.isEmpty()) {
        if (auto saved = m_services.accounts->setSyncState(userId, account.id, state); !saved)
            return finishWith(context, account, JobOutcome::transient(saved.error().message));
    }
    return finishWith(context, account,
                      JobOutcome::success({{QStringLiteral("fetched"), fetched},
                                           {QStringLiteral("new"), counts.added},
                                           {QStringLiteral("duplicates"), counts.duplicates},
                                           {QStringLiteral("known"), known},
                                           {QStringLiteral("skipped"), skipped}}));
}

JobOutcome EmailFetchJob::fetchGraph(JobContext& context, const ConnectedAccount& account)
{
    const qint64 userId = account.userId;
    markSyncing(account);
    if (!m_services.accessToken)
        return finishWith(context, account,
                          JobOutcome::permanent(tr("Signing in to %1 is not available in this version.")
                                                    .arg(ConnectedAccountEnums::displayName(account.provider))));
    MailApiSession session(
        account, m_services.accessToken, [&context] { return context.isCancelled(); }, m_services.httpTimeoutMs);
    GraphMailbox mailbox(session, m_services.graphApiUrl);
    context.reportProgress(0, 0, tr("Connecting to Outlook…"));

    const QUrl window = mailbox.initialDeltaUrl(context.clock().nowUtc().addDays(-m_services.firstSyncDays));
    QUrl link(account.sync.deltaLink, QUrl::StrictMode);
    if (link.isEmpty() || !mailbox.isApiUrl(link)) {
        if (!link.isEmpty())
            qCInfo(lcMail) << "The stored delta link of account" << account.id << "is not of" << m_services.graphApiUrl
                           << "; starting again from the date window";
        link = window;
    }
    auto stored = m_services.emails->providerMessageIds(userId, account.id);
    if (!stored)
        return finishWith(context, account, JobOutcome::transient(stored.error().message));
    QSet<QString> known = *stored;

    MailSyncState state = account.sync;
    state.status = MailSyncStatus::Syncing;
    bool restarted = false;
    qint64 fetched = 0;
    qint64 skipped = 0;
    BatchCounts counts;
    const int batchSize = qMax(1, m_services.fetchBatch);
    for (;;) {
        if (context.isCancelled())
            return finishWith(context, account, JobOutcome::cancelled());
        auto page = mailbox.page(link);
        if (!page) {
            if (session.failure() == MailApiSession::Failure::Gone && !restarted && link != window) {
                // The sync state expired (410 Gone, syncStateNotFound): again from the window; ids already
                // stored are passed over.
                qCInfo(lcMail) << "Graph sync state of account" << account.id << "expired; resyncing";
                restarted = true;
                link = window;
                continue;
            }
            return finishWith(context, account, outcomeFor(session, page.error()));
        }
        QList<GraphMailbox::Change> added;
        for (const GraphMailbox::Change& change : std::as_const(page->changes)) {
            if (change.removed || known.contains(change.id))
                continue;
            known.insert(change.id);
            added.append(change);
        }
        const QUrl next = page->nextLink.isEmpty() ? page->deltaLink : page->nextLink;
        if (added.isEmpty()) {
            state.deltaLink = next.toString(QUrl::FullyEncoded);
            if (auto saved = m_services.accounts->setSyncState(userId, account.id, state); !saved)
                return finishWith(context, account, JobOutcome::transient(saved.error().message));
        }
        for (qsizetype start = 0; start < added.size(); start += batchSize) {
            QList<FetchedMessage> messages;
            for (const GraphMailbox::Change& change : added.mid(start, batchSize)) {
                if (context.isCancelled())
                    return finishWith(context, account, JobOutcome::cancelled());
                auto raw = mailbox.mimeContent(change.id);
                if (!raw) {
                    if (session.failure() == MailApiSession::Failure::NotFound
                        || session.failure() == MailApiSession::Failure::TooLarge) {
                        qCInfo(lcMail) << "Graph message" << change.id << "of account" << account.id
                                       << "passed over:" << raw.error().toString();
                        ++skipped;
                        continue;
                    }
                    return finishWith(context, account, outcomeFor(session, raw.error()));
                }
                messages.append({change.id, std::move(*raw), true, change.receivedAt});
            }
            // Until the page is stored completely, a new run starts again from this page (its stored messages
            // are passed over by id); after its last batch, from the next page or the delta link.
            const bool lastOfPage = start + batchSize >= added.size();
            state.deltaLink = (lastOfPage ? next : link).toString(QUrl::FullyEncoded);
            if (auto failed = storeBatch(account, messages, state, nullptr, counts))
                return finishWith(context, account, *failed);
            fetched += messages.size();
            if (m_services.batchStored)
                m_services.batchStored(fetched);
            context.reportProgress(0, 0, tr("Fetched %1 messages").arg(fetched));
        }
        if (page->nextLink.isEmpty())
            break;
        link = page->nextLink;
    }
    return finishWith(context, account,
                      JobOutcome::success({{QStringLiteral("fetched"), fetched},
                                           {QStringLiteral("new"), counts.added},
                                           {QStringLiteral("duplicates"), counts.duplicates},
                                           {QStringLiteral("skipped"), skipped},
                                           {QStringLiteral("resynced"), restarted}}));
}

} // namespace Moniagent
