#include "importers/csvamount.h"
#include "importers/csvdateformat.h"

#include <QTest>

using namespace Moniagent;

// The value parsers under CsvReader: amounts as banks write them into exact minor units, and compiled date
// formats, including what they must refuse.
class TestCsvValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void amounts_data();
    void amounts();
    void dates_data();
    void dates();
};

void TestCsvValues::amounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("decimal");
    QTest::addColumn<int>("digits");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<qint64>("minor");
    const int ok = int(CsvAmount::Outcome::Ok);
    const int bad = int(CsvAmount::Outcome::NotAnAmount);
    const int empty = int(CsvAmount::Outcome::Empty);
    const int decimals = int(CsvAmount::Outcome::TooManyDecimals);
    QTest::newRow("plain") << "12.34" << QChar(u'.') << 2 << ok << qint64(1234);
    QTest::newRow("negative") << "-12.34" << QChar(u'.') << 2 << ok << qint64(-1234);
    QTest::newRow("one decimal") << "3.5" << QChar(u'.') << 2 << ok << qint64(350);
    QTest::newRow("integer") << "50000" << QChar(u'.') << 2 << ok << qint64(5000000);
    QTest::newRow("leading point") << ".5" << QChar(u'.') << 2 << ok << qint64(50);
    QTest::newRow("euro thousands") << "€ 1.234,56" << QChar(u',') << 2 << ok << qint64(123456);
    QTest::newRow("dollar minus") << "$-12.00" << QChar(u'.') << 2 << ok << qint64(-1200);
    QTest::newRow("minus dollar") << "-$12.00" << QChar(u'.') << 2 << ok << qint64(-1200);
    QTest::newRow("parentheses") << "(12.00)" << QChar(u'.') << 2 << ok << qint64(-1200);
    QTest::newRow("trailing minus") << "12.00-" << QChar(u'.') << 2 << ok << qint64(-1200);
    QTest::newRow("plus") << "+5" << QChar(u'.') << 2 << ok << qint64(500);
    QTest::newRow("nbsp thousands") << QStringLiteral("1\u00a0234,56") << QChar(u',') << 2 << ok << qint64(123456);
    QTest::newRow("narrow nbsp") << QStringLiteral("-1\u202f234\u202f567,8") << QChar(u',') << 2 << ok
                                 << qint64(-123456780);
    QTest::newRow("space thousands") << "1 234,56" << QChar(u',') << 2 << ok << qint64(123456);
    QTest::newRow("swiss apostrophe") << "11'373.94" << QChar(u'.') << 2 << ok << qint64(1137394);
    QTest::newRow("code after") << "-0,99 EUR" << QChar(u',') << 2 << ok << qint64(-99);
    QTest::newRow("code before") << "CHF 10.00" << QChar(u'.') << 2 << ok << qint64(1000);
    QTest::newRow("unicode minus") << QStringLiteral("\u221212.50") << QChar(u'.') << 2 << ok << qint64(-1250);
    QTest::newRow("credit mark") << "12.00 CR" << QChar(u'.') << 2 << ok << qint64(1200);
    QTest::newRow("debit mark") << "12.00 DR" << QChar(u'.') << 2 << ok << qint64(-1200);
    QTest::newRow("zero") << "0.00" << QChar(u'.') << 2 << ok << qint64(0);
    QTest::newRow("trailing zeros beyond digits") << "1.5000" << QChar(u'.') << 2 << ok << qint64(150);
    QTest::newRow("yen") << "¥1,200" << QChar(u'.') << 0 << ok << qint64(1200);
    QTest::newRow("dinar") << "1.234" << QChar(u'.') << 3 << ok << qint64(1234);
    QTest::newRow("US thousands") << "1,234,567.89" << QChar(u'.') << 2 << ok << qint64(123456789);
    QTest::newRow("empty") << "" << QChar(u'.') << 2 << empty << qint64(0);
    QTest::newRow("spaces") << "   " << QChar(u'.') << 2 << empty << qint64(0);
    QTest::newRow("lone dash") << "-" << QChar(u'.') << 2 << empty << qint64(0);
    QTest::newRow("word") << "twelve" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("n/a") << "n/a" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("two decimal points") << "1.2.3" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("wrong decimal mark") << "12.50" << QChar(u',') << 2 << bad << qint64(0);
    QTest::newRow("short group") << "1,5" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("long first group") << "1234,567.00" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("unbalanced parenthesis") << "(12.00" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("two signs") << "--12" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("digits after the end") << "12 EUR 3" << QChar(u'.') << 2 << bad << qint64(0);
    QTest::newRow("too many decimals") << "1.234" << QChar(u'.') << 2 << decimals << qint64(0);
    QTest::newRow("decimals for yen") << "12.5" << QChar(u'.') << 0 << decimals << qint64(0);
    QTest::newRow("too large") << "123456789012345678901" << QChar(u'.') << 2 << int(CsvAmount::Outcome::TooLarge)
                               << qint64(0);
}

void TestCsvValues::amounts()
{
    QFETCH(QString, text);
    QFETCH(QChar, decimal);
    QFETCH(int, digits);
    QFETCH(int, outcome);
    QFETCH(qint64, minor);
    CsvAmount::Format format;
    format.decimal = decimal;
    format.thousands = decimal == u'.' ? u',' : u'.';
    format.minorDigits = digits;
    qint64 value = -777;
    QCOMPARE(int(CsvAmount::parse(text, format, &value)), outcome);
    if (outcome == int(CsvAmount::Outcome::Ok))
        QCOMPARE(value, minor);
}

void TestCsvValues::dates_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QDate>("date");
    const int ok = int(CsvDateFormat::Outcome::Ok);
    const int noMatch = int(CsvDateFormat::Outcome::NoMatch);
    const int noDay = int(CsvDateFormat::Outcome::NoSuchDate);
    QTest::newRow("iso") << "yyyy-MM-dd"
                         << "2024-03-01" << ok << QDate(2024, 3, 1);
    QTest::newRow("iso with time") << "yyyy-MM-dd"
                                   << "2021-02-03 13:12" << ok << QDate(2021, 2, 3);
    QTest::newRow("iso T time") << "yyyy-MM-dd"
                                << "2021-02-03T13:12:00Z" << ok << QDate(2021, 2, 3);
    QTest::newRow("german") << "dd.MM.yyyy"
                            << "31.12.2023" << ok << QDate(2023, 12, 31);
    QTest::newRow("german short year") << "dd.MM.yy"
                                       << "02.01.24" << ok << QDate(2024, 1, 2);
    QTest::newRow("single digits") << "dd/MM/yyyy"
                                   << "1/2/2024" << ok << QDate(2024, 2, 1);
    QTest::newRow("us") << "MM/dd/yyyy"
                        << "12/15/2018" << ok << QDate(2018, 12, 15);
    QTest::newRow("us two-digit year") << "M/d/yyyy"
                                       << "6/12/15" << ok << QDate(2015, 6, 12);
    QTest::newRow("compact") << "yyyyMMdd"
                             << "20240701" << ok << QDate(2024, 7, 1);
    QTest::newRow("compact wrong length") << "yyyyMMdd"
                                          << "2024071" << noMatch << QDate();
    QTest::newRow("month name") << "dd MMM yyyy"
                                << "05 Mar 2024" << ok << QDate(2024, 3, 5);
    QTest::newRow("month name french") << "dd MMM yyyy"
                                       << "5 févr. 2024" << ok << QDate(2024, 2, 5);
    QTest::newRow("month name german") << "dd. MMM yyyy"
                                       << "3. März 2024" << ok << QDate(2024, 3, 3);
    QTest::newRow("month name spanish") << "dd-MMM-yyyy"
                                        << "23-ene-15" << ok << QDate(2015, 1, 23);
    QTest::newRow("xero") << "dd-MMM-yy"
                          << "23-Jan-15" << ok << QDate(2015, 1, 23);
    QTest::newRow("english long") << "MMM d, yyyy"
                                  << "December 24, 2022" << ok << QDate(2022, 12, 24);
    QTest::newRow("us time pm") << "MM/dd/yyyy"
                                << "01/10/2019 06:50 PM" << ok << QDate(2019, 1, 10);
    QTest::newRow("leading spaces") << "yyyy-MM-dd"
                                    << "  2024-03-01 " << ok << QDate(2024, 3, 1);
    QTest::newRow("february 30") << "yyyy-MM-dd"
                                 << "2024-02-30" << noDay << QDate();
    QTest::newRow("month 13") << "dd/MM/yyyy"
                              << "01/13/2024" << noDay << QDate();
    QTest::newRow("leap day") << "dd.MM.yyyy"
                              << "29.02.2024" << ok << QDate(2024, 2, 29);
    QTest::newRow("no leap day") << "dd.MM.yyyy"
                                 << "29.02.2023" << noDay << QDate();
    QTest::newRow("wrong separator") << "dd.MM.yyyy"
                                     << "29/02/2024" << noMatch << QDate();
    QTest::newRow("word") << "yyyy-MM-dd"
                          << "yesterday" << noMatch << QDate();
    QTest::newRow("trailing text") << "yyyy-MM-dd"
                                   << "2024-03-01 pending" << noMatch << QDate();
    QTest::newRow("unknown month") << "dd MMM yyyy"
                                   << "05 Foo 2024" << noMatch << QDate();
    QTest::newRow("three-digit year") << "dd.MM.yyyy"
                                      << "01.02.202" << noMatch << QDate();
}

void TestCsvValues::dates()
{
    QFETCH(QString, format);
    QFETCH(QString, text);
    QFETCH(int, outcome);
    QFETCH(QDate, date);
    const auto compiled = CsvDateFormat::compile(format);
    QVERIFY(compiled);
    CsvDateFormat::Outcome actual;
    QCOMPARE(compiled->parse(text, &actual), date);
    QCOMPARE(int(actual), outcome);
}

QTEST_GUILESS_MAIN(TestCsvValues)
#include "tst_csvvalues.moc"
