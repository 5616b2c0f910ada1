#include "receipts/receiptsplit.h"

#include <QTest>

using namespace Moniagent;

namespace {
using Line = ReceiptAcceptance::Line;

ReceiptAcceptance receipt(qint64 total, std::optional<qint64> category, QList<Line> lines, bool split = true)
{
    ReceiptAcceptance a;
    a.total = Money::fromMinor(total, u"EUR");
    a.categoryId = category;
    a.items = std::move(lines);
    a.splitByCategory = split;
    return a;
}

qint64 sum(const QList<ReceiptExpense>& expenses)
{
    qint64 s = 0;
    for (const ReceiptExpense& e : expenses)
        s += e.amount.minor();
    return s;
}
} // namespace

class TestReceiptSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeReceiptWithoutSplit();
    void oneCategoryIsNotASplit();
    void linesThatAddUpExactly();
    void taxIsSharedInProportion();
    void remaindersAddUpExactly_data();
    void remaindersAddUpExactly();
    void uncategorizedLinesTakeTheReceiptsCategory();
    void discountCategoryAloneIsSharedOut();
};

void TestReceiptSplit::wholeReceiptWithoutSplit()
{
    const auto a = receipt(1500, 7, {{QStringLiteral("Milk"), 500, 1}, {QStringLiteral("Soap"), 1000, 2}}, false);
    QVERIFY(ReceiptSplit::canSplit(a));
    const auto expenses = ReceiptSplit::expenses(a);
    QCOMPARE(expenses.size(), 1);
    QCOMPARE(expenses.first().categoryId, std::optional<qint64>(7));
    QCOMPARE(expenses.first().amount, Money::fromMinor(1500, u"EUR"));
    QVERIFY(expenses.first().descriptions.isEmpty());
}

void TestReceiptSplit::oneCategoryIsNotASplit()
{
    // The second line has no category of its own: it takes the receipt's, which is the first line's.
    const auto a = receipt(1500, 1, {{QStringLiteral("Milk"), 500, 1}, {QStringLiteral("Bread"), 1000, {}}});
    QVERIFY(!ReceiptSplit::canSplit(a));
    QCOMPARE(ReceiptSplit::expenses(a).size(), 1);
    QVERIFY(!ReceiptSplit::canSplit(receipt(1500, 1, {{QStringLiteral("Milk"), 1500, 2}})));
}

void TestReceiptSplit::linesThatAddUpExactly()
{
    const auto a = receipt(
        1800, {},
        {{QStringLiteral("Milk"), 500, 1}, {QStringLiteral("Soap"), 1000, 2}, {QStringLiteral("Bread"), 300, 1}});
    const auto expenses = ReceiptSplit::expenses(a);
    QCOMPARE(expenses.size(), 2);
    QCOMPARE(expenses.at(0).categoryId, std::optional<qint64>(1));
    QCOMPARE(expenses.at(0).amount.minor(), 800);
    QCOMPARE(expenses.at(0).descriptions, QStringList({QStringLiteral("Milk"), QStringLiteral("Bread")}));
    QCOMPARE(expenses.at(1).categoryId, std::optional<qint64>(2));
    QCOMPARE(expenses.at(1).amount.minor(), 1000);
}

void TestReceiptSplit::taxIsSharedInProportion()
{
    // Lines without tax (1000 + 3000), 10 % tax on top: 4400 shared 1:3.
    const auto a = receipt(4400, {}, {{QStringLiteral("A"), 1000, 1}, {QStringLiteral("B"), 3000, 2}});
    const auto expenses = ReceiptSplit::expenses(a);
    QCOMPARE(expenses.size(), 2);
    QCOMPARE(expenses.at(0).amount.minor(), 1100);
    QCOMPARE(expenses.at(1).amount.minor(), 3300);
}

void TestReceiptSplit::remaindersAddUpExactly_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QList<qint64>>("amounts");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("thirds") << qint64(1000) << QList<qint64>({1, 1, 1}) << QList<qint64>({334, 333, 333});
    QTest::newRow("largest remainder wins") << qint64(100) << QList<qint64>({1, 2}) << QList<qint64>({33, 67});
    QTest::newRow("short total") << qint64(999) << QList<qint64>({500, 500}) << QList<qint64>({500, 499});
    QTest::newRow("huge amounts") << qint64(900000000000000) << QList<qint64>({300000000000000, 600000000000000})
                                  << QList<qint64>({300000000000000, 600000000000000});
}

void TestReceiptSplit::remaindersAddUpExactly()
{
    QFETCH(qint64, total);
    QFETCH(QList<qint64>, amounts);
    QFETCH(QList<qint64>, expected);
    QList<Line> lines;
    for (int i = 0; i < amounts.size(); ++i)
        lines.append({QString::number(i), amounts.at(i), i + 1});
    const auto expenses = ReceiptSplit::expenses(receipt(total, {}, lines));
    QList<qint64> got;
    for (const ReceiptExpense& e : expenses)
        got.append(e.amount.minor());
    QCOMPARE(got, expected);
    QCOMPARE(sum(expenses), total);
}

void TestReceiptSplit::uncategorizedLinesTakeTheReceiptsCategory()
{
    const auto a = receipt(600, 5, {{QStringLiteral("A"), 200, {}}, {QStringLiteral("B"), 300, 6}, {{}, 100, {}}});
    const auto expenses = ReceiptSplit::expenses(a);
    QCOMPARE(expenses.size(), 2);
    QCOMPARE(expenses.at(0).categoryId, std::optional<qint64>(5));
    QCOMPARE(expenses.at(0).amount.minor(), 300);
    QCOMPARE(expenses.at(0).descriptions, QStringList({QStringLiteral("A")})); // an empty description is not named
    QCOMPARE(expenses.at(1).categoryId, std::optional<qint64>(6));
    QCOMPARE(expenses.at(1).amount.minor(), 300);
}

void TestReceiptSplit::discountCategoryAloneIsSharedOut()
{
    // Category 3 holds only a discount: it gets no (negative) expense; the others share the total.
    const auto a = receipt(
        900, {}, {{QStringLiteral("A"), 500, 1}, {QStringLiteral("B"), 500, 2}, {QStringLiteral("Coupon"), -100, 3}});
    const auto expenses = ReceiptSplit::expenses(a);
    QCOMPARE(expenses.size(), 2);
    QCOMPARE(expenses.at(0).amount.minor(), 450);
    QCOMPARE(expenses.at(1).amount.minor(), 450);
    // Only one category with something to share: the whole receipt.
    const auto b = receipt(400, 9, {{QStringLiteral("A"), 500, 1}, {QStringLiteral("Coupon"), -100, 3}});
    QCOMPARE(ReceiptSplit::expenses(b).size(), 1);
    QCOMPARE(ReceiptSplit::expenses(b).first().categoryId, std::optional<qint64>(9));
}

QTEST_GUILESS_MAIN(TestReceiptSplit)
#include "tst_receiptsplit.moc"
