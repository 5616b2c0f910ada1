#include "emailcues.h"

#include "receipts/receiptdates.h"
#include "receipts/receiptkeywords.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent::MailParsing {

namespace {

QRegularExpression words(const char* alternatives)
{
    return QRegularExpression(u"(?:^|[^A-Z0-9])(?:"_s + QString::fromUtf8(alternatives) + u")(?=$|[^A-Z0-9])"_s);
}

int count(const QRegularExpression& pattern, const QString& folded, int cap)
{
    int n = 0;
    auto it = pattern.globalMatch(folded);
    while (it.hasNext() && n < cap) {
        it.next();
        ++n;
    }
    return n;
}

struct Patterns
{
    QRegularExpression strongPurchase = words(
        "RECEIPTS?|INVOICES?|ORDER CONFIRM\\w*|CONFIRMATION OF (?:YOUR )?ORDER|ORDER RECEIVED|PAYMENT CONFIRM\\w*|"
        "PAYMENT RECEIPT|THANKS? (?:YOU )?FOR (?:YOUR )?(?:ORDER|PURCHASE|SHOPPING|PAYMENT|BUYING|DONATION)|"
        "YOUR (?:PAYMENT|PURCHASE|DONATION|SUBSCRIPTION)|YOU(?:'VE| HAVE)? PAID|YOU SENT|PAYMENT SENT|PAYMENT TO|"
        "(?:WAS|BEEN|BE|IS) CHARGED|WE(?:'VE| HAVE)? CHARGED|SUBSCRIPTION (?:RENEW\\w*|CONFIRM\\w*)|RENEWAL|"
        "BOOKING CONFIRM\\w*|QUITTUNG|RECHNUNG|BESTELLBESTATIGUNG|BESTELLUNG (?:BESTATIGT|EINGEGANGEN)|KAUFBELEG|"
        "ZAHLUNGSBESTATIGUNG|VIELEN DANK FUR (?:IHRE|DEINE) BESTELLUNG|FACTURE|CONFIRMATION DE COMMANDE|RECU|"
        "RICEVUTA|FATTURA|CONFERMA (?:D'|DELL')?ORDINE|RECIBO|FACTURA|CONFIRMACION DE PEDIDO|FACTUUR|"
        "BEDANKT VOOR (?:JE|UW) BESTELLING|ORDER COMPLETE|PAID INVOICE");
    QRegularExpression purchase
        = words("YOUR ORDER|YOUR (?:TRIP|RIDE|BOOKING|RESERVATION|TICKETS?)|ORDER (?:NUMBER|NO\\.?|#|ID)|ORDER "
                "SUMMARY|ORDER DETAILS|SUBSCRIPTION|BILLING|PURCHASED?|"
                "DONATION|BESTELLUNG|COMMANDE|ORDINE|PEDIDO|BESTELLING");
    QRegularExpression refund
        = words("(?<!REQUEST A |FOR A |APPLY FOR A |ELIGIBLE FOR A )REFUND(?:ED|S)?(?! POLICY| POLICIES)|MONEY BACK(?! "
                "GUARANTEE)|RUCKERSTATTUNG|ERSTATTUNG|ERSTATTET|GUTSCHRIFT|REMBOURSEMENT|REMBOURSE|"
                "RIMBORSO|REEMBOLSO|TERUGBETALING|CREDIT NOTE|RETURN (?:RECEIVED|PROCESSED)");
    QRegularExpression payout
        = words("PAYOUTS?|YOU(?:'VE| HAVE)? RECEIVED (?:A |AN )?(?:PAYMENT|MONEY|TRANSFER|[$£€]|\\d)|PAYMENT RECEIVED|"
                "SENT YOU (?:A |AN )?(?:PAYMENT|MONEY|[$£€]|\\d)|YOU GOT PAID|YOU(?:'VE| HAVE)? (?:SOLD|MADE A "
                "SALE)|ITEM SOLD|NEW SALE|AUSZAHLUNG|"
                "ZAHLUNG ERHALTEN|GELD ERHALTEN|VIREMENT RECU|PAIEMENT RECU|DEPOSITED (?:TO|INTO) YOUR");
    QRegularExpression debit
        = words("DEBITED|HAS BEEN DEBITED|ABGEBUCHT|BELASTET|DEBITE|ADDEBITATO|CARGADO|WITHDRAWAL|CARD "
                "(?:TRANSACTION|PURCHASE)|"
                "PURCHASE ALERT|TRANSACTION ALERT|SPENT");
    QRegularExpression credit = words("CREDITED|HAS BEEN CREDITED|GUTGESCHRIEBEN|CREDITE|ACCREDITATO|ABONADO");
    QRegularExpression bankContext = words("CARD ENDING|ACCOUNT ENDING|ENDING IN|KARTE ENDEND|KONTO|ACCOUNT NO");
    QRegularExpression shipping
        = words("SHIPPED|HAS SHIPPED|DISPATCHED|ON (?:ITS|THE) WAY|OUT FOR DELIVERY|DELIVERED|TRACK (?:YOUR )?"
                "(?:PACKAGE|PARCEL|ORDER|SHIPMENT)|TRACKING (?:NUMBER|ID|INFORMATION)|SHIPMENT|ARRIVING|VERSANDT|"
                "VERSCHICKT|ZUGESTELLT|UNTERWEGS|SENDUNGSVERFOLGUNG|EXPEDIE|EN ROUTE|SPEDITO|ENVIADO|VERZONDEN");
    QRegularExpression marketing = words(
        "\\d+ ?% (?:OFF|RABATT|DE REDUCTION)|SAVE (?:UP TO )?[$£€]?\\d+|SALE ENDS|SHOP NOW|NEW ARRIVALS|NEWSLETTER|"
        "DEALS?|LIMITED TIME|EXCLUSIVE OFFER|BLACK FRIDAY|CYBER MONDAY|DON'T MISS|LAST CHANCE|FLASH SALE|"
        "PROMO CODE|COUPON CODE|GUTSCHEINCODE|(?:LEFT|STILL|WAITING) IN YOUR (?:CART|BASKET)|YOUR CART|"
        "PRICE DROP|BACK IN STOCK|WARENKORB|PANIER|JETZT (?:KAUFEN|SHOPPEN)|SOLDES|JUST FOR YOU|RECOMMENDED FOR YOU");
    QRegularExpression reminder
        = words("REMINDER|WILL BE (?:CHARGED|BILLED|RENEWED|DEBITED)|UPCOMING (?:PAYMENT|RENEWAL|CHARGE|BILL)|"
                "(?:FREE )?TRIAL (?:ENDS|IS ENDING|EXPIRES)|RENEWS ON|ERINNERUNG|WIRD (?:ABGEBUCHT|BELASTET)|RAPPEL");
    QRegularExpression account = words(
        "PASSWORD|PASSWORT|KENNWORT|MOT DE PASSE|RESET|VERIFY YOUR|CONFIRM YOUR (?:EMAIL|ACCOUNT|ADDRESS)|"
        "VERIFICATION CODE|SECURITY (?:ALERT|CODE)|NEW SIGN-?IN|SIGN-?IN ATTEMPT|WELCOME TO|TERMS OF (?:SERVICE|USE)|"
        "PRIVACY POLICY|ACCOUNT (?:UPDATE|CREATED|SETTINGS|ACTIVATION)|ONE-TIME (?:CODE|PASSCODE)");
};

const Patterns& patterns()
{
    static const Patterns p;
    return p;
}

KindCues::Counts countCues(const QString& folded, int cap)
{
    const Patterns& p = patterns();
    KindCues::Counts c;
    c.strongPurchase = count(p.strongPurchase, folded, cap);
    c.purchase = c.strongPurchase + count(p.purchase, folded, cap);
    c.refund = count(p.refund, folded, cap);
    c.payout = count(p.payout, folded, cap);
    const bool bank = p.bankContext.match(folded).hasMatch();
    c.debit = count(p.debit, folded, cap) * (bank ? 2 : 1);
    c.credit = count(p.credit, folded, cap) * (bank ? 2 : 1);
    c.shipping = count(p.shipping, folded, cap);
    c.marketing = count(p.marketing, folded, cap);
    c.account = count(p.account, folded, cap);
    c.reminder = count(p.reminder, folded, cap);
    return c;
}

} // namespace

KindCues EmailCues::kindCues(const QString& subject, const QString& body)
{
    KindCues cues;
    cues.subject = countCues(ReceiptParsing::foldText(subject), 3);
    // The body's first part says what the email is; footers repeat "unsubscribe", "privacy policy" everywhere.
    cues.body = countCues(ReceiptParsing::foldText(QStringView(body).left(6000)), 5);
    return cues;
}

QString EmailCues::orderNumber(const QString& text)
{
    static const QRegularExpression pattern(
        uR"((?i:order|bestell|invoice|rechnungs|commande|ordine|pedido|receipt|confirmation|booking|purchase)\s*)"
        uR"((?i:number|nummer|no\.?|nr\.?|#|id|n°|numero|número|code)?\s*[:#]?\s*(?:is\s+)?)"
        uR"(#?([A-Z0-9][A-Z0-9\-]{3,30}))"_s);
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QString number = it.next().captured(1);
        if (std::any_of(number.cbegin(), number.cend(), [](QChar c) { return c.isDigit(); }))
            return number;
    }
    return {};
}

QDate EmailCues::bodyDate(const QString& text, const QDate& reference, bool anyDate)
{
    static const QRegularExpression label = words(
        "ORDER DATE|ORDER PLACED|ORDERED(?: ON)?|PLACED(?: ON)?|PURCHASED(?: ON)?|PURCHASE DATE|TRANSACTION "
        "DATE|INVOICE DATE|PAYMENT DATE|"
        "DATE OF (?:PURCHASE|ORDER|PAYMENT|TRANSACTION)|DATE PAID|PAID ON|ISSUED ON|BESTELLDATUM|RECHNUNGSDATUM|"
        "KAUFDATUM|DATUM|DATE DE (?:COMMANDE|FACTURE)|DATA (?:ORDINE|DELL'ORDINE)|FECHA(?: DE PEDIDO)?|DATE|DATA|"
        "ORDER DATE/TIME|TIME OF PURCHASE");
    static const QRegularExpression notPurchase
        = words("DUE|DELIVERY|ARRIV\\w*|EXPECTED|ESTIMATED|SHIP\\w*|EXPIR\\w*|VALID|GULTIG|LIEFER\\w*|BIRTH|SINCE");
    const QDate today = reference.isValid() ? reference.addDays(1) : QDate::currentDate();
    const QStringList lines = text.split(u'\n');
    // The order of day and month in numeric dates: what an unambiguous date of the same email shows ("01/13/2023"
    // is month first), else month first when amounts are in dollars only, else the reading nearest `reference`.
    int order = 0; // > 0 day first, < 0 month first
    static const QRegularExpression numericDate(uR"(\d[./-]\d{1,2}[./-]\d)"_s);
    for (const QString& line : lines) {
        if (!numericDate.match(line).hasMatch())
            continue;
        for (const auto& match : ReceiptParsing::findDates(ReceiptParsing::foldText(line), today)) {
            if (!match.ambiguousOrder && !match.monthName && !match.yearFirst && !match.compact)
                order += match.dayFirst ? 1 : -1;
        }
    }
    if (order == 0 && text.contains(u'$') && !text.contains(u'€') && !text.contains(u'£'))
        order = -1;
    const auto pick = [&](const QList<ReceiptParsing::DateMatch>& matches) -> QDate {
        QDate best;
        qint64 bestDistance = std::numeric_limits<qint64>::max();
        for (const auto& match : matches) {
            if (match.date > today)
                continue;
            if (!match.ambiguousOrder)
                return match.date;
            if (order != 0) {
                if (match.dayFirst == (order > 0))
                    return match.date;
                continue;
            }
            const qint64 distance = reference.isValid() ? match.date.daysTo(reference) : 0;
            if (distance >= 0 && distance < bestDistance) {
                best = match.date;
                bestDistance = distance;
            }
        }
        return best;
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString folded = ReceiptParsing::foldText(lines.at(i));
        const auto labelMatch = label.match(folded);
        if (!labelMatch.hasMatch() || notPurchase.match(folded).hasMatch())
            continue;
        QString window = folded.mid(labelMatch.capturedStart());
        if (i + 1 < lines.size())
            window += u' ' + ReceiptParsing::foldText(lines.at(i + 1));
        const QDate date = pick(ReceiptParsing::findDates(window, today));
        if (date.isValid())
            return date;
    }
    if (!anyDate)
        return {};
    for (const QString& line : lines) {
        const QString folded = ReceiptParsing::foldText(line);
        if (notPurchase.match(folded).hasMatch())
            continue;
        const QDate date = pick(ReceiptParsing::findDates(folded, today));
        if (date.isValid())
            return date;
    }
    return {};
}

} // namespace Moniagent::MailParsing
