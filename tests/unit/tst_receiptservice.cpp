#include "db/invoicerepository.h"
#include "db/transactionrepository.h"
#include "receipts/receiptservice.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;

// The receipt service without OCR: storing originals by SHA-256 (once, untouched), saving what was read,
// accepting into one or several expenses that add up to the total, duplicate questions, failures, deletion.
class TestReceiptService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void storeCopiesOnceByHash();
    void storeRefusesEmptyAndMissingFiles();
    void saveReadingKeepsFieldsAndExtractedData();
    void acceptCreatesOneConfirmedExpense();
    void acceptTwiceIsRefused();
    void acceptValidates_data();
    void acceptValidates();
    void acceptSplitCreatesOneExpensePerCategory();
    void findSimilarAsksAboutSameMerchantDayAndTotal();
    void markFailedKeepsReason();
    void removeKeepsOrDeletesExpenses();
    void userScoping();

private:
    QString writeFile(const QString& name, const QByteArray& content);
    Invoice stored(const QString& name = QStringLiteral("receipt.png"), const QByteArray& content = "PNG-ish bytes");
    ReceiptReading reading(const QString& merchant, QDate date, qint64 total, qint64 tax = -1);

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<InvoiceRepository> m_invoices;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<ReceiptService> m_service;
    QTemporaryDir m_files;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

void TestReceiptService::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    m_invoices = std::make_unique<InvoiceRepository>(m_db->database());
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_service = std::make_unique<ReceiptService>(m_db->database(), m_invoices.get(), m_transactions.get());
}

void TestReceiptService::cleanup()
{
    m_service.reset();
    m_transactions.reset();
    m_invoices.reset();
    m_db.reset();
}

QString TestReceiptService::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

Invoice TestReceiptService::stored(const QString& name, const QByteArray& content)
{
    auto result = m_service->store(m_alice, writeFile(name, content));
    return result ? result->invoice : Invoice();
}

ReceiptReading TestReceiptService::reading(const QString& merchant, QDate date, qint64 total, qint64 tax)
{
    ReceiptReading r;
    OcrPage page;
    page.size = QSize(400, 800);
    page.source = QStringLiteral("tesseract");
    page.words.append({merchant, QRect(10, 10, 200, 30), 91.0f, 0});
    page.lines.append({merchant, QRect(10, 10, 200, 30), 91.0f, 0, 0, 1});
    r.document.pages.append(page);
    r.document.engine.insert(QStringLiteral("tesseract"), QStringLiteral("test"));
    r.draft.merchant = merchant;
    r.draft.date = date;
    r.draft.totalMinor = total;
    if (tax >= 0)
        r.draft.taxMinor = tax;
    r.draft.currency = Currency::fromCode(u"EUR");
    ReceiptFieldSource source;
    source.confidence = 0.8f;
    source.box = QRect(10, 10, 200, 30);
    source.origin = QStringLiteral("ocr");
    r.draft.sources.insert(QString::fromLatin1(ReceiptDraft::Merchant), source);
    r.milliseconds = 42;
    return r;
}

void TestReceiptService::storeCopiesOnceByHash()
{
    const QString path = writeFile(QStringLiteral("lunch.jpg"), "\xFF\xD8\xFF some jpeg bytes");
    const QByteArray before = [&path]() {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    auto first = m_service->store(m_alice, path);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QVERIFY(!first->alreadyImported);
    const Invoice& invoice = first->invoice;
    QCOMPARE(invoice.filename, QStringLiteral("lunch.jpg"));
    QCOMPARE(invoice.status, InvoiceStatus::Pending);
    QCOMPARE(invoice.sha256.size(), 64);
    QVERIFY(invoice.filePath.startsWith(m_db->dirPath() + QStringLiteral("/receipts/")));
    QVERIFY(invoice.filePath.contains(invoice.sha256));
    QFile copy(invoice.filePath);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), before);
    QCOMPARE(QFileInfo(path).size(), qint64(before.size())); // the original is untouched

    // The same content under another name is the same receipt.
    const QString again = writeFile(QStringLiteral("copy of lunch.jpg"), before);
    auto second = m_service->store(m_alice, again);
    QVERIFY(second);
    QVERIFY(second->alreadyImported);
    QCOMPARE(second->invoice.id, invoice.id);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM invoices")), 1);
}

void TestReceiptService::storeRefusesEmptyAndMissingFiles()
{
    auto empty = m_service->store(m_alice, writeFile(QStringLiteral("empty.png"), QByteArray()));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, Error::Code::InvalidInput);
    QVERIFY(empty.error().message.contains(QStringLiteral("empty")));
    auto missing = m_service->store(m_alice, m_files.filePath(QStringLiteral("nothing.png")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM invoices")), 0);
    QVERIFY(!QFileInfo::exists(m_db->dirPath() + QStringLiteral("/receipts/%1").arg(m_alice))
            || QDir(m_db->dirPath() + QStringLiteral("/receipts/%1").arg(m_alice)).isEmpty());
}

void TestReceiptService::saveReadingKeepsFieldsAndExtractedData()
{
    const Invoice invoice = stored();
    QVERIFY(invoice.id);
    auto saved = m_service->saveReading(m_alice, invoice.id,
                                        reading(QStringLiteral("Café Rose"), QDate(2026, 11, 20), 1250, 199));
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    auto found = m_invoices->find(m_alice, invoice.id);
    QVERIFY(found);
    QCOMPARE(found->storeName, QStringLiteral("Café Rose"));
    QCOMPARE(found->date, QDate(2026, 11, 20));
    QCOMPARE(found->total, std::optional<Money>(Money::fromMinor(1250, u"EUR")));
    QCOMPARE(found->tax, std::optional<Money>(Money::fromMinor(199, u"EUR")));
    QCOMPARE(found->status, InvoiceStatus::Pending);
    // Everything needed to parse again without the image.
    const auto back = ReceiptReading::fromExtractedData(found->extractedData);
    QVERIFY(back.has_value());
    QCOMPARE(back->document.pages.size(), 1);
    QCOMPARE(back->document.pages.first().words.first().text, QStringLiteral("Café Rose"));
    QCOMPARE(back->document.pages.first().words.first().box, QRect(10, 10, 200, 30));
    QCOMPARE(back->document.engine.value(QStringLiteral("tesseract")).toString(), QStringLiteral("test"));
    const ReceiptDraft draft = ReceiptService::draftOf(*found);
    QCOMPARE(draft.merchant, QStringLiteral("Café Rose"));
    QCOMPARE(draft.totalMinor, std::optional<qint64>(1250));
    QCOMPARE(draft.sources.value(QStringLiteral("merchant")).box, QRect(10, 10, 200, 30));
}

void TestReceiptService::acceptCreatesOneConfirmedExpense()
{
    const Invoice invoice = stored();
    ReceiptAcceptance a;
    a.invoiceId = invoice.id;
    a.merchant = QStringLiteral("Bäckerei Müller");
    a.date = QDate(2026, 11, 21);
    a.total = Money::fromMinor(845, u"EUR");
    a.tax = Money::fromMinor(55, u"EUR");
    a.categoryId = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    a.paymentMethod = QStringLiteral("card");
    auto ids = m_service->accept(m_alice, a);
    QVERIFY2(ids, qPrintable(ids ? QString() : ids.error().toString()));
    QCOMPARE(ids->size(), 1);
    auto t = m_transactions->find(m_alice, ids->first());
    QVERIFY(t);
    QCOMPARE(t->amount, Money::fromMinor(845, u"EUR"));
    QCOMPARE(t->type, TransactionType::Expense);
    QCOMPARE(t->merchant, QStringLiteral("Bäckerei Müller"));
    QCOMPARE(t->occurredOn, QDate(2026, 11, 21));
    QCOMPARE(t->invoiceId, std::optional<qint64>(invoice.id));
    QCOMPARE(t->source, TransactionSource::Image);
    QVERIFY(t->confirmedByUser);
    QCOMPARE(t->categoryId, a.categoryId);
    QCOMPARE(t->categorizedBy, CategorizedBy::User);
    QCOMPARE(t->sourceMetadata.value(QStringLiteral("payment")).toString(), QStringLiteral("card"));
    auto after = m_invoices->find(m_alice, invoice.id);
    QCOMPARE(after->status, InvoiceStatus::Processed);
    QCOMPARE(after->storeName, QStringLiteral("Bäckerei Müller"));
    QCOMPARE(after->total, std::optional<Money>(a.total));
}

void TestReceiptService::acceptTwiceIsRefused()
{
    const Invoice invoice = stored();
    ReceiptAcceptance a;
    a.invoiceId = invoice.id;
    a.merchant = QStringLiteral("Shop");
    a.date = QDate(2026, 11, 21);
    a.total = Money::fromMinor(100, u"EUR");
    QVERIFY(m_service->accept(m_alice, a));
    auto again = m_service->accept(m_alice, a);
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 1);
}

void TestReceiptService::acceptValidates_data()
{
    QTest::addColumn<QString>("merchant");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<qint64>("total");
    QTest::newRow("no merchant") << QString() << QDate(2026, 11, 1) << qint64(100);
    QTest::newRow("no date") << QStringLiteral("Shop") << QDate() << qint64(100);
    QTest::newRow("zero total") << QStringLiteral("Shop") << QDate(2026, 11, 1) << qint64(0);
}

void TestReceiptService::acceptValidates()
{
    QFETCH(QString, merchant);
    QFETCH(QDate, date);
    QFETCH(qint64, total);
    const Invoice invoice = stored();
    ReceiptAcceptance a;
    a.invoiceId = invoice.id;
    a.merchant = merchant;
    a.date = date;
    a.total = Money::fromMinor(total, u"EUR");
    auto ids = m_service->accept(m_alice, a);
    QVERIFY(!ids);
    QCOMPARE(ids.error().code, Error::Code::InvalidInput);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 0);
    QCOMPARE(m_invoices->find(m_alice, invoice.id)->status, InvoiceStatus::Pending);
}

void TestReceiptService::acceptSplitCreatesOneExpensePerCategory()
{
    const Invoice invoice = stored();
    const qint64 groceries = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    const qint64 home = m_db->categoryId(m_alice, QStringLiteral("Home & Garden"));
    ReceiptAcceptance a;
    a.invoiceId = invoice.id;
    a.merchant = QStringLiteral("Hypermarket");
    a.date = QDate(2026, 11, 2);
    a.total = Money::fromMinor(3300, u"EUR");
    a.categoryId = groceries;
    a.items = {{QStringLiteral("Milk"), 200, groceries},
               {QStringLiteral("Bread"), 300, std::nullopt},
               {QStringLiteral("Light bulbs"), 2500, home}};
    a.splitByCategory = true;
    auto ids = m_service->accept(m_alice, a);
    QVERIFY(ids);
    QCOMPARE(ids->size(), 2);
    auto rows = m_transactions->findMany(m_alice, *ids);
    QVERIFY(rows);
    qint64 sum = 0;
    for (const Transaction& t : *rows) {
        sum += t.amount.minor();
        QCOMPARE(t.invoiceId, std::optional<qint64>(invoice.id));
        if (t.categoryId == groceries) {
            QCOMPARE(t.amount.minor(), 550); // 500 + 500 * 300 / 3000
            QCOMPARE(t.description, QStringLiteral("Milk, Bread"));
        } else {
            QCOMPARE(t.categoryId, std::optional<qint64>(home));
            QCOMPARE(t.amount.minor(), 2750);
        }
    }
    QCOMPARE(sum, 3300);
}

void TestReceiptService::findSimilarAsksAboutSameMerchantDayAndTotal()
{
    Transaction t = Test::TestDatabase::expense(1999, QStringLiteral("TESCO STORES 2041"), QDate(2026, 11, 3));
    QVERIFY(m_transactions->add(m_alice, t));
    ReceiptAcceptance a;
    a.merchant = QStringLiteral("Tesco Stores");
    a.date = QDate(2026, 11, 3);
    a.total = Money::fromMinor(1999, u"EUR");
    auto similar = m_service->findSimilar(m_alice, a);
    QVERIFY(similar);
    QVERIFY(similar->has_value());
    QCOMPARE((*similar)->merchant, QStringLiteral("TESCO STORES 2041"));

    a.total = Money::fromMinor(2000, u"EUR");
    QVERIFY(!m_service->findSimilar(m_alice, a)->has_value());
    a.total = Money::fromMinor(1999, u"EUR");
    a.date = QDate(2026, 11, 4);
    QVERIFY(!m_service->findSimilar(m_alice, a)->has_value());
    a.date = QDate(2026, 11, 3);
    a.merchant = QStringLiteral("Aldi");
    QVERIFY(!m_service->findSimilar(m_alice, a)->has_value());
    // Another user's ledger is never looked at.
    a.merchant = QStringLiteral("Tesco");
    QVERIFY(!m_service->findSimilar(m_bob, a)->has_value());
}

void TestReceiptService::markFailedKeepsReason()
{
    const Invoice invoice = stored();
    QVERIFY(m_service->markFailed(m_alice, invoice.id, QStringLiteral("The file is not an image.")));
    auto found = m_invoices->find(m_alice, invoice.id);
    QCOMPARE(found->status, InvoiceStatus::Failed);
    QCOMPARE(found->error, QStringLiteral("The file is not an image."));
    QVERIFY(QFileInfo::exists(found->filePath)); // the stored copy stays for "Read Again"
}

void TestReceiptService::removeKeepsOrDeletesExpenses()
{
    for (bool keep : {true, false}) {
        const Invoice invoice = stored(QStringLiteral("r%1.png").arg(keep), QByteArray("content ") + char('0' + keep));
        ReceiptAcceptance a;
        a.invoiceId = invoice.id;
        a.merchant = QStringLiteral("Shop");
        a.date = QDate(2026, 11, 21);
        a.total = Money::fromMinor(500, u"EUR");
        auto ids = m_service->accept(m_alice, a);
        QVERIFY(ids);
        QVERIFY(m_service->remove(m_alice, invoice.id, keep));
        QVERIFY(!m_invoices->find(m_alice, invoice.id));
        QVERIFY(!QFileInfo::exists(invoice.filePath));
        auto t = m_transactions->find(m_alice, ids->first());
        QCOMPARE(bool(t), keep);
        if (keep)
            QCOMPARE(t->invoiceId, std::nullopt);
    }
}

void TestReceiptService::userScoping()
{
    const Invoice invoice = stored();
    ReceiptAcceptance a;
    a.invoiceId = invoice.id;
    a.merchant = QStringLiteral("Shop");
    a.date = QDate(2026, 11, 21);
    a.total = Money::fromMinor(500, u"EUR");
    auto ids = m_service->accept(m_bob, a);
    QVERIFY(!ids);
    QCOMPARE(ids.error().code, Error::Code::NotFound);
    QVERIFY(!m_service->remove(m_bob, invoice.id, false));
    QVERIFY(!m_service->saveReading(m_bob, invoice.id, reading(QStringLiteral("X"), QDate(2026, 1, 1), 1)));
    QCOMPARE(m_invoices->find(m_alice, invoice.id)->status, InvoiceStatus::Pending);
    // Bob may import the same file as his own receipt.
    auto bobs = m_service->store(m_bob, invoice.filePath);
    QVERIFY(bobs);
    QVERIFY(!bobs->alreadyImported);
}

QTEST_GUILESS_MAIN(TestReceiptService)
#include "tst_receiptservice.moc"
