#pragma once

#include <QLocale>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Moniagent {

// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
// (2 for EUR, 0 for JPY, 3 for KWD). Unknown but well-formed codes default to 2 digits.
class Currency
{
public:
    Currency() = default;

    // Accepts "eur", " EUR "; returns an invalid Currency for anything that is not three letters.
    static Currency fromCode(QStringView code);

    bool isValid() const { return m_code.size() == 3; }
    const QString& code() const { return m_code; }
    int minorDigits() const { return m_minorDigits; }
    // 10^minorDigits
    qint64 minorPerMajor() const;

    // The symbol to show in `locale`: the locale's own symbol when this is its currency,
    // an unambiguous symbol (€, £, ¥ …) when one exists, otherwise the code.
    QString symbol(const QLocale& locale) const;
    // Localised name ("Euro", "Japanese yen") when Qt knows one, otherwise the code.
    QString displayName(const QLocale& locale) const;

    // The codes the app offers in pickers, sorted.
    static QStringList commonCodes();
    // The currency of a locale's country, or `fallback` when the locale has none.
    static Currency forLocale(const QLocale& locale, QStringView fallback = u"EUR");

    friend bool operator==(const Currency& a, const Currency& b) { return a.m_code == b.m_code; }
    friend bool operator!=(const Currency& a, const Currency& b) { return !(a == b); }

private:
    QString m_code;
    int m_minorDigits = 2;
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::Currency)
