#include "cli/reportcommand.h"
#include "dashboard/dashboardloader.h"
#include "dashboardledger.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "report/monthlyreport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;

namespace {

// The pages of a PDF: its page objects ("/Type /Page", not "/Pages").
int pageCount(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral(R"(/Type\s*/Page(?![a-zA-Z]))"));
    int count = 0;
    auto it = page.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

// The monthly report: written by the UI's renderer, from the dashboard's data, and through the command line.
class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void writesThePdf();
    void previewShowsThePages();
    void refusesAnUnwritableFile();
    void parsesMonths_data();
    void parsesMonths();
    void commandLine();
    void commandLineErrors();

private:
    Run run(const QStringList& arguments, const QString& database);

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    QString m_database;
};

void TestReport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestReport::init()
{
    m_clock = std::make_unique<Test::ManualClock>();
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = m_dir->filePath(QStringLiteral("moniagent.sqlite"));
    auto session = Test::openSamSession(m_database, *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    Test::DashboardLedger ledger;
    QVERIFY(ledger.fill(*m_session));
}

void TestReport::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

void TestReport::writesThePdf()
{
    const QString path = m_dir->filePath(QStringLiteral("november.pdf"));
    auto pages = MonthlyReport::write(m_session.get(), QDate(2026, 11, 1), path);
    QVERIFY2(pages, qPrintable(pages ? QString() : pages.error().toString()));
    QCOMPARE(*pages, MonthlyReport::Pages);
    const QByteArray pdf = readFile(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QCOMPARE(pageCount(pdf), 3);
    QVERIFY2(pdf.size() > 20000, QByteArray::number(pdf.size()).constData()); // charts, not blank pages

    // A month without anything still makes a complete report.
    const QString empty = m_dir->filePath(QStringLiteral("empty.pdf"));
    pages = MonthlyReport::write(m_session.get(), QDate(2024, 1, 1), empty);
    QVERIFY(pages);
    QCOMPARE(pageCount(readFile(empty)), 3);
}

void TestReport::previewShowsThePages()
{
    // A demo profile, so every chart and table has something to show; the pages are saved for people to look at.
    QVERIFY(Test::fillDemo(*m_session, 30000));
    const DashboardLoader loader(m_session->database(), m_session->categories(), m_session->budgetEngine());
    DashboardRequest request;
    request.userId = m_session->userId();
    request.month = QDate(2026, 10, 1);
    request.today = m_clock->today();
    request.currency = m_session->baseCurrency();
    request.largestExpenses = MonthlyReport::LargestExpenses;
    auto data = loader.load(request);
    QVERIFY(data);
    QCOMPARE(data->largestExpenses.size(), 10);
    const QList<QImage> pages = MonthlyReport::preview(*data, QStringLiteral("Demo"), m_session->locale());
    QCOMPARE(pages.size(), MonthlyReport::Pages);
    const QString dir = qEnvironmentVariable("MONIAGENT_SCREENSHOT_DIR");
    for (int i = 0; i < pages.size(); ++i) {
        const QImage& page = pages.at(i);
        QCOMPARE(page.size(), QSize(794, 1123)); // A4 at 96 dpi
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            page.save(dir + QStringLiteral("/report-page-%1.png").arg(i + 1));
        }
        // Something is drawn in the upper and (but on the page of tables) the lower half of each page.
        for (const int from : {60, page.height() / 2}) {
            if (i == 2 && from > 60)
                break;
            int ink = 0;
            for (int y = from; y < from + page.height() / 2 - 80; y += 4) {
                for (int x = 60; x < page.width() - 60; x += 4)
                    ink += page.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
            }
            QVERIFY2(ink > 500, qPrintable(QStringLiteral("page %1 from %2: %3").arg(i + 1).arg(from).arg(ink)));
        }
    }
    QVERIFY(MonthlyReport::write(*data, QStringLiteral("Demo"), m_session->locale(),
                                 m_dir->filePath(QStringLiteral("demo.pdf"))));
}

void TestReport::refusesAnUnwritableFile()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/report.pdf"));
    auto pages = MonthlyReport::write(m_session.get(), QDate(2026, 11, 1), path);
    QVERIFY(!pages);
    QCOMPARE(pages.error().code, Error::Code::Io);
    QVERIFY(pages.error().message.contains(QStringLiteral("report.pdf")));
    QVERIFY(!QFile::exists(path));

    // An existing file is replaced whole or not at all.
    const QString existing = m_dir->filePath(QStringLiteral("old.pdf"));
    QFile old(existing);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents");
    old.close();
    QVERIFY(MonthlyReport::write(m_session.get(), QDate(2026, 11, 1), existing));
    QVERIFY(readFile(existing).startsWith("%PDF-"));
}

void TestReport::parsesMonths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("month");
    QTest::newRow("plain") << "2026-10" << QDate(2026, 10, 1);
    QTest::newRow("one digit") << "2026-3" << QDate(2026, 3, 1);
    QTest::newRow("spaces") << " 2026-12 " << QDate(2026, 12, 1);
    QTest::newRow("month 13") << "2026-13" << QDate();
    QTest::newRow("month 0") << "2026-00" << QDate();
    QTest::newRow("a date") << "2026-10-01" << QDate();
    QTest::newRow("a name") << "october" << QDate();
    QTest::newRow("empty") << "" << QDate();
}

void TestReport::parsesMonths()
{
    QFETCH(QString, text);
    QFETCH(QDate, month);
    QCOMPARE(ReportCommand::parseMonth(text), month);
}

Run TestReport::run(const QStringList& arguments, const QString& database)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display and no platform chosen: the command must pick the offscreen platform by itself.
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
    env.insert(QStringLiteral("HOME"), m_dir->path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MONIAGENT_BINARY), QStringList {QStringLiteral("--db"), database} + arguments);
    Run result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestReport::commandLine()
{
    m_session.reset(); // the command opens the file itself
    const QString path = m_dir->filePath(QStringLiteral("october.pdf"));
    Run result = run(
        {QStringLiteral("report"), QStringLiteral("--month"), QStringLiteral("2026-10"), QStringLiteral("--pdf"), path},
        m_database);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("October 2026")), qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("october.pdf")));
    QVERIFY(result.out.contains(QStringLiteral("3 pages")));
    const QByteArray pdf = readFile(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QCOMPARE(pageCount(pdf), 3);

    const QString json = m_dir->filePath(QStringLiteral("json.pdf"));
    result = run({QStringLiteral("report"), QStringLiteral("--json"), QStringLiteral("--month"),
                  QStringLiteral("2026-11"), QStringLiteral("--pdf"), json},
                 m_database);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("\"pages\":3")), qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("\"month\":\"2026-11\"")));
    QVERIFY(QFile::exists(json));
}

void TestReport::commandLineErrors()
{
    m_session.reset();
    const QString path = m_dir->filePath(QStringLiteral("report.pdf"));
    const auto report = [&](const QStringList& options) {
        return run(QStringList {QStringLiteral("report")} + options, m_database);
    };

    Run result = report({QStringLiteral("--month"), QStringLiteral("2026-13"), QStringLiteral("--pdf"), path});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("“2026-13” is not a month")), qPrintable(result.err));
    result = report({QStringLiteral("--month"), QStringLiteral("october"), QStringLiteral("--pdf"), path});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("YYYY-MM")));
    result = report({QStringLiteral("--month"), QStringLiteral("2026-10")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--pdf")), qPrintable(result.err));
    QVERIFY(!QFile::exists(path));

    result = report({QStringLiteral("--month"), QStringLiteral("2026-10"), QStringLiteral("--pdf"),
                     m_dir->filePath(QStringLiteral("missing/report.pdf"))});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("“report.pdf” cannot be written")), qPrintable(result.err));

    // A database without a profile.
    const QString fresh = m_dir->filePath(QStringLiteral("fresh.sqlite"));
    {
        auto database = Database::open(fresh);
        QVERIFY(database);
    }
    result = run({QStringLiteral("report"), QStringLiteral("--pdf"), path}, fresh);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("no profile")), qPrintable(result.err));
    QVERIFY(!QFile::exists(path));

    result = report({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("--month")));
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
