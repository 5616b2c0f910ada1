#pragma once

#include "ai/llmstructuredcall.h"
#include "core/currency.h"
#include "ocr/ocrdocument.h"
#include "receiptdraft.h"
#include "receiptparser.h"
#include "receiptreader.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>

#include <atomic>
#include <optional>

namespace Moniagent {

// The receipt second opinion (features.receipts): when the parser is unsure of a receipt (ReceiptParser::
// unsureRegions() is not empty, or the merchant, date or total is missing or below SureConfidence), the OCR text goes
// to the language model with a schema for merchant, date, total, tax and currency. What the model reads differently
// becomes a suggestion stored beside the draft (ReceiptDraft::secondOpinion) for the review to show; the draft's own
// fields are never changed by it. Amounts are parsed from decimal strings into minor units, never floating point.
class ReceiptSecondOpinion
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::ReceiptSecondOpinion)
public:
    static constexpr float SureConfidence = 0.6f;
    static constexpr int MaxTextCharacters = 8'000;

    struct Opinion
    {
        QString merchant;
        QDate date;
        std::optional<qint64> totalMinor;
        std::optional<qint64> taxMinor;
        Currency currency; // invalid when the model did not say and there was no fallback
        QString model;
        QString promptHash;
    };
    // One field the model reads differently from the parser.
    struct Suggestion
    {
        QString field; // ReceiptDraft::Merchant, Date, Total, Tax or CurrencyField
        QString current; // the parser's value as text ("" when it found none)
        QString suggested; // the model's value as text (dates ISO, amounts as decimal strings)

        friend bool operator==(const Suggestion&, const Suggestion&) = default;
    };

    // Whether the parser's draft is unsure enough to ask.
    static bool isWanted(const ReceiptDraft& draft, const QList<ReceiptParser::Region>& unsure);
    static QJsonObject schema();
    // The OCR text, page by page, line by line (cut at MaxTextCharacters).
    static QString text(const OcrDocument& document);
    // The opinion a structured answer describes (currency falls back to `fallback`).
    static Opinion opinionFrom(const QJsonObject& answer, const Currency& fallback);
    // Asks the model (blocking the worker thread); an Error when the call failed or was refused.
    static Result<Opinion> ask(const LlmStructuredCall& call, const OcrDocument& document, const Currency& fallback,
                               const QDate& today, std::optional<qint64> jobId = std::nullopt);
    // The fields where the opinion differs from the draft (fields the model left empty are not suggestions).
    static QList<Suggestion> compare(const ReceiptDraft& draft, const Opinion& opinion);
    // Stores the opinion's suggestions in draft.secondOpinion ({"model", "promptHash", "suggestions": [{field,
    // current, suggested}]}); the draft's fields stay as they are.
    static void attach(ReceiptDraft& draft, const Opinion& opinion);
    static QList<Suggestion> suggestionsOf(const ReceiptDraft& draft);
    // Why a second opinion that was wanted is missing ("" when there is none or no reason was recorded).
    static QString errorOf(const ReceiptDraft& draft);

    // The stage in the receipt pipeline (ReceiptBatch's workers): when the profile switched the receipt second
    // opinion on (Settings › Assistant & AI) and the reading is unsure (isWanted, or the rereads left the total or
    // date region unsure), asks the model and attaches its suggestions to reading.draft; when the call fails, the
    // reason is kept in draft.secondOpinion ("error") for the review to say. Nothing is sent when the switch is off.
    // Blocks the calling worker thread; `cancel` stops the call. Returns whether the model was asked.
    static bool consult(const LlmStageEnvironment& environment, qint64 userId, ReceiptReading& reading,
                        const Currency& fallback, const std::atomic_bool* cancel = nullptr);
    // consult() in two steps, so that a pipeline can decide on its reader and wait elsewhere. prepare(): the call to
    // make for `reading`, or none when the reading is sure or the switch is off, or when setting the call up failed
    // (the reason is then in draft.secondOpinion); reads the settings and the keychain, sends nothing.
    static std::optional<LlmStructuredCall> prepare(const LlmStageEnvironment& environment, qint64 userId,
                                                    ReceiptReading& reading);
    // Asks through a prepared call and attaches the suggestions or the failure to reading.draft.
    static void consult(LlmStructuredCall& call, const QDate& today, ReceiptReading& reading, const Currency& fallback,
                        const std::atomic_bool* cancel = nullptr);
};

} // namespace Moniagent
