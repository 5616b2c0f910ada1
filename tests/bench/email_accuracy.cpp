// Email extraction benchmark (issue 7): reads a folder of labelled emails (labels.jsonl beside them, default
// ../shared/data/emails-dev next to the checkout) and prints, section by section:
//   accuracy   detection precision/recall (receipt kinds against non_receipt), amount, currency, merchant and date
//              accuracy, through the app's own path (MimeParser::parseAny + EmailExtractor);
//   throughput parse + extract messages per second on one core (the labelled files read again and again).
// Further sections (the IMAP fetch throughput from a local Dovecot) are added to kSections below.
//
//   email_accuracy [--data DIR] [--misses] [--show FILE] [--seconds N] [--section NAME]
//
// Scoring rules. Amount: the extracted amount's value equals the label's `total`, or one of `receipt_totals`, or
// their sum (emails holding several receipts may be booked as one payment or as the first receipt); signs are
// ignored (amounts are positive, `type` gives the direction). Merchant: case-insensitive containment either way.
// Date: the same calendar day; labels "23.01.17" are dd.MM.yy, "2023-01-12 05:45:00-0500" count by their date.
#include "benchsupport.h"
#include "mail/emailextractor.h"
#include "mail/mimeparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>

using namespace Moniagent;
using namespace Qt::Literals::StringLiterals;

namespace {

struct LabelledEmail
{
    QString file; // relative to the data folder
    QString kind;
    QString merchant;
    QStringList totals; // `total` or `receipt_totals`, as C-locale decimals without sign
    QString currency;
    QString date;

    bool isReceipt() const { return !kind.startsWith(u"non_receipt"); }
};

struct Options
{
    QString data;
    bool misses = false;
    double seconds = 2;
    QList<LabelledEmail> emails;
    QList<QByteArray> raw; // file contents, in the order of `emails`
};

QString normalizeDecimal(QString text)
{
    text = text.trimmed();
    text.remove(u'-');
    text.replace(u',', u'.');
    return text;
}

QList<LabelledEmail> loadLabels(const QString& data, QString* error)
{
    QFile file(QDir(data).filePath(u"labels.jsonl"_s));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<LabelledEmail> emails;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        LabelledEmail email;
        email.file = object.value(u"file").toString();
        email.kind = object.value(u"kind").toString();
        email.merchant = object.value(u"merchant").toString();
        email.currency = object.value(u"currency").toString();
        email.date = object.value(u"date").toString();
        if (object.value(u"total").isString())
            email.totals.append(normalizeDecimal(object.value(u"total").toString()));
        for (const QJsonValue& total : object.value(u"receipt_totals").toArray())
            email.totals.append(normalizeDecimal(total.toString()));
        emails.append(email);
    }
    return emails;
}

QDate labelDate(const QString& text)
{
    static const QRegularExpression shortGerman(u"^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})$"_s);
    const auto match = shortGerman.match(text.trimmed());
    if (match.hasMatch())
        return QDate(2000 + match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
    return QDate::fromString(text.trimmed().left(10), Qt::ISODate);
}

enum class AmountMatch
{
    None,
    One, // the total, or one receipt of several
    Sum, // the sum of several receipts
};

AmountMatch amountMatch(const LabelledEmail& label, const EmailReading& reading)
{
    if (!reading.amount)
        return AmountMatch::None;
    const Money& amount = *reading.amount;
    QList<qint64> accepted;
    qint64 sum = 0;
    for (const QString& total : label.totals) {
        auto money = Money::fromDecimalString(total, amount.currency());
        if (!money)
            continue;
        accepted.append(money->minor());
        sum += money->minor();
    }
    const qint64 found = amount.minor() < 0 ? -amount.minor() : amount.minor();
    if (accepted.contains(found))
        return AmountMatch::One;
    return accepted.size() > 1 && found == sum ? AmountMatch::Sum : AmountMatch::None;
}

bool merchantMatches(const QString& expected, const QString& found)
{
    const QString a = expected.trimmed().toCaseFolded();
    const QString b = found.trimmed().toCaseFolded();
    return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
}

QString percent(int hits, int total)
{
    if (total == 0)
        return u"n/a"_s;
    return u"%1 % (%2/%3)"_s.arg(QString::number(100.0 * hits / total, 'f', 1)).arg(hits).arg(total);
}

EmailReading readOne(const QByteArray& raw, const EmailExtractor& extractor, QString* error = nullptr)
{
    auto parsed = MimeParser::parseAny(raw);
    if (!parsed) {
        if (error)
            *error = parsed.error().message;
        EmailReading failed;
        failed.status = EmailReading::Status::Failed;
        return failed;
    }
    return extractor.extract(*parsed);
}

// The currency of amounts printed without one: none of the labelled sets agrees, so a neutral EUR.
const EmailExtractor& extractor()
{
    static const EmailExtractor instance(Currency::fromCode(u"EUR"));
    return instance;
}

int accuracySection(const Options& options)
{
    int truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0;
    int amountHits = 0, amountTotal = 0, currencyHits = 0, currencyTotal = 0;
    int merchantHits = 0, merchantTotal = 0, dateHits = 0, dateTotal = 0;
    int multiTotal = 0, multiSum = 0, multiOne = 0;
    QStringList misses;
    for (qsizetype i = 0; i < options.emails.size(); ++i) {
        const LabelledEmail& label = options.emails.at(i);
        QString error;
        const EmailReading reading = readOne(options.raw.at(i), extractor(), &error);
        const bool detected = reading.status != EmailReading::Status::Skipped && error.isEmpty();
        QStringList wrong;
        if (label.isReceipt()) {
            (detected ? truePositive : falseNegative)++;
            if (!detected)
                wrong << u"not detected (%1)"_s.arg(reading.reason);
        } else {
            (detected ? falsePositive : trueNegative)++;
            if (detected)
                wrong << u"detected a non-receipt"_s;
        }
        if (label.isReceipt() && !label.totals.isEmpty()) {
            ++amountTotal;
            const AmountMatch match = amountMatch(label, reading);
            if (label.totals.size() > 1)
                ++multiTotal;
            if (match == AmountMatch::Sum)
                ++multiSum;
            else if (match == AmountMatch::One && label.totals.size() > 1)
                ++multiOne;
            if (match != AmountMatch::None)
                ++amountHits;
            else
                wrong << u"amount %1, expected %2"_s.arg(reading.amount ? reading.amount->toDecimalString() : u"-"_s,
                                                         label.totals.join(u" or "_s));
        }
        if (label.isReceipt() && !label.currency.isEmpty()) {
            ++currencyTotal;
            if (reading.amount && reading.amount->currency().code() == label.currency)
                ++currencyHits;
            else
                wrong << u"currency %1, expected %2"_s.arg(reading.amount ? reading.amount->currency().code() : u"-"_s,
                                                           label.currency);
        }
        if (label.isReceipt() && !label.merchant.isEmpty()) {
            ++merchantTotal;
            if (merchantMatches(label.merchant, reading.merchant))
                ++merchantHits;
            else
                wrong << u"merchant “%1”, expected “%2”"_s.arg(reading.merchant, label.merchant);
        }
        if (label.isReceipt() && !label.date.isEmpty()) {
            ++dateTotal;
            if (reading.date == labelDate(label.date))
                ++dateHits;
            else
                wrong << u"date %1, expected %2"_s.arg(reading.date.toString(Qt::ISODate), label.date);
        }
        if (!error.isEmpty())
            wrong << error;
        if (!wrong.isEmpty())
            misses << u"%1: %2"_s.arg(label.file, wrong.join(u"; "_s));
    }
    Bench::report(u"detection precision"_s, percent(truePositive, truePositive + falsePositive), u"≥ 95 %"_s);
    Bench::report(u"detection recall"_s, percent(truePositive, truePositive + falseNegative), u"≥ 90 %"_s);
    Bench::report(u"non-receipts skipped"_s, percent(trueNegative, trueNegative + falsePositive), u"-"_s);
    Bench::report(u"amount accuracy (total, one receipt or their sum)"_s, percent(amountHits, amountTotal),
                  u"≥ 90 %"_s);
    Bench::out() << "    emails with several receipts: " << multiTotal << ", read as their sum " << multiSum
                 << ", as one of them " << multiOne << Qt::endl;
    Bench::report(u"currency accuracy"_s, percent(currencyHits, currencyTotal), u"≥ 95 %"_s);
    Bench::report(u"merchant accuracy (containment)"_s, percent(merchantHits, merchantTotal), u"≥ 85 %"_s);
    Bench::report(u"date accuracy (when labelled)"_s, percent(dateHits, dateTotal), u"≥ 90 %"_s);
    if (options.misses) {
        Bench::out() << Qt::endl << "Misses:" << Qt::endl;
        for (const QString& miss : std::as_const(misses))
            Bench::out() << "  " << miss << Qt::endl;
    }
    return 0;
}

int throughputSection(const Options& options)
{
    QElapsedTimer timer;
    timer.start();
    qint64 messages = 0;
    qint64 bytes = 0;
    int successes = 0;
    while (timer.elapsed() < qint64(options.seconds * 1000) || messages == 0) {
        for (const QByteArray& raw : options.raw) {
            successes += readOne(raw, extractor()).status == EmailReading::Status::Success ? 1 : 0;
            bytes += raw.size();
            ++messages;
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    Bench::report(u"parse + extract, one core"_s,
                  u"%1 messages/s (%2 MB/s, %3 messages)"_s
                      .arg(QString::number(double(messages) / seconds, 'f', 0),
                           QString::number(double(bytes) / seconds / 1e6, 'f', 1))
                      .arg(messages),
                  u"≥ 200 messages/s"_s);
    Q_UNUSED(successes);
    return 0;
}

struct Section
{
    QString name;
    std::function<int(const Options&)> run;
};

// The sections in the order they run; `--section NAME` runs one.
const QList<Section> kSections {
    {u"accuracy"_s, accuracySection},
    {u"throughput"_s, throughputSection},
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(u"Email extraction accuracy and throughput on labelled emails"_s);
    cli.addHelpOption();
    const QString defaultData = QDir::cleanPath(QStringLiteral(MONIAGENT_SOURCE_DIR "/../shared/data/emails-dev"));
    const QCommandLineOption dataOption(u"data"_s, u"Folder with labels.jsonl."_s, u"DIR"_s, defaultData);
    const QCommandLineOption missesOption(u"misses"_s, u"List every miss."_s);
    const QCommandLineOption showOption(u"show"_s, u"Print the text and reading of one file (its path)."_s, u"FILE"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"How long to measure throughput (default 2)."_s, u"N"_s,
                                           u"2"_s);
    const QCommandLineOption sectionOption(u"section"_s, u"Run one section: accuracy, throughput."_s, u"NAME"_s);
    cli.addOptions({dataOption, missesOption, showOption, secondsOption, sectionOption});
    cli.process(app);

    if (cli.isSet(showOption)) {
        QFile file(cli.value(showOption));
        if (!file.open(QIODevice::ReadOnly)) {
            Bench::out() << "cannot read " << file.fileName() << Qt::endl;
            return 1;
        }
        auto parsed = MimeParser::parseAny(file.readAll());
        if (!parsed) {
            Bench::out() << parsed.error().message << Qt::endl;
            return 1;
        }
        Bench::out() << "Subject: " << parsed->subject << "\nFrom: " << parsed->fromName << " <" << parsed->fromAddress
                     << ">\nDate: " << parsed->date.toString(Qt::ISODate) << "\n\n"
                     << parsed->readableText() << "\n\n"
                     << QJsonDocument(extractor().extract(*parsed).toJson()).toJson(QJsonDocument::Indented)
                     << Qt::endl;
        return 0;
    }

    Options options;
    options.data = cli.value(dataOption);
    options.misses = cli.isSet(missesOption);
    options.seconds = std::max(0.1, cli.value(secondsOption).toDouble());
    if (!QFile::exists(QDir(options.data).filePath(u"labels.jsonl"_s))) {
        Bench::out() << "No labelled emails in " << options.data << " (labels.jsonl missing): nothing to measure."
                     << Qt::endl;
        return 0;
    }
    QString error;
    options.emails = loadLabels(options.data, &error);
    if (options.emails.isEmpty()) {
        Bench::out() << "cannot read the labels: " << error << Qt::endl;
        return 1;
    }
    for (const LabelledEmail& email : std::as_const(options.emails)) {
        QFile file(QDir(options.data).filePath(email.file));
        if (!file.open(QIODevice::ReadOnly)) {
            Bench::out() << "cannot read " << file.fileName() << Qt::endl;
            return 1;
        }
        options.raw.append(file.readAll());
    }
    Bench::printMachine(u"email extraction"_s);
    Bench::out() << options.emails.size() << " labelled emails from " << options.data << Qt::endl;
    for (const Section& section : kSections) {
        if (cli.isSet(sectionOption) && cli.value(sectionOption) != section.name)
            continue;
        Bench::out() << Qt::endl << "## " << section.name << Qt::endl;
        if (const int code = section.run(options); code != 0)
            return code;
    }
    Bench::printTable();
    return 0;
}
