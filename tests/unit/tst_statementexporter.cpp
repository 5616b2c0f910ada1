// The CSV, OFX and QIF writers against hand-written expected files: a few ledger rows with the awkward parts
// (quotes, commas, line breaks, '&' and '<', a long name, an external id, several currencies), read in
// small pages so that page boundaries are crossed; the locale style in de_DE; filters; cancel.
#include "db/categoryrepository.h"
#include "db/transactionrepository.h"
#include "importers/statementexporter.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QBuffer>
#include <QTest>

using namespace Moniagent;
using namespace Moniagent::Test;

namespace {

QString uuid(int n)
{
    return QStringLiteral("0190c6a0-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

// The expected text is written with "\n"; the files use CRLF.
QByteArray crlf(const char* text)
{
    return QByteArray(text).replace("\n", "\r\n");
}

} // namespace

class TestStatementExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void csvIso();
    void csvIsoChosenColumns();
    void csvLocaleGerman();
    void csvByteOrderMark();
    void csvRefusesNoColumns();
    void csvColumnKeys();
    void ofx();
    void qif();
    void severalCurrencies();
    void dateFilter();
    void emptyLedger();
    void cancel();
    void otherUsersRowsStayOut();

private:
    QByteArray csv(const CsvExportOptions& options);
    ExportSource source(qint64 userId) const;
    qint64 add(qint64 userId, Transaction t);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<CategoryRepository> m_categories;
    qint64 m_user = 0;
};

qint64 TestStatementExporter::add(qint64 userId, Transaction t)
{
    auto id = m_transactions->add(userId, t);
    return id ? *id : 0;
}

ExportSource TestStatementExporter::source(qint64 userId) const
{
    ExportSource s;
    s.transactions = m_transactions.get();
    s.categories = m_categories.get();
    s.userId = userId;
    s.pageSize = 2; // three rows: a full page, then a short one
    return s;
}

void TestStatementExporter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_categories = std::make_unique<CategoryRepository>(m_db->database());
    m_user = m_db->createUser(QStringLiteral("anna"));
    QVERIFY(m_user > 0);

    // Added out of date order: the export is oldest first.
    Transaction salary = TestDatabase::income(
        320000, QStringLiteral("ACME Maschinenbau GmbH & Co. KG Niederlassung Süd"), QDate(2024, 1, 31));
    salary.uuid = uuid(3);
    salary.description = QStringLiteral("Salary January");
    salary.categoryId = m_db->categoryId(m_user, QStringLiteral("Salary"));
    salary.source = TransactionSource::Import;
    salary.externalId = QStringLiteral("BANK-2024-0131");
    QVERIFY(add(m_user, salary) > 0);

    Transaction coffee = TestDatabase::expense(1250, QStringLiteral("Corner Café"), QDate(2024, 1, 5));
    coffee.uuid = uuid(1);
    coffee.description = QStringLiteral("Latte, croissant");
    coffee.notes = QStringLiteral("with \"Bob\"");
    coffee.categoryId = m_db->categoryId(m_user, QStringLiteral("Dining & Drinks"));
    coffee.categorizedBy = CategorizedBy::User;
    coffee.confirmedByUser = true;
    QVERIFY(add(m_user, coffee) > 0);

    Transaction power = TestDatabase::expense(4599, QString(), QDate(2024, 1, 20));
    power.uuid = uuid(2);
    power.description = QStringLiteral("Stadtwerke & Co <Strom>");
    power.notes = QStringLiteral("line1\nline2");
    QVERIFY(add(m_user, power) > 0);
}

QByteArray TestStatementExporter::csv(const CsvExportOptions& options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = StatementExporter::writeCsv(buffer, source(m_user), options);
    if (!written || *written != 3)
        qWarning() << "writeCsv:" << (written ? QString::number(*written) : written.error().toString());
    return buffer.data();
}

void TestStatementExporter::csvIso()
{
    CsvExportOptions options;
    // The notes' line break stays inside the quoted field as it is (LF); records end in CRLF.
    const QByteArray expected
        = crlf("Date,Type,Amount,Currency,Merchant,Description,Notes,Category,Source,Transaction ID,Confirmed\n"
               "2024-01-05,expense,-12.50,EUR,Corner Café,\"Latte, croissant\",\"with \"\"Bob\"\"\",Dining & "
               "Drinks,manual,,true\n"
               "2024-01-20,expense,-45.99,EUR,,Stadtwerke & Co <Strom>,")
        + QByteArray("\"line1\nline2\"")
        + crlf(",,manual,,false\n"
               "2024-01-31,income,3200.00,EUR,ACME Maschinenbau GmbH & Co. KG Niederlassung Süd,Salary January,,"
               "Salary,import,BANK-2024-0131,false\n");
    QCOMPARE(csv(options), expected);
}

void TestStatementExporter::csvIsoChosenColumns()
{
    CsvExportOptions options;
    options.columns = {CsvColumn::Amount, CsvColumn::Date, CsvColumn::ExternalId};
    QCOMPARE(csv(options),
             crlf("Amount,Date,Transaction ID\n"
                  "-12.50,2024-01-05,\n"
                  "-45.99,2024-01-20,\n"
                  "3200.00,2024-01-31,BANK-2024-0131\n"));
}

void TestStatementExporter::csvLocaleGerman()
{
    CsvExportOptions options;
    options.style = CsvExportOptions::Style::Locale;
    options.locale = QLocale(QLocale::German, QLocale::Germany);
    options.columns
        = {CsvColumn::Date, CsvColumn::Amount, CsvColumn::Description, CsvColumn::Category, CsvColumn::Confirmed};
    QCOMPARE(options.delimiter(), u';');
    // Short dates, ',' decimals without group separators, ';' between fields; "Latte, croissant" needs no
    // quotes now. No translator is installed here, so headers and yes/no stay English.
    QCOMPARE(csv(options),
             crlf("Date;Amount;Description;Category;Confirmed\n"
                  "05.01.24;-12,50;Latte, croissant;Dining & Drinks;yes\n"
                  "20.01.24;-45,99;Stadtwerke & Co <Strom>;;no\n"
                  "31.01.24;3200,00;Salary January;Salary;no\n"));

    // A locale with '.' decimals keeps ',' between fields.
    options.locale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    QCOMPARE(options.delimiter(), u',');
    QCOMPARE(csv(options),
             crlf("Date,Amount,Description,Category,Confirmed\n"
                  "05/01/2024,-12.50,\"Latte, croissant\",Dining & Drinks,yes\n"
                  "20/01/2024,-45.99,Stadtwerke & Co <Strom>,,no\n"
                  "31/01/2024,3200.00,Salary January,Salary,no\n"));
}

void TestStatementExporter::csvByteOrderMark()
{
    CsvExportOptions options;
    options.columns = {CsvColumn::Merchant};
    options.byteOrderMark = true;
    QCOMPARE(csv(options),
             QByteArray("\xEF\xBB\xBF")
                 + crlf("Merchant\nCorner Café\n\nACME Maschinenbau GmbH & Co. "
                        "KG Niederlassung Süd\n"));
}

void TestStatementExporter::csvRefusesNoColumns()
{
    CsvExportOptions options;
    options.columns.clear();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = StatementExporter::writeCsv(buffer, source(m_user), options);
    QVERIFY(!written);
    QCOMPARE(written.error().code, Error::Code::InvalidInput);
    QVERIFY(buffer.data().isEmpty());
}

void TestStatementExporter::csvColumnKeys()
{
    QCOMPARE(CsvExportOptions::allColumns().size(), 11);
    for (CsvColumn column : CsvExportOptions::allColumns())
        QCOMPARE(CsvExportOptions::columnFromKey(CsvExportOptions::key(column)), column);
    QCOMPARE(CsvExportOptions::columnFromKey(u" External-ID "), CsvColumn::ExternalId);
    QCOMPARE(CsvExportOptions::columnFromKey(u"externalid"), CsvColumn::ExternalId);
    QCOMPARE(CsvExportOptions::columnFromKey(u"AMOUNT"), CsvColumn::Amount);
    QVERIFY(!CsvExportOptions::columnFromKey(u"balance"));
}

void TestStatementExporter::ofx()
{
    OfxExportOptions options;
    options.serverTime = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = StatementExporter::writeOfx(buffer, source(m_user), options);
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 3);
    // FITID: the uuid, or the bank's id when there is one. NAME: at most 32 characters (before escaping).
    // The balance is the net of the rows: 3200.00 - 12.50 - 45.99.
    QCOMPARE(buffer.data(),
             crlf("OFXHEADER:100\n"
                  "DATA:OFXSGML\n"
                  "VERSION:102\n"
                  "SECURITY:NONE\n"
                  "ENCODING:UTF-8\n"
                  "CHARSET:NONE\n"
                  "COMPRESSION:NONE\n"
                  "OLDFILEUID:NONE\n"
                  "NEWFILEUID:NONE\n"
                  "\n"
                  "<OFX>\n"
                  "<SIGNONMSGSRSV1>\n"
                  "<SONRS>\n"
                  "<STATUS>\n"
                  "<CODE>0\n"
                  "<SEVERITY>INFO\n"
                  "</STATUS>\n"
                  "<DTSERVER>20240301120000\n"
                  "<LANGUAGE>ENG\n"
                  "</SONRS>\n"
                  "</SIGNONMSGSRSV1>\n"
                  "<BANKMSGSRSV1>\n"
                  "<STMTTRNRS>\n"
                  "<TRNUID>1\n"
                  "<STATUS>\n"
                  "<CODE>0\n"
                  "<SEVERITY>INFO\n"
                  "</STATUS>\n"
                  "<STMTRS>\n"
                  "<CURDEF>EUR\n"
                  "<BANKACCTFROM>\n"
                  "<BANKID>MONIAGENT\n"
                  "<ACCTID>MONIAGENT\n"
                  "<ACCTTYPE>CHECKING\n"
                  "</BANKACCTFROM>\n"
                  "<BANKTRANLIST>\n"
                  "<DTSTART>20240105\n"
                  "<DTEND>20240131\n"
                  "<STMTTRN>\n"
                  "<TRNTYPE>DEBIT\n"
                  "<DTPOSTED>20240105\n"
                  "<TRNAMT>-12.50\n"
                  "<FITID>0190c6a0-0000-7000-8000-000000000001\n"
                  "<NAME>Corner Café\n"
                  "<MEMO>Latte, croissant; with \"Bob\"\n"
                  "</STMTTRN>\n"
                  "<STMTTRN>\n"
                  "<TRNTYPE>DEBIT\n"
                  "<DTPOSTED>20240120\n"
                  "<TRNAMT>-45.99\n"
                  "<FITID>0190c6a0-0000-7000-8000-000000000002\n"
                  "<NAME>Stadtwerke &amp; Co &lt;Strom&gt;\n"
                  "<MEMO>line1 line2\n"
                  "</STMTTRN>\n"
                  "<STMTTRN>\n"
                  "<TRNTYPE>CREDIT\n"
                  "<DTPOSTED>20240131\n"
                  "<TRNAMT>3200.00\n"
                  "<FITID>BANK-2024-0131\n"
                  "<NAME>ACME Maschinenbau GmbH &amp; Co. KG\n"
                  "<MEMO>Salary January\n"
                  "</STMTTRN>\n"
                  "</BANKTRANLIST>\n"
                  "<LEDGERBAL>\n"
                  "<BALAMT>3141.51\n"
                  "<DTASOF>20240131\n"
                  "</LEDGERBAL>\n"
                  "</STMTRS>\n"
                  "</STMTTRNRS>\n"
                  "</BANKMSGSRSV1>\n"
                  "</OFX>\n"));
}

void TestStatementExporter::qif()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = StatementExporter::writeQif(buffer, source(m_user));
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 3);
    QCOMPARE(buffer.data(),
             crlf("!Type:Bank\n"
                  "D01/05/2024\n"
                  "T-12.50\n"
                  "PCorner Café\n"
                  "MLatte, croissant; with \"Bob\"\n"
                  "LDining & Drinks\n"
                  "^\n"
                  "D01/20/2024\n"
                  "T-45.99\n"
                  "PStadtwerke & Co <Strom>\n"
                  "Mline1 line2\n"
                  "^\n"
                  "D01/31/2024\n"
                  "T3200.00\n"
                  "NBANK-2024-0131\n"
                  "PACME Maschinenbau GmbH & Co. KG Niederlassung Süd\n"
                  "MSalary January\n"
                  "LSalary\n"
                  "^\n"));
}

void TestStatementExporter::severalCurrencies()
{
    const qint64 bob = m_db->createUser(QStringLiteral("bob"));
    Category custom;
    custom.name = QStringLiteral("Coffee/Tea [beans]");
    auto customId = m_categories->add(bob, custom);
    MONIAGENT_VERIFY_OK(customId);
    Transaction yen
        = TestDatabase::expense(1500, QStringLiteral("Blue Bottle"), QDate(2024, 2, 10), QStringLiteral("JPY"));
    yen.uuid = uuid(11);
    yen.categoryId = *customId;
    QVERIFY(add(bob, yen) > 0);
    Transaction euro = TestDatabase::income(999, QStringLiteral("Refund"), QDate(2024, 2, 1));
    euro.uuid = uuid(12);
    QVERIFY(add(bob, euro) > 0);
    Transaction euro2 = TestDatabase::expense(100, QStringLiteral("Kiosk"), QDate(2024, 2, 12));
    euro2.uuid = uuid(13);
    QVERIFY(add(bob, euro2) > 0);

    // QIF has no currency: one !Account block per currency, in code order. '/' and brackets, which mean a
    // class and a transfer in QIF, are replaced in the category.
    QBuffer qif;
    qif.open(QIODevice::WriteOnly);
    auto written = StatementExporter::writeQif(qif, source(bob));
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 3);
    QCOMPARE(qif.data(),
             crlf("!Account\n"
                  "NMoniagent EUR\n"
                  "TBank\n"
                  "^\n"
                  "!Type:Bank\n"
                  "D02/01/2024\n"
                  "T9.99\n"
                  "PRefund\n"
                  "^\n"
                  "D02/12/2024\n"
                  "T-1.00\n"
                  "PKiosk\n"
                  "^\n"
                  "!Account\n"
                  "NMoniagent JPY\n"
                  "TBank\n"
                  "^\n"
                  "!Type:Bank\n"
                  "D02/10/2024\n"
                  "T-1500\n"
                  "PBlue Bottle\n"
                  "LCoffee-Tea (beans)\n"
                  "^\n"));

    // OFX: one statement per currency, each with its own account id, balance and CURDEF; the dates span all.
    OfxExportOptions options;
    options.serverTime = QDateTime(QDate(2024, 3, 1), QTime(8, 30, 5), Qt::UTC);
    QBuffer ofx;
    ofx.open(QIODevice::WriteOnly);
    written = StatementExporter::writeOfx(ofx, source(bob), options);
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 3);
    const QByteArray text = ofx.data();
    const QByteArray body = text.mid(text.indexOf("<BANKMSGSRSV1>"));
    QCOMPARE(body,
             crlf("<BANKMSGSRSV1>\n"
                  "<STMTTRNRS>\n"
                  "<TRNUID>1\n"
                  "<STATUS>\n"
                  "<CODE>0\n"
                  "<SEVERITY>INFO\n"
                  "</STATUS>\n"
                  "<STMTRS>\n"
                  "<CURDEF>EUR\n"
                  "<BANKACCTFROM>\n"
                  "<BANKID>MONIAGENT\n"
                  "<ACCTID>MONIAGENT-EUR\n"
                  "<ACCTTYPE>CHECKING\n"
                  "</BANKACCTFROM>\n"
                  "<BANKTRANLIST>\n"
                  "<DTSTART>20240201\n"
                  "<DTEND>20240212\n"
                  "<STMTTRN>\n"
                  "<TRNTYPE>CREDIT\n"
                  "<DTPOSTED>20240201\n"
                  "<TRNAMT>9.99\n"
                  "<FITID>0190c6a0-0000-7000-8000-000000000012\n"
                  "<NAME>Refund\n"
                  "</STMTTRN>\n"
                  "<STMTTRN>\n"
                  "<TRNTYPE>DEBIT\n"
                  "<DTPOSTED>20240212\n"
                  "<TRNAMT>-1.00\n"
                  "<FITID>0190c6a0-0000-7000-8000-000000000013\n"
                  "<NAME>Kiosk\n"
                  "</STMTTRN>\n"
                  "</BANKTRANLIST>\n"
                  "<LEDGERBAL>\n"
                  "<BALAMT>8.99\n"
                  "<DTASOF>20240212\n"
                  "</LEDGERBAL>\n"
                  "</STMTRS>\n"
                  "</STMTTRNRS>\n"
                  "<STMTTRNRS>\n"
                  "<TRNUID>2\n"
                  "<STATUS>\n"
                  "<CODE>0\n"
                  "<SEVERITY>INFO\n"
                  "</STATUS>\n"
                  "<STMTRS>\n"
                  "<CURDEF>JPY\n"
                  "<BANKACCTFROM>\n"
                  "<BANKID>MONIAGENT\n"
                  "<ACCTID>MONIAGENT-JPY\n"
                  "<ACCTTYPE>CHECKING\n"
                  "</BANKACCTFROM>\n"
                  "<BANKTRANLIST>\n"
                  "<DTSTART>20240201\n"
                  "<DTEND>20240212\n"
                  "<STMTTRN>\n"
                  "<TRNTYPE>DEBIT\n"
                  "<DTPOSTED>20240210\n"
                  "<TRNAMT>-1500\n"
                  "<FITID>0190c6a0-0000-7000-8000-000000000011\n"
                  "<NAME>Blue Bottle\n"
                  "</STMTTRN>\n"
                  "</BANKTRANLIST>\n"
                  "<LEDGERBAL>\n"
                  "<BALAMT>-1500\n"
                  "<DTASOF>20240212\n"
                  "</LEDGERBAL>\n"
                  "</STMTRS>\n"
                  "</STMTTRNRS>\n"
                  "</BANKMSGSRSV1>\n"
                  "</OFX>\n"));
    QVERIFY(text.contains(crlf("<DTSERVER>20240301083005\n")));
}

void TestStatementExporter::dateFilter()
{
    ExportSource s = source(m_user);
    s.filter.dates = {QDate(2024, 1, 6), QDate(2024, 1, 31)};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvExportOptions options;
    options.columns = {CsvColumn::Date, CsvColumn::Amount};
    auto written = StatementExporter::writeCsv(buffer, s, options);
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 2);
    QCOMPARE(buffer.data(), crlf("Date,Amount\n2024-01-20,-45.99\n2024-01-31,3200.00\n"));

    // The statement period is the filter's, even where no row falls on its ends.
    QBuffer ofx;
    ofx.open(QIODevice::WriteOnly);
    s.filter.dates = {QDate(2024, 1, 1), QDate(2024, 1, 25)};
    written = StatementExporter::writeOfx(ofx, s);
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 2);
    QVERIFY(ofx.data().contains(crlf("<DTSTART>20240101\n<DTEND>20240125\n")));
    QVERIFY(ofx.data().contains(crlf("<BALAMT>-58.49\n<DTASOF>20240125\n")));
}

void TestStatementExporter::emptyLedger()
{
    const qint64 empty = m_db->createUser(QStringLiteral("carl"));
    QBuffer csvBuffer;
    csvBuffer.open(QIODevice::WriteOnly);
    CsvExportOptions options;
    options.columns = {CsvColumn::Date, CsvColumn::Amount};
    auto written = StatementExporter::writeCsv(csvBuffer, source(empty), options);
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 0);
    QCOMPARE(csvBuffer.data(), crlf("Date,Amount\n"));

    QBuffer qifBuffer;
    qifBuffer.open(QIODevice::WriteOnly);
    written = StatementExporter::writeQif(qifBuffer, source(empty));
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(qifBuffer.data(), crlf("!Type:Bank\n"));

    // An empty statement in the default currency, dated the day of the export.
    OfxExportOptions ofxOptions;
    ofxOptions.serverTime = QDateTime(QDate(2024, 5, 4), QTime(0, 0), Qt::UTC);
    ofxOptions.defaultCurrency = QStringLiteral("chf");
    QBuffer ofxBuffer;
    ofxBuffer.open(QIODevice::WriteOnly);
    written = StatementExporter::writeOfx(ofxBuffer, source(empty), ofxOptions);
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(*written, 0);
    const QByteArray text = ofxBuffer.data();
    QVERIFY(text.contains(crlf("<CURDEF>CHF\n")));
    QVERIFY(text.contains(crlf("<BANKTRANLIST>\n<DTSTART>20240504\n<DTEND>20240504\n</BANKTRANLIST>\n")));
    QVERIFY(text.contains(crlf("<BALAMT>0.00\n")));
    QVERIFY(!text.contains("<STMTTRN>"));
}

void TestStatementExporter::cancel()
{
    ExportSource s = source(m_user);
    s.pageSize = 1;
    QList<std::pair<qint64, qint64>> calls;
    auto stopAtTwo = [&calls](qint64 done, qint64 total) {
        calls.append({done, total});
        return done < 2;
    };
    for (int format = 0; format < 3; ++format) {
        calls.clear();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        Result<qint64> written = format == 0 ? StatementExporter::writeCsv(buffer, s, CsvExportOptions(), stopAtTwo)
            : format == 1                    ? StatementExporter::writeOfx(buffer, s, OfxExportOptions(), stopAtTwo)
                                             : StatementExporter::writeQif(buffer, s, QifExportOptions(), stopAtTwo);
        QVERIFY(!written);
        QCOMPARE(written.error().code, Error::Code::Cancelled);
        QVERIFY(!written.error().message.isEmpty());
        const QList<std::pair<qint64, qint64>> expected {{1, 3}, {2, 3}};
        QCOMPARE(calls, expected);
        // The third row was never written.
        QVERIFY2(!buffer.data().contains("3200.00"), buffer.data().constData());
    }
}

void TestStatementExporter::otherUsersRowsStayOut()
{
    const qint64 bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(add(bob, TestDatabase::expense(777, QStringLiteral("Bob's shop"), QDate(2024, 1, 10))) > 0);
    CsvExportOptions options;
    options.columns = {CsvColumn::Merchant};
    QVERIFY(!csv(options).contains("Bob's shop"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = StatementExporter::writeCsv(buffer, source(bob), options);
    MONIAGENT_VERIFY_OK(written);
    QCOMPARE(buffer.data(), crlf("Merchant\nBob's shop\n"));
}

QTEST_GUILESS_MAIN(TestStatementExporter)
#include "tst_statementexporter.moc"
