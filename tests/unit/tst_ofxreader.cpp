#include "importers/libofxparser.h"
#include "importers/ofxdocument.h"
#include "importers/ofxreader.h"
#include "statementreadertest.h"
#include "testresult.h"

#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTranslator>

#include <atomic>
#include <thread>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(MONIAGENT_TEST_DATA_DIR "/statements/ofx/") + name;
}

Test::ReadOutcome readOfx(const QString& path, const StatementReadOptions& options = {}, int limit = -1)
{
    return Test::readFile(&OfxReader::read, path, options, limit);
}

} // namespace

class TestOfxReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void reads_data();
    void reads();
    void rowErrors();
    void refuses_data();
    void refuses();
    void stopsWhenTheSinkDeclines();
    void documentCanonicalizesTheText();
    void independentOfTheCurrentDirectory();
    void quietOnTheConsole();
    void parallelReadsAreSerialized();
    void realFixtures();

private:
    QTranslator m_english;
};

void TestOfxReader::initTestCase()
{
    // English plural forms ("2 accounts") come from the English catalogue, as in the application.
    QVERIFY(m_english.load(QStringLiteral(":/i18n/moniagent_en.qm")));
    QCoreApplication::installTranslator(&m_english);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // numbers in messages
}

void TestOfxReader::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_english);
}

void TestOfxReader::reads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<QString>("accountType");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("warning"); // a fragment of the one expected warning, or empty for none

    QTest::newRow("SGML without end tags, CRLF, PAYEE aggregate, bare ampersands")
        << "checking-sgml.ofx" << "004417735" << "checking" << "USD"
        << QStringList {
               u"#1 2024-01-03 -4217 USD | WHOLE FOODS MARKET #10234 | POS PURCHASE 01/02 AUSTIN TX | id=202401030001 | "_s
               u"chk="_s,
               u"#2 2024-01-05 231500 USD | ACME CORP PAYROLL | DIRECT DEPOSIT | id=202401050002 | chk="_s,
               u"#3 2024-01-09 -15000 USD | CHECK 1047 |  | id=202401090003 | chk=1047"_s,
               u"#4 2024-01-31 -8999 USD | Austin Energy | Online bill payment AT&T-style & more | id=202401310004 | "_s
               u"chk="_s,
           }
        << QString();
    QTest::newRow("OFX 2 XML credit card, UTF-8, a line in another currency")
        << "creditcard-xml.ofx" << "4970XXXXXXXX2217" << "creditcard" << "EUR"
        << QStringList {
               u"#1 2024-02-12 -1840 EUR | Café de Flore – Paris | Carte 12/02 Crème brûlée & thé | id=CB2024021200017 | "_s
               u"chk="_s,
               u"#2 2024-02-19 -2500 USD | Amazon Marketplace US |  | id=CB2024021900031 | chk="_s,
               u"#3 2024-02-28 35000 EUR | Remboursement anticipé |  | id=CB2024022800002 | chk="_s,
           }
        << QString();
    QTest::newRow("QFX with INTU.BID, no blank line after the header")
        << "intuit.qfx" << "8812345" << "savings" << "USD"
        << QStringList {
               u"#1 2023-11-30 321 USD | INTEREST PAID |  | id=INT20231130 | chk="_s,
               u"#2 2023-11-15 -50000 USD | TRANSFER TO CHECKING | Online transfer | id=XF20231115 | chk="_s,
           }
        << QString();
    QTest::newRow("Windows-1252 bytes") << "cp1252.ofx" << "5401234567" << "checking" << "EUR"
                                         << QStringList {
                                                u"#1 2024-03-04 -785 EUR | Bäckerei Müller | Brötchen – 3 × Laugen | "_s
                                                u"id=K0304A | chk="_s,
                                                u"#2 2024-03-06 -6420 EUR | Crème & Café SARL | Facture n° 2291 € TTC | "_s
                                                u"id=K0306B | chk="_s,
                                            }
                                         << QString();
    QTest::newRow("UTF-8 bytes under a CHARSET:1252 header, decimal comma")
        << "utf8-claims-1252.ofx"
        << "00012345678"
        << "checking"
        << "EUR"
        << QStringList {u"#1 2024-03-11 -1250 EUR | Boulangerie Élodie | Pâtisserie – 2 éclairs | id=U0311 | chk="_s}
        << QString();
    QTest::newRow("BOM, leading blank lines, lower-case tags, plus sign")
        << "lowercase-bom.ofx" << "71234568" << "checking" << "GBP"
        << QStringList {
               u"#1 2024-01-02 -310 GBP | Prêt à Manger | Card 4411 | id=GB0102 | chk="_s,
               u"#2 2024-01-04 12000 GBP | J SMITH | Rent share | id=GB0104 | chk="_s,
           }
        << QString();
    QTest::newRow("two accounts") << "multiple-accounts.ofx" << "5550101" << "checking" << "CAD"
                                  << QStringList {
                                         u"#1 2024-02-02 -6000 CAD | Hydro Quebec |  | id=C-1 | chk="_s,
                                         u"#2 2024-02-03 -1234 CAD | Tim Hortons |  | id=C-2 | chk="_s,
                                         u"#3 2024-02-29 456 CAD | Interest |  | id=S-1 | chk="_s,
                                     }
                                  << "statements for 2 accounts";
    QTest::newRow("investment: cash lines kept, security transactions skipped")
        << "investment.ofx" << "X71234567" << "investment" << "USD"
        << QStringList {
               u"#3 2024-01-02 500000 USD | ELECTRONIC FUNDS TRANSFER RCVD |  | id=K-1 | chk="_s,
               u"#5 2024-01-30 -2500 USD | ACCOUNT FEE | Annual maintenance | id=K-2 | chk="_s,
           }
        << "Skipped 3 investment transactions";
}

void TestOfxReader::reads()
{
    QFETCH(QString, file);
    const Test::ReadOutcome outcome = readOfx(fixture(file));
    MONIAGENT_VERIFY_OK(outcome.info);
    const StatementInfo& info = *outcome.info;
    QCOMPARE(info.format, StatementFormat::Ofx);
    QTEST(info.accountId, "accountId");
    QTEST(info.accountType, "accountType");
    QTEST(info.currency, "currency");
    QTEST(Test::describe(outcome.lines), "lines");
    QCOMPARE(info.lineCount, outcome.lines.size());
    for (const StatementLine& line : outcome.lines)
        QVERIFY2(line.error.isEmpty(), qPrintable(line.error));
    QFETCH(QString, warning);
    if (warning.isEmpty()) {
        QVERIFY2(info.warnings.isEmpty(), qPrintable(info.warnings.join(u'\n')));
    } else {
        QCOMPARE(info.warnings.size(), 1);
        QVERIFY2(info.warnings.first().contains(warning), qPrintable(info.warnings.first()));
    }
}

void TestOfxReader::rowErrors()
{
    const Test::ReadOutcome outcome = readOfx(fixture(QStringLiteral("bad-rows.ofx")));
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 6);
    const QList<StatementLine>& lines = outcome.lines;
    QCOMPARE(lines.at(0).error, QStringLiteral("Transaction 1: the date “20230231” is not a valid date."));
    QCOMPARE(lines.at(0).amount, Money::fromMinor(-1000, u"USD"));
    QCOMPARE(lines.at(1).error, QStringLiteral("Transaction 2: the amount “$12.00” is not a number."));
    QCOMPARE(lines.at(1).date, QDate(2023, 2, 10));
    QCOMPARE(lines.at(2).error, QStringLiteral("Transaction 3: the amount (TRNAMT) is missing."));
    // A fraction of a cent is rounded half away from zero, and the file's warnings say so.
    QVERIFY2(lines.at(3).error.isEmpty(), qPrintable(lines.at(3).error));
    QCOMPARE(lines.at(3).amount, Money::fromMinor(-101, u"USD"));
    QCOMPARE(outcome.info->warnings,
             QStringList {u"Rounded 1 amount with more decimals than the currency has to its smallest unit (for "
                          u"example -1.005 became -1.01)."_s});
    QVERIFY2(lines.at(4).error.isEmpty(), qPrintable(lines.at(4).error));
    QCOMPARE(lines.at(4).amount, Money::fromMinor(750, u"USD"));
    QCOMPARE(lines.at(5).error, QStringLiteral("Transaction 6: the date (DTPOSTED) is missing."));
    QCOMPARE(lines.at(5).payee, QStringLiteral("No date"));
    QCOMPARE(lines.at(5).externalId, QStringLiteral("E-6"));
}

void TestOfxReader::refuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");

    auto bytesOf = [](const QString& name) {
        QFile file(fixture(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing fixture");
    };
    QTest::newRow("sign-on error") << bytesOf(QStringLiteral("signon-error.ofx"))
                                   << "This OFX file contains no statement: the bank answered with error 15500 "
                                      "(Signon invalid).";
    QTest::newRow("truncated") << bytesOf(QStringLiteral("truncated.ofx"))
                               << "This OFX file is incomplete: it ends before its closing </OFX> tag. Download it "
                                  "again from the bank.";
    QTest::newRow("CSV") << bytesOf(QStringLiteral("not-ofx.txt"))
                         << "This file is not an OFX or QFX statement: it has no <OFX> element.";
    QTest::newRow("no transactions") << bytesOf(QStringLiteral("no-transactions.ofx"))
                                     << "This OFX file contains a statement but no transactions (account 333).";
    QTest::newRow("only security transactions")
        << bytesOf(QStringLiteral("investment-only.ofx"))
        << "This OFX file contains only investment transactions (2 buys, sells or other security transactions), "
           "which are not imported.";
    QTest::newRow("empty") << QByteArray() << "The OFX file is empty.";
    QTest::newRow("white space and a BOM") << QByteArray("\xEF\xBB\xBF \r\n\t\n") << "The OFX file is empty.";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                            << "This file is not an OFX or QFX statement: it has no <OFX> element.";
    QTest::newRow("nested absurdly deep")
        << QByteArray("OFXHEADER:100\n\n<OFX>" + QByteArray("<STMTTRN>").repeated(5000) + "</OFX>")
        << "This OFX file is damaged: its elements are nested 5001 levels deep.";
    QByteArray many("OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>");
    many += QByteArray("<STMTTRN><TRNAMT>1</STMTTRN>\n").repeated(OfxReader::MaximumTransactions + 1);
    many += "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
    QTest::newRow("too many transactions")
        << many
        << "This OFX file holds 50,001 transactions, more than the 50,000 that can be read at once. Export a shorter "
           "period from the bank.";
    QTest::newRow("empty OFX element") << QByteArray("OFXHEADER:100\nDATA:OFXSGML\n\n<OFX></OFX>\n")
                                       << "This OFX file contains no bank, credit card or investment statement.";
}

void TestOfxReader::refuses()
{
    QFETCH(QByteArray, bytes);
    int delivered = 0;
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    const Result<StatementInfo> info = OfxReader::read(buffer, {}, [&delivered](StatementLine&&) {
        ++delivered;
        return true;
    });
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, Error::Code::InvalidInput);
    QTEST(info.error().message, "message");
    QCOMPARE(delivered, 0);
}

void TestOfxReader::stopsWhenTheSinkDeclines()
{
    const Test::ReadOutcome outcome = readOfx(fixture(QStringLiteral("checking-sgml.ofx")), {}, 2);
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 2);
    QCOMPARE(outcome.info->lineCount, 2);
    QCOMPARE(outcome.lines.at(1).externalId, QStringLiteral("202401050002"));
}

void TestOfxReader::documentCanonicalizesTheText()
{
    const QByteArray bytes("\xEF\xBB\xBF\r\n  OFXHEADER:100\r\nCHARSET:1252\r\n<ofx><stmttrn><trnamt> -1,5 "
                           "<fitid>A&amp;B<name>AT&T &#233;t&eacute;</stmttrn></OfX>");
    const std::optional<OfxDocument> document = OfxDocument::parse(bytes);
    QVERIFY(document);
    QVERIFY(document->isComplete());
    QCOMPARE(document->body(),
             QStringLiteral("<OFX><STMTTRN><TRNAMT> -1,5 <FITID>A&amp;B<NAME>AT&amp;T ét&amp;eacute;</STMTTRN></OFX>"));
    QCOMPARE(document->transactions().size(), 1);
    QCOMPARE(document->transactions().first().amount, std::optional<QString>(QStringLiteral("-1,5")));
    QCOMPARE(document->transactions().first().fitId, QStringLiteral("A&B"));
    QVERIFY(document->libofxInput().startsWith("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n"));
    QVERIFY(document->libofxInput().contains("ENCODING:UTF-8\nCHARSET:NONE\n"));
    QVERIFY(!OfxDocument::parse("<OFC></OFC>"));
    QVERIFY(!OfxDocument::parse("<ofx><stmttrn>")->isComplete());
}

void TestOfxReader::independentOfTheCurrentDirectory()
{
    QVERIFY2(!LibofxParser::dtdDirectory().isEmpty(), "the build did not find libofx's DTDs");
    QVERIFY(QDir::isAbsolutePath(LibofxParser::dtdDirectory()));
    const QString previous = QDir::currentPath();
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    QVERIFY(QDir::setCurrent(empty.path()));
    const Test::ReadOutcome outcome = readOfx(fixture(QStringLiteral("intuit.qfx")));
    QVERIFY(QDir::setCurrent(previous));
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 2);
}

void TestOfxReader::quietOnTheConsole()
{
#ifdef Q_OS_UNIX
    // bad-rows.ofx makes OpenSP and libofx complain (invalid dates, amounts); none of it may reach stderr.
    QTemporaryFile capture;
    QVERIFY(capture.open());
    fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    QVERIFY(saved >= 0);
    QVERIFY(dup2(capture.handle(), STDERR_FILENO) >= 0);
    const Test::ReadOutcome outcome = readOfx(fixture(QStringLiteral("bad-rows.ofx")));
    const Test::ReadOutcome refused = readOfx(fixture(QStringLiteral("signon-error.ofx")));
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    MONIAGENT_VERIFY_OK(outcome.info);
    QVERIFY(!refused.info.ok());
    QFile written(capture.fileName());
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), QByteArray());
#else
    QSKIP("stderr capture needs POSIX");
#endif
}

void TestOfxReader::parallelReadsAreSerialized()
{
    std::atomic<int> good {0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&good] {
            for (int i = 0; i < 5; ++i) {
                const Test::ReadOutcome outcome = readOfx(fixture(QStringLiteral("cp1252.ofx")));
                if (outcome.info.ok() && outcome.lines.size() == 2
                    && outcome.lines.at(0).payee == QStringLiteral("Bäckerei Müller"))
                    ++good;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(good.load(), 20);
}

void TestOfxReader::realFixtures()
{
    const QString root = Test::sharedStatementsDir();
    if (!QDir(root).exists())
        QSKIP("the shared statement samples are not available");
    QStringList files = Test::sharedFiles(QStringLiteral("jseutter__ofxparse/tests/fixtures"),
                                          {QStringLiteral("*.ofx"), QStringLiteral("*.qfx")}, true);
    files += Test::sharedFiles(QStringLiteral("reubano__csv2ofx/data/converted"), {QStringLiteral("*.ofx")}, false);
    files += Test::sharedFiles(QStringLiteral("reubano__csv2ofx/data/example"),
                               {QStringLiteral("*.ofx"), QStringLiteral("*.qfx")}, false);
    QVERIFY(files.size() > 20);

    // Where the fixture says what it is: the outcome is known. A number is the lines expected, all with an
    // error when negative; text is a fragment of the refusal.
    const QHash<QString, QString> known = {
        {QStringLiteral("fail_nice/date_missing.ofx"), QStringLiteral("-3")},
        {QStringLiteral("fail_nice/decimal_error.ofx"), QStringLiteral("-1")},
        {QStringLiteral("fail_nice/empty_balance.ofx"), QStringLiteral("1")},
        {QStringLiteral("error_message.ofx"), QStringLiteral("error 2000 (General error)")},
        {QStringLiteral("signon_fail.ofx"), QStringLiteral("error 15500 (Signon invalid)")},
        {QStringLiteral("signon_success.ofx"), QStringLiteral("no bank, credit card or investment statement")},
        {QStringLiteral("signon_success_no_message.ofx"),
         QStringLiteral("no bank, credit card or investment statement")},
        {QStringLiteral("account_listing_aggregation.ofx"),
         QStringLiteral("no bank, credit card or investment statement")},
        {QStringLiteral("bank_small.ofx"), QStringLiteral("no bank, credit card or investment statement")},
        {QStringLiteral("multiple_accounts.ofx"), QStringLiteral("no transactions")},
        {QStringLiteral("multiple_accounts2.ofx"), QStringLiteral("no transactions")},
    };
    int readCount = 0;
    int refusedCount = 0;
    QStringList table;
    for (const QString& path : std::as_const(files)) {
        const QString name = QDir(root).relativeFilePath(path);
        const QString shortName = path.section(QStringLiteral("/fixtures/"), 1);
        const Test::ReadOutcome outcome = readOfx(path);
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
            QCOMPARE(outcome.info->lineCount, outcome.lines.size());
        } else {
            ++refusedCount;
            table.append(QStringLiteral("%1 → refused: %2").arg(name, outcome.info.error().message));
            QVERIFY2(outcome.lines.isEmpty(), qPrintable(name));
            QVERIFY2(!outcome.info.error().message.isEmpty(), qPrintable(name));
        }
        if (!known.contains(shortName))
            continue;
        const QString expected = known.value(shortName);
        bool isNumber = false;
        const int lines = expected.toInt(&isNumber);
        if (isNumber) {
            QVERIFY2(outcome.info.ok(),
                     qPrintable(name + u' ' + (outcome.info.ok() ? QString() : outcome.info.error().message)));
            QCOMPARE(outcome.lines.size(), qAbs(lines));
            for (const StatementLine& line : outcome.lines)
                QVERIFY2(line.error.isEmpty() == (lines > 0), qPrintable(name + u' ' + line.error));
        } else {
            QVERIFY2(!outcome.info.ok(), qPrintable(name));
            QVERIFY2(outcome.info.error().message.contains(expected), qPrintable(outcome.info.error().message));
        }
    }
    qInfo().noquote() << QStringLiteral("OFX real fixtures: %1 read, %2 refused\n  ").arg(readCount).arg(refusedCount)
            + table.join(QStringLiteral("\n  "));
}

QTEST_GUILESS_MAIN(TestOfxReader)
#include "tst_ofxreader.moc"
