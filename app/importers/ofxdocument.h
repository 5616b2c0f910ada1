#pragma once

#include "statementtext.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Moniagent {

// An OFX/QFX file made fit for libofx, plus the few values libofx cannot be trusted with, read from the text.
//
// Real bank files arrive with a byte-order mark or blank lines before the header, CRLF or LF, no blank line
// between header and body, lower-case tags, a CHARSET header that does not match the bytes, or as OFX 2.x
// XML. The document keeps the body from <OFX> to </OFX>, decodes it by what the bytes are (not what the
// header claims), upper-cases the tag names, escapes stray '&', and gives libofx one canonical OFX 1.x SGML
// header that declares UTF-8. libofx then reads SGML and XML bodies alike and returns UTF-8 text.
//
// Amounts and dates are taken from the text instead of from libofx: libofx converts TRNAMT to a double
// (and "$120" silently to 0.0) and lets mktime() "normalize" impossible dates (20120231 becomes 2 March).
class OfxDocument
{
public:
    // What one <STMTTRN> aggregate says, in file order. Values are trimmed and entity-decoded.
    struct Transaction
    {
        QString fitId;
        std::optional<QString> amount; // TRNAMT as written; nullopt when the element is absent
        std::optional<QString> datePosted; // DTPOSTED as written
        QString currency; // CURRENCY/CURSYM: the amounts are in this currency instead of CURDEF
        QString payeeName; // PAYEE/NAME, which libofx does not report (it knows only NAME)
    };
    // One <BANKACCTFROM>, <CCACCTFROM> or <INVACCTFROM>: the statement's own account (not transfer targets).
    struct Account
    {
        QString accountId;
        QString accountType; // ACCTTYPE as written ("CHECKING"), empty for cards and investments
        QString aggregate; // "BANKACCTFROM", "CCACCTFROM" or "INVACCTFROM"
    };

    // nullopt when the bytes hold no <OFX> element at all.
    static std::optional<OfxDocument> parse(const QByteArray& bytes);

    bool isComplete() const { return m_complete; } // false when </OFX> is missing: a truncated file
    // How deep aggregates nest (an element directly followed by another tag opens one; a closing tag closes
    // it and any unclosed ones inside). Real statements stay near 10; libofx needs quadratic time on deep
    // nesting, so the reader refuses absurd depths before libofx sees them.
    int maximumDepth() const { return m_maximumDepth; }
    StatementText::Encoding encoding() const { return m_encoding; }
    const QList<Transaction>& transactions() const { return m_transactions; }
    const QList<Account>& accounts() const { return m_accounts; }
    // The canonical SGML file for libofx_proc_file.
    QByteArray libofxInput() const;

    // Exposed for tests: the body with upper-case tag names and escaped stray ampersands.
    const QString& body() const { return m_body; }

    static QString decodeEntities(QStringView text);

private:
    void scan();

    QString m_body;
    StatementText::Encoding m_encoding = StatementText::Encoding::Utf8;
    bool m_complete = false;
    int m_maximumDepth = 0;
    QList<Transaction> m_transactions;
    QList<Account> m_accounts;
};

} // namespace Moniagent
