#pragma once

#include "core/category.h"
#include "core/currency.h"
#include "receipts/receiptacceptance.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>

#include <optional>

namespace Moniagent {

struct ReceiptItem;

// The line items of the receipt under review: description, quantity, amount (minor units of the receipt's currency,
// typed in the profile's number format) and a category per line. A line without a category of its own follows the
// receipt's; a category the categorizer suggested stays a suggestion (in italics) until the user picks one.
class ReceiptItemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DescriptionColumn,
        QuantityColumn,
        AmountColumn,
        CategoryColumn,
        ColumnCount
    };
    enum Role
    {
        AmountMinorRole = Qt::UserRole + 1, // qint64
        CategoryIdRole, // qint64, invalid when the line follows the receipt's category
        SuggestedRole, // bool: the category is the categorizer's, not the user's
        ConfidenceRole, // float 0..1 of the line as read, invalid for a line the user added
    };

    struct Line
    {
        QString description;
        QString quantity;
        qint64 amountMinor = 0;
        std::optional<qint64> categoryId;
        bool categoryChosen = false; // by the user; a suggestion is not
        std::optional<float> confidence; // as read; none for a line the user added or corrected
        int sourceRow = -1; // the row in ReceiptDraft::items it was read from; -1 for a line the user added
    };

    ReceiptItemsModel(const QList<Category>& categories, const QLocale& locale, QObject* parent = nullptr);

    void setItems(const QList<ReceiptItem>& items);
    const QList<Line>& lines() const { return m_lines; }
    const Line& line(int row) const { return m_lines.at(row); }
    // Converts the amounts when the number of minor digits changes (12.34 EUR -> 12 JPY -> 12.00 EUR).
    void setCurrency(const Currency& currency);
    const Currency& currency() const { return m_currency; }
    // A suggestion for a line whose category the user has not chosen; nullopt withdraws it.
    void suggestCategory(int row, std::optional<qint64> categoryId);
    // Appends an empty line and returns its row.
    int addLine();
    void removeLine(int row);
    // The sum of the lines, nullopt on overflow.
    std::optional<qint64> sumMinor() const;
    QList<ReceiptAcceptance::Line> acceptanceLines() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // The category column takes a category id (or an invalid QVariant for "as the receipt"); the amount column takes
    // the text typed, and refuses (with invalidInput) what Money::parse does not understand.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // Text typed into the amount column that is not an amount, and why.
    void invalidInput(const QString& message);
    // A line's description, amount or category changed, or lines came or went.
    void linesChanged();

private:
    QList<Line> m_lines;
    QHash<qint64, Category> m_categories;
    QLocale m_locale;
    Currency m_currency;
};

} // namespace Moniagent
