#pragma once

#include "jobs/jobhandler.h"
#include "mailservices.h"

#include <QCoreApplication>

namespace Moniagent {

struct Email;
struct EmailReading;
struct ParsedEmail;
struct Transaction;

// EMAIL_EXTRACTION {"accountId": N}: reads every PENDING email of the profile with the EmailExtractor (the account
// only tells which fetch queued the job; whatever else is pending is read too). Each email gets an email_extractions
// row (SUCCESS / FAILED / SKIPPED, version, what was found) and its status; a success also makes an unconfirmed
// transaction (source gmail/outlook/imap, external_id = the provider's message id, linked to the email) that waits in
// the review queue. Receipt attachments (PDF, images) become pending invoices in Receipts. All of one email is written
// together. EMAIL_REPROCESS {}: the same after putting the emails read by an older extractor back to PENDING; an
// unconfirmed transaction from the earlier reading is updated, a confirmed one is left as the user made it.
class EmailExtractionJob : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(EmailExtractionJob)
public:
    EmailExtractionJob(const MailServices& services, bool reprocess);
    JobOutcome run(JobContext& context) override;

    // The transaction a successful reading describes (not yet stored).
    static Transaction transactionFor(const Email& email, const EmailReading& reading);

private:
    struct Counts
    {
        qint64 success = 0;
        qint64 skipped = 0;
        qint64 failed = 0;
        qint64 transactions = 0;
        qint64 invoices = 0;
    };
    Result<void> extractOne(qint64 userId, const Email& email, Counts& counts);
    void keepAttachments(qint64 userId, const ParsedEmail& parsed, Counts& counts);

    const MailServices& m_services;
    bool m_reprocess = false;
};

} // namespace Moniagent
