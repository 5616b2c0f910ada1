#include "receiptlayout.h"

#include <algorithm>

namespace Moniagent::ReceiptParsing {

namespace {

// The confidence assumed for text whose OCR gave none (0): most line-level sources are transcriptions.
constexpr float kUnknownConfidence = 0.8F;

int verticalOverlap(const QRect& a, const QRect& b)
{
    return std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top()) + 1;
}

int horizontalOverlap(const QRect& a, const QRect& b)
{
    return std::min(a.right(), b.right()) - std::max(a.left(), b.left()) + 1;
}

struct PendingLine
{
    RowSegment segment;
    float confidence = 0;
};

// Whether `line` continues the row `row` on the same printed baseline: it overlaps vertically by at least half of
// the smaller height with the horizontally nearest segment, and overlaps no segment horizontally.
bool belongsToRow(const QList<PendingLine>& row, const QRect& line)
{
    const PendingLine* nearest = nullptr;
    int nearestDistance = 0;
    for (const PendingLine& member : row) {
        const QRect& box = member.segment.box;
        if (horizontalOverlap(box, line) > std::min(box.width(), line.width()) / 3)
            return false;
        const int distance = std::max(box.left() - line.right(), line.left() - box.right());
        if (!nearest || distance < nearestDistance) {
            nearest = &member;
            nearestDistance = distance;
        }
    }
    if (!nearest)
        return false;
    const QRect& box = nearest->segment.box;
    return verticalOverlap(box, line) * 2 >= std::min(box.height(), line.height());
}

float lineConfidence(const OcrPage& page, const OcrLine& line)
{
    float confidence = line.confidence;
    if (confidence <= 0 && line.wordCount > 0) {
        float sum = 0;
        int count = 0;
        for (int i = line.firstWord; i < line.firstWord + line.wordCount && i < page.words.size(); ++i) {
            sum += page.words.at(i).confidence;
            ++count;
        }
        confidence = count > 0 ? sum / float(count) : 0;
    }
    return confidence > 0 ? std::min(confidence / 100.0F, 1.0F) : kUnknownConfidence;
}

RowSegment segmentOf(const OcrPage& page, const OcrLine& line)
{
    RowSegment segment;
    segment.box = line.box;
    if (line.wordCount <= 0 || line.firstWord < 0 || line.firstWord + line.wordCount > page.words.size()) {
        segment.text = line.text.simplified();
        return segment;
    }
    // Rebuild the text from the words so that character offsets map to word boxes.
    for (int i = line.firstWord; i < line.firstWord + line.wordCount; ++i) {
        const OcrWord& word = page.words.at(i);
        const QString text = word.text.simplified();
        if (text.isEmpty())
            continue;
        if (!segment.text.isEmpty())
            segment.text += QLatin1Char(' ');
        segment.words.append({int(segment.text.size()), word.box});
        segment.text += text;
    }
    if (segment.text.isEmpty())
        segment.text = line.text.simplified();
    return segment;
}

} // namespace

QRect RowSegment::boxOf(int start, int length) const
{
    if (words.isEmpty())
        return box;
    QRect result;
    for (int i = 0; i < words.size(); ++i) {
        const int wordStart = words.at(i).first;
        const int wordEnd = i + 1 < words.size() ? words.at(i + 1).first - 1 : int(text.size());
        if (wordStart < start + length && wordEnd > start)
            result = result.united(words.at(i).second);
    }
    return result.isNull() ? box : result;
}

QList<ReceiptRow> buildRows(const OcrDocument& document)
{
    QList<ReceiptRow> rows;
    for (const OcrPage& page : document.pages) {
        QList<PendingLine> lines;
        QRect extent;
        for (const OcrLine& line : page.lines) {
            PendingLine pending {segmentOf(page, line), lineConfidence(page, line)};
            if (pending.segment.text.isEmpty())
                continue;
            if (pending.segment.box.isNull())
                pending.segment.box = QRect(0, extent.bottom() + 1, 1, 1); // no geometry: keep the reading order
            extent = extent.united(pending.segment.box);
            lines.append(pending);
        }
        std::stable_sort(lines.begin(), lines.end(), [](const PendingLine& a, const PendingLine& b) {
            return a.segment.box.center().y() < b.segment.box.center().y();
        });

        QList<QList<PendingLine>> grouped;
        for (const PendingLine& line : std::as_const(lines)) {
            // Only the last few rows can still receive a line: they are sorted by their centre.
            bool placed = false;
            for (qsizetype r = grouped.size() - 1; r >= 0 && r >= grouped.size() - 3; --r) {
                if (belongsToRow(grouped.at(r), line.segment.box)) {
                    grouped[r].append(line);
                    placed = true;
                    break;
                }
            }
            if (!placed)
                grouped.append({line});
        }

        const int pageHeight
            = page.size.isValid() && page.size.height() > 0 ? page.size.height() : std::max(1, extent.bottom() + 1);
        const QString origin
            = page.source == QLatin1String("pdf-text") ? QStringLiteral("pdf-text") : QStringLiteral("ocr");
        QList<ReceiptRow> pageRows;
        for (QList<PendingLine>& group : grouped) {
            std::sort(group.begin(), group.end(), [](const PendingLine& a, const PendingLine& b) {
                return a.segment.box.left() < b.segment.box.left();
            });
            ReceiptRow row;
            row.page = page.index;
            row.origin = origin;
            float confidence = 0;
            for (const PendingLine& line : std::as_const(group)) {
                if (!row.text.isEmpty())
                    row.text += QStringLiteral("  ");
                row.text += line.segment.text;
                row.box = row.box.united(line.segment.box);
                row.segments.append(line.segment);
                confidence += line.confidence;
            }
            row.confidence = confidence / float(group.size());
            row.relativeY = std::clamp(double(row.box.center().y()) / pageHeight, 0.0, 1.0);
            pageRows.append(row);
        }
        std::stable_sort(pageRows.begin(), pageRows.end(), [](const ReceiptRow& a, const ReceiptRow& b) {
            return a.box.center().y() < b.box.center().y();
        });
        rows += pageRows;
    }
    return rows;
}

} // namespace Moniagent::ReceiptParsing
