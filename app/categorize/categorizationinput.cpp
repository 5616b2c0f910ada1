#include "categorizationinput.h"

#include "merchantnormalizer.h"

namespace Moniagent {

CategorizationInput CategorizationInput::from(const QString& merchant, const QString& description, TransactionType type,
                                              const Money& amount)
{
    CategorizationInput input;
    input.merchant = merchant;
    input.description = description;
    input.type = type;
    input.amount = amount;
    const QString normalizedMerchant = MerchantNormalizer::normalize(merchant);
    const QString normalizedDescription = MerchantNormalizer::normalize(description);
    input.merchantKey = normalizedMerchant.isEmpty() ? normalizedDescription : normalizedMerchant;
    if (normalizedMerchant.isEmpty() || normalizedDescription.isEmpty() || normalizedMerchant == normalizedDescription)
        input.text = input.merchantKey;
    else
        input.text = normalizedMerchant + u' ' + normalizedDescription;
    input.words = MerchantNormalizer::words(input.text);
    return input;
}

CategorizationInput CategorizationInput::from(const Transaction& transaction)
{
    return from(transaction.merchant, transaction.description, transaction.type, transaction.amount);
}

} // namespace Moniagent
