#pragma once

#include "core/category.h"
#include "core/invoice.h"
#include "receiptmarks.h"
#include "receipts/receiptacceptance.h"
#include "receipts/receiptdraft.h"

#include <QDialog>
#include <QHash>
#include <QImage>
#include <QList>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace Moniagent {

class ReceiptImageView;
class ReceiptItemsModel;
class SecondOpinionBox;
class Session;

// What the review of one receipt starts from.
struct ReceiptReviewInput
{
    Invoice invoice; // its id goes into the acceptance; its store, date and amounts fill what the draft lacks
    ReceiptDraft draft;
    QList<QImage> pages; // the upright page images (DocumentReader::pageImage)
    // The sizes the draft's boxes refer to (OcrPage::size), when a page image was scaled for showing; empty = the
    // images' own sizes.
    QList<QSize> pageSizes;
    int position = 0; // 1-based place in the batch ("3 of 12"); 0 = not part of a batch
    int count = 0;
};

// What the dialog asks the application (all optional).
struct ReceiptReviewHooks
{
    // The categorizer's guess for a merchant, a line's description ("" for the whole receipt) and an amount.
    std::function<std::optional<qint64>(const QString& merchant, const QString& description, const Money& amount)>
        suggestCategory;
    // A description of an existing transaction with the same merchant, date and total ("Tesco, 3 Mar 2026,
    // €12.30"), empty when there is none: the dialog asks before accepting a second one.
    std::function<QString(const ReceiptAcceptance& acceptance)> findDuplicate;
};

// The review of one receipt read by OCR: the page images with the boxes of what was read beside the fields to
// check and correct (merchant, date, total, tax, currency, payment method, category, notes) and the line items with a
// category each, which can become one expense per category. Fields read with low confidence carry an amber mark and
// focus starts in the first of them. Accept (Enter) hands back acceptance(); Skip leaves the receipt pending for
// later; Cancel (Escape) stops the review. exec() returns the Outcome.
class ReceiptReviewDialog : public QDialog
{
    Q_OBJECT
public:
    enum Outcome
    {
        Cancelled = QDialog::Rejected,
        Accepted = QDialog::Accepted,
        Skipped = 2,
    };
    Q_ENUM(Outcome)

    ReceiptReviewDialog(Session* session, const ReceiptReviewInput& input, const ReceiptReviewHooks& hooks = {},
                        QWidget* parent = nullptr);
    ~ReceiptReviewDialog() override;

    Outcome outcome() const { return m_outcome; }
    // What the user confirmed; meaningful once accepted (before, the fields as they are, when they are valid).
    ReceiptAcceptance acceptance() const;
    // The problems that keep Accept from going through, one per line; empty when none.
    QString problems() const;
    // The warning about items that do not add up to the total; empty when they do (or there are none).
    QString mismatchWarning() const;
    // The expenses accepting would create, as shown under the split choice.
    QString splitPreview() const;
    ReceiptImageView* imageView() const { return m_view; }
    ReceiptItemsModel* itemsModel() const { return m_items; }
    // The field whose box the image shows emphasized.
    QString highlightedField() const;
    // The mark shown beside a field (ReceiptDraft field names).
    ReceiptMarks::Mark mark(const QString& field) const { return m_marks.value(field, ReceiptMarks::None); }
    // The language model's second opinion (hidden when the receipt has none).
    SecondOpinionBox* secondOpinion() const { return m_secondOpinion; }

public Q_SLOTS:
    // Accepts when the fields are valid and, for a likely duplicate, the user agrees; otherwise shows why and stays.
    void accept() override;
    void skip();
    void reject() override;
    void done(int result) override;

private:
    struct Entered
    {
        std::optional<Money> total;
        std::optional<Money> tax;
        QStringList problems;
        QWidget* firstInvalid = nullptr;
    };

    void buildForm(const ReceiptReviewInput& input);
    QWidget* buildItems();
    void fill(const ReceiptReviewInput& input);
    void setMark(const QString& field, QWidget* editor, ReceiptMarks::Mark mark);
    void watchFocus(QWidget* editor, const QString& field);
    bool eventFilter(QObject* watched, QEvent* event) override;
    Currency currency() const;
    std::optional<qint64> selectedCategory() const;
    Entered entered() const;
    void refresh();
    void suggestCategories();
    void suggestLine(int row);
    void currencyChanged();
    void addLine();
    void removeLine();
    void focusFirstUnsure();
    void useSuggestion(const QString& field, const QString& value);
    void saveLayout();

    Session* m_session;
    ReceiptReviewHooks m_hooks;
    qint64 m_invoiceId = 0;
    QList<Category> m_categories;
    QHash<QString, ReceiptMarks::Mark> m_marks;
    QHash<QObject*, QString> m_fieldOf; // editor -> field name, for the highlight
    QHash<QString, QLabel*> m_markLabels;
    Outcome m_outcome = Cancelled;
    bool m_categoryChosen = false;
    Currency m_currency;

    QSplitter* m_splitter;
    ReceiptImageView* m_view;
    QLabel* m_zoomLabel;
    QLabel* m_position;
    QLineEdit* m_merchant;
    QDateEdit* m_date;
    QLineEdit* m_total;
    QComboBox* m_currencyBox;
    QLineEdit* m_tax;
    QComboBox* m_payment;
    QComboBox* m_category;
    QLabel* m_categoryHint;
    QLineEdit* m_notes;
    ReceiptItemsModel* m_items;
    QTableView* m_table;
    QPushButton* m_addLine;
    QPushButton* m_removeLine;
    QCheckBox* m_split;
    QLabel* m_splitPreview;
    QLabel* m_mismatch;
    QLabel* m_problems;
    QLabel* m_lineProblem;
    SecondOpinionBox* m_secondOpinion = nullptr;
    QDialogButtonBox* m_buttons;
    QPushButton* m_accept;
    QPushButton* m_skip;
};

} // namespace Moniagent
