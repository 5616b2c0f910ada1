// Categorizer: planning changes to existing transactions and previewing a rule over the ledger.
#include "categorizer.h"
#include "categorizerinternal.h"
#include "db/categorizationfeedbackrepository.h"
#include "db/categorizationrulerepository.h"
#include "db/database.h"
#include "db/sql.h"
#include "merchantnormalizer.h"

namespace Moniagent {

using namespace CategorizerInternal;

Result<QList<Categorizer::Change>> Categorizer::plan(Scope scope, bool rulesOnly, const Progress& progress) const
{
    const QString condition = scope == Scope::Uncategorized
        ? QStringLiteral("t.confirmed_by_user = 0 AND t.category_id IS NULL")
        : QStringLiteral("t.confirmed_by_user = 0");
    QSqlDatabase db = m_database->connection();
    auto total = Sql::scalar(
        db, QStringLiteral("SELECT count(*) FROM transactions t WHERE t.user_id = ? AND %1").arg(condition),
        {m_userId});
    if (!total)
        return total.error();
    QList<Change> changes;
    qint64 done = 0;
    qint64 lastId = 0;
    while (true) {
        auto query = Sql::exec(db,
                               QStringLiteral("SELECT %1 FROM transactions t WHERE t.user_id = ? AND %2 AND t.id > ? "
                                              "ORDER BY t.id LIMIT ?")
                                   .arg(TransactionQuery::columns(), condition),
                               {m_userId, lastId, ScanChunk});
        if (!query)
            return query.error();
        int rows = 0;
        QReadLocker locker(&m_lock);
        while (query->next()) {
            ++rows;
            const Transaction before = readTransaction(*query);
            lastId = before.id;
            const CategorizationInput input = CategorizationInput::from(before);
            const CategorySuggestion suggestion = rulesOnly ? ruleSuggestionLocked(input) : suggestLocked(input, false);
            if (!suggestion.categoryId || suggestion.categoryId == before.categoryId)
                continue;
            Transaction after = before;
            after.categoryId = suggestion.categoryId;
            after.categoryConfidence = suggestion.confidence;
            after.categorizedBy = suggestion.by;
            after.sourceMetadata.insert(CategorizationReason::MetadataKey, suggestion.storedReason);
            changes.append({before, after});
        }
        locker.unlock();
        done += rows;
        if (progress && !progress(done, std::max(done, total->toLongLong())))
            return Error::cancelled(tr("Cancelled."));
        if (rows < ScanChunk)
            break;
    }
    return changes;
}

Result<Categorizer::RulePreview> Categorizer::preview(const CategorizationRule& rule, int samples,
                                                      const Progress& progress) const
{
    auto valid = RuleMatcher::validatePattern(rule.type, rule.pattern);
    if (!valid)
        return valid.error();
    // Keyword and exact-match rules can only match rows whose text contains the pattern's words: the full-text
    // index narrows the scan to those. Regular expressions read every row.
    QString candidates;
    QVariantList params {m_userId};
    if (rule.type != RuleType::Regex) {
        QStringList terms;
        for (const QString& word : MerchantNormalizer::words(MerchantNormalizer::fold(rule.pattern))) {
            QString clean;
            for (const QChar c : word) {
                if (c.isLetterOrNumber())
                    clean.append(c);
            }
            if (!clean.isEmpty())
                terms << u'"' + clean + QStringLiteral("\"*");
        }
        if (!terms.isEmpty()) {
            candidates = QStringLiteral(" AND t.id IN (SELECT rowid FROM transactions_fts WHERE transactions_fts "
                                        "MATCH ?)");
            params << terms.join(u' ');
        }
    }
    QSqlDatabase db = m_database->connection();
    auto total = Sql::scalar(
        db, QStringLiteral("SELECT count(*) FROM transactions t WHERE t.user_id = ?%1").arg(candidates), params);
    if (!total)
        return total.error();
    // Compiled once for the whole scan (a regular expression is expensive to compile per row).
    RuleMatcher matcher;
    CategorizationRule compiled = rule;
    compiled.isActive = true;
    matcher.setRules({compiled});
    RulePreview result;
    qint64 done = 0;
    qint64 lastId = 0;
    while (true) {
        QVariantList chunkParams = params;
        chunkParams << lastId << ScanChunk;
        auto query = Sql::exec(db,
                               QStringLiteral("SELECT %1 FROM transactions t WHERE t.user_id = ?%2 AND t.id > ? "
                                              "ORDER BY t.id LIMIT ?")
                                   .arg(TransactionQuery::columns(), candidates),
                               chunkParams);
        if (!query)
            return query.error();
        int rows = 0;
        while (query->next()) {
            ++rows;
            const Transaction t = readTransaction(*query);
            lastId = t.id;
            if (!matcher.match(CategorizationInput::from(t)))
                continue;
            ++result.matching;
            if (!t.confirmedByUser && t.categoryId != rule.categoryId) {
                ++result.changing;
                if (result.samples.size() < samples)
                    result.samples << t;
            }
        }
        done += rows;
        if (progress && !progress(done, std::max(done, total->toLongLong())))
            return Error::cancelled(tr("Cancelled."));
        if (rows < ScanChunk)
            break;
    }
    return result;
}

} // namespace Moniagent
