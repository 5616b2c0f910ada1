#include "currency.h"

#include <QHash>

#include <algorithm>

namespace Moniagent {

namespace {

// ISO 4217 currencies whose minor unit is not 2 digits.
int minorDigitsFor(QStringView code)
{
    static const QHash<QString, int> exceptions = {
        // zero decimals
        {QStringLiteral("BIF"), 0},
        {QStringLiteral("CLP"), 0},
        {QStringLiteral("DJF"), 0},
        {QStringLiteral("GNF"), 0},
        {QStringLiteral("ISK"), 0},
        {QStringLiteral("JPY"), 0},
        {QStringLiteral("KMF"), 0},
        {QStringLiteral("KRW"), 0},
        {QStringLiteral("PYG"), 0},
        {QStringLiteral("RWF"), 0},
        {QStringLiteral("UGX"), 0},
        {QStringLiteral("UYI"), 0},
        {QStringLiteral("VND"), 0},
        {QStringLiteral("VUV"), 0},
        {QStringLiteral("XAF"), 0},
        {QStringLiteral("XOF"), 0},
        {QStringLiteral("XPF"), 0},
        // three decimals
        {QStringLiteral("BHD"), 3},
        {QStringLiteral("IQD"), 3},
        {QStringLiteral("JOD"), 3},
        {QStringLiteral("KWD"), 3},
        {QStringLiteral("LYD"), 3},
        {QStringLiteral("OMR"), 3},
        {QStringLiteral("TND"), 3},
        // four decimals
        {QStringLiteral("CLF"), 4},
        {QStringLiteral("UYW"), 4},
    };
    return exceptions.value(code.toString(), 2);
}

// Symbols that are not ambiguous between currencies, used outside the currency's home locale.
QString unambiguousSymbol(const QString& code)
{
    static const QHash<QString, QString> symbols = {
        {QStringLiteral("EUR"), QStringLiteral("€")}, {QStringLiteral("GBP"), QStringLiteral("£")},
        {QStringLiteral("JPY"), QStringLiteral("¥")}, {QStringLiteral("INR"), QStringLiteral("₹")},
        {QStringLiteral("KRW"), QStringLiteral("₩")}, {QStringLiteral("ILS"), QStringLiteral("₪")},
        {QStringLiteral("NGN"), QStringLiteral("₦")}, {QStringLiteral("PHP"), QStringLiteral("₱")},
        {QStringLiteral("UAH"), QStringLiteral("₴")}, {QStringLiteral("VND"), QStringLiteral("₫")},
        {QStringLiteral("TRY"), QStringLiteral("₺")}, {QStringLiteral("RUB"), QStringLiteral("₽")},
        {QStringLiteral("KZT"), QStringLiteral("₸")}, {QStringLiteral("THB"), QStringLiteral("฿")},
    };
    return symbols.value(code);
}

} // namespace

Currency Currency::fromCode(QStringView code)
{
    const QString upper = code.trimmed().toString().toUpper();
    Currency currency;
    if (upper.size() != 3 || !std::all_of(upper.cbegin(), upper.cend(), [](QChar c) { return c >= u'A' && c <= u'Z'; }))
        return currency;
    currency.m_code = upper;
    currency.m_minorDigits = minorDigitsFor(upper);
    return currency;
}

qint64 Currency::minorPerMajor() const
{
    qint64 factor = 1;
    for (int i = 0; i < m_minorDigits; ++i)
        factor *= 10;
    return factor;
}

QString Currency::symbol(const QLocale& locale) const
{
    if (!isValid())
        return {};
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == m_code)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    const QString symbol = unambiguousSymbol(m_code);
    return symbol.isEmpty() ? m_code : symbol;
}

QString Currency::displayName(const QLocale& locale) const
{
    if (!isValid())
        return {};
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == m_code) {
        const QString name = locale.currencySymbol(QLocale::CurrencyDisplayName);
        if (!name.isEmpty())
            return name;
    }
    // Find a locale of the same language whose currency this is, for a name in the user's language.
    const auto candidates = QLocale::matchingLocales(locale.language(), QLocale::AnyScript, QLocale::AnyTerritory);
    for (const QLocale& candidate : candidates) {
        if (candidate.currencySymbol(QLocale::CurrencyIsoCode) == m_code) {
            const QString name = candidate.currencySymbol(QLocale::CurrencyDisplayName);
            if (!name.isEmpty())
                return name;
        }
    }
    return m_code;
}

QStringList Currency::commonCodes()
{
    QStringList codes = {
        QStringLiteral("AED"), QStringLiteral("ARS"), QStringLiteral("AUD"), QStringLiteral("BGN"),
        QStringLiteral("BHD"), QStringLiteral("BRL"), QStringLiteral("CAD"), QStringLiteral("CHF"),
        QStringLiteral("CLP"), QStringLiteral("CNY"), QStringLiteral("COP"), QStringLiteral("CZK"),
        QStringLiteral("DKK"), QStringLiteral("EGP"), QStringLiteral("EUR"), QStringLiteral("GBP"),
        QStringLiteral("HKD"), QStringLiteral("HUF"), QStringLiteral("IDR"), QStringLiteral("ILS"),
        QStringLiteral("INR"), QStringLiteral("ISK"), QStringLiteral("JPY"), QStringLiteral("KES"),
        QStringLiteral("KRW"), QStringLiteral("KWD"), QStringLiteral("MAD"), QStringLiteral("MXN"),
        QStringLiteral("MYR"), QStringLiteral("NGN"), QStringLiteral("NOK"), QStringLiteral("NZD"),
        QStringLiteral("PHP"), QStringLiteral("PKR"), QStringLiteral("PLN"), QStringLiteral("RON"),
        QStringLiteral("SAR"), QStringLiteral("SEK"), QStringLiteral("SGD"), QStringLiteral("THB"),
        QStringLiteral("TND"), QStringLiteral("TRY"), QStringLiteral("TWD"), QStringLiteral("UAH"),
        QStringLiteral("USD"), QStringLiteral("VND"), QStringLiteral("ZAR"),
    };
    codes.sort();
    return codes;
}

Currency Currency::forLocale(const QLocale& locale, QStringView fallback)
{
    Currency currency = fromCode(locale.currencySymbol(QLocale::CurrencyIsoCode));
    return currency.isValid() ? currency : fromCode(fallback);
}

} // namespace Moniagent
