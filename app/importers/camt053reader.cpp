#include "camt053reader.h"

#include "camtnode.h"
#include "statementtext.h"

#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <optional>

namespace Moniagent {

namespace {

const QLatin1String kNamespacePrefix("urn:iso:std:iso:20022:tech:xsd:");

struct CamtLine
{
    StatementLine line;
    bool reversal = false;
    bool debit = false; // CdtDbtInd DBIT
    // Both parties; which one is the payee depends on the reversal convention, decided per statement.
    QString creditor;
    QString debtor;
};

// One <Stmt>: its lines and what is needed to check the reversal convention against its balances.
struct CamtStatement
{
    QString accountId;
    QString accountType;
    Currency currency;
    QList<CamtLine> lines;
    std::optional<qint64> opening; // OPBD or PRCD, signed minor units
    std::optional<qint64> closing; // CLBD
    qint64 bookedSum = 0; // booked entries as CdtDbtInd says
    qint64 flippedSum = 0; // the same with reversals flipped
    bool sumsUsable = true; // false once an entry is unreadable or in another currency
    int reversals = 0;
};

QString accountTypeName(const CamtNode& account)
{
    const QString code = account.textAt({u"Tp", u"Cd"});
    if (code == u"CACC")
        return QStringLiteral("checking");
    if (code == u"SVGS")
        return QStringLiteral("savings");
    if (code == u"CARD")
        return QStringLiteral("creditcard");
    if (!code.isEmpty())
        return code.toLower();
    return account.textAt({u"Tp", u"Prtry"});
}

QDate dateOf(const CamtNode* choice)
{
    if (!choice)
        return {};
    QString text = choice->textAt({u"Dt"});
    if (text.isEmpty())
        text = choice->textAt({u"DtTm"});
    // "2024-01-03", "2024-01-03+01:00", "2024-01-03T10:15:00+01:00": the calendar date as the bank wrote it.
    return QDate::fromString(text.left(10), Qt::ISODate);
}

// DBIT, CRDT, or empty when missing or unknown.
QString direction(const CamtNode& node)
{
    const QString value = node.textAt({u"CdtDbtInd"});
    return value == u"DBIT" || value == u"CRDT" ? value : QString();
}

QString partyName(const CamtNode* parties, QStringView role)
{
    if (!parties)
        return {};
    for (QStringView name : {role, role == u"Cdtr" ? QStringView(u"UltmtCdtr") : QStringView(u"UltmtDbtr")}) {
        const CamtNode* party = parties->child(name);
        if (!party)
            continue;
        // camt.053.001.02–.07: Cdtr/Nm; .08 and later: Cdtr/Pty/Nm.
        QString text = party->textAt({u"Nm"});
        if (text.isEmpty())
            text = party->textAt({u"Pty", u"Nm"});
        if (!text.isEmpty())
            return text;
    }
    return {};
}

QString unstructuredRemittance(const CamtNode* transaction)
{
    const CamtNode* remittance = transaction ? transaction->child(u"RmtInf") : nullptr;
    if (!remittance)
        return {};
    QStringList parts;
    for (const CamtNode* line : remittance->childrenNamed(u"Ustrd"))
        parts.append(line->text);
    parts.removeAll(QString());
    if (parts.isEmpty())
        return remittance->textAt({u"Strd", u"CdtrRefInf", u"Ref"});
    return parts.join(u' ');
}

const CamtNode* transactionAmount(const CamtNode& transaction)
{
    if (const CamtNode* amount = transaction.child(u"Amt"))
        return amount;
    return transaction.path({u"AmtDtls", u"TxAmt", u"Amt"});
}

class Reader
{
public:
    explicit Reader(const StatementReadOptions& options)
        : m_default(Currency::fromCode(options.defaultCurrency))
    { }

    void readStatement(QXmlStreamReader& xml);
    QList<CamtStatement> statements;
    int pending = 0;
    int otherStatus = 0;
    int batchesKeptWhole = 0;
    StatementText::Rounding rounding;

private:
    void readEntry(const CamtNode& entry, CamtStatement& statement);
    Money amount(const CamtNode* node, const Currency& fallback, int record, QString& error,
                 StatementText::Rounding& roundings);

    Currency m_default;
    int m_record = 0;
};

Money Reader::amount(const CamtNode* node, const Currency& fallback, int record, QString& error,
                     StatementText::Rounding& roundings)
{
    const Currency own = node ? Currency::fromCode(node->currency) : Currency();
    const Currency currency = own.isValid() ? own : fallback;
    if (!node || node->text.isEmpty()) {
        error = Camt053Reader::tr("Transaction %1: the amount is missing.").arg(record);
        return {0, currency};
    }
    static const QRegularExpression pattern(QStringLiteral("^\\d+(?:\\.\\d+)?$"));
    if (!pattern.match(node->text).hasMatch()) {
        error = Camt053Reader::tr("Transaction %1: the amount “%2” is not a number.")
                    .arg(QString::number(record), node->text);
        return {0, currency};
    }
    Result<Money> money = StatementText::parseDecimal(node->text, currency, roundings);
    if (!money) {
        error = Camt053Reader::tr("Transaction %1: the amount “%2” cannot be used: %3")
                    .arg(QString::number(record), node->text, money.error().message);
        return {0, currency};
    }
    return *money;
}

void Reader::readStatement(QXmlStreamReader& xml)
{
    CamtStatement statement;
    statement.currency = m_default;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == u"Acct") {
            const CamtNode account = CamtNode::read(xml);
            statement.accountId = account.textAt({u"Id", u"IBAN"});
            if (statement.accountId.isEmpty())
                statement.accountId = account.textAt({u"Id", u"Othr", u"Id"});
            statement.accountType = accountTypeName(account);
            const Currency currency = Currency::fromCode(account.textAt({u"Ccy"}));
            if (currency.isValid())
                statement.currency = currency;
        } else if (name == u"Bal") {
            const CamtNode balance = CamtNode::read(xml);
            QString type = balance.textAt({u"Tp", u"CdOrPrtry", u"Cd"});
            if (type.isEmpty())
                type = balance.textAt({u"Tp", u"Cd"});
            QString ignored;
            StatementText::Rounding notCounted; // balances are no lines
            const Money value = amount(balance.child(u"Amt"), statement.currency, 0, ignored, notCounted);
            if (!ignored.isEmpty() || value.currency() != statement.currency)
                continue;
            const qint64 signedValue = direction(balance) == u"DBIT" ? -value.minor() : value.minor();
            if ((type == u"OPBD" || type == u"PRCD") && !statement.opening)
                statement.opening = signedValue;
            else if (type == u"CLBD" && !statement.closing)
                statement.closing = signedValue;
        } else if (name == u"Ntry") {
            readEntry(CamtNode::read(xml), statement);
        } else {
            xml.skipCurrentElement();
        }
    }
    statements.append(std::move(statement));
}

void Reader::readEntry(const CamtNode& entry, CamtStatement& statement)
{
    QString status = entry.textAt({u"Sts"});
    if (status.isEmpty())
        status = entry.textAt({u"Sts", u"Cd"});
    if (status.isEmpty())
        status = entry.textAt({u"Sts", u"Prtry"});
    if (!status.isEmpty() && status != u"BOOK") {
        ++m_record;
        ++(status == u"PDNG" ? pending : otherStatus);
        return;
    }

    const QString entryDirection = direction(entry);
    const QString reversalText = entry.textAt({u"RvslInd"}).toLower();
    const bool reversal = reversalText == u"true" || reversalText == u"1";
    QDate date = dateOf(entry.child(u"BookgDt"));
    if (!date.isValid())
        date = dateOf(entry.child(u"ValDt"));
    QString entryRef = entry.textAt({u"AcctSvcrRef"});
    if (entryRef.isEmpty())
        entryRef = entry.textAt({u"NtryRef"});
    const QString additional = entry.textAt({u"AddtlNtryInf"});

    QList<const CamtNode*> details;
    for (const CamtNode* group : entry.childrenNamed(u"NtryDtls")) {
        for (const CamtNode* transaction : group->childrenNamed(u"TxDtls"))
            details.append(transaction);
    }
    bool perTransaction = details.size() > 1;
    for (const CamtNode* transaction : std::as_const(details))
        perTransaction = perTransaction && transactionAmount(*transaction);
    if (details.size() > 1 && !perTransaction)
        ++batchesKeptWhole;

    // The entry's own amount feeds the balance check whatever the lines are.
    QString entryError;
    StatementText::Rounding batchTotal; // a batch's lines count their own roundings
    const Money entryAmount = amount(entry.child(u"Amt"), statement.currency, m_record + 1, entryError,
                                     perTransaction ? batchTotal : rounding);
    if (!entryError.isEmpty() || entryDirection.isEmpty() || entryAmount.currency() != statement.currency) {
        statement.sumsUsable = false;
    } else {
        const qint64 signedValue = entryDirection == u"DBIT" ? -entryAmount.minor() : entryAmount.minor();
        statement.bookedSum += signedValue;
        statement.flippedSum += reversal ? -signedValue : signedValue;
    }
    if (reversal)
        ++statement.reversals;

    const int units = perTransaction ? int(details.size()) : 1;
    for (int i = 0; i < units; ++i) {
        const CamtNode* transaction = perTransaction ? details.at(i) : details.value(0, nullptr);
        CamtLine out;
        out.reversal = reversal;
        StatementLine& line = out.line;
        line.record = ++m_record;
        line.date = date;
        QString lineDirection = entryDirection;
        QString error;
        if (perTransaction) {
            line.amount = amount(transactionAmount(*transaction), statement.currency, line.record, error, rounding);
            const QString own = direction(*transaction);
            if (!own.isEmpty())
                lineDirection = own;
            const QString ownRef = transaction->textAt({u"Refs", u"AcctSvcrRef"});
            line.externalId = !ownRef.isEmpty() && ownRef != entryRef ? ownRef
                : entryRef.isEmpty()                                  ? QString()
                                                                      : entryRef + u'/' + QString::number(i + 1);
        } else {
            line.amount = entryError.isEmpty() ? entryAmount : Money(0, statement.currency);
            error = entryError;
            line.externalId = entryRef;
            if (line.externalId.isEmpty() && transaction)
                line.externalId = transaction->textAt({u"Refs", u"AcctSvcrRef"});
        }
        const CamtNode* parties = transaction ? transaction->child(u"RltdPties") : nullptr;
        out.creditor = partyName(parties, u"Cdtr");
        out.debtor = partyName(parties, u"Dbtr");
        out.debit = lineDirection == u"DBIT";
        line.memo = unstructuredRemittance(transaction);
        if (line.memo.isEmpty() && transaction)
            line.memo = transaction->textAt({u"AddtlTxInf"});
        if (line.memo.isEmpty())
            line.memo = additional;
        else if (!additional.isEmpty() && additional != line.memo)
            line.notes = additional;

        if (lineDirection.isEmpty() && error.isEmpty())
            error = Camt053Reader::tr("Transaction %1: it is marked neither credit nor debit (CdtDbtInd).")
                        .arg(line.record);
        else if (lineDirection == u"DBIT")
            line.amount = line.amount.checkedNegate().value_or(line.amount);
        if (!date.isValid() && error.isEmpty())
            error = Camt053Reader::tr("Transaction %1: the booking date is missing or invalid.").arg(line.record);
        line.error = error;
        statement.lines.append(std::move(out));
    }
}

} // namespace

Result<StatementInfo> Camt053Reader::read(QIODevice& device, const StatementReadOptions& options,
                                          const StatementSink& sink)
{
    Result<QByteArray> bytes = StatementText::readAll(device, QStringLiteral("CAMT.053"));
    if (!bytes)
        return bytes.error();
    // Decoded by the bytes, not the XML declaration (QXmlStreamReader ignores it for a QString).
    QXmlStreamReader xml(StatementText::decode(*bytes).text);
    if (!xml.readNextStartElement()) {
        return Error::invalidInput(tr("This file is not a CAMT.053 bank statement: it is not XML."), xml.errorString());
    }
    const QString namespaceUri = xml.namespaceUri().toString();
    if (namespaceUri.startsWith(kNamespacePrefix) && !namespaceUri.contains(QLatin1String("camt.053."))) {
        const QString message = namespaceUri.mid(kNamespacePrefix.size());
        return Error::invalidInput(
            tr("This file is an ISO 20022 %1 message, not a CAMT.053 bank statement.").arg(message));
    }

    Reader reader(options);
    bool statementMessage = xml.name() == u"BkToCstmrStmt";
    if (xml.name() == u"Document" || statementMessage) {
        while (!xml.atEnd()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"BkToCstmrStmt")
                statementMessage = true;
            else if (xml.name() == u"Stmt" && statementMessage)
                reader.readStatement(xml);
        }
    }
    if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError && !statementMessage) {
        return Error::invalidInput(tr("This file is not a CAMT.053 bank statement: it is not XML."), xml.errorString());
    }
    if (xml.hasError()) {
        return Error::invalidInput(tr("This CAMT.053 file is damaged or incomplete (line %1: %2); nothing was read.")
                                       .arg(QString::number(xml.lineNumber()), xml.errorString()));
    }
    if (!statementMessage)
        return Error::invalidInput(tr("This file is not a CAMT.053 bank statement: it has no BkToCstmrStmt element."));

    StatementInfo info;
    info.format = StatementFormat::Camt053;
    QList<StatementLine> lines;
    QSet<QString> accounts;
    int unconfirmedReversals = 0;
    for (CamtStatement& statement : reader.statements) {
        accounts.insert(statement.accountId);
        if (&statement == &reader.statements.first()) {
            info.accountId = statement.accountId;
            info.accountType = statement.accountType;
            info.currency = statement.currency.code();
        }
        bool flip = false;
        if (statement.reversals > 0) {
            const bool checkable = statement.sumsUsable && statement.opening && statement.closing;
            const qint64 change = checkable ? *statement.closing - *statement.opening : 0;
            flip = checkable && statement.bookedSum != change && statement.flippedSum == change;
            if (flip) {
                info.warnings.append(tr("This bank marks reversals with the direction of the original booking; the "
                                        "statement's balances show it, so the sign of %n reversal(s) was turned.",
                                        nullptr, statement.reversals));
            } else if (!checkable || statement.bookedSum != change) {
                unconfirmedReversals += statement.reversals;
            }
        }
        for (CamtLine& line : statement.lines) {
            if (flip && line.reversal)
                line.line.amount = line.line.amount.checkedNegate().value_or(line.line.amount);
            // The other party of the original payment: the creditor of a debit, the debtor of a credit.
            const bool originalDebit = line.reversal && !flip ? !line.debit : line.debit;
            line.line.payee = originalDebit ? line.creditor : line.debtor;
            lines.append(std::move(line.line));
        }
    }

    if (lines.isEmpty()) {
        if (reader.pending + reader.otherStatus > 0) {
            return Error::invalidInput(tr("This CAMT.053 file contains no booked entries, only %n pending or "
                                          "informational one(s); those are not imported.",
                                          nullptr, reader.pending + reader.otherStatus));
        }
        return Error::invalidInput(tr("This CAMT.053 file contains no entries."));
    }
    if (reader.pending > 0)
        info.warnings.append(
            tr("Skipped %n pending entry(ies); pending entries can be imported once the bank has booked them.", nullptr,
               reader.pending));
    if (reader.otherStatus > 0)
        info.warnings.append(
            tr("Skipped %n entry(ies) that the bank marks neither booked nor pending.", nullptr, reader.otherStatus));
    if (reader.batchesKeptWhole > 0)
        info.warnings.append(
            tr("Kept %n batch entry(ies) as a single line, since the payments listed in them have no amounts of "
               "their own.",
               nullptr, reader.batchesKeptWhole));
    if (unconfirmedReversals > 0)
        info.warnings.append(
            tr("Signed %n reversal(s) as the bank's credit/debit indicator says; the statement's balances "
               "could not confirm it.",
               nullptr, unconfirmedReversals));
    if (accounts.size() > 1) {
        info.warnings.append(tr("This file holds statements for %n account(s); the lines of all of them are "
                                "listed, and the account shown is the first one.",
                                nullptr, int(accounts.size())));
    }
    if (reader.rounding.count > 0)
        info.warnings.append(StatementText::roundingWarning(reader.rounding));
    return StatementText::deliver(lines, std::move(info), sink);
}

} // namespace Moniagent
