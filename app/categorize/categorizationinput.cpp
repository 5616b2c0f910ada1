#include "categorizationinput.h"

#include "merchantnormalizer.h"

namespace Moniagent {

namespace {

// The words of a text for the learned model and the lexicon: folded, letters only. Lighter than the store
// name's normalization on purpose: words a bank adds ("virement", "retrait", "prlv") say a lot about the category
// even though they are not part of the store's name.
QString simplified(QStringView raw)
{
    const QString folded = MerchantNormalizer::fold(raw);
    QString out;
    out.reserve(folded.size());
    bool space = false;
    for (const QChar c : folded) {
        if (c.isLetter()) {
            if (space && !out.isEmpty())
                out.append(u' ');
            space = false;
            out.append(c);
        } else {
            space = true;
        }
    }
    return out;
}

} // namespace

CategorizationInput CategorizationInput::from(const QString& merchant, const QString& description, TransactionType type,
                                              const Money& amount)
{
    CategorizationInput input;
    input.merchant = merchant;
    input.description = description;
    input.type = type;
    input.amount = amount;
    input.merchantKey = merchantKeyOf(merchant, description);
    const QString merchantText = simplified(merchant);
    const QString descriptionText = simplified(description);
    if (merchantText.isEmpty() || descriptionText.isEmpty() || merchantText == descriptionText)
        input.text = merchantText.isEmpty() ? descriptionText : merchantText;
    else
        input.text = merchantText + u' ' + descriptionText;
    input.words = MerchantNormalizer::words(input.text);
    return input;
}

QString CategorizationInput::merchantKeyOf(const QString& merchant, const QString& description)
{
    const QString normalizedMerchant = MerchantNormalizer::normalize(merchant);
    return normalizedMerchant.isEmpty() ? MerchantNormalizer::normalize(description) : normalizedMerchant;
}

CategorizationInput CategorizationInput::from(const Transaction& transaction)
{
    return from(transaction.merchant, transaction.description, transaction.type, transaction.amount);
}

} // namespace Moniagent
