#include "ofxreader.h"

#include "libofxparser.h"
#include "ofxdocument.h"
#include "statementtext.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace Moniagent {

namespace {

// Pairs libofx's transactions with the <STMTTRN> aggregates of the text, in file order. Security
// transactions (buys, sells…) have no STMTTRN and are skipped before pairing; FITID confirms each pair and
// finds the right one again should libofx ever have dropped an aggregate.
class RawTransactions
{
public:
    explicit RawTransactions(const QList<OfxDocument::Transaction>& raw)
        : m_raw(raw)
    { }

    const OfxDocument::Transaction* take(const QString& fitId)
    {
        if (m_next < m_raw.size() && m_raw.at(m_next).fitId == fitId)
            return &m_raw.at(m_next++);
        if (fitId.isEmpty())
            return nullptr;
        for (qsizetype i = m_next; i < m_raw.size(); ++i) {
            if (m_raw.at(i).fitId == fitId) {
                m_next = i + 1;
                return &m_raw.at(i);
            }
        }
        return nullptr;
    }

private:
    const QList<OfxDocument::Transaction>& m_raw;
    qsizetype m_next = 0;
};

QString describeStatus(const LibofxParser::Status& status)
{
    return status.name.isEmpty() ? QString::number(status.code)
                                 : QStringLiteral("%1 (%2)").arg(QString::number(status.code), status.name);
}

struct OfxRun
{
    const StatementReadOptions& options;
    StatementInfo info;
    QList<StatementLine> lines;
    int skippedInvestments = 0;
    StatementText::Rounding rounding;

    QDate parseDate(const std::optional<QString>& text, int record, QString& error) const;
    Money parseAmount(const std::optional<QString>& text, const Currency& currency, int record, QString& error);
};

QDate OfxRun::parseDate(const std::optional<QString>& text, int record, QString& error) const
{
    if (!text || text->isEmpty()) {
        error = OfxReader::tr("Transaction %1: the date (DTPOSTED) is missing.").arg(record);
        return {};
    }
    // YYYYMMDD, then an optional time and time zone: the date as the bank wrote it is the booking date.
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})(?:$|[\\d.\\[:])"));
    const QRegularExpressionMatch match = pattern.match(*text);
    const QDate date = match.hasMatch()
        ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt())
        : QDate();
    if (!date.isValid())
        error = OfxReader::tr("Transaction %1: the date “%2” is not a valid date.").arg(QString::number(record), *text);
    return date;
}

Money OfxRun::parseAmount(const std::optional<QString>& text, const Currency& currency, int record, QString& error)
{
    if (!text || text->isEmpty()) {
        error = OfxReader::tr("Transaction %1: the amount (TRNAMT) is missing.").arg(record);
        return {0, currency};
    }
    // OFX allows '.' or ',' as the decimal separator and no grouping.
    static const QRegularExpression pattern(QStringLiteral("^[+-]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)$"));
    if (!pattern.match(*text).hasMatch()) {
        error = OfxReader::tr("Transaction %1: the amount “%2” is not a number.").arg(QString::number(record), *text);
        return {0, currency};
    }
    QString decimal = *text;
    decimal.replace(u',', u'.');
    Result<Money> money = StatementText::parseDecimal(decimal, currency, rounding);
    if (!money) {
        error = OfxReader::tr("Transaction %1: the amount “%2” cannot be used: %3")
                    .arg(QString::number(record), *text, money.error().message);
        return {0, currency};
    }
    return *money;
}

// The first statement's account: ACCTID as written (libofx cuts it at 22 characters and prefixes BANKID),
// the type from libofx, else from the aggregate or ACCTTYPE.
void describeAccount(StatementInfo& info, const OfxDocument& document, const LibofxParser::Statement& first)
{
    info.accountType = first.accountType;
    if (document.accounts().isEmpty())
        return;
    const OfxDocument::Account* account = &document.accounts().first();
    for (const OfxDocument::Account& candidate : document.accounts()) {
        if (!candidate.accountId.isEmpty() && first.accountId.endsWith(candidate.accountId.left(22))) {
            account = &candidate;
            break;
        }
    }
    info.accountId = account->accountId;
    if (!info.accountType.isEmpty())
        return;
    if (account->aggregate == u"CCACCTFROM")
        info.accountType = QStringLiteral("creditcard");
    else if (account->aggregate == u"INVACCTFROM")
        info.accountType = QStringLiteral("investment");
    else
        info.accountType = account->accountType.toLower();
}

// Why a file without a single statement is refused: the bank's error when it sent one.
Error withoutStatement(const OfxDocument& document, const LibofxParser::Output& output, const QStringList& errors,
                       const QString& serverMessage)
{
    if (!errors.isEmpty()) {
        return Error::invalidInput(
            OfxReader::tr("This OFX file contains no statement: the bank answered with error %1.").arg(errors.first()),
            serverMessage);
    }
    if (document.body().contains(QLatin1String("<INTRARS>")) || document.body().contains(QLatin1String("<INTERRS>")))
        return Error::invalidInput(
            OfxReader::tr("This OFX file holds responses to transfer requests, not a statement."));
    return Error::invalidInput(OfxReader::tr("This OFX file contains no bank, credit card or investment statement."),
                               QStringLiteral("libofx returned %1").arg(output.returnCode));
}

} // namespace

Result<StatementInfo> OfxReader::read(QIODevice& device, const StatementReadOptions& options, const StatementSink& sink)
{
    Result<QByteArray> bytes = StatementText::readAll(device, QStringLiteral("OFX"));
    if (!bytes)
        return bytes.error();
    const std::optional<OfxDocument> document = OfxDocument::parse(*bytes);
    if (!document)
        return Error::invalidInput(tr("This file is not an OFX or QFX statement: it has no <OFX> element."));
    if (!document->isComplete()) {
        return Error::invalidInput(
            tr("This OFX file is incomplete: it ends before its closing </OFX> tag. Download it again from the bank."));
    }
    // libofx takes quadratic time in the nesting depth and in the number of transactions: refuse what no
    // bank sends before it hangs the import (10,000 transactions take about a second).
    if (document->maximumDepth() > MaximumDepth) {
        return Error::invalidInput(
            tr("This OFX file is damaged: its elements are nested %1 levels deep.").arg(document->maximumDepth()));
    }
    if (document->transactions().size() > MaximumTransactions) {
        return Error::invalidInput(
            tr("This OFX file holds %1 transactions, more than the %2 that can be read at "
               "once. Export a shorter period from the bank.")
                .arg(QLocale().toString(document->transactions().size()), QLocale().toString(MaximumTransactions)));
    }
    const Result<LibofxParser::Output> parsed = LibofxParser::parse(document->libofxInput());
    if (!parsed)
        return parsed.error();
    const LibofxParser::Output& output = *parsed;

    QStringList errors; // non-zero statuses, "15500 (Signon invalid)"
    QString firstServerMessage;
    for (const LibofxParser::Status& status : output.statuses) {
        // Codes below 2000 are informational ("1: client is up to date").
        if (!status.error && status.code < 2000)
            continue;
        errors.append(describeStatus(status));
        if (firstServerMessage.isEmpty())
            firstServerMessage = status.serverMessage;
    }
    if (output.statements.isEmpty())
        return withoutStatement(*document, output, errors, firstServerMessage);

    OfxRun run {options, {}, {}, 0, {}};
    StatementInfo& info = run.info;
    info.format = StatementFormat::Ofx;
    const LibofxParser::Statement& first = output.statements.first();
    describeAccount(info, *document, first);

    QHash<QString, Currency> statementCurrency;
    QSet<QString> accounts;
    for (const LibofxParser::Statement& statement : output.statements) {
        accounts.insert(statement.accountId);
        const Currency currency = Currency::fromCode(statement.currency);
        if (currency.isValid() && !statementCurrency.contains(statement.accountId))
            statementCurrency.insert(statement.accountId, currency);
        else if (!statement.currency.isEmpty() && !currency.isValid())
            info.warnings.append(tr("The statement names the currency “%1”, which is not an ISO 4217 code; its "
                                    "amounts were read as %2.")
                                     .arg(statement.currency, options.defaultCurrency));
    }
    const Currency fallback = Currency::fromCode(options.defaultCurrency);
    const Currency firstCurrency = statementCurrency.value(first.accountId, fallback);
    info.currency = firstCurrency.code();

    // Amounts never pass through libofx's double: TRNAMT is taken as written (OfxDocument) and paired with
    // libofx's transaction by order, confirmed by FITID. A pair that cannot be made is a row error.
    RawTransactions raw(document->transactions());
    int record = 0;
    for (const LibofxParser::Transaction& transaction : output.transactions) {
        ++record;
        if (transaction.investment) {
            ++run.skippedInvestments;
            continue;
        }
        StatementLine line;
        line.record = record;
        line.externalId = transaction.fitId;
        line.payee = transaction.name;
        line.memo = transaction.memo;
        line.checkNumber = transaction.checkNumber;
        const Currency statement = statementCurrency.value(transaction.accountId, firstCurrency);
        const OfxDocument::Transaction* text = raw.take(transaction.fitId);
        if (!text) {
            line.amount = Money(0, statement);
            line.error = tr("Transaction %1: its amount and date could not be found in the file.").arg(record);
            run.lines.append(std::move(line));
            continue;
        }
        if (line.payee.isEmpty())
            line.payee = text->payeeName;
        const Currency own = Currency::fromCode(text->currency);
        const Currency currency = own.isValid() ? own : statement;
        QString dateError;
        QString amountError;
        line.date = run.parseDate(text->datePosted, record, dateError);
        line.amount = run.parseAmount(text->amount, currency, record, amountError);
        line.error = dateError.isEmpty() ? amountError : dateError;
        run.lines.append(std::move(line));
    }

    if (run.lines.isEmpty()) {
        if (run.skippedInvestments > 0) {
            return Error::invalidInput(tr("This OFX file contains only investment transactions (%n buy(s), sell(s) "
                                          "or other security transaction(s)), which are not imported.",
                                          nullptr, run.skippedInvestments));
        }
        return Error::invalidInput(
            tr("This OFX file contains a statement but no transactions (account %1).").arg(info.accountId));
    }
    if (run.skippedInvestments > 0) {
        info.warnings.append(tr("Skipped %n investment transaction(s) (buys, sells, income and other security "
                                "transactions); only cash transactions are imported.",
                                nullptr, run.skippedInvestments));
    }
    if (accounts.size() > 1) {
        info.warnings.append(tr("This file holds statements for %n account(s); the lines of all of them are "
                                "listed, and the account shown is the first one.",
                                nullptr, int(accounts.size())));
    }
    for (const QString& error : std::as_const(errors))
        info.warnings.append(tr("The bank reported error %1 for part of this file.").arg(error));
    if (run.rounding.count > 0)
        info.warnings.append(StatementText::roundingWarning(run.rounding));
    return StatementText::deliver(run.lines, std::move(run.info), sink);
}

} // namespace Moniagent
