#include "core/money.h"

#include <QTest>

using namespace Moniagent;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void currencyDigits_data();
    void currencyDigits();
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void rounding_data();
    void rounding();
    void format_data();
    void format();
    void roundTrip_data();
    void roundTrip();
    void decimalString();
    void arithmeticOverflow();
    void mixedCurrencies();
    void multipliedBy();
    void allocate_data();
    void allocate();
};

void TestMoney::currencyDigits_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("digits");
    QTest::addColumn<bool>("valid");
    QTest::newRow("EUR") << "EUR" << 2 << true;
    QTest::newRow("usd lower case") << "usd" << 2 << true;
    QTest::newRow("JPY") << "JPY" << 0 << true;
    QTest::newRow("KRW") << "KRW" << 0 << true;
    QTest::newRow("KWD") << "KWD" << 3 << true;
    QTest::newRow("BHD") << "BHD" << 3 << true;
    QTest::newRow("CLF") << "CLF" << 4 << true;
    QTest::newRow("too short") << "EU" << 2 << false;
    QTest::newRow("digits") << "E1R" << 2 << false;
    QTest::newRow("empty") << "" << 2 << false;
}

void TestMoney::currencyDigits()
{
    QFETCH(QString, code);
    QFETCH(int, digits);
    QFETCH(bool, valid);
    const Currency currency = Currency::fromCode(code);
    QCOMPARE(currency.isValid(), valid);
    if (valid) {
        QCOMPARE(currency.minorDigits(), digits);
        QCOMPARE(currency.code(), code.toUpper());
    }
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor");

    QTest::newRow("en_US grouped") << "en_US"
                                   << "USD"
                                   << "1,234.56" << qint64(123456);
    QTest::newRow("en_US symbol") << "en_US"
                                  << "USD"
                                  << "$1,234.56" << qint64(123456);
    QTest::newRow("en_US code after") << "en_US"
                                      << "USD"
                                      << "12.50 USD" << qint64(1250);
    QTest::newRow("en_US whole") << "en_US"
                                 << "USD"
                                 << "12" << qint64(1200);
    QTest::newRow("en_US leading point") << "en_US"
                                         << "USD"
                                         << ".5" << qint64(50);
    QTest::newRow("en_US minus") << "en_US"
                                 << "USD"
                                 << "-12.5" << qint64(-1250);
    QTest::newRow("en_US minus before symbol") << "en_US"
                                               << "USD"
                                               << "-$3.10" << qint64(-310);
    QTest::newRow("en_US unicode minus") << "en_US"
                                         << "USD"
                                         << "\u221212.50" << qint64(-1250);
    QTest::newRow("en_US trailing minus") << "en_US"
                                          << "USD"
                                          << "12.50-" << qint64(-1250);
    QTest::newRow("en_US parentheses") << "en_US"
                                       << "USD"
                                       << "($12.50)" << qint64(-1250);
    QTest::newRow("en_US plus") << "en_US"
                                << "USD"
                                << "+7" << qint64(700);
    QTest::newRow("en_US comma decimal") << "en_US"
                                         << "USD"
                                         << "4,50" << qint64(450);
    QTest::newRow("en_US group only") << "en_US"
                                      << "USD"
                                      << "1,234" << qint64(123400);
    QTest::newRow("en_US millions") << "en_US"
                                    << "USD"
                                    << "1,234,567.89" << qint64(123456789);
    QTest::newRow("en_US european style") << "en_US"
                                          << "USD"
                                          << "1.234,56" << qint64(123456);
    QTest::newRow("en_US spaces around") << "en_US"
                                         << "USD"
                                         << "  42.00  " << qint64(4200);
    QTest::newRow("en_US zero") << "en_US"
                                << "USD"
                                << "0" << qint64(0);

    QTest::newRow("de_DE grouped") << "de_DE"
                                   << "EUR"
                                   << "1.234,56" << qint64(123456);
    QTest::newRow("de_DE euro after") << "de_DE"
                                      << "EUR"
                                      << "1234,56 €" << qint64(123456);
    QTest::newRow("de_DE euro nbsp") << "de_DE"
                                     << "EUR"
                                     << "1.234,56\u00A0€" << qint64(123456);
    QTest::newRow("de_DE point decimal") << "de_DE"
                                         << "EUR"
                                         << "4.50" << qint64(450);
    QTest::newRow("de_DE group only") << "de_DE"
                                      << "EUR"
                                      << "1.234" << qint64(123400);
    QTest::newRow("de_DE one cent negative") << "de_DE"
                                             << "EUR"
                                             << "-0,01" << qint64(-1);
    QTest::newRow("de_DE EUR code") << "de_DE"
                                    << "EUR"
                                    << "EUR 23,90" << qint64(2390);

    QTest::newRow("fr_FR narrow nbsp group") << "fr_FR"
                                             << "EUR"
                                             << "1\u202F234,56" << qint64(123456);
    QTest::newRow("fr_FR plain space group") << "fr_FR"
                                             << "EUR"
                                             << "1 234,56 €" << qint64(123456);
    QTest::newRow("fr_FR one decimal") << "fr_FR"
                                       << "EUR"
                                       << "12,3" << qint64(1230);
    QTest::newRow("fr_FR millions") << "fr_FR"
                                    << "EUR"
                                    << "2 500 000,00 €" << qint64(250000000);

    QTest::newRow("ja_JP grouped") << "ja_JP"
                                   << "JPY"
                                   << "1,235" << qint64(1235);
    QTest::newRow("ja_JP fullwidth yen") << "ja_JP"
                                         << "JPY"
                                         << "\uFFE51,235" << qint64(1235);
    QTest::newRow("ja_JP yen") << "ja_JP"
                               << "JPY"
                               << "¥980" << qint64(980);
    QTest::newRow("ja_JP no fraction given") << "ja_JP"
                                             << "JPY"
                                             << "500.0" << qint64(500);

    QTest::newRow("en_US KWD three digits") << "en_US"
                                            << "KWD"
                                            << "1.234" << qint64(1234);
    QTest::newRow("en_US KWD padded") << "en_US"
                                      << "KWD"
                                      << "2.5" << qint64(2500);
    QTest::newRow("en_US JPY in US locale") << "en_US"
                                            << "JPY"
                                            << "¥1,000" << qint64(1000);
    QTest::newRow("en_US EUR symbol") << "en_US"
                                      << "EUR"
                                      << "€19.99" << qint64(1999);
    QTest::newRow("en_US max") << "en_US"
                               << "USD"
                               << "92233720368547758.07" << qint64(9223372036854775807LL);
}

void TestMoney::parse()
{
    QFETCH(QString, locale);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QFETCH(qint64, minor);
    auto money = Money::parse(text, Currency::fromCode(currency), QLocale(locale));
    QVERIFY2(money.ok(), qPrintable(money.ok() ? QString() : money.error().toString()));
    QCOMPARE(money->minor(), minor);
    QCOMPARE(money->currency().code(), currency);
}

void TestMoney::parseRejects_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << "en_US"
                           << "USD"
                           << "";
    QTest::newRow("letters") << "en_US"
                             << "USD"
                             << "abc";
    QTest::newRow("too many decimals") << "en_US"
                                       << "USD"
                                       << "12.345";
    QTest::newRow("yen decimals") << "ja_JP"
                                  << "JPY"
                                  << "12.5";
    QTest::newRow("other currency code") << "en_US"
                                         << "USD"
                                         << "EUR 12";
    QTest::newRow("other currency symbol") << "en_US"
                                           << "USD"
                                           << "€12";
    QTest::newRow("overflow") << "en_US"
                              << "USD"
                              << "99999999999999999999";
    QTest::newRow("just over max") << "en_US"
                                   << "USD"
                                   << "92233720368547758.08";
    QTest::newRow("two decimal separators") << "en_US"
                                            << "USD"
                                            << "1.234.56,7,8";
    QTest::newRow("bad grouping") << "en_US"
                                  << "USD"
                                  << "12,34,5";
    QTest::newRow("two numbers") << "en_US"
                                 << "USD"
                                 << "12 x 34";
    QTest::newRow("both signs") << "en_US"
                                << "USD"
                                << "+-12";
    QTest::newRow("unbalanced parenthesis") << "en_US"
                                            << "USD"
                                            << "(12";
    QTest::newRow("garbage symbol") << "de_DE"
                                    << "EUR"
                                    << "12 Äpfel";
}

void TestMoney::parseRejects()
{
    QFETCH(QString, locale);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    auto money = Money::parse(text, Currency::fromCode(currency), QLocale(locale));
    QVERIFY2(!money.ok(), qPrintable(money.ok() ? QString::number(money->minor()) : QString()));
    QCOMPARE(money.error().code, Error::Code::InvalidInput);
    QVERIFY(!money.error().message.isEmpty());
}

void TestMoney::rounding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("minor");

    const int away = int(Money::Rounding::HalfAwayFromZero);
    const int even = int(Money::Rounding::HalfEven);
    const int zero = int(Money::Rounding::TowardZero);
    QTest::newRow("away up") << "0.125"
                             << "USD" << away << qint64(13);
    QTest::newRow("away negative") << "-0.125"
                                   << "USD" << away << qint64(-13);
    QTest::newRow("away below half") << "0.1249"
                                     << "USD" << away << qint64(12);
    QTest::newRow("even down") << "0.125"
                               << "USD" << even << qint64(12);
    QTest::newRow("even up") << "0.135"
                             << "USD" << even << qint64(14);
    QTest::newRow("even above half") << "0.1251"
                                     << "USD" << even << qint64(13);
    QTest::newRow("even negative") << "-0.135"
                                   << "USD" << even << qint64(-14);
    QTest::newRow("toward zero") << "0.129"
                                 << "USD" << zero << qint64(12);
    QTest::newRow("toward zero negative") << "-0.129"
                                          << "USD" << zero << qint64(-12);
    QTest::newRow("yen away") << "12.5"
                              << "JPY" << away << qint64(13);
    QTest::newRow("yen even") << "12.5"
                              << "JPY" << even << qint64(12);
    QTest::newRow("yen even odd") << "13.5"
                                  << "JPY" << even << qint64(14);
    QTest::newRow("trailing zeros exact") << "1.2500000"
                                          << "USD" << int(Money::Rounding::Reject) << qint64(125);
}

void TestMoney::rounding()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(int, mode);
    QFETCH(qint64, minor);
    auto money = Money::fromDecimalString(text, Currency::fromCode(currency), Money::Rounding(mode));
    QVERIFY2(money.ok(), qPrintable(money.ok() ? QString() : money.error().toString()));
    QCOMPARE(money->minor(), minor);
}

void TestMoney::format_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");

    QTest::newRow("en_US") << "en_US" << qint64(123456) << "USD"
                           << "$1,234.56";
    QTest::newRow("en_US negative") << "en_US" << qint64(-123456) << "USD"
                                    << "-$1,234.56";
    QTest::newRow("en_US small negative") << "en_US" << qint64(-5) << "USD"
                                          << "-$0.05";
    QTest::newRow("en_US euro") << "en_US" << qint64(1999) << "EUR"
                                << "€19.99";
    QTest::newRow("en_US KWD code") << "en_US" << qint64(1234567) << "KWD"
                                    << "KWD\u00A01,234.567";
    QTest::newRow("de_DE") << "de_DE" << qint64(123456) << "EUR"
                           << "1.234,56\u00A0€";
    QTest::newRow("de_DE negative") << "de_DE" << qint64(-4250) << "EUR"
                                    << "-42,50\u00A0€";
    QTest::newRow("fr_FR") << "fr_FR" << qint64(123456) << "EUR"
                           << "1\u202F234,56\u00A0€";
    QTest::newRow("ja_JP") << "ja_JP" << qint64(1235) << "JPY"
                           << "\uFFE51,235";
    QTest::newRow("de_DE yen") << "de_DE" << qint64(1235) << "JPY"
                               << "1.235\u00A0¥";
    QTest::newRow("en_US min") << "en_US" << qint64(std::numeric_limits<qint64>::min()) << "USD"
                               << "-$92,233,720,368,547,758.08";
}

void TestMoney::format()
{
    QFETCH(QString, locale);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, expected);
    QCOMPARE(Money::fromMinor(minor, currency).toString(QLocale(locale)), expected);
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("currency");
    for (const char* locale : {"en_US", "de_DE", "fr_FR", "ja_JP", "de_CH", "en_IN"}) {
        for (const char* currency : {"EUR", "USD", "JPY", "KWD"})
            QTest::addRow("%s %s", locale, currency) << QString::fromLatin1(locale) << QString::fromLatin1(currency);
    }
}

void TestMoney::roundTrip()
{
    // Whatever we print, we must read back exactly.
    QFETCH(QString, locale);
    QFETCH(QString, currency);
    const QLocale loc(locale);
    for (qint64 minor : {qint64(0), qint64(1), qint64(-7), qint64(999), qint64(123456789), qint64(-98765432101LL)}) {
        const Money money = Money::fromMinor(minor, currency);
        for (const QString& text :
             {money.toString(loc), money.toNumberString(loc), money.toString(loc, Money::SymbolStyle::Code)}) {
            auto parsed = Money::parse(text, money.currency(), loc);
            QVERIFY2(parsed.ok(), qPrintable(text + u' ' + (parsed.ok() ? QString() : parsed.error().toString())));
            QCOMPARE(parsed->minor(), minor);
        }
    }
}

void TestMoney::decimalString()
{
    QCOMPARE(Money::fromMinor(-123450, u"EUR").toDecimalString(), QStringLiteral("-1234.50"));
    QCOMPARE(Money::fromMinor(5, u"KWD").toDecimalString(), QStringLiteral("0.005"));
    QCOMPARE(Money::fromMinor(1234567, u"JPY").toDecimalString(), QStringLiteral("1234567"));
    auto parsed = Money::fromDecimalString(u"-1234.5", Currency::fromCode(u"EUR"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->minor(), qint64(-123450));
    QVERIFY(!Money::fromDecimalString(u"1,5", Currency::fromCode(u"EUR")).ok());
    QVERIFY(!Money::fromDecimalString(u"", Currency::fromCode(u"EUR")).ok());
    QVERIFY(!Money::fromDecimalString(u"1.5", Currency()).ok());
}

void TestMoney::arithmeticOverflow()
{
    const qint64 max = std::numeric_limits<qint64>::max();
    const Money big = Money::fromMinor(max, u"EUR");
    QVERIFY(!big.checkedAdd(Money::fromMinor(1, u"EUR")));
    QCOMPARE(big.checkedAdd(Money::fromMinor(-1, u"EUR"))->minor(), max - 1);
    QVERIFY(!Money::fromMinor(std::numeric_limits<qint64>::min(), u"EUR").checkedSubtract(Money::fromMinor(1, u"EUR")));
    QVERIFY(!Money::fromMinor(std::numeric_limits<qint64>::min(), u"EUR").checkedNegate());
    QCOMPARE(Money::fromMinor(5, u"EUR").checkedNegate()->minor(), qint64(-5));
    QVERIFY(!big.checkedMultiply(2));
    QCOMPARE(Money::fromMinor(250, u"EUR").checkedMultiply(4)->minor(), qint64(1000));
}

void TestMoney::mixedCurrencies()
{
    const Money eur = Money::fromMinor(100, u"EUR");
    const Money usd = Money::fromMinor(100, u"USD");
    QVERIFY(!eur.checkedAdd(usd));
    QVERIFY(!eur.checkedSubtract(usd));
    QVERIFY(eur != usd);
    QCOMPARE(eur, Money::fromMinor(100, u"eur"));
}

void TestMoney::multipliedBy()
{
    // The 19 % VAT inside a gross amount of 119.00 is 19.00.
    QCOMPARE(Money::fromMinor(11900, u"EUR").multipliedBy(19, 119)->minor(), qint64(1900));
    QCOMPARE(Money::fromMinor(1000, u"EUR").multipliedBy(1, 3)->minor(), qint64(333));
    QCOMPARE(Money::fromMinor(1000, u"EUR").multipliedBy(2, 3)->minor(), qint64(667));
    QCOMPARE(Money::fromMinor(-1000, u"EUR").multipliedBy(2, 3)->minor(), qint64(-667));
    QCOMPARE(Money::fromMinor(1000, u"EUR").multipliedBy(2, -3)->minor(), qint64(-667));
    QCOMPARE(Money::fromMinor(5, u"EUR").multipliedBy(1, 2, Money::Rounding::HalfEven)->minor(), qint64(2));
    QVERIFY(!Money::fromMinor(1000, u"EUR").multipliedBy(1, 0));
    QVERIFY(!Money::fromMinor(1000, u"EUR").multipliedBy(1, 3, Money::Rounding::Reject));
    // An intermediate product beyond 64 bits still gives the exact answer.
    const qint64 max = std::numeric_limits<qint64>::max();
    QCOMPARE(Money::fromMinor(max, u"EUR").multipliedBy(3, 3)->minor(), max);
    QVERIFY(!Money::fromMinor(max, u"EUR").multipliedBy(3, 2));
}

void TestMoney::allocate_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<int>("parts");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("even") << qint64(900) << 3 << QList<qint64> {300, 300, 300};
    QTest::newRow("remainder") << qint64(1000) << 3 << QList<qint64> {334, 333, 333};
    QTest::newRow("negative") << qint64(-1000) << 3 << QList<qint64> {-334, -333, -333};
    QTest::newRow("tiny") << qint64(2) << 4 << QList<qint64> {1, 1, 0, 0};
    QTest::newRow("none") << qint64(2) << 0 << QList<qint64> {};
}

void TestMoney::allocate()
{
    QFETCH(qint64, amount);
    QFETCH(int, parts);
    QFETCH(QList<qint64>, expected);
    const auto shares = Money::fromMinor(amount, u"EUR").allocate(parts);
    QList<qint64> minors;
    qint64 sum = 0;
    for (const Money& share : shares) {
        minors << share.minor();
        sum += share.minor();
    }
    QCOMPARE(minors, expected);
    if (parts > 0)
        QCOMPARE(sum, amount);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
