#pragma once

#include <QDate>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QTabWidget;
class QUndoStack;

namespace Moniagent {

class LlmCategorizer;
struct LlmStageEnvironment;

class BudgetAlertMonitor;
class AssistantSelector;
class BudgetsPage;
class SecretStore;
class ChatController;
class ChatDock;
class DashboardPage;
class ImportHistoryDialog;
class ImportReceiptsDialog;
class JobRunner;
class JobScheduler;
class JobsDialog;
class MailIntegration;
class ReceiptBatch;
class ReceiptReviewFlow;
class ReceiptsPage;
class LedgerPage;
class NotificationsButton;
struct TransactionFilter;
class Session;
class TransactionModel;

// The main window: the ledger page, menus with keyboard shortcuts, undo/redo, and a status bar with
// the totals of what the filters show. Remembers its geometry, layout and columns. The categorizer comes from
// the session; the window reaches it only through what the session hands out.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Session* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    LedgerPage* ledgerPage() const { return m_page; }
    TransactionModel* ledgerModel() const { return m_model; }
    QUndoStack* undoStack() const { return m_undo; }
    QLabel* totalsLabel() const { return m_totals; }
    QTabWidget* pages() const { return m_pages; }
    BudgetsPage* budgetsPage() const { return m_budgetsPage; }
    DashboardPage* dashboardPage() const { return m_dashboard; }
    ReceiptsPage* receiptsPage() const { return m_receiptsPage; }
    ReceiptBatch* receiptBatch() const { return m_receiptBatch; }
    ReceiptReviewFlow* receiptReview() const { return m_receiptReview; }
    // The Import Receipts dialog while it exists (it is made on first use).
    ImportReceiptsDialog* importReceiptsDialog() const;
    NotificationsButton* notificationsButton() const { return m_bell; }
    // File › Quit: closes the window; the application reconnects it when closing only hides into the tray.
    QAction* quitAction() const { return m_quit; }
    // Watches the budgets and raises alerts; the application shows them in the tray as well.
    BudgetAlertMonitor* budgetMonitor() const { return m_monitor; }
    ChatDock* chatDock() const { return m_chatDock; }
    ChatController* chat() const { return m_chat; }
    AssistantSelector* assistants() const { return m_assistants; }
    SecretStore* secrets() const { return m_secrets; }
    // The background job runner of the open database (all profiles' jobs) and its periodic schedules. Register
    // job handlers and schedules right after constructing the window: both start at the first turn of the event
    // loop, and stop when the window is destroyed (before the database).
    JobRunner* jobs() const { return m_jobRunner; }
    JobScheduler* jobScheduler() const { return m_jobScheduler; }
    // Email ingestion: accounts, the mail jobs and their schedule, Tools › Mail Accounts.
    MailIntegration* mail() const { return m_mail; }
    // Tools › Jobs while it is open.
    JobsDialog* jobsDialog() const;

public Q_SLOTS:
    void showSettings();
    void showCategories();
    void showRules();
    void showAbout();
    // File › Import Statements…: asks for files, then imports them.
    void importStatements();
    // Asks for receipt files (images, PDFs) and reads them.
    void importReceipts();
    // Reads receipt files in the background and shows their queue.
    void addReceipts(const QStringList& paths);
    // Imports these statement files (also what is dropped on the window).
    void importFiles(const QStringList& paths);
    // File › Export…: the ledger as CSV/OFX/QIF, or a backup of the profile.
    void showExport();
    // File › Import History…: past statement imports, each can be undone (modeless, one at a time).
    void showImportHistory();
    ImportHistoryDialog* importHistoryDialog() const;
    // Shows the ledger page narrowed to `filter` (what a budget or chart stands for).
    void showLedger(const Moniagent::TransactionFilter& filter);
    // Shows the budgets page with this budget selected (a notification was clicked); with a date, its period.
    void showBudget(qint64 budgetId, QDate periodStart = QDate());
    // Shows the assistant with the cursor in its question field, the question filled in when given.
    void askAssistant(const QString& question = {});
    // Tools › Jobs…: the profile's background jobs (one dialog, brought to the front).
    void showJobs();

Q_SIGNALS:
    // The profile's language changed; the application reloads translations.
    void languageChanged();
    // A background matter the user should hear about even when the window is hidden (the tray shows it): a mail
    // account that needs signing in again.
    void attentionNeeded(const QString& title, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createChat();
    void createJobs();
    void startJobs();
    void updateTotals();
    void updateCount();
    void updateTitle();
    void showError(const QString& message);
    void restoreSettings();
    void saveSettings();

    Session* m_session;
    QUndoStack* m_undo;
    TransactionModel* m_model;
    LedgerPage* m_page;
    QLabel* m_count;
    QLabel* m_totals;
    QTabWidget* m_pages;
    BudgetsPage* m_budgetsPage = nullptr;
    DashboardPage* m_dashboard = nullptr;
    ReceiptBatch* m_receiptBatch = nullptr;
    ReceiptsPage* m_receiptsPage = nullptr;
    ReceiptReviewFlow* m_receiptReview = nullptr;
    QPointer<ImportReceiptsDialog> m_importReceipts;
    NotificationsButton* m_bell = nullptr;
    BudgetAlertMonitor* m_monitor;
    SecretStore* m_secrets = nullptr;
    AssistantSelector* m_assistants = nullptr;
    ChatController* m_chat = nullptr;
    ChatDock* m_chatDock = nullptr;
    JobRunner* m_jobRunner = nullptr;
    JobScheduler* m_jobScheduler = nullptr;
    QPointer<JobsDialog> m_jobsDialog;
    QPointer<ImportHistoryDialog> m_importHistory;
    MailIntegration* m_mail = nullptr;
    // Asks the configured model about transactions rules and the learned model are unsure of (Settings › AI).
    std::unique_ptr<LlmStageEnvironment> m_llmStages;
    LlmCategorizer* m_llmCategorizer = nullptr;
    QAction* m_acceptAll = nullptr;
    QAction* m_quit = nullptr;
};

} // namespace Moniagent
