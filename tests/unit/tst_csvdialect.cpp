#include "importers/csvcolumnroles.h"
#include "importers/csvdateformat.h"
#include "importers/csvdialect.h"
#include "importers/csvreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(MONIAGENT_TEST_DATA_DIR "/statements/csv/") + name;
}

QByteArray fixtureBytes(const QString& name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

QByteArray utf16(const QString& text, bool bigEndian)
{
    QByteArray bytes;
    for (QChar c : text) {
        const char high = char(c.unicode() >> 8);
        const char low = char(c.unicode() & 0xFF);
        bytes.append(bigEndian ? high : low);
        bytes.append(bigEndian ? low : high);
    }
    return bytes;
}

// "date=0 amount=2 …": the mapped columns, for compact comparisons.
QString columnsOf(const CsvMapping& m)
{
    const CsvColumns& c = m.columns;
    QStringList parts;
    const std::pair<const char*, int> all[] = {
        {"date", c.date},           {"amount", c.amount},           {"debit", c.debit},   {"credit", c.credit},
        {"direction", c.direction}, {"description", c.description}, {"payee", c.payee},   {"notes", c.notes},
        {"category", c.category},   {"currency", c.currency},       {"id", c.externalId},
    };
    for (const auto& [name, column] : all) {
        if (column >= 0)
            parts << QStringLiteral("%1=%2").arg(QLatin1StringView(name)).arg(column);
    }
    return parts.join(u' ');
}

QList<qint64> readAmounts(QIODevice& device, const CsvMapping& mapping, int* errors)
{
    QList<qint64> amounts;
    *errors = 0;
    auto info = CsvReader::read(device, mapping, {}, [&](StatementLine&& line) {
        if (line.error.isEmpty())
            amounts << line.amount.minor();
        else
            ++*errors;
        return true;
    });
    if (!info)
        *errors = -1;
    return amounts;
}

} // namespace

// CsvDialect: encoding detection, binary check, delimiter, leading lines, header, decimal separator, date format
// and column roles, each against hand-made fixtures whose answers are known.
class TestCsvDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectEncoding_data();
    void detectEncoding();
    void looksBinary();
    void candidateFormatsCompile();
    void rolesFromHeaderNames_data();
    void rolesFromHeaderNames();
    void sniffFixtures_data();
    void sniffFixtures();
    void dayMonthOrder_data();
    void dayMonthOrder();
    void headerlessFile();
    void decimalCommaInACommaFile();
    void accountLinesAreReported();
    void notATable();
    void sniffingADeviceDoesNotConsumeIt();
    void damagedInputNeverBreaksTheReader();
};

void TestCsvDialect::detectEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<bool>("certain");
    const QString text = u"Date,Description,Amount\n2024-01-02,Café,-3.50\n"_s;
    QTest::newRow("ascii") << QByteArray("Date,Amount\n2024-01-02,1.00\n") << int(CsvEncoding::Utf8) << false << false;
    QTest::newRow("utf-8") << text.toUtf8() << int(CsvEncoding::Utf8) << false << false;
    QTest::newRow("utf-8 bom") << QByteArray("\xef\xbb\xbf") + text.toUtf8() << int(CsvEncoding::Utf8) << true << true;
    QTest::newRow("utf-16le bom") << QByteArray("\xff\xfe") + utf16(text, false) << int(CsvEncoding::Utf16LE) << true
                                  << true;
    QTest::newRow("utf-16be bom") << QByteArray("\xfe\xff") + utf16(text, true) << int(CsvEncoding::Utf16BE) << true
                                  << true;
    QTest::newRow("utf-16le without bom") << utf16(text, false) << int(CsvEncoding::Utf16LE) << false << true;
    QTest::newRow("utf-16be without bom") << utf16(text, true) << int(CsvEncoding::Utf16BE) << false << true;
    QTest::newRow("windows-1252 euro") << QByteArray("Betrag\n\x80 12,50\ncaf\xe9\n") << int(CsvEncoding::Windows1252)
                                       << false << false;
    QTest::newRow("windows-1252 apostrophe")
        << QByteArray("Caf\xe9 \x92t Hoekje\n") << int(CsvEncoding::Windows1252) << false << false;
    QTest::newRow("iso-8859-1") << QByteArray("Libell\xe9;M\xfcller;Stra\xdf"
                                              "e\n")
                                << int(CsvEncoding::Latin1) << false << false;
    QTest::newRow("a 1252 gap is not 1252")
        << QByteArray("caf\xe9 \x81\n") << int(CsvEncoding::Latin1) << false << false;
    QTest::newRow("utf-8 cut by the end of a full sample")
        << QByteArray(CsvDialect::SniffBytes - 1, 'a') + QByteArray("\xc3") << int(CsvEncoding::Utf8) << false << false;
    QTest::newRow("utf-8 cut at the end of a short file")
        << QByteArray("caf\xc3") << int(CsvEncoding::Latin1) << false << false;
}

void TestCsvDialect::detectEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    QFETCH(bool, bom);
    QFETCH(bool, certain);
    const CsvDialect::EncodingGuess guess = CsvDialect::detectEncoding(bytes);
    QCOMPARE(CsvMapping::encodingKey(guess.encoding), CsvMapping::encodingKey(CsvEncoding(encoding)));
    QCOMPARE(guess.bom, bom);
    QCOMPARE(guess.certain, certain);
}

void TestCsvDialect::looksBinary()
{
    const QByteArray text = "Date,Amount\n2024-01-02,1.00\n";
    QVERIFY(!CsvDialect::looksBinary(text, CsvEncoding::Utf8));
    QVERIFY(!CsvDialect::looksBinary(QByteArray(), CsvEncoding::Utf8));
    QVERIFY(CsvDialect::looksBinary(QByteArray(text + QByteArray(1, '\0')), CsvEncoding::Utf8));
    QVERIFY(CsvDialect::looksBinary(fixtureBytes(u"binary.csv"_s), CsvEncoding::Latin1));
    // UTF-16's NUL bytes are text; a NUL character is not.
    QVERIFY(!CsvDialect::looksBinary(utf16(QString::fromLatin1(text), false), CsvEncoding::Utf16LE));
    QVERIFY(CsvDialect::looksBinary(utf16(QString::fromLatin1(text) + QChar(0), false), CsvEncoding::Utf16LE));
    // More than 1 % control characters is binary; fewer (a stray form feed, Ctrl-Z at the end) is not.
    QByteArray many = QByteArray(1000, 'a');
    many.replace(0, 20, QByteArray(20, '\x02'));
    QVERIFY(CsvDialect::looksBinary(many, CsvEncoding::Utf8));
    QByteArray few = QByteArray(1000, 'a');
    few.replace(0, 5, QByteArray(5, '\x02'));
    QVERIFY(!CsvDialect::looksBinary(few, CsvEncoding::Utf8));
    QVERIFY(!CsvDialect::looksBinary(QByteArray(text + "\f\x1a"), CsvEncoding::Utf8));
}

void TestCsvDialect::candidateFormatsCompile()
{
    const QStringList formats = CsvDialect::candidateDateFormats();
    for (const QString& f : formats)
        QVERIFY2(CsvDateFormat::compile(f), qPrintable(f));
    // The formats of the brief, at least.
    for (const QString& f : {u"yyyy-MM-dd"_s, u"dd/MM/yyyy"_s, u"MM/dd/yyyy"_s, u"dd.MM.yyyy"_s, u"yyyyMMdd"_s,
                             u"dd-MM-yyyy"_s, u"dd MMM yyyy"_s, u"MMM d, yyyy"_s})
        QVERIFY2(formats.contains(f), qPrintable(f));
    QVERIFY(!CsvDateFormat::compile(u"yyyy-MM"_s)); // no day
    QVERIFY(!CsvDateFormat::compile(u"dd.MM.yyyy hh:mm"_s)); // times are skipped, not parsed
    QVERIFY(!CsvDateFormat::compile(u"ddd.MM.yyyy"_s));
}

void TestCsvDialect::rolesFromHeaderNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("role");
    const std::pair<QString, CsvRole> table[] = {
        {u"Date"_s, CsvRole::Date},
        {u"Booking Date"_s, CsvRole::Date},
        {u"Buchungstag"_s, CsvRole::Date},
        {u"Date opération"_s, CsvRole::Date},
        {u"Fecha"_s, CsvRole::Date},
        {u"Datum"_s, CsvRole::Date},
        {u"Wertstellung"_s, CsvRole::ValueDate},
        {u"Amount"_s, CsvRole::Amount},
        {u"  AMOUNT  "_s, CsvRole::Amount},
        {u"Amount (GBP)"_s, CsvRole::Amount},
        {u"Betrag"_s, CsvRole::Amount},
        {u"Montant"_s, CsvRole::Amount},
        {u"Importe"_s, CsvRole::Amount},
        {u"Bedrag"_s, CsvRole::Amount},
        {u"Original Amount"_s, CsvRole::None},
        {u"Debit"_s, CsvRole::Debit},
        {u"Credit"_s, CsvRole::Credit},
        {u"Soll"_s, CsvRole::Debit},
        {u"Haben"_s, CsvRole::Credit},
        {u"Débit"_s, CsvRole::Debit},
        {u"Crédit"_s, CsvRole::Credit},
        {u"Af Bij"_s, CsvRole::Direction},
        {u"Description"_s, CsvRole::Description},
        {u"Verwendungszweck"_s, CsvRole::Description},
        {u"Libellé"_s, CsvRole::Description},
        {u"Concepto"_s, CsvRole::Description},
        {u"Omschrijving"_s, CsvRole::Description},
        {u"Payee"_s, CsvRole::Payee},
        {u"Merchant"_s, CsvRole::Payee},
        {u"Name"_s, CsvRole::Payee},
        {u"Empfänger"_s, CsvRole::Payee},
        {u"Notes"_s, CsvRole::Notes},
        {u"Memo"_s, CsvRole::Notes},
        {u"Category"_s, CsvRole::Category},
        {u"Kategorie"_s, CsvRole::Category},
        {u"Catégorie"_s, CsvRole::Category},
        {u"Currency"_s, CsvRole::Currency},
        {u"Währung"_s, CsvRole::Currency},
        {u"Devise"_s, CsvRole::Currency},
        {u"Id"_s, CsvRole::ExternalId},
        {u"Reference"_s, CsvRole::ExternalId},
        {u"Transaction ID"_s, CsvRole::ExternalId},
        {u"Saldo"_s, CsvRole::Balance},
        {u"Weather"_s, CsvRole::None},
    };
    for (const auto& [name, role] : table)
        QTest::newRow(qPrintable(name)) << name << int(role);
}

void TestCsvDialect::rolesFromHeaderNames()
{
    QFETCH(QString, name);
    QFETCH(int, role);
    QCOMPARE(int(CsvColumnRoles::roleFromHeader(name)), role);
}

void TestCsvDialect::sniffFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("dialect"); // "delimiter encoding skipLines header|noheader"
    QTest::addColumn<QString>("formats"); // "dateFormat decimal thousands"
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QList<qint64>>("amounts"); // of the rows without an error, read with the sniffed mapping
    QTest::addColumn<int>("errors");
    const QLocale neutral(QLocale::English, QLocale::UnitedKingdom);
    const int sign = int(CsvAmountMode::Signed);
    QTest::newRow("comma") << u"comma.csv"_s << neutral << u", utf-8 0 header"_s << u"yyyy-MM-dd . ,"_s << sign
                           << u"date=0 amount=2 description=1 category=3"_s
                           << QList<qint64> {-2345, 250000, -123456, 1999, -350} << 0;
    QTest::newRow("semicolon") << u"semicolon.csv"_s << neutral << u"; utf-8 0 header"_s << u"dd.MM.yyyy , ."_s << sign
                               << u"date=0 amount=3 description=2 payee=1 currency=4"_s
                               << QList<qint64> {-8500, 325075, -480, -10000} << 0;
    QTest::newRow("tab") << u"tab.csv"_s << neutral << u"\t utf-8 0 header"_s << u"MM/dd/yyyy . ,"_s << sign
                         << u"date=0 amount=3 payee=1 notes=2"_s << QList<qint64> {-4512, 180000, -3870} << 0;
    QTest::newRow("utf-8 bom") << u"utf8-bom.csv"_s << neutral << u"; utf-8 0 header"_s << u"dd/MM/yyyy , ."_s << sign
                               << u"date=0 amount=2 description=1"_s << QList<qint64> {-640, 15000} << 0;
    QTest::newRow("utf-16le") << u"utf16le.csv"_s << neutral << u", utf-16le 0 header"_s << u"yyyy-MM-dd . ,"_s << sign
                              << u"date=0 amount=2 description=1"_s << QList<qint64> {-320, 152000} << 0;
    QTest::newRow("windows-1252") << u"windows1252.csv"_s << QLocale(QLocale::Dutch, QLocale::Netherlands)
                                  << u"; windows-1252 0 header"_s << u"dd-MM-yyyy , ."_s << sign
                                  << u"date=0 amount=2 description=1"_s << QList<qint64> {-1250, -795} << 0;
    QTest::newRow("iso-8859-1") << u"latin1.csv"_s << neutral << u"; iso-8859-1 0 header"_s << u"yyyy-MM-dd , ."_s
                                << sign << u"date=0 amount=2 description=1"_s << QList<qint64> {-1820, 1200} << 0;
    QTest::newRow("account lines") << u"account-lines.csv"_s << neutral << u"; utf-8 3 header"_s << u"dd.MM.yyyy , ."_s
                                   << sign << u"date=0 amount=4 description=3 payee=2"_s << QList<qint64> {-4990, 31200}
                                   << 0;
    QTest::newRow("debit and credit") << u"debit-credit.csv"_s << neutral << u", utf-8 0 header"_s
                                      << u"MM/dd/yyyy . ,"_s << int(CsvAmountMode::DebitCredit)
                                      << u"date=0 debit=2 credit=3 description=1"_s
                                      << QList<qint64> {-10000, 102000, -7525} << 0;
    QTest::newRow("direction") << u"direction.csv"_s << neutral << u"; utf-8 0 header"_s << u"yyyyMMdd , ."_s
                               << int(CsvAmountMode::Direction) << u"date=0 amount=3 direction=2 payee=1 notes=4"_s
                               << QList<qint64> {-2317, 210000, -460} << 0;
    QTest::newRow("european") << u"european.csv"_s << neutral << u"; utf-8 0 header"_s << u"dd.MM.yyyy , ."_s << sign
                              << u"date=0 amount=2 description=1"_s
                              << QList<qint64> {123456, -99, 123456, -1200, -1200, 500} << 0;
    QTest::newRow("multi-line memo") << u"multiline.csv"_s << neutral << u", utf-8 0 header"_s << u"yyyy-MM-dd . ,"_s
                                     << sign << u"date=0 amount=3 payee=1 notes=2"_s << QList<qint64> {-3140, -210}
                                     << 0;
    QTest::newRow("bad rows") << u"bad-rows.csv"_s << neutral << u", utf-8 0 header"_s << u"yyyy-MM-dd . ,"_s << sign
                              << u"date=0 amount=2 description=1"_s << QList<qint64> {-1000, 1300} << 4;
    QTest::newRow("truncated") << u"truncated.csv"_s << neutral << u", utf-8 0 header"_s << u"yyyy-MM-dd . ,"_s << sign
                               << u"date=0 amount=2 description=1"_s << QList<qint64> {-2000, -815} << 1;
    QTest::newRow("stray amounts") << u"stray-amounts.csv"_s << neutral << u", utf-8 0 header"_s << u"MM/dd/yyyy . ,"_s
                                   << sign << u"date=0 amount=2 description=1"_s
                                   << QList<qint64> {-1200, -1200, -1200, 500, 350, 0, 123456} << 0;
}

void TestCsvDialect::sniffFixtures()
{
    QFETCH(QString, file);
    QFETCH(QLocale, locale);
    QFETCH(QString, dialect);
    QFETCH(QString, formats);
    QFETCH(int, mode);
    QFETCH(QString, columns);
    QFETCH(QList<qint64>, amounts);
    QFETCH(int, errors);

    QFile device(fixture(file));
    QVERIFY(device.open(QIODevice::ReadOnly));
    auto sniff = CsvDialect::sniff(device, locale);
    QVERIFY2(sniff.ok(), qPrintable(sniff.ok() ? QString() : sniff.error().toString()));
    const CsvMapping& m = sniff->mapping;
    QCOMPARE(QStringLiteral("%1 %2 %3 %4")
                 .arg(m.delimiter)
                 .arg(CsvMapping::encodingKey(m.encoding))
                 .arg(m.skipLines)
                 .arg(m.hasHeader ? u"header"_s : u"noheader"_s),
             dialect);
    QCOMPARE(QStringLiteral("%1 %2 %3").arg(m.dateFormat, m.decimalSeparator, m.thousandsSeparator), formats);
    QCOMPARE(int(m.amountMode), mode);
    QCOMPARE(columnsOf(m), columns);
    QVERIFY(sniff->complete);

    int readErrors = 0;
    QCOMPARE(readAmounts(device, m, &readErrors), amounts);
    QCOMPARE(readErrors, errors);
}

void TestCsvDialect::dayMonthOrder_data()
{
    QTest::addColumn<QByteArray>("dates");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("ambiguous");
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    const QLocale german(QLocale::German, QLocale::Germany);
    QTest::newRow("ambiguous, US locale") << QByteArray("05/03/2024\n07/04/2024\n") << us << u"MM/dd/yyyy"_s << true;
    QTest::newRow("ambiguous, German locale")
        << QByteArray("05/03/2024\n07/04/2024\n") << german << u"dd/MM/yyyy"_s << true;
    QTest::newRow("a day over 12 first") << QByteArray("05/03/2024\n13/04/2024\n") << us << u"dd/MM/yyyy"_s << false;
    QTest::newRow("a day over 12 second")
        << QByteArray("05/03/2024\n04/13/2024\n") << german << u"MM/dd/yyyy"_s << false;
    QTest::newRow("two-digit years") << QByteArray("6/12/15\n6/13/15\n") << german << u"M/d/yy"_s << false;
    QTest::newRow("month names") << QByteArray("05 Mar 2024\n17 Apr 2024\n") << us << u"dd MMM yyyy"_s << false;
    QTest::newRow("month first names") << QByteArray("\"Mar 5, 2024\"\n\"Apr 17, 2024\"\n") << german
                                       << u"MMM d, yyyy"_s << false;
}

void TestCsvDialect::dayMonthOrder()
{
    QFETCH(QByteArray, dates);
    QFETCH(QLocale, locale);
    QFETCH(QString, format);
    QFETCH(bool, ambiguous);
    QByteArray file = "Date,Description,Amount\n";
    for (const QByteArray& date : dates.split('\n')) {
        if (!date.isEmpty())
            file += date + ",Coffee,-3.50\n";
    }
    auto sniff = CsvDialect::sniff(file, true, locale);
    QVERIFY(sniff.ok());
    QCOMPARE(sniff->mapping.dateFormat, format);
    QCOMPARE(sniff->dateAmbiguous, ambiguous);
    QCOMPARE(sniff->mapping.columns.date, 0);
}

void TestCsvDialect::headerlessFile()
{
    const QByteArray data = "2024-01-02,Coffee Shop,-3.50\n2024-01-03,Tea House,-2.00\n2024-01-04,Salary,1500.00\n";
    auto sniff = CsvDialect::sniff(data, true, QLocale::c());
    QVERIFY(sniff.ok());
    QVERIFY(!sniff->mapping.hasHeader);
    QVERIFY(sniff->header.isEmpty());
    QCOMPARE(columnsOf(sniff->mapping), u"date=0 amount=2 description=1"_s);
    QCOMPARE(sniff->sampleRows.size(), 3);
    QCOMPARE(sniff->sampleRows[0], (QStringList {u"2024-01-02"_s, u"Coffee Shop"_s, u"-3.50"_s}));
    QVERIFY(sniff->complete);

    QByteArray copy = data;
    QBuffer buffer(&copy);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    int errors = 0;
    QCOMPARE(readAmounts(buffer, sniff->mapping, &errors), (QList<qint64> {-350, -200, 150000}));
    QCOMPARE(errors, 0);
}

void TestCsvDialect::decimalCommaInACommaFile()
{
    QByteArray data = "Datum,Beschreibung,Betrag\n01.02.2024,Kaffee,\"-3,50\"\n02.02.2024,Miete,\"-1.234,00\"\n";
    auto sniff = CsvDialect::sniff(data, true, QLocale::c());
    QVERIFY(sniff.ok());
    QCOMPARE(sniff->mapping.delimiter, QChar(u','));
    QCOMPARE(sniff->mapping.decimalSeparator, QChar(u','));
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    int errors = 0;
    QCOMPARE(readAmounts(buffer, sniff->mapping, &errors), (QList<qint64> {-350, -123400}));
}

void TestCsvDialect::accountLinesAreReported()
{
    auto sniff = CsvDialect::sniff(fixtureBytes(u"account-lines.csv"_s), true);
    QVERIFY(sniff.ok());
    QCOMPARE(sniff->skippedLines.size(), 3);
    QVERIFY(sniff->skippedLines[0].startsWith(u"Kontonummer:"_s));
    QCOMPARE(sniff->header,
             (QStringList {u"Buchungstag"_s, u"Wertstellung"_s, u"Auftraggeber/Empfänger"_s, u"Verwendungszweck"_s,
                           u"Betrag"_s}));
    QCOMPARE(sniff->sampleRows.size(), 2);
}

void TestCsvDialect::notATable()
{
    auto prose = CsvDialect::sniff(QByteArray("Dear customer\nyour statement is attached\n"), true);
    QVERIFY(!prose.ok());
    QCOMPARE(prose.error().code, Error::Code::InvalidInput);
    QVERIFY(prose.error().message.contains(u"does not look like a table"_s));

    auto empty = CsvDialect::sniff(QByteArray("\n\n  \n"), true);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().message, u"The file is empty."_s);

    QFile binary(fixture(u"binary.csv"_s));
    QVERIFY(binary.open(QIODevice::ReadOnly));
    auto refused = CsvDialect::sniff(binary);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message, u"“binary.csv” is not a text file."_s);

    // A table without dates or amounts is sniffed but not complete: the wizard has to ask.
    auto names = CsvDialect::sniff(QByteArray("Name,City\nAnna,Berlin\nBen,Paris\n"), true);
    QVERIFY(names.ok());
    QVERIFY(!names->complete);
    QCOMPARE(names->mapping.columns.date, -1);
}

void TestCsvDialect::sniffingADeviceDoesNotConsumeIt()
{
    QFile file(fixture(u"comma.csv"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto sniff = CsvDialect::sniff(file);
    QVERIFY(sniff.ok());
    QCOMPARE(file.pos(), 0);
    int errors = 0;
    QCOMPARE(readAmounts(file, sniff->mapping, &errors).size(), 5);
}

void TestCsvDialect::damagedInputNeverBreaksTheReader()
{
    // Fixtures with bytes flipped, quotes, delimiters and line breaks thrown in, and cut anywhere: sniffing and
    // reading either succeed or fail with a message, and every delivered line is accounted for.
    const QStringList files = QDir(fixture(QString())).entryList({u"*.csv"_s}, QDir::Files);
    QVERIFY(files.size() >= 15);
    quint32 state = 2024;
    auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    const char noise[] = {'"', ',', ';', '\n', '\r', '\t', '\0', '\xe9', '\x80', '-', '.', '('};
    int read = 0;
    for (const QString& name : files) {
        const QByteArray original = fixtureBytes(name);
        for (int round = 0; round < 150; ++round) {
            QByteArray bytes = original;
            const int changes = 1 + int(next() % 6);
            for (int c = 0; c < changes && !bytes.isEmpty(); ++c) {
                const qsizetype at = qsizetype(next() % quint32(bytes.size()));
                if (next() % 2)
                    bytes[at] = noise[next() % sizeof noise];
                else
                    bytes.insert(at, noise[next() % sizeof noise]);
            }
            if (next() % 3 == 0)
                bytes.truncate(qsizetype(next() % quint32(bytes.size() + 1)));
            auto sniff = CsvDialect::sniff(bytes, true);
            if (!sniff) {
                QVERIFY(!sniff.error().message.isEmpty());
                continue;
            }
            if (!sniff->mapping.validate())
                continue;
            QBuffer buffer(&bytes);
            QVERIFY(buffer.open(QIODevice::ReadOnly));
            int delivered = 0;
            int inconsistent = 0;
            auto info = CsvReader::read(buffer, sniff->mapping, {}, [&](StatementLine&& line) {
                ++delivered;
                // A line is either read (date and amount) or carries its error; it always knows its line.
                const bool whole = line.error.isEmpty() ? line.date.isValid() && line.amount.isValid() : true;
                inconsistent += !whole || line.record <= 0;
                return true;
            });
            QCOMPARE(inconsistent, 0);
            if (info) {
                QCOMPARE(info->lineCount, delivered);
                ++read;
            } else {
                QVERIFY(!info.error().message.isEmpty());
            }
        }
    }
    QVERIFY(read > 500);
}

QTEST_GUILESS_MAIN(TestCsvDialect)
#include "tst_csvdialect.moc"
