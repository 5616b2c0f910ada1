#include "categorize/merchantnormalizer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
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

// The first field of each line of a CSV file with a header (quotes and doubled quotes understood).
QStringList firstColumn(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    bool header = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (header) {
            header = false;
            continue;
        }
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line[i];
            if (c == u'"') {
                if (quoted && i + 1 < line.size() && line[i + 1] == u'"')
                    field.append(line[++i]);
                else
                    quoted = !quoted;
            } else if (c == u',' && !quoted) {
                break;
            } else {
                field.append(c);
            }
        }
        out.append(field);
    }
    return out;
}

bool onlyWords(const QString& key)
{
    static const QRegularExpression shape(QStringLiteral("^(?:[\\p{L}\\p{N}]+(?: [\\p{L}\\p{N}]+)*)?$"));
    return shape.match(key).hasMatch();
}

} // namespace

class TestMerchantNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data();
    void normalize();
    void normalizeIsIdempotent_data() { normalize_data(); }
    void normalizeIsIdempotent();
    void fold_data();
    void fold();
    void emptyAndNoise_data();
    void emptyAndNoise();
    void variantsOfOneStoreShareAKey_data();
    void variantsOfOneStoreShareAKey();
    void differentStoresKeepDifferentKeys();
    void words();
    void hostileInputs();
    void threads();
    void realBankLines();
    void speed();
};

void TestMerchantNormalizer::normalize_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* raw, const char* expected) {
        QTest::newRow(raw) << s(raw) << s(expected);
    };
    // English (UK)
    row("POS PURCHASE TESCO STORES 3297 LONDON GB 12/03", "tesco stores");
    row("TESCO STORES 4410", "tesco stores");
    row("CARD PAYMENT TO TESCO STORES 2210 ON 14 FEB", "tesco stores");
    row("Contactless Payment PRET A MANGER 0231 LONDON", "pret a manger");
    row("Apple Pay PRET A MANGER 0231 LONDON", "pret a manger");
    row("DD THAMES WATER 554433221", "thames water");
    row("SO LANDLORD J SMITH", "landlord j smith");
    row("Boots 1182 Birmingham GBR", "boots");
    row("Amazon.co.uk*RT4PQ12Z5 Amazon.co.uk LU", "amazon");
    row("AMZN Mktp UK*A12BC3DE4", "amazon");
    row("AMZN Digital*9Z8Y7X", "amazon digital");
    row("Amazon Prime*KM42T", "amazon prime");
    row("PAYPAL *SPOTIFY 35314369001 GB", "spotify");
    row("PP*4471 STEAMGAMES", "steamgames");
    row("TFL TRAVEL CH TFL.GOV.UK/CP LONDON", "tfl travel");
    row("Marks & Spencer PLC 0123", "marks spencer");
    row("STARBUCKS STORE 0042", "starbucks");
    row("WWW.EASYJET.COM 12JAN", "easyjet");
    // English (US)
    row("SQ *BLUE BOTTLE COFFEE San Francisco CA", "blue bottle coffee");
    row("TST* SHAKE SHACK 1234 NEW YORK NY", "shake shack");
    row("CHECKCARD 0312 STARBUCKS STORE 12345 SEATTLE WA", "starbucks");
    row("PURCHASE AUTHORIZED ON 03/12 WALMART SUPERCENTER #1234 S582071234567890 CARD 1234", "walmart supercenter");
    row("NETFLIX.COM 866-579-7172 CA", "netflix");
    row("UBER *TRIP HELP.UBER.COM", "uber trip");
    row("UBER *EATS", "uber eats");
    row("WHOLEFDS MKT 10234 AUSTIN TX 04/21", "wholefds mkt");
    row("7-ELEVEN 33012 DALLAS TX", "7eleven");
    row("SHELL OIL 57444 HOUSTON TX 10:32 AM", "shell oil");
    row("MCDONALD'S #112", "mcdonalds");
    row("Target T-1234 Chicago IL", "target");
    row("APL*ITUNES.COM/BILL", "itunes");
    row("GOOGLE *YouTube Premium", "youtube premium");
    // English (South Africa)
    row("POS Purchase Engen Montclair Conv  * 14 Nov", "engen montclair conv");
    row("POS Purchase Woolworths  * 03 Sep", "woolworths");
    row("Fuel Purchase Sasol Hillcrest  * 22 Aug", "sasol hillcrest");
    row("POS PURCHASE (EFFEC ) KAROO BILTONG (PTY) LTD BENON CARD NO.", "karoo biltong");
    row("POS Purchase Yoco *Coffee Kiosk  * 05 Oct", "coffee kiosk");
    row("POS Purchase Zapper1*Bean Bar  * 17 Sep", "bean bar");
    row("Debit Order Payment (): Discovery Health ()", "discovery health");
    row("Rtc Express Pmt To Harbour Fish Market 4 Sep", "harbour fish market");
    row("Checkers Hyper Menlyn 0019 Pretoria ZA", "checkers hyper menlyn");
    row("Recurring Card Purchase: Netflix.com Amsterdam (Card )", "netflix");
    row("Dis-Chem Parow (Card )", "dischem parow");
    // French
    row("CARTE X1234 05/03 MONOPRIX 110123456789012IOPD", "monoprix");
    row("CARTE X1234 18/11 SUPERPROF* COURS ANGLAIS COMMERCE ELECTRONIQUE 230132200440319IOPD",
        "superprof cours anglais");
    row("CB CARREFOUR MARKET 12/03", "carrefour market");
    row("PAIEMENT PAR CARTE X5521 LECLERC 12.03.21", "leclerc");
    row("ACHAT CB FNAC 2021-04-03 14:32", "fnac");
    row("PRLV SEPA FREE MOBILE ECH/120321 ID EMETTEUR/FR84ZZZ123456", "free mobile");
    row("VIR RECU 4471829991S DE: ACME SAS MOTIF: FACTURE 2021-118 REF: 0300001234", "acme");
    row("VIR SEPA RECU /DE LA POSTE /MOTIF SALAIRE", "la poste salaire");
    row("Boulangerie Pâtisserie Chez Hélène SARL", "boulangerie patisserie chez helene");
    row("Café de Flore Paris 75006", "cafe de flore");
    row("CARTE X1234 RETRAIT DAB 13/10 22H39 CIC PARIS 11007A04", "retrait dab cic");
    row("CARTE X1234 REMBT 30/10 SNCF INTERNET COMMERCE ELECTRONIQUE 110130601671595IOPC", "sncf internet");
    row("PayPal Europe S.a.r.l. et Cie S.C.A", "paypal europe");
    // German
    row("Kartenzahlung girocard REWE SAGT DANKE 4587 Berlin DE 12.03.", "rewe sagt danke");
    row("SEPA-Lastschrift Vodafone GmbH Rechnung 123456789", "vodafone");
    row("LASTSCHRIFT Deutsche Telekom AG", "deutsche telekom");
    row("Überweisung an Max Mustermann Miete März", "max mustermann miete");
    row("EDEKA Center Müller 0815 München", "edeka center muller");
    row("Lidl sagt Danke Fil. 1234 Hamburg", "lidl sagt danke");
    row("dm-drogerie markt GmbH Karlsruhe", "dmdrogerie markt");
    row("SumUp *Marktstand Fritz", "marktstand fritz");
    // Spanish
    row("COMPRA TARJ. 5402XXXXXXXX1234 MERCADONA VALENCIA", "mercadona");
    row("PAGO CON TARJETA EN EL CORTE INGLES MADRID", "el corte ingles");
    row("RECIBO IBERDROLA CLIENTES SAU", "iberdrola clientes");
    row("Devolución Tarjeta AMZN Mktp ES", "amazon");
    row("Compra en Farmacia Núñez S.L. 12/03/2022", "farmacia nunez");
    // Dutch
    row("BEA NR:XXX123 12.03.21/14.32 ALBERT HEIJN 1234 AMSTERDAM,PAS 123", "albert heijn");
    row("Betaalautomaat 12:34 pasnr. 012 JUMBO UTRECHT", "jumbo");
    row("SEPA Incasso algemeen doorlopend Ziggo B.V.", "ziggo");
    row("iDEAL bol.com", "bol");
    row("Apple Pay Albert Heijn 1234 Den Haag", "albert heijn");
    row("IZ *COFFEE CART", "coffee cart");
    row("ZTL*Pizzeria Napoli", "pizzeria napoli");
}

void TestMerchantNormalizer::normalize()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(MerchantNormalizer::normalize(raw), expected);
}

// Learned exact-match rules store a merchant key as their pattern and normalize it again when compiled.
void TestMerchantNormalizer::normalizeIsIdempotent()
{
    QFETCH(QString, expected);
    QCOMPARE(MerchantNormalizer::normalize(expected), expected);
}

void TestMerchantNormalizer::fold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("accents") << s("Café Müller") << s("cafe muller");
    QTest::newRow("sharp s") << s("Straße") << s("strasse");
    QTest::newRow("capital sharp s") << s("GROẞE") << s("grosse");
    QTest::newRow("ligatures") << s("Œuvre Æsop œil") << s("oeuvre aesop oeil");
    QTest::newRow("nordic and slavic") << s("Søren Łódź Đakovo Þór") << s("soren lodz dakovo thor");
    QTest::newRow("turkish dotted capital") << s("İSTANBUL") << s("istanbul");
    QTest::newRow("turkish dotless") << s("ışık") << s("isik");
    QTest::newRow("spanish") << s("Núñez Peña") << s("nunez pena");
    QTest::newRow("compatibility forms") << s("ﬁne ＡＢＣ") << s("fine abc");
    QTest::newRow("punctuation and spacing kept") << s("H&M  Store-42 (Card)") << s("h&m  store-42 (card)");
    QTest::newRow("greek") << s("ΚΑΦΕ") << s("καφε");
    QTest::newRow("emoji kept") << s("Café ☕ 😀") << s("cafe ☕ 😀");
    QTest::newRow("empty") << QString() << QString();
}

void TestMerchantNormalizer::fold()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(MerchantNormalizer::fold(text), expected);
}

void TestMerchantNormalizer::emptyAndNoise_data()
{
    QTest::addColumn<QString>("raw");
    QTest::newRow("null") << QString();
    QTest::newRow("empty") << s("");
    QTest::newRow("spaces") << s("   \t  \n ");
    QTest::newRow("punctuation") << s("*** -- // ()");
    QTest::newRow("pos purchase") << s("POS PURCHASE");
    QTest::newRow("carte and date") << s("CARTE X9471 16/12");
    QTest::newRow("card mask date time") << s("****1234 12/03 10H07");
    QTest::newRow("contactless") << s("Contactless");
    QTest::newRow("prlv sepa") << s("PRLV SEPA");
    QTest::newRow("kartenzahlung") << s("KARTENZAHLUNG 12.03.2024");
    QTest::newRow("debit order") << s("Debit Order");
    QTest::newRow("numbers only") << s("000001 12345678 2021-04-03");
    QTest::newRow("processor only") << s("SQ *");
}

void TestMerchantNormalizer::emptyAndNoise()
{
    QFETCH(QString, raw);
    QCOMPARE(MerchantNormalizer::normalize(raw), QString());
}

void TestMerchantNormalizer::variantsOfOneStoreShareAKey_data()
{
    QTest::addColumn<QStringList>("variants");
    QTest::newRow("tesco") << QStringList {s("POS PURCHASE TESCO STORES 3297 LONDON GB 12/03"), s("TESCO STORES 4410"),
                                           s("CARD PAYMENT TO TESCO STORES 1187 ON 02 JAN"),
                                           s("Contactless Tesco Stores 3297 London")};
    QTest::newRow("engen") << QStringList {s("POS Purchase Engen Mitchell Park  * 12 Dec"),
                                           s("Fuel Purchase Engen Mitchell Park  * 21 Nov"),
                                           s("ENGEN MITCHELL PARK (Card )")};
    QTest::newRow("amazon") << QStringList {s("AMZN Mktp US*2K3LL1XY0"), s("Amazon.co.uk*XY12"),
                                            s("AMAZON.COM*MK1234 AMZN.COM/BILL WA"),
                                            s("Devolución Tarjeta AMZN Mktp ES")};
    QTest::newRow("netflix") << QStringList {
        s("NETFLIX.COM 866-579-7172 CA"), s("PAYPAL *NETFLIX.COM 4029357733 GB"),
        s("Recurring Card Purchase: Netflix.com Amsterdam (Card )"),
        s("CARTE X9471 02/11 NETFLIX.COM COMMERCE ELECTRONIQUE 110130601899818IOPD")};
    QTest::newRow("albert heijn") << QStringList {s("BEA NR:XXX123 12.03.21/14.32 ALBERT HEIJN 1234 AMSTERDAM,PAS 123"),
                                                  s("Apple Pay Albert Heijn 2210 Den Haag"), s("ALBERT HEIJN 1013")};
    QTest::newRow("superprof") << QStringList {
        s("CARTE X5521 04/02 SUPERPROF* COURS PIANO COMMERCE ELECTRONIQUE 110198765432101IOPD"),
        s("CARTE X5521 27/03 SUPERPROF* COURS PIANO COMMERCE ELECTRONIQUE 230187654321098IOPD")};
}

void TestMerchantNormalizer::variantsOfOneStoreShareAKey()
{
    QFETCH(QStringList, variants);
    const QString key = MerchantNormalizer::normalize(variants.first());
    QVERIFY(!key.isEmpty());
    for (const QString& variant : std::as_const(variants))
        QCOMPARE(MerchantNormalizer::normalize(variant), key);
}

void TestMerchantNormalizer::differentStoresKeepDifferentKeys()
{
    const QStringList lines {s("UBER *TRIP"),         s("UBER *EATS"),         s("TESCO STORES 3297"),
                             s("TESCO EXPRESS 1182"), s("Amazon Prime*AB12C"), s("AMZN Mktp US*2K3LL1XY0"),
                             s("SHELL OIL 57444"),    s("SHELL CAFE 57444")};
    QSet<QString> keys;
    for (const QString& line : lines)
        keys.insert(MerchantNormalizer::normalize(line));
    QCOMPARE(keys.size(), lines.size());
}

void TestMerchantNormalizer::words()
{
    QCOMPARE(MerchantNormalizer::words(u"tesco stores"), (QStringList {s("tesco"), s("stores")}));
    QCOMPARE(MerchantNormalizer::words(u""), QStringList());
    QCOMPARE(MerchantNormalizer::words(MerchantNormalizer::normalize(u"POS PURCHASE TESCO STORES 3297 LONDON GB")),
             (QStringList {s("tesco"), s("stores")}));
}

// Odd input never crashes and always gives words of letters and digits.
void TestMerchantNormalizer::hostileInputs()
{
    QStringList inputs {s("*"),
                        s("**"),
                        s("-"),
                        s("'"),
                        s("a."),
                        s(".a"),
                        s("a.b.c.d.e.f.g.h"),
                        s("s.a.r.l."),
                        s("#"),
                        s("#1"),
                        s("x"),
                        s("xx9"),
                        s("12jan"),
                        s("jan"),
                        s("jan 12"),
                        s("12 jan"),
                        s("http://"),
                        s("www."),
                        s(".com"),
                        s("a.com/"),
                        s("de:"),
                        s("::::"),
                        s("a-"),
                        s("-a"),
                        s("7-"),
                        s("a'b'c'"),
                        s("\xF0\x9F\x98\x80\xF0\x9F\x98\x80"),
                        s("\xE2\x80\x99\xE2\x80\x99")};
    QString longLine;
    for (int i = 0; i < 2000; ++i)
        longLine += QStringLiteral("POS PURCHASE TESCO %1 * ").arg(i);
    inputs << longLine << QString(5000, u'*') << QString(5000, u'a') << QString(5000, u'1');
    QString surrogateHalf;
    surrogateHalf.append(QChar(0xD83D)); // a lone high surrogate
    surrogateHalf.append(u"abc");
    inputs << surrogateHalf;
    for (const QString& input : std::as_const(inputs)) {
        const QString key = MerchantNormalizer::normalize(input);
        QVERIFY2(onlyWords(key), qPrintable(input.left(40) + QStringLiteral(" -> ") + key.left(40)));
        QCOMPARE(MerchantNormalizer::normalize(key), key);
    }
    QCOMPARE(MerchantNormalizer::normalize(longLine).left(5), s("tesco"));
}

// normalize() only reads shared tables: threads get the same answers as one thread.
void TestMerchantNormalizer::threads()
{
    const QStringList lines {s("POS PURCHASE TESCO STORES 3297 LONDON GB 12/03"), s("Café de Flore Paris 75006"),
                             s("AMZN Mktp US*2K3LL1XY0"), s("Kartenzahlung girocard REWE SAGT DANKE 4587 Berlin DE")};
    QStringList expected;
    for (const QString& line : lines)
        expected << MerchantNormalizer::normalize(line);
    std::atomic<int> mismatches {0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create([&] {
            for (int round = 0; round < 2000; ++round)
                for (qsizetype i = 0; i < lines.size(); ++i)
                    if (MerchantNormalizer::normalize(lines[i]) != expected[i])
                        ++mismatches;
        }));
        threads.back()->start();
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(60000));
    QCOMPARE(mismatches.load(), 0);
}

// Real South African and French bank lines (read from the shared data set, never copied): keys are words,
// idempotent, and lines that differ only in amount, date and reference number share one key.
void TestMerchantNormalizer::realBankLines()
{
    const QString dir = QStringLiteral(MONIAGENT_SHARED_DATA_DIR "/categorization-dev");
    const QStringList za = firstColumn(dir + QStringLiteral("/za-bank-transactions.csv"));
    const QStringList fr = firstColumn(dir + QStringLiteral("/fr-bank-transactions.csv"));
    if (za.isEmpty() || fr.isEmpty())
        QSKIP("The categorization-dev data set is not available.");

    int empty = 0;
    for (const QString& line : za + fr) {
        const QString key = MerchantNormalizer::normalize(line);
        QVERIFY2(onlyWords(key), qPrintable(line));
        QVERIFY2(MerchantNormalizer::normalize(key) == key, qPrintable(line + QStringLiteral(" -> ") + key));
        static const QRegularExpression digitsOnly(QStringLiteral("(?:^| )\\d+(?: |$)"));
        QVERIFY2(!digitsOnly.match(key).hasMatch(), qPrintable(line + QStringLiteral(" -> ") + key));
        if (key.isEmpty())
            ++empty;
    }
    QVERIFY2(empty * 50 < za.size() + fr.size(), "more than 2 % of the real lines lost their whole name");

    // "POS Purchase <store>  * 07 Oct" with or without an amount; "CARTE X9471 16/12 <store> <ref>IOPD".
    const QRegularExpression zaShape(QStringLiteral("^POS Purchase (?:[\\d.]+ )?(.+?)\\s+\\*\\s+\\d\\d \\w{3}$"));
    const QRegularExpression frShape(QStringLiteral("^CARTE X\\d{4} \\d\\d/\\d\\d (.+) \\d{15}IOP[DC]$"));
    QHash<QString, QString> keyOfStore;
    int groups = 0;
    for (const QString& line : za + fr) {
        QRegularExpressionMatch m = zaShape.match(line);
        if (!m.hasMatch())
            m = frShape.match(line);
        if (!m.hasMatch())
            continue;
        const QString store = m.captured(1);
        const QString key = MerchantNormalizer::normalize(line);
        QVERIFY2(!key.isEmpty(), qPrintable(line));
        const auto it = keyOfStore.constFind(store);
        if (it == keyOfStore.constEnd()) {
            keyOfStore.insert(store, key);
            ++groups;
        } else {
            QVERIFY2(*it == key, qPrintable(line + QStringLiteral(": ") + key + QStringLiteral(" != ") + *it));
        }
    }
    QVERIFY(groups > 50);
}

// Not a benchmark (tests/bench has those): prints the time per line so a regression is visible in the log.
void TestMerchantNormalizer::speed()
{
    const QStringList lines {s("POS PURCHASE TESCO STORES 3297 LONDON GB 12/03 CARD 1234"),
                             s("CARTE X9471 16/12 SUPERPROF* COURS COMMERCE ELECTRONIQUE 110135004218193IOPD"),
                             s("Kartenzahlung girocard REWE SAGT DANKE 4587 Berlin DE 12.03."),
                             s("Boulangerie Pâtisserie Chez Hélène SARL Paris 75006 12/03")};
    constexpr int rounds = 20000;
    qsizetype total = 0;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < rounds; ++round)
        for (const QString& line : lines)
            total += MerchantNormalizer::normalize(line).size();
    const double ns = double(timer.nsecsElapsed()) / (rounds * lines.size());
    qInfo("normalize(): %.0f ns per line of about 60 characters (%lld characters out)", ns, qlonglong(total));
    QVERIFY(total > 0);
}

QTEST_GUILESS_MAIN(TestMerchantNormalizer)
#include "tst_merchantnormalizer.moc"
