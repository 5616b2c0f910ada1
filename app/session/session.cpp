#include "session.h"

#include <QCoreApplication>

namespace Moniagent {

Session::Session(std::unique_ptr<Database> database, const Clock& clock)
    : m_database(std::move(database))
    , m_transactions(std::make_unique<TransactionRepository>(m_database.get()))
    , m_categories(std::make_unique<CategoryRepository>(m_database.get()))
    , m_users(std::make_unique<UserRepository>(m_database.get()))
    , m_imports(std::make_unique<StatementImportRepository>(m_database.get()))
    , m_budgets(std::make_unique<BudgetRepository>(m_database.get()))
    , m_budgetAlerts(std::make_unique<BudgetAlertRepository>(m_database.get()))
    , m_invoices(std::make_unique<InvoiceRepository>(m_database.get()))
    , m_chatSessions(std::make_unique<ChatSessionRepository>(m_database.get()))
    , m_chatMessages(std::make_unique<ChatMessageRepository>(m_database.get()))
    , m_jobs(std::make_unique<JobRepository>(m_database.get()))
    , m_mailAccounts(std::make_unique<ConnectedAccountRepository>(m_database.get()))
    , m_emails(std::make_unique<EmailRepository>(m_database.get()))
    , m_emailExtractions(std::make_unique<EmailExtractionRepository>(m_database.get()))
    , m_receipts(std::make_unique<ReceiptService>(m_database.get(), m_invoices.get(), m_transactions.get()))
    , m_clock(clock)
{ }

Session::~Session()
{
    if (m_categorizer)
        m_transactions->setCategorizationHook(nullptr);
}

Result<std::unique_ptr<Session>> Session::open(const QString& path, const Clock& clock)
{
    auto database = Database::open(path);
    if (!database)
        return database.error();
    return std::unique_ptr<Session>(new Session(std::move(*database), clock));
}

QLocale Session::locale() const
{
    return m_user.locale.isEmpty() ? QLocale::system() : QLocale(m_user.locale);
}

Result<void> Session::setUser(qint64 userId)
{
    auto user = m_users->find(userId, userId);
    if (!user)
        return user.error();
    if (m_categorizer && m_categorizer->userId() != userId) {
        m_transactions->setCategorizationHook(nullptr);
        m_categorizer.reset();
    }
    if (!m_categorizer) {
        auto categorizer
            = std::make_unique<Categorizer>(m_database.get(), m_transactions.get(), m_categories.get(), userId);
        auto loaded = categorizer->load(m_backgroundTraining ? Categorizer::Training::InBackground
                                                             : Categorizer::Training::Now);
        if (!loaded)
            return loaded;
        m_categorizer = std::move(categorizer);
        m_transactions->setCategorizationHook(m_categorizer.get());
    }
    m_userId = userId;
    m_user = *user;
    if (!m_budgetEngine)
        m_budgetEngine = std::make_unique<BudgetEngine>(m_database.get(), m_budgets.get(), m_clock);
    m_budgetEngine->setFirstDayOfWeek(locale().firstDayOfWeek());
    return {};
}

Result<void> Session::selectUser(const QString& username)
{
    auto id = username.isEmpty() ? m_users->firstProfileId() : m_users->findIdByUsername(username);
    if (!id)
        return id.error();
    return setUser(*id);
}

Result<qint64> Session::createDefaultProfile(const QLocale& locale)
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.trimmed().isEmpty())
        name = QCoreApplication::translate("Moniagent::Session", "Me");
    UserRepository::NewProfile profile;
    profile.username = name;
    profile.baseCurrency = Currency::forLocale(locale).code();
    profile.locale = locale.name();
    auto id = m_users->createProfile(profile);
    if (!id)
        return id.error();
    auto opened = setUser(*id);
    if (!opened)
        return opened.error();
    return *id;
}

} // namespace Moniagent
