#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Moniagent::Test {

// A real Dovecot IMAP server on loopback for one test (DESIGN.md §6): a throw-away configuration, a
// passwd-file of users and a maildir per user, plain IMAP (with STARTTLS) and IMAPS on free ports with a
// certificate generated for "localhost" by openssl. Run as root, the login processes run as `dovenull` and the
// mail belongs to `nobody`; run as another user, everything runs as that user.
class DovecotServer
{
public:
    DovecotServer();
    ~DovecotServer();

    // Starts the server and waits until both ports accept connections. Empty on success, else what went wrong.
    QString start();
    void stop();
    // Drops every open connection of `user` at once (the server stays up).
    void kick(const QString& user);
    // Starts the stopped server again on the same ports with the same mail.
    QString restart();
    bool isRunning() const { return m_running; }

    // Adds (or replaces) a user who signs in with `password`; XOAUTH2 accepts `password` as the bearer token.
    // A running server looks at the file at most once a second: wait a second after its last sign-in.
    void addUser(const QString& user, const QString& password);
    // Delivers a message into the user's INBOX (a new maildir file) and returns its file name.
    QString deliver(const QString& user, const QByteArray& message);
    // Delivers the messages, in order.
    void deliverMany(const QString& user, const QList<QByteArray>& messages);
    // Removes every message of the user's INBOX and its index, so the next EXAMINE sees a new UIDVALIDITY.
    void resetMailbox(const QString& user);

    int imapPort() const { return m_imapPort; }
    int imapsPort() const { return m_imapsPort; }
    QString caFile() const; // the self-signed certificate, to trust in tests that verify it
    QString logFile() const;

private:
    QString launch();
    QString path(const QString& relative) const;
    QString maildir(const QString& user) const;
    void writeUsers();
    void prepareMaildir(const QString& user);
    void fixOwnership(const QString& path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dovecot;
    QStringList m_users; // "user:{PLAIN}password"
    int m_imapPort = 0;
    int m_imapsPort = 0;
    bool m_running = false;
    int m_sequence = 0;
    QDateTime m_passwdTime;
};

} // namespace Moniagent::Test
