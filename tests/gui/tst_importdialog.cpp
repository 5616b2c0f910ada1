// The statement import dialog driven offscreen: preview, exclude a line, import as one undoable step, the CSV
// column wizard with a saved preset picked up by the next file, and a file that is not a statement.
#include "common/messagebox.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "import/csvmappingpage.h"
#include "import/exportdialog.h"
#include "import/importdialog.h"
#include "import/importhistorydialog.h"
#include "import/importhistorymodel.h"
#include "import/importpreviewmodel.h"
#include "importers/csvpresetstore.h"
#include "itemmodels/transactionmodel.h"
#include "mainwindow.h"
#include "receipts/importreceiptsdialog.h"
#include "receipts/receiptbatch.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Moniagent;
using Moniagent::Test::screenshot;
using Moniagent::Test::settled;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void previewExcludeImportUndo();
    void importHistoryUndoesAnImport();
    void columnWizardSavesPreset();
    void notAStatementChangesNothing();
    void dropOnWindowRoutesFiles();
    void exportWhatTheLedgerShows();

private:
    qint64 ledgerCount() const;
    bool waitForPreview(ImportDialog& dialog) const;

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentImportDialogTest"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestImportDialog::init()
{
    QSettings().clear();
    m_clock = std::make_unique<Test::ManualClock>();
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestImportDialog::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

qint64 TestImportDialog::ledgerCount() const
{
    auto count = m_session->transactions()->count(m_session->userId(), {});
    return count ? *count : -1;
}

bool TestImportDialog::waitForPreview(ImportDialog& dialog) const
{
    return QTest::qWaitFor([&]() { return !dialog.isBusy() && dialog.importButton()->isVisible(); }, 20000);
}

void TestImportDialog::previewExcludeImportUndo()
{
    const QString path = write(*m_dir, QStringLiteral("checking.csv"),
                               "Date,Description,Amount\n"
                               "2025-03-01,TESCO STORES 3217,-12.30\n"
                               "2025-03-02,ACME PAYROLL,2500.00\n"
                               "2025-03-05,SHELL OIL 5521,-45.99\n"
                               "2025-03-07,BLUE BOTTLE COFFEE,-4.50\n");
    QVERIFY(!path.isEmpty());
    ImportDialog dialog(m_session.get(), m_window->undoStack(), {path}, m_window.get());
    dialog.show();
    QVERIFY(waitForPreview(dialog));
    ImportPreviewModel* model = dialog.previewModel();
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(dialog.summaryLabel()->text().contains(u"4 new"));
    QCOMPARE(dialog.importButton()->text(), QStringLiteral("&Import 4 Lines"));
    QCOMPARE(model->index(0, ImportPreviewModel::AmountColumn).data().toString(), QStringLiteral("-$12.30"));
    screenshot(&dialog, QStringLiteral("import-preview"));

    // Exclude the coffee with its check box.
    const QModelIndex coffee = model->index(3, ImportPreviewModel::IncludeColumn);
    QVERIFY(model->setData(coffee, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(dialog.importButton()->text(), QStringLiteral("&Import 3 Lines"));
    // The filter shows one kind of line.
    dialog.filterBox()->setCurrentIndex(dialog.filterBox()->findData(int(ImportRowStatus::Error)));
    QCOMPARE(model->rowCount(), 0);
    dialog.filterBox()->setCurrentIndex(0);

    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&]() { return dialog.result() == QDialog::Accepted && !dialog.isVisible(); }, 20000));
    QCOMPARE(ledgerCount(), 3);
    QCOMPARE(dialog.outcomes().size(), 1);
    QVERIFY2(dialog.outcomes().first().contains(u"3 transactions imported"), qPrintable(dialog.outcomes().first()));
    QUndoStack* undo = m_window->undoStack();
    QCOMPARE(undo->undoText(), QStringLiteral("Import of checking.csv"));
    undo->undo();
    QCOMPARE(ledgerCount(), 0);
    undo->redo();
    QCOMPARE(ledgerCount(), 3);

    // The same file again: what was imported is a duplicate; only the excluded coffee is still new.
    ImportDialog again(m_session.get(), m_window->undoStack(), {path}, m_window.get());
    again.show();
    QVERIFY(waitForPreview(again));
    QVERIFY2(again.summaryLabel()->text().contains(u"already imported"), qPrintable(again.summaryLabel()->text()));
    QVERIFY(again.summaryLabel()->text().contains(u"3 duplicates skipped"));
    QCOMPARE(again.importButton()->text(), QStringLiteral("&Import 1 Line"));
    screenshot(&again, QStringLiteral("import-again"));
}

// File › Import History lists the import with its counts; Undo Import asks, then takes it out on a worker thread;
// the Edit › Undo entry of the same import then has nothing left to undo, and Redo brings it back.
void TestImportDialog::importHistoryUndoesAnImport()
{
    const QString path = write(*m_dir, QStringLiteral("history.csv"),
                               "Date,Description,Amount\n"
                               "2025-04-01,TESCO STORES 3217,-12.30\n"
                               "2025-04-03,SHELL OIL 5521,-45.99\n");
    ImportDialog dialog(m_session.get(), m_window->undoStack(), {path}, m_window.get());
    dialog.show();
    QVERIFY(waitForPreview(dialog));
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&]() { return dialog.result() == QDialog::Accepted && !dialog.isVisible(); }, 20000));
    QCOMPARE(ledgerCount(), 2);

    auto* action = m_window->findChild<QAction*>(QStringLiteral("importHistoryAction"));
    QVERIFY(action);
    action->trigger();
    ImportHistoryDialog* history = m_window->importHistoryDialog();
    QVERIFY(history && history->isVisible());
    QAbstractItemModel* model = history->view()->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ImportHistoryModel::FileColumn).data().toString(), QStringLiteral("history.csv"));
    QCOMPARE(model->index(0, ImportHistoryModel::FormatColumn).data().toString(), QStringLiteral("CSV"));
    QCOMPARE(model->index(0, ImportHistoryModel::AddedColumn).data().toString(), QStringLiteral("2"));
    QCOMPARE(model->index(0, ImportHistoryModel::StatusColumn).data().toString(), QStringLiteral("In the ledger"));
    QVERIFY(history->undoButton()->isEnabled());
    screenshot(history, QStringLiteral("import-history"));

    // Asked, and declined: nothing changes.
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(history->undoButton(), Qt::LeftButton);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Remove the 2 transactions imported from “history.csv”")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(!history->isBusy());
    QCOMPARE(ledgerCount(), 2);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(history->undoButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&]() { return !history->isBusy(); }, 20000));
    QCOMPARE(ledgerCount(), 0);
    QTRY_VERIFY(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("2 transactions of history.csv removed")));
    QVERIFY(model->index(0, ImportHistoryModel::StatusColumn).data().toString().startsWith(QStringLiteral("Undone")));
    QVERIFY(!history->undoButton()->isEnabled());

    // Edit › Undo of the same import: already out, so nothing to do and no error; Redo imports it again.
    QUndoStack* undo = m_window->undoStack();
    QCOMPARE(undo->undoText(), QStringLiteral("Import of history.csv"));
    undo->undo();
    QCOMPARE(ledgerCount(), 0);
    undo->redo();
    QCOMPARE(ledgerCount(), 2);
    history->reload();
    QCOMPARE(model->index(0, ImportHistoryModel::StatusColumn).data().toString(), QStringLiteral("In the ledger"));
    history->close();
}

void TestImportDialog::columnWizardSavesPreset()
{
    // A layout nobody ships: day-first dates, money out and money in columns, headers the sniffer does not know.
    const QByteArray content = "Quand;Quoi;Sortie;Entree\n"
                               "03/04/2025;BOULANGERIE PAUL;4,20;\n"
                               "05/04/2025;SALAIRE;;1800,00\n"
                               "28/04/2025;SNCF;56,00;\n";
    const QString path = write(*m_dir, QStringLiteral("banque.csv"), content);
    ImportDialog dialog(m_session.get(), m_window->undoStack(), {path}, m_window.get());
    dialog.show();
    CsvMappingPage* page = dialog.mappingPage();
    // Either the wizard comes first (the columns were not recognised) or the user opens it with "Columns…".
    QVERIFY(QTest::qWaitFor([&]() { return page->isVisible() || dialog.importButton()->isVisible(); }, 20000));
    if (!page->isVisible()) {
        auto* columns = dialog.findChild<QPushButton*>();
        Q_UNUSED(columns);
        for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("C&olumns…"))
                QTest::mouseClick(button, Qt::LeftButton);
        }
        QVERIFY(page->isVisible());
    }
    QCOMPARE(page->sampleTable()->rowCount(), 3);
    page->amountModeBox()->setCurrentIndex(page->amountModeBox()->findData(int(CsvAmountMode::DebitCredit)));
    page->columnBox(QStringLiteral("date"))->setCurrentIndex(1);
    page->columnBox(QStringLiteral("description"))->setCurrentIndex(2);
    page->columnBox(QStringLiteral("debit"))->setCurrentIndex(3);
    page->columnBox(QStringLiteral("credit"))->setCurrentIndex(4);
    // A wrong date format is named before going on; the right one reads.
    page->dateFormatBox()->setCurrentText(QStringLiteral("yyyy-MM-dd"));
    QVERIFY(!page->problemLabel()->text().contains(u"read correctly"));
    page->dateFormatBox()->setCurrentText(QStringLiteral("dd/MM/yyyy"));
    QVERIFY2(page->problemLabel()->text().contains(u"read correctly"), qPrintable(page->problemLabel()->text()));
    page->presetNameEdit()->setText(QStringLiteral("Ma banque"));
    screenshot(&dialog, QStringLiteral("import-csv-columns"));
    for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("&Continue"))
            QTest::mouseClick(button, Qt::LeftButton);
    }
    QVERIFY(waitForPreview(dialog));
    ImportPreviewModel* model = dialog.previewModel();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, ImportPreviewModel::AmountColumn).data().toString(), QStringLiteral("-$4.20"));
    QCOMPARE(model->index(1, ImportPreviewModel::AmountColumn).data().toString(), QStringLiteral("$1,800.00"));
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&]() { return !dialog.isVisible(); }, 20000));
    QCOMPARE(ledgerCount(), 3);

    // The next file with this header is read with the saved preset, without asking.
    const QString next = write(*m_dir, QStringLiteral("banque-mai.csv"),
                               "Quand;Quoi;Sortie;Entree\n02/05/2025;BOULANGERIE PAUL;3,90;\n");
    CsvPresetStore presets(m_session->database());
    auto file = StatementFile::open(next, &presets, m_session->userId(), m_session->locale());
    QVERIFY(file.ok());
    QCOMPARE(file->csvPresetName, QStringLiteral("Ma banque"));
    QVERIFY(file->csvReady);
}

void TestImportDialog::notAStatementChangesNothing()
{
    QByteArray binary("\x89PNG\r\n\x1a\n", 8);
    binary.append(QByteArray(200, '\0'));
    const QString receipt = write(*m_dir, QStringLiteral("photo.png"), binary);
    const QString garbage = write(*m_dir, QStringLiteral("data.csv"), QByteArray(300, '\x01'));
    // The refusals are told in one message at the end.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    ImportDialog dialog(m_session.get(), m_window->undoStack(), {receipt, garbage}, m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitFor([&]() { return !dialog.isVisible(); }, 20000));
    QCOMPARE(dialog.outcomes().size(), 2);
    QCOMPARE(MessageBox::lastText(), QStringLiteral("2 files could not be imported; nothing was changed for them."));
    QVERIFY2(dialog.outcomes().at(0).contains(u"not a bank statement"), qPrintable(dialog.outcomes().at(0)));
    QVERIFY2(dialog.outcomes().at(1).contains(u"data.csv"), qPrintable(dialog.outcomes().at(1)));
    QCOMPARE(ledgerCount(), 0);
}

void TestImportDialog::dropOnWindowRoutesFiles()
{
    const QString csv = write(*m_dir, QStringLiteral("dropped.csv"),
                              "Date,Description,Amount\n2025-06-01,CORNER SHOP,-3.10\n2025-06-02,CINEMA,-12.00\n");
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png.append(QByteArray(64, '\0'));
    const QString receipt = write(*m_dir, QStringLiteral("receipt.png"), png);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(csv), QUrl::fromLocalFile(receipt)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    // The receipt goes to the receipt queue (it is no real image: it fails there, with its reason).
    QVERIFY(m_window->importReceiptsDialog());
    QVERIFY(m_window->importReceiptsDialog()->isVisible());
    QCOMPARE(m_window->receiptBatch()->rowCount(), 1);
    QCOMPARE(m_window->receiptBatch()->item(0).path, QFileInfo(receipt).absoluteFilePath());
    ImportDialog* dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&]() {
            dialog = m_window->findChild<ImportDialog*>();
            return dialog && dialog->isVisible();
        },
        5000));
    QVERIFY(waitForPreview(*dialog));
    QCOMPARE(dialog->previewModel()->rowCount(), 2); // the statement only, not the receipt
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&]() { return ledgerCount() == 2; }, 20000));
}

void TestImportDialog::exportWhatTheLedgerShows()
{
    for (const auto& [merchant, minor] : {std::pair {QStringLiteral("Bakery"), 310}, {QStringLiteral("Cinema"), 1200}})
        QVERIFY(m_session->transactions()
                    ->add(m_session->userId(),
                          Test::TestDatabase::expense(minor, merchant, QDate(2025, 6, 1), QStringLiteral("USD")))
                    .ok());
    TransactionFilter shown;
    shown.search = QStringLiteral("cinema");
    ExportDialog dialog(m_session.get(), shown, m_window.get());
    dialog.show();
    QVERIFY(dialog.shownOnlyButton()->text().contains(u"1 transaction)"));
    screenshot(&dialog, QStringLiteral("export"));
    dialog.isoButton()->setChecked(true);
    // Only date, amount and merchant.
    for (int i = 0; i < dialog.columnList()->count(); ++i) {
        const QString name = dialog.columnList()->item(i)->text();
        const bool keep
            = name == QLatin1String("Date") || name == QLatin1String("Amount") || name == QLatin1String("Merchant");
        dialog.columnList()->item(i)->setCheckState(keep ? Qt::Checked : Qt::Unchecked);
    }
    const QString path = m_dir->filePath(QStringLiteral("out.csv"));
    dialog.exportTo(path);
    QVERIFY(QTest::qWaitFor([&]() { return !dialog.isBusy() && !dialog.isVisible(); }, 20000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY2(content.contains("2025-06-01,-12.00,Cinema"), content.constData());
    QVERIFY(!content.contains("Bakery"));
    QVERIFY(dialog.outcome().contains(u"1 transaction exported to out.csv"));
    // A backup is always the whole profile.
    ExportDialog backup(m_session.get(), shown, m_window.get());
    backup.formatBox()->setCurrentIndex(backup.formatBox()->findData(int(ExportDialog::Format::Backup)));
    QVERIFY(!backup.shownOnlyButton()->isEnabled());
    backup.exportTo(m_dir->filePath(QStringLiteral("backup.json")));
    QVERIFY(QTest::qWaitFor([&]() { return !backup.isBusy() && !backup.outcome().isEmpty(); }, 20000));
    QVERIFY(backup.outcome().contains(u"2 transactions exported"));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
