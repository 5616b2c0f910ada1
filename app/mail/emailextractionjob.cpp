#include "emailextractionjob.h"

#include "core/clock.h"
#include "core/email.h"
#include "core/emailextraction.h"
#include "core/transaction.h"
#include "db/database.h"
#include "db/emailextractionrepository.h"
#include "db/emailrepository.h"
#include "db/sqltransaction.h"
#include "db/transactionrepository.h"
#include "emailextraction.h"
#include "emailextractor.h"
#include "emailllmreader.h"
#include "jobs/jobrunner.h"
#include "maillogging.h"
#include "mimeparser.h"
#include "receipts/receiptreader.h"
#include "receipts/receiptservice.h"

#include <QFileInfo>
#include <QTemporaryDir>

namespace Moniagent {

namespace {

TransactionSource sourceFor(MailProvider provider)
{
    switch (provider) {
    case MailProvider::Gmail:
        return TransactionSource::Gmail;
    case MailProvider::Outlook:
        return TransactionSource::Outlook;
    case MailProvider::Imap:
    case MailProvider::Other:
        break;
    }
    return TransactionSource::Imap;
}

ExtractionOutcome outcomeOf(EmailReading::Status status)
{
    switch (status) {
    case EmailReading::Status::Success:
        return ExtractionOutcome::Success;
    case EmailReading::Status::Skipped:
        return ExtractionOutcome::Skipped;
    case EmailReading::Status::Failed:
        break;
    }
    return ExtractionOutcome::Failed;
}

EmailExtractionStatus emailStatusOf(EmailReading::Status status)
{
    switch (status) {
    case EmailReading::Status::Success:
        return EmailExtractionStatus::Completed;
    case EmailReading::Status::Skipped:
        return EmailExtractionStatus::Skipped;
    case EmailReading::Status::Failed:
        break;
    }
    return EmailExtractionStatus::Failed;
}

bool isReceiptFile(const EmailAttachment& attachment)
{
    if (attachment.isInline || attachment.data.isEmpty())
        return false; // logos and signatures
    return attachment.mimeType == u"application/pdf" || attachment.mimeType.startsWith(u"image/");
}

} // namespace

EmailExtractionJob::EmailExtractionJob(const MailServices& services, bool reprocess, const LlmStageEnvironment* llm)
    : m_services(services)
    , m_reprocess(reprocess)
    , m_llm(llm)
{ }

void registerEmailExtractionJobs(JobRunner& runner, const MailServices& services, const LlmStageEnvironment* llm)
{
    const MailServices* shared = &services;
    runner.registerHandler(JobTypes::EmailExtraction,
                           [shared, llm] { return std::make_unique<EmailExtractionJob>(*shared, false, llm); });
    runner.registerHandler(JobTypes::EmailReprocess,
                           [shared, llm] { return std::make_unique<EmailExtractionJob>(*shared, true, llm); });
}

const LlmStructuredCall* EmailExtractionJob::llmCall(JobContext& context)
{
    if (!m_llm || m_llmStopped)
        return nullptr;
    if (!m_llmResolved) {
        m_llmResolved = true;
        auto call = LlmStructuredCall::forFeature(*m_llm, context.userId(), LlmFeature::Email);
        if (!call) {
            qCWarning(lcMail) << "Emails are read offline; the language model is unavailable:"
                              << call.error().toString();
            m_llmStopped = true;
            return nullptr;
        }
        m_call = std::move(*call);
        if (m_call)
            m_call->setCancelCheck([&context] { return context.isCancelled(); });
    }
    return m_call ? &*m_call : nullptr;
}

Transaction EmailExtractionJob::transactionFor(const Email& email, const EmailReading& reading)
{
    Transaction t;
    t.userId = email.userId;
    t.emailId = email.id;
    t.type = reading.type;
    t.amount = *reading.amount;
    t.occurredOn = reading.date.isValid() ? reading.date
        : email.receivedAt.isValid()      ? email.receivedAt.toLocalTime().date()
                                          : email.fetchedAt.toLocalTime().date();
    t.merchant = reading.merchant.left(200);
    t.description = email.subject.left(500);
    t.source = sourceFor(email.provider);
    t.externalId = email.providerMessageId;
    t.confirmedByUser = false;
    QJsonObject metadata {{QStringLiteral("sender"), email.sender},
                          {QStringLiteral("subject"), email.subject},
                          {QStringLiteral("method"), reading.method}};
    if (!reading.orderNumber.isEmpty())
        metadata.insert(QStringLiteral("orderNumber"), reading.orderNumber);
    t.sourceMetadata = metadata;
    return t;
}

JobOutcome EmailExtractionJob::run(JobContext& context)
{
    const qint64 userId = context.userId();
    if (m_reprocess) {
        auto marked = m_services.emails->markForReprocessing(userId, EmailExtractor::version());
        if (!marked)
            return JobOutcome::transient(marked.error().message);
    }
    Counts counts;
    QSet<qint64> seen; // an email that stays PENDING (a failed write) is not tried twice in one run
    for (;;) {
        auto pending = m_services.emails->pending(userId, 200);
        if (!pending)
            return JobOutcome::transient(pending.error().message);
        QList<Email> todo;
        for (const Email& email : std::as_const(*pending)) {
            if (!seen.contains(email.id))
                todo.append(email);
        }
        if (todo.isEmpty())
            break;
        for (const Email& email : std::as_const(todo)) {
            if (context.isCancelled())
                return JobOutcome::cancelled();
            seen.insert(email.id);
            if (auto done = extractOne(userId, email, counts, context); !done)
                return JobOutcome::transient(done.error().message);
            const qint64 done = counts.success + counts.skipped + counts.failed;
            if (done % 20 == 0)
                context.reportProgress(done, 0, tr("Read %n email(s)", nullptr, int(done)));
        }
    }
    return JobOutcome::success({{QStringLiteral("success"), counts.success},
                                {QStringLiteral("skipped"), counts.skipped},
                                {QStringLiteral("failed"), counts.failed},
                                {QStringLiteral("transactions"), counts.transactions},
                                {QStringLiteral("invoices"), counts.invoices},
                                {QStringLiteral("invoicesRead"), counts.invoicesRead}});
}

Result<void> EmailExtractionJob::extractOne(qint64 userId, const Email& email, Counts& counts, JobContext& context)
{
    const Currency fallback = m_services.defaultCurrency ? m_services.defaultCurrency(userId) : Currency();
    EmailReading reading;
    std::optional<ParsedEmail> parsed;
    auto raw = m_services.archive.load(userId, email.checksum);
    if (raw) {
        auto read = MimeParser::parse(*raw);
        if (read)
            parsed = *read;
        else {
            reading.status = EmailReading::Status::Failed;
            reading.reason = read.error().message;
        }
    } else {
        // The original is gone (deleted by hand): read what the database kept.
        ParsedEmail kept = MimeParser::fromHtml(email.bodyHtml);
        kept.textBody = email.bodyText;
        kept.subject = email.subject;
        kept.fromAddress = email.sender.section(u'<', 1).section(u'>', 0, 0).toLower();
        kept.fromName = email.sender.section(u'<', 0, 0).trimmed();
        kept.date = email.receivedAt;
        parsed = kept;
    }
    if (parsed)
        reading = EmailExtractor().extract(*parsed, fallback);

    QString modelUsed = reading.method; // "schema.org" or "heuristic" (offline), or the model's name
    QString promptHash;
    QString llmError;
    if (parsed && EmailLlmReader::needsModel(reading)) {
        if (const LlmStructuredCall* call = llmCall(context)) {
            const auto asked = EmailLlmReader::read(*call, *parsed, reading, fallback, context.job().id);
            if (asked.usedModel) {
                reading = asked.reading;
                modelUsed = asked.model;
                promptHash = asked.promptHash;
            } else {
                llmError = asked.error;
                qCInfo(lcMail) << "The language model's reading of email" << email.id << "was not used:" << asked.error;
            }
            if (asked.stopAsking)
                m_llmStopped = true;
        }
    }

    EmailExtraction row;
    row.extractionVersion = EmailExtractor::version();
    row.status = outcomeOf(reading.status);
    row.extractedJson = reading.toJson();
    if (!llmError.isEmpty())
        row.extractedJson.insert(QStringLiteral("llmError"), llmError);
    row.modelUsed = modelUsed;
    row.promptHash = promptHash;
    if (reading.status != EmailReading::Status::Success)
        row.error = reading.reason;

    SqlTransaction transaction(m_services.database->connection());
    if (!transaction.isActive())
        return transaction.error();
    if (auto added = m_services.extractions->add(userId, email.id, row); !added)
        return added.error();
    if (reading.status == EmailReading::Status::Success && reading.amount) {
        Transaction made = transactionFor(email, reading);
        auto existing = m_services.transactions->findForEmail(userId, email.id);
        if (!existing)
            return existing.error();
        if (existing->isEmpty()) {
            if (auto id = m_services.transactions->add(userId, made); !id)
                qCWarning(lcMail) << "No transaction for email" << email.id << id.error().toString();
            else
                ++counts.transactions;
        } else if (!existing->first().confirmedByUser) {
            Transaction updated = existing->first();
            updated.type = made.type;
            updated.amount = made.amount;
            updated.occurredOn = made.occurredOn;
            updated.merchant = made.merchant;
            updated.sourceMetadata = made.sourceMetadata;
            if (auto saved = m_services.transactions->update(userId, updated); !saved)
                return saved.error();
        }
    }
    if (auto status = m_services.emails->setExtractionStatus(userId, email.id, emailStatusOf(reading.status),
                                                             EmailExtractor::version());
        !status)
        return status.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();

    switch (reading.status) {
    case EmailReading::Status::Success:
        ++counts.success;
        break;
    case EmailReading::Status::Skipped:
        ++counts.skipped;
        break;
    case EmailReading::Status::Failed:
        ++counts.failed;
        break;
    }
    if (parsed && !m_reprocess)
        keepAttachments(userId, *parsed, counts, context);
    return {};
}

void EmailExtractionJob::keepAttachments(qint64 userId, const ParsedEmail& parsed, Counts& counts, JobContext& context)
{
    if (!m_services.receipts)
        return;
    QTemporaryDir folder;
    for (const EmailAttachment& attachment : parsed.attachments) {
        if (!isReceiptFile(attachment) || !folder.isValid())
            continue;
        // The receipt store copies from a file and keeps the original's extension.
        QString name = QFileInfo(attachment.fileName).fileName();
        if (name.isEmpty())
            name = attachment.mimeType == u"application/pdf" ? QStringLiteral("receipt.pdf")
                                                             : QStringLiteral("receipt.") + attachment.mimeType.mid(6);
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(attachment.data) != attachment.data.size())
            continue;
        file.close();
        auto stored = m_services.receipts->store(userId, file.fileName());
        if (!stored) {
            qCWarning(lcMail) << "An attachment was not kept:" << stored.error().toString();
            continue;
        }
        if (stored->alreadyImported)
            continue;
        ++counts.invoices;
        if (context.isCancelled())
            continue; // stays pending; Re-read in Receipts reads it
        // Read now on this worker thread, like a dropped receipt: it waits in Receipts with its fields filled in.
        const ReceiptParseOptions parse {context.clock().today(),
                                         m_services.defaultCurrency ? m_services.defaultCurrency(userId) : Currency()};
        const Invoice& invoice = stored->invoice;
        auto reading = ReceiptReader::forThisThread(OcrOptions {}, parse).read(invoice.filePath);
        if (!reading) {
            if (auto failed = m_services.receipts->markFailed(userId, invoice.id, reading.error().message); !failed)
                qCWarning(lcMail) << "Invoice" << invoice.id << "stays pending:" << failed.error().toString();
        } else if (auto saved = m_services.receipts->saveReading(userId, invoice.id, *reading); !saved) {
            qCWarning(lcMail) << "The reading of invoice" << invoice.id << "was not saved:" << saved.error().toString();
        } else {
            ++counts.invoicesRead;
        }
    }
}

} // namespace Moniagent
