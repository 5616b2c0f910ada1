#include "importpreviewmodel.h"

#include "itemmodels/transactionmodel.h"

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace Moniagent {

ImportPreviewModel::ImportPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ImportPreviewModel::setStaging(std::shared_ptr<ImportStaging> staging, const QList<Category>& categories)
{
    m_staging = std::move(staging);
    m_categories.clear();
    for (const Category& category : categories)
        m_categories.insert(category.id, category);
    reload();
}

void ImportPreviewModel::setStatusFilter(std::optional<ImportRowStatus> status)
{
    m_filter = status;
    reload();
}

void ImportPreviewModel::reload()
{
    beginResetModel();
    m_pageStart = -1;
    m_page.clear();
    m_count = 0;
    if (m_staging) {
        auto count = m_staging->count(m_filter);
        if (count)
            m_count = *count;
        else
            Q_EMIT errorOccurred(count.error().message);
    }
    endResetModel();
}

const StagedRow* ImportPreviewModel::stagedRow(int row) const
{
    if (!m_staging || row < 0 || row >= m_count)
        return nullptr;
    if (m_pageStart < 0 || row < m_pageStart || row >= m_pageStart + m_page.size()) {
        const qint64 start = (row / PageSize) * qint64(PageSize);
        auto page = m_staging->page(start, PageSize, m_filter);
        if (!page)
            return nullptr;
        m_page = *page;
        m_pageStart = start;
    }
    const qint64 offset = row - m_pageStart;
    return offset < m_page.size() ? &m_page.at(offset) : nullptr;
}

void ImportPreviewModel::setAllIncluded(bool included)
{
    if (!m_staging)
        return;
    auto set = m_staging->setAllIncluded(m_filter, included);
    if (!set) {
        Q_EMIT errorOccurred(set.error().message);
        return;
    }
    m_pageStart = -1;
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(int(m_count) - 1, ColumnCount - 1));
    Q_EMIT edited();
}

QString ImportPreviewModel::statusText(ImportRowStatus status)
{
    switch (status) {
    case ImportRowStatus::New:
        return tr("New");
    case ImportRowStatus::Duplicate:
        return tr("Duplicate");
    case ImportRowStatus::ProbableMatch:
        return tr("Probable match");
    case ImportRowStatus::Error:
        return tr("Error");
    }
    return {};
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    const StagedRow* row = index.isValid() ? stagedRow(index.row()) : nullptr;
    if (!row)
        return {};
    const Transaction& t = row->transaction;
    const bool choosable = row->status == ImportRowStatus::New || row->status == ImportRowStatus::ProbableMatch;
    if (role == Qt::CheckStateRole && index.column() == IncludeColumn)
        return choosable && row->included ? Qt::Checked : Qt::Unchecked;
    switch (role) {
    case TransactionModel::CategoryIdRole:
        return t.categoryId ? QVariant(*t.categoryId) : QVariant();
    case TransactionModel::TypeRole:
        return int(t.type);
    case TransactionModel::ConfirmedRole:
        return t.confirmedByUser;
    case TransactionModel::ConfidenceRole:
        return t.categoryConfidence ? QVariant(*t.categoryConfidence) : QVariant();
    case TransactionModel::LoadedRole:
        return true;
    case TransactionModel::CategoryColorRole:
    case TransactionModel::CategoryIconRole: {
        const auto it = t.categoryId ? m_categories.constFind(*t.categoryId) : m_categories.cend();
        if (it == m_categories.cend())
            return {};
        return role == TransactionModel::CategoryColorRole ? QVariant(QColor(it->color)) : QVariant(it->icon);
    }
    default:
        break;
    }
    if (role == Qt::ForegroundRole && (!choosable || !row->included))
        return QPalette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NoteColumn)
        return row->status == ImportRowStatus::Error ? row->error : row->matchText;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case IncludeColumn:
        return {};
    case StatusColumn:
        return statusText(row->status);
    case DateColumn:
        return t.occurredOn.isValid() ? m_locale.toString(t.occurredOn, QLocale::ShortFormat) : QString();
    case PayeeColumn:
        return t.merchant;
    case DescriptionColumn:
        return t.description;
    case AmountColumn:
        if (!t.amount.isValid())
            return QString();
        return (t.type == TransactionType::Expense ? *t.amount.checkedNegate() : t.amount).toString(m_locale);
    case CategoryColumn: {
        if (!t.categoryId)
            return role == Qt::EditRole ? QVariant() : QVariant(QString());
        const auto it = m_categories.constFind(*t.categoryId);
        return it == m_categories.cend() ? QString() : it->name;
    }
    case NoteColumn:
        if (row->status == ImportRowStatus::Error)
            return row->error;
        if (row->status == ImportRowStatus::ProbableMatch)
            return row->included ? tr("Joins %1").arg(row->matchText) : tr("Not joined: %1").arg(row->matchText);
        return row->matchText;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IncludeColumn:
        return tr("Import");
    case StatusColumn:
        return tr("Status");
    case DateColumn:
        return tr("Date");
    case PayeeColumn:
        return tr("Payee");
    case DescriptionColumn:
        return tr("Description");
    case AmountColumn:
        return tr("Amount");
    case CategoryColumn:
        return tr("Category");
    case NoteColumn:
        return tr("Match or problem");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags ImportPreviewModel::flags(const QModelIndex& index) const
{
    const StagedRow* row = index.isValid() ? stagedRow(index.row()) : nullptr;
    if (!row)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool choosable = row->status == ImportRowStatus::New || row->status == ImportRowStatus::ProbableMatch;
    if (index.column() == IncludeColumn && choosable)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == CategoryColumn && row->status == ImportRowStatus::New)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ImportPreviewModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const StagedRow* row = index.isValid() ? stagedRow(index.row()) : nullptr;
    if (!row || !m_staging)
        return false;
    Result<void> written;
    if (index.column() == IncludeColumn && role == Qt::CheckStateRole) {
        written = m_staging->setIncluded({row->record}, value.value<Qt::CheckState>() == Qt::Checked);
    } else if (index.column() == CategoryColumn && role == Qt::EditRole) {
        const std::optional<qint64> id = value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
        if (id && !m_categories.contains(*id))
            return false;
        written = m_staging->setCategory({row->record}, id);
    } else {
        return false;
    }
    if (!written) {
        Q_EMIT errorOccurred(written.error().message);
        return false;
    }
    m_pageStart = -1; // re-read the page with the change
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT edited();
    return true;
}

} // namespace Moniagent
