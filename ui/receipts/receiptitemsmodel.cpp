#include "receiptitemsmodel.h"

#include "common/categoryicons.h"
#include "core/money.h"
#include "receiptmarks.h"
#include "receipts/receiptdraft.h"
#include "receipttext.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QtNumeric>

#include <limits>

namespace Moniagent {

ReceiptItemsModel::ReceiptItemsModel(const QList<Category>& categories, const QLocale& locale, QObject* parent)
    : QAbstractTableModel(parent)
    , m_locale(locale)
{
    for (const Category& category : categories)
        m_categories.insert(category.id, category);
}

void ReceiptItemsModel::setItems(const QList<ReceiptItem>& items)
{
    beginResetModel();
    m_lines.clear();
    for (const ReceiptItem& item : items) {
        Line line;
        line.sourceRow = int(m_lines.size());
        line.description = item.description;
        line.quantity = item.quantity;
        line.amountMinor = item.amountMinor;
        line.confidence = item.source.confidence;
        m_lines.append(line);
    }
    endResetModel();
    Q_EMIT linesChanged();
}

void ReceiptItemsModel::setCurrency(const Currency& currency)
{
    const int from = m_currency.isValid() ? m_currency.minorDigits() : currency.minorDigits();
    m_currency = currency;
    const int to = currency.minorDigits();
    if (from == to || m_lines.isEmpty())
        return;
    for (Line& line : m_lines) {
        qint64 amount = line.amountMinor;
        for (int d = from; d < to; ++d)
            amount = amount > std::numeric_limits<qint64>::max() / 10 ? amount : amount * 10;
        for (int d = to; d < from; ++d) // half away from zero
            amount = amount >= 0 ? (amount + 5) / 10 : (amount - 5) / 10;
        line.amountMinor = amount;
    }
    Q_EMIT dataChanged(index(0, AmountColumn), index(rowCount() - 1, AmountColumn));
    Q_EMIT linesChanged();
}

void ReceiptItemsModel::suggestCategory(int row, std::optional<qint64> categoryId)
{
    if (row < 0 || row >= m_lines.size() || m_lines.at(row).categoryChosen)
        return;
    if (categoryId && !m_categories.contains(*categoryId))
        categoryId.reset();
    if (m_lines.at(row).categoryId == categoryId)
        return;
    m_lines[row].categoryId = categoryId;
    Q_EMIT dataChanged(index(row, CategoryColumn), index(row, CategoryColumn));
    Q_EMIT linesChanged();
}

int ReceiptItemsModel::addLine()
{
    const int row = m_lines.size();
    beginInsertRows({}, row, row);
    m_lines.append(Line());
    endInsertRows();
    Q_EMIT linesChanged();
    return row;
}

void ReceiptItemsModel::removeLine(int row)
{
    if (row < 0 || row >= m_lines.size())
        return;
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
    Q_EMIT linesChanged();
}

std::optional<qint64> ReceiptItemsModel::sumMinor() const
{
    qint64 sum = 0;
    for (const Line& line : m_lines) {
        if (qAddOverflow(sum, line.amountMinor, &sum))
            return std::nullopt;
    }
    return sum;
}

QList<ReceiptAcceptance::Line> ReceiptItemsModel::acceptanceLines() const
{
    QList<ReceiptAcceptance::Line> lines;
    for (const Line& line : m_lines)
        lines.append({line.description.trimmed(), line.amountMinor, line.categoryId});
    return lines;
}

int ReceiptItemsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int ReceiptItemsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceiptItemsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line& line = m_lines.at(index.row());
    const bool unsure = line.confidence && *line.confidence < ReceiptText::LowConfidence;
    switch (role) {
    case AmountMinorRole:
        return line.amountMinor;
    case CategoryIdRole:
        return line.categoryId ? QVariant(*line.categoryId) : QVariant();
    case SuggestedRole:
        return line.categoryId && !line.categoryChosen;
    case ConfidenceRole:
        return line.confidence ? QVariant(*line.confidence) : QVariant();
    default:
        break;
    }
    switch (index.column()) {
    case DescriptionColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return line.description;
        if (role == Qt::DecorationRole && unsure)
            return ReceiptMarks::icon(ReceiptMarks::LowConfidence);
        if (role == Qt::ToolTipRole && unsure)
            return ReceiptMarks::toolTip(ReceiptMarks::LowConfidence);
        break;
    case QuantityColumn:
        if (role == Qt::DisplayRole) {
            bool ok = false;
            const double quantity = line.quantity.toDouble(&ok);
            return ok ? m_locale.toString(quantity, 'g', 12) : line.quantity;
        }
        if (role == Qt::EditRole)
            return line.quantity;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case AmountColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return Money(line.amountMinor, m_currency).toNumberString(m_locale);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CategoryColumn: {
        const auto found = line.categoryId ? m_categories.constFind(*line.categoryId) : m_categories.cend();
        const Category* category = found != m_categories.cend() ? &*found : nullptr;
        if (role == Qt::DisplayRole)
            return category ? category->name : tr("As the receipt");
        if (role == Qt::EditRole)
            return line.categoryId ? QVariant(*line.categoryId) : QVariant();
        if (role == Qt::DecorationRole && category)
            return CategoryIcons::icon(category->icon, QColor(category->color));
        if (role == Qt::FontRole && category && !line.categoryChosen) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (role == Qt::ForegroundRole && !category)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        if (role == Qt::ToolTipRole) {
            if (!category)
                return tr("Counted in the receipt's category");
            if (!line.categoryChosen)
                return tr("Suggested: %1").arg(category->name);
        }
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant ReceiptItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole && (section == QuantityColumn || section == AmountColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DescriptionColumn:
        return tr("Description");
    case QuantityColumn:
        return tr("Qty", "quantity");
    case AmountColumn:
        return tr("Amount");
    case CategoryColumn:
        return tr("Category");
    default:
        return {};
    }
}

Qt::ItemFlags ReceiptItemsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool ReceiptItemsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Line& line = m_lines[index.row()];
    switch (index.column()) {
    case DescriptionColumn:
        line.description = value.toString().trimmed();
        break;
    case QuantityColumn: {
        const QString text = value.toString().trimmed();
        bool ok = text.isEmpty();
        const double quantity = ok ? 0 : m_locale.toDouble(text, &ok);
        if (!ok) {
            Q_EMIT invalidInput(tr("“%1” is not a quantity.").arg(text));
            return false;
        }
        line.quantity = text.isEmpty() ? QString() : QString::number(quantity, 'g', 12);
        break;
    }
    case AmountColumn: {
        const auto amount = Money::parse(value.toString().trimmed(), m_currency, m_locale);
        if (!amount) {
            Q_EMIT invalidInput(amount.error().message);
            return false;
        }
        line.amountMinor = amount->minor();
        break;
    }
    case CategoryColumn: {
        std::optional<qint64> id;
        if (value.isValid() && !value.isNull() && m_categories.contains(value.toLongLong()))
            id = value.toLongLong();
        line.categoryId = id;
        line.categoryChosen = true;
        break;
    }
    default:
        return false;
    }
    // The user read the line: it is no longer unsure.
    if (index.column() != CategoryColumn)
        line.confidence.reset();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT linesChanged();
    return true;
}

} // namespace Moniagent
