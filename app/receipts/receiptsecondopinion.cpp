#include "receiptsecondopinion.h"

#include "core/clock.h"
#include "core/money.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

QJsonObject nullable(const QString& type, const QString& description)
{
    return {{QStringLiteral("type"), QJsonArray {type, QStringLiteral("null")}},
            {QStringLiteral("description"), description}};
}

QString field(const QJsonObject& object, const QString& key)
{
    const auto value = object.value(key);
    return value.isString() ? value.toString().trimmed() : QString();
}

std::optional<qint64> minorFrom(const QString& decimal, const Currency& currency)
{
    QString cleaned = decimal;
    cleaned.remove(u' ');
    if (cleaned.isEmpty() || !currency.isValid())
        return std::nullopt;
    auto money = Money::fromDecimalString(cleaned, currency);
    if (!money)
        return std::nullopt;
    return money->minor() < 0 ? -money->minor() : money->minor();
}

QString decimal(std::optional<qint64> minor, const Currency& currency)
{
    if (!minor || !currency.isValid())
        return QString();
    return Money(*minor, currency).toDecimalString();
}

QString folded(const QString& name)
{
    QString result;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            result.append(c.toLower());
    }
    return result;
}

} // namespace

bool ReceiptSecondOpinion::isWanted(const ReceiptDraft& draft, const QList<ReceiptParser::Region>& unsure)
{
    if (!unsure.isEmpty())
        return true;
    for (const char* field : {ReceiptDraft::Merchant, ReceiptDraft::Date, ReceiptDraft::Total}) {
        const QString name = QString::fromLatin1(field);
        if (!draft.has(name) || draft.confidence(name) < SureConfidence)
            return true;
    }
    return false;
}

QJsonObject ReceiptSecondOpinion::schema()
{
    const QJsonObject properties {
        {QStringLiteral("merchant"), nullable(QStringLiteral("string"), QStringLiteral("the shop"))},
        {QStringLiteral("date"), nullable(QStringLiteral("string"), QStringLiteral("YYYY-MM-DD"))},
        {QStringLiteral("total"), nullable(QStringLiteral("string"), QStringLiteral("decimal, e.g. 1234.50"))},
        {QStringLiteral("tax"), nullable(QStringLiteral("string"), QStringLiteral("decimal, e.g. 12.30"))},
        {QStringLiteral("currency"), nullable(QStringLiteral("string"), QStringLiteral("ISO 4217 code"))}};
    QJsonArray required;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        required.append(it.key());
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), required},
            {QStringLiteral("additionalProperties"), false}};
}

QString ReceiptSecondOpinion::text(const OcrDocument& document)
{
    QStringList lines;
    for (const OcrPage& page : document.pages) {
        if (document.pages.size() > 1)
            lines.append(QStringLiteral("--- page %1 ---").arg(page.index + 1));
        for (const OcrLine& line : page.lines)
            lines.append(line.text);
    }
    QString result = lines.join(u'\n');
    if (result.size() > MaxTextCharacters)
        result = result.left(MaxTextCharacters) + QStringLiteral("\n[…]");
    return result;
}

ReceiptSecondOpinion::Opinion ReceiptSecondOpinion::opinionFrom(const QJsonObject& answer, const Currency& fallback)
{
    Opinion opinion;
    opinion.merchant = field(answer, QStringLiteral("merchant")).left(200);
    opinion.date = QDate::fromString(field(answer, QStringLiteral("date")), Qt::ISODate);
    opinion.currency = Currency::fromCode(field(answer, QStringLiteral("currency")));
    if (!opinion.currency.isValid())
        opinion.currency = fallback;
    opinion.totalMinor = minorFrom(field(answer, QStringLiteral("total")), opinion.currency);
    opinion.taxMinor = minorFrom(field(answer, QStringLiteral("tax")), opinion.currency);
    return opinion;
}

Result<ReceiptSecondOpinion::Opinion> ReceiptSecondOpinion::ask(const LlmStructuredCall& call,
                                                                const OcrDocument& document, const Currency& fallback,
                                                                const QDate& today, std::optional<qint64> jobId)
{
    auto prompt = PromptLibrary::load(QStringLiteral("receipt-second-opinion"));
    if (!prompt)
        return prompt.error();
    LlmStructuredCall::Call request;
    request.type = AiInteractionType::InvoiceProcessing;
    request.prompt = *prompt;
    request.values
        = {{QStringLiteral("today"), today.toString(Qt::ISODate)}, {QStringLiteral("currency"), fallback.code()}};
    request.input = text(document);
    request.schema = schema();
    request.schemaName = QStringLiteral("receipt");
    request.jobId = jobId;
    request.maxOutputTokens = 300;
    const auto outcome = call.run(request);
    if (!outcome.ok())
        return Error::conflict(outcome.error.message);
    Opinion opinion = opinionFrom(outcome.response->json, fallback);
    opinion.model = outcome.response->model.isEmpty() ? call.config().model : outcome.response->model;
    opinion.promptHash = prompt->sha256;
    return opinion;
}

QList<ReceiptSecondOpinion::Suggestion> ReceiptSecondOpinion::compare(const ReceiptDraft& draft, const Opinion& opinion)
{
    QList<Suggestion> suggestions;
    const auto add = [&](const char* field, const QString& current, const QString& suggested) {
        suggestions.append({QString::fromLatin1(field), current, suggested});
    };
    if (!opinion.merchant.isEmpty() && folded(opinion.merchant) != folded(draft.merchant))
        add(ReceiptDraft::Merchant, draft.merchant, opinion.merchant);
    if (opinion.date.isValid() && opinion.date != draft.date)
        add(ReceiptDraft::Date, draft.date.isValid() ? draft.date.toString(Qt::ISODate) : QString(),
            opinion.date.toString(Qt::ISODate));
    const bool sameCurrency = !draft.currency.isValid() || draft.currency.code() == opinion.currency.code();
    if (opinion.currency.isValid() && draft.currency.isValid() && !sameCurrency)
        add(ReceiptDraft::CurrencyField, draft.currency.code(), opinion.currency.code());
    const Currency shown = opinion.currency.isValid() ? opinion.currency : draft.currency;
    if (opinion.totalMinor && (!sameCurrency || opinion.totalMinor != draft.totalMinor))
        add(ReceiptDraft::Total, decimal(draft.totalMinor, draft.currency.isValid() ? draft.currency : shown),
            decimal(opinion.totalMinor, shown));
    if (opinion.taxMinor && (!sameCurrency || opinion.taxMinor != draft.taxMinor))
        add(ReceiptDraft::Tax, decimal(draft.taxMinor, draft.currency.isValid() ? draft.currency : shown),
            decimal(opinion.taxMinor, shown));
    return suggestions;
}

void ReceiptSecondOpinion::attach(ReceiptDraft& draft, const Opinion& opinion)
{
    QJsonArray list;
    for (const Suggestion& suggestion : compare(draft, opinion))
        list.append(QJsonObject {{QStringLiteral("field"), suggestion.field},
                                 {QStringLiteral("current"), suggestion.current},
                                 {QStringLiteral("suggested"), suggestion.suggested}});
    draft.secondOpinion = {{QStringLiteral("model"), opinion.model},
                           {QStringLiteral("promptHash"), opinion.promptHash},
                           {QStringLiteral("suggestions"), list}};
}

QList<ReceiptSecondOpinion::Suggestion> ReceiptSecondOpinion::suggestionsOf(const ReceiptDraft& draft)
{
    QList<Suggestion> suggestions;
    for (const auto& value : draft.secondOpinion.value(QStringLiteral("suggestions")).toArray()) {
        const auto object = value.toObject();
        suggestions.append({object.value(QStringLiteral("field")).toString(),
                            object.value(QStringLiteral("current")).toString(),
                            object.value(QStringLiteral("suggested")).toString()});
    }
    return suggestions;
}

QString ReceiptSecondOpinion::errorOf(const ReceiptDraft& draft)
{
    return draft.secondOpinion.value(QStringLiteral("error")).toString();
}

bool ReceiptSecondOpinion::consult(const LlmStageEnvironment& environment, qint64 userId, ReceiptReading& reading,
                                   const Currency& fallback, const std::atomic_bool* cancel)
{
    auto call = prepare(environment, userId, reading);
    if (!call)
        return false;
    consult(*call, environment.clock ? environment.clock->today() : QDate::currentDate(), reading, fallback, cancel);
    return true;
}

std::optional<LlmStructuredCall> ReceiptSecondOpinion::prepare(const LlmStageEnvironment& environment, qint64 userId,
                                                               ReceiptReading& reading)
{
    if (!reading.unsure && !isWanted(reading.draft, {}))
        return std::nullopt;
    auto call = LlmStructuredCall::forFeature(environment, userId, LlmFeature::Receipts);
    if (!call) {
        reading.draft.secondOpinion = {{QStringLiteral("error"), call.error().message}};
        return std::nullopt;
    }
    return *call;
}

void ReceiptSecondOpinion::consult(LlmStructuredCall& call, const QDate& today, ReceiptReading& reading,
                                   const Currency& fallback, const std::atomic_bool* cancel)
{
    call.setCancelCheck([cancel] { return cancel && cancel->load(); });
    auto opinion = ask(call, reading.document, fallback, today);
    if (cancel && cancel->load())
        return;
    if (!opinion) {
        reading.draft.secondOpinion
            = {{QStringLiteral("model"), call.config().model}, {QStringLiteral("error"), opinion.error().message}};
        return;
    }
    attach(reading.draft, *opinion);
}

} // namespace Moniagent
