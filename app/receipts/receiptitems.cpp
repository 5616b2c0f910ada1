#include "receiptitems.h"

#include "receiptmerchant.h"

#include <QRegularExpression>

namespace Moniagent::ReceiptParsing {

namespace {

// The row's text without its numbers and currency marks: what the item is.
QString descriptionOf(const AnalyzedRow& row)
{
    QString description;
    for (int s = 0; s < row.row.segments.size(); ++s) {
        QString text = row.row.segments.at(s).text;
        // Remove numbers right to left so earlier offsets stay valid.
        for (qsizetype n = row.numbers.size() - 1; n >= 0; --n) {
            const RowNumber& number = row.numbers.at(n);
            if (number.segment != s)
                continue;
            // Codes glued to letters ("T02") stay part of the description; "x2" is a quantity.
            if (!number.token.prefix.isEmpty() && number.token.prefix != u"X")
                continue;
            const int start = number.token.start - int(number.token.prefix.size());
            const int length = number.token.length + int(number.token.prefix.size()) + int(number.token.suffix.size());
            text.remove(std::max(0, start), length);
        }
        text = text.simplified();
        if (!text.isEmpty()) {
            if (!description.isEmpty())
                description += u' ';
            description += text;
        }
    }
    static const QRegularExpression edges(QStringLiteral("^[\\s*:@=x×\\-]+|[\\s*:@=x×\\-]+$"));
    description.remove(edges);
    return description.simplified();
}

bool endsItems(const AnalyzedRow& row)
{
    const RowKeywords& k = row.keywords;
    if (row.money.isEmpty())
        return k.subtotal || k.totalStrength >= 2 || k.count;
    return k.subtotal || k.totalStrength >= 2 || (k.tax && !k.discount) || k.tendered || k.change || k.count
        || k.rounding;
}

// A quantity printed on the row: "2x", "x2", "2 @", or a plain number whose product with a unit price is the amount.
void readQuantity(const AnalyzedRow& row, int amountNumber, ReceiptItem& item)
{
    const qint64 amount = row.numbers.at(amountNumber).token.minor(row.minorDigits).value_or(0);
    const int digits = row.minorDigits;
    // Unit price and quantity such that quantity x price = amount.
    for (int p = 0; p < amountNumber; ++p) {
        const NumberToken& price = row.numbers.at(p).token;
        if (!price.isMoney(digits) || price.minor(digits).value_or(0) <= 0)
            continue;
        const qint64 unit = *price.minor(digits);
        for (int q = 0; q < row.numbers.size(); ++q) {
            if (q == p || q == amountNumber)
                continue;
            const NumberToken& quantity = row.numbers.at(q).token;
            if (quantity.percent || quantity.mantissa <= 0 || quantity.decimals > 3)
                continue;
            qint64 scale = 1;
            for (int i = 0; i < quantity.decimals; ++i)
                scale *= 10;
            const qint64 product = quantity.mantissa * unit;
            if (std::llabs(product - std::llabs(amount) * scale) < scale) {
                item.quantity = quantity.decimalString();
                item.unitPriceMinor = unit;
                return;
            }
        }
    }
    // A marked quantity without a price that explains it: "2x", "x2", "2 x …", "2 @ …", "1 PC", "0.450 KG".
    static const QStringList units {QStringLiteral("X"),  QStringLiteral("PC"), QStringLiteral("PCS"),
                                    QStringLiteral("KG"), QStringLiteral("ST"), QStringLiteral("STK"),
                                    QStringLiteral("UN"), QStringLiteral("PZ")};
    static const QRegularExpression timesAfter(QStringLiteral("^\\s*[xX×@*]\\s"));
    for (int q = 0; q < row.numbers.size(); ++q) {
        const RowNumber& number = row.numbers.at(q);
        const NumberToken& quantity = number.token;
        if (q == amountNumber || quantity.mantissa <= 0 || quantity.percent)
            continue;
        const QString& text = row.row.segments.at(number.segment).text;
        const bool marked = units.contains(quantity.suffix) || quantity.prefix == u"X"
            || timesAfter.match(QStringView(text).mid(quantity.start + quantity.length)).hasMatch();
        if (marked) {
            item.quantity = quantity.decimalString();
            return;
        }
    }
}

} // namespace

QList<FoundItem> findItems(const QList<AnalyzedRow>& rows)
{
    QList<FoundItem> items;
    int start = 0;
    for (int r = 0; r < rows.size(); ++r) {
        if (rows.at(r).keywords.itemHeader && rows.at(r).money.isEmpty()) {
            start = r + 1;
            break;
        }
    }
    // A description printed on its own row belongs to the amount row right below it; when the amount row has its
    // own description, it continues the item above instead.
    QString pending;
    int pendingRow = -1;
    for (int r = start; r < rows.size(); ++r) {
        const AnalyzedRow& row = rows.at(r);
        if (endsItems(row))
            break;
        if (!row.dates.isEmpty() || !row.times.isEmpty() || row.keywords.itemHeader
            || (row.money.isEmpty() && shopInfoKind(row.folded) != ShopInfo::None)) {
            pending.clear();
            continue;
        }
        if (row.money.isEmpty()) {
            if (row.letters >= 2) {
                const QString text = descriptionOf(row);
                pending = pending.isEmpty() ? text : pending + u' ' + text;
                pendingRow = r;
            }
            continue;
        }
        const int amountIndex = row.money.last();
        const RowNumber& amountNumber = row.numbers.at(amountIndex);
        QString description = row.letters >= 1 ? descriptionOf(row) : QString();
        if (description.isEmpty()) {
            description = pendingRow == r - 1 ? pending : QString();
        } else if (!pending.isEmpty() && !items.isEmpty() && items.last().row < pendingRow) {
            items.last().item.description += u' ' + pending;
        }
        pending.clear();
        if (description.isEmpty())
            continue;

        FoundItem found;
        found.row = r;
        ReceiptItem& item = found.item;
        item.description = description;
        item.amountMinor = amountNumber.token.minor(row.minorDigits).value_or(0);
        if (row.keywords.discount && item.amountMinor > 0)
            item.amountMinor = -item.amountMinor;
        readQuantity(row, amountIndex, item);
        item.source.box = row.row.box;
        item.source.page = row.row.page;
        item.source.origin = row.row.origin;
        item.source.text = row.row.text;
        item.source.confidence = row.row.confidence * 0.8F;
        items.append(found);
    }
    return items;
}

} // namespace Moniagent::ReceiptParsing
