#include "dialogs/settingsdialog.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "testdatabase.h"
#include "tray/closetotray.h"
#include "tray/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;
using Moniagent::Test::screenshot;

// Runs twice (tests/gui/CMakeLists.txt): on an X server with a real system tray (tests/gui/run-with-tray), and
// offscreen, where no tray exists. What needs a tray skips only where QSystemTrayIcon says there is none; where
// the runner promised one (MONIAGENT_EXPECT_TRAY=1), its absence fails the test instead.

namespace {

BudgetStatus statusIn(BudgetState state)
{
    BudgetStatus status;
    status.state = state;
    return status;
}

// The window Qt embeds into the tray (xembed), when there is a tray.
QWidget* trayIconWindow()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget* widget : windows) {
        if (qstrcmp(widget->metaObject()->className(), "QSystemTrayIconSys") == 0 && widget->isVisible())
            return widget;
    }
    return nullptr;
}

// The balloon Qt shows next to an xembed tray icon for QSystemTrayIcon::showMessage().
QWidget* balloon()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget* widget : windows) {
        if (qstrcmp(widget->metaObject()->className(), "QBalloonTip") == 0 && widget->isVisible())
            return widget;
    }
    return nullptr;
}

bool balloonSays(const QString& text)
{
    QWidget* tip = balloon();
    if (!tip)
        return false;
    const QList<QLabel*> labels = tip->findChildren<QLabel*>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](QLabel* label) { return label->text().contains(text); });
}

// Pops the menu up and waits until it is on screen. On a bare X server the focus can move while a tray embeds
// an icon, and a popup that loses the focus closes: then it is popped up again.
bool popUp(QMenu* menu)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        menu->popup(QPoint(200, 200));
        const bool settled = QTest::qWaitFor(
            [&]() { return !menu->isVisible() || (menu->windowHandle() && menu->windowHandle()->isExposed()); }, 5000);
        if (settled && menu->isVisible())
            return true;
        qInfo("the menu closed at once (attempt %d)", attempt + 1);
    }
    return false;
}

bool isRed(const QColor& color)
{
    return color.red() > 180 && color.green() < 100 && color.blue() < 100 && color.alpha() > 200;
}

// A stand-in for the main window that counts how often it really closed.
class Window : public QMainWindow
{
public:
    int closeEvents = 0;

protected:
    void closeEvent(QCloseEvent* event) override
    {
        ++closeEvents;
        event->accept();
    }
};

} // namespace

class TestTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void menuActionsEmitSignals();
    void summaryText_data();
    void summaryText();
    void warningIconFollowsExceededBudgets();
    void notifyWithoutTray();
    void notifyWithTray();
    void clickedMessageOpensItsBudget();
    void clickingTheTrayIcon();
    void closeWithoutTrayQuits();
    void closeToTrayHidesAndSaysSoOnce();
    void quitReallyCloses();
    void settingsCheckBox();

private:
    Translations m_translations;
    std::unique_ptr<TrayIcon> m_tray;
};

void TestTrayIcon::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentTrayTest"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
    if (qEnvironmentVariable("MONIAGENT_EXPECT_TRAY") == QLatin1String("1")) {
        // The runner started a tray; it may take a moment to claim the tray selection.
        QVERIFY2(QTest::qWaitFor([]() { return TrayIcon::isAvailable(); }, 10000),
                 "tests/gui/run-with-tray promised a system tray, but none is available");
    }
    qInfo("system tray available: %s (platform %s)", TrayIcon::isAvailable() ? "yes" : "no",
          qPrintable(QGuiApplication::platformName()));
}

void TestTrayIcon::init()
{
    QSettings().clear();
    m_tray = std::make_unique<TrayIcon>();
    m_tray->show();
    if (TrayIcon::isAvailable()) {
        QVERIFY2(QTest::qWaitFor(
                     []() {
                         QWidget* icon = trayIconWindow();
                         return icon && icon->windowHandle() && icon->windowHandle()->isExposed();
                     },
                     5000),
                 "the icon is in the tray");
    }
}

void TestTrayIcon::cleanup()
{
    if (QWidget* tip = balloon())
        tip->close();
    m_tray.reset();
}

void TestTrayIcon::menuActionsEmitSignals()
{
    QMenu* menu = m_tray->menu();
    QCOMPARE(m_tray->systemTrayIcon()->contextMenu(), menu);
    QStringList names;
    const QList<QAction*> actions = menu->actions();
    for (QAction* action : actions) {
        if (!action->isSeparator())
            names << action->objectName();
    }
    QCOMPARE(names,
             QStringList({QStringLiteral("trayOpenAction"), QStringLiteral("trayQuickAddAction"),
                          QStringLiteral("trayImportAction"), QStringLiteral("trayBudgetSummary"),
                          QStringLiteral("trayQuitAction")}));
    QVERIFY(!menu->findChild<QAction*>(QStringLiteral("trayBudgetSummary"))->isEnabled());

    const std::pair<const char*, void (TrayIcon::*)()> wiring[] = {
        {"trayOpenAction", &TrayIcon::openRequested},
        {"trayQuickAddAction", &TrayIcon::quickAddRequested},
        {"trayImportAction", &TrayIcon::importRequested},
        {"trayQuitAction", &TrayIcon::quitRequested},
    };
    QSignalSpy open(m_tray.get(), &TrayIcon::openRequested);
    QSignalSpy quickAdd(m_tray.get(), &TrayIcon::quickAddRequested);
    QSignalSpy import(m_tray.get(), &TrayIcon::importRequested);
    QSignalSpy quit(m_tray.get(), &TrayIcon::quitRequested);
    QSignalSpy* spies[] = {&open, &quickAdd, &import, &quit};
    for (int i = 0; i < 4; ++i) {
        // Pop the menu up and click the item, as a person does.
        QVERIFY2(popUp(menu), wiring[i].first);
        if (i == 0)
            screenshot(menu, QStringLiteral("tray-menu"));
        auto* action = menu->findChild<QAction*>(QString::fromLatin1(wiring[i].first));
        QVERIFY(action);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
        QVERIFY(QTest::qWaitFor([&]() { return spies[i]->count() == 1; }, 2000));
        QVERIFY(QTest::qWaitFor([&]() { return !menu->isVisible(); }, 2000));
        for (int j = 0; j < 4; ++j)
            QCOMPARE(spies[j]->count(), j <= i ? 1 : 0);
    }
    // The summary line is not clickable.
    QVERIFY(popUp(menu));
    auto* summary = menu->findChild<QAction*>(QStringLiteral("trayBudgetSummary"));
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(summary).center());
    QTest::qWait(50);
    QVERIFY(menu->isVisible());
    menu->hide();
    for (QSignalSpy* spy : spies)
        QCOMPARE(spy->count(), 1);
}

void TestTrayIcon::summaryText_data()
{
    QTest::addColumn<QList<BudgetStatus>>("statuses");
    QTest::addColumn<QString>("expected");
    const BudgetStatus ok = statusIn(BudgetState::Ok);
    const BudgetStatus warning = statusIn(BudgetState::Warning);
    const BudgetStatus exceeded = statusIn(BudgetState::Exceeded);
    QTest::newRow("none") << QList<BudgetStatus>() << QStringLiteral("No budgets");
    QTest::newRow("mixed") << QList<BudgetStatus> {ok, exceeded, warning, ok}
                           << QStringLiteral("Budgets: 2 on track, 1 warning, 1 exceeded");
    QTest::newRow("all fine") << QList<BudgetStatus> {ok, ok, ok} << QStringLiteral("Budgets: 3 on track");
    QTest::newRow("warnings") << QList<BudgetStatus> {warning, warning} << QStringLiteral("Budgets: 2 warnings");
    QTest::newRow("one over") << QList<BudgetStatus> {ok, exceeded}
                              << QStringLiteral("Budgets: 1 on track, 1 exceeded");
}

void TestTrayIcon::summaryText()
{
    QFETCH(QList<BudgetStatus>, statuses);
    QFETCH(QString, expected);
    QCOMPARE(TrayIcon::summaryFor(statuses), expected);
    m_tray->setBudgetStatuses(statuses);
    QCOMPARE(m_tray->summaryText(), expected);
    QCOMPARE(m_tray->menu()->findChild<QAction*>(QStringLiteral("trayBudgetSummary"))->text(), expected);
    QVERIFY(m_tray->systemTrayIcon()->toolTip().contains(expected));
}

void TestTrayIcon::warningIconFollowsExceededBudgets()
{
    // Inside the badge's red disc, left of its exclamation mark.
    const QPoint probe(19, 23);
    const qint64 normalKey = m_tray->icon().cacheKey();
    QVERIFY(!m_tray->isWarning());
    QVERIFY(!isRed(m_tray->icon().pixmap(32, 32).toImage().pixelColor(probe)));

    m_tray->setBudgetStatuses({statusIn(BudgetState::Ok), statusIn(BudgetState::Warning)});
    QVERIFY2(!m_tray->isWarning(), "a warning alone does not badge the icon");
    QCOMPARE(m_tray->icon().cacheKey(), normalKey);

    m_tray->setBudgetStatuses({statusIn(BudgetState::Ok), statusIn(BudgetState::Exceeded)});
    QVERIFY(m_tray->isWarning());
    QVERIFY(m_tray->icon().cacheKey() != normalKey);
    const QImage badged = m_tray->icon().pixmap(32, 32).toImage();
    QVERIFY2(isRed(badged.pixelColor(probe)), qPrintable(badged.pixelColor(probe).name()));
    QVERIFY2(!isRed(badged.pixelColor(6, 6)), "the rest of the icon is unchanged");
    for (int size : {16, 22, 48})
        QVERIFY(!m_tray->icon().pixmap(size, size).isNull());
    if (!qEnvironmentVariableIsEmpty("MONIAGENT_SCREENSHOT_DIR")) {
        m_tray->icon().pixmap(128, 128).save(qEnvironmentVariable("MONIAGENT_SCREENSHOT_DIR")
                                             + QStringLiteral("/tray-icon-warning.png"));
    }
    if (QWidget* icon = trayIconWindow())
        screenshot(icon, QStringLiteral("tray-icon-in-tray-warning"));

    m_tray->setBudgetStatuses({statusIn(BudgetState::Ok)});
    QVERIFY(!m_tray->isWarning());
    QVERIFY(!isRed(m_tray->icon().pixmap(32, 32).toImage().pixelColor(probe)));
}

void TestTrayIcon::notifyWithoutTray()
{
    if (TrayIcon::isAvailable())
        QSKIP("this desktop has a tray (the offscreen run covers the case without one)");
    QSignalSpy notified(m_tray.get(), &TrayIcon::notified);
    QSignalSpy shown(m_tray.get(), &TrayIcon::messageShown);
    m_tray->notify(QStringLiteral("Groceries budget exceeded"), QStringLiteral("$412.00 of $400.00"), 7);
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("Groceries budget exceeded"));
    QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("$412.00 of $400.00"));
    QCOMPARE(notified.at(0).at(2).toLongLong(), 7);
    QCOMPARE(shown.count(), 0); // nothing to show it with: the window's list has it
}

void TestTrayIcon::notifyWithTray()
{
    if (!TrayIcon::isAvailable())
        QSKIP("no system tray on this platform");
    QSignalSpy notified(m_tray.get(), &TrayIcon::notified);
    QSignalSpy shown(m_tray.get(), &TrayIcon::messageShown);
    m_tray->notify(QStringLiteral("Dining budget at 80 %"), QStringLiteral("$160.00 of $200.00 spent"), 3,
                   QSystemTrayIcon::Information);
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.at(0).at(2).toLongLong(), 3);
    QCOMPARE(shown.count(), 1);
    QVERIFY2(QTest::qWaitFor([]() { return balloonSays(QStringLiteral("Dining budget at 80 %")); }, 3000),
             "the tray shows the message");
    QVERIFY(balloonSays(QStringLiteral("$160.00 of $200.00 spent")));
    screenshot(balloon(), QStringLiteral("tray-message"));
}

void TestTrayIcon::clickedMessageOpensItsBudget()
{
    QSignalSpy budget(m_tray.get(), &TrayIcon::budgetRequested);
    QSignalSpy open(m_tray.get(), &TrayIcon::openRequested);
    m_tray->notify(QStringLiteral("Transport budget exceeded"), QStringLiteral("$95.00 of $80.00"), 42);
    if (TrayIcon::isAvailable()) {
        // Click the balloon itself.
        QVERIFY(QTest::qWaitFor([]() { return balloon() != nullptr; }, 3000));
        QWidget* tip = balloon();
        QTest::mouseClick(tip, Qt::LeftButton, {}, QPoint(tip->width() / 2, tip->height() / 2));
        QVERIFY(QTest::qWaitFor([]() { return balloon() == nullptr; }, 2000));
    } else {
        // Where no balloon can be clicked, the tray icon's own signal stands in for the click.
        emit m_tray->systemTrayIcon()->messageClicked();
    }
    QCOMPARE(budget.count(), 1);
    QCOMPARE(budget.at(0).at(0).toLongLong(), 42);
    QCOMPARE(open.count(), 0);

    // A message about no budget opens the window.
    m_tray->showMessage(QStringLiteral("Moniagent"), QStringLiteral("Hello"));
    emit m_tray->systemTrayIcon()->messageClicked();
    QCOMPARE(open.count(), 1);
    QCOMPARE(budget.count(), 1);
}

void TestTrayIcon::clickingTheTrayIcon()
{
    QSignalSpy open(m_tray.get(), &TrayIcon::openRequested);
    if (!TrayIcon::isAvailable()) {
        emit m_tray->systemTrayIcon()->activated(QSystemTrayIcon::Trigger);
        QCOMPARE(open.count(), 1);
        emit m_tray->systemTrayIcon()->activated(QSystemTrayIcon::Context);
        QCOMPARE(open.count(), 1);
        return;
    }
    QWidget* icon = trayIconWindow();
    QVERIFY(icon);
    QVERIFY(icon->width() > 0 && icon->height() > 0);
    QTest::mouseClick(icon, Qt::LeftButton, {}, icon->rect().center());
    QVERIFY(QTest::qWaitFor([&]() { return open.count() == 1; }, 2000));
    // The right button opens the menu.
    m_tray->setBudgetStatuses({statusIn(BudgetState::Ok), statusIn(BudgetState::Ok), statusIn(BudgetState::Warning),
                               statusIn(BudgetState::Exceeded)});
    QTest::mouseClick(icon, Qt::RightButton, {}, icon->rect().center());
    QVERIFY(QTest::qWaitFor([&]() { return m_tray->menu()->isVisible(); }, 2000));
    QCOMPARE(open.count(), 1);
    screenshot(m_tray->menu(), QStringLiteral("tray-menu-from-icon"));
    m_tray->menu()->hide();
}

void TestTrayIcon::closeWithoutTrayQuits()
{
    if (TrayIcon::isAvailable())
        QSKIP("this desktop has a tray (the offscreen run covers the case without one)");
    Window window;
    CloseToTray closeToTray(&window, m_tray.get());
    QVERIFY(CloseToTray::isEnabled()); // the setting is on, but there is nowhere to go
    QVERIFY(!closeToTray.hidesOnClose());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(m_tray.get(), &TrayIcon::messageShown);
    QVERIFY(window.close());
    QCOMPARE(window.closeEvents, 1);
    QCOMPARE(shown.count(), 0);
}

void TestTrayIcon::closeToTrayHidesAndSaysSoOnce()
{
    if (!TrayIcon::isAvailable())
        QSKIP("no system tray on this platform");
    auto window = std::make_unique<Window>();
    auto closeToTray = std::make_unique<CloseToTray>(window.get(), m_tray.get());
    QSignalSpy hidden(closeToTray.get(), &CloseToTray::hiddenToTray);
    QSignalSpy shown(m_tray.get(), &TrayIcon::messageShown);
    QSignalSpy lastWindow(qApp, &QGuiApplication::lastWindowClosed);
    QVERIFY(closeToTray->hidesOnClose());
    QVERIFY(!CloseToTray::noticeShown());

    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->close()); // refused: hidden instead
    QVERIFY(window->isHidden());
    QCOMPARE(window->closeEvents, 0);
    QCOMPARE(hidden.count(), 1);
    QCOMPARE(lastWindow.count(), 0);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(0).toString(), QStringLiteral("Moniagent is still running"));
    QVERIFY(QTest::qWaitFor([]() { return balloonSays(QStringLiteral("Moniagent is still running")); }, 3000));
    screenshot(balloon(), QStringLiteral("tray-still-running"));
    QVERIFY(CloseToTray::noticeShown());

    // The second time: hidden again, no message.
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->close());
    QVERIFY(window->isHidden());
    QCOMPARE(hidden.count(), 2);
    QCOMPARE(shown.count(), 1);

    // Not after a restart either: it is remembered.
    closeToTray.reset();
    closeToTray = std::make_unique<CloseToTray>(window.get(), m_tray.get());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->close());
    QCOMPARE(shown.count(), 1);

    // Switched off: closing closes.
    CloseToTray::setEnabled(false);
    QVERIFY(!closeToTray->hidesOnClose());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(window->close());
    QCOMPARE(window->closeEvents, 1);
}

void TestTrayIcon::quitReallyCloses()
{
    Window window;
    CloseToTray closeToTray(&window, m_tray.get());
    QObject::connect(m_tray.get(), &TrayIcon::quitRequested, &closeToTray, &CloseToTray::quit);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (TrayIcon::isAvailable()) {
        QVERIFY(!window.close()); // into the tray
        QCOMPARE(window.closeEvents, 0);
    }
    // Tray › Quit: the window's closeEvent runs (it saves its state there) even while it is hidden.
    m_tray->menu()->findChild<QAction*>(QStringLiteral("trayQuitAction"))->trigger();
    QVERIFY(closeToTray.isQuitting());
    QVERIFY(!closeToTray.hidesOnClose());
    QCOMPARE(window.closeEvents, 1);
    QVERIFY(window.isHidden());
}

void TestTrayIcon::settingsCheckBox()
{
    Test::ManualClock clock;
    QTemporaryDir dir;
    auto session = Test::openSamSession(dir.filePath(QStringLiteral("moniagent.sqlite")), clock);
    QVERIFY(session.ok());
    SettingsDialog dialog(session->get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* box = dialog.findChild<QCheckBox*>(QStringLiteral("closeToTrayCheck"));
    QVERIFY(box);
    auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(tabs->count() - 1); // Notifications, where the window's behaviour is
    QVERIFY(box->isVisible());
    QVERIFY(box->isChecked()); // on by default
    screenshot(&dialog, QStringLiteral("tray-settings"));
    if (!TrayIcon::isAvailable()) {
        QVERIFY(!box->isEnabled());
        QVERIFY(box->toolTip().contains(QStringLiteral("no system tray")));
        dialog.accept();
        QVERIFY(CloseToTray::isEnabled()); // untouched
        return;
    }
    QVERIFY(box->isEnabled());
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    QVERIFY(!box->isChecked());
    QVERIFY(CloseToTray::isEnabled()); // saved only when the dialog is accepted
    dialog.accept();
    QVERIFY(!CloseToTray::isEnabled());
    // The next dialog shows what was saved.
    SettingsDialog again(session->get());
    QVERIFY(!again.findChild<QCheckBox*>(QStringLiteral("closeToTrayCheck"))->isChecked());
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
