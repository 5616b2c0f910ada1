#pragma once

#include <QList>
#include <QString>

namespace Moniagent {

// The merchants of the demo ledger: several hundred clean names (international brands and invented
// local shops, the same in every language), each in a pool that gives its category, a typical amount
// range and how a bank statement spells it. Amounts are in cents of a reference currency of about the
// euro's value; the generator scales them to the profile's currency.
class DemoMerchants
{
public:
    enum class Pool : quint8
    {
        Groceries,
        Coffee,
        Restaurants,
        FastFood,
        Bars,
        RestaurantsAbroad,
        Fuel,
        PublicTransport,
        Trains,
        RideHailing,
        Parking,
        CarService,
        OnlineShops,
        Stores,
        Clothing,
        PersonalCare,
        Pharmacies,
        Doctors,
        Entertainment,
        Airlines,
        Hotels,
        TravelServices,
        Landlords,
        MortgageLenders,
        Energy,
        Water,
        Telecom,
        Streaming,
        Software,
        Gyms,
        Insurers,
        HomeGarden,
        HeatingFuel,
        Pets,
        Kids,
        Childcare,
        GiftShops,
        Charities,
        Government,
        TaxAuthorities,
        BankFees,
        Lenders,
        BuyNowPayLater,
        Business,
        Gambling,
        Atms,
        Errands,
        People,
        SavingsAccounts,
        Employers,
        BenefitOffices,
        InterestPayers,
        SideIncome,
        Unknown,
        Count
    };

    // How a bank statement shows a payment to the merchant.
    enum class Style : quint8
    {
        Default, // the pool's style
        Card, // "CARD PAYMENT TESCO STORES 3127 LONDON" (or POS / CONTACTLESS / VISA DEBIT)
        Square, // "SQ *BLUE BOTTLE COFFEE"
        SumUp, // "SUMUP *GREEN LEAF MARKET"
        Amazon, // "AMZN Mktp US*2K4T91"
        PayPal, // "PAYPAL *SPOTIFY"
        Plain, // the descriptor alone, e.g. "NETFLIX.COM"
        Booking, // descriptor and a booking reference
        DirectDebit, // "DIRECT DEBIT EDF ENERGY 48213377"
        StandingOrder, // "STANDING ORDER OAKWOOD ESTATES"
        Payroll, // "BGC NORTHWIND TRADERS SALARY"
        Ride, // "UBER *TRIP 4K2P"
        Atm, // "ATM WITHDRAWAL NORTHBANK LONDON"
        Transfer, // "TRANSFER TO J SMITH" / "TRANSFER FROM J SMITH"
        Credit, // "CREDIT NORTHBANK INTEREST 2041"
    };

    struct PoolInfo
    {
        const char* categoryKey; // English system key of the default category; null: left uncategorized
        qint32 minRef; // typical amount range, reference cents
        qint32 maxRef;
        Style style;
        int favourites; // how many favourites a household has in this pool (0: no preference)
    };

    struct Merchant
    {
        QString name; // clean name, stored as merchant_name
        QString descriptor; // upper-case statement spelling, e.g. "TESCO STORES"
        Pool pool = Pool::Unknown;
        qint32 minRef = 0;
        qint32 maxRef = 0;
        Style style = Style::Plain;
        quint32 storeNumber = 0; // the branch number some statements show
    };

    static const QList<Merchant>& merchants();
    // Indices into merchants() of the pool's merchants, in catalogue order.
    static const QList<qint32>& inPool(Pool pool);
    static const PoolInfo& info(Pool pool);
};

} // namespace Moniagent
