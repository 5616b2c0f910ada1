#pragma once

#include "core/categorizationrule.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <array>
#include <optional>

namespace Moniagent {

struct CategorizationInput;

// The rule that categorized a transaction.
struct RuleMatch
{
    qint64 ruleId = 0;
    qint64 categoryId = 0;
    RuleType type = RuleType::Keyword;
    RuleOrigin origin = RuleOrigin::User;
    QString pattern;
    double confidence = 1.0; // the rule's confidence_threshold column: the confidence its suggestion carries
};

// Finds the first of a user's categorization rules that matches a transaction. How each type matches:
// - exact_match: MerchantNormalizer::normalize(pattern) equals the input's merchantKey, so a learned rule
//   whose pattern is a merchant key matches every variant of that store ("POS PURCHASE TESCO 1234" matches
//   "Tesco 9981"). Looked up in a hash: thousands of learned rules cost nothing.
// - keyword: the folded, trimmed keyword (case and accents ignored, inner spaces collapsed) occurs in the
//   folded merchant + " " + description, starting at the start of a word: "tesco" matches "POS TESCO STORES"
//   and also "TESCOVILLE", but not "ATESCO". Several words are allowed ("coffee shop"). A keyword that starts
//   with punctuation ("*trip") may start anywhere.
// - regex: a case-insensitive QRegularExpression (Unicode properties) searched in the raw merchant and in the
//   raw description separately; either match counts. It runs under a PCRE2 match limit, so even an expression
//   that slipped past validatePattern() cannot hang the application: a search that hits the limit counts as no
//   match.
// Rules are tried exact match first, then regex, then keyword; within a type by priority (higher first), then
// by id (older first). match() and matches() may run on several threads at once; setRules() must not run
// while another thread calls match().
class RuleMatcher
{
    Q_DECLARE_TR_FUNCTIONS(RuleMatcher)
public:
    static constexpr int MaxPatternLength = 200;

    // Checks a pattern before it is saved: not empty, not too long, an exact-match pattern that keeps a store
    // name once normalized, and for regex: valid syntax (the message includes Qt's error and offset), no
    // back-references, recursion or (*VERBS), no nested unbounded repetition such as (a+)+, (a*)* or (.*)*, no
    // repeated alternatives that can start alike such as (a|aa)+, and a bounded trial run against hostile
    // strings. Messages are translated, complete sentences.
    static Result<void> validatePattern(RuleType type, const QString& pattern);
    // Compiles the active rules (invalid ones are skipped with a warning on moniagent.categorize). Order:
    // exact_match, then regex, then keyword; within a type by priority (higher first), then by id (older first).
    void setRules(const QList<CategorizationRule>& rules);
    // The first rule that matches, or nullopt.
    std::optional<RuleMatch> match(const CategorizationInput& input) const;
    // Whether one rule matches, active or not (used for the rules dialog's live preview); compiled once per call.
    static bool matches(const CategorizationRule& rule, const CategorizationInput& input);
    int ruleCount() const;

private:
    struct CompiledRegex
    {
        QRegularExpression expression;
        QString requiredText; // lower-case ASCII text every match contains, or empty: a cheap pre-check
        int rule = 0;
    };
    struct CompiledKeyword
    {
        QString text; // folded
        int rule = 0;
    };

    std::optional<RuleMatch> matchKeyword(const QString& folded) const;
    void markRequiredTexts(const QString& lower, bool* present) const;

    QList<RuleMatch> m_rules; // compiled rules, in matching order
    QHash<QString, int> m_exact; // merchant key -> index in m_rules (the first rule in order wins)
    QList<CompiledRegex> m_regexes;
    // Indexes into m_regexes by the first character of their required text.
    std::array<QList<int>, 128> m_regexesByAscii;
    QList<CompiledKeyword> m_keywords; // in matching order
    // Indexes into m_keywords by the keyword's first character, so match() only compares candidates.
    std::array<QList<int>, 128> m_keywordsByAscii;
    QHash<char16_t, QList<int>> m_keywordsByOther;
    QList<int> m_keywordsAnywhere; // keywords starting with punctuation
};

} // namespace Moniagent
