#include "receiptanalysis.h"

#include <QHash>
#include <QRegularExpression>

namespace Moniagent::ReceiptParsing {

namespace {

int countLetters(const QList<RowNumber>& numbers, const QList<RowSegment>& segments)
{
    int letters = 0;
    for (int s = 0; s < segments.size(); ++s) {
        const QString& segmentText = segments.at(s).text;
        QList<bool> covered(segmentText.size(), false);
        for (const RowNumber& number : numbers) {
            if (number.segment != s)
                continue;
            for (int i = number.token.start; i < number.token.start + number.token.length && i < covered.size(); ++i)
                covered[i] = true;
        }
        for (int i = 0; i < segmentText.size(); ++i) {
            if (!covered.at(i) && segmentText.at(i).isLetter())
                ++letters;
        }
    }
    return letters;
}

} // namespace

QList<AnalyzedRow> analyzeRows(const QList<ReceiptRow>& rows, int minorDigits, const QDate& today)
{
    QList<AnalyzedRow> result;
    result.reserve(rows.size());
    for (const ReceiptRow& row : rows) {
        AnalyzedRow analyzed;
        analyzed.row = row;
        analyzed.minorDigits = minorDigits;
        analyzed.folded = foldText(row.text);
        analyzed.keywords = classifyRow(analyzed.folded);
        for (int s = 0; s < row.segments.size(); ++s) {
            const RowSegment& segment = row.segments.at(s);
            for (const NumberToken& token : findNumbers(segment.text)) {
                RowNumber number;
                number.token = token;
                number.segment = s;
                number.box = segment.boxOf(token.start, token.length);
                number.text = segment.text.mid(token.start, token.length);
                analyzed.numbers.append(number);
            }
        }
        analyzed.dates = findDates(analyzed.folded, today);
        analyzed.times = findTimes(analyzed.folded);
        for (int i = 0; i < analyzed.numbers.size(); ++i) {
            if (analyzed.numbers.at(i).token.isMoney(minorDigits))
                analyzed.money.append(i);
        }
        analyzed.letters = countLetters(analyzed.numbers, row.segments);
        result.append(analyzed);
    }

    // A label on its own row ("TOTAL:") names the amount printed alone on the next row.
    for (int i = 1; i < result.size(); ++i) {
        AnalyzedRow& current = result[i];
        const AnalyzedRow& above = result.at(i - 1);
        if (current.money.isEmpty() || current.letters > 0 || current.keywords.anyAmountRole())
            continue;
        if (!above.money.isEmpty() || !above.keywords.anyAmountRole() || above.row.page != current.row.page)
            continue;
        current.keywords = above.keywords;
        current.inheritedLabel = true;
    }
    return result;
}

QString detectCurrency(const QList<AnalyzedRow>& rows, const QString& profileCode, const QString& dollarCode)
{
    static const QRegularExpression codes(QStringLiteral("(?<![A-Z])(EUR|USD|GBP|CHF|MYR|SGD|AUD|CAD|NZD|HKD|JPY|CNY|"
                                                         "SEK|NOK|DKK|PLN|CZK|HUF|INR|IDR|THB|PHP)(?![A-Z])"));
    static const QRegularExpression ringgit(QStringLiteral("(?<![A-Z])RM(?![A-Z])"));
    static const QRegularExpression francs(QStringLiteral("(?<![A-Z])(?:SFR|FR\\.)"));
    struct Evidence
    {
        int votes = 0;
        int rows = 0;
        bool onTotal = false; // named on a row of the total or an amount
    };
    QHash<QString, Evidence> evidence;
    for (const AnalyzedRow& row : rows) {
        QHash<QString, int> votes;
        for (const RowNumber& number : row.numbers) {
            // A mark glued to a zero is more often a misread digit ("£0.00" for 60.00) than a price.
            if (!number.token.currency.isEmpty() && number.token.mantissa != 0)
                votes[number.token.currency == u"$" ? dollarCode : number.token.currency] += 2;
        }
        auto it = codes.globalMatch(row.folded);
        while (it.hasNext())
            votes[it.next().captured(1)] += 1;
        if (row.folded.contains(u'€'))
            votes[QStringLiteral("EUR")] += 1;
        if (row.folded.contains(u'£'))
            votes[QStringLiteral("GBP")] += 1;
        if (ringgit.match(row.folded).hasMatch())
            votes[QStringLiteral("MYR")] += 1;
        if (francs.match(row.folded).hasMatch())
            votes[QStringLiteral("CHF")] += 1;
        for (auto vote = votes.cbegin(); vote != votes.cend(); ++vote) {
            Evidence& found = evidence[vote.key()];
            found.votes += vote.value();
            found.rows += 1;
            found.onTotal = found.onTotal || row.keywords.totalStrength > 0;
        }
    }
    QString best;
    int bestVotes = 0;
    for (auto it = evidence.cbegin(); it != evidence.cend(); ++it) {
        // Another currency than the profile's must be named on the total's row or on two rows: one stray mark
        // elsewhere is more often a misread character ("€0.90", "S" read as "$") than a foreign receipt.
        const bool credible
            = profileCode.isEmpty() || it.key() == profileCode || it.value().onTotal || it.value().rows >= 2;
        if (!credible)
            continue;
        // A tie goes to the profile's currency, then to the first code in the alphabet (the same answer every time).
        const bool tieWins
            = it.value().votes == bestVotes && (it.key() == profileCode || (best != profileCode && it.key() < best));
        if (it.value().votes > bestVotes || tieWins) {
            best = it.key();
            bestVotes = it.value().votes;
        }
    }
    return best;
}

} // namespace Moniagent::ReceiptParsing
