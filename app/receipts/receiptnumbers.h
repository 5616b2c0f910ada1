#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Moniagent::ReceiptParsing {

// A number printed on a receipt, with what surrounds it: "RM12.50", "1.234,56 €", "12.50-", "(3.00)", "2x", "6%".
struct NumberToken
{
    int start = 0; // in the text given to findNumbers, including a currency symbol and sign
    int length = 0;
    qint64 mantissa = 0; // the digits without separators; value = mantissa / 10^decimals, sign applied
    int decimals = 0; // fraction digits as printed (0 for an integer)
    bool ambiguousGrouping = false; // "1.234": a thousands group or three decimals
    bool grouped = false; // printed with thousands separators
    QString currency; // ISO code from a symbol or code beside it ("MYR" for RM); "$" when only a dollar sign
    bool percent = false;
    QString prefix; // letters glued before the number that are not a currency ("T" of "T02", "X" of "x2")
    QString suffix; // letters glued after it that are not a currency ("X", "PC", "KG")

    bool negative() const { return mantissa < 0; }
    // The value in minor units of a currency with `minorDigits`, when it has no more fraction digits than that.
    std::optional<qint64> minor(int minorDigits) const;
    // A money amount as receipts print them: exactly `minorDigits` decimals, not a percentage or a code.
    bool isMoney(int minorDigits) const;
    // The value as a C-locale decimal string ("0.450", "-2", "12.5").
    QString decimalString() const;
};

// Replaces the letter O read where a digit belongs ("1O.5O" -> "10.50"). Keeps the length, so offsets stay valid.
QString fixOcrDigits(QStringView text);

// The numbers in `text`, left to right. Dates, times and phone numbers ("25/12/2018", "12:06", "03-7731") are not
// numbers; OCR noise (O for 0, spaces around the decimal separator) is tolerated.
QList<NumberToken> findNumbers(QStringView text);

// Parses a single amount ("1 234,56", "RM 12.50-"): the first money amount with `minorDigits` decimals in `text`.
std::optional<qint64> parseAmount(QStringView text, int minorDigits = 2);

} // namespace Moniagent::ReceiptParsing
