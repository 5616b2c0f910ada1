// The keychain round trip through QtKeychain: under scripts/test a private D-Bus session with an unlocked
// gnome-keyring (a real Secret Service). The same test runs a second time with an unreachable session bus
// (MONIAGENT_SECRETSTORE_EXPECT=memory), where secrets must stay in memory and say so.

#include "secrets/secretstore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Moniagent;

class TestSecretStore : public QObject
{
    Q_OBJECT

    bool expectMemory() const { return qgetenv("MONIAGENT_SECRETSTORE_EXPECT") == "memory"; }

    std::optional<Result<SecretStore::Secret>> read(SecretStore& store, const QString& key)
    {
        std::optional<Result<SecretStore::Secret>> result;
        store.read(key, this, [&result](Result<SecretStore::Secret> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }
    std::optional<Result<bool>> write(SecretStore& store, const QString& key, const QString& secret)
    {
        std::optional<Result<bool>> result;
        store.write(key, secret, this, [&result](Result<bool> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }
    std::optional<Result<void>> remove(SecretStore& store, const QString& key)
    {
        std::optional<Result<void>> result;
        store.remove(key, this, [&result](Result<void> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }

private Q_SLOTS:
    void keyNames()
    {
        QCOMPARE(SecretStore::llmKey(QStringLiteral("openai"), QStringLiteral("sam")),
                 QStringLiteral("llm:openai:sam"));
        QCOMPARE(SecretStore::mailKey(QStringLiteral("gmail"), QStringLiteral("sam@example.com")),
                 QStringLiteral("mail:gmail:sam@example.com"));
    }

    void roundTrip()
    {
        if (!expectMemory() && qEnvironmentVariable("MONIAGENT_TEST_ENVIRONMENT") != QLatin1String("1")
            && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("not run through scripts/test: no session bus with a Secret Service");
        // A service of its own so that a developer's real keychain entries are never touched.
        const QString service = QStringLiteral("moniagent-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto key = SecretStore::llmKey(QStringLiteral("openai"), QStringLiteral("sam"));
        const auto secret = QStringLiteral("sk-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        SecretStore store(service);
        QSignalSpy persistence(&store, &SecretStore::persistenceChanged);

        auto missing = read(store, key);
        QVERIFY(missing.has_value());
        QVERIFY2(*missing, qPrintable(missing->ok() ? QString() : missing->error().toString()));
        QVERIFY(!missing->value().value.has_value());

        auto written = write(store, key, secret);
        QVERIFY(written.has_value());
        QVERIFY2(*written, qPrintable(written->ok() ? QString() : written->error().toString()));
        QCOMPARE(written->value(), !expectMemory());
        QCOMPARE(store.isPersistent(), !expectMemory());
        QCOMPARE(persistence.size(), expectMemory() ? 1 : 0);

        auto back = read(store, key);
        QVERIFY(back.has_value() && *back);
        QCOMPARE(back->value().value, std::optional<QString>(secret));
        QCOMPARE(back->value().persistent, !expectMemory());

        if (!expectMemory()) {
            // Another store (another run of the program) finds it in the keychain.
            SecretStore other(service);
            auto again = read(other, key);
            QVERIFY(again.has_value() && *again);
            QCOMPARE(again->value().value, std::optional<QString>(secret));
            QVERIFY(again->value().persistent);
        } else {
            // Memory only: another store (a restart) knows nothing.
            SecretStore other(service);
            auto again = read(other, key);
            QVERIFY(again.has_value() && *again);
            QVERIFY(!again->value().value.has_value());
            QVERIFY(!again->value().persistent);
        }

        auto removed = remove(store, key);
        QVERIFY(removed.has_value() && *removed);
        auto gone = read(store, key);
        QVERIFY(gone.has_value() && *gone);
        QVERIFY(!gone->value().value.has_value());
    }

    void callbacksNeedTheirContext()
    {
        SecretStore store(QStringLiteral("moniagent-test-context"));
        bool called = false;
        {
            QObject context;
            store.read(QStringLiteral("llm:none:nobody"), &context,
                       [&called](Result<SecretStore::Secret>) { called = true; });
        }
        QTest::qWait(expectMemory() ? 200 : 1500);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
