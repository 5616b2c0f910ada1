#include "demogenerator.h"

#include "core/defaultcategories.h"
#include "db/categoryrepository.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transactionbulkwriter.h"
#include "db/transactionrepository.h"
#include "db/userrepository.h"
#include "demomerchants.h"
#include "demorandom.h"

#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

namespace Moniagent {

namespace {

using Pool = DemoMerchants::Pool;
using Style = DemoMerchants::Style;
using Merchant = DemoMerchants::Merchant;

// About how many transactions one household has in a year; larger ledgers combine several households'
// worth of recurring payments ("units") so that the mix stays the same.
constexpr qint64 PersonaTransactionsPerYear = 2500;
// Recurring payments may take at most this share of a small ledger (permille); the least important go first.
constexpr qint64 MaxScheduledPermille = 400;

// ---------------------------------------------------------------------------------------------------------
// Currency scaling. Amounts are drawn in cents of a reference currency worth about a euro, then scaled by a
// rough price-level factor to the profile's currency (a coffee is 3.20 EUR, 3.50 USD, 510 JPY).

struct CurrencyScale
{
    const char16_t* code;
    qint64 milli; // currency units per reference unit, × 1000
};

const CurrencyScale Scales[] = {
    {u"EUR", 1000},     {u"USD", 1100},    {u"GBP", 850},     {u"CHF", 950},     {u"JPY", 160000},   {u"KRW", 1450000},
    {u"CNY", 7800},     {u"INR", 90000},   {u"AUD", 1650},    {u"CAD", 1500},    {u"NZD", 1800},     {u"SEK", 11500},
    {u"NOK", 11500},    {u"DKK", 7450},    {u"PLN", 4300},    {u"CZK", 25000},   {u"HUF", 390000},   {u"RON", 5000},
    {u"BGN", 1960},     {u"ISK", 150000},  {u"TRY", 35000},   {u"UAH", 45000},   {u"RUB", 100000},   {u"BRL", 5500},
    {u"MXN", 19000},    {u"ARS", 1000000}, {u"CLP", 1000000}, {u"COP", 4400000}, {u"ZAR", 20000},    {u"NGN", 1700000},
    {u"KES", 140000},   {u"EGP", 53000},   {u"MAD", 10800},   {u"AED", 4000},    {u"SAR", 4100},     {u"ILS", 4000},
    {u"KWD", 330},      {u"BHD", 410},     {u"OMR", 420},     {u"JOD", 770},     {u"TND", 3400},     {u"SGD", 1450},
    {u"HKD", 8500},     {u"TWD", 35000},   {u"THB", 38000},   {u"MYR", 5000},    {u"IDR", 17000000}, {u"PHP", 62000},
    {u"VND", 27000000}, {u"PKR", 300000},
};

qint64 scaleMilli(const QString& code)
{
    for (const CurrencyScale& scale : Scales) {
        if (code == QStringView(scale.code))
            return scale.milli;
    }
    return 1000;
}

qint64 powerOfTen(int digits)
{
    qint64 value = 1;
    for (int i = 0; i < digits; ++i)
        value *= 10;
    return value;
}

// Rounds to `digits` significant digits (1234 -> 1230 with 3).
qint64 roundSignificant(qint64 value, int digits)
{
    const qint64 limit = powerOfTen(digits);
    qint64 step = 1;
    while (value / step >= limit)
        step *= 10;
    return std::max(step, (value + step / 2) / step * step);
}

enum class Rounding : quint8
{
    Exact, // any number of minor units (card payments, bills)
    Significant2, // 2 significant digits (cash, transfers)
    Significant3, // 3 significant digits (rent, fees)
    Charm, // 12.99-style prices (subscriptions)
};

// ---------------------------------------------------------------------------------------------------------
// Calendar profiles: how a kind of spending varies with the weekday and the month (percent).

enum class Profile : quint8
{
    Flat,
    Grocery,
    Commute,
    Coffee,
    Leisure,
    Nightlife,
    Shopping,
    Online,
    Clothing,
    Garden,
    Health,
    Kids,
    Gifts,
    Office,
    Fuel,
    Refund,
    Heating,
    TravelBooking,
    Count
};

// Monday … Sunday
const std::array<std::array<int, 7>, std::size_t(Profile::Count)> WeekdayPercent = {{
    {100, 100, 100, 100, 100, 100, 100}, // Flat
    {90, 90, 100, 110, 130, 170, 30}, // Grocery
    {120, 120, 120, 120, 115, 45, 30}, // Commute
    {120, 120, 120, 120, 115, 75, 60}, // Coffee
    {70, 75, 85, 100, 160, 180, 110}, // Leisure
    {40, 50, 70, 100, 220, 240, 80}, // Nightlife
    {80, 85, 90, 100, 120, 180, 45}, // Shopping
    {105, 105, 100, 100, 95, 90, 105}, // Online
    {80, 85, 90, 100, 120, 180, 45}, // Clothing
    {80, 80, 80, 90, 110, 200, 60}, // Garden
    {120, 120, 120, 120, 110, 60, 20}, // Health
    {110, 110, 110, 110, 100, 90, 70}, // Kids
    {90, 90, 90, 100, 110, 150, 70}, // Gifts
    {130, 130, 130, 130, 120, 10, 5}, // Office
    {100, 100, 100, 100, 120, 110, 70}, // Fuel
    {110, 110, 110, 110, 110, 60, 40}, // Refund
    {100, 100, 100, 100, 100, 100, 100}, // Heating
    {110, 110, 110, 110, 100, 80, 100}, // TravelBooking
}};

// January … December
const std::array<std::array<int, 12>, std::size_t(Profile::Count)> MonthPercent = {{
    {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, // Flat
    {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 105, 125}, // Grocery
    {100, 100, 100, 100, 100, 95, 85, 70, 100, 100, 100, 85}, // Commute
    {105, 105, 100, 100, 95, 95, 90, 85, 100, 105, 105, 100}, // Coffee
    {85, 90, 95, 100, 105, 110, 110, 105, 100, 95, 95, 125}, // Leisure
    {80, 85, 90, 100, 105, 115, 115, 110, 100, 95, 95, 140}, // Nightlife
    {110, 80, 90, 95, 95, 100, 105, 95, 95, 100, 150, 190}, // Shopping
    {105, 85, 90, 90, 90, 90, 95, 95, 95, 105, 160, 180}, // Online
    {140, 80, 110, 110, 100, 100, 130, 90, 110, 100, 120, 140}, // Clothing
    {40, 50, 110, 180, 200, 170, 130, 110, 100, 80, 60, 70}, // Garden
    {140, 140, 120, 100, 90, 80, 70, 70, 90, 110, 130, 140}, // Health
    {90, 90, 90, 100, 90, 100, 80, 120, 200, 100, 100, 130}, // Kids
    {40, 110, 70, 70, 90, 70, 60, 60, 70, 80, 150, 500}, // Gifts
    {100, 100, 100, 100, 100, 100, 80, 60, 100, 100, 100, 70}, // Office
    {100, 100, 100, 100, 100, 105, 120, 120, 100, 100, 100, 100}, // Fuel
    {200, 130, 100, 100, 100, 100, 110, 100, 90, 90, 100, 80}, // Refund
    {300, 250, 120, 40, 10, 5, 5, 5, 30, 120, 220, 280}, // Heating
    {150, 120, 120, 110, 110, 90, 70, 60, 80, 90, 90, 80}, // TravelBooking
}};

// Seasonal factors for bills (percent by month): heating is dear in winter, electricity a little.
const std::array<int, 12> HeatingBillPercent = {175, 165, 135, 95, 65, 45, 40, 40, 55, 95, 140, 170};
const std::array<int, 12> ElectricityBillPercent = {115, 110, 105, 95, 90, 90, 95, 95, 90, 100, 110, 120};

// ---------------------------------------------------------------------------------------------------------
// Discretionary spending and income: drawn on every day, at rates set by the kind's weight and profile.

enum class KindFlag : quint8
{
    None,
    Refund, // a refund from a shop: merchant from a shopping pool, category Refunds
    Cash, // round ATM amounts
    Round, // 2 significant digits
};

struct Kind
{
    Pool pool;
    const char* categoryKey; // null: the pool's category
    TransactionType type;
    int weight; // at home, per household-year
    Profile profile;
    int tripPercent; // multiplier on travel days
    int tripWeight; // weight on travel days instead (restaurants abroad), 0: none
    int birthdayPercent; // multiplier in the days before a family birthday
    KindFlag flag;
};

constexpr auto Expense = TransactionType::Expense;
constexpr auto Income = TransactionType::Income;

const Kind Kinds[] = {
    {Pool::Groceries, nullptr, Expense, 260, Profile::Grocery, 30, 0, 100, KindFlag::None},
    {Pool::Coffee, nullptr, Expense, 280, Profile::Coffee, 70, 0, 100, KindFlag::None},
    {Pool::Restaurants, nullptr, Expense, 110, Profile::Leisure, 10, 0, 100, KindFlag::None},
    {Pool::FastFood, nullptr, Expense, 95, Profile::Leisure, 30, 0, 100, KindFlag::None},
    {Pool::Bars, nullptr, Expense, 55, Profile::Nightlife, 40, 0, 100, KindFlag::None},
    {Pool::RestaurantsAbroad, nullptr, Expense, 0, Profile::Flat, 0, 700, 100, KindFlag::None},
    {Pool::Fuel, nullptr, Expense, 45, Profile::Fuel, 40, 0, 100, KindFlag::None},
    {Pool::PublicTransport, nullptr, Expense, 260, Profile::Commute, 25, 0, 100, KindFlag::None},
    {Pool::Trains, nullptr, Expense, 14, Profile::Leisure, 60, 0, 100, KindFlag::None},
    {Pool::RideHailing, nullptr, Expense, 35, Profile::Nightlife, 250, 0, 100, KindFlag::None},
    {Pool::Parking, nullptr, Expense, 35, Profile::Shopping, 40, 0, 100, KindFlag::None},
    {Pool::CarService, nullptr, Expense, 8, Profile::Office, 0, 0, 100, KindFlag::None},
    {Pool::OnlineShops, nullptr, Expense, 110, Profile::Online, 30, 0, 150, KindFlag::None},
    {Pool::Stores, nullptr, Expense, 75, Profile::Shopping, 40, 0, 150, KindFlag::None},
    {Pool::Clothing, nullptr, Expense, 42, Profile::Clothing, 60, 0, 100, KindFlag::None},
    {Pool::PersonalCare, nullptr, Expense, 34, Profile::Shopping, 30, 0, 100, KindFlag::None},
    {Pool::Pharmacies, nullptr, Expense, 30, Profile::Health, 40, 0, 100, KindFlag::None},
    {Pool::Doctors, nullptr, Expense, 8, Profile::Health, 10, 0, 100, KindFlag::None},
    {Pool::Entertainment, nullptr, Expense, 60, Profile::Leisure, 150, 0, 100, KindFlag::None},
    {Pool::TravelServices, nullptr, Expense, 4, Profile::TravelBooking, 0, 160, 100, KindFlag::None},
    {Pool::Airlines, nullptr, Expense, 3, Profile::TravelBooking, 0, 0, 100, KindFlag::None},
    {Pool::Hotels, nullptr, Expense, 3, Profile::TravelBooking, 0, 0, 100, KindFlag::None},
    {Pool::HomeGarden, nullptr, Expense, 32, Profile::Garden, 10, 0, 100, KindFlag::None},
    {Pool::HeatingFuel, nullptr, Expense, 3, Profile::Heating, 0, 0, 100, KindFlag::None},
    {Pool::Pets, nullptr, Expense, 30, Profile::Flat, 20, 0, 100, KindFlag::None},
    {Pool::Kids, nullptr, Expense, 42, Profile::Kids, 50, 0, 150, KindFlag::None},
    {Pool::GiftShops, nullptr, Expense, 18, Profile::Gifts, 40, 0, 700, KindFlag::None},
    {Pool::Charities, nullptr, Expense, 8, Profile::Gifts, 0, 0, 100, KindFlag::Round},
    {Pool::Government, nullptr, Expense, 4, Profile::Office, 0, 0, 100, KindFlag::None},
    {Pool::BankFees, nullptr, Expense, 8, Profile::Flat, 400, 0, 100, KindFlag::None},
    {Pool::BuyNowPayLater, nullptr, Expense, 5, Profile::Online, 0, 0, 100, KindFlag::None},
    {Pool::Business, nullptr, Expense, 15, Profile::Office, 10, 0, 100, KindFlag::None},
    {Pool::Gambling, nullptr, Expense, 6, Profile::Leisure, 20, 0, 100, KindFlag::None},
    {Pool::Atms, nullptr, Expense, 40, Profile::Leisure, 200, 0, 100, KindFlag::Cash},
    {Pool::Errands, nullptr, Expense, 18, Profile::Flat, 20, 0, 100, KindFlag::None},
    {Pool::People, nullptr, Expense, 24, Profile::Flat, 30, 0, 150, KindFlag::Round},
    {Pool::People, nullptr, Income, 9, Profile::Flat, 30, 0, 100, KindFlag::Round},
    {Pool::SavingsAccounts, nullptr, Expense, 5, Profile::Flat, 0, 0, 100, KindFlag::Round},
    {Pool::SavingsAccounts, nullptr, Income, 2, Profile::Flat, 0, 0, 100, KindFlag::Round},
    {Pool::OnlineShops, "Refunds", Income, 18, Profile::Refund, 30, 0, 100, KindFlag::Refund},
    {Pool::SideIncome, nullptr, Income, 12, Profile::Flat, 20, 0, 100, KindFlag::None},
    {Pool::Unknown, nullptr, Expense, 12, Profile::Flat, 100, 0, 100, KindFlag::None},
};
constexpr int KindCount = int(std::size(Kinds));

// ---------------------------------------------------------------------------------------------------------
// Places: the household's home city (from the currency) and travel destinations.

struct Place
{
    const char16_t* city;
    const char16_t* country;
};

struct HomeCities
{
    const char16_t* currency;
    std::array<const char16_t*, 4> cities; // null-terminated when shorter
    const char16_t* country;
    const char16_t* amazon;
};

const HomeCities Homes[] = {
    {u"EUR", {u"BERLIN", u"PARIS", u"AMSTERDAM", u"MILAN"}, u"EU", u"DE"},
    {u"GBP", {u"LONDON", u"MANCHESTER", u"BRISTOL", u"EDINBURGH"}, u"GB", u"UK"},
    {u"USD", {u"NEW YORK", u"SAN FRANCISCO", u"CHICAGO", u"SEATTLE"}, u"US", u"US"},
    {u"JPY", {u"TOKYO", u"OSAKA", nullptr, nullptr}, u"JP", u"JP"},
    {u"CHF", {u"ZURICH", u"GENEVA", nullptr, nullptr}, u"CH", u"DE"},
    {u"CAD", {u"TORONTO", u"VANCOUVER", nullptr, nullptr}, u"CA", u"CA"},
    {u"AUD", {u"SYDNEY", u"MELBOURNE", nullptr, nullptr}, u"AU", u"AU"},
    {u"SEK", {u"STOCKHOLM", nullptr, nullptr, nullptr}, u"SE", u"SE"},
    {u"NOK", {u"OSLO", nullptr, nullptr, nullptr}, u"NO", u"DE"},
    {u"DKK", {u"COPENHAGEN", nullptr, nullptr, nullptr}, u"DK", u"DE"},
    {u"PLN", {u"WARSAW", u"KRAKOW", nullptr, nullptr}, u"PL", u"PL"},
    {u"CZK", {u"PRAGUE", nullptr, nullptr, nullptr}, u"CZ", u"DE"},
    {u"INR", {u"MUMBAI", u"BENGALURU", nullptr, nullptr}, u"IN", u"IN"},
    {u"SGD", {u"SINGAPORE", nullptr, nullptr, nullptr}, u"SG", u"SG"},
    {u"NZD", {u"AUCKLAND", nullptr, nullptr, nullptr}, u"NZ", u"AU"},
    {u"KRW", {u"SEOUL", nullptr, nullptr, nullptr}, u"KR", u"US"},
    {u"BRL", {u"SAO PAULO", nullptr, nullptr, nullptr}, u"BR", u"BR"},
    {u"MXN", {u"MEXICO CITY", nullptr, nullptr, nullptr}, u"MX", u"MX"},
};

const Place Destinations[] = {
    {u"ROME", u"IT"},      {u"BARCELONA", u"ES"},   {u"LISBON", u"PT"},    {u"PARIS", u"FR"},
    {u"NEW YORK", u"US"},  {u"TOKYO", u"JP"},       {u"ATHENS", u"GR"},    {u"VIENNA", u"AT"},
    {u"PRAGUE", u"CZ"},    {u"COPENHAGEN", u"DK"},  {u"REYKJAVIK", u"IS"}, {u"BANGKOK", u"TH"},
    {u"SINGAPORE", u"SG"}, {u"MEXICO CITY", u"MX"}, {u"MARRAKECH", u"MA"}, {u"ISTANBUL", u"TR"},
    {u"DUBROVNIK", u"HR"}, {u"NICE", u"FR"},        {u"EDINBURGH", u"GB"}, {u"BERLIN", u"DE"},
    {u"AMSTERDAM", u"NL"}, {u"MADRID", u"ES"},      {u"SYDNEY", u"AU"},    {u"CAPE TOWN", u"ZA"},
};

// ---------------------------------------------------------------------------------------------------------
// Recurring payments and income.

enum class Frequency : quint8
{
    Monthly,
    Quarterly,
    Yearly,
    Once,
};

enum class Season : quint8
{
    None,
    Heating,
    Electricity,
};

struct Stream
{
    qint32 merchant = 0;
    int category = -1; // slot, see Generator::slotOf
    TransactionType type = TransactionType::Expense;
    Frequency frequency = Frequency::Monthly;
    int day = 1; // day of the month (the month's last day when shorter)
    int month = 1; // Yearly: the month; Quarterly: the first month (1 to 3)
    Season season = Season::None;
    QDate from; // active from (also the anniversary for price rises) …
    QDate to; // … to, inclusive
    qint64 ref = 0; // amount at `from`, reference cents
    int variation = 0; // ± permille from one occurrence to the next
    int raiseChance = 0; // permille per anniversary
    int raiseLow = 0; // permille
    int raiseHigh = 0;
    int keepLow = 0; // an occurrence happens when its hash (mod 1000) is in [keepLow, keepHigh)
    int keepHigh = 1000;
    Rounding rounding = Rounding::Exact;
    int priority = 0; // lower is kept first when a small ledger has no room for every stream
    int order = 0; // creation order, to keep sorting stable
    quint64 key = 0;
};

struct Trip
{
    QDate start;
    QDate end;
    int place = 0;
};

struct Pending
{
    int day;
    int stream;
};

int monthIndex(QDate date)
{
    return date.year() * 12 + date.month() - 1;
}

int yearsBetween(QDate from, QDate date)
{
    int years = date.year() - from.year();
    if (date.month() < from.month() || (date.month() == from.month() && date.day() < from.day()))
        --years;
    return std::max(0, years);
}

// ---------------------------------------------------------------------------------------------------------

class Generator
{
public:
    Generator(const DemoGenerator::Options& options, const QHash<QString, qint64>& categoryIds);
    Result<qint64> run(const DemoGenerator::Sink& sink);

private:
    // Planning
    void planPlaces();
    void planTrips();
    void planBirthdays();
    void planUnits();
    void planStreams(int unit);
    void selectStreams();
    void planDays();

    // Helpers
    int slotOf(const char* categoryKey) const;
    int poolSlot(Pool pool) const { return m_poolSlots[std::size_t(pool)]; }
    qint32 pick(Pool pool, DemoRandom& random) const;
    qint32 pickFavourite(int unit, Pool pool);
    qint32 pickFavouriteFor(int unit, Pool pool, DemoRandom& random) const;
    qint32 named(Pool pool, QStringView name) const;
    qint64 toMinor(qint64 ref) const;
    qint64 rounded(qint64 minor, Rounding rounding) const;
    qint64 drawRef(const Merchant& merchant);
    Stream& addStream(int unit, qint32 merchant, Frequency frequency, qint64 ref, int priority);
    template <typename Function> void forEachOccurrence(const Stream& stream, int year, int month, Function f) const;
    qint64 streamMinor(const Stream& stream, QDate date) const;
    qint64 kindWeight(int kind, QDate date, bool travelling, bool birthday) const;

    // Output
    Result<void> emitScheduled(const Stream& stream, QDate date, const DemoGenerator::Sink& sink);
    Result<void> emitDiscretionary(QDate date, const std::array<qint64, KindCount>& cumulativeWeights,
                                   const DemoGenerator::Sink& sink);
    Result<void> append(QDate date, qint32 merchant, int slot, TransactionType type, qint64 minor, bool scheduled,
                        bool refund, const DemoGenerator::Sink& sink);
    QString describe(const Merchant& merchant, TransactionType type, bool refund);
    QString newUuid(QDate date);

    const DemoGenerator::Options& m_options;
    Currency m_currency;
    qint64 m_scaleMilli = 1000;
    qint64 m_minorPerMajor = 100;
    DateRange m_range;
    int m_units = 1;
    DemoRandom m_random; // every draw made while writing rows, in row order
    QDate m_uuidDate;
    qint64 m_uuidSequence = 0;

    std::array<std::optional<qint64>, 64> m_slotIds; // category slot -> id
    int m_slotCount = 0;
    std::array<int, std::size_t(Pool::Count)> m_poolSlots {};
    std::array<int, KindCount> m_kindSlots {};
    QList<int> m_expenseSlots;
    QList<int> m_incomeSlots;

    QString m_homeCity;
    QString m_homeCountry;
    QString m_amazonCountry;
    QList<Trip> m_trips;
    QList<std::pair<int, int>> m_birthdays; // month, day
    std::vector<std::array<QList<qint32>, std::size_t(Pool::Count)>> m_favourites; // per unit
    std::vector<Stream> m_allStreams;
    std::vector<Stream> m_streams; // the ones kept, in priority order
    qint64 m_scheduledCount = 0;

    std::vector<qint64> m_dayWeights; // per day of the range
    std::vector<qint16> m_dayTrip; // index into m_trips or -1
    std::vector<quint8> m_dayBirthday;
    qint64 m_totalWeight = 0;

    // State while writing
    const Place* m_place = nullptr; // the current trip's destination, or null at home
    QString m_placeCity;
    QString m_placeCountry;
    QList<Transaction> m_chunk;
    QJsonObject m_metadata;
    qint64 m_written = 0;
};

Generator::Generator(const DemoGenerator::Options& options, const QHash<QString, qint64>& categoryIds)
    : m_options(options)
    , m_currency(Currency::fromCode(options.currency))
    , m_range(DemoGenerator::dateRange(options))
    , m_random(DemoRandom::mix(options.seed, 0x64656D6Full))
{
    m_scaleMilli = scaleMilli(m_currency.code());
    m_minorPerMajor = m_currency.minorPerMajor();
    m_metadata.insert(QStringLiteral("demo"), true);

    // Category slots: one per default category, in the order of DefaultCategories::entries().
    const auto& entries = DefaultCategories::entries();
    m_slotCount = int(entries.size());
    for (int i = 0; i < m_slotCount && i < int(m_slotIds.size()); ++i) {
        const QString key = QString::fromUtf8(entries[i].key);
        const auto it = categoryIds.constFind(key);
        if (it != categoryIds.cend())
            m_slotIds[std::size_t(i)] = it.value();
        if (entries[i].type != CategoryType::Income)
            m_expenseSlots.append(i);
        if (entries[i].type != CategoryType::Expense)
            m_incomeSlots.append(i);
    }
    for (int pool = 0; pool < int(Pool::Count); ++pool)
        m_poolSlots[std::size_t(pool)] = slotOf(DemoMerchants::info(Pool(pool)).categoryKey);
    for (int kind = 0; kind < KindCount; ++kind) {
        const Kind& k = Kinds[kind];
        m_kindSlots[std::size_t(kind)] = k.categoryKey ? slotOf(k.categoryKey) : poolSlot(k.pool);
    }

    const int years = DemoGenerator::effectiveYears(options);
    const qint64 perYear = PersonaTransactionsPerYear * years;
    m_units = int(std::max<qint64>(1, (options.transactions + perYear / 2) / perYear));

    planPlaces();
    planTrips();
    planBirthdays();
    planUnits();
    selectStreams();
    planDays();
}

int Generator::slotOf(const char* categoryKey) const
{
    if (!categoryKey)
        return -1;
    const auto& entries = DefaultCategories::entries();
    for (int i = 0; i < int(entries.size()); ++i) {
        if (std::strcmp(entries[i].key, categoryKey) == 0)
            return i;
    }
    Q_ASSERT_X(false, "DemoGenerator", "unknown default category key");
    return -1;
}

qint64 Generator::toMinor(qint64 ref) const
{
    return std::max<qint64>(1, (ref * m_scaleMilli * m_minorPerMajor + 50000) / 100000);
}

qint64 Generator::rounded(qint64 minor, Rounding rounding) const
{
    switch (rounding) {
    case Rounding::Exact:
        return minor;
    case Rounding::Significant2:
        return roundSignificant(minor, 2);
    case Rounding::Significant3:
        return roundSignificant(minor, 3);
    case Rounding::Charm:
        if (m_minorPerMajor == 100 && minor >= 100)
            return (minor + 99) / 100 * 100 - 1;
        return roundSignificant(minor, m_minorPerMajor == 1 ? 2 : 3);
    }
    return minor;
}

qint32 Generator::pick(Pool pool, DemoRandom& random) const
{
    const QList<qint32>& merchants = DemoMerchants::inPool(pool);
    return merchants[random.bounded(quint32(merchants.size()))];
}

qint32 Generator::named(Pool pool, QStringView name) const
{
    const QList<qint32>& merchants = DemoMerchants::inPool(pool);
    for (qint32 index : merchants) {
        if (DemoMerchants::merchants()[index].name == name)
            return index;
    }
    return merchants.first();
}

qint32 Generator::pickFavouriteFor(int unit, Pool pool, DemoRandom& random) const
{
    const QList<qint32>& favourites = m_favourites[std::size_t(unit)][std::size_t(pool)];
    if (!favourites.isEmpty() && random.chance(720)) {
        // The first favourite is the most frequent.
        const double u = random.unit();
        return favourites[qsizetype(double(favourites.size()) * u * u)];
    }
    return pick(pool, random);
}

qint32 Generator::pickFavourite(int unit, Pool pool)
{
    return pickFavouriteFor(unit, pool, m_random);
}

qint64 Generator::drawRef(const Merchant& merchant)
{
    // Skewed to the low end of the merchant's range (the mean is a quarter of the way up) …
    const double u = m_random.unit();
    qint64 ref = merchant.minRef + qint64(double(merchant.maxRef - merchant.minRef) * u * u * u);
    if (m_random.chance(25)) // … with a long tail: now and then several times the usual amount
        ref = ref * (150 + qint64(m_random.bounded(250))) / 100;
    return ref;
}

// ---------------------------------------------------------------------------------------------------------
// Planning

void Generator::planPlaces()
{
    DemoRandom random(DemoRandom::mix(m_options.seed, 0x706C616365ull));
    m_homeCity = QStringLiteral("CITY CENTRE");
    m_homeCountry = QStringLiteral("XX");
    m_amazonCountry = QStringLiteral("US");
    for (const HomeCities& home : Homes) {
        if (m_currency.code() != QStringView(home.currency))
            continue;
        int count = 0;
        while (count < int(home.cities.size()) && home.cities[std::size_t(count)])
            ++count;
        m_homeCity = QStringView(home.cities[random.bounded(quint32(count))]).toString();
        m_homeCountry = QStringView(home.country).toString();
        m_amazonCountry = QStringView(home.amazon).toString();
    }
}

void Generator::planTrips()
{
    DemoRandom random(DemoRandom::mix(m_options.seed, 0x7472697073ull));
    const auto overlaps = [this](QDate start, QDate end) {
        return std::any_of(m_trips.cbegin(), m_trips.cend(), [&](const Trip& trip) {
            return start <= trip.end.addDays(7) && trip.start <= end.addDays(7);
        });
    };
    int lastPlace = -1;
    const auto destination = [&]() {
        for (;;) {
            const int place = int(random.bounded(quint32(std::size(Destinations))));
            if (place != lastPlace && QStringView(Destinations[place].city) != m_homeCity) {
                lastPlace = place;
                return place;
            }
        }
    };
    for (int year = m_range.from.year(); year <= m_range.to.year(); ++year) {
        // A summer holiday of one to two weeks …
        Trip summer;
        summer.start = QDate(year, 6, 10).addDays(random.bounded(66));
        summer.end = summer.start.addDays(6 + random.bounded(10));
        summer.place = destination();
        m_trips.append(summer);
        // … and one to three shorter trips at other times.
        const int others = 1 + int(random.bounded(3));
        for (int i = 0; i < others; ++i) {
            static constexpr int Months[] = {1, 2, 3, 4, 5, 9, 10, 11, 12};
            Trip trip;
            trip.start = QDate(year, Months[random.bounded(quint32(std::size(Months)))], 1 + int(random.bounded(28)));
            trip.end = trip.start.addDays(2 + random.bounded(7));
            trip.place = destination();
            if (!overlaps(trip.start, trip.end))
                m_trips.append(trip);
        }
    }
    // Only trips that start within the range; the days after the end date are never written.
    m_trips.removeIf([this](const Trip& trip) { return trip.start < m_range.from || trip.start > m_range.to; });
    std::sort(m_trips.begin(), m_trips.end(), [](const Trip& a, const Trip& b) { return a.start < b.start; });
}

void Generator::planBirthdays()
{
    DemoRandom random(DemoRandom::mix(m_options.seed, 0x6269727468ull));
    const int count = 4 + int(random.bounded(3));
    for (int i = 0; i < count; ++i)
        m_birthdays.append({1 + int(random.bounded(12)), 1 + int(random.bounded(28))});
}

void Generator::planUnits()
{
    m_favourites.resize(std::size_t(m_units));
    for (int unit = 0; unit < m_units; ++unit) {
        DemoRandom random(DemoRandom::mix(m_options.seed, 0x6661760000ull + quint64(unit)));
        for (int pool = 0; pool < int(Pool::Count); ++pool) {
            const int count = DemoMerchants::info(Pool(pool)).favourites;
            QList<qint32> candidates = DemoMerchants::inPool(Pool(pool));
            QList<qint32>& favourites = m_favourites[std::size_t(unit)][std::size_t(pool)];
            for (int i = 0; i < count && !candidates.isEmpty(); ++i)
                favourites.append(candidates.takeAt(random.bounded(quint32(candidates.size()))));
        }
        planStreams(unit);
    }
}

Stream& Generator::addStream(int unit, qint32 merchant, Frequency frequency, qint64 ref, int priority)
{
    Stream stream;
    stream.merchant = merchant;
    const Merchant& m = DemoMerchants::merchants()[merchant];
    stream.category = poolSlot(m.pool);
    stream.type = stream.category >= 0 && DefaultCategories::entries()[stream.category].type == CategoryType::Income
        ? TransactionType::Income
        : TransactionType::Expense;
    stream.frequency = frequency;
    stream.from = m_range.from;
    stream.to = m_range.to;
    stream.ref = ref;
    stream.priority = priority;
    stream.order = int(m_allStreams.size());
    stream.key = DemoRandom::mix(m_options.seed ^ (quint64(unit) << 40), quint64(stream.order) + 0x73747265616Dull);
    m_allStreams.push_back(stream);
    return m_allStreams.back();
}

void Generator::planStreams(int unit)
{
    DemoRandom r(DemoRandom::mix(m_options.seed, 0x756E697400ull + quint64(unit)));
    const QDate from = m_range.from;
    const QDate to = m_range.to;
    const qint64 spanDays = from.daysTo(to);
    const auto dayIn = [&](qint64 firstDay, qint64 lastDay) {
        return from.addDays(r.range(firstDay, lastDay));
    };

    // Salary on a fixed day, a raise most years, sometimes a change of job; a bonus most years.
    const int payday = 25 + int(r.bounded(4));
    qint64 salary = r.range(350000, 600000);
    QDate jobChange;
    if (r.chance(350) && spanDays > 400) {
        const QDate change = dayIn(120, spanDays - 60);
        jobChange = QDate(change.year(), change.month(), 1);
    }
    const qint32 employer = pick(Pool::Employers, r);
    qint32 laterEmployer = employer;
    {
        Stream& s = addStream(unit, employer, Frequency::Monthly, salary, 0);
        s.day = payday;
        s.from = from.addYears(-int(r.bounded(5))); // started before the range: raises already happened
        if (jobChange.isValid())
            s.to = jobChange.addDays(-1);
        s.variation = 8;
        s.raiseChance = 850;
        s.raiseLow = 15;
        s.raiseHigh = 45;
    }
    if (jobChange.isValid()) {
        while (laterEmployer == employer)
            laterEmployer = pick(Pool::Employers, r);
        Stream& s = addStream(unit, laterEmployer, Frequency::Monthly, salary * 112 / 100, 0);
        s.day = payday;
        s.from = jobChange;
        s.variation = 8;
        s.raiseChance = 850;
        s.raiseLow = 15;
        s.raiseHigh = 45;
    }
    // Most households have a second earner.
    if (r.chance(650)) {
        qint32 partnerEmployer = pick(Pool::Employers, r);
        while (partnerEmployer == employer || partnerEmployer == laterEmployer)
            partnerEmployer = pick(Pool::Employers, r);
        Stream& s = addStream(unit, partnerEmployer, Frequency::Monthly, r.range(220000, 420000), 3);
        s.day = 1 + int(r.bounded(28));
        s.from = from.addYears(-int(r.bounded(5)));
        s.variation = 8;
        s.raiseChance = 800;
        s.raiseLow = 15;
        s.raiseHigh = 40;
    }

    // A bonus most years, from whoever employs the household at the time.
    for (int job = 0; job < (jobChange.isValid() ? 2 : 1); ++job) {
        Stream& s = addStream(unit, job == 0 ? employer : laterEmployer, Frequency::Yearly,
                              salary * r.range(30, 100) / 100, 8);
        s.day = payday;
        s.month = r.chance(500) ? 3 : 12;
        s.keepHigh = 700;
        s.rounding = Rounding::Significant3;
        if (jobChange.isValid() && job == 0)
            s.to = jobChange.addDays(-1);
        else if (jobChange.isValid())
            s.from = jobChange;
    }

    // Rent, or a mortgage (and owners' association fees), on the 1st.
    if (r.chance(600)) {
        Stream& s = addStream(unit, pick(Pool::Landlords, r), Frequency::Monthly, r.range(90000, 190000), 1);
        s.rounding = Rounding::Significant3;
        s.from = from.addYears(-int(r.bounded(4)));
        s.raiseChance = 600;
        s.raiseLow = 20;
        s.raiseHigh = 50;
    } else {
        const QList<qint32>& lenders = DemoMerchants::inPool(Pool::MortgageLenders);
        Stream& s = addStream(unit, lenders[r.bounded(3)], Frequency::Monthly, r.range(80000, 210000), 1);
        s.rounding = Rounding::Exact;
        Stream& hoa = addStream(unit, lenders[3], Frequency::Monthly, r.range(15000, 40000), 6);
        hoa.day = 5;
        hoa.rounding = Rounding::Significant3;
        hoa.raiseChance = 500;
        hoa.raiseLow = 20;
        hoa.raiseHigh = 60;
    }

    // Utilities: electricity and heating vary with the season, water is billed quarterly.
    {
        Stream& s = addStream(unit, pick(Pool::Energy, r), Frequency::Monthly, r.range(5000, 9000), 2);
        s.day = 5 + int(r.bounded(11));
        s.season = Season::Electricity;
        s.variation = 120;
        s.raiseChance = 450;
        s.raiseLow = 40;
        s.raiseHigh = 150;
    }
    {
        Stream& s = addStream(unit, pick(Pool::Energy, r), Frequency::Monthly, r.range(6000, 10000), 5);
        s.day = 5 + int(r.bounded(11));
        s.season = Season::Heating;
        s.variation = 100;
        s.raiseChance = 450;
        s.raiseLow = 40;
        s.raiseHigh = 150;
    }
    {
        Stream& s = addStream(unit, pick(Pool::Water, r), Frequency::Quarterly, r.range(6000, 12000), 6);
        s.month = 1 + int(r.bounded(3));
        s.day = 10 + int(r.bounded(11));
        s.variation = 80;
    }
    {
        Stream& s = addStream(unit, pick(Pool::Telecom, r), Frequency::Monthly, r.range(1500, 4500), 3);
        s.day = 1 + int(r.bounded(28));
        s.variation = 60; // roaming, extras
        s.raiseChance = 300;
        s.raiseLow = 30;
        s.raiseHigh = 80;
    }
    {
        Stream& s = addStream(unit, pick(Pool::Telecom, r), Frequency::Monthly, r.range(2999, 5999), 3);
        s.day = 1 + int(r.bounded(28));
        s.rounding = Rounding::Charm;
        s.raiseChance = 250;
        s.raiseLow = 50;
        s.raiseHigh = 100;
    }

    // Subscriptions on fixed days; some start or stop within the range; prices go up now and then.
    {
        QList<qint32> services = DemoMerchants::inPool(Pool::Streaming);
        services.append(DemoMerchants::inPool(Pool::Software));
        const int count = 4 + int(r.bounded(4));
        for (int i = 0; i < count && !services.isEmpty(); ++i) {
            const qint32 merchant = services.takeAt(r.bounded(quint32(services.size())));
            const Merchant& m = DemoMerchants::merchants()[merchant];
            Stream& s = addStream(unit, merchant, Frequency::Monthly, r.chance(500) ? m.minRef : m.maxRef, 4);
            s.day = 1 + int(r.bounded(28));
            s.rounding = Rounding::Charm;
            s.raiseChance = 300;
            s.raiseLow = 80;
            s.raiseHigh = 200;
            if (r.chance(300))
                s.from = dayIn(0, spanDays);
            if (r.chance(200))
                s.to = s.from.addDays(r.range(90, 900));
        }
        if (r.chance(700)) {
            const qint32 gym = pick(Pool::Gyms, r);
            const Merchant& m = DemoMerchants::merchants()[gym];
            Stream& s = addStream(unit, gym, Frequency::Monthly, r.range(m.minRef, m.maxRef), 4);
            s.day = 1 + int(r.bounded(5));
            s.rounding = Rounding::Charm;
            s.raiseChance = 250;
            s.raiseLow = 50;
            s.raiseHigh = 150;
        }
    }

    // Insurance: yearly home and car premiums, monthly health, life and pet cover.
    {
        Stream& home = addStream(unit, pick(Pool::Insurers, r), Frequency::Yearly, r.range(15000, 40000), 5);
        home.month = 1 + int(r.bounded(12));
        home.day = 1 + int(r.bounded(28));
        home.raiseChance = 600;
        home.raiseLow = 20;
        home.raiseHigh = 90;
        Stream& car = addStream(unit, pick(Pool::Insurers, r), Frequency::Yearly, r.range(40000, 110000), 5);
        car.month = 1 + int(r.bounded(12));
        car.day = 1 + int(r.bounded(28));
        car.raiseChance = 600;
        car.raiseLow = 20;
        car.raiseHigh = 120;
        Stream& health = addStream(unit, pick(Pool::Insurers, r), Frequency::Monthly, r.range(2000, 6000), 5);
        health.day = 1 + int(r.bounded(28));
        health.raiseChance = 700;
        health.raiseLow = 30;
        health.raiseHigh = 80;
        if (r.chance(600)) {
            Stream& life = addStream(unit, pick(Pool::Insurers, r), Frequency::Monthly, r.range(1500, 4000), 7);
            life.day = 1 + int(r.bounded(28));
        }
        Stream& pet = addStream(unit, named(Pool::Insurers, u"Petplan"), Frequency::Monthly, r.range(1500, 3500), 7);
        pet.day = 1 + int(r.bounded(28));
    }

    // Loans: a car loan over four years, sometimes a student loan.
    {
        const QList<qint32>& lenders = DemoMerchants::inPool(Pool::Lenders);
        Stream& car = addStream(unit, lenders[0], Frequency::Monthly, r.range(20000, 40000), 6);
        car.day = 1 + int(r.bounded(28));
        car.from = from.addDays(r.range(-900, spanDays / 2));
        car.to = car.from.addMonths(48);
        if (r.chance(400)) {
            Stream& student = addStream(unit, lenders[1], Frequency::Monthly, r.range(8000, 25000), 7);
            student.day = 1 + int(r.bounded(28));
            student.raiseChance = 300;
            student.raiseLow = 20;
            student.raiseHigh = 50;
        }
    }

    // Savings right after payday, an investment plan, interest and dividends.
    {
        const QList<qint32>& savings = DemoMerchants::inPool(Pool::SavingsAccounts);
        Stream& s = addStream(unit, savings[0], Frequency::Monthly, r.range(20000, 60000), 4);
        s.day = std::min(28, payday + 1);
        s.rounding = Rounding::Significant2;
        s.raiseChance = 500;
        s.raiseLow = 50;
        s.raiseHigh = 200;
        if (r.chance(700)) {
            Stream& plan = addStream(unit, savings[1 + r.bounded(quint32(savings.size() - 1))], Frequency::Monthly,
                                     r.range(10000, 40000), 6);
            plan.day = 2;
            plan.rounding = Rounding::Significant2;
        }
        const QList<qint32>& payers = DemoMerchants::inPool(Pool::InterestPayers);
        Stream& interest = addStream(unit, payers[r.bounded(2)], Frequency::Monthly, r.range(100, 1500), 7);
        interest.day = 28;
        interest.variation = 400;
        Stream& dividends = addStream(unit, payers[2 + r.bounded(2)], Frequency::Quarterly, r.range(1000, 15000), 9);
        dividends.month = 1 + int(r.bounded(3));
        dividends.day = 10 + int(r.bounded(10));
        dividends.variation = 300;
    }

    // Benefits: child benefit every month, sometimes a yearly rebate.
    {
        Stream& child = addStream(unit, named(Pool::BenefitOffices, u"Child Benefit Office"), Frequency::Monthly,
                                  r.range(20000, 25000), 5);
        child.day = 8 + int(r.bounded(12));
        child.rounding = Rounding::Significant3;
        child.raiseChance = 500;
        child.raiseLow = 20;
        child.raiseHigh = 50;
        Stream& rebate = addStream(unit, named(Pool::BenefitOffices, u"Energy Rebate Scheme"), Frequency::Yearly,
                                   r.range(10000, 30000), 9);
        rebate.month = 11 + int(r.bounded(2));
        rebate.day = 1 + int(r.bounded(28));
        rebate.keepHigh = 500;
        rebate.rounding = Rounding::Significant2;
    }

    // Kids: nursery or school fees and an activity.
    {
        const QList<qint32>& childcare = DemoMerchants::inPool(Pool::Childcare);
        const qint32 school = childcare[r.bounded(3)];
        const Merchant& m = DemoMerchants::merchants()[school];
        Stream& fees = addStream(unit, school, Frequency::Monthly, r.range(m.minRef, m.maxRef), 6);
        fees.day = 1 + int(r.bounded(5));
        fees.rounding = Rounding::Significant3;
        fees.raiseChance = 600;
        fees.raiseLow = 20;
        fees.raiseHigh = 60;
        const qint32 activity = childcare[3 + r.bounded(3)];
        const Merchant& a = DemoMerchants::merchants()[activity];
        Stream& club = addStream(unit, activity, Frequency::Monthly, r.range(a.minRef, a.maxRef), 8);
        club.day = 1 + int(r.bounded(28));
        club.rounding = Rounding::Significant2;
    }

    // Taxes: council tax monthly, vehicle tax yearly, and a yearly settlement that is a payment or a refund.
    {
        Stream& council = addStream(unit, named(Pool::TaxAuthorities, u"City Council"), Frequency::Monthly,
                                    r.range(8000, 25000), 6);
        council.day = 1 + int(r.bounded(15));
        council.rounding = Rounding::Significant3;
        council.raiseChance = 700;
        council.raiseLow = 20;
        council.raiseHigh = 50;
        Stream& vehicle = addStream(unit, named(Pool::TaxAuthorities, u"Vehicle Licensing Agency"), Frequency::Yearly,
                                    r.range(10000, 35000), 8);
        vehicle.month = 1 + int(r.bounded(12));
        vehicle.day = 1 + int(r.bounded(28));
        const qint32 revenue = named(Pool::TaxAuthorities, u"Revenue Service");
        const int settlementMonth = 5 + int(r.bounded(4));
        const int settlementDay = 1 + int(r.bounded(28));
        Stream& payment = addStream(unit, revenue, Frequency::Yearly, r.range(20000, 300000), 7);
        payment.month = settlementMonth;
        payment.day = settlementDay;
        payment.variation = 600;
        payment.keepHigh = 600;
        const quint64 settlementKey = payment.key;
        Stream& refund = addStream(unit, revenue, Frequency::Yearly, r.range(10000, 150000), 7);
        refund.category = slotOf("Refunds");
        refund.type = TransactionType::Income;
        refund.month = settlementMonth;
        refund.day = settlementDay;
        refund.variation = 600;
        refund.key = settlementKey; // the same draw decides: payment or refund
        refund.keepLow = 600;
        if (r.chance(400)) {
            Stream& tv = addStream(unit, named(Pool::TaxAuthorities, u"TV Licence"), Frequency::Monthly, 1450, 9);
            tv.day = 1 + int(r.bounded(28));
            tv.rounding = Rounding::Significant3;
        }
    }

    // Bank fees, pocket money and a transfer to the joint account.
    {
        Stream& fee = addStream(unit, named(Pool::BankFees, u"Northbank"), Frequency::Monthly, r.range(300, 900), 7);
        fee.day = 1;
        fee.rounding = Rounding::Significant2;
        if (r.chance(500)) {
            Stream& card = addStream(unit, named(Pool::BankFees, u"Unity Savings Bank"), Frequency::Yearly,
                                     r.range(2000, 9900), 9);
            card.month = 1 + int(r.bounded(12));
            card.day = 1 + int(r.bounded(28));
            card.rounding = Rounding::Charm;
        }
        Stream& pocket
            = addStream(unit, named(Pool::People, u"Kids' Pocket Money"), Frequency::Monthly, r.range(1000, 4000), 8);
        pocket.day = 1;
        pocket.rounding = Rounding::Significant2;
        if (r.chance(400)) {
            Stream& joint
                = addStream(unit, named(Pool::People, u"Joint Account"), Frequency::Monthly, r.range(20000, 80000), 8);
            joint.day = std::min(28, payday + 1);
            joint.rounding = Rounding::Significant2;
        }
    }

    // Travel: each trip's flights are booked weeks ahead, the hotel is paid at checkout, sometimes a car.
    for (const Trip& trip : m_trips) {
        const int nights = int(trip.start.daysTo(trip.end));
        const qint32 airline = pickFavouriteFor(unit, Pool::Airlines, r);
        const Merchant& a = DemoMerchants::merchants()[airline];
        const qint64 party = 2 + r.range(0, 2);
        Stream& flight = addStream(unit, airline, Frequency::Once, r.range(a.minRef, a.maxRef) * party / 2, 9);
        flight.from = std::max(m_range.from, trip.start.addDays(-r.range(14, 90)));
        flight.to = flight.from;
        const qint32 hotel = pickFavouriteFor(unit, Pool::Hotels, r);
        Stream& stay = addStream(unit, hotel, Frequency::Once, r.range(8000, 22000) * nights, 9);
        stay.from = trip.end;
        stay.to = trip.end;
        if (r.chance(400)) {
            const qint32 rental = DemoMerchants::inPool(Pool::TravelServices)[r.bounded(4)];
            Stream& car = addStream(unit, rental, Frequency::Once, r.range(3000, 7000) * nights, 9);
            car.from = trip.start;
            car.to = trip.start;
        }
    }
}

template <typename Function> void Generator::forEachOccurrence(const Stream& s, int year, int month, Function f) const
{
    QDate date;
    switch (s.frequency) {
    case Frequency::Monthly:
        break;
    case Frequency::Quarterly:
        if (((month - s.month) % 3 + 3) % 3 != 0)
            return;
        break;
    case Frequency::Yearly:
        if (month != s.month)
            return;
        break;
    case Frequency::Once:
        if (s.from.year() != year || s.from.month() != month)
            return;
        date = s.from;
        break;
    }
    if (!date.isValid()) {
        const int last = QDate(year, month, 1).daysInMonth();
        date = QDate(year, month, std::min(s.day, last));
    }
    if (date < s.from || date > s.to || date < m_range.from || date > m_range.to)
        return;
    if (s.keepLow > 0 || s.keepHigh < 1000) {
        const int draw = int(DemoRandom::mix(s.key, quint64(year * 12 + month)) % 1000);
        if (draw < s.keepLow || draw >= s.keepHigh)
            return;
    }
    f(date);
}

qint64 Generator::streamMinor(const Stream& s, QDate date) const
{
    qint64 ref = s.ref;
    const int years = yearsBetween(s.from, date);
    for (int year = 1; year <= years; ++year) {
        const quint64 draw = DemoRandom::mix(s.key, 0x7261697365ull + quint64(year));
        if (int(draw % 1000) < s.raiseChance) {
            const int raise = s.raiseLow + int((draw >> 20) % quint64(s.raiseHigh - s.raiseLow + 1));
            ref += ref * raise / 1000;
        }
    }
    if (s.season == Season::Heating)
        ref = ref * HeatingBillPercent[std::size_t(date.month() - 1)] / 100;
    else if (s.season == Season::Electricity)
        ref = ref * ElectricityBillPercent[std::size_t(date.month() - 1)] / 100;
    if (s.variation > 0) {
        const quint64 draw = DemoRandom::mix(s.key, 0x76617279ull + quint64(monthIndex(date)));
        const int change = int(draw % quint64(2 * s.variation + 1)) - s.variation;
        ref += ref * change / 1000;
    }
    return std::max<qint64>(1, rounded(toMinor(std::max<qint64>(1, ref)), s.rounding));
}

void Generator::selectStreams()
{
    std::vector<Stream> sorted = m_allStreams;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Stream& a, const Stream& b) { return a.priority < b.priority; });
    const qint64 cap = m_options.transactions * MaxScheduledPermille / 1000;
    const int firstMonth = monthIndex(m_range.from);
    const int lastMonth = monthIndex(m_range.to);
    for (const Stream& stream : sorted) {
        qint64 count = 0;
        for (int index = firstMonth; index <= lastMonth; ++index)
            forEachOccurrence(stream, index / 12, index % 12 + 1, [&count](QDate) { ++count; });
        if (m_scheduledCount + count > cap)
            continue;
        m_scheduledCount += count;
        m_streams.push_back(stream);
    }
}

qint64 Generator::kindWeight(int kind, QDate date, bool travelling, bool birthday) const
{
    const Kind& k = Kinds[kind];
    const bool tripWeight = travelling && k.tripWeight > 0;
    qint64 weight = tripWeight ? k.tripWeight : k.weight;
    if (weight == 0)
        return 0;
    weight *= 100;
    weight = weight * WeekdayPercent[std::size_t(k.profile)][std::size_t(date.dayOfWeek() - 1)] / 100;
    weight = weight * MonthPercent[std::size_t(k.profile)][std::size_t(date.month() - 1)] / 100;
    if (travelling && !tripWeight)
        weight = weight * k.tripPercent / 100;
    if (birthday)
        weight = weight * k.birthdayPercent / 100;
    return weight;
}

void Generator::planDays()
{
    const qint64 days = m_range.from.daysTo(m_range.to) + 1;
    m_dayWeights.assign(std::size_t(days), 0);
    m_dayTrip.assign(std::size_t(days), -1);
    m_dayBirthday.assign(std::size_t(days), 0);
    for (int t = 0; t < int(m_trips.size()); ++t) {
        const Trip& trip = m_trips[t];
        for (QDate d = trip.start; d <= trip.end && d <= m_range.to; d = d.addDays(1))
            m_dayTrip[std::size_t(m_range.from.daysTo(d))] = qint16(t);
    }
    for (qint64 i = 0; i < days; ++i) {
        const QDate date = m_range.from.addDays(i);
        for (const auto& [month, day] : m_birthdays) {
            QDate birthday(date.year(), month, day);
            if (birthday < date)
                birthday = birthday.addYears(1);
            if (date.daysTo(birthday) <= 10)
                m_dayBirthday[std::size_t(i)] = 1;
        }
        qint64 weight = 0;
        for (int kind = 0; kind < KindCount; ++kind)
            weight += kindWeight(kind, date, m_dayTrip[std::size_t(i)] >= 0, m_dayBirthday[std::size_t(i)] != 0);
        m_dayWeights[std::size_t(i)] = weight;
        m_totalWeight += weight;
    }
}

// ---------------------------------------------------------------------------------------------------------
// Writing

QString Generator::newUuid(QDate date)
{
    // Version 7, time-ordered by the row's date (plus a counter within the day): the rows, written in date
    // order, append to the uuid index instead of landing at random places.
    static constexpr qint64 UnixEpochJulianDay = 2440588;
    static constexpr qint64 MillisecondsPerDay = 86'400'000;
    if (date != m_uuidDate) {
        m_uuidDate = date;
        m_uuidSequence = 0;
    }
    const qint64 days = date.toJulianDay() - UnixEpochJulianDay;
    const qint64 milliseconds
        = std::max<qint64>(days, 0) * MillisecondsPerDay + std::min(m_uuidSequence++, MillisecondsPerDay - 1);
    return Sql::uuidV7(milliseconds);
}

QString Generator::describe(const Merchant& m, TransactionType type, bool refund)
{
    static constexpr char16_t Digits[] = u"0123456789";
    static constexpr char16_t Alphanumeric[] = u"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    const auto code = [this](int length, const char16_t* alphabet, quint32 size) {
        QString text(length, Qt::Uninitialized);
        for (QChar& c : text)
            c = QChar(alphabet[m_random.bounded(size)]);
        return text;
    };
    const QString& city = m_place ? m_placeCity : m_homeCity;
    QString text;
    text.reserve(64);
    if (refund)
        text += QLatin1String("REFUND ");
    switch (m.style) {
    case Style::Default:
    case Style::Card: {
        static const QLatin1String Prefixes[] = {QLatin1String("CARD PAYMENT "), QLatin1String("POS "),
                                                 QLatin1String("CONTACTLESS "), QLatin1String("VISA DEBIT ")};
        text += Prefixes[m.storeNumber % 4];
        text += m.descriptor;
        if (m.storeNumber % 3 == 0) {
            text += u' ';
            text += QString::number(m.storeNumber);
        }
        text += u' ';
        text += city;
        if (m_place) {
            text += u' ';
            text += m_placeCountry;
        }
        break;
    }
    case Style::Square:
        text += QLatin1String("SQ *") + m.descriptor;
        break;
    case Style::SumUp:
        text += QLatin1String("SUMUP *") + m.descriptor;
        break;
    case Style::Amazon:
        text += QLatin1String("AMZN Mktp ") + m_amazonCountry + u'*' + code(6, Alphanumeric, 34);
        break;
    case Style::PayPal:
        text += QLatin1String("PAYPAL *") + m.descriptor;
        break;
    case Style::Plain:
        text += m.descriptor;
        break;
    case Style::Booking:
        text += m.descriptor + u' ' + code(8, Digits, 10);
        break;
    case Style::DirectDebit:
        text += QLatin1String("DIRECT DEBIT ") + m.descriptor + u' ' + QString::number(m.storeNumber * 4099u + 10007u);
        break;
    case Style::StandingOrder:
        text += QLatin1String("STANDING ORDER ") + m.descriptor;
        break;
    case Style::Payroll:
        text += QLatin1String("BGC ") + m.descriptor + QLatin1String(" SALARY");
        break;
    case Style::Ride:
        text += m.descriptor + QLatin1String(" *TRIP ") + code(4, Alphanumeric, 34);
        break;
    case Style::Atm:
        text += QLatin1String("ATM WITHDRAWAL ") + m.descriptor + u' ' + city;
        break;
    case Style::Transfer:
        text += (type == TransactionType::Income ? QLatin1String("TRANSFER FROM ") : QLatin1String("TRANSFER TO "))
            + m.descriptor;
        break;
    case Style::Credit:
        text += QLatin1String("CREDIT ") + m.descriptor + u' ' + code(4, Digits, 10);
        break;
    }
    return text;
}

Result<void> Generator::append(QDate date, qint32 merchant, int slot, TransactionType type, qint64 minor,
                               bool scheduled, bool refund, const DemoGenerator::Sink& sink)
{
    const Merchant& m = DemoMerchants::merchants()[merchant];
    Transaction t;
    t.uuid = newUuid(date);
    t.type = type;
    t.amount = Money(minor, m_currency);
    t.occurredOn = date;
    t.merchant = m.name;
    t.sourceMetadata = m_metadata;
    // Most rows come from a bank statement, with its spelling of the merchant; the rest were typed in.
    if (m_random.chance(scheduled ? 850 : 550)) {
        t.source = TransactionSource::Import;
        t.description = describe(m, type, refund);
    } else {
        t.source = TransactionSource::Manual;
    }
    // Categorized and confirmed by the user, except a review queue (~5 %) and a few uncategorized (~1 %).
    const int roll = int(m_random.bounded(1000));
    if (slot < 0 || (!scheduled && roll < 5)) {
        t.categorizedBy = CategorizedBy::None;
    } else if (roll < 55) {
        int suggested = slot;
        if (!scheduled && m_random.chance(200)) {
            const QList<int>& candidates = type == TransactionType::Income ? m_incomeSlots : m_expenseSlots;
            suggested = candidates[m_random.bounded(quint32(candidates.size()))];
        }
        t.categoryId = m_slotIds[std::size_t(suggested)];
        t.categorizedBy = t.categoryId ? CategorizedBy::Model : CategorizedBy::None;
        if (t.categoryId)
            t.categoryConfidence = double(35 + m_random.bounded(60)) / 100.0;
    } else {
        t.categoryId = m_slotIds[std::size_t(slot)];
        t.categorizedBy = t.categoryId ? CategorizedBy::User : CategorizedBy::None;
        t.confirmedByUser = t.categoryId.has_value();
    }
    m_chunk.append(std::move(t));
    if (m_chunk.size() >= m_options.chunkSize) {
        auto written = sink(m_chunk);
        if (!written)
            return written.error();
        m_written += m_chunk.size();
        m_chunk.clear();
    }
    return {};
}

Result<void> Generator::emitScheduled(const Stream& s, QDate date, const DemoGenerator::Sink& sink)
{
    return append(date, s.merchant, s.category, s.type, streamMinor(s, date), true, false, sink);
}

Result<void> Generator::emitDiscretionary(QDate date, const std::array<qint64, KindCount>& cumulativeWeights,
                                          const DemoGenerator::Sink& sink)
{
    const qint64 total = cumulativeWeights.back();
    Q_ASSERT(total > 0);
    const quint64 draw = m_random.next() % quint64(total);
    int kind = 0;
    while (cumulativeWeights[std::size_t(kind)] <= qint64(draw))
        ++kind;
    const Kind& k = Kinds[kind];

    const int unit = m_units > 1 ? int(m_random.bounded(quint32(m_units))) : 0;
    Pool pool = k.pool;
    if (k.flag == KindFlag::Refund) {
        static constexpr Pool Shops[] = {Pool::OnlineShops, Pool::Stores, Pool::Clothing};
        pool = Shops[m_random.bounded(3)];
    }
    const qint32 merchant = pickFavourite(unit, pool);
    const Merchant& m = DemoMerchants::merchants()[merchant];
    qint64 minor = 0;
    if (k.flag == KindFlag::Cash) {
        static constexpr qint64 Withdrawals[]
            = {2000, 2000, 3000, 4000, 5000, 5000, 6000, 8000, 10000, 10000, 15000, 20000};
        minor = roundSignificant(toMinor(Withdrawals[m_random.bounded(quint32(std::size(Withdrawals)))]), 2);
    } else {
        minor = toMinor(drawRef(m));
        if (k.flag == KindFlag::Round)
            minor = roundSignificant(minor, 2);
    }
    return append(date, merchant, m_kindSlots[std::size_t(kind)], k.type, minor, false, k.flag == KindFlag::Refund,
                  sink);
}

Result<qint64> Generator::run(const DemoGenerator::Sink& sink)
{
    const qint64 total = m_options.transactions;
    const qint64 discretionary = total - m_scheduledCount;
    Q_ASSERT(discretionary >= 0);
    m_chunk.reserve(std::min<qint64>(m_options.chunkSize, total));

    qint64 cumulative = 0;
    qint64 emitted = 0; // discretionary rows so far
    std::vector<Pending> pending;
    const int firstMonth = monthIndex(m_range.from);
    const int lastMonth = monthIndex(m_range.to);
    for (int index = firstMonth; index <= lastMonth; ++index) {
        const int year = index / 12;
        const int month = index % 12 + 1;
        pending.clear();
        for (int s = 0; s < int(m_streams.size()); ++s)
            forEachOccurrence(m_streams[std::size_t(s)], year, month, [&pending, s](QDate date) {
                pending.push_back({date.day(), s});
            });
        std::stable_sort(pending.begin(), pending.end(),
                         [](const Pending& a, const Pending& b) { return a.day < b.day; });
        auto next = pending.cbegin();

        const QDate first = std::max(QDate(year, month, 1), m_range.from);
        const QDate last = std::min(QDate(year, month, 1).addMonths(1).addDays(-1), m_range.to);
        for (QDate date = first; date <= last; date = date.addDays(1)) {
            const qint64 dayIndex = m_range.from.daysTo(date);
            const qint16 trip = m_dayTrip[std::size_t(dayIndex)];
            m_place = trip >= 0 ? &Destinations[m_trips[trip].place] : nullptr;
            if (m_place) {
                m_placeCity = QStringView(m_place->city).toString();
                m_placeCountry = QStringView(m_place->country).toString();
            }
            for (; next != pending.cend() && next->day == date.day(); ++next) {
                // Recurring payments are made from home even while travelling.
                const Place* place = std::exchange(m_place, nullptr);
                auto written = emitScheduled(m_streams[std::size_t(next->stream)], date, sink);
                m_place = place;
                if (!written)
                    return written.error();
            }
            // Spread the discretionary rows over the days in proportion to the days' weights, exactly.
            cumulative += m_dayWeights[std::size_t(dayIndex)];
            const qint64 target = m_totalWeight > 0 ? discretionary * cumulative / m_totalWeight : 0;
            if (emitted < target) {
                std::array<qint64, KindCount> weights {};
                qint64 sum = 0;
                for (int kind = 0; kind < KindCount; ++kind) {
                    sum += kindWeight(kind, date, trip >= 0, m_dayBirthday[std::size_t(dayIndex)] != 0);
                    weights[std::size_t(kind)] = sum;
                }
                for (; emitted < target; ++emitted) {
                    auto written = emitDiscretionary(date, weights, sink);
                    if (!written)
                        return written.error();
                }
            }
        }
    }
    if (!m_chunk.isEmpty()) {
        auto written = sink(m_chunk);
        if (!written)
            return written.error();
        m_written += m_chunk.size();
        m_chunk.clear();
    }
    Q_ASSERT(m_written == total);
    return m_written;
}

} // namespace

Result<void> DemoGenerator::validate(const Options& options)
{
    if (options.transactions < 0 || options.transactions > MaxTransactions)
        return Error::invalidInput(
            tr("Choose between 0 and %1 demo transactions.").arg(QLocale().toString(MaxTransactions)));
    if (!options.endDate.isValid())
        return Error::invalidInput(tr("Choose the last date of the demo data."));
    if (options.years < 0 || options.years > 50)
        return Error::invalidInput(tr("Choose between 1 and 50 years of demo data."));
    if (options.endDate.year() - effectiveYears(options) < 1900 || options.endDate.year() > 9999)
        return Error::invalidInput(
            tr("Choose a later end date or fewer years: demo data can reach from 1900 to 9999."));
    if (!Currency::fromCode(options.currency).isValid())
        return Error::invalidInput(tr("Choose a currency (a three-letter code such as EUR) for the demo data."));
    if (options.chunkSize < 1 || options.chunkSize > 1'000'000)
        return Error::invalidInput(tr("Choose a chunk size between 1 and 1,000,000 rows."));
    return {};
}

int DemoGenerator::effectiveYears(const Options& options)
{
    if (options.years > 0)
        return options.years;
    const qint64 n = options.transactions;
    if (n <= 10'000)
        return 3;
    if (n <= 20'000)
        return 4;
    if (n <= 50'000)
        return 5;
    if (n <= 100'000)
        return 6;
    if (n <= 200'000)
        return 8;
    if (n <= 500'000)
        return 10;
    return 12;
}

DateRange DemoGenerator::dateRange(const Options& options)
{
    if (!options.endDate.isValid())
        return {};
    const QDate firstOfMonth(options.endDate.year(), options.endDate.month(), 1);
    return {firstOfMonth.addMonths(1).addYears(-effectiveYears(options)), options.endDate};
}

Result<qint64> DemoGenerator::generate(const Options& options, const QHash<QString, qint64>& categoryIds,
                                       const Sink& sink)
{
    auto valid = validate(options);
    if (!valid)
        return valid.error();
    if (options.transactions == 0)
        return qint64(0);
    Generator generator(options, categoryIds);
    return generator.run(sink);
}

Result<qint64> DemoGenerator::populate(Database* database, qint64 userId, const Options& options,
                                       const Progress& progress)
{
    auto valid = validate(options);
    if (!valid)
        return valid.error();
    if (!database)
        return Error::invalidInput(tr("Open a database before adding demo data."));
    if (options.transactions == 0)
        return qint64(0);

    UserRepository users(database);
    auto user = users.find(userId, userId);
    if (!user)
        return user.error();
    CategoryRepository categoryRepository(database);
    auto categories = categoryRepository.list(userId);
    if (!categories)
        return categories.error();
    QHash<QString, qint64> categoryIds;
    for (const Category& category : *categories) {
        if (!category.systemKey.isEmpty())
            categoryIds.insert(category.systemKey, category.id);
    }

    // One SQLite transaction for all chunks (the bulk writer): the demo is all or nothing while only one
    // chunk is in memory at a time.
    TransactionRepository repository(database);
    const qint64 total = options.transactions;
    TransactionBulkWriter writer(&repository, userId, total);
    auto started = writer.start();
    if (!started)
        return started.error();
    qint64 written = 0;
    bool cancelled = false;
    if (progress && !progress(0, total))
        cancelled = true;
    const BulkInsert::Progress chunkProgress = [&](qint64 done, qint64) {
        if (progress && !progress(written + done, total))
            cancelled = true;
        return !cancelled;
    };
    const Sink sink = [&](const QList<Transaction>& chunk) -> Result<void> {
        if (cancelled)
            return Error::cancelled();
        auto added = writer.write(chunk, chunkProgress);
        if (!added)
            return added.error();
        written += *added;
        return {};
    };
    auto generated = cancelled ? Result<qint64>(Error::cancelled()) : generate(options, categoryIds, sink);
    if (!generated) {
        if (cancelled)
            return Error::cancelled(tr("Creating the demo data was cancelled; nothing was added."));
        return generated.error();
    }
    auto committed = writer.commit();
    if (!committed)
        return committed.error();
    return written;
}

} // namespace Moniagent
