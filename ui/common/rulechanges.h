#pragma once

#include "categorize/categorizer.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

class QWidget;

namespace Moniagent {

class CategoryRepository;
class TransactionModel;

// Re-categorizing existing transactions from the window: computing the categorizer's plan with a progress
// dialog the user can cancel, saying what would change, and applying it as one undoable step.
class RuleChanges
{
    Q_DECLARE_TR_FUNCTIONS(Moniagent::RuleChanges)
public:
    using Changes = QList<Categorizer::Change>;

    // Categorizer::plan() behind a progress dialog (shown only when it takes a moment). Nothing when the user
    // cancelled or it failed; `error` then says why (empty for a cancel).
    static std::optional<Changes> plan(Categorizer* categorizer, Categorizer::Scope scope, bool rulesOnly,
                                       QWidget* parent, QString* error);
    // Only the changes a given rule made (the rule named by the new category's stored reason).
    static Changes madeBy(const Changes& changes, const CategorizationRule& rule);

    // "23 transactions will change: 12 → Groceries, 8 → Transport & Car, 3 → Shopping".
    static QString summary(const Changes& changes, CategoryRepository* categories, qint64 userId,
                           const QLocale& locale = {});
    // The same counts for a report after the change: "12 → Groceries, 8 → Transport & Car, …".
    static QString breakdown(const Changes& changes, CategoryRepository* categories, qint64 userId,
                             const QLocale& locale = {});

    // Writes the changes as one undo step with the given description.
    static Result<void> apply(TransactionModel* model, const Changes& changes, const QString& description);
};

} // namespace Moniagent
