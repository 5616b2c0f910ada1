#include "entry/quickentryparser.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Moniagent;

Q_DECLARE_METATYPE(Moniagent::QuickEntry::Problem)

namespace {

// Today in every test unless stated: a Sunday.
const QDate kToday(2026, 11, 22);

// Stands in for a German or French .qm file: translates the parser's keyword lists, as a translator would.
class KeywordTranslator : public QTranslator
{
public:
    explicit KeywordTranslator(QHash<QString, QString> translations)
        : m_translations(std::move(translations))
    { }

    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (qstrcmp(context, "Moniagent::QuickEntryParser") != 0)
            return {};
        return m_translations.value(QString::fromUtf8(sourceText));
    }
    bool isEmpty() const override { return false; }

private:
    QHash<QString, QString> m_translations;
};

QHash<QString, QString> germanKeywords()
{
    return {
        {QStringLiteral("income,received,got paid,refund"), QStringLiteral("Einnahme,erhalten,Gutschrift,Erstattung")},
        {QStringLiteral("today"), QStringLiteral("heute")},
        {QStringLiteral("yesterday"), QStringLiteral("gestern")},
        {QStringLiteral("the day before yesterday,day before yesterday"), QStringLiteral("vorgestern")},
        {QStringLiteral("{n} days ago,{n} day ago,a day ago"), QStringLiteral("vor {n} Tagen,vor einem Tag")},
        {QStringLiteral("{n} weeks ago,{n} week ago,a week ago"), QStringLiteral("vor {n} Wochen,vor einer Woche")},
        {QStringLiteral("last {weekday}"), QStringLiteral("letzten {weekday},letzter {weekday},vergangenen {weekday}")},
        {QStringLiteral("on,on the,the"), QStringLiteral("am,vom")},
        {QStringLiteral("the,on the"), QStringLiteral("am,den")},
        {QStringLiteral("st,nd,rd,th"), QStringLiteral(".")},
        {QStringLiteral("at,for,on,in,from"), QStringLiteral("bei,für,im,in,von")},
    };
}

QHash<QString, QString> frenchKeywords()
{
    return {
        {QStringLiteral("income,received,got paid,refund"), QStringLiteral("revenu,reçu,remboursement")},
        {QStringLiteral("today"), QStringLiteral("aujourd'hui")},
        {QStringLiteral("yesterday"), QStringLiteral("hier")},
        {QStringLiteral("the day before yesterday,day before yesterday"), QStringLiteral("avant-hier")},
        {QStringLiteral("{n} days ago,{n} day ago,a day ago"), QStringLiteral("il y a {n} jours,il y a {n} jour")},
        {QStringLiteral("{n} weeks ago,{n} week ago,a week ago"),
         QStringLiteral("il y a {n} semaines,il y a {n} semaine")},
        {QStringLiteral("last {weekday}"), QStringLiteral("{weekday} dernier")},
        {QStringLiteral("on,on the,the"), QStringLiteral("le")},
        {QStringLiteral("the,on the"), QStringLiteral("le")},
        {QStringLiteral("st,nd,rd,th"), QStringLiteral("er,e")},
        {QStringLiteral("at,for,on,in,from"), QStringLiteral("à,au,chez,pour,de")},
    };
}

QString defaultCurrencyFor(const QString& locale)
{
    if (locale == u"en_US")
        return QStringLiteral("USD");
    if (locale == u"en_GB")
        return QStringLiteral("GBP");
    return QStringLiteral("EUR");
}

// A parser as the app builds it for a user of `locale`: with that language's translation loaded
// (German and French), the profile's currency and a fixed today.
QuickEntryParser parserFor(const QString& locale, QDate today = kToday, bool translated = true)
{
    std::unique_ptr<KeywordTranslator> translator;
    if (translated && locale.startsWith(u"de"))
        translator = std::make_unique<KeywordTranslator>(germanKeywords());
    else if (translated && locale.startsWith(u"fr"))
        translator = std::make_unique<KeywordTranslator>(frenchKeywords());
    if (translator)
        QCoreApplication::installTranslator(translator.get());
    QuickEntryParser parser(QLocale(locale), Currency::fromCode(defaultCurrencyFor(locale)), today);
    if (translator)
        QCoreApplication::removeTranslator(translator.get());
    return parser;
}

QString describe(const QuickEntry& entry)
{
    return QStringLiteral("ok=%1 problem=%2 error=\"%3\" type=%4 amount=%5 %6 date=%7 merchant=\"%8\" hint=\"%9\"")
        .arg(int(entry.ok))
        .arg(int(entry.problem))
        .arg(entry.error, TransactionEnums::key(entry.type))
        .arg(entry.amount.minor())
        .arg(entry.amount.currency().code(), entry.date.toString(Qt::ISODate), entry.merchant, entry.categoryHint);
}

} // namespace

class TestQuickEntryParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void errorMessagesNameTheProblem();
    void spans();
    void weekdaysAreThePastOnes();
    void datesWithoutYearAreNeverInTheFuture();
    void defaultCurrencyIsTheProfiles();
    void keywordsComeFromTranslations();
    void germanTranslationFile();
    void partialResultsForThePreview();
    void longInputsDoNotHang();
};

void TestQuickEntryParser::parses_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("income");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("merchant");
    QTest::addColumn<QString>("hint");

    const QDate today = kToday;
    const QDate yesterday(2026, 11, 21);
    const QDate nov1(2026, 11, 1);
    const QString none;

    auto row = [](const char* name) -> QTestData& {
        return QTest::newRow(name);
    };
    auto s = [](const char* text) {
        return QString::fromUtf8(text);
    };

    // en_US, default USD
    row("us plain") << s("en_US") << s("coffee 4.50") << false << qint64(450) << s("USD") << today << s("Coffee")
                    << none;
    row("us yesterday") << s("en_US") << s("coffee 4.50 yesterday") << false << qint64(450) << s("USD") << yesterday
                        << s("Coffee") << none;
    row("us salary income 1 nov") << s("en_US") << s("salary 3200 income 1 nov") << true << qint64(320000) << s("USD")
                                  << nov1 << s("Salary") << none;
    row("us euro after, separated") << s("en_US") << s("uber 23,90 €") << false << qint64(2390) << s("EUR") << today
                                    << s("Uber") << none;
    row("us comma decimal") << s("en_US") << s("lunch 4,50") << false << qint64(450) << s("USD") << today << s("Lunch")
                            << none;
    row("us euro before, attached") << s("en_US") << s("€4.50 croissant") << false << qint64(450) << s("EUR") << today
                                    << s("Croissant") << none;
    row("us euro after, attached") << s("en_US") << s("croissant 4.50€") << false << qint64(450) << s("EUR") << today
                                   << s("Croissant") << none;
    row("us code before") << s("en_US") << s("books USD 12") << false << qint64(1200) << s("USD") << today << s("Books")
                          << none;
    row("us code after, lower case") << s("en_US") << s("books 12 usd") << false << qint64(1200) << s("USD") << today
                                     << s("Books") << none;
    row("us other code after") << s("en_US") << s("hotel 80 CHF") << false << qint64(8000) << s("CHF") << today
                               << s("Hotel") << none;
    row("us grouped") << s("en_US") << s("laptop 1,234.56") << false << qint64(123456) << s("USD") << today
                      << s("Laptop") << none;
    row("us yen") << s("en_US") << s("sushi ¥980") << false << qint64(980) << s("JPY") << today << s("Sushi") << none;
    row("us dollar sign") << s("en_US") << s("taxi $15 the day before yesterday") << false << qint64(1500) << s("USD")
                          << QDate(2026, 11, 20) << s("Taxi") << none;
    row("us leading point") << s("en_US") << s("gum .50") << false << qint64(50) << s("USD") << today << s("Gum")
                            << none;
    row("us sentence dot") << s("en_US") << s("coffee 4.50.") << false << qint64(450) << s("USD") << today
                           << s("Coffee") << none;
    row("us comma after merchant") << s("en_US") << s("coffee, 4.50") << false << qint64(450) << s("USD") << today
                                   << s("Coffee") << none;
    row("us weekday") << s("en_US") << s("groceries 52.10 monday") << false << qint64(5210) << s("USD")
                      << QDate(2026, 11, 16) << s("Groceries") << none;
    row("us today's weekday is last week") << s("en_US") << s("dinner 40 on sunday") << false << qint64(4000)
                                           << s("USD") << QDate(2026, 11, 15) << s("Dinner") << none;
    row("us short weekday") << s("en_US") << s("fri pizza 18") << false << qint64(1800) << s("USD")
                            << QDate(2026, 11, 20) << s("Pizza") << none;
    row("us last friday") << s("en_US") << s("movie 12 last friday") << false << qint64(1200) << s("USD")
                          << QDate(2026, 11, 20) << s("Movie") << none;
    row("us days ago") << s("en_US") << s("gym 30 2 days ago") << false << qint64(3000) << s("USD")
                       << QDate(2026, 11, 20) << s("Gym") << none;
    row("us weeks ago") << s("en_US") << s("rent 1200 3 weeks ago") << false << qint64(120000) << s("USD") << nov1
                        << s("Rent") << none;
    row("us a week ago") << s("en_US") << s("shoes 60 a week ago") << false << qint64(6000) << s("USD")
                         << QDate(2026, 11, 15) << s("Shoes") << none;
    row("us iso") << s("en_US") << s("gift 25 2026-11-01") << false << qint64(2500) << s("USD") << nov1 << s("Gift")
                  << none;
    row("us iso future with year") << s("en_US") << s("concert tickets 80 2027-03-01") << false << qint64(8000)
                                   << s("USD") << QDate(2027, 3, 1) << s("Concert tickets") << none;
    row("us month/day") << s("en_US") << s("pharmacy 9.99 11/1") << false << qint64(999) << s("USD") << nov1
                        << s("Pharmacy") << none;
    row("us month/day future means last year") << s("en_US") << s("hotel 120 12/25") << false << qint64(12000)
                                               << s("USD") << QDate(2025, 12, 25) << s("Hotel") << none;
    row("us month/day/year future allowed") << s("en_US") << s("hotel 120 12/25/2026") << false << qint64(12000)
                                            << s("USD") << QDate(2026, 12, 25) << s("Hotel") << none;
    row("us two-digit year") << s("en_US") << s("hotel 120 11/2/26") << false << qint64(12000) << s("USD")
                             << QDate(2026, 11, 2) << s("Hotel") << none;
    row("us month day") << s("en_US") << s("bakery 3.20 nov 1") << false << qint64(320) << s("USD") << nov1
                        << s("Bakery") << none;
    row("us month ordinal") << s("en_US") << s("bakery 3.20 November 1st") << false << qint64(320) << s("USD") << nov1
                            << s("Bakery") << none;
    row("us month name future means last year") << s("en_US") << s("ski pass 90 dec 30") << false << qint64(9000)
                                                << s("USD") << QDate(2025, 12, 30) << s("Ski pass") << none;
    row("us month name with year") << s("en_US") << s("ski pass 90 dec 30, 2026") << false << qint64(9000) << s("USD")
                                   << QDate(2026, 12, 30) << s("Ski pass") << none;
    row("us upper case month") << s("en_US") << s("coffee 4.50 1 NOV") << false << qint64(450) << s("USD") << nov1
                               << s("Coffee") << none;
    row("us on the 3rd") << s("en_US") << s("flowers 20 on the 3rd") << false << qint64(2000) << s("USD")
                         << QDate(2026, 11, 3) << s("Flowers") << none;
    row("us the 25th is last month") << s("en_US") << s("parking 5 the 25th") << false << qint64(500) << s("USD")
                                     << QDate(2026, 10, 25) << s("Parking") << none;
    row("us on the 31st skips november") << s("en_US") << s("parking 5 on the 31st") << false << qint64(500) << s("USD")
                                         << QDate(2026, 10, 31) << s("Parking") << none;
    row("us weekday before date") << s("en_US") << s("coffee 4.50 Friday, 20 November") << false << qint64(450)
                                  << s("USD") << QDate(2026, 11, 20) << s("Coffee") << none;
    row("us year after month is the amount")
        << s("en_US") << s("rent 1 nov 2000") << false << qint64(200000) << s("USD") << nov1 << s("Rent") << none;
    row("us year after month, amount elsewhere") << s("en_US") << s("rent 1 nov 2025 900") << false << qint64(90000)
                                                 << s("USD") << QDate(2025, 11, 1) << s("Rent") << none;
    row("us refund") << s("en_US") << s("refund amazon 23.90") << true << qint64(2390) << s("USD") << today
                     << s("Amazon") << none;
    row("us plus sign") << s("en_US") << s("+50 from mom") << true << qint64(5000) << s("USD") << today << s("Mom")
                        << none;
    row("us plus as a word") << s("en_US") << s("mom + 50") << true << qint64(5000) << s("USD") << today << s("Mom")
                             << none;
    row("us got paid") << s("en_US") << s("got paid 1500 acme") << true << qint64(150000) << s("USD") << today
                       << s("Acme") << none;
    row("us received") << s("en_US") << s("Received 75 eBay") << true << qint64(7500) << s("USD") << today << s("eBay")
                       << none;
    row("us category only") << s("en_US") << s("4.50 #coffee") << false << qint64(450) << s("USD") << today << none
                            << s("coffee");
    row("us multi-word category") << s("en_US") << s("lunch 12 #dining-out") << false << qint64(1200) << s("USD")
                                  << today << s("Lunch") << s("dining-out");
    row("us quoted category") << s("en_US") << s("lunch 12 #\"Dining & Drinks\"") << false << qint64(1200) << s("USD")
                              << today << s("Lunch") << s("Dining & Drinks");
    row("us mixed case kept") << s("en_US") << s("iPhone case 19.99") << false << qint64(1999) << s("USD") << today
                              << s("iPhone case") << none;
    row("us spaces collapsed") << s("en_US") << s("  coffee   at   blue bottle  4.50 ") << false << qint64(450)
                               << s("USD") << today << s("Coffee at blue bottle") << none;
    row("us filler at the end") << s("en_US") << s("coffee at 4.50") << false << qint64(450) << s("USD") << today
                                << s("Coffee") << none;
    row("us filler at the start") << s("en_US") << s("for lunch 12.5") << false << qint64(1250) << s("USD") << today
                                  << s("Lunch") << none;
    row("us dash is punctuation") << s("en_US") << s("coffee - 4.50") << false << qint64(450) << s("USD") << today
                                  << s("Coffee") << none;
    row("us words with digits") << s("en_US") << s("7-eleven snacks 3pm 6.20") << false << qint64(620) << s("USD")
                                << today << s("7-eleven snacks 3pm") << none;
    row("us everything") << s("en_US") << s("Dinner at Luigi's 64.80 on monday #restaurants") << false << qint64(6480)
                         << s("USD") << QDate(2026, 11, 16) << s("Dinner at Luigi's") << s("restaurants");

    row("us day month day: month first") << s("en_US") << s("tea 2 dec 31") << false << qint64(200) << s("USD")
                                         << QDate(2025, 12, 31) << s("Tea") << none;

    // en_GB, default GBP
    row("gb day month day: day first") << s("en_GB") << s("tea 2 dec 31") << false << qint64(3100) << s("GBP")
                                       << QDate(2025, 12, 2) << s("Tea") << none;
    row("gb day/month") << s("en_GB") << s("coffee 4.50 1/11") << false << qint64(450) << s("GBP") << nov1
                        << s("Coffee") << none;
    row("gb full date") << s("en_GB") << s("train 12.40 21/11/2026") << false << qint64(1240) << s("GBP") << yesterday
                        << s("Train") << none;
    row("gb pound") << s("en_GB") << s("tea £2.10") << false << qint64(210) << s("GBP") << today << s("Tea") << none;
    row("gb dollar is USD") << s("en_GB") << s("book 9.99 $") << false << qint64(999) << s("USD") << today << s("Book")
                            << none;
    row("gb 1st of november") << s("en_GB") << s("lunch 8 1st of november") << false << qint64(800) << s("GBP") << nov1
                              << s("Lunch") << none;
    row("gb sept") << s("en_GB") << s("fuel 60 sept 3") << false << qint64(6000) << s("GBP") << QDate(2026, 9, 3)
                   << s("Fuel") << none;
    row("gb today's day of month") << s("en_GB") << s("dinner 45 on the 22nd") << false << qint64(4500) << s("GBP")
                                   << today << s("Dinner") << none;
    row("gb today") << s("en_GB") << s("today bus 2") << false << qint64(200) << s("GBP") << today << s("Bus") << none;

    // de_DE, default EUR, German translation loaded
    row("de gestern") << s("de_DE") << s("Kaffee 3,50 gestern") << false << qint64(350) << s("EUR") << yesterday
                      << s("Kaffee") << none;
    row("de grouped, am 1.11.") << s("de_DE") << s("Miete 1.234,56 am 1.11.") << false << qint64(123456) << s("EUR")
                                << nov1 << s("Miete") << none;
    row("de Einnahme, 1. November") << s("de_DE") << s("Gehalt 3200 Einnahme 1. November") << true << qint64(320000)
                                    << s("EUR") << nov1 << s("Gehalt") << none;
    row("de point decimal, vorgestern") << s("de_DE") << s("Brötchen 4.50 vorgestern") << false << qint64(450)
                                        << s("EUR") << QDate(2026, 11, 20) << s("Brötchen") << none;
    row("de letzten Freitag") << s("de_DE") << s("kino 12 letzten Freitag") << false << qint64(1200) << s("EUR")
                              << QDate(2026, 11, 20) << s("Kino") << none;
    row("de vor 2 Tagen") << s("de_DE") << s("Tanken 60 vor 2 Tagen") << false << qint64(6000) << s("EUR")
                          << QDate(2026, 11, 20) << s("Tanken") << none;
    row("de vor 3 Wochen") << s("de_DE") << s("Tanken 60 vor 3 Wochen") << false << qint64(6000) << s("EUR") << nov1
                           << s("Tanken") << none;
    row("de am 3.") << s("de_DE") << s("Essen 25 am 3.") << false << qint64(2500) << s("EUR") << QDate(2026, 11, 3)
                    << s("Essen") << none;
    row("de short weekday with dot") << s("de_DE") << s("Pizza 9 Mo.") << false << qint64(900) << s("EUR")
                                     << QDate(2026, 11, 16) << s("Pizza") << none;
    row("de So. is last Sunday") << s("de_DE") << s("Eis 2,5 So.") << false << qint64(250) << s("EUR")
                                 << QDate(2026, 11, 15) << s("Eis") << none;
    row("de day. month, umlaut") << s("de_DE") << s("Buch 15 3. März") << false << qint64(1500) << s("EUR")
                                 << QDate(2026, 3, 3) << s("Buch") << none;
    row("de month without umlaut") << s("de_DE") << s("Buch 15 3. Marz") << false << qint64(1500) << s("EUR")
                                   << QDate(2026, 3, 3) << s("Buch") << none;
    row("de English still works") << s("de_DE") << s("Bäcker 2,40 yesterday") << false << qint64(240) << s("EUR")
                                  << yesterday << s("Bäcker") << none;
    row("de other currency") << s("de_DE") << s("USD 12 Buch") << false << qint64(1200) << s("USD") << today
                             << s("Buch") << none;
    row("de euro word, iso date") << s("de_DE") << s("Einkauf 45,90 € 2026-11-02") << false << qint64(4590) << s("EUR")
                                  << QDate(2026, 11, 2) << s("Einkauf") << none;
    row("de Gutschrift") << s("de_DE") << s("Gutschrift 20 Amazon") << true << qint64(2000) << s("EUR") << today
                         << s("Amazon") << none;
    row("de heute, filler bei") << s("de_DE") << s("Kaffee bei 3,50 heute") << false << qint64(350) << s("EUR") << today
                                << s("Kaffee") << none;
    row("de full numeric date") << s("de_DE") << s("Tanken 60 20.11.2026") << false << qint64(6000) << s("EUR")
                                << QDate(2026, 11, 20) << s("Tanken") << none;

    // fr_FR, default EUR, French translation loaded
    row("fr hier") << s("fr_FR") << s("café 2,40 hier") << false << qint64(240) << s("EUR") << yesterday << s("Café")
                   << none;
    row("fr le 3 mars") << s("fr_FR") << s("boulangerie 3,20 le 3 mars") << false << qint64(320) << s("EUR")
                        << QDate(2026, 3, 3) << s("Boulangerie") << none;
    row("fr space groups, 1er") << s("fr_FR") << s("loyer 1 234,56 € le 1er novembre") << false << qint64(123456)
                                << s("EUR") << nov1 << s("Loyer") << none;
    row("fr narrow no-break space groups") << s("fr_FR") << s("loyer 1\u202F234,56\u00A0€") << false << qint64(123456)
                                           << s("EUR") << today << s("Loyer") << none;
    row("fr remboursement") << s("fr_FR") << s("remboursement 30 sncf") << true << qint64(3000) << s("EUR") << today
                            << s("Sncf") << none;
    row("fr vendredi dernier") << s("fr_FR") << s("cinéma 11 vendredi dernier") << false << qint64(1100) << s("EUR")
                               << QDate(2026, 11, 20) << s("Cinéma") << none;
    row("fr il y a 2 jours") << s("fr_FR") << s("essence 50 il y a 2 jours") << false << qint64(5000) << s("EUR")
                             << QDate(2026, 11, 20) << s("Essence") << none;
    row("fr short weekday") << s("fr_FR") << s("pain 1,20 lun.") << false << qint64(120) << s("EUR")
                            << QDate(2026, 11, 16) << s("Pain") << none;
    row("fr short month, last year") << s("fr_FR") << s("resto 35 3 déc.") << false << qint64(3500) << s("EUR")
                                     << QDate(2025, 12, 3) << s("Resto") << none;
    row("fr month without accent") << s("fr_FR") << s("resto 35 3 decembre") << false << qint64(3500) << s("EUR")
                                   << QDate(2025, 12, 3) << s("Resto") << none;
    row("fr day/month") << s("fr_FR") << s("marché 18 22/11") << false << qint64(1800) << s("EUR") << today
                        << s("Marché") << none;
    row("fr revenu aujourd'hui") << s("fr_FR") << s("revenu 500 prime aujourd'hui") << true << qint64(50000) << s("EUR")
                                 << today << s("Prime") << none;
    row("fr filler chez") << s("fr_FR") << s("chez Paul 6,80") << false << qint64(680) << s("EUR") << today << s("Paul")
                          << none;
}

void TestQuickEntryParser::parses()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(bool, income);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QDate, date);
    QFETCH(QString, merchant);
    QFETCH(QString, hint);

    const QuickEntry entry = parserFor(locale).parse(text);
    QVERIFY2(entry.ok, qPrintable(describe(entry)));
    QCOMPARE(entry.problem, QuickEntry::Problem::None);
    QVERIFY(entry.error.isEmpty());
    QCOMPARE(entry.type, income ? TransactionType::Income : TransactionType::Expense);
    QCOMPARE(entry.amount.minor(), minor);
    QCOMPARE(entry.amount.currency().code(), currency);
    QCOMPARE(entry.date, date);
    QCOMPARE(entry.merchant, merchant);
    QCOMPARE(entry.categoryHint, hint);
}

void TestQuickEntryParser::rejects_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QuickEntry::Problem>("problem");

    using P = QuickEntry::Problem;
    auto row = [](const char* name, const char* locale, const QString& text, P problem) {
        QTest::newRow(name) << QString::fromUtf8(locale) << text << problem;
    };
    auto s = [](const char* text) {
        return QString::fromUtf8(text);
    };

    row("empty", "en_US", QString(), P::Empty);
    row("blank", "en_US", s("   "), P::Empty);
    row("too long", "en_US", QString(QuickEntryParser::MaximumLength + 1, u'x'), P::TooLong);
    row("no amount", "en_US", s("coffee"), P::MissingAmount);
    row("no amount, with date", "en_US", s("coffee yesterday"), P::MissingAmount);
    row("only a category", "en_US", s("#food"), P::MissingAmount);
    row("day and month only", "en_US", s("coffee 4 nov"), P::MissingAmount);
    row("no merchant", "en_US", s("4.50"), P::MissingMerchant);
    row("no merchant, with date", "en_US", s("4.50 yesterday"), P::MissingMerchant);
    row("only fillers", "en_US", s("at 4.50 for"), P::MissingMerchant);
    row("negative", "en_US", s("coffee -12"), P::NegativeAmount);
    row("negative unicode minus", "en_US", s("coffee \u221212"), P::NegativeAmount);
    row("trailing minus", "en_US", s("coffee 12-"), P::NegativeAmount);
    row("negative with symbol", "en_US", s("coffee -$12"), P::NegativeAmount);
    row("two amounts", "en_US", s("coffee 4.50 12"), P::TwoAmounts);
    row("two amounts with currencies", "en_US", s("coffee €4.50 $5"), P::TwoAmounts);
    row("not a date", "en_US", s("coffee 4.50 32/13"), P::InvalidDate);
    row("month 13 in en_US order", "en_US", s("coffee 4.50 13/1"), P::InvalidDate);
    row("31 february", "en_US", s("coffee 4.50 31 feb"), P::InvalidDate);
    row("29 february in a common year", "en_US", s("coffee 4.50 feb 29"), P::InvalidDate);
    row("invalid iso", "en_US", s("coffee 4.50 2026-02-30"), P::InvalidDate);
    row("too many days ago", "en_US", s("coffee 4.50 99999 days ago"), P::InvalidDate);
    row("two dates", "en_US", s("coffee 4.50 yesterday 1 nov"), P::TwoDates);
    row("two categories", "en_US", s("coffee 4.50 #food #drinks"), P::TwoCategories);
    row("too many decimals", "en_US", s("coffee 4.505"), P::InvalidAmount);
    row("yen decimals", "en_US", s("sushi ¥9.80"), P::InvalidAmount);
    row("bad grouping", "en_US", s("coffee 1,2,3"), P::InvalidAmount);
    row("too large", "en_US", s("coffee 99999999999999999999"), P::InvalidAmount);
    row("zero", "en_US", s("coffee 0"), P::ZeroAmount);
    row("unknown currency symbol", "en_US", s("coffee ₿12"), P::UnknownCurrency);
    row("de not a date", "de_DE", s("Kaffee 3,50 31.2."), P::InvalidDate);
    row("de dotted non-date is an amount", "de_DE", s("Kaffee 3,50 32.13."), P::TwoAmounts);
    row("de negative", "de_DE", s("Kaffee -3,50"), P::NegativeAmount);
    row("de two amounts", "de_DE", s("Kaffee 3,50 2"), P::TwoAmounts);
    row("de no merchant", "de_DE", s("3,50 gestern"), P::MissingMerchant);
    row("gb month 13", "en_GB", s("coffee 4.50 1/13"), P::InvalidDate);
    row("fr two dates", "fr_FR", s("pain 1,20 hier le 3 mars"), P::TwoDates);
    row("invalid date wins over missing amount", "en_US", s("coffee 32/13"), P::InvalidDate);
}

void TestQuickEntryParser::rejects()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(QuickEntry::Problem, problem);

    const QuickEntry entry = parserFor(locale).parse(text);
    QVERIFY2(!entry.ok, qPrintable(describe(entry)));
    QCOMPARE(entry.problem, problem);
    QVERIFY(!entry.error.isEmpty());
    QVERIFY2(entry.error.endsWith(u'.'), qPrintable(entry.error)); // a complete sentence
}

void TestQuickEntryParser::errorMessagesNameTheProblem()
{
    const QuickEntryParser parser = parserFor(QStringLiteral("en_US"));
    QCOMPARE(parser.parse(QStringLiteral("coffee")).error, QStringLiteral("Add an amount, for example “coffee 4.50”."));
    QCOMPARE(parser.parse(QStringLiteral("4.50")).error,
             QStringLiteral("Add what it was for, for example “coffee 4.50”."));
    QCOMPARE(parser.parse(QStringLiteral("coffee 4.50 12")).error,
             QStringLiteral("Found two amounts: 4.50 and 12. Keep only one."));
    QCOMPARE(parser.parse(QStringLiteral("coffee €4.50 12.")).error,
             QStringLiteral("Found two amounts: €4.50 and 12. Keep only one."));
    QCOMPARE(parserFor(QStringLiteral("fr_FR")).parse(QStringLiteral("loyer 1 234,56 2.")).error,
             QStringLiteral("Found two amounts: 1 234,56 and 2. Keep only one."));
    QCOMPARE(parser.parse(QStringLiteral("coffee 4.50 yesterday on monday")).error,
             QStringLiteral("Found two dates: yesterday and monday. Keep only one."));
    QVERIFY(
        parser.parse(QStringLiteral("coffee 4.50 32/13")).error.startsWith(QStringLiteral("“32/13” is not a date.")));
    QVERIFY(parser.parse(QStringLiteral("coffee -12")).error.contains(QStringLiteral("income")));
    // Money::parse's own message comes through.
    QCOMPARE(parser.parse(QStringLiteral("coffee 4.505")).error,
             Money::parse(u"4.505", Currency::fromCode(u"USD"), QLocale(QStringLiteral("en_US"))).error().message);
}

void TestQuickEntryParser::spans()
{
    using K = QuickEntry::Span::Kind;
    const QuickEntryParser parser = parserFor(QStringLiteral("en_US"));

    // "salary 3200 income 1 nov #work"
    //  0      7    12     19    25
    QuickEntry entry = parser.parse(QStringLiteral("salary 3200 income 1 nov #work"));
    QVERIFY(entry.ok);
    const QList<QuickEntry::Span> expected
        = {{7, 4, K::Amount}, {12, 6, K::Type}, {19, 5, K::Date}, {25, 5, K::Category}};
    QCOMPARE(entry.spans, expected);

    // A '+' is the type; the amount with its symbol follows.
    entry = parser.parse(QStringLiteral("+€12 gift"));
    QVERIFY(entry.ok);
    const QList<QuickEntry::Span> plus = {{0, 1, K::Type}, {1, 3, K::Amount}};
    QCOMPARE(entry.spans, plus);

    // A currency as a word of its own belongs to the amount; a preposition to the date; punctuation to neither.
    entry = parser.parse(QStringLiteral("uber 23,90 €, on monday"));
    QVERIFY(entry.ok);
    const QList<QuickEntry::Span> separated = {{5, 7, K::Amount}, {14, 9, K::Date}};
    QCOMPARE(entry.spans, separated);

    // A full stop ends the sentence, not the amount.
    entry = parser.parse(QStringLiteral("coffee 4.50."));
    QVERIFY(entry.ok);
    const QList<QuickEntry::Span> fullStop = {{7, 4, K::Amount}};
    QCOMPARE(entry.spans, fullStop);

    // Spans are filled even when the text is not complete yet.
    entry = parser.parse(QStringLiteral("yesterday"));
    QCOMPARE(entry.problem, QuickEntry::Problem::MissingAmount);
    const QList<QuickEntry::Span> dateOnly = {{0, 9, K::Date}};
    QCOMPARE(entry.spans, dateOnly);
}

void TestQuickEntryParser::weekdaysAreThePastOnes()
{
    // The most recent such day before today, today excluded, whichever day today is.
    for (int offset = 0; offset < 7; ++offset) {
        const QDate today = kToday.addDays(offset);
        const QuickEntryParser parser(QLocale(QStringLiteral("en_US")), Currency::fromCode(u"USD"), today);
        for (int weekday = 1; weekday <= 7; ++weekday) {
            const QString name = QLocale(QStringLiteral("en_US")).dayName(weekday);
            for (const QString& text :
                 QStringList {QStringLiteral("tea 2 ") + name, QStringLiteral("tea 2 last ") + name}) {
                const QuickEntry entry = parser.parse(text);
                QVERIFY2(entry.ok, qPrintable(text));
                QCOMPARE(entry.date.dayOfWeek(), weekday);
                QVERIFY2(entry.date < today && entry.date >= today.addDays(-7), qPrintable(text));
            }
        }
    }
}

void TestQuickEntryParser::datesWithoutYearAreNeverInTheFuture()
{
    const QDate newYear(2026, 1, 5);
    const QuickEntryParser parser(QLocale(QStringLiteral("en_US")), Currency::fromCode(u"USD"), newYear);
    QCOMPARE(parser.parse(QStringLiteral("tea 2 dec 31")).date, QDate(2025, 12, 31));
    QCOMPARE(parser.parse(QStringLiteral("tea 2 1/5")).date, newYear);
    QCOMPARE(parser.parse(QStringLiteral("tea 2 1/6")).date, QDate(2025, 1, 6));
    QCOMPARE(parser.parse(QStringLiteral("tea 2 on the 10th")).date, QDate(2025, 12, 10));
    QCOMPARE(parser.parse(QStringLiteral("tea 2 on the 5th")).date, newYear);
    QCOMPARE(parser.parse(QStringLiteral("tea 2 3 weeks ago")).date, QDate(2025, 12, 15));
    // An explicit year may be in the future (a booking); today's parser never reads the clock.
    QCOMPARE(parser.parse(QStringLiteral("tea 2 jan 6 2026")).date, QDate(2026, 1, 6));
    QCOMPARE(parser.parse(QStringLiteral("tea 2 2030-01-01")).date, QDate(2030, 1, 1));
    QCOMPARE(parser.parse(QStringLiteral("tea 2")).date, newYear);
}

void TestQuickEntryParser::defaultCurrencyIsTheProfiles()
{
    // A euro profile on an American system.
    const QuickEntryParser parser(QLocale(QStringLiteral("en_US")), Currency::fromCode(u"EUR"), kToday);
    QCOMPARE(parser.parse(QStringLiteral("coffee 4.50")).amount, Money::fromMinor(450, u"EUR"));
    QCOMPARE(parser.parse(QStringLiteral("coffee 4.50 €")).amount, Money::fromMinor(450, u"EUR"));
    QCOMPARE(parser.parse(QStringLiteral("coffee $4.50")).amount, Money::fromMinor(450, u"USD"));
    QCOMPARE(parser.parse(QStringLiteral("coffee 4.50 eur")).amount, Money::fromMinor(450, u"EUR"));
    // A code-looking word that is no currency stays in the description.
    const QuickEntry entry = parser.parse(QStringLiteral("shop XYZ 4.50"));
    QVERIFY(entry.ok);
    QCOMPARE(entry.merchant, QStringLiteral("shop XYZ"));
    // Lower-case codes that are English words are words ("try"), upper case they are codes.
    QCOMPARE(parser.parse(QStringLiteral("try 12 tacos")).merchant, QStringLiteral("Try tacos"));
    QCOMPARE(parser.parse(QStringLiteral("tacos 12 TRY")).amount, Money::fromMinor(1200, u"TRY"));
    // A yuan profile reads ¥ as its own currency.
    const QuickEntryParser yuan(QLocale(QStringLiteral("zh_CN")), Currency::fromCode(u"CNY"), kToday);
    QCOMPARE(yuan.parse(QStringLiteral("tea ¥12")).amount, Money::fromMinor(1200, u"CNY"));
}

void TestQuickEntryParser::keywordsComeFromTranslations()
{
    // Without the German translation "gestern" is just a word…
    const QuickEntryParser untranslated = parserFor(QStringLiteral("de_DE"), kToday, false);
    QuickEntry entry = untranslated.parse(QStringLiteral("Kaffee 3,50 gestern"));
    QVERIFY(entry.ok);
    QCOMPARE(entry.date, kToday);
    QCOMPARE(entry.merchant, QStringLiteral("Kaffee gestern"));
    QCOMPARE(untranslated.parse(QStringLiteral("Gehalt 3200 Einnahme")).type, TransactionType::Expense);
    // …while month and weekday names come from the locale and need no translation.
    QCOMPARE(untranslated.parse(QStringLiteral("Kaffee 3,50 1. Nov.")).date, QDate(2026, 11, 1));
    QCOMPARE(untranslated.parse(QStringLiteral("Kaffee 3,50 Dienstag")).date, QDate(2026, 11, 17));

    // With it, German and English keywords both work.
    const QuickEntryParser translated = parserFor(QStringLiteral("de_DE"));
    QCOMPARE(translated.parse(QStringLiteral("Kaffee 3,50 gestern")).date, QDate(2026, 11, 21));
    QCOMPARE(translated.parse(QStringLiteral("Kaffee 3,50 yesterday")).date, QDate(2026, 11, 21));
    QCOMPARE(translated.parse(QStringLiteral("Gehalt 3200 Einnahme")).type, TransactionType::Income);
    QCOMPARE(translated.parse(QStringLiteral("Gehalt 3200 income")).type, TransactionType::Income);
    // The keywords were read at construction: removing the translator later changes nothing.
    QCOMPARE(translated.parse(QStringLiteral("Kaffee 3,50 vorgestern")).date, QDate(2026, 11, 20));
}

void TestQuickEntryParser::germanTranslationFile()
{
    // The shipped German translation carries the keywords.
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/moniagent_de.qm")));
    QCoreApplication::installTranslator(&german);
    const QuickEntryParser parser(QLocale(QStringLiteral("de_DE")), Currency::fromCode(u"EUR"), kToday);
    const QuickEntry missing = parser.parse(QStringLiteral("Kaffee gestern"));
    QCoreApplication::removeTranslator(&german);

    QCOMPARE(missing.problem, QuickEntry::Problem::MissingAmount);
    QCOMPARE(missing.error, QStringLiteral("Geben Sie einen Betrag an, zum Beispiel „Kaffee 4,50“."));
    const QuickEntry entry = parser.parse(QStringLiteral("Gehalt 3.200 Einnahme am 1.11."));
    QVERIFY2(entry.ok, qPrintable(describe(entry)));
    QCOMPARE(entry.type, TransactionType::Income);
    QCOMPARE(entry.amount, Money::fromMinor(320000, u"EUR"));
    QCOMPARE(entry.date, QDate(2026, 11, 1));
    QCOMPARE(entry.merchant, QStringLiteral("Gehalt"));
    QCOMPARE(parser.parse(QStringLiteral("Kaffee 3,50 gestern")).date, QDate(2026, 11, 21));
    QCOMPARE(parser.parse(QStringLiteral("Kino 12 letzten Freitag")).date, QDate(2026, 11, 20));
    QCOMPARE(parser.parse(QStringLiteral("Brot 3 vor 2 Tagen")).date, QDate(2026, 11, 20));
}

void TestQuickEntryParser::partialResultsForThePreview()
{
    const QuickEntryParser parser = parserFor(QStringLiteral("en_US"));
    const QuickEntry entry = parser.parse(QStringLiteral("refund 23.90 yesterday"));
    QCOMPARE(entry.problem, QuickEntry::Problem::MissingMerchant);
    QCOMPARE(entry.type, TransactionType::Income);
    QCOMPARE(entry.amount, Money::fromMinor(2390, u"USD"));
    QCOMPARE(entry.date, QDate(2026, 11, 21));
}

void TestQuickEntryParser::longInputsDoNotHang()
{
    const QuickEntryParser parser = parserFor(QStringLiteral("fr_FR"));
    QElapsedTimer timer;
    timer.start();

    // 10,000 characters are refused without being looked at.
    QString huge;
    while (huge.size() < 10000)
        huge += QStringLiteral("1.1,1 nov #\"a ");
    huge.truncate(10000);
    QCOMPARE(huge.size(), 10000);
    QCOMPARE(parser.parse(huge).problem, QuickEntry::Problem::TooLong);

    // Pathological texts just under the limit are parsed to the end.
    const int n = QuickEntryParser::MaximumLength;
    const QStringList patterns = {
        QStringLiteral("1"), // one 1000-digit number
        QStringLiteral("1."), // "1.1.1.1…"
        QStringLiteral("1,"),
        QStringLiteral("1 "), // a thousand numbers, space-grouped in fr_FR
        QStringLiteral("123 "),    QStringLiteral("€"),   QStringLiteral("nov 1 "),
        QStringLiteral("il y a "), QStringLiteral("le "), QStringLiteral("#"),
        QStringLiteral("#\""),     QStringLiteral("a"),   QStringLiteral("é "),
    };
    for (const QString& pattern : patterns) {
        QString text;
        while (text.size() + pattern.size() <= n)
            text += pattern;
        const QuickEntry entry = parser.parse(text);
        QVERIFY2(!entry.error.isEmpty() || entry.ok, qPrintable(pattern));
    }
    QString longMerchant;
    while (longMerchant.size() < n - 10)
        longMerchant += QStringLiteral("coffee ");
    const QuickEntry entry = parser.parse(longMerchant + QStringLiteral("4,50"));
    QVERIFY(entry.ok);
    QCOMPARE(entry.amount.minor(), qint64(450));
    // Generous: a parse takes well under a millisecond; a hang or a quadratic blow-up would not finish.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestQuickEntryParser)
#include "tst_quickentryparser.moc"
