#include "statementmatcher.h"

#include "categorize/categorizationinput.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transactionrepository.h"

#include <QLocale>

namespace Moniagent {

StatementMatcher::StatementMatcher(const TransactionRepository* transactions, qint64 userId, Options options)
    : m_transactions(transactions)
    , m_userId(userId)
    , m_options(options)
{ }

quint64 StatementMatcher::amountKey(TransactionType type, qint64 minor, const QString& currency)
{
    quint64 key = quint64(minor) * 2 + (type == TransactionType::Income ? 1 : 0);
    for (const QChar c : currency)
        key = key * 31 + c.unicode();
    return key;
}

Result<void> StatementMatcher::prepare(const QDate& from, const QDate& to)
{
    m_rows.clear();
    m_byAmount.clear();
    m_byExternalId.clear();
    m_seenInFile.clear();
    if (!from.isValid() || !to.isValid())
        return {};
    auto q
        = Sql::exec(m_transactions->database()->connection(),
                    QStringLiteral("SELECT id, occurred_on, type, amount_minor, currency, merchant_name, description, "
                                   "source, external_id, json_extract(source_metadata, '$.statement.externalId') "
                                   "FROM transactions WHERE user_id = ? AND occurred_on BETWEEN ? AND ?"),
                    {m_userId, from.addDays(-m_options.dateWindowDays).toString(Qt::ISODate),
                     to.addDays(m_options.dateWindowDays).toString(Qt::ISODate)});
    if (!q)
        return q.error();
    // Bank ids are unique per account whatever the date: a row imported before with the same id but a date
    // outside the window (a bank that re-dated a line, another export of the account) is still the same line.
    // Such rows are looked up one by one, and only when the ledger has any.
    const QString from2 = from.addDays(-m_options.dateWindowDays).toString(Qt::ISODate);
    const QString to2 = to.addDays(m_options.dateWindowDays).toString(Qt::ISODate);
    auto outside = Sql::scalar(m_transactions->database()->connection(),
                               QStringLiteral("SELECT EXISTS (SELECT 1 FROM transactions WHERE user_id = ? AND "
                                              "source = 'import' AND external_id IS NOT NULL AND "
                                              "(occurred_on < ? OR occurred_on > ?))"),
                               {m_userId, from2, to2});
    if (!outside)
        return outside.error();
    m_lookUpOutside = outside->toBool();
    while (q->next()) {
        LedgerRow row;
        row.id = q->value(0).toLongLong();
        row.day = QDate::fromString(q->value(1).toString(), Qt::ISODate).toJulianDay();
        const auto type = TransactionEnums::typeFromKey(q->value(2).toString()).value_or(TransactionType::Expense);
        row.merchant = q->value(5).toString();
        row.description = q->value(6).toString();
        row.source = TransactionEnums::sourceFromKey(q->value(7).toString()).value_or(TransactionSource::Manual);
        const QString externalId = q->value(8).toString();
        const QString linkedId = q->value(9).toString();
        const qsizetype index = qsizetype(m_rows.size());
        if (row.source == TransactionSource::Import && !externalId.isEmpty())
            m_byExternalId.insert(externalId, index);
        if (!linkedId.isEmpty()) {
            m_byExternalId.insert(linkedId, index);
            row.used = true; // already joined to a bank line: one transaction appears once on a statement
        }
        m_byAmount.insert(amountKey(type, q->value(3).toLongLong(), q->value(4).toString()), index);
        m_rows.push_back(std::move(row));
    }
    return {};
}

StatementMatcher::Match StatementMatcher::match(const Transaction& candidate)
{
    Match result;
    if (!candidate.externalId.isEmpty()) {
        if (const auto it = m_byExternalId.constFind(candidate.externalId); it != m_byExternalId.cend()) {
            LedgerRow& row = m_rows[size_t(it.value())];
            row.used = true;
            result.status = ImportRowStatus::Duplicate;
            result.id = row.id;
            result.text = describe(row, candidate);
            return result;
        }
        if (m_lookUpOutside) {
            auto found
                = Sql::exec(m_transactions->database()->connection(),
                            QStringLiteral("SELECT id, occurred_on, merchant_name, description FROM transactions "
                                           "WHERE user_id = ? AND source = 'import' AND external_id = ?"),
                            {m_userId, candidate.externalId});
            if (found && found->next()) {
                LedgerRow row;
                row.id = found->value(0).toLongLong();
                row.day = QDate::fromString(found->value(1).toString(), Qt::ISODate).toJulianDay();
                row.merchant = found->value(2).toString();
                row.description = found->value(3).toString();
                row.source = TransactionSource::Import;
                result.status = ImportRowStatus::Duplicate;
                result.id = row.id;
                result.text = describe(row, candidate);
                return result;
            }
        }
        if (m_seenInFile.contains(candidate.externalId)) {
            result.status = ImportRowStatus::Duplicate;
            result.text = tr("the same line appears earlier in this file");
            return result;
        }
        m_seenInFile.insert(candidate.externalId);
    }
    const qint64 day = candidate.occurredOn.toJulianDay();
    const QString key = CategorizationInput::merchantKeyOf(candidate.merchant, candidate.description);
    qsizetype best = -1;
    qint64 bestDistance = 0;
    const quint64 amount = amountKey(candidate.type, candidate.amount.minor(), candidate.amount.currency().code());
    for (auto it = m_byAmount.constFind(amount); it != m_byAmount.cend() && it.key() == amount; ++it) {
        LedgerRow& row = m_rows[size_t(it.value())];
        const qint64 distance = std::abs(row.day - day);
        if (row.used || distance > m_options.dateWindowDays)
            continue;
        if (row.key.isNull())
            row.key = CategorizationInput::merchantKeyOf(row.merchant, row.description);
        // Without a store name on either side only the same day makes it likely.
        const bool similar = key.isEmpty() || row.key.isEmpty() ? distance == 0 : similarStores(key, row.key);
        if (!similar)
            continue;
        if (best < 0 || distance < bestDistance) {
            best = it.value();
            bestDistance = distance;
        }
    }
    if (best >= 0) {
        LedgerRow& row = m_rows[size_t(best)];
        row.used = true;
        result.status = ImportRowStatus::ProbableMatch;
        result.id = row.id;
        result.text = describe(row, candidate);
    }
    return result;
}

bool StatementMatcher::similarStores(const QString& a, const QString& b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (a == b || a.startsWith(b) || b.startsWith(a))
        return true;
    const QStringList wordsA = a.split(u' ', Qt::SkipEmptyParts);
    const QStringList wordsB = b.split(u' ', Qt::SkipEmptyParts);
    // The same first word of some length ("tesco stores 3217" / "tesco extra"): one store, two spellings.
    if (wordsA.first().size() >= 3 && wordsA.first() == wordsB.first())
        return true;
    qsizetype shared = 0;
    for (const QString& word : wordsA)
        shared += word.size() >= 3 && wordsB.contains(word) ? 1 : 0;
    return shared * 2 >= std::min(wordsA.size(), wordsB.size()) && shared > 0;
}

QString StatementMatcher::describe(const LedgerRow& row, const Transaction& like) const
{
    const QLocale locale;
    const QString store = row.merchant.isEmpty() ? row.description : row.merchant;
    return tr("%1 · %2 · %3 · %4")
        .arg(locale.toString(QDate::fromJulianDay(row.day), QLocale::ShortFormat), store, like.amount.toString(locale),
             TransactionEnums::displayName(row.source));
}

} // namespace Moniagent
