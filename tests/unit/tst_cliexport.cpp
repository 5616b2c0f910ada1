// `moniagent export` and `moniagent restore` through the command runner the binary uses (CommandLine), on
// real database files: files written, exit codes (0 ok, 1 failure, 2 bad input), a backup restored into
// a new database, refusals that change nothing.
#include "cli/commandline.h"
#include "i18n/translations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;

class TestCliExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void exportsCsv();
    void exportsOfxAndQif();
    void backupAndRestore();
    void restoreRefusals();
    void badInput_data();
    void badInput();
    void unwritableFile();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& arguments, const QString& db = {});
    QByteArray read(const QString& name) const;
    QString path(const QString& name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    Translations m_translations;
};

TestCliExport::Run TestCliExport::run(const QStringList& arguments, const QString& db)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    CommandLine cli;
    r.code = cli.run(QStringList {QStringLiteral("moniagent"), QStringLiteral("--db"), db.isEmpty() ? m_db : db}
                         + arguments,
                     out, err);
    out.flush();
    err.flush();
    return r;
}

QByteArray TestCliExport::read(const QString& name) const
{
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCliExport::initTestCase()
{
    // As the binary does: English text with its plural forms.
    QVERIFY(m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates)));
}

void TestCliExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = path(QStringLiteral("ledger.sqlite"));
    const QList<QStringList> rows {
        {QStringLiteral("--amount"), QStringLiteral("4.50"), QStringLiteral("--merchant"),
         QStringLiteral("Corner Café"), QStringLiteral("--date"), QStringLiteral("2024-01-02"),
         QStringLiteral("--category"), QStringLiteral("Dining & Drinks")},
        {QStringLiteral("--amount"), QStringLiteral("3200"), QStringLiteral("--merchant"), QStringLiteral("ACME"),
         QStringLiteral("--income"), QStringLiteral("--date"), QStringLiteral("2024-01-31"), QStringLiteral("--notes"),
         QStringLiteral("January, net"), QStringLiteral("--category"), QStringLiteral("Salary")},
        {QStringLiteral("--amount"), QStringLiteral("61.15"), QStringLiteral("--merchant"),
         QStringLiteral("Stadtwerke"), QStringLiteral("--date"), QStringLiteral("2024-02-03"),
         QStringLiteral("--category"), QStringLiteral("Bills & Utilities")},
    };
    for (const QStringList& row : rows) {
        const Run r
            = run(QStringList {QStringLiteral("add"), QStringLiteral("--currency"), QStringLiteral("EUR")} + row);
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
}

void TestCliExport::exportsCsv()
{
    Run r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--iso"),
                 QStringLiteral("--columns"), QStringLiteral("date,amount,merchant,notes,category"),
                 path(QStringLiteral("ledger.csv"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Exported 3 transactions to %1.\n").arg(path(QStringLiteral("ledger.csv"))));
    QCOMPARE(read(QStringLiteral("ledger.csv")),
             QByteArray("Date,Amount,Merchant,Notes,Category\r\n"
                        "2024-01-02,-4.50,Corner Café,,Dining & Drinks\r\n"
                        "2024-01-31,3200.00,ACME,\"January, net\",Salary\r\n"
                        "2024-02-03,-61.15,Stadtwerke,,Bills & Utilities\r\n"));

    // A date range, a byte-order mark, and the same file written again: replaced, not appended to.
    r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("CSV"), QStringLiteral("--iso"),
             QStringLiteral("--bom"), QStringLiteral("--columns"), QStringLiteral("date,external-id,amount"),
             QStringLiteral("--from"), QStringLiteral("2024-01-15"), QStringLiteral("--to"),
             QStringLiteral("2024-01-31"), QStringLiteral("--json"), path(QStringLiteral("ledger.csv"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("transactions")).toInt(), 1);
    QCOMPARE(result.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
    QCOMPARE(read(QStringLiteral("ledger.csv")),
             QByteArray("\xEF\xBB\xBF"
                        "Date,Transaction ID,Amount\r\n2024-01-31,,3200.00\r\n"));
}

void TestCliExport::exportsOfxAndQif()
{
    Run r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ofx"), QStringLiteral("--to"),
                 QStringLiteral("2024-01-31"), path(QStringLiteral("ledger.ofx"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Exported 2 transactions")), qPrintable(r.out));
    const QByteArray ofx = read(QStringLiteral("ledger.ofx"));
    QVERIFY(ofx.startsWith("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n"));
    QCOMPARE(ofx.count("<STMTTRN>"), 2);
    QVERIFY(ofx.contains("<TRNTYPE>DEBIT\r\n<DTPOSTED>20240102\r\n<TRNAMT>-4.50\r\n"));
    QVERIFY(ofx.contains("<TRNTYPE>CREDIT\r\n<DTPOSTED>20240131\r\n<TRNAMT>3200.00\r\n"));
    QVERIFY(ofx.contains("<BALAMT>3195.50\r\n<DTASOF>20240131\r\n"));
    QVERIFY(ofx.endsWith("</OFX>\r\n"));

    r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("qif"),
             path(QStringLiteral("ledger.qif"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(read(QStringLiteral("ledger.qif")),
             QByteArray("!Type:Bank\r\n"
                        "D01/02/2024\r\nT-4.50\r\nPCorner Café\r\nLDining & Drinks\r\n^\r\n"
                        "D01/31/2024\r\nT3200.00\r\nPACME\r\nMJanuary, net\r\nLSalary\r\n^\r\n"
                        "D02/03/2024\r\nT-61.15\r\nPStadtwerke\r\nLBills & "
                        "Utilities\r\n^\r\n"));
}

void TestCliExport::backupAndRestore()
{
    Run r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--json"),
                 path(QStringLiteral("backup.json"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject written = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(written.value(QStringLiteral("transactions")).toInt(), 3);
    QVERIFY(written.value(QStringLiteral("categories")).toInt() > 20);

    // A new database: restore makes its first profile and fills it.
    const QString other = path(QStringLiteral("other.sqlite"));
    r = run({QStringLiteral("restore"), path(QStringLiteral("backup.json"))}, other);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Restored 3 transactions")), qPrintable(r.out));

    const Run before = run({QStringLiteral("list"), QStringLiteral("--json")});
    const Run after = run({QStringLiteral("list"), QStringLiteral("--json")}, other);
    QCOMPARE(after.code, 0);
    const QJsonArray a = QJsonDocument::fromJson(before.out.toUtf8()).array();
    const QJsonArray b = QJsonDocument::fromJson(after.out.toUtf8()).array();
    QCOMPARE(b.size(), 3);
    for (int i = 0; i < a.size(); ++i) {
        for (const char* key :
             {"uuid", "date", "type", "amount", "currency", "merchant", "category", "notes", "source"}) {
            const QString name = QLatin1String(key);
            QCOMPARE(b.at(i)[name], a.at(i)[name]);
        }
    }
    // The second database exports the same CSV.
    const QStringList csv {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                           QStringLiteral("--iso")};
    QCOMPARE(run(csv + QStringList {path(QStringLiteral("a.csv"))}).code, 0);
    QCOMPARE(run(csv + QStringList {path(QStringLiteral("b.csv"))}, other).code, 0);
    QCOMPARE(read(QStringLiteral("b.csv")), read(QStringLiteral("a.csv")));

    // Restoring twice: the profile is no longer empty.
    r = run({QStringLiteral("restore"), path(QStringLiteral("backup.json"))}, other);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("Restore needs an empty profile")), qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(run({QStringLiteral("list"), QStringLiteral("--json")}, other).out.toUtf8())
                 .array()
                 .size(),
             3);
}

void TestCliExport::restoreRefusals()
{
    QVERIFY(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                 path(QStringLiteral("backup.json"))})
                .code
            == 0);
    const QByteArray backup = read(QStringLiteral("backup.json"));
    const QString other = path(QStringLiteral("other.sqlite"));
    auto write = [&](const QString& name, const QByteArray& content) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    };
    write(QStringLiteral("truncated.json"), backup.left(backup.size() - 40));
    Run r = run({QStringLiteral("restore"), path(QStringLiteral("truncated.json"))}, other);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("incomplete")) || r.err.contains(QStringLiteral("damaged")),
             qPrintable(r.err));

    QByteArray newer = backup;
    newer.replace("\"version\":1,", "\"version\":7,");
    write(QStringLiteral("newer.json"), newer);
    r = run({QStringLiteral("restore"), path(QStringLiteral("newer.json"))}, other);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("newer Moniagent")), qPrintable(r.err));

    r = run({QStringLiteral("restore"), path(QStringLiteral("missing.json"))}, other);
    QCOMPARE(r.code, 2);

    // Nothing of the refused restores arrived.
    r = run({QStringLiteral("list"), QStringLiteral("--json")}, other);
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
}

void TestCliExport::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString file = QStringLiteral("out.txt");
    QTest::newRow("no format") << QStringList {QStringLiteral("export"), file} << QStringLiteral("--format");
    QTest::newRow("unknown format") << QStringList {QStringLiteral("export"), QStringLiteral("--format"),
                                                    QStringLiteral("xlsx"), file}
                                    << QStringLiteral("--format");
    QTest::newRow("no file") << QStringList {QStringLiteral("export"), QStringLiteral("--format"),
                                             QStringLiteral("csv")}
                             << QStringLiteral("Name one file");
    QTest::newRow("two files") << QStringList {QStringLiteral("export"), QStringLiteral("--format"),
                                               QStringLiteral("csv"), file, file}
                               << QStringLiteral("Name one file");
    QTest::newRow("unknown column") << QStringList {QStringLiteral("export"),       QStringLiteral("--format"),
                                                    QStringLiteral("csv"),          QStringLiteral("--columns"),
                                                    QStringLiteral("date,balance"), file}
                                    << QStringLiteral("“balance” is not a column");
    QTest::newRow("iso for ofx") << QStringList {QStringLiteral("export"), QStringLiteral("--format"),
                                                 QStringLiteral("ofx"), QStringLiteral("--iso"), file}
                                 << QStringLiteral("are for csv");
    QTest::newRow("dates for a backup") << QStringList {QStringLiteral("export"),     QStringLiteral("--format"),
                                                        QStringLiteral("json"),       QStringLiteral("--from"),
                                                        QStringLiteral("2024-01-01"), file}
                                        << QStringLiteral("whole profile");
    QTest::newRow("bad date") << QStringList {QStringLiteral("export"), QStringLiteral("--format"),
                                              QStringLiteral("csv"),    QStringLiteral("--to"),
                                              QStringLiteral("soon"),   file}
                              << QStringLiteral("not a date");
    QTest::newRow("restore without file")
        << QStringList {QStringLiteral("restore")} << QStringLiteral("Name the backup file");
}

void TestCliExport::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QDir::setCurrent(m_dir->path());
    const Run r = run(arguments);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("out.txt"))));
}

void TestCliExport::unwritableFile()
{
    const Run r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                       path(QStringLiteral("no/such/folder/ledger.csv"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("cannot be written")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
