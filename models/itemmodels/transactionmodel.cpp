#include "transactionmodel.h"

#include "addtransactioncommand.h"
#include "core/categorizationreason.h"
#include "core/logging.h"
#include "db/categoryrepository.h"
#include "db/ledgerpager.h"
#include "db/transactionrepository.h"
#include "edittransactioncommand.h"
#include "ledgerfetcher.h"
#include "removetransactionscommand.h"

#include <QCollator>
#include <QColor>

#include <algorithm>

namespace Moniagent {

namespace {
constexpr int MaxCachedPages = 192; // ~25,000 rows
const QColor IncomeColor(0x15, 0x80, 0x3D);
} // namespace

TransactionModel::TransactionModel(TransactionRepository* transactions, CategoryRepository* categories, qint64 userId,
                                   QObject* parent)
    : QAbstractTableModel(parent)
    , m_transactions(transactions)
    , m_categories(categories)
    , m_userId(userId)
    , m_fetcher(new LedgerFetcher(transactions, this))
{
    connect(m_fetcher, &LedgerFetcher::countReady, this, &TransactionModel::onCountReady);
    connect(m_fetcher, &LedgerFetcher::pageReady, this, &TransactionModel::onPageReady);
    connect(m_fetcher, &LedgerFetcher::totalsReady, this, &TransactionModel::onTotalsReady);
    connect(m_fetcher, &LedgerFetcher::located, this, &TransactionModel::onLocated);
    connect(m_fetcher, &LedgerFetcher::failed, this, &TransactionModel::onFailed);

    // Outside changes (another view, an import, the command line in another process is not seen) are
    // coalesced into one refresh.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(15);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TransactionModel::refresh);
    connect(m_transactions, &TransactionRepository::inserted, this, [this](qint64 user) { scheduleRefresh(user); });
    connect(m_transactions, &TransactionRepository::updated, this, [this](qint64 user) { scheduleRefresh(user); });
    connect(m_transactions, &TransactionRepository::removed, this, [this](qint64 user) { scheduleRefresh(user); });
    connect(m_categories, &CategoryRepository::changed, this, [this](qint64 user) {
        if (user != m_userId)
            return;
        reloadCategories();
        if (m_count > 0)
            Q_EMIT dataChanged(index(0, CategoryColumn), index(int(m_count) - 1, CategoryColumn));
        if (m_sort.key == TransactionSortKey::Category || m_filter.hasCategoryFilter())
            startGeneration({0}, true);
    });

    reloadCategories();
    startGeneration({0}, true);
}

TransactionModel::~TransactionModel()
{
    // Stop the worker threads before any member they might still report to goes away.
    delete m_fetcher;
    m_fetcher = nullptr;
}

void TransactionModel::setLocale(const QLocale& locale)
{
    m_locale = locale;
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(int(m_count) - 1, ColumnCount - 1));
}

void TransactionModel::reloadCategories()
{
    auto list = m_categories->list(m_userId);
    if (!list) {
        reportError(list.error());
        return;
    }
    m_categoryInfo.clear();
    QList<Category> sorted = *list;
    for (const Category& c : std::as_const(sorted))
        m_categoryInfo.insert(c.id, c);
    QCollator collator(m_locale);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(sorted.begin(), sorted.end(),
              [&](const Category& a, const Category& b) { return collator.compare(a.name, b.name) < 0; });
    m_categoryOrder.clear();
    m_categoryOrder.append(std::nullopt); // uncategorized first
    for (const Category& c : std::as_const(sorted))
        m_categoryOrder.append(c.id);
}

// ---- generations -------------------------------------------------------------------------------------------

void TransactionModel::startGeneration(QSet<int> pages, bool queryChanged)
{
    const bool wasLoading = isLoading();
    const quint64 generation = ++m_lastGeneration;
    Pending pending;
    pending.generation = generation;
    pending.waiting = pages;
    pending.queryChanged = queryChanged || (m_pending && m_pending->queryChanged);
    m_pending = pending;

    LedgerPager::Spec spec;
    spec.userId = m_userId;
    spec.filter = m_filter;
    spec.sort = m_sort;
    spec.categoryOrder = m_categoryOrder;
    spec.pageSize = PageSize;
    m_fetcher->start(generation, spec);
    m_fetcher->requestCount();
    for (int page : std::as_const(pages))
        m_fetcher->requestPage(page);
    m_fetcher->requestTotals();
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void TransactionModel::refresh()
{
    // Reload the pages most recently looked at, so the visible rows are ready when the change is applied.
    QList<std::pair<quint64, int>> recent;
    for (auto it = m_pageStamps.cbegin(); it != m_pageStamps.cend(); ++it)
        recent.append({it.value(), it.key()});
    std::sort(recent.begin(), recent.end(), std::greater<>());
    QSet<int> hot {0};
    for (qsizetype i = 0; i < recent.size() && hot.size() < 6; ++i)
        hot.insert(recent.at(i).second);
    startGeneration(hot, false);
}

void TransactionModel::scheduleRefresh(qint64 userId)
{
    if (userId == m_userId)
        m_refreshTimer.start();
}

void TransactionModel::tryApply()
{
    if (!m_pending || !m_pending->count)
        return;
    const qint64 count = *m_pending->count;
    // Pages past the end will never come.
    for (auto it = m_pending->waiting.begin(); it != m_pending->waiting.end();) {
        if (qint64(*it) * PageSize >= count)
            it = m_pending->waiting.erase(it);
        else
            ++it;
    }
    if (!m_pending->waiting.isEmpty())
        return;

    Pending pending = std::move(*m_pending);
    m_pending.reset();
    const bool sameShape = !pending.queryChanged && m_countKnown && count == m_count;
    if (sameShape) {
        m_generation = pending.generation;
        m_pages = pending.pages;
        m_pageStamps.clear();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            m_pageStamps.insert(it.key(), ++m_stamp);
        m_requested.clear();
        if (m_count > 0)
            Q_EMIT dataChanged(index(0, 0), index(int(m_count) - 1, ColumnCount - 1));
    } else {
        Q_EMIT aboutToRefresh();
        beginResetModel();
        m_generation = pending.generation;
        m_count = count;
        m_countKnown = true;
        m_pages = pending.pages;
        m_pageStamps.clear();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            m_pageStamps.insert(it.key(), ++m_stamp);
        m_requested.clear();
        endResetModel();
        Q_EMIT countChanged(m_count);
    }
    Q_EMIT refreshed();
    if (pending.located)
        Q_EMIT located(pending.located->first, int(pending.located->second));
    if (!isLoading())
        Q_EMIT loadingChanged(false);
}

void TransactionModel::onCountReady(quint64 generation, qint64 count)
{
    if (!m_pending || generation != m_pending->generation)
        return;
    m_pending->count = std::min<qint64>(count, std::numeric_limits<int>::max());
    tryApply();
}

void TransactionModel::onPageReady(quint64 generation, int page, const QList<Transaction>& rows)
{
    if (m_pending && generation == m_pending->generation) {
        m_pending->pages.insert(page, rows);
        m_pending->waiting.remove(page);
        tryApply();
        return;
    }
    if (generation != m_generation)
        return;
    m_requested.remove(page);
    m_pages.insert(page, rows);
    touch(page);
    evictPages();
    const qint64 first = qint64(page) * PageSize;
    const qint64 last = std::min(m_count, first + rows.size()) - 1;
    if (first <= last)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1));
}

void TransactionModel::onTotalsReady(quint64 generation, const LedgerTotals& totals)
{
    if (generation != m_lastGeneration)
        return;
    m_totals = totals;
    m_totalsKnown = true;
    Q_EMIT totalsChanged();
}

void TransactionModel::onLocated(quint64 generation, qint64 id, qint64 row)
{
    if (m_pending && generation == m_pending->generation) {
        m_pending->located = std::pair<qint64, qint64> {id, row};
        return;
    }
    if (generation == m_generation)
        Q_EMIT located(id, int(row));
}

void TransactionModel::onFailed(quint64 generation, const QString& message)
{
    if (generation != m_lastGeneration)
        return;
    qCWarning(lcModels) << "ledger query failed:" << message;
    // Keep showing what we have; the user hears why it could not be updated.
    if (m_pending && generation == m_pending->generation) {
        m_pending.reset();
        Q_EMIT loadingChanged(isLoading());
    }
    Q_EMIT errorOccurred(message);
}

// ---- rows and pages -------------------------------------------------------------------------------------------

void TransactionModel::touch(int page) const
{
    m_pageStamps.insert(page, ++m_stamp);
}

void TransactionModel::evictPages()
{
    if (m_pages.size() <= MaxCachedPages)
        return;
    QList<std::pair<quint64, int>> byAge;
    for (auto it = m_pageStamps.cbegin(); it != m_pageStamps.cend(); ++it)
        byAge.append({it.value(), it.key()});
    std::sort(byAge.begin(), byAge.end());
    for (qsizetype i = 0; i < byAge.size() && m_pages.size() > MaxCachedPages * 3 / 4; ++i) {
        m_pages.remove(byAge.at(i).second);
        m_pageStamps.remove(byAge.at(i).second);
    }
}

void TransactionModel::requestPage(int page) const
{
    if (m_pending) {
        // Ask for it in the coming generation as well; it will most likely be needed there.
        if (!m_pending->pages.contains(page) && !m_requested.contains(-page - 1)) {
            m_requested.insert(-page - 1);
            m_fetcher->requestPage(page);
        }
        return;
    }
    if (m_requested.contains(page))
        return;
    m_requested.insert(page);
    m_fetcher->requestPage(page);
}

const Transaction* TransactionModel::row(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / PageSize;
    auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd()) {
        requestPage(page);
        return nullptr;
    }
    const int offset = row % PageSize;
    if (offset >= it->size())
        return nullptr;
    if (m_pageStamps.value(page) + 64 < m_stamp)
        touch(page);
    return &it->at(offset);
}

std::optional<Transaction> TransactionModel::transactionAt(int r) const
{
    const Transaction* t = row(r);
    return t ? std::optional<Transaction>(*t) : std::nullopt;
}

void TransactionModel::patchCachedRow(const Transaction& transaction)
{
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).id != transaction.id)
                continue;
            (*it)[i] = transaction;
            const int r = int(qint64(it.key()) * PageSize + i);
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
            return;
        }
    }
}

Result<QList<qint64>> TransactionModel::idsForRows(const QList<int>& rows) const
{
    QList<qint64> ids;
    QList<int> missing;
    for (int r : rows) {
        if (const Transaction* t = row(r))
            ids << t->id;
        else if (r >= 0 && r < m_count)
            missing << r;
    }
    if (missing.isEmpty())
        return ids;
    // Rows never scrolled into view: read them in contiguous runs on this thread (a user action, bounded).
    std::sort(missing.begin(), missing.end());
    LedgerPager::Spec spec;
    spec.userId = m_userId;
    spec.filter = m_filter;
    spec.sort = m_sort;
    spec.categoryOrder = m_categoryOrder;
    spec.pageSize = PageSize;
    LedgerPager pager(m_transactions, spec);
    qsizetype i = 0;
    while (i < missing.size()) {
        qsizetype j = i;
        while (j + 1 < missing.size() && missing.at(j + 1) == missing.at(j) + 1)
            ++j;
        auto fetched = pager.rows(missing.at(i), missing.at(j) - missing.at(i) + 1);
        if (!fetched)
            return fetched.error();
        for (const Transaction& t : std::as_const(*fetched))
            ids << t.id;
        i = j + 1;
    }
    return ids;
}

void TransactionModel::locate(qint64 id)
{
    m_fetcher->requestLocate(id);
}

// ---- QAbstractItemModel -----------------------------------------------------------------------------------------

int TransactionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int TransactionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> TransactionModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(RawValueRole, "rawValue");
    names.insert(AmountMinorRole, "amountMinor");
    names.insert(CurrencyRole, "currency");
    names.insert(TypeRole, "type");
    names.insert(CategoryIdRole, "categoryId");
    names.insert(CategoryColorRole, "categoryColor");
    names.insert(CategoryIconRole, "categoryIcon");
    names.insert(SourceRole, "source");
    names.insert(ConfirmedRole, "confirmed");
    names.insert(ConfidenceRole, "confidence");
    names.insert(CategorizedByRole, "categorizedBy");
    names.insert(LoadedRole, "loaded");
    names.insert(TransactionRole, "transaction");
    return names;
}

QVariant TransactionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole && section == AmountColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case MerchantColumn:
        return tr("Merchant");
    case DescriptionColumn:
        return tr("Description");
    case CategoryColumn:
        return tr("Category");
    case AmountColumn:
        return tr("Amount");
    case NotesColumn:
        return tr("Notes");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

Qt::ItemFlags TransactionModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() != SourceColumn && row(index.row()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant TransactionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Transaction* t = row(index.row());
    if (role == LoadedRole)
        return t != nullptr;
    if (!t)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(*t, column);
    case Qt::EditRole:
        return edit(*t, column);
    case Qt::ToolTipRole:
        return toolTip(*t, column);
    case Qt::TextAlignmentRole:
        if (column == AmountColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        if (column == AmountColumn && t->type == TransactionType::Income)
            return IncomeColor;
        return {};
    case Qt::DecorationRole:
        if (column == CategoryColumn && t->categoryId) {
            const auto it = m_categoryInfo.constFind(*t->categoryId);
            if (it != m_categoryInfo.constEnd())
                return QColor(it->color);
        }
        return {};
    case IdRole:
        return t->id;
    case RawValueRole:
        return rawValue(*t, column);
    case AmountMinorRole:
        return t->signedMinor();
    case CurrencyRole:
        return t->amount.currency().code();
    case TypeRole:
        return int(t->type);
    case CategoryIdRole:
        return t->categoryId ? QVariant(*t->categoryId) : QVariant();
    case CategoryColorRole:
    case CategoryIconRole: {
        if (!t->categoryId)
            return {};
        const auto it = m_categoryInfo.constFind(*t->categoryId);
        if (it == m_categoryInfo.constEnd())
            return {};
        return role == CategoryColorRole ? QVariant(QColor(it->color)) : QVariant(it->icon);
    }
    case SourceRole:
        return int(t->source);
    case ConfirmedRole:
        return t->confirmedByUser;
    case ConfidenceRole:
        return t->categoryConfidence ? QVariant(*t->categoryConfidence) : QVariant();
    case CategorizedByRole:
        return int(t->categorizedBy);
    case TransactionRole:
        return QVariant::fromValue(*t);
    default:
        return {};
    }
}

QVariant TransactionModel::display(const Transaction& t, int column) const
{
    switch (column) {
    case DateColumn:
        return m_locale.toString(t.occurredOn, QLocale::ShortFormat);
    case MerchantColumn:
        return t.merchant.isEmpty() ? t.description : t.merchant;
    case DescriptionColumn:
        return t.description;
    case CategoryColumn: {
        if (!t.categoryId)
            return tr("Uncategorized");
        const auto it = m_categoryInfo.constFind(*t.categoryId);
        return it == m_categoryInfo.constEnd() ? QString() : it->name;
    }
    case AmountColumn:
        return Money(t.signedMinor(), t.amount.currency()).toString(m_locale);
    case NotesColumn:
        return t.notes;
    case SourceColumn:
        return TransactionEnums::displayName(t.source);
    default:
        return {};
    }
}

QVariant TransactionModel::edit(const Transaction& t, int column) const
{
    switch (column) {
    case DateColumn:
        return t.occurredOn;
    case MerchantColumn:
        return t.merchant;
    case DescriptionColumn:
        return t.description;
    case CategoryColumn:
        return t.categoryId ? QVariant(*t.categoryId) : QVariant();
    case AmountColumn:
        return Money(t.signedMinor(), t.amount.currency()).toNumberString(m_locale);
    case NotesColumn:
        return t.notes;
    default:
        return display(t, column);
    }
}

QVariant TransactionModel::rawValue(const Transaction& t, int column) const
{
    switch (column) {
    case DateColumn:
        return t.occurredOn;
    case AmountColumn:
        return t.signedMinor();
    case CategoryColumn:
        return display(t, column);
    case SourceColumn:
        return TransactionEnums::key(t.source);
    default:
        return display(t, column);
    }
}

QString TransactionModel::toolTip(const Transaction& t, int column) const
{
    if (column == MerchantColumn && !t.description.isEmpty() && t.description != t.merchant)
        return t.description;
    if (column == AmountColumn && t.amount.currency().isValid())
        return t.amount.currency().displayName(m_locale);
    if (column != CategoryColumn || !t.categoryId)
        return {};
    const QString confidence = t.categoryConfidence
        ? m_locale.toString(qRound(*t.categoryConfidence * 100)) + m_locale.percent()
        : QString();
    QString how;
    switch (t.categorizedBy) {
    case CategorizedBy::User:
        return tr("Chosen by you");
    case CategorizedBy::Rule:
        how = t.confirmedByUser ? tr("Set by a rule (confidence %1) and confirmed").arg(confidence)
                                : tr("Set by a rule (confidence %1)").arg(confidence);
        break;
    case CategorizedBy::Model:
        how = t.confirmedByUser ? tr("Suggested (confidence %1) and confirmed").arg(confidence)
                                : tr("Suggested with confidence %1; not confirmed yet").arg(confidence);
        break;
    case CategorizedBy::Llm:
        how = tr("Suggested by the assistant (confidence %1)").arg(confidence);
        break;
    case CategorizedBy::None:
        return {};
    }
    // The reason the categorizer stored with its choice, e.g. "rule: contains “TESCO”".
    const QString why = CategorizationReason::describe(CategorizationReason::fromMetadata(t.sourceMetadata));
    return why.isEmpty() ? how : how + u'\n' + why;
}

bool TransactionModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Transaction* current = row(index.row());
    if (!current)
        return false;
    const Transaction before = *current;
    Transaction after = before;
    QString what;
    switch (index.column()) {
    case DateColumn: {
        QDate date = value.toDate();
        if (!date.isValid())
            date = m_locale.toDate(value.toString(), QLocale::ShortFormat);
        if (!date.isValid()) {
            reportError(Error::invalidInput(tr("“%1” is not a date.").arg(value.toString())));
            return false;
        }
        after.occurredOn = date;
        what = tr("date");
        break;
    }
    case MerchantColumn:
        after.merchant = value.toString().trimmed();
        what = tr("merchant");
        break;
    case DescriptionColumn:
        after.description = value.toString();
        what = tr("description");
        break;
    case NotesColumn:
        after.notes = value.toString();
        what = tr("notes");
        break;
    case CategoryColumn: {
        const qint64 id = value.isValid() ? value.toLongLong() : 0;
        if (id > 0 && !m_categoryInfo.contains(id))
            return false;
        after.categoryId = id > 0 ? std::optional<qint64>(id) : std::nullopt;
        after.categorizedBy = id > 0 ? CategorizedBy::User : CategorizedBy::None;
        after.confirmedByUser = id > 0;
        after.categoryConfidence = id > 0 ? std::optional<double>(1.0) : std::nullopt;
        what = tr("category");
        break;
    }
    case AmountColumn: {
        const QString text = value.toString().trimmed();
        auto parsed = Money::parse(text, before.amount.currency(), m_locale);
        if (!parsed) {
            reportError(parsed.error());
            return false;
        }
        if (parsed->isZero()) {
            reportError(Error::invalidInput(tr("The amount must not be zero.")));
            return false;
        }
        if (parsed->isNegative())
            after.type = TransactionType::Expense;
        else if (text.startsWith(u'+'))
            after.type = TransactionType::Income;
        after.amount = Money(parsed->isNegative() ? -parsed->minor() : parsed->minor(), before.amount.currency());
        what = tr("amount");
        break;
    }
    default:
        return false;
    }
    const QString name = before.merchant.isEmpty() ? before.description : before.merchant;
    auto updated = updateTransaction(before, after, tr("Change %1 of “%2”").arg(what, name));
    return updated.ok();
}

void TransactionModel::sort(int column, Qt::SortOrder order)
{
    TransactionSort sort {TransactionSortKey::Date, order};
    switch (column) {
    case DateColumn:
        sort.key = TransactionSortKey::Date;
        break;
    case MerchantColumn:
        sort.key = TransactionSortKey::Merchant;
        break;
    case CategoryColumn:
        sort.key = TransactionSortKey::Category;
        break;
    case AmountColumn:
        sort.key = TransactionSortKey::Amount;
        break;
    default:
        return; // not sortable
    }
    if (sort == m_sort)
        return;
    m_sort = sort;
    startGeneration({0}, true);
}

int TransactionModel::columnForSortKey(TransactionSortKey key)
{
    switch (key) {
    case TransactionSortKey::Date:
        return DateColumn;
    case TransactionSortKey::Merchant:
        return MerchantColumn;
    case TransactionSortKey::Category:
        return CategoryColumn;
    case TransactionSortKey::Amount:
        return AmountColumn;
    }
    return DateColumn;
}

void TransactionModel::setFilter(const TransactionFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    startGeneration({0}, true);
}

// ---- edits -----------------------------------------------------------------------------------------------------

Error TransactionModel::reportError(const Error& error)
{
    Q_EMIT errorOccurred(error.message);
    return error;
}

Result<qint64> TransactionModel::addTransaction(const Transaction& transaction)
{
    auto command = std::make_unique<AddTransactionCommand>(m_transactions, m_userId, transaction,
                                                           [this](const Error& e) { reportError(e); });
    auto done = command->execute();
    if (!done)
        return done.error();
    const qint64 id = command->transactionId();
    if (m_undoStack)
        m_undoStack->push(command.release());
    return id;
}

Result<void> TransactionModel::updateTransaction(const Transaction& before, const Transaction& after,
                                                 const QString& description)
{
    auto command = std::make_unique<EditTransactionCommand>(m_transactions, m_userId, before, after, description,
                                                            [this](const Error& e) { reportError(e); });
    auto done = command->execute();
    if (!done)
        return reportError(done.error());
    patchCachedRow(after); // show it now; the refresh that follows confirms it
    if (m_undoStack)
        m_undoStack->push(command.release());
    return {};
}

Result<void> TransactionModel::updateTransactions(const QList<Transaction>& before, const QList<Transaction>& after,
                                                  const QString& description)
{
    if (before.size() != after.size())
        return reportError(Error::invalidInput(tr("The changes do not match the transactions.")));
    if (after.isEmpty())
        return {};
    auto command = std::make_unique<EditTransactionCommand>(m_transactions, m_userId, before, after, description,
                                                            [this](const Error& e) { reportError(e); });
    auto done = command->execute();
    if (!done)
        return reportError(done.error());
    for (const Transaction& t : after)
        patchCachedRow(t);
    if (m_undoStack)
        m_undoStack->push(command.release());
    return {};
}

Result<void> TransactionModel::removeTransactions(const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return {};
    auto rows = m_transactions->findMany(m_userId, ids);
    if (!rows)
        return reportError(rows.error());
    auto command = std::make_unique<RemoveTransactionsCommand>(m_transactions, m_userId, *rows,
                                                               [this](const Error& e) { reportError(e); });
    auto done = command->execute();
    if (!done)
        return reportError(done.error());
    if (m_undoStack)
        m_undoStack->push(command.release());
    return {};
}

} // namespace Moniagent
