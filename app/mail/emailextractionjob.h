#pragma once

#include "ai/llmstructuredcall.h"
#include "jobs/jobhandler.h"
#include "mailservices.h"

#include <QCoreApplication>

#include <optional>

namespace Moniagent {

struct Email;
struct EmailReading;
struct ParsedEmail;
struct Transaction;

// EMAIL_EXTRACTION {"accountId": N}: reads every PENDING email of the profile with the EmailExtractor (the account
// only tells which fetch queued the job; whatever else is pending is read too). Each email gets an email_extractions
// row (SUCCESS / FAILED / SKIPPED, version, what was found) and its status; a success also makes an unconfirmed
// transaction (source gmail/outlook/imap, external_id = the provider's message id, linked to the email) that waits in
// the review queue. Receipt attachments (PDF, images) become invoices in Receipts, read at once (OCR, like a dropped
// receipt) and waiting for review — or failed with the reason when unreadable, the file kept. All of one email is
// written together. EMAIL_REPROCESS {}: the same after putting the emails read by an older extractor back to PENDING;
// an unconfirmed transaction from the earlier reading is updated, a confirmed one is left as the user made it.
//
// With `llm` and the profile's features.email switched on (and a model configured), emails the offline reading
// could not settle are also read by the language model (EmailLlmReader); its reading is stored with model_used and
// prompt_hash, and the call is accounted with this job's id. When the model fails (network, cap reached, an answer
// that is not valid after the repair attempt) the offline reading is kept and the email is never lost; after a
// failure that would repeat (network, cap, refused key) the rest of the run stays offline.
class EmailExtractionJob : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(EmailExtractionJob)
public:
    EmailExtractionJob(const MailServices& services, bool reprocess, const LlmStageEnvironment* llm = nullptr);
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
        qint64 invoicesRead = 0; // of those, read with fields to review
    };
    Result<void> extractOne(qint64 userId, const Email& email, Counts& counts, JobContext& context);
    void keepAttachments(qint64 userId, const ParsedEmail& parsed, Counts& counts, JobContext& context);
    // The model call for this run, made when first needed; null when the stage is off or stopped.
    const LlmStructuredCall* llmCall(JobContext& context);

    const MailServices& m_services;
    bool m_reprocess = false;
    const LlmStageEnvironment* m_llm = nullptr;
    std::optional<LlmStructuredCall> m_call;
    bool m_llmResolved = false;
    bool m_llmStopped = false;
};

// Registers EMAIL_EXTRACTION and EMAIL_REPROCESS with the language-model stage `llm` (replacing the handlers that
// registerMailJobs() made). `services` and `llm` must outlive the runner.
void registerEmailExtractionJobs(JobRunner& runner, const MailServices& services, const LlmStageEnvironment* llm);

} // namespace Moniagent
