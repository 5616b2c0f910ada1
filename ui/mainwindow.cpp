#include "mainwindow.h"

#include "ai/assistantselector.h"
#include "ai/chatcontroller.h"
#include "ai/llmcategorizer.h"
#include "ai/llmstructuredcall.h"
#include "budget/budgetalertmonitor.h"
#include "budgets/budgetspage.h"
#include "budgets/budgetstatusmodel.h"
#include "budgets/notificationlistmodel.h"
#include "budgets/notificationsbutton.h"
#include "categorize/categorizer.h"
#include "chat/chatdock.h"
#include "chat/proposalrunner.h"
#include "common/messagebox.h"
#include "dashboard/dashboardpage.h"
#include "dialogs/aisettingswidget.h"
#include "dialogs/aiusagedialog.h"
#include "dialogs/categoriesdialog.h"
#include "dialogs/rulesdialog.h"
#include "dialogs/settingsdialog.h"
#include "import/exportdialog.h"
#include "import/importdialog.h"
#include "import/importhistorydialog.h"
#include "itemmodels/transactionmodel.h"
#include "jobs/jobrunner.h"
#include "jobs/jobscheduler.h"
#include "jobs/jobsdialog.h"
#include "ledger/categorizationactions.h"
#include "ledger/filterbar.h"
#include "ledger/ledgerpage.h"
#include "ledger/ledgerview.h"
#include "ledger/quickentrywidget.h"
#include "ledger/reviewbar.h"
#include "mail/mailintegration.h"
#include "receipts/importreceiptsdialog.h"
#include "receipts/receiptbatch.h"
#include "receipts/receiptreviewflow.h"
#include "receipts/receiptspage.h"
#include "secrets/secretstore.h"
#include "session/session.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

namespace Moniagent {

MainWindow::MainWindow(Session* session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_undo(new QUndoStack(this))
    , m_model(new TransactionModel(session->transactions(), session->categories(), session->userId(), this))
    , m_page(nullptr)
    , m_count(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_pages(new QTabWidget(this))
    , m_monitor(new BudgetAlertMonitor(session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/moniagent.svg")));
    m_model->setLocale(session->locale());
    m_model->setUndoStack(m_undo);
    m_page = new LedgerPage(session, m_model, session->categorizer(), this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_page, tr("Ledger"));
    m_budgetsPage = new BudgetsPage(session, m_undo, this);
    m_pages->addTab(m_budgetsPage, tr("Budgets"));
    connect(m_budgetsPage, &BudgetsPage::ledgerRequested, this, &MainWindow::showLedger);
    connect(m_budgetsPage, &BudgetsPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    m_dashboard = new DashboardPage(session, this);
    m_pages->addTab(m_dashboard, tr("Dashboard"));
    connect(m_dashboard, &DashboardPage::ledgerRequested, this, &MainWindow::showLedger);
    connect(m_dashboard, &DashboardPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    m_receiptBatch = new ReceiptBatch(session->receipts(), session->userId(), this);
    // Dates after the profile's today are not receipt dates; receipts naming no currency are in the profile's.
    m_receiptBatch->setOptions({}, {session->clock().today(), session->baseCurrency()});
    m_receiptsPage = new ReceiptsPage(session, m_receiptBatch, this);
    m_pages->addTab(m_receiptsPage, tr("Receipts"));
    m_receiptReview = new ReceiptReviewFlow(session, m_receiptBatch, m_undo, this);
    connect(m_receiptsPage, &ReceiptsPage::importRequested, this, &MainWindow::importReceipts);
    connect(m_receiptsPage, &ReceiptsPage::reviewRequested, m_receiptReview, &ReceiptReviewFlow::review);
    connect(m_receiptsPage, &ReceiptsPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    connect(m_receiptReview, &ReceiptReviewFlow::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_receiptBatch, &ReceiptBatch::idle, this, [this]() {
        const int waiting = int(m_receiptBatch->rowsNeedingReview().size());
        if (waiting > 0)
            statusBar()->showMessage(tr("%n receipt(s) read and waiting for your review.", nullptr, waiting), 10000);
    });
    m_bell = new NotificationsButton(session, this);
    m_bell->setObjectName(QStringLiteral("notificationsButton"));
    connect(m_bell, &NotificationsButton::budgetRequested, this, &MainWindow::showBudget);
    setCentralWidget(m_pages);

    m_count->setObjectName(QStringLiteral("countLabel"));
    m_totals->setObjectName(QStringLiteral("totalsLabel"));
    m_totals->setTextFormat(Qt::RichText);
    statusBar()->addWidget(m_count);
    statusBar()->addPermanentWidget(m_totals);
    connect(m_model, &TransactionModel::totalsChanged, this, &MainWindow::updateTotals);
    connect(m_model, &TransactionModel::countChanged, this, &MainWindow::updateCount);
    connect(m_model, &TransactionModel::loadingChanged, this, &MainWindow::updateCount);
    connect(m_model, &TransactionModel::errorOccurred, this, &MainWindow::showError);
    connect(m_page, &LedgerPage::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    if (Categorizer* categorizer = session->categorizer())
        connect(categorizer, &Categorizer::errorOccurred, this, &MainWindow::showError);

    connect(m_monitor, &BudgetAlertMonitor::alertRaised, this,
            [this](const RaisedAlert& alert) { statusBar()->showMessage(alert.message, 15000); });
    connect(m_monitor, &BudgetAlertMonitor::errorOccurred, this, &MainWindow::showError);
    m_monitor->start();

    setAcceptDrops(true);
    createJobs();
    createChat();
    // The mail jobs read passwords through the chat's keychain store; both exist now.
    m_mail = new MailIntegration(m_session, m_secrets, m_jobRunner, m_jobScheduler, this);
    // The optional language-model stages read the profile's AI settings at each use: nothing is sent until the user
    // configures a model and switches the feature on.
    m_llmStages = std::make_unique<LlmStageEnvironment>(LlmStageEnvironment::forSession(*m_session, *m_secrets));
    m_receiptBatch->setSecondOpinion(*m_llmStages);
    if (m_session->categorizer()) {
        m_llmCategorizer = new LlmCategorizer(*m_llmStages, m_session->userId(), this);
        m_session->categorizer()->setLlmStage(m_llmCategorizer);
    }
    connect(m_mail, &MailIntegration::attentionNeeded, this, [this](const QString& title, const QString& message) {
        statusBar()->showMessage(title, 15000);
        Q_EMIT attentionNeeded(title, message);
    });
    createActions();
    updateTitle();
    updateCount();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // Workers waiting for the keychain must not wait for this thread, which now waits for them.
    if (m_secrets)
        m_secrets->stopServingWorkers();
    // The workers use the database, which the session destroys after the window.
    if (m_session->categorizer())
        m_session->categorizer()->setLlmStage(nullptr);
    m_jobScheduler->stop();
    m_jobRunner->stop();
}

void MainWindow::createJobs()
{
    m_jobRunner = new JobRunner(m_session->database(), m_session->jobs(), m_session->clock(), this);
    m_jobRunner->setObjectName(QStringLiteral("jobRunner"));
    m_jobScheduler = new JobScheduler(m_jobRunner, m_session->clock(), this);
    m_jobScheduler->setObjectName(QStringLiteral("jobScheduler"));
    connect(m_jobScheduler, &JobScheduler::errorOccurred, this, &MainWindow::showError);
    connect(m_jobRunner, &JobRunner::jobFinished, this, [this](const Job& job) {
        if (job.status == JobStatus::Failed && job.userId == m_session->userId())
            statusBar()->showMessage(
                tr("%1 failed: %2 (Tools › Jobs)").arg(JobEnums::displayName(job.type), job.errorMessage()), 10000);
    });
    // Started once the event loop runs, so that whoever built the window has registered handlers and schedules.
    QTimer::singleShot(0, this, &MainWindow::startJobs);
}

void MainWindow::startJobs()
{
    if (m_jobRunner->isRunning())
        return;
    auto started = m_jobRunner->start();
    if (!started)
        showError(tr("Background jobs cannot run: %1").arg(started.error().message));
    m_jobScheduler->start();
}

JobsDialog* MainWindow::jobsDialog() const
{
    return m_jobsDialog;
}

void MainWindow::showJobs()
{
    if (!m_jobsDialog) {
        m_jobsDialog = new JobsDialog(m_session, m_jobRunner, this);
        m_jobsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_jobsDialog->show();
    m_jobsDialog->raise();
    m_jobsDialog->activateWindow();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    // Quick entry sits on the ledger page: bring it to the front from any page.
    QAction* quickAdd = file->addAction(tr("&Quick Add…"), this, [this]() {
        m_pages->setCurrentWidget(m_page);
        m_page->quickEntry()->focusEntry();
    });
    quickAdd->setObjectName(QStringLiteral("quickAddAction"));
    quickAdd->setShortcut(QKeySequence::New);
    QAction* newBudget = m_budgetsPage->newBudgetAction();
    connect(newBudget, &QAction::triggered, this, [this]() { m_pages->setCurrentWidget(m_budgetsPage); });
    file->addAction(newBudget);
    QAction* import = file->addAction(tr("&Import Statements…"), this, &MainWindow::importStatements);
    import->setObjectName(QStringLiteral("importStatementsAction"));
    import->setShortcut(QKeySequence(tr("Ctrl+I")));
    QAction* history = file->addAction(tr("Import &History…"), this, &MainWindow::showImportHistory);
    history->setObjectName(QStringLiteral("importHistoryAction"));
    QAction* importReceiptsAction = file->addAction(tr("Import &Receipts…"), this, &MainWindow::importReceipts);
    importReceiptsAction->setObjectName(QStringLiteral("importReceiptsAction"));
    importReceiptsAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    QAction* exportAction = file->addAction(tr("&Export…"), this, &MainWindow::showExport);
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    if (settings->shortcut().isEmpty())
        settings->setShortcut(QKeySequence(tr("Ctrl+,")));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    m_quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    QAction* quit = m_quit;
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* remove = edit->addAction(tr("&Delete"), m_page->view(), &LedgerView::deleteSelected);
    remove->setObjectName(QStringLiteral("deleteAction"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->view()->addAction(remove);
    QAction* selectAll = edit->addAction(tr("Select &All"), m_page->view(), &QAbstractItemView::selectAll);
    selectAll->setShortcut(QKeySequence::SelectAll);
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->view()->addAction(selectAll);
    edit->addSeparator();
    QAction* find = edit->addAction(tr("&Find…"), m_page->filterBar(), &FilterBar::focusSearch);
    find->setShortcut(QKeySequence::Find);
    edit->addSeparator();
    QAction* categories = edit->addAction(tr("&Categories…"), this, &MainWindow::showCategories);
    categories->setObjectName(QStringLiteral("categoriesAction"));
    categories->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));

    edit->addSeparator();
    QAction* accept = edit->addAction(tr("Accept &Suggestion"), this, [this]() {
        (void)m_page->categorizationActions()->acceptRows(m_page->view()->selectedRows());
    });
    accept->setObjectName(QStringLiteral("acceptSuggestionAction"));
    accept->setShortcut(QKeySequence(tr("Ctrl+Return")));
    accept->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->view()->addAction(accept);
    m_acceptAll = edit->addAction(tr("Accept All &Visible"), m_page, &LedgerPage::acceptAllVisible);
    m_acceptAll->setObjectName(QStringLiteral("acceptAllAction"));
    m_acceptAll->setShortcuts({QKeySequence(tr("Ctrl+Shift+Return")), QKeySequence(tr("Ctrl+Shift+Enter"))});
    m_acceptAll->setEnabled(false);
    m_page->reviewBar()->setAcceptAllShortcut(m_acceptAll->shortcut());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QStringList pageNames {tr("&Ledger"), tr("&Budgets"), tr("&Dashboard"), tr("&Receipts")};
    for (int i = 0; i < m_pages->count(); ++i) {
        QAction* page = view->addAction(pageNames.value(i, m_pages->tabText(i)), this,
                                        [this, i]() { m_pages->setCurrentIndex(i); });
        page->setObjectName(QStringLiteral("pageAction%1").arg(i + 1));
        page->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction* review = view->addAction(tr("Needs &Review"));
    review->setObjectName(QStringLiteral("reviewAction"));
    review->setCheckable(true);
    review->setShortcut(QKeySequence(tr("Ctrl+R")));
    review->setToolTip(tr("Show only the transactions whose category waits for your review"));
    connect(review, &QAction::toggled, m_page, &LedgerPage::setReviewMode);
    connect(m_page, &LedgerPage::reviewModeChanged, this, [this, review](bool on) {
        const QSignalBlocker blocker(review);
        review->setChecked(on);
        m_acceptAll->setEnabled(on);
    });
    QAction* clear = view->addAction(tr("&Clear Filters"), m_page->filterBar(), &FilterBar::clear);
    clear->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    QAction* reload = view->addAction(tr("&Reload"), m_model, &TransactionModel::refresh);
    // Refresh is Ctrl+R on macOS, which "Needs Review" uses.
    QList<QKeySequence> reloadKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    reloadKeys.removeAll(review->shortcut());
    if (reloadKeys.isEmpty())
        reloadKeys << QKeySequence(Qt::Key_F5);
    reload->setShortcuts(reloadKeys);

    view->addSeparator();
    QAction* chat = m_chatDock->toggleViewAction();
    chat->setObjectName(QStringLiteral("chatDockAction"));
    chat->setText(tr("&Assistant"));
    chat->setToolTip(tr("Show or hide the assistant (Ctrl+K asks a question)"));
    view->addAction(chat);
    QAction* ask = view->addAction(tr("As&k the Assistant…"), this, [this]() { askAssistant(); });
    ask->setObjectName(QStringLiteral("askAction"));
    ask->setShortcut(QKeySequence(tr("Ctrl+K")));

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* rules = tools->addAction(tr("Categorization &Rules…"), this, &MainWindow::showRules);
    rules->setObjectName(QStringLiteral("rulesAction"));
    rules->setEnabled(m_session->categorizer() != nullptr);
    QAction* usage = tools->addAction(tr("AI &Usage…"), this, [this]() {
        auto* dialog = new AiUsageDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    usage->setObjectName(QStringLiteral("aiUsageAction"));
    QAction* jobs = tools->addAction(tr("&Jobs…"), this, &MainWindow::showJobs);
    jobs->setObjectName(QStringLiteral("jobsAction"));
    jobs->setShortcut(QKeySequence(tr("Ctrl+Shift+J")));
    QAction* mailAccounts = tools->addAction(tr("&Mail Accounts…"), this, [this]() { m_mail->showAccounts(this); });
    mailAccounts->setObjectName(QStringLiteral("mailAccountsAction"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Moniagent"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createChat()
{
    m_secrets = new SecretStore(this);
    m_assistants = new AssistantSelector(m_session, m_secrets, this);
    m_chat = new ChatController(m_session->chatSessions(), m_session->chatMessages(), m_session->userId(), this);
    m_chat->setAssistant(m_assistants->current());
    connect(m_assistants, &AssistantSelector::assistantChanged, this, [this](Assistant* assistant) {
        m_chat->setAssistant(assistant);
        m_chatDock->setNotice(m_assistants->notice());
    });
    const auto followSession = [this]() {
        m_assistants->setChatSessionId(m_chat->sessionId());
    };
    connect(m_chat, &ChatController::sessionCreated, this, followSession);
    connect(m_chat, &ChatController::conversationReset, this, followSession);
    m_chatDock = new ChatDock(m_chat, m_session->chatSessions(), m_session->userId(), this);
    addDockWidget(Qt::RightDockWidgetArea, m_chatDock);
    // Closed until asked for (Ctrl+K, View › Assistant or the button beside the bell); the window remembers it.
    m_chatDock->hide();
    auto* corner = new QWidget(this);
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->setSpacing(2);
    auto* assistantButton = new QToolButton(corner);
    assistantButton->setObjectName(QStringLiteral("assistantButton"));
    assistantButton->setDefaultAction(m_chatDock->toggleViewAction());
    assistantButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    assistantButton->setAutoRaise(true);
    cornerLayout->addWidget(assistantButton);
    cornerLayout->addWidget(m_bell);
    m_pages->setCornerWidget(corner, Qt::TopRightCorner);
    connect(m_chatDock, &ChatDock::transactionsRequested, this, &MainWindow::showLedger);
    connect(m_dashboard, &DashboardPage::askRequested, this, &MainWindow::askAssistant);
    auto* proposals = new ProposalRunner(m_session, m_budgetsPage, m_page->categorizationActions(), this);
    connect(proposals, &ProposalRunner::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_chatDock, &ChatDock::proposalActivated, this, [this, proposals](const ProposedAction& action) {
        if (action.kind == ProposedAction::Kind::CreateBudget)
            m_pages->setCurrentWidget(m_budgetsPage);
        proposals->run(action);
    });
    // "Ask about this" on a ledger row.
    connect(m_page->view(), &LedgerView::contextMenuAboutToShow, this, [this](QMenu* menu, const QModelIndex& index) {
        const auto transaction = m_model->transactionAt(index.row());
        if (!transaction || transaction->merchant.trimmed().isEmpty())
            return;
        const QString merchant = transaction->merchant.trimmed();
        menu->addSeparator();
        QAction* action = menu->addAction(tr("Ask &about “%1”…").arg(merchant), this, [this, merchant]() {
            askAssistant(tr("How much did I spend at %1 this year?").arg(merchant));
        });
        action->setObjectName(QStringLiteral("askAboutAction"));
    });
}

void MainWindow::askAssistant(const QString& question)
{
    m_chatDock->focusQuestion(question);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("Moniagent — %1").arg(m_session->user().displayName()));
}

void MainWindow::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_count->setText(tr("Loading…"));
        return;
    }
    m_count->setText(tr("%Ln transaction(s)", nullptr, m_model->rowCount()));
}

void MainWindow::updateTotals()
{
    const LedgerTotals& totals = m_model->totals();
    const QLocale locale = m_session->locale();
    const QString base = m_session->user().baseCurrency;
    // The profile's currency first; others are listed in the tooltip, never added together.
    const CurrencyTotals* main = totals.find(base);
    if (!main && !totals.currencies.isEmpty())
        main = &totals.currencies.first();
    if (!main) {
        m_totals->clear();
        m_totals->setToolTip({});
        return;
    }
    const Currency currency = Currency::fromCode(main->currency);
    const QString income = Money(main->incomeMinor, currency).toString(locale);
    const QString expense = Money(-main->expenseMinor, currency).toString(locale);
    const QString net = Money(main->netMinor(), currency).toString(locale);
    QString text = tr("Income <b>%1</b> &nbsp; Expenses <b>%2</b> &nbsp; Net <b>%3</b>").arg(income, expense, net);
    const qsizetype others = totals.currencies.size() - 1;
    if (others > 0)
        text += QStringLiteral(" &nbsp; ") + tr("(+%n other currency(ies))", nullptr, int(others));
    m_totals->setText(text);
    QStringList lines;
    for (const CurrencyTotals& c : totals.currencies) {
        const Currency cur = Currency::fromCode(c.currency);
        lines << tr("%1: income %2, expenses %3, net %4 (%Ln transaction(s))", nullptr, int(c.count))
                     .arg(c.currency, Money(c.incomeMinor, cur).toString(locale),
                          Money(-c.expenseMinor, cur).toString(locale), Money(c.netMinor(), cur).toString(locale));
    }
    m_totals->setToolTip(lines.join(u'\n'));
}

void MainWindow::showError(const QString& message)
{
    statusBar()->showMessage(message, 10000);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_session, m_secrets, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString key = dialog.aiSettings()->typedKey();
    const QString entry = dialog.aiSettings()->keyToStore();
    if (!key.isEmpty() && !entry.isEmpty()) {
        // The assistant switches once the key is in the keychain.
        m_secrets->write(entry, key, this, [this](Result<bool> persisted) {
            if (!persisted)
                MessageBox::warning(this, tr("API Key"), persisted.error().message);
            else if (!*persisted)
                MessageBox::information(this, tr("API Key"),
                                        tr("No system keychain is available, so the key is kept only until Moniagent "
                                           "quits. You will be asked for it again next time."));
            m_assistants->reload();
        });
    } else {
        m_assistants->reload();
    }
    m_model->setLocale(m_session->locale());
    m_budgetsPage->model()->setLocale(m_session->locale());
    m_bell->model()->setLocale(m_session->locale());
    updateTitle();
    updateTotals();
    if (dialog.languageChanged()) {
        Q_EMIT languageChanged();
        MessageBox::information(this, tr("Settings"),
                                tr("The new language is used for menus and dialogs the next time Moniagent starts."));
    }
}

void MainWindow::showCategories()
{
    CategoriesDialog dialog(m_session, this);
    dialog.exec();
}

void MainWindow::showRules()
{
    if (!m_session->categorizer())
        return;
    RulesDialog dialog(m_session->categorizer(), m_session->categories(), m_model, this);
    connect(&dialog, &RulesDialog::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Moniagent"),
        tr("<h3>Moniagent %1</h3>"
           "<p>Personal finance that reads your receipts, learns your categories and keeps your data on your "
           "computer.</p>"
           "<p>Free software under the GNU General Public License, version 3 or later.</p>"
           "<p>Built with Qt %2. Your data: %3</p>")
            .arg(QStringLiteral(MONIAGENT_VERSION), QString::fromLatin1(qVersion()),
                 QDir::toNativeSeparators(QFileInfo(m_session->database()->path()).absolutePath()).toHtmlEscaped()));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1180, 760);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_page->view()->restoreHeaderState(settings.value(QStringLiteral("ledger/header")).toByteArray());
    m_page->filterBar()->setPeriod(
        DateRange::Preset(settings.value(QStringLiteral("ledger/period"), int(DateRange::Preset::AllTime)).toInt()));
    m_pages->setCurrentIndex(
        std::clamp(settings.value(QStringLiteral("window/page"), 0).toInt(), 0, m_pages->count() - 1));
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("ledger/header"), m_page->view()->saveHeaderState());
    settings.setValue(QStringLiteral("ledger/period"), int(m_page->filterBar()->period()));
    settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
}

void MainWindow::showLedger(const TransactionFilter& filter)
{
    m_page->setReviewMode(false);
    m_page->filterBar()->setFilter(filter);
    m_pages->setCurrentWidget(m_page);
    m_page->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showBudget(qint64 budgetId, QDate periodStart)
{
    m_pages->setCurrentWidget(m_budgetsPage);
    m_budgetsPage->showBudget(budgetId, periodStart);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    event->accept();
}

void MainWindow::importStatements()
{
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("import/folder"),
                                      QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                               .toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Statements"), folder,
        tr("Bank statements (*.csv *.txt *.ofx *.qfx *.qif *.xml);;Statements and receipts (*.csv *.txt *.ofx *.qfx "
           "*.qif *.xml *.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/folder"), QFileInfo(paths.first()).absolutePath());
    importFiles(paths);
}

ImportReceiptsDialog* MainWindow::importReceiptsDialog() const
{
    return m_importReceipts;
}

void MainWindow::importReceipts()
{
    if (!m_importReceipts)
        addReceipts({});
    m_importReceipts->show();
    m_importReceipts->raise();
    m_importReceipts->addFiles();
}

void MainWindow::addReceipts(const QStringList& paths)
{
    if (!m_importReceipts) {
        m_importReceipts = new ImportReceiptsDialog(m_receiptBatch, this);
        connect(m_importReceipts, &ImportReceiptsDialog::reviewRequested, m_receiptReview, &ReceiptReviewFlow::review);
    }
    m_receiptBatch->addFiles(paths);
    if (!paths.isEmpty()) {
        m_importReceipts->show();
        m_importReceipts->raise();
    }
}

void MainWindow::importFiles(const QStringList& paths)
{
    // Receipts (images, PDFs) go to the receipt queue, everything else to the statement import.
    const QStringList receipts = ImportReceiptsDialog::receiptFiles(paths);
    QStringList statements;
    for (const QString& path : paths) {
        if (!receipts.contains(path))
            statements << path;
    }
    if (!receipts.isEmpty())
        addReceipts(receipts);
    if (statements.isEmpty())
        return;
    auto* dialog = new ImportDialog(m_session, m_undo, statements, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog]() {
        if (!dialog->outcomes().isEmpty())
            statusBar()->showMessage(dialog->outcomes().join(QStringLiteral("; ")), 10000);
    });
    dialog->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.cbegin(), urls.cend(), [](const QUrl& url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    // Files, and the files directly inside dropped folders; receipts and statements go their own ways.
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files | QDir::Readable);
            while (it.hasNext())
                files << it.next();
        } else {
            files << path;
        }
    }
    files.sort();
    event->acceptProposedAction();
    importFiles(files);
}

ImportHistoryDialog* MainWindow::importHistoryDialog() const
{
    return m_importHistory;
}

void MainWindow::showImportHistory()
{
    if (m_importHistory) {
        m_importHistory->reload();
        m_importHistory->raise();
        m_importHistory->activateWindow();
        return;
    }
    m_importHistory = new ImportHistoryDialog(m_session, this);
    m_importHistory->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importHistory, &ImportHistoryDialog::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_importHistory->show();
}

void MainWindow::showExport()
{
    auto* dialog = new ExportDialog(m_session, m_model->filter(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { statusBar()->showMessage(dialog->outcome(), 8000); });
    dialog->open();
}

} // namespace Moniagent
