#include "categorizer.h"

#include "categorylexicon.h"
#include "db/categorizationfeedbackrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/categorizationstaterepository.h"
#include "db/categoryrepository.h"
#include "db/database.h"
#include "db/sql.h"
#include "learnedclassifier.h"
#include "merchantnormalizer.h"
#include "rulematcher.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

namespace Moniagent {

namespace {

Q_LOGGING_CATEGORY(lcCategorizer, "moniagent.categorize.service", QtWarningMsg)

// The stored model's format; LearnedClassifier::load() refuses data it cannot read, which triggers a rebuild.
constexpr int ModelFormatVersion = 1;
// A learned rule starts here; each contradicting correction takes LearnedStep off, and below LearnedFloor it is
// switched off.
constexpr double LearnedConfidence = 0.95;
constexpr double LearnedStep = 0.25;
constexpr double LearnedFloor = 0.5;
// How many recent feedback rows are read (once) to find repeated answers for one store.
constexpr int FeedbackLookback = 2000;
// Answers remembered per store (the newest).
constexpr int AnswersPerStore = 20;
// A model save is delayed this long after a change, so a burst of corrections writes once.
constexpr int SaveDelayMs = 2000;
// Reading the ledger for plan() and preview(): rows per query.
constexpr int ScanChunk = 5000;

bool compatible(const Category& category, TransactionType type)
{
    if (category.type == CategoryType::Both)
        return true;
    return (category.type == CategoryType::Income) == (type == TransactionType::Income);
}

QString percent(double confidence)
{
    return QLocale().toString(qRound(confidence * 100)) + QLocale().percent();
}

QJsonObject ruleReason(const RuleMatch& match)
{
    return QJsonObject {{QStringLiteral("by"), QStringLiteral("rule")},
                        {QStringLiteral("ruleType"), CategorizationRuleEnums::key(match.type)},
                        {QStringLiteral("pattern"), match.pattern},
                        {QStringLiteral("origin"), CategorizationRuleEnums::key(match.origin)}};
}

QJsonObject modelReason(const LearnedClassifier::Prediction& prediction)
{
    QJsonObject reason {
        {QStringLiteral("by"), prediction.fromLexicon ? QStringLiteral("lexicon") : QStringLiteral("model")},
        {QStringLiteral("storeExamples"), prediction.sameStoreExamples}};
    QJsonArray reasons;
    for (const auto& r : prediction.reasons)
        reasons.append(r.text);
    reason.insert(QStringLiteral("features"), reasons);
    return reason;
}

} // namespace

Categorizer::Categorizer(Database* database, TransactionRepository* transactions, CategoryRepository* categories,
                         qint64 userId, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_transactions(transactions)
    , m_categories(categories)
    , m_userId(userId)
    , m_rules(std::make_unique<CategorizationRuleRepository>(database))
    , m_feedback(std::make_unique<CategorizationFeedbackRepository>(database))
    , m_state(std::make_unique<CategorizationStateRepository>(database))
    , m_matcher(std::make_unique<RuleMatcher>())
    , m_classifier(std::make_unique<LearnedClassifier>())
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        auto saved = save();
        if (!saved)
            Q_EMIT errorOccurred(saved.error().message);
    });
    connect(m_categories, &CategoryRepository::changed, this, [this](qint64 changedUser) {
        if (changedUser == m_userId)
            reloadCategories();
    });
    connect(m_transactions, &TransactionRepository::inserted, this,
            [this](qint64 changedUser, const QList<qint64>& ids) {
                if (changedUser == m_userId && !ids.isEmpty())
                    askLlm(ids);
            });
}

Categorizer::~Categorizer()
{
    if (m_trainer) {
        m_trainer->wait();
        delete m_trainer;
        m_trainer = nullptr;
    }
    if (m_modelDirty || !m_pendingHits.isEmpty()) {
        auto saved = save();
        if (!saved)
            qCWarning(lcCategorizer) << "could not save the categorization model:" << saved.error().toString();
    }
}

Result<void> Categorizer::load(Training training)
{
    auto settings = m_state->settings(m_userId);
    if (!settings)
        return settings.error();
    auto lexicon = CategoryLexicon::load();
    if (!lexicon)
        qCWarning(lcCategorizer) << "built-in categorization knowledge unavailable:" << lexicon.error().toString();
    {
        QWriteLocker locker(&m_lock);
        m_settings = *settings;
        if (lexicon)
            m_lexicon = *lexicon;
    }
    reloadCategories();
    auto rules = reloadRules();
    if (!rules)
        return rules;

    auto stored = m_state->model(m_userId);
    if (!stored)
        return stored.error();
    auto rows = ledgerRows(m_database, m_userId);
    if (!rows)
        return rows.error();
    bool loaded = false;
    if (*stored && (*stored)->formatVersion == ModelFormatVersion) {
        QWriteLocker locker(&m_lock);
        auto read = m_classifier->load((*stored)->data);
        if (read) {
            loaded = true;
            m_feedbackWatermark = (*stored)->feedbackId;
            m_ledgerRows = (*stored)->ledgerRows;
        } else {
            qCWarning(lcCategorizer) << "stored categorization model unreadable, retraining:"
                                     << read.error().toString();
        }
    }
    if (loaded) {
        auto replayed = replayFeedback();
        if (!replayed)
            return replayed;
    }
    const qint64 drift = std::abs(*rows - m_ledgerRows);
    const bool stale = !loaded || drift > std::max<qint64>(1000, m_ledgerRows / 10);
    if (!stale)
        return {};
    if (training == Training::InBackground) {
        startBackgroundTraining();
        return {};
    }
    auto rebuilt = rebuildModel();
    if (!rebuilt)
        return rebuilt.error();
    return {};
}

Result<void> Categorizer::replayFeedback()
{
    // What was learned after the model was saved or trained (a crash before the delayed save, or corrections
    // made while a background training ran).
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT f.id, f.confirmed_category_id, t.merchant_name, t.description, "
                                          "t.type, t.amount_minor, t.currency FROM categorization_feedback f "
                                          "JOIN transactions t ON t.id = f.transaction_id AND t.user_id = f.user_id "
                                          "WHERE f.user_id = ? AND f.id > ? AND f.confirmed_category_id IS NOT NULL "
                                          "ORDER BY f.id"),
                           {m_userId, m_feedbackWatermark});
    if (!query)
        return query.error();
    QWriteLocker locker(&m_lock);
    while (query->next()) {
        const auto type = TransactionEnums::typeFromKey(query->value(4).toString()).value_or(TransactionType::Expense);
        const Money amount(query->value(5).toLongLong(), Currency::fromCode(query->value(6).toString()));
        m_classifier->learn(
            CategorizationInput::from(query->value(2).toString(), query->value(3).toString(), type, amount),
            query->value(1).toLongLong());
        m_feedbackWatermark = query->value(0).toLongLong();
        m_modelDirty = true;
    }
    return {};
}

Result<qint64> Categorizer::ledgerRows(Database* database, qint64 userId)
{
    // From the monthly summary (a few thousand rows), not a count over the ledger.
    auto rows = Sql::scalar(
        database->connection(),
        QStringLiteral("SELECT coalesce(sum(row_count), 0) FROM transaction_totals WHERE user_id = ?"), {userId});
    if (!rows)
        return rows.error();
    return rows->toLongLong();
}

void Categorizer::startBackgroundTraining()
{
    if (m_trainer)
        return;
    auto result = std::make_shared<std::optional<Result<Trained>>>();
    Database* database = m_database;
    const qint64 userId = m_userId;
    m_trainer = QThread::create([result, database, userId] { result->emplace(train(database, userId, 200000)); });
    connect(m_trainer, &QThread::finished, this, [this, result] {
        m_trainer->deleteLater();
        m_trainer = nullptr;
        if (!*result || !**result) {
            const QString message = *result ? (**result).error().message : tr("Training stopped.");
            qCWarning(lcCategorizer) << "background training failed:" << message;
            Q_EMIT errorOccurred(message);
        } else {
            auto installed = install(std::move((**result).value()));
            if (!installed)
                Q_EMIT errorOccurred(installed.error().message);
        }
        Q_EMIT trainingFinished();
    });
    m_trainer->start(QThread::LowPriority);
}

CategorizationSettings Categorizer::settings() const
{
    QReadLocker locker(&m_lock);
    return m_settings;
}

Result<void> Categorizer::setSettings(const CategorizationSettings& settings)
{
    auto saved = m_state->saveSettings(m_userId, settings);
    if (!saved)
        return saved;
    {
        QWriteLocker locker(&m_lock);
        m_settings = settings;
    }
    Q_EMIT settingsChanged();
    return {};
}

void Categorizer::reloadCategories()
{
    auto categories = m_categories->list(m_userId);
    if (!categories) {
        qCWarning(lcCategorizer) << "could not read categories:" << categories.error().toString();
        return;
    }
    QHash<qint64, Category> byId;
    QHash<QString, qint64> bySystemKey;
    for (const Category& category : *categories) {
        byId.insert(category.id, category);
        if (!category.systemKey.isEmpty())
            bySystemKey.insert(category.systemKey, category.id);
    }
    QList<qint64> expense;
    QList<qint64> income;
    for (const Category& category : std::as_const(byId)) {
        if (compatible(category, TransactionType::Expense))
            expense << category.id;
        if (compatible(category, TransactionType::Income))
            income << category.id;
    }
    std::sort(expense.begin(), expense.end());
    std::sort(income.begin(), income.end());
    QWriteLocker locker(&m_lock);
    m_categoryById = std::move(byId);
    m_expenseCategories = std::move(expense);
    m_incomeCategories = std::move(income);
    m_classifier->setPrior(m_lexicon, std::move(bySystemKey));
}

Result<void> Categorizer::reloadRules()
{
    auto rules = m_rules->list(m_userId);
    if (!rules)
        return rules.error();
    QHash<QString, qint64> exact; // active or not: learning looks for the store's rule
    for (const CategorizationRule& rule : std::as_const(*rules)) {
        if (rule.type != RuleType::ExactMatch)
            continue;
        const QString key = MerchantNormalizer::normalize(rule.pattern);
        if (!key.isEmpty() && !exact.contains(key))
            exact.insert(key, rule.id);
    }
    QWriteLocker locker(&m_lock);
    m_matcher->setRules(*rules); // compiles the active ones
    m_exactRuleIds = std::move(exact);
    return {};
}

const QList<qint64>& Categorizer::allowedCategories(TransactionType type) const
{
    return type == TransactionType::Income ? m_incomeCategories : m_expenseCategories;
}

CategorySuggestion Categorizer::suggest(const Transaction& transaction) const
{
    return suggest(CategorizationInput::from(transaction));
}

CategorySuggestion Categorizer::suggest(const CategorizationInput& input) const
{
    QReadLocker locker(&m_lock);
    return suggestLocked(input);
}

CategorySuggestion Categorizer::suggestLocked(const CategorizationInput& input, bool withReason) const
{
    CategorySuggestion suggestion;
    if (auto match = m_matcher->match(input)) {
        const auto category = m_categoryById.constFind(match->categoryId);
        if (category != m_categoryById.cend() && compatible(*category, input.type)) {
            suggestion.categoryId = match->categoryId;
            suggestion.confidence = match->confidence;
            suggestion.by = CategorizedBy::Rule;
            suggestion.ruleId = match->ruleId;
            suggestion.storedReason = ruleReason(*match);
        }
    }
    if (!suggestion.categoryId) {
        if (auto prediction = m_classifier->predict(input, allowedCategories(input.type))) {
            if (m_categoryById.contains(prediction->categoryId)) {
                suggestion.categoryId = prediction->categoryId;
                suggestion.confidence = std::clamp(prediction->confidence, 0.0, 1.0);
                suggestion.by = CategorizedBy::Model;
                suggestion.storedReason = modelReason(*prediction);
            }
        }
    }
    if (suggestion.categoryId) {
        suggestion.autoApply = suggestion.confidence >= m_settings.autoApplyThreshold;
        if (withReason)
            suggestion.reason = describeStoredReason(suggestion.storedReason);
    }
    return suggestion;
}

QString Categorizer::describeStoredReason(const QJsonObject& reason)
{
    const QString by = reason.value(QStringLiteral("by")).toString();
    if (by == QLatin1String("rule")) {
        const QString pattern = reason.value(QStringLiteral("pattern")).toString();
        const auto type = CategorizationRuleEnums::typeFromKey(reason.value(QStringLiteral("ruleType")).toString());
        const bool learned = reason.value(QStringLiteral("origin")).toString() == QLatin1String("learned");
        if (!type)
            return {};
        switch (*type) {
        case RuleType::ExactMatch:
            return learned ? tr("learned rule: store is “%1”").arg(pattern) : tr("rule: store is “%1”").arg(pattern);
        case RuleType::Regex:
            return tr("rule: matches “%1”").arg(pattern);
        case RuleType::Keyword:
            return tr("rule: contains “%1”").arg(pattern);
        }
        return {};
    }
    if (by == QLatin1String("model") || by == QLatin1String("lexicon")) {
        const int examples = reason.value(QStringLiteral("storeExamples")).toInt();
        if (examples > 0)
            return tr("learned from %n earlier transaction(s) at this store", nullptr, examples);
        QStringList features;
        for (const auto& value : reason.value(QStringLiteral("features")).toArray())
            features << value.toString();
        if (by == QLatin1String("lexicon"))
            return features.isEmpty() ? tr("built-in knowledge of common stores")
                                      : tr("built-in knowledge: %1").arg(features.join(QStringLiteral(", ")));
        return features.isEmpty()
            ? tr("learned from similar transactions")
            : tr("learned from similar transactions: %1").arg(features.join(QStringLiteral(", ")));
    }
    if (by == QLatin1String("llm"))
        return tr("suggested by the assistant");
    return {};
}

QString Categorizer::explain(const Transaction& transaction) const
{
    QStringList lines;
    QReadLocker locker(&m_lock);
    const auto name = [this](std::optional<qint64> id) {
        const auto it = id ? m_categoryById.constFind(*id) : m_categoryById.cend();
        return it == m_categoryById.cend() ? tr("no category") : it->name;
    };
    if (!transaction.categoryId) {
        lines << tr("This transaction has no category yet.");
    } else if (transaction.categorizedBy == CategorizedBy::User) {
        lines << tr("You chose “%1”.").arg(name(transaction.categoryId));
    } else {
        const QString reason
            = describeStoredReason(transaction.sourceMetadata.value(QStringLiteral("categorization")).toObject());
        const QString confidence
            = transaction.categoryConfidence ? percent(*transaction.categoryConfidence) : tr("unknown");
        lines << (reason.isEmpty()
                      ? tr("“%1” was suggested with confidence %2.").arg(name(transaction.categoryId), confidence)
                      : tr("“%1” was suggested with confidence %2 (%3).")
                            .arg(name(transaction.categoryId), confidence, reason));
        lines << (transaction.confirmedByUser ? tr("You confirmed it.") : tr("You have not confirmed it yet."));
    }
    const CategorySuggestion now = suggestLocked(CategorizationInput::from(transaction));
    if (now.categoryId) {
        lines << tr("Moniagent would now suggest “%1” with confidence %2: %3.")
                     .arg(name(now.categoryId), percent(now.confidence), now.reason);
    } else {
        lines << tr("Moniagent has no suggestion for this store yet; choosing a category teaches it.");
    }
    return lines.join(u'\n');
}

void Categorizer::categorize(qint64 userId, Transaction& transaction) const
{
    if (userId != m_userId)
        return; // another profile's write; this categorizer only knows its own user's data
    const CategorizationInput input = CategorizationInput::from(transaction);
    CategorySuggestion suggestion;
    {
        QReadLocker locker(&m_lock);
        suggestion = suggestLocked(input, false);
    }
    if (!suggestion.categoryId)
        return;
    transaction.categoryId = suggestion.categoryId;
    transaction.categoryConfidence = suggestion.confidence;
    transaction.categorizedBy = suggestion.by;
    transaction.sourceMetadata.insert(QStringLiteral("categorization"), suggestion.storedReason);
    if (suggestion.ruleId) {
        QMutexLocker locker(&m_hitsMutex);
        ++m_pendingHits[*suggestion.ruleId];
    }
}

Result<void> Categorizer::categoryConfirmed(qint64 userId, const Transaction* before, const Transaction& after)
{
    if (userId != m_userId)
        return {};
    const bool confirmedBefore = before && before->confirmedByUser && before->categoryId;
    const bool confirmedAfter = after.confirmedByUser && after.categoryId;
    const CategorizationInput input = CategorizationInput::from(after);

    // What the categorizer had proposed: the row's own suggestion when it still carries one, else what it would
    // say now (before learning this answer).
    std::optional<qint64> suggested;
    std::optional<double> confidence;
    if (before && !confirmedBefore && before->categoryId && before->categorizedBy != CategorizedBy::User
        && before->categorizedBy != CategorizedBy::None) {
        suggested = before->categoryId;
        confidence = before->categoryConfidence;
    }
    {
        QWriteLocker locker(&m_lock);
        if (confirmedBefore)
            m_classifier->forget(CategorizationInput::from(*before), *before->categoryId);
        if (confirmedAfter && !suggested) {
            const CategorySuggestion now = suggestLocked(input);
            suggested = now.categoryId;
            if (now.categoryId)
                confidence = now.confidence;
        }
        m_modelDirty = true;
    }
    if (!confirmedAfter) {
        scheduleSave();
        Q_EMIT modelChanged();
        return {};
    }

    CategorizationFeedback feedback;
    feedback.transactionId = after.id;
    feedback.suggestedCategoryId = suggested;
    feedback.confirmedCategoryId = after.categoryId;
    feedback.confidenceScore = confidence;
    feedback.type = suggested == after.categoryId ? FeedbackType::Confirmation : FeedbackType::Correction;
    auto added = m_feedback->add(m_userId, feedback);
    if (!added)
        return added.error();
    {
        QWriteLocker locker(&m_lock);
        m_classifier->learn(input, *after.categoryId);
        m_feedbackWatermark = std::max(m_feedbackWatermark, *added);
    }
    auto learned = learnRules(input, *after.categoryId, feedback.type == FeedbackType::Correction);
    if (!learned)
        return learned;
    scheduleSave();
    Q_EMIT modelChanged();
    return {};
}

Result<void> Categorizer::loadRecentAnswers()
{
    // The user's recent answers per store, so learning a rule does not read the feedback table on every click.
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT * FROM (SELECT f.id, f.confirmed_category_id, f.feedback_type, "
                                          "t.merchant_name, t.description FROM categorization_feedback f "
                                          "JOIN transactions t ON t.id = f.transaction_id AND t.user_id = f.user_id "
                                          "WHERE f.user_id = ? AND f.confirmed_category_id IS NOT NULL "
                                          "ORDER BY f.id DESC LIMIT ?) ORDER BY id"),
                           {m_userId, FeedbackLookback});
    if (!query)
        return query.error();
    QHash<QString, QList<Answer>> answers;
    while (query->next()) {
        const QString merchant = MerchantNormalizer::normalize(query->value(3).toString());
        const QString key = merchant.isEmpty() ? MerchantNormalizer::normalize(query->value(4).toString()) : merchant;
        if (key.isEmpty())
            continue;
        QList<Answer>& list = answers[key];
        list.append({query->value(1).toLongLong(), query->value(2).toString() == QLatin1String("correction")});
        if (list.size() > AnswersPerStore)
            list.removeFirst();
    }
    QWriteLocker locker(&m_lock);
    m_answers = std::move(answers);
    m_answersLoaded = true;
    return {};
}

Result<void> Categorizer::learnRules(const CategorizationInput& input, qint64 categoryId, bool correction)
{
    if (input.merchantKey.isEmpty())
        return {};
    bool answersLoaded = false;
    {
        QReadLocker locker(&m_lock);
        answersLoaded = m_answersLoaded;
    }
    if (!answersLoaded) {
        auto loaded = loadRecentAnswers(); // includes the answer just written
        if (!loaded)
            return loaded;
    } else {
        QWriteLocker locker(&m_lock);
        QList<Answer>& list = m_answers[input.merchantKey];
        list.append({categoryId, correction});
        if (list.size() > AnswersPerStore)
            list.removeFirst();
    }
    std::optional<CategorizationRule> existing;
    std::optional<qint64> existingId;
    QList<Answer> answers;
    {
        QReadLocker locker(&m_lock);
        existingId = m_exactRuleIds.contains(input.merchantKey)
            ? std::optional<qint64>(m_exactRuleIds.value(input.merchantKey))
            : std::nullopt;
        answers = m_answers.value(input.merchantKey);
    }
    if (existingId) {
        auto found = m_rules->find(m_userId, *existingId);
        if (!found)
            return found.error();
        existing = *found;
    }
    if (existing && existing->origin == RuleOrigin::User)
        return {}; // the user's own rule: never changed behind their back

    // The user's answers for this store, newest first, up to the first one that disagrees. A rule is learned from
    // answers that include at least one correction: when the categorizer was right all along it needs no rule.
    int consistent = 0;
    bool corrected = false;
    for (auto it = answers.crbegin(); it != answers.crend(); ++it) {
        if (it->categoryId != categoryId)
            break;
        ++consistent;
        corrected = corrected || it->correction;
    }
    const int needed = settings().learnRuleAfter;

    if (!existing) {
        if (consistent < needed || !corrected)
            return {};
        CategorizationRule rule;
        rule.categoryId = categoryId;
        rule.pattern = input.merchantKey;
        rule.type = RuleType::ExactMatch;
        rule.confidenceThreshold = LearnedConfidence;
        rule.origin = RuleOrigin::Learned;
        auto added = m_rules->add(m_userId, rule);
        if (!added)
            return added.error();
        qCInfo(lcCategorizer) << "learned a rule for" << input.merchantKey;
    } else {
        CategorizationRule rule = *existing;
        if (rule.categoryId == categoryId) {
            if (rule.isActive && rule.confidenceThreshold >= LearnedConfidence)
                return {};
            // Agreement restores a lowered rule step by step.
            rule.confidenceThreshold = std::min(LearnedConfidence, rule.confidenceThreshold + LearnedStep);
            rule.isActive = rule.confidenceThreshold >= LearnedFloor;
        } else if (consistent >= needed) {
            // The user has changed their mind about this store: the rule follows.
            rule.categoryId = categoryId;
            rule.confidenceThreshold = LearnedConfidence;
            rule.isActive = true;
        } else {
            rule.confidenceThreshold = std::max(0.0, rule.confidenceThreshold - LearnedStep);
            if (rule.confidenceThreshold < LearnedFloor)
                rule.isActive = false;
        }
        auto updated = m_rules->update(m_userId, rule);
        if (!updated)
            return updated;
    }
    auto reloaded = reloadRules();
    if (!reloaded)
        return reloaded;
    Q_EMIT rulesChanged();
    return {};
}

Result<qint64> Categorizer::addRule(const CategorizationRule& rule)
{
    auto valid = RuleMatcher::validatePattern(rule.type, rule.pattern);
    if (!valid)
        return valid.error();
    auto added = m_rules->add(m_userId, rule);
    if (!added)
        return added;
    auto reloaded = reloadRules();
    if (!reloaded)
        return reloaded.error();
    Q_EMIT rulesChanged();
    return added;
}

Result<void> Categorizer::updateRule(const CategorizationRule& rule)
{
    auto valid = RuleMatcher::validatePattern(rule.type, rule.pattern);
    if (!valid)
        return valid;
    auto updated = m_rules->update(m_userId, rule);
    if (!updated)
        return updated;
    auto reloaded = reloadRules();
    if (!reloaded)
        return reloaded;
    Q_EMIT rulesChanged();
    return {};
}

Result<void> Categorizer::removeRule(qint64 id)
{
    auto removed = m_rules->remove(m_userId, id);
    if (!removed)
        return removed;
    auto reloaded = reloadRules();
    if (!reloaded)
        return reloaded;
    Q_EMIT rulesChanged();
    return {};
}

Result<void> Categorizer::setRuleActive(qint64 id, bool active)
{
    auto changed = m_rules->setActive(m_userId, id, active);
    if (!changed)
        return changed;
    auto reloaded = reloadRules();
    if (!reloaded)
        return reloaded;
    Q_EMIT rulesChanged();
    return {};
}

Result<QList<CategorizationRule>> Categorizer::listRules() const
{
    return m_rules->list(m_userId);
}

Result<CategorizationRule> Categorizer::ruleForStore(const Transaction& transaction, qint64 categoryId) const
{
    const CategorizationInput input = CategorizationInput::from(transaction);
    if (input.merchantKey.isEmpty())
        return Error::invalidInput(tr("This transaction has no store name to make a rule from."));
    auto rules = m_rules->list(m_userId);
    if (!rules)
        return rules.error();
    for (const CategorizationRule& rule : *rules) {
        if (rule.type == RuleType::ExactMatch && MerchantNormalizer::normalize(rule.pattern) == input.merchantKey) {
            CategorizationRule updated = rule;
            updated.categoryId = categoryId;
            updated.origin = RuleOrigin::User;
            updated.confidenceThreshold = 1.0;
            updated.isActive = true;
            return updated;
        }
    }
    CategorizationRule rule;
    rule.userId = m_userId;
    rule.categoryId = categoryId;
    rule.type = RuleType::ExactMatch;
    rule.pattern = transaction.merchant.trimmed().isEmpty() ? input.merchantKey : transaction.merchant.trimmed();
    rule.confidenceThreshold = 1.0;
    rule.origin = RuleOrigin::User;
    return rule;
}

Result<QList<Categorizer::Change>> Categorizer::plan(Scope scope, bool rulesOnly, const Progress& progress) const
{
    const QString condition = scope == Scope::Uncategorized
        ? QStringLiteral("t.confirmed_by_user = 0 AND t.category_id IS NULL")
        : QStringLiteral("t.confirmed_by_user = 0");
    QSqlDatabase db = m_database->connection();
    auto total = Sql::scalar(
        db, QStringLiteral("SELECT count(*) FROM transactions t WHERE t.user_id = ? AND %1").arg(condition),
        {m_userId});
    if (!total)
        return total.error();
    QList<Change> changes;
    qint64 done = 0;
    qint64 lastId = 0;
    while (true) {
        auto query = Sql::exec(db,
                               QStringLiteral("SELECT %1 FROM transactions t WHERE t.user_id = ? AND %2 AND t.id > ? "
                                              "ORDER BY t.id LIMIT ?")
                                   .arg(TransactionQuery::columns(), condition),
                               {m_userId, lastId, ScanChunk});
        if (!query)
            return query.error();
        int rows = 0;
        QReadLocker locker(&m_lock);
        while (query->next()) {
            ++rows;
            const Transaction before = readTransaction(*query);
            lastId = before.id;
            const CategorizationInput input = CategorizationInput::from(before);
            CategorySuggestion suggestion;
            if (rulesOnly) {
                if (auto match = m_matcher->match(input)) {
                    const auto category = m_categoryById.constFind(match->categoryId);
                    if (category != m_categoryById.cend() && compatible(*category, input.type)) {
                        suggestion.categoryId = match->categoryId;
                        suggestion.confidence = match->confidence;
                        suggestion.by = CategorizedBy::Rule;
                        suggestion.storedReason = ruleReason(*match);
                    }
                }
            } else {
                suggestion = suggestLocked(input, false);
            }
            if (!suggestion.categoryId || suggestion.categoryId == before.categoryId)
                continue;
            Transaction after = before;
            after.categoryId = suggestion.categoryId;
            after.categoryConfidence = suggestion.confidence;
            after.categorizedBy = suggestion.by;
            after.sourceMetadata.insert(QStringLiteral("categorization"), suggestion.storedReason);
            changes.append({before, after});
        }
        locker.unlock();
        done += rows;
        if (progress && !progress(done, std::max(done, total->toLongLong())))
            return Error::cancelled(tr("Cancelled."));
        if (rows < ScanChunk)
            break;
    }
    return changes;
}

Result<Categorizer::RulePreview> Categorizer::preview(const CategorizationRule& rule, int samples,
                                                      const Progress& progress) const
{
    auto valid = RuleMatcher::validatePattern(rule.type, rule.pattern);
    if (!valid)
        return valid.error();
    // Keyword and exact-match rules can only match rows whose text contains the pattern's words: the full-text
    // index narrows the scan to those. Regular expressions read every row.
    QString candidates;
    QVariantList params {m_userId};
    if (rule.type != RuleType::Regex) {
        QStringList terms;
        for (const QString& word : MerchantNormalizer::words(MerchantNormalizer::fold(rule.pattern))) {
            QString clean;
            for (const QChar c : word) {
                if (c.isLetterOrNumber())
                    clean.append(c);
            }
            if (!clean.isEmpty())
                terms << u'"' + clean + QStringLiteral("\"*");
        }
        if (!terms.isEmpty()) {
            candidates = QStringLiteral(" AND t.id IN (SELECT rowid FROM transactions_fts WHERE transactions_fts "
                                        "MATCH ?)");
            params << terms.join(u' ');
        }
    }
    QSqlDatabase db = m_database->connection();
    auto total = Sql::scalar(
        db, QStringLiteral("SELECT count(*) FROM transactions t WHERE t.user_id = ?%1").arg(candidates), params);
    if (!total)
        return total.error();
    RulePreview result;
    qint64 done = 0;
    qint64 lastId = 0;
    while (true) {
        QVariantList chunkParams = params;
        chunkParams << lastId << ScanChunk;
        auto query = Sql::exec(db,
                               QStringLiteral("SELECT %1 FROM transactions t WHERE t.user_id = ?%2 AND t.id > ? "
                                              "ORDER BY t.id LIMIT ?")
                                   .arg(TransactionQuery::columns(), candidates),
                               chunkParams);
        if (!query)
            return query.error();
        int rows = 0;
        while (query->next()) {
            ++rows;
            const Transaction t = readTransaction(*query);
            lastId = t.id;
            if (!RuleMatcher::matches(rule, CategorizationInput::from(t)))
                continue;
            ++result.matching;
            if (!t.confirmedByUser && t.categoryId != rule.categoryId) {
                ++result.changing;
                if (result.samples.size() < samples)
                    result.samples << t;
            }
        }
        done += rows;
        if (progress && !progress(done, std::max(done, total->toLongLong())))
            return Error::cancelled(tr("Cancelled."));
        if (rows < ScanChunk)
            break;
    }
    return result;
}

Result<Categorizer::Trained> Categorizer::train(Database* database, qint64 userId, qint64 limit)
{
    Trained trained;
    auto newest = Sql::scalar(
        database->connection(),
        QStringLiteral("SELECT coalesce(max(id), 0) FROM categorization_feedback WHERE user_id = ?"), {userId});
    if (!newest)
        return newest.error();
    trained.feedbackId = newest->toLongLong();
    auto rows = ledgerRows(database, userId);
    if (!rows)
        return rows.error();
    trained.ledgerRows = *rows;
    auto query
        = Sql::exec(database->connection(),
                    QStringLiteral("SELECT merchant_name, description, type, amount_minor, currency, category_id "
                                   "FROM transactions WHERE user_id = ? AND confirmed_by_user = 1 "
                                   "AND category_id IS NOT NULL ORDER BY occurred_on DESC, id DESC LIMIT ?"),
                    {userId, limit});
    if (!query)
        return query.error();
    trained.classifier = std::make_unique<LearnedClassifier>();
    while (query->next()) {
        const auto type = TransactionEnums::typeFromKey(query->value(2).toString()).value_or(TransactionType::Expense);
        const Money amount(query->value(3).toLongLong(), Currency::fromCode(query->value(4).toString()));
        trained.classifier->learn(
            CategorizationInput::from(query->value(0).toString(), query->value(1).toString(), type, amount),
            query->value(5).toLongLong());
        ++trained.examples;
    }
    return trained;
}

Result<void> Categorizer::install(Trained trained)
{
    {
        QWriteLocker locker(&m_lock);
        QHash<QString, qint64> bySystemKey;
        for (const Category& category : std::as_const(m_categoryById)) {
            if (!category.systemKey.isEmpty())
                bySystemKey.insert(category.systemKey, category.id);
        }
        trained.classifier->setPrior(m_lexicon, std::move(bySystemKey));
        m_classifier = std::move(trained.classifier);
        m_feedbackWatermark = trained.feedbackId;
        m_ledgerRows = trained.ledgerRows;
        m_modelDirty = true;
    }
    auto replayed = replayFeedback();
    if (!replayed)
        return replayed;
    auto saved = save();
    if (!saved)
        return saved;
    Q_EMIT modelChanged();
    return {};
}

Result<qint64> Categorizer::rebuildModel(qint64 limit)
{
    auto trained = train(m_database, m_userId, limit);
    if (!trained)
        return trained.error();
    const qint64 examples = trained->examples;
    auto installed = install(std::move(*trained));
    if (!installed)
        return installed.error();
    return examples;
}

Result<void> Categorizer::save()
{
    QHash<qint64, int> hits;
    {
        QMutexLocker locker(&m_hitsMutex);
        hits.swap(m_pendingHits);
    }
    for (auto it = hits.cbegin(); it != hits.cend(); ++it) {
        auto counted = m_rules->incrementHits(m_userId, it.key(), it.value());
        if (!counted && counted.error().code != Error::Code::NotFound)
            return counted;
    }
    StoredCategorizationModel stored;
    {
        QReadLocker locker(&m_lock);
        if (!m_modelDirty)
            return {};
        stored.formatVersion = ModelFormatVersion;
        stored.data = m_classifier->save();
        stored.exampleCount = m_classifier->exampleCount();
        stored.feedbackId = m_feedbackWatermark;
    }
    auto rows = ledgerRows(m_database, m_userId);
    if (!rows)
        return rows.error();
    stored.ledgerRows = *rows;
    auto saved = m_state->saveModel(m_userId, stored);
    if (!saved)
        return saved;
    QWriteLocker locker(&m_lock);
    m_modelDirty = false;
    m_ledgerRows = stored.ledgerRows;
    return {};
}

int Categorizer::modelExampleCount() const
{
    QReadLocker locker(&m_lock);
    return m_classifier->exampleCount();
}

void Categorizer::scheduleSave()
{
    if (QThread::currentThread() == thread())
        m_saveTimer.start();
    else
        QMetaObject::invokeMethod(&m_saveTimer, qOverload<>(&QTimer::start), Qt::QueuedConnection);
}

void Categorizer::askLlm(const QList<qint64>& ids)
{
    if (!m_llm || !settings().useLlm)
        return;
    const double threshold = settings().autoApplyThreshold;
    auto rows = m_transactions->findMany(m_userId, ids);
    if (!rows)
        return;
    for (const Transaction& t : *rows) {
        if (t.confirmedByUser || (t.categoryId && t.categoryConfidence.value_or(0) >= threshold))
            continue;
        QList<Category> categories;
        {
            QReadLocker locker(&m_lock);
            for (const Category& category : std::as_const(m_categoryById)) {
                if (compatible(category, t.type))
                    categories << category;
            }
        }
        const qint64 id = t.id;
        QPointer<Categorizer> self(this);
        m_llm->suggest(CategorizationInput::from(t), categories, [self, id](std::optional<CategorySuggestion> answer) {
            if (!self || !answer || !answer->categoryId)
                return;
            auto current = self->m_transactions->find(self->m_userId, id);
            if (!current || current->confirmedByUser)
                return; // gone, or the user decided meanwhile
            if (current->categoryId && current->categoryConfidence.value_or(0) >= answer->confidence)
                return;
            {
                QReadLocker locker(&self->m_lock);
                const auto category = self->m_categoryById.constFind(*answer->categoryId);
                if (category == self->m_categoryById.cend() || !compatible(*category, current->type))
                    return;
            }
            Transaction after = *current;
            after.categoryId = answer->categoryId;
            after.categoryConfidence = std::clamp(answer->confidence, 0.0, 1.0);
            after.categorizedBy = CategorizedBy::Llm;
            after.sourceMetadata.insert(QStringLiteral("categorization"),
                                        QJsonObject {{QStringLiteral("by"), QStringLiteral("llm")}});
            auto updated = self->m_transactions->update(self->m_userId, after);
            if (!updated)
                Q_EMIT self->errorOccurred(updated.error().message);
        });
    }
}

} // namespace Moniagent
