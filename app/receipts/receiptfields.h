#pragma once

#include "receiptanalysis.h"

#include <QDate>
#include <QTime>

namespace Moniagent::ReceiptParsing {

struct DatePick
{
    QDate date;
    int row = -1;
    float confidence = 0;
};

// The purchase date: readings near a date word or a time score higher, expiry and due dates lower; a day/month
// order that another date of the receipt proves wins, else `preferDayFirst`; repeated dates gain.
DatePick chooseDate(const QList<AnalyzedRow>& rows, bool preferDayFirst);

struct TimePick
{
    QTime time;
    int row = -1;
    float confidence = 0;
};

// The time of the purchase: on the date's row when there is one, else next to a time word, else the first.
TimePick chooseTime(const QList<AnalyzedRow>& rows, int dateRow);

struct PaymentPick
{
    QString method;
    int row = -1;
    float confidence = 0;
};

// How the receipt was paid: payment words on rows with an amount (the total's amount most of all), or naming the
// payment; change given back means cash.
PaymentPick choosePayment(const QList<AnalyzedRow>& rows, std::optional<qint64> total);

} // namespace Moniagent::ReceiptParsing
