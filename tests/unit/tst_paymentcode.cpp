#include "receipts/paymentcode.h"

#include <QTest>

using namespace Moniagent;

namespace {

// The Swiss Payment Standards' example 1 (QR-IBAN with QR reference, amount, debtor, billing information and
// two alternative schemes): 34 lines.
QStringList swissExample()
{
    return {
        QStringLiteral("SPC"),
        QStringLiteral("0200"),
        QStringLiteral("1"),
        QStringLiteral("CH4431999123000889012"),
        QStringLiteral("S"),
        QStringLiteral("Robert Schneider AG"),
        QStringLiteral("Rue du Lac"),
        QStringLiteral("1268"),
        QStringLiteral("2501"),
        QStringLiteral("Biel"),
        QStringLiteral("CH"),
        {},
        {},
        {},
        {},
        {},
        {},
        {},
        QStringLiteral("1949.75"),
        QStringLiteral("CHF"),
        QStringLiteral("S"),
        QStringLiteral("Pia-Maria Rutschmann-Schnyder"),
        QStringLiteral("Grosse Marktgasse"),
        QStringLiteral("28"),
        QStringLiteral("9400"),
        QStringLiteral("Rorschach"),
        QStringLiteral("CH"),
        QStringLiteral("QRR"),
        QStringLiteral("210000000003139471430009017"),
        QStringLiteral("Order dated 18.06.2020"),
        QStringLiteral("EPD"),
        QStringLiteral("//S1/10/10201409/11/200701/20/140.000-53/30/102673831/31/200615/32/7.7/33/7.7:139.40/40/0:30"),
        QStringLiteral("Name AV1: UV;UltraPay005;12345"),
        QStringLiteral("Name AV2: XY;XYService;54321"),
    };
}

// A QR-bill with a combined address (K), an ordinary IBAN, a creditor reference, no amount and no debtor.
QStringList swissScorExample()
{
    QStringList lines = swissExample().mid(0, 31);
    lines[3] = QStringLiteral("CH5800791123000889012");
    lines[4] = QStringLiteral("K");
    lines[5] = QStringLiteral("Salvation Army Foundation Switzerland");
    lines[6] = QStringLiteral("Laupenstrasse 5");
    lines[7] = QStringLiteral("3008 Bern");
    lines[8] = QString();
    lines[9] = QString();
    lines[18] = QString();
    for (int i = 20; i <= 26; ++i)
        lines[i] = QString();
    lines[27] = QStringLiteral("SCOR");
    lines[28] = QStringLiteral("RF18539007547034");
    lines[29] = QStringLiteral("Donation");
    return lines;
}

QString join(const QStringList& lines, const QString& separator = QStringLiteral("\n"))
{
    return lines.join(separator);
}

} // namespace

class TestPaymentCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void epcVersion2WithoutBic()
    {
        const auto code = PaymentCode::parse(QStringLiteral(
            "BCD\n002\n1\nSCT\n\nRed Cross of Belgium\nBE72000000001616\nEUR12.3\nCHAR\n\nUrgency fund\n"));
        QVERIFY(code);
        QCOMPARE(code->standard, QStringLiteral("epc"));
        QVERIFY(code->amount);
        QCOMPARE(code->amount->minor(), 1230);
        QCOMPARE(code->amount->currency().code(), QStringLiteral("EUR"));
        QCOMPARE(code->creditorName, QStringLiteral("Red Cross of Belgium"));
        QCOMPARE(code->iban, QStringLiteral("BE72000000001616"));
        QVERIFY(code->bic.isEmpty());
        QCOMPARE(code->reference, QStringLiteral("Urgency fund"));
    }

    void epcVersion1WithBicAndStructuredReference()
    {
        const auto code = PaymentCode::parse(QStringLiteral("BCD\r\n001\r\n2\r\nSCT\r\nCOBADEFFXXX\r\nMüller & Söhne "
                                                            "GmbH\r\nDE89 3704 0044 0532 0130 00\r\nEUR999999999.99\r\n"
                                                            "\r\nRF18539007547034\r\n\r\nThank you"));
        QVERIFY(code);
        QCOMPARE(code->bic, QStringLiteral("COBADEFFXXX"));
        QCOMPARE(code->creditorName, QStringLiteral("Müller & Söhne GmbH"));
        QCOMPARE(code->iban, QStringLiteral("DE89370400440532013000"));
        QCOMPARE(code->amount->minor(), 99999999999LL);
        QCOMPARE(code->reference, QStringLiteral("RF18539007547034"));
        QCOMPARE(code->message, QStringLiteral("Thank you"));
    }

    void epcOpenAmountAndShortPayload()
    {
        // Trailing empty fields may be left out entirely.
        const auto code = PaymentCode::parse(QStringLiteral("BCD\n002\n1\nSCT\n\nWikimedia Foerdergesellschaft\n"
                                                            "DE33100205000001194700"));
        QVERIFY(code);
        QVERIFY(!code->amount);
        QVERIFY(code->reference.isEmpty());
        const QJsonObject json = code->toJson();
        QCOMPARE(json.value(QStringLiteral("standard")).toString(), QStringLiteral("epc"));
        QVERIFY(!json.contains(QStringLiteral("amount")));
        QCOMPARE(json.value(QStringLiteral("iban")).toString(), QStringLiteral("DE33100205000001194700"));
    }

    void epcBroken_data()
    {
        QTest::addColumn<QString>("payload");
        const QString good = QStringLiteral("BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross\nBE72000000001616\nEUR1.50");
        QVERIFY(PaymentCode::parse(good)); // the base the broken ones vary
        QTest::newRow("empty") << QString();
        QTest::newRow("wrong tag") << QString(good).replace(QStringLiteral("BCD"), QStringLiteral("BCE"));
        QTest::newRow("version 003") << QString(good).replace(QStringLiteral("002"), QStringLiteral("003"));
        QTest::newRow("charset 9") << QString(good).replace(QStringLiteral("\n1\n"), QStringLiteral("\n9\n"));
        QTest::newRow("not SCT") << QString(good).replace(QStringLiteral("SCT"), QStringLiteral("INST"));
        QTest::newRow("version 001 without BIC")
            << QStringLiteral("BCD\n001\n1\nSCT\n\nRed Cross\nBE72000000001616\nEUR1.50");
        QTest::newRow("bad BIC") << QString(good).replace(QStringLiteral("BPOTBEB1"), QStringLiteral("BPOT"));
        QTest::newRow("no name") << QString(good).replace(QStringLiteral("Red Cross"), QString());
        QTest::newRow("IBAN checksum") << QString(good).replace(QStringLiteral("BE72000000001616"),
                                                                QStringLiteral("BE72000000001617"));
        QTest::newRow("amount in USD") << QString(good).replace(QStringLiteral("EUR1.50"), QStringLiteral("USD1.50"));
        QTest::newRow("three decimals") << QString(good).replace(QStringLiteral("EUR1.50"), QStringLiteral("EUR1.505"));
        QTest::newRow("decimal comma") << QString(good).replace(QStringLiteral("EUR1.50"), QStringLiteral("EUR1,50"));
        QTest::newRow("zero amount") << QString(good).replace(QStringLiteral("EUR1.50"), QStringLiteral("EUR0.00"));
        QTest::newRow("too large") << QString(good).replace(QStringLiteral("EUR1.50"),
                                                            QStringLiteral("EUR1000000000.00"));
        QTest::newRow("reference and text") << good + QStringLiteral("\n\nRF18539007547034\nInvoice 12");
        QTest::newRow("too many lines") << good + QStringLiteral("\n\n\n\n\nx\ny");
        QTest::newRow("truncated") << QStringLiteral("BCD\n002\n1\nSCT\n\nRed Cross");
    }

    void epcBroken()
    {
        QFETCH(QString, payload);
        QVERIFY(!PaymentCode::parse(payload));
    }

    void swissQrReference()
    {
        const auto code = PaymentCode::parse(join(swissExample(), QStringLiteral("\r\n")));
        QVERIFY(code);
        QCOMPARE(code->standard, QStringLiteral("swiss-qr"));
        QCOMPARE(code->iban, QStringLiteral("CH4431999123000889012"));
        QCOMPARE(code->creditorName, QStringLiteral("Robert Schneider AG"));
        QCOMPARE(code->amount->minor(), 194975);
        QCOMPARE(code->amount->currency().code(), QStringLiteral("CHF"));
        QCOMPARE(code->reference, QStringLiteral("210000000003139471430009017"));
        QCOMPARE(code->message, QStringLiteral("Order dated 18.06.2020"));
        const QJsonObject json = code->toJson();
        QCOMPARE(json.value(QStringLiteral("amount")).toString(), QStringLiteral("1949.75"));
        QCOMPARE(json.value(QStringLiteral("currency")).toString(), QStringLiteral("CHF"));
    }

    void swissCreditorReferenceCombinedAddressNoAmount()
    {
        const auto code = PaymentCode::parse(join(swissScorExample()));
        QVERIFY(code);
        QCOMPARE(code->creditorName, QStringLiteral("Salvation Army Foundation Switzerland"));
        QVERIFY(!code->amount);
        QCOMPARE(code->reference, QStringLiteral("RF18539007547034"));
        QCOMPARE(code->message, QStringLiteral("Donation"));
    }

    void swissEuroWithoutReference()
    {
        QStringList lines = swissScorExample();
        lines[18] = QStringLiteral("50.00");
        lines[19] = QStringLiteral("EUR");
        lines[27] = QStringLiteral("NON");
        lines[28] = QString();
        const auto code = PaymentCode::parse(join(lines) + QStringLiteral("\n"));
        QVERIFY(code);
        QCOMPARE(code->amount->minor(), 5000);
        QCOMPARE(code->amount->currency().code(), QStringLiteral("EUR"));
        QVERIFY(code->reference.isEmpty());
    }

    void swissBroken_data()
    {
        QTest::addColumn<QString>("payload");
        const auto changed = [](int line, const QString& value) {
            QStringList lines = swissExample();
            lines[line] = value;
            return join(lines);
        };
        QTest::newRow("version 0100") << changed(1, QStringLiteral("0100"));
        QTest::newRow("coding 2") << changed(2, QStringLiteral("2"));
        QTest::newRow("German IBAN") << changed(3, QStringLiteral("DE89370400440532013000"));
        QTest::newRow("IBAN checksum") << changed(3, QStringLiteral("CH4431999123000889013"));
        QTest::newRow("address type X") << changed(4, QStringLiteral("X"));
        QTest::newRow("no creditor name") << changed(5, QString());
        QTest::newRow("country") << changed(10, QStringLiteral("Switzerland"));
        QTest::newRow("amount with comma") << changed(18, QStringLiteral("1949,75"));
        QTest::newRow("currency USD") << changed(19, QStringLiteral("USD"));
        QTest::newRow("QR reference check digit") << changed(28, QStringLiteral("210000000003139471430009018"));
        QTest::newRow("QR-IBAN with SCOR") << changed(27, QStringLiteral("SCOR"));
        QTest::newRow("reference type") << changed(27, QStringLiteral("ABC"));
        QTest::newRow("no trailer") << changed(30, QStringLiteral("END"));
        QTest::newRow("missing lines") << join(swissExample().mid(0, 25));
        QStringList missingEmpty = swissExample();
        missingEmpty.removeAt(12); // one of the ultimate creditor's empty lines: everything after shifts
        QTest::newRow("shifted fields") << join(missingEmpty);
        QStringList nonWithReference = swissScorExample();
        nonWithReference[27] = QStringLiteral("NON");
        QTest::newRow("NON with reference") << join(nonWithReference);
        QStringList scorBad = swissScorExample();
        scorBad[28] = QStringLiteral("RF19539007547034");
        QTest::newRow("creditor reference checksum") << join(scorBad);
    }

    void swissBroken()
    {
        QFETCH(QString, payload);
        QVERIFY(!PaymentCode::parse(payload));
    }

    void otherPayloads()
    {
        QVERIFY(!PaymentCode::parse(QStringLiteral("https://example.com/receipt/123")));
        QVERIFY(!PaymentCode::parse(QStringLiteral("4006381333931")));
        QVERIFY(!PaymentCode::parse(QStringLiteral("\n\n\n")));
        QVERIFY(!PaymentCode::parse(QString(2000, u'x')));
    }
};

QTEST_GUILESS_MAIN(TestPaymentCode)
#include "tst_paymentcode.moc"
