#include "desktop/singleinstance.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstring>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace Moniagent;

namespace {

// Runs a secondary's tryHandOver on another thread, as a second process would: the primary lives on this thread
// and must keep answering while the secondary blocks.
bool handOver(const QString& databasePath, const QStringList& files, int timeoutMs = 5000)
{
    bool handedOver = false;
    std::unique_ptr<QThread> thread(QThread::create([&]() {
        SingleInstance secondary(databasePath);
        handedOver = secondary.tryHandOver(files, timeoutMs);
    }));
    thread->start();
    if (!QTest::qWaitFor([&]() { return thread->isFinished(); }, timeoutMs + 5000))
        qWarning("the hand-over did not finish in time");
    thread->wait();
    return handedOver;
}

// What a raw client gets back for `bytes`, once the primary answered and closed or dropped the connection.
struct Exchange
{
    bool connected = false;
    bool closed = false;
    QByteArray reply;
};

Exchange exchange(const QString& serverName, const QByteArray& bytes, int waitMs = 5000)
{
    Exchange result;
    QLocalSocket socket;
    socket.connectToServer(serverName);
    result.connected = socket.waitForConnected(2000);
    if (!result.connected)
        return result;
    socket.write(bytes);
    result.closed = QTest::qWaitFor(
        [&]() {
            if (socket.bytesAvailable() > 0)
                result.reply += socket.readAll();
            return socket.state() == QLocalSocket::UnconnectedState;
        },
        waitMs);
    if (socket.bytesAvailable() > 0)
        result.reply += socket.readAll();
    return result;
}

// Where the platform puts a local socket with this name.
QString socketPath(const QString& serverName)
{
    return QDir::isAbsolutePath(serverName) ? serverName : QDir(QDir::tempPath()).filePath(serverName);
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void serverNamePerDatabase();
    void filesFromArguments();
    void requestMessage();
    void nothingToHandOverTo();
    void handOverFiles();
    void differentDatabasesSideBySide();
    void liveInstanceKeepsItsName();
    void staleSocketIsReplaced();
    void slowPartialWrites();
    void garbageIsIgnored_data();
    void garbageIsIgnored();
    void badEntriesAreLeftOut();
    void oversizedRequestIsDropped();
    void silentClientTimesOut();
    void tooManyConnectionsAreRefused();
    void secondProcessHandsOver();
    void realProcessIsPrimary();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestSingleInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("moniagent.sqlite"));
}

void TestSingleInstance::cleanup()
{
    QLocalServer::removeServer(SingleInstance::serverNameFor(m_db));
    m_dir.reset();
}

void TestSingleInstance::serverNamePerDatabase()
{
    const QString name = SingleInstance::serverNameFor(m_db);
    QVERIFY(!name.isEmpty());
    QVERIFY2(QFileInfo(name).fileName().startsWith(QStringLiteral("moniagent-")), qPrintable(name));
    // Short enough for a Unix socket path (108 bytes on Linux, 104 on macOS).
    QVERIFY2(socketPath(name).toLocal8Bit().size() < 104, qPrintable(socketPath(name)));
    // The same file however it is spelled, another file another name.
    const QString spelled = m_dir->path() + QStringLiteral("/sub/../moniagent.sqlite");
    QCOMPARE(SingleInstance::serverNameFor(spelled), name);
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path()));
    const QString relative = SingleInstance::serverNameFor(QStringLiteral("moniagent.sqlite"));
    QDir::setCurrent(previous);
    QCOMPARE(relative, name);
    QVERIFY(SingleInstance::serverNameFor(m_dir->filePath(QStringLiteral("other.sqlite"))) != name);
    // Once the file exists, a symbolic link to it is the same database.
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
#ifdef Q_OS_UNIX
    const QString link = m_dir->filePath(QStringLiteral("link.sqlite"));
    QVERIFY(QFile::link(m_db, link));
    QCOMPARE(SingleInstance::serverNameFor(link), SingleInstance::serverNameFor(m_db));
#endif
}

void TestSingleInstance::filesFromArguments()
{
    const QString work = m_dir->path();
    const QStringList arguments {QStringLiteral("moniagent"), QStringLiteral("--db"), QStringLiteral("/data/x.sqlite"),
                                 QStringLiteral("march.csv"), QStringLiteral("-v"),   QStringLiteral("/abs/april.ofx"),
                                 QStringLiteral("--user"),    QStringLiteral("Sam"),  QStringLiteral("sub/../may.qif")};
    const QStringList files = SingleInstance::filesFromArguments(arguments, work);
    QCOMPARE(files,
             QStringList({work + QStringLiteral("/march.csv"), QStringLiteral("/abs/april.ofx"),
                          work + QStringLiteral("/may.qif")}));
    QVERIFY(SingleInstance::filesFromArguments({QStringLiteral("moniagent")}, work).isEmpty());
}

void TestSingleInstance::requestMessage()
{
    const QByteArray message = SingleInstance::requestMessage({QStringLiteral("/a b/line\nbreak.csv")});
    QVERIFY(message.endsWith('\n'));
    QCOMPARE(message.count('\n'), 1); // a newline in a file name is escaped: the request stays one line
    QVERIFY(message.size() < 100);
    // A list too long for one request keeps what fits.
    QStringList many;
    for (int i = 0; i < 20000; ++i)
        many << QStringLiteral("/a/rather/long/folder/name/for/the/statements/of/this/test/statement-%1.csv").arg(i);
    const QByteArray capped = SingleInstance::requestMessage(many);
    QVERIFY(capped.size() <= SingleInstance::MaxMessageSize);
    QVERIFY(capped.size() > SingleInstance::MaxMessageSize / 2);
    QVERIFY(capped.contains("statement-0.csv"));
    QVERIFY(!capped.contains("statement-19999.csv"));
}

void TestSingleInstance::nothingToHandOverTo()
{
    QElapsedTimer timer;
    timer.start();
    SingleInstance secondary(m_db);
    QVERIFY(!secondary.tryHandOver({QStringLiteral("/tmp/a.csv")}));
    QVERIFY2(timer.elapsed() < 1000, "no running instance must be found at once");
}

void TestSingleInstance::handOverFiles()
{
    SingleInstance primary(m_db);
    auto listening = primary.listen();
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().toString()));
    QVERIFY(primary.isListening());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);

    const QStringList files {QStringLiteral("/home/sam/März.csv"), QStringLiteral("/home/sam/receipt 1.jpg")};
    QVERIFY(handOver(m_db, files));
    QCOMPARE(activation.count(), 1);
    QCOMPARE(activation.at(0).at(0).toStringList(), files);

    // Without files: only "come to the front".
    QVERIFY(handOver(m_db, {}));
    QCOMPARE(activation.count(), 2);
    QVERIFY(activation.at(1).at(0).toStringList().isEmpty());
}

void TestSingleInstance::differentDatabasesSideBySide()
{
    const QString otherDb = m_dir->filePath(QStringLiteral("other.sqlite"));
    SingleInstance first(m_db);
    SingleInstance second(otherDb);
    QVERIFY(first.listen().ok());
    QVERIFY(second.listen().ok());
    QSignalSpy firstActivation(&first, &SingleInstance::activationRequested);
    QSignalSpy secondActivation(&second, &SingleInstance::activationRequested);
    QVERIFY(handOver(otherDb, {QStringLiteral("/x.csv")}));
    QCOMPARE(firstActivation.count(), 0);
    QCOMPARE(secondActivation.count(), 1);
    QLocalServer::removeServer(SingleInstance::serverNameFor(otherDb));
}

void TestSingleInstance::liveInstanceKeepsItsName()
{
    SingleInstance primary(m_db);
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);

    SingleInstance late(m_db);
    auto listening = late.listen();
    QVERIFY(!listening.ok());
    QCOMPARE(listening.error().code, Error::Code::Conflict);
    QVERIFY(!late.isListening());
    // The running instance still answers: its socket was not taken away.
    QVERIFY(handOver(m_db, {QStringLiteral("/y.csv")}));
    QCOMPARE(activation.count(), 1);
}

void TestSingleInstance::staleSocketIsReplaced()
{
#ifdef Q_OS_UNIX
    // What an instance that crashed leaves behind: a socket file nobody listens on.
    const QString path = socketPath(SingleInstance::serverNameFor(m_db));
    const QByteArray encoded = QFile::encodeName(path);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(encoded.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()) + 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
    ::close(fd);
    QCOMPARE(bound, 0);
    QVERIFY(QFileInfo::exists(path));

    SingleInstance secondary(m_db);
    QVERIFY(!secondary.tryHandOver({QStringLiteral("/z.csv")}));
    SingleInstance primary(m_db);
    auto listening = primary.listen();
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().toString()));
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);
    QVERIFY(handOver(m_db, {QStringLiteral("/z.csv")}));
    QCOMPARE(activation.count(), 1);
#else
    QSKIP("named pipes leave nothing behind when their owner crashes");
#endif
}

void TestSingleInstance::slowPartialWrites()
{
    SingleInstance primary(m_db);
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);

    QLocalSocket socket;
    socket.connectToServer(primary.serverName());
    QVERIFY(socket.waitForConnected(2000));
    const QByteArray message = SingleInstance::requestMessage({QStringLiteral("/slow/one.csv")});
    for (qsizetype i = 0; i < message.size(); i += 3) {
        socket.write(message.mid(i, 3));
        socket.flush();
        QTest::qWait(5);
        if (i + 3 < message.size())
            QCOMPARE(activation.count(), 0); // nothing before the whole line is there
    }
    QVERIFY(QTest::qWaitFor([&]() { return socket.canReadLine(); }, 5000));
    QCOMPARE(socket.readLine(), QByteArray("{\"ok\":true}\n"));
    QCOMPARE(activation.count(), 1);
    QCOMPARE(activation.at(0).at(0).toStringList(), QStringList {QStringLiteral("/slow/one.csv")});
}

void TestSingleInstance::garbageIsIgnored_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text") << QByteArray("hello\n");
    QTest::newRow("broken JSON") << QByteArray("{\"activate\":true,\"files\":[\n");
    QTest::newRow("array") << QByteArray("[\"/a.csv\"]\n");
    QTest::newRow("no activate") << QByteArray("{\"files\":[\"/a.csv\"]}\n");
    QTest::newRow("activate false") << QByteArray("{\"activate\":false,\"files\":[]}\n");
    QTest::newRow("activate as text") << QByteArray("{\"activate\":\"yes\"}\n");
    QTest::newRow("files not a list") << QByteArray("{\"activate\":true,\"files\":\"/a.csv\"}\n");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{\x01\x02\n", 8);
    QTest::newRow("empty line") << QByteArray("\n");
}

void TestSingleInstance::garbageIsIgnored()
{
    QFETCH(QByteArray, bytes);
    SingleInstance primary(m_db);
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);

    const Exchange result = exchange(primary.serverName(), bytes);
    QVERIFY(result.connected);
    QVERIFY2(result.closed, "the primary closes a connection that sent garbage");
    QVERIFY2(result.reply.isEmpty(), result.reply.constData());
    QCOMPARE(activation.count(), 0);

    // It goes on answering proper requests.
    QVERIFY(handOver(m_db, {QStringLiteral("/after.csv")}));
    QCOMPARE(activation.count(), 1);
}

void TestSingleInstance::badEntriesAreLeftOut()
{
    SingleInstance primary(m_db);
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);
    const Exchange result = exchange(
        primary.serverName(),
        QByteArray(R"({"activate":true,"files":["/ok/a.csv",3,null,"relative.csv","/ok/x/../b.csv"],"later":1})"
                   "\n"));
    QVERIFY(result.closed);
    QCOMPARE(result.reply, QByteArray("{\"ok\":true}\n"));
    QCOMPARE(activation.count(), 1);
    QCOMPARE(activation.at(0).at(0).toStringList(),
             QStringList({QStringLiteral("/ok/a.csv"), QStringLiteral("/ok/b.csv")}));
}

void TestSingleInstance::oversizedRequestIsDropped()
{
    SingleInstance primary(m_db);
    primary.setClientTimeout(60000); // so only the size limit can end it in time
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);
    QElapsedTimer timer;
    timer.start();
    const Exchange result
        = exchange(primary.serverName(), QByteArray(SingleInstance::MaxMessageSize + 4096, 'x') + '\n', 20000);
    QVERIFY(result.closed);
    QVERIFY2(timer.elapsed() < 15000, "dropped for its size, not by the timeout");
    QVERIFY(result.reply.isEmpty());
    QCOMPARE(activation.count(), 0);
    QVERIFY(handOver(m_db, {}));
    QCOMPARE(activation.count(), 1);
}

void TestSingleInstance::silentClientTimesOut()
{
    SingleInstance primary(m_db);
    primary.setClientTimeout(300);
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);
    // Half a request, then nothing.
    const Exchange result = exchange(primary.serverName(), QByteArray("{\"activate\":tr"), 3000);
    QVERIFY2(result.closed, "the primary hangs up on a client that stops half-way");
    QVERIFY(result.reply.isEmpty());
    QCOMPARE(activation.count(), 0);
}

void TestSingleInstance::tooManyConnectionsAreRefused()
{
    SingleInstance primary(m_db);
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);
    std::vector<std::unique_ptr<QLocalSocket>> idle;
    for (int i = 0; i < SingleInstance::MaxPendingClients; ++i) {
        idle.push_back(std::make_unique<QLocalSocket>());
        idle.back()->connectToServer(primary.serverName());
        QVERIFY(idle.back()->waitForConnected(2000));
    }
    QTest::qWait(100); // the primary takes them in
    for (const auto& socket : idle)
        QCOMPARE(socket->state(), QLocalSocket::ConnectedState);
    // One more is closed at once; it does not wait for the others to time out.
    const Exchange result = exchange(primary.serverName(), SingleInstance::requestMessage({}), 2000);
    QVERIFY(result.closed);
    QVERIFY(result.reply.isEmpty());
    QCOMPARE(activation.count(), 0);
    // Once they are gone, requests are answered again.
    idle.clear();
    QTest::qWait(100);
    QVERIFY(handOver(m_db, {}));
    QCOMPARE(activation.count(), 1);
}

void TestSingleInstance::secondProcessHandsOver()
{
    // The real executable, started again with files: it hands them over and exits without opening anything.
    SingleInstance primary(m_db);
    QVERIFY(primary.listen().ok());
    QSignalSpy activation(&primary, &SingleInstance::activationRequested);

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral(MONIAGENT_BINARY),
                  {QStringLiteral("--db"), m_db, QStringLiteral("march.csv"), QStringLiteral("sub/receipt.jpg")});
    QVERIFY(process.waitForStarted(10000));
    const bool finished = QTest::qWaitFor([&]() { return process.state() == QProcess::NotRunning; }, 20000);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    QVERIFY2(finished, process.readAllStandardError().constData());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(activation.count(), 1);
    QCOMPARE(activation.at(0).at(0).toStringList(),
             QStringList(
                 {m_dir->filePath(QStringLiteral("march.csv")), m_dir->filePath(QStringLiteral("sub/receipt.jpg"))}));
    QVERIFY2(!QFileInfo::exists(m_db), "the second start must not open the database");
}

void TestSingleInstance::realProcessIsPrimary()
{
    // The real executable as the running instance: it listens before anything else (here it waits in the
    // first-start dialog), answers a hand-over, and a later start of it exits at once.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess primary;
    primary.setProcessEnvironment(environment);
    primary.start(QStringLiteral(MONIAGENT_BINARY), {QStringLiteral("--db"), m_db});
    QVERIFY(primary.waitForStarted(10000));
    const bool answered
        = QTest::qWaitFor([&]() { return primary.state() == QProcess::Running && handOver(m_db, {}, 2000); }, 30000);
    QVERIFY2(answered, primary.readAllStandardError().constData());

    QProcess again;
    again.setProcessEnvironment(environment);
    again.start(QStringLiteral(MONIAGENT_BINARY), {QStringLiteral("--db"), m_db, QStringLiteral("/tmp/x.csv")});
    QVERIFY(again.waitForFinished(20000));
    QCOMPARE(again.exitCode(), 0);
    QCOMPARE(primary.state(), QProcess::Running);

    // Killed, it leaves its socket behind; the next instance takes the name over.
    primary.kill();
    QVERIFY(primary.waitForFinished(10000));
    SingleInstance next(m_db);
    QVERIFY(!next.tryHandOver({}));
    auto listening = next.listen();
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().toString()));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
