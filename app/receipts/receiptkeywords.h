#pragma once

#include <QString>
#include <QStringView>

namespace Moniagent::ReceiptParsing {

// Upper case, accents removed ("Zwischensumme" -> "ZWISCHENSUMME", "März" -> "MARZ"), spaces simplified. Keyword
// tables are written in this form.
QString foldText(QStringView text);

// What the words of a row say its amount is, in English, German, French, Spanish, Italian, Dutch and Malay.
struct RowKeywords
{
    int totalStrength = 0; // 3 "GRAND TOTAL", "ZU ZAHLEN", "TOTAL TTC"; 2 "TOTAL", "SUMME"; 1 "AMOUNT", "BETRAG"
    bool subtotal = false; // "SUBTOTAL", "ZWISCHENSUMME", "TOTAL EXCL. GST", "TOTAL HT"
    bool tax = false; // "GST 6%", "MwSt", "TVA", "IVA", "BTW" (not "TAX INVOICE" nor a registration number)
    bool rounding = false; // "ROUNDING ADJ", "RUNDUNG", "ARRONDI", "PEMBUNDARAN"
    bool change = false; // "CHANGE", "BAKI", "RÜCKGELD", "RENDU", "CAMBIO", "WISSELGELD"
    bool tendered = false; // "CASH", "TUNAI", "BAR", "ESPÈCES", "CARD", "VISA", "TENDERED", "PAID"
    bool count = false; // "TOTAL QTY", "TOTAL ITEMS", "ANZAHL ARTIKEL", "NB ARTICLES"
    bool discount = false; // "DISCOUNT", "RABATT", "REMISE", "DESCUENTO", "SCONTO", "KORTING", "DISKAUN"
    bool itemHeader = false; // a column header row: "QTY  PRICE  AMOUNT", "MENGE  PREIS  BETRAG"
    bool date = false; // "DATE", "DATUM", "FECHA", "DATA", "TARIKH"
    bool time = false; // "TIME", "ZEIT", "HEURE", "HORA", "ORA", "TIJD", "MASA"
    bool notPurchaseDate = false; // "EXPIRY", "VALID UNTIL", "DUE DATE", "GÜLTIG BIS", "SCADENZA"
    bool deposit = false; // "DEPOSIT", "PFAND", "STATIEGELD": part of the total, not an item of its own

    bool anyAmountRole() const
    {
        return totalStrength > 0 || subtotal || tax || rounding || change || tendered || count;
    }
};

// Classifies a row by its words; `folded` is foldText() of the row.
RowKeywords classifyRow(const QString& folded);

// The payment method a row names, as a ReceiptDraft::paymentMethod key, and how specific it is (a mobile wallet
// or contactless payment beats "card", "credit_card" beats "card"); empty when it names none.
QString paymentMethodIn(const QString& folded, int* specificity = nullptr);
// Whether the row is about how the receipt was paid ("PAYMENT", "PAID BY", "ZAHLUNG", "MODE DE PAIEMENT").
bool mentionsPayment(const QString& folded);

// The tax rate printed in a tax row ("GST 6%" -> 600, "MwSt 19,0 %" -> 1900) in hundredths of a percent, or -1.
int taxRateIn(const QString& folded);

} // namespace Moniagent::ReceiptParsing
