#pragma once

#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace Moniagent {

// Secrets (LLM API keys, mail passwords and tokens) in the operating system's keychain through QtKeychain,
// under the service "moniagent", with the insecure plain-text fallback switched off. When the keychain has no
// backend (no Secret Service on the session bus, a locked or missing wallet) the store keeps what it is given in
// memory for this run only and says so through isPersistent() and the callbacks' `persistent` flag, so the UI can
// tell the user the secret will be asked again after a restart.
//
// Secrets are never logged; errors name the key, never the value. Use one store per application (the composition
// root owns it) so the in-memory fallback is shared. All callbacks run on the store's thread, after the call
// returned, and only while `context` is alive.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    static constexpr auto DefaultService = "moniagent";

    explicit SecretStore(QObject* parent = nullptr);
    SecretStore(const QString& service, QObject* parent = nullptr);

    // "llm:<provider>:<user>", e.g. "llm:openai:sam".
    static QString llmKey(const QString& provider, const QString& user);
    // "mail:<provider>:<email>", e.g. "mail:gmail:sam@example.com".
    static QString mailKey(const QString& provider, const QString& email);

    struct Secret
    {
        std::optional<QString> value; // empty when nothing is stored under the key
        bool persistent = true; // false: the keychain is unavailable; the value lives in memory for this run
    };
    using ReadDone = std::function<void(Result<Secret>)>;
    // Result: true when the secret went to the keychain, false when it is kept in memory for this run.
    using WriteDone = std::function<void(Result<bool>)>;
    using RemoveDone = std::function<void(Result<void>)>;

    void read(const QString& key, QObject* context, ReadDone done);
    void write(const QString& key, const QString& secret, QObject* context, WriteDone done);
    void remove(const QString& key, QObject* context, RemoveDone done);
    // For worker threads (background jobs): asks the store's thread to read `key` and waits for the answer, at
    // most `timeoutMs`. Empty value when nothing is stored. Refused on the store's own thread, which would wait
    // for itself.
    Result<QString> readFromWorker(const QString& key, int timeoutMs = 60'000);
    // The same for writing (a refreshed token): true when the secret went to the keychain, false when it is kept
    // in memory for this run.
    Result<bool> writeFromWorker(const QString& key, const QString& secret, int timeoutMs = 60'000);

    // Workers waiting for the keychain (and those asking later) get an error at once instead of waiting: called when
    // the window closes, so that its thread can wait for its workers without waiting for itself.
    void stopServingWorkers() { m_stopped.store(true); }

    // False once the keychain turned out to be unavailable in this run.
    bool isPersistent() const { return m_persistent; }
    QString service() const { return m_service; }

Q_SIGNALS:
    // Emitted once when the keychain turns out to be unavailable (persistent becomes false).
    void persistenceChanged(bool persistent);

private:
    // Runs `call` on the store's thread and waits for the result it hands to its callback, at most `timeoutMs`.
    template <typename T>
    Result<T> waitFromWorker(const QString& key, int timeoutMs,
                             std::function<void(std::function<void(Result<T>)>)> call);
    void markUnavailable(const QString& reason);
    static bool isBackendFailure(int error);

    QString m_service;
    QHash<QString, QString> m_memory;
    bool m_persistent = true;
    std::atomic_bool m_stopped = false;
};

} // namespace Moniagent
