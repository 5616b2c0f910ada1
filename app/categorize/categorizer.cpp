#include "categorizer.h"

#include "categorizerinternal.h"
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

namespace CategorizerInternal {
Q_LOGGING_CATEGORY(lcCategorizer, "moniagent.categorize.service", QtWarningMsg)
} // namespace CategorizerInternal

using namespace CategorizerInternal;

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
        retrainInBackground();
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

void Categorizer::retrainInBackground()
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
        if (category.appliesTo(TransactionType::Expense))
            expense << category.id;
        if (category.appliesTo(TransactionType::Income))
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

CategorySuggestion Categorizer::ruleSuggestionLocked(const CategorizationInput& input) const
{
    CategorySuggestion suggestion;
    if (auto match = m_matcher->match(input)) {
        const auto category = m_categoryById.constFind(match->categoryId);
        if (category != m_categoryById.cend() && category->appliesTo(input.type)) {
            suggestion.categoryId = match->categoryId;
            suggestion.confidence = match->confidence;
            suggestion.by = CategorizedBy::Rule;
            suggestion.ruleId = match->ruleId;
            suggestion.storedReason = ruleReason(*match);
        }
    }
    return suggestion;
}

CategorySuggestion Categorizer::suggestLocked(const CategorizationInput& input, bool withReason) const
{
    CategorySuggestion suggestion = ruleSuggestionLocked(input);
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
            suggestion.reason = CategorizationReason::describe(CategorizationReason::parse(suggestion.storedReason));
    }
    return suggestion;
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
            = CategorizationReason::describe(CategorizationReason::fromMetadata(transaction.sourceMetadata));
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
    transaction.sourceMetadata.insert(CategorizationReason::MetadataKey, suggestion.storedReason);
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
                if (category.appliesTo(t.type))
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
                if (category == self->m_categoryById.cend() || !category->appliesTo(current->type))
                    return;
            }
            Transaction after = *current;
            after.categoryId = answer->categoryId;
            after.categoryConfidence = std::clamp(answer->confidence, 0.0, 1.0);
            after.categorizedBy = CategorizedBy::Llm;
            after.sourceMetadata.insert(CategorizationReason::MetadataKey,
                                        answer->storedReason.isEmpty() ? CategorizationReason::llm()
                                                                       : answer->storedReason);
            auto updated = self->m_transactions->update(self->m_userId, after);
            if (!updated)
                Q_EMIT self->errorOccurred(updated.error().message);
        });
    }
}

} // namespace Moniagent
