#include "categorize/categorizationinput.h"
#include "categorize/categorylexicon.h"
#include "categorize/learnedclassifier.h"
#include "core/defaultcategories.h"

#include <QDataStream>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kGroceries = 11;
constexpr qint64 kFuel = 12;
constexpr qint64 kDining = 13;
constexpr qint64 kSalary = 14;
constexpr qint64 kRent = 15;
constexpr qint64 kShopping = 16;

CategorizationInput expense(const QString& description, qint64 cents = 2500)
{
    return CategorizationInput::from({}, description, TransactionType::Expense, Money::fromMinor(cents, u"ZAR"));
}

CategorizationInput income(const QString& description, qint64 cents = 2500000)
{
    return CategorizationInput::from({}, description, TransactionType::Income, Money::fromMinor(cents, u"ZAR"));
}

// A small history of bank lines.
void teach(LearnedClassifier& model)
{
    model.learn(expense(u"POS Purchase Woolworths Sandton * 12 Oct"_s, 45000), kGroceries);
    model.learn(expense(u"POS Purchase Checkers Hyper Rosebank"_s, 81234), kGroceries);
    model.learn(expense(u"POS Purchase Engen Mitchell Park"_s, 60000), kFuel);
    model.learn(expense(u"Fuel Purchase Sasol Melmoth"_s, 55000), kFuel);
    model.learn(expense(u"POS Purchase Mugg Bean Sandton"_s, 12000), kDining);
    model.learn(expense(u"POS Purchase Nandos Rosebank"_s, 18000), kDining);
    model.learn(income(u"ACME Holdings salary October"_s), kSalary);
    model.learn(expense(u"Magtape Debit Landlord Properties rent"_s, 950000), kRent);
}

QString describe(const std::optional<LearnedClassifier::Prediction>& p)
{
    if (!p)
        return u"none"_s;
    QStringList reasons;
    for (const auto& reason : p->reasons)
        reasons.append(QStringLiteral("%1 (%2)").arg(reason.feature).arg(reason.weight, 0, 'f', 2));
    return QStringLiteral("category %1, confidence %2, store %3, lexicon %4: %5")
        .arg(p->categoryId)
        .arg(p->confidence, 0, 'f', 4)
        .arg(p->sameStoreExamples)
        .arg(p->fromLexicon)
        .arg(reasons.join(u"; "));
}

// Exact equality of everything a prediction tells.
bool same(const std::optional<LearnedClassifier::Prediction>& a, const std::optional<LearnedClassifier::Prediction>& b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    if (a->categoryId != b->categoryId || a->confidence != b->confidence || a->sameStoreExamples != b->sameStoreExamples
        || a->fromLexicon != b->fromLexicon || a->reasons.size() != b->reasons.size())
        return false;
    for (qsizetype i = 0; i < a->reasons.size(); ++i) {
        if (a->reasons.at(i).feature != b->reasons.at(i).feature || a->reasons.at(i).weight != b->reasons.at(i).weight)
            return false;
    }
    return true;
}

QList<CategorizationInput> probes()
{
    return {expense(u"POS Purchase Woolworths Sandton * 12 Oct"_s, 45000),
            expense(u"POS Purchase Woolworths Food Melrose"_s, 30000),
            expense(u"POS Purchase Engen Kathrada"_s, 40000),
            expense(u"Nandos Fourways"_s, 15000),
            income(u"ACME Holdings salary November"_s),
            expense(u"something never seen before"_s, 777)};
}

QHash<QString, qint64> defaultIds()
{
    QHash<QString, qint64> ids;
    qint64 id = 100;
    for (const auto& entry : DefaultCategories::entries())
        ids.insert(QString::fromUtf8(entry.key), id++);
    return ids;
}

} // namespace

class TestLearnedClassifier : public QObject
{
    Q_OBJECT

private slots:
    void emptyModelHasNothingToSay()
    {
        LearnedClassifier model;
        QCOMPARE(model.exampleCount(), 0);
        QVERIFY(!model.predict(expense(u"TESCO STORES 3297"_s)).has_value());
    }

    void learnsARepeatedStore()
    {
        LearnedClassifier model;
        teach(model);
        const auto input = expense(u"POS Purchase Spar Parkhurst"_s, 23000);
        for (int i = 0; i < 3; ++i)
            model.learn(input, kGroceries);
        QCOMPARE(model.exampleCount(), 11);
        const auto p = model.predict(input);
        QVERIFY2(p && p->categoryId == kGroceries, qPrintable(describe(p)));
        QCOMPARE(p->sameStoreExamples, 3);
        QVERIFY(!p->fromLexicon);
        const auto store = std::find_if(p->reasons.cbegin(), p->reasons.cend(),
                                        [](const auto& r) { return r.feature.startsWith(u"sameStore:"_s); });
        QVERIFY2(store != p->reasons.cend(), qPrintable(describe(p)));
        QCOMPARE(store->feature, u"sameStore:3"_s);
    }

    void differentStoresShareWords()
    {
        LearnedClassifier model;
        teach(model);
        // Never seen as a whole, but "woolworths" was only ever groceries, and "engen" fuel.
        const auto woolworths = model.predict(expense(u"POS Purchase Woolworths Food Melrose"_s, 30000));
        QVERIFY2(woolworths && woolworths->categoryId == kGroceries, qPrintable(describe(woolworths)));
        QCOMPARE(woolworths->sameStoreExamples, 0);
        const bool named = std::any_of(woolworths->reasons.cbegin(), woolworths->reasons.cend(),
                                       [](const auto& r) { return r.feature.contains(u"woolworths"_s); });
        QVERIFY2(named, qPrintable(describe(woolworths)));
        const auto engen = model.predict(expense(u"POS Purchase Engen Kathrada"_s, 40000));
        QVERIFY2(engen && engen->categoryId == kFuel, qPrintable(describe(engen)));
        QVERIFY2(engen->reasons.first().feature.contains(u"engen"_s), qPrintable(describe(engen)));
        for (const auto& reason : engen->reasons)
            QVERIFY(reason.weight > 0);
        QVERIFY(engen->reasons.size() <= 3);
    }

    void allowedCategoriesAreRespected()
    {
        LearnedClassifier model;
        teach(model);
        const auto input = expense(u"POS Purchase Woolworths Sandton * 12 Oct"_s, 45000);
        QCOMPARE(model.predict(input)->categoryId, kGroceries);
        const auto restricted = model.predict(input, {kFuel, kDining});
        QVERIFY2(restricted && (restricted->categoryId == kFuel || restricted->categoryId == kDining),
                 qPrintable(describe(restricted)));
        QVERIFY(restricted->confidence < model.predict(input)->confidence);
        QCOMPARE(model.predict(input, {kRent})->categoryId, kRent);
        // Ids the model has never seen say nothing.
        QVERIFY(!model.predict(input, {999}).has_value());
    }

    void directionCounts()
    {
        LearnedClassifier model;
        // The same words both ways: money in is the salary, money out the rent paid to the same company.
        for (int i = 0; i < 3; ++i) {
            model.learn(income(u"ACME Holdings payment"_s, 2500000 + i), kSalary);
            model.learn(expense(u"ACME Holdings payment"_s, 900000 + i), kRent);
        }
        QCOMPARE(model.predict(income(u"ACME Holdings payment"_s, 2600000))->categoryId, kSalary);
        QCOMPARE(model.predict(expense(u"ACME Holdings payment"_s, 910000))->categoryId, kRent);
    }

    void forgetUndoesLearn()
    {
        LearnedClassifier model;
        teach(model);
        const QByteArray before = model.save();
        QList<std::optional<LearnedClassifier::Prediction>> predictions;
        for (const auto& probe : probes())
            predictions.append(model.predict(probe));

        // A known category: the model is restored to the byte.
        const auto wrong = expense(u"POS Purchase Woolworths Sandton * 12 Oct"_s, 45000);
        model.learn(wrong, kFuel);
        QVERIFY(model.save() != before);
        QCOMPARE(model.exampleCount(), 9);
        model.forget(wrong, kFuel);
        QCOMPARE(model.exampleCount(), 8);
        QCOMPARE(model.save(), before);

        // A category new to the model: every prediction is as before.
        model.learn(expense(u"POS Purchase Woolworths Food Melrose"_s, 30000), kShopping);
        QCOMPARE(model.predict(expense(u"POS Purchase Woolworths Food Melrose"_s, 30000))->categoryId, kShopping);
        model.forget(expense(u"POS Purchase Woolworths Food Melrose"_s, 30000), kShopping);
        const auto all = probes();
        for (qsizetype i = 0; i < all.size(); ++i)
            QVERIFY2(same(model.predict(all.at(i)), predictions.at(i)),
                     qPrintable(describe(model.predict(all.at(i))) + u" vs "_s + describe(predictions.at(i))));

        // Forgetting what was never learned changes nothing.
        model.forget(expense(u"never learned"_s), kGroceries);
        model.forget(expense(u"never learned"_s), 4242);
        QCOMPARE(model.exampleCount(), 8);
    }

    void changingACategory()
    {
        // The owner's "user changed a confirmed category": forget the old, learn the new.
        LearnedClassifier model;
        teach(model);
        const auto input = expense(u"POS Purchase Checkers Hyper Rosebank"_s, 81234);
        model.forget(input, kGroceries);
        model.learn(input, kShopping);
        model.learn(input, kShopping);
        QCOMPARE(model.predict(input)->categoryId, kShopping);
        QCOMPARE(model.predict(input)->sameStoreExamples, 2);
    }

    void saveAndLoadGiveIdenticalPredictions()
    {
        LearnedClassifier model;
        teach(model);
        model.learn(expense(u"POS Purchase Woolworths Sandton * 12 Oct"_s, 45000), kGroceries);
        const QByteArray saved = model.save();
        QVERIFY(!saved.isEmpty());

        LearnedClassifier copy;
        copy.learn(expense(u"something else entirely"_s), 77); // replaced by load()
        const auto loaded = copy.load(saved);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(copy.exampleCount(), model.exampleCount());
        for (const auto& probe : probes()) {
            QVERIFY2(same(copy.predict(probe), model.predict(probe)), qPrintable(probe.text));
            QVERIFY(same(copy.predict(probe, {kFuel, kDining}), model.predict(probe, {kFuel, kDining})));
        }
        QCOMPARE(copy.save(), saved);
        // And both go on learning alike.
        model.learn(expense(u"POS Purchase Engen Kathrada"_s, 40000), kShopping);
        copy.learn(expense(u"POS Purchase Engen Kathrada"_s, 40000), kShopping);
        QCOMPARE(copy.save(), model.save());
    }

    void loadRefusesBadData_data()
    {
        QTest::addColumn<QByteArray>("data");
        LearnedClassifier model;
        teach(model);
        const QByteArray saved = model.save();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("this is not a model at all, not even close");
        QTest::newRow("truncated envelope") << saved.left(saved.size() / 2);
        QTest::newRow("one byte short") << saved.left(saved.size() - 1);
        QTest::newRow("trailing byte") << saved + '\0';
        QByteArray version = saved;
        version[5] = char(version[5] + 1); // quint32 magic, then the quint16 version
        QTest::newRow("other version") << version;
        // A well-formed envelope around a damaged payload.
        QByteArray envelope;
        {
            QDataStream out(&envelope, QIODevice::WriteOnly);
            out << quint32(0x4d4c4331) << quint16(1) << qCompress(QByteArray("\x00\x00\x00\x03", 4));
        }
        QTest::newRow("damaged payload") << envelope;
        QByteArray random(4096, '\0');
        QRandomGenerator generator(42);
        for (char& c : random)
            c = char(generator.bounded(256));
        QTest::newRow("random") << random;
    }
    void loadRefusesBadData()
    {
        QFETCH(QByteArray, data);
        LearnedClassifier model;
        teach(model);
        const QByteArray before = model.save();
        const auto prediction = model.predict(probes().first());
        const auto result = model.load(data);
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(model.save(), before);
        QCOMPARE(model.exampleCount(), 8);
        QVERIFY(same(model.predict(probes().first()), prediction));
    }

    void confidenceGrowsWithConsistentExamples()
    {
        LearnedClassifier model;
        teach(model);
        const auto input = expense(u"POS Purchase Superspar Tiffanys"_s, 17999);
        QList<double> confidences;
        for (int i = 0; i < 8; ++i) {
            model.learn(input, kGroceries);
            const auto p = model.predict(input);
            QVERIFY2(p && p->categoryId == kGroceries, qPrintable(describe(p)));
            confidences.append(p->confidence);
        }
        for (qsizetype i = 1; i < confidences.size(); ++i)
            QVERIFY2(confidences.at(i) >= confidences.at(i - 1), qPrintable(QString::number(i)));
        QVERIFY(confidences.last() > confidences.first());
        QVERIFY2(confidences.last() >= 0.9, qPrintable(QString::number(confidences.last()))); // auto-applied
        QVERIFY(confidences.first() < 0.9); // one example is not enough
        // A store with mixed history is less sure than a consistent one.
        model.learn(input, kShopping);
        QVERIFY(model.predict(input)->confidence < confidences.last());
    }

    void lexiconSuggestsForANewUser()
    {
        const auto lexicon = CategoryLexicon::load();
        QVERIFY(lexicon.ok());
        const auto ids = defaultIds();
        LearnedClassifier model;
        model.setPrior(*lexicon, ids);
        const auto tesco = expense(u"TESCO STORES 3297"_s, 4512);
        const auto p = model.predict(tesco);
        QVERIFY2(p && p->categoryId == ids.value(u"Groceries"_s), qPrintable(describe(p)));
        QVERIFY(p->fromLexicon);
        QVERIFY2(p->confidence > 0.3 && p->confidence < 0.9, qPrintable(describe(p)));
        QVERIFY2(!p->reasons.isEmpty() && p->reasons.first().feature.contains(u"tesco"_s), qPrintable(describe(p)));
        // Only among what the owner allows.
        QVERIFY(!model.predict(tesco, {ids.value(u"Salary"_s)}).has_value());
        QVERIFY(!model.predict(expense(u"qwxyz plugh"_s)).has_value());

        // The user's own confirmations outweigh the lexicon after a couple of them.
        const qint64 shopping = ids.value(u"Shopping"_s);
        model.learn(tesco, shopping);
        model.learn(expense(u"TESCO STORES 3297"_s, 2099), shopping);
        const auto after = model.predict(expense(u"TESCO STORES 3297"_s, 3050));
        QVERIFY2(after && after->categoryId == shopping, qPrintable(describe(after)));
        QVERIFY(!after->fromLexicon);
        QCOMPARE(after->sameStoreExamples, 2);
    }

    void lexiconClassesCarryOverToNewStores()
    {
        // A user with their own category names: after one supermarket, another supermarket the lexicon knows
        // goes to the same category, although they share no word.
        const auto lexicon = CategoryLexicon::load();
        QVERIFY(lexicon.ok());
        LearnedClassifier model;
        model.setPrior(*lexicon, {});
        teach(model);
        model.learn(expense(u"TESCO STORES 3297"_s, 4512), kGroceries);
        const auto p = model.predict(expense(u"SAINSBURYS S/MKTS 0123"_s, 3312));
        QVERIFY2(p && p->categoryId == kGroceries, qPrintable(describe(p)));
        QVERIFY(!p->fromLexicon);
    }

    void clearForgetsEverything()
    {
        LearnedClassifier model;
        teach(model);
        model.clear();
        QCOMPARE(model.exampleCount(), 0);
        QVERIFY(!model.predict(probes().first()).has_value());
        QCOMPARE(model.save(), LearnedClassifier().save());
    }

    void throughput()
    {
        // Generated lines: 100 categories, each with its own stores and words. Timings are reported, not checked.
        QRandomGenerator random(7);
        QStringList vocabulary;
        for (int i = 0; i < 20000; ++i) {
            QString word;
            const int length = 3 + int(random.bounded(7));
            for (int k = 0; k < length; ++k)
                word.append(QChar(u'a' + int(random.bounded(26))));
            vocabulary.append(word);
        }
        auto make = [&](int category) {
            QStringList words;
            const int store = int(random.bounded(20));
            words << vocabulary.at((category * 53 + store * 7) % 20000)
                  << vocabulary.at((category * 97 + store * 13 + 1) % 20000)
                  << vocabulary.at((category * 11 + int(random.bounded(5))) % 20000)
                  << vocabulary.at(int(random.bounded(200))) << vocabulary.at(int(random.bounded(20000)));
            return CategorizationInput::from({}, words.join(u' '), TransactionType::Expense,
                                             Money(1 + random.bounded(200000), Currency::fromCode(u"EUR")));
        };
        QList<CategorizationInput> inputs;
        QList<int> labels;
        for (int i = 0; i < 10000; ++i) {
            labels.append(int(random.bounded(100)));
            inputs.append(make(labels.last()));
        }
        LearnedClassifier model;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < inputs.size(); ++i)
            model.learn(inputs.at(i), labels.at(i) + 1);
        const qint64 learnNs = timer.nsecsElapsed();
        QList<CategorizationInput> queries;
        QList<int> truth;
        for (int i = 0; i < 5000; ++i) {
            truth.append(int(random.bounded(100)));
            queries.append(make(truth.last()));
        }
        int right = 0;
        timer.start();
        for (int i = 0; i < queries.size(); ++i) {
            const auto p = model.predict(queries.at(i));
            right += p && p->categoryId == truth.at(i) + 1 ? 1 : 0;
        }
        const qint64 predictNs = timer.nsecsElapsed();
        qInfo("learn: %.0f examples/s; predict: %.0f calls/s (10,000 examples, 100 categories); accuracy %.1f %%",
              inputs.size() * 1e9 / double(learnNs), queries.size() * 1e9 / double(predictNs),
              100.0 * right / queries.size());
        QVERIFY(right > queries.size() / 2); // the generated stores are learnable
    }
};

QTEST_GUILESS_MAIN(TestLearnedClassifier)
#include "tst_learnedclassifier.moc"
