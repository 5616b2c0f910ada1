#include "receiptkeywords.h"

#include <QRegularExpression>

namespace Moniagent::ReceiptParsing {

namespace {

QRegularExpression words(const char* pattern)
{
    return QRegularExpression(QStringLiteral("(?<![A-Z0-9])(?:") + QString::fromUtf8(pattern)
                              + QStringLiteral(")(?![A-Z0-9])"));
}

bool has(const QRegularExpression& pattern, const QString& text)
{
    return pattern.match(text).hasMatch();
}

// Each table names the phrase in English, German, French, Spanish, Italian, Dutch and Malay where the language
// has one; the folded form has no accents and is upper case.
const QRegularExpression& strongTotal()
{
    static const QRegularExpression pattern
        = words("GRAND\\s*TOTAL|TOTAL\\s*(?:AMOUNT|AMT|DUE|PAYABLE|TO\\s*PAY|INVOICE|BILL)|"
                "NETT\\s*TOTAL|TOTAL\\s*NETT|AMOUNT\\s*(?:DUE|PAYABLE|TO\\s*PAY)|BALANCE\\s*DUE|"
                "ROUND\\w*\\s+(?:\\w\\s+)?TOTAL|TOTAL\\s*\\(?\\s*ROUNDED|TOTAL\\s*AFTER\\s*ROUND\\w*|"
                "(?:TOTAL|AMOUNT|SALES)(?:\\s+[A-Z$]+){0,2}\\s*\\(?\\s*INCL(?:USIVE|UDING|\\b)\\s*\\.?\\s*(?:OF\\s*)?"
                "(?:GST|SST|VAT|TAX\\w*|MWST|TVA|IVA|BTW)|"
                "TOTAL\\s*AFTER\\s*(?:ROUND\\w*|ADJ\\w*)|"
                "TOTAL\\s*TTC|NET\\s*A\\s*PAYER|TOTAL\\s*A\\s*PAYER|MONTANT\\s*(?:TTC|A\\s*PAYER|TOTAL)|A\\s*PAYER|"
                "GESAMTSUMME|GESAMTBETRAG|ENDSUMME|ENDBETRAG|ZU\\s*ZAHLEN|ZAHLBETRAG|RECHNUNGSBETRAG|SUMME\\s*EUR|"
                "TOTAL\\s*A\\s*PAGAR|IMPORTE\\s*TOTAL|TOTAL\\s*IMPORTE|TOTAL\\s*EUROS?|"
                "TOTALE\\s*(?:COMPLESSIVO|DA\\s*PAGARE|EURO)|IMPORTO\\s*(?:TOTALE|DA\\s*PAGARE)|"
                "TOTAAL\\s*TE\\s*BETALEN|TE\\s*BETALEN|EINDTOTAAL|"
                "JUMLAH\\s*(?:BESAR|KESELURUHAN|PERLU\\s*DIBAYAR|BERSIH|BAYARAN)");
    return pattern;
}

const QRegularExpression& normalTotal()
{
    static const QRegularExpression pattern = words("TOTAL|TOTALE|TOTAAL|JUMLAH|SUMME|GESAMT|BRUTTO|SUMA|TOT|DUE");
    return pattern;
}

const QRegularExpression& weakTotal()
{
    static const QRegularExpression pattern = words("AMOUNT|AMT|BETRAG|MONTANT|IMPORTE|IMPORTO|BEDRAG|AMAUN|NETT");
    return pattern;
}

const QRegularExpression& subtotalPattern()
{
    static const QRegularExpression pattern
        = words("SUB\\s*-?\\s*TOTAL|SUBTOT|ZWISCHENSUMME|SOUS\\s*-?\\s*TOTAL|SUBTOTALE|SUBTOTAAL|JUMLAH\\s*KECIL|"
                "(?:TOTAL|AMOUNT|SALES)\\s*(?:SALES\\s*)?\\(?\\s*(?:EXCL\\w*|BEFORE|W/?O|WITHOUT|EX)\\b\\.?|"
                "(?:EXCL\\w*|EX)\\.?\\s*(?:OF\\s*)?(?:GST|SST|VAT|TAX\\w*)|BEFORE\\s*(?:GST|SST|VAT|TAX)|"
                "TOTAL\\s*HT|MONTANT\\s*HT|NETTO\\w*|BASE\\s*IMPONIBLE|IMPONIBILE|EXCL\\.?\\s*BTW");
    return pattern;
}

const QRegularExpression& taxPattern()
{
    static const QRegularExpression pattern
        = words("GST|SST|VAT|TAX|TAXES|MWST|MW\\.?\\s*ST|UST|MEHRWERTSTEUER|TVA|IVA|BTW|CUKAI|STEUER|IGIC|IMPOSTA|"
                "SERVICE\\s*TAX|SALES\\s*TAX");
    return pattern;
}

// A tax word that is not an amount of tax: the document type, a registration number or a column heading.
const QRegularExpression& notTaxAmount()
{
    static const QRegularExpression pattern = words(
        "TAX\\s*INVOICE|INVOICE|(?:GST|SST|VAT|TAX|TVA|IVA|BTW|UST|MWST)[\\s.\\-]*(?:REG\\w*|ID|NO|NR|NUM\\w*|#|CODE|"
        "SUMMARY|ANALYSIS|DETAILS?|NUMMER|IDENT\\w*)|REG\\w*\\s*(?:NO|#)|STEUER\\s*-?\\s*NR|STEUERNUMMER|USTID|"
        "UST\\s*-?\\s*ID\\w*|N\\s*TVA|NUMERO|SIRET|NIF|CIF|P\\.?\\s*IVA|PARTITA|TAXABLE|TAX\\s*CODE|CODE");
    return pattern;
}

const QRegularExpression& roundingPattern()
{
    static const QRegularExpression pattern
        = words("ROUNDING|ROUNDING\\s*ADJ\\w*|ROUND\\s*(?:ADJ\\w*|OFF)|ADJ|ADJUSTMENT|ADJUSTMENTS|PEMBUNDARAN|RUNDUNG|"
                "ARRONDI|ARRONDIS?SEMENT|REDONDEO|ARROTONDAMENTO|AFRONDING|ROUNDED\\s*(?:ADJ\\w*|BY)");
    return pattern;
}

const QRegularExpression& changePattern()
{
    static const QRegularExpression pattern
        = words("CHANGE|CHANGE\\s*DUE|BAKI|BAKI\\s*TUNAI|WECHSELGELD|RUCKGELD|ZURUCK|RENDU|RENDU\\s*MONNAIE|"
                "MONNAIE\\s*RENDUE|A\\s*RENDRE|CAMBIO|VUELTO|SU\\s*CAMBIO|RESTO|WISSELGELD|TERUG|KEMBALIAN");
    return pattern;
}

const QRegularExpression& tenderedPattern()
{
    static const QRegularExpression pattern
        = words("CASH|TUNAI|TENDER\\w*|PAID|PAYMENT|BAYARAN|DIBAYAR|BAR|BARGELD|GEGEBEN|ESPECES|EFECTIVO|ENTREGADO|"
                "CONTANTI|CONTANTE|CONTANT|PAGATO|BETAALD|RECEIVED|CARD|VISA|MASTER\\w*|AMEX|DEBIT|CREDIT|KARTE|"
                "EC\\s*-?\\s*KARTE|GIROCARD|MAESTRO|CARTE|CB|TARJETA|CARTA|BANCOMAT|PIN|PINNEN|KAD|VOUCHER|EWALLET|"
                "E\\s*-\\s*WALLET");
    return pattern;
}

const QRegularExpression& countPattern()
{
    static const QRegularExpression pattern
        = words("TOTAL\\s*(?:QTY|QUANTITY|ITEMS?|ITEM\\s*COUNT|PCS|PIECES|UNITS?|ARTICLES?|NO\\.?\\s*OF\\s*ITEMS?)\\.?|"
                "QTY|QUANTITY|ITEM\\s*COUNT|NO\\.?\\s*OF\\s*ITEMS?|ITEMS?\\s*SOLD|ANZAHL(?:\\s*ARTIKEL)?|ARTIKEL|"
                "NB\\s*(?:D\\s*)?ARTICLES?|ARTICLES?|ARTICULOS|UNIDADES|ARTICOLI|PEZZI|AANTAL(?:\\s*ARTIKELEN)?|"
                "ARTIKELEN|KUANTITI|BIL\\.?\\s*(?:ITEM|BARANG)|JUMLAH\\s*(?:ITEM|BARANG|KUANTITI)");
    return pattern;
}

const QRegularExpression& discountPattern()
{
    static const QRegularExpression pattern
        = words("DISC|DISCOUNT|DISC\\.|RABATT|NACHLASS|REMISE|RABAIS|REDUCTION|DESCUENTO|DTO|SCONTO|KORTING|"
                "DISKAUN|POTONGAN|SAVING|SAVINGS|COUPON|PROMO");
    return pattern;
}

const QRegularExpression& headerWord()
{
    static const QRegularExpression pattern = words(
        "QTY|QUANTITY|PRICE|U/P|UNIT\\s*PRICE|AMOUNT|AMT|DESCRIPTION|DESC|ITEM|ITEMS|CODE/DESC|MENGE|PREIS|BETRAG|"
        "ARTIKEL|BEZEICHNUNG|QTE|PRIX|MONTANT|DESIGNATION|CANT|CANTIDAD|PRECIO|IMPORTE|DESCRIPCION|QTA|QUANTITA|"
        "PREZZO|IMPORTO|DESCRIZIONE|AANTAL|PRIJS|BEDRAG|OMSCHRIJVING|KUANTITI|HARGA|JUMLAH|PERKARA|TOTAL|RM");
    return pattern;
}

const QRegularExpression& dateWord()
{
    static const QRegularExpression pattern
        = words("DATE|DATED|DATUM|FECHA|DATA|TARIKH|DT|BELEGDATUM|RECHNUNGSDATUM|DATE\\s*/\\s*TIME|DATE\\s*&\\s*TIME");
    return pattern;
}

const QRegularExpression& timeWord()
{
    static const QRegularExpression pattern = words("TIME|ZEIT|UHRZEIT|HEURE|HORA|ORA|TIJD|MASA|WAKTU");
    return pattern;
}

const QRegularExpression& notPurchaseDatePattern()
{
    static const QRegularExpression pattern
        = words("EXP|EXPIRY|EXPIRES?|EXPIRATION|VALID|VALIDITY|BEST\\s*BEFORE|USE\\s*BY|DUE\\s*DATE|DUE|GULTIG|FALLIG|"
                "MHD|ECHEANCE|VALABLE|VENCIMIENTO|VALIDO|SCADENZA|VERVALDATUM|GELDIG|TARIKH\\s*LUPUT|SAH\\s*SEHINGGA|"
                "BIRTH|DOB|SINCE|PRINTED|RETURN\\w*\\s*(?:BY|UNTIL|BEFORE)");
    return pattern;
}

const QRegularExpression& depositPattern()
{
    static const QRegularExpression pattern = words("DEPOSIT|PFAND|CONSIGNE|DEPOSITO|STATIEGELD|DEPOSIT\\w*");
    return pattern;
}

} // namespace

QString foldText(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == u'ß') {
            folded += QStringLiteral("SS");
            continue;
        }
        folded += c.toUpper();
    }
    return folded.simplified();
}

RowKeywords classifyRow(const QString& folded)
{
    RowKeywords keywords;
    keywords.count = has(countPattern(), folded);
    keywords.subtotal = has(subtotalPattern(), folded);
    keywords.rounding = has(roundingPattern(), folded);
    keywords.change = has(changePattern(), folded);
    keywords.tendered = has(tenderedPattern(), folded);
    keywords.discount = has(discountPattern(), folded);
    keywords.deposit = has(depositPattern(), folded);
    keywords.date = has(dateWord(), folded);
    keywords.time = has(timeWord(), folded);
    keywords.notPurchaseDate = has(notPurchaseDatePattern(), folded);

    if (has(strongTotal(), folded))
        keywords.totalStrength = 3;
    else if (has(normalTotal(), folded))
        keywords.totalStrength = 2;
    else if (has(weakTotal(), folded))
        keywords.totalStrength = 1;

    // A tax word names an amount of tax unless it is the document type or a registration number ("TAX
    // INVOICE", "GST REG NO"); "TOTAL INCL. GST" is a total and "TOTAL EXCL. GST" a subtotal.
    if (has(taxPattern(), folded)) {
        QString rest = folded;
        rest.remove(notTaxAmount());
        keywords.tax = has(taxPattern(), rest);
    }
    if (keywords.totalStrength == 3 || keywords.subtotal) {
        // "TOTAL INCL. GST", "TOTAL EXCL. VAT": the tax word qualifies the total.
        QString rest = folded;
        rest.remove(strongTotal());
        rest.remove(subtotalPattern());
        keywords.tax = keywords.tax && has(taxPattern(), rest);
    }
    if (keywords.subtotal && keywords.totalStrength < 3)
        keywords.totalStrength = 0;
    // "ROUNDED TOTAL", "TOTAL AFTER ROUNDING ADJ": the total after rounding.
    if (keywords.rounding && keywords.totalStrength >= 2 && !keywords.subtotal)
        keywords.totalStrength = 3;
    if (keywords.totalStrength == 3)
        keywords.rounding = false;
    // "GST INCLUDED 0.22", "TOTAL INCLUDED GST @ 6%: 1.42": the tax a total includes, not the total.
    static const QRegularExpression included
        = words("INCLUDED|INBEGRIFFEN|ENTHALTEN|INCLUSE|INCLUIDO|INCLUSO|INBEGREPEN|"
                "TERMASUK");
    if (keywords.tax && has(included, folded))
        keywords.totalStrength = 0;
    if (keywords.count)
        keywords.totalStrength = 0;

    int headerWords = 0;
    auto it = headerWord().globalMatch(folded);
    while (it.hasNext()) {
        it.next();
        ++headerWords;
    }
    keywords.itemHeader = headerWords >= 2;
    return keywords;
}

QString paymentMethodIn(const QString& folded, int* specificity)
{
    struct Method
    {
        const char* key;
        int specificity;
        QRegularExpression pattern;
    };
    static const QList<Method> methods {
        {"mobile", 4,
         words(
             "APPLE\\s*PAY|GOOGLE\\s*PAY|SAMSUNG\\s*PAY|GRAB\\s*PAY|BOOST|TOUCH\\s*'?\\s*N\\s*'?\\s*GO|TNG|"
             "E\\s*-?\\s*WALLET|TWINT|PAYPAL|ALIPAY|WECHAT\\s*PAY|SHOPEE\\s*PAY|DUITNOW\\s*QR|BIZUM|SATISPAY|PAYCONIQ|"
             "TIKKIE|LYDIA")},
        {"contactless", 4,
         words("CONTACTLESS|KONTAKTLOS|SANS\\s*CONTACT|SIN\\s*CONTACTO|CONTACTLESS|SENZA\\s*CONTATTO|CONTACTLOOS|"
               "TANPA\\s*SENTUH|NFC|PAYWAVE|PAYPASS")},
        {"credit_card", 3,
         words(
             "CREDIT\\s*CARD|CREDIT|KREDITKARTE|CARTE\\s*(?:DE\\s*)?CREDIT|TARJETA\\s*(?:DE\\s*)?CREDITO|"
             "CARTA\\s*(?:DI\\s*)?CREDITO|CREDITCARD|KAD\\s*KREDIT|VISA|MASTERCARD|MASTER|MC|AMEX|AMERICAN\\s*EXPRESS|"
             "DINERS|JCB|UNIONPAY")},
        {"debit_card", 3,
         words("DEBIT\\s*CARD|DEBIT|EC\\s*-?\\s*KARTE|EC\\s*-?\\s*CASH|GIROCARD|MAESTRO|V\\s*PAY|BANCOMAT|PINNEN|"
               "PINBETALING|PIN|KAD\\s*DEBIT|MYDEBIT|CARTE\\s*BANCAIRE|TARJETA\\s*(?:DE\\s*)?DEBITO|BANCONTACT")},
        {"card", 2, words("CARD|KARTE|KARTENZAHLUNG|CARTE|CB|TARJETA|CARTA|KAART|KAD|EFTPOS")},
        {"voucher", 2,
         words("VOUCHER|GIFT\\s*CARD|GUTSCHEIN|BON\\s*D\\s*ACHAT|CHEQUE\\s*CADEAU|VALE|BUONO|TEGOEDBON|CADEAUBON|"
               "BAUCAR|BAUCER")},
        {"transfer", 2,
         words("BANK\\s*TRANSFER|TRANSFER|UBERWEISUNG|VIREMENT|TRANSFERENCIA|BONIFICO|OVERSCHRIJVING|PINDAHAN|"
               "FPX|IBAN")},
        {"cash", 1, words("CASH|TUNAI|BAR|BARGELD|BARZAHLUNG|ESPECES|EFECTIVO|CONTANTI|CONTANTE|CONTANT|KONTAN")},
    };
    for (const Method& method : methods) {
        if (method.pattern.match(folded).hasMatch()) {
            if (specificity)
                *specificity = method.specificity;
            return QString::fromLatin1(method.key);
        }
    }
    if (specificity)
        *specificity = 0;
    return {};
}

bool mentionsPayment(const QString& folded)
{
    static const QRegularExpression pattern
        = words("PAYMENT|PAID|PAY\\s*MODE|PAYMENT\\s*MODE|TENDER\\w*|ZAHLUNG|ZAHLART|BEZAHLT|GEGEBEN|PAIEMENT|PAYE|"
                "REGLEMENT|PAGO|PAGADO|PAGAMENTO|PAGATO|BETALING|BETAALD|BETAALWIJZE|BAYARAN|DIBAYAR|CARA\\s*BAYARAN");
    return pattern.match(folded).hasMatch();
}

int taxRateIn(const QString& folded)
{
    static const QRegularExpression pattern(QStringLiteral("(\\d{1,2})(?:[.,](\\d{1,2}))?\\s*%"));
    const QRegularExpressionMatch match = pattern.match(folded);
    if (!match.hasMatch())
        return -1;
    int rate = match.captured(1).toInt() * 100;
    const QString fraction = match.captured(2);
    if (!fraction.isEmpty())
        rate += fraction.size() == 1 ? fraction.toInt() * 10 : fraction.toInt();
    return rate;
}

} // namespace Moniagent::ReceiptParsing
