#include "importers/qifreader.h"
#include "importers/qifvalues.h"
#include "statementreadertest.h"
#include "testresult.h"

#include <QTest>
#include <QTranslator>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(MONIAGENT_TEST_DATA_DIR "/statements/qif/") + name;
}

StatementReadOptions optionsFor(const QString& currency)
{
    StatementReadOptions options;
    options.defaultCurrency = currency;
    options.locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return options;
}

Test::ReadOutcome readQif(const QString& path, const StatementReadOptions& options = optionsFor(u"EUR"_s),
                          int limit = -1)
{
    return Test::readFile(&QifReader::read, path, options, limit);
}

// The common description plus what QIF adds: category and notes.
QStringList describeQif(const QList<StatementLine>& lines)
{
    QStringList out;
    for (const StatementLine& line : lines) {
        out.append(Test::describe(line) + QStringLiteral(" | cat=%1 | notes=%2").arg(line.categoryName, line.notes));
    }
    return out;
}

QStringList describeSplits(const StatementLine& line)
{
    QStringList out;
    for (const StatementSplit& split : line.splits) {
        out.append(QStringLiteral("%1 | %2 | %3 %4")
                       .arg(split.categoryName, split.memo, QString::number(split.amount.minor()),
                            split.amount.currency().code()));
    }
    return out;
}

} // namespace

class TestQifReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void reads_data();
    void reads();
    void allDateStyles();
    void splits();
    void rowErrors();
    void refuses_data();
    void refuses();
    void stopsWhenTheSinkDeclines();
    void dates_data();
    void dates();
    void amounts_data();
    void amounts();
    void realFixtures();

private:
    QTranslator m_english;
};

void TestQifReader::initTestCase()
{
    QVERIFY(m_english.load(QStringLiteral(":/i18n/moniagent_en.qm")));
    QCoreApplication::installTranslator(&m_english);
}

void TestQifReader::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_english);
}

void TestQifReader::reads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("currency"); // the default currency given to the reader
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<QString>("accountType");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("warning"); // fragment of the one expected warning, or empty

    QTest::newRow("bank account: address, transfer, class, thousands")
        << "bank.qif" << "USD" << "Checking" << "bank"
        << QStringList {
               u"#1 2024-01-15 -123456 USD | Lakeview Property Mgmt | January rent | id= | chk=1048 | cat=Housing:Rent | "
               u"notes=Unit 4B, 1200 Lakeview Dr"_s,
               u"#2 2024-01-16 -8723 USD | WHOLE FOODS #10234 |  | id= | chk= | cat=Food:Groceries | notes="_s,
               u"#3 2024-01-17 250000 USD | ACME Corp | Payroll | id= | chk= | cat=Income:Salary | notes="_s,
               u"#4 2024-01-20 -50000 USD | Transfer to savings |  | id= | chk= | cat= | notes=Transfer: Savings"_s,
               u"#5 2024-01-31 -6410 USD | Austin Energy |  | id= | chk= | cat=Utilities:Electric | notes=Class: Home"_s,
           }
        << QString();
    QTest::newRow("day first, European amounts")
        << "day-first.qif" << "EUR" << "" << "bank"
        << QStringList {
               u"#1 2024-01-02 -123456 EUR | Miete Januar |  | id= | chk= | cat=Wohnen:Miete | notes="_s,
               u"#2 2024-01-13 -1250 EUR | Bäckerei Schmidt |  | id= | chk= | cat= | notes="_s,
               u"#3 2024-01-28 210000 EUR | Gehalt |  | id= | chk= | cat= | notes="_s,
           }
        << QString();
    QTest::newRow("month first, credit card") << "month-first.qif" << "USD" << "" << "creditcard"
                                              << QStringList {
                                                     u"#1 2024-02-01 -4500 USD | Shell |  | id= | chk= | cat= | notes="_s,
                                                     u"#2 2024-01-13 -999 USD | Netflix |  | id= | chk= | cat= | notes="_s,
                                                 }
                                              << QString();
    QTest::newRow("AutoSwitch account list, two accounts")
        << "autoswitch.qif" << "USD" << "Checking" << "bank"
        << QStringList {
               u"#1 2024-04-01 -2000 USD | Coffee Club |  | id= | chk= | cat= | notes="_s,
               u"#2 2024-04-02 -9900 USD | Airline |  | id= | chk= | cat= | notes="_s,
               u"#3 2024-04-13 2500 USD | Refund |  | id= | chk= | cat= | notes="_s,
           }
        << "transactions of 2 accounts";
    QTest::newRow("investment section skipped") << "investment.qif" << "USD" << "" << "bank"
                                                << QStringList {
                                                       u"#1 2024-05-21 -100000 USD | Brokerage deposit |  | id= | chk= "
                                                       u"| cat= | notes=Transfer: Brokerage"_s,
                                                   }
                                                << "Skipped 2 investment transactions";
    QTest::newRow("Windows-1252, CRLF, last record without ^")
        << "cp1252.qif" << "EUR" << "" << "bank"
        << QStringList {
               u"#1 2024-06-14 -420 EUR | Café Müller | Croissant & thé – 1 € | id= | chk= | cat= | notes="_s,
               u"#2 2024-06-15 -1500 EUR | Fnac Montparnasse |  | id= | chk= | cat= | notes="_s,
           }
        << QString();
    QTest::newRow("records without a header") << "no-header.qif" << "CHF" << "" << "bank"
                                              << QStringList {
                                                     u"#1 2024-07-21 -300 CHF | Parking meter |  | id= | chk= | cat= | "
                                                     u"notes="_s,
                                                     u"#2 2024-07-22 -800 CHF | Car wash |  | id= | chk= | cat= | notes="_s,
                                                 }
                                              << QString();
}

void TestQifReader::reads()
{
    QFETCH(QString, file);
    QFETCH(QString, currency);
    const Test::ReadOutcome outcome = readQif(fixture(file), optionsFor(currency));
    MONIAGENT_VERIFY_OK(outcome.info);
    const StatementInfo& info = *outcome.info;
    QCOMPARE(info.format, StatementFormat::Qif);
    QTEST(info.accountId, "accountId");
    QTEST(info.accountType, "accountType");
    QCOMPARE(info.currency, QString()); // QIF names no currency
    QTEST(describeQif(outcome.lines), "lines");
    QCOMPARE(info.lineCount, outcome.lines.size());
    for (const StatementLine& line : outcome.lines) {
        QVERIFY2(line.error.isEmpty(), qPrintable(line.error));
        QVERIFY(line.splits.isEmpty());
    }
    QFETCH(QString, warning);
    if (warning.isEmpty()) {
        QVERIFY2(info.warnings.isEmpty(), qPrintable(info.warnings.join(u'\n')));
    } else {
        QCOMPARE(info.warnings.size(), 1);
        QVERIFY2(info.warnings.first().contains(warning), qPrintable(info.warnings.first()));
    }
}

void TestQifReader::allDateStyles()
{
    const Test::ReadOutcome outcome = readQif(fixture(QStringLiteral("date-styles.qif")));
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 9);
    for (int i = 0; i < 8; ++i) {
        QVERIFY2(outcome.lines.at(i).error.isEmpty(), qPrintable(outcome.lines.at(i).error));
        QCOMPARE(outcome.lines.at(i).date, QDate(1998, 1, 2));
        QCOMPARE(outcome.lines.at(i).amount, Money::fromMinor(-100 * (i + 1), u"EUR"));
    }
    QCOMPARE(outcome.lines.at(8).payee, QStringLiteral("Quicken 2008"));
    QCOMPARE(outcome.lines.at(8).date, QDate(2008, 1, 2));
    // Nothing settles the order of "01/02/1998" or "02.01.1998": both guesses are stated.
    QCOMPARE(outcome.info->warnings,
             QStringList({u"Dates like “1/ 2'98” could be month/day or day/month and no date in the file settles it; "
                          u"they were read month first, the QIF default: “1/ 2'98” is Friday, January 2, 1998."_s,
                          u"Dates like “02.01.1998” could be day/month or month/day and no date in the file settles "
                          u"it; they were read day first, as dates written with dots usually are: “02.01.1998” is "
                          u"Friday, January 2, 1998."_s}));
}

void TestQifReader::splits()
{
    const Test::ReadOutcome outcome = readQif(fixture(QStringLiteral("splits.qif")));
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 2);
    const StatementLine& costco = outcome.lines.at(0);
    QCOMPARE(costco.amount, Money::fromMinor(-15000, u"EUR"));
    QCOMPARE(costco.categoryName, QString()); // "--Split--" is no category
    QCOMPARE(describeSplits(costco),
             QStringList({u"Food:Groceries | Weekly shop | -10000 EUR"_s, u"Household |  | -3000 EUR"_s,
                          u" | Round-up (Transfer: Savings) | -2000 EUR"_s}));
    const StatementLine& pharmacy = outcome.lines.at(1);
    QCOMPARE(describeSplits(pharmacy), QStringList({u"Health:Prescriptions |  | -1000 EUR"_s}));
    QVERIFY(costco.error.isEmpty() && pharmacy.error.isEmpty());
}

void TestQifReader::rowErrors()
{
    const Test::ReadOutcome outcome = readQif(fixture(QStringLiteral("bad-rows.qif")), optionsFor(u"USD"_s));
    MONIAGENT_VERIFY_OK(outcome.info);
    QStringList errors;
    for (const StatementLine& line : outcome.lines)
        errors.append(line.error);
    QCOMPARE(errors,
             QStringList({
                 u"Transaction 1 (line 2): the date “02/30/2021” does not exist."_s,
                 u"Transaction 2 (line 6): the amount “12.34€” is not a number."_s,
                 u"Transaction 3 (line 10): the date (D) is missing."_s,
                 u"Transaction 4 (line 13): the amount (T) is missing."_s,
                 QString(),
                 u"Transaction 6 (line 20): the amount “abc” is not a number."_s,
             }));
    QCOMPARE(outcome.lines.at(0).amount, Money::fromMinor(-1000, u"USD"));
    QCOMPARE(outcome.lines.at(2).payee, QStringLiteral("No date"));
    QCOMPARE(outcome.lines.at(4).amount, Money::fromMinor(750, u"USD"));
    QCOMPARE(outcome.lines.at(4).date, QDate(2021, 2, 12));
}

void TestQifReader::refuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    auto bytesOf = [](const QString& name) {
        QFile file(fixture(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing fixture");
    };
    QTest::newRow("empty file") << bytesOf(QStringLiteral("empty.qif")) << "The QIF file is empty.";
    QTest::newRow("a letter") << bytesOf(QStringLiteral("not-qif.txt"))
                              << "This file is not a QIF file: it does not start with a “!Type:” header.";
    QTest::newRow("text starting with T") << QByteArray("This is not a QIF file.\nTrust me.\n")
                                          << "This file is not a QIF file: it does not start with a “!Type:” header.";
    QTest::newRow("lists only") << bytesOf(QStringLiteral("lists-only.qif"))
                                << "This QIF file contains no transactions, only lists (accounts, categories or "
                                   "similar).";
    QTest::newRow("investments only")
        << QByteArray("!Type:Invst\nD1/ 1'01\nNBuy\nYACME\n^\nD1/ 2'01\nNSell\nYACME\n^\n")
        << "This QIF file contains only investment transactions (2), which are not imported.";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                            << "This file is not a QIF file: it does not start with a “!Type:” header.";
}

void TestQifReader::refuses()
{
    QFETCH(QByteArray, bytes);
    const Test::ReadOutcome outcome = Test::readBytes(&QifReader::read, bytes, optionsFor(u"EUR"_s));
    QVERIFY(!outcome.info.ok());
    QCOMPARE(outcome.info.error().code, Error::Code::InvalidInput);
    QTEST(outcome.info.error().message, "message");
    QVERIFY(outcome.lines.isEmpty());
}

void TestQifReader::stopsWhenTheSinkDeclines()
{
    const Test::ReadOutcome outcome = readQif(fixture(QStringLiteral("bank.qif")), optionsFor(u"USD"_s), 1);
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 1);
    QCOMPARE(outcome.info->lineCount, 1);
    QCOMPARE(outcome.lines.first().payee, QStringLiteral("Lakeview Property Mgmt"));
}

void TestQifReader::dates_data()
{
    QTest::addColumn<QStringList>("file"); // every D value of the file
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected"); // invalid: an error

    const QStringList us = {u"12/31/2023"_s};
    const QStringList european = {u"31/12/2023"_s};
    QTest::newRow("month first decided") << us << "03/04/2024" << QDate(2024, 3, 4);
    QTest::newRow("day first decided") << european << "03/04/2024" << QDate(2024, 4, 3);
    QTest::newRow("default month first") << QStringList() << "03/04/2024" << QDate(2024, 3, 4);
    QTest::newRow("dots default day first") << QStringList() << "03.04.2024" << QDate(2024, 4, 3);
    QTest::newRow("dots month first when the file says so")
        << QStringList {u"12.31.2023"_s} << "03.04.2024" << QDate(2024, 3, 4);
    QTest::newRow("Quicken padded") << us << " 3/ 4'24" << QDate(2024, 3, 4);
    QTest::newRow("two-digit year 49") << us << "1/1/49" << QDate(2049, 1, 1);
    QTest::newRow("two-digit year 50") << us << "1/1/50" << QDate(1950, 1, 1);
    QTest::newRow("ISO") << european << "2024-03-04" << QDate(2024, 3, 4);
    QTest::newRow("compact") << european << "20240304" << QDate(2024, 3, 4);
    QTest::newRow("day month-name year") << us << "4 March 2024" << QDate(2024, 3, 4);
    QTest::newRow("abbreviated, dashes") << us << "04-Mar-24" << QDate(2024, 3, 4);
    QTest::newRow("month-name day, year") << european << "Sept 4th, 2024" << QDate(2024, 9, 4);
    QTest::newRow("locale month name") << us << "4. März 2024" << QDate(2024, 3, 4); // German locale in dates()
    QTest::newRow("no such day") << us << "02/30/2024" << QDate();
    QTest::newRow("no such month name") << us << "4 Smarch 2024" << QDate();
    QTest::newRow("three-digit year") << us << "1/2/024" << QDate();
    QTest::newRow("garbage") << us << "yesterday" << QDate();
}

void TestQifReader::dates()
{
    QFETCH(QStringList, file);
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    QifDates dates(QLocale(QLocale::German, QLocale::Germany));
    for (const QString& date : file)
        dates.add(date);
    dates.add(text);
    dates.decide();
    QString error;
    QCOMPARE(dates.parse(text, error), expected);
    QCOMPARE(error.isEmpty(), expected.isValid());
}

void TestQifReader::amounts_data()
{
    QTest::addColumn<QStringList>("file"); // every amount of the file
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<bool>("ok");

    QTest::newRow("plain") << QStringList() << "USD"
                           << "-1234.56" << qint64(-123456) << true;
    QTest::newRow("US grouping") << QStringList() << "USD"
                                 << "1,234.56" << qint64(123456) << true;
    QTest::newRow("European") << QStringList() << "EUR"
                              << "-1.234,56" << qint64(-123456) << true;
    QTest::newRow("decimal comma alone") << QStringList() << "EUR"
                                         << "12,5" << qint64(1250) << true;
    QTest::newRow("decided by another amount") << QStringList {u"3,50"_s} << "EUR"
                                               << "1.234" << qint64(123400) << true;
    QTest::newRow("dots group thousands everywhere") << QStringList {u"2.500"_s, u"10.000"_s} << "EUR"
                                                     << "1.234" << qint64(123400) << true;
    QTest::newRow("commas group thousands everywhere") << QStringList {u"2,500"_s} << "USD"
                                                       << "1,234" << qint64(123400) << true;
    QTest::newRow("three decimals in KWD") << QStringList() << "KWD"
                                           << "1.234" << qint64(1234) << true;
    QTest::newRow("Swiss apostrophe") << QStringList() << "CHF"
                                      << "1'234.50" << qint64(123450) << true;
    QTest::newRow("space grouping") << QStringList {u"1,00"_s} << "EUR"
                                    << "1 234,56" << qint64(123456) << true;
    QTest::newRow("Indian grouping") << QStringList() << "INR"
                                     << "1,23,456.00" << qint64(12345600) << true;
    QTest::newRow("yen") << QStringList() << "JPY"
                         << "-1,500" << qint64(-1500) << true;
    QTest::newRow("comma in a dot file is no grouping") << QStringList {u"1.50"_s, u"2.75"_s} << "EUR"
                                                        << "12,50" << qint64(0) << false;
    QTest::newRow("currency sign") << QStringList() << "USD"
                                   << "$12.00" << qint64(0) << false;
    QTest::newRow("letters") << QStringList() << "USD"
                             << "12a" << qint64(0) << false;
    QTest::newRow("two signs") << QStringList() << "USD"
                               << "--5" << qint64(0) << false;
}

void TestQifReader::amounts()
{
    QFETCH(QStringList, file);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QifAmounts amounts(Currency::fromCode(currency));
    for (const QString& amount : file)
        amounts.add(amount);
    amounts.add(text);
    amounts.decide();
    QString error;
    const Money money = amounts.parse(text, error);
    QFETCH(bool, ok);
    QCOMPARE(error.isEmpty(), ok);
    if (ok) {
        QFETCH(qint64, minor);
        QCOMPARE(money, Money::fromMinor(minor, currency));
    }
}

void TestQifReader::realFixtures()
{
    const QString root = Test::sharedStatementsDir();
    if (!QDir(root).exists())
        QSKIP("the shared statement samples are not available");
    QStringList files
        = Test::sharedFiles(QStringLiteral("reubano__csv2ofx/data/converted"), {QStringLiteral("*.qif")}, false);
    files += Test::sharedFiles(QStringLiteral("reubano__csv2ofx/data/example"), {QStringLiteral("*.qif")}, false);
    files
        += Test::sharedFiles(QStringLiteral("isaacharrisholt__quiffen/tests/test_files"), {QStringLiteral("*")}, false);
    QVERIFY(files.size() > 15);

    // A number: the lines expected (none with an error); text: a fragment of the refusal.
    const QHash<QString, QString> known = {
        {QStringLiteral("empty.qif"), QStringLiteral("The QIF file is empty.")},
        {QStringLiteral("invalid.txt"), QStringLiteral("is not a QIF file")},
        {QStringLiteral("test_category_inherit.qif"), QStringLiteral("no transactions")},
        {QStringLiteral("test_clear_autoswitch.qif"), QStringLiteral("no transactions")},
        {QStringLiteral("test_option_autoswitch.qif"), QStringLiteral("no transactions")},
        {QStringLiteral("test_nosymbol.qif"), QStringLiteral("no transactions")},
        {QStringLiteral("test_unknown_account_type.qif"), QStringLiteral("only investment transactions (1)")},
        {QStringLiteral("test_split.qif"), QStringLiteral("1")},
        {QStringLiteral("test_transaction_before_account_definition_1.qif"), QStringLiteral("2")},
        {QStringLiteral("test_transaction_before_account_definition_2.qif"), QStringLiteral("2")},
        {QStringLiteral("test_category_override.qif"), QStringLiteral("4")},
    };
    int readCount = 0;
    int refusedCount = 0;
    QStringList table;
    for (const QString& path : std::as_const(files)) {
        const QString name = QDir(root).relativeFilePath(path);
        const Test::ReadOutcome outcome = readQif(path, optionsFor(u"USD"_s));
        if (outcome.info.ok()) {
            ++readCount;
            int errors = 0;
            for (const StatementLine& line : outcome.lines)
                errors += line.error.isEmpty() ? 0 : 1;
            table.append(
                QStringLiteral("%1 → %2 lines%3%4")
                    .arg(name, QString::number(outcome.lines.size()),
                         errors ? QStringLiteral(", %1 with errors").arg(errors) : QString(),
                         outcome.info->warnings.isEmpty()
                             ? QString()
                             : QStringLiteral(" [%1]").arg(outcome.info->warnings.join(QStringLiteral("; ")))));
            QVERIFY2(!outcome.lines.isEmpty(), qPrintable(name));
        } else {
            ++refusedCount;
            table.append(QStringLiteral("%1 → refused: %2").arg(name, outcome.info.error().message));
            QVERIFY2(outcome.lines.isEmpty(), qPrintable(name));
        }
        const QString expected = known.value(QFileInfo(path).fileName());
        if (expected.isEmpty())
            continue;
        bool isNumber = false;
        const int lines = expected.toInt(&isNumber);
        if (isNumber) {
            QVERIFY2(outcome.info.ok(), qPrintable(name));
            QCOMPARE(outcome.lines.size(), lines);
            for (const StatementLine& line : outcome.lines)
                QVERIFY2(line.error.isEmpty(), qPrintable(name + u' ' + line.error));
        } else {
            QVERIFY2(!outcome.info.ok(), qPrintable(name));
            QVERIFY2(outcome.info.error().message.contains(expected), qPrintable(outcome.info.error().message));
        }
    }
    qInfo().noquote() << QStringLiteral("QIF real fixtures: %1 read, %2 refused\n  ").arg(readCount).arg(refusedCount)
            + table.join(QStringLiteral("\n  "));
}

QTEST_GUILESS_MAIN(TestQifReader)
#include "tst_qifreader.moc"
