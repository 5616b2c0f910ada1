#pragma once

#include "categorizationinput.h"
#include "core/categorizationrule.h"
#include "core/categorizationsettings.h"
#include "core/category.h"
#include "core/result.h"
#include "core/transactionfilter.h"
#include "db/transactionrepository.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QReadWriteLock>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Moniagent {

class CategorizationFeedbackRepository;
class CategorizationRuleRepository;
class CategorizationStateRepository;
class CategoryLexicon;
class CategoryRepository;
class Database;
class LearnedClassifier;
class RuleMatcher;

// What the categorizer proposes for one transaction, and why.
struct CategorySuggestion
{
    std::optional<qint64> categoryId; // nothing: no idea
    double confidence = 0.0; // 0..1
    CategorizedBy by = CategorizedBy::None; // Rule, Model or Llm
    std::optional<qint64> ruleId; // the rule that decided
    QString reason; // translated, e.g. "rule: contains “TESCO”", "learned from 5 earlier transactions"
    bool autoApply = false; // confidence reached the user's auto-apply threshold
    // The same reason in a form that is stored with the transaction (source_metadata "categorization") and
    // translated when shown; see CategorizationReason::describe().
    QString storedReason;
};

// The optional language-model stage (implemented by the AI layer; off unless the user turns it on). Asked only
// for transactions that rules and the learned model could not categorize with enough confidence.
class LlmCategorizationStage
{
public:
    virtual ~LlmCategorizationStage() = default;
    using Done = std::function<void(std::optional<CategorySuggestion>)>;
    // Suggests one of `categories` for the transaction; calls `done` exactly once, on the caller's thread, with
    // nothing when there is no answer (error, cap reached, cancelled).
    virtual void suggest(const CategorizationInput& input, const QList<Category>& categories, Done done) = 0;
};

// The categorization pipeline of one profile (DESIGN.md §4): merchant normalization → user and learned rules
// (exact > regex > keyword, by priority) → the learned per-user model with built-in knowledge → optional LLM →
// applied at or above the auto-apply threshold, otherwise left for review with the suggestion pre-selected.
//
// It is the TransactionRepository's CategorizationHook, so every new transaction from any source is categorized
// on arrival, and every confirmation or correction (ledger edit, review queue, undo) writes
// `categorization_feedback`, teaches the model, and after repeated consistent corrections of one store creates
// a learned exact-match rule (a later contradiction lowers it, then disables it).
//
// suggest(), the hook's categorize() and preview() are thread-safe (imports and the rules dialog call them from
// worker threads, each with its own connection); everything else belongs to the thread that created it.
class Categorizer
    : public QObject
    , public CategorizationHook
{
    Q_OBJECT
public:
    Categorizer(Database* database, TransactionRepository* transactions, CategoryRepository* categories, qint64 userId,
                QObject* parent = nullptr);
    ~Categorizer() override;

    // Loads settings, rules, the lexicon and the stored model (replaying feedback it has not learned yet), and
    // trains the model from the confirmed transactions when none is stored, it cannot be read, or the ledger
    // changed size a lot since it was saved (rows written in bulk behind the categorizer). In the background
    // mode that training runs on a worker thread with its own connection; rules and the lexicon work meanwhile.
    enum class Training
    {
        Now,
        InBackground,
    };
    Result<void> load(Training training = Training::Now);
    // Whether a background training is running (trainingFinished() follows).
    bool isTraining() const { return m_trainer != nullptr; }

    qint64 userId() const { return m_userId; }
    CategorizationRuleRepository* ruleRepository() const { return m_rules.get(); }
    CategorizationFeedbackRepository* feedbackRepository() const { return m_feedback.get(); }

    CategorizationSettings settings() const;
    Result<void> setSettings(const CategorizationSettings& settings);

    // The pipeline's answer for a transaction (its current category is ignored).
    CategorySuggestion suggest(const Transaction& transaction) const;
    CategorySuggestion suggest(const CategorizationInput& input) const;
    // "Why this category?": how the transaction got its category and what the categorizer would say now.
    QString explain(const Transaction& transaction) const;

    // CategorizationHook
    void categorize(qint64 userId, Transaction& transaction) const override;
    Result<void> categoryConfirmed(qint64 userId, const Transaction* before, const Transaction& after) override;

    // Rules (validated, including regular expressions against pathological patterns).
    Result<qint64> addRule(const CategorizationRule& rule);
    Result<void> updateRule(const CategorizationRule& rule);
    Result<void> removeRule(qint64 id);
    Result<void> setRuleActive(qint64 id, bool active);
    Result<QList<CategorizationRule>> listRules() const;
    // "Always categorize “<merchant>” as …": an exact-match user rule for the transaction's store (updating an
    // existing rule for the same store), returned with its id.
    Result<CategorizationRule> ruleForStore(const Transaction& transaction, qint64 categoryId) const;

    // Re-categorizing existing transactions. Only transactions the user has not confirmed are ever changed.
    enum class Scope
    {
        Uncategorized, // only rows without a category
        Unconfirmed, // every row the user has not confirmed
    };
    struct Change
    {
        Transaction before;
        Transaction after;
    };
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false cancels
    // What applying the pipeline (or, with rulesOnly, only the rules) would change. Does not write.
    Result<QList<Change>> plan(Scope scope, bool rulesOnly, const Progress& progress = {}) const;

    // Live preview for the rules dialog: how many of the user's transactions a rule matches and which of them
    // it would change (unconfirmed ones with another category), with up to `samples` examples.
    struct RulePreview
    {
        qint64 matching = 0;
        qint64 changing = 0;
        QList<Transaction> samples;
    };
    Result<RulePreview> preview(const CategorizationRule& rule, int samples = 20, const Progress& progress = {}) const;

    // Retrains the model from the user's confirmed transactions (newest first, at most `limit`).
    Result<qint64> rebuildModel(qint64 limit = 200000);
    // The same on a worker thread with its own connection; trainingFinished() follows (errors through
    // errorOccurred()). Corrections made meanwhile are replayed into the new model.
    void retrainInBackground();
    // Writes the model and the counted rule hits now (otherwise done shortly after changes, and on destruction).
    Result<void> save();
    int modelExampleCount() const;

    // The language-model stage (not owned); used only when the settings allow it.
    void setLlmStage(LlmCategorizationStage* stage) { m_llm = stage; }

Q_SIGNALS:
    void rulesChanged();
    void settingsChanged();
    void modelChanged();
    void trainingFinished();
    void errorOccurred(const QString& message);

private:
    struct Trained
    {
        std::unique_ptr<LearnedClassifier> classifier;
        qint64 examples = 0;
        qint64 feedbackId = 0;
        qint64 ledgerRows = 0;
    };
    // Trains a model from the newest confirmed transactions on the calling thread's connection (no members used).
    static Result<Trained> train(Database* database, qint64 userId, qint64 limit);
    static Result<qint64> ledgerRows(Database* database, qint64 userId);
    Result<void> install(Trained trained);
    Result<void> replayFeedback();

    // The pipeline under the read lock; the translated reason only when asked (it costs more than the rest).
    CategorySuggestion suggestLocked(const CategorizationInput& input, bool withReason = true) const;
    // Only the rules' answer (also under the read lock).
    CategorySuggestion ruleSuggestionLocked(const CategorizationInput& input) const;
    const QList<qint64>& allowedCategories(TransactionType type) const;
    void reloadCategories();
    Result<void> reloadRules();
    Result<void> learnRules(const CategorizationInput& input, qint64 categoryId, bool correction);
    Result<void> loadRecentAnswers();
    // The exact-match rule (active or not) whose pattern is this store, if any.
    Result<std::optional<CategorizationRule>> exactRuleFor(const QString& merchantKey) const;
    // After a rule was written: the matcher reloads and listeners hear of it.
    Result<void> rulesWritten();
    void scheduleSave();
    void askLlm(const QList<qint64>& ids);

    Database* m_database;
    TransactionRepository* m_transactions;
    CategoryRepository* m_categories;
    qint64 m_userId;
    std::unique_ptr<CategorizationRuleRepository> m_rules;
    std::unique_ptr<CategorizationFeedbackRepository> m_feedback;
    std::unique_ptr<CategorizationStateRepository> m_state;

    mutable QReadWriteLock m_lock; // guards everything below
    CategorizationSettings m_settings;
    std::unique_ptr<RuleMatcher> m_matcher;
    std::unique_ptr<LearnedClassifier> m_classifier;
    std::shared_ptr<const CategoryLexicon> m_lexicon;
    QHash<qint64, Category> m_categoryById;
    QList<qint64> m_expenseCategories; // allowed for expenses (type expense or both)
    QList<qint64> m_incomeCategories;
    qint64 m_feedbackWatermark = 0;
    QHash<QString, qint64> m_exactRuleIds; // merchant key -> exact-match rule (active or not)
    struct Answer
    {
        qint64 categoryId = 0;
        bool correction = false;
    };
    QHash<QString, QList<Answer>> m_answers; // merchant key -> the user's recent answers, oldest first
    bool m_answersLoaded = false;
    mutable QMutex m_hitsMutex;
    mutable QHash<qint64, int> m_pendingHits;

    qint64 m_ledgerRows = 0; // the ledger's size when the model was last trained or saved
    QThread* m_trainer = nullptr;
    QTimer m_saveTimer;
    bool m_modelDirty = false;
    LlmCategorizationStage* m_llm = nullptr;
};

} // namespace Moniagent
