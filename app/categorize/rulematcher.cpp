#include "rulematcher.h"

#include "categorizationinput.h"
#include "categorizelogging.h"
#include "merchantnormalizer.h"

#include <QVarLengthArray>

#include <algorithm>
#include <bitset>
#include <climits>
#include <cstring>

namespace Moniagent {

namespace {

// PCRE2 limits put in front of every rule's expression, so a search that backtracks without end stops and
// counts as no match. Measured with Qt 6.4 / PCRE2 10.42: (a+)+$ against 30 'a's and '!' stops after about
// 0.2 ms with JIT and 1.5 ms interpreted, while ordinary expressions on a 2,000-character text need fewer than
// 2,000 steps. Without them PCRE2's default (10,000,000) lets one search take a second.
constexpr int MatchLimit = 100000;
constexpr int DepthLimit = 10000;
// validatePattern()'s trial run: interpreted (the step count is then the same on every platform, with or
// without JIT) with a tight limit. Ordinary expressions need under 200 steps on the 31-character probes,
// \w*\w*\w*x about 5,000, (a|aa)+$ millions.
constexpr int TrialLimit = 10000;
// A quantifier allowing more repetitions than this counts as repeating in the nesting checks: (\w+ ){3} is
// harmless, (.*a){20} is not.
constexpr int RepeatLimit = 3;

constexpr QRegularExpression::PatternOptions RegexOptions
    = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

QString limitedPattern(const QString& pattern)
{
    return QStringLiteral("(*LIMIT_MATCH=%1)(*LIMIT_DEPTH=%2)").arg(MatchLimit).arg(DepthLimit) + pattern;
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Whether `text` has `prefix` at `position` (an inline, exact comparison: called for every candidate rule).
bool hasAt(QStringView text, qsizetype position, const QString& prefix)
{
    return position + prefix.size() <= text.size()
        && std::memcmp(text.data() + position, prefix.constData(), size_t(prefix.size()) * sizeof(QChar)) == 0;
}

bool isAsciiAlnum(QChar c)
{
    return c.unicode() < 0x80 && c.isLetterOrNumber();
}

int typeRank(RuleType type)
{
    switch (type) {
    case RuleType::ExactMatch:
        return 0;
    case RuleType::Regex:
        return 1;
    case RuleType::Keyword:
        break;
    }
    return 2;
}

// ---- Reading regular expressions ----

bool isHexDigit(QChar c)
{
    return c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f');
}

// The length of the escape sequence starting at p[i] == '\\' ("\d", "\x{41}", "\p{L}", "\g{-1}"…); \Q is
// the caller's business.
qsizetype escapeLength(QStringView p, qsizetype i)
{
    const qsizetype n = p.size();
    if (i + 1 >= n)
        return n - i;
    qsizetype j = i + 2;
    const auto skipEnclosed = [&](char16_t open, char16_t close) {
        if (j >= n || p[j] != open)
            return false;
        ++j;
        while (j < n && p[j] != close)
            ++j;
        if (j < n)
            ++j;
        return true;
    };
    switch (p[i + 1].unicode()) {
    case u'x':
        if (!skipEnclosed(u'{', u'}'))
            for (int k = 0; k < 2 && j < n && isHexDigit(p[j]); ++k)
                ++j;
        break;
    case u'o':
    case u'N':
        skipEnclosed(u'{', u'}');
        break;
    case u'0':
        for (int k = 0; k < 2 && j < n && p[j] >= u'0' && p[j] <= u'7'; ++k)
            ++j;
        break;
    case u'c':
        if (j < n)
            ++j;
        break;
    case u'p':
    case u'P':
        if (!skipEnclosed(u'{', u'}') && j < n)
            ++j;
        break;
    case u'g':
    case u'k':
        if (!skipEnclosed(u'{', u'}') && !skipEnclosed(u'<', u'>') && !skipEnclosed(u'\'', u'\'')) {
            if (j < n && (p[j] == u'+' || p[j] == u'-'))
                ++j;
            while (j < n && p[j].isDigit())
                ++j;
        }
        break;
    default:
        if (p[i + 1].isDigit())
            while (j < n && p[j].isDigit())
                ++j;
        break;
    }
    return j - i;
}

// The index after a character class starting at p[i] == '['.
qsizetype classEnd(QStringView p, qsizetype i)
{
    const qsizetype n = p.size();
    qsizetype j = i + 1;
    if (j < n && p[j] == u'^')
        ++j;
    if (j < n && p[j] == u']')
        ++j; // a leading ']' is literal
    while (j < n) {
        if (p[j] == u'\\') {
            if (j + 1 < n && p[j + 1] == u'Q') {
                const qsizetype end = p.indexOf(u"\\E", j + 2);
                j = end < 0 ? n : end + 2;
            } else {
                j += escapeLength(p, j);
            }
            continue;
        }
        if (p[j] == u'[' && j + 1 < n && p[j + 1] == u':') {
            const qsizetype end = p.indexOf(u":]", j + 2);
            if (end >= 0) {
                j = end + 2;
                continue;
            }
        }
        if (p[j] == u']')
            return j + 1;
        ++j;
    }
    return n;
}

struct Quantifier
{
    int min = 1;
    int max = 1; // -1: unbounded
    qsizetype length = 0; // 0: no quantifier
};

Quantifier quantifierAt(QStringView p, qsizetype i)
{
    const qsizetype n = p.size();
    if (i >= n)
        return {};
    Quantifier q;
    switch (p[i].unicode()) {
    case u'*':
        q = {0, -1, 1};
        break;
    case u'+':
        q = {1, -1, 1};
        break;
    case u'?':
        q = {0, 1, 1};
        break;
    case u'{': {
        // {n}, {n,}, {n,m}; anything else is a literal brace
        qsizetype j = i + 1;
        const auto number = [&](int& value) {
            const qsizetype from = j;
            value = 0;
            while (j < n && p[j].isDigit()) {
                value = std::min(value * 10 + p[j].digitValue(), 1000000);
                ++j;
            }
            return j > from;
        };
        int min = 0;
        if (!number(min))
            return {};
        int max = min;
        if (j < n && p[j] == u',') {
            ++j;
            if (!number(max))
                max = -1;
        }
        if (j >= n || p[j] != u'}')
            return {};
        q = {min, max, j + 1 - i};
        break;
    }
    default:
        return {};
    }
    if (i + q.length < n && (p[i + q.length] == u'?' || p[i + q.length] == u'+')) // lazy, possessive
        ++q.length;
    return q;
}

bool repeats(const Quantifier& q)
{
    return q.length > 0 && (q.max < 0 || q.max > RepeatLimit);
}

// The characters a part of an expression can start with (ASCII exactly, the rest as one bucket), for telling
// whether two alternatives can start alike.
struct FirstSet
{
    std::bitset<128> ascii;
    bool other = false;
    bool any = false;

    static FirstSet anything()
    {
        FirstSet set;
        set.any = true;
        return set;
    }
    static FirstSet literal(QChar c)
    {
        FirstSet set;
        if (c.unicode() >= 0x80) {
            set.other = true;
        } else {
            set.ascii.set(c.unicode());
            set.ascii.set(c.toLower().unicode());
            set.ascii.set(c.toUpper().unicode());
        }
        return set;
    }
    static FirstSet escape(QChar e)
    {
        FirstSet set;
        const auto addRange = [&set](char16_t from, char16_t to) {
            for (char16_t c = from; c <= to; ++c)
                set.ascii.set(c);
        };
        switch (e.unicode()) {
        case u'd':
            addRange(u'0', u'9');
            set.other = true;
            return set;
        case u's':
            addRange(9, 13);
            set.ascii.set(u' ');
            set.other = true;
            return set;
        case u'w':
            addRange(u'0', u'9');
            addRange(u'a', u'z');
            addRange(u'A', u'Z');
            set.ascii.set(u'_');
            set.other = true;
            return set;
        default:
            if (e.unicode() < 0x80 && !e.isLetterOrNumber())
                return literal(e); // "\." is a dot
            return anything();
        }
    }
    void unite(const FirstSet& o)
    {
        ascii |= o.ascii;
        other = other || o.other;
        any = any || o.any;
    }
    bool overlaps(const FirstSet& o) const { return any || o.any || (other && o.other) || (ascii & o.ascii).any(); }
};

enum class Problem
{
    None,
    Verb, // (*LIMIT_MATCH=…), (*SKIP)…
    BackReference,
    Recursion, // recursion, subroutine calls, conditions, callouts
    Extended, // (?x): whitespace and # comments change meaning
    NestedRepetition, // (a+)+
    OverlappingAlternatives, // (a|aa)+
};

struct Finding
{
    Problem problem = Problem::None;
    qsizetype start = 0; // the offending part of the pattern
    qsizetype end = 0;
};

// Walks a valid expression looking for constructs that backtrack catastrophically or that rules do not allow.
class PatternAnalyzer
{
public:
    explicit PatternAnalyzer(QStringView pattern)
        : m_p(pattern)
    { }

    Finding run()
    {
        m_groups.append(Group {});
        const qsizetype n = m_p.size();
        for (qsizetype i = 0; i < n;) {
            const QChar c = m_p[i];
            if (c == u'\\') {
                const QChar e = i + 1 < n ? m_p[i + 1] : QChar();
                if (e == u'Q') {
                    const qsizetype end = m_p.indexOf(u"\\E", i + 2);
                    const qsizetype after = end < 0 ? n : end + 2;
                    i = atom(FirstSet::anything(), after, false);
                    continue;
                }
                if ((e.isDigit() && e != u'0') || e == u'g' || e == u'k')
                    return {Problem::BackReference, i, i + escapeLength(m_p, i)};
                const qsizetype after = i + escapeLength(m_p, i);
                if (QStringView(u"bBAzZGK").contains(e)) { // assertions match no character
                    i = after;
                    continue;
                }
                i = atom(FirstSet::escape(e), after, false);
                continue;
            }
            if (c == u'[') {
                i = atom(FirstSet::anything(), classEnd(m_p, i), false);
                continue;
            }
            if (c == u'(') {
                const Finding finding = openGroup(i);
                if (finding.problem != Problem::None)
                    return finding;
                i = m_next;
                continue;
            }
            if (c == u')') {
                if (m_groups.size() < 2) { // unbalanced: QRegularExpression refused it already
                    ++i;
                    continue;
                }
                const Finding finding = closeGroup(i);
                if (finding.problem != Problem::None)
                    return finding;
                i = m_next;
                continue;
            }
            if (c == u'|') {
                finishAlternative();
                ++i;
                continue;
            }
            if (c == u'^' || c == u'$') {
                ++i;
                continue;
            }
            if (quantifierAt(m_p, i).length > 0) { // after an assertion: nothing to repeat
                i += quantifierAt(m_p, i).length;
                continue;
            }
            i = atom(c == u'.' ? FirstSet::anything() : FirstSet::literal(c), i + 1, false);
        }
        return {};
    }

private:
    struct Group
    {
        qsizetype start = 0;
        bool lookaround = false;
        bool unbounded = false; // contains an unbounded repetition
        QList<FirstSet> alternatives;
        FirstSet current;
        bool started = false; // the current alternative has its first character
    };

    // An atom spanning up to `end`, maybe quantified; returns where scanning resumes.
    qsizetype atom(const FirstSet& set, qsizetype end, bool groupUnbounded)
    {
        const Quantifier q = quantifierAt(m_p, end);
        Group& group = m_groups.back();
        if (!group.started) {
            group.current = q.length > 0 && q.min == 0 ? FirstSet::anything() : set;
            group.started = true;
        }
        if (groupUnbounded || (q.length > 0 && q.max < 0))
            group.unbounded = true;
        return end + q.length;
    }

    void finishAlternative()
    {
        Group& group = m_groups.back();
        group.alternatives.append(group.started ? group.current : FirstSet::anything()); // empty: matches anywhere
        group.current = {};
        group.started = false;
    }

    Finding openGroup(qsizetype i)
    {
        const qsizetype n = m_p.size();
        if (i + 1 < n && m_p[i + 1] == u'*')
            return {Problem::Verb, i, std::max(i + 2, m_p.indexOf(u')', i) + 1)};
        Group group;
        group.start = i;
        qsizetype content = i + 1;
        if (i + 1 < n && m_p[i + 1] == u'?') {
            const QChar k = i + 2 < n ? m_p[i + 2] : QChar();
            const qsizetype closing = m_p.indexOf(u')', i);
            const qsizetype groupText = closing < 0 ? n : closing + 1;
            switch (k.unicode()) {
            case u'#': // comment
                m_next = groupText;
                return {};
            case u':':
            case u'|':
            case u'>':
                content = i + 3;
                break;
            case u'=':
            case u'!':
                group.lookaround = true;
                content = i + 3;
                break;
            case u'<':
                if (i + 3 < n && (m_p[i + 3] == u'=' || m_p[i + 3] == u'!')) {
                    group.lookaround = true;
                    content = i + 4;
                } else {
                    content = m_p.indexOf(u'>', i) + 1; // (?<name>
                }
                break;
            case u'\'':
                content = m_p.indexOf(u'\'', i + 3) + 1; // (?'name'
                break;
            case u'P':
                if (i + 3 < n && m_p[i + 3] == u'=')
                    return {Problem::BackReference, i, groupText};
                if (i + 3 < n && m_p[i + 3] == u'>')
                    return {Problem::Recursion, i, groupText};
                content = m_p.indexOf(u'>', i) + 1; // (?P<name>
                break;
            case u'R':
            case u'&':
            case u'(':
            case u'C':
                return {Problem::Recursion, i, groupText};
            default: {
                if (k.isDigit() || ((k == u'+' || k == u'-') && i + 3 < n && m_p[i + 3].isDigit()))
                    return {Problem::Recursion, i, groupText};
                // Option settings: (?i) for the rest of the group, (?i:…) as a group.
                qsizetype j = i + 2;
                bool extended = false;
                while (j < n && (m_p[j].isLetter() || m_p[j] == u'-' || m_p[j] == u'^')) {
                    extended = extended || m_p[j] == u'x';
                    ++j;
                }
                if (extended)
                    return {Problem::Extended, i, j + 1};
                if (j < n && m_p[j] == u')') {
                    m_next = j + 1;
                    return {};
                }
                content = j + 1; // (?i:
                break;
            }
            }
        }
        m_groups.append(group);
        m_next = std::max(content, i + 1);
        return {};
    }

    Finding closeGroup(qsizetype i)
    {
        finishAlternative();
        const Group group = m_groups.takeLast();
        const Quantifier q = quantifierAt(m_p, i + 1);
        const qsizetype end = i + 1 + q.length;
        FirstSet first;
        for (const FirstSet& alternative : group.alternatives)
            first.unite(alternative);
        if (group.lookaround)
            first = FirstSet::anything();
        if (repeats(q)) {
            if (group.unbounded)
                return {Problem::NestedRepetition, group.start, end};
            for (qsizetype a = 0; a < group.alternatives.size(); ++a)
                for (qsizetype b = a + 1; b < group.alternatives.size(); ++b)
                    if (group.alternatives[a].overlaps(group.alternatives[b]))
                        return {Problem::OverlappingAlternatives, group.start, end};
        }
        m_next = atom(first, i + 1, group.unbounded);
        return {};
    }

    QStringView m_p;
    QList<Group> m_groups;
    qsizetype m_next = 0; // where scanning resumes after openGroup() and closeGroup()
};

// Strings that make backtracking expressions explode: long runs of the characters the pattern names, of its
// literal words, and of generic letters, digits and spaces, each with and without a character that stops a
// match at the end.
QStringList hostileProbes(const QString& pattern)
{
    QString characters;
    for (const QChar c : pattern) {
        const QChar lower = c.toLower();
        if (isAsciiAlnum(c) && !characters.contains(lower) && characters.size() < 10)
            characters.append(lower);
    }
    for (const QChar c : {QChar(u'a'), QChar(u'1'), QChar(u' ')})
        if (!characters.contains(c))
            characters.append(c);
    QStringList words;
    for (qsizetype i = 0; i < pattern.size() && words.size() < 4;) {
        qsizetype j = i;
        while (j < pattern.size() && isAsciiAlnum(pattern[j]))
            ++j;
        if (j - i >= 2 && (i == 0 || pattern[i - 1] != u'\\'))
            words.append(pattern.mid(i, j - i));
        i = j + 1;
    }
    words << QStringLiteral("a1") << QStringLiteral("a ");

    QStringList probes;
    const auto add = [&probes](const QString& run) {
        probes << run << run + u'!' << run + u'\n';
    };
    for (const QChar c : std::as_const(characters))
        add(QString(30, c));
    for (const QString& word : std::as_const(words)) {
        QString run;
        while (run.size() < 30)
            run += word;
        add(run);
        QString spaced;
        while (spaced.size() < 30)
            spaced += word + u' ';
        add(spaced);
    }
    return probes;
}

// The longest run of plain ASCII characters every match contains, in lower case, or empty when unsure. Only
// the top level of the expression counts (outside groups and classes), and only when it has no alternation;
// a character followed by a quantifier ends the run without being part of it.
QString requiredText(QStringView p)
{
    QString best;
    QString current;
    const auto flush = [&] {
        if (current.size() > best.size())
            best = current;
        current.clear();
    };
    int depth = 0;
    const qsizetype n = p.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = p[i];
        if (c == u'\\') {
            const QChar e = i + 1 < n ? p[i + 1] : QChar();
            if (e == u'Q' || e == u'E')
                return {};
            const qsizetype length = escapeLength(p, i);
            if (depth == 0 && e.unicode() < 0x80 && !e.isLetterOrNumber() && !e.isNull()
                && quantifierAt(p, i + length).length == 0)
                current.append(e); // "\." is a dot
            else
                flush();
            i += length;
            continue;
        }
        if (c == u'[') {
            flush();
            i = classEnd(p, i);
            continue;
        }
        if (c == u'(') {
            flush();
            if (i + 1 < n && p[i + 1] == u'*')
                return {};
            if (i + 1 < n && p[i + 1] == u'?') {
                if (i + 2 < n && p[i + 2] == u'#') {
                    const qsizetype end = p.indexOf(u')', i);
                    i = end < 0 ? n : end + 1;
                    continue;
                }
                qsizetype j = i + 2;
                bool extended = false;
                while (j < n && (p[j].isLetter() || p[j] == u'-' || p[j] == u'^')) {
                    extended = extended || p[j] == u'x';
                    ++j;
                }
                if (extended)
                    return {};
                if (j < n && p[j] == u')' && j > i + 2) { // (?i): options only
                    i = j + 1;
                    continue;
                }
            }
            ++depth;
            ++i;
            continue;
        }
        if (c == u')') {
            flush();
            --depth;
            ++i;
            i += quantifierAt(p, i).length;
            continue;
        }
        if (c == u'|') {
            if (depth == 0)
                return {};
            ++i;
            continue;
        }
        if (depth > 0) {
            ++i;
            continue;
        }
        if (const Quantifier q = quantifierAt(p, i); q.length > 0) {
            if (!current.isEmpty())
                current.chop(1); // the quantified character may be absent or repeated
            flush();
            i += q.length;
            continue;
        }
        if (c == u'.' || c == u'^' || c == u'$' || c.unicode() >= 0x80 || c == u'{') {
            flush();
            ++i;
            continue;
        }
        current.append(c.toLower());
        ++i;
    }
    flush();
    return best.size() >= 2 ? best : QString();
}

// The folded merchant and description, one space between words, for keyword rules.
QString keywordText(const QString& foldedMerchant, const QString& foldedDescription)
{
    QString out(foldedMerchant.size() + foldedDescription.size() + 1, Qt::Uninitialized);
    QChar* const begin = out.data();
    QChar* w = begin;
    bool space = false;
    for (const QString* part : {&foldedMerchant, &foldedDescription}) {
        space = true;
        for (const QChar c : *part) {
            if (c.isSpace()) {
                space = true;
                continue;
            }
            if (space && w != begin)
                *w++ = u' ';
            space = false;
            *w++ = c;
        }
    }
    out.truncate(w - begin);
    return out;
}

} // namespace

Result<void> RuleMatcher::validatePattern(RuleType type, const QString& pattern)
{
    if (pattern.trimmed().isEmpty())
        return Error::invalidInput(tr("Enter the store name or text the rule should match."));
    if (pattern.size() > MaxPatternLength)
        return Error::invalidInput(tr("The pattern is too long: at most %1 characters.").arg(MaxPatternLength));

    switch (type) {
    case RuleType::ExactMatch:
        if (MerchantNormalizer::normalize(pattern).isEmpty())
            return Error::invalidInput(
                tr("“%1” has no store name left once card and payment words, numbers and dates are removed. "
                   "Enter the store's name.")
                    .arg(pattern));
        return {};
    case RuleType::Keyword: {
        const QString keyword = MerchantNormalizer::fold(pattern);
        if (std::none_of(keyword.begin(), keyword.end(), [](QChar c) { return c.isLetterOrNumber(); }))
            return Error::invalidInput(tr("Enter at least one letter or digit for the rule to look for."));
        return {};
    }
    case RuleType::Regex:
        break;
    }

    const QRegularExpression expression(pattern, RegexOptions);
    if (!expression.isValid())
        return Error::invalidInput(
            tr("“%1” is not a valid regular expression: %2 (at character %3).")
                .arg(pattern, expression.errorString(), QString::number(expression.patternErrorOffset() + 1)));

    const Finding finding = PatternAnalyzer(pattern).run();
    const QString part = pattern.mid(finding.start, finding.end - finding.start);
    switch (finding.problem) {
    case Problem::None:
        break;
    case Problem::Verb:
        return Error::invalidInput(
            tr("Rules cannot use “%1”: control verbs and options such as (*LIMIT_MATCH=…) are not supported.")
                .arg(part));
    case Problem::BackReference:
        return Error::invalidInput(
            tr("Rules cannot use the back-reference “%1”: it can make checking a store name very slow.").arg(part));
    case Problem::Recursion:
        return Error::invalidInput(
            tr("Rules cannot use “%1”: recursion, conditions and callouts are not supported.").arg(part));
    case Problem::Extended:
        return Error::invalidInput(
            tr("Rules cannot use the extended mode “%1”: write the expression without it.").arg(part));
    case Problem::NestedRepetition:
        return Error::invalidInput(
            tr("“%1” repeats a part that itself repeats without limit, like (a+)+; checking it can take very long. "
               "Remove one of the repetitions.")
                .arg(part));
    case Problem::OverlappingAlternatives:
        return Error::invalidInput(
            tr("“%1” repeats alternatives that can start with the same character, like (a|ab)+; checking it can "
               "take very long. Make the alternatives start differently or remove the repetition.")
                .arg(part));
    }

    // A trial run on hostile strings catches what the checks above cannot see (\w*\w*\w*\w*x…). "\E" closes
    // a \Q the pattern may leave open; elsewhere PCRE2 ignores it.
    const QRegularExpression trial(QStringLiteral("(*NO_JIT)(*LIMIT_MATCH=%1)(?:\\z|(?:").arg(TrialLimit) + pattern
                                       + QStringLiteral("\\E))"),
                                   RegexOptions);
    if (!trial.isValid()) {
        qCWarning(lcCategorize) << "Trial expression does not compile:" << trial.errorString();
        return Error::invalidInput(tr("“%1” cannot be checked safely. Simplify the regular expression.").arg(pattern));
    }
    for (const QString& probe : hostileProbes(pattern)) {
        // The \z branch matches at the end of every string, so "no match" means the step limit was hit.
        if (!trial.match(probe).hasMatch())
            return Error::invalidInput(
                tr("“%1” takes too long to check on long store names. Simplify the regular expression, for example "
                   "by removing repetitions of repeated parts.")
                    .arg(pattern));
    }
    return {};
}

void RuleMatcher::setRules(const QList<CategorizationRule>& rules)
{
    m_rules.clear();
    m_exact.clear();
    m_regexes.clear();
    m_keywords.clear();
    for (QList<int>& list : m_keywordsByAscii)
        list.clear();
    for (QList<int>& list : m_regexesByAscii)
        list.clear();
    m_keywordsByOther.clear();
    m_keywordsAnywhere.clear();

    QList<const CategorizationRule*> ordered;
    ordered.reserve(rules.size());
    for (const CategorizationRule& rule : rules)
        if (rule.isActive)
            ordered.append(&rule);
    std::stable_sort(ordered.begin(), ordered.end(), [](const CategorizationRule* a, const CategorizationRule* b) {
        if (typeRank(a->type) != typeRank(b->type))
            return typeRank(a->type) < typeRank(b->type);
        if (a->priority != b->priority)
            return a->priority > b->priority;
        return a->id < b->id;
    });

    const auto add = [this](const CategorizationRule& rule) {
        m_rules.append({rule.id, rule.categoryId, rule.type, rule.origin, rule.pattern, rule.confidenceThreshold});
        return int(m_rules.size() - 1);
    };
    for (const CategorizationRule* rule : std::as_const(ordered)) {
        switch (rule->type) {
        case RuleType::ExactMatch: {
            const QString key = MerchantNormalizer::normalize(rule->pattern);
            if (key.isEmpty()) {
                qCWarning(lcCategorize) << "Skipping exact-match rule" << rule->id << ": no store name in its pattern";
                break;
            }
            if (m_exact.contains(key)) {
                qCDebug(lcCategorize) << "Exact-match rule" << rule->id << "is shadowed by an earlier rule";
                break;
            }
            m_exact.insert(key, add(*rule));
            break;
        }
        case RuleType::Regex: {
            if (rule->pattern.isEmpty() || rule->pattern.startsWith(QLatin1String("(*"))) {
                // A pattern's own (*LIMIT_MATCH=…) would lift the limit put in front of it.
                qCWarning(lcCategorize) << "Skipping regex rule" << rule->id << ": empty or starts with (*";
                break;
            }
            QRegularExpression expression(limitedPattern(rule->pattern), RegexOptions);
            if (!expression.isValid()) {
                qCWarning(lcCategorize) << "Skipping regex rule" << rule->id << ":" << expression.errorString();
                break;
            }
            expression.optimize(); // compiles (and JIT-compiles) now, so match() only reads it
            const QString required = requiredText(rule->pattern);
            if (!required.isEmpty())
                m_regexesByAscii[required.front().unicode()].append(int(m_regexes.size()));
            m_regexes.append({expression, required, add(*rule)});
            break;
        }
        case RuleType::Keyword: {
            const QString keyword = MerchantNormalizer::fold(rule->pattern).simplified();
            if (keyword.isEmpty()
                || std::none_of(keyword.begin(), keyword.end(), [](QChar c) { return c.isLetterOrNumber(); })) {
                qCWarning(lcCategorize) << "Skipping keyword rule" << rule->id << ": no letter or digit";
                break;
            }
            const int index = int(m_keywords.size());
            m_keywords.append({keyword, add(*rule)});
            const QChar first = keyword.front();
            if (!first.isLetterOrNumber())
                m_keywordsAnywhere.append(index);
            else if (first.unicode() < 0x80)
                m_keywordsByAscii[first.unicode()].append(index);
            else
                m_keywordsByOther[first.unicode()].append(index);
            break;
        }
        }
    }
    qCDebug(lcCategorize) << "Compiled" << m_rules.size() << "of" << rules.size() << "rules:" << m_exact.size()
                          << "exact," << m_regexes.size() << "regex," << m_keywords.size() << "keyword";
}

std::optional<RuleMatch> RuleMatcher::match(const CategorizationInput& input) const
{
    if (!m_exact.isEmpty() && !input.merchantKey.isEmpty()) {
        const auto it = m_exact.constFind(input.merchantKey);
        if (it != m_exact.constEnd())
            return m_rules.at(*it);
    }
    if (m_regexes.isEmpty() && m_keywords.isEmpty())
        return std::nullopt;

    const QString foldedMerchant = MerchantNormalizer::fold(input.merchant);
    const QString foldedDescription = MerchantNormalizer::fold(input.description);
    if (!m_regexes.isEmpty()) {
        // For an ASCII subject the folded text is its lower-case form: a regex whose required text is missing
        // from it cannot match, and one pass over the text finds which required texts are present, far cheaper
        // than the searches it saves. (Only for ASCII: PCRE2's caseless matching of other characters differs
        // from folding.)
        const bool merchantAscii = isAscii(input.merchant);
        const bool descriptionAscii = isAscii(input.description);
        QVarLengthArray<bool, 64> inMerchant(merchantAscii ? m_regexes.size() : 0, false);
        QVarLengthArray<bool, 64> inDescription(descriptionAscii ? m_regexes.size() : 0, false);
        if (merchantAscii)
            markRequiredTexts(foldedMerchant, inMerchant.data());
        if (descriptionAscii)
            markRequiredTexts(foldedDescription, inDescription.data());
        const bool searchDescription = !input.description.isEmpty() && input.description != input.merchant;
        for (qsizetype i = 0; i < m_regexes.size(); ++i) {
            const CompiledRegex& regex = m_regexes.at(i);
            const bool required = !regex.requiredText.isEmpty();
            const bool inM = !input.merchant.isEmpty() && (!merchantAscii || !required || inMerchant[i]);
            const bool inD = searchDescription && (!descriptionAscii || !required || inDescription[i]);
            if ((inM && regex.expression.match(input.merchant).hasMatch())
                || (inD && regex.expression.match(input.description).hasMatch()))
                return m_rules.at(regex.rule);
        }
    }
    if (m_keywords.isEmpty())
        return std::nullopt;
    return matchKeyword(keywordText(foldedMerchant, foldedDescription));
}

void RuleMatcher::markRequiredTexts(const QString& lower, bool* present) const
{
    const QStringView view(lower);
    for (qsizetype p = 0; p < view.size(); ++p) {
        const char16_t c = view[p].unicode();
        if (c >= 0x80)
            continue;
        for (const int index : m_regexesByAscii[c])
            if (!present[index] && hasAt(view, p, m_regexes.at(index).requiredText))
                present[index] = true;
    }
}

std::optional<RuleMatch> RuleMatcher::matchKeyword(const QString& text) const
{
    int best = INT_MAX; // index into m_keywords: the earliest rule found so far
    const QStringView view(text);
    for (qsizetype p = 0; p < view.size(); ++p) {
        const QChar c = view[p];
        if (!c.isLetterOrNumber() || (p > 0 && view[p - 1].isLetterOrNumber()))
            continue; // keywords that start with a letter or digit start at the start of a word
        const QList<int>* candidates = nullptr;
        if (c.unicode() < 0x80) {
            candidates = &m_keywordsByAscii[c.unicode()];
        } else {
            const auto it = m_keywordsByOther.constFind(c.unicode());
            if (it == m_keywordsByOther.constEnd())
                continue;
            candidates = &*it;
        }
        for (const int index : *candidates) {
            if (index >= best)
                break;
            if (hasAt(view, p, m_keywords.at(index).text)) {
                best = index;
                break;
            }
        }
    }
    for (const int index : m_keywordsAnywhere) {
        if (index >= best)
            break;
        if (text.contains(m_keywords.at(index).text)) {
            best = index;
            break;
        }
    }
    if (best == INT_MAX)
        return std::nullopt;
    return m_rules.at(m_keywords.at(best).rule);
}

bool RuleMatcher::matches(const CategorizationRule& rule, const CategorizationInput& input)
{
    CategorizationRule active = rule;
    active.isActive = true;
    RuleMatcher matcher;
    matcher.setRules({active});
    return matcher.match(input).has_value();
}

int RuleMatcher::ruleCount() const
{
    return int(m_rules.size());
}

} // namespace Moniagent
