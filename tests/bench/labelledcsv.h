#pragma once

#include "core/money.h"
#include "core/result.h"
#include "core/transaction.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Moniagent {

// One labelled bank line of a categorization benchmark file.
struct LabelledRow
{
    int line = 0; // 1-based line in the file where the record starts
    QString description;
    QString merchant; // optional column
    QDate date; // optional column
    TransactionType type = TransactionType::Expense;
    Money amount; // always positive
    QString category;
};

// Reads the benchmark CSV files (`description,amount,direction,currency,category`, optional `merchant` and
// `date`, any column order, RFC 4180 quoting). Shared by the tuning tool and the end-to-end benchmark.
// Real exports are messy, so an amount cell is read forgivingly: "1 300.00" is 1300, "Bank -3.00" is 3.00 with
// "Bank" moved back to the description (an unquoted comma split it off), the sign is dropped (direction says
// which way the money went).
class LabelledCsv
{
public:
    static Result<QList<LabelledRow>> read(const QString& path);
    static Result<QList<LabelledRow>> parse(const QByteArray& utf8, const QString& name = {});
    // RFC 4180 records: fields split on commas outside quotes, "" inside quotes is one quote, newlines inside
    // quotes stay in the field. Each record carries the line it starts on.
    struct Record
    {
        int line = 0;
        QStringList fields;
    };
    static QList<Record> records(const QString& text);
};

} // namespace Moniagent
