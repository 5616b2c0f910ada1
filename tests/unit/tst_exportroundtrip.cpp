// Export → import round trips: a ledger written as CSV (ISO style), OFX and QIF by StatementExporter is read
// back by the statement readers through the importer into another profile with the same dates, amounts,
// directions and stores; importing the same export again finds only duplicates.
#include "db/categoryrepository.h"
#include "db/statementimportrepository.h"
#include "db/transactionrepository.h"
#include "importers/csvpresetstore.h"
#include "importers/statementexporter.h"
#include "importers/statementfile.h"
#include "importers/statementimporter.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QFile>
#include <QTest>

using namespace Moniagent;
using namespace Moniagent::Test;

class TestExportRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<CategoryRepository> m_categories;
    std::unique_ptr<StatementImportRepository> m_history;
    qint64 m_from = 0;
    qint64 m_to = 0;
};

void TestExportRoundTrip::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
    m_from = m_db->createUser(QStringLiteral("ann"));
    m_to = m_db->createUser(QStringLiteral("bob"));
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_categories = std::make_unique<CategoryRepository>(m_db->database());
    m_history = std::make_unique<StatementImportRepository>(m_db->database());
    QList<Transaction> rows;
    rows << TestDatabase::expense(1230, QStringLiteral("Tesco Stores"), QDate(2025, 3, 1))
         << TestDatabase::income(250000, QStringLiteral("ACME Payroll"), QDate(2025, 3, 2))
         << TestDatabase::expense(4599, QStringLiteral("Café \"Zoë\", Paris"), QDate(2025, 3, 5))
         << TestDatabase::expense(450, QStringLiteral("Coffee"), QDate(2025, 3, 5))
         << TestDatabase::expense(450, QStringLiteral("Coffee"), QDate(2025, 3, 5)); // two coffees, one day
    rows[2].description = QStringLiteral("dinner & wine");
    MONIAGENT_VERIFY_OK(m_transactions->addMany(m_from, rows));
}

void TestExportRoundTrip::cleanup()
{
    m_history.reset();
    m_categories.reset();
    m_transactions.reset();
    m_db.reset();
}

void TestExportRoundTrip::roundTrip_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("ofx") << QStringLiteral("ofx");
    QTest::newRow("qif") << QStringLiteral("qif");
}

void TestExportRoundTrip::roundTrip()
{
    QFETCH(QString, format);
    const QString path = m_db->dirPath() + QStringLiteral("/export.") + format;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const ExportSource source {m_transactions.get(), m_categories.get(), m_from, {}};
        Result<qint64> written = qint64(0);
        if (format == QLatin1String("csv")) {
            CsvExportOptions options;
            options.style = CsvExportOptions::Style::Iso;
            written = StatementExporter::writeCsv(file, source, options);
        } else if (format == QLatin1String("ofx")) {
            written = StatementExporter::writeOfx(file, source);
        } else {
            written = StatementExporter::writeQif(file, source);
        }
        MONIAGENT_VERIFY_OK(written);
        QCOMPARE(*written, 5);
    }
    CsvPresetStore presets(m_db->database());
    auto file = StatementFile::open(path, &presets, m_to);
    MONIAGENT_VERIFY_OK(file);
    QVERIFY(file->format != StatementFormat::Unknown);
    if (file->format == StatementFormat::Csv)
        QVERIFY(file->csvReady);
    StatementImporter importer(m_transactions.get(), m_categories.get(), m_history.get(), m_to);
    StatementReadOptions options;
    options.defaultCurrency = QStringLiteral("EUR");
    auto preview = importer.preview(file->source(), options);
    MONIAGENT_VERIFY_OK(preview);
    QCOMPARE(preview->counts.errors, 0);
    QCOMPARE(preview->counts.fresh, 5);
    MONIAGENT_VERIFY_OK(importer.apply(*preview));

    // Compare what arrived with what left, as (date, signed amount, currency, store) sorted.
    auto read = [&](qint64 user) {
        QStringList out;
        auto rows = m_transactions->list(user, {}, {}, 100);
        for (const Transaction& t : *rows) {
            const QString store = t.merchant.isEmpty() ? t.description : t.merchant;
            out << QStringLiteral("%1 %2 %3 %4")
                       .arg(t.occurredOn.toString(Qt::ISODate))
                       .arg(t.signedMinor())
                       .arg(t.amount.currency().code(), store.left(32));
        }
        out.sort();
        return out;
    };
    QCOMPARE(read(m_to), read(m_from));

    auto again = importer.preview(file->source(), options);
    MONIAGENT_VERIFY_OK(again);
    QCOMPARE(again->counts.duplicates, 5);
    QCOMPARE(again->counts.fresh, 0);
}

QTEST_GUILESS_MAIN(TestExportRoundTrip)
#include "tst_exportroundtrip.moc"
