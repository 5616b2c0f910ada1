#pragma once

#include "ai/llmstructuredcall.h"
#include "core/currency.h"
#include "mail/emailextraction.h"
#include "mail/parsedemail.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Moniagent {

// The language-model stage of email extraction (features.email). The offline EmailExtractor reads every email
// first; the model is asked only about emails the offline reading could not settle: a record whose amount could not
// be found (Failed) or a success with a low confidence (below ConfidentReading). Emails the offline reader skipped
// (newsletters, shipping notices, account mail — most of a mailbox) are not sent, so that as little mail as possible
// leaves the machine and costs stay small.
//
// The model's answer (JSON schema: is_purchase, kind, type, merchant, amount as a decimal string, currency, date,
// order number, items) becomes an EmailReading with method "llm"; amounts are parsed from the decimal string into
// integer minor units, never through floating point. An answer that cannot be used (no amount, an amount with more
// decimals than its currency has) leaves the offline reading in place.
class EmailLlmReader
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::EmailLlmReader)
public:
    static constexpr double ConfidentReading = 0.75;
    static constexpr int MaxBodyCharacters = 12'000;

    // Whether the offline reading is unsure enough to ask the model.
    static bool needsModel(const EmailReading& offline);
    static QJsonObject schema();
    // The email as the data the model reads: sender, subject, date and readable text (cut at MaxBodyCharacters).
    static QString input(const ParsedEmail& email);
    // The reading the model's structured answer describes; an Error when it cannot be used.
    static Result<EmailReading> readingFrom(const QJsonObject& answer, const Currency& fallback,
                                            const QDate& receivedOn);

    // What came of asking the model about one email.
    struct Outcome
    {
        EmailReading reading; // what to store: the model's reading when usable, else the offline one
        bool usedModel = false; // `reading` is the model's
        QString model; // the model that answered ("" when no call reached one)
        QString promptHash;
        QString error; // why the model's answer was not used (failure, cap, invalid answer); empty when it was
        bool stopAsking = false; // the failure will repeat for the next emails (network, cap, refused key …)
    };
    // Asks the model through `call` (blocking the worker thread) and merges the answer with `offline`.
    static Outcome read(const LlmStructuredCall& call, const ParsedEmail& email, const EmailReading& offline,
                        const Currency& fallback, std::optional<qint64> jobId);
};

} // namespace Moniagent
