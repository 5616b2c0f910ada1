#include "importers/csvmapping.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

// A mapping where nothing has its default value.
CsvMapping everythingSet()
{
    CsvMapping m;
    m.encoding = CsvEncoding::Windows1252;
    m.delimiter = u';';
    m.quote = u'\'';
    m.skipLines = 4;
    m.hasHeader = false;
    m.dateFormat = u"dd.MM.yy"_s;
    m.decimalSeparator = u',';
    m.thousandsSeparator = QChar();
    m.amountMode = CsvAmountMode::Direction;
    m.debitWords = {u"Af"_s, u"S"_s};
    m.creditWords = {u"Bij"_s};
    m.invertSign = true;
    m.currency = u"CHF"_s;
    m.columns = {1, 2, -1, -1, 3, 4, 5, 6, 7, 8, 9};
    return m;
}

} // namespace

// CsvMapping: validation, the JSON round trip presets are saved with, and the header signature.
class TestCsvMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreConsistent();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonIsReadable();
    void damagedJsonIsRefused_data();
    void damagedJsonIsRefused();
    void validation_data();
    void validation();
    void requiredFieldCount();
    void headerSignatureIgnoresPresentation();
    void headerSignatureTellsHeadersApart();
    void headerSignatureIsTheDocumentedHash();
    void encodingKeys();
};

void TestCsvMapping::defaultsAreConsistent()
{
    CsvMapping m;
    QCOMPARE(m.encoding, CsvEncoding::Utf8);
    QCOMPARE(m.delimiter, QChar(u','));
    QCOMPARE(m.decimalSeparator, QChar(u'.'));
    QVERIFY(m.hasHeader);
    // A new mapping has no columns yet, so it is not usable until the date and amount are chosen.
    QCOMPARE(m.validate().error().message, u"Choose the column with the date."_s);
    m.columns.date = 0;
    QCOMPARE(m.validate().error().message, u"Choose the column with the amount."_s);
    m.columns.amount = 1;
    QVERIFY(m.validate().ok());
    QVERIFY(CsvMapping::defaultDebitWords().contains(u"af"_s));
    QVERIFY(CsvMapping::defaultCreditWords().contains(u"bij"_s));
}

void TestCsvMapping::jsonRoundTrip_data()
{
    QTest::addColumn<CsvMapping>("mapping");
    QTest::newRow("everything set") << everythingSet();
    CsvMapping debitCredit;
    debitCredit.amountMode = CsvAmountMode::DebitCredit;
    debitCredit.columns.date = 0;
    debitCredit.columns.debit = 3;
    debitCredit.columns.credit = 4;
    debitCredit.delimiter = u'\t';
    debitCredit.encoding = CsvEncoding::Utf16BE;
    QTest::newRow("debit and credit, tab, utf-16be") << debitCredit;
    CsvMapping plain;
    plain.columns.date = 2;
    plain.columns.amount = 0;
    plain.encoding = CsvEncoding::Latin1;
    plain.quote = QChar(); // no quoting at all
    QTest::newRow("plain, no quote character") << plain;
}

void TestCsvMapping::jsonRoundTrip()
{
    QFETCH(CsvMapping, mapping);
    QVERIFY(mapping.validate().ok());
    const QJsonObject json = mapping.toJson();
    // Through text, as the preset store keeps it.
    const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    auto back = CsvMapping::fromJson(reparsed);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QVERIFY(*back == mapping);
    QCOMPARE(back->toJson(), json);
}

void TestCsvMapping::jsonIsReadable()
{
    // The stored form is meant to be read by people and other tools: named keys, no -1 columns.
    const QJsonObject json = everythingSet().toJson();
    QCOMPARE(json.value(u"version"_s).toInt(), 1);
    QCOMPARE(json.value(u"encoding"_s).toString(), u"windows-1252"_s);
    QCOMPARE(json.value(u"delimiter"_s).toString(), u";"_s);
    QCOMPARE(json.value(u"thousandsSeparator"_s).toString(), QString());
    QCOMPARE(json.value(u"amountMode"_s).toString(), u"direction"_s);
    QCOMPARE(json.value(u"debitWords"_s).toArray().size(), 2);
    const QJsonObject columns = json.value(u"columns"_s).toObject();
    QCOMPARE(columns.value(u"date"_s).toInt(), 1);
    QCOMPARE(columns.value(u"externalId"_s).toInt(), 9);
    QVERIFY(!columns.contains(u"debit"_s));
}

void TestCsvMapping::damagedJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QString damaged = u"The saved column mapping is damaged or from a newer Moniagent."_s;
    QTest::newRow("empty") << QByteArray("{}") << damaged;
    QTest::newRow("newer version") << QByteArray(R"({"version":2,"encoding":"utf-8","columns":{"date":0,"amount":1}})")
                                   << damaged;
    QTest::newRow("unknown encoding") << QByteArray(
        R"({"version":1,"encoding":"ebcdic","columns":{"date":0,"amount":1}})")
                                      << damaged;
    QTest::newRow("unknown amount mode") << QByteArray(
        R"({"version":1,"encoding":"utf-8","amountMode":"both","columns":{"date":0,"amount":1}})")
                                         << damaged;
    QTest::newRow("two-character delimiter")
        << QByteArray(R"({"version":1,"encoding":"utf-8","delimiter":";;","columns":{"date":0,"amount":1}})")
        << damaged;
    QTest::newRow("column as text") << QByteArray(
        R"({"version":1,"encoding":"utf-8","columns":{"date":"A","amount":1}})")
                                    << damaged;
    QTest::newRow("no date column") << QByteArray(R"({"version":1,"encoding":"utf-8","columns":{"amount":1}})")
                                    << u"Choose the column with the date."_s;
    QTest::newRow("bad date format")
        << QByteArray(R"({"version":1,"encoding":"utf-8","dateFormat":"dd/qq","columns":{"date":0,"amount":1}})")
        << u"The date format “dd/qq” is not understood; use d, M, MMM and yyyy, as in dd.MM.yyyy."_s;
}

void TestCsvMapping::damagedJsonIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    auto mapping = CsvMapping::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!mapping.ok());
    QCOMPARE(mapping.error().code, Error::Code::InvalidInput);
    QCOMPARE(mapping.error().message, message);
}

void TestCsvMapping::validation_data()
{
    QTest::addColumn<CsvMapping>("mapping");
    QTest::addColumn<QString>("message");
    CsvMapping base;
    base.columns.date = 0;
    base.columns.amount = 1;

    CsvMapping m = base;
    m.delimiter = u'"';
    QTest::newRow("delimiter is the quote") << m
                                            << u"Choose a column separator other than the quote character or a "
                                               "line break."_s;
    m = base;
    m.decimalSeparator = u';';
    QTest::newRow("odd decimal separator") << m << u"The decimal separator must be a point or a comma."_s;
    m = base;
    m.thousandsSeparator = u'.';
    QTest::newRow("same separators") << m << u"The thousands separator and the decimal separator cannot be the same."_s;
    m = base;
    m.skipLines = -1;
    QTest::newRow("negative skip") << m << u"The number of lines to skip must be between 0 and 1000."_s;
    m = base;
    m.currency = u"EURO"_s;
    QTest::newRow("bad currency") << m << u"“EURO” is not a currency code."_s;
    m = base;
    m.amountMode = CsvAmountMode::DebitCredit;
    m.columns.debit = 2;
    QTest::newRow("credit missing") << m << u"Choose both the debit (money out) and the credit (money in) column."_s;
    m.columns.credit = 2;
    QTest::newRow("same debit and credit") << m << u"The debit and the credit column must be different columns."_s;
    m = base;
    m.amountMode = CsvAmountMode::Direction;
    QTest::newRow("direction column missing")
        << m << u"Choose the amount column and the column that says debit or credit."_s;
    m.columns.direction = 3;
    QTest::newRow("direction words missing") << m << u"Enter the words the file uses for debit and for credit."_s;
    m.debitWords = {u"D"_s};
    m.creditWords = {u"C"_s};
    QTest::newRow("direction complete") << m << QString();
    QTest::newRow("signed complete") << base << QString();
}

void TestCsvMapping::validation()
{
    QFETCH(CsvMapping, mapping);
    QFETCH(QString, message);
    auto valid = mapping.validate();
    QCOMPARE(valid.ok(), message.isEmpty());
    if (!message.isEmpty())
        QCOMPARE(valid.error().message, message);
}

void TestCsvMapping::requiredFieldCount()
{
    CsvMapping m;
    QCOMPARE(m.requiredFieldCount(), 0);
    m.columns.date = 0;
    m.columns.amount = 4;
    QCOMPARE(m.requiredFieldCount(), 5);
    m.columns.externalId = 11;
    QCOMPARE(m.requiredFieldCount(), 12);
}

void TestCsvMapping::headerSignatureIgnoresPresentation()
{
    const QString reference = CsvMapping::headerSignature({u"Buchungstag"_s, u"Empfänger"_s, u"Betrag (EUR)"_s});
    QCOMPARE(reference.size(), 32);
    QCOMPARE(CsvMapping::headerSignature({u"  BUCHUNGSTAG "_s, u"\"Empfänger\""_s, u"Betrag  (EUR)"_s}), reference);
    QCOMPARE(CsvMapping::headerSignature({u"\ufeffBuchungstag"_s, u"Empfanger"_s, u"betrag (eur)"_s}), reference);
    // Decomposed accents (as some exports write them) are the same name.
    QCOMPARE(CsvMapping::headerSignature({u"Buchungstag"_s, u"Empfa\u0308nger"_s, u"Betrag (EUR)"_s}), reference);
    QCOMPARE(CsvMapping::normalizedHeaderName(u"  Date   d'Opération "_s), u"date d'operation"_s);
    QCOMPARE(CsvMapping::normalizedHeaderName(u"ÄNDERUNG\tAM"_s), u"anderung am"_s);
}

void TestCsvMapping::headerSignatureTellsHeadersApart()
{
    const QString abc = CsvMapping::headerSignature({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(abc != CsvMapping::headerSignature({u"c"_s, u"b"_s, u"a"_s})); // order matters: columns are indices
    QVERIFY(abc != CsvMapping::headerSignature({u"a"_s, u"bc"_s}));
    QVERIFY(abc != CsvMapping::headerSignature({u"ab"_s, u"c"_s}));
    QVERIFY(abc != CsvMapping::headerSignature({u"a"_s, u"b"_s, u"c"_s, QString()}));
    QCOMPARE(CsvMapping::headerSignature({}), QString());
}

void TestCsvMapping::headerSignatureIsTheDocumentedHash()
{
    // Stable across versions: the first 32 hex digits of SHA-256 over the normalized names, each followed by
    // the unit separator 0x1F. Saved presets depend on this never changing.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("date\x1f"
                                "description\x1f"
                                "amount\x1f"));
    QCOMPARE(CsvMapping::headerSignature({u"Date"_s, u"Description"_s, u"Amount"_s}),
             QString::fromLatin1(hash.result().toHex().left(32)));
}

void TestCsvMapping::encodingKeys()
{
    for (CsvEncoding e : {CsvEncoding::Utf8, CsvEncoding::Utf16LE, CsvEncoding::Utf16BE, CsvEncoding::Windows1252,
                          CsvEncoding::Latin1}) {
        QCOMPARE(CsvMapping::encodingFromKey(CsvMapping::encodingKey(e)), e);
        QVERIFY(!CsvMapping::encodingDisplayName(e).isEmpty());
    }
    QCOMPARE(CsvMapping::encodingFromKey(u"UTF-8"_s), CsvEncoding::Utf8);
    QVERIFY(!CsvMapping::encodingFromKey(u"koi8-r"_s));
}

QTEST_GUILESS_MAIN(TestCsvMapping)
#include "tst_csvmapping.moc"
