#include "receipttotals.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Moniagent::ReceiptParsing {

namespace {

constexpr int kTotalCandidates = 10;

struct Candidate
{
    int row = -1;
    int money = -1;
    qint64 value = 0;
    double score = 0;
};

bool isLastMoney(const AnalyzedRow& row, int money)
{
    return money == row.money.size() - 1;
}

double keywordScore(const RowKeywords& k, qint64 value, qint64 unit)
{
    // A "rounding" row holding a whole currency unit or more is the rounded total ("ROUNDING RM 13.60").
    if (k.rounding && !k.change && !k.count && std::abs(value) >= unit)
        return 4;
    if (k.count)
        return -8;
    if (k.change)
        return -7;
    if (k.rounding)
        return -6;
    if (k.tax && k.totalStrength < 3)
        return -4;
    if (k.subtotal && k.totalStrength < 3)
        return -2.5;
    if (k.discount && k.totalStrength < 2)
        return -4;
    switch (k.totalStrength) {
    case 3:
        return 6;
    case 2:
        return 4;
    case 1:
        return k.itemHeader ? 0 : 1.5;
    default:
        return 0;
    }
}

// Whether a tax amount matches `rate` (hundredths of a percent) of a gross or net amount, within a cent of rounding.
bool matchesRate(qint64 tax, qint64 base, int rate, bool gross)
{
    if (rate <= 0 || base <= 0)
        return false;
    const double expected = gross ? double(base) * rate / (10000.0 + rate) : double(base) * rate / 10000.0;
    return std::abs(double(tax) - expected) <= 1.0;
}

struct Pools
{
    QList<Candidate> totals;
    QList<Candidate> subtotals;
    QList<Candidate> taxes;
    QList<qint64> roundings;
    QList<qint64> tendered;
    QList<qint64> changes;
    QSet<qint64> allValues;
};

Pools collect(const QList<AnalyzedRow>& rows)
{
    Pools pools;
    qint64 largest = 0;
    QHash<qint64, int> rowsWith;
    for (const AnalyzedRow& row : rows) {
        QSet<qint64> seen;
        for (int m = 0; m < row.money.size(); ++m) {
            const qint64 value = row.moneyValue(m);
            pools.allValues.insert(value);
            if (!seen.contains(value)) {
                seen.insert(value);
                ++rowsWith[value];
            }
            const RowKeywords& k = row.keywords;
            if (!k.tendered && !k.change && !k.count && !(k.tax && k.totalStrength < 3) && !k.rounding)
                largest = std::max(largest, value);
        }
    }

    for (int r = 0; r < rows.size(); ++r) {
        const AnalyzedRow& row = rows.at(r);
        const RowKeywords& k = row.keywords;
        const int rate = k.tax ? taxRateIn(row.folded) : -1;
        qint64 unit = 1;
        for (int i = 0; i < row.minorDigits; ++i)
            unit *= 10;
        for (int m = 0; m < row.money.size(); ++m) {
            const qint64 value = row.moneyValue(m);
            const bool last = isLastMoney(row, m);
            if (k.rounding && std::abs(value) < unit)
                pools.roundings.append(value);
            if (k.change && !k.totalStrength)
                pools.changes.append(std::abs(value));
            else if (k.tendered && !k.change && value != 0)
                pools.tendered.append(std::abs(value)); // "CASH -11.80": tendered amounts are printed either way
            if (k.subtotal && value > 0)
                pools.subtotals.append({r, m, value, 3.0 - (last ? 0 : 1)});
            if (k.tax && k.totalStrength < 3 && !k.subtotal && value >= 0) {
                double score = 3.0 - (last ? 0 : 1);
                if (rate > 0 && value == rate)
                    score -= 3; // the rate column, "6.00" of "GST 6.00 %"
                pools.taxes.append({r, m, value, score});
            }
            if (value <= 0)
                continue;
            double score = keywordScore(k, value, unit) - (row.inheritedLabel ? 0.5 : 0);
            if (!last)
                score -= 1.5;
            score += row.row.relativeY;
            if (value == largest)
                score += 1.5;
            score += 0.6 * std::min(3, rowsWith.value(value) - 1);
            if (!row.dates.isEmpty() || !row.times.isEmpty())
                score -= 2;
            pools.totals.append({r, m, value, score});
        }
    }
    std::sort(pools.totals.begin(), pools.totals.end(),
              [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    return pools;
}

struct Combination
{
    const Candidate* total = nullptr;
    const Candidate* subtotal = nullptr;
    const Candidate* tax = nullptr;
    double score = -1e9;
    int checks = 0;
    bool sumMatches = false; // subtotal + tax (+ rounding) = total
    bool itemsMatch = false;
};

bool addsUp(qint64 parts, qint64 total, const QList<qint64>& roundings)
{
    if (parts == total)
        return true;
    return std::any_of(roundings.cbegin(), roundings.cend(), [&](qint64 r) { return r != 0 && parts + r == total; });
}

Combination evaluate(const Candidate& t, const Candidate* s, const Candidate* x, const Pools& pools,
                     const QList<AnalyzedRow>& rows, std::optional<qint64> itemsSum)
{
    Combination c;
    c.total = &t;
    c.subtotal = s;
    c.tax = x;
    double score = t.score + (s ? 0.5 * s->score : 0) + (x ? 0.5 * x->score : 0);
    int checks = 0;
    const qint64 total = t.value;
    if (s && x) {
        if (addsUp(s->value + x->value, total, pools.roundings)) {
            score += 4;
            ++checks;
            c.sumMatches = true;
        } else if (s->value == total && x->value < total) {
            score += 0.5; // prices include the tax
        } else {
            score -= 1.5;
        }
    } else if (s) {
        if (addsUp(s->value, total, pools.roundings)) {
            score += 1.5;
            ++checks;
        } else if (s->value > total) {
            score -= 2;
        }
    } else if (x && x->value >= total) {
        score -= 3;
    }
    if (x) {
        const int rate = taxRateIn(rows.at(x->row).folded);
        if (matchesRate(x->value, total, rate, true) || (s && matchesRate(x->value, s->value, rate, false))) {
            score += 2;
            ++checks;
        }
    }
    if (itemsSum && *itemsSum > 0) {
        if (*itemsSum == total || addsUp(*itemsSum, total, pools.roundings)) {
            score += 3;
            ++checks;
            c.itemsMatch = true;
        } else if (s && *itemsSum == s->value) {
            score += 1.5;
            c.itemsMatch = true;
        } else if (x && addsUp(*itemsSum + x->value, total, pools.roundings)) {
            score += 2.5;
            ++checks;
            c.itemsMatch = true;
        }
    }
    bool paid = false;
    for (qint64 cash : pools.tendered) {
        if (cash == total && pools.changes.isEmpty()) {
            paid = true;
            break;
        }
        for (qint64 change : pools.changes) {
            if (cash - change == total && cash > change) {
                paid = true;
                break;
            }
        }
        if (paid)
            break;
    }
    if (!paid) {
        // A card payment of exactly the total on another row.
        for (const AnalyzedRow& row : rows) {
            if (!row.keywords.tendered || row.keywords.change || &row == &rows.at(t.row))
                continue;
            for (int m = 0; m < row.money.size(); ++m)
                paid = paid || row.moneyValue(m) == total;
        }
        if (paid)
            score += 1.5;
    } else {
        score += 3;
    }
    if (paid)
        ++checks;
    // The rounded total beats the amount before rounding: t = other + rounding.
    for (qint64 r : pools.roundings) {
        if (r != 0 && pools.allValues.contains(total - r)) {
            score += 1.5;
            break;
        }
    }
    c.score = score;
    c.checks = checks;
    return c;
}

float keywordConfidence(const RowKeywords& k)
{
    switch (k.totalStrength) {
    case 3:
        return 0.3F;
    case 2:
        return 0.2F;
    case 1:
        return 0.1F;
    default:
        return 0;
    }
}

} // namespace

TotalsResult chooseTotals(const QList<AnalyzedRow>& rows, std::optional<qint64> itemsSum)
{
    TotalsResult result;
    const Pools pools = collect(rows);
    if (pools.totals.isEmpty())
        return result;

    QList<const Candidate*> subtotals {nullptr};
    for (const Candidate& c : pools.subtotals)
        subtotals.append(&c);
    QList<const Candidate*> taxes {nullptr};
    for (const Candidate& c : pools.taxes)
        taxes.append(&c);

    Combination best;
    QHash<qint64, double> bestByValue;
    const int limit = std::min<int>(kTotalCandidates, int(pools.totals.size()));
    for (int i = 0; i < limit; ++i) {
        const Candidate& t = pools.totals.at(i);
        for (const Candidate* s : std::as_const(subtotals)) {
            for (const Candidate* x : std::as_const(taxes)) {
                if ((s && s->row == t.row && s->money == t.money) || (x && x->row == t.row && x->money == t.money))
                    continue;
                const Combination c = evaluate(t, s, x, pools, rows, itemsSum);
                if (!bestByValue.contains(t.value) || c.score > bestByValue.value(t.value))
                    bestByValue[t.value] = c.score;
                if (c.score > best.score)
                    best = c;
            }
        }
    }
    if (!best.total)
        return result;

    double runnerUp = -1e9;
    for (auto it = bestByValue.cbegin(); it != bestByValue.cend(); ++it) {
        if (it.key() != best.total->value)
            runnerUp = std::max(runnerUp, it.value());
    }
    const double margin = best.score - runnerUp;

    const AnalyzedRow& totalRow = rows.at(best.total->row);
    float confidence = 0.3F + keywordConfidence(totalRow.keywords) + 0.15F * float(std::min(best.checks, 3));
    if (margin >= 3)
        confidence += 0.1F;
    else if (margin < 1)
        confidence -= 0.15F;
    result.total = {best.total->value, best.total->row, best.total->money,
                    std::clamp(confidence, 0.05F, 0.99F) * totalRow.row.confidence};
    result.checks = best.checks;

    // A printed subtotal or tax that the best reading left out is still reported, as inconsistent.
    auto strongest = [&](const QList<Candidate>& pool) -> const Candidate* {
        const Candidate* chosen = nullptr;
        for (const Candidate& c : pool) {
            if ((c.row != best.total->row || c.money != best.total->money) && (!chosen || c.score > chosen->score))
                chosen = &c;
        }
        return chosen;
    };
    const Candidate* subtotal = best.subtotal ? best.subtotal : strongest(pools.subtotals);
    const Candidate* tax = best.tax ? best.tax : strongest(pools.taxes);
    const qint64 total = best.total->value;
    const bool sumMatches = subtotal && tax && addsUp(subtotal->value + tax->value, total, pools.roundings);
    const int rate = tax ? taxRateIn(rows.at(tax->row).folded) : -1;
    const bool taxIncluded = tax && matchesRate(tax->value, total, rate, true);

    if (subtotal) {
        const bool consistent = sumMatches || itemsSum == subtotal->value || subtotal->value == total
            || (!tax && addsUp(subtotal->value, total, pools.roundings));
        const float c = (consistent ? 0.85F : 0.5F) * rows.at(subtotal->row).row.confidence;
        result.subtotal = {subtotal->value, subtotal->row, subtotal->money, c};
    }
    if (tax) {
        const bool consistent
            = sumMatches || taxIncluded || (subtotal && matchesRate(tax->value, subtotal->value, rate, false));
        const float c = (consistent ? 0.85F : 0.5F) * rows.at(tax->row).row.confidence;
        result.tax = {tax->value, tax->row, tax->money, c};
    }

    if (subtotal && tax && !sumMatches && subtotal->value != total && !taxIncluded)
        result.warnings.append(QStringLiteral("subtotal-tax-mismatch"));
    if (itemsSum && !best.itemsMatch) {
        const bool withTax = tax && addsUp(*itemsSum + tax->value, total, pools.roundings);
        const bool printedSubtotal = std::any_of(pools.subtotals.cbegin(), pools.subtotals.cend(),
                                                 [&](const Candidate& s) { return s.value == *itemsSum; });
        if (!withTax && !printedSubtotal)
            result.warnings.append(QStringLiteral("items-do-not-add-up"));
    }
    return result;
}

} // namespace Moniagent::ReceiptParsing
