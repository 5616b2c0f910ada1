#pragma once

#include "core/money.h"
#include "receipts/receiptnumbers.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Moniagent::MailParsing {

// What the words before an amount say it is.
enum class AmountRole
{
    Unlabelled,
    Total, // "Total", "Order total", "You paid", "Gesamtbetrag", "Total TTC" …
    Part, // a subtotal, tax, shipping, discount, tip or a balance: never the total
};

// A money amount found in an email's text, with its label.
struct AmountCandidate
{
    ReceiptParsing::NumberToken number;
    QString currency; // ISO code, "$" for a bare dollar sign, empty when none is printed beside it
    int line = 0; // index of the line in the text; -1 for the subject
    AmountRole role = AmountRole::Unlabelled;
    int strength = 0; // for totals: 3 "order total", "amount paid"; 2 "total"; 1 "amount", "price"
    bool refundLabel = false; // "refund amount", "refunded"
    QString label; // the folded words the role was read from

    // The value in minor units of a currency with `minorDigits` (absolute), when it fits.
    std::optional<qint64> minor(int minorDigits) const;
};

class AmountFinder
{
public:
    // Every money amount in `text` (a currency beside it, or two decimals), labelled by the words before it on
    // its line, or by the previous line when nothing precedes it ("Order total\n$5.00").
    static QList<AmountCandidate> find(const QString& text);
    // The amounts of a subject line (line -1), labelled as totals when they carry a currency.
    static QList<AmountCandidate> findInSubject(const QString& subject);

    // The best total: the strongest total label, then a currency printed, then the later line; without labelled
    // totals the only amount printed with a currency, or the largest one (weaker). nullopt when there is none.
    struct Choice
    {
        AmountCandidate candidate;
        bool labelled = false;
    };
    static std::optional<Choice> chooseTotal(const QList<AmountCandidate>& candidates);

    // The currency most amounts in `candidates` carry (codes beat "$"); empty when none carries one.
    static QString dominantCurrency(const QList<AmountCandidate>& candidates);
    // Resolves "$" to USD, CAD, AUD … from codes in `text` ("USD", "CAD", "A$") or the fallback when it is a dollar.
    static Currency resolveCurrency(const QString& mark, const QString& text, const Currency& fallback);

    // "12.34", "12,34 €", "$1,234.56", 12.5 from JSON: the amount in minor units of `currency` (exact, rounded
    // half away from zero when the text has more digits), nullopt when it holds no number.
    static std::optional<qint64> parseAmountText(const QString& text, const Currency& currency);
};

} // namespace Moniagent::MailParsing
