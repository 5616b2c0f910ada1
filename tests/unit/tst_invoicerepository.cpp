#include "db/invoicerepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

// Receipts and invoices: round trips, validation, the schema's checks, deletion with or without the
// transactions read from them, and user scoping.
class TestInvoiceRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addAndFind();
    void validation_data();
    void validation();
    void duplicateFile();
    void updateAndSetStatus();
    void listByStatus();
    void schemaRefusesBadRows_data();
    void schemaRefusesBadRows();
    void removeKeepingTransactions();
    void removeWithTransactions();
    void removeIsAllOrNothing();
    void userScoping();
    void deletingUserDeletesInvoices();

private:
    static QString sha(int n) { return QStringLiteral("%1").arg(n, 64, 16, QLatin1Char('0')); }
    static Invoice invoice(int n);
    qint64 addTransaction(qint64 userId, std::optional<qint64> invoiceId);
    qint64 count(const QString& sql, const QVariantList& params = {}) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<InvoiceRepository> m_invoices;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

void TestInvoiceRepository::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_invoices = std::make_unique<InvoiceRepository>(m_db->database());
}

void TestInvoiceRepository::cleanup()
{
    m_invoices.reset();
    m_db.reset();
}

Invoice TestInvoiceRepository::invoice(int n)
{
    Invoice i;
    i.filename = QStringLiteral("receipt-%1.jpg").arg(n);
    i.filePath = QStringLiteral("/data/invoices/%1.jpg").arg(sha(n));
    i.sha256 = sha(n);
    i.mimeType = QStringLiteral("image/jpeg");
    return i;
}

qint64 TestInvoiceRepository::addTransaction(qint64 userId, std::optional<qint64> invoiceId)
{
    TransactionRepository transactions(m_db->database());
    Transaction t = Test::TestDatabase::expense(1299, QStringLiteral("REWE"), QDate(2026, 2, 3));
    t.invoiceId = invoiceId;
    auto id = transactions.add(userId, t);
    return id ? *id : 0;
}

qint64 TestInvoiceRepository::count(const QString& sql, const QVariantList& params) const
{
    auto value = Sql::scalar(m_db->database()->connection(), sql, params);
    return value ? value->toLongLong() : -1;
}

void TestInvoiceRepository::addAndFind()
{
    QSignalSpy changed(m_invoices.get(), &InvoiceRepository::changed);
    Invoice in = invoice(1);
    in.sha256 = in.sha256.toUpper().replace(u'X', u'x'); // stored in lower case
    in.storeName = QStringLiteral(" REWE Markt ");
    in.date = QDate(2026, 2, 3);
    in.total = Money::fromMinor(2350, u"EUR");
    in.tax = Money::fromMinor(375, u"EUR");
    in.extractedData = {{QStringLiteral("engine"), QStringLiteral("tesseract 5.3")},
                        {QStringLiteral("lines"), QJsonArray {QStringLiteral("Milch"), QStringLiteral("Brot")}}};
    auto id = m_invoices->add(m_alice, in);
    MONIAGENT_VERIFY_OK(id);
    QCOMPARE(changed.count(), 1);

    auto out = m_invoices->find(m_alice, *id);
    MONIAGENT_VERIFY_OK(out);
    QCOMPARE(out->uuid.size(), 36);
    QCOMPARE(out->userId, m_alice);
    QCOMPARE(out->filename, in.filename);
    QCOMPARE(out->filePath, in.filePath);
    QCOMPARE(out->sha256, sha(1));
    QCOMPARE(out->mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(out->storeName, QStringLiteral("REWE Markt"));
    QCOMPARE(out->date, in.date);
    QCOMPARE(out->total, in.total);
    QCOMPARE(out->tax, in.tax);
    QCOMPARE(out->extractedData, in.extractedData);
    QCOMPARE(out->status, InvoiceStatus::Pending);
    QVERIFY(out->error.isEmpty());
    QVERIFY(out->createdAt.isValid());

    // Unknown fields stay NULL rather than zero or empty.
    auto bare = m_invoices->add(m_alice, invoice(2));
    MONIAGENT_VERIFY_OK(bare);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM invoices WHERE id = ? AND store_name IS NULL AND date IS NULL "
                             "AND total_minor IS NULL AND tax_minor IS NULL AND currency IS NULL AND error IS NULL"),
              {*bare}),
        qint64(1));
    auto found = m_invoices->find(m_alice, *bare);
    QVERIFY(!found->total && !found->tax && !found->date.isValid());

    auto bySha = m_invoices->findBySha256(m_alice, sha(1).toUpper());
    MONIAGENT_VERIFY_OK(bySha);
    QVERIFY(bySha->has_value());
    QCOMPARE((*bySha)->id, *id);
    auto missing = m_invoices->findBySha256(m_alice, sha(3));
    MONIAGENT_VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
}

void TestInvoiceRepository::validation_data()
{
    QTest::addColumn<Invoice>("invoice");
    QTest::addColumn<QString>("message");
    Invoice i = invoice(1);
    i.filename = QStringLiteral("  ");
    QTest::newRow("no name") << i << QStringLiteral("The file has no name. Enter a name for the receipt.");
    i = invoice(1);
    i.filePath.clear();
    QTest::newRow("no copy") << i << QStringLiteral("The stored copy of the file is missing. Import the file again.");
    i = invoice(1);
    i.sha256 = QStringLiteral("abc");
    QTest::newRow("short digest") << i
                                  << QStringLiteral(
                                         "The file's checksum is not a SHA-256 digest. Import the file again.");
    i.sha256 = QString(64, u'g');
    QTest::newRow("not hex") << i
                             << QStringLiteral("The file's checksum is not a SHA-256 digest. Import the file again.");
    i = invoice(1);
    i.total = Money::fromMinor(-1, u"EUR");
    QTest::newRow("negative total") << i << QStringLiteral("The receipt's total and tax cannot be negative.");
    i = invoice(1);
    i.total = Money::fromMinor(100, u"EUR");
    i.tax = Money::fromMinor(10, u"USD");
    QTest::newRow("two currencies") << i << QStringLiteral("The total and the tax must be in the same currency.");
    i = invoice(1);
    i.tax = Money::fromMinor(10, u"E");
    QTest::newRow("no currency") << i << QStringLiteral("Choose a currency for the receipt's amounts.");
    i = invoice(1);
    i.date = QDate(1850, 1, 1);
    QTest::newRow("old date") << i << QStringLiteral("The date 1850-01-01 is out of range.");
    i = invoice(1);
    i.status = InvoiceStatus(9);
    QTest::newRow("bad status") << i << QStringLiteral("The receipt has an unknown status.");
}

void TestInvoiceRepository::validation()
{
    QFETCH(Invoice, invoice);
    QFETCH(QString, message);
    auto id = m_invoices->add(m_alice, invoice);
    QVERIFY(!id);
    QCOMPARE(id.error().code, Error::Code::InvalidInput);
    QCOMPARE(id.error().message, message);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices")), qint64(0));
}

void TestInvoiceRepository::duplicateFile()
{
    QVERIFY(m_invoices->add(m_alice, invoice(1)));
    Invoice again = invoice(1);
    again.filename = QStringLiteral("copy of receipt.jpg");
    auto refused = m_invoices->add(m_alice, again);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(refused.error().message, QStringLiteral("This file was already imported as “receipt-1.jpg”."));
    // Another profile may import the same file.
    QVERIFY(m_invoices->add(m_bob, invoice(1)));
}

void TestInvoiceRepository::updateAndSetStatus()
{
    const qint64 id = *m_invoices->add(m_alice, invoice(1));
    Invoice read = *m_invoices->find(m_alice, id);
    read.storeName = QStringLiteral("Lidl");
    read.date = QDate(2026, 1, 31);
    read.total = Money::fromMinor(990, u"CHF");
    read.extractedData = {{QStringLiteral("merchant"), QStringLiteral("Lidl")}};
    read.status = InvoiceStatus::Processed;
    read.sha256 = sha(9); // identity of the stored file: never rewritten
    read.filePath = QStringLiteral("/elsewhere");
    MONIAGENT_VERIFY_OK(m_invoices->update(m_alice, read));
    Invoice stored = *m_invoices->find(m_alice, id);
    QCOMPARE(stored.storeName, QStringLiteral("Lidl"));
    QCOMPARE(stored.date, QDate(2026, 1, 31));
    QCOMPARE(stored.total, Money::fromMinor(990, u"CHF"));
    QVERIFY(!stored.tax);
    QCOMPARE(stored.extractedData, read.extractedData);
    QCOMPARE(stored.status, InvoiceStatus::Processed);
    QCOMPARE(stored.sha256, sha(1));
    QCOMPARE(stored.filePath, invoice(1).filePath);

    MONIAGENT_VERIFY_OK(m_invoices->setStatus(m_alice, id, InvoiceStatus::Failed, QStringLiteral("Too blurry.")));
    stored = *m_invoices->find(m_alice, id);
    QCOMPARE(stored.status, InvoiceStatus::Failed);
    QCOMPARE(stored.error, QStringLiteral("Too blurry."));
    MONIAGENT_VERIFY_OK(m_invoices->setStatus(m_alice, id, InvoiceStatus::Pending));
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM invoices WHERE id = ? AND status = 'pending' AND error IS NULL"),
              {id}),
        qint64(1));
    QCOMPARE(m_invoices->setStatus(m_alice, id + 100, InvoiceStatus::Pending).error().code, Error::Code::NotFound);
    read.total = Money::fromMinor(-5, u"CHF");
    QCOMPARE(m_invoices->update(m_alice, read).error().code, Error::Code::InvalidInput);
}

void TestInvoiceRepository::listByStatus()
{
    const qint64 first = *m_invoices->add(m_alice, invoice(1));
    const qint64 second = *m_invoices->add(m_alice, invoice(2));
    const qint64 third = *m_invoices->add(m_alice, invoice(3));
    QVERIFY(m_invoices->setStatus(m_alice, second, InvoiceStatus::Processed));
    QVERIFY(m_invoices->add(m_bob, invoice(4)));

    auto all = m_invoices->list(m_alice);
    MONIAGENT_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).id, third); // newest first
    QCOMPARE(all->at(2).id, first);
    auto pending = m_invoices->list(m_alice, InvoiceStatus::Pending);
    QCOMPARE(pending->size(), 2);
    auto processed = m_invoices->list(m_alice, InvoiceStatus::Processed);
    QCOMPARE(processed->size(), 1);
    QCOMPARE(processed->first().id, second);
    QCOMPARE(m_invoices->list(m_alice, InvoiceStatus::Failed)->size(), 0);
}

void TestInvoiceRepository::schemaRefusesBadRows_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("control") << QStringLiteral("store_name") << QVariant(QStringLiteral("Aldi")) << true;
    QTest::newRow("upper-case digest") << QStringLiteral("sha256") << QVariant(sha(1).toUpper().replace(u'0', u'A'))
                                       << false;
    QTest::newRow("short digest") << QStringLiteral("sha256") << QVariant(QStringLiteral("abc")) << false;
    QTest::newRow("negative total") << QStringLiteral("total_minor") << QVariant(-1) << false;
    QTest::newRow("fractional total") << QStringLiteral("total_minor") << QVariant(1.5) << false;
    QTest::newRow("negative tax") << QStringLiteral("tax_minor") << QVariant(-20) << false;
    QTest::newRow("bad status") << QStringLiteral("status") << QVariant(QStringLiteral("done")) << false;
    QTest::newRow("bad json") << QStringLiteral("extracted_data") << QVariant(QStringLiteral("{oops")) << false;
    QTest::newRow("bad month") << QStringLiteral("date") << QVariant(QStringLiteral("2026-13-01")) << false;
    QTest::newRow("impossible day") << QStringLiteral("date") << QVariant(QStringLiteral("2026-02-30")) << false;
    QTest::newRow("local date") << QStringLiteral("date") << QVariant(QStringLiteral("03.02.2026")) << false;
    QTest::newRow("bad currency") << QStringLiteral("currency") << QVariant(QStringLiteral("eur")) << false;
    QTest::newRow("empty name") << QStringLiteral("filename") << QVariant(QStringLiteral("")) << false;
}

void TestInvoiceRepository::schemaRefusesBadRows()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    const qint64 id = *m_invoices->add(m_alice, invoice(1));
    auto result = Sql::exec(m_db->database()->connection(),
                            QStringLiteral("UPDATE invoices SET %1 = ? WHERE id = ?").arg(column), {value, id});
    QCOMPARE(result.ok(), accepted);
    if (!accepted && !result.ok())
        QCOMPARE(result.error().code, Error::Code::Conflict);
}

void TestInvoiceRepository::removeKeepingTransactions()
{
    const qint64 id = *m_invoices->add(m_alice, invoice(1));
    const qint64 linked = addTransaction(m_alice, id);
    QVERIFY(linked);
    MONIAGENT_VERIFY_OK(m_invoices->remove(m_alice, id, true));
    QCOMPARE(m_invoices->find(m_alice, id).error().code, Error::Code::NotFound);
    // The transaction stays, unlinked by the foreign key (ON DELETE SET NULL).
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE id = ? AND invoice_id IS NULL"), {linked}),
             qint64(1));
    QCOMPARE(m_invoices->remove(m_alice, id, true).error().code, Error::Code::NotFound);
}

void TestInvoiceRepository::removeWithTransactions()
{
    const qint64 id = *m_invoices->add(m_alice, invoice(1));
    const qint64 other = *m_invoices->add(m_alice, invoice(2));
    QVERIFY(addTransaction(m_alice, id) && addTransaction(m_alice, id));
    const qint64 otherLinked = addTransaction(m_alice, other);
    const qint64 unlinked = addTransaction(m_alice, std::nullopt);
    const qint64 bobs = addTransaction(m_bob, std::nullopt);
    QVERIFY(otherLinked && unlinked && bobs);

    MONIAGENT_VERIFY_OK(m_invoices->remove(m_alice, id, false));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions")), qint64(3));
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM transactions WHERE id IN (?, ?, ?)"), {otherLinked, unlinked, bobs}),
        qint64(3));
    QCOMPARE(count(QStringLiteral("SELECT invoice_id FROM transactions WHERE id = ?"), {otherLinked}), other);
}

void TestInvoiceRepository::removeIsAllOrNothing()
{
    const qint64 id = *m_invoices->add(m_alice, invoice(1));
    QVERIFY(addTransaction(m_alice, id) && addTransaction(m_alice, id));
    // Make the second statement (the invoice's own delete) fail on this connection only.
    QVERIFY(Sql::exec(m_db->database()->connection(),
                      QStringLiteral("CREATE TEMP TRIGGER refuse_invoice_delete BEFORE DELETE ON main.invoices "
                                     "BEGIN SELECT RAISE(ABORT, 'refused by test'); END")));
    auto removed = m_invoices->remove(m_alice, id, false);
    QVERIFY(!removed);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE invoice_id = ?"), {id}), qint64(2));
    QVERIFY(m_invoices->find(m_alice, id));
}

void TestInvoiceRepository::userScoping()
{
    const qint64 alices = *m_invoices->add(m_alice, invoice(1));
    const qint64 bobs = *m_invoices->add(m_bob, invoice(2));
    const qint64 linked = addTransaction(m_alice, alices);
    QVERIFY(linked);

    QCOMPARE(m_invoices->find(m_bob, alices).error().code, Error::Code::NotFound);
    QVERIFY(!m_invoices->findBySha256(m_bob, sha(1))->has_value());
    Invoice stolen = *m_invoices->find(m_alice, alices);
    stolen.storeName = QStringLiteral("changed by bob");
    QCOMPARE(m_invoices->update(m_bob, stolen).error().code, Error::Code::NotFound);
    QCOMPARE(m_invoices->setStatus(m_bob, alices, InvoiceStatus::Failed).error().code, Error::Code::NotFound);
    QCOMPARE(m_invoices->remove(m_bob, alices, false).error().code, Error::Code::NotFound);
    Invoice still = *m_invoices->find(m_alice, alices);
    QVERIFY(still.storeName.isEmpty());
    QCOMPARE(still.status, InvoiceStatus::Pending);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE id = ?"), {linked}), qint64(1));
    QCOMPARE(m_invoices->list(m_bob)->size(), 1);
    QCOMPARE(m_invoices->list(m_bob)->first().id, bobs);

    // Alice's deletion leaves bob's invoice alone.
    QVERIFY(m_invoices->remove(m_alice, alices, false));
    QVERIFY(m_invoices->find(m_bob, bobs));
}

void TestInvoiceRepository::deletingUserDeletesInvoices()
{
    QVERIFY(m_invoices->add(m_alice, invoice(1)) && m_invoices->add(m_alice, invoice(2)));
    QVERIFY(m_invoices->add(m_bob, invoice(3)));
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("DELETE FROM users WHERE id = ?"), {m_alice}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices")), qint64(1));
    QCOMPARE(m_invoices->list(m_bob)->size(), 1);
}

QTEST_GUILESS_MAIN(TestInvoiceRepository)
#include "tst_invoicerepository.moc"
