#pragma once

#include "ai/assistant.h"
#include "core/aisettings.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Moniagent {

class AssistantTools;
class LlmAssistant;
class OfflineAssistant;
class SecretStore;
class Session;

// Picks the assistant for the chat: the built-in offline assistant by default, the language-model assistant when
// the profile configured a provider and switched the chat feature on (its API key read from the keychain). When
// the key cannot be read or the provider cannot be built, the offline assistant answers and notice() says why.
class AssistantSelector : public QObject
{
    Q_OBJECT

public:
    AssistantSelector(Session* session, SecretStore* secrets, QObject* parent = nullptr);
    ~AssistantSelector() override;

    Assistant* current() const;
    OfflineAssistant* offline() const { return m_offline.get(); }
    // Why the offline assistant answers although a provider is configured; empty otherwise.
    QString notice() const { return m_notice; }

    // Reads the settings again (after the settings dialog saved them); the key is read asynchronously and
    // assistantChanged() follows.
    void reload();
    // The chat session the language-model calls are logged under.
    void setChatSessionId(qint64 sessionId);

Q_SIGNALS:
    void assistantChanged(Moniagent::Assistant* assistant);

private:
    void useOffline(const QString& notice);

    Session* m_session;
    SecretStore* m_secrets;
    std::unique_ptr<AssistantTools> m_tools;
    std::unique_ptr<OfflineAssistant> m_offline;
    std::unique_ptr<LlmAssistant> m_llm;
    QString m_notice;
    qint64 m_chatSessionId = 0;
    int m_generation = 0;
};

} // namespace Moniagent
