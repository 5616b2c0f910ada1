#include "application.h"

#include "budget/budgetalertmonitor.h"
#include "cli/commandline.h"
#include "common/messagebox.h"
#include "core/logging.h"
#include "demo/demogenerator.h"
#include "desktop/desktoplogging.h"
#include "desktop/singleinstance.h"
#include "dialogs/firstrundialog.h"
#include "itemmodels/transactionmodel.h"
#include "mainwindow.h"
#include "report/monthlyreport.h"
#include "session/session.h"
#include "tray/closetotray.h"
#include "tray/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>

namespace Moniagent {

namespace {
// Set by MONIAGENT_BENCH_STARTUP (tests/bench): prints when the window first paints and when it first
// paints with ledger rows, then quits.
class StartupWatcher : public QObject
{
public:
    explicit StartupWatcher(MainWindow* window)
        : QObject(window)
        , m_window(window)
    { }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_rows) {
            if (!m_shown) {
                m_shown = true;
                std::fprintf(stdout, "moniagent: window shown\n");
            }
            TransactionModel* model = m_window->ledgerModel();
            if (model->rowCount() == 0 || model->data(model->index(0, 0), TransactionModel::LoadedRole).toBool()) {
                if (!model->isLoading()) {
                    m_rows = true;
                    std::fprintf(stdout, "moniagent: rows shown\n");
                    QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
                }
            }
            std::fflush(stdout);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    MainWindow* m_window;
    bool m_shown = false;
    bool m_rows = false;
};
} // namespace

Application::Application() = default;

Application::~Application()
{
    delete m_closeToTray;
    delete m_tray;
    m_window.reset(); // models and worker threads go before the database
    m_session.reset();
    m_instance.reset();
}

void Application::setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Moniagent"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("moniagent.org"));
    QCoreApplication::setApplicationName(QStringLiteral("Moniagent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MONIAGENT_VERSION));
}

void Application::installTranslations(QCoreApplication* app)
{
    auto* translations = new Translations(app);
    translations->install(QLocale::system());
}

int Application::runDrawingCommand(int& argc, char** argv)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Reports are drawn, never shown: without a display (a server, cron, ssh) use the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    QApplication app(argc, argv);
    installTranslations(&app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine commandLine;
    commandLine.setReportRenderer([](const ReportRequest& request) {
        return MonthlyReport::write(request.session, request.month, request.path);
    });
    return commandLine.run(app.arguments(), out, err);
}

QString Application::databasePath() const
{
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype db = arguments.indexOf(QStringLiteral("--db"));
    if (db >= 0 && db + 1 < arguments.size())
        return arguments.at(db + 1);
    return QSettings().value(QStringLiteral("database/path"), Database::defaultPath()).toString();
}

bool Application::openDatabase(QString path)
{
    while (true) {
        auto session = Session::open(path);
        if (session) {
            m_session = std::move(*session);
            m_session->setBackgroundTraining(true); // the window must not wait for a large ledger's model
            return true;
        }
        QMessageBox box(QMessageBox::Critical, QObject::tr("Moniagent"), session.error().message);
        box.setInformativeText(QObject::tr("You can open another Moniagent file, or quit."));
        if (!session.error().detail.isEmpty())
            box.setDetailedText(session.error().detail);
        QPushButton* other = box.addButton(QObject::tr("Open Another File…"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        if (box.clickedButton() != other)
            return false;
        path = QFileDialog::getOpenFileName(nullptr, QObject::tr("Open Moniagent File"), {},
                                            QObject::tr("Moniagent files (*.sqlite);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
}

bool Application::ensureProfile()
{
    auto hasProfiles = m_session->hasProfiles();
    if (!hasProfiles) {
        MessageBox::critical(nullptr, QObject::tr("Moniagent"), hasProfiles.error().message,
                             hasProfiles.error().detail);
        return false;
    }
    if (*hasProfiles) {
        QSettings settings;
        const qint64 last = settings.value(QStringLiteral("profile/last")).toLongLong();
        if (last > 0 && m_session->setUser(last))
            return true;
        auto selected = m_session->selectUser();
        if (!selected)
            MessageBox::critical(nullptr, QObject::tr("Moniagent"), selected.error().message);
        return selected.ok();
    }

    // First start.
    QString name = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    FirstRunDialog dialog(name, Currency::forLocale(QLocale::system()).code());
    if (dialog.exec() != QDialog::Accepted || dialog.choice() == FirstRunDialog::Choice::Cancelled)
        return false;
    UserRepository::NewProfile profile;
    profile.username = dialog.profileName();
    profile.baseCurrency = dialog.currency();
    profile.locale = QLocale::system().name();
    auto id = m_session->users()->createProfile(profile);
    if (!id || !m_session->setUser(*id)) {
        MessageBox::critical(nullptr, QObject::tr("Moniagent"),
                             id ? QObject::tr("The new profile could not be opened.") : id.error().message);
        return false;
    }
    QSettings().setValue(QStringLiteral("profile/last"), *id);
    if (dialog.choice() == FirstRunDialog::Choice::Demo)
        fillWithDemoData();
    return true;
}

bool Application::fillWithDemoData()
{
    // Generated on a worker thread (its own connection, one transaction) while a progress dialog stays live.
    QProgressDialog progress(QObject::tr("Creating demo data…"), QObject::tr("Cancel"), 0, 1000);
    progress.setWindowTitle(QObject::tr("Moniagent"));
    progress.setMinimumDuration(0);
    progress.setWindowModality(Qt::ApplicationModal);
    std::atomic<bool> cancelled = false;
    std::atomic<int> permille = 0;
    Result<qint64> result = qint64(0);

    DemoGenerator::Options options;
    options.transactions = 6000;
    options.endDate = m_session->clock().today();
    options.currency = m_session->baseCurrency().code();
    Database* database = m_session->database();
    const qint64 userId = m_session->userId();
    QThread* worker = QThread::create([&]() {
        result = DemoGenerator::populate(database, userId, options, [&](qint64 done, qint64 total) {
            permille = total > 0 ? int(done * 1000 / total) : 0;
            return !cancelled.load();
        });
    });
    QEventLoop loop;
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &progress, [&]() { progress.setValue(permille.load()); });
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [&]() { cancelled = true; });
    ticker.start(50);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    progress.reset();
    if (!result && result.error().code != Error::Code::Cancelled) {
        MessageBox::warning(nullptr, QObject::tr("Moniagent"), result.error().message, result.error().detail);
        return false;
    }
    if (result.ok()) {
        // The demo rows were written in bulk, behind the categorizer: let it learn them.
        auto learned = m_session->categorizer()->rebuildModel();
        if (!learned)
            qCWarning(lcModels) << "could not train the categorizer on the demo data:" << learned.error().toString();
    }
    return result.ok();
}

bool Application::handOverToRunningInstance(const QString& databasePath, const QStringList& files)
{
    m_instance = std::make_unique<SingleInstance>(databasePath);
    if (m_instance->tryHandOver(files))
        return true;
    auto listening = m_instance->listen();
    if (!listening) {
        // Two starts at the same moment: the other one won the name.
        if (listening.error().code == Error::Code::Conflict && m_instance->tryHandOver(files))
            return true;
        qCWarning(lcDesktop) << "running without single-instance hand-over:" << listening.error().toString();
    }
    QObject::connect(m_instance.get(), &SingleInstance::activationRequested, this, &Application::activate);
    return false;
}

void Application::createTray()
{
    m_tray = new TrayIcon(this);
    m_closeToTray = new CloseToTray(m_window.get(), m_tray, this);
    QObject::connect(m_tray, &TrayIcon::openRequested, this, &Application::showWindow);
    QObject::connect(m_window.get(), &MainWindow::attentionNeeded, m_tray,
                     [this](const QString& title, const QString& message) {
                         m_tray->showMessage(title, message, QSystemTrayIcon::Warning);
                     });
    QObject::connect(m_tray, &TrayIcon::quitRequested, m_closeToTray, &CloseToTray::quit);
    QObject::connect(m_tray, &TrayIcon::importRequested, this, [this]() {
        showWindow();
        m_window->importStatements();
    });
    QObject::connect(m_tray, &TrayIcon::quickAddRequested, this, [this]() {
        showWindow();
        if (auto* quickAdd = m_window->findChild<QAction*>(QStringLiteral("quickAddAction")))
            quickAdd->trigger();
    });
    // File › Quit quits, rather than closing the window into the tray.
    QObject::disconnect(m_window->quitAction(), &QAction::triggered, m_window.get(), nullptr);
    QObject::connect(m_window->quitAction(), &QAction::triggered, m_closeToTray, &CloseToTray::quit);

    // Budgets: the summary and warning badge follow every check; new alerts become notifications whose click
    // opens the budget (the window shows them in its notification list as well).
    BudgetAlertMonitor* monitor = m_window->budgetMonitor();
    QObject::connect(monitor, &BudgetAlertMonitor::statusesChanged, m_tray, &TrayIcon::setBudgetStatuses);
    m_tray->setBudgetStatuses(monitor->statuses());
    QObject::connect(monitor, &BudgetAlertMonitor::alertRaised, m_tray, [this](const RaisedAlert& raised) {
        m_tray->notify(raised.title, raised.message, raised.alert.budgetId,
                       raised.alert.level == BudgetAlertLevel::Exceeded ? QSystemTrayIcon::Critical
                                                                        : QSystemTrayIcon::Warning);
    });
    QObject::connect(m_tray, &TrayIcon::budgetRequested, this, [this](qint64 budgetId) {
        showWindow();
        m_window->showBudget(budgetId);
    });
    m_tray->show();
}

void Application::activate(const QStringList& files)
{
    if (!m_window) {
        m_pendingActivation = true;
        m_pendingFiles += files;
        return;
    }
    showWindow();
    if (!files.isEmpty())
        m_window->importFiles(files);
}

void Application::showWindow()
{
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void Application::watchStartup()
{
    if (qEnvironmentVariableIsEmpty("MONIAGENT_BENCH_STARTUP"))
        return;
    qApp->installEventFilter(new StartupWatcher(m_window.get()));
}

int Application::run()
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/moniagent.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.moniagent.Moniagent"));
    m_translations.install(QLocale::system());
    const QString path = databasePath();
    const QStringList files = SingleInstance::filesFromArguments(QCoreApplication::arguments());
    if (handOverToRunningInstance(path, files))
        return 0; // the running Moniagent took over
    if (!openDatabase(path))
        return 1;
    if (!ensureProfile())
        return 0;
    const QLocale locale = m_session->locale();
    QLocale::setDefault(locale);
    m_translations.install(locale);
    QSettings().setValue(QStringLiteral("profile/last"), m_session->userId());

    m_window = std::make_unique<MainWindow>(m_session.get());
    QObject::connect(m_window.get(), &MainWindow::languageChanged, this,
                     [this]() { m_translations.install(m_session->locale()); });
    createTray();
    watchStartup();
    m_window->show();
    if (m_pendingActivation || !files.isEmpty()) {
        const QStringList pending = files + m_pendingFiles;
        m_pendingFiles.clear();
        m_pendingActivation = false;
        QTimer::singleShot(0, this, [this, pending]() { activate(pending); });
    }
    return QApplication::exec();
}

} // namespace Moniagent
