#include "itemmodels/rolemodel.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Moniagent;

// The scoped base model, through its simplest subclass and through a scope on a user-owned table.
class TestScopedSqlTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roles();
    void scopeCannotBeWidened();
    void readOnly();
};

void TestScopedSqlTableModel::roles()
{
    Test::TestDatabase db;
    QVERIFY(db.isValid());
    RoleModel model(db.database()->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), 2);
    const int name = model.record().indexOf(QStringLiteral("name"));
    QCOMPARE(model.data(model.index(0, name)).toString(), QStringLiteral("admin"));
    QCOMPARE(model.data(model.index(1, name), ScopedSqlTableModel::RawValueRole).toString(), QStringLiteral("user"));
    QCOMPARE(model.headerData(name, Qt::Horizontal).toString(), QStringLiteral("Role"));

    // Subclasses that format a column themselves read the locale the view set.
    QCOMPARE(model.locale(), QLocale());
    const QLocale german(QLocale::German, QLocale::Germany);
    model.setLocale(german);
    QCOMPARE(model.locale(), german);
}

void TestScopedSqlTableModel::scopeCannotBeWidened()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(QStringLiteral("alice"));
    const qint64 bob = db.createUser(QStringLiteral("bob"));
    QVERIFY(alice && bob);

    class CategoriesOf : public ScopedSqlTableModel
    {
    public:
        CategoriesOf(const QSqlDatabase& connection, qint64 userId)
            : ScopedSqlTableModel(connection, QStringLiteral("categories"), QStringLiteral("user_id = %1").arg(userId))
        { }
    };
    CategoriesOf model(db.database()->connection(), alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.select());
    const int defaults = model.rowCount();
    QVERIFY(defaults > 20);

    // A filter that tries to reach bob's rows only narrows alice's.
    model.setFilter(QStringLiteral("1 = 1 OR user_id = %1").arg(bob));
    QVERIFY(model.select());
    QCOMPARE(model.rowCount(), defaults);
    const int userColumn = model.record().indexOf(QStringLiteral("user_id"));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, userColumn)).toLongLong(), alice);

    model.setFilter(QStringLiteral("type = 'income'"));
    QVERIFY(model.select());
    QVERIFY(model.rowCount() > 0 && model.rowCount() < defaults);
}

void TestScopedSqlTableModel::readOnly()
{
    Test::TestDatabase db;
    RoleModel model(db.database()->connection());
    QVERIFY(model.select());
    const QModelIndex index = model.index(0, 1);
    QVERIFY(!(model.flags(index) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(index, QStringLiteral("root")));
    QVERIFY(!model.submitAll() || model.data(index).toString() == QStringLiteral("admin"));
}

QTEST_GUILESS_MAIN(TestScopedSqlTableModel)
#include "tst_scopedsqltablemodel.moc"
