#include "mail/mimeparser.h"
#include "testresult.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

// MimeParser on the fixtures in tests/data/emails (written for these tests) and on messages built here.
class TestMimeParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alternativeQuotedPrintableAndBase64();
    void windows1252HeadersAndBody();
    void latin1HeadersAndBody();
    void wrongOrMissingCharsets();
    void raw8BitHeader();
    void attachmentsAndInlineImages();
    void forwardedMessage();
    void malformedInputIsAnError_data();
    void malformedInputIsAnError();
    void bareBodies();
    void largeAttachment();
    void parallelParsing();
    void damagedMessagesNeverCrash();

private:
    static QByteArray fixture(const QString& name);
    static Result<ParsedEmail> parseFixture(const QString& name) { return MimeParser::parse(fixture(name)); }
};

QByteArray TestMimeParser::fixture(const QString& name)
{
    QFile file(QStringLiteral(MONIAGENT_TEST_DATA_DIR "/emails/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

void TestMimeParser::alternativeQuotedPrintableAndBase64()
{
    const auto email = parseFixture(u"alternative-qp-base64.eml"_s);
    MONIAGENT_VERIFY_OK(email);
    QCOMPARE(email->subject, u"Your receipt from Lindenhof Café ☕"_s);
    QCOMPARE(email->fromName, u"Lindenhof Café"_s);
    QCOMPARE(email->fromAddress, u"receipts@lindenhof-cafe.example"_s);
    QCOMPARE(email->messageId, u"receipt-20417@lindenhof-cafe.example"_s);
    QCOMPARE(email->date, QDateTime(QDate(2024, 3, 12), QTime(11, 15), Qt::UTC));
    QVERIFY(email->to.contains(u"sam@example.org"_s));
    // Quoted-printable text part, decoded and in UTF-8.
    QVERIFY2(email->textBody.contains(u"Total                     €13.00"_s), qPrintable(email->textBody));
    QVERIFY(email->textBody.contains(u"Grüße aus Köln"_s));
    QVERIFY(!email->textBody.contains(u"=E2"_s));
    // Base64 HTML part, and its readable text: cells joined, hidden preview, script and style dropped.
    QVERIFY(email->htmlBody.contains(u"<table>"_s));
    QVERIFY2(email->htmlText.contains(u"Total | €13.00"_s), qPrintable(email->htmlText));
    QVERIFY(email->htmlText.contains(u"Café Lindenhof — Grüße aus Köln"_s));
    QVERIFY(!email->htmlText.contains(u"Preview"_s));
    QVERIFY(!email->htmlText.contains(u"not text"_s));
    QVERIFY(!email->htmlText.contains(u"padding"_s));
    QVERIFY(email->attachments.isEmpty());
    QCOMPARE(email->readableText(), email->textBody);
}

void TestMimeParser::windows1252HeadersAndBody()
{
    const auto email = parseFixture(u"german-receipt-cp1252.eml"_s);
    MONIAGENT_VERIFY_OK(email);
    QCOMPARE(email->subject, u"Ihre Bestellbestätigung – Bestellung 2024-4711"_s);
    QCOMPARE(email->fromName, u"Möbelhaus Sonnenschein"_s);
    QVERIFY2(email->textBody.contains(u"Gesamtbetrag                       1.234,56 €"_s), qPrintable(email->textBody));
    QVERIFY(email->textBody.contains(u"Mit freundlichen Grüßen"_s));
    QVERIFY(email->htmlBody.isEmpty());
}

void TestMimeParser::latin1HeadersAndBody()
{
    const auto email = parseFixture(u"french-receipt-latin1.eml"_s);
    MONIAGENT_VERIFY_OK(email);
    QCOMPARE(email->subject, u"Reçu de paiement à la boulangerie"_s);
    QVERIFY(email->textBody.contains(u"À bientôt !"_s));
    QCOMPARE(email->date, QDateTime(QDate(2024, 6, 21), QTime(7, 30), Qt::UTC));
}

void TestMimeParser::wrongOrMissingCharsets()
{
    // Declared UTF-8 but written in Latin-1: read as windows-1252.
    QCOMPARE(MimeParser::decodeText("caf\xe9 \x80 5", "utf-8"), u"café € 5"_s);
    // No charset: UTF-8 when the bytes are UTF-8, windows-1252 otherwise.
    QCOMPARE(MimeParser::decodeText("Gr\xc3\xbc\xc3\x9f"
                                    "e",
                                    ""),
             u"Grüße"_s);
    QCOMPARE(MimeParser::decodeText("Gr\xfc\xdf"
                                    "e",
                                    ""),
             u"Grüße"_s);
    // ISO-8859-1 labels with windows-1252 bytes (0x80–0x9F), an unknown label, and a real other charset.
    QCOMPARE(MimeParser::decodeText("\x93quoted\x94", "iso-8859-1"), u"“quoted”"_s);
    QCOMPARE(MimeParser::decodeText("plain \xc3\xa9", "x-unknown-charset"), u"plain é"_s);
    QCOMPARE(MimeParser::decodeText("\xd0\xd2\xc9\xd7\xc5\xd4", "koi8-r"), u"привет"_s);

    const QByteArray message
        = "From: Shop <shop@example.com>\r\nSubject: Test\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
          "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nPrice: 12,50 \x80\r\n";
    const auto email = MimeParser::parse(message);
    MONIAGENT_VERIFY_OK(email);
    QCOMPARE(email->textBody.trimmed(), u"Price: 12,50 €"_s);
}

void TestMimeParser::raw8BitHeader()
{
    const QByteArray message = "From: \"M\xc3\xbcller & S\xc3\xb6hne\" <info@mueller.example>\r\n"
                               "Subject: Ihre Bestellung \xc3\xbc"
                               "ber 20 \xe2\x82\xac\r\n\r\nHallo\r\n";
    const auto email = MimeParser::parse(message);
    MONIAGENT_VERIFY_OK(email);
    QCOMPARE(email->subject, u"Ihre Bestellung über 20 €"_s);
    QCOMPARE(email->fromName, u"Müller & Söhne"_s);
    QCOMPARE(email->fromAddress, u"info@mueller.example"_s);
    QVERIFY(!email->date.isValid());
    QCOMPARE(email->textBody.trimmed(), u"Hallo"_s);

    // A message saved from an mbox file starts with its "From " separator line.
    const auto mbox
        = MimeParser::parse("From shop@example.com Mon Jan  1 10:00:00 2024\nFrom: Shop <shop@example.com>\n"
                            "Subject: Receipt\n\nTotal 5.00\n");
    MONIAGENT_VERIFY_OK(mbox);
    QCOMPARE(mbox->subject, u"Receipt"_s);
    QCOMPARE(mbox->fromAddress, u"shop@example.com"_s);
}

void TestMimeParser::attachmentsAndInlineImages()
{
    const auto email = parseFixture(u"attachments.eml"_s);
    MONIAGENT_VERIFY_OK(email);
    QVERIFY2(email->htmlText.contains(u"Rechnungsbetrag: 42,00 €"_s), qPrintable(email->htmlText));
    QCOMPARE(email->attachments.size(), 3);
    const EmailAttachment& logo = email->attachments.at(0);
    QCOMPARE(logo.mimeType, u"image/png"_s);
    QVERIFY(logo.data.startsWith("\x89PNG"));
    QVERIFY(logo.isInline); // referenced by Content-ID from the HTML
    const EmailAttachment& pdf = email->attachments.at(1);
    QCOMPARE(pdf.fileName, u"Rechnung-2024-05.pdf"_s);
    QCOMPARE(pdf.mimeType, u"application/pdf"_s);
    QVERIFY(pdf.data.startsWith("%PDF-1.4"));
    QVERIFY(pdf.data.contains("%%EOF"));
    QVERIFY(!pdf.isInline);
    const EmailAttachment& photo = email->attachments.at(2);
    QCOMPARE(photo.fileName, u"Zählerstand.jpg"_s); // RFC 2231 file name
    QCOMPARE(photo.mimeType, u"image/jpeg"_s);
    QVERIFY(photo.data.startsWith("\xff\xd8"));
    QVERIFY(photo.isInline);
}

void TestMimeParser::forwardedMessage()
{
    const auto email = parseFixture(u"forwarded.eml"_s);
    MONIAGENT_VERIFY_OK(email);
    QCOMPARE(email->subject, u"Fwd: Your receipt"_s);
    QCOMPARE(email->fromAddress, u"sam@example.org"_s);
    const QString text = email->readableText();
    QVERIFY(text.contains(u"For the accounts, see below."_s));
    QVERIFY2(text.contains(u"From: Green Grocer Market <receipts@greengrocer.example>"_s), qPrintable(text));
    QVERIFY(text.contains(u"Subject: Your receipt"_s));
    // The forwarded message had HTML only: its text follows the summary.
    QVERIFY(text.contains(u"Amount paid | $7.70"_s));
    QVERIFY(email->htmlBody.contains(u"Green Grocer Market"_s));
    QVERIFY(email->attachments.isEmpty());
}

void TestMimeParser::malformedInputIsAnError_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank") << QByteArray("\r\n\r\n  \r\n");
    QTest::newRow("garbage") << fixture(u"garbage.eml"_s);
    QTest::newRow("truncated multipart") << fixture(u"truncated.eml"_s);
    QTest::newRow("no headers") << QByteArray("Dear customer, your total is $5.00\r\n");
    QTest::newRow("colon but no header") << QByteArray(": nothing\r\n\r\nbody");
}

void TestMimeParser::malformedInputIsAnError()
{
    QFETCH(QByteArray, raw);
    const auto email = MimeParser::parse(raw);
    QVERIFY(!email.ok());
    QCOMPARE(email.error().code, Error::Code::InvalidInput);
    QVERIFY(!email.error().message.isEmpty());
}

void TestMimeParser::bareBodies()
{
    // A bare HTML body: accepted by parseAny, not by parse.
    const QByteArray html = fixture(u"bare-receipt.html"_s);
    QVERIFY(!MimeParser::parse(html).ok());
    const auto email = MimeParser::parseAny(html);
    MONIAGENT_VERIFY_OK(email);
    QVERIFY(email->textBody.isEmpty());
    QVERIFY2(email->htmlText.contains(u"Total | $26.19"_s), qPrintable(email->htmlText));
    QVERIFY(email->htmlText.contains(u"© 2023 Lakeside Hardware Inc."_s));

    // Quoted-printable bodies saved without their headers, indented after every soft break.
    const QByteArray qp
        = "<div align=3D\"left\">Purcha=\n    se Date: 01/13/2023</div><div>Tot=\n    al: $10.0=\n    0 caf=C3=\n"
          "    =A9</div>";
    const ParsedEmail body = MimeParser::fromBareBody(qp);
    QCOMPARE(body.htmlText, u"Purchase Date: 01/13/2023\nTotal: $10.00 café"_s);

    // Plain text without headers stays text; binary data is refused.
    const auto text = MimeParser::parseAny("Your order is complete.\nOrder Total  $5.00 USD\n");
    MONIAGENT_VERIFY_OK(text);
    QVERIFY(text->htmlBody.isEmpty());
    QVERIFY(text->textBody.contains(u"Order Total  $5.00 USD"_s));
    QVERIFY(!MimeParser::parseAny(fixture(u"garbage.eml"_s)).ok());
    QVERIFY(!MimeParser::parseAny(QByteArray()).ok());

    // fromHtml takes the title as the subject.
    QCOMPARE(MimeParser::fromHtml(u"<title>Your receipt</title><p>x</p>"_s).subject, u"Your receipt"_s);
}

void TestMimeParser::largeAttachment()
{
    // 25 MB of random bytes, base64 in 76-character lines, generated here (not committed).
    QByteArray payload(25 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(7);
    generator.fillRange(reinterpret_cast<quint32*>(payload.data()), payload.size() / 4);
    const QByteArray encoded = payload.toBase64();
    QByteArray message = "From: Scanner <scan@example.com>\r\nSubject: Your invoice\r\nMIME-Version: 1.0\r\n"
                         "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                         "Invoice attached. Total: EUR 99.00\r\n--b\r\nContent-Type: application/pdf\r\n"
                         "Content-Disposition: attachment; filename=\"big.pdf\"\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\n";
    message.reserve(message.size() + encoded.size() + encoded.size() / 76 * 2 + 64);
    for (qsizetype at = 0; at < encoded.size(); at += 76) {
        message.append(encoded.constData() + at, std::min<qsizetype>(76, encoded.size() - at));
        message.append("\r\n");
    }
    message.append("--b--\r\n");

    QElapsedTimer timer;
    timer.start();
    const auto email = MimeParser::parse(message);
    const qint64 elapsed = timer.elapsed();
    MONIAGENT_VERIFY_OK(email);
    QCOMPARE(email->attachments.size(), 1);
    QCOMPARE(email->attachments.first().fileName, u"big.pdf"_s);
    QCOMPARE(email->attachments.first().data.size(), payload.size());
    QVERIFY(email->attachments.first().data == payload);
    QVERIFY(email->textBody.contains(u"Total: EUR 99.00"_s));
    // Linear work: a few hundred milliseconds even in a debug build; quadratic copying would take minutes.
    QVERIFY2(elapsed < 15000, qPrintable(u"%1 ms"_s.arg(elapsed)));
    qInfo("25 MB attachment parsed in %lld ms", elapsed);
}

void TestMimeParser::parallelParsing()
{
    // GMime is initialised once and each parse has its own parser: messages can be read on many threads at once.
    const QStringList names {u"alternative-qp-base64.eml"_s, u"german-receipt-cp1252.eml"_s, u"attachments.eml"_s,
                             u"forwarded.eml"_s, u"french-receipt-latin1.eml"_s};
    QList<QByteArray> messages;
    for (int i = 0; i < 40; ++i)
        messages.append(fixture(names.at(i % names.size())));
    const QList<QString> subjects = QtConcurrent::blockingMapped<QList<QString>>(messages, [](const QByteArray& raw) {
        const auto email = MimeParser::parse(raw);
        return email ? email->subject : QString();
    });
    for (int i = 0; i < subjects.size(); ++i)
        QCOMPARE(subjects.at(i), MimeParser::parse(messages.at(i))->subject);
    QCOMPARE(subjects.at(1), u"Ihre Bestellbestätigung – Bestellung 2024-4711"_s);
}

void TestMimeParser::damagedMessagesNeverCrash()
{
    // Every fixture cut at many places and with bytes overwritten: each read either succeeds or fails with a
    // message, and what succeeds has its text in valid UTF-16 (no lone surrogates from broken charsets).
    const QStringList names {u"alternative-qp-base64.eml"_s, u"attachments.eml"_s,     u"forwarded.eml"_s,
                             u"german-receipt-cp1252.eml"_s, u"schemaorg-order.eml"_s, u"bare-receipt.html"_s};
    QRandomGenerator generator(42);
    int reads = 0;
    for (const QString& name : names) {
        const QByteArray original = fixture(name);
        for (int cut = 1; cut < 30; ++cut) {
            QByteArray damaged = original.left(original.size() * cut / 30);
            if (cut % 3 == 0) {
                for (int i = 0; i < 20 && !damaged.isEmpty(); ++i)
                    damaged[generator.bounded(int(damaged.size()))] = char(generator.bounded(256));
            }
            const auto email = MimeParser::parseAny(damaged);
            ++reads;
            if (!email) {
                QVERIFY(!email.error().message.isEmpty());
                continue;
            }
            QVERIFY(email->readableText().isValidUtf16());
            QVERIFY(email->subject.isValidUtf16());
        }
    }
    QCOMPARE(reads, 6 * 29);
}

QTEST_GUILESS_MAIN(TestMimeParser)
#include "tst_mimeparser.moc"
