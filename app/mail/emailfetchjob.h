#pragma once

#include "jobs/jobhandler.h"
#include "mailservices.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

#include <optional>

namespace Moniagent {

struct ConnectedAccount;
struct MailSyncState;
struct ParsedEmail;
struct Email;

// EMAIL_FETCH {"accountId": N}: fetches the new messages of one connected account and stores each once
// (emails, with the original in the MailArchive), then queues EMAIL_EXTRACTION. IMAP: EXAMINE INBOX, UID SEARCH
// after the last UID (the first time: SINCE firstSyncDays ago), UID FETCH BODY.PEEK[] in batches; every batch is
// stored together with the new last UID in one database transaction, so an interrupted fetch resumes without
// duplicates or gaps. A new UIDVALIDITY starts again from the date window and recognises messages it already has
// by their checksum. Gmail (emailfetchcloud.cpp): messages.list with the receipt query after a date window (the
// last successful sync minus a day of overlap), messages.get in raw format for the ids not stored yet. Microsoft
// Graph: the inbox delta query (window on the first sync), following nextLink and keeping the link reached with
// each stored batch, ending with the deltaLink the next sync starts from; each new message's MIME source.
class EmailFetchJob : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(EmailFetchJob)
public:
    explicit EmailFetchJob(const MailServices& services);
    JobOutcome run(JobContext& context) override;

    // The row for a fetched message: headers and bodies from `parsed`, the checksum of `raw`.
    static Email toEmail(const ConnectedAccount& account, const QString& providerMessageId, const QByteArray& raw,
                         const ParsedEmail& parsed);

private:
    // A message fetched and ready to store.
    struct FetchedMessage
    {
        QString providerMessageId;
        QByteArray raw;
        bool readable = true; // false: stored as it came, as an unreadable message
        QDateTime receivedAt; // when the message itself has no readable date
    };
    struct BatchCounts
    {
        qint64 added = 0;
        qint64 duplicates = 0; // already stored (same id, or same checksum when `knownChecksums` is given)
    };

    JobOutcome fetchImap(JobContext& context, const ConnectedAccount& account);
    JobOutcome fetchGmail(JobContext& context, const ConnectedAccount& account);
    JobOutcome fetchGraph(JobContext& context, const ConnectedAccount& account);
    // Stores the originals in the archive and the rows in `emails` together with `state` in one database
    // transaction: all of it, or nothing (and the batch is fetched again). Messages whose checksum is in
    // `knownChecksums` (when given; updated) are passed over. Returns the outcome to end the run with on failure.
    std::optional<JobOutcome> storeBatch(const ConnectedAccount& account, const QList<FetchedMessage>& messages,
                                         const MailSyncState& state, QSet<QString>* knownChecksums,
                                         BatchCounts& counts);
    void markSyncing(const ConnectedAccount& account);
    // Records how the fetch ended on the account (status, error, time), queues EMAIL_EXTRACTION when new messages
    // were stored (also when the run failed after storing some) and returns `outcome`.
    JobOutcome finishWith(JobContext& context, const ConnectedAccount& account, const JobOutcome& outcome);

    const MailServices& m_services;
    qint64 m_added = 0; // new messages stored in this run, not yet handed to EMAIL_EXTRACTION
};

} // namespace Moniagent
