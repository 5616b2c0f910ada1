#include "importers/csvdialect.h"
#include "importers/csvreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <functional>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(MONIAGENT_TEST_DATA_DIR "/statements/csv/") + name;
}

CsvMapping mapping(QChar delimiter, const QString& dateFormat, QChar decimal = u'.')
{
    CsvMapping m;
    m.delimiter = delimiter;
    m.dateFormat = dateFormat;
    m.decimalSeparator = decimal;
    m.thousandsSeparator = decimal == u'.' ? u',' : u'.';
    return m;
}

// One line as the tests compare it: "line date minor currency | payee | memo", or "line error".
QString describe(const StatementLine& line)
{
    if (!line.error.isEmpty())
        return QStringLiteral("%1 error").arg(line.record);
    return QStringLiteral("%1 %2 %3 %4 | %5 | %6")
        .arg(line.record)
        .arg(line.date.toString(Qt::ISODate))
        .arg(line.amount.minor())
        .arg(line.amount.currency().code(), line.payee, line.memo);
}

struct ReadResult
{
    Result<StatementInfo> info = Error();
    QList<StatementLine> lines;
};

ReadResult readDevice(QIODevice& device, const CsvMapping& m, const QString& currency = QStringLiteral("EUR"))
{
    ReadResult result;
    StatementReadOptions options;
    options.defaultCurrency = currency;
    result.info = CsvReader::read(device, m, options, [&](StatementLine&& line) {
        result.lines << std::move(line);
        return true;
    });
    return result;
}

ReadResult readFile(const QString& name, const CsvMapping& m, const QString& currency = QStringLiteral("EUR"))
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return readDevice(file, m, currency);
}

QStringList described(const QList<StatementLine>& lines)
{
    QStringList out;
    for (const StatementLine& line : lines)
        out << describe(line);
    return out;
}

// A device that hands out at most `piece` bytes per read, so that records, CRLFs and multi-byte characters
// straddle the reader's pieces.
class TrickleDevice : public QIODevice
{
public:
    TrickleDevice(QByteArray data, qint64 piece)
        : m_data(std::move(data))
        , m_piece(piece)
    { }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_at + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = qMin(qMin(max, m_piece), m_data.size() - m_at);
        memcpy(out, m_data.constData() + m_at, size_t(n));
        m_at += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_piece;
    qint64 m_at = 0;
};

// Cents from a decimal string as csv2ofx writes it ("-1,500.00", "27.5").
qint64 cents(QString text)
{
    text.remove(u',');
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const QString units = text.section(u'.', 0, 0);
    const QString fraction = QString(text.section(u'.', 1, 1) + QStringLiteral("00")).left(2);
    const qint64 value = units.toLongLong() * 100 + fraction.toLongLong();
    return negative ? -value : value;
}

// The transactions csv2ofx expected, as "yyyy-MM-dd cents", read with regular expressions so that this test
// depends on neither the QIF nor the OFX reader: QIF D and T lines ("TBank" is an account type, not an amount),
// or OFX DTPOSTED and TRNAMT.
QStringList expectedTransactions(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QStringList out;
    if (path.endsWith(u".qif"_s)) {
        static const QRegularExpression amount(uR"(^T(-?[\d,]*\.\d\d)\s*$)"_s);
        static const QRegularExpression usDate(uR"(^D(\d\d)/(\d\d)/(\d{4}))"_s);
        static const QRegularExpression isoDate(uR"(^D(\d{4}-\d\d-\d\d))"_s);
        QString date;
        for (const QString& line : text.split(QRegularExpression(u"\r\n|\r|\n"_s))) {
            if (const auto us = usDate.match(line); us.hasMatch())
                date = us.captured(3) + u'-' + us.captured(1) + u'-' + us.captured(2);
            else if (const auto iso = isoDate.match(line); iso.hasMatch())
                date = iso.captured(1);
            else if (const auto t = amount.match(line); t.hasMatch())
                out << date + u' ' + QString::number(cents(t.captured(1)));
        }
    } else {
        static const QRegularExpression transaction(
            uR"(<STMTTRN>.*?<DTPOSTED>(\d{4})(\d\d)(\d\d).*?<TRNAMT>(-?[\d.]+))"_s,
            QRegularExpression::DotMatchesEverythingOption);
        for (auto it = transaction.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            out << m.captured(1) + u'-' + m.captured(2) + u'-' + m.captured(3) + u' '
                    + QString::number(cents(m.captured(4)));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

// CsvReader: exact lines and minor units from the project's fixtures, row errors, streaming, preview, and the
// public parsers' sample files.
class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fixtures_data();
    void fixtures();
    void rowErrorsNameLineColumnAndValue();
    void binaryFileIsRefused();
    void bomOverridesTheMappingsEncoding();
    void invertSignAndCurrencyDigits();
    void sinkCanStopReading();
    void repeatedHeaderIsSkipped();
    void crOnlyLineEndings();
    void streamingAcrossPieces_data();
    void streamingAcrossPieces();
    void previewReadsOnlyTheStart();
    void invalidMappingIsRefused();
    void realFiles();

private:
    QTranslator m_english;
};

void TestCsvReader::initTestCase()
{
    // English plural forms ("2 fields") come from the English catalogue, as in the application.
    QVERIFY(m_english.load(QStringLiteral(":/i18n/moniagent_en.qm")));
    QCoreApplication::installTranslator(&m_english);
}

void TestCsvReader::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_english);
}

void TestCsvReader::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<CsvMapping>("mapping");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QStringList>("expected");

    {
        CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        m.columns.category = 3;
        QTest::newRow("comma") << "comma.csv" << m << "EUR"
                               << QStringList {
                                      u"2 2024-03-01 -2345 EUR |  | REWE Markt Berlin"_s,
                                      u"3 2024-03-02 250000 EUR |  | Salary March"_s,
                                      u"4 2024-03-03 -123456 EUR |  | Amazon Marketplace, order 302-1234"_s,
                                      u"5 2024-03-04 1999 EUR |  | Refund Zalando"_s,
                                      u"6 2024-03-05 -350 EUR |  | Coffee"_s,
                                  };
    }
    {
        CsvMapping m = mapping(u';', QStringLiteral("dd.MM.yyyy"), u',');
        m.columns.date = 0;
        m.columns.payee = 1;
        m.columns.description = 2;
        m.columns.amount = 3;
        m.columns.currency = 4;
        QTest::newRow("semicolon, CRLF, currency column")
            << "semicolon.csv" << m << "USD"
            << QStringList {
                   u"2 2024-01-02 -8500 EUR | Stadtwerke München | Abschlag Strom Januar"_s,
                   u"3 2024-01-15 325075 EUR | Arbeitgeber GmbH | Gehalt Januar"_s,
                   u"4 2024-01-20 -480 EUR | Bäckerei Müller | Kartenzahlung"_s,
                   u"5 2024-01-31 -10000 CHF | Wise | Überweisung in CHF"_s,
               };
    }
    {
        CsvMapping m = mapping(u'\t', QStringLiteral("MM/dd/yyyy"));
        m.columns.date = 0;
        m.columns.payee = 1;
        m.columns.description = 2;
        m.columns.amount = 3;
        QTest::newRow("tab") << "tab.csv" << m << "USD"
                             << QStringList {
                                    u"2 2024-01-15 -4512 USD | Trader Joe's | Groceries"_s,
                                    u"3 2024-01-20 180000 USD | ACME Corp | Payroll"_s,
                                    u"4 2024-02-03 -3870 USD | Shell | Gas"_s,
                                };
    }
    {
        CsvMapping m = mapping(u';', QStringLiteral("dd/MM/yyyy"), u',');
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        QTest::newRow("utf-8 bom") << "utf8-bom.csv" << m << "EUR"
                                   << QStringList {
                                          u"2 2024-02-05 -640 EUR |  | Boulangerie Pâtisserie"_s,
                                          u"3 2024-02-13 15000 EUR |  | Virement reçu Élodie"_s,
                                      };
    }
    {
        CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
        m.encoding = CsvEncoding::Utf16LE;
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        QTest::newRow("utf-16le") << "utf16le.csv" << m << "EUR"
                                  << QStringList {
                                         u"2 2024-04-01 -320 EUR |  | Pago en Cafetería Ñandú"_s,
                                         u"3 2024-04-02 152000 EUR |  | Nómina Abril"_s,
                                     };
    }
    {
        CsvMapping m = mapping(u';', QStringLiteral("dd-MM-yyyy"), u',');
        m.encoding = CsvEncoding::Windows1252;
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        QTest::newRow("windows-1252") << "windows1252.csv" << m << "EUR"
                                      << QStringList {
                                             u"2 2024-03-08 -1250 EUR |  | Café ’t Hoekje"_s,
                                             u"3 2024-03-09 -795 EUR |  | Crème brûlée à emporter"_s,
                                         };
    }
    {
        CsvMapping m = mapping(u';', QStringLiteral("yyyy-MM-dd"), u',');
        m.encoding = CsvEncoding::Latin1;
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        QTest::newRow("iso-8859-1") << "latin1.csv" << m << "EUR"
                                    << QStringList {
                                           u"2 2024-05-06 -1820 EUR |  | Pharmacie Hôtel de Ville"_s,
                                           u"3 2024-05-07 1200 EUR |  | Remboursement Sécurité sociale"_s,
                                       };
    }
    {
        CsvMapping m = mapping(u';', QStringLiteral("dd.MM.yyyy"), u',');
        m.skipLines = 3;
        m.columns.date = 0;
        m.columns.payee = 2;
        m.columns.description = 3;
        m.columns.amount = 4;
        QTest::newRow("header after account lines")
            << "account-lines.csv" << m << "EUR"
            << QStringList {
                   u"5 2024-06-03 -4990 EUR | Deutsche Bahn | Ticket Berlin-Hamburg"_s,
                   u"6 2024-06-05 31200 EUR | Finanzamt | Steuererstattung 2023"_s,
               };
    }
    {
        CsvMapping m = mapping(u',', QStringLiteral("MM/dd/yyyy"));
        m.amountMode = CsvAmountMode::DebitCredit;
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.debit = 2;
        m.columns.credit = 3;
        QTest::newRow("debit and credit columns") << "debit-credit.csv" << m << "USD"
                                                  << QStringList {
                                                         u"2 2024-06-17 -10000 USD |  | ATM WITHDRAWAL"_s,
                                                         u"3 2024-06-18 102000 USD |  | MOBILE DEPOSIT"_s,
                                                         u"4 2024-06-19 -7525 USD |  | CHECK #1042"_s,
                                                     };
    }
    {
        CsvMapping m = mapping(u';', QStringLiteral("yyyyMMdd"), u',');
        m.amountMode = CsvAmountMode::Direction;
        m.debitWords = {QStringLiteral("Af")};
        m.creditWords = {QStringLiteral("Bij")};
        m.columns.date = 0;
        m.columns.payee = 1;
        m.columns.direction = 2;
        m.columns.amount = 3;
        m.columns.description = 4;
        QTest::newRow("direction column") << "direction.csv" << m << "EUR"
                                          << QStringList {
                                                 u"2 2024-07-01 -2317 EUR | Albert Heijn 1234 | Pasvolgnr: 001"_s,
                                                 u"3 2024-07-02 210000 EUR | Werkgever BV | Salaris juli"_s,
                                                 u"4 2024-07-03 -460 EUR | NS Reizigers | OV-chipkaart"_s,
                                             };
    }
    {
        CsvMapping m = mapping(u';', QStringLiteral("dd.MM.yyyy"), u',');
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        QTest::newRow("european decimals and stray characters")
            << "european.csv" << m << "EUR"
            << QStringList {
                   u"2 2024-08-01 123456 EUR |  | Miete"_s,      u"3 2024-08-02 -99 EUR |  | Kino"_s,
                   u"4 2024-08-03 123456 EUR |  | Gutschrift"_s, u"5 2024-08-04 -1200 EUR |  | Rücklastschrift"_s,
                   u"6 2024-08-05 -1200 EUR |  | Storno"_s,      u"7 2024-08-06 500 EUR |  | Bonus"_s,
               };
    }
    {
        CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
        m.columns.date = 0;
        m.columns.payee = 1;
        m.columns.description = 2;
        m.columns.amount = 3;
        QTest::newRow("quoted multi-line memo")
            << "multiline.csv" << m << "EUR"
            << QStringList {
                   u"2 2024-09-01 -3140 EUR | Hardware Store | Screws, nails\nand a \"good\" hammer"_s,
                   u"4 2024-09-02 -210 EUR | Bakery | Bread"_s,
               };
    }
    {
        CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        QTest::newRow("bad rows") << "bad-rows.csv" << m << "EUR"
                                  << QStringList {
                                         u"2 2024-10-01 -1000 EUR |  | Good row"_s,
                                         u"3 error"_s,
                                         u"4 error"_s,
                                         u"5 error"_s,
                                         u"6 error"_s,
                                         u"7 2024-10-06 1300 EUR |  | Another good row"_s,
                                     };
        QTest::newRow("truncated last line") << "truncated.csv" << m << "EUR"
                                             << QStringList {
                                                    u"2 2024-11-01 -2000 EUR |  | Supermarket"_s,
                                                    u"3 2024-11-02 -815 EUR |  | Pharmacy, Main St"_s,
                                                    u"4 error"_s,
                                                };
    }
    {
        CsvMapping m = mapping(u',', QStringLiteral("MM/dd/yyyy"));
        m.columns.date = 0;
        m.columns.description = 1;
        m.columns.amount = 2;
        QTest::newRow("US stray amounts")
            << "stray-amounts.csv" << m << "USD"
            << QStringList {
                   u"2 2024-12-01 -1200 USD |  | Dollar sign"_s,    u"3 2024-12-02 -1200 USD |  | Parentheses"_s,
                   u"4 2024-12-03 -1200 USD |  | Trailing minus"_s, u"5 2024-12-04 500 USD |  | Plus sign"_s,
                   u"6 2024-12-05 350 USD |  | Code after"_s,       u"7 2024-12-06 0 USD |  | Zero"_s,
                   u"8 2024-12-31 123456 USD |  | Thousands"_s,
               };
    }
}

void TestCsvReader::fixtures()
{
    QFETCH(QString, file);
    QFETCH(CsvMapping, mapping);
    QFETCH(QString, currency);
    QFETCH(QStringList, expected);
    const ReadResult result = readFile(file, mapping, currency);
    QVERIFY2(result.info.ok(), qPrintable(result.info.ok() ? QString() : result.info.error().toString()));
    QCOMPARE(described(result.lines), expected);
    QCOMPARE(result.info->lineCount, expected.size());
    QCOMPARE(result.info->format, StatementFormat::Csv);
    QVERIFY(result.info->warnings.isEmpty());
}

void TestCsvReader::rowErrorsNameLineColumnAndValue()
{
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.columns.date = 0;
    m.columns.description = 1;
    m.columns.amount = 2;
    const ReadResult result = readFile(QStringLiteral("bad-rows.csv"), m);
    QVERIFY(result.info.ok());
    QCOMPARE(result.lines.size(), 6);
    QCOMPARE(result.lines[1].error,
             QStringLiteral("Line 3: “yesterday” in the column “Date” is not a date in the format yyyy-MM-dd."));
    QCOMPARE(result.lines[1].memo, QStringLiteral("Bad date")); // the rest of the row is still there
    QCOMPARE(result.lines[2].error, QStringLiteral("Line 4: the date “2024-02-30” does not exist."));
    QCOMPARE(result.lines[3].error, QStringLiteral("Line 5: “twelve” in the column “Amount” is not an amount."));
    QCOMPARE(result.lines[4].error, QStringLiteral("Line 6 has 2 fields; the mapping needs 3."));

    // Without a header the column is named by its number; decimals the currency does not have are refused.
    CsvMapping noHeader = m;
    noHeader.hasHeader = false;
    QByteArray data("2024-01-01,Yen,12.5\n2024-01-02,Bad,1x\n");
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const ReadResult yen = readDevice(buffer, noHeader, QStringLiteral("JPY"));
    QCOMPARE(yen.lines.size(), 2);
    QCOMPARE(yen.lines[0].error,
             QStringLiteral("Line 1: “12.5” in the column “Amount” has more decimals than JPY "
                            "allows.")
                 .replace(QStringLiteral("Amount"), QStringLiteral("column 3")));
    QCOMPARE(yen.lines[1].error, QStringLiteral("Line 2: “1x” in the column “column 3” is not an amount."));

    QCOMPARE(readFile(QStringLiteral("truncated.csv"), m).lines.last().error,
             QStringLiteral("Line 4: a quoted value is not closed before the end of the file; the file may be cut "
                            "off."));
}

void TestCsvReader::binaryFileIsRefused()
{
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.columns.date = 0;
    m.columns.amount = 1;
    const ReadResult result = readFile(QStringLiteral("binary.csv"), m);
    QVERIFY(!result.info.ok());
    QCOMPARE(result.info.error().message, QStringLiteral("“binary.csv” is not a text file."));
    QVERIFY(result.lines.isEmpty());

    QFile file(fixture(QStringLiteral("binary.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto preview = CsvReader::preview(file, m, 10);
    QVERIFY(!preview.ok());
    QCOMPARE(preview.error().message, QStringLiteral("“binary.csv” is not a text file."));

    // Control characters beyond 1 % make a file binary even without NUL bytes; a few do not.
    QByteArray noisy = "Date,Amount\n2024-01-01,1.00\n";
    noisy.append(QByteArray(noisy.size() / 10, '\x01'));
    QBuffer buffer(&noisy);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const ReadResult fromBuffer = readDevice(buffer, m);
    QVERIFY(!fromBuffer.info.ok());
    QCOMPARE(fromBuffer.info.error().message, QStringLiteral("The file is not a text file."));
}

void TestCsvReader::bomOverridesTheMappingsEncoding()
{
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.encoding = CsvEncoding::Windows1252; // wrong: the file says UTF-16LE with its BOM
    m.columns.date = 0;
    m.columns.description = 1;
    m.columns.amount = 2;
    const ReadResult result = readFile(QStringLiteral("utf16le.csv"), m);
    QVERIFY(result.info.ok());
    QCOMPARE(result.lines.size(), 2);
    QCOMPARE(result.lines[0].memo, QStringLiteral("Pago en Cafetería Ñandú"));

    // Invalid UTF-8 is read (with U+FFFD) and reported as a warning, not an error.
    QByteArray latin = "Date,Description,Amount\n2024-01-01,Caf\xe9,-1.00\n";
    QBuffer buffer(&latin);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    m.encoding = CsvEncoding::Utf8;
    const ReadResult wrong = readDevice(buffer, m);
    QVERIFY(wrong.info.ok());
    QCOMPARE(wrong.lines.size(), 1);
    QCOMPARE(wrong.lines[0].amount.minor(), -100);
    QCOMPARE(wrong.info->warnings.size(), 1);
    QVERIFY(wrong.info->warnings[0].contains(QStringLiteral("UTF-8")));
}

void TestCsvReader::invertSignAndCurrencyDigits()
{
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.columns.date = 0;
    m.columns.description = 1;
    m.columns.amount = 2;
    m.invertSign = true;
    const ReadResult inverted = readFile(QStringLiteral("comma.csv"), m);
    QCOMPARE(inverted.lines.size(), 5);
    QCOMPARE(inverted.lines[0].amount.minor(), 2345);
    QCOMPARE(inverted.lines[1].amount.minor(), -250000);

    // The mapping's own currency wins over the reader's default; KWD has three decimals.
    m.invertSign = false;
    m.currency = QStringLiteral("KWD");
    const ReadResult dinar = readFile(QStringLiteral("comma.csv"), m, QStringLiteral("USD"));
    QCOMPARE(dinar.lines[0].amount, Money::fromMinor(-23450, u"KWD"));
    QCOMPARE(dinar.info->currency, QStringLiteral("KWD"));
}

void TestCsvReader::sinkCanStopReading()
{
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.columns.date = 0;
    m.columns.amount = 2;
    QFile file(fixture(QStringLiteral("comma.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    int seen = 0;
    auto info = CsvReader::read(file, m, {}, [&](StatementLine&&) { return ++seen < 2; });
    QVERIFY(info.ok());
    QCOMPARE(seen, 2);
    QCOMPARE(info->lineCount, 2);
}

void TestCsvReader::repeatedHeaderIsSkipped()
{
    // Some exports repeat the header at the end (csv2ofx's mint_extra.csv does): not a bad row.
    QByteArray data = "Date,Description,Amount\n2024-01-01,A,1.00\nDate,Description,Amount\n2024-01-02,B,2.00\n";
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.columns.date = 0;
    m.columns.description = 1;
    m.columns.amount = 2;
    const ReadResult result = readDevice(buffer, m);
    QCOMPARE(described(result.lines),
             (QStringList {u"2 2024-01-01 100 EUR |  | A"_s, u"4 2024-01-02 200 EUR |  | B"_s}));
}

void TestCsvReader::crOnlyLineEndings()
{
    QByteArray data = "Date,Description,Amount\r\r2024-01-01,\"Two\rlines\",1.00\r2024-01-02,B,2.00";
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.columns.date = 0;
    m.columns.description = 1;
    m.columns.amount = 2;
    const ReadResult result = readDevice(buffer, m);
    QCOMPARE(described(result.lines),
             (QStringList {u"3 2024-01-01 100 EUR |  | Two\nlines"_s, u"5 2024-01-02 200 EUR |  | B"_s}));
}

void TestCsvReader::streamingAcrossPieces_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<qint64>("piece");
    for (CsvEncoding e : {CsvEncoding::Utf8, CsvEncoding::Utf16LE, CsvEncoding::Windows1252}) {
        for (qint64 piece : {1, 3, 4093, 65536}) {
            QTest::addRow("%s, %lld-byte pieces", qPrintable(CsvMapping::encodingKey(e)), piece) << int(e) << piece;
        }
    }
}

void TestCsvReader::streamingAcrossPieces()
{
    QFETCH(int, encoding);
    QFETCH(qint64, piece);
    // Larger than the reader's first look (64 KiB), with CRLFs, quoted line breaks, doubled quotes and
    // multi-byte characters everywhere, so every kind of boundary falls between two pieces somewhere.
    QString text = QStringLiteral("Date;Description;Amount\r\n");
    QStringList expected;
    int line = 2;
    const int rows = 4000;
    for (int i = 0; i < rows; ++i) {
        const QDate date = QDate(2020, 1, 1).addDays(i);
        const QString memo = i % 3 == 0 ? QStringLiteral("Caf\u00e9 \u20ac%1\r\nsecond \"\"line\"\"").arg(i)
                                        : QStringLiteral("Stra\u00dfe %1").arg(i);
        const qint64 minor = (i % 2 ? -1 : 1) * (qint64(i) * 101 + 7);
        const QString amount = QStringLiteral("%1%2,%3")
                                   .arg(minor < 0 ? QStringLiteral("-") : QString())
                                   .arg(qAbs(minor) / 100)
                                   .arg(qAbs(minor) % 100, 2, 10, QChar(u'0'));
        text += date.toString(QStringLiteral("dd.MM.yyyy")) + u';' + u'"' + memo + u'"' + u';' + amount
            + QStringLiteral("\r\n");
        QString readMemo = memo;
        readMemo.replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
            .replace(QStringLiteral("\"\""), QStringLiteral("\""));
        expected << QStringLiteral("%1 %2 %3 EUR |  | %4")
                        .arg(line)
                        .arg(date.toString(Qt::ISODate))
                        .arg(minor)
                        .arg(readMemo);
        line += i % 3 == 0 ? 2 : 1;
    }
    QByteArray bytes;
    const auto e = CsvEncoding(encoding);
    if (e == CsvEncoding::Utf16LE) {
        bytes = QByteArray("\xff\xfe", 2) + QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    } else if (e == CsvEncoding::Windows1252) {
        text.replace(QChar(0x20AC), QChar(0x0080)); // € is 0x80 in Windows-1252; the rest is Latin-1
        bytes = text.toLatin1();
    } else {
        bytes = text.toUtf8();
    }
    QVERIFY(bytes.size() > 64 * 1024);
    CsvMapping m = mapping(u';', QStringLiteral("dd.MM.yyyy"), u',');
    m.encoding = e;
    m.columns.date = 0;
    m.columns.description = 1;
    m.columns.amount = 2;
    TrickleDevice device(bytes, piece);
    QVERIFY(device.open(QIODevice::ReadOnly));
    const ReadResult result = readDevice(device, m);
    QVERIFY(result.info.ok());
    QCOMPARE(result.lines.size(), expected.size());
    QCOMPARE(described(result.lines), expected);
}

void TestCsvReader::previewReadsOnlyTheStart()
{
    CsvMapping m = mapping(u';', QStringLiteral("dd.MM.yyyy"), u',');
    m.skipLines = 3;
    QFile file(fixture(QStringLiteral("account-lines.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto preview = CsvReader::preview(file, m, 1);
    QVERIFY(preview.ok());
    QCOMPARE(preview->skippedLines,
             (QStringList {u"Kontonummer:;DE44 5001 0517 5407 3249 31;"_s, u"Zeitraum:;01.06.2024 - 30.06.2024;"_s,
                           u"Kontostand:;1.024,13 EUR;"_s}));
    QCOMPARE(preview->header,
             (QStringList {u"Buchungstag"_s, u"Wertstellung"_s, u"Auftraggeber/Empfänger"_s, u"Verwendungszweck"_s,
                           u"Betrag"_s}));
    QCOMPARE(preview->rows.size(), 1);
    QCOMPARE(
        preview->rows[0],
        (QStringList {u"03.06.2024"_s, u"03.06.2024"_s, u"Deutsche Bahn"_s, u"Ticket Berlin-Hamburg"_s, u"-49,90"_s}));
    QCOMPARE(preview->lineNumbers, QList<int> {5});
    QVERIFY(!preview->endOfFile);

    QVERIFY(file.seek(0));
    auto all = CsvReader::preview(file, m, 10);
    QCOMPARE(all->rows.size(), 2);
    QCOMPARE(all->lineNumbers, (QList<int> {5, 6}));
    QVERIFY(all->endOfFile);

    // A 3 MB file: the preview stops after its first piece.
    QByteArray big = "Date,Amount\n";
    while (big.size() < 3 * 1024 * 1024)
        big += "2024-01-01,1.00\n";
    QBuffer buffer(&big);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvMapping plain = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    auto start = CsvReader::preview(buffer, plain, 50);
    QCOMPARE(start->header, (QStringList {u"Date"_s, u"Amount"_s}));
    QCOMPARE(start->rows.size(), 50);
    QVERIFY(!start->endOfFile);
    QVERIFY2(buffer.pos() <= 512 * 1024, qPrintable(QString::number(buffer.pos())));
}

void TestCsvReader::invalidMappingIsRefused()
{
    CsvMapping m = mapping(u',', QStringLiteral("yyyy-MM-dd"));
    m.columns.amount = 2; // no date column
    QFile file(fixture(QStringLiteral("comma.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool called = false;
    auto info = CsvReader::read(file, m, {}, [&](StatementLine&&) { return called = true; });
    QVERIFY(!info.ok());
    QCOMPARE(info.error().message, QStringLiteral("Choose the column with the date."));
    QVERIFY(!called);
}

void TestCsvReader::realFiles()
{
    const QString dir = QStringLiteral(MONIAGENT_SHARED_DATA_DIR "/statements-dev/reubano__csv2ofx/data/");
    const QStringList files = QDir(dir + u"test"_s).entryList({u"*.csv"_s}, QDir::Files);
    if (files.isEmpty())
        QSKIP("the shared csv2ofx sample files are not available");

    // What sniffing cannot know, and where csv2ofx's expected output differs from the file by design.
    struct Known
    {
        QString why;
        std::function<void(CsvMapping&)> manual; // the change a user makes in the wizard
        bool datesDiffer = false;
        bool countDiffers = false;
        bool ambiguousDate = false;
    };
    const auto invert = [](CsvMapping& m) {
        m.invertSign = true;
    };
    const QHash<QString, Known> known {
        {u"pcmastercard"_s, {u"a card export listing spending as positive amounts: needs “invert sign”"_s, invert}},
        {u"amazon"_s,
         {u"order totals are spending: needs “invert sign”; two pending orders and one without a total are "
          u"row errors; the expected OFX leaves out one more order (csv2ofx's amazon mapping filters by card)"_s,
          invert, false, true}},
        {u"payoneer"_s,
         {u"05/03/2021 alone cannot tell day from month: the sniff says so, and the US locale reads it month-first "
          "as csv2ofx does"_s,
          {},
          false,
          false,
          true}},
        {u"ingesp"_s,
         {u"csv2ofx's expected OFX reads 08/04/2022 month-first although 24/03/2022 in the same column proves "
          "day-first"_s,
          {},
          true}},
        {u"xero"_s, {u"the expected files sum each invoice's journal lines into one transaction"_s, {}, false, true}},
        {u"mint_extra"_s, {u"csv2ofx's mint_extra mapping stops one row early (last_row -1)"_s, {}, false, true}},
    };

    int fine = 0;
    int manual = 0;
    int failed = 0;
    int compared = 0;
    for (const QString& name : files) {
        const QString base = QFileInfo(name).completeBaseName();
        const Known note = known.value(base);
        QFile file(dir + u"test/"_s + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto sniff = CsvDialect::sniff(file, QLocale(QLocale::English, QLocale::UnitedStates));
        if (!sniff || !sniff->complete) {
            ++failed;
            qWarning("%s: not sniffed: %s", qPrintable(name),
                     qPrintable(sniff ? QString::fromUtf8(QJsonDocument(sniff->mapping.toJson()).toJson())
                                      : sniff.error().toString()));
            continue;
        }
        QCOMPARE(sniff->dateAmbiguous, note.ambiguousDate);
        CsvMapping mapping = sniff->mapping;
        if (note.manual)
            note.manual(mapping);
        QList<StatementLine> lines;
        auto info = CsvReader::read(file, mapping, {}, [&](StatementLine&& line) {
            lines << std::move(line);
            return true;
        });
        QVERIFY2(info.ok(), qPrintable(name));
        QStringList read;
        QStringList errors;
        for (const StatementLine& line : std::as_const(lines)) {
            if (line.error.isEmpty() && line.date.isValid() && line.amount.isValid())
                read << line.date.toString(Qt::ISODate) + u' ' + QString::number(line.amount.minor());
            else
                errors << line.error;
        }
        qInfo("%s: %lld lines, %lld with an error%s; %s", qPrintable(name), qsizetype(lines.size()),
              qsizetype(errors.size()), sniff->dateAmbiguous ? " (ambiguous date)" : "",
              qPrintable(QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact))));
        for (const QString& error : std::as_const(errors))
            qInfo("    %s", qPrintable(error));
        if (read.isEmpty()) {
            ++failed;
            continue;
        }
        ++(note.manual ? manual : fine);

        QString expectedPath = dir + u"converted/"_s + base + u".qif"_s;
        if (!QFile::exists(expectedPath)) // ubs-ch-fr_trimmed.csv → ubs-ch-fr.qif, mint_headerless → mint.qif
            expectedPath = dir + u"converted/"_s + base.section(u'_', 0, 0) + u".qif"_s;
        if (!QFile::exists(expectedPath))
            expectedPath = dir + u"converted/"_s + base + u".ofx"_s;
        if (!QFile::exists(expectedPath))
            continue;
        QStringList expected = expectedTransactions(expectedPath);
        QVERIFY2(!expected.isEmpty(), qPrintable(expectedPath));
        std::sort(read.begin(), read.end());
        if (!note.why.isEmpty())
            qInfo("    %s: %s", qPrintable(QFileInfo(expectedPath).fileName()), qPrintable(note.why));
        if (note.countDiffers) {
            QVERIFY2(read.size() != expected.size(), qPrintable(name + u": the difference went away"_s));
            continue;
        }
        if (note.datesDiffer) {
            for (QStringList* list : {&read, &expected}) {
                for (QString& t : *list)
                    t = t.section(u' ', 1);
                std::sort(list->begin(), list->end());
            }
        }
        QCOMPARE(read, expected);
        QVERIFY2(errors.isEmpty(), qPrintable(name));
        ++compared;
    }
    qInfo("csv2ofx samples: %d sniffed and read as they are, %d after a manual change, %d failed; %d agree with "
          "csv2ofx's expected QIF/OFX",
          fine, manual, failed, compared);
    QCOMPARE(failed, 0);
    QCOMPARE(fine + manual, files.size());
    QVERIFY(compared >= 15);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
