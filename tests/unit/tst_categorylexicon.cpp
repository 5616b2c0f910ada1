#include "categorize/categorizationinput.h"
#include "categorize/categorylexicon.h"
#include "categorize/merchantnormalizer.h"
#include "core/defaultcategories.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Moniagent;
using namespace Qt::StringLiterals;

class TestCategoryLexicon : public QObject
{
    Q_OBJECT

private:
    static QJsonObject shippedJson()
    {
        QFile file(QStringLiteral(":/categorize/lexicon.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }
    static CategorizationInput bankLine(const QString& description, TransactionType type = TransactionType::Expense)
    {
        return CategorizationInput::from({}, description, type, Money::fromMinor(1234, u"EUR"));
    }

private slots:
    void loadsTheShippedFile()
    {
        const auto lexicon = CategoryLexicon::load();
        QVERIFY2(lexicon.ok(), qPrintable(lexicon.ok() ? QString() : lexicon.error().toString()));
        QCOMPARE((*lexicon)->version(), 1);
        QVERIFY2((*lexicon)->termCount() > 1000, qPrintable(QString::number((*lexicon)->termCount())));
        QVERIFY((*lexicon)->systemKeys().size() >= 25);
        QVERIFY((*lexicon)->merchants(u"Groceries"_s).contains(u"tesco"_s));
        QVERIFY((*lexicon)->keywords(u"Cash"_s).contains(u"retrait"_s));
    }

    void everyKeyIsADefaultCategory()
    {
        QSet<QString> defaults;
        for (const auto& entry : DefaultCategories::entries())
            defaults.insert(QString::fromUtf8(entry.key));
        const auto lexicon = CategoryLexicon::load();
        QVERIFY(lexicon.ok());
        for (const QString& key : (*lexicon)->systemKeys())
            QVERIFY2(defaults.contains(key), qPrintable(u"not a default category: "_s + key));
    }

    void termsAreStoredNormalized()
    {
        const QJsonObject root = shippedJson();
        QVERIFY(root.value(u"categories").isObject());
        static const QRegularExpression allowed(QStringLiteral("^[\\p{L}\\p{N}]+( [\\p{L}\\p{N}]+)*$"));
        QHash<QString, QString> owner[2]; // merchants, keywords: term -> category
        QStringList problems;
        const QJsonObject categories = root.value(u"categories").toObject();
        for (auto it = categories.begin(); it != categories.end(); ++it) {
            int kindIndex = 0;
            for (const auto* kind : {"merchants", "keywords"}) {
                for (const QJsonValue& value : it.value().toObject().value(QLatin1String(kind)).toArray()) {
                    const QString term = value.toString();
                    if (term.isEmpty() || term != term.trimmed() || term != MerchantNormalizer::fold(term)
                        || !allowed.match(term).hasMatch())
                        problems.append(
                            QStringLiteral("%1 %2: \"%3\" is not normalized").arg(it.key(), QLatin1String(kind), term));
                    if (owner[kindIndex].contains(term))
                        problems.append(
                            QStringLiteral("\"%1\" is in %2 and %3").arg(term, owner[kindIndex].value(term), it.key()));
                    owner[kindIndex].insert(term, it.key());
                }
                ++kindIndex;
            }
        }
        // A store name that is also another category's keyword would make the lexicon contradict itself.
        for (auto it = owner[0].cbegin(); it != owner[0].cend(); ++it) {
            if (owner[1].contains(it.key()) && owner[1].value(it.key()) != it.value())
                problems.append(QStringLiteral("\"%1\" is a store of %2 and a keyword of %3")
                                    .arg(it.key(), it.value(), owner[1].value(it.key())));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(owner[0].size() > 500);
        QVERIFY(owner[1].size() > 500);
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{\"version\":1,\"categories\":{\"Groceries\":");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no categories") << QByteArray("{\"version\":1}");
        QTest::newRow("other version") << QByteArray("{\"version\":2,\"categories\":{}}");
        QTest::newRow("category not an object") << QByteArray("{\"version\":1,\"categories\":{\"Cash\":[\"atm\"]}}");
        QTest::newRow("terms not a list")
            << QByteArray("{\"version\":1,\"categories\":{\"Cash\":{\"keywords\":\"atm\"}}}");
        QTest::newRow("term not text") << QByteArray("{\"version\":1,\"categories\":{\"Cash\":{\"keywords\":[1]}}}");
        QTest::newRow("negative weight") << QByteArray(
            "{\"version\":1,\"categories\":{\"Cash\":{\"weight\":-1,\"keywords\":[\"atm\"]}}}");
    }
    void brokenFilesAreRefused()
    {
        QFETCH(QByteArray, json);
        const auto lexicon = CategoryLexicon::fromJson(json, u"test.json"_s);
        QVERIFY(!lexicon.ok());
        QVERIFY(!lexicon.error().message.isEmpty());
        QVERIFY(!lexicon.error().toString().isEmpty());
    }

    void aSmallFileWorks()
    {
        const auto lexicon = CategoryLexicon::fromJson(
            "{\"version\":1,\"categories\":{\"Groceries\":{\"merchants\":[\"Pick n Pay\",\"McDonald's\"]},"
            "\"Cash\":{\"keywords\":[\"ATM\",\"cash withdrawal\"]}}}");
        QVERIFY(lexicon.ok());
        // Hand-edited terms are normalized on load.
        QCOMPARE((*lexicon)->merchants(u"Groceries"_s), QStringList({u"pick n pay"_s, u"mcdonald s"_s}));
        const auto hits = (*lexicon)->lookup(bankLine(u"ATM cash withdrawal Picknpay"_s));
        QCOMPARE(hits.size(), 3);
        QCOMPARE(hits.at(0).systemKey, u"Groceries"_s); // merchants first
        QCOMPARE(hits.at(0).kind, CategoryLexicon::MatchKind::Merchant);
        QCOMPARE(hits.at(0).term, u"pick n pay"_s);
        QCOMPARE(hits.at(1).term, u"cash withdrawal"_s); // longer terms first
        QCOMPARE(hits.at(2).term, u"atm"_s);
        QVERIFY((*lexicon)->lookup(bankLine(u"Picknic at the park"_s)).isEmpty()); // whole words only
        QVERIFY((*lexicon)->lookup(bankLine(u"ATMOSPHERE bar"_s)).isEmpty());
    }

    void lookups_data()
    {
        QTest::addColumn<QString>("merchant");
        QTest::addColumn<QString>("description");
        QTest::addColumn<bool>("income");
        QTest::addColumn<QString>("key");
        QTest::newRow("uk supermarket") << QString() << u"TESCO STORES 3297"_s << false << u"Groceries"_s;
        QTest::newRow("fr supermarket card")
            << QString() << u"CARTE X9471 12/03 CARREFOUR MARKET PARIS"_s << false << u"Groceries"_s;
        QTest::newRow("fr atm") << QString() << u"CARTE X9471 RETRAIT DAB SG 14/12 10H07 ENGHIEN"_s << false
                                << u"Cash"_s;
        QTest::newRow("de supermarket") << QString() << u"Lastschrift REWE Markt GmbH Köln"_s << false
                                        << u"Groceries"_s;
        QTest::newRow("de rent") << QString() << u"Dauerauftrag Miete März"_s << false << u"Housing"_s;
        QTest::newRow("de salary") << QString() << u"Gehalt Januar ACME GmbH"_s << true << u"Salary"_s;
        QTest::newRow("streaming") << QString() << u"NETFLIX.COM 866-579-7172"_s << false << u"Subscriptions"_s;
        QTest::newRow("za supermarket") << QString() << u"POS Purchase Pick n Pay Hyde Park * 12 Oct"_s << false
                                        << u"Groceries"_s;
        QTest::newRow("written together") << QString() << u"PICKNPAY ROSEBANK"_s << false << u"Groceries"_s;
        QTest::newRow("apostrophe") << QString() << u"McDonald's Gauteng (Card)"_s << false << u"Dining & Drinks"_s;
        QTest::newRow("merchant column") << u"Shell"_s << u"card payment 4421"_s << false << u"Transport & Car"_s;
        QTest::newRow("es salary") << QString() << u"Nómina enero Empresa SA"_s << true << u"Salary"_s;
        QTest::newRow("it pharmacy") << QString() << u"Farmacia Centrale Milano"_s << false << u"Health"_s;
        QTest::newRow("nl supermarket") << QString() << u"Albert Heijn 1234 Amsterdam"_s << false << u"Groceries"_s;
        QTest::newRow("fr salary") << QString() << u"VIR RECU SALAIRE DECEMBRE"_s << true << u"Salary"_s;
        QTest::newRow("fr fees") << QString() << u"FRAIS TENUE DE COMPTE"_s << false << u"Fees & Charges"_s;
        QTest::newRow("interest") << QString() << u"Intérêts créditeurs 2023"_s << true << u"Interest & Dividends"_s;
        QTest::newRow("transfer") << QString() << u"Überweisung an M. Müller"_s << false << u"Transfers"_s;
        QTest::newRow("ride hailing") << QString() << u"UBER *TRIP HELP.UBER.COM"_s << false << u"Transport & Car"_s;
        QTest::newRow("airline") << QString() << u"RYANAIR 3456789"_s << false << u"Travel"_s;
    }
    void lookups()
    {
        QFETCH(QString, merchant);
        QFETCH(QString, description);
        QFETCH(bool, income);
        QFETCH(QString, key);
        const auto lexicon = CategoryLexicon::load();
        QVERIFY(lexicon.ok());
        const auto input = CategorizationInput::from(merchant, description,
                                                     income ? TransactionType::Income : TransactionType::Expense,
                                                     Money::fromMinor(1000, u"EUR"));
        const auto hits = (*lexicon)->lookup(input);
        QStringList keys;
        for (const auto& hit : hits)
            keys.append(hit.systemKey + u':' + hit.term);
        const bool found
            = std::any_of(hits.cbegin(), hits.cend(), [&](const auto& hit) { return hit.systemKey == key; });
        QVERIFY2(found, qPrintable(input.text + u" -> "_s + keys.join(u", ")));
    }

    void nothingForPlainWords()
    {
        const auto lexicon = CategoryLexicon::load();
        QVERIFY(lexicon.ok());
        QVERIFY((*lexicon)->lookup(bankLine(u"xyzzy plugh"_s)).isEmpty());
        QVERIFY((*lexicon)->lookup(bankLine(QString())).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCategoryLexicon)
#include "tst_categorylexicon.moc"
