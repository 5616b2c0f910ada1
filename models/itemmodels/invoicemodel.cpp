#include "invoicemodel.h"

#include "core/invoice.h"

#include <QSqlRecord>

namespace Moniagent {

InvoiceModel::InvoiceModel(const QSqlDatabase& db, qint64 userId, QObject* parent)
    : ScopedSqlTableModel(db, QStringLiteral("invoices"), QStringLiteral("user_id = %1").arg(userId), parent)
{
    setColumnFormat(QStringLiteral("date"), Format::Date);
    setColumnFormat(QStringLiteral("total_minor"), Format::Money, QStringLiteral("currency"));
    setColumnFormat(QStringLiteral("tax_minor"), Format::Money, QStringLiteral("currency"));
    setColumnFormat(QStringLiteral("created_at"), Format::Timestamp);
    setColumnFormat(QStringLiteral("updated_at"), Format::Timestamp);
    setHeader(QStringLiteral("filename"), tr("File"));
    setHeader(QStringLiteral("mime_type"), tr("File type"));
    setHeader(QStringLiteral("store_name"), tr("Store"));
    setHeader(QStringLiteral("date"), tr("Date"));
    setHeader(QStringLiteral("total_minor"), tr("Total"));
    setHeader(QStringLiteral("tax_minor"), tr("Tax"));
    setHeader(QStringLiteral("currency"), tr("Currency"));
    setHeader(QStringLiteral("status"), tr("Status"));
    setHeader(QStringLiteral("error"), tr("Problem"));
    setHeader(QStringLiteral("created_at"), tr("Imported"));
    setHeader(QStringLiteral("updated_at"), tr("Updated"));
    m_statusColumn = record().indexOf(QStringLiteral("status"));
    setSort(record().indexOf(QStringLiteral("created_at")), Qt::DescendingOrder);
}

QVariant InvoiceModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DisplayRole && index.isValid() && index.column() == m_statusColumn) {
        const QString key = ScopedSqlTableModel::data(index, RawValueRole).toString();
        const auto status = InvoiceEnums::statusFromKey(key);
        return status ? InvoiceEnums::displayName(*status) : key;
    }
    return ScopedSqlTableModel::data(index, role);
}

} // namespace Moniagent
