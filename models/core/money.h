#pragma once

#include "currency.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QMetaType>

#include <optional>

namespace Moniagent {

// An exact amount of money: integer minor units (cents, yen, fils) plus an ISO 4217 currency.
// Never a floating-point value. Arithmetic is overflow-checked and refuses to mix currencies.
class Money
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::Money)

public:
    enum class Rounding
    {
        Reject, // more fraction digits than the currency has is an error
        HalfAwayFromZero, // commercial rounding: 0.125 -> 0.13, -0.125 -> -0.13
        HalfEven, // banker's rounding: 0.125 -> 0.12, 0.135 -> 0.14
        TowardZero, // truncate
    };
    enum class SymbolStyle
    {
        Symbol,
        Code,
        None
    };

    Money() = default;
    Money(qint64 minor, Currency currency)
        : m_minor(minor)
        , m_currency(std::move(currency))
    { }
    static Money fromMinor(qint64 minor, QStringView currencyCode) { return {minor, Currency::fromCode(currencyCode)}; }

    qint64 minor() const { return m_minor; }
    const Currency& currency() const { return m_currency; }
    bool isValid() const { return m_currency.isValid(); }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    // Parses what a user types in `locale`: group separators, either decimal separator when it is unambiguous
    // ("4.50" in de_DE), a currency symbol or code before or after (it must match `currency`), signs as
    // "-12", "12-", "(12)", "−12" or "+12". Fails with a translated message and never guesses silently.
    static Result<Money> parse(QStringView text, const Currency& currency, const QLocale& locale,
                               Rounding rounding = Rounding::Reject);
    // Parses a plain decimal string in the C locale ("-1234.5"), as used in files and JSON.
    static Result<Money> fromDecimalString(QStringView text, const Currency& currency,
                                           Rounding rounding = Rounding::Reject);

    // "1,234.56 €"-style text in `locale`, with the locale's sign and symbol placement.
    QString toString(const QLocale& locale, SymbolStyle symbol = SymbolStyle::Symbol) const;
    // The number alone in `locale` ("1.234,56"), as an editor shows it.
    QString toNumberString(const QLocale& locale) const;
    // C-locale decimal ("-1234.56"), exact, for files and JSON.
    QString toDecimalString() const;

    std::optional<Money> checkedAdd(const Money& other) const;
    std::optional<Money> checkedSubtract(const Money& other) const;
    std::optional<Money> checkedNegate() const;
    std::optional<Money> checkedMultiply(qint64 factor) const;
    // this * numerator / denominator, rounded; e.g. a 19 % tax share is multipliedBy(19, 119).
    std::optional<Money> multipliedBy(qint64 numerator, qint64 denominator,
                                      Rounding rounding = Rounding::HalfAwayFromZero) const;
    // Splits into `parts` amounts that differ by at most one minor unit and add up exactly.
    QList<Money> allocate(int parts) const;

    friend bool operator==(const Money& a, const Money& b)
    {
        return a.m_minor == b.m_minor && a.m_currency == b.m_currency;
    }
    friend bool operator!=(const Money& a, const Money& b) { return !(a == b); }

private:
    qint64 m_minor = 0;
    Currency m_currency;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Money)
