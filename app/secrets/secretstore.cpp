#include "secretstore.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Moniagent {

namespace {
Q_LOGGING_CATEGORY(lcSecrets, "moniagent.secrets")

// Runs `f` later on the store's thread if `context` still exists (callbacks never run inside the call).
template <typename F> void later(QObject* receiver, QObject* context, F f)
{
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, receiver, [guard, f = std::move(f)]() mutable {
        if (guard)
            f();
    });
}
} // namespace

SecretStore::SecretStore(QObject* parent)
    : SecretStore(QString::fromLatin1(DefaultService), parent)
{ }

SecretStore::SecretStore(const QString& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{ }

QString SecretStore::llmKey(const QString& provider, const QString& user)
{
    return QStringLiteral("llm:") + provider + u':' + user;
}

QString SecretStore::mailKey(const QString& provider, const QString& email)
{
    return QStringLiteral("mail:") + provider + u':' + email;
}

bool SecretStore::isBackendFailure(int error)
{
    // OtherError is what a missing or broken Secret Service over D-Bus reports.
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError;
}

void SecretStore::markUnavailable(const QString& reason)
{
    qCWarning(lcSecrets) << "The keychain is unavailable; secrets are kept in memory for this run:" << reason;
    if (m_persistent) {
        m_persistent = false;
        Q_EMIT persistenceChanged(false);
    }
}

void SecretStore::read(const QString& key, QObject* context, ReadDone done)
{
    if (!m_persistent || m_memory.contains(key)) {
        // Kept in memory for this run (the keychain was unavailable when it was written).
        Secret secret;
        if (m_memory.contains(key))
            secret.value = m_memory.value(key);
        secret.persistent = false;
        later(this, context, [done = std::move(done), secret]() { done(secret); });
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, done = std::move(done)]() {
        Secret secret;
        if (job->error() == QKeychain::NoError) {
            secret.value = job->textData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            // Nothing stored: not an error.
        } else if (isBackendFailure(job->error())) {
            markUnavailable(job->errorString());
            secret.persistent = false;
        } else {
            qCWarning(lcSecrets) << "Reading" << key << "from the keychain failed:" << job->errorString();
            if (guard)
                done(Error {Error::Code::Io, tr("The keychain refused to read the secret: %1").arg(job->errorString()),
                            key});
            return;
        }
        if (guard)
            done(secret);
    });
    job->start();
}

void SecretStore::write(const QString& key, const QString& secret, QObject* context, WriteDone done)
{
    if (!m_persistent) {
        m_memory.insert(key, secret);
        later(this, context, [done = std::move(done)]() { done(false); });
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, secret, guard, done = std::move(done)]() {
        if (job->error() == QKeychain::NoError) {
            m_memory.remove(key);
            if (guard)
                done(true);
            return;
        }
        if (isBackendFailure(job->error())) {
            markUnavailable(job->errorString());
            m_memory.insert(key, secret);
            if (guard)
                done(false);
            return;
        }
        qCWarning(lcSecrets) << "Writing" << key << "to the keychain failed:" << job->errorString();
        if (guard)
            done(Error {Error::Code::Io, tr("The keychain refused to store the secret: %1").arg(job->errorString()),
                        key});
    });
    job->start();
}

void SecretStore::remove(const QString& key, QObject* context, RemoveDone done)
{
    m_memory.remove(key);
    if (!m_persistent) {
        later(this, context, [done = std::move(done)]() { done({}); });
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, done = std::move(done)]() {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) {
            if (guard)
                done({});
            return;
        }
        if (isBackendFailure(job->error())) {
            markUnavailable(job->errorString());
            if (guard)
                done({});
            return;
        }
        qCWarning(lcSecrets) << "Removing" << key << "from the keychain failed:" << job->errorString();
        if (guard)
            done(Error {Error::Code::Io, tr("The keychain refused to remove the secret: %1").arg(job->errorString()),
                        key});
    });
    job->start();
}

template <typename T>
Result<T> SecretStore::waitFromWorker(const QString& key, int timeoutMs,
                                      std::function<void(std::function<void(Result<T>)>)> call)
{
    if (QThread::currentThread() == thread())
        return Error::invalidInput(tr("The keychain cannot be used from here."), QStringLiteral("fromWorker"));
    if (m_stopped.load())
        return Error::cancelled();
    struct Answer
    {
        QSemaphore ready;
        std::optional<Result<T>> result;
    };
    auto answer = std::make_shared<Answer>();
    QMetaObject::invokeMethod(
        this,
        [answer, call] {
            call([answer](Result<T> result) {
                answer->result = std::move(result);
                answer->ready.release();
            });
        },
        Qt::QueuedConnection);
    // Polled, so that stopServingWorkers() ends the wait of a worker whose window is closing.
    QElapsedTimer waited;
    waited.start();
    while (!answer->ready.tryAcquire(1, 50)) {
        if (m_stopped.load())
            return Error::cancelled();
        if (waited.elapsed() >= timeoutMs)
            return Error::invalidInput(tr("The keychain did not answer. Unlock it and try again."), key);
    }
    return std::move(*answer->result);
}

Result<QString> SecretStore::readFromWorker(const QString& key, int timeoutMs)
{
    auto result = waitFromWorker<Secret>(
        key, timeoutMs, [this, key](std::function<void(Result<Secret>)> done) { read(key, this, std::move(done)); });
    if (!result)
        return result.error();
    return result->value.value_or(QString());
}

Result<bool> SecretStore::writeFromWorker(const QString& key, const QString& secret, int timeoutMs)
{
    return waitFromWorker<bool>(key, timeoutMs, [this, key, secret](std::function<void(Result<bool>)> done) {
        write(key, secret, this, std::move(done));
    });
}

} // namespace Moniagent
