#pragma once

#include "budget/budgetengine.h"
#include "categorize/categorizer.h"
#include "core/clock.h"
#include "core/result.h"
#include "db/budgetalertrepository.h"
#include "db/budgetrepository.h"
#include "db/categoryrepository.h"
#include "db/chatmessagerepository.h"
#include "db/chatsessionrepository.h"
#include "db/connectedaccountrepository.h"
#include "db/database.h"
#include "db/emailextractionrepository.h"
#include "db/emailrepository.h"
#include "db/invoicerepository.h"
#include "db/jobrepository.h"
#include "db/statementimportrepository.h"
#include "db/transactionrepository.h"
#include "db/userrepository.h"
#include "receipts/receiptservice.h"

#include <QLocale>

#include <memory>

namespace Moniagent {

// What one running Moniagent works with: the open database, its repositories, the current profile and
// the outside world (locale, clock). Built once by the composition root (the window or a command-line
// command) and passed down; nothing reaches for it globally.
class Session
{
public:
    static Result<std::unique_ptr<Session>> open(const QString& path, const Clock& clock = SystemClock::instance());
    ~Session();

    Database* database() const { return m_database.get(); }
    TransactionRepository* transactions() const { return m_transactions.get(); }
    CategoryRepository* categories() const { return m_categories.get(); }
    UserRepository* users() const { return m_users.get(); }
    StatementImportRepository* imports() const { return m_imports.get(); }
    BudgetRepository* budgets() const { return m_budgets.get(); }
    BudgetAlertRepository* budgetAlerts() const { return m_budgetAlerts.get(); }
    InvoiceRepository* invoices() const { return m_invoices.get(); }
    ChatSessionRepository* chatSessions() const { return m_chatSessions.get(); }
    ChatMessageRepository* chatMessages() const { return m_chatMessages.get(); }
    // The background job queue (its user methods); the window's JobRunner works through it.
    JobRepository* jobs() const { return m_jobs.get(); }
    // Mail accounts, the emails fetched for them and what their extraction found (the mail jobs write them from
    // worker threads; the Accounts dialog listens to them).
    ConnectedAccountRepository* mailAccounts() const { return m_mailAccounts.get(); }
    EmailRepository* emails() const { return m_emails.get(); }
    EmailExtractionRepository* emailExtractions() const { return m_emailExtractions.get(); }
    // Receipt files: storing, reading results, accepting into expenses.
    ReceiptService* receipts() const { return m_receipts.get(); }
    // Evaluates the budgets with the profile's first day of the week (null until a profile is open).
    const BudgetEngine* budgetEngine() const { return m_budgetEngine.get(); }
    // The current profile's categorizer (null until a profile is open). Hooked into transactions(), so every
    // new transaction is categorized and every confirmation teaches it.
    Categorizer* categorizer() const { return m_categorizer.get(); }
    const Clock& clock() const { return m_clock; }

    qint64 userId() const { return m_userId; }
    const User& user() const { return m_user; }
    // The profile's locale, or the system locale when the profile has none.
    QLocale locale() const;
    Currency baseCurrency() const { return Currency::fromCode(m_user.baseCurrency); }

    Result<bool> hasProfiles() const { return m_users->hasProfiles(); }
    // Opens a profile by id; NotFound if it does not exist.
    Result<void> setUser(qint64 userId);
    // Opens the profile with this name, or the first one when `username` is empty.
    Result<void> selectUser(const QString& username = {});
    // Creates the first profile of a fresh installation from the environment (user name, locale, the
    // locale's currency) and opens it.
    Result<qint64> createDefaultProfile(const QLocale& locale = QLocale::system());
    // The window trains the categorizer's model in the background when it has to (a large demo or bulk-loaded
    // ledger); the command line trains before it answers. Set before opening a profile.
    void setBackgroundTraining(bool background) { m_backgroundTraining = background; }

    // Re-reads the current profile after its settings changed.
    Result<void> reloadUser() { return setUser(m_userId); }

private:
    Session(std::unique_ptr<Database> database, const Clock& clock);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<CategoryRepository> m_categories;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<StatementImportRepository> m_imports;
    std::unique_ptr<BudgetRepository> m_budgets;
    std::unique_ptr<BudgetAlertRepository> m_budgetAlerts;
    std::unique_ptr<InvoiceRepository> m_invoices;
    std::unique_ptr<ChatSessionRepository> m_chatSessions;
    std::unique_ptr<ChatMessageRepository> m_chatMessages;
    std::unique_ptr<JobRepository> m_jobs;
    std::unique_ptr<ConnectedAccountRepository> m_mailAccounts;
    std::unique_ptr<EmailRepository> m_emails;
    std::unique_ptr<EmailExtractionRepository> m_emailExtractions;
    std::unique_ptr<ReceiptService> m_receipts;
    std::unique_ptr<BudgetEngine> m_budgetEngine;
    std::unique_ptr<Categorizer> m_categorizer;
    const Clock& m_clock;
    qint64 m_userId = 0;
    bool m_backgroundTraining = false;
    User m_user;
};

} // namespace Moniagent
