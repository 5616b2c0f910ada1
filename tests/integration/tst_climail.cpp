#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// `moniagent mail extract` through the real binary: JSON with exactly the documented keys, text lines, bare HTML
// bodies, exit code 0 when every file was read (even skipped ones), 2 for unreadable or malformed input, and no
// database created or touched.
class TestCliMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void extractJson();
    void extractText();
    void malformedInputExitsTwo();
    void usageErrors();

private:
    using Run = Moniagent::Test::CliRun;
    Run run(const QStringList& arguments);
    static QString fixture(const QString& name) { return QStringLiteral(MONIAGENT_EMAIL_DIR "/") + name; }

    QTemporaryDir m_dir;
    QString m_db;
};

TestCliMail::Run TestCliMail::run(const QStringList& arguments)
{
    return Moniagent::Test::runMoniagent(QStringLiteral(MONIAGENT_BINARY), m_db, arguments, m_dir.path());
}

void TestCliMail::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"mail.sqlite"_s);
}

void TestCliMail::extractJson()
{
    const Run r
        = run({u"mail"_s, u"extract"_s, fixture(u"german-receipt-cp1252.eml"_s), fixture(u"refund.eml"_s),
               fixture(u"newsletter.eml"_s), fixture(u"bare-receipt.html"_s), u"--json"_s, u"--currency"_s, u"CHF"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(entries.size(), 4);
    const QStringList keys {u"amount"_s, u"currency"_s, u"date"_s,   u"file"_s,
                            u"items"_s,  u"merchant"_s, u"status"_s, u"type"_s};
    for (const QJsonValue& entry : entries)
        QCOMPARE(entry.toObject().keys(), keys);

    const QJsonObject german = entries.at(0).toObject();
    QCOMPARE(german.value(u"file").toString(), fixture(u"german-receipt-cp1252.eml"_s));
    QCOMPARE(german.value(u"status").toString(), u"SUCCESS"_s);
    QCOMPARE(german.value(u"merchant").toString(), u"Möbelhaus Sonnenschein"_s);
    QCOMPARE(german.value(u"amount").toString(), u"1234.56"_s);
    QCOMPARE(german.value(u"currency").toString(), u"EUR"_s);
    QCOMPARE(german.value(u"date").toString(), u"2024-02-05"_s);
    QCOMPARE(german.value(u"type").toString(), u"expense"_s);
    const QJsonArray items = german.value(u"items").toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(1).toObject().value(u"name").toString(), u"Stuhl \"Fjord\""_s);
    QCOMPARE(items.at(1).toObject().value(u"quantity").toInt(), 4);

    const QJsonObject refund = entries.at(1).toObject();
    QCOMPARE(refund.value(u"amount").toString(), u"18.50"_s);
    QCOMPARE(refund.value(u"currency").toString(), u"USD"_s);
    QCOMPARE(refund.value(u"type").toString(), u"income"_s);

    const QJsonObject newsletter = entries.at(2).toObject();
    QCOMPARE(newsletter.value(u"status").toString(), u"SKIPPED"_s);
    QVERIFY(newsletter.value(u"amount").isNull());
    QVERIFY(newsletter.value(u"type").isNull());

    const QJsonObject bare = entries.at(3).toObject();
    QCOMPARE(bare.value(u"status").toString(), u"SUCCESS"_s);
    QCOMPARE(bare.value(u"amount").toString(), u"26.19"_s);
    QCOMPARE(bare.value(u"merchant").toString(), u"Lakeside Hardware"_s);
    QCOMPARE(bare.value(u"date").toString(), u"2023-01-13"_s);

    // Reading files needs no database: none was created.
    QVERIFY(!QFile::exists(m_db));
}

void TestCliMail::extractText()
{
    const Run r = run({u"mail"_s, u"extract"_s, fixture(u"payout.eml"_s), fixture(u"shipping-notice.eml"_s)});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).contains(u"SUCCESS"_s) && lines.at(0).contains(u"Maker Market"_s)
                 && lines.at(0).contains(u"250.00 EUR"_s) && lines.at(0).contains(u"2024-06-03"_s)
                 && lines.at(0).contains(u"income"_s),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(u"SKIPPED"_s) && lines.at(1).contains(u"shipping"_s), qPrintable(lines.at(1)));
}

void TestCliMail::malformedInputExitsTwo()
{
    const QString missing = m_dir.filePath(u"missing.eml"_s);
    const Run r = run({u"mail"_s, u"extract"_s, fixture(u"refund.eml"_s), fixture(u"garbage.eml"_s),
                       fixture(u"truncated.eml"_s), missing, u"--json"_s});
    QCOMPARE(r.code, 2);
    // The readable file is still reported; each bad one gets a FAILED entry and a line on stderr.
    const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(0).toObject().value(u"status").toString(), u"SUCCESS"_s);
    for (int i = 1; i < 4; ++i)
        QCOMPARE(entries.at(i).toObject().value(u"status").toString(), u"FAILED"_s);
    QVERIFY2(r.err.contains(u"garbage.eml: This is neither an email"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"truncated.eml: The email is truncated"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"missing.eml: cannot be read"_s), qPrintable(r.err));
}

void TestCliMail::usageErrors()
{
    Run r = run({u"mail"_s, u"extract"_s});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(u"at least one email file"_s));
    r = run({u"mail"_s});
    QCOMPARE(r.code, 2);
    r = run({u"mail"_s, u"bogus"_s, fixture(u"refund.eml"_s)});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(u"not a mail subcommand"_s));
    r = run({u"mail"_s, u"extract"_s, fixture(u"refund.eml"_s), u"--currency"_s, u"money"_s});
    QCOMPARE(r.code, 2);
    r = run({u"mail"_s, u"--help"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(u"extract"_s));
}

QTEST_GUILESS_MAIN(TestCliMail)
#include "tst_climail.moc"
