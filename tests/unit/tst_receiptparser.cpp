// The receipt parser on receipts written for these tests (never copied from sample data): layouts with one OCR line
// per printed row (as Tesseract gives them) and with one line per column (as line-level OCR gives them), in English,
// German, French, Spanish, Italian, Dutch and Malay.
#include "receipts/receiptdates.h"
#include "receipts/receiptkeywords.h"
#include "receipts/receiptnumbers.h"
#include "receipts/receiptparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace Moniagent;
using namespace Moniagent::ReceiptParsing;

namespace {

const QDate kToday(2026, 11, 22);

QStringList lines(std::initializer_list<const char*> text)
{
    QStringList result;
    for (const char* line : text)
        result.append(QString::fromUtf8(line));
    return result;
}

struct Layout
{
    float confidence = 95; // of every line
    bool words = false; // fill OcrWord boxes too
    QString source = QStringLiteral("tesseract");
};

// A one-page document: a printed row per entry; " | " separates columns, each its own OCR line on the same row.
OcrDocument document(const QStringList& rows, const Layout& layout = {})
{
    OcrPage page;
    page.size = QSize(800, 40 * int(rows.size()) + 40);
    page.source = layout.source;
    for (int i = 0; i < rows.size(); ++i) {
        const int y = 20 + 40 * i;
        int x = 20;
        for (const QString& column : rows.at(i).split(QStringLiteral(" | "))) {
            OcrLine line;
            line.text = column;
            line.box = QRect(x, y, 12 * int(column.size()), 24);
            line.confidence = layout.confidence;
            line.block = int(page.lines.size());
            if (layout.words) {
                line.firstWord = int(page.words.size());
                int wordX = x;
                for (const QString& text : column.split(u' ', Qt::SkipEmptyParts)) {
                    OcrWord word;
                    word.text = text;
                    word.box = QRect(wordX, y, 12 * int(text.size()), 24);
                    word.confidence = layout.confidence;
                    word.line = int(page.lines.size());
                    page.words.append(word);
                    wordX += 12 * int(text.size() + 1);
                }
                line.wordCount = int(page.words.size()) - line.firstWord;
            }
            page.lines.append(line);
            x += 12 * int(column.size()) + 80;
        }
    }
    OcrDocument result;
    result.pages.append(page);
    return result;
}

ReceiptDraft parse(const QStringList& rows, const char* currency = "MYR", const Layout& layout = {})
{
    ReceiptParseOptions options;
    options.today = kToday;
    options.defaultCurrency = Currency::fromCode(QString::fromLatin1(currency));
    return ReceiptParser(options).parse(document(rows, layout));
}

QString field(const char* name)
{
    return QString::fromLatin1(name);
}

} // namespace

class TestReceiptParser : public QObject
{
    Q_OBJECT

private slots:
    void amounts_data();
    void amounts();
    void notAmounts_data();
    void notAmounts();
    void amountCurrencyMarks_data();
    void amountCurrencyMarks();
    void dates_data();
    void dates();
    void dateOrderFromTheReceipt();
    void twoDigitYears();
    void times_data();
    void times();
    void receipts_data();
    void receipts();
    void totals_data();
    void totals();
    void items();
    void warnings_data();
    void warnings();
    void currencies_data();
    void currencies();
    void payments_data();
    void payments();
    void merchants_data();
    void merchants();
    void keywordRows_data();
    void keywordRows();
    void consistentReadingIsMoreConfident();
    void ocrConfidenceLowersFieldConfidence();
    void sourcesPointAtTheText();
    void pdfTextOrigin();
    void lineOnlyLabelAbove();
    void unsureRegions();
    void emptyDocument();
    void parsesInParallel();
    void jsonRoundTrip();
};

void TestReceiptParser::amounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("digits");
    QTest::addColumn<qint64>("minor");
    QTest::newRow("point decimals") << QStringLiteral("12.50") << 2 << qint64(1250);
    QTest::newRow("comma groups") << QStringLiteral("1,234.56") << 2 << qint64(123456);
    QTest::newRow("point groups, comma decimals") << QStringLiteral("1.234,56") << 2 << qint64(123456);
    QTest::newRow("space groups") << QStringLiteral("1 234,56") << 2 << qint64(123456);
    QTest::newRow("apostrophe groups") << QStringLiteral("CHF 1'234.50") << 2 << qint64(123450);
    QTest::newRow("several groups") << QStringLiteral("1.234.567,89") << 2 << qint64(123456789);
    QTest::newRow("trailing minus") << QStringLiteral("12.50-") << 2 << qint64(-1250);
    QTest::newRow("leading minus") << QStringLiteral("-0.01") << 2 << qint64(-1);
    QTest::newRow("brackets") << QStringLiteral("(3.00)") << 2 << qint64(-300);
    QTest::newRow("ringgit glued") << QStringLiteral("RM12.50") << 2 << qint64(1250);
    QTest::newRow("ringgit spaced") << QStringLiteral("RM 3.90") << 2 << qint64(390);
    QTest::newRow("tax code after") << QStringLiteral("12.50 SR") << 2 << qint64(1250);
    QTest::newRow("euro after") << QStringLiteral("4,50 €") << 2 << qint64(450);
    QTest::newRow("euro glued") << QStringLiteral("4,50€") << 2 << qint64(450);
    QTest::newRow("dollar") << QStringLiteral("$6.90") << 2 << qint64(690);
    QTest::newRow("letter O for zero") << QStringLiteral("1O.5O") << 2 << qint64(1050);
    QTest::newRow("space after the point") << QStringLiteral("12. 50") << 2 << qint64(1250);
    QTest::newRow("space before the point") << QStringLiteral("12 .50") << 2 << qint64(1250);
    QTest::newRow("no leading zero") << QStringLiteral(".40") << 2 << qint64(40);
    QTest::newRow("after a colon") << QStringLiteral("TOTAL:9.00") << 2 << qint64(900);
    QTest::newRow("after dot leaders") << QStringLiteral("TOTAL .......... 9.00") << 2 << qint64(900);
    QTest::newRow("yen groups") << QStringLiteral("¥1,280") << 0 << qint64(1280);
    QTest::newRow("marked item line") << QStringLiteral("105.66 *") << 2 << qint64(10566);
}

void TestReceiptParser::amounts()
{
    QFETCH(QString, text);
    QFETCH(int, digits);
    QFETCH(qint64, minor);
    const std::optional<qint64> amount = parseAmount(text, digits);
    QVERIFY2(amount.has_value(), qPrintable(text));
    QCOMPARE(*amount, minor);
}

void TestReceiptParser::notAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("date") << QStringLiteral("25/12/2018");
    QTest::newRow("dotted date") << QStringLiteral("11.02.18");
    QTest::newRow("dashed date") << QStringLiteral("24-11-17");
    QTest::newRow("time") << QStringLiteral("12:06:00");
    QTest::newRow("phone") << QStringLiteral("TEL 03-7731 8169");
    QTest::newRow("three decimals") << QStringLiteral("9.000");
    QTest::newRow("percentage") << QStringLiteral("6.00%");
    QTest::newRow("code") << QStringLiteral("T02 SO00022185");
    QTest::newRow("quantity and price apart") << QStringLiteral("2 105");
    QTest::newRow("integer") << QStringLiteral("9556939040116");
    QTest::newRow("house number") << QStringLiteral("NO.53");
}

void TestReceiptParser::notAmounts()
{
    QFETCH(QString, text);
    QVERIFY2(!parseAmount(text, 2).has_value(), qPrintable(text));
}

void TestReceiptParser::amountCurrencyMarks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::newRow("RM") << QStringLiteral("RM12.50") << QStringLiteral("MYR");
    QTest::newRow("euro") << QStringLiteral("12,50 €") << QStringLiteral("EUR");
    QTest::newRow("EUR after") << QStringLiteral("12,50 EUR") << QStringLiteral("EUR");
    QTest::newRow("pound") << QStringLiteral("£3.20") << QStringLiteral("GBP");
    QTest::newRow("CHF") << QStringLiteral("CHF 5.00") << QStringLiteral("CHF");
    QTest::newRow("Fr.") << QStringLiteral("Fr. 5.00") << QStringLiteral("CHF");
    QTest::newRow("S$") << QStringLiteral("S$4.80") << QStringLiteral("SGD");
    QTest::newRow("dollar alone") << QStringLiteral("$2.00") << QStringLiteral("$");
    QTest::newRow("none") << QStringLiteral("2.00") << QString();
}

void TestReceiptParser::amountCurrencyMarks()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    const QList<NumberToken> tokens = findNumbers(text);
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(tokens.first().currency, currency);
}

void TestReceiptParser::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QDate>("expected");
    const QString myr = QStringLiteral("MYR");
    QTest::newRow("dd/mm/yyyy") << QStringLiteral("DATE: 25/12/2018") << myr << QDate(2018, 12, 25);
    QTest::newRow("ambiguous, day first") << QStringLiteral("DATE: 06/03/2018") << myr << QDate(2018, 3, 6);
    QTest::newRow("ambiguous, US dollars: month first")
        << QStringLiteral("DATE: 06/03/2018") << QStringLiteral("USD") << QDate(2018, 6, 3);
    QTest::newRow("only month first is valid") << QStringLiteral("DATE: 03/13/2018") << myr << QDate(2018, 3, 13);
    QTest::newRow("dashes, two-digit year") << QStringLiteral("24-11-17") << myr << QDate(2017, 11, 24);
    QTest::newRow("dots, two-digit year")
        << QStringLiteral("Datum 11.02.18") << QStringLiteral("EUR") << QDate(2018, 2, 11);
    QTest::newRow("single digits") << QStringLiteral("6/4/2018") << myr << QDate(2018, 4, 6);
    QTest::newRow("a broken 0 in the year") << QStringLiteral("Date: 11/09/2¢17 |") << myr << QDate(2017, 9, 11);
    QTest::newRow("ISO") << QStringLiteral("2018-03-18 10:22") << myr << QDate(2018, 3, 18);
    QTest::newRow("year first, slashes") << QStringLiteral("2016/05/01") << myr << QDate(2016, 5, 1);
    QTest::newRow("compact") << QStringLiteral("DATE 20180304") << myr << QDate(2018, 3, 4);
    QTest::newRow("spaces around separators") << QStringLiteral("DATE 25 / 12 / 2018") << myr << QDate(2018, 12, 25);
    QTest::newRow("English abbreviation") << QStringLiteral("27 MAR 2018 18:46") << myr << QDate(2018, 3, 27);
    QTest::newRow("dashed month name") << QStringLiteral("05-AUG-2017") << myr << QDate(2017, 8, 5);
    QTest::newRow("English, month first")
        << QStringLiteral("March 27, 2018") << QStringLiteral("USD") << QDate(2018, 3, 27);
    QTest::newRow("English ordinal") << QStringLiteral("Date: 1st June 2021") << QStringLiteral("GBP")
                                     << QDate(2021, 6, 1);
    QTest::newRow("German") << QStringLiteral("3. März 2018") << QStringLiteral("EUR") << QDate(2018, 3, 3);
    QTest::newRow("German December") << QStringLiteral("2. Dezember 2020") << QStringLiteral("EUR")
                                     << QDate(2020, 12, 2);
    QTest::newRow("French") << QStringLiteral("Le 12 février 2019") << QStringLiteral("EUR") << QDate(2019, 2, 12);
    QTest::newRow("French August") << QStringLiteral("1er août 2020") << QStringLiteral("EUR") << QDate(2020, 8, 1);
    QTest::newRow("Spanish") << QStringLiteral("5 de mayo de 2020") << QStringLiteral("EUR") << QDate(2020, 5, 5);
    QTest::newRow("Italian") << QStringLiteral("14 marzo 2021") << QStringLiteral("EUR") << QDate(2021, 3, 14);
    QTest::newRow("Italian abbreviation")
        << QStringLiteral("14 GIU 2021") << QStringLiteral("EUR") << QDate(2021, 6, 14);
    QTest::newRow("Dutch") << QStringLiteral("7 maart 2022") << QStringLiteral("EUR") << QDate(2022, 3, 7);
    QTest::newRow("Dutch May") << QStringLiteral("Datum: 3 mei 2022") << QStringLiteral("EUR") << QDate(2022, 5, 3);
    QTest::newRow("Malay August") << QStringLiteral("TARIKH: 9 Ogos 2019") << myr << QDate(2019, 8, 9);
    QTest::newRow("Malay March") << QStringLiteral("TARIKH 21 MAC 2019") << myr << QDate(2019, 3, 21);
    QTest::newRow("Malay December") << QStringLiteral("15 Disember 2019") << myr << QDate(2019, 12, 15);
    QTest::newRow("two-digit year with month name") << QStringLiteral("27 MAR 18") << myr << QDate(2018, 3, 27);
}

void TestReceiptParser::dates()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(QDate, expected);
    const ReceiptDraft draft
        = parse({QStringLiteral("SHOP ONE"), text, QStringLiteral("TOTAL | 10.00")}, currency.toLatin1().constData());
    QCOMPARE(draft.date, expected);
    QVERIFY(draft.has(field(ReceiptDraft::Date)));
    QVERIFY(draft.confidence(field(ReceiptDraft::Date)) > 0);
}

void TestReceiptParser::dateOrderFromTheReceipt()
{
    // A time printed with points ("11.14.00") is no month-first date that would prove the order.
    const ReceiptDraft timed = parse(
        lines({"HARDWARE SDN BHD", "DOC NO GS0065 DATE: 05/02/2018", "CASHIER USER TIME. 11.14.00", "TOTAL | 63.60"}),
        "MYR");
    QCOMPARE(timed.date, QDate(2018, 2, 5));
    // A misread "$" on one item row of a ringgit receipt neither makes it a dollar receipt nor the date month-first.
    const ReceiptDraft malaysian
        = parse(lines({"KEDAI MAJU", "DATE 05/02/2018", "S/PRICE $/PRICE", "TEA | $2.40", "TOTAL | 2.40"}), "MYR");
    QCOMPARE(malaysian.currency.code(), QStringLiteral("MYR"));
    QCOMPARE(malaysian.date, QDate(2018, 2, 5));

    // 04/05 could be either; 25/05 on the same receipt shows the day comes first, even for a dollar receipt.
    ReceiptDraft draft = parse(lines({"DINER", "DATE 04/05/2018", "TOTAL | 10.00", "RETURN BY 25/05/2018"}), "USD");
    QCOMPARE(draft.date, QDate(2018, 5, 4));
    // And 05/25 shows the month comes first.
    draft = parse(lines({"DINER", "DATE 04/05/2018", "TOTAL | 10.00", "RETURN BY 05/25/2018"}), "MYR");
    QCOMPARE(draft.date, QDate(2018, 4, 5));
    // An expiry date is not the purchase date, wherever it is printed.
    draft = parse(lines({"GIFT SHOP", "VOUCHER EXPIRY 01/01/2019", "DATE: 05/06/2018 10:00", "TOTAL | 5.00"}));
    QCOMPARE(draft.date, QDate(2018, 6, 5));
}

void TestReceiptParser::twoDigitYears()
{
    QCOMPARE(resolveTwoDigitYear(18, kToday), 2018);
    QCOMPARE(resolveTwoDigitYear(26, kToday), 2026);
    QCOMPARE(resolveTwoDigitYear(27, kToday), 1927);
    QCOMPARE(resolveTwoDigitYear(99, kToday), 1999);
    // Yesterday is a receipt date; tomorrow and 1927 are not (future, implausibly old).
    QCOMPARE(parse(lines({"SHOP", "21/11/26", "TOTAL | 1.00"})).date, QDate(2026, 11, 21));
    QVERIFY(!parse(lines({"SHOP", "23/11/26", "TOTAL | 1.00"})).date.isValid());
    QVERIFY(!parse(lines({"SHOP", "01/01/27", "TOTAL | 1.00"})).date.isValid());
    QVERIFY(!parse(lines({"SHOP", "DATE 25/12/2027", "TOTAL | 1.00"})).date.isValid());
    // A future date printed next to the real one is ignored.
    QCOMPARE(parse(lines({"SHOP", "DATE 12/03/2024", "NEXT VISIT 12/03/2027", "TOTAL | 1.00"})).date,
             QDate(2024, 3, 12));
}

void TestReceiptParser::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QTime>("expected");
    QTest::newRow("24 hours") << QStringLiteral("27 MAR 2018 18:46") << QTime(18, 46);
    QTest::newRow("seconds, PM") << QStringLiteral("25/12/2018 8:13:39 PM") << QTime(20, 13, 39);
    QTest::newRow("midnight AM") << QStringLiteral("25/12/2018 12:05 AM") << QTime(0, 5);
    QTest::newRow("French h") << QStringLiteral("Le 12 février 2019 à 18h05") << QTime(18, 5);
    QTest::newRow("labelled") << QStringLiteral("TIME: 12:06:00") << QTime(12, 6);
}

void TestReceiptParser::times()
{
    QFETCH(QString, text);
    QFETCH(QTime, expected);
    const ReceiptDraft draft = parse({QStringLiteral("SHOP"), text, QStringLiteral("TOTAL | 1.00")}, "EUR");
    QCOMPARE(draft.time, expected);
    QVERIFY(draft.has(field(ReceiptDraft::Time)));
}

// Whole receipts in each language: every field at once. -1 = the field is not printed.
void TestReceiptParser::receipts_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("defaultCurrency");
    QTest::addColumn<QString>("merchant");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("subtotal");
    QTest::addColumn<qint64>("tax");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("payment");
    QTest::addColumn<int>("items");

    QTest::newRow("Malay, columns") << lines(
        {"KEDAI RUNCIT MAJU JAYA SDN BHD", "(123456-A)", "NO 5, JALAN MAWAR 3, TAMAN BAHAGIA", "47300 PETALING JAYA",
         "TEL: 03-1234 5678", "GST ID: 001234567890", "INVOIS CUKAI", "TARIKH: 14/03/2018 | MASA: 10:15",
         "PERKARA | KUANTITI | HARGA | JUMLAH", "BERAS WANGI 5KG | 1 | 18.90 | 18.90",
         "MINYAK MASAK | 2 | 6.50 | 13.00", "GULA PASIR | 3 | 2.85 | 8.55", "JUMLAH KECIL | 40.45", "GST 6% | 2.43",
         "PEMBUNDARAN | 0.02", "JUMLAH BESAR | RM42.90", "TUNAI | 50.00", "BAKI | 7.10", "TERIMA KASIH"})
                                    << "MYR"
                                    << "KEDAI RUNCIT MAJU JAYA SDN BHD" << QDate(2018, 3, 14) << qint64(4290)
                                    << qint64(4045) << qint64(243) << "MYR"
                                    << "cash" << 3;

    QTest::newRow("German, tax included")
        << lines({"Bäckerei Sonnenschein GmbH", "Hauptstraße 12", "10115 Berlin", "Tel. 030 1234567",
                  "USt-IdNr. DE123456789", "Roggenbrot | 3,20 €", "2 x Brezel | 1,60 €", "Kaffee | 2,40 €",
                  "Rabatt | -0,50 €", "Summe | 6,70 €", "MwSt 7% | 0,44", "Netto | 6,26", "Gegeben Bar | 10,00 €",
                  "Rückgeld | 3,30 €", "Datum: 03.03.2024 | 09:41", "Vielen Dank für Ihren Einkauf"})
        << "EUR"
        << "Bäckerei Sonnenschein GmbH" << QDate(2024, 3, 3) << qint64(670) << qint64(626) << qint64(44) << "EUR"
        << "cash" << 4;

    QTest::newRow("French, TTC") << lines({"SUPERMARCHÉ DU PORT SARL", "3 rue de la Paix", "75002 Paris",
                                           "SIRET 123 456 789 00012", "Le 12 février 2024 à 18h05",
                                           "Pain de campagne | 2,10", "Fromage | 4,35", "Vin rouge | 8,90",
                                           "Sous-total | 15,35", "Remise fidélité | -1,00", "TOTAL TTC | 14,35 €",
                                           "dont TVA 5,5% | 0,75", "Carte bancaire | 14,35", "Merci de votre visite"})
                                 << "EUR"
                                 << "SUPERMARCHÉ DU PORT SARL" << QDate(2024, 2, 12) << qint64(1435) << qint64(-1)
                                 << qint64(75) << "EUR"
                                 << "debit_card" << 3;

    QTest::newRow("Spanish") << lines({"PANADERÍA LA ESPIGA S.L.", "C/ Mayor 8, 28013 Madrid", "NIF B12345678",
                                       "FACTURA SIMPLIFICADA", "Fecha: 05/06/2023 Hora: 11:20",
                                       "2 x Barra de pan | 0,90 | 1,80", "Croissant | 1,20", "Café con leche | 1,50",
                                       "BASE IMPONIBLE | 4,09", "IVA 10% | 0,41", "TOTAL A PAGAR | 4,50 EUR",
                                       "EFECTIVO | 5,00", "CAMBIO | 0,50", "Gracias por su visita"})
                             << "EUR"
                             << "PANADERÍA LA ESPIGA S.L." << QDate(2023, 6, 5) << qint64(450) << qint64(409)
                             << qint64(41) << "EUR"
                             << "cash" << 3;

    QTest::newRow("Italian") << lines({"PASTICCERIA ROSSI S.R.L.", "Via Roma 21", "00184 Roma", "P.IVA 01234567890",
                                       "DOCUMENTO COMMERCIALE", "CORNETTO | 1,20", "CAPPUCCINO | 1,50",
                                       "SPREMUTA | 3,00", "TOTALE COMPLESSIVO | 5,70", "DI CUI IVA 10% | 0,52",
                                       "PAGAMENTO CONTANTE | 10,00", "RESTO | 4,30", "14-09-2022 08:15"})
                             << "EUR"
                             << "PASTICCERIA ROSSI S.R.L." << QDate(2022, 9, 14) << qint64(570) << qint64(-1)
                             << qint64(52) << "EUR"
                             << "cash" << 3;

    QTest::newRow("Dutch, PIN") << lines({"BAKKERIJ DE MOLEN B.V.", "Kerkstraat 5", "1017 GC Amsterdam",
                                          "BTW NL123456789B01", "KASSABON", "Volkorenbrood | 2,95", "Koffie | 2,60",
                                          "SUBTOTAAL | 5,55", "BTW 9% | 0,46", "TOTAAL | 5,55", "PINNEN | 5,55",
                                          "Datum: 7 maart 2022 10:02", "Bedankt en tot ziens"})
                                << "EUR"
                                << "BAKKERIJ DE MOLEN B.V." << QDate(2022, 3, 7) << qint64(555) << qint64(555)
                                << qint64(46) << "EUR"
                                << "debit_card" << 2;

    QTest::newRow("US English, tax added")
        << lines({"SUNRISE DINER LLC", "455 MAIN ST", "SPRINGFIELD, IL 62701", "(217) 555-0123", "04/05/2023 7:45 PM",
                  "PANCAKES | 8.50", "COFFEE 2 @ 2.25 | 4.50", "SUBTOTAL | 13.00", "SALES TAX 6.25% | 0.81",
                  "TOTAL | $13.81", "VISA | 13.81", "THANK YOU"})
        << "USD"
        << "SUNRISE DINER LLC" << QDate(2023, 4, 5) << qint64(1381) << qint64(1300) << qint64(81) << "USD"
        << "credit_card" << 2;

    QTest::newRow("British, VAT included, one line per row")
        << lines({"THE CORNER GROCER LTD", "12 HIGH STREET", "LONDON SW1A 1AA", "VAT NO GB123456789",
                  "15/03/2024 14:22", "MILK 2L 1.45", "BREAD 1.10", "2 X APPLES 0.80", "TOTAL £3.35",
                  "VAT INCLUDED 0.00", "CONTACTLESS 3.35", "THANK YOU FOR SHOPPING"})
        << "GBP"
        << "THE CORNER GROCER LTD" << QDate(2024, 3, 15) << qint64(335) << qint64(-1) << qint64(0) << "GBP"
        << "contactless" << 3;

    QTest::newRow("Malaysian, line per column, label above amount")
        << lines({"SERI INDAH TRADING", "(000123456-K)", "LOT 7, JALAN PERDANA", "CASH BILL",
                  "DATE:", "12/01/2019 3:05:11 PM", "DESCRIPTION | QTY | AMOUNT", "NASI LEMAK | 2 | 7.00",
                  "TEH TARIK | 2 | 4.40", "TOTAL:", "11.40", "CASH", "20.00", "CHANGE", "8.60"})
        << "MYR"
        << "SERI INDAH TRADING" << QDate(2019, 1, 12) << qint64(1140) << qint64(-1) << qint64(-1) << "MYR"
        << "cash" << 2;
}

void TestReceiptParser::receipts()
{
    QFETCH(QStringList, rows);
    QFETCH(QString, defaultCurrency);
    QFETCH(QString, merchant);
    QFETCH(QDate, date);
    QFETCH(qint64, total);
    QFETCH(qint64, subtotal);
    QFETCH(qint64, tax);
    QFETCH(QString, currency);
    QFETCH(QString, payment);
    QFETCH(int, items);

    const ReceiptDraft draft = parse(rows, defaultCurrency.toLatin1().constData());
    QCOMPARE(draft.merchant, merchant);
    QCOMPARE(draft.date, date);
    QCOMPARE(draft.totalMinor, std::optional<qint64>(total));
    if (subtotal >= 0)
        QCOMPARE(draft.subtotalMinor, std::optional<qint64>(subtotal));
    if (tax >= 0)
        QCOMPARE(draft.taxMinor, std::optional<qint64>(tax));
    QCOMPARE(draft.currency.code(), currency);
    QCOMPARE(draft.paymentMethod, payment);
    QCOMPARE(draft.items.size(), items);
    QVERIFY2(draft.warnings.isEmpty(), qPrintable(draft.warnings.join(u',')));
    for (const char* name : {ReceiptDraft::Merchant, ReceiptDraft::Date, ReceiptDraft::Total}) {
        const ReceiptFieldSource source = draft.sources.value(field(name));
        QVERIFY2(source.confidence > 0 && source.confidence <= 1, name);
        QVERIFY2(!source.box.isNull(), name);
        QCOMPARE(source.origin, QStringLiteral("ocr"));
        QVERIFY2(!source.text.isEmpty(), name);
    }
}

// Choosing the total where "the last amount on a TOTAL line" goes wrong. Each row names the rule it covers.
void TestReceiptParser::totals_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("defaultCurrency");
    QTest::addColumn<qint64>("total");

    QTest::newRow("a count is no total") << lines(
        {"SHOP", "ITEM A | 4.00", "ITEM B | 8.50", "TOTAL QTY: | 3", "TOTAL | 12.50", "CASH | 20.00", "CHANGE | 7.50"})
                                         << "MYR" << qint64(1250);
    QTest::newRow("a count with decimals is no total")
        << lines({"SHOP", "ITEM A | 4.00", "TOTAL ITEMS | 2.00", "TOTAL | 4.00"}) << "MYR" << qint64(400);
    QTest::newRow("tax summary after the total")
        << lines({"SHOP", "PEN | 100.00", "PAPER | 44.68", "SUB-TOTAL (EX) | 144.68", "TOTAL TAX | 8.68",
                  "ROUNDING | -0.01", "TOTAL | 153.35", "CASH | 153.35", "CHANGE | 0.00", "GST SUMMARY",
                  "TAX CODE | % | AMOUNT | TAX", "SR | 6.00 | 144.68 | 8.68", "TOTAL : | 144.68 | 8.68"})
        << "MYR" << qint64(15335);
    QTest::newRow("tax summary totals below the total")
        << lines({"KOPI SHOP", "TAX INVOICE", "RECEIPT # CS0011 DATE 03/04/2018", "TIME: . 1232 00",
                  "ITEM QTY PRICE AMOUNT", "SR: COFFEE O (T.AWAY) 1 2130 230", "SR: TEA (T.AWAY) 1 240 2.40",
                  "SR: COFFEE (T AWAY) 2 240 4.80", "SR: SOYA BEAN (T AWAY) 1 210 210", "BT TOJAL | 5 60",
                  "(EXCLUDED GST) SUB TOTAL 10 94", "TOTAL GST 0.66", "TOTAL 11.60", "GST SUMMARY",
                  "TAX CODE % AMOUNT GST", "SR 6 10.94 0 66", "TOTAL : 10.94 0.66", "GOODS SOLD ARE NOT RETURNABLE"})
        << "MYR" << qint64(1160);
    QTest::newRow("cash tendered is larger")
        << lines({"SHOP", "RICE | 12.00", "TOTAL | 12.00", "CASH TENDERED | 50.00", "CHANGE DUE | 38.00"}) << "MYR"
        << qint64(1200);
    QTest::newRow("rounded total beats the amount before rounding")
        << lines({"SHOP", "TOTAL SALES (INCLUSIVE GST) | 42.48", "ROUNDING ADJ | 0.02",
                  "TOTAL AFTER ADJ INCL GST | 42.50", "CASH | 50.00", "CHANGE | 7.50"})
        << "MYR" << qint64(4250);
    QTest::newRow("a rounding row holding a whole amount is the rounded total")
        << lines({"SHOP", "TOTAL SALES (INCLUSIVE GST) RM | 13.58", "ROUNDING ADJUSTMENT RM | .02",
                  "ROUNDING RM | 13.60", "CASH RM | 14.00", "CHANGE RM | .40"})
        << "MYR" << qint64(1360);
    QTest::newRow("included tax is no total") << lines(
        {"SHOP", "BUN | 25.15", "DUE | 25.15", "PAY | 25.15", "CHANGE | 0.00", "(TOTAL INCLUDED GST @ 6% : | 1.42)"})
                                              << "MYR" << qint64(2515);
    QTest::newRow("words between TOTAL and INCL")
        << lines({"SHOP", "TAPE | 1.90", "PAPER | 9.90", "TOTAL RM INCL. OF GST | 11.80", "CASH | -11.80",
                  "GST SUMMARY | AMOUNT | TAX", "T @ 6% | 11.13 | 0.67"})
        << "MYR" << qint64(1180);
    QTest::newRow("subtotal excluding tax is no total")
        << lines({"SHOP", "TOTAL SALES (EXCLUDING GST) : | 51.42", "DISCOUNT : | 0.00", "TOTAL GST : | 3.08",
                  "ROUNDING : | 0.00", "TOTAL SALES (INCLUSIVE OF GST) | 54.50"})
        << "MYR" << qint64(5450);
    QTest::newRow("the largest plausible amount near the bottom")
        << lines({"SHOP", "COFFEE | 3.50", "CAKE | 4.50", "AMOUNT | 8.00", "THANK YOU"}) << "MYR" << qint64(800);
    QTest::newRow("German: Summe, not the tax")
        << lines({"Laden", "Apfel | 1,99", "Birne | 2,49", "SUMME EUR | 4,48", "MwSt 19% | 0,72", "Netto | 3,76"})
        << "EUR" << qint64(448);
    QTest::newRow("French: net à payer") << lines(
        {"Magasin", "Article | 9,90", "TOTAL HT | 8,25", "TVA 20% | 1,65", "NET A PAYER | 9,90", "CB | 9,90"})
                                         << "EUR" << qint64(990);
    QTest::newRow("Spanish: importe total")
        << lines({"Tienda", "Pan | 1,00", "Leche | 0,95", "IMPORTE TOTAL | 1,95", "EFECTIVO | 2,00", "CAMBIO | 0,05"})
        << "EUR" << qint64(195);
    QTest::newRow("Italian: totale") << lines(
        {"Bar", "CAFFE | 1,10", "BRIOCHE | 1,30", "TOTALE EURO | 2,40", "CONTANTI | 5,00", "RESTO | 2,60"})
                                     << "EUR" << qint64(240);
    QTest::newRow("Dutch: te betalen") << lines(
        {"Winkel", "Kaas | 4,50", "Brood | 2,25", "TE BETALEN | 6,75", "CONTANT | 10,00", "WISSELGELD | 3,25"})
                                       << "EUR" << qint64(675);
    QTest::newRow("Malay: jumlah") << lines(
        {"Kedai", "Roti | 2.50", "Kopi | 1.80", "JUMLAH | 4.30", "TUNAI | 5.00", "BAKI | 0.70"})
                                   << "MYR" << qint64(430);
    QTest::newRow("numbers 1.234,56") << lines({"Möbelhaus", "Sofa | 1.234,56 €", "GESAMTBETRAG | 1.234,56 €"}) << "EUR"
                                      << qint64(123456);
    QTest::newRow("numbers 1,234.56") << lines({"Furniture", "Sofa | 1,234.56", "GRAND TOTAL | 1,234.56"}) << "USD"
                                      << qint64(123456);
    QTest::newRow("numbers 1 234,56") << lines({"Meubles", "Canapé | 1 234,56 €", "TOTAL TTC | 1 234,56 €"}) << "EUR"
                                      << qint64(123456);
    QTest::newRow("OCR: O for 0, glued currency") << lines({"SHOP", "TOTAL RM1O.5O"}) << "MYR" << qint64(1050);
    QTest::newRow("OCR: tax code after the amount") << lines({"SHOP", "TOTAL 12.50 SR"}) << "MYR" << qint64(1250);
    QTest::newRow("trailing minus discount is no total")
        << lines({"SHOP", "SHOES | 59.90", "DISCOUNT | 10.00-", "TOTAL | 49.90"}) << "MYR" << qint64(4990);
    QTest::newRow("no decimals: yen") << lines({"STORE", "TEA | ¥480", "TOTAL | ¥1,280"}) << "JPY" << qint64(1280);
}

void TestReceiptParser::totals()
{
    QFETCH(QStringList, rows);
    QFETCH(QString, defaultCurrency);
    QFETCH(qint64, total);
    const ReceiptDraft draft = parse(rows, defaultCurrency.toLatin1().constData());
    QCOMPARE(draft.totalMinor, std::optional<qint64>(total));
}

void TestReceiptParser::items()
{
    const ReceiptDraft draft
        = parse(lines({"CAFE ALPHA SDN BHD", "DESCRIPTION | QTY | PRICE | AMOUNT", "LATTE | 2 | 9.50 | 19.00",
                       "CROISSANT | 1 | 6.80 | 6.80", "ALMOND CAKE SLICE", "1 | 12.00 | 12.00", "2x MUFFIN | 9.00",
                       "APPLES 0.450 KG | 3.60 | 1.62", "MEMBER DISCOUNT | -2.00", "SUBTOTAL | 46.42", "SST 6% | 2.79",
                       "TOTAL | 49.21"}));
    QCOMPARE(draft.items.size(), 6);
    QCOMPARE(draft.items.at(0).description, QStringLiteral("LATTE"));
    QCOMPARE(draft.items.at(0).quantity, QStringLiteral("2"));
    QCOMPARE(draft.items.at(0).unitPriceMinor, std::optional<qint64>(950));
    QCOMPARE(draft.items.at(0).amountMinor, 1900);
    QCOMPARE(draft.items.at(1).quantity, QStringLiteral("1"));
    // A description on its own row belongs to the amounts below it.
    QCOMPARE(draft.items.at(2).description, QStringLiteral("ALMOND CAKE SLICE"));
    QCOMPARE(draft.items.at(2).amountMinor, 1200);
    QCOMPARE(draft.items.at(3).description, QStringLiteral("MUFFIN"));
    QCOMPARE(draft.items.at(3).quantity, QStringLiteral("2"));
    QCOMPARE(draft.items.at(4).quantity, QStringLiteral("0.450"));
    QCOMPARE(draft.items.at(4).unitPriceMinor, std::optional<qint64>(360));
    QCOMPARE(draft.items.at(4).amountMinor, 162);
    // Discounts are negative.
    QCOMPARE(draft.items.at(5).amountMinor, -200);
    qint64 sum = 0;
    for (const ReceiptItem& item : draft.items) {
        sum += item.amountMinor;
        QVERIFY(!item.source.box.isNull());
        QVERIFY(item.source.confidence > 0);
    }
    QCOMPARE(sum, 4642);
    QCOMPARE(draft.subtotalMinor, std::optional<qint64>(4642));
    QCOMPARE(draft.taxMinor, std::optional<qint64>(279));
    QCOMPARE(draft.totalMinor, std::optional<qint64>(4921));
    QVERIFY(draft.warnings.isEmpty());
}

void TestReceiptParser::warnings_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("warnings");
    QTest::newRow("consistent") << lines(
        {"SHOP", "A | 5.00", "B | 5.00", "SUBTOTAL | 10.00", "TAX 6% | 0.60", "TOTAL | 10.60"})
                                << QStringList();
    QTest::newRow("items do not add up") << lines({"SHOP", "A | 5.00", "B | 3.00", "TOTAL | 10.00"})
                                         << QStringList {QStringLiteral("items-do-not-add-up")};
    QTest::newRow("subtotal and tax do not make the total")
        << lines({"SHOP", "SUBTOTAL | 10.00", "TAX | 0.60", "TOTAL | 11.00", "CASH | 11.00"})
        << QStringList {QStringLiteral("subtotal-tax-mismatch")};
    QTest::newRow("rounding explains the difference")
        << lines({"SHOP", "SUBTOTAL | 10.00", "GST | 0.63", "ROUNDING | 0.02", "TOTAL | 10.65"}) << QStringList();
    QTest::newRow("tax included in the subtotal")
        << lines({"SHOP", "A | 10.00", "SUBTOTAL | 10.00", "VAT 20% | 1.67", "TOTAL | 10.00"}) << QStringList();
}

void TestReceiptParser::warnings()
{
    QFETCH(QStringList, rows);
    QFETCH(QStringList, warnings);
    QCOMPARE(parse(rows).warnings, warnings);
}

void TestReceiptParser::currencies_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("defaultCurrency");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("origin");
    QTest::newRow("euro sign") << lines({"SHOP", "TOTAL | €12.50"}) << "MYR"
                               << "EUR"
                               << "ocr";
    QTest::newRow("EUR code") << lines({"SHOP", "TOTAL | 12,50 EUR"}) << "MYR"
                              << "EUR"
                              << "ocr";
    QTest::newRow("pound") << lines({"SHOP", "TOTAL | £3.20"}) << "EUR"
                           << "GBP"
                           << "ocr";
    QTest::newRow("CHF label") << lines({"SHOP", "TOTAL CHF | 12.50"}) << "EUR"
                               << "CHF"
                               << "ocr";
    QTest::newRow("RM") << lines({"SHOP", "TOTAL | RM 12.50"}) << "EUR"
                        << "MYR"
                        << "ocr";
    QTest::newRow("none: the profile's currency") << lines({"SHOP", "TOTAL | 12.50"}) << "EUR"
                                                  << "EUR"
                                                  << "computed";
    QTest::newRow("dollar in a dollar country") << lines({"SHOP", "TOTAL | $5.00"}) << "SGD"
                                                << "SGD"
                                                << "ocr";
    QTest::newRow("dollar elsewhere") << lines({"SHOP", "TOTAL | $5.00"}) << "EUR"
                                      << "USD"
                                      << "ocr";
    QTest::newRow("stray euro mark on another row: the profile's")
        << lines({"SHOP", "SR 6 €0.90 3.60", "TOTAL | 12.50"}) << "MYR"
        << "MYR"
        << "computed";
    QTest::newRow("S read as a dollar on an item row: the profile's")
        << lines({"SHOP", "COFFEE | $2.30", "TOTAL | 5.00"}) << "MYR"
        << "MYR"
        << "computed";
    QTest::newRow("a pound sign glued to a zero on a total row: the profile's")
        << lines({"HARDWARE", "TOTAL SALES (EXCL GST) | £0.00", "TAX CODE % AMT(RM) TAX (RM)", "TOTAL | 63.60"})
        << "MYR"
        << "MYR"
        << "ocr";
    QTest::newRow("foreign marks on two rows") << lines({"SHOP", "A | €1.00", "B | €2.00", "TOTAL | 3.00"}) << "MYR"
                                               << "EUR"
                                               << "ocr";
    QTest::newRow("most frequent wins") << lines(
        {"SHOP", "A | 1.00 EUR", "B | 2.00 EUR", "TOTAL | 3.00 EUR", "IN USD 3.30"})
                                        << "GBP"
                                        << "EUR"
                                        << "ocr";
}

void TestReceiptParser::currencies()
{
    QFETCH(QStringList, rows);
    QFETCH(QString, defaultCurrency);
    QFETCH(QString, currency);
    QFETCH(QString, origin);
    const ReceiptDraft draft = parse(rows, defaultCurrency.toLatin1().constData());
    QCOMPARE(draft.currency.code(), currency);
    QCOMPARE(draft.sources.value(field(ReceiptDraft::CurrencyField)).origin, origin);
    QVERIFY(draft.totalMinor.has_value());
}

void TestReceiptParser::payments_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("method");
    QTest::newRow("English cash") << lines({"SHOP", "TOTAL | 12.00", "CASH | 20.00", "CHANGE | 8.00"}) << "cash";
    QTest::newRow("Malay cash") << lines({"KEDAI", "JUMLAH | 12.00", "TUNAI | 20.00", "BAKI | 8.00"}) << "cash";
    QTest::newRow("German cash") << lines({"Laden", "SUMME | 12,00", "BAR | 20,00", "RÜCKGELD | 8,00"}) << "cash";
    QTest::newRow("French cash") << lines({"Magasin", "TOTAL | 12,00", "ESPÈCES | 20,00", "RENDU | 8,00"}) << "cash";
    QTest::newRow("Italian cash") << lines({"Negozio", "TOTALE | 12,00", "CONTANTI | 20,00", "RESTO | 8,00"}) << "cash";
    QTest::newRow("change alone means cash") << lines({"SHOP", "TOTAL | 12.00", "CHANGE | 8.00"}) << "cash";
    QTest::newRow("credit card") << lines({"SHOP", "TOTAL | 12.00", "VISA ****1234 | 12.00"}) << "credit_card";
    QTest::newRow("Spanish credit card") << lines({"Tienda", "TOTAL | 12,00", "TARJETA DE CREDITO | 12,00"})
                                         << "credit_card";
    QTest::newRow("German debit card") << lines({"Laden", "SUMME | 12,00", "EC-KARTE | 12,00"}) << "debit_card";
    QTest::newRow("Dutch PIN") << lines({"Winkel", "TOTAAL | 12,00", "PIN | 12,00"}) << "debit_card";
    QTest::newRow("contactless") << lines({"Laden", "SUMME | 12,00", "Kartenzahlung kontaktlos | 12,00"})
                                 << "contactless";
    QTest::newRow("mobile wallet") << lines({"SHOP", "TOTAL | 12.00", "APPLE PAY | 12.00"}) << "mobile";
    QTest::newRow("Malay e-wallet") << lines({"KEDAI", "JUMLAH | 12.00", "TOUCH N GO EWALLET | 12.00"}) << "mobile";
    QTest::newRow("plain card") << lines({"SHOP", "TOTAL | 12.00", "CARD | 12.00"}) << "card";
    QTest::newRow("voucher") << lines({"Laden", "SUMME | 12,00", "GUTSCHEIN | 12,00"}) << "voucher";
    QTest::newRow("transfer") << lines({"SHOP", "TOTAL | 12.00", "PAYMENT: BANK TRANSFER"}) << "transfer";
    QTest::newRow("none printed") << lines({"SHOP", "TOTAL | 12.00"}) << "";
    QTest::newRow("accepted cards are no payment")
        << lines({"SHOP", "TOTAL | 12.00", "WE ACCEPT VISA AND MASTERCARD"}) << "";
}

void TestReceiptParser::payments()
{
    QFETCH(QStringList, rows);
    QFETCH(QString, method);
    const ReceiptDraft draft = parse(rows);
    QCOMPARE(draft.paymentMethod, method);
    QCOMPARE(draft.has(field(ReceiptDraft::Payment)), !method.isEmpty());
}

// The store name: each row names the rule it covers. The rows below the name are the same for all.
void TestReceiptParser::merchants_data()
{
    QTest::addColumn<QStringList>("top");
    QTest::addColumn<QString>("merchant");
    QTest::newRow("first line") << lines({"BLUE HARBOUR CAFE", "12 HARBOUR ROAD"}) << "BLUE HARBOUR CAFE";
    QTest::newRow("skips the document title")
        << lines({"TAX INVOICE", "GREEN LEAF ENTERPRISE", "NO 3, JALAN MELUR"}) << "GREEN LEAF ENTERPRISE";
    QTest::newRow("skips a greeting") << lines({"WILLKOMMEN", "Edeka Markt Huber", "Hauptstr. 4"})
                                      << "Edeka Markt Huber";
    QTest::newRow("prefers a legal form over a person's name")
        << lines({"LIM AH KOW", "ACME TRADING SDN BHD", "(123456-X)"}) << "ACME TRADING SDN BHD";
    QTest::newRow("prefers a legal form over a brand line")
        << lines({"SUNNY SIDE", "DIMILIKI OLEH SUNNY FOODS SDN BHD", "LOT 5, JALAN RIA"})
        << "DIMILIKI OLEH SUNNY FOODS SDN BHD";
    QTest::newRow("a speck before a company name")
        << lines({"X UNIHAKKA INTERNATIONAL SDN BHD", "JALAN BESAR"}) << "UNIHAKKA INTERNATIONAL SDN BHD";
    QTest::newRow("lower-case specks beside an upper-case name")
        << lines({"GRANDMA HOMES RESTAURANT oo", "NO 5, JALAN RIA"}) << "GRANDMA HOMES RESTAURANT";
    QTest::newRow("punctuation before the name")
        << lines({"; TRI SHAAS SDN BHD", "JALAN BESAR"}) << "TRI SHAAS SDN BHD";
    QTest::newRow("short words of a name stay")
        << lines({"BHPETROL PERMAS JAYA 2", "JALAN PERMAS"}) << "BHPETROL PERMAS JAYA 2";
    QTest::newRow("a one-letter word of a mixed-case name stays")
        << lines({"A Taste of Home Sdn Bhd", "Jalan Ria"}) << "A Taste of Home Sdn Bhd";
    QTest::newRow("a name wrapped after &")
        << lines({"TED HENG STATIONERY &", "BOOKS", "NO. 53, JALAN BESAR"}) << "TED HENG STATIONERY & BOOKS";
    QTest::newRow("a misread SDN BHD") << lines({"NADEJE PLATINUM SON BHD", "JALAN BESAR"})
                                       << "NADEJE PLATINUM SDN BHD";
    QTest::newRow("a misread BHD") << lines({"BOOK TA .K (TAMAN DAYA) SDN 8HD", "JALAN BESAR"})
                                   << "BOOK TA .K (TAMAN DAYA) SDN BHD";
    QTest::newRow("a misread BHD after a glued SDN")
        << lines({"BOOK TA .K (TAMAN DAYA)SDN 8HD", "JALAN BESAR"}) << "BOOK TA .K (TAMAN DAYA) SDN BHD";
    QTest::newRow("registration number on the same line")
        << lines({"MEGA MART SDN BHD (654321-W)", "JALAN BESAR"}) << "MEGA MART SDN BHD";
    QTest::newRow("registration number in another column")
        << lines({"MEGA MART SDN BHD | (654321-W)", "JALAN BESAR"}) << "MEGA MART SDN BHD";
    QTest::newRow("branch after the legal form")
        << lines({"SUNNY BOOKS SDN BHD CITY MALL BRANCH", "LEVEL 2"}) << "SUNNY BOOKS SDN BHD";
    QTest::newRow("store number before the name")
        << lines({"#004512 MEGA MART SDN BHD", "JALAN BESAR"}) << "MEGA MART SDN BHD";
    QTest::newRow("short number is part of the name")
        << lines({"88 FRESH MART", "LOT 1, JALAN BARU"}) << "88 FRESH MART";
    QTest::newRow("legal form on the next line")
        << lines({"GOLDEN LOTUS", "TRADING SDN BHD", "CO NO 12345-A"}) << "GOLDEN LOTUS TRADING SDN BHD";
    QTest::newRow("name starting with its legal form")
        << lines({"PELANGI BOOK", "CO. (M) SDN BHD", "(CO. NO. 12345-W)"}) << "PELANGI BOOK CO. (M) SDN BHD";
    QTest::newRow("bracket closed on the next line")
        << lines({"SINAR HARDWARE ENTERPRISE (KL", "CENTRAL) SDN BHD", "NO 9, JALAN IPOH"})
        << "SINAR HARDWARE ENTERPRISE (KL CENTRAL) SDN BHD";
    QTest::newRow("kind of business on the next line")
        << lines({"RESTAURANT GOLDEN", "DRAGON HOUSE", "NO 9, JALAN IPOH"}) << "RESTAURANT GOLDEN DRAGON HOUSE";
    QTest::newRow("a complete name above is another name")
        << lines({"RIVERSIDE TEA & CO.", "BERJAYA SDN BHD", "LOT 2, JALAN TEPI"}) << "BERJAYA SDN BHD";
    QTest::newRow("a logo repeating the name is not joined")
        << lines({"BEAN", "BEAN SDN BHD", "LEVEL 1, CITY MALL"}) << "BEAN SDN BHD";
    QTest::newRow("German GmbH & Co. KG")
        << lines({"Metzgerei Huber GmbH & Co. KG", "Marktplatz 3", "80331 München"}) << "Metzgerei Huber GmbH & Co. KG";
    QTest::newRow("French SARL after the address")
        << lines({"BIENVENUE", "12 rue Victor Hugo", "69002 Lyon", "BOULANGERIE MARTIN SARL"})
        << "BOULANGERIE MARTIN SARL";
    QTest::newRow("sharp s before the legal form")
        << lines({"Großbäckerei Weiß GmbH Filiale Nord", "Hauptstr. 4"}) << "Großbäckerei Weiß GmbH";
    QTest::newRow("German abbreviated street is an address")
        << lines({"Hauptstr. 4", "Obsthof Lindner", "80331 München"}) << "Obsthof Lindner";
    QTest::newRow("Italian S.p.A.") << lines({"SUPERMERCATI VERDI S.p.A.", "Via Dante 5"})
                                    << "SUPERMERCATI VERDI S.p.A.";
    QTest::newRow("Dutch B.V., skips phone and web")
        << lines({"Tel. 020-1234567", "www.example.nl", "Groente & Fruit Jansen B.V."})
        << "Groente & Fruit Jansen B.V.";
    QTest::newRow("Spanish S.A.") << lines({"FACTURA SIMPLIFICADA", "ALIMENTACION GARCIA S.A.", "C/ Sol 2"})
                                  << "ALIMENTACION GARCIA S.A.";
}

void TestReceiptParser::merchants()
{
    QFETCH(QStringList, top);
    QFETCH(QString, merchant);
    QStringList rows = top;
    rows << lines(
        {"TEL: 03-2222 3333", "DATE: 01/02/2020 10:00", "ITEM | QTY | AMOUNT", "THING | 1 | 5.00", "TOTAL | 5.00"});
    const ReceiptDraft draft = parse(rows);
    QCOMPARE(draft.merchant, merchant);
    QVERIFY(draft.confidence(field(ReceiptDraft::Merchant)) > 0);
}

void TestReceiptParser::keywordRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("role");
    const QList<QPair<const char*, const char*>> rows {
        {"GRAND TOTAL", "total3"},
        {"TOTAL TTC", "total3"},
        {"ZU ZAHLEN", "total3"},
        {"IMPORTE TOTAL", "total3"},
        {"TOTALE COMPLESSIVO", "total3"},
        {"TOTAAL TE BETALEN", "total3"},
        {"JUMLAH BESAR", "total3"},
        {"ROUNDED TOTAL (RM):", "total3"},
        {"TOTAL", "total2"},
        {"SUMME", "total2"},
        {"JUMLAH", "total2"},
        {"ZWISCHENSUMME", "subtotal"},
        {"SOUS-TOTAL", "subtotal"},
        {"SUBTOTAAL", "subtotal"},
        {"JUMLAH KECIL", "subtotal"},
        {"TOTAL EXCL. VAT", "subtotal"},
        {"TOTAL HT", "subtotal"},
        {"MwSt 19%", "tax"},
        {"USt. 7 %", "tax"},
        {"TVA 20%", "tax"},
        {"IVA 21%", "tax"},
        {"BTW 9%", "tax"},
        {"GST @6%", "tax"},
        {"SST 6%", "tax"},
        {"TAX INVOICE", "none"},
        {"GST REG NO: 0012345", "none"},
        {"ROUNDING ADJ", "rounding"},
        {"RUNDUNG", "rounding"},
        {"ARRONDI", "rounding"},
        {"PEMBUNDARAN", "rounding"},
        {"CHANGE", "change"},
        {"BAKI", "change"},
        {"RÜCKGELD", "change"},
        {"RENDU MONNAIE", "change"},
        {"CAMBIO", "change"},
        {"WISSELGELD", "change"},
        {"TOTAL QTY:", "count"},
        {"TOTAL ITEMS", "count"},
        {"ANZAHL ARTIKEL", "count"},
        {"NB ARTICLES", "count"},
    };
    for (const auto& [text, role] : rows)
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromLatin1(role);
}

void TestReceiptParser::keywordRows()
{
    QFETCH(QString, text);
    QFETCH(QString, role);
    const RowKeywords k = classifyRow(foldText(text));
    QString got = QStringLiteral("none");
    if (k.count)
        got = QStringLiteral("count");
    else if (k.change)
        got = QStringLiteral("change");
    else if (k.rounding)
        got = QStringLiteral("rounding");
    else if (k.subtotal)
        got = QStringLiteral("subtotal");
    else if (k.tax)
        got = QStringLiteral("tax");
    else if (k.totalStrength >= 2)
        got = QStringLiteral("total") + QString::number(k.totalStrength);
    QCOMPARE(got, role);
}

void TestReceiptParser::consistentReadingIsMoreConfident()
{
    // Two readings of the same receipt: in the second the OCR misread the total (10.80 for 10.60).
    const QStringList consistent
        = lines({"SHOP SDN BHD", "DATE: 25/12/2018", "A | 4.00", "B | 6.00", "SUBTOTAL | 10.00", "SST 6% | 0.60",
                 "TOTAL | 10.60", "CASH | 20.00", "CHANGE | 9.40"});
    QStringList misread = consistent;
    misread[6] = QStringLiteral("TOTAL | 10.80");
    const ReceiptDraft good = parse(consistent);
    const ReceiptDraft bad = parse(misread);
    QCOMPARE(good.totalMinor, std::optional<qint64>(1060));
    QVERIFY2(good.confidence(field(ReceiptDraft::Total)) > bad.confidence(field(ReceiptDraft::Total)),
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(good.confidence(field(ReceiptDraft::Total)))
                            .arg(bad.confidence(field(ReceiptDraft::Total)))));
    // The subtotal (= the items) and the tax (= 6 % of it) still agree with each other in the misread.
    QVERIFY(good.confidence(field(ReceiptDraft::Subtotal)) >= bad.confidence(field(ReceiptDraft::Subtotal)));
    QVERIFY(good.confidence(field(ReceiptDraft::Tax)) >= bad.confidence(field(ReceiptDraft::Tax)));
    QVERIFY(good.confidence(field(ReceiptDraft::Total)) >= 0.7F);

    // A labelled, unambiguous date beats an unlabelled one whose day and month could be swapped.
    const ReceiptDraft clear = parse(lines({"SHOP", "DATE: 25/12/2018 10:00", "TOTAL | 1.00"}));
    const ReceiptDraft unclear = parse(lines({"SHOP", "04/05/2018", "TOTAL | 1.00"}));
    QVERIFY(clear.confidence(field(ReceiptDraft::Date)) > unclear.confidence(field(ReceiptDraft::Date)));
}

void TestReceiptParser::ocrConfidenceLowersFieldConfidence()
{
    const QStringList rows
        = lines({"SHOP SDN BHD", "DATE: 25/12/2018", "SUBTOTAL | 10.00", "TAX 6% | 0.60", "TOTAL | 10.60"});
    Layout sure;
    sure.confidence = 96;
    Layout unsure;
    unsure.confidence = 40;
    const ReceiptDraft a = parse(rows, "MYR", sure);
    const ReceiptDraft b = parse(rows, "MYR", unsure);
    QCOMPARE(a.totalMinor, b.totalMinor);
    for (const char* name : {ReceiptDraft::Total, ReceiptDraft::Date, ReceiptDraft::Merchant})
        QVERIFY2(a.confidence(field(name)) > b.confidence(field(name)), name);
}

void TestReceiptParser::sourcesPointAtTheText()
{
    Layout layout;
    layout.words = true;
    const ReceiptDraft draft
        = parse(lines({"SHOP SDN BHD", "DATE: 25/12/2018", "GRAND TOTAL RM 12.50"}), "MYR", layout);
    const ReceiptFieldSource total = draft.sources.value(field(ReceiptDraft::Total));
    QCOMPARE(total.page, 0);
    QCOMPARE(total.text, QStringLiteral("GRAND TOTAL RM 12.50"));
    // The row of the amount: y 100..123 in the test layout, from the label to the amount.
    QCOMPARE(total.box.top(), 100);
    QVERIFY(total.box.width() > 12 * 5);
    const ReceiptFieldSource date = draft.sources.value(field(ReceiptDraft::Date));
    QCOMPARE(date.box.top(), 60);
    QCOMPARE(date.text, QStringLiteral("DATE: 25/12/2018"));
    QCOMPARE(draft.sources.value(field(ReceiptDraft::Merchant)).box.top(), 20);
}

void TestReceiptParser::pdfTextOrigin()
{
    Layout layout;
    layout.source = QStringLiteral("pdf-text");
    layout.confidence = 100;
    const ReceiptDraft draft
        = parse(lines({"ONLINE SHOP GMBH", "Datum: 01.02.2024", "Summe | 19,99 €"}), "EUR", layout);
    QCOMPARE(draft.totalMinor, std::optional<qint64>(1999));
    QCOMPARE(draft.sources.value(field(ReceiptDraft::Total)).origin, QStringLiteral("pdf-text"));
    QCOMPARE(draft.sources.value(field(ReceiptDraft::Date)).origin, QStringLiteral("pdf-text"));
}

void TestReceiptParser::lineOnlyLabelAbove()
{
    // Lines without words, one per column, and a label whose amount is printed on the line below.
    const ReceiptDraft draft
        = parse(lines({"MAJU STATIONERY", "ROUNDED TOTAL (RM):", "9.00", "CASH", "10.00", "CHANGE", "1.00"}));
    QCOMPARE(draft.totalMinor, std::optional<qint64>(900));
    QCOMPARE(draft.sources.value(field(ReceiptDraft::Total)).text, QStringLiteral("9.00"));
}

void TestReceiptParser::unsureRegions()
{
    ReceiptParseOptions options;
    options.today = kToday;
    options.defaultCurrency = Currency::fromCode(u"MYR");
    const ReceiptParser parser(options);

    const OcrDocument sure = document(lines({"SHOP SDN BHD", "DATE: 25/12/2018 10:00", "SUBTOTAL | 10.00",
                                             "SST 6% | 0.60", "TOTAL | 10.60", "CASH | 20.00", "CHANGE | 9.40"}));
    QVERIFY(parser.unsureRegions(sure, parser.parse(sure)).isEmpty());

    // The date is unreadable and the total has no support: both regions are worth reading again.
    const OcrDocument unsure = document(lines({"SHOP", "DATE: 3l/O2/2Ol8", "THING | 4.20", "TOTAL | 7.90"}),
                                        Layout {60, false, QStringLiteral("tesseract")});
    const ReceiptDraft draft = parser.parse(unsure);
    QVERIFY(!draft.date.isValid());
    const QList<ReceiptParser::Region> regions = parser.unsureRegions(unsure, draft);
    bool dateRegion = false;
    bool totalRegion = false;
    for (const ReceiptParser::Region& region : regions) {
        QCOMPARE(region.page, 0);
        if (region.field == field(ReceiptDraft::Date) && region.box.contains(QPoint(30, 70)))
            dateRegion = true;
        if (region.field == field(ReceiptDraft::Total) && region.box.contains(QPoint(30, 140)))
            totalRegion = true;
        // The whole width of the page: the amount may be far right of its label.
        QCOMPARE(region.box.width(), 800);
    }
    QVERIFY(dateRegion);
    QVERIFY(totalRegion);
}

void TestReceiptParser::emptyDocument()
{
    const ReceiptDraft draft = parse({});
    QVERIFY(draft.merchant.isEmpty());
    QVERIFY(!draft.totalMinor);
    QVERIFY(!draft.date.isValid());
    QCOMPARE(draft.currency.code(), QStringLiteral("MYR"));
    QVERIFY(draft.items.isEmpty());
    const ReceiptDraft noise = parse(lines({"~~~", "|||", "12"}));
    QVERIFY(!noise.totalMinor);
}

void TestReceiptParser::parsesInParallel()
{
    // The parser is pure: one instance serves every worker thread with the same answers.
    ReceiptParseOptions options;
    options.today = kToday;
    options.defaultCurrency = Currency::fromCode(u"EUR");
    const ReceiptParser parser(options);
    const QList<OcrDocument> documents {
        document(lines({"Bäckerei Sonnenschein GmbH", "Datum: 03.03.2024", "Brot | 3,20", "Summe | 3,20"})),
        document(lines({"PANADERÍA LA ESPIGA S.L.", "Fecha: 05/06/2023", "Pan | 1,80", "TOTAL A PAGAR | 1,80"})),
        document(lines({"BAKKERIJ DE MOLEN B.V.", "7 maart 2022", "Brood | 2,95", "TOTAAL | 2,95"}))};
    QList<QByteArray> expected;
    for (const OcrDocument& d : documents)
        expected.append(QJsonDocument(parser.parse(d).toJson()).toJson());
    QList<int> jobs;
    for (int i = 0; i < 300; ++i)
        jobs.append(i);
    const QList<QByteArray> results = QtConcurrent::blockingMapped(
        jobs, [&](int i) { return QJsonDocument(parser.parse(documents.at(i % documents.size())).toJson()).toJson(); });
    for (int i = 0; i < jobs.size(); ++i)
        QCOMPARE(results.at(i), expected.at(i % documents.size()));
}

void TestReceiptParser::jsonRoundTrip()
{
    // A parsed draft and one with every field set by hand, including values JSON numbers cannot hold exactly.
    ReceiptDraft byHand;
    byHand.merchant = QStringLiteral("Café Zürich AG");
    byHand.date = QDate(2024, 2, 29);
    byHand.time = QTime(23, 59, 58, 120);
    byHand.totalMinor = 1234567;
    byHand.subtotalMinor = std::numeric_limits<qint64>::max();
    byHand.taxMinor = -5;
    byHand.currency = Currency::fromCode(u"CHF");
    byHand.paymentMethod = QStringLiteral("contactless");
    ReceiptItem item;
    item.description = QStringLiteral("Gipfeli");
    item.quantity = QStringLiteral("0.450");
    item.unitPriceMinor = 270;
    item.amountMinor = -122;
    item.source = {0.625F, QRect(1, 2, 3, 4), 1, QStringLiteral("ocr"), QStringLiteral("Gipfeli 1.22-")};
    byHand.items.append(item);
    ReceiptItem bare;
    bare.description = QStringLiteral("Bag");
    bare.amountMinor = 5;
    byHand.items.append(bare);
    byHand.sources.insert(field(ReceiptDraft::Total),
                          {0.3F, QRect(10, 20, 30, 40), 2, QStringLiteral("computed"), QStringLiteral("TOTAL 12.50")});
    byHand.sources.insert(field(ReceiptDraft::Merchant), {0.9F, QRect(), 0, QStringLiteral("qr"), QString()});
    byHand.codes = QJsonObject {{QStringLiteral("iban"), QStringLiteral("CH9300762011623852957")}};
    byHand.warnings = {QStringLiteral("items-do-not-add-up"), QStringLiteral("subtotal-tax-mismatch")};

    const ReceiptDraft parsed = parse(lines(
        {"CAFE ALPHA SDN BHD", "DATE: 25/12/2018 10:00", "LATTE | 2 | 9.50 | 19.00", "TOTAL | 19.00", "VISA | 19.00"}));
    for (const ReceiptDraft& draft : {byHand, parsed}) {
        const QByteArray text = QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact);
        const ReceiptDraft back = ReceiptDraft::fromJson(QJsonDocument::fromJson(text).object());
        QCOMPARE(back.merchant, draft.merchant);
        QCOMPARE(back.date, draft.date);
        QCOMPARE(back.time, draft.time);
        QCOMPARE(back.totalMinor, draft.totalMinor);
        QCOMPARE(back.subtotalMinor, draft.subtotalMinor);
        QCOMPARE(back.taxMinor, draft.taxMinor);
        QCOMPARE(back.currency, draft.currency);
        QCOMPARE(back.paymentMethod, draft.paymentMethod);
        QCOMPARE(back.items.size(), draft.items.size());
        for (int i = 0; i < draft.items.size(); ++i) {
            QCOMPARE(back.items.at(i).description, draft.items.at(i).description);
            QCOMPARE(back.items.at(i).quantity, draft.items.at(i).quantity);
            QCOMPARE(back.items.at(i).unitPriceMinor, draft.items.at(i).unitPriceMinor);
            QCOMPARE(back.items.at(i).amountMinor, draft.items.at(i).amountMinor);
            QCOMPARE(back.items.at(i).source.box, draft.items.at(i).source.box);
            QCOMPARE(back.items.at(i).source.confidence, draft.items.at(i).source.confidence);
        }
        QCOMPARE(back.sources.keys().size(), draft.sources.keys().size());
        for (auto it = draft.sources.cbegin(); it != draft.sources.cend(); ++it) {
            const ReceiptFieldSource source = back.sources.value(it.key());
            QCOMPARE(source.confidence, it.value().confidence);
            QCOMPARE(source.box, it.value().box);
            QCOMPARE(source.page, it.value().page);
            QCOMPARE(source.origin, it.value().origin);
            QCOMPARE(source.text, it.value().text);
        }
        QCOMPARE(back.codes, draft.codes);
        QCOMPARE(back.warnings, draft.warnings);
        // Writing it again gives the same JSON.
        QCOMPARE(back.toJson(), draft.toJson());
    }
    // Amounts are integers of minor units with the currency code beside them; dates ISO; boxes [x, y, w, h].
    const QJsonObject json = byHand.toJson();
    QCOMPARE(json.value(QStringLiteral("totalMinor")).toDouble(), 1234567.0);
    QCOMPARE(json.value(QStringLiteral("currency")).toString(), QStringLiteral("CHF"));
    QCOMPARE(json.value(QStringLiteral("date")).toString(), QStringLiteral("2024-02-29"));
    QCOMPARE(json.value(QStringLiteral("sources"))
                 .toObject()
                 .value(field(ReceiptDraft::Total))
                 .toObject()
                 .value(QStringLiteral("box")),
             QJsonValue(QJsonArray {10, 20, 30, 40}));
}

QTEST_GUILESS_MAIN(TestReceiptParser)
#include "tst_receiptparser.moc"
