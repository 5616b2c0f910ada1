#include "assistantselector.h"

#include "ai/assistanttools.h"
#include "ai/llmassistant.h"
#include "ai/offlineassistant.h"
#include "db/aisettingsrepository.h"
#include "secrets/secretstore.h"
#include "session/session.h"

namespace Moniagent {

AssistantSelector::AssistantSelector(Session* session, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_secrets(secrets)
    , m_tools(std::make_unique<AssistantTools>(*session))
    , m_offline(std::make_unique<OfflineAssistant>(*session))
{
    reload();
}

AssistantSelector::~AssistantSelector() = default;

Assistant* AssistantSelector::current() const
{
    if (m_llm)
        return m_llm.get();
    return m_offline.get();
}

void AssistantSelector::useOffline(const QString& notice)
{
    const bool changed = m_llm != nullptr;
    if (m_llm) {
        m_llm->cancel();
        m_llm.release()->deleteLater(); // it may be inside one of its own signals
    }
    m_notice = notice;
    if (changed || !notice.isEmpty())
        Q_EMIT assistantChanged(current());
}

void AssistantSelector::reload()
{
    const int generation = ++m_generation;
    AiSettingsRepository repository(m_session->database());
    auto settings = repository.settings(m_session->userId());
    if (!settings) {
        useOffline(
            tr("The AI settings could not be read (%1); the offline assistant answers.").arg(settings.error().message));
        return;
    }
    if (!settings->isConfigured() || !settings->features.chat) {
        useOffline(QString());
        return;
    }
    const AiSettings chosen = *settings;
    const QString key = SecretStore::llmKey(AiSettings::providerKey(chosen.provider), m_session->user().username);
    m_secrets->read(key, this, [this, generation, chosen](Result<SecretStore::Secret> secret) {
        if (generation != m_generation)
            return; // settings changed again meanwhile
        if (!secret) {
            useOffline(tr("The API key could not be read from the keychain (%1); the offline assistant answers.")
                           .arg(secret.error().message));
            return;
        }
        auto llm = LlmAssistant::create(m_session->database(), m_session->userId(), chosen,
                                        secret->value.value_or(QString()), m_tools.get(), m_session->clock());
        if (!llm) {
            useOffline(tr("The language model could not be set up; the offline assistant answers."));
            return;
        }
        llm->setCurrency(m_session->baseCurrency().code());
        if (m_chatSessionId > 0)
            llm->setChatSessionId(m_chatSessionId);
        if (m_llm) {
            m_llm->cancel();
            m_llm.release()->deleteLater();
        }
        m_llm = std::move(llm);
        m_notice.clear();
        Q_EMIT assistantChanged(current());
    });
}

void AssistantSelector::setChatSessionId(qint64 sessionId)
{
    m_chatSessionId = sessionId;
    if (m_llm)
        m_llm->setChatSessionId(sessionId > 0 ? std::optional<qint64>(sessionId) : std::nullopt);
}

} // namespace Moniagent
