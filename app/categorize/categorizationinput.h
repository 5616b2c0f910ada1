#pragma once

#include "core/money.h"
#include "core/transaction.h"

#include <QString>
#include <QStringView>
#include <QVarLengthArray>

namespace Moniagent {

// What the categorizer looks at for one transaction, with the normalized forms computed once
// (CategorizationInput::from) so rules, the learned model and the lexicon do not normalize again.
struct CategorizationInput
{
    QString merchant; // as given (may be empty for bank lines)
    QString description; // as given
    TransactionType type = TransactionType::Expense;
    Money amount;

    // Filled by from():
    QString merchantKey; // normalized store name: merchant, or the description when there is no merchant
    QString text; // merchant + description folded to lower-case letters, words separated by one space

    // `text` split into its words (views into it).
    using Words = QVarLengthArray<QStringView, 32>;
    Words words() const;

    static CategorizationInput from(const QString& merchant, const QString& description, TransactionType type,
                                    const Money& amount);
    static CategorizationInput from(const Transaction& transaction);
    // The normalized store name alone (what exact-match rules and learned rules key on).
    static QString merchantKeyOf(const QString& merchant, const QString& description);
};

} // namespace Moniagent
