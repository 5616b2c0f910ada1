// Statement import after parsing: preview (staging, categories, matching), apply (all or nothing, history),
// duplicates on re-import, probable matches linked to receipts, undo, user scoping. The lines come from a
// source written here, so these tests do not depend on any one file format.
#include "categorize/categorizer.h"
#include "db/categoryrepository.h"
#include "db/statementimportrepository.h"
#include "db/transactionrepository.h"
#include "importers/statementimporter.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;
using namespace Moniagent::Test;

namespace {

StatementLine line(int record, QDate date, qint64 signedMinor, const QString& payee, const QString& memo = {},
                   const QString& id = {})
{
    StatementLine l;
    l.record = record;
    l.date = date;
    l.amount = Money::fromMinor(signedMinor, u"EUR");
    l.payee = payee;
    l.memo = memo;
    l.externalId = id;
    return l;
}

ImportSource source(const QString& name, QList<StatementLine> lines, const QString& account = QStringLiteral("FR76"))
{
    ImportSource s;
    s.fileName = name;
    s.sha256 = QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
    s.format = StatementFormat::Ofx;
    s.read = [lines, account](const StatementReadOptions&, const StatementSink& sink) -> Result<StatementInfo> {
        StatementInfo info;
        info.format = StatementFormat::Ofx;
        info.accountId = account;
        info.currency = QStringLiteral("EUR");
        for (StatementLine l : lines) {
            ++info.lineCount;
            if (!sink(std::move(l)))
                break;
        }
        return info;
    };
    return s;
}

} // namespace

class TestStatementImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void previewStagesCategorizesAndCounts();
    void applyWritesAllWithHistory();
    void reimportFindsDuplicates();
    void sameLineTwiceInOneFile();
    void probableMatchIsLinkedNotAdded();
    void undoRemovesAndUnlinks();
    void failureLeavesLedgerUntouched();
    void cancelledApplyWritesNothing();
    void excludedAndEditedRows();
    void splitLinesBecomeOneRowEach();
    void otherUsersRowsAreNotDuplicates();

private:
    StatementImporter importer(qint64 user) const
    {
        return StatementImporter(m_transactions.get(), m_categories.get(), m_history.get(), user);
    }
    QList<StatementLine> march() const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TransactionRepository> m_transactions;
    std::unique_ptr<CategoryRepository> m_categories;
    std::unique_ptr<StatementImportRepository> m_history;
    qint64 m_user = 0;
};

void TestStatementImporter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
    m_user = m_db->createUser(QStringLiteral("ann"));
    QVERIFY(m_user > 0);
    m_transactions = std::make_unique<TransactionRepository>(m_db->database());
    m_categories = std::make_unique<CategoryRepository>(m_db->database());
    m_history = std::make_unique<StatementImportRepository>(m_db->database());
}

void TestStatementImporter::cleanup()
{
    m_history.reset();
    m_categories.reset();
    m_transactions.reset();
    m_db.reset();
}

QList<StatementLine> TestStatementImporter::march() const
{
    QList<StatementLine> lines;
    lines << line(1, QDate(2025, 3, 1), -1230, QStringLiteral("TESCO STORES 3217"), {}, QStringLiteral("T1"));
    lines << line(2, QDate(2025, 3, 2), 250000, QStringLiteral("ACME PAYROLL"), QStringLiteral("Salary March"),
                  QStringLiteral("T2"));
    lines.last().categoryName = QStringLiteral("Income:Salary");
    lines << line(3, QDate(2025, 3, 5), -4599, QStringLiteral("SHELL"), {}, QStringLiteral("T3"));
    StatementLine bad = line(4, {}, 0, {});
    bad.error = QStringLiteral("Line 4: the date “31/02/2025” does not exist.");
    lines << bad;
    lines << line(5, QDate(2025, 3, 9), 0, QStringLiteral("INFO"), {}, QStringLiteral("T5"));
    return lines;
}

void TestStatementImporter::previewStagesCategorizesAndCounts()
{
    auto preview = importer(m_user).preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(preview);
    QCOMPARE(preview->counts.total, 5);
    QCOMPARE(preview->counts.fresh, 3);
    QCOMPARE(preview->counts.errors, 2);
    QCOMPARE(preview->counts.included, 3);
    QCOMPARE(preview->from, QDate(2025, 3, 1));
    QCOMPARE(preview->to, QDate(2025, 3, 9));
    QVERIFY(!preview->earlierImport);
    QCOMPARE(preview->info.accountId, QStringLiteral("FR76"));

    auto rows = preview->staging->page(0, 10);
    MONIAGENT_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 5);
    const Transaction& tesco = rows->at(0).transaction;
    QCOMPARE(tesco.type, TransactionType::Expense);
    QCOMPARE(tesco.amount, Money::fromMinor(1230, u"EUR"));
    QCOMPARE(tesco.merchant, QStringLiteral("TESCO STORES 3217"));
    QCOMPARE(tesco.externalId, QStringLiteral("FR76/T1")); // bank ids are per account
    // The file's own category, matched by its most specific part, counts as the user's choice.
    const Transaction& salary = rows->at(1).transaction;
    QCOMPARE(salary.type, TransactionType::Income);
    QCOMPARE(salary.categoryId, std::optional<qint64>(m_db->categoryId(m_user, QStringLiteral("Salary"))));
    QCOMPARE(salary.categorizedBy, CategorizedBy::User);
    QVERIFY(salary.confirmedByUser);
    QCOMPARE(rows->at(3).status, ImportRowStatus::Error);
    QCOMPARE(rows->at(3).error, QStringLiteral("Line 4: the date “31/02/2025” does not exist."));
    QVERIFY(!rows->at(3).included);
    QCOMPARE(rows->at(4).status, ImportRowStatus::Error); // zero amount
    QVERIFY(rows->at(4).error.contains(u"no amount"));
    // Paging by status.
    auto errors = preview->staging->page(0, 10, ImportRowStatus::Error);
    QCOMPARE(errors->size(), 2);
    auto net = preview->staging->includedNet();
    MONIAGENT_VERIFY_OK(net);
    QCOMPARE(net->size(), 1);
    QCOMPARE(net->first().second, 250000 - 1230 - 4599);
    // Nothing is written by a preview.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 0);
}

void TestStatementImporter::applyWritesAllWithHistory()
{
    QSignalSpy inserted(m_transactions.get(), &TransactionRepository::inserted);
    StatementImporter imp = importer(m_user);
    auto preview = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(preview);
    auto applied = imp.apply(*preview);
    MONIAGENT_VERIFY_OK(applied);
    QCOMPARE(applied->added, 3);
    QCOMPARE(applied->linked, 0);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions WHERE user_id = ? AND source = 'import' "
                                         "AND json_extract(source_metadata, '$.import') = ?"),
                          {m_user, preview->uuid}),
             3);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT amount_minor FROM transactions WHERE external_id = 'FR76/T3'")), 4599);
    auto history = m_history->list(m_user);
    MONIAGENT_VERIFY_OK(history);
    QCOMPARE(history->size(), 1);
    const StatementImport& record = history->first();
    QCOMPARE(record.id, applied->importId);
    QCOMPARE(record.fileName, QStringLiteral("march.ofx"));
    QCOMPARE(record.format, QStringLiteral("ofx"));
    QCOMPARE(record.rowsTotal, 5);
    QCOMPARE(record.rowsAdded, 3);
    QCOMPARE(record.rowsSkipped, 2);
    QCOMPARE(record.dateFrom, QDate(2025, 3, 1));
    QVERIFY(!record.isUndone());
}

void TestStatementImporter::reimportFindsDuplicates()
{
    StatementImporter imp = importer(m_user);
    auto first = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(imp.apply(*first));
    auto second = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(second);
    QVERIFY(second->earlierImport);
    QCOMPARE(second->earlierImport->fileName, QStringLiteral("march.ofx"));
    QCOMPARE(second->counts.duplicates, 3);
    QCOMPARE(second->counts.included, 0);
    auto rows = second->staging->page(0, 10, ImportRowStatus::Duplicate);
    QVERIFY(rows->first().matchId.has_value());
    QVERIFY(!rows->first().matchText.isEmpty());
    auto applied = imp.apply(*second);
    MONIAGENT_VERIFY_OK(applied);
    QCOMPARE(applied->added, 0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 3);

    // The bank re-dated a line months later: its id still makes it the same line, and the import does not fail.
    QList<StatementLine> redated;
    redated << line(1, QDate(2025, 9, 1), -1230, QStringLiteral("TESCO STORES 3217"), {}, QStringLiteral("T1"))
            << line(2, QDate(2025, 9, 2), -700, QStringLiteral("NEW SHOP"), {}, QStringLiteral("T9"));
    auto later = imp.preview(source(QStringLiteral("september.ofx"), redated), {});
    MONIAGENT_VERIFY_OK(later);
    QCOMPARE(later->counts.duplicates, 1);
    QCOMPARE(later->counts.fresh, 1);
    auto laterApplied = imp.apply(*later);
    MONIAGENT_VERIFY_OK(laterApplied);
    QCOMPARE(laterApplied->added, 1);

    // A file without bank ids (a CSV export) gets computed ids: the same file again is all duplicates too.
    QList<StatementLine> csv;
    csv << line(1, QDate(2025, 4, 1), -500, QStringLiteral("BAKERY"))
        << line(2, QDate(2025, 4, 1), -500, QStringLiteral("BAKERY"));
    auto a = imp.preview(source(QStringLiteral("april.csv"), csv), {});
    MONIAGENT_VERIFY_OK(a);
    QCOMPARE(a->counts.fresh, 2); // two coffees on one day are two transactions
    MONIAGENT_VERIFY_OK(imp.apply(*a));
    auto b = imp.preview(source(QStringLiteral("april.csv"), csv), {});
    QCOMPARE(b->counts.duplicates, 2);
    QCOMPARE(b->counts.fresh, 0);
}

void TestStatementImporter::sameLineTwiceInOneFile()
{
    QList<StatementLine> lines;
    lines << line(1, QDate(2025, 3, 1), -100, QStringLiteral("A"), {}, QStringLiteral("X"))
          << line(2, QDate(2025, 3, 1), -100, QStringLiteral("A"), {}, QStringLiteral("X"));
    auto preview = importer(m_user).preview(source(QStringLiteral("x.ofx"), lines), {});
    MONIAGENT_VERIFY_OK(preview);
    QCOMPARE(preview->counts.fresh, 1);
    QCOMPARE(preview->counts.duplicates, 1);
    auto dup = preview->staging->page(0, 1, ImportRowStatus::Duplicate);
    QCOMPARE(dup->first().record, 2);
    MONIAGENT_VERIFY_OK(importer(m_user).apply(*preview)); // the bank's repeated id does not break the import
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 1);
}

void TestStatementImporter::probableMatchIsLinkedNotAdded()
{
    // A receipt scanned on 28 February; the card line is booked on 1 March.
    Transaction receipt = TestDatabase::expense(1230, QStringLiteral("Tesco Extra"), QDate(2025, 2, 28));
    receipt.source = TransactionSource::Image;
    auto receiptId = m_transactions->add(m_user, receipt);
    MONIAGENT_VERIFY_OK(receiptId);
    // Same amount, far away in time: not a match.
    MONIAGENT_VERIFY_OK(
        m_transactions->add(m_user, TestDatabase::expense(4599, QStringLiteral("Shell"), QDate(2025, 1, 2))));
    StatementImporter imp = importer(m_user);
    auto preview = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(preview);
    QCOMPARE(preview->counts.probable, 1);
    QCOMPARE(preview->counts.fresh, 2);
    auto probable = preview->staging->page(0, 5, ImportRowStatus::ProbableMatch);
    QCOMPARE(probable->first().matchId, std::optional<qint64>(*receiptId));
    QVERIFY(probable->first().matchText.contains(u"Tesco Extra"));
    auto applied = imp.apply(*preview);
    MONIAGENT_VERIFY_OK(applied);
    QCOMPARE(applied->added, 2);
    QCOMPARE(applied->linked, 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions WHERE amount_minor = 1230")), 1);
    auto linked = m_transactions->find(m_user, *receiptId);
    QCOMPARE(linked->source, TransactionSource::Image);
    QCOMPARE(linked->sourceMetadata.value(u"statement").toObject().value(u"externalId").toString(),
             QStringLiteral("FR76/T1"));
    // Importing the statement again: the linked line is a duplicate now, not a second match.
    auto again = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    QCOMPARE(again->counts.duplicates, 3);
    QCOMPARE(again->counts.probable, 0);
}

void TestStatementImporter::undoRemovesAndUnlinks()
{
    Transaction receipt = TestDatabase::expense(1230, QStringLiteral("Tesco"), QDate(2025, 3, 1));
    receipt.source = TransactionSource::Image;
    auto receiptId = m_transactions->add(m_user, receipt);
    MONIAGENT_VERIFY_OK(receiptId);
    MONIAGENT_VERIFY_OK(
        m_transactions->add(m_user, TestDatabase::expense(999, QStringLiteral("Manual"), QDate(2025, 3, 3))));
    StatementImporter imp = importer(m_user);
    auto preview = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    auto applied = imp.apply(*preview);
    MONIAGENT_VERIFY_OK(applied);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 4);
    QSignalSpy removed(m_transactions.get(), &TransactionRepository::removed);
    auto undone = imp.undo(applied->importId);
    MONIAGENT_VERIFY_OK(undone);
    QCOMPARE(*undone, 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 2);
    auto unlinked = m_transactions->find(m_user, *receiptId);
    QVERIFY(!unlinked->sourceMetadata.contains(u"statement"));
    QVERIFY(m_history->find(m_user, applied->importId)->isUndone());
    QCOMPARE(imp.undo(applied->importId).error().code, Error::Code::Conflict);
    // Redo writes the same rows again under the same import.
    auto redone = imp.redo(applied->importId, *preview);
    MONIAGENT_VERIFY_OK(redone);
    QCOMPARE(redone->importId, applied->importId);
    QCOMPARE(redone->added, 2);
    QCOMPARE(redone->linked, 1);
    QVERIFY(!m_history->find(m_user, applied->importId)->isUndone());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM statement_imports")), 1);
    QCOMPARE(imp.redo(applied->importId, *preview).error().code, Error::Code::Conflict);
    MONIAGENT_VERIFY_OK(imp.undo(applied->importId));
    // After undo the file is no longer "already imported", and its lines are new again.
    auto again = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    QVERIFY(!again->earlierImport);
    QCOMPARE(again->counts.fresh, 2);
    QCOMPARE(again->counts.probable, 1);
}

void TestStatementImporter::failureLeavesLedgerUntouched()
{
    MONIAGENT_VERIFY_OK(
        m_transactions->add(m_user, TestDatabase::expense(777, QStringLiteral("Before"), QDate(2024, 1, 1))));
    // Many rows, the last one unwritable (a currency the ledger refuses): nothing of the import may remain.
    QList<StatementLine> lines;
    for (int i = 0; i < 9000; ++i)
        lines << line(i + 1, QDate(2025, 1, 1).addDays(i % 300), -(100 + i), QStringLiteral("SHOP %1").arg(i));
    lines.last().amount = Money::fromMinor(-5, u"eu");
    StatementImporter imp = importer(m_user);
    auto preview = imp.preview(source(QStringLiteral("big.csv"), lines), {});
    MONIAGENT_VERIFY_OK(preview);
    auto applied = imp.apply(*preview);
    QVERIFY(!applied.ok());
    QVERIFY(!applied.error().message.isEmpty());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM statement_imports")), 0);
}

void TestStatementImporter::cancelledApplyWritesNothing()
{
    QList<StatementLine> lines;
    for (int i = 0; i < 10000; ++i)
        lines << line(i + 1, QDate(2025, 1, 1).addDays(i % 200), -(100 + i), QStringLiteral("SHOP %1").arg(i));
    StatementImporter imp = importer(m_user);
    auto preview = imp.preview(source(QStringLiteral("big.csv"), lines), {});
    MONIAGENT_VERIFY_OK(preview);
    int calls = 0;
    bool sane = true;
    auto applied = imp.apply(*preview, [&](qint64 done, qint64 total) {
        sane = sane && total == 10000 && done <= total;
        return ++calls < 2;
    });
    QVERIFY(sane);
    QCOMPARE(applied.error().code, Error::Code::Cancelled);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 0);
    // The same preview can be applied afterwards.
    auto again = imp.apply(*preview);
    MONIAGENT_VERIFY_OK(again);
    QCOMPARE(again->added, 10000);
}

void TestStatementImporter::excludedAndEditedRows()
{
    StatementImporter imp = importer(m_user);
    auto preview = imp.preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(preview);
    const qint64 fuel = m_db->categoryId(m_user, QStringLiteral("Transport & Car"));
    QVERIFY(fuel > 0);
    MONIAGENT_VERIFY_OK(preview->staging->setIncluded({1}, false));
    MONIAGENT_VERIFY_OK(preview->staging->setIncluded({4}, true)); // an unreadable row cannot be included
    MONIAGENT_VERIFY_OK(preview->staging->setCategory({3}, fuel));
    QCOMPARE(preview->staging->counts()->included, 2);
    QCOMPARE(preview->staging->counts()->includedNew, 2);
    // All of one status at once; unreadable rows stay out.
    MONIAGENT_VERIFY_OK(preview->staging->setAllIncluded(ImportRowStatus::New, false));
    QCOMPARE(preview->staging->counts()->included, 0);
    MONIAGENT_VERIFY_OK(preview->staging->setAllIncluded(std::nullopt, true));
    QCOMPARE(preview->staging->counts()->included, 3);
    MONIAGENT_VERIFY_OK(preview->staging->setIncluded({1}, false));
    MONIAGENT_VERIFY_OK(imp.apply(*preview));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM transactions")), 2);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT category_id FROM transactions WHERE external_id = 'FR76/T3'")), fuel);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT confirmed_by_user FROM transactions WHERE external_id = 'FR76/T3'")),
             1);
}

void TestStatementImporter::splitLinesBecomeOneRowEach()
{
    StatementLine split = line(1, QDate(2025, 5, 1), -5000, QStringLiteral("SUPERMARKET"), {}, QStringLiteral("S1"));
    split.splits << StatementSplit {QStringLiteral("Groceries"), QStringLiteral("food"),
                                    Money::fromMinor(-3500, u"EUR")}
                 << StatementSplit {QStringLiteral("Household"), {}, Money::fromMinor(-1500, u"EUR")};
    auto preview = importer(m_user).preview(source(QStringLiteral("s.qif"), {split}), {});
    MONIAGENT_VERIFY_OK(preview);
    auto rows = preview->staging->page(0, 10);
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).transaction.amount.minor(), 3500);
    QCOMPARE(rows->at(0).transaction.description, QStringLiteral("food"));
    QCOMPARE(rows->at(0).transaction.categoryId,
             std::optional<qint64>(m_db->categoryId(m_user, QStringLiteral("Groceries"))));
    QCOMPARE(rows->at(1).transaction.amount.minor(), 1500);
    QCOMPARE(rows->at(1).transaction.externalId, QStringLiteral("FR76/S1#2"));
}

void TestStatementImporter::otherUsersRowsAreNotDuplicates()
{
    const qint64 bob = m_db->createUser(QStringLiteral("bob"));
    StatementImporter forBob = importer(bob);
    auto bobs = forBob.preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(forBob.apply(*bobs));
    auto anns = importer(m_user).preview(source(QStringLiteral("march.ofx"), march()), {});
    MONIAGENT_VERIFY_OK(anns);
    QVERIFY(!anns->earlierImport);
    QCOMPARE(anns->counts.fresh, 3);
    QCOMPARE(anns->counts.duplicates, 0);
    // Ann cannot undo Bob's import.
    QCOMPARE(importer(m_user).undo(m_history->list(bob)->first().id).error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestStatementImporter)
#include "tst_statementimporter.moc"
