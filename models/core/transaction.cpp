#include "transaction.h"

namespace Moniagent {

QString TransactionEnums::key(TransactionType type)
{
    return type == TransactionType::Income ? QStringLiteral("income") : QStringLiteral("expense");
}

std::optional<TransactionType> TransactionEnums::typeFromKey(QStringView key)
{
    if (key == u"income")
        return TransactionType::Income;
    if (key == u"expense")
        return TransactionType::Expense;
    return std::nullopt;
}

QString TransactionEnums::displayName(TransactionType type)
{
    return type == TransactionType::Income ? tr("Income") : tr("Expense");
}

QString TransactionEnums::key(TransactionSource source)
{
    switch (source) {
    case TransactionSource::Manual:
        return QStringLiteral("manual");
    case TransactionSource::Text:
        return QStringLiteral("text");
    case TransactionSource::Image:
        return QStringLiteral("image");
    case TransactionSource::Pdf:
        return QStringLiteral("pdf");
    case TransactionSource::Gmail:
        return QStringLiteral("gmail");
    case TransactionSource::Outlook:
        return QStringLiteral("outlook");
    case TransactionSource::Imap:
        return QStringLiteral("imap");
    case TransactionSource::Import:
        return QStringLiteral("import");
    case TransactionSource::Api:
        return QStringLiteral("api");
    }
    return QStringLiteral("manual");
}

std::optional<TransactionSource> TransactionEnums::sourceFromKey(QStringView key)
{
    for (TransactionSource source : allSources()) {
        if (TransactionEnums::key(source) == key)
            return source;
    }
    return std::nullopt;
}

QString TransactionEnums::displayName(TransactionSource source)
{
    switch (source) {
    case TransactionSource::Manual:
        return tr("Manual");
    case TransactionSource::Text:
        return tr("Quick entry");
    case TransactionSource::Image:
        return tr("Receipt photo");
    case TransactionSource::Pdf:
        return tr("PDF");
    case TransactionSource::Gmail:
        return tr("Gmail");
    case TransactionSource::Outlook:
        return tr("Outlook");
    case TransactionSource::Imap:
        return tr("IMAP mail");
    case TransactionSource::Import:
        return tr("Import");
    case TransactionSource::Api:
        return tr("API");
    }
    return {};
}

QList<TransactionSource> TransactionEnums::allSources()
{
    return {TransactionSource::Manual, TransactionSource::Text,   TransactionSource::Image,
            TransactionSource::Pdf,    TransactionSource::Gmail,  TransactionSource::Outlook,
            TransactionSource::Imap,   TransactionSource::Import, TransactionSource::Api};
}

QString TransactionEnums::key(CategorizedBy by)
{
    switch (by) {
    case CategorizedBy::None:
        return {};
    case CategorizedBy::User:
        return QStringLiteral("user");
    case CategorizedBy::Rule:
        return QStringLiteral("rule");
    case CategorizedBy::Model:
        return QStringLiteral("model");
    case CategorizedBy::Llm:
        return QStringLiteral("llm");
    }
    return {};
}

CategorizedBy TransactionEnums::categorizedByFromKey(QStringView key)
{
    if (key == u"user")
        return CategorizedBy::User;
    if (key == u"rule")
        return CategorizedBy::Rule;
    if (key == u"model")
        return CategorizedBy::Model;
    if (key == u"llm")
        return CategorizedBy::Llm;
    return CategorizedBy::None;
}

} // namespace Moniagent
