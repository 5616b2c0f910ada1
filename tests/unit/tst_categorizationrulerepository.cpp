#include "db/categorizationrulerepository.h"
#include "db/categoryrepository.h"
#include "db/sql.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace Moniagent;

// Categorization rules: round trips, validation (regex syntax included), matching order, counters, unique
// keys, the schema's checks, cascades and user scoping.
class TestCategorizationRuleRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addAndFind();
    void validation_data();
    void validation();
    void categoryMustBeTheUsers();
    void duplicatePattern();
    void updateKeepsHits();
    void listOrder();
    void activeAndHits();
    void schemaRefusesBadRows_data();
    void schemaRefusesBadRows();
    void deletingCategoryDeletesRules();
    void userScoping();

private:
    CategorizationRule rule(const QString& pattern, RuleType type = RuleType::Keyword, int priority = 0) const;
    qint64 count(const QString& sql, const QVariantList& params = {}) const;

    std::unique_ptr<Test::TestDatabase> m_db;
    std::unique_ptr<CategorizationRuleRepository> m_rules;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

void TestCategorizationRuleRepository::init()
{
    m_db = std::make_unique<Test::TestDatabase>();
    QVERIFY(m_db->isValid());
    m_alice = m_db->createUser(QStringLiteral("alice"));
    m_bob = m_db->createUser(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_rules = std::make_unique<CategorizationRuleRepository>(m_db->database());
}

void TestCategorizationRuleRepository::cleanup()
{
    m_rules.reset();
    m_db.reset();
}

// A rule of alice's for Groceries.
CategorizationRule TestCategorizationRuleRepository::rule(const QString& pattern, RuleType type, int priority) const
{
    CategorizationRule r;
    r.categoryId = m_db->categoryId(m_alice, QStringLiteral("Groceries"));
    r.pattern = pattern;
    r.type = type;
    r.priority = priority;
    return r;
}

qint64 TestCategorizationRuleRepository::count(const QString& sql, const QVariantList& params) const
{
    auto value = Sql::scalar(m_db->database()->connection(), sql, params);
    return value ? value->toLongLong() : -1;
}

void TestCategorizationRuleRepository::addAndFind()
{
    QSignalSpy changed(m_rules.get(), &CategorizationRuleRepository::changed);
    CategorizationRule in = rule(QStringLiteral("  REWE  "), RuleType::Keyword, 5);
    in.confidenceThreshold = 0.75;
    in.origin = RuleOrigin::Learned;
    in.isActive = false;
    auto id = m_rules->add(m_alice, in);
    MONIAGENT_VERIFY_OK(id);
    QCOMPARE(changed.count(), 1);

    auto out = m_rules->find(m_alice, *id);
    MONIAGENT_VERIFY_OK(out);
    QCOMPARE(out->userId, m_alice);
    QCOMPARE(out->categoryId, in.categoryId);
    QCOMPARE(out->pattern, QStringLiteral("REWE")); // keywords are stored trimmed
    QCOMPARE(out->type, RuleType::Keyword);
    QCOMPARE(out->confidenceThreshold, 0.75);
    QCOMPARE(out->priority, 5);
    QCOMPARE(out->isActive, false);
    QCOMPARE(out->origin, RuleOrigin::Learned);
    QCOMPARE(out->hitCount, qint64(0));
    QVERIFY(out->createdAt.isValid());

    // A regular expression is kept exactly as written.
    auto regex = m_rules->add(m_alice, rule(QStringLiteral("^ALDI (SUED|NORD) "), RuleType::Regex));
    MONIAGENT_VERIFY_OK(regex);
    QCOMPARE(m_rules->find(m_alice, *regex)->pattern, QStringLiteral("^ALDI (SUED|NORD) "));

    MONIAGENT_VERIFY_OK(m_rules->remove(m_alice, *id));
    QCOMPARE(m_rules->find(m_alice, *id).error().code, Error::Code::NotFound);
    QCOMPARE(m_rules->remove(m_alice, *id).error().code, Error::Code::NotFound);
}

void TestCategorizationRuleRepository::validation_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("message");
    const int keyword = int(RuleType::Keyword);
    const int regex = int(RuleType::Regex);
    const QString enterPattern = QStringLiteral("Enter the store name or text the rule should match.");
    QTest::newRow("empty") << QString() << keyword << 0.0 << enterPattern;
    QTest::newRow("blank") << QStringLiteral(" \t ") << keyword << 0.0 << enterPattern;
    QTest::newRow("blank regex") << QStringLiteral("  ") << regex << 0.0 << enterPattern;
    QTest::newRow("unbalanced regex")
        << QStringLiteral("ALDI (SUED") << regex << 0.0
        << QStringLiteral("“ALDI (SUED” is not a valid regular expression: %1 (at character %2).")
               .arg(QRegularExpression(QStringLiteral("ALDI (SUED")).errorString())
               .arg(QRegularExpression(QStringLiteral("ALDI (SUED")).patternErrorOffset() + 1);
    QTest::newRow("dangling quantifier")
        << QStringLiteral("*REWE") << regex << 0.0
        << QStringLiteral("“*REWE” is not a valid regular expression: %1 (at character %2).")
               .arg(QRegularExpression(QStringLiteral("*REWE")).errorString())
               .arg(QRegularExpression(QStringLiteral("*REWE")).patternErrorOffset() + 1);
    const QString threshold = QStringLiteral("The rule's confidence threshold must be between 0 % and 100 %.");
    QTest::newRow("threshold above") << QStringLiteral("REWE") << keyword << 1.5 << threshold;
    QTest::newRow("threshold below") << QStringLiteral("REWE") << keyword << -0.5 << threshold;
    QTest::newRow("threshold nan") << QStringLiteral("REWE") << keyword << std::numeric_limits<double>::quiet_NaN()
                                   << threshold;
    QTest::newRow("bad type") << QStringLiteral("REWE") << 9 << 0.0
                              << QStringLiteral("Choose how the rule matches store names.");
    QTest::newRow("too long") << QString(1025, u'x') << keyword << 0.0
                              << QStringLiteral("The pattern is too long (at most 1024 characters).");
}

void TestCategorizationRuleRepository::validation()
{
    QFETCH(QString, pattern);
    QFETCH(int, type);
    QFETCH(double, threshold);
    QFETCH(QString, message);
    CategorizationRule r = rule(pattern, RuleType(type));
    r.confidenceThreshold = threshold;
    auto id = m_rules->add(m_alice, r);
    QVERIFY(!id);
    QCOMPARE(id.error().code, Error::Code::InvalidInput);
    QCOMPARE(id.error().message, message);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM expense_categorization_rules")), qint64(0));

    const qint64 existing = *m_rules->add(m_alice, rule(QStringLiteral("EDEKA")));
    r.id = existing;
    QCOMPARE(m_rules->update(m_alice, r).error().message, message);
    QCOMPARE(m_rules->find(m_alice, existing)->pattern, QStringLiteral("EDEKA"));
}

void TestCategorizationRuleRepository::categoryMustBeTheUsers()
{
    CategorizationRule r = rule(QStringLiteral("REWE"));
    r.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    auto refused = m_rules->add(m_alice, r);
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, QStringLiteral("The rule's category no longer exists. Choose another category."));
    r.categoryId = 0;
    QCOMPARE(m_rules->add(m_alice, r).error().code, Error::Code::InvalidInput);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM expense_categorization_rules")), qint64(0));
}

void TestCategorizationRuleRepository::duplicatePattern()
{
    QVERIFY(m_rules->add(m_alice, rule(QStringLiteral("REWE"))));
    auto keyword = m_rules->add(m_alice, rule(QStringLiteral(" REWE ")));
    QVERIFY(!keyword);
    QCOMPARE(keyword.error().code, Error::Code::Conflict);
    QCOMPARE(keyword.error().message,
             QStringLiteral("There is already a rule for names containing “REWE”. Edit that rule instead."));

    // The same text with another type is a different rule.
    QVERIFY(m_rules->add(m_alice, rule(QStringLiteral("REWE"), RuleType::ExactMatch)));
    QCOMPARE(m_rules->add(m_alice, rule(QStringLiteral("REWE"), RuleType::ExactMatch)).error().message,
             QStringLiteral("There is already an exact-name rule for “REWE”. Edit that rule instead."));
    QVERIFY(m_rules->add(m_alice, rule(QStringLiteral("^REWE"), RuleType::Regex)));
    QCOMPARE(m_rules->add(m_alice, rule(QStringLiteral("^REWE"), RuleType::Regex)).error().message,
             QStringLiteral("There is already a rule with the regular expression “^REWE”. Edit that rule instead."));

    // Updating a rule into an existing one is refused the same way; bob has his own keys.
    const qint64 other = *m_rules->add(m_alice, rule(QStringLiteral("EDEKA")));
    CategorizationRule moved = *m_rules->find(m_alice, other);
    moved.pattern = QStringLiteral("REWE");
    QCOMPARE(m_rules->update(m_alice, moved).error().code, Error::Code::Conflict);
    CategorizationRule bobs = rule(QStringLiteral("REWE"));
    bobs.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    QVERIFY(m_rules->add(m_bob, bobs));
}

void TestCategorizationRuleRepository::updateKeepsHits()
{
    const qint64 id = *m_rules->add(m_alice, rule(QStringLiteral("REWE")));
    QVERIFY(m_rules->incrementHits(m_alice, id, 3));
    CategorizationRule r = *m_rules->find(m_alice, id);
    r.pattern = QStringLiteral("rewe city");
    r.type = RuleType::ExactMatch;
    r.categoryId = m_db->categoryId(m_alice, QStringLiteral("Dining & Drinks"));
    r.confidenceThreshold = 1.0;
    r.priority = -2;
    r.isActive = false;
    r.origin = RuleOrigin::Learned;
    r.hitCount = 0; // ignored: the counter is the categorizer's
    MONIAGENT_VERIFY_OK(m_rules->update(m_alice, r));
    CategorizationRule stored = *m_rules->find(m_alice, id);
    QCOMPARE(stored.pattern, QStringLiteral("rewe city"));
    QCOMPARE(stored.type, RuleType::ExactMatch);
    QCOMPARE(stored.categoryId, r.categoryId);
    QCOMPARE(stored.confidenceThreshold, 1.0);
    QCOMPARE(stored.priority, -2);
    QCOMPARE(stored.isActive, false);
    QCOMPARE(stored.origin, RuleOrigin::Learned);
    QCOMPARE(stored.hitCount, qint64(3));
    r.id = id + 100;
    QCOMPARE(m_rules->update(m_alice, r).error().code, Error::Code::NotFound);
}

void TestCategorizationRuleRepository::listOrder()
{
    const qint64 keywordLow = *m_rules->add(m_alice, rule(QStringLiteral("MARKT"), RuleType::Keyword, 1));
    const qint64 regexHigh = *m_rules->add(m_alice, rule(QStringLiteral("^LIDL"), RuleType::Regex, 9));
    const qint64 exactLow = *m_rules->add(m_alice, rule(QStringLiteral("REWE"), RuleType::ExactMatch, 0));
    const qint64 keywordHigh = *m_rules->add(m_alice, rule(QStringLiteral("BIO"), RuleType::Keyword, 7));
    const qint64 exactHigh = *m_rules->add(m_alice, rule(QStringLiteral("EDEKA"), RuleType::ExactMatch, 3));
    const qint64 keywordLowToo = *m_rules->add(m_alice, rule(QStringLiteral("SHOP"), RuleType::Keyword, 1));
    const qint64 regexLow = *m_rules->add(m_alice, rule(QStringLiteral("PENNY$"), RuleType::Regex, -1));
    CategorizationRule bobs = rule(QStringLiteral("ALDI"), RuleType::ExactMatch, 100);
    bobs.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    QVERIFY(m_rules->add(m_bob, bobs));

    auto ids = [](const QList<CategorizationRule>& rules) {
        QList<qint64> result;
        for (const CategorizationRule& r : rules)
            result << r.id;
        return result;
    };
    QCOMPARE(ids(*m_rules->list(m_alice)),
             (QList<qint64> {exactHigh, exactLow, regexHigh, regexLow, keywordHigh, keywordLow, keywordLowToo}));
    QVERIFY(m_rules->setActive(m_alice, exactLow, false));
    QVERIFY(m_rules->setActive(m_alice, keywordLow, false));
    QCOMPARE(ids(*m_rules->list(m_alice, true)),
             (QList<qint64> {exactHigh, regexHigh, regexLow, keywordHigh, keywordLowToo}));
}

void TestCategorizationRuleRepository::activeAndHits()
{
    const qint64 id = *m_rules->add(m_alice, rule(QStringLiteral("REWE")));
    QSignalSpy changed(m_rules.get(), &CategorizationRuleRepository::changed);
    MONIAGENT_VERIFY_OK(m_rules->setActive(m_alice, id, false));
    QCOMPARE(m_rules->find(m_alice, id)->isActive, false);
    MONIAGENT_VERIFY_OK(m_rules->setActive(m_alice, id, true));
    QCOMPARE(m_rules->find(m_alice, id)->isActive, true);
    MONIAGENT_VERIFY_OK(m_rules->incrementHits(m_alice, id));
    MONIAGENT_VERIFY_OK(m_rules->incrementHits(m_alice, id, 10));
    QCOMPARE(m_rules->find(m_alice, id)->hitCount, qint64(11));
    QCOMPARE(changed.count(), 4);
    QCOMPARE(m_rules->incrementHits(m_alice, id, -1).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_rules->incrementHits(m_alice, id + 1, 1).error().code, Error::Code::NotFound);
    QCOMPARE(m_rules->setActive(m_alice, id + 1, false).error().code, Error::Code::NotFound);
    QCOMPARE(m_rules->find(m_alice, id)->hitCount, qint64(11));
}

void TestCategorizationRuleRepository::schemaRefusesBadRows_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("control") << QStringLiteral("priority") << QVariant(-3) << true;
    QTest::newRow("blank pattern") << QStringLiteral("store_name_pattern") << QVariant(QStringLiteral("   ")) << false;
    QTest::newRow("bad type") << QStringLiteral("rule_type") << QVariant(QStringLiteral("fuzzy")) << false;
    QTest::newRow("threshold above") << QStringLiteral("confidence_threshold") << QVariant(2.0) << false;
    QTest::newRow("threshold below") << QStringLiteral("confidence_threshold") << QVariant(-1.0) << false;
    QTest::newRow("active 2") << QStringLiteral("is_active") << QVariant(2) << false;
    QTest::newRow("bad origin") << QStringLiteral("origin") << QVariant(QStringLiteral("llm")) << false;
    QTest::newRow("negative hits") << QStringLiteral("hit_count") << QVariant(-1) << false;
}

void TestCategorizationRuleRepository::schemaRefusesBadRows()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    const qint64 id = *m_rules->add(m_alice, rule(QStringLiteral("REWE")));
    auto result = Sql::exec(m_db->database()->connection(),
                            QStringLiteral("UPDATE expense_categorization_rules SET %1 = ? WHERE id = ?").arg(column),
                            {value, id});
    QCOMPARE(result.ok(), accepted);
    if (!accepted)
        QCOMPARE(result.error().code, Error::Code::Conflict);
    // A rule pointing at another user's category is refused by the schema's trigger.
    auto foreign = Sql::exec(m_db->database()->connection(),
                             QStringLiteral("UPDATE expense_categorization_rules SET category_id = ? WHERE id = ?"),
                             {m_db->categoryId(m_bob, QStringLiteral("Groceries")), id});
    QVERIFY(!foreign);
}

void TestCategorizationRuleRepository::deletingCategoryDeletesRules()
{
    CategoryRepository categories(m_db->database());
    Category horses;
    horses.name = QStringLiteral("Horses");
    const qint64 category = *categories.add(m_alice, horses);
    CategorizationRule r = rule(QStringLiteral("STABLE"));
    r.categoryId = category;
    const qint64 doomed = *m_rules->add(m_alice, r);
    r.pattern = QStringLiteral("^HAY ");
    r.type = RuleType::Regex;
    QVERIFY(m_rules->add(m_alice, r));
    const qint64 kept = *m_rules->add(m_alice, rule(QStringLiteral("REWE")));

    QVERIFY(categories.remove(m_alice, category));
    QCOMPARE(m_rules->find(m_alice, doomed).error().code, Error::Code::NotFound);
    QCOMPARE(m_rules->list(m_alice)->size(), 1);
    QVERIFY(m_rules->find(m_alice, kept));

    QVERIFY(Sql::exec(m_db->database()->connection(), QStringLiteral("DELETE FROM users WHERE id = ?"), {m_alice}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM expense_categorization_rules")), qint64(0));
}

void TestCategorizationRuleRepository::userScoping()
{
    const qint64 alices = *m_rules->add(m_alice, rule(QStringLiteral("REWE")));
    CategorizationRule bobsRule = rule(QStringLiteral("LIDL"));
    bobsRule.categoryId = m_db->categoryId(m_bob, QStringLiteral("Groceries"));
    const qint64 bobs = *m_rules->add(m_bob, bobsRule);

    QCOMPARE(m_rules->find(m_bob, alices).error().code, Error::Code::NotFound);
    CategorizationRule stolen = *m_rules->find(m_alice, alices);
    stolen.categoryId = bobsRule.categoryId;
    stolen.pattern = QStringLiteral("hijacked");
    QCOMPARE(m_rules->update(m_bob, stolen).error().code, Error::Code::NotFound);
    QCOMPARE(m_rules->setActive(m_bob, alices, false).error().code, Error::Code::NotFound);
    QCOMPARE(m_rules->incrementHits(m_bob, alices, 5).error().code, Error::Code::NotFound);
    QCOMPARE(m_rules->remove(m_bob, alices).error().code, Error::Code::NotFound);
    CategorizationRule still = *m_rules->find(m_alice, alices);
    QCOMPARE(still.pattern, QStringLiteral("REWE"));
    QVERIFY(still.isActive);
    QCOMPARE(still.hitCount, qint64(0));
    QCOMPARE(m_rules->list(m_bob)->size(), 1);
    QCOMPARE(m_rules->list(m_bob)->first().id, bobs);

    QVERIFY(m_rules->remove(m_alice, alices));
    QVERIFY(m_rules->find(m_bob, bobs));
}

QTEST_GUILESS_MAIN(TestCategorizationRuleRepository)
#include "tst_categorizationrulerepository.moc"
