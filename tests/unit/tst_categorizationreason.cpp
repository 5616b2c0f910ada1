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
    void storedFormRoundTrips();

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
    QTest::newRow("keyword") << CategorizationReason::parse(CategorizationReason::rule(rule))
                             << QStringLiteral("rule: contains “TESCO”");
    rule.type = RuleType::ExactMatch;
    QTest::newRow("exact") << CategorizationReason::parse(CategorizationReason::rule(rule))
                           << QStringLiteral("rule: store is “TESCO”");
    rule.origin = RuleOrigin::Learned;
    QTest::newRow("learned exact") << CategorizationReason::parse(CategorizationReason::rule(rule))
                                   << QStringLiteral("learned rule: store is “TESCO”");
    rule.origin = RuleOrigin::User;
    rule.type = RuleType::Regex;
    rule.pattern = QStringLiteral("^TESCO\\b");
    QTest::newRow("regex") << CategorizationReason::parse(CategorizationReason::rule(rule))
                           << QStringLiteral("rule: matches “^TESCO\\b”");
    QTest::newRow("model 5") << CategorizationReason::parse(CategorizationReason::model(5))
                             << QStringLiteral("learned from 5 earlier transactions at this store");
    QTest::newRow("model 1") << CategorizationReason::parse(CategorizationReason::model(1))
                             << QStringLiteral("learned from 1 earlier transaction at this store");
    QTest::newRow("model words") << CategorizationReason::parse(
        CategorizationReason::model(0, {QStringLiteral("coffee"), QStringLiteral("bar")}))
                                 << QStringLiteral("learned from similar transactions: coffee, bar");
    QTest::newRow("lexicon") << CategorizationReason::parse(CategorizationReason::lexicon({QStringLiteral("pharmacy")}))
                             << QStringLiteral("built-in knowledge: pharmacy");
    QTest::newRow("lexicon plain") << CategorizationReason::parse(CategorizationReason::lexicon({}))
                                   << QStringLiteral("built-in knowledge of common stores");
    QTest::newRow("feature codes")
        << CategorizationReason::parse(CategorizationReason::model(
               0, {QStringLiteral("word:coffee"), QStringLiteral("sameAmount"), QStringLiteral("moneyOut")}))
        << QStringLiteral("learned from similar transactions: word “coffee”, same amount as before, money spent");
    QTest::newRow("lexicon code") << CategorizationReason::parse(
        CategorizationReason::lexicon({QStringLiteral("knownStore:boots"), QStringLiteral("keyword:pharmacy")}))
                                  << QStringLiteral("built-in knowledge: known store “boots”, keyword “pharmacy”");
    QTest::newRow("llm") << CategorizationReason::parse(CategorizationReason::llm(QStringLiteral("llama3.1")))
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
    QVERIFY(!CategorizationReason::isRule(CategorizationReason::parse(CategorizationReason::model(3)), rule));
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

void TestCategorizationReason::storedFormRoundTrips()
{
    // Values with the characters the form encoding splits on survive; the metadata holds one string.
    CategorizationRule rule;
    rule.id = 9;
    rule.type = RuleType::Regex;
    rule.pattern = QStringLiteral("A&B=100% caf\u00e9");
    QJsonObject metadata;
    metadata.insert(CategorizationReason::MetadataKey, CategorizationReason::rule(rule));
    QVERIFY(metadata.value(CategorizationReason::MetadataKey).isString());
    const QJsonObject read = CategorizationReason::fromMetadata(metadata);
    QCOMPARE(read.value(QStringLiteral("pattern")).toString(), rule.pattern);
    QCOMPARE(read.value(QStringLiteral("ruleId")).toInteger(), 9);
    QVERIFY(CategorizationReason::isRule(read, rule));
    const QJsonObject model = CategorizationReason::parse(
        CategorizationReason::model(2, {QStringLiteral("word:a&b"), QStringLiteral("sameStore:2")}));
    QCOMPARE(model.value(QStringLiteral("storeExamples")).toInteger(), 2);
    QCOMPARE(model.value(QStringLiteral("features")).toArray(),
             (QJsonArray {QStringLiteral("word:a&b"), QStringLiteral("sameStore:2")}));
    // What an older version stored (a JSON object) still reads.
    QJsonObject legacy;
    legacy.insert(CategorizationReason::MetadataKey,
                  QJsonObject {{QStringLiteral("by"), QStringLiteral("model")}, {QStringLiteral("storeExamples"), 4}});
    QCOMPARE(CategorizationReason::describe(CategorizationReason::fromMetadata(legacy)),
             QStringLiteral("learned from 4 earlier transactions at this store"));
    // Text that is not a stored reason reads as none.
    QVERIFY(CategorizationReason::parse(u"just some words").isEmpty());
    QVERIFY(CategorizationReason::parse(u"storeExamples=3").isEmpty());
}

QTEST_GUILESS_MAIN(TestCategorizationReason)
#include "tst_categorizationreason.moc"
