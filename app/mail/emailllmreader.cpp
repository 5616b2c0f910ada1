#include "emailllmreader.h"

#include "core/money.h"

#include <QJsonArray>

namespace Moniagent {

namespace {

QJsonObject nullable(const QString& type, const QString& description)
{
    return {{QStringLiteral("type"), QJsonArray {type, QStringLiteral("null")}},
            {QStringLiteral("description"), description}};
}

QString text(const QJsonObject& object, const QString& key)
{
    const auto value = object.value(key);
    return value.isString() ? value.toString().trimmed() : QString();
}

// "1234.50" → minor units of `currency`; also tolerates a leading sign and spaces, never floating point.
std::optional<Money> amountFrom(const QString& decimal, const Currency& currency)
{
    QString cleaned = decimal;
    cleaned.remove(u' ');
    if (cleaned.isEmpty())
        return std::nullopt;
    auto money = Money::fromDecimalString(cleaned, currency);
    if (!money)
        return std::nullopt;
    if (money->isNegative())
        return money->checkedNegate();
    return *money;
}

} // namespace

bool EmailLlmReader::needsModel(const EmailReading& offline)
{
    switch (offline.status) {
    case EmailReading::Status::Failed:
        return true;
    case EmailReading::Status::Success:
        return offline.confidence < ConfidentReading;
    case EmailReading::Status::Skipped:
        break;
    }
    return false;
}

QJsonObject EmailLlmReader::schema()
{
    const QJsonObject item {
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject {{QStringLiteral("name"), QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}},
                      {QStringLiteral("quantity"), QJsonObject {{QStringLiteral("type"), QStringLiteral("integer")}}},
                      {QStringLiteral("amount"), nullable(QStringLiteral("string"), QStringLiteral("decimal"))}}},
        {QStringLiteral("required"),
         QJsonArray {QStringLiteral("name"), QStringLiteral("quantity"), QStringLiteral("amount")}},
        {QStringLiteral("additionalProperties"), false}};
    const QJsonObject properties {
        {QStringLiteral("is_purchase"), QJsonObject {{QStringLiteral("type"), QStringLiteral("boolean")}}},
        {QStringLiteral("kind"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("string")},
                      {QStringLiteral("enum"),
                       QJsonArray {QStringLiteral("purchase"), QStringLiteral("refund"), QStringLiteral("payout"),
                                   QStringLiteral("bank_movement"), QStringLiteral("none")}}}},
        {QStringLiteral("type"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("string")},
                      {QStringLiteral("enum"), QJsonArray {QStringLiteral("expense"), QStringLiteral("income")}}}},
        {QStringLiteral("merchant"), nullable(QStringLiteral("string"), QStringLiteral("the shop or counterparty"))},
        {QStringLiteral("amount"),
         nullable(QStringLiteral("string"), QStringLiteral("the final total as a decimal string, e.g. 1234.50"))},
        {QStringLiteral("currency"), nullable(QStringLiteral("string"), QStringLiteral("ISO 4217 code"))},
        {QStringLiteral("date"), nullable(QStringLiteral("string"), QStringLiteral("YYYY-MM-DD"))},
        {QStringLiteral("order_number"), nullable(QStringLiteral("string"), QStringLiteral("order or invoice number"))},
        {QStringLiteral("items"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), item}}}};
    QJsonArray required;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        required.append(it.key());
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), required},
            {QStringLiteral("additionalProperties"), false}};
}

QString EmailLlmReader::input(const ParsedEmail& email)
{
    QString body = email.readableText().trimmed();
    if (body.size() > MaxBodyCharacters)
        body = body.left(MaxBodyCharacters) + QStringLiteral("\n[…]");
    const QString from = email.fromName.isEmpty() ? email.fromAddress
                                                  : email.fromName + QStringLiteral(" <") + email.fromAddress + u'>';
    return QStringLiteral("From: %1\nSubject: %2\nDate: %3\n\n%4")
        .arg(from, email.subject, email.date.isValid() ? email.date.toString(Qt::ISODate) : QString(), body);
}

Result<EmailReading> EmailLlmReader::readingFrom(const QJsonObject& answer, const Currency& fallback,
                                                 const QDate& receivedOn)
{
    EmailReading reading;
    reading.method = QStringLiteral("llm");
    if (!answer.value(QStringLiteral("is_purchase")).toBool()) {
        reading.status = EmailReading::Status::Skipped;
        reading.kind = EmailRecordKind::None;
        reading.reason = tr("The language model found no purchase, refund, payout or bank movement in this email.");
        reading.confidence = 0.8;
        return reading;
    }
    const QString kind = text(answer, QStringLiteral("kind"));
    reading.kind = kind == u"refund" ? EmailRecordKind::Refund
        : kind == u"payout"          ? EmailRecordKind::Payout
        : kind == u"bank_movement"   ? EmailRecordKind::BankMovement
                                     : EmailRecordKind::Purchase;
    reading.type
        = text(answer, QStringLiteral("type")) == u"income" ? TransactionType::Income : TransactionType::Expense;
    Currency currency = Currency::fromCode(text(answer, QStringLiteral("currency")));
    if (!currency.isValid())
        currency = fallback;
    const QString amountText = text(answer, QStringLiteral("amount"));
    if (amountText.isEmpty())
        return Error::invalidInput(tr("The language model found no amount."));
    reading.amount = amountFrom(amountText, currency);
    if (!reading.amount)
        return Error::invalidInput(
            tr("The language model's amount “%1” is not a %2 amount.").arg(amountText.left(40), currency.code()));
    if (reading.amount->isZero())
        return Error::invalidInput(tr("The language model found an amount of zero."));
    reading.merchant = text(answer, QStringLiteral("merchant")).left(200);
    const QDate date = QDate::fromString(text(answer, QStringLiteral("date")), Qt::ISODate);
    reading.date = date.isValid() ? date : receivedOn;
    reading.orderNumber = text(answer, QStringLiteral("order_number")).left(100);
    const auto items = answer.value(QStringLiteral("items")).toArray();
    for (const auto& value : items) {
        const auto object = value.toObject();
        ExtractedEmailItem item;
        item.name = text(object, QStringLiteral("name")).left(200);
        if (item.name.isEmpty())
            continue;
        item.quantity = std::max(1, object.value(QStringLiteral("quantity")).toInt(1));
        item.amount = amountFrom(text(object, QStringLiteral("amount")), currency);
        reading.items.append(item);
    }
    reading.status = EmailReading::Status::Success;
    reading.confidence = 0.8;
    return reading;
}

EmailLlmReader::Outcome EmailLlmReader::read(const LlmStructuredCall& call, const ParsedEmail& email,
                                             const EmailReading& offline, const Currency& fallback,
                                             std::optional<qint64> jobId)
{
    Outcome outcome;
    outcome.reading = offline;
    auto prompt = PromptLibrary::load(QStringLiteral("email-extraction"));
    if (!prompt) {
        outcome.error = prompt.error().message;
        outcome.stopAsking = true;
        return outcome;
    }
    LlmStructuredCall::Call request;
    request.type = AiInteractionType::EmailExtraction;
    request.prompt = *prompt;
    const QDate receivedOn = email.date.isValid() ? email.date.toLocalTime().date() : QDate();
    request.values = {
        {QStringLiteral("received"), receivedOn.isValid() ? receivedOn.toString(Qt::ISODate) : tr("an unknown date")},
        {QStringLiteral("currency"), fallback.code()}};
    request.input = input(email);
    request.schema = schema();
    request.schemaName = QStringLiteral("email_reading");
    request.jobId = jobId;
    request.maxOutputTokens = 1500;
    outcome.promptHash = prompt->sha256;

    const auto answer = call.run(request);
    if (!answer.ok()) {
        outcome.error = answer.error.message;
        outcome.stopAsking = answer.error.kind != LlmError::Kind::InvalidOutput;
        return outcome;
    }
    outcome.model = answer.response->model.isEmpty() ? call.config().model : answer.response->model;
    auto reading = readingFrom(answer.response->json, fallback, offline.date.isValid() ? offline.date : receivedOn);
    if (!reading) {
        outcome.error = reading.error().message;
        return outcome;
    }
    if (reading->status != EmailReading::Status::Success && offline.status == EmailReading::Status::Success) {
        // The model sees no record where the offline reader found one, unsure: the transaction still waits for
        // review, where the user decides; an email is never dropped on the model's word alone.
        outcome.error = reading->reason;
        return outcome;
    }
    if (reading->status == EmailReading::Status::Success) {
        if (reading->merchant.isEmpty())
            reading->merchant = offline.merchant;
        if (reading->orderNumber.isEmpty())
            reading->orderNumber = offline.orderNumber;
    }
    outcome.reading = *reading;
    outcome.usedModel = true;
    return outcome;
}

} // namespace Moniagent
