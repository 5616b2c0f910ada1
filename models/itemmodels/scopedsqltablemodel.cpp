#include "scopedsqltablemodel.h"

#include "core/money.h"
#include "db/sql.h"

#include <QSqlRecord>

namespace Moniagent {

ScopedSqlTableModel::ScopedSqlTableModel(const QSqlDatabase& db, const QString& table, const QString& scope,
                                         QObject* parent)
    : QSqlTableModel(parent, db)
    , m_scope(scope)
{
    setTable(table);
    setEditStrategy(QSqlTableModel::OnManualSubmit);
    QSqlTableModel::setFilter(m_scope);
}

void ScopedSqlTableModel::setFilter(const QString& filter)
{
    QSqlTableModel::setFilter(filter.trimmed().isEmpty() ? m_scope
                                                         : QStringLiteral("(%1) AND (%2)").arg(m_scope, filter));
}

QVariant ScopedSqlTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == RawValueRole || role == Qt::EditRole)
        return QSqlTableModel::data(index, Qt::EditRole);
    if (role == Qt::DisplayRole)
        return display(index, QSqlTableModel::data(index, Qt::EditRole));
    if (role == Qt::TextAlignmentRole) {
        const auto it = m_formats.constFind(record().fieldName(index.column()));
        if (it != m_formats.constEnd()
            && (it->format == Format::Money || it->format == Format::Integer || it->format == Format::Percent))
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    return QSqlTableModel::data(index, role);
}

QVariant ScopedSqlTableModel::display(const QModelIndex& index, const QVariant& raw) const
{
    const auto it = m_formats.constFind(record().fieldName(index.column()));
    if (it == m_formats.constEnd() || raw.isNull())
        return raw;
    switch (it->format) {
    case Format::Text:
        return raw;
    case Format::Integer:
        return m_locale.toString(raw.toLongLong());
    case Format::Money: {
        QString currency = it->fixedCurrency;
        if (currency.isEmpty()) {
            const int column = record().indexOf(it->currencyField);
            currency = QSqlTableModel::data(this->index(index.row(), column), Qt::EditRole).toString();
        }
        const Money money = Money::fromMinor(raw.toLongLong(), currency);
        return money.isValid() ? money.toString(m_locale) : m_locale.toString(raw.toLongLong());
    }
    case Format::Date: {
        const QDate date = Sql::parseIsoDate(raw);
        return date.isValid() ? m_locale.toString(date, QLocale::ShortFormat) : raw;
    }
    case Format::Timestamp: {
        const QDateTime time = Sql::parseIsoTimestamp(raw);
        return time.isValid() ? m_locale.toString(time.toLocalTime(), QLocale::ShortFormat) : raw;
    }
    case Format::Boolean:
        return raw.toInt() != 0 ? tr("Yes") : tr("No");
    case Format::Percent:
        return QString(m_locale.toString(raw.toDouble() * 100.0, 'f', 0) + m_locale.percent());
    }
    return raw;
}

Qt::ItemFlags ScopedSqlTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

bool ScopedSqlTableModel::setData(const QModelIndex&, const QVariant&, int)
{
    return false; // read-only: writes go through the repositories
}

QHash<int, QByteArray> ScopedSqlTableModel::roleNames() const
{
    auto names = QSqlTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    return names;
}

void ScopedSqlTableModel::setColumnFormat(const QString& field, Format format, const QString& currencyField,
                                          const QString& fixedCurrency)
{
    m_formats.insert(field, {format, currencyField, fixedCurrency});
}

void ScopedSqlTableModel::setHeader(const QString& field, const QString& title)
{
    const int column = record().indexOf(field);
    if (column >= 0)
        setHeaderData(column, Qt::Horizontal, title);
}

} // namespace Moniagent
