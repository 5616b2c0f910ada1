#include "llmstructuredcall.h"

#include "ai/llmaccounting.h"
#include "ai/llmreply.h"
#include "core/clock.h"
#include "core/user.h"
#include "db/aiinteractionrepository.h"
#include "db/aisettingsrepository.h"
#include "db/llmtransactionrepository.h"
#include "db/userrepository.h"
#include "secrets/secretstore.h"
#include "session/session.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

namespace Moniagent {

namespace {
Q_LOGGING_CATEGORY(lcStages, "moniagent.ai.stages", QtWarningMsg)

LlmError refused(const QString& message)
{
    LlmError error;
    error.kind = LlmError::Kind::Refused;
    error.message = message;
    return error;
}
} // namespace

LlmStageEnvironment LlmStageEnvironment::forSession(Session& session, SecretStore& secrets)
{
    LlmStageEnvironment environment;
    environment.database = session.database();
    environment.clock = &session.clock();
    SecretStore* store = &secrets;
    environment.readSecret = [store](const QString& key) {
        return store->readFromWorker(key);
    };
    environment.pricing = LlmPricing::standard();
    return environment;
}

bool LlmStructuredCall::isEnabled(const AiSettings& settings, LlmFeature feature)
{
    if (!settings.isConfigured())
        return false;
    switch (feature) {
    case LlmFeature::Email:
        return settings.features.email;
    case LlmFeature::Categorization:
        return settings.features.categorization;
    case LlmFeature::Receipts:
        return settings.features.receipts;
    }
    return false;
}

Result<std::optional<LlmStructuredCall>> LlmStructuredCall::forFeature(const LlmStageEnvironment& environment,
                                                                       qint64 userId, LlmFeature feature)
{
    if (!environment.database || !environment.clock)
        return std::optional<LlmStructuredCall>();
    AiSettingsRepository repository(environment.database);
    auto settings = repository.settings(userId);
    if (!settings)
        return settings.error();
    if (!isEnabled(*settings, feature))
        return std::optional<LlmStructuredCall>();
    QString key;
    if (environment.readSecret) {
        UserRepository users(environment.database);
        auto user = users.find(userId, userId);
        if (!user)
            return user.error();
        auto secret
            = environment.readSecret(SecretStore::llmKey(AiSettings::providerKey(settings->provider), user->username));
        if (!secret)
            return secret.error();
        key = *secret;
    }
    auto config = LlmProviderConfig::fromSettings(*settings, key);
    if (environment.adjustConfig)
        environment.adjustConfig(config);
    return std::optional<LlmStructuredCall>(LlmStructuredCall(environment, userId, *settings, config));
}

LlmStructuredCall::LlmStructuredCall(const LlmStageEnvironment& environment, qint64 userId, const AiSettings& settings,
                                     const LlmProviderConfig& config)
    : m_environment(environment)
    , m_userId(userId)
    , m_settings(settings)
    , m_config(config)
{ }

void LlmStructuredCall::setCancelCheck(std::function<bool()> cancelled, int pollMs)
{
    m_cancelled = std::move(cancelled);
    m_pollMs = std::max(10, pollMs);
}

LlmStructuredCall::Outcome LlmStructuredCall::run(const Call& call) const
{
    Outcome outcome;
    if (const auto* app = QCoreApplication::instance(); app && QThread::currentThread() == app->thread()) {
        outcome.error = refused(tr("A language-model call was refused on the main thread, which must not wait."));
        qCWarning(lcStages) << "LlmStructuredCall::run on the main thread";
        return outcome;
    }
    if (!m_environment.database || !m_environment.clock) {
        outcome.error = refused(tr("The language model is not set up."));
        return outcome;
    }
    if (m_cancelled && m_cancelled()) {
        outcome.error.kind = LlmError::Kind::Cancelled;
        outcome.error.message = tr("Cancelled.");
        return outcome;
    }

    AiInteractionRepository interactions(m_environment.database);
    LlmTransactionRepository transactions(m_environment.database);
    LlmAccounting accounting(m_environment.database, &interactions, &transactions, m_environment.pricing,
                             *m_environment.clock);
    if (auto cap = accounting.checkCap(m_userId, m_settings); !cap) {
        outcome.error = refused(cap.error().message);
        return outcome;
    }

    auto provider = LlmProvider::create(m_config);
    if (!provider) {
        outcome.error = refused(tr("No language model is configured."));
        return outcome;
    }
    LlmRequest request;
    request.systemPrompt = call.prompt.render(call.values);
    request.messages = {LlmMessage::user(call.input)};
    request.jsonSchema = call.schema;
    request.jsonSchemaName = call.schemaName;
    request.maxOutputTokens = call.maxOutputTokens;
    request.stream = false;

    QElapsedTimer elapsed;
    elapsed.start();
    LlmReply* reply = provider->send(request);
    QEventLoop loop;
    bool cancelled = false;
    QObject::connect(reply, &LlmReply::finished, &loop, [&](const LlmResponse& response) {
        outcome.response = response;
        loop.quit();
    });
    QObject::connect(reply, &LlmReply::failed, &loop, [&](const LlmError& error) {
        outcome.error = error;
        loop.quit();
    });
    QObject::connect(reply, &LlmReply::cancelled, &loop, [&] {
        cancelled = true;
        loop.quit();
    });
    QTimer poll;
    if (m_cancelled) {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (m_cancelled() && reply->isRunning())
                reply->cancel();
        });
        poll.start(m_pollMs);
    }
    if (reply->isRunning())
        loop.exec();
    poll.stop();
    if (cancelled) {
        outcome.error = LlmError();
        outcome.error.kind = LlmError::Kind::Cancelled;
        outcome.error.message = tr("Cancelled.");
        outcome.error.latencyMs = elapsed.elapsed();
    }

    LlmCallRecord record;
    record.type = call.type;
    record.jobId = call.jobId;
    record.providerId = m_config.providerId;
    record.model = m_config.model;
    record.promptVersion = call.prompt.id();
    record.promptHash = call.prompt.sha256;
    record.input = call.input;
    if (outcome.response) {
        if (!outcome.response->model.isEmpty())
            record.model = outcome.response->model;
        record.output = outcome.response->json.isEmpty()
            ? outcome.response->text
            : QString::fromUtf8(QJsonDocument(outcome.response->json).toJson(QJsonDocument::Compact));
        record.inputTokens = outcome.response->inputTokens;
        record.outputTokens = outcome.response->outputTokens;
        record.latencyMs = outcome.response->latencyMs;
    } else {
        record.output = outcome.error.toString();
        record.latencyMs = outcome.error.latencyMs > 0 ? outcome.error.latencyMs : elapsed.elapsed();
    }
    auto recorded = accounting.record(m_userId, record);
    if (recorded)
        outcome.llmTransactionId = *recorded;
    else
        qCWarning(lcStages) << "a language-model call was not accounted:" << recorded.error().toString();
    // The network objects of this call die with the provider; what they left for later goes now, since a job's
    // thread may not run an event loop afterwards.
    provider.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return outcome;
}

} // namespace Moniagent
