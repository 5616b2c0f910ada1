#include "quickentryparser.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace Moniagent {

namespace {

constexpr char kContext[] = "Moniagent::QuickEntryParser";

struct KeywordSource
{
    const char* source;
    const char* comment;
};

// The keyword lists. Each is a comma-separated list of words or phrases; translators replace it with the
// words of their language (the English list is always understood as well). Matching ignores case and accents.
const KeywordSource kIncomeWords = QT_TRANSLATE_NOOP3(
    "Moniagent::QuickEntryParser", "income,received,got paid,refund",
    "Quick entry: comma-separated words or phrases that mark money coming in (“salary 3200 income”). "
    "English is always understood too.");
const KeywordSource kTodayWords = QT_TRANSLATE_NOOP3("Moniagent::QuickEntryParser", "today",
                                                     "Quick entry: comma-separated words for today's date.");
const KeywordSource kYesterdayWords = QT_TRANSLATE_NOOP3("Moniagent::QuickEntryParser", "yesterday",
                                                         "Quick entry: comma-separated words for yesterday.");
const KeywordSource kDayBeforeYesterdayWords
    = QT_TRANSLATE_NOOP3("Moniagent::QuickEntryParser", "the day before yesterday,day before yesterday",
                         "Quick entry: comma-separated phrases for the day before yesterday.");
const KeywordSource kDaysAgoPhrases = QT_TRANSLATE_NOOP3(
    "Moniagent::QuickEntryParser", "{n} days ago,{n} day ago,a day ago",
    "Quick entry: comma-separated phrases for a number of days back; keep {n} where the number goes. "
    "A phrase without {n} means one day.");
const KeywordSource kWeeksAgoPhrases = QT_TRANSLATE_NOOP3(
    "Moniagent::QuickEntryParser", "{n} weeks ago,{n} week ago,a week ago",
    "Quick entry: comma-separated phrases for a number of weeks back; keep {n} where the number goes. "
    "A phrase without {n} means one week.");
const KeywordSource kLastWeekdayPhrases = QT_TRANSLATE_NOOP3(
    "Moniagent::QuickEntryParser", "last {weekday}",
    "Quick entry: comma-separated phrases for the most recent past weekday; keep {weekday} where the "
    "weekday name goes (French: “{weekday} dernier”).");
const KeywordSource kDatePrepositions = QT_TRANSLATE_NOOP3(
    "Moniagent::QuickEntryParser", "on,on the,the",
    "Quick entry: comma-separated words that stand right before a date and belong to it (“on monday”, "
    "German “am”, French “le”).");
const KeywordSource kDayOfMonthPrefixes = QT_TRANSLATE_NOOP3(
    "Moniagent::QuickEntryParser", "the,on the",
    "Quick entry: comma-separated words that make the number after them a day of the current month "
    "(“on the 3rd”; German “am”, French “le”).");
const KeywordSource kOrdinalSuffixes = QT_TRANSLATE_NOOP3(
    "Moniagent::QuickEntryParser", "st,nd,rd,th",
    "Quick entry: comma-separated endings of ordinal day numbers (“3rd”); German “.”, French “er,e”.");
const KeywordSource kDayMonthConnectors
    = QT_TRANSLATE_NOOP3("Moniagent::QuickEntryParser", "of",
                         "Quick entry: comma-separated words between a day and a month name (“1st of november”).");
const KeywordSource kFillerWords
    = QT_TRANSLATE_NOOP3("Moniagent::QuickEntryParser", "at,for,on,in,from",
                         "Quick entry: comma-separated short words dropped at the start or the end of the description "
                         "(“coffee at”, “for lunch”).");

// Lower-case letters of currency codes that are also common English words: as a word of their own they
// are words, not currencies ("try 12" is not 12 Turkish lira). Upper case ("TRY 12") still works.
const QStringList kAmbiguousCodeWords = {QStringLiteral("ars"), QStringLiteral("cad"), QStringLiteral("cop"),
                                         QStringLiteral("mad"), QStringLiteral("ron"), QStringLiteral("try")};

constexpr int kMaxDaysAgo = 3660;
constexpr int kMaxWeeksAgo = 520;
constexpr int kMaxMarkerLength = 5;

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009);
}

bool isMinus(QChar c)
{
    return c == u'-' || c == QChar(0x2212) || c == QChar(0x2013);
}

bool isSign(QChar c)
{
    return c == u'+' || isMinus(c);
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isOpeningQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201C) || c == QChar(0x201E) || c == QChar(0x00AB);
}

bool isClosingQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201D) || c == QChar(0x201C) || c == QChar(0x00BB);
}

bool isLeadingPunctuation(QChar c)
{
    return c == u'(' || c == u'[' || c == u'{' || c == u'\'' || isOpeningQuote(c) || c == QChar(0x2018);
}

bool isTrailingPunctuation(QChar c)
{
    return c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?' || c == u')' || c == u']' || c == u'}'
        || c == u'\'' || isClosingQuote(c) || c == QChar(0x2019);
}

// Case- and accent-insensitive form of a word: "März" -> "marz", "Déc." -> "dec.".
QString fold(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x2019) || c == QChar(0x2018))
            c = u'\'';
        out.append(c);
    }
    return out.toCaseFolded();
}

QString withoutTrailingDot(QString key)
{
    if (key.size() > 1 && key.endsWith(u'.'))
        key.chop(1);
    return key;
}

struct Token
{
    int start = 0; // of `text` in the input
    int end = 0;
    QString raw; // as typed, with punctuation
    QString text; // without leading opening and trailing closing punctuation
    QString key; // folded, without one trailing dot
    QString dottedKey; // folded, with its trailing dot
    bool categoryToken = false; // starts with '#'
    QString categoryHint;
    bool used = false;
};

QList<Token> tokenize(const QString& input)
{
    QList<Token> tokens;
    const int size = int(input.size());
    int i = 0;
    while (i < size) {
        if (isSpace(input.at(i))) {
            ++i;
            continue;
        }
        Token token;
        const int rawStart = i;
        if (input.at(i) == u'#' && i + 1 < size && isOpeningQuote(input.at(i + 1))) {
            // #"two words": the hint runs to the closing quote (or the end of the text).
            int j = i + 2;
            while (j < size && !isClosingQuote(input.at(j)))
                ++j;
            const int rawEnd = j < size ? j + 1 : size;
            token.start = rawStart;
            token.end = rawEnd;
            token.raw = input.mid(rawStart, rawEnd - rawStart);
            token.text = token.raw;
            token.categoryToken = true;
            token.categoryHint = input.mid(i + 2, j - i - 2).simplified();
            tokens.append(token);
            i = rawEnd;
            continue;
        }
        while (i < size && !isSpace(input.at(i)))
            ++i;
        int start = rawStart;
        int end = i;
        while (start < end && isLeadingPunctuation(input.at(start)))
            ++start;
        while (end > start && isTrailingPunctuation(input.at(end - 1)))
            --end;
        token.raw = input.mid(rawStart, i - rawStart);
        token.start = start;
        token.end = end;
        token.text = input.mid(start, end - start);
        token.dottedKey = fold(token.text);
        token.key = withoutTrailingDot(token.dottedKey);
        if (token.text.startsWith(u'#')) {
            token.categoryToken = true;
            token.categoryHint = token.text.mid(1);
        }
        tokens.append(token);
    }
    return tokens;
}

// "income,got paid" -> {{"income"}, {"got", "paid"}}, English and translated, longest first.
QList<QStringList> phraseList(const KeywordSource& source)
{
    QList<QStringList> phrases;
    const QString lists[]
        = {QString::fromUtf8(source.source), QCoreApplication::translate(kContext, source.source, source.comment)};
    for (const QString& list : lists) {
        const QStringList items = list.split(u',', Qt::SkipEmptyParts);
        for (const QString& item : items) {
            QStringList words;
            const QStringList parts = item.split(u' ', Qt::SkipEmptyParts);
            for (const QString& part : parts) {
                const QString word = withoutTrailingDot(fold(part.trimmed()));
                if (!word.isEmpty())
                    words.append(word);
            }
            if (!words.isEmpty() && !phrases.contains(words))
                phrases.append(words);
        }
    }
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const QStringList& a, const QStringList& b) { return a.size() > b.size(); });
    return phrases;
}

// The single words of a keyword list (for suffixes and fillers).
QSet<QString> wordSet(const KeywordSource& source)
{
    QSet<QString> words;
    const QList<QStringList> phrases = phraseList(source);
    for (const QStringList& phrase : phrases) {
        if (phrase.size() == 1)
            words.insert(phrase.constFirst());
    }
    // Translators may write "." for German ordinals, which withoutTrailingDot keeps as ".".
    return words;
}

// Names shorter than three letters ("Mo." in German) only match with their dot, so that "so" or "do"
// stay words.
void addName(QHash<QString, int>* names, const QString& name, int value)
{
    const QString base = withoutTrailingDot(fold(name.trimmed()));
    if (base.isEmpty() || base == u".")
        return;
    const QString key = base.size() >= 3 ? base : base + u'.';
    if (!names->contains(key))
        names->insert(key, value);
}

int lookupName(const QHash<QString, int>& names, const Token& token)
{
    if (token.key.size() >= 3) {
        const auto it = names.constFind(token.key);
        if (it != names.constEnd())
            return *it;
    }
    if (token.dottedKey.endsWith(u'.')) {
        const auto it = names.constFind(token.dottedKey);
        if (it != names.constEnd())
            return *it;
    }
    return 0;
}

bool hasLetterOrDigit(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

bool hasDigit(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.digitValue() >= 0; });
}

bool hasCurrencySymbol(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.category() == QChar::Symbol_Currency; });
}

bool isThreeAsciiLetters(const QString& text)
{
    return text.size() == 3 && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
           });
}

} // namespace

// -------------------------------------------------------------------------------------------------

struct QuickEntryParser::Vocabulary
{
    enum class DateOrder
    {
        DayMonthYear,
        MonthDayYear,
        YearMonthDay
    };
    DateOrder dateOrder = DateOrder::DayMonthYear;
    bool dotDates = false; // the locale writes dates with dots ("22.11.26")
    QHash<QString, int> months; // folded name -> 1..12
    QHash<QString, int> weekdays; // folded name -> 1 (Monday)..7
    QList<QStringList> income;
    QList<QStringList> today;
    QList<QStringList> yesterday;
    QList<QStringList> dayBeforeYesterday;
    QList<QStringList> daysAgo;
    QList<QStringList> weeksAgo;
    QList<QStringList> lastWeekday;
    QList<QStringList> datePrepositions;
    QList<QStringList> dayOfMonthPrefixes;
    QList<QStringList> connectors;
    QSet<QString> ordinalSuffixes;
    QSet<QString> fillers;
    QSet<QString> knownCodes; // upper case ISO codes understood beside an amount
    QList<Currency> probeOrder; // currencies tried, in order, for a symbol such as "$" or "¥"
};

QuickEntryParser::QuickEntryParser(const QLocale& locale, const Currency& defaultCurrency, QDate today)
    : m_locale(locale)
    , m_currency(defaultCurrency)
    , m_today(today)
{
    auto vocabulary = std::make_shared<Vocabulary>();

    const QString format = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype day = format.indexOf(u'd');
    const qsizetype month = format.indexOf(u'M');
    const qsizetype year = format.indexOf(u'y');
    if (year >= 0 && (month < 0 || year < month) && (day < 0 || year < day))
        vocabulary->dateOrder = Vocabulary::DateOrder::YearMonthDay;
    else if (month >= 0 && day >= 0 && month < day)
        vocabulary->dateOrder = Vocabulary::DateOrder::MonthDayYear;
    vocabulary->dotDates = format.contains(u'.');

    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (const QLocale& names : {locale, english}) {
        for (int i = 1; i <= 12; ++i) {
            for (QLocale::FormatType type : {QLocale::LongFormat, QLocale::ShortFormat}) {
                addName(&vocabulary->months, names.monthName(i, type), i);
                addName(&vocabulary->months, names.standaloneMonthName(i, type), i);
            }
        }
        for (int i = 1; i <= 7; ++i) {
            for (QLocale::FormatType type : {QLocale::LongFormat, QLocale::ShortFormat}) {
                addName(&vocabulary->weekdays, names.dayName(i, type), i);
                addName(&vocabulary->weekdays, names.standaloneDayName(i, type), i);
            }
        }
    }
    addName(&vocabulary->months, QStringLiteral("sept"), 9);
    addName(&vocabulary->weekdays, QStringLiteral("tues"), 2);
    addName(&vocabulary->weekdays, QStringLiteral("weds"), 3);
    addName(&vocabulary->weekdays, QStringLiteral("thur"), 4);
    addName(&vocabulary->weekdays, QStringLiteral("thurs"), 4);

    vocabulary->income = phraseList(kIncomeWords);
    vocabulary->today = phraseList(kTodayWords);
    vocabulary->yesterday = phraseList(kYesterdayWords);
    vocabulary->dayBeforeYesterday = phraseList(kDayBeforeYesterdayWords);
    vocabulary->daysAgo = phraseList(kDaysAgoPhrases);
    vocabulary->weeksAgo = phraseList(kWeeksAgoPhrases);
    vocabulary->lastWeekday = phraseList(kLastWeekdayPhrases);
    vocabulary->datePrepositions = phraseList(kDatePrepositions);
    vocabulary->dayOfMonthPrefixes = phraseList(kDayOfMonthPrefixes);
    vocabulary->connectors = phraseList(kDayMonthConnectors);
    vocabulary->ordinalSuffixes = wordSet(kOrdinalSuffixes);
    vocabulary->fillers = wordSet(kFillerWords);

    const Currency localeCurrency = Currency::forLocale(locale, defaultCurrency.code());
    const QStringList common = Currency::commonCodes();
    for (const QString& code : common)
        vocabulary->knownCodes.insert(code);
    QList<Currency> probe = {defaultCurrency,
                             localeCurrency,
                             Currency::fromCode(u"USD"),
                             Currency::fromCode(u"EUR"),
                             Currency::fromCode(u"GBP"),
                             Currency::fromCode(u"JPY")};
    for (const QString& code : common)
        probe.append(Currency::fromCode(code));
    for (const Currency& currency : std::as_const(probe)) {
        if (currency.isValid() && !vocabulary->probeOrder.contains(currency)) {
            vocabulary->probeOrder.append(currency);
            vocabulary->knownCodes.insert(currency.code());
        }
    }

    m_vocabulary = std::move(vocabulary);
}

// -------------------------------------------------------------------------------------------------

// One parse of one text. Phases, each taking the tokens it recognises out of play: category hint,
// dates, income words, amount; what remains is the description.
class QuickEntryParser::Run
{
public:
    Run(const QuickEntryParser& parser, const QString& input, bool yearAfterMonthName)
        : m_parser(parser)
        , m_vocabulary(*parser.m_vocabulary)
        , m_input(input)
        , m_yearAfterMonthName(yearAfterMonthName)
    { }

    QuickEntry execute();

    bool usedBareYear() const { return m_usedBareYear; }

private:
    struct DateHit
    {
        int length = 0; // in tokens
        QDate date;
        bool bareYear = false; // a four-digit number after a month name was taken as the year
    };

    struct PhraseHit
    {
        int length = 0;
        int number = -1; // {n}, -1 when the phrase has none
        int weekday = 0; // {weekday}
    };

    struct AmountCandidate
    {
        int first = 0; // tokens, including currency markers that are words of their own
        int last = 0;
        int numberToken = 0;
        QString number; // digits and separators, as typed
        QString shown; // the amount as typed, for messages
        QString prefix; // currency marker before the number
        QString suffix; // currency marker after the number
        std::optional<Currency> currency;
        bool negative = false;
        bool sentenceDot = false; // the number token ends with a full stop that is not part of the amount
        int plusPosition = -1; // input index of a '+' that marks income
    };

    bool available(int i) const { return i >= 0 && i < m_tokens.size() && !m_tokens.at(i).used; }
    void use(int first, int last);
    void addTokenSpan(int firstToken, int lastToken, QuickEntry::Span::Kind kind);
    void addSpan(int start, int end, QuickEntry::Span::Kind kind);
    QString textOf(int firstToken, int lastToken) const;
    void fail(QuickEntry::Problem problem, const QString& message);

    void findCategory();
    void findDates();
    void findType();
    void findAmount();
    void findMerchant();

    PhraseHit matchPhrase(int at, const QStringList& phrase) const;
    PhraseHit matchLongest(int at, const QList<QStringList>& phrases) const;
    DateHit matchDate(int at) const;
    DateHit matchRelative(int at) const;
    DateHit matchNumeric(int at) const;
    DateHit matchDayMonth(int at) const;
    DateHit matchMonthDay(int at) const;
    DateHit matchWeekday(int at) const;
    DateHit matchDayOfMonth(int at) const;
    std::optional<int> dayOf(int at) const;
    std::optional<int> yearOf(int at) const;
    int monthOf(int at) const;
    int weekdayOf(int at) const;

    QDate pastWeekday(int weekday) const;
    QDate pastDayOfMonth(int day) const;
    QDate dateWithoutYear(int month, int day) const;
    static QDate dateWithYear(int year, int month, int day);

    std::optional<AmountCandidate> amountAt(int at) const;
    std::optional<Currency> resolveCurrency(const QString& marker) const;
    bool isCurrencyWord(int at) const;

    const QuickEntryParser& m_parser;
    const Vocabulary& m_vocabulary;
    const QString& m_input;
    const bool m_yearAfterMonthName;
    QList<Token> m_tokens;
    QuickEntry m_entry;
    bool m_usedBareYear = false;
};

void QuickEntryParser::Run::use(int first, int last)
{
    for (int i = first; i <= last; ++i)
        m_tokens[i].used = true;
}

void QuickEntryParser::Run::addTokenSpan(int firstToken, int lastToken, QuickEntry::Span::Kind kind)
{
    addSpan(m_tokens.at(firstToken).start, m_tokens.at(lastToken).end, kind);
}

void QuickEntryParser::Run::addSpan(int start, int end, QuickEntry::Span::Kind kind)
{
    if (end > start)
        m_entry.spans.append({start, end - start, kind});
}

QString QuickEntryParser::Run::textOf(int firstToken, int lastToken) const
{
    const int start = m_tokens.at(firstToken).start;
    return m_input.mid(start, m_tokens.at(lastToken).end - start);
}

// Keeps the most important problem: the order of QuickEntry::Problem is the order of importance.
void QuickEntryParser::Run::fail(QuickEntry::Problem problem, const QString& message)
{
    if (m_entry.problem == QuickEntry::Problem::None || int(problem) < int(m_entry.problem)) {
        m_entry.problem = problem;
        m_entry.error = message;
    }
}

QuickEntry QuickEntryParser::Run::execute()
{
    m_entry.problem = QuickEntry::Problem::None;
    m_entry.date = m_parser.m_today;
    m_tokens = tokenize(m_input);

    findCategory();
    findDates();
    findType();
    findAmount();
    findMerchant();

    std::sort(m_entry.spans.begin(), m_entry.spans.end(),
              [](const QuickEntry::Span& a, const QuickEntry::Span& b) { return a.start < b.start; });
    m_entry.ok = m_entry.problem == QuickEntry::Problem::None;
    return m_entry;
}

// --- category -------------------------------------------------------------------------------------

void QuickEntryParser::Run::findCategory()
{
    for (int i = 0; i < m_tokens.size(); ++i) {
        Token& token = m_tokens[i];
        if (!token.categoryToken)
            continue;
        token.used = true;
        if (token.categoryHint.isEmpty())
            continue; // a lone '#'
        addTokenSpan(i, i, QuickEntry::Span::Kind::Category);
        if (m_entry.categoryHint.isEmpty()) {
            m_entry.categoryHint = token.categoryHint;
        } else {
            fail(QuickEntry::Problem::TwoCategories,
                 tr("Found two categories: #%1 and #%2. Keep only one.").arg(m_entry.categoryHint, token.categoryHint));
        }
    }
}

// --- dates ----------------------------------------------------------------------------------------

QuickEntryParser::Run::PhraseHit QuickEntryParser::Run::matchPhrase(int at, const QStringList& phrase) const
{
    if (at < 0 || at + phrase.size() > m_tokens.size())
        return {};
    PhraseHit hit;
    for (int k = 0; k < phrase.size(); ++k) {
        const int i = at + k;
        if (!available(i))
            return {};
        const QString& word = phrase.at(k);
        if (word == u"{n}") {
            const QString& text = m_tokens.at(i).text;
            if (text.isEmpty() || text.size() > 5 || !std::all_of(text.cbegin(), text.cend(), isAsciiDigit))
                return {};
            hit.number = text.toInt();
        } else if (word == u"{weekday}") {
            hit.weekday = weekdayOf(i);
            if (hit.weekday == 0)
                return {};
        } else if (m_tokens.at(i).key != word) {
            return {};
        }
    }
    hit.length = int(phrase.size());
    return hit;
}

QuickEntryParser::Run::PhraseHit QuickEntryParser::Run::matchLongest(int at, const QList<QStringList>& phrases) const
{
    for (const QStringList& phrase : phrases) { // longest first
        const PhraseHit hit = matchPhrase(at, phrase);
        if (hit.length > 0)
            return hit;
    }
    return {};
}

std::optional<int> QuickEntryParser::Run::dayOf(int at) const
{
    if (!available(at))
        return std::nullopt;
    const QString& text = m_tokens.at(at).text;
    int digits = 0;
    while (digits < text.size() && digits < 3 && isAsciiDigit(text.at(digits)))
        ++digits;
    if (digits < 1 || digits > 2)
        return std::nullopt;
    const QString suffix = fold(QStringView(text).mid(digits));
    if (!suffix.isEmpty() && suffix != u"." && !m_vocabulary.ordinalSuffixes.contains(suffix))
        return std::nullopt;
    const int day = text.left(digits).toInt();
    if (day < 1 || day > 31)
        return std::nullopt;
    return day;
}

std::optional<int> QuickEntryParser::Run::yearOf(int at) const
{
    if (!available(at))
        return std::nullopt;
    const QString& text = m_tokens.at(at).text;
    if (text.size() != 4 || !std::all_of(text.cbegin(), text.cend(), isAsciiDigit))
        return std::nullopt;
    const int year = text.toInt();
    if (year < 1900 || year > 2199)
        return std::nullopt;
    return year;
}

int QuickEntryParser::Run::monthOf(int at) const
{
    return available(at) ? lookupName(m_vocabulary.months, m_tokens.at(at)) : 0;
}

int QuickEntryParser::Run::weekdayOf(int at) const
{
    return available(at) ? lookupName(m_vocabulary.weekdays, m_tokens.at(at)) : 0;
}

// The most recent `weekday` before today (today excluded).
QDate QuickEntryParser::Run::pastWeekday(int weekday) const
{
    const QDate today = m_parser.m_today;
    int back = (today.dayOfWeek() - weekday + 7) % 7;
    if (back == 0)
        back = 7;
    return today.addDays(-back);
}

// The most recent date on or before today whose day of the month is `day`; invalid if none.
QDate QuickEntryParser::Run::pastDayOfMonth(int day) const
{
    const QDate today = m_parser.m_today;
    QDate month(today.year(), today.month(), 1);
    for (int i = 0; i < 13; ++i) {
        const QDate candidate(month.year(), month.month(), day);
        if (candidate.isValid() && candidate <= today)
            return candidate;
        month = month.addMonths(-1);
    }
    return {};
}

// A day and month without a year: this year, or last year when that would be in the future.
QDate QuickEntryParser::Run::dateWithoutYear(int month, int day) const
{
    const QDate today = m_parser.m_today;
    QDate date(today.year(), month, day);
    if (date.isValid() && date > today)
        date = QDate(today.year() - 1, month, day);
    return date;
}

QDate QuickEntryParser::Run::dateWithYear(int year, int month, int day)
{
    if (year < 100)
        year += 2000;
    if (year < 1900 || year > 2199)
        return {};
    return QDate(year, month, day);
}

QuickEntryParser::Run::DateHit QuickEntryParser::Run::matchRelative(int at) const
{
    const QDate today = m_parser.m_today;
    DateHit best;
    auto consider = [&](const QList<QStringList>& phrases, auto toDate) {
        const PhraseHit hit = matchLongest(at, phrases);
        if (hit.length > best.length) {
            best.length = hit.length;
            best.date = toDate(hit);
        }
    };
    consider(m_vocabulary.today, [&](const PhraseHit&) { return today; });
    consider(m_vocabulary.yesterday, [&](const PhraseHit&) { return today.addDays(-1); });
    consider(m_vocabulary.dayBeforeYesterday, [&](const PhraseHit&) { return today.addDays(-2); });
    consider(m_vocabulary.daysAgo, [&](const PhraseHit& hit) {
        const int days = hit.number < 0 ? 1 : hit.number;
        return days <= kMaxDaysAgo ? today.addDays(-days) : QDate();
    });
    consider(m_vocabulary.weeksAgo, [&](const PhraseHit& hit) {
        const int weeks = hit.number < 0 ? 1 : hit.number;
        return weeks <= kMaxWeeksAgo ? today.addDays(-7 * weeks) : QDate();
    });
    consider(m_vocabulary.lastWeekday, [&](const PhraseHit& hit) { return pastWeekday(hit.weekday); });
    return best;
}

// One token: "2026-11-01", "11/1", "1/11/26", "1.11.", "1.11.2026", "01-11-2026".
QuickEntryParser::Run::DateHit QuickEntryParser::Run::matchNumeric(int at) const
{
    if (!available(at))
        return {};
    const QString& text = m_tokens.at(at).text;
    if (text.size() < 3 || text.size() > 10)
        return {};
    static const QRegularExpression iso(QStringLiteral("^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$"));
    static const QRegularExpression slashed(QStringLiteral("^([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{2}|[0-9]{4}))?$"));
    // Dots need a trailing dot or a year: "4.50" is an amount, "1.11." a date.
    static const QRegularExpression dotted(QStringLiteral("^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{2}|[0-9]{4})?$"));
    static const QRegularExpression dashed(QStringLiteral("^([0-9]{1,2})-([0-9]{1,2})-([0-9]{2}|[0-9]{4})$"));

    DateHit hit;
    QRegularExpressionMatch match = iso.match(text);
    if (match.hasMatch()) {
        hit.length = 1;
        hit.date = dateWithYear(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
        return hit;
    }
    for (const QRegularExpression* expression : {&slashed, &dotted, &dashed}) {
        match = expression->match(text);
        if (!match.hasMatch())
            continue;
        const int a = match.captured(1).toInt();
        const int b = match.captured(2).toInt();
        const bool hasYear = match.hasCaptured(3) && !match.captured(3).isEmpty();
        const int c = hasYear ? match.captured(3).toInt() : 0;
        int year = c;
        int month = b;
        int day = a;
        switch (m_vocabulary.dateOrder) {
        case Vocabulary::DateOrder::DayMonthYear:
            break;
        case Vocabulary::DateOrder::MonthDayYear:
            month = a;
            day = b;
            break;
        case Vocabulary::DateOrder::YearMonthDay:
            year = hasYear ? a : 0;
            month = hasYear ? b : a;
            day = hasYear ? c : b;
            break;
        }
        // "1.11." is a date only where dates are written with dots, and only when it could be one:
        // otherwise it is an amount at the end of a sentence ("4.50.").
        if (expression == &dotted && !hasYear
            && (!m_vocabulary.dotDates || month < 1 || month > 12 || day < 1 || day > 31))
            return {};
        hit.length = 1;
        hit.date = hasYear ? dateWithYear(year, month, day) : dateWithoutYear(month, day);
        return hit;
    }
    return {};
}

// "1 nov", "1. November", "3 mars 2026", "1st of november".
QuickEntryParser::Run::DateHit QuickEntryParser::Run::matchDayMonth(int at) const
{
    const std::optional<int> day = dayOf(at);
    if (!day)
        return {};
    int next = at + 1;
    int month = monthOf(next);
    if (month == 0) {
        const PhraseHit connector = matchLongest(next, m_vocabulary.connectors);
        if (connector.length == 0)
            return {};
        next += connector.length;
        month = monthOf(next);
        if (month == 0)
            return {};
    } else if (m_vocabulary.dateOrder == Vocabulary::DateOrder::MonthDayYear && dayOf(next + 1)) {
        return {}; // "2 dec 31" in en_US reads "dec 31" (and 2 is the amount); in en_GB it is "2 dec"
    }
    ++next;
    DateHit hit;
    const std::optional<int> year = m_yearAfterMonthName ? yearOf(next) : std::nullopt;
    if (year) {
        hit.bareYear = true;
        hit.date = dateWithYear(*year, month, *day);
        ++next;
    } else {
        hit.date = dateWithoutYear(month, *day);
    }
    hit.length = next - at;
    return hit;
}

// "nov 1", "November 1st, 2026".
QuickEntryParser::Run::DateHit QuickEntryParser::Run::matchMonthDay(int at) const
{
    const int month = monthOf(at);
    if (month == 0)
        return {};
    const std::optional<int> day = dayOf(at + 1);
    if (!day)
        return {};
    DateHit hit;
    const std::optional<int> year = m_yearAfterMonthName ? yearOf(at + 2) : std::nullopt;
    if (year) {
        hit.bareYear = true;
        hit.length = 3;
        hit.date = dateWithYear(*year, month, *day);
    } else {
        hit.length = 2;
        hit.date = dateWithoutYear(month, *day);
    }
    return hit;
}

// "on the 3rd", "the 25th", "on the 3", German "am 3.", French "le 3"; also "the 1st of november".
QuickEntryParser::Run::DateHit QuickEntryParser::Run::matchDayOfMonth(int at) const
{
    const PhraseHit prefix = matchLongest(at, m_vocabulary.dayOfMonthPrefixes);
    if (prefix.length == 0)
        return {};
    const int dayToken = at + prefix.length;
    DateHit withMonth = matchDayMonth(dayToken);
    if (withMonth.length > 0) {
        withMonth.length += prefix.length;
        return withMonth;
    }
    const std::optional<int> day = dayOf(dayToken);
    if (!day)
        return {};
    DateHit hit;
    hit.length = prefix.length + 1;
    hit.date = pastDayOfMonth(*day);
    return hit;
}

// "monday", "fri.", and a weekday before a full date ("Friday, 20 November"), which then decides.
QuickEntryParser::Run::DateHit QuickEntryParser::Run::matchWeekday(int at) const
{
    const int weekday = weekdayOf(at);
    if (weekday == 0)
        return {};
    DateHit best;
    for (const DateHit& inner : {matchDayMonth(at + 1), matchMonthDay(at + 1), matchDayOfMonth(at + 1)}) {
        if (inner.length > best.length)
            best = inner;
    }
    if (best.length > 0) {
        best.length += 1;
        return best;
    }
    best.length = 1;
    best.date = pastWeekday(weekday);
    return best;
}

QuickEntryParser::Run::DateHit QuickEntryParser::Run::matchDate(int at) const
{
    DateHit best;
    for (const DateHit& hit : {matchRelative(at), matchNumeric(at), matchDayOfMonth(at), matchWeekday(at),
                               matchDayMonth(at), matchMonthDay(at)}) {
        if (hit.length > best.length)
            best = hit;
    }
    return best;
}

void QuickEntryParser::Run::findDates()
{
    struct Found
    {
        QString text;
        QDate date;
    };
    QList<Found> found;
    for (int i = 0; i < m_tokens.size();) {
        if (!available(i)) {
            ++i;
            continue;
        }
        const DateHit hit = matchDate(i);
        if (hit.length == 0) {
            ++i;
            continue;
        }
        int first = i;
        const int last = i + hit.length - 1;
        for (const QStringList& preposition : m_vocabulary.datePrepositions) { // "on monday", "le 3 mars"
            const int start = i - int(preposition.size());
            if (start >= 0 && matchPhrase(start, preposition).length > 0) {
                first = start;
                break;
            }
        }
        use(first, last);
        addTokenSpan(first, last, QuickEntry::Span::Kind::Date);
        m_usedBareYear = m_usedBareYear || hit.bareYear;
        found.append({textOf(i, last), hit.date});
        i = last + 1;
    }

    const QString example = m_parser.m_locale.toString(m_parser.m_today, QLocale::ShortFormat);
    for (const Found& date : std::as_const(found)) {
        if (!date.date.isValid()) {
            fail(QuickEntry::Problem::InvalidDate,
                 tr("“%1” is not a date. Write dates like “%2”.").arg(date.text, example));
            break;
        }
    }
    if (found.size() > 1) {
        fail(QuickEntry::Problem::TwoDates,
             tr("Found two dates: %1 and %2. Keep only one.").arg(found.at(0).text, found.at(1).text));
    }
    if (!found.isEmpty() && found.constFirst().date.isValid())
        m_entry.date = found.constFirst().date;
}

// --- type -----------------------------------------------------------------------------------------

void QuickEntryParser::Run::findType()
{
    for (int i = 0; i < m_tokens.size();) {
        const PhraseHit hit = available(i) ? matchLongest(i, m_vocabulary.income) : PhraseHit();
        if (hit.length == 0) {
            ++i;
            continue;
        }
        use(i, i + hit.length - 1);
        addTokenSpan(i, i + hit.length - 1, QuickEntry::Span::Kind::Type);
        m_entry.type = TransactionType::Income;
        i += hit.length;
    }
}

// --- amount ---------------------------------------------------------------------------------------

// The currency that `marker` ("€", "usd", "US$", "¥") names, preferring the default currency.
std::optional<Currency> QuickEntryParser::Run::resolveCurrency(const QString& marker) const
{
    if (marker.isEmpty() || marker.size() > kMaxMarkerLength)
        return std::nullopt;
    // Money::parse reads signs, parentheses and spaces itself: they are no currency.
    if (std::any_of(marker.cbegin(), marker.cend(),
                    [](QChar c) { return isSign(c) || isSpace(c) || c == u'(' || c == u')' || c.digitValue() >= 0; }))
        return std::nullopt;
    if (isThreeAsciiLetters(marker)) {
        const QString code = marker.toUpper();
        if (m_vocabulary.knownCodes.contains(code))
            return Currency::fromCode(code);
        return std::nullopt;
    }
    // Let Money::parse decide whether the symbol belongs to a currency: it knows every locale's symbols.
    const QString probe = QStringLiteral("1") + marker;
    for (const Currency& currency : m_vocabulary.probeOrder) {
        if (Money::parse(probe, currency, m_parser.m_locale).ok())
            return currency;
    }
    return std::nullopt;
}

// A word of its own that is a currency ("€", "USD", "usd") and may stand beside an amount.
bool QuickEntryParser::Run::isCurrencyWord(int at) const
{
    if (!available(at))
        return false;
    const QString& text = m_tokens.at(at).text;
    if (text.isEmpty() || text.size() > kMaxMarkerLength || hasDigit(text) || kAmbiguousCodeWords.contains(text))
        return false;
    return resolveCurrency(text).has_value();
}

// The token as an amount: [sign] [marker] [sign] number [marker] [sign], e.g. "€4.50", "-12", "23,90€".
// Letters beside the digits that are not a currency ("3pm", "A4", "7-eleven") make it a word instead.
std::optional<QuickEntryParser::Run::AmountCandidate> QuickEntryParser::Run::amountAt(int at) const
{
    if (!available(at))
        return std::nullopt;
    const Token& token = m_tokens.at(at);
    const QString& text = token.text;
    int first = -1;
    int last = -1;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).digitValue() >= 0) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    if (first < 0)
        return std::nullopt;
    if (first > 0 && (text.at(first - 1) == u'.' || text.at(first - 1) == u','))
        --first; // ".50"

    AmountCandidate candidate;
    candidate.first = candidate.last = candidate.numberToken = at;
    candidate.number = text.mid(first, last - first + 1);
    const bool numberOk = std::all_of(candidate.number.cbegin(), candidate.number.cend(), [](QChar c) {
        return c.digitValue() >= 0 || c == u'.' || c == u',' || c == u'\'' || c == QChar(0x2019);
    });
    if (!numberOk)
        return std::nullopt;

    QString prefix = text.left(first);
    QString suffix = text.mid(last + 1);
    int prefixOffset = 0;
    if (!prefix.isEmpty() && isSign(prefix.front())) {
        if (prefix.front() == u'+')
            candidate.plusPosition = token.start;
        else
            candidate.negative = true;
        prefix.remove(0, 1);
        prefixOffset = 1;
    }
    if (!prefix.isEmpty() && isSign(prefix.back())) {
        if (prefix.back() == u'+')
            candidate.plusPosition = token.start + prefixOffset + int(prefix.size()) - 1;
        else
            candidate.negative = true;
        prefix.chop(1);
    }
    if (suffix.endsWith(u'.') && !resolveCurrency(suffix)) { // the end of a sentence: "coffee 4.50."
        suffix.chop(1);
        candidate.sentenceDot = true;
    }
    if (!suffix.isEmpty() && isMinus(suffix.back())) {
        candidate.negative = true;
        suffix.chop(1);
    }
    if (std::any_of(prefix.cbegin(), prefix.cend(), isSign) || std::any_of(suffix.cbegin(), suffix.cend(), isSign))
        return std::nullopt;
    if (!prefix.isEmpty() && !suffix.isEmpty())
        return std::nullopt;
    candidate.shown = candidate.sentenceDot ? text.chopped(1) : text;
    candidate.prefix = prefix;
    candidate.suffix = suffix;
    const QString marker = prefix.isEmpty() ? suffix : prefix;
    if (!marker.isEmpty()) {
        candidate.currency = resolveCurrency(marker);
        // An unknown symbol ("₿12") is still an amount, with an unknown currency; unknown letters are a word.
        if (!candidate.currency && !hasCurrencySymbol(marker))
            return std::nullopt;
    }
    return candidate;
}

void QuickEntryParser::Run::findAmount()
{
    QList<AmountCandidate> candidates;
    for (int i = 0; i < m_tokens.size(); ++i) {
        if (auto candidate = amountAt(i))
            candidates.append(*candidate);
    }

    // Locales that group digits with a space (fr_FR "1 234,56"): join "1" and "234,56".
    const QString group = m_parser.m_locale.groupSeparator();
    if (group.size() == 1 && isSpace(group.front())) {
        static const QRegularExpression head(QStringLiteral("^[0-9]{1,3}(?: [0-9]{3})*$"));
        static const QRegularExpression tail(QStringLiteral("^[0-9]{3}(?:[.,][0-9]+)?$"));
        for (int i = 0; i + 1 < candidates.size();) {
            AmountCandidate& a = candidates[i];
            const AmountCandidate& b = candidates.at(i + 1);
            if (b.numberToken == a.numberToken + 1 && a.suffix.isEmpty() && !a.negative && b.prefix.isEmpty()
                && !b.negative && b.plusPosition < 0 && a.number.size() < 64 && head.match(a.number).hasMatch()
                && tail.match(b.number).hasMatch()) {
                a.number += u' ' + b.number;
                a.shown += u' ' + b.shown;
                a.sentenceDot = b.sentenceDot;
                a.suffix = b.suffix;
                a.currency = b.currency;
                a.last = a.numberToken = b.numberToken;
                candidates.removeAt(i + 1);
                continue;
            }
            ++i;
        }
    }

    for (AmountCandidate& candidate : candidates) {
        // A currency as a word of its own: "23,90 €", "USD 12".
        if (candidate.prefix.isEmpty() && candidate.suffix.isEmpty()) {
            if (isCurrencyWord(candidate.last + 1)) {
                ++candidate.last;
                candidate.suffix = m_tokens.at(candidate.last).text;
                candidate.currency = resolveCurrency(candidate.suffix);
            } else if (isCurrencyWord(candidate.first - 1)) {
                --candidate.first;
                candidate.prefix = m_tokens.at(candidate.first).text;
                candidate.currency = resolveCurrency(candidate.prefix);
            }
        }
        // A plus as a word of its own: "+ 12". (A lone dash is punctuation: "coffee - 4.50".)
        if (available(candidate.first - 1) && candidate.plusPosition < 0
            && m_tokens.at(candidate.first - 1).raw == u"+") {
            --candidate.first;
            candidate.plusPosition = m_tokens.at(candidate.first).start;
        }
    }

    for (const AmountCandidate& candidate : std::as_const(candidates)) {
        use(candidate.first, candidate.last);
        int start = m_tokens.at(candidate.first).start;
        if (candidate.plusPosition >= 0) {
            addSpan(candidate.plusPosition, candidate.plusPosition + 1, QuickEntry::Span::Kind::Type);
            m_entry.type = TransactionType::Income;
            if (candidate.plusPosition == start) { // the '+' is not part of the amount's span
                ++start;
                while (start < m_input.size() && isSpace(m_input.at(start)))
                    ++start;
            }
        }
        const bool dotAtEnd = candidate.sentenceDot && candidate.last == candidate.numberToken;
        addSpan(start, m_tokens.at(candidate.last).end - (dotAtEnd ? 1 : 0), QuickEntry::Span::Kind::Amount);
    }

    for (const AmountCandidate& candidate : std::as_const(candidates)) {
        if (candidate.negative) {
            fail(QuickEntry::Problem::NegativeAmount,
                 tr("Write “%1” without a minus sign: amounts are positive. For money coming in, add “income”, "
                    "for example “income %1”.")
                     .arg(candidate.number));
            return;
        }
    }
    if (candidates.size() > 1) {
        fail(QuickEntry::Problem::TwoAmounts,
             tr("Found two amounts: %1 and %2. Keep only one.").arg(candidates.at(0).shown, candidates.at(1).shown));
        return;
    }
    if (candidates.isEmpty()) {
        fail(QuickEntry::Problem::MissingAmount, tr("Add an amount, for example “coffee 4.50”."));
        return;
    }

    const AmountCandidate& candidate = candidates.constFirst();
    const QString marker = candidate.prefix.isEmpty() ? candidate.suffix : candidate.prefix;
    if (!marker.isEmpty() && !candidate.currency) {
        fail(QuickEntry::Problem::UnknownCurrency,
             tr("“%1” is not a currency Moniagent knows. Write its three-letter code instead, for example “USD %2”.")
                 .arg(marker, candidate.number));
        return;
    }
    const Currency currency = candidate.currency.value_or(m_parser.m_currency);
    const Result<Money> money = Money::parse(candidate.number, currency, m_parser.m_locale);
    if (!money) {
        fail(QuickEntry::Problem::InvalidAmount, money.error().message);
        return;
    }
    if (money->minor() <= 0) {
        fail(QuickEntry::Problem::ZeroAmount, tr("The amount must be more than zero."));
        return;
    }
    m_entry.amount = *money;
}

// --- description ----------------------------------------------------------------------------------

void QuickEntryParser::Run::findMerchant()
{
    QList<int> words;
    for (int i = 0; i < m_tokens.size(); ++i) {
        if (!m_tokens.at(i).used && !m_tokens.at(i).raw.isEmpty())
            words.append(i);
    }
    auto droppable = [&](int i) {
        const Token& token = m_tokens.at(i);
        return !hasLetterOrDigit(token.text) || m_vocabulary.fillers.contains(token.key);
    };
    while (!words.isEmpty() && droppable(words.constFirst()))
        words.removeFirst();
    while (!words.isEmpty() && droppable(words.constLast()))
        words.removeLast();

    QStringList pieces;
    for (int i : std::as_const(words))
        pieces.append(m_tokens.at(i).raw);
    QString merchant = pieces.join(u' ').simplified();
    // Punctuation that separated the description from a recognised part: "coffee, 4.50".
    while (!merchant.isEmpty() && (merchant.back() == u',' || merchant.back() == u';' || merchant.back() == u':'))
        merchant.chop(1);
    merchant = merchant.trimmed();
    if (!merchant.isEmpty() && merchant == merchant.toLower() && merchant.front().isLetter())
        merchant.replace(0, 1, m_parser.m_locale.toUpper(merchant.left(1)));
    m_entry.merchant = merchant;

    if (merchant.isEmpty() && m_entry.categoryHint.isEmpty())
        fail(QuickEntry::Problem::MissingMerchant, tr("Add what it was for, for example “coffee 4.50”."));
}

// -------------------------------------------------------------------------------------------------

QuickEntry QuickEntryParser::parse(const QString& text) const
{
    QuickEntry entry;
    entry.date = m_today;
    if (text.size() > MaximumLength) {
        entry.problem = QuickEntry::Problem::TooLong;
        entry.error = tr("The text is too long. Keep it under %1 characters.").arg(MaximumLength);
        return entry;
    }
    if (text.trimmed().isEmpty()) {
        entry.problem = QuickEntry::Problem::Empty;
        entry.error = tr("Type what you spent, for example “coffee 4.50 yesterday”.");
        return entry;
    }

    Run run(*this, text, true);
    entry = run.execute();
    // "rent 1 nov 2000": when taking 2000 as the year leaves no amount, it was the amount.
    if (entry.problem == QuickEntry::Problem::MissingAmount && run.usedBareYear()) {
        Run again(*this, text, false);
        QuickEntry second = again.execute();
        if (second.problem != QuickEntry::Problem::MissingAmount)
            return second;
    }
    return entry;
}

} // namespace Moniagent
