#include "categorize/categorizationinput.h"
#include "categorize/rulematcher.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Moniagent;

namespace {

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

CategorizationRule rule(qint64 id, RuleType type, const QString& pattern, qint64 categoryId, int priority = 0,
                        bool active = true)
{
    CategorizationRule r;
    r.id = id;
    r.userId = 1;
    r.categoryId = categoryId;
    r.pattern = pattern;
    r.type = type;
    r.priority = priority;
    r.isActive = active;
    r.confidenceThreshold = 0.9;
    return r;
}

CategorizationInput input(const QString& merchant, const QString& description = {})
{
    return CategorizationInput::from(merchant, description, TransactionType::Expense, Money::fromMinor(1250, u"EUR"));
}

// The category of the first matching rule, or 0.
qint64 categoryOf(const RuleMatcher& matcher, const CategorizationInput& in)
{
    const std::optional<RuleMatch> m = matcher.match(in);
    return m ? m->categoryId : 0;
}

QString errorOf(const Result<void>& result)
{
    return result.ok() ? QString() : result.error().message;
}

} // namespace

Q_DECLARE_METATYPE(Moniagent::RuleType)

class TestRuleMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactMatch();
    void exactMatchOnDescriptionWhenNoMerchant();
    void keyword_data();
    void keyword();
    void regex_data();
    void regex();
    void regexFindsOnlyWhatQRegularExpressionFinds();
    void orderExactThenRegexThenKeyword();
    void orderByPriorityThenId();
    void inactiveRulesAreIgnored();
    void invalidRulesAreSkipped();
    void matchesPreviewsOneRule();
    void validateAccepts_data();
    void validateAccepts();
    void validateRefuses_data();
    void validateRefuses();
    void invalidRegexMessageNamesTheError();
    void pathologicalRegexIsBoundedAtMatchTime();
    void concurrentMatching();
    void speed();
};

void TestRuleMatcher::exactMatch()
{
    RuleMatcher matcher;
    CategorizationRule learned = rule(7, RuleType::ExactMatch, s("POS PURCHASE TESCO 1234"), 40);
    learned.origin = RuleOrigin::Learned;
    learned.confidenceThreshold = 0.85;
    matcher.setRules({learned});
    QCOMPARE(matcher.ruleCount(), 1);

    const std::optional<RuleMatch> m = matcher.match(input(s("Tesco 9981")));
    QVERIFY(m.has_value());
    QCOMPARE(m->ruleId, qint64(7));
    QCOMPARE(m->categoryId, qint64(40));
    QCOMPARE(m->type, RuleType::ExactMatch);
    QCOMPARE(m->origin, RuleOrigin::Learned);
    QCOMPARE(m->pattern, s("POS PURCHASE TESCO 1234"));
    QCOMPARE(m->confidence, 0.85);

    QVERIFY(matcher.match(input(s("CARD PAYMENT TO TESCO 3297 ON 12 MAR"))).has_value());
    QVERIFY(matcher.match(input(s("tesco"))).has_value());
    QVERIFY(!matcher.match(input(s("Tesco Express 12"))).has_value()); // another store: "tesco express"
    QVERIFY(!matcher.match(input(s("Tescoville"))).has_value());
    QVERIFY(!matcher.match(input(QString())).has_value());
}

void TestRuleMatcher::exactMatchOnDescriptionWhenNoMerchant()
{
    RuleMatcher matcher;
    matcher.setRules({rule(1, RuleType::ExactMatch, s("engen mitchell park"), 5)});
    QCOMPARE(categoryOf(matcher, input(QString(), s("POS Purchase Engen Mitchell Park  * 19 Oct"))), qint64(5));
    QCOMPARE(categoryOf(matcher, input(s("ENGEN MITCHELL PARK"), s("fuel"))), qint64(5));
    QCOMPARE(categoryOf(matcher, input(QString(), s("POS Purchase Engen Kathu  * 19 Oct"))), qint64(0));
}

void TestRuleMatcher::keyword_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("merchant");
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("expected");
    const auto row
        = [](const char* name, const char* keyword, const char* merchant, const char* description, bool expected) {
              QTest::newRow(name) << s(keyword) << s(merchant) << s(description) << expected;
          };
    row("word in merchant", "tesco", "POS PURCHASE TESCO STORES", "", true);
    row("case", "TESCO", "tesco stores", "", true);
    row("start of a longer word", "tesco", "TESCOVILLE GARAGE", "", true);
    row("not inside a word", "tesco", "ATESCO", "", false);
    row("after punctuation", "tesco", "POS*TESCO", "", true);
    row("absent", "tesco", "SAINSBURYS", "groceries", false);
    row("in description", "netflix", "PayPal", "NETFLIX.COM 866-579", true);
    row("across merchant and description", "paypal netflix", "PayPal", "Netflix.com", true);
    row("several words", "coffee shop", "The Coffee  Shop 12", "", true);
    row("several words apart", "coffee shop", "Coffee Bean Shop", "", false);
    row("accent in text", "cafe", "CAFÉ DE FLORE", "", true);
    row("accent in keyword", "Café", "CAFE DE FLORE", "", true);
    row("sharp s", "strasse", "Bäckerei Straße 4", "", true);
    row("spaces around keyword", "  uber  eats ", "UBER   EATS", "", true);
    row("punctuation first", "*trip", "UBER *TRIP", "", true);
    row("punctuation first inside word", ".com", "NETFLIX.COM", "", true);
    row("digits", "7eleven", "7ELEVEN 123", "", true);
    row("non-latin", "καφε", "ΚΑΦΕ ΑΘΗΝΑ", "", true);
    row("empty input", "tesco", "", "", false);
}

void TestRuleMatcher::keyword()
{
    QFETCH(QString, keyword);
    QFETCH(QString, merchant);
    QFETCH(QString, description);
    QFETCH(bool, expected);
    RuleMatcher matcher;
    matcher.setRules({rule(3, RuleType::Keyword, keyword, 9)});
    QCOMPARE(matcher.ruleCount(), 1);
    QCOMPARE(matcher.match(input(merchant, description)).has_value(), expected);
    QCOMPARE(RuleMatcher::matches(rule(3, RuleType::Keyword, keyword, 9), input(merchant, description)), expected);
}

void TestRuleMatcher::regex_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("merchant");
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("expected");
    const auto row
        = [](const char* name, const char* pattern, const char* merchant, const char* description, bool expected) {
              QTest::newRow(name) << s(pattern) << s(merchant) << s(description) << expected;
          };
    row("case-insensitive", "^uber\\s*\\*\\s*trip", "UBER *TRIP HELP.UBER.COM", "", true);
    row("no match", "^uber\\s*\\*\\s*trip", "UBER *EATS", "", false);
    row("alternation", "\\bnet(flix|work)\\b", "NETFLIX.COM", "", true);
    row("description on its own", "^netflix", "PayPal", "Netflix.com 866", true);
    row("anchors per field", "paypal netflix", "PayPal", "Netflix.com", false);
    row("unicode case", "café", "CAFÉ DE FLORE", "", true);
    row("accents are not folded", "cafe", "CAFÉ DE FLORE", "", false);
    row("unicode class", "^\\w+ \\w+$", "Müller Straße", "", true);
    row("digits", "\\d{4}$", "TESCO STORES 3297", "", true);
    row("empty merchant is not a subject", "^$", "", "", false);
}

void TestRuleMatcher::regex()
{
    QFETCH(QString, pattern);
    QFETCH(QString, merchant);
    QFETCH(QString, description);
    QFETCH(bool, expected);
    const CategorizationRule r = rule(4, RuleType::Regex, pattern, 11);
    RuleMatcher matcher;
    matcher.setRules({r});
    QCOMPARE(matcher.ruleCount(), 1);
    QCOMPARE(matcher.match(input(merchant, description)).has_value(), expected);
    QCOMPARE(RuleMatcher::matches(r, input(merchant, description)), expected);
}

// match() skips a search when the subject lacks text every match must contain: it must never skip one that
// would have matched. Compared with plain QRegularExpression over patterns that exercise that shortcut.
void TestRuleMatcher::regexFindsOnlyWhatQRegularExpressionFinds()
{
    const QStringList patterns {
        s("tesco"),
        s("tes+co"),
        s("tesc?o"),
        s("te(s)co"),
        s("te(?:s)co"),
        s("uber\\s*\\*trip"),
        s("uber \\*trip"),
        s("a\\.b"),
        s("(?-i)TESCO"),
        s("(?i)tesco"),
        s("x{2}y"),
        s("xx{1,}y"),
        s("foo|bar"),
        s("\\x41BC"),
        s("\\x{41}bc"),
        s("[t]esco"),
        s("te\\Qsc\\Eo"),
        s("(?<=pos )tesco"),
        s("tesco(?= stores)"),
        s("\\btesco\\b"),
        s("^tesco$"),
        s("café"),
        s("stra(ss|ß)e"),
        s("straße"),
        s("(?#note)tesco"),
        s("tes(?#note)co"),
        s("t{1}esco"),
        s("a{b"),
        s("ab}c"),
        s("[]a]bc"),
        s("\\Ktesco"),
        s("tesco\\K stores"),
        s("\\btesco stores\\b"),
        s("tesco|"),
        s("(tesco)|sainsbury"),
        s("\\p{Lu}esco"),
        s("\\\\tesco"),
        s("\\ttab"),
        s("k"),
        s("kelvin"),
    };
    const QStringList subjects {s("TESCO STORES"), s("tesco"), s("Tesco Stores"), s("POS TESCO"),   s("UBER *TRIP"),
                                s("uber *trip"),   s("a.b"),   s("axb"),          s("xxy"),         s("ABC"),
                                s("abc"),          s("Café"),  s("CAFÉ"),         s("Straße"),      s("STRASSE"),
                                s("tesscoo"),      s("tsco"),  s("a{bc"),         s("ab}c"),        s("]bc"),
                                s("\\tesco"),      s("\ttab"), s("KELVIN"),       s("\u212Aelvin"), s("foo"),
                                s("sainsbury's"),  s("")};
    for (const QString& pattern : patterns) {
        const QRegularExpression reference(
            pattern, QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
        QVERIFY2(reference.isValid(), qPrintable(pattern));
        RuleMatcher matcher;
        matcher.setRules({rule(1, RuleType::Regex, pattern, 2)});
        for (const QString& subject : subjects) {
            const bool expected = !subject.isEmpty() && reference.match(subject).hasMatch();
            QVERIFY2(matcher.match(input(subject)).has_value() == expected,
                     qPrintable(pattern + QStringLiteral(" on ") + subject));
            QVERIFY2(matcher.match(input(s("PayPal"), subject)).has_value()
                         == (expected || reference.match(s("PayPal")).hasMatch()),
                     qPrintable(pattern + QStringLiteral(" on description ") + subject));
        }
    }
}

void TestRuleMatcher::orderExactThenRegexThenKeyword()
{
    const CategorizationInput tesco = input(s("POS PURCHASE TESCO STORES 3297 LONDON GB"));
    // Given in reverse order, the keyword with the highest priority and the lowest id.
    QList<CategorizationRule> rules {rule(1, RuleType::Keyword, s("tesco"), 300, 100),
                                     rule(2, RuleType::Regex, s("tesco\\s+stores"), 200, 50),
                                     rule(3, RuleType::ExactMatch, s("TESCO STORES 9"), 100, 0)};
    RuleMatcher matcher;
    matcher.setRules(rules);
    QCOMPARE(matcher.ruleCount(), 3);
    QCOMPARE(categoryOf(matcher, tesco), qint64(100));

    rules.removeLast(); // no exact rule: the regex wins over the keyword
    matcher.setRules(rules);
    QCOMPARE(categoryOf(matcher, tesco), qint64(200));
    QCOMPARE(matcher.match(tesco)->type, RuleType::Regex);

    rules.removeLast(); // only the keyword
    matcher.setRules(rules);
    QCOMPARE(categoryOf(matcher, tesco), qint64(300));
    QCOMPARE(matcher.match(tesco)->type, RuleType::Keyword);
}

void TestRuleMatcher::orderByPriorityThenId()
{
    const CategorizationInput in = input(s("UBER *EATS"), s("food delivery"));
    RuleMatcher matcher;
    // Keywords: priority decides, then the older (lower) id, whatever order they come in and wherever in
    // the text they match.
    matcher.setRules({rule(5, RuleType::Keyword, s("food"), 50, 1), rule(4, RuleType::Keyword, s("uber"), 40, 1),
                      rule(9, RuleType::Keyword, s("eats"), 90, 2), rule(2, RuleType::Keyword, s("delivery"), 20, 0)});
    QCOMPARE(categoryOf(matcher, in), qint64(90));
    matcher.setRules({rule(5, RuleType::Keyword, s("food"), 50, 1), rule(4, RuleType::Keyword, s("uber"), 40, 1),
                      rule(2, RuleType::Keyword, s("delivery"), 20, 0)});
    QCOMPARE(categoryOf(matcher, in), qint64(40));
    // Regexes the same way.
    matcher.setRules({rule(8, RuleType::Regex, s("eats"), 80, 0), rule(6, RuleType::Regex, s("^uber"), 60, 0),
                      rule(7, RuleType::Regex, s("delivery"), 70, 3)});
    QCOMPARE(categoryOf(matcher, in), qint64(70));
    matcher.setRules({rule(8, RuleType::Regex, s("eats"), 80, 0), rule(6, RuleType::Regex, s("^uber"), 60, 0)});
    QCOMPARE(categoryOf(matcher, in), qint64(60));
    // Exact rules whose patterns name the same store: the higher priority, then the older one.
    matcher.setRules({rule(12, RuleType::ExactMatch, s("Uber Eats"), 12, 0),
                      rule(11, RuleType::ExactMatch, s("UBER *EATS 1234"), 11, 0),
                      rule(13, RuleType::ExactMatch, s("uber eats"), 13, -1)});
    QCOMPARE(categoryOf(matcher, in), qint64(11));
    matcher.setRules({rule(12, RuleType::ExactMatch, s("Uber Eats"), 12, 5),
                      rule(11, RuleType::ExactMatch, s("UBER *EATS 1234"), 11, 0)});
    QCOMPARE(categoryOf(matcher, in), qint64(12));
}

void TestRuleMatcher::inactiveRulesAreIgnored()
{
    RuleMatcher matcher;
    matcher.setRules(
        {rule(1, RuleType::ExactMatch, s("tesco"), 10, 0, false), rule(2, RuleType::Regex, s("tesco"), 20, 0, false),
         rule(3, RuleType::Keyword, s("tesco"), 30, 0, false), rule(4, RuleType::Keyword, s("stores"), 40)});
    QCOMPARE(matcher.ruleCount(), 1);
    QCOMPARE(categoryOf(matcher, input(s("TESCO STORES 12"))), qint64(40));
    QCOMPARE(categoryOf(matcher, input(s("TESCO 12"))), qint64(0));
}

void TestRuleMatcher::invalidRulesAreSkipped()
{
    RuleMatcher matcher;
    matcher.setRules({rule(1, RuleType::Regex, s("tes(co"), 10), rule(2, RuleType::ExactMatch, s("POS PURCHASE"), 20),
                      rule(3, RuleType::Keyword, s("***"), 30), rule(4, RuleType::Keyword, s("   "), 40),
                      rule(5, RuleType::Regex, s("(*LIMIT_MATCH=999999999)tesco"), 50),
                      rule(6, RuleType::Regex, QString(), 60), rule(7, RuleType::Keyword, s("tesco"), 70)});
    QCOMPARE(matcher.ruleCount(), 1);
    QCOMPARE(categoryOf(matcher, input(s("TESCO STORES"))), qint64(70));

    matcher.setRules({});
    QCOMPARE(matcher.ruleCount(), 0);
    QVERIFY(!matcher.match(input(s("TESCO STORES"))).has_value());
}

void TestRuleMatcher::matchesPreviewsOneRule()
{
    const CategorizationRule inactive = rule(1, RuleType::Keyword, s("tesco"), 10, 0, false);
    QVERIFY(RuleMatcher::matches(inactive, input(s("TESCO STORES"))));
    QVERIFY(!RuleMatcher::matches(inactive, input(s("SAINSBURYS"))));
    QVERIFY(RuleMatcher::matches(rule(2, RuleType::ExactMatch, s("Tesco Stores 1"), 10), input(s("TESCO STORES 2"))));
    QVERIFY(!RuleMatcher::matches(rule(3, RuleType::Regex, s("tes(co"), 10), input(s("TESCO STORES"))));
}

void TestRuleMatcher::validateAccepts_data()
{
    QTest::addColumn<RuleType>("type");
    QTest::addColumn<QString>("pattern");
    const auto regex = [](const char* pattern) {
        QTest::newRow(pattern) << RuleType::Regex << s(pattern);
    };
    regex("^uber\\s*\\*?\\s*(trip|eats)");
    regex("\\bnet(flix|work)\\b");
    regex("(foo|bar)+");
    regex("(\\w+ ){2}");
    regex("tesco|sainsbury");
    regex("\\d{2}/\\d{2}");
    regex("[a-z]+\\d+");
    regex("caf[eé]");
    regex("\\Qa+b\\E");
    regex("(?i)abc");
    regex("(?<name>abc)");
    regex(".*foo.*bar");
    regex("(?:pos|card) purchase .*tesco");
    regex("\\w*\\w*\\w*x");
    regex("(\\d|x)+");
    regex("(?:ab|cd|ef)*g");
    regex("amazon|amzn");
    regex("^(pos )?tesco");
    regex("uber( eats)?");
    regex("spotify|netflix|disney\\+");
    regex("(?:apple\\.com/bill|itunes)");
    regex("[0-9]{4,}");
    regex("(\\d{2}/){2}");
    regex("(?<=card )\\w+");
    QTest::newRow("exact") << RuleType::ExactMatch << s("Tesco");
    QTest::newRow("exact with noise") << RuleType::ExactMatch << s("POS PURCHASE TESCO 1234");
    QTest::newRow("keyword") << RuleType::Keyword << s("tesco");
    QTest::newRow("keyword with punctuation") << RuleType::Keyword << s("apple.com/bill");
    QTest::newRow("longest allowed") << RuleType::Keyword << QString(RuleMatcher::MaxPatternLength, u'a');
}

void TestRuleMatcher::validateAccepts()
{
    QFETCH(RuleType, type);
    QFETCH(QString, pattern);
    const Result<void> result = RuleMatcher::validatePattern(type, pattern);
    QVERIFY2(result.ok(), qPrintable(errorOf(result)));
}

void TestRuleMatcher::validateRefuses_data()
{
    QTest::addColumn<RuleType>("type");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("messagePart"); // part of the message
    const auto regex = [](const char* name, const char* pattern, const char* messagePart) {
        QTest::newRow(name) << RuleType::Regex << s(pattern) << s(messagePart);
    };
    regex("nested plus", "(a+)+$", "(a+)+");
    regex("overlapping alternatives", "(a|aa)+$", "(a|aa)+");
    regex("dot star repeated", "(.*a){20}", "(.*a){20}");
    regex("backreference", "(a)\\1", "\\1");
    regex("named backreference", "(?<x>a)\\k<x>", "\\k<x>");
    regex("g backreference", "(a)\\g{1}", "\\g{1}");
    regex("nested star", "(a*)*", "(a*)*");
    regex("dot star star", "(.*)*", "(.*)*");
    regex("same alternatives", "(a|a)*", "(a|a)*");
    regex("words repeated", "(\\w+\\s?)+$", "(\\w+\\s?)+");
    regex("nested deeper", "((ab)+c)+", "((ab)+c)+");
    regex("empty alternative", "(a|)+b", "(a|)+");
    regex("recursion", "a(?R)?b", "(?R)");
    regex("limit override", "(*LIMIT_MATCH=999999999)tesco", "(*LIMIT_MATCH=999999999)");
    regex("extended", "(?x) a b c", "(?x)");
    regex("polynomial", "\\w*\\w*\\w*\\w*\\w*x", "\\w*\\w*\\w*\\w*\\w*x");
    regex("polynomial stars", "a*a*a*a*a*b", "a*a*a*a*a*b");
    for (const RuleType type : {RuleType::ExactMatch, RuleType::Regex, RuleType::Keyword}) {
        const QString name = CategorizationRuleEnums::key(type);
        QTest::newRow(qPrintable(name + QStringLiteral(" empty"))) << type << QString() << s("Enter");
        QTest::newRow(qPrintable(name + QStringLiteral(" blank"))) << type << s("  \t ") << s("Enter");
        QTest::newRow(qPrintable(name + QStringLiteral(" too long")))
            << type << QString(RuleMatcher::MaxPatternLength + 1, u'a') << s("too long");
    }
    QTest::newRow("exact only noise") << RuleType::ExactMatch << s("POS PURCHASE 12/03") << s("no store name");
    QTest::newRow("keyword only punctuation") << RuleType::Keyword << s("*** //") << s("letter or digit");
}

void TestRuleMatcher::validateRefuses()
{
    QFETCH(RuleType, type);
    QFETCH(QString, pattern);
    QFETCH(QString, messagePart);
    QElapsedTimer timer;
    timer.start();
    const Result<void> result = RuleMatcher::validatePattern(type, pattern);
    QVERIFY2(!result.ok(), qPrintable(pattern));
    QCOMPARE(result.error().code, Error::Code::InvalidInput);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
    QVERIFY2(result.error().message.endsWith(u'.'), qPrintable(result.error().message));
    qInfo("%s refused in %.2f ms", qPrintable(pattern.left(40)), timer.nsecsElapsed() / 1e6);
}

void TestRuleMatcher::invalidRegexMessageNamesTheError()
{
    const QString pattern = s("tesco (stores");
    const QRegularExpression reference(pattern);
    QVERIFY(!reference.isValid());
    const Result<void> result = RuleMatcher::validatePattern(RuleType::Regex, pattern);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(reference.errorString()), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QString::number(reference.patternErrorOffset() + 1)),
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(pattern));

    const Result<void> bracket = RuleMatcher::validatePattern(RuleType::Regex, s("[abc"));
    QVERIFY(!bracket.ok());
    QVERIFY(bracket.error().message.contains(QRegularExpression(s("[abc")).errorString()));
}

// Rules set directly (as if the database held them before validation existed) run under the match limit:
// each search gives up after about 0.3 ms. Without it PCRE2's own default limit stops each of these searches
// only after 30-60 ms (Qt 6.4, PCRE2 10.42), and the 8,000 searches below would outlast this test's ctest
// timeout (120 s) instead of taking a few seconds.
void TestRuleMatcher::pathologicalRegexIsBoundedAtMatchTime()
{
    // Each with an ordinary text it matches, if any.
    const QList<std::pair<QString, QString>> patterns {{s("(a+)+$"), s("aaaa")},
                                                       {s("(a|aa)+$"), s("aaaa")},
                                                       {s("(.*a){20}$"), QString()},
                                                       {s("(\\w+\\s?)+$"), s("tesco stores")}};
    const QString hostile = QString(29, u'a') + u'!';
    for (const auto& [pattern, ordinary] : patterns) {
        QVERIFY(!RuleMatcher::validatePattern(RuleType::Regex, pattern).ok());
        RuleMatcher matcher;
        matcher.setRules({rule(1, RuleType::Regex, pattern, 5)});
        QCOMPARE(matcher.ruleCount(), 1);
        QElapsedTimer timer;
        timer.start();
        constexpr int rounds = 1000;
        for (int i = 0; i < rounds; ++i)
            QVERIFY(!matcher.match(input(hostile, hostile + u'?')).has_value());
        qInfo("%s on a 30-character hostile merchant and description: %.2f ms per match()", qPrintable(pattern),
              timer.nsecsElapsed() / 1e6 / rounds);
        QVERIFY(ordinary.isEmpty() || matcher.match(input(ordinary)).has_value());
    }
}

void TestRuleMatcher::concurrentMatching()
{
    RuleMatcher matcher;
    matcher.setRules({rule(1, RuleType::ExactMatch, s("tesco stores"), 1), rule(2, RuleType::Regex, s("^uber"), 2),
                      rule(3, RuleType::Keyword, s("cafe"), 3)});
    const QList<CategorizationInput> inputs {input(s("TESCO STORES 12")), input(s("UBER *TRIP")),
                                             input(s("Café de Flore")), input(s("SAINSBURYS"))};
    const QList<qint64> expected {1, 2, 3, 0};
    std::atomic<int> mismatches {0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create([&] {
            for (int round = 0; round < 5000; ++round)
                for (qsizetype i = 0; i < inputs.size(); ++i)
                    if (categoryOf(matcher, inputs[i]) != expected[i])
                        ++mismatches;
        }));
        threads.back()->start();
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(60000));
    QCOMPARE(mismatches.load(), 0);
}

// Not a benchmark (tests/bench has those): prints match() calls per second for 5,000 exact, 20 regex and 50
// keyword rules, so a regression is visible in the log.
void TestRuleMatcher::speed()
{
    QList<CategorizationRule> rules;
    QRandomGenerator random(42);
    const auto word = [&random] {
        QString w;
        for (int i = 0, n = 4 + random.bounded(6); i < n; ++i)
            w.append(QChar(u'a' + random.bounded(26)));
        return w;
    };
    qint64 id = 0;
    for (int i = 0; i < 5000; ++i)
        rules << rule(++id, RuleType::ExactMatch, word() + u' ' + word() + QStringLiteral(" 1234"), 1 + i % 30);
    rules << rule(++id, RuleType::ExactMatch, s("Tesco Stores"), 77);
    for (int i = 0; i < 20; ++i)
        rules << rule(++id, RuleType::Regex, QStringLiteral("^%1\\s*\\*?\\s*(%2|%3)").arg(word(), word(), word()), 2);
    for (int i = 0; i < 50; ++i)
        rules << rule(++id, RuleType::Keyword, word(), 3);
    rules << rule(++id, RuleType::Keyword, s("flore"), 88);
    RuleMatcher matcher;
    matcher.setRules(rules);
    QCOMPARE(matcher.ruleCount(), int(rules.size()));

    const QList<std::pair<const char*, CategorizationInput>> cases {
        {"exact hit", input(s("POS PURCHASE TESCO STORES 3297 LONDON GB 12/03"))},
        {"keyword hit", input(s("CARTE X9471 16/12 CAFE DE FLORE 110135004218193IOPD"))},
        {"no rule matches", input(s("POS PURCHASE SAINSBURYS S/MKT 0712 LONDON GB"), s("groceries for the week"))},
    };
    const QList<qint64> expected {77, 88, 0};
    for (qsizetype c = 0; c < cases.size(); ++c) {
        QCOMPARE(categoryOf(matcher, cases[c].second), expected[c]);
        constexpr int rounds = 100000;
        qint64 found = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < rounds; ++i)
            found += categoryOf(matcher, cases[c].second);
        const double seconds = timer.nsecsElapsed() / 1e9;
        qInfo("match(), %s: %.0f calls/s (%lld)", cases[c].first, rounds / seconds, qlonglong(found));
    }
}

QTEST_GUILESS_MAIN(TestRuleMatcher)
#include "tst_rulematcher.moc"
