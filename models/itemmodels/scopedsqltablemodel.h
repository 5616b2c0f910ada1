#pragma once

#include <QHash>
#include <QLocale>
#include <QSqlTableModel>

namespace Moniagent {

// Base of the read-only item models over the small tables. Every SELECT it issues is limited by a
// scope condition fixed at construction ("user_id = 5", or a subquery through the owning row), so a
// view can never show another user's rows whatever filter is set later. Changes go through the
// repositories; call select() (or connect a repository's changed signal to it) to refresh.
//
// DisplayRole is formatted for people (money with its currency, local dates); RawValueRole returns the
// stored value for sorting, filtering and charts.
class ScopedSqlTableModel : public QSqlTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        RawValueRole = Qt::UserRole + 1
    };
    enum class Format
    {
        Text,
        Integer,
        Money, // minor units; the currency comes from another column
        Date, // YYYY-MM-DD
        Timestamp, // UTC ISO-8601, shown in local time
        Boolean,
        Percent, // 0..1
    };

    ScopedSqlTableModel(const QSqlDatabase& db, const QString& table, const QString& scope, QObject* parent = nullptr);

    const QString& scope() const { return m_scope; }
    // ANDed with the scope; never replaces it.
    void setFilter(const QString& filter) override;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    void setLocale(const QLocale& locale) { m_locale = locale; }
    // The locale DisplayRole formats with; subclasses that format a column themselves use it too.
    const QLocale& locale() const { return m_locale; }

protected:
    // Declares how a column is shown; `currencyColumn` is the column holding the ISO code for Money
    // (or -1 with `fixedCurrency` set).
    void setColumnFormat(const QString& field, Format format, const QString& currencyField = {},
                         const QString& fixedCurrency = {});
    void setHeader(const QString& field, const QString& title);

private:
    struct ColumnFormat
    {
        Format format = Format::Text;
        QString currencyField;
        QString fixedCurrency;
    };
    QVariant display(const QModelIndex& index, const QVariant& raw) const;

    QString m_scope;
    QHash<QString, ColumnFormat> m_formats;
    QLocale m_locale;
};

} // namespace Moniagent
