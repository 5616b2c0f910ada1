#include "llmcategorizer.h"

#include "core/categorizationreason.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace Moniagent {

LlmCategorizer::LlmCategorizer(const LlmStageEnvironment& environment, qint64 userId, QObject* parent)
    : QObject(parent)
    , m_environment(environment)
    , m_userId(userId)
    , m_stopping(std::make_shared<std::atomic<bool>>(false))
{
    m_pool.setMaxThreadCount(1);
}

LlmCategorizer::~LlmCategorizer()
{
    m_stopping->store(true); // a running call is cancelled at its next poll; queued ones return at once
    m_pool.clear();
    m_pool.waitForDone();
}

QJsonObject LlmCategorizer::schema(const QStringList& categoryNames)
{
    QJsonArray names;
    for (const QString& name : categoryNames)
        names.append(name);
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject {
                 {QStringLiteral("category"),
                  QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("enum"), names}}},
                 {QStringLiteral("confidence"),
                  QJsonObject {{QStringLiteral("type"), QStringLiteral("number")},
                               {QStringLiteral("minimum"), 0},
                               {QStringLiteral("maximum"), 1}}}}},
            {QStringLiteral("required"), QJsonArray {QStringLiteral("category"), QStringLiteral("confidence")}},
            {QStringLiteral("additionalProperties"), false}};
}

QString LlmCategorizer::input(const CategorizationInput& input)
{
    const QJsonObject data {
        {QStringLiteral("merchant"), input.merchant},
        {QStringLiteral("description"), input.description},
        {QStringLiteral("type"),
         input.type == TransactionType::Income ? QStringLiteral("income") : QStringLiteral("expense")},
        {QStringLiteral("amount"), input.amount.isValid() ? input.amount.toDecimalString() : QString()},
        {QStringLiteral("currency"), input.amount.isValid() ? input.amount.currency().code() : QString()}};
    return QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
}

std::optional<CategorySuggestion> LlmCategorizer::ask(const LlmStageEnvironment& environment, qint64 userId,
                                                      const CategorizationInput& input,
                                                      const QList<Category>& categories,
                                                      const std::function<bool()>& cancelled)
{
    if (categories.isEmpty())
        return std::nullopt;
    auto call = LlmStructuredCall::forFeature(environment, userId, LlmFeature::Categorization);
    if (!call || !*call)
        return std::nullopt;
    auto prompt = PromptLibrary::load(QString::fromLatin1(PromptLibrary::CategorizeTransaction));
    if (!prompt)
        return std::nullopt;
    QStringList names;
    for (const Category& category : categories) {
        if (!names.contains(category.name))
            names.append(category.name);
    }
    LlmStructuredCall::Call request;
    request.type = AiInteractionType::Categorization;
    request.prompt = *prompt;
    request.values = {{QStringLiteral("categories"), QStringLiteral("- ") + names.join(QStringLiteral("\n- "))}};
    request.input = LlmCategorizer::input(input);
    request.schema = schema(names);
    request.schemaName = QStringLiteral("category");
    request.maxOutputTokens = 200;
    (*call)->setCancelCheck(cancelled);
    const auto outcome = (*call)->run(request);
    if (!outcome.ok())
        return std::nullopt;
    const QString name = outcome.response->json.value(QStringLiteral("category")).toString();
    const auto chosen = std::find_if(categories.cbegin(), categories.cend(),
                                     [&name](const Category& category) { return category.name == name; });
    if (chosen == categories.cend())
        return std::nullopt;
    CategorySuggestion suggestion;
    suggestion.categoryId = chosen->id;
    suggestion.confidence = std::clamp(outcome.response->json.value(QStringLiteral("confidence")).toDouble(), 0.0, 1.0);
    suggestion.by = CategorizedBy::Llm;
    const QString model = outcome.response->model.isEmpty() ? (*call)->config().model : outcome.response->model;
    suggestion.storedReason = CategorizationReason::llm(model);
    return suggestion;
}

void LlmCategorizer::suggest(const CategorizationInput& input, const QList<Category>& categories, Done done)
{
    if (m_pending.load() >= MaxQueued || m_stopping->load()) {
        QMetaObject::invokeMethod(
            this, [done] { done(std::nullopt); }, Qt::QueuedConnection);
        return;
    }
    ++m_pending;
    const auto stopping = m_stopping;
    const LlmStageEnvironment environment = m_environment;
    const qint64 userId = m_userId;
    // The destructor stops and waits for the pool, so `this` outlives every task that gets past the check below.
    m_pool.start([this, stopping, environment, userId, input, categories, done] {
        std::optional<CategorySuggestion> answer;
        if (!stopping->load())
            answer = ask(environment, userId, input, categories, [stopping] { return stopping->load(); });
        if (stopping->load())
            return; // the stage is going away; so is whoever asked
        QMetaObject::invokeMethod(
            this,
            [this, done, answer] {
                --m_pending;
                done(answer);
            },
            Qt::QueuedConnection);
    });
}

} // namespace Moniagent
