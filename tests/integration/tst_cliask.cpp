#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// `moniagent ask` through the real binary: the answer as text and as JSON, exit codes 0 (answered) and 2 (empty or
// not understood).
class TestCliAsk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answersAsJson();
    void answersAsText();
    void notUnderstood();

private:
    using Run = Moniagent::Test::CliRun;
    Run run(const QStringList& arguments);

    QTemporaryDir m_dir;
    QString m_db;
};

TestCliAsk::Run TestCliAsk::run(const QStringList& arguments)
{
    return Moniagent::Test::runMoniagent(QStringLiteral(MONIAGENT_BINARY), m_db, arguments, m_dir.path());
}

void TestCliAsk::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"ask.sqlite"_s);
    const QList<QStringList> rows = {
        {u"4.50"_s, u"Corner Café"_s, u"2024-01-02"_s, u"Dining & Drinks"_s},
        {u"12.00"_s, u"Corner Café"_s, u"2024-01-20"_s, u"Dining & Drinks"_s},
        {u"30.25"_s, u"Fresh Market"_s, u"2024-01-21"_s, u"Groceries"_s},
        {u"7.75"_s, u"Corner Café"_s, u"2024-02-03"_s, u"Dining & Drinks"_s},
    };
    for (const QStringList& row : rows) {
        const Run r = run({u"add"_s, u"--amount"_s, row.at(0), u"--merchant"_s, row.at(1), u"--date"_s, row.at(2),
                           u"--category"_s, row.at(3)});
        QCOMPARE(r.code, 0);
    }
}

void TestCliAsk::answersAsJson()
{
    const Run r = run(
        {u"ask"_s, u"How much did I spend on eating out last month?"_s, u"--json"_s, u"--date"_s, u"2024-02-10"_s});
    QCOMPARE(r.code, 0);
    const QJsonObject answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(answer.value(u"understood").toBool(), qPrintable(r.out));
    const QJsonObject call = answer.value(u"toolCalls").toArray().first().toObject();
    QCOMPARE(call.value(u"tool").toString(), u"spending_summary"_s);
    QCOMPARE(call.value(u"arguments").toObject().value(u"from").toString(), u"2024-01-01"_s);
    QCOMPARE(call.value(u"arguments").toObject().value(u"to").toString(), u"2024-01-31"_s);
    const QJsonObject total = call.value(u"result").toObject().value(u"totals").toArray().first().toObject();
    QCOMPARE(total.value(u"minor").toInteger(), 1650); // 4.50 + 12.00, not February's 7.75
    QVERIFY(answer.value(u"text").toString().contains(total.value(u"text").toString()));
    QCOMPARE(answer.value(u"transactions").toObject().value(u"from").toString(), u"2024-01-01"_s);
    QVERIFY(!answer.value(u"table").toObject().value(u"rows").toArray().isEmpty());
}

void TestCliAsk::answersAsText()
{
    const Run r = run({u"ask"_s, u"top merchants in January 2024"_s});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 4, qPrintable(r.out)); // the sentence, the header and two merchants
    QVERIFY2(lines.at(0).contains(u"Fresh Market"_s), qPrintable(r.out));
    QVERIFY(lines.at(0).contains(u"30.25"_s));
    QVERIFY(!r.out.contains(u"**"_s));
    QVERIFY(lines.at(3).contains(u"Corner Café"_s));
    QVERIFY(lines.at(3).contains(u"16.50"_s));
}

void TestCliAsk::notUnderstood()
{
    Run r = run({u"ask"_s, u"Sing me a song"_s});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.contains(u"How much did I spend on groceries last month?"_s));
    r = run({u"ask"_s, u"Sing me a song"_s, u"--json"_s});
    QCOMPARE(r.code, 2);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"understood").toBool(true), false);
    r = run({u"ask"_s});
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
    r = run({u"ask"_s, u"how much last month"_s, u"--date"_s, u"never"_s});
    QCOMPARE(r.code, 2);
}

QTEST_GUILESS_MAIN(TestCliAsk)
#include "tst_cliask.moc"
