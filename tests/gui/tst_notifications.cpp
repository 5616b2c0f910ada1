#include "budgets/budgetspage.h"
#include "budgets/budgetstatusmodel.h"
#include "budgets/notificationlistmodel.h"
#include "budgets/notificationsbutton.h"
#include "budgets/notificationspopup.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Moniagent;
using Moniagent::Test::screenshot;

class TestNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void badgeCountsUnread();
    void listNewestFirstWithSentences();
    void clickMarksSeenAndRequestsBudget();
    void enterOnAlertActivatesIt();
    void markAllRead();
    void followsAlertsFromWorkerThreads();
    void otherProfilesAlertsStayOut();
    void opensTheBudgetPeriodOnThePage();

private:
    qint64 user() const { return m_session->userId(); }
    qint64 category(const QString& name) const;
    qint64 addBudget(const QString& categoryName, BudgetPeriod period);
    bool record(qint64 budgetId, QDate start, BudgetAlertLevel level);
    NotificationListModel* model() const { return m_button->model(); }
    bool loaded() const;
    QListView* openList();

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QWidget> m_window;
    NotificationsButton* m_button = nullptr;
    qint64 m_groceries = 0;
    qint64 m_dining = 0;
};

void TestNotifications::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestNotifications::init()
{
    m_clock = std::make_unique<Test::ManualClock>();
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    m_groceries = addBudget(QStringLiteral("Groceries"), BudgetPeriod::Monthly);
    m_dining = addBudget(QStringLiteral("Dining & Drinks"), BudgetPeriod::Weekly);
    QVERIFY(m_groceries > 0 && m_dining > 0);

    // The bell at the right of a bar, as in the window's menu bar corner.
    m_window = std::make_unique<QWidget>();
    auto* layout = new QHBoxLayout(m_window.get());
    layout->addStretch();
    m_button = new NotificationsButton(m_session.get(), m_window.get());
    layout->addWidget(m_button);
    new QAbstractItemModelTester(m_button->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_window.get());
    m_window->resize(520, 60);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(loaded());
}

void TestNotifications::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

qint64 TestNotifications::category(const QString& name) const
{
    auto c = m_session->categories()->findByName(user(), name);
    return c ? c->id : 0;
}

qint64 TestNotifications::addBudget(const QString& categoryName, BudgetPeriod period)
{
    Budget budget;
    budget.categoryId = category(categoryName);
    budget.limit = Money::fromMinor(40000, u"USD");
    budget.period = period;
    auto id = m_session->budgets()->add(user(), budget);
    return id ? *id : 0;
}

bool TestNotifications::record(qint64 budgetId, QDate start, BudgetAlertLevel level)
{
    auto recorded = m_session->budgetAlerts()->record(user(), budgetId, start, level);
    return recorded.ok() && *recorded;
}

bool TestNotifications::loaded() const
{
    return QTest::qWaitFor([this]() { return model()->hasLoaded() && !model()->isLoading(); }, 10000);
}

QListView* TestNotifications::openList()
{
    QTest::mouseClick(m_button, Qt::LeftButton);
    NotificationsPopup* popup = m_button->popup();
    if (!popup->isVisible() || !QTest::qWaitForWindowExposed(popup))
        return nullptr;
    return popup->findChild<QListView*>(QStringLiteral("notificationsList"));
}

void TestNotifications::badgeCountsUnread()
{
    QCOMPARE(m_button->unreadCount(), 0);
    QCOMPARE(m_button->badgeText(), QString());
    screenshot(m_window.get(), QStringLiteral("bell-quiet"));
    QVERIFY(record(m_groceries, QDate(2026, 11, 1), BudgetAlertLevel::Warning));
    QVERIFY(record(m_groceries, QDate(2026, 11, 1), BudgetAlertLevel::Exceeded));
    QVERIFY(record(m_dining, QDate(2026, 11, 16), BudgetAlertLevel::Warning));
    QVERIFY(!record(m_dining, QDate(2026, 11, 16), BudgetAlertLevel::Warning)); // once per period and level
    QVERIFY(QTest::qWaitFor([&]() { return m_button->unreadCount() == 3; }));
    QCOMPARE(m_button->badgeText(), QStringLiteral("3"));
    QVERIFY2(m_button->toolTip().contains(QStringLiteral("3 unread")), qPrintable(m_button->toolTip()));
    QCOMPARE(m_button->accessibleName(), m_button->toolTip());
    screenshot(m_window.get(), QStringLiteral("bell-three"));
}

void TestNotifications::listNewestFirstWithSentences()
{
    QVERIFY(record(m_groceries, QDate(2026, 10, 1), BudgetAlertLevel::Warning));
    QVERIFY(record(m_groceries, QDate(2026, 11, 1), BudgetAlertLevel::Exceeded));
    QVERIFY(record(m_dining, QDate(2026, 11, 16), BudgetAlertLevel::Warning));
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 3 && m_button->unreadCount() == 3; }));
    QListView* list = openList();
    QVERIFY(list);
    const auto line = [&](int row) {
        return model()->index(row).data().toString();
    };
    QCOMPARE(line(0), QStringLiteral("Dining & Drinks reached 80 % of its weekly budget (week of Nov 16)"));
    QCOMPARE(line(1), QStringLiteral("Groceries exceeded its monthly budget (Nov 2026)"));
    QCOMPARE(line(2), QStringLiteral("Groceries reached 80 % of its monthly budget (Oct 2026)"));
    for (int row = 0; row < 3; ++row) {
        QVERIFY(model()->index(row).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model()->index(row).data(NotificationListModel::SeenRole).toBool());
    }
    screenshot(m_button->popup(), QStringLiteral("notifications-popup"));
    m_button->popup()->hide();
}

void TestNotifications::clickMarksSeenAndRequestsBudget()
{
    QVERIFY(record(m_groceries, QDate(2026, 11, 1), BudgetAlertLevel::Warning));
    QVERIFY(record(m_dining, QDate(2026, 11, 16), BudgetAlertLevel::Warning));
    QVERIFY(QTest::qWaitFor([&]() { return m_button->unreadCount() == 2 && model()->rowCount() == 2; }));
    QSignalSpy requested(m_button, &NotificationsButton::budgetRequested);
    QListView* list = openList();
    QVERIFY(list);
    const QModelIndex groceries = model()->index(1);
    QCOMPARE(groceries.data(NotificationListModel::BudgetIdRole).toLongLong(), m_groceries);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(groceries).center());

    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), m_groceries);
    QCOMPARE(requested.at(0).at(1).toDate(), QDate(2026, 11, 1));
    QVERIFY(!m_button->popup()->isVisible());
    QCOMPARE(m_button->unreadCount(), 1); // at once
    QVERIFY(QTest::qWaitFor([&]() { return *m_session->budgetAlerts()->unseenCount(user()) == 1; }));
    QVERIFY(loaded());
    QCOMPARE(m_button->unreadCount(), 1);
    auto unseen = m_session->budgetAlerts()->list(user(), true);
    QVERIFY(unseen.ok());
    QCOMPARE(unseen->size(), 1);
    QCOMPARE(unseen->first().budgetId, m_dining);
    const int row = model()->index(0).data(NotificationListModel::BudgetIdRole).toLongLong() == m_groceries ? 0 : 1;
    QVERIFY(model()->index(row).data(NotificationListModel::SeenRole).toBool());
    QVERIFY(!model()->index(row).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(model()->index(1 - row).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(m_button->badgeText(), QStringLiteral("1"));
}

void TestNotifications::enterOnAlertActivatesIt()
{
    QVERIFY(record(m_dining, QDate(2026, 11, 16), BudgetAlertLevel::Exceeded));
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 1; }));
    QSignalSpy requested(m_button, &NotificationsButton::budgetRequested);
    QListView* list = openList();
    QVERIFY(list);
    QCOMPARE(list->currentIndex().row(), 0); // the newest is current when the list opens
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), m_dining);
    QVERIFY(QTest::qWaitFor([&]() { return *m_session->budgetAlerts()->unseenCount(user()) == 0; }));
}

void TestNotifications::markAllRead()
{
    QVERIFY(record(m_groceries, QDate(2026, 11, 1), BudgetAlertLevel::Warning));
    QVERIFY(record(m_groceries, QDate(2026, 11, 1), BudgetAlertLevel::Exceeded));
    QVERIFY(record(m_dining, QDate(2026, 11, 16), BudgetAlertLevel::Warning));
    QVERIFY(QTest::qWaitFor([&]() { return m_button->unreadCount() == 3; }));
    QListView* list = openList();
    QVERIFY(list);
    auto* markAll = m_button->popup()->findChild<QPushButton*>(QStringLiteral("markAllReadButton"));
    QVERIFY(markAll && markAll->isEnabled());
    QTest::mouseClick(markAll, Qt::LeftButton);
    QCOMPARE(m_button->unreadCount(), 0);
    QCOMPARE(m_button->badgeText(), QString());
    QVERIFY(!markAll->isEnabled());
    QVERIFY(QTest::qWaitFor([&]() { return *m_session->budgetAlerts()->unseenCount(user()) == 0; }));
    QVERIFY(loaded());
    QCOMPARE(model()->rowCount(), 3); // read alerts stay in the list, no longer bold
    for (int row = 0; row < 3; ++row)
        QVERIFY(!model()->index(row).data(Qt::FontRole).value<QFont>().bold());
    list->doItemsLayout(); // the view lays out a reset model on a timer; the picture should show the rows
    screenshot(m_button->popup(), QStringLiteral("notifications-read"));
    m_button->popup()->hide();
    QCOMPARE(m_button->unreadCount(), 0);
}

void TestNotifications::followsAlertsFromWorkerThreads()
{
    BudgetAlertRepository* alerts = m_session->budgetAlerts();
    const qint64 userId = user();
    const qint64 budget = m_groceries;
    auto future = QtConcurrent::run([alerts, userId, budget]() {
        return alerts->record(userId, budget, QDate(2026, 11, 1), BudgetAlertLevel::Warning).ok();
    });
    future.waitForFinished();
    QVERIFY(future.result());
    QVERIFY(QTest::qWaitFor([&]() { return m_button->unreadCount() == 1; }));
    QCOMPARE(m_button->badgeText(), QStringLiteral("1"));
}

void TestNotifications::otherProfilesAlertsStayOut()
{
    UserRepository::NewProfile profile;
    profile.username = QStringLiteral("Alex");
    profile.baseCurrency = QStringLiteral("USD");
    auto alex = m_session->users()->createProfile(profile);
    QVERIFY(alex.ok());
    Budget budget;
    budget.limit = Money::fromMinor(1000, u"USD");
    auto theirs = m_session->budgets()->add(*alex, budget);
    QVERIFY(theirs.ok());
    QVERIFY(m_session->budgetAlerts()->record(*alex, *theirs, QDate(2026, 11, 1), BudgetAlertLevel::Exceeded).ok());
    QVERIFY(record(m_groceries, QDate(2026, 11, 1), BudgetAlertLevel::Warning));
    QVERIFY(QTest::qWaitFor([&]() { return m_button->unreadCount() == 1; }));
    QVERIFY(loaded());
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->index(0).data(NotificationListModel::BudgetIdRole).toLongLong(), m_groceries);
}

void TestNotifications::opensTheBudgetPeriodOnThePage()
{
    // Wired as the window does: the bell asks, the Budgets page shows the budget in the alert's period.
    BudgetsPage page(m_session.get());
    page.resize(900, 300);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    connect(m_button, &NotificationsButton::budgetRequested, &page, &BudgetsPage::showBudget);
    QVERIFY(QTest::qWaitFor([&]() { return page.model()->rowCount() == 2 && !page.model()->isLoading(); }));
    QVERIFY(record(m_groceries, QDate(2026, 10, 1), BudgetAlertLevel::Exceeded));
    QVERIFY(QTest::qWaitFor([&]() { return model()->rowCount() == 1; }));
    QListView* list = openList();
    QVERIFY(list);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(model()->index(0)).center());
    QCOMPARE(page.windowLabel(), QStringLiteral("October 2026"));
    QVERIFY(QTest::qWaitFor([&]() { return page.currentBudgetId() == std::optional<qint64>(m_groceries); }));
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
