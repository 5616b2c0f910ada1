#include "categorizationinput.h"

#include "merchantnormalizer.h"

#include <algorithm>

namespace Moniagent {

namespace {

// The words of a text for the learned model and the lexicon: folded, letters only, appended to `out` (a space
// first when `out` is not empty and a word follows). Lighter than the store name's normalization on purpose:
// words a bank adds ("virement", "retrait", "prlv") say a lot about the category even though they are not part
// of the store's name. ASCII, by far the most common, is folded on the way without a temporary string.
void appendSimplified(QString& out, QStringView raw)
{
    const qsizetype start = out.size();
    // At most a separating space and every character of `raw` (folding may lengthen non-ASCII text: that goes
    // through a temporary below).
    const bool ascii = std::all_of(raw.begin(), raw.end(), [](QChar c) { return c.unicode() < 0x80; });
    QString folded;
    const QStringView source = ascii ? raw : QStringView(folded = MerchantNormalizer::fold(raw));
    out.resize(start + 1 + source.size());
    QChar* const begin = out.data() + start;
    QChar* w = begin;
    bool space = start > 0; // a space before the first word when something comes before
    bool any = false;
    for (const QChar c : source) {
        QChar letter = c;
        if (ascii) {
            const char16_t u = c.unicode();
            if (u >= u'A' && u <= u'Z')
                letter = QChar(char16_t(u + 32));
            else if (u < u'a' || u > u'z')
                letter = QChar();
        } else if (!c.isLetter()) {
            letter = QChar();
        }
        if (letter.isNull()) {
            space = any || start > 0;
            continue;
        }
        if (space)
            *w++ = u' ';
        space = false;
        any = true;
        *w++ = letter;
    }
    out.truncate(start + (w - begin));
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
    // merchant + ' ' + description, simplified; one of them alone when the other is empty or the same.
    QString& text = input.text;
    text.reserve(merchant.size() + description.size() + 1);
    appendSimplified(text, merchant);
    const qsizetype merchantSize = text.size();
    appendSimplified(text, description);
    if (merchantSize > 0 && text.size() > merchantSize) {
        const QStringView merchantText = QStringView(text).first(merchantSize);
        const QStringView descriptionText = QStringView(text).sliced(merchantSize + 1);
        if (merchantText == descriptionText)
            text.truncate(merchantSize);
    }
    return input;
}

QString CategorizationInput::merchantKeyOf(const QString& merchant, const QString& description)
{
    const QString normalizedMerchant = MerchantNormalizer::normalize(merchant);
    return normalizedMerchant.isEmpty() ? MerchantNormalizer::normalize(description) : normalizedMerchant;
}

CategorizationInput::Words CategorizationInput::words() const
{
    Words out;
    const QChar* data = text.constData();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        while (i < size && data[i] == u' ')
            ++i;
        const qsizetype start = i;
        while (i < size && data[i] != u' ')
            ++i;
        if (i > start)
            out.append(QStringView(data + start, i - start));
    }
    return out;
}

CategorizationInput CategorizationInput::from(const Transaction& transaction)
{
    return from(transaction.merchant, transaction.description, transaction.type, transaction.amount);
}

} // namespace Moniagent
