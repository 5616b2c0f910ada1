#include "demomerchants.h"

#include <QStringView>

#include <array>

namespace Moniagent {

namespace {

using Pool = DemoMerchants::Pool;
using Style = DemoMerchants::Style;

constexpr int PoolCount = int(Pool::Count);

// One pool's defaults, in the order of DemoMerchants::Pool.
const std::array<DemoMerchants::PoolInfo, PoolCount> Pools = {{
    {"Groceries", 600, 11000, Style::Card, 4}, // Groceries
    {"Dining & Drinks", 250, 1100, Style::Card, 3}, // Coffee
    {"Dining & Drinks", 1800, 9500, Style::Card, 5}, // Restaurants
    {"Dining & Drinks", 700, 3800, Style::Card, 3}, // FastFood
    {"Dining & Drinks", 600, 6500, Style::Card, 3}, // Bars
    {"Dining & Drinks", 1500, 11000, Style::Card, 0}, // RestaurantsAbroad
    {"Transport & Car", 3500, 9500, Style::Card, 2}, // Fuel
    {"Transport & Car", 180, 1400, Style::Card, 2}, // PublicTransport
    {"Transport & Car", 1500, 14000, Style::Plain, 2}, // Trains
    {"Transport & Car", 800, 4800, Style::Ride, 2}, // RideHailing
    {"Transport & Car", 200, 2600, Style::Card, 2}, // Parking
    {"Transport & Car", 2500, 45000, Style::Card, 2}, // CarService
    {"Shopping", 500, 9000, Style::Card, 3}, // OnlineShops
    {"Shopping", 800, 20000, Style::Card, 4}, // Stores
    {"Clothing & Personal Care", 1500, 12000, Style::Card, 4}, // Clothing
    {"Clothing & Personal Care", 400, 8500, Style::Card, 3}, // PersonalCare
    {"Health", 300, 4500, Style::Card, 2}, // Pharmacies
    {"Health", 2500, 15000, Style::Card, 2}, // Doctors
    {"Entertainment & Leisure", 800, 9000, Style::Card, 3}, // Entertainment
    {"Travel", 12000, 85000, Style::Booking, 3}, // Airlines
    {"Travel", 9000, 120000, Style::Booking, 3}, // Hotels
    {"Travel", 2500, 45000, Style::Card, 2}, // TravelServices
    {"Housing", 90000, 190000, Style::StandingOrder, 1}, // Landlords
    {"Housing", 80000, 210000, Style::DirectDebit, 1}, // MortgageLenders
    {"Bills & Utilities", 6000, 12000, Style::DirectDebit, 1}, // Energy
    {"Bills & Utilities", 6000, 13000, Style::DirectDebit, 1}, // Water
    {"Bills & Utilities", 1500, 6000, Style::DirectDebit, 2}, // Telecom
    {"Subscriptions", 899, 1799, Style::Plain, 0}, // Streaming
    {"Subscriptions", 299, 2499, Style::Plain, 0}, // Software
    {"Subscriptions", 2500, 5500, Style::DirectDebit, 1}, // Gyms
    {"Insurance", 1500, 110000, Style::DirectDebit, 0}, // Insurers
    {"Home & Garden", 400, 15000, Style::Card, 3}, // HomeGarden
    {"Bills & Utilities", 15000, 90000, Style::Plain, 1}, // HeatingFuel
    {"Pets", 800, 13000, Style::Card, 2}, // Pets
    {"Kids & Education", 500, 9000, Style::Card, 3}, // Kids
    {"Kids & Education", 3000, 65000, Style::DirectDebit, 0}, // Childcare
    {"Gifts & Donations", 1000, 7000, Style::Card, 2}, // GiftShops
    {"Gifts & Donations", 1000, 10000, Style::Plain, 2}, // Charities
    {"Taxes & Government", 2000, 35000, Style::Plain, 0}, // Government
    {"Taxes & Government", 10000, 30000, Style::DirectDebit, 0}, // TaxAuthorities
    {"Fees & Charges", 100, 3500, Style::Plain, 0}, // BankFees
    {"Loans & Credit", 5000, 45000, Style::DirectDebit, 0}, // Lenders
    {"Loans & Credit", 1500, 12000, Style::Plain, 0}, // BuyNowPayLater
    {"Business", 500, 15000, Style::Card, 3}, // Business
    {"Gambling", 200, 5000, Style::Plain, 1}, // Gambling
    {"Cash", 2000, 30000, Style::Atm, 2}, // Atms
    {"Other", 300, 4000, Style::Card, 2}, // Errands
    {"Transfers", 1000, 12000, Style::Transfer, 4}, // People
    {"Savings & Investments", 5000, 50000, Style::StandingOrder, 1}, // SavingsAccounts
    {"Salary", 280000, 520000, Style::Payroll, 0}, // Employers
    {"Benefits", 15000, 30000, Style::Credit, 0}, // BenefitOffices
    {"Interest & Dividends", 100, 2000, Style::Credit, 0}, // InterestPayers
    {"Other Income", 1000, 30000, Style::Credit, 2}, // SideIncome
    {nullptr, 200, 5000, Style::Plain, 0}, // Unknown
}};

struct Row
{
    Pool pool;
    const char16_t* name;
    const char16_t* descriptor = nullptr; // null: the name in capitals
    qint32 minRef = 0; // 0: the pool's range
    qint32 maxRef = 0;
    Style style = Style::Default;
};

// clang-format off
const Row Rows[] = {
    // Groceries
    {Pool::Groceries, u"Tesco", u"TESCO STORES"},
    {Pool::Groceries, u"Sainsbury's", u"SAINSBURYS S/MKTS"},
    {Pool::Groceries, u"Lidl"},
    {Pool::Groceries, u"Aldi", u"ALDI SUED"},
    {Pool::Groceries, u"Carrefour", u"CARREFOUR MARKET"},
    {Pool::Groceries, u"Whole Foods Market", u"WHOLEFDS MKT"},
    {Pool::Groceries, u"Trader Joe's", u"TRADER JOE S"},
    {Pool::Groceries, u"Kroger"},
    {Pool::Groceries, u"Albert Heijn", u"AH TO GO"},
    {Pool::Groceries, u"Rewe", u"REWE MARKT GMBH"},
    {Pool::Groceries, u"Edeka", u"EDEKA CENTER"},
    {Pool::Groceries, u"Migros"},
    {Pool::Groceries, u"Waitrose", u"WAITROSE & PARTNERS"},
    {Pool::Groceries, u"Asda", u"ASDA STORES"},
    {Pool::Groceries, u"Morrisons", u"WM MORRISON"},
    {Pool::Groceries, u"Monoprix"},
    {Pool::Groceries, u"Spar", u"SPAR EXPRESS"},
    {Pool::Groceries, u"Co-op Food", u"COOP FOOD"},
    {Pool::Groceries, u"Jumbo", u"JUMBO SUPERMARKT"},
    {Pool::Groceries, u"Mercadona"},
    {Pool::Groceries, u"Esselunga"},
    {Pool::Groceries, u"Safeway"},
    {Pool::Groceries, u"Costco", u"COSTCO WHSE", 4000, 30000},
    {Pool::Groceries, u"Green Leaf Market", nullptr, 0, 0, Style::SumUp},
    {Pool::Groceries, u"Corner Grocery", nullptr, 300, 2500},
    {Pool::Groceries, u"Fresh Fields Organic"},
    {Pool::Groceries, u"Daily Harvest Foods"},
    {Pool::Groceries, u"Hillside Butcher", nullptr, 1200, 6000},
    {Pool::Groceries, u"Bread & Butter Bakery", u"BREAD AND BUTTER BAKERY", 300, 2200, Style::SumUp},
    {Pool::Groceries, u"Le Petit Fournil", nullptr, 300, 1800},
    {Pool::Groceries, u"Ocean Catch Fishmonger", u"OCEAN CATCH", 1200, 5000},
    {Pool::Groceries, u"Sunrise Asian Supermarket", u"SUNRISE ASIAN S/MKT"},
    // Coffee and bakeries
    {Pool::Coffee, u"Starbucks", u"STARBUCKS STORE"},
    {Pool::Coffee, u"Costa Coffee", u"COSTA COFFEE"},
    {Pool::Coffee, u"Blue Bottle Coffee", nullptr, 0, 0, Style::Square},
    {Pool::Coffee, u"Pret A Manger", u"PRET A MANGER", 350, 1500},
    {Pool::Coffee, u"Tim Hortons"},
    {Pool::Coffee, u"Caffè Nero", u"CAFFE NERO"},
    {Pool::Coffee, u"Dunkin'", u"DUNKIN"},
    {Pool::Coffee, u"Peet's Coffee", u"PEETS COFFEE"},
    {Pool::Coffee, u"Espresso House"},
    {Pool::Coffee, u"Black Sheep Coffee", nullptr, 0, 0, Style::Square},
    {Pool::Coffee, u"The Daily Grind", nullptr, 0, 0, Style::Square},
    {Pool::Coffee, u"Bean There Café", u"BEAN THERE CAFE", 0, 0, Style::SumUp},
    {Pool::Coffee, u"Morning Ritual Coffee", nullptr, 0, 0, Style::Square},
    {Pool::Coffee, u"Little Fox Espresso", nullptr, 0, 0, Style::SumUp},
    {Pool::Coffee, u"Café Central", u"CAFE CENTRAL"},
    {Pool::Coffee, u"Copper Kettle Tea Room", u"COPPER KETTLE", 400, 1800},
    {Pool::Coffee, u"Joe & The Juice", u"JOE AND THE JUICE", 500, 1400},
    {Pool::Coffee, u"% Arabica", u"ARABICA COFFEE", 0, 0, Style::Square},
    {Pool::Coffee, u"Paul Boulangerie", u"PAUL BOULANGERIE", 300, 1600},
    {Pool::Coffee, u"Greggs", nullptr, 200, 900},
    // Restaurants
    {Pool::Restaurants, u"Wagamama"},
    {Pool::Restaurants, u"Nando's", u"NANDOS"},
    {Pool::Restaurants, u"Pizza Express", u"PIZZAEXPRESS"},
    {Pool::Restaurants, u"Five Guys", u"FIVE GUYS", 1200, 4500},
    {Pool::Restaurants, u"Shake Shack", nullptr, 1200, 4500},
    {Pool::Restaurants, u"Chipotle", u"CHIPOTLE ONLINE", 1000, 3500},
    {Pool::Restaurants, u"Vapiano"},
    {Pool::Restaurants, u"Leon", u"LEON RESTAURANTS", 900, 3000},
    {Pool::Restaurants, u"Dishoom"},
    {Pool::Restaurants, u"Itsu", nullptr, 800, 2500},
    {Pool::Restaurants, u"Yo! Sushi", u"YO SUSHI"},
    {Pool::Restaurants, u"The Olive Tree", nullptr, 0, 0, Style::SumUp},
    {Pool::Restaurants, u"Golden Dragon", u"GOLDEN DRAGON CHINESE"},
    {Pool::Restaurants, u"Spice Route"},
    {Pool::Restaurants, u"Bella Napoli", u"PIZZERIA BELLA NAPOLI"},
    {Pool::Restaurants, u"Sakura Sushi"},
    {Pool::Restaurants, u"El Toro Loco"},
    {Pool::Restaurants, u"The Green Room"},
    {Pool::Restaurants, u"Casa Mia", u"RISTORANTE CASA MIA"},
    {Pool::Restaurants, u"Bistro 21"},
    {Pool::Restaurants, u"The Hungry Fox"},
    {Pool::Restaurants, u"Pho House", u"PHO HOUSE VIETNAMESE"},
    {Pool::Restaurants, u"Seoul Kitchen"},
    {Pool::Restaurants, u"Taj Mahal Curry House", u"TAJ MAHAL CURRY"},
    {Pool::Restaurants, u"La Piazza"},
    {Pool::Restaurants, u"Burger & Lobster", u"BURGER AND LOBSTER"},
    {Pool::Restaurants, u"The Ivy Brasserie", u"THE IVY", 4000, 16000},
    {Pool::Restaurants, u"Zizzi"},
    {Pool::Restaurants, u"Côte Brasserie", u"COTE BRASSERIE"},
    {Pool::Restaurants, u"Honest Burgers"},
    {Pool::Restaurants, u"Wasabi", nullptr, 700, 2000},
    {Pool::Restaurants, u"Gourmet Kitchen"},
    {Pool::Restaurants, u"The Fishery"},
    {Pool::Restaurants, u"Mezze Grill"},
    {Pool::Restaurants, u"Blue Lagoon Thai"},
    {Pool::Restaurants, u"Little Lisbon"},
    {Pool::Restaurants, u"Ramen Kaido"},
    {Pool::Restaurants, u"Falafel Corner", nullptr, 600, 2000, Style::SumUp},
    {Pool::Restaurants, u"The Steakhouse", u"THE STEAKHOUSE GRILL", 4500, 15000},
    {Pool::Restaurants, u"Hanoi Street Food"},
    {Pool::Restaurants, u"Curry Leaf"},
    {Pool::Restaurants, u"Mama's Dumplings", u"MAMAS DUMPLINGS"},
    // Fast food and delivery
    {Pool::FastFood, u"McDonald's", u"MCDONALDS"},
    {Pool::FastFood, u"Burger King"},
    {Pool::FastFood, u"KFC"},
    {Pool::FastFood, u"Subway", u"SUBWAY 21345"},
    {Pool::FastFood, u"Domino's Pizza", u"DOMINOS PIZZA"},
    {Pool::FastFood, u"Papa John's", u"PAPA JOHNS"},
    {Pool::FastFood, u"Deliveroo", u"DELIVEROO.COM", 1500, 5500, Style::Plain},
    {Pool::FastFood, u"Uber Eats", u"UBER *EATS", 1500, 5500, Style::Plain},
    {Pool::FastFood, u"Just Eat", u"JUST EAT.CO", 1500, 5000, Style::Plain},
    {Pool::FastFood, u"DoorDash", u"DD *DOORDASH", 1500, 5500, Style::Plain},
    {Pool::FastFood, u"Wolt", u"WOLT", 1500, 5000, Style::Plain},
    {Pool::FastFood, u"Taco Bell"},
    {Pool::FastFood, u"Five Star Kebab", nullptr, 0, 0, Style::SumUp},
    // Bars
    {Pool::Bars, u"The Red Lion", u"RED LION PUB"},
    {Pool::Bars, u"The Crown & Anchor", u"CROWN AND ANCHOR"},
    {Pool::Bars, u"BrewDog", u"BREWDOG BAR"},
    {Pool::Bars, u"The Local Tap", nullptr, 0, 0, Style::Square},
    {Pool::Bars, u"Highball Cocktail Bar", u"HIGHBALL BAR"},
    {Pool::Bars, u"Vino Vino Wine Bar", u"VINO VINO"},
    {Pool::Bars, u"The Fox & Hounds", u"FOX AND HOUNDS"},
    {Pool::Bars, u"Hops & Barley", u"HOPS AND BARLEY", 0, 0, Style::SumUp},
    {Pool::Bars, u"Moonlight Lounge"},
    {Pool::Bars, u"The Old Pier", u"OLD PIER TAVERN"},
    {Pool::Bars, u"Skyline Rooftop Bar", u"SKYLINE ROOFTOP"},
    {Pool::Bars, u"The Library Bar"},
    // Restaurants abroad (travel)
    {Pool::RestaurantsAbroad, u"Trattoria da Enzo", u"TRATTORIA DA ENZO"},
    {Pool::RestaurantsAbroad, u"Osteria del Ponte"},
    {Pool::RestaurantsAbroad, u"Taverna Mykonos"},
    {Pool::RestaurantsAbroad, u"Le Petit Bistro"},
    {Pool::RestaurantsAbroad, u"Chez Marcel"},
    {Pool::RestaurantsAbroad, u"Tapas Bar El Sol", u"BAR EL SOL"},
    {Pool::RestaurantsAbroad, u"La Bodega Vieja"},
    {Pool::RestaurantsAbroad, u"Izakaya Hanabi"},
    {Pool::RestaurantsAbroad, u"Sushi Zanmai"},
    {Pool::RestaurantsAbroad, u"Cervejaria Ramiro"},
    {Pool::RestaurantsAbroad, u"Pastéis de Belém", u"PASTEIS DE BELEM", 400, 2000},
    {Pool::RestaurantsAbroad, u"Brauhaus am Markt"},
    {Pool::RestaurantsAbroad, u"Café Sacher", u"CAFE SACHER", 800, 4000},
    {Pool::RestaurantsAbroad, u"Heuriger Zum Weinberg", u"HEURIGER ZUM WEINBERG"},
    {Pool::RestaurantsAbroad, u"Taquería La Esquina", u"TAQUERIA LA ESQUINA"},
    {Pool::RestaurantsAbroad, u"Katz's Delicatessen", u"KATZS DELICATESSEN"},
    {Pool::RestaurantsAbroad, u"Joe's Pizza", u"JOES PIZZA", 500, 2500},
    {Pool::RestaurantsAbroad, u"Smørrebrød Kompagniet", u"SMORREBROD KOMPAGNIET"},
    {Pool::RestaurantsAbroad, u"Bar Pinotxo"},
    {Pool::RestaurantsAbroad, u"Pizzeria Da Michele"},
    {Pool::RestaurantsAbroad, u"Hawker Chan", nullptr, 500, 2500},
    {Pool::RestaurantsAbroad, u"Gelateria del Teatro", nullptr, 400, 1500},
    {Pool::RestaurantsAbroad, u"Restaurante Botín", u"RESTAURANTE BOTIN"},
    {Pool::RestaurantsAbroad, u"Fischerhütte", u"FISCHERHUETTE"},
    {Pool::RestaurantsAbroad, u"Street Food Market", nullptr, 500, 3000, Style::SumUp},
    {Pool::RestaurantsAbroad, u"Harbour Seafood Grill", u"HARBOUR SEAFOOD"},
    // Fuel
    {Pool::Fuel, u"Shell", u"SHELL"},
    {Pool::Fuel, u"BP", u"BP CONNECT"},
    {Pool::Fuel, u"Esso"},
    {Pool::Fuel, u"TotalEnergies", u"TOTALENERGIES"},
    {Pool::Fuel, u"Aral", u"ARAL STATION"},
    {Pool::Fuel, u"Texaco"},
    {Pool::Fuel, u"Chevron"},
    {Pool::Fuel, u"Circle K"},
    {Pool::Fuel, u"Q8"},
    {Pool::Fuel, u"Repsol"},
    {Pool::Fuel, u"EV Charge Point", u"EVCHARGE*", 800, 3500, Style::Plain},
    // Public transport
    {Pool::PublicTransport, u"City Metro", u"CITY METRO TICKETS"},
    {Pool::PublicTransport, u"Metro Transit", u"METROTRANSIT"},
    {Pool::PublicTransport, u"Regional Bus Company", u"REGIONAL BUS CO"},
    {Pool::PublicTransport, u"City Bike Share", u"CITYBIKE", 150, 900},
    {Pool::PublicTransport, u"Monthly Transit Pass", u"TRANSIT PASS", 4000, 9000},
    {Pool::PublicTransport, u"Tram & Ferry Tickets", u"TRAM AND FERRY"},
    {Pool::PublicTransport, u"Airport Shuttle Bus", u"AIRPORT SHUTTLE", 800, 2500},
    // Trains and coaches
    {Pool::Trains, u"National Rail", u"NATIONAL RAIL", 800, 9000, Style::Card},
    {Pool::Trains, u"Trainline", u"TRAINLINE.COM"},
    {Pool::Trains, u"Deutsche Bahn", u"DB VERTRIEB GMBH"},
    {Pool::Trains, u"SNCF Connect", u"SNCF CONNECT"},
    {Pool::Trains, u"Eurostar", u"EUROSTAR INTL", 5000, 30000},
    {Pool::Trains, u"FlixBus", u"FLIXBUS.COM", 900, 5000},
    {Pool::Trains, u"Renfe", u"RENFE VIAJEROS"},
    {Pool::Trains, u"Trenitalia", u"TRENITALIA"},
    // Ride hailing and taxis
    {Pool::RideHailing, u"Uber", u"UBER"},
    {Pool::RideHailing, u"Bolt", u"BOLT.EU"},
    {Pool::RideHailing, u"Lyft"},
    {Pool::RideHailing, u"FreeNow", u"FREENOW"},
    {Pool::RideHailing, u"City Taxi", u"CITY TAXI", 0, 0, Style::Card},
    {Pool::RideHailing, u"Cabify"},
    // Parking
    {Pool::Parking, u"NCP Parking", u"NCP LTD"},
    {Pool::Parking, u"Q-Park", u"Q-PARK"},
    {Pool::Parking, u"PayByPhone", u"PAYBYPHONE", 0, 0, Style::Plain},
    {Pool::Parking, u"RingGo", u"RINGGO", 0, 0, Style::Plain},
    {Pool::Parking, u"Indigo Parking", u"INDIGO"},
    {Pool::Parking, u"APCOA Parking", u"APCOA"},
    // Car service
    {Pool::CarService, u"Kwik Fit", u"KWIK-FIT"},
    {Pool::CarService, u"Halfords"},
    {Pool::CarService, u"ATU Auto Service", u"ATU AUTO-TEILE-UNGER"},
    {Pool::CarService, u"Speedy Car Wash", nullptr, 800, 2500},
    {Pool::CarService, u"Midas"},
    {Pool::CarService, u"Euro Car Parts"},
    {Pool::CarService, u"City Tyres"},
    {Pool::CarService, u"Main Street Garage", nullptr, 0, 0, Style::SumUp},
    // Online shops
    {Pool::OnlineShops, u"Amazon", nullptr, 0, 0, Style::Amazon},
    {Pool::OnlineShops, u"eBay", u"EBAY O*", 0, 0, Style::PayPal},
    {Pool::OnlineShops, u"Etsy", u"ETSY.COM", 0, 0, Style::PayPal},
    {Pool::OnlineShops, u"Zalando", u"ZALANDO SE", 2000, 15000, Style::Plain},
    {Pool::OnlineShops, u"AliExpress", u"ALIEXPRESS.COM", 0, 0, Style::Plain},
    {Pool::OnlineShops, u"Temu", u"TEMU.COM", 0, 0, Style::Plain},
    {Pool::OnlineShops, u"Otto", u"OTTO GMBH", 0, 0, Style::Plain},
    {Pool::OnlineShops, u"Bol.com", u"BOL.COM", 0, 0, Style::Plain},
    {Pool::OnlineShops, u"ASOS", u"ASOS.COM", 0, 0, Style::Plain},
    {Pool::OnlineShops, u"Shein", u"SHEIN.COM", 0, 0, Style::Plain},
    {Pool::OnlineShops, u"Vinted", u"VINTED", 500, 4000, Style::Plain},
    {Pool::OnlineShops, u"Apple.com", u"APPLE.COM/BILL", 99, 1999, Style::Plain},
    {Pool::OnlineShops, u"Google Play", u"GOOGLE *Google Play", 99, 1999, Style::Plain},
    // Stores
    {Pool::Stores, u"IKEA", u"IKEA", 1500, 60000},
    {Pool::Stores, u"MediaMarkt", u"MEDIA MARKT"},
    {Pool::Stores, u"Currys", u"CURRYS PC WORLD"},
    {Pool::Stores, u"Best Buy", u"BEST BUY"},
    {Pool::Stores, u"Apple Store", u"APPLE STORE", 3000, 150000},
    {Pool::Stores, u"Argos"},
    {Pool::Stores, u"John Lewis", u"JOHN LEWIS & PARTNERS"},
    {Pool::Stores, u"Target", u"TARGET T-"},
    {Pool::Stores, u"Walmart", u"WAL-MART SUPERCENTER"},
    {Pool::Stores, u"Decathlon"},
    {Pool::Stores, u"Fnac"},
    {Pool::Stores, u"Muji"},
    {Pool::Stores, u"TK Maxx"},
    {Pool::Stores, u"Flying Tiger Copenhagen", u"FLYING TIGER", 300, 3000},
    {Pool::Stores, u"HEMA", nullptr, 300, 4000},
    {Pool::Stores, u"Action", u"ACTION", 300, 4000},
    {Pool::Stores, u"Waterstones", nullptr, 800, 6000},
    {Pool::Stores, u"Barnes & Noble", u"BARNES & NOBLE", 800, 6000},
    {Pool::Stores, u"Thalia Books", u"THALIA", 800, 6000},
    {Pool::Stores, u"GameStop"},
    {Pool::Stores, u"LEGO Store", u"LEGO STORE"},
    {Pool::Stores, u"Hobbycraft"},
    {Pool::Stores, u"Staples"},
    {Pool::Stores, u"Galeries Lafayette", u"GALERIES LAFAYETTE"},
    {Pool::Stores, u"Selfridges", u"SELFRIDGES & CO"},
    {Pool::Stores, u"Bric-a-Brac Corner", u"BRIC A BRAC", 300, 3000, Style::SumUp},
    // Clothing
    {Pool::Clothing, u"Zara"},
    {Pool::Clothing, u"H&M", u"H & M"},
    {Pool::Clothing, u"Uniqlo"},
    {Pool::Clothing, u"Mango"},
    {Pool::Clothing, u"Gap"},
    {Pool::Clothing, u"Next", u"NEXT RETAIL"},
    {Pool::Clothing, u"Marks & Spencer", u"M&S"},
    {Pool::Clothing, u"Levi's", u"LEVIS STORE"},
    {Pool::Clothing, u"Nike", u"NIKE STORE"},
    {Pool::Clothing, u"Adidas"},
    {Pool::Clothing, u"Foot Locker"},
    {Pool::Clothing, u"COS"},
    {Pool::Clothing, u"Massimo Dutti", nullptr, 3000, 25000},
    {Pool::Clothing, u"C&A", u"C & A"},
    {Pool::Clothing, u"New Look"},
    {Pool::Clothing, u"Urban Outfitters"},
    {Pool::Clothing, u"Pull&Bear", u"PULL AND BEAR"},
    {Pool::Clothing, u"Primark", u"PRIMARK STORES", 500, 6000},
    {Pool::Clothing, u"Timberland"},
    // Personal care
    {Pool::PersonalCare, u"Boots", u"BOOTS THE CHEMIST"},
    {Pool::PersonalCare, u"Superdrug"},
    {Pool::PersonalCare, u"Sephora"},
    {Pool::PersonalCare, u"Douglas", u"DOUGLAS PARFUEMERIE"},
    {Pool::PersonalCare, u"The Body Shop"},
    {Pool::PersonalCare, u"Lush", u"LUSH RETAIL"},
    {Pool::PersonalCare, u"dm-drogerie markt", u"DM FIL."},
    {Pool::PersonalCare, u"Rossmann"},
    {Pool::PersonalCare, u"Kiko Milano"},
    {Pool::PersonalCare, u"Toni & Guy", u"TONI AND GUY", 3000, 9000},
    {Pool::PersonalCare, u"The Barber Shop", nullptr, 1500, 3500, Style::SumUp},
    {Pool::PersonalCare, u"Salon Lumière", u"SALON LUMIERE", 3000, 12000},
    {Pool::PersonalCare, u"Nail Studio 7", nullptr, 2000, 5000, Style::SumUp},
    {Pool::PersonalCare, u"Rituals", u"RITUALS COSMETICS"},
    // Health
    {Pool::Pharmacies, u"Lloyds Pharmacy", u"LLOYDS PHARMACY"},
    {Pool::Pharmacies, u"CVS Pharmacy", u"CVS/PHARMACY"},
    {Pool::Pharmacies, u"Walgreens"},
    {Pool::Pharmacies, u"Apotheke am Markt", u"APOTHEKE AM MARKT"},
    {Pool::Pharmacies, u"City Pharmacy"},
    {Pool::Pharmacies, u"Holland & Barrett", u"HOLLAND & BARRETT"},
    {Pool::Pharmacies, u"Green Cross Chemist", u"GREEN CROSS CHEMIST"},
    {Pool::Doctors, u"Specsavers", nullptr, 2000, 30000},
    {Pool::Doctors, u"Vision Express", nullptr, 2000, 30000},
    {Pool::Doctors, u"Smile Dental Care", u"SMILE DENTAL"},
    {Pool::Doctors, u"City Medical Centre", u"CITY MEDICAL CTR"},
    {Pool::Doctors, u"Dr. Patel Family Practice", u"DR PATEL FAMILY PRACT"},
    {Pool::Doctors, u"Physio Plus", nullptr, 4000, 9000},
    {Pool::Doctors, u"Bright Eyes Optician", u"BRIGHT EYES OPTICIAN"},
    {Pool::Doctors, u"Lab Diagnostics", u"LAB DIAGNOSTICS LTD"},
    {Pool::Doctors, u"Riverside Dermatology", u"RIVERSIDE DERM"},
    // Entertainment and leisure
    {Pool::Entertainment, u"Odeon Cinemas", u"ODEON CINEMAS", 900, 4000},
    {Pool::Entertainment, u"Cineworld", nullptr, 900, 4000},
    {Pool::Entertainment, u"Vue Cinema", u"VUE BSL LTD", 900, 4000},
    {Pool::Entertainment, u"AMC Theatres", u"AMC ONLINE", 900, 4000, Style::Plain},
    {Pool::Entertainment, u"Ticketmaster", u"TICKETMASTER", 4000, 30000, Style::Plain},
    {Pool::Entertainment, u"Eventim", u"EVENTIM", 4000, 25000, Style::Plain},
    {Pool::Entertainment, u"Live Nation", u"LIVE NATION", 4000, 25000, Style::Plain},
    {Pool::Entertainment, u"See Tickets", u"SEETICKETS", 2000, 12000, Style::Plain},
    {Pool::Entertainment, u"National Museum", u"NATIONAL MUSEUM", 800, 4000},
    {Pool::Entertainment, u"City Zoo", u"CITY ZOO", 2000, 8000},
    {Pool::Entertainment, u"Ocean Aquarium", u"OCEAN AQUARIUM", 2000, 8000},
    {Pool::Entertainment, u"Strike Bowling", u"STRIKE BOWLING", 2000, 7000},
    {Pool::Entertainment, u"Locked In Escape Rooms", u"LOCKED IN ESCAPE", 6000, 12000},
    {Pool::Entertainment, u"Steam", u"STEAMGAMES.COM", 500, 7000, Style::Plain},
    {Pool::Entertainment, u"PlayStation Store", u"PLAYSTATION NETWORK", 500, 7000, Style::Plain},
    {Pool::Entertainment, u"Nintendo eShop", u"NINTENDO", 500, 7000, Style::Plain},
    {Pool::Entertainment, u"The Comedy Club", u"COMEDY CLUB", 1500, 5000},
    {Pool::Entertainment, u"Theatre Royal", u"THEATRE ROYAL", 3000, 15000},
    {Pool::Entertainment, u"Mini Golf Paradise", u"MINI GOLF PARADISE", 1000, 4000, Style::SumUp},
    {Pool::Entertainment, u"Concert Hall Box Office", u"CONCERT HALL", 3000, 15000},
    {Pool::Entertainment, u"Climbing Wall Centre", u"CLIMBING CENTRE", 1200, 4000},
    {Pool::Entertainment, u"Lakeside Golf Club", u"LAKESIDE GOLF", 3000, 12000},
    {Pool::Entertainment, u"Water Park", u"WATERPARK", 2500, 9000},
    {Pool::Entertainment, u"Art Gallery Shop", u"ART GALLERY", 800, 5000},
    // Travel
    {Pool::Airlines, u"British Airways", u"BRITISH AIRWAYS"},
    {Pool::Airlines, u"Lufthansa", u"LUFTHANSA"},
    {Pool::Airlines, u"Air France", u"AIR FRANCE"},
    {Pool::Airlines, u"KLM", u"KLM ROYAL DUTCH"},
    {Pool::Airlines, u"Ryanair", u"RYANAIR", 4000, 40000},
    {Pool::Airlines, u"easyJet", u"EASYJET", 4000, 40000},
    {Pool::Airlines, u"Iberia", u"IBERIA"},
    {Pool::Airlines, u"Emirates", u"EMIRATES", 50000, 250000},
    {Pool::Airlines, u"United Airlines", u"UNITED"},
    {Pool::Airlines, u"Delta Air Lines", u"DELTA AIR"},
    {Pool::Airlines, u"Wizz Air", u"WIZZ AIR", 4000, 35000},
    {Pool::Airlines, u"Vueling", u"VUELING AIRLINES", 4000, 40000},
    {Pool::Airlines, u"TAP Air Portugal", u"TAP PORTUGAL"},
    {Pool::Airlines, u"Japan Airlines", u"JAL", 60000, 250000},
    {Pool::Hotels, u"Booking.com", u"BOOKING.COM"},
    {Pool::Hotels, u"Expedia", u"EXPEDIA"},
    {Pool::Hotels, u"Airbnb", u"AIRBNB * HM"},
    {Pool::Hotels, u"Hotels.com", u"HOTELS.COM"},
    {Pool::Hotels, u"Marriott", u"MARRIOTT HOTELS"},
    {Pool::Hotels, u"Hilton", u"HILTON HOTELS"},
    {Pool::Hotels, u"Hyatt", u"HYATT HOTELS"},
    {Pool::Hotels, u"Ibis", u"IBIS HOTEL", 6000, 50000},
    {Pool::Hotels, u"Novotel", u"NOVOTEL"},
    {Pool::Hotels, u"Holiday Inn", u"HOLIDAY INN"},
    {Pool::Hotels, u"Premier Inn", u"PREMIER INN", 6000, 50000},
    {Pool::Hotels, u"NH Hotels", u"NH HOTEL"},
    {Pool::Hotels, u"Motel One", u"MOTEL ONE", 6000, 50000},
    {Pool::Hotels, u"Seaside Guesthouse", u"SEASIDE GUESTHOUSE"},
    {Pool::TravelServices, u"Hertz", u"HERTZ RENT-A-CAR", 8000, 60000},
    {Pool::TravelServices, u"Sixt", u"SIXT RENT A CAR", 8000, 60000},
    {Pool::TravelServices, u"Avis", u"AVIS RENT A CAR", 8000, 60000},
    {Pool::TravelServices, u"Europcar", nullptr, 8000, 60000},
    {Pool::TravelServices, u"GetYourGuide", u"GETYOURGUIDE", 2500, 20000, Style::Plain},
    {Pool::TravelServices, u"Viator", u"VIATOR TOURS", 2500, 20000, Style::Plain},
    {Pool::TravelServices, u"Airport Express", u"AIRPORT EXPRESS", 1500, 4000},
    {Pool::TravelServices, u"Airport Lounge", u"AIRPORT LOUNGE", 2500, 7000},
    {Pool::TravelServices, u"World Duty Free", u"WORLD DUTY FREE", 1500, 15000},
    {Pool::TravelServices, u"City Sightseeing Bus", u"CITY SIGHTSEEING", 2000, 6000},
    // Housing
    {Pool::Landlords, u"Harbour Property Management", u"HARBOUR PROPERTY MGMT"},
    {Pool::Landlords, u"City Lettings", u"CITY LETTINGS LTD"},
    {Pool::Landlords, u"Oakwood Estates", u"OAKWOOD ESTATES"},
    {Pool::Landlords, u"Greenfield Housing", u"GREENFIELD HOUSING"},
    {Pool::MortgageLenders, u"Northbank Mortgages", u"NORTHBANK MORTGAGE"},
    {Pool::MortgageLenders, u"Homestead Building Society", u"HOMESTEAD BS"},
    {Pool::MortgageLenders, u"Unity Home Loans", u"UNITY HOME LOANS"},
    {Pool::MortgageLenders, u"Strata Owners Association", u"STRATA OWNERS ASSOC", 15000, 40000},
    // Utilities
    {Pool::Energy, u"British Gas", u"BRITISH GAS"},
    {Pool::Energy, u"EDF Energy", u"EDF ENERGY"},
    {Pool::Energy, u"E.ON", u"E.ON ENERGY"},
    {Pool::Energy, u"Octopus Energy", u"OCTOPUS ENERGY"},
    {Pool::Energy, u"Vattenfall", u"VATTENFALL EUROPE"},
    {Pool::Energy, u"Engie", u"ENGIE"},
    {Pool::Energy, u"Iberdrola", u"IBERDROLA CLIENTES"},
    {Pool::Energy, u"OVO Energy", u"OVO ENERGY"},
    {Pool::Energy, u"City Gas Works", u"CITY GAS WORKS"},
    {Pool::Water, u"Thames Water", u"THAMES WATER"},
    {Pool::Water, u"City Water Works", u"CITY WATER WORKS"},
    {Pool::Water, u"Municipal Waste Services", u"MUNICIPAL WASTE SVCS"},
    {Pool::Telecom, u"Vodafone", u"VODAFONE LTD"},
    {Pool::Telecom, u"O2", u"O2 UK"},
    {Pool::Telecom, u"EE", u"EE LIMITED"},
    {Pool::Telecom, u"T-Mobile", u"T-MOBILE"},
    {Pool::Telecom, u"Orange", u"ORANGE SA"},
    {Pool::Telecom, u"Verizon", u"VERIZON WIRELESS"},
    {Pool::Telecom, u"Virgin Media", u"VIRGIN MEDIA"},
    {Pool::Telecom, u"Sky Broadband", u"SKY DIGITAL"},
    {Pool::Telecom, u"BT Broadband", u"BT GROUP PLC"},
    {Pool::Telecom, u"Three Mobile", u"THREE UK"},
    {Pool::Telecom, u"Comcast Xfinity", u"COMCAST XFINITY"},
    {Pool::HeatingFuel, u"Heating Oil Direct", u"HEATING OIL DIRECT"},
    {Pool::HeatingFuel, u"Firewood & Pellets Co", u"FIREWOOD AND PELLETS", 8000, 40000},
    // Subscriptions: minRef is the basic plan's monthly price, maxRef the premium one's
    {Pool::Streaming, u"Netflix", u"NETFLIX.COM", 1299, 1799},
    {Pool::Streaming, u"Disney+", u"DISNEY PLUS", 899, 1399},
    {Pool::Streaming, u"Prime Video", u"Amazon Prime*", 899, 899},
    {Pool::Streaming, u"Max", u"HBO MAX", 999, 1599},
    {Pool::Streaming, u"Apple TV+", u"APPLE.COM/BILL", 999, 999},
    {Pool::Streaming, u"Paramount+", u"PARAMOUNT PLUS", 799, 1199},
    {Pool::Streaming, u"Spotify", u"SPOTIFY", 1099, 1799, Style::PayPal},
    {Pool::Streaming, u"Apple Music", u"APPLE.COM/BILL", 1099, 1699},
    {Pool::Streaming, u"YouTube Premium", u"GOOGLE *YouTubePremium", 1299, 2399},
    {Pool::Streaming, u"Tidal", u"TIDAL", 1099, 1999, Style::PayPal},
    {Pool::Streaming, u"Deezer", u"DEEZER", 1099, 1799, Style::PayPal},
    {Pool::Streaming, u"Audible", u"AUDIBLE UK*", 995, 995},
    {Pool::Streaming, u"Xbox Game Pass", u"MICROSOFT*XBOX", 1099, 1699},
    {Pool::Streaming, u"PlayStation Plus", u"PLAYSTATIONNETWORK", 899, 1499},
    {Pool::Software, u"iCloud+", u"APPLE.COM/BILL", 299, 999},
    {Pool::Software, u"Google One", u"GOOGLE *Google One", 199, 999},
    {Pool::Software, u"Dropbox", u"DROPBOX*", 1199, 1999},
    {Pool::Software, u"Microsoft 365", u"MICROSOFT*365", 699, 999},
    {Pool::Software, u"Adobe Creative Cloud", u"ADOBE *CREATIVE CLD", 2499, 5999},
    {Pool::Software, u"Kindle Unlimited", u"KINDLE SVCS*", 999, 999},
    {Pool::Software, u"Duolingo", u"DUOLINGO", 699, 1299, Style::PayPal},
    {Pool::Software, u"Headspace", u"HEADSPACE", 1299, 1299, Style::PayPal},
    {Pool::Software, u"ChatGPT Plus", u"OPENAI *CHATGPT SUBSCR", 2000, 2000},
    {Pool::Software, u"The Economist", u"THE ECONOMIST", 1900, 2900},
    {Pool::Software, u"New York Times Digital", u"NYTIMES*NYTDIGITAL", 400, 1700},
    {Pool::Software, u"Patreon", u"PATREON* MEMBERSHIP", 300, 1000, Style::PayPal},
    {Pool::Software, u"1Password", u"1PASSWORD", 299, 499},
    {Pool::Software, u"Nintendo Switch Online", u"NINTENDO *SWITCHONLINE", 399, 799},
    {Pool::Gyms, u"PureGym", u"PUREGYM LTD"},
    {Pool::Gyms, u"Anytime Fitness", u"ANYTIME FITNESS"},
    {Pool::Gyms, u"Planet Fitness", u"PLANET FITNESS"},
    {Pool::Gyms, u"McFit", u"MCFIT GMBH"},
    {Pool::Gyms, u"Basic-Fit", u"BASIC-FIT"},
    {Pool::Gyms, u"FitLife Gym", u"FITLIFE GYM"},
    {Pool::Gyms, u"Yoga Loft", u"YOGA LOFT STUDIO", 5000, 12000},
    // Insurance
    {Pool::Insurers, u"Allianz", u"ALLIANZ VERSICHERUNG"},
    {Pool::Insurers, u"AXA", u"AXA INSURANCE"},
    {Pool::Insurers, u"Aviva", u"AVIVA"},
    {Pool::Insurers, u"Zurich Insurance", u"ZURICH INSURANCE"},
    {Pool::Insurers, u"Generali", u"GENERALI"},
    {Pool::Insurers, u"Direct Line", u"DIRECT LINE INS"},
    {Pool::Insurers, u"Admiral", u"ADMIRAL INSURANCE"},
    {Pool::Insurers, u"Geico", u"GEICO"},
    {Pool::Insurers, u"Allstate", u"ALLSTATE"},
    {Pool::Insurers, u"Petplan", u"PETPLAN"},
    {Pool::Insurers, u"HUK-Coburg", u"HUK-COBURG"},
    {Pool::Insurers, u"State Farm", u"STATE FARM"},
    {Pool::Insurers, u"Bupa", u"BUPA HEALTH"},
    {Pool::Insurers, u"LifeGuard Assurance", u"LIFEGUARD ASSURANCE"},
    // Home and garden
    {Pool::HomeGarden, u"B&Q", u"B & Q"},
    {Pool::HomeGarden, u"Homebase"},
    {Pool::HomeGarden, u"The Home Depot", u"THE HOME DEPOT"},
    {Pool::HomeGarden, u"Lowe's", u"LOWES"},
    {Pool::HomeGarden, u"OBI", u"OBI MARKT"},
    {Pool::HomeGarden, u"Hornbach", u"HORNBACH BAUMARKT"},
    {Pool::HomeGarden, u"Leroy Merlin"},
    {Pool::HomeGarden, u"Dunelm"},
    {Pool::HomeGarden, u"Wayfair", u"WAYFAIR", 3000, 60000, Style::Plain},
    {Pool::HomeGarden, u"Greenway Garden Centre", u"GREENWAY GARDEN CTR"},
    {Pool::HomeGarden, u"Bloom Florist", u"BLOOM FLORIST", 1500, 6000, Style::SumUp},
    {Pool::HomeGarden, u"Handyman Hub", u"HANDYMAN HUB", 5000, 40000, Style::Plain},
    {Pool::HomeGarden, u"Bauhaus"},
    {Pool::HomeGarden, u"Sparkle Cleaning Co", u"SPARKLE CLEANING", 5000, 15000, Style::Plain},
    {Pool::HomeGarden, u"Toolstation"},
    // Pets
    {Pool::Pets, u"Pets at Home", u"PETS AT HOME"},
    {Pool::Pets, u"Fressnapf"},
    {Pool::Pets, u"PetSmart"},
    {Pool::Pets, u"Petco"},
    {Pool::Pets, u"Zooplus", u"ZOOPLUS AG", 2000, 9000, Style::Plain},
    {Pool::Pets, u"City Vet Clinic", u"CITY VET CLINIC", 4000, 40000},
    {Pool::Pets, u"Happy Paws Grooming", u"HAPPY PAWS", 3000, 7000, Style::SumUp},
    {Pool::Pets, u"Chewy", u"CHEWY.COM", 2000, 9000, Style::Plain},
    {Pool::Pets, u"Doggy Day Care", u"DOGGY DAY CARE", 2500, 4500},
    // Kids and education
    {Pool::Kids, u"Smyths Toys", u"SMYTHS TOYS"},
    {Pool::Kids, u"Toys \"R\" Us", u"TOYS R US"},
    {Pool::Kids, u"Mothercare"},
    {Pool::Kids, u"School Uniform Shop", u"SCHOOL UNIFORM SHOP"},
    {Pool::Kids, u"Scholastic Books", u"SCHOLASTIC", 500, 4000},
    {Pool::Kids, u"Coursera", u"COURSERA", 3900, 9900, Style::Plain},
    {Pool::Kids, u"Udemy", u"UDEMY", 1000, 9000, Style::Plain},
    {Pool::Kids, u"Kumon", u"KUMON", 6000, 12000},
    {Pool::Kids, u"Language Exchange Institute", u"LANGUAGE EXCHANGE INST", 5000, 30000, Style::Plain},
    {Pool::Kids, u"Paper & Pencil Stationers", u"PAPER AND PENCIL"},
    {Pool::Kids, u"Kids Club Holiday Camp", u"KIDS CLUB CAMP", 10000, 40000, Style::Plain},
    {Pool::Kids, u"Trampoline Park", u"JUMP TRAMPOLINE PARK", 1500, 5000},
    {Pool::Childcare, u"Little Stars Nursery", u"LITTLE STARS NURSERY", 40000, 90000},
    {Pool::Childcare, u"Sunshine Daycare", u"SUNSHINE DAYCARE", 40000, 90000},
    {Pool::Childcare, u"Oakridge School", u"OAKRIDGE SCHOOL FEES", 15000, 60000},
    {Pool::Childcare, u"Allegro Music School", u"ALLEGRO MUSIC SCHOOL", 4000, 9000},
    {Pool::Childcare, u"Swim Academy", u"SWIM ACADEMY", 3000, 6000},
    {Pool::Childcare, u"Junior Football Club", u"JUNIOR FC", 2000, 5000},
    {Pool::Childcare, u"City University", u"CITY UNIVERSITY", 40000, 120000},
    // Gifts and donations
    {Pool::GiftShops, u"Interflora", u"INTERFLORA", 3000, 8000, Style::Plain},
    {Pool::GiftShops, u"Moonpig", u"MOONPIG.COM", 300, 6000, Style::Plain},
    {Pool::GiftShops, u"Hallmark Cards", u"HALLMARK"},
    {Pool::GiftShops, u"The Gift Box", u"THE GIFT BOX"},
    {Pool::GiftShops, u"Paperchase"},
    {Pool::GiftShops, u"Swarovski", u"SWAROVSKI", 5000, 25000},
    {Pool::GiftShops, u"Pandora Jewelry", u"PANDORA", 4000, 20000},
    {Pool::GiftShops, u"Hamleys", u"HAMLEYS"},
    {Pool::Charities, u"Red Cross", u"RED CROSS DONATION"},
    {Pool::Charities, u"UNICEF", u"UNICEF"},
    {Pool::Charities, u"Oxfam", u"OXFAM"},
    {Pool::Charities, u"Médecins Sans Frontières", u"MSF DONATION"},
    {Pool::Charities, u"WWF", u"WWF"},
    {Pool::Charities, u"Save the Children", u"SAVE THE CHILDREN"},
    {Pool::Charities, u"Local Food Bank", u"LOCAL FOOD BANK"},
    {Pool::Charities, u"GoFundMe", u"GOFUNDME", 1000, 10000, Style::PayPal},
    // Taxes and government
    {Pool::TaxAuthorities, u"Revenue Service", u"REVENUE SERVICE", 20000, 300000},
    {Pool::TaxAuthorities, u"City Council", u"CITY COUNCIL TAX", 8000, 25000},
    {Pool::TaxAuthorities, u"Vehicle Licensing Agency", u"VEHICLE LICENSING", 10000, 35000},
    {Pool::TaxAuthorities, u"TV Licence", u"TV LICENCE MBP", 1400, 1800},
    {Pool::Government, u"Passport Office", u"PASSPORT OFFICE", 7500, 15000},
    {Pool::Government, u"Municipal Court Fines", u"MUNICIPAL FINES", 3000, 12000},
    {Pool::Government, u"Land Registry", u"LAND REGISTRY", 2000, 10000},
    {Pool::Government, u"Consulate Visa Fees", u"VISA FEES CONSULATE", 3000, 12000},
    {Pool::Government, u"City Parking Enforcement", u"PARKING PENALTY", 3500, 9000},
    // Fees and charges
    {Pool::BankFees, u"Northbank", u"ACCOUNT FEE"},
    {Pool::BankFees, u"Unity Savings Bank", u"UNITY BANK CHARGES"},
    {Pool::BankFees, u"Wise", u"WISE FEE", 50, 900},
    {Pool::BankFees, u"Revolut", u"REVOLUT FEE", 50, 900},
    {Pool::BankFees, u"Foreign Transaction Fee", u"NON-STERLING TRANSACTION FEE", 30, 400},
    {Pool::BankFees, u"Overdraft Interest", u"OVERDRAFT INTEREST", 300, 3000},
    // Loans and credit
    {Pool::Lenders, u"Northbank Car Finance", u"NORTHBANK CAR FIN"},
    {Pool::Lenders, u"Student Loans Company", u"STUDENT LOANS CO", 8000, 25000},
    {Pool::BuyNowPayLater, u"Klarna", u"KLARNA*"},
    {Pool::BuyNowPayLater, u"Afterpay", u"AFTERPAY"},
    {Pool::BuyNowPayLater, u"PayPal Pay in 3", u"PAYPAL *PAYIN3"},
    {Pool::Lenders, u"Amex Card Payment", u"AMERICAN EXPRESS", 20000, 150000},
    {Pool::Lenders, u"Visa Card Repayment", u"VISA CARD REPAYMENT", 20000, 150000},
    // Business
    {Pool::Business, u"Regus", u"REGUS MANAGEMENT", 5000, 40000},
    {Pool::Business, u"WeWork", u"WEWORK", 5000, 40000, Style::Plain},
    {Pool::Business, u"Office Depot", u"OFFICE DEPOT"},
    {Pool::Business, u"Viking Direct", u"VIKING DIRECT"},
    {Pool::Business, u"Mailchimp", u"MAILCHIMP", 1300, 35000, Style::Plain},
    {Pool::Business, u"Zoom", u"ZOOM.US", 1400, 2000, Style::Plain},
    {Pool::Business, u"Slack", u"SLACK T0", 700, 1500, Style::Plain},
    {Pool::Business, u"Squarespace", u"SQSP* WEBSITE", 1600, 4900, Style::Plain},
    {Pool::Business, u"GoDaddy", u"DNH*GODADDY.COM", 1000, 9000, Style::Plain},
    {Pool::Business, u"Fiverr", u"FIVERR", 2000, 30000, Style::PayPal},
    {Pool::Business, u"Upwork", u"UPWORK", 5000, 50000, Style::Plain},
    {Pool::Business, u"QuickBooks", u"INTUIT *QBOOKS ONLINE", 1500, 5000, Style::Plain},
    {Pool::Business, u"Vistaprint", u"VISTAPRINT.COM", 1500, 12000, Style::Plain},
    {Pool::Business, u"FedEx", u"FEDEX", 1500, 12000},
    {Pool::Business, u"DHL Express", u"DHL EXPRESS", 1500, 12000},
    // Gambling
    {Pool::Gambling, u"Bet365", u"BET365", 0, 0, Style::PayPal},
    {Pool::Gambling, u"William Hill", u"WILLIAM HILL"},
    {Pool::Gambling, u"Paddy Power", u"PADDY POWER"},
    {Pool::Gambling, u"National Lottery", u"NATIONAL LOTTERY", 200, 2000},
    {Pool::Gambling, u"PokerStars", u"POKERSTARS"},
    {Pool::Gambling, u"Ladbrokes", u"LADBROKES"},
    // Cash
    {Pool::Atms, u"Northbank ATM", u"NORTHBANK"},
    {Pool::Atms, u"Cashpoint", u"CASHPOINT"},
    {Pool::Atms, u"Euronet ATM", u"EURONET"},
    {Pool::Atms, u"Station Road ATM", u"STATION RD"},
    {Pool::Atms, u"Airport ATM", u"TRAVELEX ATM"},
    {Pool::Atms, u"Supermarket Cashback", u"CASHBACK"},
    // Other
    {Pool::Errands, u"Express Dry Cleaners", u"EXPRESS DRY CLEANERS"},
    {Pool::Errands, u"Key Cutting & Shoe Repair", u"TIMPSON"},
    {Pool::Errands, u"Post Office", u"POST OFFICE COUNTER"},
    {Pool::Errands, u"Photo Booth", u"PHOTO ME", 500, 1000},
    {Pool::Errands, u"Laundromat", u"SPIN CYCLE LAUNDRY", 400, 1500, Style::SumUp},
    {Pool::Errands, u"Self Storage Box", u"STORAGE BOX SELF STOR", 4000, 12000},
    {Pool::Errands, u"Locksmith 24", u"LOCKSMITH 24", 6000, 18000},
    {Pool::Errands, u"Print Shop", u"PRINT SHOP"},
    {Pool::Errands, u"Vending Machine", u"VENDING", 150, 500},
    {Pool::Errands, u"Flea Market", u"FLEA MARKET", 300, 4000, Style::SumUp},
    // People (transfers)
    {Pool::People, u"J. Smith", u"J SMITH"},
    {Pool::People, u"A. Garcia", u"A GARCIA"},
    {Pool::People, u"M. Rossi", u"M ROSSI"},
    {Pool::People, u"K. Tanaka", u"K TANAKA"},
    {Pool::People, u"L. Müller", u"L MUELLER"},
    {Pool::People, u"S. Kowalski", u"S KOWALSKI"},
    {Pool::People, u"P. Dubois", u"P DUBOIS"},
    {Pool::People, u"R. Johnson", u"R JOHNSON"},
    {Pool::People, u"N. Okafor", u"N OKAFOR"},
    {Pool::People, u"E. Larsen", u"E LARSEN"},
    {Pool::People, u"Joint Account", u"JOINT ACCOUNT", 20000, 80000},
    {Pool::People, u"Kids' Pocket Money", u"POCKET MONEY", 1000, 4000},
    // Savings and investments
    {Pool::SavingsAccounts, u"Savings Account", u"SAVINGS ACCOUNT"},
    {Pool::SavingsAccounts, u"Vanguard", u"VANGUARD INVESTMENTS"},
    {Pool::SavingsAccounts, u"Fidelity", u"FIDELITY INTL"},
    {Pool::SavingsAccounts, u"Trading 212", u"TRADING 212"},
    {Pool::SavingsAccounts, u"Nutmeg", u"NUTMEG SAVING"},
    {Pool::SavingsAccounts, u"Pension Plan", u"PENSION PLAN CONTRIB"},
    // Employers (salary)
    {Pool::Employers, u"Northwind Traders", u"NORTHWIND TRADERS"},
    {Pool::Employers, u"Contoso", u"CONTOSO LTD"},
    {Pool::Employers, u"Fabrikam", u"FABRIKAM INC"},
    {Pool::Employers, u"Globex Corporation", u"GLOBEX CORP"},
    {Pool::Employers, u"Initech", u"INITECH"},
    {Pool::Employers, u"Acme Corporation", u"ACME CORP"},
    {Pool::Employers, u"Tailspin Toys", u"TAILSPIN TOYS"},
    {Pool::Employers, u"Adventure Works", u"ADVENTURE WORKS"},
    {Pool::Employers, u"Wide World Importers", u"WIDE WORLD IMPORTERS"},
    {Pool::Employers, u"Litware", u"LITWARE INC"},
    // Benefits
    {Pool::BenefitOffices, u"Child Benefit Office", u"CHILD BENEFIT"},
    {Pool::BenefitOffices, u"Social Security Administration", u"SOCIAL SECURITY"},
    {Pool::BenefitOffices, u"Housing Allowance Office", u"HOUSING ALLOWANCE"},
    {Pool::BenefitOffices, u"Energy Rebate Scheme", u"ENERGY REBATE"},
    // Interest and dividends
    {Pool::InterestPayers, u"Northbank Interest", u"NORTHBANK INTEREST"},
    {Pool::InterestPayers, u"Unity Savings Interest", u"UNITY SAVINGS INT"},
    {Pool::InterestPayers, u"Vanguard Dividends", u"VANGUARD DIVIDEND", 1000, 15000},
    {Pool::InterestPayers, u"Fidelity Dividends", u"FIDELITY DIVIDEND", 1000, 15000},
    {Pool::InterestPayers, u"Government Bond Coupon", u"BOND COUPON", 2000, 20000},
    // Other income
    {Pool::SideIncome, u"eBay Sales", u"EBAY MARKETPLACES"},
    {Pool::SideIncome, u"Vinted Payout", u"VINTED PAYOUT", 500, 6000},
    {Pool::SideIncome, u"Freelance Client", u"FREELANCE CLIENT INV", 20000, 200000},
    {Pool::SideIncome, u"Airbnb Host Payout", u"AIRBNB PAYMENTS", 10000, 90000},
    {Pool::SideIncome, u"Cashback Rewards", u"CASHBACK REWARDS", 500, 5000},
    {Pool::SideIncome, u"Prize Draw", u"PRIZE DRAW WIN", 1000, 20000},
    {Pool::SideIncome, u"Rental Income", u"RENTAL INCOME", 40000, 120000},
    {Pool::SideIncome, u"Etsy Shop Payout", u"ETSY PAYMENTS", 1000, 15000},
    // Unknown (left uncategorized)
    {Pool::Unknown, u"POS Purchase", u"POS PURCHASE 4471"},
    {Pool::Unknown, u"SumUp Market Stall", u"SUMUP *STALL 42"},
    {Pool::Unknown, u"Card Purchase", u"CARD PURCHASE 0093"},
    {Pool::Unknown, u"Online Payment", u"ONLINE PAYMENT REF 55821"},
    {Pool::Unknown, u"Zettle Pop-up", u"ZTL*POP UP"},
    {Pool::Unknown, u"Misc Vendor", u"MISC VENDOR 7781"},
    {Pool::Unknown, u"Square Seller", u"SQ *SELLER 3309"},
    {Pool::Unknown, u"Direct Debit 88120", u"DD 88120 REF X7Q"},
};
// clang-format on

QString capitals(QStringView name)
{
    QString text;
    text.reserve(name.size());
    for (QChar c : name) {
        if (c == u'\'' || c == u'.' || c == u'!')
            continue;
        text += c.toUpper();
    }
    return text;
}

// A hash that is the same on every platform and Qt version (qHash is not), so branch numbers are stable.
quint64 fnv1a(QStringView text)
{
    quint64 hash = 14695981039346656037ull;
    for (QChar c : text) {
        hash ^= c.unicode();
        hash *= 1099511628211ull;
    }
    return hash;
}

struct Catalogue
{
    QList<DemoMerchants::Merchant> merchants;
    std::array<QList<qint32>, PoolCount> pools;

    Catalogue()
    {
        merchants.reserve(std::size(Rows));
        for (const Row& row : Rows) {
            const DemoMerchants::PoolInfo& pool = Pools[std::size_t(row.pool)];
            DemoMerchants::Merchant m;
            m.name = QStringView(row.name).toString();
            m.descriptor = row.descriptor ? QStringView(row.descriptor).toString() : capitals(row.name);
            m.pool = row.pool;
            m.minRef = row.minRef > 0 ? row.minRef : pool.minRef;
            m.maxRef = row.maxRef > 0 ? row.maxRef : pool.maxRef;
            m.style = row.style == Style::Default ? pool.style : row.style;
            m.storeNumber = 100 + quint32(fnv1a(m.name) % 9800);
            pools[std::size_t(row.pool)].append(qint32(merchants.size()));
            merchants.append(m);
        }
    }
};

const Catalogue& catalogue()
{
    static const Catalogue instance;
    return instance;
}

} // namespace

const QList<DemoMerchants::Merchant>& DemoMerchants::merchants()
{
    return catalogue().merchants;
}

const QList<qint32>& DemoMerchants::inPool(Pool pool)
{
    return catalogue().pools[std::size_t(pool)];
}

const DemoMerchants::PoolInfo& DemoMerchants::info(Pool pool)
{
    return Pools[std::size_t(pool)];
}

} // namespace Moniagent
