#include "receiptbench.h"

#include "benchsupport.h"
#include "core/money.h"
#include "receipts/receiptdates.h"
#include "receipts/receiptkeywords.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPoint>

#include <algorithm>

namespace Moniagent::Bench {

QList<LabelledReceipt> loadLabelledReceipts(const QString& directory, QString* error)
{
    QList<LabelledReceipt> receipts;
    QFile file(QDir(directory).filePath(QStringLiteral("labels.jsonl")));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(file.fileName(), file.errorString());
        return receipts;
    }
    const QDir dir(directory);
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(line, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            if (error)
                *error = QStringLiteral("%1 line %2: %3")
                             .arg(file.fileName())
                             .arg(lineNumber)
                             .arg(parseError.errorString());
            return {};
        }
        LabelledReceipt receipt;
        receipt.id = json.value(QStringLiteral("id")).toString();
        receipt.imagePath = dir.filePath(json.value(QStringLiteral("image")).toString());
        receipt.ocrLinesPath = dir.filePath(json.value(QStringLiteral("ocr_lines")).toString());
        receipt.company = json.value(QStringLiteral("company")).toString();
        receipt.date = json.value(QStringLiteral("date")).toString();
        receipt.total = json.value(QStringLiteral("total")).toString();
        receipts.append(receipt);
    }
    return receipts;
}

OcrDocument documentFromOcrLines(const QString& path)
{
    OcrDocument document;
    OcrPage page;
    page.source = QStringLiteral("tesseract");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return document;
    QRect extent;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& raw : lines) {
        QString text = QString::fromUtf8(raw).trimmed();
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        if (text.isEmpty())
            continue;
        QList<int> numbers;
        qsizetype position = 0;
        bool ok = true;
        for (int i = 0; i < 8 && ok; ++i) {
            const qsizetype comma = text.indexOf(u',', position);
            if (comma < 0) {
                ok = false;
                break;
            }
            numbers.append(text.mid(position, comma - position).trimmed().toInt(&ok));
            position = comma + 1;
        }
        if (!ok)
            continue;
        int left = numbers.at(0), right = numbers.at(0), top = numbers.at(1), bottom = numbers.at(1);
        for (int i = 0; i < 8; i += 2) {
            left = std::min(left, numbers.at(i));
            right = std::max(right, numbers.at(i));
            top = std::min(top, numbers.at(i + 1));
            bottom = std::max(bottom, numbers.at(i + 1));
        }
        OcrLine line;
        line.text = text.mid(position).trimmed();
        line.box = QRect(QPoint(left, top), QPoint(right, bottom));
        line.block = int(page.lines.size());
        extent = extent.united(line.box);
        page.lines.append(line);
    }
    page.size = QSize(extent.right() + 1, extent.bottom() + 1);
    document.pages.append(page);
    return document;
}

std::optional<qint64> labelTotalMinor(const QString& printed)
{
    QString digits;
    for (const QChar c : printed) {
        if (c.isDigit() || c == u'.' || c == u',')
            digits += c;
    }
    digits.remove(u',');
    if (digits.isEmpty())
        return std::nullopt;
    const qsizetype point = digits.indexOf(u'.');
    QString whole = point < 0 ? digits : digits.left(point);
    QString fraction = point < 0 ? QString() : digits.mid(point + 1);
    fraction = QString(fraction + QStringLiteral("00")).left(2);
    bool ok = false;
    const qint64 value = (whole.isEmpty() ? QStringLiteral("0") : whole).toLongLong(&ok) * 100 + fraction.toLongLong();
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

QDate labelDate(const QString& printed, const QDate& today)
{
    const QList<ReceiptParsing::DateMatch> dates = ReceiptParsing::findDates(ReceiptParsing::foldText(printed), today);
    for (const ReceiptParsing::DateMatch& match : dates) {
        if (match.dayFirst || match.yearFirst)
            return match.date;
    }
    return dates.isEmpty() ? QDate() : dates.first().date;
}

QString normalizedMerchant(const QString& name)
{
    QString result;
    for (const QChar c : name.toUpper()) {
        if (c.isLetterOrNumber())
            result += c;
    }
    return result;
}

AccuracyResult scoreReceipts(const QList<LabelledReceipt>& receipts, const ReceiptReader& reader, const QDate& today)
{
    AccuracyResult result;
    for (const LabelledReceipt& receipt : receipts) {
        QElapsedTimer timer;
        timer.start();
        const ReceiptDraft draft = reader(receipt);
        result.milliseconds.append(double(timer.nsecsElapsed()) / 1e6);
        ++result.receipts;

        const std::optional<qint64> total = labelTotalMinor(receipt.total);
        const double confidence = draft.confidence(QString::fromLatin1(ReceiptDraft::Total));
        if (total && draft.totalMinor == total) {
            ++result.totalCorrect;
            result.totalConfidenceRight += confidence;
        } else {
            result.totalConfidenceWrong += confidence;
            const QString got = draft.totalMinor
                ? Money(*draft.totalMinor, Currency::fromCode(u"MYR")).toDecimalString()
                : QStringLiteral("-");
            result.misses.append({receipt.id, QStringLiteral("total"), receipt.total, got});
        }
        const QDate date = labelDate(receipt.date, today);
        if (date.isValid() && draft.date == date)
            ++result.dateCorrect;
        else
            result.misses.append({receipt.id, QStringLiteral("date"),
                                  receipt.date + QStringLiteral(" (") + date.toString(Qt::ISODate) + u')',
                                  draft.date.isValid() ? draft.date.toString(Qt::ISODate) : QStringLiteral("-")});
        if (normalizedMerchant(receipt.company) == normalizedMerchant(draft.merchant))
            ++result.merchantCorrect;
        else
            result.misses.append({receipt.id, QStringLiteral("merchant"), receipt.company,
                                  draft.merchant.isEmpty() ? QStringLiteral("-") : draft.merchant});
    }
    return result;
}

void reportAccuracy(const QString& mode, const AccuracyResult& result, const AccuracyTargets& targets, bool misses)
{
    auto percent = [&](int correct) {
        const double value = result.receipts > 0 ? 100.0 * correct / result.receipts : 0;
        return QStringLiteral("%1 % (%2/%3)").arg(QString::number(value, 'f', 1)).arg(correct).arg(result.receipts);
    };
    auto target = [](double value) {
        return QStringLiteral("≥ %1 %").arg(value, 0, 'f', 0);
    };
    if (misses) {
        out() << "Misses (" << mode << "):" << Qt::endl;
        for (const FieldMiss& miss : result.misses)
            out() << "  " << miss.id << "  " << miss.field << ": expected \"" << miss.expected << "\", got \""
                  << miss.got << '"' << Qt::endl;
    }
    report(QStringLiteral("total, ") + mode, percent(result.totalCorrect), target(targets.total));
    report(QStringLiteral("date, ") + mode, percent(result.dateCorrect), target(targets.date));
    report(QStringLiteral("merchant, ") + mode, percent(result.merchantCorrect), target(targets.merchant));
    const int wrong = result.receipts - result.totalCorrect;
    report(QStringLiteral("mean total confidence, right / wrong, ") + mode,
           QStringLiteral("%1 / %2")
               .arg(result.totalCorrect > 0 ? result.totalConfidenceRight / result.totalCorrect : 0, 0, 'f', 2)
               .arg(wrong > 0 ? result.totalConfidenceWrong / wrong : 0, 0, 'f', 2),
           QString());
    QList<double> times = result.milliseconds;
    std::sort(times.begin(), times.end());
    if (!times.isEmpty()) {
        const double median = times.at(times.size() / 2);
        const double p95 = times.at(std::min<qsizetype>(times.size() - 1, (times.size() * 95) / 100));
        report(QStringLiteral("time per receipt, ") + mode,
               QStringLiteral("median %1, p95 %2").arg(ms(median), ms(p95)), QString());
    }
}

} // namespace Moniagent::Bench
