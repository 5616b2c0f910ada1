#pragma once

#include "ocr/ocrdocument.h"

#include <QList>
#include <QRect>
#include <QString>

namespace Moniagent::ReceiptParsing {

// A piece of a printed row: one OCR line. Line-level OCR (as SROIE gives it) splits a printed row into several
// lines, one per column; Tesseract usually gives the whole row as one line.
struct RowSegment
{
    QString text;
    QRect box;
    // Where each word starts in `text` and its box, when the OCR gave words; empty for line-only text.
    QList<QPair<int, QRect>> words;

    // The box of the characters [start, start + length) of `text`: the union of the words they touch, or the
    // segment's box without words.
    QRect boxOf(int start, int length) const;
};

// One printed row of a receipt: the OCR lines whose vertical extent overlaps, left to right.
struct ReceiptRow
{
    QList<RowSegment> segments;
    QString text; // the segments joined by two spaces
    QRect box;
    int page = 0;
    float confidence = 0; // 0..1
    QString origin; // "ocr" or "pdf-text"
    double relativeY = 0; // the row's vertical centre, 0 = top of the page, 1 = bottom
};

// Builds the rows of every page, top to bottom, pages in order.
QList<ReceiptRow> buildRows(const OcrDocument& document);

} // namespace Moniagent::ReceiptParsing
