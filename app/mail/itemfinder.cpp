#include "itemfinder.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Moniagent::MailParsing {

namespace {

constexpr int kMaxItemBlockLines = 60;
constexpr int kMaxItems = 50;

// The description of an item line: its text without prices, a leading or trailing quantity and table bars.
QString describe(QString line, int* quantity)
{
    static const QRegularExpression leadingQuantity(uR"(^\s*(\d{1,3})\s*[x×]\s+)"_s,
                                                    QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression trailingQuantity(uR"(\s[x×]\s*(\d{1,3})\b)"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quantityCell(uR"(\|\s*(\d{1,3})\s*(?=\||$))"_s);
    static const QRegularExpression price(
        uR"((?:[A-Z]{3}|[$€£¥₹]|US\$|CHF|Fr\.)?\s?-?\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{2})\s?(?:[A-Z]{3}|[$€£¥₹])?)"_s);
    if (auto m = leadingQuantity.match(line); m.hasMatch()) {
        *quantity = m.captured(1).toInt();
        line.remove(0, m.capturedLength());
    } else if (auto t = trailingQuantity.match(line); t.hasMatch()) {
        *quantity = t.captured(1).toInt();
        line.remove(t.capturedStart(), t.capturedLength());
    } else if (auto c = quantityCell.match(line); c.hasMatch()) {
        *quantity = c.captured(1).toInt();
        line.remove(c.capturedStart(), c.capturedLength());
    }
    // "1 Blueberry Muffin | $3.15": a leading count in a table row.
    static const QRegularExpression leadingCount(uR"(^\s*(\d{1,2})\s+(?=\S*\p{L}))"_s,
                                                 QRegularExpression::UseUnicodePropertiesOption);
    if (*quantity == 1 && line.contains(u'|')) {
        if (auto m = leadingCount.match(line); m.hasMatch()) {
            *quantity = std::max(1, m.captured(1).toInt());
            line.remove(0, m.capturedLength());
        }
    }
    line.remove(price);
    line.replace(u'|', u' ');
    static const QRegularExpression edges(uR"(^[\s\-–—:*•·.,]+|[\s\-–—:*•·,]+$)"_s);
    line.remove(edges);
    return line.simplified();
}

// A sentence around a price is no item: "You paid $5 to Shop", "Add a protection plan for $25".
bool looksLikeSentence(const QString& name)
{
    static const QRegularExpression sentence(
        uR"((?i)\b(?:you|your|we|our|us|thank|thanks|please|sie|ihr|ihre|wir|vous|votre|nous)\b|)"
        uR"((?i)\b(?:for|to|of|at|by|with|from|and|the|a|an|für|von|zu|pour|de|à)$)"_s);
    return sentence.match(name).hasMatch();
}

} // namespace

QList<ExtractedEmailItem> ItemFinder::find(const QString& text, const QList<AmountCandidate>& candidates,
                                           const Currency& currency)
{
    QList<ExtractedEmailItem> items;
    // The block ends at the first subtotal/total line; items are the unlabelled prices just before it.
    int blockEnd = -1;
    for (const AmountCandidate& c : candidates) {
        if (c.line >= 0 && c.role != AmountRole::Unlabelled) {
            blockEnd = c.line;
            break;
        }
    }
    if (blockEnd < 0 || !currency.isValid())
        return items;
    const QStringList lines = text.split(u'\n');
    QHash<int, int> pricesOnLine;
    for (const AmountCandidate& c : candidates) {
        if (c.line >= 0 && c.line < blockEnd)
            ++pricesOnLine[c.line];
    }
    int lastLine = -1;
    for (const AmountCandidate& c : candidates) {
        if (c.line < 0 || c.line >= blockEnd || c.line < blockEnd - kMaxItemBlockLines || c.line == lastLine)
            continue;
        if (c.role != AmountRole::Unlabelled || c.number.negative())
            continue;
        int quantity = 1;
        QString name = describe(lines.value(c.line), &quantity);
        // A price alone on its line belongs to the description on the line above ("Trail Jacket\n$69.99").
        if (name.isEmpty() && c.line > 0 && !pricesOnLine.contains(c.line - 1))
            name = describe(lines.value(c.line - 1), &quantity);
        if (name.count(u' ') > 12 || looksLikeSentence(name))
            continue;
        if (name.size() < 2 || !std::any_of(name.cbegin(), name.cend(), [](QChar ch) { return ch.isLetter(); }))
            continue;
        ExtractedEmailItem item;
        item.name = name.left(120);
        item.quantity = std::max(1, quantity);
        // The line's last price is the line total when it shows a unit price and a total.
        const AmountCandidate* lineTotal = &c;
        for (const AmountCandidate& other : candidates) {
            if (other.line == c.line && other.role == AmountRole::Unlabelled)
                lineTotal = &other;
        }
        if (const auto minor = lineTotal->minor(currency.minorDigits()))
            item.amount = Money(*minor, currency);
        items.append(item);
        lastLine = c.line;
        if (items.size() >= kMaxItems)
            break;
    }
    return items;
}

} // namespace Moniagent::MailParsing
