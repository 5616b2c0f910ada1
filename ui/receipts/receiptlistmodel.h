#pragma once

#include "core/invoice.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>
#include <QSet>

#include <optional>

namespace Moniagent {

class InvoiceRepository;

// The receipts of one user for the Receipts page, newest first, optionally only those with one status: a
// thumbnail (made on a worker thread), the file, merchant, date, total and status. Reads the list without the
// OCR data and follows the repository's changes.
class ReceiptListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FileColumn,
        MerchantColumn,
        DateColumn,
        TotalColumn,
        StatusColumn,
        ColumnCount
    };
    static constexpr int InvoiceIdRole = Qt::UserRole + 1;

    ReceiptListModel(InvoiceRepository* invoices, qint64 userId, QObject* parent = nullptr);

    void setStatusFilter(std::optional<InvoiceStatus> status);
    std::optional<InvoiceStatus> statusFilter() const { return m_status; }
    // Reads the list again (also done after every change of the user's invoices).
    void refresh();

    const Invoice& invoice(int row) const { return m_invoices.at(row); }
    int rowOf(qint64 invoiceId) const;
    static constexpr int ThumbnailSize = 48;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    void requestThumbnail(const Invoice& invoice) const;

    InvoiceRepository* m_repository;
    qint64 m_userId;
    std::optional<InvoiceStatus> m_status;
    QList<Invoice> m_invoices;
    mutable QHash<QString, QImage> m_thumbnails; // by sha256; a null image: could not be made
    mutable QSet<QString> m_pending;
    bool m_refreshQueued = false;
};

} // namespace Moniagent
