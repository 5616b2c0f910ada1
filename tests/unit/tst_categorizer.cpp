// The categorization pipeline as the app uses it: a real database, the repository hook, rules, the learned
// model, feedback, learned rules, persistence and user scoping.
#include "categorize/categorizer.h"
#include "core/categorizationreason.h"
#include "db/categorizationfeedbackrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/categoryrepository.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Moniagent;
using Moniagent::Test::TestDatabase;

namespace {

CategorizationRule makeRule(RuleType type, const QString& pattern, qint64 categoryId, double confidence = 1.0)
{
    CategorizationRule rule;
    rule.type = type;
    rule.pattern = pattern;
    rule.categoryId = categoryId;
    rule.confidenceThreshold = confidence;
    return rule;
}

// An LLM stage that answers from a fixed table, counting how often it was asked.
class FakeLlmStage : public LlmCategorizationStage
{
public:
    void suggest(const CategorizationInput& input, const QList<Category>& categories, Done done) override
    {
        ++asked;
        lastCategories = categories;
        lastInput = input.merchantKey;
        if (answer) {
            CategorySuggestion suggestion;
            suggestion.categoryId = answer;
            suggestion.confidence = 0.8;
            suggestion.by = CategorizedBy::Llm;
            done(suggestion);
        } else {
            done(std::nullopt);
        }
    }
    int asked = 0;
    qint64 answer = 0;
    QString lastInput;
    QList<Category> lastCategories;
};

} // namespace

class TestCategorizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newTransactionsAreCategorizedOnArrival();
    void ruleOrderExactBeforeRegexBeforeKeyword();
    void thresholdDecidesApplyOrReview();
    void invalidAndPathologicalRulesRefused();
    void confirmationAndCorrectionWriteFeedback();
    void modelLearnsFromCorrections();
    void learnedRuleAfterConsistentCorrections();
    void contradictingCorrectionsLowerThenDisableLearnedRule();
    void mixedStoreHistoryLearnsASuggestingRule();
    void userRulesAreNeverChangedByLearning();
    void undoOfACorrectionForgetsIt();
    void modelPersistsAcrossRestart();
    void rebuildFromConfirmedTransactions();
    void bulkLoadedLedgerIsLearnedInTheBackground();
    void planAndApplyExisting();
    void previewCountsMatchesAndChanges();
    void ruleForStoreFindsExistingRule();
    void usersAreKeptApart();
    void settingsPersistAndAreValidated();
    void llmStageOnlyWhenEnabledAndUnsure();
    void explainSaysWhy();

private:
    Transaction addExpense(const QString& merchant, qint64 minor = 1250);
    Result<void> choose(qint64 id, qint64 categoryId);
    std::unique_ptr<Categorizer> makeCategorizer(qint64 userId);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<CategoryRepository> m_categories;
    std::unique_ptr<Categorizer> m_categorizer;
    qint64 m_user = 0;
    qint64 m_groceries = 0;
    qint64 m_dining = 0;
    qint64 m_transport = 0;
    qint64 m_salary = 0;
};

void TestCategorizer::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
    m_user = m_db->createUser(QStringLiteral("ann"));
    QVERIFY(m_user > 0);
    m_groceries = m_db->categoryId(m_user, QStringLiteral("Groceries"));
    m_dining = m_db->categoryId(m_user, QStringLiteral("Dining & Drinks"));
    m_transport = m_db->categoryId(m_user, QStringLiteral("Transport & Car"));
    m_salary = m_db->categoryId(m_user, QStringLiteral("Salary"));
    QVERIFY(m_groceries > 0 && m_dining > 0 && m_transport > 0 && m_salary > 0);
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_categories = std::make_unique<CategoryRepository>(m_db->database());
    m_categorizer = makeCategorizer(m_user);
    QVERIFY(m_categorizer);
}

void TestCategorizer::cleanup()
{
    if (m_transactions)
        m_transactions->setCategorizationHook(nullptr);
    m_categorizer.reset();
    m_transactions.reset();
    m_categories.reset();
    m_db.reset();
}

std::unique_ptr<Categorizer> TestCategorizer::makeCategorizer(qint64 userId)
{
    auto categorizer
        = std::make_unique<Categorizer>(m_db->database(), m_transactions.get(), m_categories.get(), userId);
    auto loaded = categorizer->load();
    if (!loaded) {
        qWarning() << loaded.error().toString();
        return nullptr;
    }
    m_transactions->setCategorizationHook(categorizer.get());
    return categorizer;
}

Transaction TestCategorizer::addExpense(const QString& merchant, qint64 minor)
{
    auto id = m_transactions->add(m_user, TestDatabase::expense(minor, merchant, QDate(2026, 11, 1)));
    if (!id)
        return {};
    auto found = m_transactions->find(m_user, *id);
    return found ? *found : Transaction {};
}

// What the ledger does when the user picks a category.
Result<void> TestCategorizer::choose(qint64 id, qint64 categoryId)
{
    auto found = m_transactions->find(m_user, id);
    if (!found)
        return found.error();
    Transaction after = *found;
    after.categoryId = categoryId;
    after.categorizedBy = CategorizedBy::User;
    after.confirmedByUser = true;
    after.categoryConfidence = 1.0;
    return m_transactions->update(m_user, after);
}

void TestCategorizer::newTransactionsAreCategorizedOnArrival()
{
    CategorizationRule rule = makeRule(RuleType::Keyword, QStringLiteral("tesco"), m_groceries);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));

    const Transaction t = addExpense(QStringLiteral("TESCO STORES 3297"));
    QCOMPARE(t.categoryId, m_groceries);
    QCOMPARE(t.categorizedBy, CategorizedBy::Rule);
    QVERIFY(!t.confirmedByUser);
    QCOMPARE(t.categoryConfidence.value_or(0), 1.0);
    QVERIFY(!CategorizationReason::describe(CategorizationReason::fromMetadata(t.sourceMetadata)).isEmpty());

    // Bulk adds (imports) go through the same hook.
    QList<Transaction> batch {TestDatabase::expense(300, QStringLiteral("Tesco Express"), QDate(2026, 11, 2)),
                              TestDatabase::expense(300, QStringLiteral("Unknown Shop"), QDate(2026, 11, 2))};
    auto added = m_transactions->addMany(m_user, batch);
    MONIAGENT_VERIFY_OK(added);
    TransactionFilter filter;
    filter.categoryIds = {m_groceries};
    auto count = m_transactions->count(m_user, filter);
    MONIAGENT_VERIFY_OK(count);
    QCOMPARE(*count, 2);

    // A category the user chose on entry is kept.
    Transaction chosen = TestDatabase::expense(500, QStringLiteral("Tesco"), QDate(2026, 11, 3));
    chosen.categoryId = m_dining;
    chosen.categorizedBy = CategorizedBy::User;
    chosen.confirmedByUser = true;
    auto id = m_transactions->add(m_user, chosen);
    MONIAGENT_VERIFY_OK(id);
    QCOMPARE(m_transactions->find(m_user, *id)->categoryId, m_dining);

    // Rule hits are counted (written on save).
    MONIAGENT_VERIFY_OK(m_categorizer->save());
    auto rules = m_categorizer->listRules();
    MONIAGENT_VERIFY_OK(rules);
    QCOMPARE(rules->size(), 1);
    QCOMPARE(rules->first().hitCount, 2);
}

void TestCategorizer::ruleOrderExactBeforeRegexBeforeKeyword()
{
    CategorizationRule keyword = makeRule(RuleType::Keyword, QStringLiteral("shell"), m_dining);
    keyword.priority = 100;
    CategorizationRule regex = makeRule(RuleType::Regex, QStringLiteral("^shell\\b"), m_groceries);
    CategorizationRule exact = makeRule(RuleType::ExactMatch, QStringLiteral("Shell Garage"), m_transport);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(keyword));
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(regex));
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(exact));

    QCOMPARE(m_categorizer->suggest(TestDatabase::expense(100, QStringLiteral("Shell Garage"), QDate(2026, 1, 1)))
                 .categoryId,
             m_transport);
    QCOMPARE(m_categorizer->suggest(TestDatabase::expense(100, QStringLiteral("Shell Oil 42"), QDate(2026, 1, 1)))
                 .categoryId,
             m_groceries);
    QCOMPARE(m_categorizer->suggest(TestDatabase::expense(100, QStringLiteral("The Shell Cafe"), QDate(2026, 1, 1)))
                 .categoryId,
             m_dining);
}

void TestCategorizer::thresholdDecidesApplyOrReview()
{
    CategorizationRule rule = makeRule(RuleType::Keyword, QStringLiteral("bistro"), m_dining, 0.8);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));
    const auto unsure
        = m_categorizer->suggest(TestDatabase::expense(100, QStringLiteral("Bistro 7"), QDate(2026, 1, 1)));
    QCOMPARE(unsure.categoryId, m_dining);
    QVERIFY(!unsure.autoApply);

    // Stored as a suggestion waiting in the review queue.
    const Transaction t = addExpense(QStringLiteral("Bistro 7"));
    QCOMPARE(t.categoryId, m_dining);
    TransactionFilter review;
    review.reviewBelow = m_categorizer->settings().autoApplyThreshold;
    QCOMPARE(*m_transactions->count(m_user, review), 1);

    // Lowering the threshold applies it.
    CategorizationSettings settings = m_categorizer->settings();
    settings.autoApplyThreshold = 0.75;
    MONIAGENT_VERIFY_OK(m_categorizer->setSettings(settings));
    QVERIFY(
        m_categorizer->suggest(TestDatabase::expense(100, QStringLiteral("Bistro 7"), QDate(2026, 1, 1))).autoApply);
    review.reviewBelow = 0.75;
    QCOMPARE(*m_transactions->count(m_user, review), 0);

    // Nothing known: no category, waits for review.
    const Transaction unknown = addExpense(QStringLiteral("Qwzx Blorp"));
    QVERIFY(!unknown.categoryId);
    QCOMPARE(*m_transactions->count(m_user, review), 1);
}

void TestCategorizer::invalidAndPathologicalRulesRefused()
{
    CategorizationRule rule;
    rule.categoryId = m_groceries;
    rule.type = RuleType::Regex;
    for (const QString& pattern : {QStringLiteral("(unclosed"), QStringLiteral("(a+)+$"), QStringLiteral("(x|xx)+y"),
                                   QStringLiteral("(a)\\1"), QStringLiteral("   ")}) {
        rule.pattern = pattern;
        auto added = m_categorizer->addRule(rule);
        QVERIFY2(!added, qPrintable(pattern));
        QCOMPARE(added.error().code, Error::Code::InvalidInput);
        QVERIFY(!added.error().message.isEmpty());
    }
    auto rules = m_categorizer->listRules();
    MONIAGENT_VERIFY_OK(rules);
    QVERIFY(rules->isEmpty());
}

void TestCategorizer::confirmationAndCorrectionWriteFeedback()
{
    CategorizationRule rule = makeRule(RuleType::Keyword, QStringLiteral("cafe"), m_dining, 0.7);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));

    // Accepting the suggestion: a confirmation.
    const Transaction first = addExpense(QStringLiteral("Cafe Nero"));
    QCOMPARE(first.categoryId, m_dining);
    Transaction accepted = first;
    accepted.confirmedByUser = true;
    MONIAGENT_VERIFY_OK(m_transactions->update(m_user, accepted));
    auto feedback = m_categorizer->feedbackRepository()->listForTransaction(m_user, first.id);
    MONIAGENT_VERIFY_OK(feedback);
    QCOMPARE(feedback->size(), 1);
    QCOMPARE(feedback->first().type, FeedbackType::Confirmation);
    QCOMPARE(feedback->first().suggestedCategoryId, m_dining);
    QCOMPARE(feedback->first().confirmedCategoryId, m_dining);
    QCOMPARE(feedback->first().confidenceScore.value_or(0), 0.7);

    // Choosing another category: a correction.
    const Transaction second = addExpense(QStringLiteral("Cafe Market Hall"));
    MONIAGENT_VERIFY_OK(choose(second.id, m_groceries));
    feedback = m_categorizer->feedbackRepository()->listForTransaction(m_user, second.id);
    MONIAGENT_VERIFY_OK(feedback);
    QCOMPARE(feedback->size(), 1);
    QCOMPARE(feedback->first().type, FeedbackType::Correction);
    QCOMPARE(feedback->first().suggestedCategoryId, m_dining);
    QCOMPARE(feedback->first().confirmedCategoryId, m_groceries);

    // Editing other fields of a confirmed row writes nothing more.
    Transaction renamed = *m_transactions->find(m_user, second.id);
    renamed.notes = QStringLiteral("weekly shop");
    MONIAGENT_VERIFY_OK(m_transactions->update(m_user, renamed));
    QCOMPARE(m_categorizer->feedbackRepository()->listForTransaction(m_user, second.id)->size(), 1);
}

void TestCategorizer::modelLearnsFromCorrections()
{
    const Transaction a = addExpense(QStringLiteral("Brewdog Shoreditch"));
    QVERIFY(a.id > 0);
    MONIAGENT_VERIFY_OK(choose(a.id, m_dining));
    const Transaction b = addExpense(QStringLiteral("BREWDOG SHOREDITCH LONDON"));
    QCOMPARE(b.categoryId, m_dining);
    QCOMPARE(b.categorizedBy, CategorizedBy::Model);
    QVERIFY(b.categoryConfidence.value_or(0) > 0);
    QVERIFY(m_categorizer->modelExampleCount() >= 1);
}

void TestCategorizer::learnedRuleAfterConsistentCorrections()
{
    QSignalSpy rulesChanged(m_categorizer.get(), &Categorizer::rulesChanged);
    // The default: two consistent corrections of one store make a rule.
    const Transaction a = addExpense(QStringLiteral("POS PURCHASE ACME WIDGETS 0042"));
    MONIAGENT_VERIFY_OK(choose(a.id, m_transport));
    auto rules = m_categorizer->listRules();
    QVERIFY(rules->isEmpty());
    const Transaction b = addExpense(QStringLiteral("Acme Widgets 1187"));
    if (b.categoryId == m_transport) {
        // The model learned from the first answer; accepting its suggestion is the second consistent answer.
        Transaction accepted = b;
        accepted.confirmedByUser = true;
        MONIAGENT_VERIFY_OK(m_transactions->update(m_user, accepted));
    } else {
        MONIAGENT_VERIFY_OK(choose(b.id, m_transport));
    }
    rules = m_categorizer->listRules();
    MONIAGENT_VERIFY_OK(rules);
    QCOMPARE(rules->size(), 1);
    const CategorizationRule learned = rules->first();
    QCOMPARE(learned.origin, RuleOrigin::Learned);
    QCOMPARE(learned.type, RuleType::ExactMatch);
    QCOMPARE(learned.categoryId, m_transport);
    QVERIFY(learned.isActive);
    QVERIFY(learned.confidenceThreshold >= m_categorizer->settings().autoApplyThreshold);
    QVERIFY(rulesChanged.count() >= 1);

    // The next one from that store is applied by the rule.
    const Transaction c = addExpense(QStringLiteral("ACME WIDGETS #77"));
    QCOMPARE(c.categoryId, m_transport);
    QCOMPARE(c.categorizedBy, CategorizedBy::Rule);
}

void TestCategorizer::contradictingCorrectionsLowerThenDisableLearnedRule()
{
    CategorizationRule rule = makeRule(RuleType::ExactMatch, QStringLiteral("corner shop"), m_groceries, 0.95);
    rule.origin = RuleOrigin::Learned;
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));

    const Transaction a = addExpense(QStringLiteral("Corner Shop"));
    QCOMPARE(a.categorizedBy, CategorizedBy::Rule);
    MONIAGENT_VERIFY_OK(choose(a.id, m_dining));
    auto rules = m_categorizer->listRules();
    QCOMPARE(rules->size(), 1);
    QVERIFY(rules->first().isActive);
    QVERIFY(rules->first().confidenceThreshold < 0.95);
    QVERIFY(rules->first().confidenceThreshold < m_categorizer->settings().autoApplyThreshold);
    QCOMPARE(rules->first().categoryId, m_groceries);

    // A second contradiction (two consistent corrections to Dining) re-points the learned rule.
    const Transaction b = addExpense(QStringLiteral("CORNER SHOP 12"));
    MONIAGENT_VERIFY_OK(choose(b.id, m_dining));
    rules = m_categorizer->listRules();
    QCOMPARE(rules->first().categoryId, m_dining);
    QVERIFY(rules->first().isActive);

    // Contradictions to different categories switch it off.
    CategorizationRule other = rule;
    other.pattern = QStringLiteral("kiosk");
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(other));
    const Transaction c = addExpense(QStringLiteral("Kiosk"));
    MONIAGENT_VERIFY_OK(choose(c.id, m_dining));
    const Transaction d = addExpense(QStringLiteral("Kiosk"));
    MONIAGENT_VERIFY_OK(choose(d.id, m_transport));
    rules = m_categorizer->listRules();
    const auto kiosk = std::find_if(rules->cbegin(), rules->cend(),
                                    [](const CategorizationRule& r) { return r.pattern == QLatin1String("kiosk"); });
    QVERIFY(kiosk != rules->cend());
    QVERIFY(!kiosk->isActive);
    QCOMPARE(kiosk->categoryId, m_groceries);
}

void TestCategorizer::mixedStoreHistoryLearnsASuggestingRule()
{
    // The user files this store under Dining once, then twice under Transport: the rule learned for Transport
    // suggests it, but a store with a mixed history is not categorized without asking.
    const Transaction a = addExpense(QStringLiteral("Station Kiosk"));
    MONIAGENT_VERIFY_OK(choose(a.id, m_dining));
    for (int i = 0; i < 2; ++i) {
        const Transaction t = addExpense(QStringLiteral("STATION KIOSK %1").arg(i + 1));
        MONIAGENT_VERIFY_OK(choose(t.id, m_transport));
    }
    auto rules = m_categorizer->listRules();
    MONIAGENT_VERIFY_OK(rules);
    QCOMPARE(rules->size(), 1);
    QCOMPARE(rules->first().categoryId, m_transport);
    QVERIFY(rules->first().isActive);
    QVERIFY2(rules->first().confidenceThreshold < m_categorizer->settings().autoApplyThreshold,
             qPrintable(QString::number(rules->first().confidenceThreshold)));
    const Transaction next = addExpense(QStringLiteral("Station Kiosk"));
    QCOMPARE(next.categoryId, m_transport);
    QCOMPARE(next.categorizedBy, CategorizedBy::Rule);
    QVERIFY(next.categoryConfidence.value_or(1.0) < m_categorizer->settings().autoApplyThreshold);
}

void TestCategorizer::userRulesAreNeverChangedByLearning()
{
    CategorizationRule rule = makeRule(RuleType::ExactMatch, QStringLiteral("Gym Co"), m_groceries);
    auto id = m_categorizer->addRule(rule);
    MONIAGENT_VERIFY_OK(id);
    for (int i = 0; i < 3; ++i) {
        const Transaction t = addExpense(QStringLiteral("GYM CO"));
        MONIAGENT_VERIFY_OK(choose(t.id, m_dining));
    }
    auto rules = m_categorizer->listRules();
    QCOMPARE(rules->size(), 1);
    QCOMPARE(rules->first().categoryId, m_groceries);
    QCOMPARE(rules->first().confidenceThreshold, 1.0);
    QVERIFY(rules->first().isActive);
}

void TestCategorizer::undoOfACorrectionForgetsIt()
{
    const Transaction t = addExpense(QStringLiteral("Zyxo Lamps"));
    QVERIFY(!t.categoryId);
    MONIAGENT_VERIFY_OK(choose(t.id, m_transport));
    QCOMPARE(m_categorizer->modelExampleCount(), 1);
    // Undo writes the row back as it was.
    MONIAGENT_VERIFY_OK(m_transactions->update(m_user, t));
    QCOMPARE(m_categorizer->modelExampleCount(), 0);
    QVERIFY(m_categorizer->suggest(t).categoryId != m_transport);
}

void TestCategorizer::modelPersistsAcrossRestart()
{
    const Transaction a = addExpense(QStringLiteral("Quillfeather Stationers"));
    MONIAGENT_VERIFY_OK(choose(a.id, m_groceries));
    const Transaction probe = TestDatabase::expense(999, QStringLiteral("QUILLFEATHER STATIONERS"), QDate(2026, 1, 1));
    const CategorySuggestion before = m_categorizer->suggest(probe);
    QCOMPARE(before.categoryId, m_groceries);
    MONIAGENT_VERIFY_OK(m_categorizer->save());
    const int examples = m_categorizer->modelExampleCount();

    // Restart: a new database connection and a new categorizer read the stored model.
    m_transactions->setCategorizationHook(nullptr);
    m_categorizer.reset();
    QVERIFY(m_db->reopen());
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_categories = std::make_unique<CategoryRepository>(m_db->database());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM categorization_models WHERE user_id = ?"), {m_user}), 1);
    m_categorizer = makeCategorizer(m_user);
    QVERIFY(m_categorizer);
    QCOMPARE(m_categorizer->modelExampleCount(), examples);
    const CategorySuggestion after = m_categorizer->suggest(probe);
    QCOMPARE(after.categoryId, before.categoryId);
    QCOMPARE(after.confidence, before.confidence);

    // A correction after the last save is replayed from the feedback table at load. Simulate a crash between
    // the correction and the delayed save by putting the older stored model back.
    MONIAGENT_VERIFY_OK(m_categorizer->save());
    QSqlQuery saved(m_db->database()->connection());
    QVERIFY(saved.exec(QStringLiteral("SELECT data, feedback_id, example_count FROM categorization_models")));
    QVERIFY(saved.next());
    const QVariantList older {saved.value(0), saved.value(1), saved.value(2)};
    const Transaction b = addExpense(QStringLiteral("Heronsgate Dairy"));
    MONIAGENT_VERIFY_OK(choose(b.id, m_dining));
    m_transactions->setCategorizationHook(nullptr);
    m_categorizer.reset(); // saves the newer model…
    QSqlQuery restore(m_db->database()->connection());
    QVERIFY(restore.prepare(
        QStringLiteral("UPDATE categorization_models SET data = ?, feedback_id = ?, example_count = ?")));
    for (const QVariant& value : older)
        restore.addBindValue(value);
    QVERIFY(restore.exec()); // …which the "crash" loses
    m_categorizer = makeCategorizer(m_user);
    QVERIFY(m_categorizer);
    QCOMPARE(m_categorizer->modelExampleCount(), examples + 1);
    QCOMPARE(m_categorizer->suggest(TestDatabase::expense(100, QStringLiteral("Heronsgate Dairy"), QDate(2026, 1, 1)))
                 .categoryId,
             m_dining);
}

void TestCategorizer::rebuildFromConfirmedTransactions()
{
    m_transactions->setCategorizationHook(nullptr); // rows written behind the categorizer's back (a bulk load)
    for (int i = 0; i < 5; ++i) {
        Transaction t = TestDatabase::expense(1000 + i, QStringLiteral("Plumtree Bakery"), QDate(2026, 10, 1 + i));
        t.categoryId = m_groceries;
        t.categorizedBy = CategorizedBy::User;
        t.confirmedByUser = true;
        MONIAGENT_VERIFY_OK(m_transactions->add(m_user, t));
    }
    m_transactions->setCategorizationHook(m_categorizer.get());
    const Transaction probe = TestDatabase::expense(100, QStringLiteral("Plumtree Bakery"), QDate(2026, 1, 1));
    auto rebuilt = m_categorizer->rebuildModel();
    MONIAGENT_VERIFY_OK(rebuilt);
    QCOMPARE(*rebuilt, 5);
    QCOMPARE(m_categorizer->modelExampleCount(), 5);
    const CategorySuggestion suggestion = m_categorizer->suggest(probe);
    QCOMPARE(suggestion.categoryId, m_groceries);
    QVERIFY(suggestion.reason.contains(QLatin1String("5")));
}

void TestCategorizer::bulkLoadedLedgerIsLearnedInTheBackground()
{
    MONIAGENT_VERIFY_OK(m_categorizer->save());
    // 1,500 confirmed rows written in bulk behind the categorizer (like demo data or a restore).
    m_transactions->setCategorizationHook(nullptr);
    QList<Transaction> rows;
    for (int i = 0; i < 1500; ++i) {
        Transaction t = TestDatabase::expense(
            500 + i, i % 2 ? QStringLiteral("Mistlecombe Farm Shop") : QStringLiteral("Vantry Cycle Works"),
            QDate(2025, 1, 1).addDays(i % 300));
        t.categoryId = i % 2 ? m_groceries : m_transport;
        t.categorizedBy = CategorizedBy::User;
        t.confirmedByUser = true;
        rows << t;
    }
    MONIAGENT_VERIFY_OK(m_transactions->addMany(m_user, rows));
    m_categorizer.reset();

    // The next start sees the ledger grew by far more than it learned, and trains on a worker thread.
    auto categorizer
        = std::make_unique<Categorizer>(m_db->database(), m_transactions.get(), m_categories.get(), m_user);
    QSignalSpy finished(categorizer.get(), &Categorizer::trainingFinished);
    MONIAGENT_VERIFY_OK(categorizer->load(Categorizer::Training::InBackground));
    QVERIFY(categorizer->isTraining());
    QVERIFY(finished.wait(60000));
    QVERIFY(!categorizer->isTraining());
    QCOMPARE(categorizer->modelExampleCount(), 1500);
    QCOMPARE(categorizer->suggest(TestDatabase::expense(999, QStringLiteral("Vantry Cycle Works"), QDate(2026, 1, 1)))
                 .categoryId,
             m_transport);

    // Saved with the ledger's size: the start after that does not train again.
    categorizer.reset();
    categorizer = std::make_unique<Categorizer>(m_db->database(), m_transactions.get(), m_categories.get(), m_user);
    MONIAGENT_VERIFY_OK(categorizer->load(Categorizer::Training::InBackground));
    QVERIFY(!categorizer->isTraining());
    QCOMPARE(categorizer->modelExampleCount(), 1500);
    m_categorizer = std::move(categorizer);
    m_transactions->setCategorizationHook(m_categorizer.get());
}

void TestCategorizer::planAndApplyExisting()
{
    const Transaction a = addExpense(QStringLiteral("Fernquill Vexbo"));
    const Transaction b = addExpense(QStringLiteral("Fernquill Vexbo 2"));
    QVERIFY(!a.categoryId && !b.categoryId);
    Transaction confirmed = TestDatabase::expense(100, QStringLiteral("Fernquill Vexbo"), QDate(2026, 1, 1));
    confirmed.categoryId = m_dining;
    confirmed.categorizedBy = CategorizedBy::User;
    confirmed.confirmedByUser = true;
    auto confirmedId = m_transactions->add(m_user, confirmed);
    MONIAGENT_VERIFY_OK(confirmedId);

    CategorizationRule rule = makeRule(RuleType::Keyword, QStringLiteral("fernquill"), m_groceries);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));

    QList<qint64> seen;
    auto changes = m_categorizer->plan(Categorizer::Scope::Unconfirmed, true, [&](qint64 done, qint64 total) {
        seen << done;
        return done <= total;
    });
    MONIAGENT_VERIFY_OK(changes);
    QCOMPARE(changes->size(), 2); // the confirmed row is never touched
    QVERIFY(!seen.isEmpty());
    for (const auto& change : std::as_const(*changes)) {
        QVERIFY(change.before.id == a.id || change.before.id == b.id);
        QCOMPARE(change.after.categoryId, m_groceries);
        QCOMPARE(change.after.categorizedBy, CategorizedBy::Rule);
    }
    // Cancelling stops with an error and nothing is returned.
    auto cancelled = m_categorizer->plan(Categorizer::Scope::Unconfirmed, true, [](qint64, qint64) { return false; });
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, Error::Code::Cancelled);

    QList<Transaction> after;
    for (const auto& change : std::as_const(*changes))
        after << change.after;
    MONIAGENT_VERIFY_OK(m_transactions->updateMany(m_user, after));
    QCOMPARE(m_transactions->find(m_user, a.id)->categoryId, m_groceries);
    QCOMPARE(m_transactions->find(m_user, *confirmedId)->categoryId, m_dining);
    // Applying writes no feedback: nothing was confirmed by the user.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM categorization_feedback WHERE user_id = ?"), {m_user}),
             1); // the confirmed row added above
}

void TestCategorizer::previewCountsMatchesAndChanges()
{
    addExpense(QStringLiteral("Oakwood Pharmacy"));
    addExpense(QStringLiteral("OAKWOOD PHARMACY 22"));
    addExpense(QStringLiteral("Birchwood Pharmacy"));
    Transaction confirmed = TestDatabase::expense(100, QStringLiteral("Oakwood Pharmacy"), QDate(2026, 1, 1));
    confirmed.categoryId = m_dining;
    confirmed.categorizedBy = CategorizedBy::User;
    confirmed.confirmedByUser = true;
    MONIAGENT_VERIFY_OK(m_transactions->add(m_user, confirmed));

    CategorizationRule keyword = makeRule(RuleType::Keyword, QStringLiteral("oakwood"), m_groceries, 0.0);
    auto preview = m_categorizer->preview(keyword);
    MONIAGENT_VERIFY_OK(preview);
    QCOMPARE(preview->matching, 3);
    QCOMPARE(preview->changing, 2);
    QCOMPARE(preview->samples.size(), 2);

    CategorizationRule regex = keyword;
    regex.type = RuleType::Regex;
    regex.pattern = QStringLiteral("wood pharmacy$");
    preview = m_categorizer->preview(regex);
    MONIAGENT_VERIFY_OK(preview);
    QCOMPARE(preview->matching, 3); // "OAKWOOD PHARMACY 22" does not end with it
    QCOMPARE(preview->changing, 2); // the confirmed one stays

    regex.pattern = QStringLiteral("(a+)+$");
    QVERIFY(!m_categorizer->preview(regex));
}

void TestCategorizer::ruleForStoreFindsExistingRule()
{
    const Transaction t = addExpense(QStringLiteral("POS PURCHASE Larkspur Books 0091"));
    auto rule = m_categorizer->ruleForStore(t, m_groceries);
    MONIAGENT_VERIFY_OK(rule);
    QCOMPARE(rule->id, 0);
    QCOMPARE(rule->type, RuleType::ExactMatch);
    QCOMPARE(rule->origin, RuleOrigin::User);
    auto id = m_categorizer->addRule(*rule);
    MONIAGENT_VERIFY_OK(id);
    QCOMPARE(m_categorizer->suggest(TestDatabase::expense(100, QStringLiteral("Larkspur Books 12"), QDate(2026, 1, 1)))
                 .categoryId,
             m_groceries);
    // Asking again for the same store gives the existing rule to update.
    auto again = m_categorizer->ruleForStore(t, m_dining);
    MONIAGENT_VERIFY_OK(again);
    QCOMPARE(again->id, *id);
    QCOMPARE(again->categoryId, m_dining);
    MONIAGENT_VERIFY_OK(m_categorizer->updateRule(*again));
    QCOMPARE(m_categorizer->listRules()->size(), 1);

    Transaction nameless = TestDatabase::expense(100, QString(), QDate(2026, 1, 1));
    QVERIFY(!m_categorizer->ruleForStore(nameless, m_dining));
}

void TestCategorizer::usersAreKeptApart()
{
    const qint64 bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(bob > 0);
    const qint64 bobGroceries = m_db->categoryId(bob, QStringLiteral("Groceries"));
    CategorizationRule rule = makeRule(RuleType::Keyword, QStringLiteral("walnut"), m_groceries);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));
    // A rule pointing at another user's category is refused.
    rule.pattern = QStringLiteral("hazel");
    rule.categoryId = bobGroceries;
    QVERIFY(!m_categorizer->addRule(rule));

    // Ann's categorizer does not categorize Bob's rows, nor learn from them.
    auto bobRow
        = m_transactions->add(bob, TestDatabase::expense(100, QStringLiteral("Walnut Grocers"), QDate(2026, 1, 1)));
    MONIAGENT_VERIFY_OK(bobRow);
    QVERIFY(!m_transactions->find(bob, *bobRow)->categoryId);
    Transaction bobChoice = *m_transactions->find(bob, *bobRow);
    bobChoice.categoryId = bobGroceries;
    bobChoice.categorizedBy = CategorizedBy::User;
    bobChoice.confirmedByUser = true;
    MONIAGENT_VERIFY_OK(m_transactions->update(bob, bobChoice));
    QCOMPARE(m_categorizer->modelExampleCount(), 0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM categorization_feedback")), 0);

    // Bob's own categorizer has none of Ann's rules.
    m_transactions->setCategorizationHook(nullptr);
    auto bobCategorizer
        = std::make_unique<Categorizer>(m_db->database(), m_transactions.get(), m_categories.get(), bob);
    MONIAGENT_VERIFY_OK(bobCategorizer->load());
    QVERIFY(bobCategorizer->listRules()->isEmpty());
    QVERIFY(bobCategorizer->suggest(TestDatabase::expense(100, QStringLiteral("Walnut Grocers"), QDate(2026, 1, 1))).by
            != CategorizedBy::Rule);
    m_transactions->setCategorizationHook(m_categorizer.get());
}

void TestCategorizer::settingsPersistAndAreValidated()
{
    QCOMPARE(m_categorizer->settings().autoApplyThreshold, 0.9);
    QCOMPARE(m_categorizer->settings().learnRuleAfter, 2);
    CategorizationSettings settings;
    settings.autoApplyThreshold = 0.3;
    QVERIFY(!m_categorizer->setSettings(settings));
    settings.autoApplyThreshold = 0.85;
    settings.learnRuleAfter = 0;
    QVERIFY(!m_categorizer->setSettings(settings));
    settings.learnRuleAfter = 3;
    QSignalSpy changed(m_categorizer.get(), &Categorizer::settingsChanged);
    MONIAGENT_VERIFY_OK(m_categorizer->setSettings(settings));
    QCOMPARE(changed.count(), 1);
    auto other = makeCategorizer(m_user);
    QVERIFY(other);
    QCOMPARE(other->settings(), settings);
    m_transactions->setCategorizationHook(m_categorizer.get());
}

void TestCategorizer::llmStageOnlyWhenEnabledAndUnsure()
{
    FakeLlmStage llm;
    llm.answer = m_transport;
    m_categorizer->setLlmStage(&llm);
    const Transaction off = addExpense(QStringLiteral("Vexbridge Services"));
    QCOMPARE(llm.asked, 0); // off by default
    QVERIFY(!off.categoryId);

    CategorizationSettings settings = m_categorizer->settings();
    settings.useLlm = true;
    MONIAGENT_VERIFY_OK(m_categorizer->setSettings(settings));
    const Transaction unsure = addExpense(QStringLiteral("Vexbridge Services"));
    QCOMPARE(llm.asked, 1);
    QVERIFY(!llm.lastCategories.isEmpty());
    for (const Category& c : std::as_const(llm.lastCategories))
        QVERIFY(c.type != CategoryType::Income);
    auto stored = m_transactions->find(m_user, unsure.id);
    QCOMPARE(stored->categoryId, m_transport);
    QCOMPARE(stored->categorizedBy, CategorizedBy::Llm);
    QVERIFY(!stored->confirmedByUser);

    // Sure answers from a rule are not sent anywhere.
    CategorizationRule rule = makeRule(RuleType::Keyword, QStringLiteral("tesco"), m_groceries);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));
    addExpense(QStringLiteral("Tesco"));
    QCOMPARE(llm.asked, 1);
    m_categorizer->setLlmStage(nullptr);
}

void TestCategorizer::explainSaysWhy()
{
    CategorizationRule rule = makeRule(RuleType::Keyword, QStringLiteral("tesco"), m_groceries);
    MONIAGENT_VERIFY_OK(m_categorizer->addRule(rule));
    const Transaction t = addExpense(QStringLiteral("TESCO METRO"));
    const QString why = m_categorizer->explain(t);
    QVERIFY2(why.contains(QLatin1String("tesco")), qPrintable(why));
    QVERIFY2(why.contains(QLatin1String("Groceries")), qPrintable(why));
    MONIAGENT_VERIFY_OK(choose(t.id, m_dining));
    const QString chosen = m_categorizer->explain(*m_transactions->find(m_user, t.id));
    QVERIFY2(chosen.contains(QLatin1String("You chose")), qPrintable(chosen));
}

QTEST_GUILESS_MAIN(TestCategorizer)
#include "tst_categorizer.moc"
