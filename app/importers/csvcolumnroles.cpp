#include "csvcolumnroles.h"

#include <QHash>
#include <QSet>

#include <array>
#include <vector>

namespace Moniagent {

namespace {

struct NamedRole
{
    QStringView name; // as CsvMapping::normalizedHeaderName() writes it: case-folded, no accents
    CsvRole role;
};

// Header names banks use, in the normalized form. Where a name is ambiguous across languages ("valuta" is the
// value date in German and the currency in Dutch) it is left out and the values decide.
constexpr std::array HeaderNames {
    // dates
    NamedRole {u"date", CsvRole::Date},
    NamedRole {u"booking date", CsvRole::Date},
    NamedRole {u"transaction date", CsvRole::Date},
    NamedRole {u"trans. date", CsvRole::Date},
    NamedRole {u"trans date", CsvRole::Date},
    NamedRole {u"posting date", CsvRole::Date},
    NamedRole {u"posted date", CsvRole::Date},
    NamedRole {u"post date", CsvRole::Date},
    NamedRole {u"started date", CsvRole::Date},
    NamedRole {u"completed date", CsvRole::Date},
    NamedRole {u"created", CsvRole::Date},
    NamedRole {u"created (utc)", CsvRole::Date},
    NamedRole {u"journaldate", CsvRole::Date},
    NamedRole {u"buchungstag", CsvRole::Date},
    NamedRole {u"buchungsdatum", CsvRole::Date},
    NamedRole {u"datum", CsvRole::Date},
    NamedRole {u"date operation", CsvRole::Date},
    NamedRole {u"date d'operation", CsvRole::Date},
    NamedRole {u"date de l'operation", CsvRole::Date},
    NamedRole {u"date de comptabilisation", CsvRole::Date},
    NamedRole {u"fecha", CsvRole::Date},
    NamedRole {u"fecha operacion", CsvRole::Date},
    NamedRole {u"fecha de operacion", CsvRole::Date},
    NamedRole {u"fecha contable", CsvRole::Date},
    NamedRole {u"boekingsdatum", CsvRole::Date},
    NamedRole {u"transactiedatum", CsvRole::Date},
    NamedRole {u"value date", CsvRole::ValueDate},
    NamedRole {u"valutadatum", CsvRole::ValueDate},
    NamedRole {u"wertstellung", CsvRole::ValueDate},
    NamedRole {u"date de valeur", CsvRole::ValueDate},
    NamedRole {u"fecha valor", CsvRole::ValueDate},
    NamedRole {u"rentedatum", CsvRole::ValueDate},
    // amounts
    NamedRole {u"amount", CsvRole::Amount},
    NamedRole {u"transaction amount", CsvRole::Amount},
    NamedRole {u"net amount", CsvRole::Amount},
    NamedRole {u"netamount", CsvRole::Amount},
    NamedRole {u"total", CsvRole::Amount},
    NamedRole {u"value", CsvRole::Amount},
    NamedRole {u"sum", CsvRole::Amount},
    NamedRole {u"betrag", CsvRole::Amount},
    NamedRole {u"umsatz", CsvRole::Amount},
    NamedRole {u"summe", CsvRole::Amount},
    NamedRole {u"montant", CsvRole::Amount},
    NamedRole {u"montant de l'operation", CsvRole::Amount},
    NamedRole {u"importe", CsvRole::Amount},
    NamedRole {u"bedrag", CsvRole::Amount},
    NamedRole {u"debit", CsvRole::Debit},
    NamedRole {u"debits", CsvRole::Debit},
    NamedRole {u"debit amount", CsvRole::Debit},
    NamedRole {u"withdrawal", CsvRole::Debit},
    NamedRole {u"withdrawals", CsvRole::Debit},
    NamedRole {u"withdrawal amount", CsvRole::Debit},
    NamedRole {u"paid out", CsvRole::Debit},
    NamedRole {u"money out", CsvRole::Debit},
    NamedRole {u"soll", CsvRole::Debit},
    NamedRole {u"ausgang", CsvRole::Debit},
    NamedRole {u"montant debit", CsvRole::Debit},
    NamedRole {u"cargo", CsvRole::Debit},
    NamedRole {u"cargos", CsvRole::Debit},
    NamedRole {u"debe", CsvRole::Debit},
    NamedRole {u"uitgaven", CsvRole::Debit},
    NamedRole {u"credit", CsvRole::Credit},
    NamedRole {u"credits", CsvRole::Credit},
    NamedRole {u"credit amount", CsvRole::Credit},
    NamedRole {u"deposit", CsvRole::Credit},
    NamedRole {u"deposits", CsvRole::Credit},
    NamedRole {u"deposit amount", CsvRole::Credit},
    NamedRole {u"paid in", CsvRole::Credit},
    NamedRole {u"money in", CsvRole::Credit},
    NamedRole {u"haben", CsvRole::Credit},
    NamedRole {u"eingang", CsvRole::Credit},
    NamedRole {u"montant credit", CsvRole::Credit},
    NamedRole {u"abono", CsvRole::Credit},
    NamedRole {u"abonos", CsvRole::Credit},
    NamedRole {u"haber", CsvRole::Credit},
    NamedRole {u"inkomsten", CsvRole::Credit},
    NamedRole {u"af bij", CsvRole::Direction},
    NamedRole {u"af/bij", CsvRole::Direction},
    NamedRole {u"debit/credit", CsvRole::Direction},
    NamedRole {u"credit/debit", CsvRole::Direction},
    NamedRole {u"soll/haben", CsvRole::Direction},
    NamedRole {u"s/h", CsvRole::Direction},
    NamedRole {u"cr/dr", CsvRole::Direction},
    NamedRole {u"dr/cr", CsvRole::Direction},
    NamedRole {u"d/c", CsvRole::Direction},
    NamedRole {u"transaction type", CsvRole::Direction},
    NamedRole {u"direction", CsvRole::Direction},
    NamedRole {u"sens", CsvRole::Direction},
    NamedRole {u"balance", CsvRole::Balance},
    NamedRole {u"running balance", CsvRole::Balance},
    NamedRole {u"runningbalance", CsvRole::Balance},
    NamedRole {u"saldo", CsvRole::Balance},
    NamedRole {u"saldo na mutatie", CsvRole::Balance},
    NamedRole {u"solde", CsvRole::Balance},
    NamedRole {u"kontostand", CsvRole::Balance},
    // texts
    NamedRole {u"description", CsvRole::Description},
    NamedRole {u"desc", CsvRole::Description},
    NamedRole {u"transaction description", CsvRole::Description},
    NamedRole {u"details", CsvRole::Description},
    NamedRole {u"transaction details", CsvRole::Description},
    NamedRole {u"purpose", CsvRole::Description},
    NamedRole {u"narrative", CsvRole::Description},
    NamedRole {u"particulars", CsvRole::Description},
    NamedRole {u"payment reference", CsvRole::Description},
    NamedRole {u"reason", CsvRole::Description},
    NamedRole {u"items", CsvRole::Description},
    NamedRole {u"verwendungszweck", CsvRole::Description},
    NamedRole {u"buchungstext", CsvRole::Description},
    NamedRole {u"beschreibung", CsvRole::Description},
    NamedRole {u"libelle", CsvRole::Description},
    NamedRole {u"libelle operation", CsvRole::Description},
    NamedRole {u"motif", CsvRole::Description},
    NamedRole {u"concepto", CsvRole::Description},
    NamedRole {u"descripcion", CsvRole::Description},
    NamedRole {u"omschrijving", CsvRole::Description},
    NamedRole {u"payee", CsvRole::Payee},
    NamedRole {u"payee name", CsvRole::Payee},
    NamedRole {u"merchant", CsvRole::Payee},
    NamedRole {u"merchant name", CsvRole::Payee},
    NamedRole {u"store name", CsvRole::Payee},
    NamedRole {u"name", CsvRole::Payee},
    NamedRole {u"partner name", CsvRole::Payee},
    NamedRole {u"counterparty", CsvRole::Payee},
    NamedRole {u"counterparty name", CsvRole::Payee},
    NamedRole {u"recipient", CsvRole::Payee},
    NamedRole {u"empfanger", CsvRole::Payee},
    NamedRole {u"zahlungsempfanger", CsvRole::Payee},
    NamedRole {u"auftraggeber/empfanger", CsvRole::Payee},
    NamedRole {u"auftraggeber / empfanger", CsvRole::Payee},
    NamedRole {u"beguenstigter/zahlungspflichtiger", CsvRole::Payee},
    NamedRole {u"beneficiaire", CsvRole::Payee},
    NamedRole {u"tiers", CsvRole::Payee},
    NamedRole {u"beneficiario", CsvRole::Payee},
    NamedRole {u"nombre", CsvRole::Payee},
    NamedRole {u"naam / omschrijving", CsvRole::Payee},
    NamedRole {u"naam", CsvRole::Payee},
    NamedRole {u"notes", CsvRole::Notes},
    NamedRole {u"note", CsvRole::Notes},
    NamedRole {u"memo", CsvRole::Notes},
    NamedRole {u"comments", CsvRole::Notes},
    NamedRole {u"comment", CsvRole::Notes},
    NamedRole {u"additional description", CsvRole::Notes},
    NamedRole {u"notes and #tags", CsvRole::Notes},
    NamedRole {u"notiz", CsvRole::Notes},
    NamedRole {u"notizen", CsvRole::Notes},
    NamedRole {u"bemerkung", CsvRole::Notes},
    NamedRole {u"remarque", CsvRole::Notes},
    NamedRole {u"notas", CsvRole::Notes},
    NamedRole {u"mededelingen", CsvRole::Notes},
    NamedRole {u"category", CsvRole::Category},
    NamedRole {u"class", CsvRole::Category},
    NamedRole {u"kategorie", CsvRole::Category},
    NamedRole {u"categorie", CsvRole::Category},
    NamedRole {u"rubrique", CsvRole::Category},
    NamedRole {u"categoria", CsvRole::Category},
    NamedRole {u"currency", CsvRole::Currency},
    NamedRole {u"currency code", CsvRole::Currency},
    NamedRole {u"ccy", CsvRole::Currency},
    NamedRole {u"wahrung", CsvRole::Currency},
    NamedRole {u"waehrung", CsvRole::Currency},
    NamedRole {u"devise", CsvRole::Currency},
    NamedRole {u"monnaie", CsvRole::Currency},
    NamedRole {u"monn.", CsvRole::Currency},
    NamedRole {u"moneda", CsvRole::Currency},
    NamedRole {u"munt", CsvRole::Currency},
    NamedRole {u"id", CsvRole::ExternalId},
    NamedRole {u"transaction id", CsvRole::ExternalId},
    NamedRole {u"transaction reference", CsvRole::ExternalId},
    NamedRole {u"reference", CsvRole::ExternalId},
    NamedRole {u"reference id", CsvRole::ExternalId},
    NamedRole {u"ref", CsvRole::ExternalId},
    NamedRole {u"fitid", CsvRole::ExternalId},
    NamedRole {u"order id", CsvRole::ExternalId},
    NamedRole {u"referenz", CsvRole::ExternalId},
    NamedRole {u"transaktions-id", CsvRole::ExternalId},
    NamedRole {u"n° de transaction", CsvRole::ExternalId},
    NamedRole {u"numero de transaction", CsvRole::ExternalId},
    NamedRole {u"transactie id", CsvRole::ExternalId},
};

const QHash<QString, CsvRole>& headerTable()
{
    static const QHash<QString, CsvRole> table = [] {
        QHash<QString, CsvRole> t;
        for (const NamedRole& entry : HeaderNames)
            t.insert(entry.name.toString(), entry.role);
        return t;
    }();
    return table;
}

QSet<QString> folded(const QStringList& words)
{
    QSet<QString> set;
    for (const QString& w : words)
        set.insert(w.toCaseFolded());
    return set;
}

const QSet<QString>& debitWords()
{
    static const QSet<QString> words = folded(CsvMapping::defaultDebitWords());
    return words;
}

const QSet<QString>& creditWords()
{
    static const QSet<QString> words = folded(CsvMapping::defaultCreditWords());
    return words;
}

// Most of a column's values: four in five, or all but one of a few (a "Total" row, a pending line).
bool mostly(int count, int of)
{
    return of > 0 && (count * 5 >= of * 4 || (count >= 2 && of - count <= 1));
}

// Half of them, for a column whose header already names its role.
bool half(int count, int of)
{
    return of > 0 && count > 0 && count * 2 >= of;
}

} // namespace

CsvRole CsvColumnRoles::roleFromHeader(QStringView name)
{
    const QString key = CsvMapping::normalizedHeaderName(name);
    const auto found = headerTable().constFind(key);
    if (found != headerTable().constEnd())
        return found.value();
    // "Amount (EUR)", "Betrag (EUR)", "Bedrag (EUR)" — but not "Original Amount", "Local amount".
    for (QStringView prefix : {u"amount (", u"betrag (", u"bedrag (", u"montant (", u"importe (", u"amount in "}) {
        if (key.startsWith(prefix))
            return CsvRole::Amount;
    }
    return CsvRole::None;
}

int CsvColumnRoles::directionOf(QStringView value)
{
    const QString folded = value.trimmed().toString().toCaseFolded();
    if (debitWords().contains(folded))
        return -1;
    return creditWords().contains(folded) ? 1 : 0;
}

void CsvColumnRoles::assign(const QStringList& header, const QList<CsvColumnStats>& stats, CsvMapping& mapping)
{
    const int n = int(stats.size());
    std::vector<CsvRole> named(stats.size(), CsvRole::None);
    for (int i = 0; i < n && i < header.size(); ++i)
        named[size_t(i)] = roleFromHeader(header.at(i));
    std::vector<char> used(stats.size(), 0);
    auto isDate = [&](int i) {
        return mostly(stats[i].dates, stats[i].values);
    };
    auto isAmount = [&](int i) {
        return mostly(stats[i].amounts, stats[i].values);
    };
    auto namedDate = [&](int i) {
        return half(stats[i].dates, stats[i].values);
    };
    auto namedAmount = [&](int i) {
        return half(stats[i].amounts, stats[i].values);
    };
    auto firstNamed = [&](CsvRole role, auto&& accept) {
        for (int i = 0; i < n; ++i) {
            if (!used[i] && named[i] == role && accept(i))
                return i;
        }
        return -1;
    };
    auto take = [&](int i) {
        if (i >= 0)
            used[i] = true;
        return i;
    };
    const auto any = [](int) {
        return true;
    };
    CsvColumns c;

    c.date = firstNamed(CsvRole::Date, namedDate);
    if (c.date < 0)
        c.date = firstNamed(CsvRole::ValueDate, namedDate);
    for (int i = 0; i < n && c.date < 0; ++i) {
        if (named[i] == CsvRole::None && isDate(i))
            c.date = i;
    }
    take(c.date);
    if (c.date >= 0)
        mapping.dateFormat = stats[c.date].dateFormat;

    // The amount: a named signed column, or named debit and credit columns, or the best numeric column.
    mapping.amountMode = CsvAmountMode::Signed;
    c.amount = take(firstNamed(CsvRole::Amount, namedAmount));
    if (c.amount < 0) {
        const auto amountOrEmpty = [&](int i) {
            return stats[i].values == 0 || namedAmount(i);
        };
        const int debit = firstNamed(CsvRole::Debit, amountOrEmpty);
        const int credit = firstNamed(CsvRole::Credit, amountOrEmpty);
        if (debit >= 0 && credit >= 0) {
            mapping.amountMode = CsvAmountMode::DebitCredit;
            c.debit = take(debit);
            c.credit = take(credit);
        }
    }
    if (c.amount < 0 && mapping.amountMode == CsvAmountMode::Signed) {
        QList<int> numeric;
        for (int i = 0; i < n; ++i) {
            if (!used[i] && (named[i] == CsvRole::None || named[i] == CsvRole::Amount) && isAmount(i))
                numeric << i;
        }
        // The column written with decimals and signs is the amount. Debit and credit columns are only taken
        // from header names: without them, which one is money out cannot be told.
        int best = -1;
        int bestScore = -1;
        for (int i : numeric) {
            const int score = 2 * stats[i].withDecimals + stats[i].negatives;
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        c.amount = take(best);
    }
    if (mapping.amountMode == CsvAmountMode::Signed && c.amount >= 0 && stats[c.amount].negatives == 0) {
        const auto allWords = [&](int i) {
            return mostly(stats[i].debitWords + stats[i].creditWords, stats[i].values);
        };
        int direction = firstNamed(CsvRole::Direction, allWords);
        for (int i = 0; i < n && direction < 0; ++i) {
            if (!used[i] && named[i] == CsvRole::None && stats[i].values > 0 && stats[i].debitWords > 0
                && stats[i].creditWords > 0 && stats[i].debitWords + stats[i].creditWords == stats[i].values
                && stats[i].distinct <= 4)
                direction = i;
        }
        if (direction >= 0) {
            mapping.amountMode = CsvAmountMode::Direction;
            c.direction = take(direction);
            mapping.debitWords = CsvMapping::defaultDebitWords();
            mapping.creditWords = CsvMapping::defaultCreditWords();
        }
    }

    c.description = take(firstNamed(CsvRole::Description, any));
    c.payee = take(firstNamed(CsvRole::Payee, any));
    c.notes = take(firstNamed(CsvRole::Notes, any));
    c.category = take(firstNamed(CsvRole::Category, any));
    c.currency
        = take(firstNamed(CsvRole::Currency, [&](int i) { return mostly(stats[i].currencyCodes, stats[i].values); }));
    // An id the ledger can deduplicate on must be on every row and unique.
    int rows = 0;
    for (const CsvColumnStats& s : stats)
        rows = qMax(rows, s.values);
    c.externalId = take(firstNamed(CsvRole::ExternalId, [&](int i) {
        return mostly(stats[i].values, rows) && stats[i].distinct == stats[i].values;
    }));
    if (c.description < 0 && c.payee < 0) {
        // No named text column: the longest text is most likely the description.
        qint64 longest = 0;
        for (int i = 0; i < n; ++i) {
            if (used[i] || named[i] == CsvRole::Balance || !mostly(stats[i].withLetters, stats[i].values) || isDate(i)
                || isAmount(i))
                continue;
            const qint64 average = stats[i].textLength / stats[i].values;
            if (average > longest) {
                longest = average;
                c.description = i;
            }
        }
        take(c.description);
    }
    mapping.columns = c;
}

} // namespace Moniagent
