#include "core/categorizationreason.h"

#include <QJsonArray>
#include <QTest>
#include <QTranslator>

using namespace Moniagent;

// The stored reason of a categorization: built by the categorizer, read back by the ledger's tooltip.
class TestCategorizationReason : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void describes_data();
    void describes();
    void namesItsRule();
    void unknownReasonsAreSilent();

private:
    QTranslator m_english;
};

void TestCategorizationReason::initTestCase()
{
    // English plural forms ("1 earlier transaction") come from the English catalogue, as in the application.
    QVERIFY(m_english.load(QStringLiteral(":/i18n/moniagent_en.qm")));
    QCoreApplication::installTranslator(&m_english);
}

void TestCategorizationReason::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_english);
}

void TestCategorizationReason::describes_data()
{
    QTest::addColumn<QJsonObject>("reason");
    QTest::addColumn<QString>("text");
    CategorizationRule rule;
    rule.id = 7;
    rule.pattern = QStringLiteral("TESCO");
    rule.type = RuleType::Keyword;
    QTest::newRow("keyword") << CategorizationReason::rule(rule) << QStringLiteral("rule: contains “TESCO”");
    rule.type = RuleType::ExactMatch;
    QTest::newRow("exact") << CategorizationReason::rule(rule) << QStringLiteral("rule: store is “TESCO”");
    rule.origin = RuleOrigin::Learned;
    QTest::newRow("learned exact") << CategorizationReason::rule(rule)
                                   << QStringLiteral("learned rule: store is “TESCO”");
    rule.origin = RuleOrigin::User;
    rule.type = RuleType::Regex;
    rule.pattern = QStringLiteral("^TESCO\\b");
    QTest::newRow("regex") << CategorizationReason::rule(rule) << QStringLiteral("rule: matches “^TESCO\\b”");
    QTest::newRow("model 5") << CategorizationReason::model(5)
                             << QStringLiteral("learned from 5 earlier transactions at this store");
    QTest::newRow("model 1") << CategorizationReason::model(1)
                             << QStringLiteral("learned from 1 earlier transaction at this store");
    QTest::newRow("model words") << CategorizationReason::model(0, {QStringLiteral("coffee"), QStringLiteral("bar")})
                                 << QStringLiteral("learned from similar transactions: coffee, bar");
    QTest::newRow("lexicon") << CategorizationReason::lexicon({QStringLiteral("pharmacy")})
                             << QStringLiteral("built-in knowledge: pharmacy");
    QTest::newRow("lexicon plain") << CategorizationReason::lexicon({})
                                   << QStringLiteral("built-in knowledge of common stores");
    QTest::newRow("llm") << CategorizationReason::llm(QStringLiteral("llama3.1"))
                         << QStringLiteral("suggested by the AI model llama3.1");
    // The categorizer's own JSON, written by hand: the keys are the contract.
    QTest::newRow("stored rule") << QJsonObject {{QStringLiteral("by"), QStringLiteral("rule")},
                                                 {QStringLiteral("ruleType"), QStringLiteral("keyword")},
                                                 {QStringLiteral("pattern"), QStringLiteral("LIDL")},
                                                 {QStringLiteral("origin"), QStringLiteral("user")}}
                                 << QStringLiteral("rule: contains “LIDL”");
    QTest::newRow("stored model") << QJsonObject {{QStringLiteral("by"), QStringLiteral("model")},
                                                  {QStringLiteral("storeExamples"), 3},
                                                  {QStringLiteral("features"), QJsonArray {QStringLiteral("lidl")}}}
                                  << QStringLiteral("learned from 3 earlier transactions at this store");
}

void TestCategorizationReason::describes()
{
    QFETCH(QJsonObject, reason);
    QFETCH(QString, text);
    QCOMPARE(CategorizationReason::describe(reason), text);
}

void TestCategorizationReason::namesItsRule()
{
    CategorizationRule rule;
    rule.id = 42;
    rule.pattern = QStringLiteral("Lidl");
    rule.type = RuleType::ExactMatch;
    QJsonObject metadata {{QStringLiteral("text"), QStringLiteral("lidl 12.30")}};
    metadata.insert(CategorizationReason::MetadataKey, CategorizationReason::rule(rule));
    const QJsonObject stored = CategorizationReason::fromMetadata(metadata);
    QCOMPARE(CategorizationReason::describe(stored), QStringLiteral("rule: store is “Lidl”"));
    QVERIFY(CategorizationReason::isRule(stored, rule));
    CategorizationRule other = rule;
    other.id = 43;
    QVERIFY(!CategorizationReason::isRule(stored, other)); // the id decides when the reason has one
    // Without an id, type and pattern name the rule.
    QJsonObject anonymous = stored;
    anonymous.remove(QStringLiteral("ruleId"));
    QVERIFY(CategorizationReason::isRule(anonymous, other));
    other.type = RuleType::Keyword;
    QVERIFY(!CategorizationReason::isRule(anonymous, other));
    QVERIFY(!CategorizationReason::isRule(CategorizationReason::model(3), rule));
}

void TestCategorizationReason::unknownReasonsAreSilent()
{
    QVERIFY(CategorizationReason::describe({}).isEmpty());
    QVERIFY(CategorizationReason::describe({{QStringLiteral("by"), QStringLiteral("oracle")}}).isEmpty());
    QVERIFY(CategorizationReason::fromMetadata({{QStringLiteral("categorization"), 3}}).isEmpty());
    // A rule reason without its pattern still says where the category came from.
    QCOMPARE(CategorizationReason::describe({{QStringLiteral("by"), QStringLiteral("rule")}}),
             QStringLiteral("one of your rules"));
}

QTEST_GUILESS_MAIN(TestCategorizationReason)
#include "tst_categorizationreason.moc"
