#include "mail/emailextractor.h"
#include "mail/mimeparser.h"
#include "testresult.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

// EmailExtractor on the fixtures of tests/data/emails and on emails built here: exact amounts in minor units,
// currency, merchant, date, kind and type, status, items.
class TestEmailExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void schemaOrgItems();
    void schemaOrgStatus();
    void heuristicItems();
    void skipped_data();
    void skipped();
    void amounts_data();
    void amounts();
    void fallbackCurrency();
    void subjectAmount();
    void dates();
    void merchants_data();
    void merchants();
    void failedWithoutAmount();
    void labelledTotalWithoutCueWords();
    void incomingTransfer();
    void stubTextPart();
    void readingToJson();
    void parallelExtraction();

private:
    static ParsedEmail fixture(const QString& name);
    static ParsedEmail email(const QString& subject, const QString& body, const QString& from = {});
};

ParsedEmail TestEmailExtractor::fixture(const QString& name)
{
    QFile file(QStringLiteral(MONIAGENT_TEST_DATA_DIR "/emails/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    auto parsed = MimeParser::parseAny(file.readAll());
    if (!parsed)
        qFatal("unreadable fixture %s", qPrintable(name));
    return *parsed;
}

ParsedEmail TestEmailExtractor::email(const QString& subject, const QString& body, const QString& from)
{
    ParsedEmail e;
    e.subject = subject;
    e.textBody = body;
    const qsizetype at = from.indexOf(u'<');
    e.fromName = at > 0 ? from.left(at).trimmed() : QString();
    e.fromAddress = at >= 0 ? from.mid(at + 1).chopped(1) : from;
    e.date = QDateTime(QDate(2024, 7, 1), QTime(12, 0), Qt::UTC);
    return e;
}

void TestEmailExtractor::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("merchant");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("method");
    const QDate none;
    QTest::newRow("multipart QP/base64, tip and subtotal")
        << u"alternative-qp-base64.eml"_s << u"SUCCESS"_s << u"purchase"_s << qint64(1300) << u"EUR"_s
        << u"Lindenhof Café"_s << QDate(2024, 3, 12) << u"heuristic"_s;
    QTest::newRow("German receipt 1.234,56 €")
        << u"german-receipt-cp1252.eml"_s << u"SUCCESS"_s << u"purchase"_s << qint64(123456) << u"EUR"_s
        << u"Möbelhaus Sonnenschein"_s << QDate(2024, 2, 5) << u"heuristic"_s;
    QTest::newRow("French Total TTC") << u"french-receipt-latin1.eml"_s << u"SUCCESS"_s << u"purchase"_s << qint64(2590)
                                      << u"EUR"_s << u"Boulangerie Dupont"_s << QDate(2024, 6, 21) << u"heuristic"_s;
    QTest::newRow("schema.org JSON-LD order")
        << u"schemaorg-order.eml"_s << u"SUCCESS"_s << u"purchase"_s << qint64(8997) << u"USD"_s
        << u"Northwind Outfitters"_s << QDate(2024, 4, 2) << u"schema.org"_s;
    QTest::newRow("microdata invoice") << u"microdata-invoice.eml"_s << u"SUCCESS"_s << u"purchase"_s << qint64(2400)
                                       << u"GBP"_s << u"Cloudly Hosting"_s << QDate(2024, 5, 1) << u"schema.org"_s;
    QTest::newRow("refund is income") << u"refund.eml"_s << u"SUCCESS"_s << u"refund"_s << qint64(1850) << u"USD"_s
                                      << u"Acme Books"_s << QDate(2024, 5, 16) << u"heuristic"_s;
    QTest::newRow("payout is income") << u"payout.eml"_s << u"SUCCESS"_s << u"payout"_s << qint64(25000) << u"EUR"_s
                                      << u"Maker Market"_s << QDate(2024, 6, 3) << u"heuristic"_s;
    QTest::newRow("card alert") << u"bank-alert.eml"_s << u"SUCCESS"_s << u"bank_movement"_s << qint64(6240) << u"CHF"_s
                                << u"Migros Zuerich"_s << QDate(2024, 3, 14) << u"heuristic"_s;
    QTest::newRow("invoice with PDF") << u"attachments.eml"_s << u"SUCCESS"_s << u"purchase"_s << qint64(4200)
                                      << u"EUR"_s << u"Stadtwerke Beispiel"_s << QDate(2024, 5, 10) << u"heuristic"_s;
    QTest::newRow("forwarded receipt") << u"forwarded.eml"_s << u"SUCCESS"_s << u"purchase"_s << qint64(770) << u"USD"_s
                                       << u"Green Grocer Market"_s << QDate(2024, 3, 9) << u"heuristic"_s;
    QTest::newRow("bare HTML body") << u"bare-receipt.html"_s << u"SUCCESS"_s << u"purchase"_s << qint64(2619)
                                    << u"USD"_s << u"Lakeside Hardware"_s << QDate(2023, 1, 13) << u"heuristic"_s;
    QTest::newRow("shipping notice") << u"shipping-notice.eml"_s << u"SKIPPED"_s << u"none"_s << qint64(-1) << QString()
                                     << u"Northwind Outfitters"_s << none << u"heuristic"_s;
    QTest::newRow("newsletter with prices") << u"newsletter.eml"_s << u"SKIPPED"_s << u"none"_s << qint64(-1)
                                            << QString() << u"Northwind Outfitters"_s << none << u"heuristic"_s;
}

void TestEmailExtractor::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, status);
    QFETCH(QString, kind);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, merchant);
    QFETCH(QDate, date);
    QFETCH(QString, method);
    const EmailReading reading = EmailExtractor(Currency::fromCode(u"JPY")).extract(fixture(file));
    QCOMPARE(EmailReading::statusKey(reading.status), status);
    QCOMPARE(EmailReading::kindKey(reading.kind), kind);
    QCOMPARE(reading.merchant, merchant);
    QCOMPARE(reading.method, method);
    if (minor < 0) {
        QVERIFY(!reading.amount);
        QVERIFY(!reading.reason.isEmpty());
        return;
    }
    QVERIFY(reading.amount);
    QCOMPARE(reading.amount->minor(), minor);
    QCOMPARE(reading.amount->currency().code(), currency);
    QCOMPARE(reading.date, date);
    const bool income = kind == u"refund" || kind == u"payout";
    QCOMPARE(reading.type, income ? TransactionType::Income : TransactionType::Expense);
    QVERIFY(reading.confidence >= 0.5 && reading.confidence <= 1.0);
}

void TestEmailExtractor::schemaOrgItems()
{
    const EmailReading reading = EmailExtractor().extract(fixture(u"schemaorg-order.eml"_s));
    QCOMPARE(reading.orderNumber, u"NW-88231"_s);
    QCOMPARE(reading.items.size(), 2);
    QCOMPARE(reading.items.at(0).name, u"Trail Jacket"_s);
    QCOMPARE(reading.items.at(0).quantity, 1);
    QCOMPARE(reading.items.at(0).amount, Money::fromMinor(6999, u"USD"));
    QCOMPARE(reading.items.at(1).name, u"Wool Socks"_s);
    QCOMPARE(reading.items.at(1).quantity, 2);
    QCOMPARE(reading.items.at(1).amount, Money::fromMinor(999, u"USD")); // a JSON number, read exactly
    QVERIFY(reading.confidence > 0.9);
}

void TestEmailExtractor::schemaOrgStatus()
{
    const auto withStatus = [](const QString& status) {
        ParsedEmail e;
        e.subject = u"Order update"_s;
        e.htmlBody = uR"(<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
            {"@type": "Order", "seller": "Kite Shop", "orderNumber": "K-9", "orderStatus": "https://schema.org/)"_s
            + status + uR"(", "totalPaymentDue": {"@type": "MonetaryAmount", "value": 120.5, "currency": "EUR"}}]}
            </script><p>Your order</p>)"_s;
        e.htmlText = u"Your order"_s;
        return EmailExtractor().extract(e);
    };
    const EmailReading delivered = withStatus(u"OrderDelivered"_s);
    QCOMPARE(delivered.status, EmailReading::Status::Success);
    QCOMPARE(delivered.amount, Money::fromMinor(12050, u"EUR"));
    QCOMPARE(delivered.merchant, u"Kite Shop"_s);
    const EmailReading returned = withStatus(u"OrderReturned"_s);
    QCOMPARE(returned.kind, EmailRecordKind::Refund);
    QCOMPARE(returned.type, TransactionType::Income);
    const EmailReading cancelled = withStatus(u"OrderCancelled"_s);
    QCOMPARE(cancelled.status, EmailReading::Status::Skipped);
    QCOMPARE(cancelled.orderNumber, u"K-9"_s);
}

void TestEmailExtractor::heuristicItems()
{
    const EmailReading german = EmailExtractor().extract(fixture(u"german-receipt-cp1252.eml"_s));
    QCOMPARE(german.orderNumber, u"2024-4711"_s);
    QCOMPARE(german.items.size(), 2);
    QCOMPARE(german.items.at(0).name, u"Eichentisch \"Nordlicht\""_s);
    QCOMPARE(german.items.at(0).amount, Money::fromMinor(110000, u"EUR"));
    QCOMPARE(german.items.at(1).name, u"Stuhl \"Fjord\""_s);
    QCOMPARE(german.items.at(1).quantity, 4);

    const EmailReading cafe = EmailExtractor().extract(fixture(u"alternative-qp-base64.eml"_s));
    QCOMPARE(cafe.items.size(), 2);
    QCOMPARE(cafe.items.at(0).name, u"Flat white"_s);
    QCOMPARE(cafe.items.at(0).quantity, 2);
    QCOMPARE(cafe.items.at(0).amount, Money::fromMinor(780, u"EUR"));

    // Table rows with a leading count; sentences with a price are no items.
    const EmailReading table = EmailExtractor().extract(
        email(u"Your order"_s,
              u"2 Blueberry Muffin | $6.30\nAdd a protection plan for $25.00\nWe donate $1.00 for every order\n"
              "1 24oz Iced Tea | $2.45\nSubtotal | $8.75\nTotal | $9.40"_s));
    QCOMPARE(table.amount, Money::fromMinor(940, u"USD"));
    QCOMPARE(table.items.size(), 2);
    QCOMPARE(table.items.at(0).name, u"Blueberry Muffin"_s);
    QCOMPARE(table.items.at(0).quantity, 2);
    QCOMPARE(table.items.at(0).amount, Money::fromMinor(630, u"USD"));
    QCOMPARE(table.items.at(1).name, u"24oz Iced Tea"_s);

    // A bank alert has no items.
    QVERIFY(EmailExtractor().extract(fixture(u"bank-alert.eml"_s)).items.isEmpty());
}

void TestEmailExtractor::skipped_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::newRow("password reset") << u"Reset your password"_s
                                    << u"Click the link to reset your password. Your plan costs $9.99 per month."_s;
    QTest::newRow("sign-in alert") << u"New sign-in to your account"_s << u"We noticed a new sign-in from Chrome."_s;
    QTest::newRow("marketing with prices")
        << u"Last chance: 30% off everything"_s << u"Shop now! Jackets from $49.99, boots $39.00. Unsubscribe"_s;
    QTest::newRow("dispatch notice") << u"Your parcel has been dispatched"_s
                                     << u"Track your package with tracking number 123456789."_s;
    QTest::newRow("German shipping notice")
        << u"Ihre Sendung ist unterwegs"_s << u"Ihre Bestellung wurde versandt. Sendungsverfolgung: 00340434"_s;
    QTest::newRow("reply about an invoice") << u"Re: Your invoice"_s << u"Thanks, I will pay it next week."_s;
    QTest::newRow("refund policy in a footer")
        << u"Hello from the team"_s << u"News of the month. Read our refund policy. Total 5 visits."_s;
    QTest::newRow("renewal reminder") << u"Your subscription will be renewed on 1 July for $9.99"_s
                                      << u"No action is needed. Amount: $9.99"_s;
    QTest::newRow("price drop") << u"Price drop: Trail Jacket now $59.99"_s << u"It was $89.00."_s;
    QTest::newRow("abandoned cart") << u"Still thinking it over?"_s
                                    << u"Items left in your cart: Rain Boots $47.20. Your cart is waiting."_s;
    QTest::newRow("nothing at all") << u"Lunch on Friday?"_s << u"Are you free at noon? Bring 2 friends."_s;
}

void TestEmailExtractor::skipped()
{
    QFETCH(QString, subject);
    QFETCH(QString, body);
    const EmailReading reading = EmailExtractor().extract(email(subject, body, u"Shop <news@shop.example>"_s));
    QCOMPARE(reading.status, EmailReading::Status::Skipped);
    QCOMPARE(reading.kind, EmailRecordKind::None);
    QVERIFY(!reading.amount);
    QVERIFY(!reading.reason.isEmpty());
}

void TestEmailExtractor::amounts_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::newRow("grand total beats subtotal") << u"Subtotal: $50.00\nDiscount: -$10.00\nShipping: $4.99\n"
                                                   "Sales tax: $3.20\nGrand total: $48.19\n"_s
                                                << qint64(4819) << u"USD"_s;
    QTest::newRow("total on the next line")
        << u"Item | £3.00\nOrder total\n£3.00\nVAT\n£0.50"_s << qint64(300) << u"GBP"_s;
    QTest::newRow("thousands and decimal comma")
        << u"Zwischensumme 1.000,00 EUR\nSumme 1.190,00 EUR"_s << qint64(119000) << u"EUR"_s;
    QTest::newRow("Swiss apostrophes") << u"Total CHF 1'250.50"_s << qint64(125050) << u"CHF"_s;
    QTest::newRow("code after the amount") << u"Amount paid 2,499.00 SEK"_s << qint64(249900) << u"SEK"_s;
    QTest::newRow("yen has no minor unit") << u"Total ¥1,200"_s << qint64(1200) << u"JPY"_s;
    QTest::newRow("you paid") << u"Items $20.00\nYou paid $21.50 with Visa"_s << qint64(2150) << u"USD"_s;
    QTest::newRow("Italian totale") << u"Subtotale 10,00 €\nIVA 2,20 €\nTotale 12,20 €"_s << qint64(1220) << u"EUR"_s;
    QTest::newRow("total incl. VAT") << u"Net amount £10.00\nVAT £2.00\nTotal (incl. VAT) £12.00"_s << qint64(1200)
                                     << u"GBP"_s;
    QTest::newRow("unlabelled single amount")
        << u"Thanks for your purchase of the e-book: €7.99."_s << qint64(799) << u"EUR"_s;
    QTest::newRow("Canadian dollars") << u"Total: $15.00 CAD"_s << qint64(1500) << u"CAD"_s;
}

void TestEmailExtractor::amounts()
{
    QFETCH(QString, body);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    const EmailReading reading
        = EmailExtractor(Currency::fromCode(u"EUR")).extract(email(u"Your receipt"_s, body, u"shop@shop.example"_s));
    QCOMPARE(reading.status, EmailReading::Status::Success);
    QVERIFY(reading.amount);
    QCOMPARE(reading.amount->minor(), minor);
    QCOMPARE(reading.amount->currency().code(), currency);
}

void TestEmailExtractor::fallbackCurrency()
{
    const ParsedEmail e = email(u"Your receipt"_s, u"Subtotal 10.00\nTotal 12.50"_s, u"shop@shop.example"_s);
    const EmailReading inPounds = EmailExtractor().extract(e, Currency::fromCode(u"GBP"));
    QCOMPARE(inPounds.amount, Money::fromMinor(1250, u"GBP"));
    const EmailReading inKwd = EmailExtractor(Currency::fromCode(u"KWD")).extract(e);
    QCOMPARE(inKwd.amount, Money::fromMinor(12500, u"KWD")); // three minor digits
    // A bare dollar sign follows a dollar fallback, else it is USD.
    const ParsedEmail dollars = email(u"Your receipt"_s, u"Total $8.00"_s, u"shop@shop.example"_s);
    QCOMPARE(EmailExtractor(Currency::fromCode(u"AUD")).extract(dollars).amount, Money::fromMinor(800, u"AUD"));
    QCOMPARE(EmailExtractor(Currency::fromCode(u"EUR")).extract(dollars).amount, Money::fromMinor(800, u"USD"));
}

void TestEmailExtractor::subjectAmount()
{
    const EmailReading reading
        = EmailExtractor().extract(email(u"You sent a payment of €25.00 to Jane Doe"_s, u"Details in your account."_s,
                                         u"Pay Service <service@payservice.example>"_s));
    QCOMPARE(reading.status, EmailReading::Status::Success);
    QCOMPARE(reading.amount, Money::fromMinor(2500, u"EUR"));
    QCOMPARE(reading.kind, EmailRecordKind::Purchase);
    QCOMPARE(reading.merchant, u"Pay Service"_s);
}

void TestEmailExtractor::dates()
{
    const EmailExtractor extractor;
    // The body's order date wins over the Date header; numeric dates read in the email's own order.
    QCOMPARE(extractor.extract(email(u"Receipt"_s, u"Order date: 03/04/2024\nTotal $5.00\nPaid 04/13/2024"_s)).date,
             QDate(2024, 3, 4));
    QCOMPARE(extractor.extract(email(u"Receipt"_s, u"Datum: 23.01.17\nSumme 5,00 €"_s)).date, QDate(2017, 1, 23));
    QCOMPARE(extractor.extract(email(u"Receipt"_s, u"Ordered on 5 March 2024\nTotal £5.00"_s)).date, QDate(2024, 3, 5));
    // Delivery and due dates are not the purchase date: the header's date is used.
    QCOMPARE(extractor.extract(email(u"Receipt"_s, u"Estimated delivery date: 10.07.2024\nTotal 5,00 €"_s)).date,
             QDate(2024, 7, 1));
}

void TestEmailExtractor::merchants_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("merchant");
    QTest::newRow("display name without noise")
        << u"Acme Store Team <no-reply@acme.example>"_s << u"Your receipt"_s << u"Total $5.00"_s << u"Acme Store"_s;
    QTest::newRow("via") << u"Black Cat Bakery via Squareup <receipts@squareup.example>"_s << u"Receipt"_s
                         << u"Total $5.00"_s << u"Black Cat Bakery"_s;
    QTest::newRow("sender domain") << u"orders@mail.riverside-books.co.uk"_s << u"Your receipt"_s << u"Total £5.00"_s
                                   << u"Riverside-books"_s;
    QTest::newRow("domain spelled in the text")
        << u"noreply@northwindtraders.example"_s << u"Your receipt"_s << u"Northwind Traders thanks you.\nTotal $5.00"_s
        << u"Northwind Traders"_s;
    QTest::newRow("thank you for shopping at")
        << u"Payments <pay@processor.example>"_s << u"Receipt"_s
        << u"Thank you for shopping at Corner Deli!\nTotal $5.00"_s << u"Corner Deli"_s;
    QTest::newRow("receipt from, subject")
        << u"Pay <pay@processor.example>"_s << u"Your receipt from Blue Bottle Coffee #1234"_s << u"Total $5.00"_s
        << u"Blue Bottle Coffee #1234"_s;
    QTest::newRow("German Bestellung bei") << u"shop@shop.example"_s << u"Bestellbestätigung"_s
                                           << u"Vielen Dank für Ihre Bestellung bei Kaffeerösterei Braun.\n"
                                              "Gesamtbetrag 12,00 €"_s
                                           << u"Kaffeerösterei Braun"_s;
    QTest::newRow("inline forward") << u"Me <me@example.org>"_s << u"Fwd: Your order"_s
                                    << u"---------- Forwarded message ---------\nFrom: Pixel Prints "
                                       "<orders@pixelprints.example>\nDate: Mon\n\nOrder total $12.00"_s
                                    << u"Pixel Prints"_s;
    QTest::newRow("copyright line") << QString() << u"Receipt"_s
                                    << u"Total $5.00\n© 2024 Harbor Outfitters, Inc. All rights reserved."_s
                                    << u"Harbor Outfitters"_s;
}

void TestEmailExtractor::merchants()
{
    QFETCH(QString, from);
    QFETCH(QString, subject);
    QFETCH(QString, body);
    QFETCH(QString, merchant);
    const EmailReading reading = EmailExtractor().extract(email(subject, body, from));
    QCOMPARE(reading.status, EmailReading::Status::Success);
    QCOMPARE(reading.merchant, merchant);
}

void TestEmailExtractor::failedWithoutAmount()
{
    const EmailReading reading = EmailExtractor().extract(
        email(u"Your invoice is ready"_s, u"Please log in to see your invoice."_s, u"billing@cloud.example"_s));
    QCOMPARE(reading.status, EmailReading::Status::Failed);
    QCOMPARE(reading.kind, EmailRecordKind::Purchase);
    QVERIFY(!reading.amount);
    QVERIFY(!reading.reason.isEmpty());
    QVERIFY(reading.confidence < 0.5);
}

void TestEmailExtractor::labelledTotalWithoutCueWords()
{
    // A ride receipt says neither "receipt" nor "order": its labelled total with a currency makes it a purchase.
    const EmailReading ride = EmailExtractor().extract(email(u"Your Tuesday evening trip"_s,
                                                             u"Trip fare | CHF 21.90\nBooking fee | CHF 1.50\n"
                                                             "Total | CHF 23.40"_s,
                                                             u"Rides <noreply@rides.example>"_s));
    QCOMPARE(ride.status, EmailReading::Status::Success);
    QCOMPARE(ride.kind, EmailRecordKind::Purchase);
    QCOMPARE(ride.amount, Money::fromMinor(2340, u"CHF"));
    QVERIFY(ride.confidence < 0.9);
    // A bare amount without label, currency or cue is nothing.
    const EmailReading note = EmailExtractor().extract(email(u"Hello"_s, u"See you at 12.30 tomorrow"_s));
    QCOMPARE(note.status, EmailReading::Status::Skipped);
}

void TestEmailExtractor::incomingTransfer()
{
    const EmailReading reading = EmailExtractor().extract(
        email(u"You've received money"_s,
              u"Your account ending 4321 has been credited with EUR 1,500.00 from ACME GmbH on 03.06.2024."_s,
              u"Bank Alerts <alerts@bank.example>"_s));
    QCOMPARE(reading.status, EmailReading::Status::Success);
    QCOMPARE(reading.type, TransactionType::Income);
    QCOMPARE(reading.amount, Money::fromMinor(150000, u"EUR"));
    QCOMPARE(reading.merchant, u"ACME GmbH"_s);
    QCOMPARE(reading.date, QDate(2024, 6, 3));
}

void TestEmailExtractor::stubTextPart()
{
    // The text/plain part only points to the HTML, which holds the receipt.
    ParsedEmail e = email(u"Your receipt"_s, u"View this email in your browser."_s, u"Shop <shop@shop.example>"_s);
    e.htmlText = u"Thanks for your order!\nItem | Lamp | €30.00\nShipping | €4.90\nOrder total | €34.90\n"
                 "Questions? Write to us any time, we answer within a day."_s;
    const EmailReading reading = EmailExtractor().extract(e);
    QCOMPARE(reading.status, EmailReading::Status::Success);
    QCOMPARE(reading.amount, Money::fromMinor(3490, u"EUR"));
}

void TestEmailExtractor::readingToJson()
{
    QCOMPARE(EmailExtractor::version(), 1);
    const EmailReading reading = EmailExtractor().extract(fixture(u"schemaorg-order.eml"_s));
    const QJsonObject json = reading.toJson();
    QCOMPARE(json.value(u"status").toString(), u"SUCCESS"_s);
    QCOMPARE(json.value(u"kind").toString(), u"purchase"_s);
    QCOMPARE(json.value(u"type").toString(), u"expense"_s);
    QCOMPARE(json.value(u"merchant").toString(), u"Northwind Outfitters"_s);
    QCOMPARE(json.value(u"date").toString(), u"2024-04-02"_s);
    QCOMPARE(json.value(u"orderNumber").toString(), u"NW-88231"_s);
    QCOMPARE(json.value(u"method").toString(), u"schema.org"_s);
    const QJsonObject amount = json.value(u"amount").toObject();
    QCOMPARE(amount.value(u"minor").toInteger(), 8997);
    QCOMPARE(amount.value(u"currency").toString(), u"USD"_s);
    QCOMPARE(amount.value(u"text").toString(), u"89.97"_s);
    QCOMPARE(json.value(u"items").toArray().size(), 2);
    QCOMPARE(json.value(u"items").toArray().at(1).toObject().value(u"quantity").toInt(), 2);

    const QJsonObject skipped = EmailExtractor().extract(fixture(u"shipping-notice.eml"_s)).toJson();
    QCOMPARE(skipped.value(u"status").toString(), u"SKIPPED"_s);
    QVERIFY(skipped.value(u"amount").isNull());
    QVERIFY(!skipped.value(u"reason").toString().isEmpty());
}

void TestEmailExtractor::parallelExtraction()
{
    // One extractor serves many threads: the same readings as one after the other.
    const QStringList names {u"alternative-qp-base64.eml"_s,
                             u"german-receipt-cp1252.eml"_s,
                             u"schemaorg-order.eml"_s,
                             u"microdata-invoice.eml"_s,
                             u"refund.eml"_s,
                             u"bank-alert.eml"_s,
                             u"newsletter.eml"_s,
                             u"bare-receipt.html"_s};
    QList<ParsedEmail> emails;
    for (int i = 0; i < 64; ++i)
        emails.append(fixture(names.at(i % names.size())));
    const EmailExtractor extractor;
    const QList<QJsonObject> parallel = QtConcurrent::blockingMapped<QList<QJsonObject>>(
        emails, [&extractor](const ParsedEmail& e) { return extractor.extract(e).toJson(); });
    for (qsizetype i = 0; i < emails.size(); ++i)
        QCOMPARE(parallel.at(i), extractor.extract(emails.at(i)).toJson());
}

QTEST_GUILESS_MAIN(TestEmailExtractor)
#include "tst_emailextractor.moc"
