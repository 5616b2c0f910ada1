#include "db/categoryrepository.h"
#include "db/userrepository.h"
#include "itemmodels/categorymodel.h"
#include "itemmodels/usermodel.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;
using Test::TestDatabase;

class TestCategoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheUsersCategories();
    void pickerForExpensesAndIncome();
    void editsGoThroughTheRepository();
    void followsOutsideChanges();
    void profiles();
};

void TestCategoryModel::listsTheUsersCategories()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    CategoryRepository repository(db.database());
    Category own;
    own.name = QStringLiteral("Bob's hobby");
    QVERIFY(repository.add(bob, own).ok());
    CategoryModel model(&repository, alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 30);
    QCOMPARE(model.data(model.index(0, CategoryModel::NameColumn)).toString(), QStringLiteral("Groceries"));
    QCOMPARE(model.data(model.index(0, 0), CategoryModel::IconRole).toString(), QStringLiteral("cart"));
    QCOMPARE(model.data(model.index(0, 0), CategoryModel::ColorRole).value<QColor>(),
             QColor(QStringLiteral("#16A34A")));
    QCOMPARE(model.data(model.index(0, CategoryModel::TypeColumn)).toString(), QStringLiteral("Expense"));
    QVERIFY(model.data(model.index(0, 0), CategoryModel::SystemRole).toBool());
    QCOMPARE(model.rowOf(std::nullopt), -1);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.categoryAt(r)->userId, alice);
}

void TestCategoryModel::pickerForExpensesAndIncome()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    CategoryRepository repository(db.database());
    CategoryModel model(&repository, alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncludeUncategorized(true);
    model.setTransactionType(TransactionType::Income);
    QCOMPARE(model.rowCount(), 1 + 5 + 2); // uncategorized, income, both
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Uncategorized"));
    QVERIFY(!model.data(model.index(0, 0), CategoryModel::IdRole).isValid());
    QCOMPARE(model.rowOf(std::nullopt), 0);
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
    model.setTransactionType(TransactionType::Expense);
    QCOMPARE(model.rowCount(), 1 + 23 + 2);
    const qint64 salary = db.categoryId(alice, QStringLiteral("Salary"));
    QCOMPARE(model.rowOf(salary), -1);
    QCOMPARE(model.category(salary)->name, QStringLiteral("Salary")); // still known for display
}

void TestCategoryModel::editsGoThroughTheRepository()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    CategoryRepository repository(db.database());
    CategoryModel model(&repository, alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &CategoryModel::errorOccurred);
    QVERIFY(model.setData(model.index(0, CategoryModel::NameColumn), QStringLiteral("Supermarket")));
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Supermarket"));
    QCOMPARE(repository.find(alice, model.data(model.index(0, 0), CategoryModel::IdRole).toLongLong())->name,
             QStringLiteral("Supermarket"));
    QVERIFY(model.setData(model.index(0, 0), QColor(0x12, 0x34, 0x56), CategoryModel::ColorRole));
    QCOMPARE(model.data(model.index(0, 0), CategoryModel::ColorRole).value<QColor>(), QColor(0x12, 0x34, 0x56));
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("coffee"), CategoryModel::IconRole));
    QCOMPARE(model.data(model.index(0, 0), CategoryModel::IconRole).toString(), QStringLiteral("coffee"));
    // A duplicate or empty name is refused with a message and changes nothing.
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("dining & drinks")));
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("   ")));
    QCOMPARE(errors.count(), 2);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Supermarket"));
}

void TestCategoryModel::followsOutsideChanges()
{
    TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    CategoryRepository repository(db.database());
    CategoryModel model(&repository, alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Category c;
    c.name = QStringLiteral("Books");
    const qint64 id = *repository.add(alice, c);
    QCOMPARE(model.rowCount(), 31);
    QVERIFY(model.rowOf(id) >= 0);
    QVERIFY(repository.add(bob, c).ok());
    QCOMPARE(model.rowCount(), 31);
    QVERIFY(repository.remove(alice, id).ok());
    QCOMPARE(model.rowCount(), 30);
}

void TestCategoryModel::profiles()
{
    TestDatabase db;
    const qint64 admin = db.createUser(QStringLiteral("admin"));
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    UserRepository repository(db.database());
    UserModel adminView(&repository, admin);
    UserModel aliceView(&repository, alice);
    QAbstractItemModelTester t1(&adminView, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&aliceView, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(adminView.rowCount(), 2);
    QCOMPARE(aliceView.rowCount(), 1);
    QCOMPARE(aliceView.data(aliceView.index(0), UserModel::IdRole).toLongLong(), alice);
    QCOMPARE(aliceView.data(aliceView.index(0), UserModel::RoleNameRole).toString(), QStringLiteral("user"));
    UserRepository::NewProfile p;
    p.username = QStringLiteral("carol");
    QVERIFY(repository.createProfile(p).ok());
    QCOMPARE(adminView.rowCount(), 3);
    QCOMPARE(aliceView.rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestCategoryModel)
#include "tst_categorymodel.moc"
