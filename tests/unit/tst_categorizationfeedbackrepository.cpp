#include "db/categorizationfeedbackrepository.h"
#include "db/categoryrepository.h"
#include "db/sql.h"
#include "db/transactionrepository.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

using namespace Moniagent;

// Categorization feedback: round trips, validation, listing and counting, the schema's checks, cascades and
// user scoping.
class TestCategorizationFeedbackRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addAndList();
    void validation();
    void listAndCount();
    void schemaRefusesBadRows_data();
    void schemaRefusesBadRows();
    void foreignKeyActions();
    void userScoping();

private:
    qint64 addTransaction(qint64 userId);
    CategorizationFeedback feedback(qint64 transactionId, FeedbackType type = FeedbackType::Correction) const;
    qint64 count(const QString& sql, const QVariantList& params = {}) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<CategorizationFeedbackRepository> m_feedback;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    qint64 m_groceries = 0;
    qint64 m_dining = 0;
    const QDateTime m_t0 = QDateTime(QDate(2020, 3, 1), QTime(8, 30), Qt::UTC); // in the past: "now" sorts after it
};

void TestCategorizationFeedbackRepository::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_groceries = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    m_dining = m_db->categoryId(m_alice, QStringLiteral("Dining & Drinks"));
    m_feedback = std::make_unique<CategorizationFeedbackRepository>(m_db->database());
}

void TestCategorizationFeedbackRepository::cleanup()
{
    m_feedback.reset();
    m_db.reset();
}

qint64 TestCategorizationFeedbackRepository::addTransaction(qint64 userId)
{
    TransactionRepository transactions(m_db->database());
    auto id
        = transactions.add(userId, Test::TestDatabase::expense(850, QStringLiteral("Café Rot"), QDate(2026, 2, 27)));
    return id ? *id : 0;
}

// Alice's correction of a Groceries suggestion to Dining & Drinks.
CategorizationFeedback TestCategorizationFeedbackRepository::feedback(qint64 transactionId, FeedbackType type) const
{
    CategorizationFeedback f;
    f.transactionId = transactionId;
    f.suggestedCategoryId = m_groceries;
    f.confirmedCategoryId = type == FeedbackType::Correction ? m_dining : m_groceries;
    f.confidenceScore = 0.62;
    f.type = type;
    return f;
}

qint64 TestCategorizationFeedbackRepository::count(const QString& sql, const QVariantList& params) const
{
    auto value = Sql::scalar(m_db->database()->connection(), sql, params);
    return value ? value->toLongLong() : -1;
}

void TestCategorizationFeedbackRepository::addAndList()
{
    const qint64 transaction = addTransaction(m_alice);
    QVERIFY(transaction);
    QSignalSpy changed(m_feedback.get(), &CategorizationFeedbackRepository::changed);
    CategorizationFeedback in = feedback(transaction);
    in.createdAt = m_t0;
    auto id = m_feedback->add(m_alice, in);
    MONIAGENT_VERIFY_OK(id);
    QCOMPARE(changed.count(), 1);

    auto list = m_feedback->listForTransaction(m_alice, transaction);
    MONIAGENT_VERIFY_OK(list);
    QCOMPARE(list->size(), 1);
    const CategorizationFeedback& out = list->first();
    QCOMPARE(out.id, *id);
    QCOMPARE(out.userId, m_alice);
    QCOMPARE(out.transactionId, transaction);
    QCOMPARE(out.suggestedCategoryId, std::optional<qint64>(m_groceries));
    QCOMPARE(out.confirmedCategoryId, std::optional<qint64>(m_dining));
    QCOMPARE(out.confidenceScore, std::optional<double>(0.62));
    QCOMPARE(out.type, FeedbackType::Correction);
    QCOMPARE(out.createdAt, m_t0);

    // Without suggestion or confidence (the user categorized by hand), and stamped now when no time is given.
    CategorizationFeedback manual;
    manual.transactionId = transaction;
    manual.confirmedCategoryId = m_dining;
    manual.type = FeedbackType::Confirmation;
    MONIAGENT_VERIFY_OK(m_feedback->add(m_alice, manual));
    list = m_feedback->listForTransaction(m_alice, transaction);
    QCOMPARE(list->size(), 2);
    QVERIFY(!list->at(1).suggestedCategoryId && !list->at(1).confidenceScore);
    QVERIFY(list->at(1).createdAt > m_t0);
}

void TestCategorizationFeedbackRepository::validation()
{
    const qint64 transaction = addTransaction(m_alice);
    CategorizationFeedback f = feedback(transaction);
    f.confidenceScore = 1.2;
    QCOMPARE(m_feedback->add(m_alice, f).error().message,
             QStringLiteral("The suggestion's confidence must be between 0 and 1."));
    f.confidenceScore = -0.1;
    QCOMPARE(m_feedback->add(m_alice, f).error().code, Error::Code::InvalidInput);
    f = feedback(transaction);
    f.type = FeedbackType(3);
    QCOMPARE(m_feedback->add(m_alice, f).error().message,
             QStringLiteral("Say whether the category was confirmed or corrected."));
    f = feedback(987654);
    auto missing = m_feedback->add(m_alice, f);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QCOMPARE(missing.error().message, QStringLiteral("The transaction no longer exists."));
    f = feedback(transaction);
    f.confirmedCategoryId = 987654;
    QCOMPARE(m_feedback->add(m_alice, f).error().message,
             QStringLiteral("The category no longer exists. Choose another category."));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM categorization_feedback")), qint64(0));
}

void TestCategorizationFeedbackRepository::listAndCount()
{
    const qint64 first = addTransaction(m_alice);
    const qint64 second = addTransaction(m_alice);
    QList<qint64> ids;
    for (int day = 0; day < 5; ++day) {
        CategorizationFeedback f = feedback(day % 2 ? second : first, FeedbackType::Confirmation);
        f.createdAt = m_t0.addDays(day);
        ids << *m_feedback->add(m_alice, f);
    }

    auto newest = m_feedback->list(m_alice, 3);
    MONIAGENT_VERIFY_OK(newest);
    QCOMPARE(newest->size(), 3);
    QCOMPARE(newest->at(0).id, ids.at(4));
    QCOMPARE(newest->at(2).id, ids.at(2));
    QCOMPARE(m_feedback->list(m_alice, 0)->size(), 5);
    QCOMPARE(m_feedback->listForTransaction(m_alice, second)->size(), 2);
    QCOMPARE(m_feedback->listForTransaction(m_alice, first)->first().id, ids.at(0)); // oldest first

    QCOMPARE(*m_feedback->countSince(m_alice, m_t0), qint64(5));
    QCOMPARE(*m_feedback->countSince(m_alice, m_t0.addDays(3)), qint64(2)); // inclusive
    QCOMPARE(*m_feedback->countSince(m_alice, m_t0.addDays(3).addMSecs(1)), qint64(1));
    QCOMPARE(*m_feedback->countSince(m_alice, m_t0.addDays(10)), qint64(0));
    // A local time is compared as the same instant in UTC.
    QCOMPARE(*m_feedback->countSince(m_alice, m_t0.addDays(3).toOffsetFromUtc(5 * 3600)), qint64(2));
    QVERIFY(!m_feedback->countSince(m_alice, QDateTime()));
}

void TestCategorizationFeedbackRepository::schemaRefusesBadRows_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("control") << QStringLiteral("confidence_score") << QVariant(1.0) << true;
    QTest::newRow("confidence above") << QStringLiteral("confidence_score") << QVariant(1.01) << false;
    QTest::newRow("confidence below") << QStringLiteral("confidence_score") << QVariant(-0.2) << false;
    QTest::newRow("bad type") << QStringLiteral("feedback_type") << QVariant(QStringLiteral("rejection")) << false;
    QTest::newRow("no transaction") << QStringLiteral("transaction_id") << QVariant(987654) << false;
}

void TestCategorizationFeedbackRepository::schemaRefusesBadRows()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    const qint64 transaction = addTransaction(m_alice);
    const qint64 id = *m_feedback->add(m_alice, feedback(transaction));
    auto result
        = Sql::exec(m_db->database()->connection(),
                    QStringLiteral("UPDATE categorization_feedback SET %1 = ? WHERE id = ?").arg(column), {value, id});
    QCOMPARE(result.ok(), accepted);
    if (!accepted)
        QCOMPARE(result.error().code, Error::Code::Conflict);
    // Feedback on another user's transaction is refused by the schema's trigger.
    const qint64 bobs = addTransaction(m_bob);
    auto foreign = Sql::exec(m_db->database()->connection(),
                             QStringLiteral("INSERT INTO categorization_feedback (user_id, transaction_id, "
                                            "feedback_type) VALUES (?, ?, 'confirmation')"),
                             {m_alice, bobs});
    QVERIFY(!foreign);
}

void TestCategorizationFeedbackRepository::foreignKeyActions()
{
    const qint64 doomed = addTransaction(m_alice);
    const qint64 kept = addTransaction(m_alice);
    QVERIFY(m_feedback->add(m_alice, feedback(doomed)));
    QVERIFY(m_feedback->add(m_alice, feedback(doomed, FeedbackType::Confirmation)));
    QVERIFY(m_feedback->add(m_alice, feedback(kept)));

    // Deleting a transaction deletes its feedback.
    TransactionRepository transactions(m_db->database());
    QVERIFY(transactions.remove(m_alice, {doomed}));
    QCOMPARE(m_feedback->listForTransaction(m_alice, doomed)->size(), 0);
    QCOMPARE(m_feedback->list(m_alice)->size(), 1);

    // Deleting a category keeps the feedback and forgets the category (ON DELETE SET NULL).
    CategoryRepository categories(m_db->database());
    Category snacks;
    snacks.name = QStringLiteral("Snacks");
    const qint64 snackId = *categories.add(m_alice, snacks);
    CategorizationFeedback f = feedback(kept);
    f.suggestedCategoryId = snackId;
    const qint64 withSnacks = *m_feedback->add(m_alice, f);
    QVERIFY(categories.remove(m_alice, snackId));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM categorization_feedback WHERE id = ? AND "
                                  "suggested_category_id IS NULL AND confirmed_category_id = ?"),
                   {withSnacks, m_dining}),
             qint64(1));

    // Deleting the user deletes everything; bob's feedback stays.
    const qint64 bobsTransaction = addTransaction(m_bob);
    CategorizationFeedback bobs;
    bobs.transactionId = bobsTransaction;
    QVERIFY(m_feedback->add(m_bob, bobs));
    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("DELETE FROM users WHERE id = ?"), {m_alice}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM categorization_feedback")), qint64(1));
    QCOMPARE(m_feedback->list(m_bob)->size(), 1);
}

void TestCategorizationFeedbackRepository::userScoping()
{
    const qint64 alices = addTransaction(m_alice);
    const qint64 bobs = addTransaction(m_bob);
    QVERIFY(m_feedback->add(m_alice, feedback(alices)));

    // Bob can neither write feedback on alice's transaction nor name alice's categories.
    CategorizationFeedback onAlices;
    onAlices.transactionId = alices;
    QCOMPARE(m_feedback->add(m_bob, onAlices).error().code, Error::Code::NotFound);
    CategorizationFeedback withAlicesCategory;
    withAlicesCategory.transactionId = bobs;
    withAlicesCategory.confirmedCategoryId = m_groceries;
    QCOMPARE(m_feedback->add(m_bob, withAlicesCategory).error().code, Error::Code::InvalidInput);

    // Nor read hers.
    QCOMPARE(m_feedback->listForTransaction(m_bob, alices)->size(), 0);
    QCOMPARE(m_feedback->list(m_bob)->size(), 0);
    QCOMPARE(*m_feedback->countSince(m_bob, m_t0.addYears(-1)), qint64(0));
    QCOMPARE(m_feedback->list(m_alice)->size(), 1);
}

QTEST_GUILESS_MAIN(TestCategorizationFeedbackRepository)
#include "tst_categorizationfeedbackrepository.moc"
