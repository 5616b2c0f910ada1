#pragma once

// Receipt accuracy benchmark support: the labelled receipts (receipts-dev/labels.jsonl), an OcrDocument built from
// their official OCR lines, the scoring of drafts against the labels and the printing of the results. A scorer is any
// function that reads one labelled receipt into a draft (the parser on the OCR lines, the whole pipeline on the image).

#include "ocr/ocrdocument.h"
#include "receipts/receiptdraft.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Moniagent::Bench {

struct LabelledReceipt
{
    QString id;
    QString imagePath; // absolute
    QString ocrLinesPath; // absolute
    QString company;
    QString date; // as printed
    QString total; // as printed ("RM 3.90", "$6.90", "43.7")
};

// Reads DIR/labels.jsonl; an empty list and `error` set when it cannot.
QList<LabelledReceipt> loadLabelledReceipts(const QString& directory, QString* error);

// A one-page, line-only document from an official OCR file: "x1,y1,x2,y2,x3,y3,x4,y4,text" per line (the text may
// contain commas). The page is as large as the lines' extent.
OcrDocument documentFromOcrLines(const QString& path);

// Normalizations as the dataset's README scores: the total to minor units of two decimals, the date as printed
// (day first, as on these receipts), the merchant upper-cased without punctuation and spaces.
std::optional<qint64> labelTotalMinor(const QString& printed);
QDate labelDate(const QString& printed, const QDate& today);
QString normalizedMerchant(const QString& name);

using ReceiptReader = std::function<ReceiptDraft(const LabelledReceipt&)>;

struct FieldMiss
{
    QString id;
    QString field;
    QString expected;
    QString got;
};

struct AccuracyResult
{
    int receipts = 0;
    int totalCorrect = 0;
    int dateCorrect = 0;
    int merchantCorrect = 0;
    QList<FieldMiss> misses;
    // The parser's total confidence on right and on wrong totals: a useful confidence separates them.
    double totalConfidenceRight = 0;
    double totalConfidenceWrong = 0;
    QList<double> milliseconds; // per receipt
};

// Reads every receipt with `reader` and scores total, date and merchant against the labels.
AccuracyResult scoreReceipts(const QList<LabelledReceipt>& receipts, const ReceiptReader& reader, const QDate& today);

// Adds the per-field accuracy and timing rows of `result` to the benchmark table (benchsupport.h), labelled with
// `mode` ("parser on official OCR lines", "images"), with the targets given; lists the misses when asked.
struct AccuracyTargets
{
    double total = 0;
    double date = 0;
    double merchant = 0;
};
void reportAccuracy(const QString& mode, const AccuracyResult& result, const AccuracyTargets& targets, bool misses);

} // namespace Moniagent::Bench
