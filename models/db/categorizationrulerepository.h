#pragma once

#include "core/categorizationrule.h"
#include "core/result.h"

#include <QObject>

namespace Moniagent {

class Database;

// The categorization rules of one user. Every method takes the id of the user it acts for and never reads
// or changes another user's rows. Deleting a category deletes its rules (ON DELETE CASCADE).
class CategorizationRuleRepository : public QObject
{
    Q_OBJECT
public:
    explicit CategorizationRuleRepository(Database* database, QObject* parent = nullptr);

    // Checks the values of a rule (pattern, regular expression syntax, type, threshold); add() and update()
    // also check that the category is the user's.
    static Result<void> validate(const CategorizationRule& rule);

    // Keyword and exact-match patterns are stored trimmed; regular expressions as given.
    Result<qint64> add(qint64 userId, const CategorizationRule& rule);
    // Writes category, pattern, type, threshold, priority, active flag and origin; the hit count is kept.
    Result<void> update(qint64 userId, const CategorizationRule& rule);
    Result<void> remove(qint64 userId, qint64 id);
    Result<void> setActive(qint64 userId, qint64 id, bool active);
    // Counts `by` more matches (the categorizer's statistics; updated_at is left alone).
    Result<void> incrementHits(qint64 userId, qint64 id, int by = 1);

    Result<CategorizationRule> find(qint64 userId, qint64 id) const;
    // In matching order: exact match, then regex, then keyword; within a type by priority (highest first),
    // then oldest first.
    Result<QList<CategorizationRule>> list(qint64 userId, bool activeOnly = false) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Result<void> checkCategory(qint64 userId, qint64 categoryId) const;
    static Error conflictFor(const CategorizationRule& rule, const Error& error);

    Database* m_database;
};

} // namespace Moniagent
