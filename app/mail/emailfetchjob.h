#pragma once

#include "jobs/jobhandler.h"
#include "mailservices.h"

#include <QCoreApplication>

namespace Moniagent {

struct ConnectedAccount;
struct ParsedEmail;
struct Email;

// EMAIL_FETCH {"accountId": N}: fetches the new messages of one connected account and stores each once
// (emails, with the original in the MailArchive), then queues EMAIL_EXTRACTION. IMAP: EXAMINE INBOX, UID SEARCH
// after the last UID (the first time: SINCE firstSyncDays ago), UID FETCH BODY.PEEK[] in batches; every batch is
// stored together with the new last UID in one database transaction, so an interrupted fetch resumes without
// duplicates or gaps. A new UIDVALIDITY starts again from the date window and recognises messages it already has
// by their checksum.
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
    JobOutcome fetchImap(JobContext& context, const ConnectedAccount& account);
    // Records how the fetch ended on the account (status, error, time) and returns `outcome`.
    JobOutcome finishWith(JobContext& context, const ConnectedAccount& account, const JobOutcome& outcome);

    const MailServices& m_services;
};

} // namespace Moniagent
