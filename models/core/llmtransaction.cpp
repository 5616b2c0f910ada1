#include "llmtransaction.h"

#include "money.h"

namespace Moniagent {

namespace {

QString localizedDigits(const QString& digits, const QLocale& locale)
{
    QString text;
    for (QChar c : digits)
        text += locale.toString(c.digitValue());
    return text;
}

} // namespace

QString LlmTransaction::formatCost(qint64 micros, QStringView currencyCode, const QLocale& locale)
{
    const quint64 magnitude = micros < 0 ? quint64(0) - quint64(micros) : quint64(micros);
    const Currency currency = Currency::fromCode(currencyCode);
    const int digits = currency.isValid() ? qBound(0, currency.minorDigits(), 6) : 0;
    quint64 microsPerMinor = 1;
    for (int i = digits; i < 6; ++i)
        microsPerMinor *= 10;
    const qint64 minor = qint64(magnitude / microsPerMinor);
    const quint64 rest = magnitude % microsPerMinor;

    QString extra;
    if (rest != 0) {
        extra = QString::number(rest).rightJustified(6 - digits, u'0');
        while (extra.endsWith(u'0'))
            extra.chop(1);
        extra = localizedDigits(extra, locale);
        if (digits == 0)
            extra.prepend(locale.decimalPoint());
    }

    if (!currency.isValid()) {
        // Not a currency code: the bare number, then whatever the row says.
        QString text = locale.toString(minor) + extra;
        if (micros < 0)
            text.prepend(locale.negativeSign());
        return currencyCode.isEmpty() ? text : text + QChar(0x00A0) + currencyCode.toString();
    }

    const Money money(micros < 0 ? -minor : minor, currency);
    QString text = money.toString(locale);
    if (extra.isEmpty())
        return text;
    // Money prints the digits of the currency; the finer ones follow them, before any trailing symbol.
    const QString number = Money(minor, currency).toNumberString(locale);
    const qsizetype at = text.lastIndexOf(number);
    if (at < 0)
        return text;
    text.insert(at + number.size(), extra);
    return text;
}

} // namespace Moniagent
