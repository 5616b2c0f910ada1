#pragma once

#include "core/result.h"

#include <QDir>
#include <QHash>
#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;
class QTimer;

namespace Moniagent {

// One Moniagent per user and database: the first instance listens on a local socket (QLocalServer), a later
// start hands its file arguments over and exits.
//
// The socket name is a hash of the user and the database path, so two databases can run side by side. The
// protocol is one line of UTF-8 JSON each way: {"activate":true,"files":["/abs/path",…]}\n from the secondary,
// {"ok":true}\n from the primary once it accepted the request. Anything else (no newline within
// MaxMessageSize, not JSON, the wrong shape, no complete line within the client timeout) is dropped without a
// reply and without a signal.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxMessageSize = 1024 * 1024;
    static constexpr int DefaultClientTimeoutMs = 5000;
    static constexpr int MaxPendingClients = 8;

    explicit SingleInstance(const QString& databasePath, QObject* parent = nullptr);
    ~SingleInstance() override;

    // The socket name for `databasePath` and the current user: a short name (the platform puts it in its
    // temporary folder or pipe namespace), or a path in XDG_RUNTIME_DIR when that is set and short enough for
    // the platform's socket path limit.
    static QString serverNameFor(const QString& databasePath);
    QString serverName() const { return m_serverName; }

    // The files named on a command line: every argument after the program that is not an option or the value
    // of --db/--user, made absolute against `workingDirectory`.
    static QStringList filesFromArguments(const QStringList& arguments,
                                          const QString& workingDirectory = QDir::currentPath());

    // Hands `files` (absolute paths) to a running instance and asks it to come to the front. True when the
    // running instance acknowledged; false when there is none (or it did not answer within `timeoutMs`).
    // Blocks the calling thread: call it at start-up, before anything else runs.
    bool tryHandOver(const QStringList& files, int timeoutMs = 5000);

    // Becomes the running instance. A socket left by an instance that crashed is removed; a conflict error
    // means another live instance holds the name.
    Result<void> listen();
    bool isListening() const;
    // How long a connection may take to send its request line (DefaultClientTimeoutMs).
    void setClientTimeout(int milliseconds) { m_clientTimeoutMs = milliseconds; }

    // The request line the secondary sends (exposed for tests).
    static QByteArray requestMessage(const QStringList& files);

Q_SIGNALS:
    // A later start asked this instance to come to the front and open `files` (absolute paths; may be empty).
    void activationRequested(const QStringList& files);

private:
    void acceptClients();
    void readClient(QLocalSocket* socket);
    void dropClient(QLocalSocket* socket);
    bool handleRequest(const QByteArray& line, QStringList* files) const;

    QString m_serverName;
    QLocalServer* m_server = nullptr;
    int m_clientTimeoutMs = DefaultClientTimeoutMs;
    QHash<QLocalSocket*, QByteArray> m_buffers;
};

} // namespace Moniagent
