#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDir>
#include <QFileInfo>
#include <QTest>

// Proves that scripts/test runs the suite in the environment DESIGN.md §6 describes, so that keychain,
// GUI and locale-dependent tests meet the conditions they assume. Outside scripts/test (a plain `ctest` on
// a desktop) this environment is not expected, and the test says so instead of judging the desktop.
class TestEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("MONIAGENT_TEST_ENVIRONMENT") != QLatin1String("1"))
            QSKIP("not run through scripts/test; the test environment is not set up");
    }

    void offscreenAndFixedLocale()
    {
        QCOMPARE(qEnvironmentVariable("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QCOMPARE(qEnvironmentVariable("LC_ALL"), QStringLiteral("C.UTF-8"));
        QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
    }

    void throwAwayHome()
    {
        const QString home = QDir::homePath();
        QVERIFY2(home.contains(QStringLiteral("moniagent-test.")), qPrintable(home));
        QVERIFY(QDir(home).exists());
        // The XDG folders sit next to it, in the same scratch folder.
        const QString scratch = QFileInfo(home).absolutePath();
        for (const char* variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
            QVERIFY2(qEnvironmentVariable(variable).startsWith(scratch), variable);
    }

    void privateSessionBusWithUnlockedKeyring()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        // A private bus: it only knows its own services, not a desktop's.
        QVERIFY(!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")));
        QVERIFY(bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value());
        QDBusInterface collection(QStringLiteral("org.freedesktop.secrets"),
                                  QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                                  QStringLiteral("org.freedesktop.DBus.Properties"), bus);
        QDBusReply<QDBusVariant> locked = collection.call(
            QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked"));
        QVERIFY2(locked.isValid(), qPrintable(locked.error().message()));
        QCOMPARE(locked.value().variant().toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
