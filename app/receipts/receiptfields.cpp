#include "receiptfields.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Moniagent::ReceiptParsing {

DatePick chooseDate(const QList<AnalyzedRow>& rows, bool preferDayFirst)
{
    // Day/month order proven by the receipt itself: an unambiguous numeric date such as 25/12/2018. A time printed
    // with points ("TIME. 11.14.00") also reads as a date (14 November 2000), but proves nothing.
    static const QRegularExpression timeLike(QStringLiteral("^([01]?\\d|2[0-3])\\.[0-5]\\d\\.[0-5]\\d$"));
    int dayFirstEvidence = 0;
    int monthFirstEvidence = 0;
    QHash<QDate, int> rowsWith;
    for (const AnalyzedRow& row : rows) {
        QList<QDate> seen;
        for (const DateMatch& match : row.dates) {
            const bool mayBeTime = !row.keywords.date && match.twoDigitYear
                && timeLike.match(row.folded.mid(match.start, match.length)).hasMatch();
            if (!match.monthName && !match.yearFirst && !match.ambiguousOrder && !mayBeTime)
                (match.dayFirst ? dayFirstEvidence : monthFirstEvidence) += 1;
            if (!seen.contains(match.date)) {
                seen.append(match.date);
                ++rowsWith[match.date];
            }
        }
    }
    const bool dayFirst
        = dayFirstEvidence != monthFirstEvidence ? dayFirstEvidence > monthFirstEvidence : preferDayFirst;
    const bool orderProven = dayFirstEvidence != monthFirstEvidence;

    DatePick pick;
    double bestScore = -1e9;
    const DateMatch* bestMatch = nullptr;
    for (int r = 0; r < rows.size(); ++r) {
        const AnalyzedRow& row = rows.at(r);
        const bool labelAbove = r > 0 && rows.at(r - 1).keywords.date && rows.at(r - 1).dates.isEmpty();
        for (const DateMatch& match : row.dates) {
            double score = 1;
            if (row.keywords.date)
                score += 2;
            else if (labelAbove)
                score += 1.5;
            if (!row.times.isEmpty())
                score += 1;
            if (row.keywords.notPurchaseDate)
                score -= 3;
            if (match.monthName)
                score += 0.5;
            if (match.compact)
                score -= 1;
            if (match.ambiguousOrder && match.dayFirst == dayFirst)
                score += 0.8;
            score += 0.4 * std::min(2, rowsWith.value(match.date) - 1);
            if (!row.money.isEmpty())
                score -= 0.5;
            if (score > bestScore) {
                bestScore = score;
                pick.date = match.date;
                pick.row = r;
                bestMatch = &match;
            }
        }
    }
    if (!bestMatch)
        return pick;
    const AnalyzedRow& row = rows.at(pick.row);
    float confidence = 0.5F;
    if (row.keywords.date)
        confidence += 0.2F;
    if (!row.times.isEmpty())
        confidence += 0.1F;
    if (bestMatch->ambiguousOrder)
        confidence += orderProven ? 0.05F : -0.15F;
    else
        confidence += 0.1F;
    if (rowsWith.value(pick.date) > 1)
        confidence += 0.05F;
    if (row.keywords.notPurchaseDate)
        confidence -= 0.3F;
    pick.confidence = std::clamp(confidence, 0.05F, 0.97F) * row.row.confidence;
    return pick;
}

TimePick chooseTime(const QList<AnalyzedRow>& rows, int dateRow)
{
    TimePick pick;
    if (dateRow >= 0 && !rows.at(dateRow).times.isEmpty()) {
        pick.time = rows.at(dateRow).times.first().time;
        pick.row = dateRow;
        pick.confidence = 0.85F * rows.at(dateRow).row.confidence;
        return pick;
    }
    // The row after the date ("DATE: 06/03/2018" then "TIME: 12:06:00").
    for (int r = 0; r < rows.size(); ++r) {
        if (rows.at(r).times.isEmpty())
            continue;
        const bool labelled = rows.at(r).keywords.time || (r > 0 && rows.at(r - 1).keywords.time);
        if (pick.row < 0 || labelled) {
            pick.time = rows.at(r).times.first().time;
            pick.row = r;
            pick.confidence = (labelled ? 0.8F : 0.5F) * rows.at(r).row.confidence;
            if (labelled)
                break;
        }
    }
    return pick;
}

PaymentPick choosePayment(const QList<AnalyzedRow>& rows, std::optional<qint64> total)
{
    PaymentPick pick;
    double bestScore = 0;
    bool changeGiven = false;
    for (int r = 0; r < rows.size(); ++r) {
        const AnalyzedRow& row = rows.at(r);
        if (row.keywords.change) {
            for (int m = 0; m < row.money.size(); ++m)
                changeGiven = changeGiven || row.moneyValue(m) > 0;
            continue;
        }
        // A label on the row above names the amount printed alone below it ("CASH" / "10.00").
        const QString text = row.inheritedLabel && r > 0 ? rows.at(r - 1).folded + u' ' + row.folded : row.folded;
        int specificity = 0;
        const QString method = paymentMethodIn(text, &specificity);
        if (method.isEmpty())
            continue;
        // Without an amount, only a row about the payment counts ("PAYMENT: CARD"), not "WE ACCEPT VISA".
        const bool payment = mentionsPayment(text);
        if (row.money.isEmpty() && !payment)
            continue;
        double score = specificity;
        if (!row.money.isEmpty())
            score += 2;
        if (payment)
            score += 1;
        for (int m = 0; m < row.money.size(); ++m) {
            if (total && row.moneyValue(m) == *total)
                score += 2;
        }
        if (score > bestScore) {
            bestScore = score;
            pick.method = method;
            pick.row = r;
        }
    }
    if (pick.row >= 0) {
        pick.confidence = std::clamp(float(0.3 + 0.1 * bestScore), 0.3F, 0.95F) * rows.at(pick.row).row.confidence;
    } else if (changeGiven) {
        pick.method = QStringLiteral("cash");
        pick.confidence = 0.5F;
    }
    return pick;
}

} // namespace Moniagent::ReceiptParsing
