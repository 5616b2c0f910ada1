#include "dovecotserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Moniagent::Test {

namespace {

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool accepts(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    return socket.waitForConnected(200);
}

bool isRoot()
{
#ifdef Q_OS_UNIX
    return geteuid() == 0;
#else
    return false;
#endif
}

QString currentUserName()
{
#ifdef Q_OS_UNIX
    if (const passwd* entry = getpwuid(geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return qEnvironmentVariable("USER");
}

bool run(const QString& program, const QStringList& arguments, QString* output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(60'000);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

DovecotServer::DovecotServer()
{
    const QStringList sbin
        = {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/opt/homebrew/sbin")};
    m_dovecot = QStandardPaths::findExecutable(QStringLiteral("dovecot"));
    if (m_dovecot.isEmpty())
        m_dovecot = QStandardPaths::findExecutable(QStringLiteral("dovecot"), sbin);
}

DovecotServer::~DovecotServer()
{
    stop();
}

QString DovecotServer::path(const QString& relative) const
{
    return m_dir->filePath(relative);
}

QString DovecotServer::caFile() const
{
    return path(QStringLiteral("cert.pem"));
}

QString DovecotServer::logFile() const
{
    return path(QStringLiteral("dovecot.log"));
}

QString DovecotServer::maildir(const QString& user) const
{
    return path(QStringLiteral("home/") + user + QStringLiteral("/Maildir"));
}

void DovecotServer::fixOwnership(const QString& target) const
{
    // The mail processes of a root-started server run as nobody.
    if (isRoot())
        run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("65534:65534"), target});
}

void DovecotServer::writeUsers()
{
    QFile file(path(QStringLiteral("passwd")));
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    for (const QString& user : std::as_const(m_users))
        file.write(user.toUtf8() + "::::::\n");
    // Dovecot re-reads the file when its modification time (in seconds) changes: make every write a new second.
    m_passwdTime = std::max(QDateTime::currentDateTimeUtc(), m_passwdTime.addSecs(1));
    file.setFileTime(m_passwdTime, QFileDevice::FileModificationTime);
}

void DovecotServer::addUser(const QString& user, const QString& password)
{
    m_users.erase(std::remove_if(m_users.begin(), m_users.end(),
                                 [&](const QString& line) { return line.startsWith(user + u':'); }),
                  m_users.end());
    m_users.append(user + QStringLiteral(":{PLAIN}") + password);
    if (m_dir) {
        writeUsers();
        prepareMaildir(user);
    }
}

void DovecotServer::prepareMaildir(const QString& user)
{
    for (const char* sub : {"cur", "new", "tmp"})
        QDir().mkpath(maildir(user) + u'/' + QLatin1String(sub));
    fixOwnership(path(QStringLiteral("home/") + user));
}

QString DovecotServer::deliver(const QString& user, const QByteArray& message)
{
    // Maildir delivery: written under tmp/, then renamed into new/, so the server never sees half a message.
    const QString name = QStringLiteral("%1.M%2P%3.moniagent-test")
                             .arg(QDateTime::currentSecsSinceEpoch())
                             .arg(++m_sequence)
                             .arg(QCoreApplication::applicationPid());
    QFile file(maildir(user) + QStringLiteral("/tmp/") + name);
    file.open(QIODevice::WriteOnly);
    file.write(message);
#ifdef Q_OS_UNIX
    if (isRoot())
        fchown(file.handle(), 65534, 65534); // the mail processes of a root-started server run as nobody
#endif
    file.close();
    QFile::rename(file.fileName(), maildir(user) + QStringLiteral("/new/") + name);
    return name;
}

void DovecotServer::deliverMany(const QString& user, const QList<QByteArray>& messages)
{
    for (const QByteArray& message : messages)
        deliver(user, message);
}

void DovecotServer::resetMailbox(const QString& user)
{
    QDir(path(QStringLiteral("home/") + user)).removeRecursively();
    prepareMaildir(user);
}

QString DovecotServer::start()
{
    if (m_dovecot.isEmpty())
        return QStringLiteral("Dovecot was not found; install dovecot-imapd (scripts/install-deps does).");
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return QStringLiteral("no temporary directory");
    if (qEnvironmentVariableIsSet("MONIAGENT_KEEP_DOVECOT")) // to read its log and configuration after a test
        m_dir->setAutoRemove(false);
#ifdef Q_OS_UNIX
    chmod(QFile::encodeName(m_dir->path()).constData(), 0755); // the mail processes must reach their homes
#endif
    QString output;
    if (!run(QStringLiteral("openssl"),
             {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
              QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(QStringLiteral("key.pem")),
              QStringLiteral("-out"), caFile(), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
              QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
              QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")},
             &output))
        return QStringLiteral("openssl could not make a certificate: ") + output;
    writeUsers();
    for (const QString& line : std::as_const(m_users))
        prepareMaildir(line.section(u':', 0, 0));

    m_imapPort = freePort();
    m_imapsPort = freePort();
    const bool root = isRoot();
    const QString me = currentUserName();
    const QString mailUser = root ? QStringLiteral("uid=65534 gid=65534")
                                  : QStringLiteral("uid=%1 gid=%2")
#ifdef Q_OS_UNIX
                                        .arg(getuid())
                                        .arg(getgid());
#else
                                        .arg(0)
                                        .arg(0);
#endif
    const QString instance
        = QStringLiteral("moniagent-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(m_imapPort);
    QString config = QStringLiteral(R"(base_dir = %1/run
state_dir = %1/state
instance_name = %2
log_path = %1/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <%1/cert.pem
ssl_key = <%1/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2
default_login_user = %3
default_internal_user = %4
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u %1/passwd
}
userdb {
  driver = static
  args = %5 home=%1/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %6
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %7
    ssl = yes
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
)")
                         .arg(m_dir->path(), instance, root ? QStringLiteral("dovenull") : me,
                              root ? QStringLiteral("dovecot") : me, mailUser)
                         .arg(m_imapPort)
                         .arg(m_imapsPort);
    if (!root) {
        // An unprivileged server cannot change users or chroot.
        config.replace(QStringLiteral("service imap-login {"),
                       QStringLiteral("service imap-login {\n  chroot =\n  user = %1").arg(me));
    }
    QFile file(path(QStringLiteral("dovecot.conf")));
    file.open(QIODevice::WriteOnly);
    file.write(config.toUtf8());
    file.close();

    return launch();
}

QString DovecotServer::restart()
{
    stop();
    return launch();
}

QString DovecotServer::launch()
{
    QString output;
    if (!run(m_dovecot, {QStringLiteral("-c"), path(QStringLiteral("dovecot.conf"))}, &output))
        return QStringLiteral("dovecot did not start: ") + output;
    m_running = true;
    QElapsedTimer timer;
    timer.start();
    while (!(accepts(m_imapPort) && accepts(m_imapsPort))) {
        if (timer.elapsed() > 10'000) {
            QFile log(logFile());
            log.open(QIODevice::ReadOnly);
            return QStringLiteral("dovecot did not listen: ") + QString::fromUtf8(log.readAll());
        }
        QThread::msleep(50);
    }
    return {};
}

void DovecotServer::kick(const QString& user)
{
    QString doveadm = QStandardPaths::findExecutable(QStringLiteral("doveadm"));
    if (doveadm.isEmpty())
        doveadm = QFileInfo(m_dovecot).absolutePath() + QStringLiteral("/doveadm");
    run(doveadm, {QStringLiteral("-c"), path(QStringLiteral("dovecot.conf")), QStringLiteral("kick"), user});
}

void DovecotServer::stop()
{
    if (!m_running)
        return;
    run(m_dovecot, {QStringLiteral("-c"), path(QStringLiteral("dovecot.conf")), QStringLiteral("stop")});
    // Wait for the master to go, so the temporary directory can be removed.
    QElapsedTimer timer;
    timer.start();
    while (QFile::exists(path(QStringLiteral("run/master.pid"))) && timer.elapsed() < 5'000)
        QThread::msleep(20);
    m_running = false;
}

} // namespace Moniagent::Test
