#include "budget/budgetalertmonitor.h"
#include "core/notificationpreferences.h"
#include "session/session.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;

// The alert monitor: a warning at the threshold and an exceeded alert over the limit, each once per budget,
// window and level, also across restarts; a new window alerts again; preferences mute without replaying;
// repository changes trigger a check off the GUI thread.
class TestBudgetAlertMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void warningThenExceededOnce();
    void alertsSurviveARestart();
    void newWindowAlertsAgain();
    void straightPastTheLimitShowsOnlyExceeded();
    void preferencesMuteWithoutReplaying();
    void preferencesRoundTrip();
    void changesTriggerACheck();
    void otherUsersChangesAreIgnored();

private:
    bool openSession();
    qint64 addBudget(const QString& category, qint64 limit, double threshold = 0.8);
    void spend(const QString& category, qint64 minor, QDate date);
    QList<RaisedAlert> check();

    QTemporaryDir m_dir;
    Test::ManualClock m_clock {QDateTime(QDate(2026, 11, 15), QTime(12, 0), Qt::UTC)};
    std::unique_ptr<Session> m_session;
};

void TestBudgetAlertMonitor::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("moniagent.sqlite")));
    m_clock.set(QDateTime(QDate(2026, 11, 15), QTime(12, 0), Qt::UTC));
    QVERIFY(openSession());
}

void TestBudgetAlertMonitor::cleanup()
{
    m_session.reset();
}

bool TestBudgetAlertMonitor::openSession()
{
    m_session.reset();
    auto session = Session::open(m_dir.filePath(QStringLiteral("moniagent.sqlite")), m_clock);
    if (!session)
        return false;
    m_session = std::move(*session);
    auto has = m_session->hasProfiles();
    if (!has)
        return false;
    if (!*has) {
        UserRepository::NewProfile profile;
        profile.username = QStringLiteral("Sam");
        profile.baseCurrency = QStringLiteral("EUR");
        profile.locale = QStringLiteral("en_IE");
        if (!m_session->users()->createProfile(profile))
            return false;
        UserRepository::NewProfile other = profile;
        other.username = QStringLiteral("Kim");
        if (!m_session->users()->createProfile(other))
            return false;
    }
    return m_session->selectUser(QStringLiteral("Sam")).ok();
}

qint64 TestBudgetAlertMonitor::addBudget(const QString& category, qint64 limit, double threshold)
{
    Budget b;
    if (!category.isEmpty()) {
        auto found = m_session->categories()->findByName(m_session->userId(), category);
        if (!found)
            return 0;
        b.categoryId = found->id;
    }
    b.limit = Money::fromMinor(limit, u"EUR");
    b.alertThreshold = threshold;
    auto id = m_session->budgets()->add(m_session->userId(), b);
    return id ? *id : 0;
}

void TestBudgetAlertMonitor::spend(const QString& category, qint64 minor, QDate date)
{
    Transaction t = Test::TestDatabase::expense(minor, QStringLiteral("Market"), date);
    auto found = m_session->categories()->findByName(m_session->userId(), category);
    QVERIFY(found.ok());
    t.categoryId = found->id;
    t.confirmedByUser = true;
    MONIAGENT_VERIFY_OK(m_session->transactions()->add(m_session->userId(), t));
}

QList<RaisedAlert> TestBudgetAlertMonitor::check()
{
    auto result = BudgetAlertMonitor::check(m_session.get());
    if (!result) {
        qWarning() << result.error().toString();
        return {};
    }
    return result->second;
}

void TestBudgetAlertMonitor::warningThenExceededOnce()
{
    const qint64 budget = addBudget(QStringLiteral("Groceries"), 40000);
    QVERIFY(budget);
    spend(QStringLiteral("Groceries"), 31999, QDate(2026, 11, 3));
    QVERIFY(check().isEmpty());

    spend(QStringLiteral("Groceries"), 1, QDate(2026, 11, 4)); // 320.00 of 400.00: 80 %
    QList<RaisedAlert> raised = check();
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.at(0).alert.level, BudgetAlertLevel::Warning);
    QCOMPARE(raised.at(0).alert.budgetId, budget);
    QCOMPARE(raised.at(0).alert.periodStart, QDate(2026, 11, 1));
    QVERIFY(raised.at(0).alert.id > 0);
    QVERIFY(raised.at(0).notify);
    QCOMPARE(raised.at(0).categoryName, QStringLiteral("Groceries"));
    QVERIFY2(raised.at(0).message.contains(QStringLiteral("80%")), qPrintable(raised.at(0).message));
    QVERIFY2(raised.at(0).message.contains(QStringLiteral("Groceries")), qPrintable(raised.at(0).message));
    QCOMPARE(raised.at(0).title, BudgetAlertMonitor::title(BudgetAlertLevel::Warning));

    spend(QStringLiteral("Groceries"), 5000, QDate(2026, 11, 5));
    QVERIFY(check().isEmpty()); // still a warning: nothing new

    spend(QStringLiteral("Groceries"), 3001, QDate(2026, 11, 6)); // 400.01
    raised = check();
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.at(0).alert.level, BudgetAlertLevel::Exceeded);
    QVERIFY(raised.at(0).notify);
    QVERIFY2(raised.at(0).message.contains(QStringLiteral("0.01")), qPrintable(raised.at(0).message));
    QVERIFY(check().isEmpty());
    auto unseen = m_session->budgetAlerts()->unseenCount(m_session->userId());
    MONIAGENT_VERIFY_OK(unseen);
    QCOMPARE(*unseen, qint64(2));
}

void TestBudgetAlertMonitor::alertsSurviveARestart()
{
    QVERIFY(addBudget(QStringLiteral("Groceries"), 10000));
    spend(QStringLiteral("Groceries"), 9000, QDate(2026, 11, 3));
    QCOMPARE(check().size(), 1);
    QVERIFY(openSession());
    QVERIFY(check().isEmpty());
    spend(QStringLiteral("Groceries"), 2000, QDate(2026, 11, 4));
    QVERIFY(openSession());
    QCOMPARE(check().size(), 1);
    QVERIFY(openSession());
    QVERIFY(check().isEmpty());
}

void TestBudgetAlertMonitor::newWindowAlertsAgain()
{
    QVERIFY(addBudget(QStringLiteral("Groceries"), 10000));
    spend(QStringLiteral("Groceries"), 9000, QDate(2026, 11, 3));
    QCOMPARE(check().size(), 1);
    // December starts with nothing spent: no alert, then spending crosses again.
    m_clock.set(QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC));
    QVERIFY(check().isEmpty());
    spend(QStringLiteral("Groceries"), 8500, QDate(2026, 12, 2));
    const QList<RaisedAlert> raised = check();
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.at(0).alert.periodStart, QDate(2026, 12, 1));
    // Changing November afterwards does not alert in December about November.
    spend(QStringLiteral("Groceries"), 5000, QDate(2026, 11, 20));
    QVERIFY(check().isEmpty());
}

void TestBudgetAlertMonitor::straightPastTheLimitShowsOnlyExceeded()
{
    QVERIFY(addBudget(QString(), 10000));
    spend(QStringLiteral("Groceries"), 12000, QDate(2026, 11, 3));
    const QList<RaisedAlert> raised = check();
    QCOMPARE(raised.size(), 2);
    int shown = 0;
    for (const RaisedAlert& alert : raised) {
        if (alert.notify) {
            ++shown;
            QCOMPARE(alert.alert.level, BudgetAlertLevel::Exceeded);
            QCOMPARE(alert.categoryName, QStringLiteral("All spending"));
        }
    }
    QCOMPARE(shown, 1);
    auto unseen = m_session->budgetAlerts()->list(m_session->userId(), true);
    MONIAGENT_VERIFY_OK(unseen);
    QCOMPARE(unseen->size(), 1);
    QCOMPARE(unseen->at(0).level, BudgetAlertLevel::Exceeded);
}

void TestBudgetAlertMonitor::preferencesMuteWithoutReplaying()
{
    const qint64 groceries = addBudget(QStringLiteral("Groceries"), 10000);
    const qint64 transport = addBudget(QStringLiteral("Transport & Car"), 10000);
    NotificationPreferences preferences;
    preferences.warnings = false;
    preferences.mutedBudgets.insert(transport);
    User user = m_session->user();
    user.notificationPreferences = preferences.toJson(user.notificationPreferences);
    MONIAGENT_VERIFY_OK(m_session->users()->updateProfile(m_session->userId(), user));
    MONIAGENT_VERIFY_OK(m_session->reloadUser());

    spend(QStringLiteral("Groceries"), 9000, QDate(2026, 11, 3));
    spend(QStringLiteral("Transport & Car"), 20000, QDate(2026, 11, 3));
    QList<RaisedAlert> raised = check();
    QCOMPARE(raised.size(), 3); // recorded: groceries warning, transport warning + exceeded
    for (const RaisedAlert& alert : std::as_const(raised))
        QVERIFY(!alert.notify);
    auto unseen = m_session->budgetAlerts()->unseenCount(m_session->userId());
    MONIAGENT_VERIFY_OK(unseen);
    QCOMPARE(*unseen, qint64(0));

    // Unmuting does not replay what was recorded; the next crossing is shown.
    user = m_session->user();
    user.notificationPreferences = NotificationPreferences().toJson(user.notificationPreferences);
    MONIAGENT_VERIFY_OK(m_session->users()->updateProfile(m_session->userId(), user));
    MONIAGENT_VERIFY_OK(m_session->reloadUser());
    QVERIFY(check().isEmpty());
    spend(QStringLiteral("Groceries"), 2000, QDate(2026, 11, 4));
    raised = check();
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.at(0).alert.budgetId, groceries);
    QVERIFY(raised.at(0).notify);
}

void TestBudgetAlertMonitor::preferencesRoundTrip()
{
    NotificationPreferences preferences;
    QVERIFY(preferences.allows(5, BudgetAlertLevel::Warning));
    preferences.exceeded = false;
    preferences.mutedBudgets = {7, 3};
    QJsonObject stored {{QStringLiteral("other_key"), 42}};
    stored = preferences.toJson(stored);
    QCOMPARE(stored.value(QStringLiteral("other_key")).toInt(), 42);
    QCOMPARE(NotificationPreferences::fromJson(stored), preferences);
    QVERIFY(!preferences.allows(3, BudgetAlertLevel::Warning));
    QVERIFY(!preferences.allows(5, BudgetAlertLevel::Exceeded));
    QVERIFY(preferences.allows(5, BudgetAlertLevel::Warning));
    // Malformed values keep the defaults.
    const QJsonObject broken {{QStringLiteral("budget_warning"), QStringLiteral("yes")},
                              {QStringLiteral("muted_budgets"), QStringLiteral("3")}};
    QCOMPARE(NotificationPreferences::fromJson(broken), NotificationPreferences());
}

void TestBudgetAlertMonitor::changesTriggerACheck()
{
    const qint64 budget = addBudget(QStringLiteral("Groceries"), 10000);
    BudgetAlertMonitor monitor(m_session.get());
    QSignalSpy statuses(&monitor, &BudgetAlertMonitor::statusesChanged);
    QSignalSpy raised(&monitor, &BudgetAlertMonitor::alertRaised);
    monitor.start();
    QTRY_COMPARE(statuses.size(), 1);
    QCOMPARE(raised.size(), 0);
    QCOMPARE(monitor.statuses().size(), 1);
    QCOMPARE(monitor.statuses().at(0).state, BudgetState::Ok);

    spend(QStringLiteral("Groceries"), 8500, QDate(2026, 11, 10));
    QTRY_COMPARE(raised.size(), 1);
    const auto alert = raised.at(0).at(0).value<RaisedAlert>();
    QCOMPARE(alert.alert.budgetId, budget);
    QCOMPARE(alert.alert.level, BudgetAlertLevel::Warning);
    QTRY_COMPARE(monitor.statuses().at(0).state, BudgetState::Warning);

    // Lowering the limit is a budget change: it is checked too.
    auto stored = m_session->budgets()->find(m_session->userId(), budget);
    MONIAGENT_VERIFY_OK(stored);
    Budget lower = *stored;
    lower.limit = Money::fromMinor(8000, u"EUR");
    MONIAGENT_VERIFY_OK(m_session->budgets()->update(m_session->userId(), lower));
    QTRY_COMPARE(raised.size(), 2);
    QCOMPARE(raised.at(1).at(0).value<RaisedAlert>().alert.level, BudgetAlertLevel::Exceeded);
    QTRY_COMPARE(monitor.statuses().at(0).state, BudgetState::Exceeded);
}

void TestBudgetAlertMonitor::otherUsersChangesAreIgnored()
{
    QVERIFY(addBudget(QStringLiteral("Groceries"), 10000));
    BudgetAlertMonitor monitor(m_session.get());
    QSignalSpy checked(&monitor, &BudgetAlertMonitor::checked);
    monitor.start();
    QTRY_COMPARE(checked.size(), 1);
    auto kim = m_session->users()->findIdByUsername(QStringLiteral("Kim"));
    MONIAGENT_VERIFY_OK(kim);
    MONIAGENT_VERIFY_OK(m_session->transactions()->add(
        *kim, Test::TestDatabase::expense(50000, QStringLiteral("Market"), QDate(2026, 11, 10))));
    QTest::qWait(600);
    QCOMPARE(checked.size(), 1);
}

QTEST_GUILESS_MAIN(TestBudgetAlertMonitor)
#include "tst_budgetalertmonitor.moc"
