#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>

namespace Moniagent::ReceiptParsing {

// One reading of a date printed on a receipt. A numeric date whose day and month could be swapped ("04/05/2018")
// gives two readings, both marked ambiguousOrder.
struct DateMatch
{
    QDate date;
    int start = 0; // in the folded text searched
    int length = 0;
    bool dayFirst = true; // the reading puts the day before the month (meaningless for year-first dates)
    bool ambiguousOrder = false;
    bool monthName = false; // "27 MAR 2018", "3. März 2018", "March 3, 2018"
    bool compact = false; // "20180304"
    bool yearFirst = false; // "2018-03-04"
    bool twoDigitYear = false;
};

struct TimeMatch
{
    QTime time;
    int start = 0;
    int length = 0;
};

// The year a two-digit year means: the latest year ending in those digits that is not after `today`'s year.
int resolveTwoDigitYear(int twoDigits, const QDate& today);

// The plausible dates in `folded` (foldText): not after `today` and not more than 30 years before it. Month names
// in English, German, French, Spanish, Italian, Dutch and Malay; numeric day/month/year in either order, year first
// (ISO) and compact yyyymmdd.
QList<DateMatch> findDates(const QString& folded, const QDate& today);

// Times of day: "18:46", "8:13:39 PM", "12H30".
QList<TimeMatch> findTimes(const QString& folded);

} // namespace Moniagent::ReceiptParsing
