#include "common/messagebox.h"
#include "guitest.h"
#include "i18n/translations.h"
#include "receipts/receiptimageview.h"
#include "receipts/receiptitemsmodel.h"
#include "receipts/receiptreviewdialog.h"
#include "session/session.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Moniagent;
using Moniagent::Test::screenshot;

namespace {

// A receipt drawn with QPainter, and the draft a reader would make of it: the boxes are where the text was drawn.
struct PaintedReceipt
{
    QImage image;
    ReceiptDraft draft;
};

class ReceiptPainter
{
public:
    explicit ReceiptPainter(QSize size)
        : m_image(size, QImage::Format_RGB32)
    {
        m_image.fill(Qt::white);
        m_painter.begin(&m_image);
        m_painter.setPen(Qt::black);
    }
    QImage finish()
    {
        m_painter.end();
        return m_image;
    }
    // Draws text at the current line, left or right aligned, and returns its box.
    QRect text(const QString& text, int pixelSize, Qt::Alignment alignment = Qt::AlignLeft, bool bold = false)
    {
        QFont font(QStringLiteral("DejaVu Sans Mono"));
        font.setPixelSize(pixelSize);
        font.setBold(bold);
        m_painter.setFont(font);
        QRect bounding;
        m_painter.drawText(QRect(24, m_y, m_image.width() - 48, pixelSize * 2), int(alignment | Qt::AlignTop), text,
                           &bounding);
        return bounding;
    }
    void nextLine(int pixelSize) { m_y += pixelSize * 3 / 2; }
    // A label on the left and an amount on the right: returns the line's box.
    QRect pair(const QString& label, const QString& amount, int pixelSize = 18, bool bold = false)
    {
        const QRect left = text(label, pixelSize, Qt::AlignLeft, bold);
        const QRect right = text(amount, pixelSize, Qt::AlignRight, bold);
        nextLine(pixelSize);
        return left.united(right);
    }

private:
    QImage m_image;
    QPainter m_painter;
    int m_y = 24;
};

ReceiptFieldSource source(QRect box, float confidence, int page = 0, const QString& origin = QStringLiteral("ocr"))
{
    ReceiptFieldSource s;
    s.box = box;
    s.confidence = confidence;
    s.page = page;
    s.origin = origin;
    return s;
}

ReceiptItem item(const QString& description, qint64 amount, QRect box, float confidence = 0.9f)
{
    ReceiptItem i;
    i.description = description;
    i.quantity = QStringLiteral("1");
    i.amountMinor = amount;
    i.source = source(box, confidence);
    return i;
}

// CORNER SHOP, 14 March 2026: milk 2.50, dish soap 4.00, bread 3.00, tax 0.95 on top, total 10.45 (read unsurely).
PaintedReceipt cornerShop()
{
    ReceiptPainter p(QSize(420, 620));
    PaintedReceipt r;
    ReceiptDraft& d = r.draft;
    const QRect merchant = p.text(QStringLiteral("CORNER SHOP"), 30, Qt::AlignHCenter, true);
    p.nextLine(30);
    p.text(QStringLiteral("12 High Street, Springfield"), 14, Qt::AlignHCenter);
    p.nextLine(14);
    p.nextLine(14);
    const QRect date = p.text(QStringLiteral("03/14/2026 10:42"), 18);
    p.nextLine(18);
    p.nextLine(18);
    const QRect milk = p.pair(QStringLiteral("MILK 1L"), QStringLiteral("2.50"));
    const QRect soap = p.pair(QStringLiteral("DISH SOAP"), QStringLiteral("4.00"));
    const QRect bread = p.pair(QStringLiteral("BREAD"), QStringLiteral("3.00"));
    p.nextLine(18);
    const QRect subtotal = p.pair(QStringLiteral("SUBTOTAL"), QStringLiteral("9.50"));
    const QRect tax = p.pair(QStringLiteral("TAX 10%"), QStringLiteral("0.95"));
    const QRect total = p.pair(QStringLiteral("TOTAL"), QStringLiteral("10.45"), 24, true);
    p.nextLine(18);
    const QRect payment = p.pair(QStringLiteral("VISA ****1234"), QStringLiteral("10.45"));
    p.nextLine(18);
    p.text(QStringLiteral("Thank you!"), 16, Qt::AlignHCenter);
    r.image = p.finish();

    d.merchant = QStringLiteral("Corner Shop");
    d.date = QDate(2026, 3, 14);
    d.totalMinor = 1045;
    d.subtotalMinor = 950;
    d.taxMinor = 95;
    d.currency = Currency::fromCode(u"USD");
    d.paymentMethod = QStringLiteral("card");
    d.sources.insert(QLatin1String(ReceiptDraft::Merchant), source(merchant, 0.95f));
    d.sources.insert(QLatin1String(ReceiptDraft::Date), source(date, 0.9f));
    d.sources.insert(QLatin1String(ReceiptDraft::Total), source(total, 0.45f));
    d.sources.insert(QLatin1String(ReceiptDraft::Subtotal), source(subtotal, 0.9f));
    d.sources.insert(QLatin1String(ReceiptDraft::Tax), source(tax, 0.85f));
    d.sources.insert(QLatin1String(ReceiptDraft::Payment), source(payment, 0.8f));
    d.items = {item(QStringLiteral("Milk 1L"), 250, milk), item(QStringLiteral("Dish soap"), 400, soap, 0.5f),
               item(QStringLiteral("Bread"), 300, bread)};
    return r;
}

} // namespace

class TestReceiptReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fieldsAreFilledFromTheDraft();
    void editingFieldsMakesTheAcceptance();
    void lineCategoriesAndSplit();
    void lineEditsAndMismatchWarning();
    void validationKeepsTheDialogOpen();
    void missingDateIsRequired();
    void skipAndEscape();
    void duplicateIsAskedAbout();
    void zoomKeysAndWheel();
    void focusHighlightsTheBox();
    void qrCodeOriginIsShown();
    void severalPagesAreStacked();
    void currencyChangeConvertsLines();
    void layoutIsRemembered();

private:
    std::unique_ptr<ReceiptReviewDialog> open(const PaintedReceipt& receipt, int position = 3, int count = 12);
    qint64 category(const QString& name) const;
    template <typename T> T* find(const char* name) const
    {
        auto* widget = m_dialog->findChild<T*>(QLatin1String(name));
        if (!widget)
            qWarning("no %s", name);
        return widget;
    }
    void retype(QWidget* editor, const QString& text);
    // Edits a cell of the line items through its editor, as a user would: F2, select all, type, Enter.
    void editCell(int row, int column, const QString& text);
    void chooseLineCategory(int row, const QString& name);

    Translations m_translations;
    std::unique_ptr<Test::ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ReceiptReviewDialog> m_dialog;
    ReceiptReviewHooks m_hooks;
    QStringList m_suggestionRequests;
    QList<ReceiptAcceptance> m_duplicateRequests;
    QString m_duplicate;
};

void TestReceiptReview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MoniagentTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MoniagentReceiptReviewTest"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestReceiptReview::init()
{
    QSettings().clear();
    m_clock = std::make_unique<Test::ManualClock>(); // Sunday, November 22, 2026
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = Test::openSamSession(m_dir->filePath(QStringLiteral("moniagent.sqlite")), *m_clock);
    QVERIFY(session.ok());
    m_session = std::move(*session);
    m_suggestionRequests.clear();
    m_duplicateRequests.clear();
    m_duplicate.clear();
    // A categorizer that knows the corner shop (groceries) and soap (household).
    m_hooks.suggestCategory = [this](const QString& merchant, const QString& description, const Money&) {
        m_suggestionRequests.append(merchant + u'|' + description);
        if (description.contains(QLatin1String("soap"), Qt::CaseInsensitive))
            return std::optional<qint64>(category(QStringLiteral("Home & Garden")));
        if (merchant.startsWith(QLatin1String("Corner Shop")))
            return std::optional<qint64>(category(QStringLiteral("Groceries")));
        return std::optional<qint64>();
    };
    m_hooks.findDuplicate = [this](const ReceiptAcceptance& acceptance) {
        m_duplicateRequests.append(acceptance);
        return m_duplicate;
    };
}

void TestReceiptReview::cleanup()
{
    m_dialog.reset();
    m_session.reset();
    m_dir.reset();
}

qint64 TestReceiptReview::category(const QString& name) const
{
    auto c = m_session->categories()->findByName(m_session->userId(), name);
    return c ? c->id : 0;
}

std::unique_ptr<ReceiptReviewDialog> TestReceiptReview::open(const PaintedReceipt& receipt, int position, int count)
{
    ReceiptReviewInput input;
    input.invoice.id = 42;
    input.invoice.filename = QStringLiteral("corner-shop.jpg");
    input.draft = receipt.draft;
    input.pages = {receipt.image};
    input.position = position;
    input.count = count;
    auto dialog = std::make_unique<ReceiptReviewDialog>(m_session.get(), input, m_hooks);
    dialog->show();
    if (!QTest::qWaitForWindowActive(dialog.get()))
        qWarning("the dialog did not become active");
    return dialog;
}

void TestReceiptReview::retype(QWidget* editor, const QString& text)
{
    editor->setFocus(Qt::TabFocusReason);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, text);
}

void TestReceiptReview::editCell(int row, int column, const QString& text)
{
    auto* table = find<QTableView>("itemsTable");
    table->setFocus(Qt::TabFocusReason);
    table->setCurrentIndex(m_dialog->itemsModel()->index(row, column));
    QTest::keyClick(table, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY2(editor, "no line edit opened");
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QPointer<QLineEdit> open(editor);
    QTest::keyClick(editor, Qt::Key_Return);
    // The view commits and closes its editor on the next turn of the event loop.
    QTRY_VERIFY(!open);
}

void TestReceiptReview::chooseLineCategory(int row, const QString& name)
{
    auto* table = find<QTableView>("itemsTable");
    table->setFocus(Qt::TabFocusReason);
    table->setCurrentIndex(m_dialog->itemsModel()->index(row, ReceiptItemsModel::CategoryColumn));
    QTest::keyClick(table, Qt::Key_F2);
    auto* combo = table->findChild<QComboBox*>(QStringLiteral("lineCategoryEditor"));
    QVERIFY2(combo, "no category editor opened");
    const int target = combo->findText(name);
    QVERIFY2(target >= 0, qPrintable(name));
    // Arrow keys walk the list; Enter commits and closes the editor.
    while (combo->currentIndex() != target)
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_VERIFY(!table->findChild<QComboBox*>(QStringLiteral("lineCategoryEditor")));
}

void TestReceiptReview::fieldsAreFilledFromTheDraft()
{
    m_dialog = open(cornerShop());
    QCOMPARE(find<QLabel>("positionLabel")->text(), QStringLiteral("Receipt 3 of 12 · corner-shop.jpg"));
    QCOMPARE(find<QLineEdit>("merchantEdit")->text(), QStringLiteral("Corner Shop"));
    QCOMPARE(find<QDateEdit>("dateEdit")->date(), QDate(2026, 3, 14));
    QCOMPARE(find<QDateEdit>("dateEdit")->text(), QStringLiteral("3/14/2026")); // four-digit years
    QCOMPARE(find<QLineEdit>("totalEdit")->text(), QStringLiteral("10.45"));
    QCOMPARE(find<QLineEdit>("taxEdit")->text(), QStringLiteral("0.95"));
    QCOMPARE(find<QComboBox>("currencyCombo")->currentText(), QStringLiteral("USD"));
    QCOMPARE(find<QComboBox>("paymentCombo")->currentData().toString(), QStringLiteral("card"));
    QCOMPARE(find<QComboBox>("paymentCombo")->currentText(), QStringLiteral("Card"));
    // The categorizer's guess is preselected and says so.
    QCOMPARE(find<QComboBox>("categoryCombo")->currentText(), QStringLiteral("Groceries"));
    QVERIFY(find<QLabel>("categoryHint")->isVisible());
    QVERIFY(m_suggestionRequests.contains(QStringLiteral("Corner Shop|")));

    ReceiptItemsModel* items = m_dialog->itemsModel();
    new QAbstractItemModelTester(items, QAbstractItemModelTester::FailureReportingMode::QtTest, m_dialog.get());
    QCOMPARE(items->rowCount(), 3);
    QCOMPARE(items->index(1, ReceiptItemsModel::DescriptionColumn).data().toString(), QStringLiteral("Dish soap"));
    QCOMPARE(items->index(1, ReceiptItemsModel::AmountColumn).data().toString(), QStringLiteral("4.00"));
    QCOMPARE(items->index(1, ReceiptItemsModel::AmountColumn).data(ReceiptItemsModel::AmountMinorRole).toLongLong(),
             400);
    // Lines: soap is household, the others stay with the receipt's category (no repeat of Groceries).
    QCOMPARE(items->index(1, ReceiptItemsModel::CategoryColumn).data().toString(), QStringLiteral("Home & Garden"));
    QVERIFY(items->index(1, ReceiptItemsModel::CategoryColumn).data(ReceiptItemsModel::SuggestedRole).toBool());
    QCOMPARE(items->index(0, ReceiptItemsModel::CategoryColumn).data().toString(), QStringLiteral("As the receipt"));
    // An unsure line carries a mark.
    QVERIFY(!items->index(1, ReceiptItemsModel::DescriptionColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(items->index(0, ReceiptItemsModel::DescriptionColumn).data(Qt::DecorationRole).isNull());

    // The total was read unsurely: it is marked, and focus starts there.
    QCOMPARE(m_dialog->mark(QStringLiteral("total")), ReceiptMarks::LowConfidence);
    QCOMPARE(m_dialog->mark(QStringLiteral("merchant")), ReceiptMarks::None);
    QCOMPARE(find<QLabel>("totalMark")->toolTip(), QStringLiteral("Read with low confidence: please check"));
    QVERIFY(find<QLabel>("merchantMark")->toolTip().isEmpty());
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>("totalEdit"));
    QCOMPARE(m_dialog->highlightedField(), QStringLiteral("total"));
    // 9.50 of lines + 0.95 tax = 10.45: nothing to warn about, nothing wrong.
    QVERIFY(m_dialog->mismatchWarning().isEmpty());
    QVERIFY(!find<QLabel>("mismatchLabel")->isVisible());
    QVERIFY(m_dialog->problems().isEmpty());
    QVERIFY(find<QCheckBox>("splitCheck")->isEnabled());
    QVERIFY(!find<QCheckBox>("splitCheck")->isChecked());

    // The boxes of every field with a place, and of the lines.
    QCOMPARE(m_dialog->imageView()->regionKeys(),
             QStringList({QStringLiteral("date"), QStringLiteral("item:0"), QStringLiteral("item:1"),
                          QStringLiteral("item:2"), QStringLiteral("merchant"), QStringLiteral("payment"),
                          QStringLiteral("subtotal"), QStringLiteral("tax"), QStringLiteral("total")}));
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Review Receipt"));
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-filled"));
}

void TestReceiptReview::editingFieldsMakesTheAcceptance()
{
    m_dialog = open(cornerShop());
    retype(find<QLineEdit>("merchantEdit"), QStringLiteral("Corner Shop Ltd"));
    auto* date = find<QDateEdit>("dateEdit");
    date->setFocus(Qt::TabFocusReason);
    date->setCurrentSection(QDateTimeEdit::DaySection);
    QTest::keyClick(date, Qt::Key_Down); // the 13th
    QCOMPARE(date->date(), QDate(2026, 3, 13));
    retype(find<QLineEdit>("totalEdit"), QStringLiteral("11.45"));
    // 9.50 + 0.95 is not 11.45: the lines do not add up.
    QVERIFY(find<QLabel>("mismatchLabel")->isVisible());
    QCOMPARE(m_dialog->mismatchWarning(),
             QStringLiteral("The items add up to $9.50, $10.45 with the tax, not to the total of $11.45 ($1.00 "
                            "missing). Check the amounts."));
    retype(find<QLineEdit>("taxEdit"), QStringLiteral("1.95"));
    QVERIFY(m_dialog->mismatchWarning().isEmpty());
    QVERIFY(!find<QLabel>("mismatchLabel")->isVisible());

    auto* payment = find<QComboBox>("paymentCombo");
    payment->setFocus(Qt::TabFocusReason);
    while (payment->currentData().toString() != u"cash")
        QTest::keyClick(payment, Qt::Key_Up);
    auto* categoryBox = find<QComboBox>("categoryCombo");
    categoryBox->setFocus(Qt::TabFocusReason);
    QTest::keyClick(categoryBox, Qt::Key_Down); // the user picks: no longer a suggestion
    const qint64 chosen = categoryBox->currentData().toLongLong();
    QVERIFY(chosen != 0);
    QVERIFY(!find<QLabel>("categoryHint")->isVisible());
    // Changing the merchant no longer overrides the user's choice.
    retype(find<QLineEdit>("merchantEdit"), QStringLiteral("Corner Shop"));
    QTest::keyClick(find<QLineEdit>("merchantEdit"), Qt::Key_Tab);
    QCOMPARE(categoryBox->currentData().toLongLong(), chosen);
    retype(find<QLineEdit>("notesEdit"), QStringLiteral("for the party"));

    const ReceiptAcceptance a = m_dialog->acceptance();
    QCOMPARE(a.invoiceId, 42);
    QCOMPARE(a.merchant, QStringLiteral("Corner Shop"));
    QCOMPARE(a.date, QDate(2026, 3, 13));
    QCOMPARE(a.total, Money::fromMinor(1145, u"USD"));
    QCOMPARE(a.tax, std::optional<Money>(Money::fromMinor(195, u"USD")));
    QCOMPARE(a.paymentMethod, QStringLiteral("cash"));
    QCOMPARE(a.categoryId, std::optional<qint64>(chosen));
    QCOMPARE(a.notes, QStringLiteral("for the party"));
    QCOMPARE(a.items.size(), 3);
    QCOMPARE(a.items.at(0).description, QStringLiteral("Milk 1L"));
    QCOMPARE(a.items.at(0).amountMinor, 250);
    QCOMPARE(a.items.at(1).amountMinor, 400);
    QCOMPARE(a.items.at(1).categoryId, std::optional<qint64>(category(QStringLiteral("Home & Garden"))));
    QCOMPARE(a.items.at(2).amountMinor, 300);
    QVERIFY(!a.splitByCategory);

    // Enter in a field accepts.
    QTest::keyClick(find<QLineEdit>("notesEdit"), Qt::Key_Return);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->outcome(), ReceiptReviewDialog::Accepted);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_duplicateRequests.size(), 1);
    QCOMPARE(m_duplicateRequests.first().total.minor(), 1145);
}

void TestReceiptReview::lineCategoriesAndSplit()
{
    m_hooks.suggestCategory = nullptr; // no categorizer: every line follows the receipt
    m_dialog = open(cornerShop());
    auto* split = find<QCheckBox>("splitCheck");
    QCOMPARE(find<QComboBox>("categoryCombo")->currentText(), QStringLiteral("Uncategorized"));
    QVERIFY(!split->isEnabled());

    chooseLineCategory(1, QStringLiteral("Home & Garden"));
    ReceiptItemsModel* items = m_dialog->itemsModel();
    QCOMPARE(items->index(1, ReceiptItemsModel::CategoryColumn).data().toString(), QStringLiteral("Home & Garden"));
    QVERIFY(!items->index(1, ReceiptItemsModel::CategoryColumn).data(ReceiptItemsModel::SuggestedRole).toBool());
    QVERIFY(split->isEnabled());
    chooseLineCategory(0, QStringLiteral("Groceries"));
    chooseLineCategory(2, QStringLiteral("Groceries"));

    QTest::mouseClick(split, Qt::LeftButton, {}, QPoint(8, split->height() / 2));
    QVERIFY(split->isChecked());
    QVERIFY(find<QLabel>("splitPreview")->isVisible());
    // 10.45 shared 5.50 : 4.00 -> 6.05 and 4.40.
    QCOMPARE(m_dialog->splitPreview(), QStringLiteral("Creates 2 expenses: Groceries $6.05 · Home & Garden $4.40"));
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-split"));

    ReceiptAcceptance a = m_dialog->acceptance();
    QVERIFY(a.splitByCategory);
    QCOMPARE(a.items.at(0).categoryId, std::optional<qint64>(category(QStringLiteral("Groceries"))));
    QCOMPARE(a.items.at(1).categoryId, std::optional<qint64>(category(QStringLiteral("Home & Garden"))));

    // Back to one category: nothing to split, and the acceptance says so.
    chooseLineCategory(1, QStringLiteral("Groceries"));
    QVERIFY(!split->isEnabled());
    QVERIFY(!m_dialog->acceptance().splitByCategory);
    QVERIFY(!find<QLabel>("splitPreview")->isVisible());
    chooseLineCategory(1, QStringLiteral("As the receipt"));
    QVERIFY(!items->index(1, ReceiptItemsModel::CategoryColumn).data(ReceiptItemsModel::CategoryIdRole).isValid());
    QVERIFY(split->isEnabled()); // the receipt is uncategorized, the others are groceries
}

void TestReceiptReview::lineEditsAndMismatchWarning()
{
    m_dialog = open(cornerShop());
    ReceiptItemsModel* items = m_dialog->itemsModel();
    new QAbstractItemModelTester(items, QAbstractItemModelTester::FailureReportingMode::QtTest, m_dialog.get());
    auto* table = find<QTableView>("itemsTable");

    // Removing the bread (Del) leaves 3.00 unaccounted for.
    table->setFocus(Qt::TabFocusReason);
    table->setCurrentIndex(items->index(2, ReceiptItemsModel::DescriptionColumn));
    QCOMPARE(m_dialog->highlightedField(), QStringLiteral("item:2"));
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(items->rowCount(), 2);
    QVERIFY(!m_dialog->imageView()->hasRegion(QStringLiteral("item:2"))); // its box goes with it
    QVERIFY(m_dialog->imageView()->hasRegion(QStringLiteral("item:1")));
    QVERIFY(find<QLabel>("mismatchLabel")->isVisible());
    QVERIFY(m_dialog->mismatchWarning().contains(QLatin1String("$3.00 missing")));
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-mismatch"));

    // A line typed in by hand makes it add up again.
    QTest::mouseClick(find<QPushButton>("addLineButton"), Qt::LeftButton);
    QCOMPARE(items->rowCount(), 3);
    auto* description = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(description);
    QTest::keyClicks(description, QStringLiteral("Rye bread"));
    QTest::keyClick(description, Qt::Key_Return);
    // The view commits and closes its editor on the next turn of the event loop.
    QTRY_COMPARE(items->index(2, ReceiptItemsModel::DescriptionColumn).data().toString(), QStringLiteral("Rye bread"));
    editCell(2, ReceiptItemsModel::AmountColumn, QStringLiteral("abc"));
    QVERIFY(find<QLabel>("lineProblemLabel")->isVisible());
    QVERIFY(!find<QLabel>("lineProblemLabel")->text().isEmpty());
    QCOMPARE(items->line(2).amountMinor, 0);
    editCell(2, ReceiptItemsModel::AmountColumn, QStringLiteral("3"));
    QVERIFY(!find<QLabel>("lineProblemLabel")->isVisible());
    QCOMPARE(items->line(2).amountMinor, 300);
    QCOMPARE(items->index(2, ReceiptItemsModel::AmountColumn).data().toString(), QStringLiteral("3.00"));
    QVERIFY(m_dialog->mismatchWarning().isEmpty());
    editCell(1, ReceiptItemsModel::AmountColumn, QStringLiteral("4.05"));
    QCOMPARE(items->line(1).amountMinor, 405);
    QVERIFY(m_dialog->mismatchWarning().contains(QLatin1String("not to the total of $10.45")));
    // Without a tax, the lines alone must make the total.
    retype(find<QLineEdit>("taxEdit"), QString());
    retype(find<QLineEdit>("totalEdit"), QStringLiteral("9.55"));
    QVERIFY(m_dialog->mismatchWarning().isEmpty());

    const ReceiptAcceptance a = m_dialog->acceptance();
    QVERIFY(!a.tax);
    QCOMPARE(a.items.size(), 3);
    QCOMPARE(a.items.at(2).description, QStringLiteral("Rye bread"));
    QCOMPARE(a.items.at(2).amountMinor, 300);
}

void TestReceiptReview::validationKeepsTheDialogOpen()
{
    m_dialog = open(cornerShop());
    auto* merchant = find<QLineEdit>("merchantEdit");
    retype(merchant, QString());
    QVERIFY(find<QLabel>("problemsLabel")->isVisible());
    QCOMPARE(m_dialog->problems(), QStringLiteral("Enter the merchant."));
    retype(find<QLineEdit>("totalEdit"), QStringLiteral("0"));
    QCOMPARE(m_dialog->problems(), QStringLiteral("Enter the merchant.\nThe total must be more than zero."));
    auto* date = find<QDateEdit>("dateEdit");
    date->setDate(QDate(2026, 11, 23)); // tomorrow
    QVERIFY(m_dialog->problems().contains(QLatin1String("The date is in the future.")));
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-problems"));

    // Enter does not accept; focus goes to the first field to fix.
    QTest::keyClick(find<QLineEdit>("totalEdit"), Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(QApplication::focusWidget(), merchant);
    QVERIFY(m_duplicateRequests.isEmpty());

    QTest::keyClicks(merchant, QStringLiteral("Corner Shop"));
    date->setDate(QDate(2026, 11, 22)); // today is fine
    retype(find<QLineEdit>("totalEdit"), QStringLiteral("1O.45"));
    QVERIFY(m_dialog->problems().startsWith(QLatin1String("Total: ")));
    retype(find<QLineEdit>("totalEdit"), QStringLiteral("10.45"));
    retype(find<QLineEdit>("taxEdit"), QStringLiteral("12"));
    QCOMPARE(m_dialog->problems(), QStringLiteral("The tax must be less than the total."));
    retype(find<QLineEdit>("taxEdit"), QStringLiteral("0.95"));
    QVERIFY(m_dialog->problems().isEmpty());
    QVERIFY(!find<QLabel>("problemsLabel")->isVisible());
    QTest::keyClick(find<QLineEdit>("taxEdit"), Qt::Key_Enter);
    QCOMPARE(m_dialog->outcome(), ReceiptReviewDialog::Accepted);
}

void TestReceiptReview::missingDateIsRequired()
{
    PaintedReceipt receipt = cornerShop();
    receipt.draft.date = QDate();
    receipt.draft.sources.remove(QLatin1String(ReceiptDraft::Date));
    m_dialog = open(receipt, 0, 0);
    QVERIFY(!find<QPushButton>("skipButton")->isVisible()); // a single receipt: nothing to skip to
    QCOMPARE(find<QLabel>("positionLabel")->text(), QStringLiteral("corner-shop.jpg"));
    auto* date = find<QDateEdit>("dateEdit");
    QCOMPARE(date->text(), QStringLiteral("Not found"));
    QCOMPARE(m_dialog->mark(QStringLiteral("date")), ReceiptMarks::NotFound);
    QCOMPARE(find<QLabel>("dateMark")->toolTip(), QStringLiteral("Not found on the receipt"));
    // The missing date comes before the unsure total.
    QCOMPARE(QApplication::focusWidget(), date);
    QCOMPARE(m_dialog->problems(), QStringLiteral("Enter the date of the receipt."));
    QVERIFY(!m_dialog->acceptance().date.isValid());
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-nodate"));
    QTest::keyClick(date, Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());

    // Typed section by section in the locale's order (the editor moves on when a section is complete).
    QTest::keyClicks(date, QStringLiteral("03142026"));
    QCOMPARE(date->date(), QDate(2026, 3, 14));
    QVERIFY(m_dialog->problems().isEmpty());
    QTest::keyClick(date, Qt::Key_Return);
    QCOMPARE(m_dialog->outcome(), ReceiptReviewDialog::Accepted);
    QCOMPARE(m_dialog->acceptance().date, QDate(2026, 3, 14));
}

void TestReceiptReview::skipAndEscape()
{
    m_dialog = open(cornerShop());
    QTest::mouseClick(find<QPushButton>("skipButton"), Qt::LeftButton);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->outcome(), ReceiptReviewDialog::Skipped);
    QCOMPARE(m_dialog->result(), int(ReceiptReviewDialog::Skipped));
    QVERIFY(m_duplicateRequests.isEmpty());

    m_dialog = open(cornerShop());
    QTest::keyClick(find<QLineEdit>("merchantEdit"), Qt::Key_S, Qt::AltModifier); // the Skip button's mnemonic
    QTRY_COMPARE(m_dialog->outcome(), ReceiptReviewDialog::Skipped);

    m_dialog = open(cornerShop());
    QTest::keyClick(find<QLineEdit>("totalEdit"), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->outcome(), ReceiptReviewDialog::Cancelled);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
}

void TestReceiptReview::duplicateIsAskedAbout()
{
    m_duplicate = QStringLiteral("Corner Shop, 3/14/2026, $10.45");
    m_dialog = open(cornerShop());
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(find<QLineEdit>("totalEdit"), Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());
    QVERIFY(MessageBox::lastText().contains(m_duplicate));
    QVERIFY(MessageBox::lastText().contains(QLatin1String("Create a second one?")));
    QCOMPARE(m_duplicateRequests.size(), 1);
    QCOMPARE(m_duplicateRequests.first().merchant, QStringLiteral("Corner Shop"));
    QCOMPARE(m_duplicateRequests.first().date, QDate(2026, 3, 14));
    QCOMPARE(m_duplicateRequests.first().total, Money::fromMinor(1045, u"USD"));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(find<QPushButton>("acceptButton"), Qt::LeftButton);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->outcome(), ReceiptReviewDialog::Accepted);
    QCOMPARE(m_duplicateRequests.size(), 2);
}

void TestReceiptReview::zoomKeysAndWheel()
{
    m_dialog = open(cornerShop());
    ReceiptImageView* view = m_dialog->imageView();
    QVERIFY(view->isFitting());
    const qreal fitted = view->zoom();
    // Fit: the receipt's width fills the view.
    const int shown = view->mapFromScene(view->pageRect(0)).boundingRect().width();
    QVERIFY2(qAbs(shown - view->viewport()->width()) <= 20,
             qPrintable(QStringLiteral("%1 vs %2").arg(shown).arg(view->viewport()->width())));

    // The keys work from the fields too: the hands stay on the keyboard.
    QWidget* merchant = find<QLineEdit>("merchantEdit");
    QTest::keyClick(merchant, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(view->zoom() > fitted * 1.2);
    QVERIFY(!view->isFitting());
    QCOMPARE(find<QLabel>("zoomLabel")->text(), QStringLiteral("%1 %").arg(qRound(view->zoom() * 100)));
    QTest::keyClick(merchant, Qt::Key_Equal, Qt::ControlModifier);
    const qreal twice = view->zoom();
    QVERIFY(twice > fitted * 1.5);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view->zoom() < twice);
    QVERIFY(view->zoom() > fitted);
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-zoomed"));
    QTest::keyClick(merchant, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view->isFitting());
    QVERIFY(qFuzzyCompare(view->zoom(), fitted));

    // Ctrl+wheel zooms; the wheel alone scrolls.
    const QPoint centre = view->viewport()->rect().center();
    QWheelEvent in(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                   Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &in);
    QVERIFY(view->zoom() > fitted * 1.2);
    const qreal zoomed = view->zoom();
    const int scroll = view->verticalScrollBar()->value();
    QWheelEvent down(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &down);
    QCOMPARE(view->zoom(), zoomed);
    QVERIFY(view->verticalScrollBar()->value() > scroll);
    // Limits.
    for (int i = 0; i < 40; ++i)
        view->zoomIn();
    QCOMPARE(view->zoom(), ReceiptImageView::MaxZoom);
    QTest::mouseClick(find<QToolButton>("fitButton"), Qt::LeftButton);
    QVERIFY(qFuzzyCompare(view->zoom(), fitted));
}

void TestReceiptReview::focusHighlightsTheBox()
{
    m_dialog = open(cornerShop());
    ReceiptImageView* view = m_dialog->imageView();
    view->setZoom(4); // the receipt is much larger than the view now
    find<QLineEdit>("merchantEdit")->setFocus(Qt::TabFocusReason);
    QCOMPARE(m_dialog->highlightedField(), QStringLiteral("merchant"));
    QVERIFY(view->viewport()->rect().intersects(
        view->mapFromScene(view->regionRect(QStringLiteral("merchant"))).boundingRect()));
    // Tab on to the date, then the total far below: each box is brought into view.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), find<QDateEdit>("dateEdit"));
    QCOMPARE(m_dialog->highlightedField(), QStringLiteral("date"));
    find<QLineEdit>("taxEdit")->setFocus(Qt::TabFocusReason);
    QCOMPARE(m_dialog->highlightedField(), QStringLiteral("tax"));
    // The box is wider than the view at this zoom: its start (where its label is) is shown.
    const QRect tax = view->mapFromScene(view->regionRect(QStringLiteral("tax"))).boundingRect();
    QVERIFY(view->viewport()->rect().contains(tax.topLeft() + QPoint(4, 4)));
    QVERIFY(!view->viewport()->rect().intersects(
        view->mapFromScene(view->regionRect(QStringLiteral("merchant"))).boundingRect()));
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-highlight"));

    auto* table = find<QTableView>("itemsTable");
    table->setFocus(Qt::TabFocusReason);
    table->setCurrentIndex(m_dialog->itemsModel()->index(1, ReceiptItemsModel::AmountColumn));
    QCOMPARE(m_dialog->highlightedField(), QStringLiteral("item:1"));

    // Clicking a box goes to its field.
    const QPoint total = view->mapFromScene(view->regionRect(QStringLiteral("total")).center());
    view->ensureVisible(view->regionRect(QStringLiteral("total")));
    const QPoint at = view->mapFromScene(view->regionRect(QStringLiteral("total")).center());
    Q_UNUSED(total);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>("totalEdit"));
    QCOMPARE(m_dialog->highlightedField(), QStringLiteral("total"));
}

void TestReceiptReview::qrCodeOriginIsShown()
{
    PaintedReceipt receipt = cornerShop();
    ReceiptFieldSource qr = receipt.draft.sources.value(QLatin1String(ReceiptDraft::Total));
    qr.origin = QStringLiteral("qr");
    qr.confidence = 1;
    receipt.draft.sources.insert(QLatin1String(ReceiptDraft::Total), qr);
    receipt.draft.items[1].source.confidence = 0.9f;
    m_dialog = open(receipt);
    QCOMPARE(m_dialog->mark(QStringLiteral("total")), ReceiptMarks::FromQrCode);
    QCOMPARE(find<QLabel>("totalMark")->toolTip(), QStringLiteral("From the payment QR code"));
    QCOMPARE(find<QLineEdit>("totalEdit")->accessibleDescription(), QStringLiteral("From the payment QR code"));
    // Nothing is unsure: focus starts at the merchant.
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>("merchantEdit"));
    screenshot(m_dialog.get(), QStringLiteral("receiptreview-qr"));
}

void TestReceiptReview::severalPagesAreStacked()
{
    PaintedReceipt receipt = cornerShop();
    QImage second(300, 200, QImage::Format_RGB32);
    second.fill(QColor(0xEE, 0xEE, 0xEE));
    receipt.draft.sources[QLatin1String(ReceiptDraft::Total)].page = 1;
    receipt.draft.sources[QLatin1String(ReceiptDraft::Total)].box = QRect(20, 40, 100, 30);

    ReceiptImageView view;
    view.resize(400, 500);
    // The first page is shown at half its resolution: its boxes still refer to the full size.
    view.setPages({receipt.image.scaled(receipt.image.size() / 2), second}, {receipt.image.size()});
    view.setRegions(receipt.draft);
    QCOMPARE(view.pageCount(), 2);
    QCOMPARE(view.pageRect(0).size(), QSizeF(receipt.image.size()));
    QVERIFY(view.pageRect(1).top() > view.pageRect(0).bottom());
    const QRectF total = view.regionRect(QStringLiteral("total"));
    QVERIFY(view.pageRect(1).contains(total.center()));
    QCOMPARE(total.topLeft(), view.pageRect(1).topLeft() + QPointF(18, 38)); // the box plus its 2-unit margin
    QVERIFY(view.pageRect(0).contains(view.regionRect(QStringLiteral("merchant"))));
    // A box on a page that does not exist is left out.
    view.addRegion(QStringLiteral("other"), QStringLiteral("Other"), 5, QRect(0, 0, 10, 10));
    QVERIFY(!view.hasRegion(QStringLiteral("other")));
    view.highlight(QStringLiteral("nothing"));
    QVERIFY(view.highlighted().isEmpty());
}

void TestReceiptReview::currencyChangeConvertsLines()
{
    m_dialog = open(cornerShop());
    auto* currency = find<QComboBox>("currencyCombo");
    currency->setFocus(Qt::TabFocusReason);
    const int jpy = currency->findData(QStringLiteral("JPY"));
    QVERIFY(jpy >= 0);
    while (currency->currentIndex() != jpy)
        QTest::keyClick(currency, currency->currentIndex() < jpy ? Qt::Key_Down : Qt::Key_Up);
    // Yen have no minor digits: 2.50 becomes 3 (half away from zero), and "10.45" is no amount of yen.
    QCOMPARE(m_dialog->itemsModel()->line(0).amountMinor, 3);
    QCOMPARE(m_dialog->itemsModel()->index(0, ReceiptItemsModel::AmountColumn).data().toString(), QStringLiteral("3"));
    QVERIFY(m_dialog->problems().startsWith(QLatin1String("Total: ")));
    retype(find<QLineEdit>("totalEdit"), QStringLiteral("1,045"));
    retype(find<QLineEdit>("taxEdit"), QString());
    const ReceiptAcceptance a = m_dialog->acceptance();
    QCOMPARE(a.total, Money::fromMinor(1045, u"JPY"));
    QCOMPARE(a.items.at(1).amountMinor, 4);
}

void TestReceiptReview::layoutIsRemembered()
{
    m_dialog = open(cornerShop());
    m_dialog->resize(1000, 700);
    auto* splitter = find<QSplitter>("receiptSplitter");
    splitter->setSizes({300, 680});
    const QList<int> sizes = splitter->sizes();
    QTest::keyClick(find<QLineEdit>("merchantEdit"), Qt::Key_Escape);
    m_dialog = open(cornerShop());
    QCOMPARE(m_dialog->size(), QSize(1000, 700));
    QCOMPARE(find<QSplitter>("receiptSplitter")->sizes(), sizes);
}

QTEST_MAIN(TestReceiptReview)
#include "tst_receiptreview.moc"
