#include "common/messagebox.h"
#include "core/aisettings.h"
#include "db/aisettingsrepository.h"
#include "db/invoicerepository.h"
#include "guitest.h"
#include "llmtestserver.h"
#include "mainwindow.h"
#include "receiptimage.h"
#include "receipts/importreceiptsdialog.h"
#include "receipts/receiptbatch.h"
#include "receipts/receiptlistmodel.h"
#include "receipts/receiptreviewdialog.h"
#include "receipts/receiptreviewflow.h"
#include "receipts/receiptspage.h"
#include "receipts/secondopinionbox.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QAction>
#include <QApplication>
#include <QDateEdit>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Moniagent;

// Receipts as a user meets them: files dropped on the main window are read in the background (queue dialog with
// statuses and progress), reviewed one after the other (Enter accepts and opens the next, Skip leaves one
// pending), become expenses linked to their receipt (undoable), and are listed on the Receipts page, where
// deleting asks whether to keep the expenses.
class TestReceiptImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dropReviewAcceptAndSkip();
    void deleteFromReceiptsPageKeepsExpenses();
    void secondOpinionOnAnUnsureReceipt();
    void waitingForTheModelDoesNotHoldUpReading();

private:
    void drop(const QStringList& paths);
    ReceiptReviewDialog* waitForReview(ReceiptReviewDialog* previous = nullptr);
    qint64 count(const QString& sql) const;
    // Settings › Assistant & AI: an OpenAI-compatible model at `server` with the receipts switch on.
    bool useReceiptModel(const Test::LlmTestServer& server);
    // The model's answer about a receipt, as a chat completion (210 + 40 tokens), sent after `delayMs`.
    static Test::ScriptedReply receiptAnswer(const QString& merchant, const QDate& date, int delayMs = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestReceiptImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<Test::ManualClock>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session);
    m_session = std::move(*session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ReceiptParseOptions parse;
    parse.today = m_clock->today();
    parse.defaultCurrency = Currency::fromCode(u"USD");
    m_window->receiptBatch()->setOptions({}, parse);
}

void TestReceiptImport::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

qint64 TestReceiptImport::count(const QString& sql) const
{
    QSqlQuery query(m_session->database()->connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

bool TestReceiptImport::useReceiptModel(const Test::LlmTestServer& server)
{
    AiSettings settings;
    settings.provider = AiSettings::Provider::OpenAi;
    settings.baseUrl = server.url(QStringLiteral("/v1"));
    settings.model = QStringLiteral("receipt-model");
    settings.features.receipts = true;
    return bool(AiSettingsRepository(m_session->database()).save(m_session->userId(), settings));
}

Test::ScriptedReply TestReceiptImport::receiptAnswer(const QString& merchant, const QDate& date, int delayMs)
{
    const QJsonObject answer {{QStringLiteral("merchant"), merchant},
                              {QStringLiteral("date"), date.toString(Qt::ISODate)},
                              {QStringLiteral("total"), QStringLiteral("8.16")},
                              {QStringLiteral("tax"), QStringLiteral("1.36")},
                              {QStringLiteral("currency"), QStringLiteral("USD")}};
    const QJsonObject message {
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"), QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))}};
    Test::ScriptedReply reply = Test::ScriptedReply::json(
        {{QStringLiteral("model"), QStringLiteral("receipt-model")},
         {QStringLiteral("choices"),
          QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                                   {QStringLiteral("message"), message},
                                   {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
         {QStringLiteral("usage"),
          QJsonObject {{QStringLiteral("prompt_tokens"), 210}, {QStringLiteral("completion_tokens"), 40}}}});
    reply.headerDelayMs = delayMs;
    return reply;
}

void TestReceiptImport::drop(const QStringList& paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(80, 80), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(80, 80), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &dropEvent);
}

ReceiptReviewDialog* TestReceiptImport::waitForReview(ReceiptReviewDialog* previous)
{
    ReceiptReviewDialog* dialog = nullptr;
    (void)QTest::qWaitFor(
        [&]() {
            dialog = m_window->receiptReview()->dialog();
            return dialog && dialog != previous && dialog->isVisible();
        },
        20000);
    return dialog && dialog != previous ? dialog : nullptr;
}

void TestReceiptImport::dropReviewAcceptAndSkip()
{
    const QString grocery = m_dir->filePath(QStringLiteral("grocery.png"));
    const QString bakery = m_dir->filePath(QStringLiteral("bakery.jpg"));
    QVERIFY(Test::writeReceipt(grocery, Test::groceryReceipt()));
    QVERIFY(Test::writeReceipt(bakery,
                               Test::groceryReceipt(QStringLiteral("BLUE DOOR BAKERY"), QStringLiteral("25/10/2026"))));
    ReceiptBatch* batch = m_window->receiptBatch();
    QSignalSpy idle(batch, &ReceiptBatch::idle);
    drop({grocery, bakery});

    ImportReceiptsDialog* queue = m_window->importReceiptsDialog();
    QVERIFY(queue);
    QVERIFY(queue->isVisible());
    QCOMPARE(queue->view()->model()->rowCount(), 2);
    QVERIFY(idle.wait(60000));
    QCOMPARE(batch->item(0).status, ReceiptItemStatus::NeedsReview);
    QCOMPARE(batch->item(1).status, ReceiptItemStatus::NeedsReview);
    QVERIFY(queue->reviewButton()->isEnabled());
    QVERIFY(queue->reviewButton()->text().remove(u'&').startsWith(QStringLiteral("Review 2 Receipt")));
    Test::screenshot(queue, QStringLiteral("receipt-queue"));

    // The Receipts page lists both, waiting for review.
    ReceiptsPage* page = m_window->receiptsPage();
    QTRY_COMPARE(page->model()->rowCount(), 2);

    QTest::mouseClick(queue->reviewButton(), Qt::LeftButton);
    ReceiptReviewDialog* first = waitForReview();
    QVERIFY(first);
    auto* merchant = first->findChild<QLineEdit*>(QStringLiteral("merchantEdit"));
    QVERIFY(merchant);
    // Sorted by file name: bakery.jpg comes first.
    QVERIFY2(merchant->text().contains(QStringLiteral("BLUE DOOR")), qPrintable(merchant->text()));
    Test::screenshot(first, QStringLiteral("receipt-review"));
    QVERIFY(!first->secondOpinion()->isVisible()); // no language model configured: nothing was asked
    QCOMPARE(first->acceptance().total, Money::fromMinor(816, u"USD"));
    QCOMPARE(first->acceptance().date, QDate(2026, 10, 25)); // day first: there is no 25th month
    merchant->selectAll();
    QTest::keyClicks(merchant, QStringLiteral("Blue Door Bakery"));
    QTest::keyClick(merchant, Qt::Key_Return); // Enter accepts and opens the next

    ReceiptReviewDialog* second = waitForReview(first);
    QVERIFY(second);
    QTRY_COMPARE(count(QStringLiteral("SELECT count(*) FROM transactions")), 1);
    auto* skip = second->findChild<QPushButton*>(QStringLiteral("skipButton"));
    QVERIFY(skip);
    QTest::mouseClick(skip, Qt::LeftButton);
    QTRY_VERIFY(!m_window->receiptReview()->isReviewing());

    QSqlQuery query(m_session->database()->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT merchant_name, amount_minor, currency, occurred_on, source, "
                                      "confirmed_by_user, invoice_id FROM transactions")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("Blue Door Bakery"));
    QCOMPARE(query.value(1).toLongLong(), 816);
    QCOMPARE(query.value(2).toString(), QStringLiteral("USD"));
    QCOMPARE(query.value(3).toString(), QStringLiteral("2026-10-25"));
    QCOMPARE(query.value(4).toString(), QStringLiteral("image"));
    const qint64 invoiceId = query.value(6).toLongLong();
    QCOMPARE(m_session->invoices()->find(m_session->userId(), invoiceId)->status, InvoiceStatus::Processed);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices WHERE status = 'pending'")), 1);
    QCOMPARE(batch->rowsNeedingReview().size(), 1); // the skipped one

    // The accept is one undoable step.
    QUndoStack* undo = m_window->undoStack();
    QVERIFY(undo->undoText().contains(QStringLiteral("Blue Door Bakery")));
    undo->undo();
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions")), 0);
    QCOMPARE(m_session->invoices()->find(m_session->userId(), invoiceId)->status, InvoiceStatus::Pending);
    undo->redo();
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions")), 1);

    // Ctrl+4 shows the Receipts page with thumbnails and statuses.
    m_window->activateWindow();
    m_window->pages()->setCurrentWidget(page);
    QTRY_COMPARE(page->model()->rowCount(), 2);
    Test::screenshot(m_window.get(), QStringLiteral("receipts-page"));
}

void TestReceiptImport::deleteFromReceiptsPageKeepsExpenses()
{
    const QString grocery = m_dir->filePath(QStringLiteral("grocery.png"));
    QVERIFY(Test::writeReceipt(grocery, Test::groceryReceipt()));
    QSignalSpy idle(m_window->receiptBatch(), &ReceiptBatch::idle);
    m_window->addReceipts({grocery});
    QVERIFY(idle.wait(60000));
    ReceiptsPage* page = m_window->receiptsPage();
    m_window->pages()->setCurrentWidget(page);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    page->view()->selectRow(0);
    QVERIFY(page->reviewAction()->isEnabled());
    page->reviewAction()->trigger();
    ReceiptReviewDialog* dialog = waitForReview();
    QVERIFY(dialog);
    auto* accept = dialog->findChild<QPushButton*>(QStringLiteral("acceptButton"));
    QTest::mouseClick(accept, Qt::LeftButton);
    QTRY_VERIFY(!m_window->receiptReview()->isReviewing());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions")), 1);
    const QString stored = m_session->invoices()->list(m_session->userId())->first().filePath;
    QVERIFY(QFileInfo::exists(stored));

    QTRY_COMPARE(page->model()->invoice(0).status, InvoiceStatus::Processed);
    page->view()->selectRow(0);
    QVERIFY(!page->reviewAction()->isEnabled()); // already accepted
    MessageBox::setNextAnswer(QMessageBox::Yes); // keep the expenses
    page->deleteAction()->trigger();
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Keep the expenses")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM transactions WHERE invoice_id IS NULL")), 1);
    QVERIFY(!QFileInfo::exists(stored));
    QVERIFY(QFileInfo::exists(grocery)); // the user's own file is never touched
    QTRY_COMPARE(page->model()->rowCount(), 0);
}

// With a language model configured and Settings › Assistant & AI › receipts switched on, a receipt the reader is
// unsure of (no date) gets the model's reading beside the fields; nothing changes until the user presses Use.
void TestReceiptImport::secondOpinionOnAnUnsureReceipt()
{
    Test::LlmTestServer server;
    QVERIFY(useReceiptModel(server));
    const QDate paid = m_clock->today().addDays(-3);
    server.enqueue(QStringLiteral("/v1/chat/completions"), receiptAnswer(QStringLiteral("Green Leaf Grocer"), paid));

    QStringList lines = Test::groceryReceipt();
    lines.removeIf([](const QString& line) { return line.startsWith(QStringLiteral("Date:")); });
    const QString path = m_dir->filePath(QStringLiteral("nodate.png"));
    QVERIFY(Test::writeReceipt(path, lines));
    QSignalSpy idle(m_window->receiptBatch(), &ReceiptBatch::idle);
    drop({path});
    QVERIFY(idle.wait(60000));
    QCOMPARE(m_window->receiptBatch()->item(0).status, ReceiptItemStatus::NeedsReview);
    // Only the text the reader found went out, never the image.
    QCOMPARE(server.requests(QStringLiteral("/v1/chat/completions")).size(), 1);
    const QByteArray sent = server.requests(QStringLiteral("/v1/chat/completions")).first().body;
    QVERIFY2(sent.contains("TOTAL"), sent.constData());
    QVERIFY(!sent.contains("image_url"));

    QTest::mouseClick(m_window->importReceiptsDialog()->reviewButton(), Qt::LeftButton);
    ReceiptReviewDialog* dialog = waitForReview();
    QVERIFY(dialog);
    SecondOpinionBox* box = dialog->secondOpinion();
    QVERIFY(box->isVisible());
    const QString dateText = box->suggestionText(QStringLiteral("date"));
    QVERIFY2(dateText.contains(QString::number(paid.year())) && dateText.contains(QString::number(paid.day())),
             qPrintable(dateText));
    QVERIFY2(dateText.startsWith(QStringLiteral("not found")), qPrintable(dateText));
    QVERIFY(box->suggestionText(QStringLiteral("total")).isEmpty()); // the model agrees on the total
    auto* dateEdit = dialog->findChild<QDateEdit*>(QStringLiteral("dateEdit"));
    QVERIFY(dateEdit);
    QVERIFY(dateEdit->date() != paid); // not applied by itself
    QCOMPARE(dialog->acceptance().total, Money::fromMinor(816, u"USD"));
    Test::screenshot(dialog, QStringLiteral("receipt-second-opinion"));

    auto* use = box->findChild<QPushButton*>(QStringLiteral("use_dateButton"));
    QVERIFY(use);
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(dateEdit->date(), paid);
    QVERIFY(!use->isEnabled());
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("merchantEdit")), Qt::Key_Return);
    QTRY_COMPARE(count(QStringLiteral("SELECT count(*) FROM transactions")), 1);
    QSqlQuery query(m_session->database()->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT occurred_on, amount_minor FROM transactions")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), paid.toString(Qt::ISODate));
    QCOMPARE(query.value(1).toLongLong(), 816);
    // The call is accounted as receipt work with its tokens.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM llm_transactions WHERE total_tokens = 250")), 1);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM ai_interactions WHERE interaction_type = 'invoice_processing'")), 1);
}

// With one reader, a slow model answering about the first receipt must not keep the second one from being read:
// the second finishes first, the first when its answer arrives.
void TestReceiptImport::waitingForTheModelDoesNotHoldUpReading()
{
    Test::LlmTestServer server;
    QVERIFY(useReceiptModel(server));
    // Answered in the order asked: the first receipt's answer takes 8 s (within the call's time limit), the
    // second's comes at once.
    server.enqueue(QStringLiteral("/v1/chat/completions"),
                   receiptAnswer(QStringLiteral("Slow Answer Grocer"), QDate(2026, 11, 14), 8000));
    server.enqueue(QStringLiteral("/v1/chat/completions"),
                   receiptAnswer(QStringLiteral("Quick Answer Grocer"), QDate(2026, 11, 14)));

    QStringList paths;
    for (const QString& merchant : {QStringLiteral("FIRST FARM SHOP"), QStringLiteral("SECOND FARM SHOP")}) {
        QStringList lines = Test::groceryReceipt(merchant);
        lines.removeIf([](const QString& line) { return line.startsWith(QStringLiteral("Date:")); });
        paths << m_dir->filePath(merchant.section(u' ', 0, 0).toLower() + QStringLiteral(".png"));
        QVERIFY(Test::writeReceipt(paths.last(), lines));
    }
    ReceiptBatch* batch = m_window->receiptBatch();
    batch->setMaxThreads(1);
    QSignalSpy finished(batch, &ReceiptBatch::itemFinished);
    QSignalSpy idle(batch, &ReceiptBatch::idle);
    QElapsedTimer clock;
    clock.start();
    drop(paths);
    // While the first answer is awaited, the queue says so.
    QTRY_COMPARE_WITH_TIMEOUT(batch->item(0).status, ReceiptItemStatus::Asking, 30000);
    QCOMPARE(batch->data(batch->index(0, ReceiptBatch::StatusColumn)).toString(), QStringLiteral("Asking the model…"));
    Test::screenshot(m_window->importReceiptsDialog(), QStringLiteral("receipt-queue-asking"));
    QVERIFY(idle.wait(90000));
    QCOMPARE(finished.size(), 2);
    QCOMPARE(server.requests(QStringLiteral("/v1/chat/completions")).size(), 2);
    QVERIFY2(server.requests(QStringLiteral("/v1/chat/completions")).first().body.contains("FIRST"),
             "the first receipt asks first");
    // The second receipt was read, asked about and finished while the first one's answer was still on its way.
    QCOMPARE(finished.at(0).at(0).toInt(), 1);
    QCOMPARE(finished.at(1).at(0).toInt(), 0);
    QVERIFY(clock.elapsed() >= 8000);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(batch->item(row).status, ReceiptItemStatus::NeedsReview);
    // Both answers arrived and were kept for the review.
    for (const char* merchant : {"Slow Answer Grocer", "Quick Answer Grocer"}) {
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM invoices WHERE extracted_data LIKE '%%1%'")
                           .arg(QLatin1String(merchant))),
                 1);
    }
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM ai_interactions WHERE interaction_type = 'invoice_processing'")), 2);
}

QTEST_MAIN(TestReceiptImport)
#include "tst_receiptimport.moc"
