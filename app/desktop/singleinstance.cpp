#include "singleinstance.h"

#include "desktoplogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Moniagent {

namespace {

constexpr qsizetype MaxReplySize = 1024;
// Unix socket paths are limited to 108 bytes on Linux (104 on macOS and the BSDs), the terminating NUL
// included.
constexpr qsizetype MaxSocketPath = 100;

QString currentUser()
{
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
#ifdef Q_OS_UNIX
    user += u':' + QString::number(::getuid());
#endif
    return user;
}

QString canonicalDatabasePath(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath(); // empty while the file does not exist
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QByteArray replyMessage()
{
    return QJsonDocument(QJsonObject {{QStringLiteral("ok"), true}}).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

SingleInstance::SingleInstance(const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_serverName(serverNameFor(databasePath))
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString& databasePath)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(currentUser().toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(canonicalDatabasePath(databasePath).toUtf8());
    const QString name = QStringLiteral("moniagent-") + QString::fromLatin1(hash.result().toHex().left(24));
#ifdef Q_OS_UNIX
    // A folder only this user can enter beats the shared temporary folder.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir()) {
        const QString path = QDir(runtime).filePath(name);
        if (path.toLocal8Bit().size() <= MaxSocketPath)
            return path;
    }
#endif
    return name;
}

QStringList SingleInstance::filesFromArguments(const QStringList& arguments, const QString& workingDirectory)
{
    QStringList files;
    const QDir base(workingDirectory);
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--db") || argument == QLatin1String("--user")) {
            ++i; // its value
            continue;
        }
        if (argument.isEmpty() || argument.startsWith(u'-'))
            continue;
        files << QDir::cleanPath(base.absoluteFilePath(argument));
    }
    return files;
}

QByteArray SingleInstance::requestMessage(const QStringList& files)
{
    // Files past the size limit are left out rather than making the whole request unreadable.
    QJsonArray list;
    qsizetype size = 64;
    for (const QString& file : files) {
        const qsizetype entry = file.toUtf8().size() * 2 + 4; // escaping never more than doubles a path
        if (size + entry > MaxMessageSize) {
            qCWarning(lcDesktop) << "too many files to hand over; left out" << files.size() - list.size();
            break;
        }
        size += entry;
        list.append(file);
    }
    const QJsonObject request {{QStringLiteral("activate"), true}, {QStringLiteral("files"), list}};
    return QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
}

bool SingleInstance::tryHandOver(const QStringList& files, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(std::min(timeoutMs, 1000))) {
        qCDebug(lcDesktop) << "no running instance at" << m_serverName << socket.errorString();
        return false;
    }
    socket.write(requestMessage(files));
    while (socket.bytesToWrite() > 0) {
        if (deadline.hasExpired() || !socket.waitForBytesWritten(int(deadline.remainingTime()))) {
            qCWarning(lcDesktop) << "the running instance did not take the request:" << socket.errorString();
            return false;
        }
    }
    QByteArray reply;
    while (!reply.contains('\n') && reply.size() <= MaxReplySize) {
        if (socket.bytesAvailable() == 0) {
            if (deadline.hasExpired() || socket.state() != QLocalSocket::ConnectedState
                || !socket.waitForReadyRead(int(deadline.remainingTime()))) {
                reply += socket.readAll(); // what came with the end of the connection
                if (reply.contains('\n'))
                    break;
                qCWarning(lcDesktop) << "the running instance did not answer:" << socket.errorString();
                return false;
            }
        }
        reply += socket.read(MaxReplySize + 1 - reply.size());
    }
    const QJsonDocument answer = QJsonDocument::fromJson(reply.left(reply.indexOf('\n')));
    const bool ok = answer.isObject() && answer.object().value(QStringLiteral("ok")).toBool();
    if (!ok)
        qCWarning(lcDesktop) << "unexpected answer from the running instance:" << reply.left(200);
    socket.disconnectFromServer();
    return ok;
}

Result<void> SingleInstance::listen()
{
    if (isListening())
        return {};
    // A live instance answers. (Windows would even let a second server share the pipe name.)
    QLocalSocket probe;
    probe.connectToServer(m_serverName);
    if (probe.waitForConnected(1000)) {
        probe.abort();
        return Error::conflict(tr("Moniagent is already running with this file."), m_serverName);
    }
    auto server = std::make_unique<QLocalServer>(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    bool listening = server->listen(m_serverName);
    if (!listening && server->serverError() == QAbstractSocket::AddressInUseError) {
        // Nobody answered: the socket of an instance that crashed.
        qCInfo(lcDesktop) << "removing the stale socket" << m_serverName;
        QLocalServer::removeServer(m_serverName);
        listening = server->listen(m_serverName);
    }
    if (!listening)
        return Error {Error::Code::Io, tr("Moniagent could not watch for being started again."), server->errorString()};
    m_server = server.release();
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptClients);
    qCDebug(lcDesktop) << "listening at" << m_server->fullServerName();
    return {};
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::acceptClients()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        if (m_buffers.size() >= MaxPendingClients) {
            qCWarning(lcDesktop) << "too many connections; refusing one";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QLocalSocket::readyRead, this, [this, socket]() { readClient(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket]() { dropClient(socket); });
        // A client that never finishes its line does not hold the connection for ever.
        auto* timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, this, [this, socket]() {
            qCWarning(lcDesktop) << "dropping a connection that sent no complete request in time";
            dropClient(socket);
        });
        timeout->start(m_clientTimeoutMs);
        readClient(socket); // data may have arrived with the connection
    }
}

void SingleInstance::readClient(QLocalSocket* socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    QByteArray& buffer = *it;
    buffer += socket->read(MaxMessageSize + 1 - buffer.size());
    const qsizetype newline = buffer.indexOf('\n');
    if (newline < 0) {
        if (buffer.size() > MaxMessageSize) {
            qCWarning(lcDesktop) << "dropping a request over" << MaxMessageSize << "bytes";
            dropClient(socket);
        }
        return;
    }
    QStringList files;
    const bool valid = handleRequest(buffer.left(newline), &files);
    m_buffers.erase(it);
    if (!valid) {
        dropClient(socket);
        return;
    }
    // Answer, then let the connection close by itself; the timeout still removes it at the latest.
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
    disconnect(socket, &QLocalSocket::disconnected, this, nullptr);
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(replyMessage());
    socket->disconnectFromServer();
    emit activationRequested(files);
}

void SingleInstance::dropClient(QLocalSocket* socket)
{
    m_buffers.remove(socket);
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

bool SingleInstance::handleRequest(const QByteArray& line, QStringList* files) const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (!document.isObject()) {
        qCWarning(lcDesktop) << "ignoring a request that is not a JSON object:" << error.errorString();
        return false;
    }
    const QJsonObject request = document.object();
    if (request.value(QStringLiteral("activate")) != QJsonValue(true)) {
        qCWarning(lcDesktop) << "ignoring a request without \"activate\": true";
        return false;
    }
    const QJsonValue list = request.value(QStringLiteral("files"));
    if (!list.isUndefined() && !list.isArray()) {
        qCWarning(lcDesktop) << "ignoring a request whose \"files\" is not a list";
        return false;
    }
    const QJsonArray array = list.toArray();
    for (const QJsonValue& value : array) {
        const QString path = value.toString();
        if (!value.isString() || !QDir::isAbsolutePath(path)) {
            qCWarning(lcDesktop) << "ignoring a handed-over file that is not an absolute path:" << value;
            continue;
        }
        files->append(QDir::cleanPath(path));
    }
    return true;
}

} // namespace Moniagent
