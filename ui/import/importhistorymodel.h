#pragma once

#include "core/statementimport.h"

#include <QAbstractTableModel>
#include <QLocale>

namespace Moniagent {

// The import history of a profile (statement_imports), newest first: one row per import with its file, format,
// account, date range, what it added, linked and skipped, and whether it still stands.
class ImportHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ImportedColumn,
        FileColumn,
        FormatColumn,
        DatesColumn,
        AddedColumn,
        LinkedColumn,
        SkippedColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        ImportIdRole = Qt::UserRole + 1,
        UndoneRole,
    };

    explicit ImportHistoryModel(const QLocale& locale, QObject* parent = nullptr);

    void setImports(const QList<StatementImport>& imports);
    const StatementImport& importAt(int row) const { return m_imports.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString formatName(const QString& key);

private:
    QString dateText(const QDate& date) const;

    QLocale m_locale;
    QList<StatementImport> m_imports;
};

} // namespace Moniagent
