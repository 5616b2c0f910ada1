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
        = words("YOUR ORDER|ORDER (?:NUMBER|NO\\.?|#|ID)|ORDER SUMMARY|ORDER DETAILS|SUBSCRIPTION|BILLING|PURCHASED?|"
                "DONATION|BESTELLUNG|COMMANDE|ORDINE|PEDIDO|BESTELLING");
    QRegularExpression refund
        = words("REFUND(?:ED|S)?|MONEY BACK|RUCKERSTATTUNG|ERSTATTUNG|ERSTATTET|GUTSCHRIFT|REMBOURSEMENT|REMBOURSE|"
                "RIMBORSO|REEMBOLSO|TERUGBETALING|CREDIT NOTE|RETURN (?:RECEIVED|PROCESSED)");
    QRegularExpression payout
        = words("PAYOUTS?|YOU(?:'VE| HAVE)? RECEIVED (?:A |AN )?(?:PAYMENT|MONEY|TRANSFER|[$£€]|\\d)|PAYMENT RECEIVED|"
                "SENT YOU|YOU GOT PAID|YOU(?:'VE| HAVE)? (?:SOLD|MADE A SALE)|ITEM SOLD|NEW SALE|AUSZAHLUNG|"
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
        "PROMO CODE|COUPON CODE|GUTSCHEINCODE|JETZT (?:KAUFEN|SHOPPEN)|SOLDES|JUST FOR YOU|RECOMMENDED FOR YOU");
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
    return c;
}

// A name after a cue: up to five words, the first capitalised or a digit ("7-Eleven", "The Home Depot").
const QString kName
    = uR"(((?:[\p{Lu}\d][\w&'’.\-]*)(?:[ ]+(?:[\p{Lu}\d&][\w&'’.\-]*|&|de|di|du|of|and|und|et)){0,4}))"_s;

const QStringList& stopNames()
{
    static const QStringList names {u"US"_s,    u"OUR"_s,        u"YOUR"_s,   u"THE"_s,   u"YOU"_s, u"IT"_s,
                                    u"THIS"_s,  u"A"_s,          u"AN"_s,     u"ME"_s,    u"UNS"_s, u"NOUS"_s,
                                    u"ORDER"_s, u"AMAZON PAY"_s, u"PAYPAL"_s, u"STRIPE"_s};
    return names;
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

QString EmailCues::cleanMerchant(const QString& name)
{
    QString text = name;
    text.remove(u'"');
    const qsizetype via = text.indexOf(u" via "_s, 0, Qt::CaseInsensitive);
    if (via > 0)
        text = text.left(via);
    static const QRegularExpression noise(
        uR"((?i)\b(?:no-?reply|do-?not-?reply|noreply|orders?|receipts?|billing|invoices?|notifications?|notify|)"
        uR"(info|support|customer (?:service|care|support)|service|team|mailer|newsletter|news|account|accounts|)"
        uR"(payments?|sales|shop team|store team|kundenservice|bestellung(?:en)?|rechnung(?:en)?)\b)"_s);
    text.replace(noise, QString());
    static const QRegularExpression edges(uR"(^[\s\-–|:,.@]+|[\s\-–|:,@]+$)"_s);
    text.replace(edges, QString());
    text = text.simplified();
    if (text.endsWith(u'.') && !text.contains(u' '))
        text.chop(1);
    if (text.startsWith(u"The "_s, Qt::CaseInsensitive) && text.count(u' ') == 0)
        return {};
    return text;
}

QString EmailCues::merchantFromSender(const QString& displayName, const QString& address)
{
    QString name = cleanMerchant(displayName);
    if (!name.isEmpty() && !name.contains(u'@'))
        return name;
    const QString domain = address.section(u'@', 1).toLower();
    if (domain.isEmpty())
        return {};
    static const QStringList suffixes {
        u"com"_s,    u"net"_s, u"org"_s, u"co"_s,  u"uk"_s, u"de"_s, u"ch"_s, u"fr"_s,   u"it"_s,  u"es"_s, u"nl"_s,
        u"io"_s,     u"app"_s, u"us"_s,  u"ca"_s,  u"au"_s, u"at"_s, u"be"_s, u"info"_s, u"biz"_s, u"me"_s, u"eu"_s,
        u"com.au"_s, u"ac"_s,  u"gov"_s, u"edu"_s, u"ie"_s, u"se"_s, u"dk"_s, u"no"_s,   u"fi"_s,  u"pl"_s};
    static const QStringList mailHosts {
        u"mail"_s,     u"email"_s, u"e"_s,      u"em"_s,    u"news"_s,      u"info"_s,          u"mailer"_s,
        u"mg"_s,       u"send"_s,  u"bounce"_s, u"reply"_s, u"members"_s,   u"notifications"_s, u"notify"_s,
        u"messages"_s, u"m"_s,     u"t"_s,      u"mx"_s,    u"marketing"_s, u"transactional"_s, u"orders"_s,
        u"receipts"_s};
    QStringList labels = domain.split(u'.', Qt::SkipEmptyParts);
    while (labels.size() > 1 && suffixes.contains(labels.last()))
        labels.removeLast();
    while (labels.size() > 1 && mailHosts.contains(labels.first()))
        labels.removeFirst();
    if (labels.isEmpty())
        return {};
    QString label = labels.last();
    label[0] = label.at(0).toUpper();
    return label;
}

QString EmailCues::merchantFromText(const QString& text)
{
    static const QList<QRegularExpression> cues = [] {
        const QStringList starts {
            uR"((?i:thanks?(?: you)?(?: so much)?(?: again)? for (?:shopping|ordering|your (?:order|purchase|payment|business|visit)|buying|choosing|dining|visiting|booking)) (?i:at|with|from) )"_s,
            uR"((?i:your (?:order|receipt|purchase|invoice|payment|subscription|booking|donation)) (?i:from|at|with|to) )"_s,
            uR"((?i:(?:receipt|invoice|order|purchase) from) )"_s,
            uR"((?i:(?:you(?:'ve| have)? )?(?:sent a payment|made a payment|paid|sent money|donated)(?: of [^\n]{1,25}?)? to) )"_s,
            uR"((?i:(?:payment|purchase|donation) (?:to|at)) )"_s,
            uR"((?i:(?:vielen dank|danke) f(?:ü|ue)r (?:ihren|deinen|ihre|deine) (?:einkauf|bestellung) (?:bei|in)) )"_s,
            uR"((?i:(?:ihre|deine) bestellung bei) )"_s,
            uR"((?i:merci (?:pour votre (?:achat|commande) )?chez) )"_s,
            uR"((?i:grazie per (?:il tuo acquisto|aver acquistato) (?:da|su)) )"_s,
        };
        QList<QRegularExpression> list;
        for (const QString& start : starts)
            list.append(QRegularExpression(start + kName, QRegularExpression::UseUnicodePropertiesOption));
        return list;
    }();
    for (const QRegularExpression& cue : cues) {
        auto it = cue.globalMatch(text);
        while (it.hasNext()) {
            const QString name = cleanMerchant(it.next().captured(1));
            if (!name.isEmpty() && !stopNames().contains(name.toUpper()) && name.size() >= 2)
                return name;
        }
    }
    return {};
}

QString EmailCues::merchantFromFooter(const QString& text)
{
    static const QRegularExpression copyright(
        uR"((?:©|\(c\)|(?i:copyright))\s*(?:(?i:copyright)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?)"_s + kName,
        QRegularExpression::UseUnicodePropertiesOption);
    auto it = copyright.globalMatch(text);
    QString last;
    while (it.hasNext()) {
        QString name = it.next().captured(1);
        static const QRegularExpression legal(
            uR"((?i)[,.]?\s+(?:inc|ltd|llc|gmbh|ag|sa|s\.a|limited|corp|corporation|plc|b\.v|bv|sarl|s\.r\.l|srl|co|company|all|rights|and its affiliates)\b.*$)"_s);
        name.replace(legal, QString());
        name = cleanMerchant(name);
        if (!name.isEmpty() && !stopNames().contains(name.toUpper()))
            last = name;
    }
    return last;
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
        "ORDER DATE|ORDER PLACED|ORDERED ON|PLACED ON|PURCHASE DATE|TRANSACTION DATE|INVOICE DATE|PAYMENT DATE|"
        "DATE OF (?:PURCHASE|ORDER|PAYMENT|TRANSACTION)|DATE PAID|PAID ON|ISSUED ON|BESTELLDATUM|RECHNUNGSDATUM|"
        "KAUFDATUM|DATUM|DATE DE (?:COMMANDE|FACTURE)|DATA (?:ORDINE|DELL'ORDINE)|FECHA(?: DE PEDIDO)?|DATE|DATA|"
        "ORDER DATE/TIME|TIME OF PURCHASE");
    static const QRegularExpression notPurchase
        = words("DUE|DELIVERY|ARRIV\\w*|EXPECTED|ESTIMATED|SHIP\\w*|EXPIR\\w*|VALID|GULTIG|LIEFER\\w*|BIRTH|SINCE");
    const QDate today = reference.isValid() ? reference.addDays(1) : QDate::currentDate();
    const auto pick = [&](const QList<ReceiptParsing::DateMatch>& matches) -> QDate {
        QDate best;
        qint64 bestDistance = std::numeric_limits<qint64>::max();
        for (const auto& match : matches) {
            if (match.date > today)
                continue;
            const qint64 distance = reference.isValid() ? match.date.daysTo(reference) : 0;
            if (!match.ambiguousOrder)
                return match.date;
            if (distance >= 0 && distance < bestDistance) {
                best = match.date;
                bestDistance = distance;
            }
        }
        return best;
    };
    const QStringList lines = text.split(u'\n');
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
