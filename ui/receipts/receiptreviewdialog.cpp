#include "receiptreviewdialog.h"

#include "common/messagebox.h"
#include "receiptcategorydelegate.h"
#include "receiptimageview.h"
#include "receiptitemsmodel.h"
#include "receipts/receiptsplit.h"
#include "receipttext.h"
#include "secondopinionbox.h"
#include "session/session.h"

#include <QAction>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Moniagent {

namespace {
const QString GeometryKey = QStringLiteral("receiptReview/geometry");
const QString SplitterKey = QStringLiteral("receiptReview/splitter");
const QDate NoDate(1900, 1, 1); // the date editor's minimum, shown as "not found"

void setTone(QLabel* label, const QColor& color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QColor badColor()
{
    return QColor(0xDC, 0x26, 0x26);
}
} // namespace

ReceiptReviewDialog::ReceiptReviewDialog(Session* session, const ReceiptReviewInput& input,
                                         const ReceiptReviewHooks& hooks, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_hooks(hooks)
    , m_invoiceId(input.invoice.id)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_view(new ReceiptImageView(this))
    , m_zoomLabel(new QLabel(this))
    , m_position(new QLabel(this))
    , m_merchant(new QLineEdit(this))
    , m_date(new QDateEdit(this))
    , m_total(new QLineEdit(this))
    , m_currencyBox(new QComboBox(this))
    , m_tax(new QLineEdit(this))
    , m_payment(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_categoryHint(new QLabel(this))
    , m_notes(new QLineEdit(this))
    , m_items(nullptr)
    , m_table(new QTableView(this))
    , m_addLine(new QPushButton(tr("Add L&ine"), this))
    , m_removeLine(new QPushButton(tr("&Remove Line"), this))
    , m_split(new QCheckBox(tr("S&plit into one expense per category"), this))
    , m_splitPreview(new QLabel(this))
    , m_mismatch(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_lineProblem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_accept(nullptr)
    , m_skip(nullptr)
{
    setObjectName(QStringLiteral("receiptReviewDialog"));
    setWindowTitle(tr("Review Receipt"));
    setSizeGripEnabled(true);

    if (auto categories = session->categories()->list(session->userId())) {
        for (const Category& category : std::as_const(*categories)) {
            if (category.appliesToExpenses())
                m_categories.append(category);
        }
    }
    m_items = new ReceiptItemsModel(m_categories, session->locale(), this);
    m_items->setObjectName(QStringLiteral("receiptItemsModel"));

    buildForm(input);
    fill(input);

    connect(m_merchant, &QLineEdit::textChanged, this, &ReceiptReviewDialog::refresh);
    connect(m_merchant, &QLineEdit::editingFinished, this, &ReceiptReviewDialog::suggestCategories);
    connect(m_date, &QDateEdit::dateChanged, this, &ReceiptReviewDialog::refresh);
    connect(m_total, &QLineEdit::textChanged, this, &ReceiptReviewDialog::refresh);
    connect(m_tax, &QLineEdit::textChanged, this, &ReceiptReviewDialog::refresh);
    connect(m_currencyBox, &QComboBox::currentIndexChanged, this, &ReceiptReviewDialog::currencyChanged);
    connect(m_category, &QComboBox::activated, this, [this]() {
        m_categoryChosen = true;
        refresh();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, &ReceiptReviewDialog::refresh);
    connect(m_split, &QCheckBox::toggled, this, &ReceiptReviewDialog::refresh);
    connect(m_items, &ReceiptItemsModel::linesChanged, this, [this]() {
        m_lineProblem->clear();
        m_lineProblem->setVisible(false);
        refresh();
    });
    connect(m_items, &ReceiptItemsModel::invalidInput, this, [this](const QString& message) {
        m_lineProblem->setText(message);
        m_lineProblem->setVisible(true);
    });
    connect(m_items, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                if (topLeft.column() <= ReceiptItemsModel::AmountColumn) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        suggestLine(row);
                }
            });
    connect(m_view, &ReceiptImageView::regionClicked, this, [this](const QString& key) {
        if (key.startsWith(u"item:")) {
            const int source = key.mid(5).toInt();
            for (int row = 0; row < m_items->rowCount(); ++row) {
                if (m_items->line(row).sourceRow == source) {
                    m_table->setFocus(Qt::MouseFocusReason);
                    m_table->setCurrentIndex(m_items->index(row, ReceiptItemsModel::DescriptionColumn));
                    return;
                }
            }
            return;
        }
        for (auto it = m_fieldOf.cbegin(); it != m_fieldOf.cend(); ++it) {
            if (it.value() == key) {
                static_cast<QWidget*>(it.key())->setFocus(Qt::MouseFocusReason);
                return;
            }
        }
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1120, 740);
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({460, 660});

    refresh();
    focusFirstUnsure();
}

ReceiptReviewDialog::~ReceiptReviewDialog()
{
    // The children go after this object: focus leaving an editor as it goes must not call back into it.
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children) {
        child->removeEventFilter(this);
        child->disconnect(this);
    }
}

void ReceiptReviewDialog::buildForm(const ReceiptReviewInput& input)
{
    const QLocale locale = m_session->locale();

    // Left: the image with its zoom controls.
    auto* imagePane = new QWidget(m_splitter);
    auto* zoomRow = new QHBoxLayout;
    zoomRow->setContentsMargins(0, 0, 0, 0);
    zoomRow->setSpacing(4);
    const auto toolButton = [imagePane](QAction* action, const QString& text, const QString& name) {
        auto* button = new QToolButton(imagePane);
        button->setDefaultAction(action);
        button->setText(text);
        button->setObjectName(name);
        button->setAccessibleName(action->text().remove(u'&'));
        button->setAutoRaise(true);
        return button;
    };
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("8888 %")));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    zoomRow->addWidget(toolButton(m_view->zoomOutAction(), QStringLiteral("−"), QStringLiteral("zoomOutButton")));
    zoomRow->addWidget(m_zoomLabel);
    zoomRow->addWidget(toolButton(m_view->zoomInAction(), QStringLiteral("+"), QStringLiteral("zoomInButton")));
    zoomRow->addWidget(toolButton(m_view->fitAction(), tr("Fit"), QStringLiteral("fitButton")));
    zoomRow->addStretch(1);
    auto* hint = new QLabel(tr("Ctrl+wheel zooms, drag to move"), imagePane);
    setTone(hint, hint->palette().color(QPalette::PlaceholderText));
    zoomRow->addWidget(hint);
    auto* imageLayout = new QVBoxLayout(imagePane);
    imageLayout->setContentsMargins(0, 0, 6, 0);
    imageLayout->addLayout(zoomRow);
    imageLayout->addWidget(m_view, 1);
    m_view->setMinimumWidth(220);
    connect(m_view, &ReceiptImageView::zoomChanged, this, [this, locale](qreal zoom) {
        m_zoomLabel->setText(locale.toString(qRound(zoom * 100)) + QStringLiteral(" %"));
    });

    // Right: the fields, the lines, the checks.
    auto* fieldsPane = new QWidget(m_splitter);

    m_merchant->setObjectName(QStringLiteral("merchantEdit"));
    m_merchant->setAccessibleName(tr("Merchant"));
    m_merchant->setPlaceholderText(tr("Where you paid"));
    m_merchant->setMaxLength(200);

    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setAccessibleName(tr("Date"));
    m_date->setCalendarPopup(true);
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QStringLiteral("yyyy")))
        format.replace(QStringLiteral("yy"), QStringLiteral("yyyy")); // receipts span decades: four digits
    m_date->setDisplayFormat(format);
    m_date->setMinimumDate(NoDate);
    m_date->setSpecialValueText(tr("Not found"));
    m_date->calendarWidget()->installEventFilter(this);

    const auto amountEdit = [this, locale](QLineEdit* edit, const QString& name, const QString& accessible) {
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setMaxLength(24);
        edit->setPlaceholderText(Money(0, m_session->baseCurrency()).toNumberString(locale));
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0,000,000.00")) + 16);
    };
    amountEdit(m_total, QStringLiteral("totalEdit"), tr("Total"));
    amountEdit(m_tax, QStringLiteral("taxEdit"), tr("Tax"));
    m_tax->setPlaceholderText(tr("None"));

    m_currencyBox->setObjectName(QStringLiteral("currencyCombo"));
    m_currencyBox->setAccessibleName(tr("Currency"));

    m_payment->setObjectName(QStringLiteral("paymentCombo"));
    m_payment->setAccessibleName(tr("Payment method"));
    for (const QString& key : ReceiptText::paymentMethods())
        m_payment->addItem(ReceiptText::paymentMethodName(key), key);

    m_category->setObjectName(QStringLiteral("categoryCombo"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setIconSize(QSize(18, 18));
    m_category->setMinimumContentsLength(18);
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    ReceiptCategoryDelegate::fill(m_category, m_categories, tr("Uncategorized"));
    m_categoryHint->setObjectName(QStringLiteral("categoryHint"));
    m_categoryHint->setText(tr("suggested"));
    setTone(m_categoryHint, m_categoryHint->palette().color(QPalette::PlaceholderText));

    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setPlaceholderText(tr("Optional"));

    // Each row: a gutter for the field's mark (how it was read), then the editor(s).
    const auto row = [this](std::initializer_list<QWidget*> widgets, const QString& field, bool stretch) {
        auto* layout = new QHBoxLayout;
        layout->setSpacing(6);
        auto* mark = new QLabel(this);
        mark->setFixedSize(16, 16);
        if (!field.isEmpty()) {
            mark->setObjectName(field + QStringLiteral("Mark"));
            m_markLabels.insert(field, mark);
        }
        layout->addWidget(mark);
        for (QWidget* widget : widgets)
            layout->addWidget(widget, stretch && widget == *widgets.begin() ? 1 : 0);
        if (!stretch)
            layout->addStretch(1);
        return layout;
    };
    auto* categoryRow = row({m_category, m_categoryHint}, QString(), true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const auto addRow = [this, form](const QString& text, QLayout* fields, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy); // Alt shortcuts to the fields
        form->addRow(label, fields);
    };
    addRow(tr("&Merchant:"), row({m_merchant}, QLatin1String(ReceiptDraft::Merchant), true), m_merchant);
    addRow(tr("&Date:"), row({m_date}, QLatin1String(ReceiptDraft::Date), false), m_date);
    addRow(tr("&Total:"), row({m_total, m_currencyBox}, QLatin1String(ReceiptDraft::Total), false), m_total);
    addRow(tr("Ta&x:"), row({m_tax}, QLatin1String(ReceiptDraft::Tax), false), m_tax);
    addRow(tr("Pa&yment:"), row({m_payment}, QLatin1String(ReceiptDraft::Payment), false), m_payment);
    addRow(tr("Cate&gory:"), categoryRow, m_category);
    addRow(tr("&Notes:"), row({m_notes}, QString(), true), m_notes);

    m_position->setObjectName(QStringLiteral("positionLabel"));
    QFont bold = m_position->font();
    bold.setBold(true);
    m_position->setFont(bold);
    m_position->setTextFormat(Qt::PlainText);
    const QString file = input.invoice.filename;
    if (input.position > 0 && input.count > 0) {
        m_position->setText(file.isEmpty()
                                ? tr("Receipt %1 of %2").arg(input.position).arg(input.count)
                                : tr("Receipt %1 of %2 · %3").arg(input.position).arg(input.count).arg(file));
    } else {
        m_position->setText(file);
    }
    m_position->setVisible(!m_position->text().isEmpty());
    m_position->setToolTip(input.invoice.filePath);

    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    setTone(m_problems, badColor());

    auto* fieldsLayout = new QVBoxLayout(fieldsPane);
    fieldsLayout->setContentsMargins(6, 0, 0, 0);
    fieldsLayout->addWidget(m_position);
    fieldsLayout->addLayout(form);
    const Currency shownIn = input.draft.currency.isValid() ? input.draft.currency : m_session->baseCurrency();
    m_secondOpinion = new SecondOpinionBox(input.draft, shownIn, locale, fieldsPane);
    connect(m_secondOpinion, &SecondOpinionBox::useRequested, this, &ReceiptReviewDialog::useSuggestion);
    fieldsLayout->addWidget(m_secondOpinion);
    fieldsLayout->addWidget(buildItems(), 1);
    fieldsLayout->addWidget(m_problems);

    m_splitter->setObjectName(QStringLiteral("receiptSplitter"));
    m_splitter->addWidget(imagePane);
    m_splitter->addWidget(fieldsPane);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_accept = m_buttons->addButton(tr("&Accept"), QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(QStringLiteral("acceptButton"));
    m_accept->setToolTip(tr("Create the expense and go on (Enter)"));
    m_accept->setDefault(true);
    m_skip = new QPushButton(tr("&Skip"), this);
    m_skip->setObjectName(QStringLiteral("skipButton"));
    m_skip->setToolTip(tr("Leave this receipt pending and show the next one"));
    m_skip->setAutoDefault(false);
    // Only in a batch: alone, skipping is closing.
    if (input.count > 1)
        m_buttons->addButton(m_skip, QDialogButtonBox::ActionRole);
    else
        m_skip->hide();
    QPushButton* cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setToolTip(input.count > 1 ? tr("Stop reviewing; this receipt and the rest stay pending (Esc)")
                                       : tr("Close; the receipt stays pending (Esc)"));
    cancel->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReceiptReviewDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReceiptReviewDialog::reject);
    connect(m_skip, &QPushButton::clicked, this, &ReceiptReviewDialog::skip);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_buttons);

    const std::initializer_list<std::pair<QWidget*, const char*>> fields {
        {m_merchant, ReceiptDraft::Merchant},         {m_date, ReceiptDraft::Date}, {m_total, ReceiptDraft::Total},
        {m_currencyBox, ReceiptDraft::CurrencyField}, {m_tax, ReceiptDraft::Tax},   {m_payment, ReceiptDraft::Payment},
    };
    for (const auto& [editor, field] : fields)
        watchFocus(editor, QLatin1String(field));
    m_table->installEventFilter(this);
}

QWidget* ReceiptReviewDialog::buildItems()
{
    auto* box = new QWidget(this);
    auto* title = new QLabel(tr("Items"), box);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setBuddy(m_table);

    m_table->setObjectName(QStringLiteral("itemsTable"));
    m_table->setAccessibleName(tr("Line items"));
    m_table->setModel(m_items);
    m_table->setItemDelegateForColumn(ReceiptItemsModel::CategoryColumn,
                                      new ReceiptCategoryDelegate(m_categories, m_table));
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the table: the dialog's flow goes on to the buttons
    m_table->setIconSize(QSize(16, 16));
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(ReceiptItemsModel::DescriptionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ReceiptItemsModel::QuantityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReceiptItemsModel::AmountColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReceiptItemsModel::CategoryColumn, QHeaderView::Interactive);
    header->resizeSection(ReceiptItemsModel::CategoryColumn, m_table->fontMetrics().horizontalAdvance(u'M') * 14);
    header->setStretchLastSection(false);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 4 + header->sizeHint().height());

    auto* remove = new QAction(tr("Remove Line"), m_table);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(remove);
    connect(remove, &QAction::triggered, this, &ReceiptReviewDialog::removeLine);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        if (current.isValid() && m_table->hasFocus()) {
            const int source = m_items->line(current.row()).sourceRow;
            m_view->highlight(source >= 0 ? ReceiptImageView::itemKey(source) : QString());
        }
        refresh();
    });

    m_addLine->setObjectName(QStringLiteral("addLineButton"));
    m_addLine->setAutoDefault(false);
    m_removeLine->setObjectName(QStringLiteral("removeLineButton"));
    m_removeLine->setAutoDefault(false);
    m_removeLine->setToolTip(tr("Remove the selected line (Del)"));
    connect(m_addLine, &QPushButton::clicked, this, &ReceiptReviewDialog::addLine);
    connect(m_removeLine, &QPushButton::clicked, this, &ReceiptReviewDialog::removeLine);

    m_lineProblem->setObjectName(QStringLiteral("lineProblemLabel"));
    m_lineProblem->setWordWrap(true);
    m_lineProblem->setVisible(false);
    setTone(m_lineProblem, badColor());

    m_split->setObjectName(QStringLiteral("splitCheck"));
    m_split->setToolTip(tr("Possible when the lines are in at least two categories"));
    m_splitPreview->setObjectName(QStringLiteral("splitPreview"));
    m_splitPreview->setWordWrap(true);
    m_splitPreview->setTextFormat(Qt::PlainText);
    m_splitPreview->setIndent(20);
    setTone(m_splitPreview, m_splitPreview->palette().color(QPalette::PlaceholderText));

    m_mismatch->setObjectName(QStringLiteral("mismatchLabel"));
    m_mismatch->setWordWrap(true);
    m_mismatch->setTextFormat(Qt::PlainText);
    setTone(m_mismatch, ReceiptMarks::amber().darker(125));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addLine);
    buttons->addWidget(m_removeLine);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_lineProblem);
    layout->addLayout(buttons);
    layout->addWidget(m_mismatch);
    layout->addWidget(m_split);
    layout->addWidget(m_splitPreview);
    return box;
}

void ReceiptReviewDialog::fill(const ReceiptReviewInput& input)
{
    const ReceiptDraft& draft = input.draft;
    const Invoice& invoice = input.invoice;
    const QLocale locale = m_session->locale();
    const auto sourceOf = [&draft](const char* field) -> const ReceiptFieldSource* {
        const auto it = draft.sources.constFind(QLatin1String(field));
        return it == draft.sources.cend() ? nullptr : &*it;
    };
    // A field the draft lacks but the invoice has (stored earlier) is not marked as missing.
    const auto markOf = [&](const char* field, bool haveValue) {
        const ReceiptFieldSource* source = sourceOf(field);
        if (!source && haveValue)
            return ReceiptMarks::None;
        return ReceiptMarks::markFor(source);
    };

    // Currency first: the amounts are typed in it.
    Currency currency = draft.currency;
    if (!currency.isValid() && invoice.total)
        currency = invoice.total->currency();
    if (!currency.isValid())
        currency = m_session->baseCurrency();
    if (!currency.isValid())
        currency = Currency::fromCode(u"EUR");
    m_currency = currency;
    QStringList codes = Currency::commonCodes();
    if (!codes.contains(currency.code()))
        codes.prepend(currency.code());
    {
        const QSignalBlocker blocker(m_currencyBox);
        for (const QString& code : std::as_const(codes)) {
            m_currencyBox->addItem(code, code);
            m_currencyBox->setItemData(m_currencyBox->count() - 1, Currency::fromCode(code).displayName(locale),
                                       Qt::ToolTipRole);
        }
        m_currencyBox->setCurrentIndex(m_currencyBox->findData(currency.code()));
    }
    m_items->setCurrency(currency);

    const QString merchant = draft.merchant.isEmpty() ? invoice.storeName : draft.merchant;
    m_merchant->setText(merchant);
    setMark(QLatin1String(ReceiptDraft::Merchant), m_merchant,
            markOf(ReceiptDraft::Merchant, !merchant.isEmpty() && draft.merchant.isEmpty()));

    const QDate date = draft.date.isValid() ? draft.date : invoice.date;
    m_date->setDate(date.isValid() ? date : NoDate);
    setMark(QLatin1String(ReceiptDraft::Date), m_date,
            markOf(ReceiptDraft::Date, date.isValid() && !draft.date.isValid()));

    std::optional<qint64> total = draft.totalMinor;
    if (!total && invoice.total && invoice.total->currency() == currency)
        total = invoice.total->minor();
    if (total)
        m_total->setText(Money(*total, currency).toNumberString(locale));
    setMark(QLatin1String(ReceiptDraft::Total), m_total, markOf(ReceiptDraft::Total, total && !draft.totalMinor));

    std::optional<qint64> tax = draft.taxMinor;
    if (!tax && invoice.tax && invoice.tax->currency() == currency)
        tax = invoice.tax->minor();
    if (tax)
        m_tax->setText(Money(*tax, currency).toNumberString(locale));
    // A receipt without a tax line is common: only what was read unsurely is marked.
    const ReceiptMarks::Mark taxMark = ReceiptMarks::markFor(sourceOf(ReceiptDraft::Tax));
    setMark(QLatin1String(ReceiptDraft::Tax), m_tax, taxMark == ReceiptMarks::NotFound ? ReceiptMarks::None : taxMark);

    int payment = m_payment->findData(draft.paymentMethod);
    if (payment < 0) {
        m_payment->addItem(ReceiptText::paymentMethodName(draft.paymentMethod), draft.paymentMethod);
        payment = m_payment->count() - 1;
    }
    m_payment->setCurrentIndex(payment);
    const ReceiptMarks::Mark paymentMark = ReceiptMarks::markFor(sourceOf(ReceiptDraft::Payment));
    setMark(QLatin1String(ReceiptDraft::Payment), m_payment,
            paymentMark == ReceiptMarks::NotFound ? ReceiptMarks::None : paymentMark);
    const ReceiptMarks::Mark currencyMark = ReceiptMarks::markFor(sourceOf(ReceiptDraft::CurrencyField));
    if (currencyMark != ReceiptMarks::NotFound && currencyMark != ReceiptMarks::None)
        setMark(QLatin1String(ReceiptDraft::CurrencyField), m_currencyBox, currencyMark);

    m_items->setItems(draft.items);

    m_view->setPages(input.pages, input.pageSizes);
    m_view->setRegions(draft);
    m_zoomLabel->setText(locale.toString(qRound(m_view->zoom() * 100)) + QStringLiteral(" %"));

    suggestCategories();
}

void ReceiptReviewDialog::useSuggestion(const QString& field, const QString& value)
{
    const QLocale locale = m_session->locale();
    if (field == QLatin1String(ReceiptDraft::Merchant)) {
        m_merchant->setText(value.left(m_merchant->maxLength()));
        setMark(field, m_merchant, ReceiptMarks::None);
    } else if (field == QLatin1String(ReceiptDraft::Date)) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            return;
        m_date->setDate(date);
        setMark(field, m_date, ReceiptMarks::None);
    } else if (field == QLatin1String(ReceiptDraft::CurrencyField)) {
        const Currency chosen = Currency::fromCode(value);
        if (!chosen.isValid())
            return;
        int index = m_currencyBox->findData(chosen.code());
        if (index < 0) {
            m_currencyBox->addItem(chosen.code(), chosen.code());
            index = m_currencyBox->count() - 1;
        }
        m_currencyBox->setCurrentIndex(index);
    } else if (field == QLatin1String(ReceiptDraft::Total) || field == QLatin1String(ReceiptDraft::Tax)) {
        QLineEdit* edit = field == QLatin1String(ReceiptDraft::Total) ? m_total : m_tax;
        auto money = Money::fromDecimalString(value, currency());
        if (!money)
            return;
        edit->setText(money->toNumberString(locale));
        setMark(field, edit, ReceiptMarks::None);
    }
}

void ReceiptReviewDialog::setMark(const QString& field, QWidget* editor, ReceiptMarks::Mark mark)
{
    m_marks.insert(field, mark);
    const QString tip = ReceiptMarks::toolTip(mark);
    editor->setAccessibleDescription(tip);
    QLabel* label = m_markLabels.value(field);
    if (!label && field == QLatin1String(ReceiptDraft::CurrencyField))
        label = m_markLabels.value(QLatin1String(ReceiptDraft::Total)); // the currency shares the total's row
    if (!label)
        return;
    if (label == m_markLabels.value(QLatin1String(ReceiptDraft::Total)) && mark == ReceiptMarks::None
        && field != QLatin1String(ReceiptDraft::Total))
        return;
    label->setPixmap(ReceiptMarks::pixmap(mark, 14, devicePixelRatioF()));
    label->setToolTip(tip);
    label->setAccessibleName(tip);
}

void ReceiptReviewDialog::watchFocus(QWidget* editor, const QString& field)
{
    m_fieldOf.insert(editor, field);
    editor->installEventFilter(this);
}

bool ReceiptReviewDialog::eventFilter(QObject* watched, QEvent* event)
{
    // A missing date shows "Not found": typing a digit starts from today's date, in the first section, so that the
    // typed date replaces it; the calendar opens at this month rather than at the editor's minimum.
    if (m_date->date() == NoDate) {
        if (watched == m_date && event->type() == QEvent::KeyPress) {
            const QString text = static_cast<QKeyEvent*>(event)->text();
            if (!text.isEmpty() && text.at(0).isDigit()) {
                m_date->setDate(m_session->clock().today());
                m_date->setSelectedSection(m_date->sectionAt(0));
            }
        } else if (watched == m_date->calendarWidget() && event->type() == QEvent::Show) {
            const QDate today = m_session->clock().today();
            m_date->calendarWidget()->setCurrentPage(today.year(), today.month());
        }
    }
    if (event->type() == QEvent::FocusIn) {
        if (watched == m_table) {
            const QModelIndex current = m_table->currentIndex();
            const int source = current.isValid() ? m_items->line(current.row()).sourceRow : -1;
            m_view->highlight(source >= 0 ? ReceiptImageView::itemKey(source) : QString());
        } else if (const auto it = m_fieldOf.constFind(watched); it != m_fieldOf.cend()) {
            QString field = *it;
            // The currency has rarely a box of its own: show the total it was read with.
            if (!m_view->hasRegion(field) && field == QLatin1String(ReceiptDraft::CurrencyField))
                field = QLatin1String(ReceiptDraft::Total);
            // The tax is often printed as a subtotal + tax pair.
            if (!m_view->hasRegion(field) && field == QLatin1String(ReceiptDraft::Tax))
                field = QLatin1String(ReceiptDraft::Subtotal);
            m_view->highlight(field);
        }
    }
    return QDialog::eventFilter(watched, event);
}

Currency ReceiptReviewDialog::currency() const
{
    const Currency chosen = Currency::fromCode(m_currencyBox->currentData().toString());
    return chosen.isValid() ? chosen : m_currency;
}

std::optional<qint64> ReceiptReviewDialog::selectedCategory() const
{
    const QVariant id = m_category->currentData();
    return id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
}

ReceiptReviewDialog::Entered ReceiptReviewDialog::entered() const
{
    Entered result;
    const QLocale locale = m_session->locale();
    const auto problem = [&result](QWidget* editor, const QString& text) {
        result.problems.append(text);
        if (!result.firstInvalid)
            result.firstInvalid = editor;
    };
    if (m_merchant->text().trimmed().isEmpty())
        problem(m_merchant, tr("Enter the merchant."));
    const QDate date = m_date->date();
    if (!date.isValid() || date == NoDate)
        problem(m_date, tr("Enter the date of the receipt."));
    else if (date > m_session->clock().today())
        problem(m_date, tr("The date is in the future."));

    const QString totalText = m_total->text().trimmed();
    if (totalText.isEmpty()) {
        problem(m_total, tr("Enter the total."));
    } else if (auto total = Money::parse(totalText, currency(), locale); !total) {
        problem(m_total, tr("Total: %1").arg(total.error().message));
    } else if (total->minor() <= 0) {
        problem(m_total, tr("The total must be more than zero."));
    } else {
        result.total = *total;
    }
    const QString taxText = m_tax->text().trimmed();
    if (!taxText.isEmpty()) {
        if (auto tax = Money::parse(taxText, currency(), locale); !tax)
            problem(m_tax, tr("Tax: %1").arg(tax.error().message));
        else if (tax->isNegative())
            problem(m_tax, tr("The tax cannot be negative."));
        else if (result.total && tax->minor() >= result.total->minor())
            problem(m_tax, tr("The tax must be less than the total."));
        else
            result.tax = *tax;
    }
    return result;
}

ReceiptAcceptance ReceiptReviewDialog::acceptance() const
{
    const Entered values = entered();
    ReceiptAcceptance acceptance;
    acceptance.invoiceId = m_invoiceId;
    acceptance.merchant = m_merchant->text().trimmed();
    acceptance.date = m_date->date() == NoDate ? QDate() : m_date->date();
    acceptance.total = values.total.value_or(Money(0, currency()));
    acceptance.tax = values.tax;
    acceptance.paymentMethod = m_payment->currentData().toString();
    acceptance.categoryId = selectedCategory();
    acceptance.notes = m_notes->text().trimmed();
    acceptance.items = m_items->acceptanceLines();
    acceptance.splitByCategory = m_split->isChecked() && m_split->isEnabled();
    return acceptance;
}

QString ReceiptReviewDialog::problems() const
{
    return entered().problems.join(u'\n');
}

QString ReceiptReviewDialog::mismatchWarning() const
{
    return m_mismatch->text();
}

QString ReceiptReviewDialog::splitPreview() const
{
    return m_splitPreview->text();
}

QString ReceiptReviewDialog::highlightedField() const
{
    return m_view->highlighted();
}

void ReceiptReviewDialog::refresh()
{
    const QLocale locale = m_session->locale();
    const Entered values = entered();
    m_problems->setText(values.problems.join(u'\n'));
    m_problems->setVisible(!values.problems.isEmpty());

    // Do the lines add up? With the tax on top when the lines are without it.
    QString mismatch;
    const std::optional<qint64> sum = m_items->sumMinor();
    if (values.total && m_items->rowCount() > 0 && sum && *sum != values.total->minor()) {
        const Currency c = values.total->currency();
        const qint64 tax = values.tax ? values.tax->minor() : 0;
        if (!(values.tax && *sum + tax == values.total->minor())) {
            const QString items = Money(*sum, c).toString(locale);
            const QString total = values.total->toString(locale);
            const QString difference = Money(values.total->minor() - *sum - tax, c).toString(locale);
            mismatch = values.tax ? tr("The items add up to %1, %2 with the tax, not to the total of %3 (%4 "
                                       "missing). Check the amounts.")
                                        .arg(items, Money(*sum + tax, c).toString(locale), total, difference)
                                  : tr("The items add up to %1, not to the total of %2 (%3 missing). Check the "
                                       "amounts.")
                                        .arg(items, total, difference);
        }
    }
    m_mismatch->setText(mismatch);
    m_mismatch->setVisible(!mismatch.isEmpty());

    const ReceiptAcceptance current = acceptance();
    m_split->setEnabled(ReceiptSplit::canSplit(current));
    QString preview;
    if (current.splitByCategory && values.total) {
        QStringList parts;
        const QList<ReceiptExpense> expenses = ReceiptSplit::expenses(current);
        for (const ReceiptExpense& expense : expenses) {
            QString name = tr("Uncategorized");
            for (const Category& category : std::as_const(m_categories)) {
                if (expense.categoryId && category.id == *expense.categoryId)
                    name = category.name;
            }
            parts.append(tr("%1 %2", "category and amount of one expense of a split receipt")
                             .arg(name, expense.amount.toString(locale)));
        }
        const QString list = parts.join(QStringLiteral(" · "));
        preview = expenses.size() == 1 ? tr("Creates one expense: %1").arg(list)
                                       : tr("Creates %1 expenses: %2").arg(expenses.size()).arg(list);
    }
    m_splitPreview->setText(preview);
    m_splitPreview->setVisible(!preview.isEmpty());

    m_removeLine->setEnabled(m_table->currentIndex().isValid());
    m_categoryHint->setVisible(!m_categoryChosen && selectedCategory().has_value());
}

void ReceiptReviewDialog::suggestCategories()
{
    if (!m_hooks.suggestCategory)
        return;
    const Entered values = entered();
    if (!m_categoryChosen) {
        const std::optional<qint64> id = m_hooks.suggestCategory(m_merchant->text().trimmed(), QString(),
                                                                 values.total.value_or(Money(0, currency())));
        const int index = id ? m_category->findData(*id) : 0;
        m_category->setCurrentIndex(std::max(index, 0));
    }
    for (int row = 0; row < m_items->rowCount(); ++row)
        suggestLine(row);
    refresh();
}

void ReceiptReviewDialog::suggestLine(int row)
{
    if (!m_hooks.suggestCategory || row < 0 || row >= m_items->rowCount())
        return;
    const ReceiptItemsModel::Line& line = m_items->line(row);
    if (line.categoryChosen || line.description.isEmpty())
        return;
    std::optional<qint64> id
        = m_hooks.suggestCategory(m_merchant->text().trimmed(), line.description, Money(line.amountMinor, currency()));
    // The receipt's own category needs no repeating on the line.
    if (id == selectedCategory())
        id.reset();
    m_items->suggestCategory(row, id);
}

void ReceiptReviewDialog::currencyChanged()
{
    // The total and the tax are text, read in the new currency; the lines (held in minor units) are converted.
    m_currency = currency();
    m_items->setCurrency(m_currency);
    refresh();
}

void ReceiptReviewDialog::addLine()
{
    const int row = m_items->addLine();
    const QModelIndex index = m_items->index(row, ReceiptItemsModel::DescriptionColumn);
    m_table->setFocus(Qt::OtherFocusReason);
    m_table->setCurrentIndex(index);
    m_table->edit(index);
}

void ReceiptReviewDialog::removeLine()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    // The line was not an item (or not one to keep): its box goes too.
    if (const int source = m_items->line(row).sourceRow; source >= 0)
        m_view->removeRegion(ReceiptImageView::itemKey(source));
    m_items->removeLine(row);
    if (m_items->rowCount() > 0)
        m_table->setCurrentIndex(m_items->index(std::min(row, m_items->rowCount() - 1), current.column()));
    refresh();
}

void ReceiptReviewDialog::focusFirstUnsure()
{
    const std::initializer_list<std::pair<const char*, QWidget*>> order {
        {ReceiptDraft::Merchant, m_merchant},         {ReceiptDraft::Date, m_date}, {ReceiptDraft::Total, m_total},
        {ReceiptDraft::CurrencyField, m_currencyBox}, {ReceiptDraft::Tax, m_tax},   {ReceiptDraft::Payment, m_payment},
    };
    QWidget* target = nullptr;
    for (const auto& [field, editor] : order) {
        if (ReceiptMarks::isUnsure(mark(QLatin1String(field)))) {
            target = editor;
            break;
        }
    }
    if (!target) {
        // Nothing unsure: a line read unsurely, else the first field that is not valid, else the merchant.
        for (int row = 0; row < m_items->rowCount() && !target; ++row) {
            const auto& confidence = m_items->line(row).confidence;
            if (confidence && *confidence < ReceiptText::LowConfidence) {
                m_table->setCurrentIndex(m_items->index(row, ReceiptItemsModel::DescriptionColumn));
                target = m_table;
            }
        }
    }
    if (!target)
        target = entered().firstInvalid;
    if (!target)
        target = m_merchant;
    target->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(target))
        edit->selectAll();
}

void ReceiptReviewDialog::accept()
{
    const Entered values = entered();
    if (!values.problems.isEmpty()) {
        refresh();
        if (values.firstInvalid)
            values.firstInvalid->setFocus(Qt::OtherFocusReason);
        return;
    }
    const ReceiptAcceptance result = acceptance();
    if (m_hooks.findDuplicate) {
        const QString duplicate = m_hooks.findDuplicate(result);
        if (!duplicate.isEmpty()
            && MessageBox::question(
                   this, tr("Possible Duplicate"),
                   tr("There is already an expense like this one:\n%1\n\nCreate a second one?").arg(duplicate))
                != QMessageBox::Yes)
            return;
    }
    done(Accepted);
}

void ReceiptReviewDialog::skip()
{
    done(Skipped);
}

void ReceiptReviewDialog::reject()
{
    done(Cancelled);
}

void ReceiptReviewDialog::done(int result)
{
    m_outcome = Outcome(result);
    saveLayout();
    QDialog::done(result);
}

void ReceiptReviewDialog::saveLayout()
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(SplitterKey, m_splitter->saveState());
}

} // namespace Moniagent
