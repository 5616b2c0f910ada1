#pragma once

#include "core/category.h"
#include "importers/importstaging.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>

#include <memory>

namespace Moniagent {

// The rows of an import preview, paged from its staging file (a million-row statement is never in memory).
// The user includes or excludes rows with the check box and changes categories; both are written to the
// staging file at once, so that applying sees them. The category column answers TransactionModel's category
// roles, so the ledger's CategoryDelegate paints and edits it.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        IncludeColumn,
        StatusColumn,
        DateColumn,
        PayeeColumn,
        DescriptionColumn,
        AmountColumn,
        CategoryColumn,
        NoteColumn, // the matched transaction, or what is wrong with the line
        ColumnCount
    };
    static constexpr int PageSize = 256;

    explicit ImportPreviewModel(QObject* parent = nullptr);

    void setStaging(std::shared_ptr<ImportStaging> staging, const QList<Category>& categories);
    void setStatusFilter(std::optional<ImportRowStatus> status);
    std::optional<ImportRowStatus> statusFilter() const { return m_filter; }
    void setLocale(const QLocale& locale) { m_locale = locale; }

    // The staged row shown at `row` (from the page cache).
    const StagedRow* stagedRow(int row) const;
    // Includes or excludes every row the filter shows.
    void setAllIncluded(bool included);

    static QString statusText(ImportRowStatus status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // Inclusion or categories changed: the counts and totals shown beside the table are out of date.
    void edited();
    void errorOccurred(const QString& message);

private:
    void reload();

    std::shared_ptr<ImportStaging> m_staging;
    std::optional<ImportRowStatus> m_filter;
    QHash<qint64, Category> m_categories;
    QLocale m_locale;
    qint64 m_count = 0;
    mutable qint64 m_pageStart = -1;
    mutable QList<StagedRow> m_page;
};

} // namespace Moniagent
