#include "questionparser.h"

#include "core/money.h"
#include "questionperiods.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Moniagent {

namespace {

constexpr QRegularExpression::PatternOptions Options
    = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

// `pattern` as whole words; compiled once per thread.
const QRegularExpression& words(const QString& pattern)
{
    thread_local QHash<QString, QRegularExpression> cache;
    auto it = cache.constFind(pattern);
    if (it == cache.constEnd()) {
        QRegularExpression regex(QStringLiteral("(?<![\\p{L}\\d])(?:") + pattern + QStringLiteral(")(?![\\p{L}\\d])"),
                                 Options);
        regex.optimize();
        it = cache.insert(pattern, regex);
    }
    return *it;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Where `phrase` occurs in `text` as whole words (ignoring case), or -1.
qsizetype findPhrase(const QString& text, const QString& phrase)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(phrase, from, Qt::CaseInsensitive);
        if (at < 0)
            return -1;
        const qsizetype end = at + phrase.size();
        const bool startOk = at == 0 || !isWordChar(text.at(at - 1));
        const bool endOk = end >= text.size() || !isWordChar(text.at(end));
        if (startOk && endOk)
            return at;
        from = at + 1;
    }
}

bool has(const QString& text, const QString& pattern)
{
    return words(pattern).match(text).hasMatch();
}

// Common ways to name the default categories, by their English keys (lower case; English and German).
const QHash<QString, QStringList>& synonyms()
{
    static const QHash<QString, QStringList> map {
        {QStringLiteral("Groceries"),
         {QStringLiteral("groceries"), QStringLiteral("grocery"), QStringLiteral("food shopping"),
          QStringLiteral("grocery shopping"), QStringLiteral("supermarket"), QStringLiteral("supermarkets"),
          QStringLiteral("food"), QStringLiteral("lebensmittel"), QStringLiteral("lebensmitteln"),
          QStringLiteral("supermarkt"), QStringLiteral("lebensmitteleinkäufe"),
          QStringLiteral("einkäufe im supermarkt")}},
        {QStringLiteral("Dining & Drinks"), {QStringLiteral("eating out"),     QStringLiteral("dining out"),
                                             QStringLiteral("restaurants"),    QStringLiteral("restaurant"),
                                             QStringLiteral("dining"),         QStringLiteral("takeaway"),
                                             QStringLiteral("take-away"),      QStringLiteral("takeout"),
                                             QStringLiteral("food delivery"),  QStringLiteral("coffee"),
                                             QStringLiteral("cafes"),          QStringLiteral("cafés"),
                                             QStringLiteral("bars"),           QStringLiteral("drinks"),
                                             QStringLiteral("lunch"),          QStringLiteral("essen gehen"),
                                             QStringLiteral("auswärts essen"), QStringLiteral("essen und trinken"),
                                             QStringLiteral("gastronomie"),    QStringLiteral("restaurantbesuche"),
                                             QStringLiteral("kaffee"),         QStringLiteral("lieferdienst")}},
        {QStringLiteral("Transport & Car"),
         {QStringLiteral("transport"), QStringLiteral("transportation"), QStringLiteral("car"), QStringLiteral("fuel"),
          QStringLiteral("petrol"), QStringLiteral("gas"), QStringLiteral("parking"),
          QStringLiteral("public transport"), QStringLiteral("taxi"), QStringLiteral("taxis"),
          QStringLiteral("commuting"), QStringLiteral("auto"), QStringLiteral("tanken"), QStringLiteral("benzin"),
          QStringLiteral("verkehr"), QStringLiteral("mobilität"), QStringLiteral("öpnv"), QStringLiteral("parken")}},
        {QStringLiteral("Shopping"),
         {QStringLiteral("shopping"), QStringLiteral("online shopping"), QStringLiteral("electronics"),
          QStringLiteral("elektronik")}},
        {QStringLiteral("Clothing & Personal Care"),
         {QStringLiteral("clothing"), QStringLiteral("clothes"), QStringLiteral("personal care"),
          QStringLiteral("haircut"), QStringLiteral("hairdresser"), QStringLiteral("kleidung"),
          QStringLiteral("klamotten"), QStringLiteral("friseur"), QStringLiteral("körperpflege")}},
        {QStringLiteral("Housing"),
         {QStringLiteral("housing"), QStringLiteral("rent"), QStringLiteral("mortgage"), QStringLiteral("miete"),
          QStringLiteral("wohnen"), QStringLiteral("wohnung")}},
        {QStringLiteral("Bills & Utilities"),
         {QStringLiteral("bills"), QStringLiteral("utilities"), QStringLiteral("electricity"),
          QStringLiteral("internet"), QStringLiteral("phone bill"), QStringLiteral("water bill"),
          QStringLiteral("energy"), QStringLiteral("strom"), QStringLiteral("nebenkosten"),
          QStringLiteral("rechnungen"), QStringLiteral("energie")}},
        {QStringLiteral("Subscriptions"),
         {QStringLiteral("subscriptions"), QStringLiteral("subscription"), QStringLiteral("streaming"),
          QStringLiteral("abos"), QStringLiteral("abonnements"), QStringLiteral("abo")}},
        {QStringLiteral("Health"),
         {QStringLiteral("health"), QStringLiteral("healthcare"), QStringLiteral("medical"), QStringLiteral("doctor"),
          QStringLiteral("pharmacy"), QStringLiteral("medicine"), QStringLiteral("gesundheit"),
          QStringLiteral("apotheke"), QStringLiteral("arzt"), QStringLiteral("medikamente")}},
        {QStringLiteral("Entertainment & Leisure"),
         {QStringLiteral("entertainment"), QStringLiteral("leisure"), QStringLiteral("fun"), QStringLiteral("hobbies"),
          QStringLiteral("movies"), QStringLiteral("cinema"), QStringLiteral("concerts"), QStringLiteral("freizeit"),
          QStringLiteral("unterhaltung"), QStringLiteral("kino"), QStringLiteral("hobbys")}},
        {QStringLiteral("Travel"),
         {QStringLiteral("travel"), QStringLiteral("travelling"), QStringLiteral("traveling"),
          QStringLiteral("holidays"), QStringLiteral("holiday"), QStringLiteral("vacation"),
          QStringLiteral("vacations"), QStringLiteral("trips"), QStringLiteral("hotels"), QStringLiteral("flights"),
          QStringLiteral("reisen"), QStringLiteral("urlaub"), QStringLiteral("flüge"), QStringLiteral("hotel")}},
        {QStringLiteral("Insurance"),
         {QStringLiteral("insurance"), QStringLiteral("insurances"), QStringLiteral("versicherung"),
          QStringLiteral("versicherungen")}},
        {QStringLiteral("Home & Garden"),
         {QStringLiteral("home and garden"), QStringLiteral("garden"), QStringLiteral("gardening"),
          QStringLiteral("furniture"), QStringLiteral("diy"), QStringLiteral("home improvement"),
          QStringLiteral("garten"), QStringLiteral("möbel"), QStringLiteral("baumarkt")}},
        {QStringLiteral("Pets"),
         {QStringLiteral("pets"), QStringLiteral("pet"), QStringLiteral("dog"), QStringLiteral("cat"),
          QStringLiteral("vet"), QStringLiteral("haustiere"), QStringLiteral("haustier"), QStringLiteral("hund"),
          QStringLiteral("katze"), QStringLiteral("tierarzt")}},
        {QStringLiteral("Kids & Education"),
         {QStringLiteral("kids"), QStringLiteral("children"), QStringLiteral("education"), QStringLiteral("school"),
          QStringLiteral("childcare"), QStringLiteral("kinder"), QStringLiteral("bildung"), QStringLiteral("schule"),
          QStringLiteral("kita")}},
        {QStringLiteral("Gifts & Donations"),
         {QStringLiteral("gifts"), QStringLiteral("presents"), QStringLiteral("donations"), QStringLiteral("charity"),
          QStringLiteral("geschenke"), QStringLiteral("spenden")}},
        {QStringLiteral("Taxes & Government"),
         {QStringLiteral("taxes"), QStringLiteral("tax"), QStringLiteral("steuern"), QStringLiteral("steuer")}},
        {QStringLiteral("Fees & Charges"),
         {QStringLiteral("fees"), QStringLiteral("bank fees"), QStringLiteral("charges"), QStringLiteral("gebühren"),
          QStringLiteral("bankgebühren")}},
        {QStringLiteral("Loans & Credit"),
         {QStringLiteral("loans"), QStringLiteral("loan"), QStringLiteral("credit"), QStringLiteral("kredit"),
          QStringLiteral("kredite"), QStringLiteral("darlehen")}},
        {QStringLiteral("Business"), {QStringLiteral("business"), QStringLiteral("geschäftlich")}},
        {QStringLiteral("Gambling"),
         {QStringLiteral("gambling"), QStringLiteral("betting"), QStringLiteral("lottery"),
          QStringLiteral("glücksspiel"), QStringLiteral("wetten"), QStringLiteral("lotto")}},
        {QStringLiteral("Cash"),
         {QStringLiteral("cash"), QStringLiteral("atm"), QStringLiteral("cash withdrawals"), QStringLiteral("bargeld"),
          QStringLiteral("geldautomat")}},
        {QStringLiteral("Transfers"), {QStringLiteral("transfers"), QStringLiteral("überweisungen")}},
        {QStringLiteral("Savings & Investments"),
         {QStringLiteral("savings"), QStringLiteral("investments"), QStringLiteral("investing"),
          QStringLiteral("sparen"), QStringLiteral("investitionen"), QStringLiteral("geldanlage")}},
    };
    return map;
}

const QString SpendWords = QStringLiteral(
    "how much|how much money|what did i spend|spent|spend|spending|spendings|cost|costs|paid|pay|total|expenses|"
    "wie ?viel|wieviel|ausgegeben|ausgaben|kosten|gekostet|gezahlt|bezahlt|zahle|gesamt|money go|money went|"
    "geld hingegangen|geld geblieben|wofür");
const QString IncomeWords
    = QStringLiteral("income|incomes|earn|earned|earning|earnings|salary|wages|paid me|einnahmen|einkommen|verdient|"
                     "verdiene|gehalt|lohn|eingenommen");
const QString NetWords
    = QStringLiteral("net|netto|save|saved|saving|savings rate|gespart|sparquote|übrig|left over|"
                     "cash ?flow|bilanz|balance|income vs|income and expenses|einnahmen und ausgaben");
const QString CompareWords
    = QStringLiteral("compare|compared|comparison|vs\\.?|versus|than|against|verglichen|vergleich|"
                     "vergleiche|gegenüber|als im|als letzten|mehr als|weniger als");
const QString TopWords = QStringLiteral("top|most|biggest|largest|highest|meisten|größten|grössten|höchsten|meiste");
const QString MerchantWords
    = QStringLiteral("merchants?|stores?|shops?|places|vendors?|payees?|retailers?|companies|händler|geschäfte[nm]?|"
                     "läden|laden|firmen|anbieter|empfänger");
const QString BiggestWords = QStringLiteral(
    "biggest|largest|most expensive|highest|costliest|priciest|größten|grössten|teuersten|höchsten|größte|teuerste");
const QString ExpenseNouns = QStringLiteral(
    "expenses?|purchases?|transactions?|payments?|buys|spends|charges|ausgaben|käufe|einkäufe|buchungen|umsätze|"
    "transaktionen|zahlungen|posten");
const QString ListWords
    = QStringLiteral("show|list|display|give me|what are|which were|zeig|zeige|zeigen|liste|auflisten|anzeigen");
const QString SubscriptionWords = QStringLiteral(
    "subscriptions?|recurring|regular payments|repeating|standing orders?|direct debits?|abos?|abonnements?|"
    "wiederkehrende?n?|regelmäßige[n]? zahlungen|daueraufträge|lastschriften");
const QString BudgetWords = QStringLiteral("budgets?|budgetstatus|over budget|über dem budget|im budget|limits?");
const QString CategoryListWords = QStringLiteral(
    "which categories|what categories|list (?:of |my |the |all )?categories|categories do i have|my categories|"
    "show (?:me )?(?:my |the |all )?categories|welche kategorien|meine kategorien|kategorien anzeigen|"
    "kategorien auflisten|alle kategorien|zeig(?:e)? (?:mir )?(?:meine |die |alle )?kategorien");
const QString ByCategory
    = QStringLiteral("by category|per category|each category|by categories|categories|category breakdown|breakdown|"
                     "nach kategorien?|pro kategorie|je kategorie|kategorien|aufschlüsselung|aufgeschlüsselt");
const QString ByMonth
    = QStringLiteral("by month|per month|each month|every month|monthly|month by month|pro monat|je monat|monatlich|"
                     "jeden monat|nach monaten?");
const QString ByMerchant
    = QStringLiteral("by merchant|per merchant|by store|per store|by shop|pro händler|nach händlern?");
const QString GermanWords
    = QStringLiteral("wie|viel|wieviel|ich|habe|hab|ausgegeben|meine|meinen|mein|letzten|diesen|dieses|für|bei|seit|im|"
                     "zeig|zeige|welche|was|wo|geld|einnahmen|ausgaben|und|mir|mich|bin|über|immer|als|setze|lege");

QString limitPattern()
{
    return QStringLiteral("\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|zwei|"
                          "drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig");
}

int limitValue(const QString& word)
{
    const QString w = word.toLower();
    if (w == u"fifteen" || w == u"fünfzehn")
        return 15;
    if (w == u"twenty" || w == u"zwanzig")
        return 20;
    return QuestionPeriods::number(w);
}

// `text` with the spans replaced by a separator that no phrase crosses.
QString blank(QString text, QList<std::pair<qsizetype, qsizetype>> spans)
{
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [start, length] : spans)
        text.replace(start, length, QStringLiteral(" | "));
    return text;
}

// Words that follow a preposition but are no merchant.
bool isFiller(const QString& candidate)
{
    const QRegularExpression& filler = words(QStringLiteral(
        "me|my|it|that|this|what|total|average|all|everything|general|a|an|the|you|us|them|mir|mich|mein|meine|"
        "insgesamt|gesamt|durchschnitt|alles|dem|den|der|die|das|ein|eine|einen|things|stuff|money|geld|"
        "summe|sum|each|per|average|bisher|so far|now|jetzt"));
    const QString trimmed = candidate.trimmed();
    if (trimmed.isEmpty())
        return true;
    // Every word is filler.
    const QStringList parts = trimmed.split(u' ', Qt::SkipEmptyParts);
    return std::all_of(parts.cbegin(), parts.cend(), [&filler](const QString& part) {
        const auto m = filler.match(part);
        return m.hasMatch() && m.capturedLength(0) == part.size();
    });
}

QString cleanMerchant(QString merchant)
{
    static const QRegularExpression tail(
        QStringLiteral("\\s+(?:in total|total|overall|so far|altogether|insgesamt|gesamt|bisher|ausgegeben|"
                       "gezahlt|bezahlt|spent|spend|paid|cost|costs|kosten|gekostet|in|im|on|for|für|at|bei|"
                       "purchases?|expenses?|transactions?|einkäufe|ausgaben|buchungen|me|mich|mir)$"),
        Options);
    static const QRegularExpression head(QStringLiteral("^(?:the|der|die|das|dem|den)\\s+"), Options);
    merchant = merchant.trimmed();
    for (int i = 0; i < 4; ++i) {
        const QString before = merchant;
        merchant.remove(tail);
        merchant.remove(head);
        merchant = merchant.trimmed();
        if (merchant == before)
            break;
    }
    merchant.remove(QRegularExpression(QStringLiteral("^[\"'“”„‘’]+|[\"'“”„‘’]+$")));
    return merchant.trimmed();
}

} // namespace

QString QuestionIntent::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        return QStringLiteral("unknown");
    case Kind::Spending:
        return QStringLiteral("spending");
    case Kind::TopMerchants:
        return QStringLiteral("top_merchants");
    case Kind::TopCategories:
        return QStringLiteral("top_categories");
    case Kind::BiggestExpenses:
        return QStringLiteral("biggest_expenses");
    case Kind::ListTransactions:
        return QStringLiteral("list_transactions");
    case Kind::Compare:
        return QStringLiteral("compare");
    case Kind::BudgetStatus:
        return QStringLiteral("budget_status");
    case Kind::Income:
        return QStringLiteral("income");
    case Kind::IncomeVsExpense:
        return QStringLiteral("income_vs_expense");
    case Kind::Subscriptions:
        return QStringLiteral("subscriptions");
    case Kind::Categories:
        return QStringLiteral("categories");
    case Kind::ProposeBudget:
        return QStringLiteral("propose_budget");
    case Kind::ProposeRule:
        return QStringLiteral("propose_rule");
    }
    return {};
}

QuestionParser::QuestionParser(QList<Category> categories, QDate today, QLocale locale, Currency currency)
    : m_categories(std::move(categories))
    , m_today(today)
    , m_locale(std::move(locale))
    , m_currency(std::move(currency))
{ }

QuestionParser::CategoryHit QuestionParser::findCategory(const QString& text) const
{
    CategoryHit best;
    const auto consider = [&](const Category& category, const QString& phrase) {
        if (phrase.trimmed().size() < 2)
            return;
        const QString trimmed = phrase.trimmed();
        const qsizetype at = findPhrase(text, trimmed);
        if (at < 0)
            return;
        if (trimmed.size() > best.length || (trimmed.size() == best.length && at < best.start)) {
            best.category = &category;
            best.start = at;
            best.length = trimmed.size();
        }
    };
    for (const Category& category : m_categories) {
        if (category.type == CategoryType::Income)
            continue;
        const bool vague = category.systemKey == u"Other";
        if (!vague) {
            consider(category, category.name);
            QString name = category.name;
            consider(category, name.replace(u'&', QStringLiteral("and")));
            name = category.name;
            consider(category, name.replace(u'&', QStringLiteral("und")));
        }
        if (category.systemKey.isEmpty())
            continue;
        if (!vague)
            consider(category, category.systemKey);
        for (const QString& synonym : synonyms().value(category.systemKey))
            consider(category, synonym);
    }
    return best;
}

QuestionIntent QuestionParser::parse(const QString& question) const
{
    using Kind = QuestionIntent::Kind;
    QuestionIntent intent;
    QString text = question.simplified();
    text.replace(QChar(0x2019), u'\'');
    intent.german = words(GermanWords).globalMatch(text).hasNext() && [&] {
        int n = 0;
        auto it = words(GermanWords).globalMatch(text);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n >= 2;
    }();

    // Periods first: what remains is read without them.
    const QList<QuestionPeriods::Match> periods = QuestionPeriods::find(text, m_today, m_locale.firstDayOfWeek());
    QList<std::pair<qsizetype, qsizetype>> spans;
    for (const auto& match : periods)
        spans << std::pair {match.start, match.length};
    const QString rest = blank(text, spans);
    if (!periods.isEmpty()) {
        intent.period = periods.first().range;
        intent.periodGiven = true;
    } else {
        intent.period = {QDate(m_today.year(), m_today.month(), 1), m_today};
    }

    // Proposals: a categorization rule.
    {
        static const QRegularExpression english(
            QStringLiteral("(?:always\\s+)?(?:categori[sz]e|file|put|class(?:ify)?|mark|book|treat)\\s+(?:all\\s+)?"
                           "(.+?)\\s+(?:always\\s+)?(?:as|in|under|into|to)\\s+(.+?)[\\s.!?]*$"),
            Options);
        static const QRegularExpression german(
            QStringLiteral(
                "(?:kategorisiere|ordne|buche|sortiere)?\\s*(.+?)\\s+(?:bitte\\s+)?immer\\s+(?:als|unter|in|zu)\\s+"
                "(.+?)\\s*(?:kategorisieren|einordnen|einsortieren|buchen|ein)?[\\s.!?]*$"),
            Options);
        const bool englishRule = has(text, QStringLiteral("always|rule|from now on|in future|in the future"));
        const QRegularExpressionMatch m = englishRule ? english.match(text) : german.match(text);
        if (m.hasMatch()) {
            const CategoryHit target = findCategory(m.captured(2));
            QString pattern = cleanMerchant(m.captured(1));
            pattern.remove(QRegularExpression(QStringLiteral("^(?:always|immer|bitte)\\s+"), Options));
            pattern.remove(QRegularExpression(QStringLiteral("\\s+(?:transactions?|purchases?|payments?|buchungen|"
                                                             "zahlungen|charges?)$"),
                                              Options));
            if (target.category && !pattern.isEmpty()) {
                intent.kind = Kind::ProposeRule;
                intent.categoryId = target.category->id;
                intent.categoryName = target.category->name;
                intent.pattern = pattern.trimmed();
                return intent;
            }
        }
    }

    const CategoryHit categoryHit = findCategory(rest);
    if (categoryHit.category) {
        intent.categoryId = categoryHit.category->id;
        intent.categoryName = categoryHit.category->name;
    }
    const QString restWithoutCategory
        = categoryHit.category ? blank(rest, {{categoryHit.start, categoryHit.length}}) : rest;

    // Proposals: a budget.
    const bool budgetWord = has(text, QStringLiteral("budget|budgets|limit"));
    const bool createWord = has(text,
                                QStringLiteral("set|create|make|add|start|new|set up|setze|lege|erstelle|"
                                               "setzen|anlegen|erstellen|festlegen|einrichten|neues|neuen"));
    if (budgetWord && createWord) {
        static const QRegularExpression amount(
            QStringLiteral(
                "(?:€|\\$|£|eur|usd|gbp|chf)?\\s*(\\d{1,3}(?:[.,' ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)"
                "(?![\\d])"),
            Options);
        // Read without removing periods: "a budget of 2000" is an amount, not a year.
        const CategoryHit target = findCategory(text);
        const QRegularExpressionMatch m
            = amount.match(target.category ? blank(text, {{target.start, target.length}}) : text);
        if (m.hasMatch()) {
            QString number = m.captured(1).remove(u' ').remove(u'\'');
            const qsizetype lastDot = number.lastIndexOf(u'.');
            const qsizetype lastComma = number.lastIndexOf(u',');
            const qsizetype decimal = std::max(lastDot, lastComma);
            if (decimal >= 0 && number.size() - decimal - 1 <= 2) {
                QString whole = number.left(decimal);
                whole.remove(u'.').remove(u',');
                number = whole + u'.' + number.mid(decimal + 1);
            } else {
                number.remove(u'.').remove(u',');
            }
            auto money = Money::fromDecimalString(number, m_currency, Money::Rounding::HalfAwayFromZero);
            if (money && money->minor() > 0) {
                intent.kind = Kind::ProposeBudget;
                intent.categoryId.reset();
                intent.categoryName.clear();
                if (target.category) {
                    intent.categoryId = target.category->id;
                    intent.categoryName = target.category->name;
                }
                intent.amountMinor = money->minor();
                if (has(text, QStringLiteral("weekly|week|per week|a week|wöchentlich|woche|pro woche")))
                    intent.budgetPeriod = BudgetPeriod::Weekly;
                else if (has(text,
                             QStringLiteral("yearly|annual|annually|year|per year|a year|jährlich|jahr|pro jahr")))
                    intent.budgetPeriod = BudgetPeriod::Yearly;
                return intent;
            }
        }
    }

    const bool spendWord = has(rest, SpendWords);
    const auto findLimit = [&] {
        const auto m = words(limitPattern()).match(restWithoutCategory);
        if (m.hasMatch())
            intent.limit = std::clamp(limitValue(m.captured(0)), 1, 50);
    };
    const auto findMerchant = [&] {
        static const QList<QRegularExpression> patterns = {
            QRegularExpression(
                QStringLiteral("(?<![\\p{L}])(?:at|bei|from|von|with|to|an|in|im|beim)\\s+([^|?!.,;:]+)"), Options),
            QRegularExpression(QStringLiteral("(?<![\\p{L}])(?:on|for|für|auf|about|über)\\s+([^|?!.,;:]+)"), Options),
            QRegularExpression(
                QStringLiteral("how\\s+much\\s+(?:did|do|does|have)\\s+(?!i\\b|we\\b|you\\b)([^|?!.,;:]+?)\\s+"
                               "(?:cost|charge|take)"),
                Options),
            QRegularExpression(QStringLiteral("how\\s+much\\s+(?:was|were|is|are)\\s+(?:my\\s+|the\\s+)?([^|?!.,;:]+)"),
                               Options),
            QRegularExpression(QStringLiteral("wie\\s*viel\\s+(?:hat|haben|kostet|kosten|kostete)\\s+(?:mich\\s+)?"
                                              "([^|?!.,;:]+?)\\s*(?:gekostet|kostet|$)"),
                               Options),
        };
        static const QRegularExpression stop(
            QStringLiteral("\\s+(?:compared|vs\\.?|versus|than|and|und|or|oder|verglichen|im vergleich|gegenüber|so "
                           "far|ausgegeben|gezahlt|bezahlt|spent|paid)(?![\\p{L}]).*$"),
            Options);
        for (const QRegularExpression& pattern : patterns) {
            auto it = pattern.globalMatch(restWithoutCategory);
            while (it.hasNext()) {
                QString candidate = it.next().captured(1);
                candidate.remove(stop);
                candidate = cleanMerchant(candidate);
                if (isFiller(candidate) || candidate.split(u' ', Qt::SkipEmptyParts).size() > 4)
                    continue;
                if (has(candidate,
                        SpendWords + u'|' + IncomeWords + u'|' + ExpenseNouns + u'|' + MerchantWords
                            + QStringLiteral("|i|we|ich|wir|budget|budgets|category|categories|kategorie|"
                                             "kategorien|average|durchschnitt")))
                    continue;
                intent.merchant = candidate;
                return;
            }
        }
    };
    const auto findGrouping = [&] {
        if (has(rest, ByMonth))
            intent.grouping = QuestionIntent::Grouping::Month;
        else if (has(rest, ByMerchant))
            intent.grouping = QuestionIntent::Grouping::Merchant;
        else if (!categoryHit.category && has(rest, ByCategory))
            intent.grouping = QuestionIntent::Grouping::Category;
    };

    // Subscriptions: the list of recurring payments, unless the question asks how much the category cost.
    const bool subscriptionCategory = categoryHit.category && categoryHit.category->systemKey == u"Subscriptions";
    if (has(text, SubscriptionWords)
        && !(
            subscriptionCategory
            && (spendWord
                && !has(text, QStringLiteral("which|what|welche|list|show|zeig|zeige|my|meine|do i have|habe ich"))))) {
        intent.kind = Kind::Subscriptions;
        intent.categoryId.reset();
        intent.categoryName.clear();
        return intent;
    }
    if (has(text, BudgetWords)) {
        intent.kind = Kind::BudgetStatus;
        return intent;
    }
    if (has(text, CategoryListWords) && !has(text, TopWords) && !spendWord) {
        intent.kind = Kind::Categories;
        return intent;
    }

    const bool compare = has(rest, CompareWords)
        || (periods.size() >= 2 && has(rest, QStringLiteral("more|less|mehr|weniger|and|und|with|mit")));
    if (compare && !has(rest, IncomeWords)) {
        intent.kind = Kind::Compare;
        if (periods.size() >= 2) {
            intent.baseline = periods.at(1).range;
        } else {
            const DateRange p = intent.period;
            if (!intent.periodGiven) {
                intent.period = {QDate(m_today.year(), m_today.month(), 1), m_today};
            }
            const QDate from = intent.period.from;
            const QDate to = intent.period.to;
            const bool monthStart = from.day() == 1;
            const bool sameMonth = from.year() == to.year() && from.month() == to.month();
            const bool yearStart = from.month() == 1 && from.day() == 1;
            if (monthStart && sameMonth) {
                // The month before, to the same day when this one is not over (or to its end).
                const QDate first = from.addMonths(-1);
                const QDate end = to.day() == to.daysInMonth()
                    ? QDate(first.year(), first.month(), first.daysInMonth())
                    : first.addDays(std::min(to.day(), first.daysInMonth()) - 1);
                intent.baseline = {first, end};
            } else if (yearStart && from.year() == to.year()) {
                intent.baseline = {from.addYears(-1), to.addYears(-1)};
            } else {
                const qint64 days = from.daysTo(to) + 1;
                intent.baseline = {from.addDays(-days), from.addDays(-1)};
            }
            Q_UNUSED(p);
        }
        findMerchant();
        return intent;
    }

    if (has(rest, IncomeWords)
        || has(rest,
               QStringLiteral("how much did i save|how much have i saved|wie viel habe ich gespart|cash ?flow"))) {
        const bool net
            = has(rest, NetWords) || (has(rest, QStringLiteral("expenses?|spend|spent|spending|ausgaben|ausgegeben")));
        intent.kind = net ? Kind::IncomeVsExpense : Kind::Income;
        if (has(rest, ByMonth))
            intent.grouping = QuestionIntent::Grouping::Month;
        return intent;
    }

    const bool top = has(rest, TopWords)
        || has(rest, QStringLiteral("where do i spend|where did i spend|where have i spent|wo gebe ich|wo habe ich"));
    if (has(rest, MerchantWords) && (top || has(rest, QStringLiteral("which|what|welche|wo|where")))) {
        intent.kind = Kind::TopMerchants;
        findLimit();
        return intent;
    }
    if (has(rest, QStringLiteral("where do i spend|where did i spend|where have i spent|wo gebe ich|wo habe ich"))) {
        intent.kind = Kind::TopMerchants;
        findLimit();
        return intent;
    }
    if ((top || spendWord) && !categoryHit.category
        && has(rest, QStringLiteral("categories|category|kategorien|kategorie"))) {
        intent.kind = Kind::TopCategories;
        findLimit();
        return intent;
    }
    if (has(rest, BiggestWords) || (has(rest, QStringLiteral("most|meisten")) && has(rest, ExpenseNouns))) {
        intent.kind = Kind::BiggestExpenses;
        findLimit();
        findMerchant();
        return intent;
    }
    if ((has(rest, ListWords) && has(rest, ExpenseNouns))
        || has(rest,
               QStringLiteral("what did i buy|what have i bought|was habe ich gekauft|recent transactions|"
                              "latest transactions|letzte buchungen|letzten buchungen|neueste buchungen"))) {
        intent.kind = Kind::ListTransactions;
        findLimit();
        findMerchant();
        return intent;
    }
    if (spendWord || categoryHit.category || has(rest, QStringLiteral("spendings?|outgoings"))) {
        intent.kind = Kind::Spending;
        findGrouping();
        findMerchant();
        return intent;
    }
    // Just a merchant ("Tesco last month?")
    findMerchant();
    if (!intent.merchant.isEmpty() && intent.periodGiven) {
        intent.kind = Kind::Spending;
        return intent;
    }
    intent.merchant.clear();
    return intent;
}

} // namespace Moniagent
