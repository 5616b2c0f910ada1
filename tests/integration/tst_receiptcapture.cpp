#include "db/invoicerepository.h"
#include "db/transactionrepository.h"
#include "receiptimage.h"
#include "receipts/receiptbatch.h"
#include "receipts/receiptreader.h"
#include "receipts/receiptservice.h"
#include "receipts/rereadmerge.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Moniagent;

// The receipt pipeline end to end with real Tesseract on receipts the test renders itself: the reader on image
// formats, fonts, rotations, noise and blur and on a PDF text layer; the batch on a worker pool (statuses,
// failures, duplicates, cancel); and the `scan` and `import` commands of the real binary.
class TestReceiptCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readerFindsFields_data();
    void readerFindsFields();
    void readerUsesPdfTextLayer();
    void numbersOnlyRereadKeepsLabels();
    void votedRereadsCorrectUnsureWords();
    void batchReadsStoresAndReportsEachFile();
    void batchCancelStopsWaitingFiles();
    void scanCommandPrintsJsonWithoutDatabase();
    void importCommandAddsUnconfirmedExpense();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& arguments) const;
    static ReceiptParseOptions parseOptions();

    QTemporaryDir m_dir;
};

void TestReceiptCapture::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(Test::writeReceipt(file(QStringLiteral("grocery.png")), Test::groceryReceipt()));
}

ReceiptParseOptions TestReceiptCapture::parseOptions()
{
    ReceiptParseOptions options;
    options.today = QDate(2026, 11, 22);
    options.defaultCurrency = Currency::fromCode(u"EUR");
    return options;
}

void TestReceiptCapture::readerFindsFields_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("rotation");
    QTest::addColumn<int>("noise");
    QTest::addColumn<bool>("blur");
    QTest::newRow("png mono") << "a.png"
                              << "DejaVu Sans Mono" << 0 << 0 << false;
    QTest::newRow("jpeg sans") << "b.jpg"
                               << "DejaVu Sans" << 0 << 0 << false;
    QTest::newRow("tiff serif") << "c.tif"
                                << "DejaVu Serif" << 0 << 0 << false;
    QTest::newRow("bmp") << "d.bmp"
                         << "DejaVu Sans" << 0 << 0 << false;
    QTest::newRow("webp") << "e.webp"
                          << "DejaVu Sans Mono" << 0 << 0 << false;
    QTest::newRow("upside down") << "f.png"
                                 << "DejaVu Sans" << 180 << 0 << false;
    QTest::newRow("turned right") << "g.png"
                                  << "DejaVu Sans" << 90 << 0 << false;
    QTest::newRow("speckled") << "h.png"
                              << "DejaVu Sans Mono" << 0 << 3 << false;
    QTest::newRow("blurred") << "i.jpg"
                             << "DejaVu Sans" << 0 << 0 << true;
}

void TestReceiptCapture::readerFindsFields()
{
    QFETCH(QString, name);
    QFETCH(QString, family);
    QFETCH(int, rotation);
    QFETCH(int, noise);
    QFETCH(bool, blur);
    Test::ReceiptImageOptions options;
    options.family = family;
    options.rotation = rotation;
    options.noise = noise;
    options.blur = blur;
    const QString path = file(name);
    QVERIFY(Test::writeReceipt(path, Test::groceryReceipt(), options));

    ReceiptReader reader({}, parseOptions());
    auto reading = reader.read(path);
    QVERIFY2(reading, qPrintable(reading ? QString() : reading.error().toString()));
    const ReceiptDraft& draft = reading->draft;
    QCOMPARE(draft.totalMinor, std::optional<qint64>(816));
    QCOMPARE(draft.currency.code(), QStringLiteral("EUR"));
    QCOMPARE(draft.date, QDate(2026, 11, 14));
    QVERIFY2(draft.merchant.contains(QStringLiteral("GREEN LEAF"), Qt::CaseInsensitive), qPrintable(draft.merchant));
    QCOMPARE(draft.taxMinor, std::optional<qint64>(136));
    QVERIFY(draft.items.size() >= 3);
    // The total's box lies on the TOTAL line of the upright page.
    const ReceiptFieldSource total = draft.sources.value(QStringLiteral("total"));
    QVERIFY(!total.box.isNull());
    const OcrPage& page = reading->document.pages.first();
    QCOMPARE(page.rotation, (360 - rotation) % 360);
    QVERIFY(total.box.top() > page.size.height() / 2);
    QVERIFY(!reading->document.engine.value(QStringLiteral("tesseract")).toString().isEmpty());
}

void TestReceiptCapture::readerUsesPdfTextLayer()
{
    const QString path = file(QStringLiteral("invoice.pdf"));
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A5));
        writer.setResolution(300);
        QPainter painter(&writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(11);
        painter.setFont(font);
        int y = 200;
        for (const QString& line : Test::groceryReceipt(QStringLiteral("PAPER MILL SUPPLIES"))) {
            const qsizetype bar = line.indexOf(u'|');
            painter.drawText(150, y, bar < 0 ? line.trimmed() : line.left(bar));
            if (bar >= 0)
                painter.drawText(1200, y, line.mid(bar + 1));
            y += 70;
        }
    }
    ReceiptReader reader({}, parseOptions());
    auto reading = reader.read(path);
    QVERIFY2(reading, qPrintable(reading ? QString() : reading.error().toString()));
    QCOMPARE(reading->document.pages.first().source, QStringLiteral("pdf-text"));
    QCOMPARE(reading->draft.totalMinor, std::optional<qint64>(816));
    QCOMPARE(reading->draft.date, QDate(2026, 11, 14));
    QCOMPARE(reading->draft.merchant, QStringLiteral("PAPER MILL SUPPLIES"));
    QCOMPARE(reading->draft.sources.value(QStringLiteral("total")).origin, QStringLiteral("pdf-text"));
}

void TestReceiptCapture::numbersOnlyRereadKeepsLabels()
{
    // Two lines; the re-read covers the second, where the numbers-only pass read the label "GST" as "$".
    const auto word = [](const char* text, int x, int y, int line) {
        return OcrWord {QString::fromLatin1(text), QRect(x, y, 60, 20), 80.0F, line};
    };
    OcrPage page;
    page.size = QSize(400, 100);
    page.words = {word("TOTAL", 10, 10, 0), word("11.60", 300, 10, 0), word("TOTAL", 10, 50, 1), word("GST", 80, 50, 1),
                  word("0.56", 300, 50, 1)};
    page.lines = {OcrLine {QStringLiteral("TOTAL 11.60"), QRect(10, 10, 350, 20), 80.0F, 0, 0, 2},
                  OcrLine {QStringLiteral("TOTAL GST 0.56"), QRect(10, 50, 350, 20), 80.0F, 0, 2, 3}};
    OcrPage reread;
    reread.words = {word("$", 80, 51, 0), word("0.66", 298, 49, 0)};
    reread.words[1].confidence = 95.0F;
    reread.lines = {OcrLine {QStringLiteral("$ 0.66"), QRect(80, 49, 278, 22), 90.0F, 0, 0, 2}};

    const OcrPage merged = RereadMerge::withNumbers(page, reread, QRect(0, 40, 400, 40));
    QCOMPARE(merged.lines.size(), 2);
    QCOMPARE(merged.lines.at(0).text, QStringLiteral("TOTAL 11.60"));
    QCOMPARE(merged.lines.at(1).text, QStringLiteral("TOTAL GST 0.66"));
    QCOMPARE(merged.words.size(), 5);
    QCOMPARE(merged.lines.at(1).firstWord, 2);
    QCOMPARE(merged.lines.at(1).wordCount, 3);
    QCOMPARE(merged.words.at(4).text, QStringLiteral("0.66"));
    QCOMPARE(merged.words.at(4).line, 1);
    QCOMPARE(merged.words.at(4).box, QRect(298, 49, 60, 20));

    // A re-read without numbers on a line leaves it as it was.
    OcrPage empty;
    empty.words = {word("$", 80, 51, 0)};
    empty.lines = {OcrLine {QStringLiteral("$"), QRect(80, 51, 60, 20), 50.0F, 0, 0, 1}};
    QCOMPARE(RereadMerge::withNumbers(page, empty, QRect(0, 40, 400, 40)).lines.at(1).text,
             QStringLiteral("TOTAL GST 0.56"));
}

void TestReceiptCapture::votedRereadsCorrectUnsureWords()
{
    const auto word = [](const char* text, int x, int width, float confidence, int y = 10) {
        return OcrWord {QString::fromLatin1(text), QRect(x, y, width, 20), confidence, 0};
    };
    // The first reading of a shop's name, and a second line outside the voted region.
    OcrPage page;
    page.size = QSize(500, 100);
    page.words
        = {word("Co", 0, 20, 30),    word("TRL", 40, 60, 60),     word("SHAAS", 110, 100, 90),  word("A", 220, 20, 32),
           word("SLF", 300, 60, 90), word("INITIAL", 370, 80, 1), word("TOTAL", 10, 60, 40, 60)};
    page.lines = {OcrLine {QStringLiteral("Co TRL SHAAS A SLF INITIAL"), QRect(0, 10, 450, 20), 60.0F, 0, 0, 6},
                  OcrLine {QStringLiteral("TOTAL"), QRect(10, 60, 60, 20), 40.0F, 0, 6, 1}};
    const auto reread = [&](QList<OcrWord> words) {
        OcrPage result;
        result.words = std::move(words);
        result.words.append(word("T0TAL", 10, 60, 90, 60)); // outside the region: never used
        return result;
    };
    const QList<OcrPage> rereads {
        reread({word("TRI", 42, 58, 91), word("SHAAS", 111, 98, 95), word("BAKERIES", 215, 70, 80),
                word("SLE", 300, 60, 54)}),
        reread({word("TRI", 41, 60, 88), word("SHAZS", 110, 100, 70), word("BAKERIES", 214, 72, 77),
                word("SLE", 302, 58, 50)}),
        reread({word("oo", 2, 18, 20), word("TRI", 40, 60, 85), word("SHAAS", 110, 100, 93),
                word("BAKERIES", 215, 70, 70), word("SLE", 300, 60, 60)}),
    };

    const OcrPage merged = RereadMerge::voted(page, rereads, QRect(0, 0, 500, 40));
    // "Co": a speck only the first reading saw, gone. "TRL" → "TRI": three readings against one. "A" → "BAKERIES":
    // the longer word that covers it. "SLF" stays: the first reading was sure of it. "INITIAL" stays: a long word
    // is not taken away because the re-reads saw nothing there.
    QCOMPARE(merged.lines.size(), 2);
    QCOMPARE(merged.lines.at(0).text, QStringLiteral("TRI SHAAS BAKERIES SLF INITIAL"));
    QCOMPARE(merged.lines.at(0).wordCount, 5);
    QCOMPARE(merged.words.at(0).box, QRect(42, 10, 58, 20));
    QCOMPARE(merged.words.at(0).confidence, 91.0F);
    QCOMPARE(merged.words.at(2).text, QStringLiteral("BAKERIES"));
    QCOMPARE(merged.words.at(2).line, 0);
    QCOMPARE(merged.lines.at(1).text, QStringLiteral("TOTAL"));
    QCOMPARE(merged.lines.at(1).firstWord, 5);
    QCOMPARE(merged.words.at(5).line, 1);

    // Only a region with an unsure word is worth a vote.
    QVERIFY(RereadMerge::hasUnsureWords(page, QRect(0, 0, 500, 40)));
    OcrPage sure = page;
    for (OcrWord& w : sure.words)
        w.confidence = 90;
    QVERIFY(!RereadMerge::hasUnsureWords(sure, QRect(0, 0, 500, 40)));
    sure.words[4].confidence = 84; // "SLF"
    QVERIFY(RereadMerge::hasUnsureWords(sure, QRect(0, 0, 500, 40)));
    QVERIFY(!RereadMerge::hasUnsureWords(page, QRect(0, 200, 500, 40))); // no line there

    // Without re-reads nothing changes.
    QCOMPARE(RereadMerge::voted(page, {}, QRect(0, 0, 500, 40)).lines.at(0).text,
             QStringLiteral("Co TRL SHAAS A SLF INITIAL"));
}

void TestReceiptCapture::batchReadsStoresAndReportsEachFile()
{
    Test::TestDatabase db;
    QVERIFY(db.isValid());
    const qint64 user = db.createUser(QStringLiteral("sam"));
    InvoiceRepository invoices(db.database());
    TransactionRepository transactions(db.database());
    ReceiptService service(db.database(), &invoices, &transactions);
    ReceiptBatch batch(&service, user);
    batch.setOptions({}, parseOptions());

    const QString second = file(QStringLiteral("second.jpg"));
    QVERIFY(Test::writeReceipt(second,
                               Test::groceryReceipt(QStringLiteral("BLUE DOOR BAKERY"), QStringLiteral("02/11/2026"))));
    const QString corrupt = file(QStringLiteral("broken.jpg"));
    {
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xFF\xD8\xFF\xE0 this is not really a jpeg");
    }
    const QString copy = file(QStringLiteral("grocery copy.png"));
    QVERIFY(QFile::copy(file(QStringLiteral("grocery.png")), copy));

    QSignalSpy idle(&batch, &ReceiptBatch::idle);
    batch.addFiles({file(QStringLiteral("grocery.png")), second, corrupt});
    QCOMPARE(batch.rowCount(), 3);
    QVERIFY(batch.isRunning());
    QVERIFY(idle.wait(60000));
    QVERIFY(!batch.isRunning());
    QCOMPARE(batch.finishedCount(), 3);
    QCOMPARE(batch.item(0).status, ReceiptItemStatus::NeedsReview);
    QCOMPARE(batch.item(1).status, ReceiptItemStatus::NeedsReview);
    QCOMPARE(batch.item(2).status, ReceiptItemStatus::Failed);
    QVERIFY(!batch.item(2).error.isEmpty());
    QCOMPARE(batch.rowsNeedingReview(), (QList<int> {0, 1}));
    QCOMPARE(batch.item(1).invoice.storeName, QStringLiteral("BLUE DOOR BAKERY"));
    QCOMPARE(batch.item(1).invoice.date, QDate(2026, 11, 2));
    QCOMPARE(batch.data(batch.index(1, ReceiptBatch::StatusColumn)).toString(), QStringLiteral("Needs review"));

    auto failed = invoices.find(user, batch.item(2).invoiceId);
    QVERIFY(failed);
    QCOMPARE(failed->status, InvoiceStatus::Failed);
    QCOMPARE(failed->error, batch.item(2).error);
    auto pending = invoices.list(user, InvoiceStatus::Pending);
    QCOMPARE(pending->size(), 2);
    QVERIFY(!pending->first().extractedData.isEmpty());

    // The same content again is recognised before it is read.
    batch.addFiles({copy});
    QVERIFY(idle.wait(60000));
    QCOMPARE(batch.item(3).status, ReceiptItemStatus::AlreadyImported);
    QCOMPARE(batch.item(3).invoiceId, batch.item(0).invoiceId);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM invoices")), 3);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM transactions")), 0); // nothing without review

    batch.markDone(batch.item(0).invoiceId);
    batch.clearFinished();
    QCOMPARE(batch.rowCount(), 1);
    QCOMPARE(batch.item(0).invoice.storeName, QStringLiteral("BLUE DOOR BAKERY"));
}

void TestReceiptCapture::batchCancelStopsWaitingFiles()
{
    Test::TestDatabase db;
    const qint64 user = db.createUser(QStringLiteral("sam"));
    InvoiceRepository invoices(db.database());
    TransactionRepository transactions(db.database());
    ReceiptService service(db.database(), &invoices, &transactions);
    ReceiptBatch batch(&service, user);
    batch.setOptions({}, parseOptions());
    batch.setMaxThreads(1);
    QStringList paths;
    for (int i = 0; i < 5; ++i) {
        const QString path = file(QStringLiteral("many%1.png").arg(i));
        QVERIFY(Test::writeReceipt(path, Test::groceryReceipt(QStringLiteral("SHOP %1").arg(i))));
        paths << path;
    }
    QSignalSpy idle(&batch, &ReceiptBatch::idle);
    batch.addFiles(paths);
    QTRY_COMPARE_WITH_TIMEOUT(batch.item(0).status, ReceiptItemStatus::Reading, 20000);
    batch.cancel();
    for (int row = 1; row < 5; ++row)
        QCOMPARE(batch.item(row).status, ReceiptItemStatus::Cancelled);
    QVERIFY(idle.wait(60000));
    QVERIFY(batch.item(0).status == ReceiptItemStatus::Cancelled
            || batch.item(0).status == ReceiptItemStatus::NeedsReview);
    for (int row = 1; row < 5; ++row)
        QCOMPARE(batch.item(row).status, ReceiptItemStatus::Cancelled);
    QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM invoices")) <= 1);

    // After a cancel the batch takes new files again.
    batch.addFiles({paths.last()});
    QVERIFY(idle.wait(60000));
    QCOMPARE(batch.item(batch.rowCount() - 1).status, ReceiptItemStatus::NeedsReview);
}

TestReceiptCapture::Run TestReceiptCapture::run(const QStringList& arguments) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MONIAGENT_BINARY), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void TestReceiptCapture::scanCommandPrintsJsonWithoutDatabase()
{
    const QString empty = file(QStringLiteral("empty.png"));
    QFile(empty).open(QIODevice::WriteOnly);
    const QString grocery = file(QStringLiteral("grocery.png"));
    const Run r = run({QStringLiteral("scan"), QStringLiteral("--json"), QStringLiteral("--currency"),
                       QStringLiteral("EUR"), grocery, empty});
    QCOMPARE(r.code, 2); // one file was bad input
    const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(entries.size(), 2);
    const QJsonObject ok = entries.at(0).toObject();
    QCOMPARE(ok.value(QStringLiteral("file")).toString(), grocery);
    QCOMPARE(ok.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(ok.value(QStringLiteral("total")).toString(), QStringLiteral("8.16"));
    QCOMPARE(ok.value(QStringLiteral("tax")).toString(), QStringLiteral("1.36"));
    QCOMPARE(ok.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
    QCOMPARE(ok.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-14"));
    QVERIFY(ok.value(QStringLiteral("merchant")).toString().contains(QStringLiteral("GREEN LEAF")));
    QVERIFY(ok.value(QStringLiteral("items")).toArray().size() >= 3);
    QVERIFY(ok.value(QStringLiteral("confidence")).toObject().value(QStringLiteral("total")).toDouble() > 0);
    QVERIFY(ok.contains(QStringLiteral("ms")));
    const QJsonObject bad = entries.at(1).toObject();
    QCOMPARE(bad.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(!bad.value(QStringLiteral("error")).toString().isEmpty());
    // No database was needed or made.
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("data/Moniagent/moniagent.sqlite"))));
    QVERIFY(QDir(m_dir.filePath(QStringLiteral("data"))).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

void TestReceiptCapture::importCommandAddsUnconfirmedExpense()
{
    const QString db = m_dir.filePath(QStringLiteral("import.sqlite"));
    const QString grocery = file(QStringLiteral("grocery.png"));
    Run r = run({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--json"), grocery});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject entry = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
    QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("receipt"));
    QCOMPARE(entry.value(QStringLiteral("transactions")).toArray().size(), 1);
    r = run({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(QStringLiteral("amount_minor")).toInt(), -816);
    QCOMPARE(row.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-14"));
    QCOMPARE(row.value(QStringLiteral("source")).toString(), QStringLiteral("image"));

    // The same file again: already imported, nothing added.
    r = run({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--json"), grocery});
    QCOMPARE(r.code, 0);
    entry = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
    QVERIFY(entry.value(QStringLiteral("alreadyImported")).toBool());
    r = run({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 1);
}

QTEST_MAIN(TestReceiptCapture)
#include "tst_receiptcapture.moc"
