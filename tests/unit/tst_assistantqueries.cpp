#include "db/assistantqueries.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Moniagent;
using Test::TestDatabase;

// The merchant sums and repeated charges are added up in C++ (faster than SQLite's GROUP BY on text); they must
// say exactly what a GROUP BY over the ledger says, for every user, window and merchant spelling.
class TestAssistantQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void merchantTotalsMatchGroupBy_data();
    void merchantTotalsMatchGroupBy();
    void repeatedChargesMatchGroupBy_data();
    void repeatedChargesMatchGroupBy();
    void followsChanges();

private:
    using MerchantSum = std::tuple<QString, QString, QString, qint64, qint64>; // merchant, currency, type, sum, n
    QList<MerchantSum> merchantTotals(qint64 user, const TransactionFilter& filter) const;
    QList<MerchantSum> referenceTotals(qint64 user, const TransactionFilter& filter) const;
    QStringList repeatedCharges(qint64 user, const DateRange& range, int minCount, int maxCount) const;
    QStringList referenceCharges(qint64 user, const DateRange& range, int minCount, int maxCount) const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TransactionRepository> m_transactions;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    qint64 m_groceries = 0;
};

void TestAssistantQueries::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice > 0 && m_bob > 0);
    m_groceries = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    QVERIFY(m_groceries > 0);
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    // Spellings that differ only in case or accents are different merchants; '' is no merchant at all.
    const QStringList merchants {QStringLiteral("Tesco"),      QStringLiteral("TESCO"),      QStringLiteral("tesco"),
                                 QStringLiteral("Café Rouge"), QStringLiteral("Cafe Rouge"), QStringLiteral("Netflix"),
                                 QStringLiteral("Spotify"),    QStringLiteral(""),           QStringLiteral("Gym 24"),
                                 QStringLiteral("Landlord"),   QStringLiteral("Zoë's")};
    const QStringList currencies {QStringLiteral("EUR"), QStringLiteral("EUR"), QStringLiteral("USD")};
    QRandomGenerator random(20261122);
    for (qint64 user : {m_alice, m_bob}) {
        QList<Transaction> rows;
        const qint64 groceries = m_db->categoryId(user, QStringLiteral("Groceries"));
        for (int i = 0; i < 1500; ++i) {
            const QString merchant = merchants.at(random.bounded(int(merchants.size())));
            const QDate date = QDate(2024, 1, 1).addDays(random.bounded(3 * 365));
            const QString currency = currencies.at(random.bounded(int(currencies.size())));
            const qint64 minor = 1 + random.bounded(20000);
            Transaction t = random.bounded(6) == 0 ? TestDatabase::income(minor, merchant, date, currency)
                                                   : TestDatabase::expense(minor, merchant, date, currency);
            if (random.bounded(2) == 0)
                t.categoryId = groceries;
            rows << t;
        }
        // Monthly charges, one doubled on its day, and a weekly one.
        for (int month = 0; month < 14; ++month) {
            rows << TestDatabase::expense(999, QStringLiteral("StreamCo"), QDate(2025, 10, 5).addMonths(month));
            if (month == 4)
                rows << TestDatabase::expense(500, QStringLiteral("StreamCo"), QDate(2025, 10, 5).addMonths(month));
        }
        for (int week = 0; week < 30; ++week)
            rows << TestDatabase::expense(350, QStringLiteral("Coffee Club"), QDate(2026, 4, 6).addDays(7 * week));
        QVERIFY(m_transactions->addMany(user, rows));
    }
}

QList<TestAssistantQueries::MerchantSum> TestAssistantQueries::merchantTotals(qint64 user,
                                                                              const TransactionFilter& filter) const
{
    auto rows = AssistantQueries(m_db->database()).totals(user, filter, AggregateGroup::Merchant);
    if (!rows) {
        qWarning() << rows.error().toString();
        return {};
    }
    QList<MerchantSum> list;
    for (const AggregateRow& row : std::as_const(*rows)) {
        if (row.categoryId || !row.month.isEmpty())
            qWarning() << "a merchant row with a category or month";
        list << MerchantSum {row.merchant, row.currency, TransactionEnums::key(row.type), row.amountMinor, row.count};
    }
    std::sort(list.begin(), list.end());
    return list;
}

// What SQLite's GROUP BY says.
QList<TestAssistantQueries::MerchantSum> TestAssistantQueries::referenceTotals(qint64 user,
                                                                               const TransactionFilter& filter) const
{
    QString sql = QStringLiteral("SELECT merchant_name, currency, type, sum(amount_minor), count(*) FROM "
                                 "transactions WHERE user_id = ? AND merchant_name <> ''");
    QVariantList params {user};
    if (filter.dates.from.isValid()) {
        sql += QStringLiteral(" AND occurred_on >= ?");
        params << Sql::isoDate(filter.dates.from);
    }
    if (filter.dates.to.isValid()) {
        sql += QStringLiteral(" AND occurred_on <= ?");
        params << Sql::isoDate(filter.dates.to);
    }
    if (filter.type) {
        sql += QStringLiteral(" AND type = ?");
        params << TransactionEnums::key(*filter.type);
    }
    if (!filter.categoryIds.isEmpty()) {
        sql += QStringLiteral(" AND category_id = ?");
        params << filter.categoryIds.first();
    }
    sql += QStringLiteral(" GROUP BY merchant_name, currency, type");
    auto query = Sql::exec(m_db->database()->connection(), sql, params);
    QList<MerchantSum> list;
    while (query && query->next()) {
        list << MerchantSum {query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                             query->value(3).toLongLong(), query->value(4).toLongLong()};
    }
    std::sort(list.begin(), list.end());
    return list;
}

void TestAssistantQueries::merchantTotalsMatchGroupBy_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<bool>("expensesOnly");
    QTest::addColumn<bool>("groceries");
    QTest::newRow("all time, both directions") << QDate() << QDate() << false << false;
    QTest::newRow("a year of expenses") << QDate(2025, 1, 1) << QDate(2025, 12, 31) << true << false;
    QTest::newRow("odd days") << QDate(2024, 3, 17) << QDate(2026, 2, 3) << true << false;
    QTest::newRow("one category") << QDate(2025, 6, 1) << QDate(2026, 5, 31) << true << true;
    QTest::newRow("nothing in the window") << QDate(2030, 1, 1) << QDate(2030, 12, 31) << true << false;
}

void TestAssistantQueries::merchantTotalsMatchGroupBy()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(bool, expensesOnly);
    QFETCH(bool, groceries);
    TransactionFilter filter;
    filter.dates = {from, to};
    if (expensesOnly)
        filter.type = TransactionType::Expense;
    for (qint64 user : {m_alice, m_bob}) {
        if (groceries)
            filter.categoryIds = {m_db->categoryId(user, QStringLiteral("Groceries"))};
        const auto expected = referenceTotals(user, filter);
        const auto actual = merchantTotals(user, filter);
        QCOMPARE(actual, expected);
        if (from.year() < 2030) {
            QVERIFY(expected.size() >= 8);
            // The spellings stay apart.
            QVERIFY(std::any_of(actual.cbegin(), actual.cend(),
                                [](const MerchantSum& s) { return std::get<0>(s) == QLatin1String("TESCO"); }));
            QVERIFY(std::any_of(actual.cbegin(), actual.cend(),
                                [](const MerchantSum& s) { return std::get<0>(s) == QLatin1String("tesco"); }));
        } else {
            QVERIFY(actual.isEmpty());
        }
    }
}

QStringList TestAssistantQueries::repeatedCharges(qint64 user, const DateRange& range, int minCount, int maxCount) const
{
    auto list = AssistantQueries(m_db->database()).repeatedCharges(user, range, minCount, maxCount);
    if (!list) {
        qWarning() << list.error().toString();
        return {QStringLiteral("failed")};
    }
    QStringList lines;
    for (const MerchantCharges& charges : std::as_const(*list)) {
        QStringList items;
        if (charges.dates.size() != charges.amountsMinor.size())
            return {QStringLiteral("dates and amounts differ in number")};
        for (qsizetype i = 0; i < charges.dates.size(); ++i)
            items << charges.dates.at(i).toString(Qt::ISODate) + u' ' + QString::number(charges.amountsMinor.at(i));
        lines << charges.merchant + u'|' + charges.currency + u'|' + items.join(u',');
    }
    return lines;
}

// The statement the assistant ran before: GROUP BY in SQLite; each merchant's charges by date, then amount.
QStringList TestAssistantQueries::referenceCharges(qint64 user, const DateRange& range, int minCount,
                                                   int maxCount) const
{
    auto query = Sql::exec(m_db->database()->connection(),
                           QStringLiteral("SELECT merchant_name, currency, group_concat(occurred_on || ' ' || "
                                          "amount_minor, ',') FROM transactions WHERE user_id = ? AND occurred_on "
                                          "BETWEEN ? AND ? AND type = 'expense' AND merchant_name <> '' "
                                          "GROUP BY merchant_name, currency HAVING count(*) BETWEEN ? AND ? "
                                          "ORDER BY merchant_name, currency"),
                           {user, Sql::isoDate(range.from), Sql::isoDate(range.to), minCount, maxCount});
    QStringList lines;
    while (query && query->next()) {
        QList<std::pair<QString, qint64>> items;
        for (const QString& item : query->value(2).toString().split(u',')) {
            const QStringList parts = item.split(u' ');
            items << std::pair {parts.value(0), parts.value(1).toLongLong()};
        }
        std::sort(items.begin(), items.end());
        QStringList texts;
        for (const auto& [date, minor] : std::as_const(items))
            texts << date + u' ' + QString::number(minor);
        lines << query->value(0).toString() + u'|' + query->value(1).toString() + u'|' + texts.join(u',');
    }
    return lines;
}

void TestAssistantQueries::repeatedChargesMatchGroupBy_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("minCount");
    QTest::addColumn<int>("maxCount");
    QTest::newRow("13 months") << QDate(2025, 10, 23) << QDate(2026, 11, 22) << 2 << 70;
    QTest::newRow("2 months") << QDate(2026, 9, 23) << QDate(2026, 11, 22) << 2 << 15;
    QTest::newRow("3 years, few charges") << QDate(2023, 11, 23) << QDate(2026, 11, 22) << 2 << 40;
    QTest::newRow("a narrow count") << QDate(2025, 10, 23) << QDate(2026, 11, 22) << 10 << 14;
}

void TestAssistantQueries::repeatedChargesMatchGroupBy()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, minCount);
    QFETCH(int, maxCount);
    for (qint64 user : {m_alice, m_bob}) {
        const QStringList expected = referenceCharges(user, {from, to}, minCount, maxCount);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(repeatedCharges(user, {from, to}, minCount, maxCount), expected);
    }
}

// Nothing is remembered between calls: an added, changed or deleted row shows at once, for its user only.
void TestAssistantQueries::followsChanges()
{
    TransactionFilter filter;
    filter.dates = {QDate(2026, 1, 1), QDate(2026, 12, 31)};
    filter.type = TransactionType::Expense;
    const auto before = merchantTotals(m_alice, filter);
    const auto bobBefore = merchantTotals(m_bob, filter);
    const DateRange window {QDate(2025, 11, 23), QDate(2026, 11, 22)};
    const QStringList chargesBefore = repeatedCharges(m_alice, window, 2, 70);

    auto added
        = m_transactions->add(m_alice, TestDatabase::expense(4242, QStringLiteral("New Shop"), QDate(2026, 7, 7)));
    QVERIFY(added);
    auto after = merchantTotals(m_alice, filter);
    QCOMPARE(after, referenceTotals(m_alice, filter));
    QVERIFY(after.contains(
        MerchantSum {QStringLiteral("New Shop"), QStringLiteral("EUR"), QStringLiteral("expense"), 4242, 1}));
    auto second
        = m_transactions->add(m_alice, TestDatabase::expense(1000, QStringLiteral("New Shop"), QDate(2026, 8, 7)));
    QVERIFY(second);
    QCOMPARE(repeatedCharges(m_alice, window, 2, 70), referenceCharges(m_alice, window, 2, 70));
    QVERIFY(repeatedCharges(m_alice, window, 2, 70)
                .contains(QStringLiteral("New Shop|EUR|2026-07-07 4242,2026-08-07 1000")));

    auto row = m_transactions->find(m_alice, *added);
    QVERIFY(row);
    Transaction changed = *row;
    changed.merchant = QStringLiteral("Renamed Shop");
    QVERIFY(m_transactions->update(m_alice, changed));
    after = merchantTotals(m_alice, filter);
    QCOMPARE(after, referenceTotals(m_alice, filter));
    QVERIFY(after.contains(
        MerchantSum {QStringLiteral("Renamed Shop"), QStringLiteral("EUR"), QStringLiteral("expense"), 4242, 1}));
    QVERIFY(!repeatedCharges(m_alice, window, 2, 70)
                 .contains(QStringLiteral("New Shop|EUR|2026-07-07 4242,2026-08-07 1000")));

    QVERIFY(m_transactions->remove(m_alice, {*added, *second}));
    QCOMPARE(merchantTotals(m_alice, filter), before);
    QCOMPARE(repeatedCharges(m_alice, window, 2, 70), chargesBefore);
    QCOMPARE(merchantTotals(m_bob, filter), bobBefore);
}

QTEST_GUILESS_MAIN(TestAssistantQueries)
#include "tst_assistantqueries.moc"
