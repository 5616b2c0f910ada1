// The JSON backup: a profile with everything a backup holds (renamed and custom categories, budgets, rules,
// receipts, 1,000 transactions with categories, receipts, external ids, categorizer fields) is backed up and
// restored into a fresh profile of another database, and every field that must survive is compared. Restores
// that must be refused (a profile with transactions, a truncated or damaged file, a newer format, a cancel)
// leave the target exactly as it was.
#include "db/budgetrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/categoryrepository.h"
#include "db/invoicerepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "importers/backup.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;
using namespace Moniagent::Test;

namespace {

constexpr int LedgerSize = 1000;

QString sha(int n)
{
    return QStringLiteral("%1").arg(n, 64, 16, QLatin1Char('0'));
}

// Everything of a profile a restore must bring back, with ids replaced by uuids so that two databases compare.
struct Snapshot
{
    QString currency;
    QString locale;
    QStringList categories;
    QStringList budgets;
    QStringList rules;
    QStringList invoices;
    QStringList transactions;
};

QString text(const QDateTime& time)
{
    return Sql::isoTimestamp(time);
}

QString money(const std::optional<Money>& m)
{
    return m ? QString::number(m->minor()) + u' ' + m->currency().code() : QStringLiteral("-");
}

Snapshot snapshot(Database* database, qint64 userId)
{
    Snapshot s;
    auto user = Sql::exec(database->connection(),
                          QStringLiteral("SELECT base_currency, locale FROM users WHERE id = ?"), {userId});
    if (user && user->next()) {
        s.currency = user->value(0).toString();
        s.locale = user->value(1).toString();
    }
    QHash<qint64, QString> categoryUuids;
    for (const Category& c : *CategoryRepository(database).list(userId)) {
        categoryUuids.insert(c.id, c.uuid);
        s.categories << QStringList {c.uuid,
                                     c.name,
                                     c.systemKey,
                                     c.description,
                                     c.icon,
                                     c.color,
                                     CategoryEnums::key(c.type),
                                     QString::number(c.isSystem),
                                     QString::number(c.displayOrder),
                                     text(c.createdAt),
                                     text(c.updatedAt)}
                            .join(u'|');
    }
    for (const Budget& b : *BudgetRepository(database).list(userId)) {
        s.budgets << QStringList {b.categoryId ? categoryUuids.value(*b.categoryId) : QStringLiteral("all"),
                                  money(b.limit),
                                  BudgetEnums::key(b.period),
                                  QString::number(b.alertThreshold),
                                  text(b.createdAt),
                                  text(b.updatedAt)}
                         .join(u'|');
    }
    for (const CategorizationRule& r : *CategorizationRuleRepository(database).list(userId)) {
        s.rules << QStringList {categoryUuids.value(r.categoryId),
                                r.pattern,
                                CategorizationRuleEnums::key(r.type),
                                QString::number(r.confidenceThreshold),
                                QString::number(r.priority),
                                QString::number(r.isActive),
                                CategorizationRuleEnums::key(r.origin),
                                QString::number(r.hitCount),
                                text(r.createdAt),
                                text(r.updatedAt)}
                       .join(u'|');
    }
    QHash<qint64, QString> invoiceUuids;
    for (const Invoice& i : *InvoiceRepository(database).list(userId)) {
        invoiceUuids.insert(i.id, i.uuid);
        s.invoices << QStringList {i.uuid,
                                   i.filename,
                                   i.filePath,
                                   i.sha256,
                                   i.mimeType,
                                   i.storeName,
                                   i.date.toString(Qt::ISODate),
                                   money(i.total),
                                   money(i.tax),
                                   InvoiceEnums::key(i.status),
                                   i.error,
                                   text(i.createdAt),
                                   text(i.updatedAt)}
                          .join(u'|');
    }
    auto rows = TransactionRepository(database).list(userId, {}, {}, std::numeric_limits<int>::max());
    for (const Transaction& t : *rows) {
        s.transactions << QStringList {t.uuid,
                                       TransactionEnums::key(t.type),
                                       money(t.amount),
                                       t.occurredOn.toString(Qt::ISODate),
                                       t.merchant,
                                       t.description,
                                       t.notes,
                                       t.categoryId ? categoryUuids.value(*t.categoryId) : QStringLiteral("-"),
                                       t.invoiceId ? invoiceUuids.value(*t.invoiceId) : QStringLiteral("-"),
                                       TransactionEnums::key(t.source),
                                       QString::fromUtf8(
                                           QJsonDocument(t.sourceMetadata).toJson(QJsonDocument::Compact)),
                                       t.externalId,
                                       QString::number(t.confirmedByUser),
                                       t.categoryConfidence ? QString::number(*t.categoryConfidence)
                                                            : QStringLiteral("-"),
                                       TransactionEnums::key(t.categorizedBy),
                                       text(t.createdAt),
                                       text(t.updatedAt)}
                              .join(u'|');
    }
    s.categories.sort();
    s.budgets.sort();
    s.rules.sort();
    s.invoices.sort();
    s.transactions.sort();
    return s;
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fileFormat();
    void roundTripIntoAnotherDatabase();
    void roundTripOfReformattedFile();
    void secondProfileOfTheSameDatabase();
    void refusesProfileWithTransactions();
    void refusesTruncatedFile_data();
    void refusesTruncatedFile();
    void refusesNewerVersion();
    void refusesOtherFiles_data();
    void refusesOtherFiles();
    void refusesBrokenReferences();
    void cancelWritesNothing();
    void backupCancel();

private:
    void buildProfile(TestDatabase& db, qint64* userId);
    QString backupFile(const QByteArray& content, const QString& name = QStringLiteral("backup.json"));
    Result<BackupCounts> restore(TestDatabase& db, qint64 userId, const QString& path,
                                 const Backup::Progress& progress = {});
    void verifyUntouched();

    std::unique_ptr<TestDatabase> m_source;
    qint64 m_user = 0;
    QByteArray m_backup;
    BackupCounts m_counts;
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_target;
    qint64 m_empty = 0;
};

void TestBackup::buildProfile(TestDatabase& db, qint64* userId)
{
    const qint64 user = db.createUser(QStringLiteral("anna"));
    QVERIFY(user > 0);
    (void)Sql::exec(db.database()->connection(), QStringLiteral("UPDATE users SET locale = 'de_DE' WHERE id = ?"),
                    {user});
    CategoryRepository categories(db.database());
    // A default category the user renamed and recoloured, and two of their own.
    auto groceries = categories.findByName(user, QStringLiteral("Groceries"));
    groceries->name = QStringLiteral("Lebensmittel");
    groceries->color = QStringLiteral("#22AA44");
    MONIAGENT_VERIFY_OK(categories.update(user, *groceries));
    Category climbing;
    climbing.name = QStringLiteral("Climbing");
    climbing.description = QStringLiteral("Gym, ropes and shoes");
    climbing.icon = QStringLiteral("sport");
    climbing.color = QStringLiteral("#123ABC");
    const qint64 climbingId = *categories.add(user, climbing);
    Category gig;
    gig.name = QStringLiteral("Side gig");
    gig.type = CategoryType::Income;
    const qint64 gigId = *categories.add(user, gig);
    const qint64 dining = db.categoryId(user, QStringLiteral("Dining & Drinks"));

    BudgetRepository budgets(db.database());
    Budget overall;
    overall.limit = Money::fromMinor(250000, u"EUR");
    overall.alertThreshold = 0.75;
    MONIAGENT_VERIFY_OK(budgets.add(user, overall));
    Budget climbingBudget;
    climbingBudget.categoryId = climbingId;
    climbingBudget.limit = Money::fromMinor(6000, u"EUR");
    climbingBudget.period = BudgetPeriod::Weekly;
    MONIAGENT_VERIFY_OK(budgets.add(user, climbingBudget));

    CategorizationRuleRepository rules(db.database());
    CategorizationRule keyword;
    keyword.categoryId = climbingId;
    keyword.pattern = QStringLiteral("boulderhalle");
    keyword.priority = 5;
    keyword.confidenceThreshold = 0.3;
    MONIAGENT_VERIFY_OK(rules.add(user, keyword));
    CategorizationRule regex;
    regex.categoryId = groceries->id;
    regex.type = RuleType::Regex;
    regex.pattern = QStringLiteral("^REWE\\b");
    MONIAGENT_VERIFY_OK(rules.add(user, regex));
    CategorizationRule learned;
    learned.categoryId = gigId;
    learned.type = RuleType::ExactMatch;
    learned.pattern = QStringLiteral("fiverr");
    learned.origin = RuleOrigin::Learned;
    learned.isActive = false;
    learned.hitCount = 7;
    MONIAGENT_VERIFY_OK(rules.add(user, learned));

    InvoiceRepository invoices(db.database());
    Invoice receipt;
    receipt.filename = QStringLiteral("rewe-2023-03-04.jpg");
    receipt.filePath = QStringLiteral("receipts/ab/abcdef.jpg");
    receipt.sha256 = sha(0xabcdef);
    receipt.mimeType = QStringLiteral("image/jpeg");
    receipt.storeName = QStringLiteral("REWE Markt");
    receipt.date = QDate(2023, 3, 4);
    receipt.total = Money::fromMinor(2599, u"EUR");
    receipt.tax = Money::fromMinor(415, u"EUR");
    receipt.status = InvoiceStatus::Processed;
    receipt.extractedData = QJsonObject {{QStringLiteral("words"), 42}};
    const qint64 receiptId = *invoices.add(user, receipt);
    Invoice failed;
    failed.filename = QStringLiteral("blurry.png");
    failed.filePath = QStringLiteral("receipts/12/1234.png");
    failed.sha256 = sha(0x1234);
    failed.status = InvoiceStatus::Failed;
    failed.error = QStringLiteral("No text found");
    MONIAGENT_VERIFY_OK(invoices.add(user, failed));

    const QList<qint64> cycle {climbingId, dining, groceries->id, 0, gigId};
    const QStringList merchants {QStringLiteral("Boulderhalle Süd"), QStringLiteral("Café \"Zur Post\""),
                                 QStringLiteral("REWE"), QString(), QStringLiteral("Fiverr")};
    QList<Transaction> rows;
    for (int i = 0; i < LedgerSize; ++i) {
        const int kind = i % 5;
        Transaction t = kind == 4 ? TestDatabase::income(10000 + i, merchants.at(kind), QDate(2022, 1, 1).addDays(i))
                                  : TestDatabase::expense(100 + (i * 37) % 50000, merchants.at(kind),
                                                          QDate(2022, 1, 1).addDays((i * 7) % 700),
                                                          i % 50 == 7 ? QStringLiteral("USD") : QStringLiteral("EUR"));
        t.description = kind == 3 ? QStringLiteral("Überweisung Nr. %1\nzweite Zeile").arg(i) : QString();
        t.notes = i % 9 == 0 ? QStringLiteral("note %1, with \"quotes\" and \\ backslash").arg(i) : QString();
        if (cycle.at(kind))
            t.categoryId = cycle.at(kind);
        if (i % 3 == 0) {
            t.confirmedByUser = t.categoryId.has_value();
            t.categorizedBy = t.categoryId ? CategorizedBy::User : CategorizedBy::None;
        } else if (t.categoryId) {
            t.categorizedBy = CategorizedBy::Model;
            t.categoryConfidence = 0.5 + (i % 40) / 100.0;
        }
        if (i % 4 == 1) {
            t.source = TransactionSource::Import;
            t.externalId = QStringLiteral("FITID-%1").arg(i);
            t.sourceMetadata
                = QJsonObject {{QStringLiteral("file"), QStringLiteral("statement.ofx")}, {QStringLiteral("line"), i}};
        }
        if (i == 10 || i == 20)
            t.invoiceId = receiptId;
        rows << t;
    }
    TransactionRepository transactions(db.database());
    auto added = transactions.addMany(user, rows);
    MONIAGENT_VERIFY_OK(added);
    *userId = user;
}

void TestBackup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_source = std::make_unique<TestDatabase>();
    QVERIFY(m_source->isValid());
    buildProfile(*m_source, &m_user);
    QVERIFY(m_user > 0);
    QCOMPARE(m_source->scalar(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {m_user}),
             LedgerSize);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    TransactionRepository transactions(m_source->database());
    qint64 lastDone = 0;
    auto counts = Backup::write(buffer, &transactions, m_user, [&](qint64 done, qint64 total) {
        lastDone = done;
        return total == LedgerSize;
    });
    MONIAGENT_VERIFY_OK(counts);
    QCOMPARE(lastDone, LedgerSize);
    m_counts = *counts;
    m_backup = buffer.data();
}

void TestBackup::init()
{
    m_target = std::make_unique<TestDatabase>();
    QVERIFY(m_target->isValid());
    m_empty = m_target->createUser(QStringLiteral("restored"), QStringLiteral("USD"));
    QVERIFY(m_empty > 0);
}

QString TestBackup::backupFile(const QByteArray& content, const QString& name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qWarning() << "cannot write" << path;
    return path;
}

Result<BackupCounts> TestBackup::restore(TestDatabase& db, qint64 userId, const QString& path,
                                         const Backup::Progress& progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("cannot open ") + path);
    TransactionRepository transactions(db.database());
    return Backup::restore(file, &transactions, userId, progress);
}

void TestBackup::fileFormat()
{
    const QJsonObject root = QJsonDocument::fromJson(m_backup).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("moniagent-backup"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(root.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
    QCOMPARE(root.value(QStringLiteral("locale")).toString(), QStringLiteral("de_DE"));
    QVERIFY(QDateTime::fromString(root.value(QStringLiteral("exportedAt")).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(root.value(QStringLiteral("transactions")).toArray().size(), LedgerSize);
    QCOMPARE(root.value(QStringLiteral("invoices")).toArray().size(), 2);
    QCOMPARE(root.value(QStringLiteral("budgets")).toArray().size(), 2);
    QCOMPARE(root.value(QStringLiteral("rules")).toArray().size(), 3);
    const qint64 categoryCount
        = m_source->scalar(QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ?"), {m_user});
    QCOMPARE(root.value(QStringLiteral("categories")).toArray().size(), categoryCount);
    const BackupCounts expected {categoryCount, 2, 3, 2, LedgerSize};
    QCOMPARE(m_counts, expected);

    // Amounts are minor units with their currency; categories are referred to by uuid; receipts carry no OCR data.
    const QString receiptUuid
        = root.value(QStringLiteral("invoices")).toArray().at(0)[QStringLiteral("uuid")].toString();
    bool sawReceipt = false;
    for (const QJsonValue& v : root.value(QStringLiteral("transactions")).toArray()) {
        const QJsonObject t = v.toObject();
        const QJsonObject amount = t.value(QStringLiteral("amount")).toObject();
        QVERIFY(amount.value(QStringLiteral("minor")).isDouble());
        QVERIFY(amount.value(QStringLiteral("minor")).toInteger() > 0);
        QVERIFY(amount.value(QStringLiteral("currency")).toString().size() == 3);
        if (t.contains(QStringLiteral("category")))
            QCOMPARE(t.value(QStringLiteral("category")).toString().size(), 36);
        sawReceipt = sawReceipt || t.value(QStringLiteral("invoice")).toString() == receiptUuid;
    }
    QVERIFY(sawReceipt);
    for (const QJsonValue& v : root.value(QStringLiteral("invoices")).toArray())
        QVERIFY(!v.toObject().contains(QStringLiteral("extractedData")));
    // One record per line, so a 1M-row backup is written (and diffed) record by record.
    QCOMPARE(m_backup.count('\n'), 2 * 5 + categoryCount + 2 + 2 + 3 + LedgerSize + 1);
}

void TestBackup::roundTripIntoAnotherDatabase()
{
    QList<qint64> progress;
    auto restored = restore(*m_target, m_empty, backupFile(m_backup), [&](qint64 done, qint64 total) {
        progress << done;
        return total == 2 * m_backup.size();
    });
    MONIAGENT_VERIFY_OK(restored);
    QCOMPARE(*restored, m_counts);
    QVERIFY(!progress.isEmpty());
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QVERIFY(progress.last() > m_backup.size()); // the writing pass reported too

    const Snapshot before = snapshot(m_source->database(), m_user);
    const Snapshot after = snapshot(m_target->database(), m_empty);
    QCOMPARE(after.currency, QStringLiteral("EUR"));
    QCOMPARE(after.locale, QStringLiteral("de_DE"));
    QCOMPARE(after.categories, before.categories);
    QCOMPARE(after.budgets, before.budgets);
    QCOMPARE(after.rules, before.rules);
    QCOMPARE(after.invoices, before.invoices);
    QCOMPARE(after.transactions.size(), LedgerSize);
    for (int i = 0; i < LedgerSize; ++i)
        QCOMPARE(after.transactions.at(i), before.transactions.at(i));

    // The derived tables the bulk writer fills: full-text search and the monthly totals.
    TransactionRepository transactions(m_target->database());
    TransactionFilter search;
    search.search = QStringLiteral("Boulderhalle");
    QCOMPARE(*transactions.count(m_empty, search), qint64(LedgerSize / 5));
    const LedgerTotals totalsBefore = *TransactionRepository(m_source->database()).totals(m_user, {});
    const LedgerTotals totalsAfter = *transactions.totals(m_empty, {});
    QCOMPARE(totalsAfter.currencies.size(), totalsBefore.currencies.size());
    for (int i = 0; i < totalsBefore.currencies.size(); ++i) {
        QCOMPARE(totalsAfter.currencies.at(i).currency, totalsBefore.currencies.at(i).currency);
        QCOMPARE(totalsAfter.currencies.at(i).netMinor(), totalsBefore.currencies.at(i).netMinor());
    }
    // Receipts are metadata only.
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE extracted_data = '{}'")), 2);
}

void TestBackup::roundTripOfReformattedFile()
{
    // Another tool may pretty-print the file: the reader does not depend on the layout.
    const QByteArray indented = QJsonDocument::fromJson(m_backup).toJson(QJsonDocument::Indented);
    QVERIFY(indented != m_backup);
    auto restored = restore(*m_target, m_empty, backupFile(indented, QStringLiteral("indented.json")));
    MONIAGENT_VERIFY_OK(restored);
    QCOMPARE(restored->transactions, LedgerSize);
    QCOMPARE(snapshot(m_target->database(), m_empty).transactions, snapshot(m_source->database(), m_user).transactions);
}

void TestBackup::secondProfileOfTheSameDatabase()
{
    // Restoring into another profile of the source database: the uuids are taken, so the copies get new ones.
    const qint64 copy = m_source->createUser(QStringLiteral("copy"));
    auto restored = restore(*m_source, copy, backupFile(m_backup));
    MONIAGENT_VERIFY_OK(restored);
    QCOMPARE(restored->transactions, LedgerSize);
    QCOMPARE(m_source->scalar(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ?"), {copy}),
             LedgerSize);
    QCOMPARE(m_source->scalar(QStringLiteral("SELECT count(DISTINCT uuid) FROM transactions")), 2 * LedgerSize);
    // Same content apart from identity: compare with uuids and times cut off.
    auto strip = [](QStringList rows) {
        for (QString& row : rows) {
            QStringList fields = row.split(u'|');
            fields[0].clear(); // uuid
            fields[7] = fields[7] == QLatin1String("-") ? fields[7] : QStringLiteral("cat"); // category uuid
            fields[8] = fields[8] == QLatin1String("-") ? fields[8] : QStringLiteral("inv");
            row = fields.join(u'|');
        }
        rows.sort();
        return rows;
    };
    QCOMPARE(strip(snapshot(m_source->database(), copy).transactions),
             strip(snapshot(m_source->database(), m_user).transactions));
    // Each copy refers to its own categories.
    QCOMPARE(m_source->scalar(QStringLiteral("SELECT count(*) FROM transactions t JOIN categories c ON c.id = "
                                             "t.category_id WHERE t.user_id = ? AND c.user_id <> t.user_id"),
                              {copy}),
             0);
}

void TestBackup::verifyUntouched()
{
    // The fresh profile as createUser made it: default categories, nothing else.
    const qint64 defaults = m_target->scalar(QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ? AND "
                                                            "is_system = 1"),
                                             {m_empty});
    QVERIFY(defaults > 20);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ?"), {m_empty}),
             defaults);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 0);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM budgets")), 0);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM expense_categorization_rules")), 0);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM invoices")), 0);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM transactions_fts")), 0);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM users WHERE id = ? AND base_currency = 'USD'"),
                              {m_empty}),
             1);
    // The schema objects the bulk writer suspends are all back.
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                             "('transactions_fts_insert', 'transaction_totals_insert', "
                                             "'transactions_same_user_insert', 'transactions_user_date')")),
             4);
}

void TestBackup::refusesProfileWithTransactions()
{
    TransactionRepository transactions(m_target->database());
    MONIAGENT_VERIFY_OK(
        transactions.add(m_empty, TestDatabase::expense(500, QStringLiteral("Bakery"), QDate(2024, 2, 2))));
    const qint64 categoriesBefore
        = m_target->scalar(QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ?"), {m_empty});
    auto restored = restore(*m_target, m_empty, backupFile(m_backup));
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, Error::Code::InvalidInput);
    QVERIFY2(restored.error().message.startsWith(QStringLiteral("Restore needs an empty profile")),
             qPrintable(restored.error().message));
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 1);
    QCOMPARE(m_target->scalar(QStringLiteral("SELECT count(*) FROM categories WHERE user_id = ?"), {m_empty}),
             categoriesBefore);
}

void TestBackup::refusesTruncatedFile_data()
{
    QTest::addColumn<double>("share");
    QTest::newRow("in the header") << 0.001;
    QTest::newRow("in the categories") << 0.01;
    QTest::newRow("in the transactions") << 0.6;
    QTest::newRow("last brace missing") << -1.0;
}

void TestBackup::refusesTruncatedFile()
{
    QFETCH(double, share);
    const qsizetype size = share < 0 ? m_backup.lastIndexOf('}') : qsizetype(double(m_backup.size()) * share);
    const QByteArray truncated = m_backup.left(size);
    auto restored = restore(*m_target, m_empty, backupFile(truncated, QStringLiteral("truncated.json")));
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, Error::Code::Corrupt);
    QVERIFY2(restored.error().message.contains(QStringLiteral("incomplete"))
                 || restored.error().message.contains(QStringLiteral("damaged")),
             qPrintable(restored.error().message));
    verifyUntouched();
}

void TestBackup::refusesNewerVersion()
{
    QByteArray newer = m_backup;
    QVERIFY(newer.contains("\"version\":1,"));
    newer.replace("\"version\":1,", "\"version\":2,");
    auto restored = restore(*m_target, m_empty, backupFile(newer, QStringLiteral("newer.json")));
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, Error::Code::NewerVersion);
    QVERIFY2(restored.error().message.contains(QStringLiteral("newer Moniagent")),
             qPrintable(restored.error().message));
    verifyUntouched();
}

void TestBackup::refusesOtherFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("other JSON") << QByteArray("{\"hello\": [1, 2, 3]}") << QStringLiteral("not a Moniagent backup");
    QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("damaged");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << QStringLiteral("damaged");
    QTest::newRow("no version") << QByteArray("{\"format\": \"moniagent-backup\", \"transactions\": []}")
                                << QStringLiteral("version");
    QTest::newRow("trailing garbage") << QByteArray("{\"format\": \"moniagent-backup\", \"version\": 1} x")
                                      << QStringLiteral("damaged");
    QTest::newRow("transactions not a list") << QByteArray("{\"format\":\"moniagent-backup\",\"version\":1,"
                                                           "\"transactions\":{}}")
                                             << QStringLiteral("not a list");
    QTest::newRow("amount with a fraction")
        << QByteArray("{\"format\":\"moniagent-backup\",\"version\":1,\"transactions\":[{\"uuid\":"
                      "\"0190c6a0-0000-7000-8000-000000000001\",\"date\":\"2024-01-02\",\"type\":\"expense\","
                      "\"amount\":{\"minor\":12.5,\"currency\":\"EUR\"}}]}")
        << QStringLiteral("Transaction 1 in the backup has no valid “amount”.");
    QTest::newRow("negative amount") << QByteArray(
        "{\"format\":\"moniagent-backup\",\"version\":1,\"transactions\":[{\"uuid\":"
        "\"0190c6a0-0000-7000-8000-000000000001\",\"date\":\"2024-01-02\",\"type\":\"expense\","
        "\"amount\":{\"minor\":-1250,\"currency\":\"EUR\"}}]}")
                                     << QStringLiteral("Transaction 1 in the backup cannot be restored");
    QTest::newRow("bad date") << QByteArray(
        "{\"format\":\"moniagent-backup\",\"version\":1,\"transactions\":[{\"uuid\":"
        "\"0190c6a0-0000-7000-8000-000000000001\",\"date\":\"2023-02-29\",\"type\":\"expense\","
        "\"amount\":{\"minor\":1250,\"currency\":\"EUR\"}}]}")
                              << QStringLiteral("has no valid “date”");
}

void TestBackup::refusesOtherFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    auto restored = restore(*m_target, m_empty, backupFile(content, QStringLiteral("other.json")));
    QVERIFY(!restored);
    QVERIFY2(restored.error().message.contains(message), qPrintable(restored.error().message));
    verifyUntouched();
}

void TestBackup::refusesBrokenReferences()
{
    // A transaction near the end refers to a category the backup does not have: found by the checking pass,
    // before the first row is written.
    QByteArray broken = m_backup;
    const qsizetype lastRecord = broken.lastIndexOf("\n{");
    QVERIFY(lastRecord > 0);
    const QByteArray record = broken.mid(lastRecord + 1, broken.indexOf('\n', lastRecord + 1) - lastRecord - 1);
    QJsonObject t = QJsonDocument::fromJson(record).object();
    QVERIFY(!t.isEmpty());
    t.insert(QStringLiteral("category"), QStringLiteral("0190c6a0-0000-7000-8000-00000000dead"));
    broken.replace(record, QJsonDocument(t).toJson(QJsonDocument::Compact));
    auto restored = restore(*m_target, m_empty, backupFile(broken, QStringLiteral("broken.json")));
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, Error::Code::Corrupt);
    QVERIFY2(restored.error().message.contains(QStringLiteral("category")), qPrintable(restored.error().message));
    verifyUntouched();
}

void TestBackup::cancelWritesNothing()
{
    // Cancelled in the writing pass, after the categories, budgets, rules and receipts were written: all of it
    // is undone.
    bool sawWritingPass = false;
    auto restored = restore(*m_target, m_empty, backupFile(m_backup), [&](qint64 done, qint64 total) {
        if (done > total / 2) {
            sawWritingPass = true;
            return false;
        }
        return true;
    });
    QVERIFY(sawWritingPass);
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, Error::Code::Cancelled);
    verifyUntouched();
}

void TestBackup::backupCancel()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    TransactionRepository transactions(m_source->database());
    auto counts = Backup::write(buffer, &transactions, m_user, [](qint64, qint64) { return false; });
    QVERIFY(!counts);
    QCOMPARE(counts.error().code, Error::Code::Cancelled);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
