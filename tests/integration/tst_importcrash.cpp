// A statement import killed with SIGKILL in the middle of writing leaves the database exactly as it was: the
// real binary imports a large CSV, the test kills it once the import is writing to the ledger, then checks the
// file with SQLite's own integrity check and the row counts.
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestImportCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killDuringApplyChangesNothing();

private:
    int run(const QStringList& args);
    static qint64 scalar(const QString& path, const QString& sql);
};

int TestImportCrash::run(const QStringList& args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MONIAGENT_BINARY), args);
    if (!process.waitForFinished(120000))
        return -1;
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

qint64 TestImportCrash::scalar(const QString& path, const QString& sql)
{
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toString() == QLatin1String("ok") ? 1 : q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return value;
}

void TestImportCrash::killDuringApplyChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("moniagent.sqlite"));
    // A ledger with something in it already.
    QCOMPARE(run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--amount"),
                  QStringLiteral("12.50"), QStringLiteral("--merchant"), QStringLiteral("Before")}),
             0);
    const qint64 before = scalar(db, QStringLiteral("SELECT count(*) FROM transactions"));
    QCOMPARE(before, 1);

    const QString csv = dir.filePath(QStringLiteral("big.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray content = "Date,Description,Amount\n";
        for (int i = 0; i < 250000; ++i) {
            content += QDate(2015, 1, 1).addDays(i / 100).toString(Qt::ISODate).toLatin1() + ",SHOP "
                + QByteArray::number(i % 997) + ",-" + QByteArray::number(1 + i % 500) + "."
                + QByteArray::number(10 + i % 90) + '\n';
        }
        file.write(content);
    }
    QProcess import;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    import.setProcessEnvironment(env);
    import.start(QStringLiteral(MONIAGENT_BINARY), {QStringLiteral("--db"), db, QStringLiteral("import"), csv});
    QVERIFY(import.waitForStarted());
    // The preview works in a temporary file; writing the ledger shows as its write-ahead log growing.
    const QString wal = db + QStringLiteral("-wal");
    const bool writing = QTest::qWaitFor(
        [&]() { return QFileInfo(wal).size() > 8 * 1024 * 1024 || import.state() == QProcess::NotRunning; }, 240000);
    QVERIFY(writing);
    QVERIFY2(import.state() == QProcess::Running, "the import finished before it could be interrupted");
    ::kill(pid_t(import.processId()), SIGKILL);
    QVERIFY(import.waitForFinished(10000));
    QCOMPARE(import.exitStatus(), QProcess::CrashExit);

    QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions")), before);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM statement_imports")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions_fts")), before);
    // The app opens it and imports the same file completely.
    QCOMPARE(run({QStringLiteral("--db"), db, QStringLiteral("import"), csv}), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM transactions")), before + 250000);
}

QTEST_GUILESS_MAIN(TestImportCrash)
#include "tst_importcrash.moc"
