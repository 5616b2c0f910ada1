#include "db/migrator.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The command line of the real `moniagent` binary: output, exit codes (0 ok, 1 failure, 2 bad input).
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void help();
    void addAndList();
    void listFilters();
    void badInput_data();
    void badInput();
    void noProfileYet();
    void refusesNewerDatabase();
    void refusesDamagedFile();
    void demo();
    void rulesAndCategorize();
    void budgets();
    void usage();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& arguments, bool withDb = true);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

TestCli::Run TestCli::run(const QStringList& arguments, bool withDb)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    QStringList args;
    if (withDb)
        args << QStringLiteral("--db") << m_db;
    args << arguments;
    process.start(QStringLiteral(MONIAGENT_BINARY), args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("cli.sqlite"));
}

void TestCli::help()
{
    const Run r = run({QStringLiteral("--help")}, false);
    QCOMPARE(r.code, 0);
    for (const char* command : {"list", "add", "demo"})
        QVERIFY2(r.out.contains(QLatin1String(command)), qPrintable(r.out));
    const Run listHelp = run({QStringLiteral("list"), QStringLiteral("--help")}, false);
    QCOMPARE(listHelp.code, 0);
    QVERIFY(listHelp.out.contains(QStringLiteral("--search")));
    const Run version = run({QStringLiteral("--version")}, false);
    QCOMPARE(version.code, 0);
    QVERIFY(version.out.contains(QStringLiteral(MONIAGENT_VERSION)));
}

void TestCli::addAndList()
{
    Run r
        = run({QStringLiteral("add"), QStringLiteral("--amount"), QStringLiteral("4.50"), QStringLiteral("--merchant"),
               QStringLiteral("Corner Café"), QStringLiteral("--date"), QStringLiteral("2024-01-02"),
               QStringLiteral("--category"), QStringLiteral("Dining & Drinks"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("id")).toInt(), 1);
    r = run({QStringLiteral("add"), QStringLiteral("--amount"), QStringLiteral("3200"), QStringLiteral("--merchant"),
             QStringLiteral("ACME"), QStringLiteral("--income"), QStringLiteral("--date"), QStringLiteral("2024-01-31"),
             QStringLiteral("--notes"), QStringLiteral("January")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("3200.00")) || r.out.contains(QStringLiteral("3,200.00")),
             qPrintable(r.out));

    r = run({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 2);
    const QJsonObject income = rows.at(0).toObject();
    QCOMPARE(income.value(QStringLiteral("merchant")).toString(), QStringLiteral("ACME"));
    QCOMPARE(income.value(QStringLiteral("amount")).toString(), QStringLiteral("3200.00"));
    QCOMPARE(income.value(QStringLiteral("type")).toString(), QStringLiteral("income"));
    QCOMPARE(income.value(QStringLiteral("notes")).toString(), QStringLiteral("January"));
    const QJsonObject coffee = rows.at(1).toObject();
    QCOMPARE(coffee.value(QStringLiteral("amount")).toString(), QStringLiteral("-4.50"));
    QCOMPARE(coffee.value(QStringLiteral("amount_minor")).toInt(), -450);
    QCOMPARE(coffee.value(QStringLiteral("date")).toString(), QStringLiteral("2024-01-02"));
    QCOMPARE(coffee.value(QStringLiteral("category")).toString(), QStringLiteral("Dining & Drinks"));
    QCOMPARE(coffee.value(QStringLiteral("source")).toString(), QStringLiteral("manual"));

    // The table for people.
    r = run({QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("Corner Café")));
    QVERIFY(r.out.contains(QStringLiteral("Dining & Drinks")));
    QCOMPARE(r.out.count(u'\n'), 2);
}

void TestCli::listFilters()
{
    for (int i = 1; i <= 9; ++i) {
        const Run r = run({QStringLiteral("add"), QStringLiteral("--amount"), QString::number(i * 10),
                           QStringLiteral("--merchant"),
                           // Store names nobody knows: they arrive uncategorized.
                           i % 2 ? QStringLiteral("Zorblat %1").arg(i) : QStringLiteral("Quexum %1").arg(i),
                           QStringLiteral("--date"), QStringLiteral("2024-0%1-15").arg(i)});
        QCOMPARE(r.code, 0);
    }
    auto count = [&](const QStringList& args) {
        const Run r = run(QStringList {QStringLiteral("list"), QStringLiteral("--json")} + args);
        return r.code == 0 ? int(QJsonDocument::fromJson(r.out.toUtf8()).array().size()) : -1;
    };
    QCOMPARE(count({}), 9);
    QCOMPARE(count({QStringLiteral("--search"), QStringLiteral("zorblat")}), 5);
    QCOMPARE(count({QStringLiteral("--from"), QStringLiteral("2024-03-01"), QStringLiteral("--to"),
                    QStringLiteral("2024-05-31")}),
             3);
    QCOMPARE(count({QStringLiteral("--limit"), QStringLiteral("4")}), 4);
    QCOMPARE(count({QStringLiteral("--category"), QStringLiteral("none")}), 9);
    QCOMPARE(count({QStringLiteral("--category"), QStringLiteral("Groceries")}), 0);
    QCOMPARE(count({QStringLiteral("--type"), QStringLiteral("income")}), 0);
    const Run sorted = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--sort"),
                            QStringLiteral("amount"), QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(QJsonDocument::fromJson(sorted.out.toUtf8())
                 .array()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("amount"))
                 .toString(),
             QStringLiteral("-10.00")); // descending by signed amount: the smallest expense first
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("list"), QStringLiteral("--frobnicate")};
    QTest::newRow("bad amount") << QStringList {QStringLiteral("add"), QStringLiteral("--amount"),
                                                QStringLiteral("lots"), QStringLiteral("--merchant"),
                                                QStringLiteral("x")};
    QTest::newRow("negative amount") << QStringList {QStringLiteral("add"), QStringLiteral("--amount"),
                                                     QStringLiteral("-5"), QStringLiteral("--merchant"),
                                                     QStringLiteral("x")};
    QTest::newRow("missing merchant") << QStringList {QStringLiteral("add"), QStringLiteral("--amount"),
                                                      QStringLiteral("5")};
    QTest::newRow("bad date") << QStringList {
        QStringLiteral("add"), QStringLiteral("--amount"), QStringLiteral("5"),         QStringLiteral("--merchant"),
        QStringLiteral("x"),   QStringLiteral("--date"),   QStringLiteral("2024-02-30")};
    QTest::newRow("unknown category") << QStringList {
        QStringLiteral("add"), QStringLiteral("--amount"),   QStringLiteral("5"),         QStringLiteral("--merchant"),
        QStringLiteral("x"),   QStringLiteral("--category"), QStringLiteral("Spaceships")};
    QTest::newRow("bad currency") << QStringList {
        QStringLiteral("add"), QStringLiteral("--amount"),   QStringLiteral("5"),   QStringLiteral("--merchant"),
        QStringLiteral("x"),   QStringLiteral("--currency"), QStringLiteral("EURO")};
    QTest::newRow("bad limit") << QStringList {QStringLiteral("list"), QStringLiteral("--limit"),
                                               QStringLiteral("many")};
    QTest::newRow("bad sort") << QStringList {QStringLiteral("list"), QStringLiteral("--sort"), QStringLiteral("mood")};
    QTest::newRow("unknown profile") << QStringList {QStringLiteral("--user"), QStringLiteral("nobody"),
                                                     QStringLiteral("list")};
    QTest::newRow("bad demo size") << QStringList {QStringLiteral("demo"), QStringLiteral("--transactions"),
                                                   QStringLiteral("x")};
}

void TestCli::badInput()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("--amount"), QStringLiteral("1"), QStringLiteral("--merchant"),
                  QStringLiteral("seed")})
                 .code,
             0);
    const Run r = run(arguments);
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.trimmed().isEmpty());
    // Nothing was added.
    const Run list = run({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
}

void TestCli::noProfileYet()
{
    const Run r = run({QStringLiteral("list")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("no profile")));
}

void TestCli::refusesNewerDatabase()
{
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("--amount"), QStringLiteral("1"), QStringLiteral("--merchant"),
                  QStringLiteral("x")})
                 .code,
             0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Moniagent::Migrator::latestVersion() + 1)));
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    file.close();
    const Run r = run({QStringLiteral("list")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("newer version")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
}

void TestCli::refusesDamagedFile()
{
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a database, it is a shopping list: eggs, milk, bread\n");
    file.close();
    const Run r = run({QStringLiteral("list")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("not a Moniagent database")));
}

void TestCli::demo()
{
    Run r = run(
        {QStringLiteral("demo"), QStringLiteral("--transactions"), QStringLiteral("3000"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("added")).toInt(), 3000);
    r = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("0")});
    QCOMPARE(r.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 3000);
    QSet<QString> merchants;
    int income = 0;
    for (const QJsonValue& row : rows) {
        merchants.insert(row.toObject().value(QStringLiteral("merchant")).toString());
        income += row.toObject().value(QStringLiteral("type")).toString() == QLatin1String("income");
    }
    QVERIFY(merchants.size() > 100);
    QVERIFY(income > 0);
}

void TestCli::rulesAndCategorize()
{
    // Two transactions nobody categorized: the unknown store stays uncategorized on arrival.
    for (const char* merchant : {"Quillby Foods 0042", "QUILLBY FOODS LONDON"}) {
        const Run r = run({QStringLiteral("add"), QStringLiteral("--amount"), QStringLiteral("12.30"),
                           QStringLiteral("--merchant"), QString::fromUtf8(merchant), QStringLiteral("--date"),
                           QStringLiteral("2024-03-01")});
        QCOMPARE(r.code, 0);
    }
    Run r = run({QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("--type"), QStringLiteral("keyword"),
                 QStringLiteral("--pattern"), QStringLiteral("quillby"), QStringLiteral("--category"),
                 QStringLiteral("Groceries"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const qint64 ruleId = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("id")).toInteger();
    QVERIFY(ruleId > 0);

    // Bad rules are refused with exit code 2 and a message.
    r = run({QStringLiteral("rules"), QStringLiteral("add"), QStringLiteral("--type"), QStringLiteral("regex"),
             QStringLiteral("--pattern"), QStringLiteral("(a+)+$"), QStringLiteral("--category"),
             QStringLiteral("Groceries")});
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.trimmed().isEmpty());
    r = run({QStringLiteral("rules"), QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);

    r = run({QStringLiteral("rules"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray rules = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.first().toObject().value(QStringLiteral("pattern")).toString(), QStringLiteral("quillby"));
    QCOMPARE(rules.first().toObject().value(QStringLiteral("category")).toString(), QStringLiteral("Groceries"));

    // A dry run changes nothing; the real run categorizes both and says why.
    r = run({QStringLiteral("categorize"), QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("changed")).toInt(), 2);
    r = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--category"), QStringLiteral("none")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 2);
    r = run({QStringLiteral("categorize"), QStringLiteral("--uncategorized"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("changed")).toInt(), 2);
    QCOMPARE(result.value(QStringLiteral("applied")).toInt(), 2);
    const QJsonObject first = result.value(QStringLiteral("transactions")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("category")).toString(), QStringLiteral("Groceries"));
    QCOMPARE(first.value(QStringLiteral("categorized_by")).toString(), QStringLiteral("rule"));
    QVERIFY2(first.value(QStringLiteral("reason")).toString().contains(QLatin1String("quillby")),
             qPrintable(first.value(QStringLiteral("reason")).toString()));
    r = run(
        {QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--category"), QStringLiteral("Groceries")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 2);
    r = run({QStringLiteral("categorize"), QStringLiteral("--uncategorized"), QStringLiteral("--all")});
    QCOMPARE(r.code, 2);

    r = run({QStringLiteral("rules"), QStringLiteral("remove"), QString::number(ruleId)});
    QCOMPARE(r.code, 0);
    r = run({QStringLiteral("rules"), QStringLiteral("remove"), QString::number(ruleId)});
    QCOMPARE(r.code, 1); // no longer exists
    r = run({QStringLiteral("rules"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
}

void TestCli::budgets()
{
    auto add = [this](const char* amount, const char* date, const char* category, const char* currency = "EUR") {
        return run({QStringLiteral("add"), QStringLiteral("--amount"), QLatin1String(amount),
                    QStringLiteral("--merchant"), QStringLiteral("Shop"), QStringLiteral("--date"), QLatin1String(date),
                    QStringLiteral("--category"), QLatin1String(category), QStringLiteral("--currency"),
                    QLatin1String(currency)})
            .code;
    };
    Run r = run({QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("Groceries"), QStringLiteral("400"),
                 QStringLiteral("--period"), QStringLiteral("monthly"), QStringLiteral("--threshold"),
                 QStringLiteral("0.75"), QStringLiteral("--currency"), QStringLiteral("EUR")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Groceries")), qPrintable(r.out));
    r = run({QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("all"), QStringLiteral("1000"),
             QStringLiteral("--currency"), QStringLiteral("EUR"), QStringLiteral("--period"),
             QStringLiteral("yearly")});
    QCOMPARE(r.code, 0);
    QCOMPARE(add("250.00", "2024-03-02", "Groceries"), 0);
    QCOMPARE(add("60.00", "2024-03-20", "Groceries"), 0);
    QCOMPARE(add("99.00", "2024-02-28", "Groceries"), 0);
    QCOMPARE(add("30.00", "2024-03-05", "Groceries", "USD"), 0);
    QCOMPARE(add("700.00", "2024-01-05", "Transport & Car"), 0);

    r = run(
        {QStringLiteral("budgets"), QStringLiteral("--json"), QStringLiteral("--date"), QStringLiteral("2024-03-10")});
    QCOMPARE(r.code, 0);
    const QJsonArray budgets = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(budgets.size(), 2);
    const QJsonObject overall = budgets.at(0).toObject();
    QVERIFY(overall.value(QStringLiteral("category")).isNull());
    QCOMPARE(overall.value(QStringLiteral("window_start")).toString(), QStringLiteral("2024-01-01"));
    QCOMPARE(overall.value(QStringLiteral("spent")).toString(), QStringLiteral("1049.00"));
    QCOMPARE(overall.value(QStringLiteral("status")).toString(), QStringLiteral("exceeded"));
    const QJsonObject groceries = budgets.at(1).toObject();
    QCOMPARE(groceries.value(QStringLiteral("category")).toString(), QStringLiteral("Groceries"));
    QCOMPARE(groceries.value(QStringLiteral("window_start")).toString(), QStringLiteral("2024-03-01"));
    QCOMPARE(groceries.value(QStringLiteral("window_end")).toString(), QStringLiteral("2024-03-31"));
    QCOMPARE(groceries.value(QStringLiteral("spent")).toString(), QStringLiteral("250.00")); // up to the 10th
    QCOMPARE(groceries.value(QStringLiteral("remaining")).toString(), QStringLiteral("150.00"));
    QCOMPARE(groceries.value(QStringLiteral("pace")).toDouble(), 10.0 / 31.0);
    QCOMPARE(groceries.value(QStringLiteral("projected")).toString(), QStringLiteral("775.00"));
    QCOMPARE(groceries.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(groceries.value(QStringLiteral("alert_threshold")).toDouble(), 0.75);
    const QJsonArray notCounted = groceries.value(QStringLiteral("not_counted")).toArray();
    QCOMPARE(notCounted.size(), 1);
    QCOMPARE(notCounted.at(0).toObject().value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));

    // The table: a header and one line per budget, each followed by a line about the dollars it leaves out.
    r = run({QStringLiteral("budgets"), QStringLiteral("--date"), QStringLiteral("2024-03-31")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("310.00")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Warning")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("not counted")), qPrintable(r.out));
    QCOMPARE(r.out.count(u'\n'), 5);
    QCOMPARE(r.out.count(QStringLiteral("not counted")), 2);

    // Changing and removing; bad input is refused with exit code 2 and changes nothing.
    r = run({QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("Groceries"), QStringLiteral("300"),
             QStringLiteral("--currency"), QStringLiteral("EUR")});
    QCOMPARE(r.code, 0);
    for (const QStringList& bad :
         {QStringList {QStringLiteral("set"), QStringLiteral("Nowhere"), QStringLiteral("5")},
          QStringList {QStringLiteral("set"), QStringLiteral("Groceries"), QStringLiteral("0")},
          QStringList {QStringLiteral("set"), QStringLiteral("Groceries"), QStringLiteral("x")},
          QStringList {QStringLiteral("set"), QStringLiteral("Groceries"), QStringLiteral("5"),
                       QStringLiteral("--threshold"), QStringLiteral("1.5")},
          QStringList {QStringLiteral("set"), QStringLiteral("Groceries"), QStringLiteral("5"),
                       QStringLiteral("--period"), QStringLiteral("daily")},
          QStringList {QStringLiteral("set"), QStringLiteral("Salary"), QStringLiteral("5")},
          QStringList {QStringLiteral("remove"), QStringLiteral("Transport & Car")},
          QStringList {QStringLiteral("frobnicate")}}) {
        r = run(QStringList {QStringLiteral("budgets")} + bad);
        QVERIFY2(r.code == 2, qPrintable(bad.join(u' ') + QStringLiteral(": ") + r.err));
        QVERIFY(!r.err.trimmed().isEmpty());
    }
    r = run(
        {QStringLiteral("budgets"), QStringLiteral("--json"), QStringLiteral("--date"), QStringLiteral("2024-03-31")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().at(1).toObject().value(QStringLiteral("limit")).toString(),
             QStringLiteral("300.00"));
    r = run({QStringLiteral("budgets"), QStringLiteral("remove"), QStringLiteral("all")});
    QCOMPARE(r.code, 0);
    r = run({QStringLiteral("budgets"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 1);
}

void TestCli::usage()
{
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("--amount"), QStringLiteral("4.50"),
                  QStringLiteral("--merchant"), QStringLiteral("Cafe")})
                 .code,
             0);
    Run empty = run({QStringLiteral("usage")});
    QCOMPARE(empty.code, 0);
    QVERIFY(empty.out.contains(QLatin1String("No calls")));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("usage"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery query(db);
        // Two calls today, one last year (not in this month).
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QVERIFY(
            query.prepare(QStringLiteral("INSERT INTO llm_transactions (user_id, provider, model_name, input_tokens, "
                                         "output_tokens, total_tokens, estimated_cost, latency_ms, created_at) "
                                         "SELECT id, 'openai', 'gpt-4o-mini', ?, ?, ?, ?, 100, ? FROM users")));
        for (const auto& row : {QVariantList {100, 20, 120, 27, now}, QVariantList {150, 12, 162, 30, now},
                                QVariantList {9, 9, 18, 5, QStringLiteral("2020-01-15T10:00:00.000Z")}}) {
            for (int i = 0; i < row.size(); ++i)
                query.bindValue(i, row.at(i));
            QVERIFY(query.exec());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("usage"));
    Run r = run({QStringLiteral("usage"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const auto json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const auto models = json.value(QStringLiteral("models")).toArray();
    QCOMPARE(models.size(), 1);
    const auto model = models.first().toObject();
    QCOMPARE(model.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(model.value(QStringLiteral("calls")).toInt(), 2);
    QCOMPARE(model.value(QStringLiteral("inputTokens")).toInt(), 250);
    QCOMPARE(model.value(QStringLiteral("outputTokens")).toInt(), 32);
    QCOMPARE(model.value(QStringLiteral("costMicros")).toInt(), 57);
    const auto days = json.value(QStringLiteral("days")).toArray();
    QCOMPARE(days.size(), 1);
    QCOMPARE(days.first().toObject().value(QStringLiteral("calls")).toInt(), 2);
    Run text = run({QStringLiteral("usage")});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(QLatin1String("gpt-4o-mini")), qPrintable(text.out));
    // "2 calls" once the English plural forms are filled in (scripts/update-translations), "2 call(s)" before.
    QVERIFY(text.out.contains(QLatin1String("2 call")));
    QCOMPARE(run({QStringLiteral("usage"), QStringLiteral("--month"), QStringLiteral("soon")}).code, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
