#pragma once

#include "core/daterange.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Moniagent {

// Finds the periods a question names, in English and German: "last month", "in October", "October 2025", "this
// year", "last year", "since 1 March", "last 30 days", "this week", "yesterday", "letzten Monat", "im Oktober",
// "dieses Jahr", "seit 1. März", "in den letzten 30 Tagen", "2025-01-01 to 2025-03-31" … Relative periods count
// from `today`; a month or day without a year is the latest one not after today. Pure: no clock, no database.
class QuestionPeriods
{
public:
    struct Match
    {
        DateRange range;
        qsizetype start = 0; // where the phrase is in the text (with its preposition)
        qsizetype length = 0;
    };

    // The periods in `text` (any case), in the order they appear; phrases never overlap.
    static QList<Match> find(const QString& text, QDate today, Qt::DayOfWeek firstDayOfWeek = Qt::Monday);

    // 1–12 for an English or German month name or abbreviation ("Oct", "März", "maerz"), else 0.
    static int monthNumber(const QString& name);
    // A number in digits or as a word up to twelve ("three", "drei"), else -1.
    static int number(const QString& word);
    // The regular expression alternatives of the number words and of the month names.
    static QString numberPattern();
    static QString monthPattern();
};

} // namespace Moniagent
