#include "importers/camt053reader.h"
#include "statementreadertest.h"
#include "testresult.h"

#include <QTest>
#include <QTranslator>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(MONIAGENT_TEST_DATA_DIR "/statements/camt/") + name;
}

Test::ReadOutcome readCamt(const QString& path, int limit = -1)
{
    return Test::readFile(&Camt053Reader::read, path, {}, limit);
}

QStringList describeCamt(const QList<StatementLine>& lines)
{
    QStringList out;
    for (const StatementLine& line : lines)
        out.append(Test::describe(line) + QStringLiteral(" | notes=%1").arg(line.notes));
    return out;
}

} // namespace

class TestCamt053Reader : public QObject
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
    void survivesDeepNesting();

private:
    QTranslator m_english;
};

void TestCamt053Reader::initTestCase()
{
    QVERIFY(m_english.load(QStringLiteral(":/i18n/moniagent_en.qm")));
    QCoreApplication::installTranslator(&m_english);
}

void TestCamt053Reader::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_english);
}

void TestCamt053Reader::reads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<QString>("accountType");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("camt.053.001.02: batch, pending, reversal (ISO signs, confirmed by the balances)")
        << "statement-v02.xml" << "DE89370400440532013000" << "" << "EUR"
        << QStringList {
               u"#1 2024-03-01 -4250 EUR | Stadtwerke München GmbH | Abschlag März Vertragskonto 4711 | "
               u"id=2024030100001 | chk= | notes=SEPA-Lastschrift"_s,
               u"#2 2024-03-01 250000 EUR | ACME GmbH | Gehalt März 2024 | id=NREF-2 | chk= | notes=SEPA-Gutschrift"_s,
               u"#4 2024-03-02 -10000 EUR | Sportverein Blau-Weiß e.V. | Mitgliedsbeitrag 2024 | id=BATCH-7/1 | chk= | "
               u"notes=Sammelüberweisung"_s,
               u"#5 2024-03-02 -5000 EUR | Kita Sonnenschein | Essensgeld März | id=BATCH-7/2 | chk= | "
               u"notes=Sammelüberweisung"_s,
               u"#6 2024-03-02 -2550 EUR | Bücherei am Markt | Sammelüberweisung | id=BATCH-7/3 | chk= | notes="_s,
               u"#7 2024-03-04 4250 EUR | Stadtwerke München GmbH | Rücklastschrift Abschlag März | id=2024030400002 | "
               u"chk= | notes=Retoure SEPA-Lastschrift"_s,
           }
        << QStringList {u"Skipped 1 pending entry; pending entries can be imported once the bank has booked them."_s};
    QTest::newRow("camt.053.001.08: Sts/Cd, Pty/Nm, DtTm, ValDt only, two accounts")
        << "statement-v08.xml" << "CH9300762011623852957" << "checking" << "CHF"
        << QStringList {
               u"#1 2024-04-08 -1230 CHF | Migros Zürich | Debitkarte 08.04.2024 | id=CH-001 | chk= | notes="_s,
               u"#2 2024-04-09 10000 CHF | Anna Muster | Anteil Ferienwohnung | id=CH-002 | chk= | notes="_s,
               u"#3 2024-03-31 85 CHF |  | Zinsgutschrift | id=ZINS-Q1 | chk= | notes="_s,
           }
        << QStringList {u"This file holds statements for 2 accounts; the lines of all of them are listed, and the "
                        u"account shown is the first one."_s};
    QTest::newRow("reversal written with the original direction, told by the balances")
        << "reversal-original-direction.xml" << "0012345678" << "" << "EUR"
        << QStringList {
               u"#1 2024-05-01 -3000 EUR | Fitnessstudio Nord |  | id=P-1 | chk= | notes="_s,
               u"#2 2024-05-02 3000 EUR | Fitnessstudio Nord |  | id=P-1-R | chk= | notes="_s,
           }
        << QStringList {u"This bank marks reversals with the direction of the original booking; the statement's "
                        u"balances show it, so the sign of 1 reversal was turned."_s};
    QTest::newRow("batch whose payments have no amounts")
        << "batch-without-amounts.xml"
        << "DE02120300000000202051"
        << ""
        << "EUR"
        << QStringList {u"#1 2024-03-03 -30000 EUR | Verein A | Sammler 2 Posten | id=SAMMLER-1 | chk= | notes="_s}
        << QStringList {
               u"Kept 1 batch entry as a single line, since the payments listed in them have no amounts of their own."_s};
    QTest::newRow("ISO-8859-1")
        << "latin1.xml"
        << "AT611904300234573201"
        << ""
        << "EUR"
        << QStringList {u"#1 2024-05-31 -340 EUR | Café Müller | Frühstück für 2 | id=A-1 | chk= "
                        u"| notes="_s}
        << QStringList();
}

void TestCamt053Reader::reads()
{
    QFETCH(QString, file);
    const Test::ReadOutcome outcome = readCamt(fixture(file));
    MONIAGENT_VERIFY_OK(outcome.info);
    const StatementInfo& info = *outcome.info;
    QCOMPARE(info.format, StatementFormat::Camt053);
    QTEST(info.accountId, "accountId");
    QTEST(info.accountType, "accountType");
    QTEST(info.currency, "currency");
    QTEST(describeCamt(outcome.lines), "lines");
    QCOMPARE(info.lineCount, outcome.lines.size());
    for (const StatementLine& line : outcome.lines)
        QVERIFY2(line.error.isEmpty(), qPrintable(line.error));
    QTEST(info.warnings, "warnings");
}

void TestCamt053Reader::rowErrors()
{
    const Test::ReadOutcome outcome = readCamt(fixture(QStringLiteral("bad-rows.xml")));
    MONIAGENT_VERIFY_OK(outcome.info);
    QStringList errors;
    for (const StatementLine& line : outcome.lines)
        errors.append(line.error);
    QCOMPARE(errors,
             QStringList({
                 u"Transaction 1: it is marked neither credit nor debit (CdtDbtInd)."_s,
                 u"Transaction 2: the amount “12,50” is not a number."_s,
                 u"Transaction 3: the booking date is missing or invalid."_s,
                 u"Transaction 4: the booking date is missing or invalid."_s,
                 QString(),
             }));
    QCOMPARE(outcome.lines.at(3).amount, Money::fromMinor(-800, u"EUR"));
    QCOMPARE(outcome.lines.at(3).externalId, QStringLiteral("E-4"));
    // An entry in another currency keeps its own.
    QCOMPARE(outcome.lines.at(4).amount, Money::fromMinor(1500, u"JPY"));
    QCOMPARE(outcome.lines.at(4).date, QDate(2024, 3, 2));
}

void TestCamt053Reader::refuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message"); // the message, or its beginning when it ends in "…"
    auto bytesOf = [](const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing fixture");
    };
    QTest::newRow("truncated") << bytesOf(fixture(QStringLiteral("truncated.xml")))
                               << "This CAMT.053 file is damaged or incomplete (line 35: …";
    QTest::newRow("camt.052") << bytesOf(fixture(QStringLiteral("camt052.xml")))
                              << "This file is an ISO 20022 camt.052.001.02 message, not a CAMT.053 bank statement.";
    QTest::newRow("CSV") << bytesOf(fixture(QStringLiteral("not-xml.txt")))
                         << "This file is not a CAMT.053 bank statement: it is not XML.";
    QTest::newRow("OFX 2 XML") << bytesOf(QStringLiteral(MONIAGENT_TEST_DATA_DIR "/statements/ofx/creditcard-xml.ofx"))
                               << "This file is not a CAMT.053 bank statement: it has no BkToCstmrStmt element.";
    QTest::newRow("pending only") << bytesOf(fixture(QStringLiteral("pending-only.xml")))
                                  << "This CAMT.053 file contains no booked entries, only 2 pending or informational "
                                     "ones; those are not imported.";
    QTest::newRow("no entries") << QByteArray("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
                                              "<BkToCstmrStmt><Stmt><Id>1</Id></Stmt></BkToCstmrStmt></Document>")
                                << "This CAMT.053 file contains no entries.";
    QTest::newRow("empty") << QByteArray() << "The CAMT.053 file is empty.";
}

void TestCamt053Reader::refuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const Test::ReadOutcome outcome = Test::readBytes(&Camt053Reader::read, bytes);
    QVERIFY(!outcome.info.ok());
    QCOMPARE(outcome.info.error().code, Error::Code::InvalidInput);
    if (message.endsWith(u'…')) {
        message.chop(1);
        QVERIFY2(outcome.info.error().message.startsWith(message), qPrintable(outcome.info.error().message));
    } else {
        QCOMPARE(outcome.info.error().message, message);
    }
    QVERIFY(outcome.lines.isEmpty());
}

void TestCamt053Reader::stopsWhenTheSinkDeclines()
{
    const Test::ReadOutcome outcome = readCamt(fixture(QStringLiteral("statement-v02.xml")), 3);
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 3);
    QCOMPARE(outcome.info->lineCount, 3);
    QCOMPARE(outcome.lines.last().externalId, QStringLiteral("BATCH-7/1"));
}

void TestCamt053Reader::survivesDeepNesting()
{
    // A million nested elements inside an entry: skipped below CamtNode::MaximumDepth, not recursed into.
    QByteArray bytes("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>"
                     "<Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct><Ntry>"
                     "<Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                     "<BookgDt><Dt>2024-01-01</Dt></BookgDt><AddtlNtryInf>deep</AddtlNtryInf><X>");
    bytes += QByteArray("<a>").repeated(1000000) + QByteArray("</a>").repeated(1000000);
    bytes += "</X></Ntry></Stmt></BkToCstmrStmt></Document>";
    const Test::ReadOutcome outcome = Test::readBytes(&Camt053Reader::read, bytes);
    MONIAGENT_VERIFY_OK(outcome.info);
    QCOMPARE(outcome.lines.size(), 1);
    QCOMPARE(outcome.lines.first().amount, Money::fromMinor(100, u"EUR"));
    QCOMPARE(outcome.lines.first().memo, QStringLiteral("deep"));
}

QTEST_GUILESS_MAIN(TestCamt053Reader)
#include "tst_camt053reader.moc"
