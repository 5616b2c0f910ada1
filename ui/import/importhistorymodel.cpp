#include "importhistorymodel.h"

#include <QFont>

namespace Moniagent {

ImportHistoryModel::ImportHistoryModel(const QLocale& locale, QObject* parent)
    : QAbstractTableModel(parent)
    , m_locale(locale)
{ }

void ImportHistoryModel::setImports(const QList<StatementImport>& imports)
{
    beginResetModel();
    m_imports = imports;
    endResetModel();
}

int ImportHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_imports.size());
}

int ImportHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportHistoryModel::formatName(const QString& key)
{
    if (key == QLatin1String("csv"))
        return tr("CSV");
    if (key == QLatin1String("ofx"))
        return tr("OFX");
    if (key == QLatin1String("qif"))
        return tr("QIF");
    if (key == QLatin1String("camt053"))
        return tr("CAMT.053");
    return key;
}

QString ImportHistoryModel::dateText(const QDate& date) const
{
    return date.isValid() ? m_locale.toString(date, QLocale::ShortFormat) : QString();
}

QVariant ImportHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_imports.size())
        return {};
    const StatementImport& entry = m_imports.at(index.row());
    if (role == ImportIdRole)
        return entry.id;
    if (role == UndoneRole)
        return entry.isUndone();
    if (role == Qt::FontRole && entry.isUndone()) {
        QFont font;
        font.setStrikeOut(index.column() == FileColumn);
        return font;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= AddedColumn && index.column() <= SkippedColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == FileColumn)
            return entry.accountId.isEmpty() ? entry.fileName
                                             : tr("%1 (account %2)").arg(entry.fileName, entry.accountId);
        if (index.column() == LinkedColumn)
            return tr("Statement lines joined to a transaction already in the ledger (a receipt, an email)");
        if (index.column() == SkippedColumn)
            return tr("Duplicates, unreadable and excluded lines");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ImportedColumn:
        return m_locale.toString(entry.createdAt.toLocalTime(), QLocale::ShortFormat);
    case FileColumn:
        return entry.fileName;
    case FormatColumn:
        return formatName(entry.format);
    case DatesColumn:
        if (!entry.dateFrom.isValid())
            return QString();
        return entry.dateFrom == entry.dateTo ? dateText(entry.dateFrom)
                                              : tr("%1 – %2").arg(dateText(entry.dateFrom), dateText(entry.dateTo));
    case AddedColumn:
        return m_locale.toString(entry.rowsAdded);
    case LinkedColumn:
        return m_locale.toString(entry.rowsLinked);
    case SkippedColumn:
        return m_locale.toString(entry.rowsSkipped);
    case StatusColumn:
        return entry.isUndone()
            ? tr("Undone %1").arg(m_locale.toString(entry.undoneAt.toLocalTime(), QLocale::ShortFormat))
            : tr("In the ledger");
    default:
        return {};
    }
}

QVariant ImportHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ImportedColumn:
        return tr("Imported");
    case FileColumn:
        return tr("File");
    case FormatColumn:
        return tr("Format");
    case DatesColumn:
        return tr("Dates");
    case AddedColumn:
        return tr("Added");
    case LinkedColumn:
        return tr("Linked");
    case SkippedColumn:
        return tr("Skipped");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace Moniagent
