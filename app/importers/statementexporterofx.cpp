// The OFX and QIF writers of StatementExporter (CSV is in statementexporter.cpp).
#include "db/transactionrepository.h"
#include "exportoutput.h"
#include "statementexporter.h"

namespace Moniagent {

namespace {

constexpr int OfxNameLength = 32;
constexpr int OfxMemoLength = 255;
constexpr int OfxFitIdLength = 255;

// One line of text: control characters (line breaks, tabs) become spaces; at most `maxLength` characters,
// never splitting a surrogate pair.
QString singleLine(QString text, int maxLength = 0)
{
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    text = text.trimmed();
    if (maxLength > 0 && text.size() > maxLength) {
        int length = maxLength;
        if (text.at(length - 1).isHighSurrogate())
            --length;
        text = text.left(length).trimmed();
    }
    return text;
}

QString sgmlText(const QString& text, int maxLength = 0)
{
    QString value = singleLine(text, maxLength);
    value.replace(u'&', QStringLiteral("&amp;"));
    value.replace(u'<', QStringLiteral("&lt;"));
    value.replace(u'>', QStringLiteral("&gt;"));
    return value;
}

// The payee is the merchant, or the description when there is none; the memo is what else there is to say.
struct PayeeAndMemo
{
    QString payee;
    QString memo;
};

PayeeAndMemo payeeAndMemo(const Transaction& t)
{
    PayeeAndMemo result;
    QStringList memo;
    const QString merchant = singleLine(t.merchant);
    const QString description = singleLine(t.description);
    if (!merchant.isEmpty()) {
        result.payee = merchant;
        if (!description.isEmpty())
            memo << description;
    } else {
        result.payee = description;
    }
    const QString notes = singleLine(t.notes);
    if (!notes.isEmpty())
        memo << notes;
    result.memo = memo.join(QStringLiteral("; "));
    return result;
}

QString ofxDate(QDate date)
{
    return date.toString(QStringLiteral("yyyyMMdd"));
}

// What an OFX or QIF export walks: the currencies present (one statement or account each) and the dates.
struct ExportPlan
{
    QList<CurrencyTotals> currencies;
    qint64 total = 0;
    QDate first;
    QDate last;
};

Result<ExportPlan> plan(const ExportSource& source)
{
    ExportPlan plan;
    auto totals = source.transactions->totals(source.userId, source.filter);
    if (!totals)
        return totals.error();
    plan.currencies = totals->currencies;
    plan.total = totals->count();
    plan.first = source.filter.dates.from;
    plan.last = source.filter.dates.to;
    if (plan.total > 0 && (!plan.first.isValid() || !plan.last.isValid())) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            auto row = source.transactions->list(source.userId, source.filter,
                                                 TransactionSort {TransactionSortKey::Date, order}, 1);
            if (!row)
                return row.error();
            if (row->isEmpty())
                continue;
            QDate& date = order == Qt::AscendingOrder ? plan.first : plan.last;
            if (!date.isValid())
                date = row->constFirst().occurredOn;
        }
    }
    return plan;
}

// Walks the rows once per currency and hands those of `currency` to `write`, reporting progress over all.
class CurrencyWalk
{
public:
    CurrencyWalk(const ExportSource& source, qint64 total, const StatementExporter::Progress& progress)
        : m_rows(source.transactions, source.userId, source.filter, source.pageSize)
        , m_total(total)
        , m_progress(progress)
    { }

    template <typename Write> Result<void> run(const QString& currency, ExportOutput& out, Write write)
    {
        m_rows.rewind();
        for (;;) {
            auto page = m_rows.next();
            if (!page)
                return page.error();
            if (page->isEmpty())
                return {};
            qint64 written = 0;
            for (const Transaction& t : std::as_const(*page)) {
                if (t.amount.currency().code() != currency)
                    continue;
                write(t);
                ++written;
            }
            m_done += written;
            if (auto flushed = out.flush(); !flushed)
                return flushed.error();
            if (m_progress && !m_progress(m_done, m_total))
                return ExportOutput::cancelled();
        }
    }

    qint64 done() const { return m_done; }

private:
    LedgerRows m_rows;
    qint64 m_total;
    qint64 m_done = 0;
    const StatementExporter::Progress& m_progress;
};

QString ofxStatementTransaction(const Transaction& t)
{
    const PayeeAndMemo text = payeeAndMemo(t);
    const QString fitId = !t.externalId.isEmpty() && t.externalId.size() <= OfxFitIdLength ? t.externalId : t.uuid;
    QString s = QStringLiteral("<STMTTRN>\r\n<TRNTYPE>%1\r\n<DTPOSTED>%2\r\n<TRNAMT>%3\r\n<FITID>%4\r\n")
                    .arg(t.type == TransactionType::Expense ? QStringLiteral("DEBIT") : QStringLiteral("CREDIT"),
                         ofxDate(t.occurredOn), Money(t.signedMinor(), t.amount.currency()).toDecimalString(),
                         sgmlText(fitId));
    if (!text.payee.isEmpty())
        s += QStringLiteral("<NAME>") + sgmlText(text.payee, OfxNameLength) + QStringLiteral("\r\n");
    if (!text.memo.isEmpty())
        s += QStringLiteral("<MEMO>") + sgmlText(text.memo, OfxMemoLength) + QStringLiteral("\r\n");
    s += QStringLiteral("</STMTTRN>\r\n");
    return s;
}

const char* const OfxStatusOk = "<STATUS>\r\n<CODE>0\r\n<SEVERITY>INFO\r\n</STATUS>\r\n";

// QIF reads '/' as the start of a class and "[…]" as a transfer to another account.
QString qifCategory(const QString& name)
{
    QString text = singleLine(name);
    text.replace(u'/', u'-');
    text.replace(u'[', u'(');
    text.replace(u']', u')');
    return text;
}

QString qifRecord(const Transaction& t, const QHash<qint64, QString>& categories)
{
    const PayeeAndMemo text = payeeAndMemo(t);
    QString s = QStringLiteral("D%1\r\nT%2\r\n")
                    .arg(t.occurredOn.toString(QStringLiteral("MM/dd/yyyy")),
                         Money(t.signedMinor(), t.amount.currency()).toDecimalString());
    const QString number = singleLine(t.externalId);
    if (!number.isEmpty())
        s += u'N' + number + QStringLiteral("\r\n");
    if (!text.payee.isEmpty())
        s += u'P' + text.payee + QStringLiteral("\r\n");
    if (!text.memo.isEmpty())
        s += u'M' + text.memo + QStringLiteral("\r\n");
    if (t.categoryId) {
        const QString category = qifCategory(categories.value(*t.categoryId));
        if (!category.isEmpty())
            s += u'L' + category + QStringLiteral("\r\n");
    }
    s += QStringLiteral("^\r\n");
    return s;
}

} // namespace

Result<qint64> StatementExporter::writeOfx(QIODevice& device, const ExportSource& source,
                                           const OfxExportOptions& options, const Progress& progress)
{
    auto walk = plan(source);
    if (!walk)
        return walk.error();
    QList<CurrencyTotals> statements = walk->currencies;
    if (statements.isEmpty()) {
        CurrencyTotals empty;
        empty.currency = Currency::fromCode(options.defaultCurrency).isValid()
            ? options.defaultCurrency.trimmed().toUpper()
            : QStringLiteral("EUR");
        statements << empty;
    }
    const QDateTime serverTime
        = (options.serverTime.isValid() ? options.serverTime : QDateTime::currentDateTimeUtc()).toUTC();
    const QDate first = walk->first.isValid() ? walk->first : serverTime.date();
    const QDate last = walk->last.isValid() ? walk->last : serverTime.date();

    ExportOutput out(device);
    out.write(QStringLiteral("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:UTF-8\r\n"
                             "CHARSET:NONE\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"));
    out.write(QStringLiteral("<OFX>\r\n<SIGNONMSGSRSV1>\r\n<SONRS>\r\n"));
    out.write(QLatin1String(OfxStatusOk));
    out.write(QStringLiteral("<DTSERVER>%1\r\n<LANGUAGE>ENG\r\n</SONRS>\r\n</SIGNONMSGSRSV1>\r\n<BANKMSGSRSV1>\r\n")
                  .arg(serverTime.toString(QStringLiteral("yyyyMMddHHmmss"))));
    CurrencyWalk rows(source, walk->total, progress);
    int number = 0;
    for (const CurrencyTotals& statement : std::as_const(statements)) {
        const QString account
            = statements.size() > 1 ? options.accountId + u'-' + statement.currency : options.accountId;
        out.write(QStringLiteral("<STMTTRNRS>\r\n<TRNUID>%1\r\n").arg(++number));
        out.write(QLatin1String(OfxStatusOk));
        out.write(QStringLiteral("<STMTRS>\r\n<CURDEF>%1\r\n<BANKACCTFROM>\r\n<BANKID>%2\r\n<ACCTID>%3\r\n"
                                 "<ACCTTYPE>CHECKING\r\n</BANKACCTFROM>\r\n<BANKTRANLIST>\r\n<DTSTART>%4\r\n"
                                 "<DTEND>%5\r\n")
                      .arg(statement.currency, sgmlText(options.bankId, 9), sgmlText(account, 22), ofxDate(first),
                           ofxDate(last)));
        if (statement.count > 0) {
            auto written = rows.run(statement.currency, out,
                                    [&out](const Transaction& t) { out.write(ofxStatementTransaction(t)); });
            if (!written)
                return written.error();
        }
        const Money balance(statement.netMinor(), Currency::fromCode(statement.currency));
        out.write(QStringLiteral("</BANKTRANLIST>\r\n<LEDGERBAL>\r\n<BALAMT>%1\r\n<DTASOF>%2\r\n</LEDGERBAL>\r\n"
                                 "</STMTRS>\r\n</STMTTRNRS>\r\n")
                      .arg(balance.toDecimalString(), ofxDate(last)));
    }
    out.write(QStringLiteral("</BANKMSGSRSV1>\r\n</OFX>\r\n"));
    if (auto flushed = out.flush(); !flushed)
        return flushed.error();
    return rows.done();
}

Result<qint64> StatementExporter::writeQif(QIODevice& device, const ExportSource& source,
                                           const QifExportOptions& options, const Progress& progress)
{
    auto walk = plan(source);
    if (!walk)
        return walk.error();
    auto names = ExportOutput::categoryNames(source.categories, source.userId);
    if (!names)
        return names.error();
    ExportOutput out(device);
    if (walk->currencies.isEmpty())
        out.write(QStringLiteral("!Type:Bank\r\n"));
    CurrencyWalk rows(source, walk->total, progress);
    for (const CurrencyTotals& account : std::as_const(walk->currencies)) {
        if (walk->currencies.size() > 1) {
            out.write(QStringLiteral("!Account\r\nN%1 %2\r\nTBank\r\n^\r\n")
                          .arg(singleLine(options.accountName), account.currency));
        }
        out.write(QStringLiteral("!Type:Bank\r\n"));
        const QHash<qint64, QString>& categories = *names;
        auto written
            = rows.run(account.currency, out, [&](const Transaction& t) { out.write(qifRecord(t, categories)); });
        if (!written)
            return written.error();
    }
    if (auto flushed = out.flush(); !flushed)
        return flushed.error();
    return rows.done();
}

} // namespace Moniagent
