#include "db/importpresetrepository.h"
#include "db/sql.h"
#include "db/userrepository.h"
#include "importers/csvdialect.h"
#include "importers/csvpresetstore.h"
#include "importers/csvreader.h"
#include "testdatabase.h"
#include "testresult.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QSet>
#include <QStringEncoder>
#include <QTest>

using namespace Moniagent;
using namespace Qt::StringLiterals;

namespace {

CsvMapping simpleMapping(int date = 0, int amount = 2)
{
    CsvMapping m;
    m.columns.date = date;
    m.columns.amount = amount;
    m.columns.description = 1;
    return m;
}

const QStringList Header {u"Datum"_s, u"Text"_s, u"Betrag"_s};

QStringList names(const QList<CsvPreset>& presets)
{
    QStringList out;
    for (const CsvPreset& p : presets)
        out << p.name;
    return out;
}

// One row of a bank's export per shipped preset, written by hand from the bank's documented layout.
struct PresetSample
{
    QStringList row;
    QString expected; // "date minor currency | payee | memo"
};

const QHash<QString, PresetSample>& presetSamples()
{
    static const QHash<QString, PresetSample> samples {
        {u"Date, Description, Amount"_s,
         {{u"03/15/2024"_s, u"Coffee"_s, u"-3.50"_s}, u"2024-03-15 -350 USD |  | Coffee"_s}},
        {u"Mint"_s,
         {{u"1/05/2023"_s, u"Starbucks"_s, u"STARBUCKS #1234"_s, u"4.50"_s, u"debit"_s, u"Coffee Shops"_s,
           u"Credit Card"_s, QString(), QString()},
          u"2023-01-05 -450 USD | Starbucks | STARBUCKS #1234"_s}},
        {u"N26"_s,
         {{u"2023-02-01"_s, QString(), u"REWE"_s, u"DE89370400440532013000"_s, u"Presentment"_s, u"Einkauf"_s,
           u"Main Account"_s, u"-23.40"_s, QString(), QString(), QString()},
          u"2023-02-01 -2340 EUR | REWE | Einkauf"_s}},
        {u"N26 (before 2023)"_s,
         {{u"2019-05-02"_s, u"Lidl"_s, QString(), u"MasterCard Payment"_s, u"Wocheneinkauf"_s, u"Food & Groceries"_s,
           u"-12.3"_s, QString(), QString(), QString()},
          u"2019-05-02 -1230 EUR | Lidl | Wocheneinkauf"_s}},
        {u"Revolut"_s,
         {{u"CARD_PAYMENT"_s, u"Current"_s, u"2023-01-05 10:23:45"_s, u"2023-01-06 09:00:00"_s, u"Tesco"_s, u"-12.34"_s,
           u"0.00"_s, u"GBP"_s, u"COMPLETED"_s, u"987.66"_s},
          u"2023-01-05 -1234 GBP | Tesco | "_s}},
        {u"Chase (checking)"_s,
         {{u"DEBIT"_s, u"01/16/2024"_s, u"AMAZON MKTPL*AB12"_s, u"-25.99"_s, u"ACH_DEBIT"_s, u"1,234.56"_s, QString()},
          u"2024-01-16 -2599 USD |  | AMAZON MKTPL*AB12"_s}},
        {u"Chase (credit card)"_s,
         {{u"01/12/2024"_s, u"01/14/2024"_s, u"UBER *TRIP"_s, u"Travel"_s, u"Sale"_s, u"-18.25"_s, QString()},
          u"2024-01-12 -1825 USD |  | UBER *TRIP"_s}},
        {u"Monzo"_s,
         {{u"tx_0000A1"_s, u"05/02/2024"_s, u"12:30:00"_s, u"Card payment"_s, u"Pret A Manger"_s, u"\U0001F96A"_s,
           u"Eating out"_s, u"-4.95"_s, u"GBP"_s, u"-4.95"_s, u"GBP"_s, QString(), u"1 Main St"_s, QString(),
           u"PRET A MANGER LONDON"_s, QString(), u"-4.95"_s, QString()},
          u"2024-02-05 -495 GBP | Pret A Manger | PRET A MANGER LONDON"_s}},
        {u"ING (Netherlands)"_s,
         {{u"20240301"_s, u"Albert Heijn 1403"_s, u"NL00INGB0001234567"_s, QString(), u"BA"_s, u"Af"_s, u"12,34"_s,
           u"Betaalautomaat"_s, u"Pasvolgnr:003"_s, u"1.234,56"_s, QString()},
          u"2024-03-01 -1234 EUR | Albert Heijn 1403 | Pasvolgnr:003"_s}},
        {u"ING (Netherlands, comma-separated)"_s,
         {{u"20240302"_s, u"Werkgever BV"_s, u"NL00INGB0001234567"_s, u"NL11RABO0123456789"_s, u"OV"_s, u"Bij"_s,
           u"2.500,00"_s, u"Overschrijving"_s, u"Salaris"_s},
          u"2024-03-02 250000 EUR | Werkgever BV | Salaris"_s}},
        {u"Sparkasse (CSV-CAMT)"_s,
         {{u"DE00 1234"_s, u"04.03.24"_s, u"04.03.24"_s, u"FOLGELASTSCHRIFT"_s, u"Strom März"_s,
           u"DE98ZZZ09999999999"_s, u"M-123"_s, u"E2E-1"_s, QString(), QString(), QString(), u"Stadtwerke Müller"_s,
           u"DE02120300000000202051"_s, u"BYLADEM1001"_s, u"-85,00"_s, u"EUR"_s, u"Umsatz gebucht"_s},
          u"2024-03-04 -8500 EUR | Stadtwerke Müller | Strom März"_s}},
        {u"Sparkasse (CSV-MT940)"_s,
         {{u"DE00 1234"_s, u"05.03.24"_s, u"05.03.24"_s, u"KARTENZAHLUNG"_s, u"Brötchen"_s, u"Bäckerei Müller"_s,
           u"1234567"_s, u"70050000"_s, u"-3,20"_s, u"EUR"_s, u"Umsatz gebucht"_s},
          u"2024-03-05 -320 EUR | Bäckerei Müller | Brötchen"_s}},
    };
    return samples;
}

QByteArray csvLine(const QStringList& fields, QChar delimiter)
{
    QStringList quoted;
    for (const QString& f : fields)
        quoted << u'"' + QString(f).replace(u"\""_s, u"\"\""_s) + u'"';
    return quoted.join(delimiter).toUtf8() + "\r\n";
}

} // namespace

// CsvPresetStore and ImportPresetRepository on a real SQLite file: saving, listing, replacing, the automatic
// choice by header signature, per-user scoping, and every shipped preset against a row of its bank's layout.
class TestCsvPresetStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveListFindRemove();
    void sameNameReplaces();
    void invalidInputIsRefused();
    void renameKeepsNamesUnique();
    void findBySignaturePrefersTheUsersNewest();
    void presetsArePerUser();
    void deletingUserRemovesPresets();
    void damagedStoredMappingIsSkipped();
    void survivesRestart();
    void schemaRefusesBadRows();
    void shippedPresetsAreValid();
    void shippedPresetsReadTheirBanksFiles();
};

void TestCsvPresetStore::saveListFindRemove()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    CsvPresetStore store(db.database());
    CsvMapping mapping = simpleMapping();
    mapping.delimiter = u';';
    mapping.decimalSeparator = u',';
    mapping.thousandsSeparator = u'.';
    auto id = store.save(alice, u"  My bank  "_s, mapping, Header);
    QVERIFY2(id, Test::errorText(id).constData());

    auto all = store.list(alice);
    QVERIFY(all);
    QCOMPARE(all->first().name, u"My bank"_s);
    QCOMPARE(all->first().id, *id);
    QVERIFY(!all->first().builtIn);
    QVERIFY(all->first().mapping == mapping);
    QCOMPARE(all->first().headerSignature, CsvMapping::headerSignature(Header));
    QCOMPARE(all->size(), 1 + CsvPresetStore::builtInPresets().size());
    QVERIFY(all->last().builtIn);

    auto found = store.findBySignature(alice, CsvMapping::headerSignature({u"datum"_s, u" TEXT"_s, u"Betrag"_s}));
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->id, *id);
    QVERIFY(store.findBySignature(alice, CsvMapping::headerSignature({u"Other"_s}))->has_value() == false);
    QVERIFY(store.findBySignature(alice, QString())->has_value() == false);

    MONIAGENT_VERIFY_OK(store.remove(alice, *id));
    QCOMPARE(store.list(alice)->size(), CsvPresetStore::builtInPresets().size());
    QCOMPARE(store.remove(alice, *id).error().code, Error::Code::NotFound);
}

void TestCsvPresetStore::sameNameReplaces()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    CsvPresetStore store(db.database());
    auto first = store.save(alice, u"Bank"_s, simpleMapping(), Header);
    CsvMapping changed = simpleMapping(1, 0);
    changed.invertSign = true;
    auto second = store.save(alice, u"BANK"_s, changed, {u"x"_s, u"y"_s});
    QVERIFY(first && second);
    QCOMPARE(*second, *first);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM import_presets"_s), 1);
    auto preset = ImportPresetRepository(db.database()).find(alice, *first);
    QVERIFY(preset);
    QCOMPARE(preset->name, u"Bank"_s); // the first spelling stays; the contents are replaced
    QCOMPARE(preset->headerSignature, CsvMapping::headerSignature({u"x"_s, u"y"_s}));
    QVERIFY(store.list(alice)->first().mapping == changed);
}

void TestCsvPresetStore::invalidInputIsRefused()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    CsvPresetStore store(db.database());
    auto noName = store.save(alice, u"   "_s, simpleMapping(), Header);
    QVERIFY(!noName);
    QCOMPARE(noName.error().message, u"Enter a name for the import preset."_s);
    auto longName
        = store.save(alice, QString(ImportPresetRepository::MaxNameLength + 1, u'n'), simpleMapping(), Header);
    QVERIFY(!longName);
    QCOMPARE(longName.error().code, Error::Code::InvalidInput);
    CsvMapping noDate;
    noDate.columns.amount = 1;
    auto invalid = store.save(alice, u"Broken"_s, noDate, Header);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().message, u"Choose the column with the date."_s);
    auto notJson = ImportPresetRepository(db.database()).save(alice, u"Raw"_s, QString(), u"[1, 2"_s);
    QVERIFY(!notJson);
    QCOMPARE(notJson.error().code, Error::Code::InvalidInput);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM import_presets"_s), 0);
}

void TestCsvPresetStore::renameKeepsNamesUnique()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    ImportPresetRepository repo(db.database());
    auto a = repo.save(alice, u"A"_s, QString(), u"{}"_s);
    auto b = repo.save(alice, u"B"_s, QString(), u"{}"_s);
    QVERIFY(a && b);
    MONIAGENT_VERIFY_OK(repo.rename(alice, *a, u"C"_s));
    QCOMPARE(repo.find(alice, *a)->name, u"C"_s);
    auto clash = repo.rename(alice, *a, u"b"_s);
    QVERIFY(!clash);
    QCOMPARE(clash.error().code, Error::Code::Conflict);
    QCOMPARE(clash.error().message, u"There is already an import preset named “b”."_s);
    QCOMPARE(repo.list(alice)->size(), 2);
    QCOMPARE(repo.list(alice)->first().name, u"B"_s);
}

void TestCsvPresetStore::findBySignaturePrefersTheUsersNewest()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    CsvPresetStore store(db.database());
    const CsvPreset* n26 = nullptr;
    for (const CsvPreset& p : CsvPresetStore::builtInPresets()) {
        if (p.name == u"N26"_s)
            n26 = &p;
    }
    QVERIFY(n26);
    // Without a preset of her own, the shipped one is chosen.
    auto shipped = store.findBySignature(alice, n26->headerSignature);
    QVERIFY(shipped && shipped->has_value());
    QVERIFY((*shipped)->builtIn);
    QCOMPARE((*shipped)->name, u"N26"_s);

    // Her own presets for the same header win, the most recently saved first.
    CsvMapping older = n26->mapping;
    older.invertSign = true;
    CsvMapping newer = n26->mapping;
    newer.currency = u"USD"_s;
    auto olderId = store.save(alice, u"N26 old way"_s, older, n26->header);
    auto newerId = store.save(alice, u"N26 my way"_s, newer, n26->header);
    QVERIFY(olderId && newerId);
    QVERIFY(Sql::exec(db.database()->connection(), u"UPDATE import_presets SET updated_at = ? WHERE id = ?"_s,
                      {u"2026-01-01T00:00:00.000Z"_s, *olderId}));
    QVERIFY(Sql::exec(db.database()->connection(), u"UPDATE import_presets SET updated_at = ? WHERE id = ?"_s,
                      {u"2026-02-01T00:00:00.000Z"_s, *newerId}));
    auto mine = store.findBySignature(alice, n26->headerSignature);
    QVERIFY(mine && mine->has_value());
    QCOMPARE((*mine)->id, *newerId);
    QVERIFY((*mine)->mapping == newer);
    QVERIFY(Sql::exec(db.database()->connection(), u"UPDATE import_presets SET updated_at = ? WHERE id = ?"_s,
                      {u"2026-03-01T00:00:00.000Z"_s, *olderId}));
    QCOMPARE((*store.findBySignature(alice, n26->headerSignature))->id, *olderId);
}

void TestCsvPresetStore::presetsArePerUser()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    const qint64 bob = db.createUser(u"bob"_s);
    CsvPresetStore store(db.database());
    auto id = store.save(alice, u"Alice's bank"_s, simpleMapping(), Header);
    QVERIFY(id);
    // Bob may use the same name; he never sees, finds or removes Alice's.
    QVERIFY(store.save(bob, u"Alice's bank"_s, simpleMapping(1, 2), {u"other"_s}));
    QCOMPARE(names(*store.list(bob)).count(u"Alice's bank"_s), 1);
    QCOMPARE(store.list(bob)->first().mapping.columns.date, 1);
    QVERIFY(!store.findBySignature(bob, CsvMapping::headerSignature(Header))->has_value());
    QCOMPARE(store.remove(bob, *id).error().code, Error::Code::NotFound);
    QCOMPARE(ImportPresetRepository(db.database()).find(bob, *id).error().code, Error::Code::NotFound);
    QCOMPARE(ImportPresetRepository(db.database()).rename(bob, *id, u"Mine"_s).error().code, Error::Code::NotFound);
    QCOMPARE(store.list(alice)->first().name, u"Alice's bank"_s);
    QCOMPARE(store.list(alice)->first().mapping.columns.date, 0);
}

void TestCsvPresetStore::deletingUserRemovesPresets()
{
    Test::TestDatabase db;
    const qint64 admin = db.createUser(u"admin"_s);
    const qint64 bob = db.createUser(u"bob"_s);
    CsvPresetStore store(db.database());
    QVERIFY(store.save(admin, u"A"_s, simpleMapping(), Header));
    QVERIFY(store.save(bob, u"B"_s, simpleMapping(), Header));
    MONIAGENT_VERIFY_OK(UserRepository(db.database()).remove(admin, bob));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM import_presets"_s), 1);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM import_presets WHERE user_id = ?"_s, {admin}), 1);
}

void TestCsvPresetStore::damagedStoredMappingIsSkipped()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    CsvPresetStore store(db.database());
    const QString signature = CsvPresetStore::builtInPresets().first().headerSignature;
    // A preset written by a newer Moniagent: valid JSON, unknown version.
    QVERIFY(ImportPresetRepository(db.database()).save(alice, u"Future"_s, signature, u"{\"version\": 99}"_s));
    const QRegularExpression logged(u"import preset \\d+ cannot be read"_s);
    QTest::ignoreMessage(QtWarningMsg, logged);
    QTest::ignoreMessage(QtWarningMsg, logged);
    auto all = store.list(alice);
    QVERIFY(all);
    QVERIFY(!names(*all).contains(u"Future"_s));
    auto found = store.findBySignature(alice, signature);
    QVERIFY(found && found->has_value());
    QVERIFY((*found)->builtIn); // falls back to the shipped preset instead of failing
}

void TestCsvPresetStore::survivesRestart()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    CsvMapping mapping = simpleMapping();
    mapping.encoding = CsvEncoding::Latin1;
    mapping.skipLines = 2;
    QVERIFY(CsvPresetStore(db.database()).save(alice, u"Kept"_s, mapping, Header));
    QVERIFY(db.reopen());
    auto found = CsvPresetStore(db.database()).findBySignature(alice, CsvMapping::headerSignature(Header));
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->name, u"Kept"_s);
    QVERIFY((*found)->mapping == mapping);
}

void TestCsvPresetStore::schemaRefusesBadRows()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    const QSqlDatabase c = db.database()->connection();
    const QString insert = u"INSERT INTO import_presets (user_id, name, mapping) VALUES (?, ?, ?)"_s;
    QCOMPARE(Sql::exec(c, insert, {alice, u"x"_s, u"not json"_s}).error().code, Error::Code::Conflict);
    QCOMPARE(Sql::exec(c, insert, {alice, u"x"_s, u"[1]"_s}).error().code, Error::Code::Conflict);
    QCOMPARE(Sql::exec(c, insert, {alice, u"  "_s, u"{}"_s}).error().code, Error::Code::Conflict);
    QCOMPARE(Sql::exec(c, insert, {alice + 100, u"x"_s, u"{}"_s}).error().code, Error::Code::Conflict);
    QVERIFY(Sql::exec(c, insert, {alice, u"x"_s, u"{}"_s}));
    QCOMPARE(Sql::exec(c, insert, {alice, u"X"_s, u"{}"_s}).error().code, Error::Code::Conflict);
}

void TestCsvPresetStore::shippedPresetsAreValid()
{
    const QList<CsvPreset>& presets = CsvPresetStore::builtInPresets();
    QVERIFY(presets.size() >= 10);
    QSet<QString> signatures;
    QSet<QString> presetNames;
    for (const CsvPreset& p : presets) {
        QVERIFY(p.builtIn);
        QCOMPARE(p.id, 0);
        QVERIFY2(p.mapping.validate().ok(), qPrintable(p.name));
        QVERIFY2(p.mapping.requiredFieldCount() <= p.header.size(), qPrintable(p.name));
        QCOMPARE(p.headerSignature, CsvMapping::headerSignature(p.header));
        signatures.insert(p.headerSignature);
        presetNames.insert(p.name);
        QVERIFY2(presetSamples().contains(p.name), qPrintable(u"no sample row for the preset "_s + p.name));
    }
    QCOMPARE(signatures.size(), presets.size());
    QCOMPARE(presetNames.size(), presets.size());
    for (const QString& bank : {u"Mint"_s, u"N26"_s, u"Revolut"_s, u"Chase (checking)"_s, u"Monzo"_s,
                                u"ING (Netherlands)"_s, u"Sparkasse (CSV-CAMT)"_s})
        QVERIFY2(presetNames.contains(bank), qPrintable(bank));
}

void TestCsvPresetStore::shippedPresetsReadTheirBanksFiles()
{
    Test::TestDatabase db;
    const qint64 alice = db.createUser(u"alice"_s);
    CsvPresetStore store(db.database());
    for (const CsvPreset& preset : CsvPresetStore::builtInPresets()) {
        const PresetSample sample = presetSamples().value(preset.name);
        QByteArray bytes
            = csvLine(preset.header, preset.mapping.delimiter) + csvLine(sample.row, preset.mapping.delimiter);
        if (preset.mapping.encoding == CsvEncoding::Windows1252)
            bytes = QStringEncoder(QStringEncoder::Latin1)(QString::fromUtf8(bytes));
        // A bank file arrives: sniffed, recognized by its header, read with the preset.
        auto sniff = CsvDialect::sniff(bytes, true);
        QVERIFY2(sniff.ok(), qPrintable(preset.name));
        QCOMPARE(sniff->header, preset.header);
        auto found = store.findBySignature(alice, CsvMapping::headerSignature(sniff->header));
        QVERIFY2(found && found->has_value(), qPrintable(preset.name));
        QCOMPARE((*found)->name, preset.name);
        const CsvMapping mapping = CsvPresetStore::mappingFor(**found, *sniff);

        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QList<StatementLine> lines;
        StatementReadOptions options;
        options.defaultCurrency = u"USD"_s;
        auto info = CsvReader::read(buffer, mapping, options, [&](StatementLine&& line) {
            lines << std::move(line);
            return true;
        });
        QVERIFY2(info.ok(), qPrintable(preset.name));
        QCOMPARE(lines.size(), 1);
        const StatementLine& line = lines.first();
        QVERIFY2(line.error.isEmpty(), qPrintable(preset.name + u": "_s + line.error));
        QCOMPARE(QStringLiteral("%1 %2 %3 | %4 | %5")
                     .arg(line.date.toString(Qt::ISODate))
                     .arg(line.amount.minor())
                     .arg(line.amount.currency().code(), line.payee, line.memo),
                 sample.expected);
    }
}

QTEST_GUILESS_MAIN(TestCsvPresetStore)
#include "tst_csvpresetstore.moc"
