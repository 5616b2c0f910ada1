// The offline assistant's benchmark of DESIGN.md §8: builds (or reuses) a demo database, then answers one question
// of each type (parsing, the tools' SQL and the answer text, on one thread as the worker runs it) and prints the
// median and 95th percentile per type. Target: ≤ 150 ms each at 1,000,000 transactions. Nothing is asserted.
//
//   bench_assistant --db FILE [--transactions N] [--fresh] [--runs N]

#include "ai/offlineassistant.h"
#include "benchsupport.h"
#include "db/sql.h"
#include "i18n/translations.h"
#include "session/session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Moniagent;
using namespace Moniagent::Bench;

namespace {

// "Today" for the questions: the ledger's last day.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDate today)
        : m_today(today)
    { }
    QDateTime nowUtc() const override { return QDateTime(m_today, QTime(12, 0), Qt::UTC); }
    QDate today() const override { return m_today; }

private:
    QDate m_today;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentBench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("The benchmark database."), QStringLiteral("file")},
        {QStringLiteral("transactions"), QStringLiteral("Rows of demo data (default 1000000)."), QStringLiteral("n"),
         QStringLiteral("1000000")},
        {QStringLiteral("fresh"), QStringLiteral("Delete and rebuild the database even if it exists.")},
        {QStringLiteral("runs"), QStringLiteral("Answers per question type (default 21)."), QStringLiteral("n"),
         QStringLiteral("21")},
    });
    parser.process(app);
    const QString path = parser.value(QStringLiteral("db"));
    const qint64 rows = parser.value(QStringLiteral("transactions")).toLongLong();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (path.isEmpty()) {
        std::fprintf(stderr, "bench_assistant: --db FILE is required\n");
        return 2;
    }
    Translations translations;
    translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
    printMachine(QStringLiteral("assistant"));
    if (parser.isSet(QStringLiteral("fresh")) || !QFile::exists(path)) {
        if (createDemoDatabase(path, rows, "bench_assistant") < 0)
            return 1;
    }
    auto opened = Session::open(path);
    if (!opened || !(*opened)->selectUser()) {
        std::fprintf(stderr, "bench_assistant: cannot open %s\n", qPrintable(path));
        return 1;
    }
    Session& session = **opened;
    const qint64 user = session.userId();
    auto count = Sql::scalar(session.database()->connection(),
                             QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {user});
    auto newest = Sql::scalar(session.database()->connection(),
                              QStringLiteral("SELECT max(occurred_on) FROM transactions WHERE user_id = ?"), {user});
    // Budgets to evaluate: the overall one and one per expense category, as a busy profile has them.
    if (auto existing = session.budgets()->list(user); existing && existing->isEmpty()) {
        auto categories = session.categories()->list(user);
        QList<std::optional<qint64>> wanted {std::nullopt};
        if (categories) {
            for (const Category& c : *categories) {
                if (c.type == CategoryType::Expense && wanted.size() < 15)
                    wanted << c.id;
            }
        }
        for (const std::optional<qint64>& category : std::as_const(wanted)) {
            Budget budget;
            budget.categoryId = category;
            budget.limit = Money(500 * session.baseCurrency().minorPerMajor(), session.baseCurrency());
            if (!session.budgets()->add(user, budget)) {
                std::fprintf(stderr, "bench_assistant: cannot create the budgets\n");
                return 1;
            }
        }
    }
    auto budgets = session.budgets()->list(user);
    if (!count || !newest || !budgets) {
        std::fprintf(stderr, "bench_assistant: cannot read the ledger\n");
        return 1;
    }
    const QDate today = Sql::parseIsoDate(*newest);
    const FixedClock clock(today);
    out() << "Ledger: " << count->toLongLong() << " transactions, " << budgets->size() << " budgets; today "
          << today.toString(Qt::ISODate) << Qt::endl;
    const OfflineAssistant assistant(session.database(), user, clock, session.locale(), session.baseCurrency(),
                                     session.budgetEngine());

    struct Question
    {
        const char* type;
        const char* text;
    };
    const Question questions[] = {
        {"category total", "How much did I spend on groceries last month?"},
        {"category total, this year", "How much did I spend on eating out this year?"},
        {"merchant total", "How much did I spend at Tesco this year?"},
        {"top merchants", "What are my top 5 merchants this month?"},
        {"top merchants, this year", "What are my top 10 merchants this year?"},
        {"top categories", "Where did my money go last month by category?"},
        {"compare", "How much did I spend on eating out last month compared with the month before last?"},
        {"budget status", "How are my budgets?"},
        {"biggest expenses", "What were my biggest expenses in the last 30 days?"},
        {"income", "What was my income this year?"},
        {"income vs expenses per month", "Income and expenses per month this year"},
        {"subscriptions", "Which subscriptions do I have?"},
        {"list", "Show my latest transactions at Amazon"},
        {"not understood", "What is the weather like?"},
    };
    bool allFine = true;
    for (const Question& question : questions) {
        const QString text = QString::fromUtf8(question.text);
        QList<double> times;
        bool understood = true;
        int calls = 0;
        for (int i = 0; i <= runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const AssistantAnswer answer = assistant.answerNow(text);
            const double elapsed = timer.nsecsElapsed() / 1e6;
            understood = answer.understood;
            calls = int(answer.toolCalls.size());
            if (i > 0) // the first run warms the caches
                times << elapsed;
        }
        std::sort(times.begin(), times.end());
        const double median = times.at(times.size() / 2);
        const double p95 = times.at(std::min<qsizetype>(times.size() - 1, qsizetype(times.size() * 0.95)));
        const bool expectUnderstood = qstrcmp(question.type, "not understood") != 0;
        if (understood != expectUnderstood || (expectUnderstood && calls == 0)) {
            allFine = false;
            report(QString::fromUtf8(question.type), QStringLiteral("failed: not answered"),
                   QStringLiteral("≤ 150 ms"));
            continue;
        }
        report(QString::fromUtf8(question.type), QStringLiteral("median %1, p95 %2").arg(ms(median), ms(p95)),
               QStringLiteral("≤ 150 ms"));
    }
    printTable();
    return allFine ? 0 : 1;
}
