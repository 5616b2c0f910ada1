#include "labelledcsv.h"

#include <QFile>
#include <QRegularExpression>

namespace Moniagent {

QList<LabelledCsv::Record> LabelledCsv::records(const QString& text)
{
    QList<Record> out;
    Record record;
    QString field;
    bool quoted = false;
    bool any = false; // the current record has content
    int line = 1;
    record.line = 1;
    auto endField = [&] {
        record.fields.append(field);
        field.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            endField();
            any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            if (any || !field.isEmpty()) {
                endField();
                out.append(record);
            }
            record = {};
            any = false;
            ++line;
            record.line = line;
        } else {
            field.append(c);
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        endField();
        out.append(record);
    }
    return out;
}

namespace {

// "1 300.00" -> 1300.00, "Bank -3.00" -> 3.00 plus the words "Bank", "470010 -0.80" -> 0.80 plus "470010",
// "Bank" -> 0 plus "Bank".
struct AmountCell
{
    QString number;
    QString leftover;
};

AmountCell splitAmount(const QString& cell)
{
    static const QRegularExpression number(QStringLiteral(R"(^[-+]?\d+(\.\d+)?$)"));
    static const QRegularExpression grouped(QStringLiteral(R"(^[-+]?\d{1,3}( \d{3})+(\.\d+)?$)"));
    const QString trimmed = cell.trimmed();
    if (grouped.match(trimmed).hasMatch()) {
        QString joined = trimmed;
        joined.remove(u' ');
        return {joined, {}};
    }
    QStringList parts = trimmed.split(u' ', Qt::SkipEmptyParts);
    if (parts.isEmpty() || !number.match(parts.last()).hasMatch())
        return {QStringLiteral("0"), parts.join(u' ')}; // no amount at all: keep the line, amount 0
    const QString last = parts.takeLast();
    return {last, parts.join(u' ')};
}

} // namespace

Result<QList<LabelledRow>> LabelledCsv::parse(const QByteArray& utf8, const QString& name)
{
    const QList<Record> all = records(QString::fromUtf8(utf8));
    if (all.isEmpty())
        return Error::invalidInput(QStringLiteral("%1: empty file").arg(name));
    QHash<QString, int> column;
    for (int i = 0; i < all.first().fields.size(); ++i)
        column.insert(all.first().fields.at(i).trimmed().toLower(), i);
    for (const auto* required : {"description", "amount", "direction", "currency", "category"}) {
        if (!column.contains(QLatin1String(required)))
            return Error::invalidInput(QStringLiteral("%1: no column \"%2\"").arg(name, QLatin1String(required)));
    }
    const int columns = int(all.first().fields.size());
    auto cell = [&](const Record& record, const char* key) {
        const int index = column.value(QLatin1String(key), -1);
        return index >= 0 && index < record.fields.size() ? record.fields.at(index) : QString();
    };
    QList<LabelledRow> rows;
    for (qsizetype r = 1; r < all.size(); ++r) {
        const Record& record = all.at(r);
        const auto where = QStringLiteral("%1:%2").arg(name).arg(record.line);
        if (record.fields.size() != columns)
            return Error::invalidInput(
                QStringLiteral("%1: %2 fields, expected %3").arg(where).arg(record.fields.size()).arg(columns));
        LabelledRow row;
        row.line = record.line;
        row.description = cell(record, "description").trimmed();
        row.merchant = cell(record, "merchant").trimmed();
        row.category = cell(record, "category").trimmed();
        if (row.category.isEmpty())
            return Error::invalidInput(QStringLiteral("%1: no category").arg(where));
        const QString direction = cell(record, "direction").trimmed().toLower();
        if (direction == u"debit" || direction == u"expense" || direction == u"out")
            row.type = TransactionType::Expense;
        else if (direction == u"credit" || direction == u"income" || direction == u"in")
            row.type = TransactionType::Income;
        else
            return Error::invalidInput(QStringLiteral("%1: direction \"%2\"").arg(where, direction));
        const Currency currency = Currency::fromCode(cell(record, "currency"));
        if (!currency.isValid())
            return Error::invalidInput(QStringLiteral("%1: currency \"%2\"").arg(where, cell(record, "currency")));
        const AmountCell amount = splitAmount(cell(record, "amount"));
        auto money = Money::fromDecimalString(amount.number, currency, Money::Rounding::HalfAwayFromZero);
        if (!money)
            return Error::invalidInput(
                QStringLiteral("%1: amount \"%2\": %3").arg(where, cell(record, "amount"), money.error().message));
        row.amount = money->isNegative() ? *money->checkedNegate() : *money;
        if (!amount.leftover.isEmpty())
            row.description = QString(row.description + u' ' + amount.leftover).trimmed();
        const QString date = cell(record, "date").trimmed();
        if (!date.isEmpty())
            row.date = QDate::fromString(date, Qt::ISODate);
        rows.append(row);
    }
    return rows;
}

Result<QList<LabelledRow>> LabelledCsv::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io, QStringLiteral("cannot read %1").arg(path), file.errorString()};
    return parse(file.readAll(), path);
}

} // namespace Moniagent
