#include "amountfinder.h"

#include "receipts/receiptkeywords.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent::MailParsing {

namespace {

using ReceiptParsing::NumberToken;

QRegularExpression words(const char* alternatives)
{
    return QRegularExpression(u"(?:^|[^A-Z0-9])(?:"_s + QString::fromUtf8(alternatives) + u")(?:$|[^A-Z0-9])"_s);
}

// Labels of amounts that are part of the total, never the total itself (folded: upper case, no accents).
const QRegularExpression& partPattern()
{
    static const QRegularExpression pattern = words(
        "SUB ?-?TOTALE?|ZWISCHENSUMME|TEILSUMME|WARENWERT|TOTAL HT|HORS TAXES?|IMPONIBILE|NETTOBETRAG|NET AMOUNT|"
        "TOTAL BEFORE|BEFORE TAX|BEFORE VAT|EXCL\\.? ?(?:VAT|TAX|GST|MWST)|EXCLUDING|OHNE MWST|"
        "(?:SALES |ESTIMATED |TOTAL )?TAX(?:ES)?|VAT|MWST|MEHRWERTSTEUER|UST\\.?|TVA|IVA|GST|HST|PST|BTW|"
        "SHIPPING|DELIVERY|POSTAGE|P ?& ?P|VERSAND(?:KOSTEN)?|LIEFERKOSTEN|LIEFERGEBUHR|PORTO|LIVRAISON|"
        "SPEDIZIONE|ENVIO|VERZENDING|HANDLING|"
        "DISCOUNT|SAVINGS?|YOU SAVED|PROMO(?:TION)?|COUPON|VOUCHER|RABATT|GUTSCHEIN|REMISE|SCONTO|DESCUENTO|"
        "KORTING|REDUCTION|TIP|TRINKGELD|POURBOIRE|SERVICE FEE|"
        "(?:REMAINING |AVAILABLE |NEW |GIFT CARD |ACCOUNT |CURRENT |PREVIOUS )?BALANCE|POINTS|CREDIT LIMIT|"
        "RRP|LIST PRICE|REGULAR PRICE|UNIT PRICE|PRICE PER|STUCKPREIS|EINZELPREIS|PRIX UNITAIRE|"
        "DEPOSIT|PFAND|FEES?|GEBUHR|FRAIS");
    return pattern;
}

// Labels that say the amount is the final total, strongest first.
const QRegularExpression& strongTotalPattern()
{
    static const QRegularExpression pattern = words(
        "GRAND TOTAL|ORDER TOTAL|TOTAL CHARGED|AMOUNT CHARGED|CHARGED|TOTAL PAID|AMOUNT PAID|YOU PAID|PAID|"
        "PAYMENT TOTAL|TOTAL PAYMENT|PAYMENT AMOUNT|TOTAL DUE|AMOUNT DUE|BALANCE DUE|TOTAL AMOUNT|INVOICE TOTAL|"
        "TOTAL \\(?INCL|TOTAL INC|ORDER AMOUNT|PURCHASE AMOUNT|TRANSACTION AMOUNT|TOTAL BILLED|BILLED|"
        "YOU SENT|SENT|YOU RECEIVED|RECEIVED|REFUND(?:ED)?(?: AMOUNT)?|TOTAL REFUND|AMOUNT REFUNDED|PAYOUT|"
        "GESAMTBETRAG|GESAMTSUMME|GESAMTPREIS|ENDBETRAG|RECHNUNGSBETRAG|ZAHLBETRAG|ZU ZAHLEN|BEZAHLT|"
        "ERSTATTUNGSBETRAG|TOTAL TTC|MONTANT TOTAL|TOTAL A PAYER|NET A PAYER|MONTANT PAYE|TOTALE COMPLESSIVO|"
        "IMPORTO TOTALE|TOTALE ORDINE|IMPORTO PAGATO|IMPORTE TOTAL|TOTAL A PAGAR|TOTAL PAGADO|TOTAAL BEDRAG|"
        "TE BETALEN|BETAALD");
    return pattern;
}

const QRegularExpression& totalPattern()
{
    static const QRegularExpression pattern
        = words("TOTAL|TOTALS|GESAMT|SUMME|TOTALE|TOTAAL|BETRAG|MONTANT|IMPORTE|IMPORTO|PAYMENT|ZAHLUNG|CHARGE");
    return pattern;
}

const QRegularExpression& weakTotalPattern()
{
    static const QRegularExpression pattern = words("AMOUNT|PRICE|PREIS|COST|PRIX|PREZZO|PRECIO|PRIJS|SUM");
    return pattern;
}

const QRegularExpression& refundPattern()
{
    static const QRegularExpression pattern
        = words("REFUND(?:ED)?|ERSTATT\\w*|RUCKERSTATTUNG|REMBOURSE\\w*|RIMBORS\\w*|REEMBOLS\\w*");
    return pattern;
}

bool hasLetters(QStringView text)
{
    for (const QChar c : text) {
        if (c.isLetter())
            return true;
    }
    return false;
}

bool isCandidate(const NumberToken& token)
{
    if (token.percent || !token.prefix.isEmpty() || token.mantissa == 0)
        return false;
    if (!token.currency.isEmpty())
        return token.decimals == 0 || token.decimals == 2 || token.decimals == 3;
    // Without a currency only "12.34" looks like money ("12" is a quantity, "1.234" a weight or a group).
    return token.decimals == 2 && token.suffix.isEmpty();
}

void label(AmountCandidate& candidate, const QString& labelText)
{
    candidate.label = labelText.simplified();
    const QString& text = candidate.label;
    candidate.refundLabel = refundPattern().match(text).hasMatch();
    // Strong total labels win over part labels that appear beside them ("Total (incl. VAT)", "Amount paid").
    if (strongTotalPattern().match(text).hasMatch()) {
        const bool part = partPattern().match(text).hasMatch();
        const bool includes = text.contains(u"INCL") || text.contains(u"INKL") || text.contains(u"TTC");
        if (!part || includes || text.contains(u"GRAND TOTAL") || text.contains(u"ORDER TOTAL")) {
            candidate.role = AmountRole::Total;
            candidate.strength = 3;
            return;
        }
    }
    if (partPattern().match(text).hasMatch()) {
        candidate.role = AmountRole::Part;
        return;
    }
    if (totalPattern().match(text).hasMatch()) {
        candidate.role = AmountRole::Total;
        candidate.strength = 2;
    } else if (weakTotalPattern().match(text).hasMatch()) {
        candidate.role = AmountRole::Total;
        candidate.strength = 1;
    }
}

// The text after the last number of a line: what labels the first amount of the next line.
QString trailingText(const QString& folded)
{
    const QList<NumberToken> numbers = ReceiptParsing::findNumbers(folded);
    if (numbers.isEmpty())
        return folded;
    const NumberToken& last = numbers.last();
    return folded.mid(last.start + last.length);
}

// The label of an amount: the words of its segment (between the previous amount or cell and it); only the
// nearest few words count, so that a long sentence does not lend its "total" to an unrelated amount.
QString segmentLabel(const QString& folded, int from, int to)
{
    QString segment = folded.mid(from, to - from);
    const qsizetype bar = segment.lastIndexOf(u'|');
    if (bar >= 0 && hasLetters(segment.mid(bar + 1)))
        segment = segment.mid(bar + 1);
    else if (bar >= 0)
        segment.remove(u'|');
    const QStringList wordList = segment.simplified().split(u' ', Qt::SkipEmptyParts);
    return wordList.mid(std::max<qsizetype>(0, wordList.size() - 6)).join(u' ');
}

// An ISO 4217 code written beside the number ("6.00 PLN", "SEK 120,00") that the number reader does not know.
QString adjacentCode(const QString& folded, const NumberToken& number)
{
    static const QStringList codes = Currency::commonCodes();
    static const QRegularExpression after(u"^\\s?([A-Z]{3})(?![A-Z])"_s);
    static const QRegularExpression before(u"(?<![A-Z])([A-Z]{3})\\s?$"_s);
    const auto a = after.match(QStringView(folded).mid(number.start + number.length));
    if (a.hasMatch() && codes.contains(a.captured(1)))
        return a.captured(1);
    const auto b = before.match(QStringView(folded).left(number.start));
    if (b.hasMatch() && codes.contains(b.captured(1)))
        return b.captured(1);
    return {};
}

} // namespace

std::optional<qint64> AmountCandidate::minor(int minorDigits) const
{
    auto value = number.minor(minorDigits);
    if (!value)
        return std::nullopt;
    return *value < 0 ? -*value : *value;
}

QList<AmountCandidate> AmountFinder::find(const QString& text)
{
    QList<AmountCandidate> result;
    const QStringList lines = text.split(u'\n');
    QString previousTrailing;
    for (int index = 0; index < lines.size(); ++index) {
        const QString folded = ReceiptParsing::foldText(lines.at(index));
        if (folded.isEmpty())
            continue;
        const QList<NumberToken> numbers = ReceiptParsing::findNumbers(folded);
        int segmentStart = 0;
        bool first = true;
        for (const NumberToken& number : numbers) {
            // Card digits, quantities and references between a label and its amount do not end the label
            // ("Total charged to x -1629 | £13.50").
            if (!isCandidate(number))
                continue;
            AmountCandidate candidate;
            candidate.number = number;
            candidate.currency = number.currency;
            if (candidate.currency.isEmpty() || candidate.currency == u"$") {
                const QString code = adjacentCode(folded, number);
                if (!code.isEmpty())
                    candidate.currency = code;
            }
            candidate.line = index;
            QString labelText = segmentLabel(folded, segmentStart, number.start);
            if (first && !hasLetters(labelText))
                labelText = previousTrailing.right(80);
            label(candidate, labelText);
            result.append(candidate);
            segmentStart = number.start + number.length;
            first = false;
        }
        previousTrailing = numbers.isEmpty() ? folded : trailingText(folded);
        if (!hasLetters(previousTrailing) && !numbers.isEmpty())
            previousTrailing.clear();
    }
    return result;
}

QList<AmountCandidate> AmountFinder::findInSubject(const QString& subject)
{
    QList<AmountCandidate> result;
    const QString folded = ReceiptParsing::foldText(subject);
    for (const NumberToken& number : ReceiptParsing::findNumbers(folded)) {
        AmountCandidate candidate;
        candidate.number = number;
        candidate.currency = number.currency;
        if (candidate.currency.isEmpty() || candidate.currency == u"$") {
            const QString code = adjacentCode(folded, number);
            if (!code.isEmpty())
                candidate.currency = code;
        }
        if (!isCandidate(number) || candidate.currency.isEmpty())
            continue;
        candidate.line = -1;
        label(candidate, folded.left(number.start));
        if (candidate.role != AmountRole::Part) {
            candidate.role = AmountRole::Total;
            candidate.strength = std::max(candidate.strength, 2);
        }
        result.append(candidate);
    }
    return result;
}

std::optional<AmountFinder::Choice> AmountFinder::chooseTotal(const QList<AmountCandidate>& candidates)
{
    const AmountCandidate* best = nullptr;
    const auto score = [](const AmountCandidate& c) {
        return c.strength * 10 + (c.currency.isEmpty() ? 0 : 2);
    };
    for (const AmountCandidate& c : candidates) {
        if (c.role != AmountRole::Total || c.strength < 2)
            continue;
        if (!best || score(c) > score(*best) || (score(c) == score(*best) && c.line >= best->line))
            best = &c;
    }
    if (best)
        return Choice {*best, true};
    // No labelled total: the amounts printed with a currency. One value (perhaps repeated) is the total; with
    // several, the largest that is not a part is the likeliest (weak).
    const AmountCandidate* largest = nullptr;
    for (const AmountCandidate& c : candidates) {
        if (c.currency.isEmpty() || c.role == AmountRole::Part || c.number.negative())
            continue;
        const qint64 value = c.number.minor(3).value_or(0);
        if (!largest || value > largest->number.minor(3).value_or(0))
            largest = &c;
    }
    if (largest)
        return Choice {*largest, false};
    for (const AmountCandidate& c : candidates) {
        if (c.role == AmountRole::Total && c.strength == 1)
            return Choice {c, false};
    }
    return std::nullopt;
}

QString AmountFinder::dominantCurrency(const QList<AmountCandidate>& candidates)
{
    QHash<QString, int> counts;
    for (const AmountCandidate& c : candidates) {
        if (!c.currency.isEmpty())
            counts[c.currency] += c.currency == u"$" ? 1 : 2;
    }
    QString best;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

Currency AmountFinder::resolveCurrency(const QString& mark, const QString& text, const Currency& fallback)
{
    if (mark.isEmpty())
        return fallback;
    if (mark != u"$")
        return Currency::fromCode(mark);
    static const QList<QPair<QRegularExpression, QString>> dollars {
        {QRegularExpression(u"\\bUSD\\b|US\\$"_s), u"USD"_s},
        {QRegularExpression(u"\\bCAD\\b|C\\$|CA\\$"_s), u"CAD"_s},
        {QRegularExpression(u"\\bAUD\\b|A\\$|AU\\$"_s), u"AUD"_s},
        {QRegularExpression(u"\\bNZD\\b|NZ\\$"_s), u"NZD"_s},
        {QRegularExpression(u"\\bSGD\\b|S\\$"_s), u"SGD"_s},
        {QRegularExpression(u"\\bHKD\\b|HK\\$"_s), u"HKD"_s},
        {QRegularExpression(u"\\bMXN\\b"_s), u"MXN"_s},
    };
    for (const auto& [pattern, code] : dollars) {
        if (pattern.match(text).hasMatch())
            return Currency::fromCode(code);
    }
    static const QStringList dollarCodes {u"USD"_s, u"CAD"_s, u"AUD"_s, u"NZD"_s, u"SGD"_s, u"HKD"_s, u"MXN"_s};
    if (fallback.isValid() && dollarCodes.contains(fallback.code()))
        return fallback;
    return Currency::fromCode(u"USD");
}

std::optional<qint64> AmountFinder::parseAmountText(const QString& text, const Currency& currency)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    // A plain C-locale decimal as JSON and schema.org write it ("12.5", "1234.567").
    static const QRegularExpression plain(u"^-?\\d+(\\.\\d+)?$"_s);
    if (plain.match(trimmed).hasMatch()) {
        auto money = Money::fromDecimalString(trimmed, currency, Money::Rounding::HalfAwayFromZero);
        if (money)
            return money->minor() < 0 ? -money->minor() : money->minor();
    }
    for (const NumberToken& number : ReceiptParsing::findNumbers(ReceiptParsing::foldText(trimmed))) {
        if (number.percent)
            continue;
        if (auto minor = number.minor(currency.minorDigits()))
            return *minor < 0 ? -*minor : *minor;
    }
    return std::nullopt;
}

} // namespace Moniagent::MailParsing
