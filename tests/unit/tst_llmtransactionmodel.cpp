#include "db/llmtransactionrepository.h"
#include "itemmodels/llmtransactionmodel.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Moniagent;

// The cost of a model call in micro-units, formatted as money, and the usage item model.
class TestLlmTransactionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatCost_data();
    void formatCost();
    void model();
};

void TestLlmTransactionModel::formatCost_data()
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale german(QLocale::German, QLocale::Germany);
    const QChar nbsp(0x00A0);
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("USD") << english << QStringLiteral("$0.00");
    QTest::newRow("one micro") << qint64(1) << QStringLiteral("USD") << english << QStringLiteral("$0.000001");
    QTest::newRow("fraction of a cent") << qint64(1234) << QStringLiteral("USD") << english
                                        << QStringLiteral("$0.001234");
    QTest::newRow("trailing zeros trimmed")
        << qint64(390) << QStringLiteral("USD") << english << QStringLiteral("$0.00039");
    QTest::newRow("whole cents") << qint64(1'500'000) << QStringLiteral("USD") << english << QStringLiteral("$1.50");
    QTest::newRow("grouped") << qint64(1'234'567'890'123) << QStringLiteral("USD") << english
                             << QStringLiteral("$1,234,567.890123");
    QTest::newRow("yen has no minor unit")
        << qint64(2500) << QStringLiteral("JPY") << english << QStringLiteral("¥0.0025");
    QTest::newRow("whole yen") << qint64(3'000'000) << QStringLiteral("JPY") << english << QStringLiteral("¥3");
    QTest::newRow("three-digit currency") << qint64(1'234'500) << QStringLiteral("KWD") << german
                                          << QString(QStringLiteral("1,2345") + nbsp + QStringLiteral("KWD"));
    QTest::newRow("german euro") << qint64(1'234'567) << QStringLiteral("EUR") << german
                                 << QString(QStringLiteral("1,234567") + nbsp + QStringLiteral("€"));
    QTest::newRow("not a currency") << qint64(1'500'000) << QStringLiteral("X1") << english
                                    << QString(QStringLiteral("1.5") + nbsp + QStringLiteral("X1"));
}

void TestLlmTransactionModel::formatCost()
{
    QFETCH(qint64, micros);
    QFETCH(QString, currency);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    QCOMPARE(LlmTransaction::formatCost(micros, currency, locale), expected);
}

void TestLlmTransactionModel::model()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    LlmTransactionRepository repo(db.database());
    auto add = [&](qint64 user, const QString& model, qint64 micros, const QString& currency, int day) {
        LlmTransaction t;
        t.provider = QStringLiteral("openai");
        t.modelName = model;
        t.inputTokens = 12345;
        t.outputTokens = 55;
        t.estimatedCostMicros = micros;
        t.costCurrency = currency;
        t.latencyMs = 1500;
        t.createdAt = QDateTime(QDate(2026, 11, day), QTime(12, 0), Qt::UTC);
        return bool(repo.add(user, t));
    };
    QVERIFY(add(alice, QStringLiteral("older"), 1234, QStringLiteral("USD"), 1));
    QVERIFY(add(alice, QStringLiteral("newer"), 2'500'000, QStringLiteral("EUR"), 2));
    QVERIFY(add(bob, QStringLiteral("bob's"), 99, QStringLiteral("USD"), 3));

    LlmTransactionModel model(db.database()->connection(), alice);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    model.setLocale(english);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.userId(), alice);
    QCOMPARE(model.rowCount(), 2);
    const int name = model.fieldIndex(QStringLiteral("model_name"));
    const int cost = model.fieldIndex(QStringLiteral("estimated_cost"));
    const int input = model.fieldIndex(QStringLiteral("input_tokens"));
    const int created = model.fieldIndex(QStringLiteral("created_at"));
    QCOMPARE(model.data(model.index(0, name)).toString(), QStringLiteral("newer")); // newest first
    QCOMPARE(model.data(model.index(0, cost)).toString(), QStringLiteral("€2.50"));
    QCOMPARE(model.data(model.index(1, cost)).toString(), QStringLiteral("$0.001234"));
    QCOMPARE(model.data(model.index(1, cost), ScopedSqlTableModel::RawValueRole).toLongLong(), 1234);
    QCOMPARE(model.data(model.index(1, cost), Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(model.data(model.index(1, input)).toString(), QStringLiteral("12,345"));
    QCOMPARE(
        model.data(model.index(1, created)).toString(),
        english.toString(QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.headerData(cost, Qt::Horizontal).toString(), QStringLiteral("Estimated cost"));

    // The cost follows the model's locale like every other column.
    const QLocale german(QLocale::German, QLocale::Germany);
    model.setLocale(german);
    QCOMPARE(model.locale(), german);
    QCOMPARE(model.data(model.index(1, cost)).toString(), LlmTransaction::formatCost(1234, u"USD", german));
    QVERIFY(model.data(model.index(1, cost)).toString().startsWith(QStringLiteral("0,001234")));

    model.setFilter(QStringLiteral("1 = 1 OR user_id = %1").arg(bob));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestLlmTransactionModel)
#include "tst_llmtransactionmodel.moc"
